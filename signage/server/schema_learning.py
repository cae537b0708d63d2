"""Chain-wide learning in PostgreSQL (component "learning"; numbered, never edited).

Purchase history, one `source` per store (the store's code, `stores.code`, e.g.
`cj-store-367`), in the same four tables and columns as the kiosk's SQLite
(`playlists.purchases`), so the learner's two GROUP BY queries
(`playlists.learning.BASKET_QUERY`, `CATEGORY_QUERY`) run here with the same text:

- `purchase_imports`: one row per source: what kind of import filled it
  (`completejourney` | `sqlite`), from where, when, and how many lines and baskets.
- `purchase_lines`, `baskets`, `basket_categories`: as in SQLite. `day` is a DATE and
  `ts` a TIMESTAMP (local, naive, as the store's till wrote it); the learner compares
  `day` with ISO dates, which PostgreSQL reads as dates.

Suggestions per store group (`store_groups` of the "server" component, whose stores
are `group_stores`):

- `learning_runs`: one row per `POST /learning/run`: the group, the days learned from,
  the stores whose history was used, baskets, findings, the settings, who and when.
- `learning_findings`: every finding of a run with its numbers, and the suggestion it
  became (`suggestion`) or why it did not (`problem`: no playlist carries the tag, ...).
- `group_suggestions`: the group's suggested rules, one per rule name, with the numbers
  behind each and their state: `suggested`, `accepted` (goes into the group's next
  release) or `rejected` (never suggested again). Re-learning refreshes the numbers
  and keeps the state, as the kiosk's `apply_suggestions` does.

Their text columns are codes, compared and grouped byte by byte (`COLLATE "C"`): with
the database's C.UTF-8 collation the learner's category query sorted 1 M rows through
strcoll (3.4 s of its 4.8 s on Complete Journey) and the primary keys built slower.

The purchase tables have no foreign key to `stores`: history may be imported before an
admin sorts its stores into groups, and a store's history outlives a renamed code.
"""

from __future__ import annotations

COMPONENT = "learning"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE purchase_imports (
        source TEXT COLLATE "C" PRIMARY KEY,  -- the store's code (stores.code)
        kind TEXT NOT NULL CHECK (kind IN ('completejourney', 'sqlite')),
        origin TEXT NOT NULL,               -- the data set, or the SQLite file and its source
        imported_at TIMESTAMPTZ NOT NULL,
        imported_by TEXT NOT NULL,
        lines BIGINT NOT NULL,
        baskets BIGINT NOT NULL
    );
    CREATE TABLE purchase_lines (
        source TEXT COLLATE "C" NOT NULL,
        line_key TEXT COLLATE "C" NOT NULL,
        basket_id TEXT COLLATE "C" NOT NULL,
        ts TIMESTAMP NOT NULL,              -- local time of the store
        product TEXT COLLATE "C",
        category TEXT COLLATE "C" NOT NULL,             -- '' when the line has none
        quantity DOUBLE PRECISION,
        amount DOUBLE PRECISION,
        PRIMARY KEY (source, line_key)
    );
    CREATE TABLE baskets (
        source TEXT COLLATE "C" NOT NULL,
        basket_id TEXT COLLATE "C" NOT NULL,
        day DATE NOT NULL,                  -- local date of the basket's first line
        hour SMALLINT NOT NULL CHECK (hour BETWEEN 0 AND 23),
        weekday SMALLINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),   -- Monday = 0
        customer TEXT COLLATE "C",
        age_band TEXT COLLATE "C",                      -- as in the data ('25-34'); NULL when unknown
        segment TEXT COLLATE "C",
        PRIMARY KEY (source, basket_id)
    );
    CREATE TABLE basket_categories (
        source TEXT COLLATE "C" NOT NULL,
        basket_id TEXT COLLATE "C" NOT NULL,
        category TEXT COLLATE "C" NOT NULL,
        day DATE NOT NULL,
        hour SMALLINT NOT NULL CHECK (hour BETWEEN 0 AND 23),
        weekday SMALLINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        age_band TEXT COLLATE "C",
        segment TEXT COLLATE "C",
        PRIMARY KEY (source, basket_id, category)
    );

    CREATE TABLE learning_runs (
        run_id BIGSERIAL PRIMARY KEY,
        group_id BIGINT NOT NULL REFERENCES store_groups (group_id) ON DELETE CASCADE,
        from_day DATE,                      -- [from_day, until_day); NULL: open
        until_day DATE,
        stores TEXT[] NOT NULL,             -- codes of the stores whose history was used
        baskets BIGINT NOT NULL,
        findings INTEGER NOT NULL,
        settings JSONB NOT NULL,
        run_by TEXT NOT NULL,
        run_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX learning_runs_by_group ON learning_runs (group_id, run_id);
    CREATE TABLE learning_findings (
        run_id BIGINT NOT NULL REFERENCES learning_runs (run_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,          -- 1 = the highest lift
        category TEXT NOT NULL,
        age_group TEXT,
        segment TEXT,
        day_part TEXT NOT NULL,
        day_type TEXT NOT NULL CHECK (day_type IN ('weekday', 'weekend')),
        context_baskets DOUBLE PRECISION NOT NULL,
        category_baskets DOUBLE PRECISION NOT NULL,
        support DOUBLE PRECISION NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        expected DOUBLE PRECISION NOT NULL,
        lift DOUBLE PRECISION NOT NULL,
        lift_lower_95 DOUBLE PRECISION NOT NULL,
        suggestion TEXT,                    -- the rule it became, if any
        problem TEXT NOT NULL DEFAULT '',   -- why it became none ('' when it did, or was outranked)
        PRIMARY KEY (run_id, position)
    );
    CREATE TABLE group_suggestions (
        group_id BIGINT NOT NULL REFERENCES store_groups (group_id) ON DELETE CASCADE,
        name TEXT NOT NULL,                 -- the rule's name, learned_<who>_<part>_<days>_<playlist>
        state TEXT NOT NULL CHECK (state IN ('suggested', 'accepted', 'rejected')),
        run_id BIGINT NOT NULL REFERENCES learning_runs (run_id),   -- the run that last found it
        playlist TEXT NOT NULL,
        category TEXT NOT NULL,
        sentence TEXT NOT NULL,
        support DOUBLE PRECISION NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        lift DOUBLE PRECISION NOT NULL,
        lift_lower_95 DOUBLE PRECISION NOT NULL,
        baskets DOUBLE PRECISION NOT NULL,
        baskets_with_category DOUBLE PRECISION NOT NULL,
        rule JSONB NOT NULL,                -- playlists.codec.rule_to_dict of the (disabled) rule
        state_by TEXT,
        state_at TIMESTAMPTZ,
        PRIMARY KEY (group_id, name)
    );
    """,
)
