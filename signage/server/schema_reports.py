"""The reports' rollup tables in PostgreSQL (component "reports"; numbered, never edited).

`signage.server.rollup` fills them; `signage.server.reports` reads them for the days they
hold and the raw `plays` / `audience_samples` for the rest (see rollup.py for why the two
together give exactly the raw numbers).

- `report_play_hours`: per kiosk, store-local day and hour (a play counts in the hour it
  started): plays and seconds on screen (`PlayRecord.shown_s`).
- `report_rule_days`: per kiosk, store-local day and rule label (the rule, or the default
  playlist, or the built-in slide): plays and playlist starts.
- `report_audience_hours`: per kiosk, store-local day, weekday, hour and segment label:
  audience samples.
- `report_watermarks`: per kiosk, the last store-local day rolled up and the store's time
  zone it was rolled up in (a kiosk whose store changed zone is rolled up again).
- `report_dirty_days`: (kiosk, store-local day) pairs whose raw rows changed since the
  rollup last ran: written by statement triggers on `plays` and `audience_samples`, so
  every writer (the telemetry endpoint, a script, a test) marks what it changed, in the
  same transaction as the change.
- `report_kiosk_offsets`: per kiosk, the smallest and largest UTC offset of its rows
  (kept by the same triggers): a kiosk's naive times of a store-local day lie between
  that day's start in UTC plus the smallest and its end plus the largest, so the report
  and the rollup read just those (rather than 18 h on either side).
- `plays (kiosk_id, started_at, play_id)` and `audience_samples (kiosk_id, at)`: the rollup
  re-reads one kiosk's days at a time, and the report's look-up of a kiosk's previous play
  walks the first index backwards.
"""

from __future__ import annotations

COMPONENT = "reports"

# The triggers' day is the report's: UTC = local - offset, then the store's zone. The
# ON CONFLICT ... DO UPDATE ... WHERE false writes nothing but locks the existing row
# until the batch commits, which is what lets the rollup job skip (SKIP LOCKED) a day
# whose new rows it cannot see yet instead of clearing its mark (rollup.py).
_MARK = """
    CREATE FUNCTION report_mark_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO report_dirty_days (kiosk_id, day)
        SELECT DISTINCT n.kiosk_id,
               (((n.{column} - make_interval(secs => n.utc_offset_s)) AT TIME ZONE 'UTC') AT TIME ZONE s.timezone)::date
        FROM changed n JOIN kiosks k ON k.kiosk_id = n.kiosk_id JOIN stores s ON s.store_id = k.store_id
        ORDER BY 1, 2
        ON CONFLICT (kiosk_id, day) DO UPDATE SET day = EXCLUDED.day WHERE false;
        IF TG_OP = 'INSERT' THEN
            -- Only offsets outside the kiosk's known range are written (a clock moved to
            -- another zone): the usual batch reads the row and leaves it alone.
            INSERT INTO report_kiosk_offsets AS o (kiosk_id, min_offset_s, max_offset_s)
            SELECT n.kiosk_id, n.low, n.high
            FROM (SELECT kiosk_id, min(utc_offset_s) AS low, max(utc_offset_s) AS high FROM changed GROUP BY kiosk_id) n
            WHERE NOT EXISTS (SELECT 1 FROM report_kiosk_offsets k WHERE k.kiosk_id = n.kiosk_id
                              AND k.min_offset_s <= n.low AND k.max_offset_s >= n.high)
            ORDER BY n.kiosk_id
            ON CONFLICT (kiosk_id) DO UPDATE
                SET min_offset_s = LEAST(o.min_offset_s, EXCLUDED.min_offset_s),
                    max_offset_s = GREATEST(o.max_offset_s, EXCLUDED.max_offset_s)
                WHERE EXCLUDED.min_offset_s < o.min_offset_s OR EXCLUDED.max_offset_s > o.max_offset_s;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER report_mark_{table}_insert AFTER INSERT ON {table}
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_mark_{table}();
    -- An update is rare (a play resent with its end): a row trigger, so that the usual
    -- batch, whose ON CONFLICT updates nothing, pays nothing for it (a statement trigger
    -- fired for every batch cost 0.2 ms of its 1.5).
    CREATE FUNCTION report_mark_{table}_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO report_dirty_days (kiosk_id, day)
        SELECT DISTINCT v.kiosk_id,
               (((v.at - make_interval(secs => v.utc_offset_s)) AT TIME ZONE 'UTC') AT TIME ZONE s.timezone)::date
        FROM (VALUES (OLD.kiosk_id, OLD.{column}, OLD.utc_offset_s), (NEW.kiosk_id, NEW.{column}, NEW.utc_offset_s))
             AS v (kiosk_id, at, utc_offset_s)
        JOIN kiosks k ON k.kiosk_id = v.kiosk_id JOIN stores s ON s.store_id = k.store_id
        ORDER BY 1, 2
        ON CONFLICT (kiosk_id, day) DO UPDATE SET day = EXCLUDED.day WHERE false;
        RETURN NULL;
    END $$;
    CREATE TRIGGER report_mark_{table}_update AFTER UPDATE ON {table}
        FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION report_mark_{table}_row();
    CREATE TRIGGER report_mark_{table}_delete AFTER DELETE ON {table}
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_mark_{table}();
"""

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE report_play_hours (
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        day DATE NOT NULL,
        hour SMALLINT NOT NULL CHECK (hour BETWEEN 0 AND 23),
        plays INTEGER NOT NULL,
        seconds DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (kiosk_id, day, hour)
    );
    CREATE INDEX report_play_hours_by_day ON report_play_hours (day);
    CREATE TABLE report_rule_days (
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        day DATE NOT NULL,
        label TEXT NOT NULL,
        plays INTEGER NOT NULL,
        starts INTEGER NOT NULL,
        PRIMARY KEY (kiosk_id, day, label)
    );
    CREATE INDEX report_rule_days_by_day ON report_rule_days (day);
    CREATE TABLE report_audience_hours (
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        day DATE NOT NULL,
        weekday SMALLINT NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        hour SMALLINT NOT NULL CHECK (hour BETWEEN 0 AND 23),
        segment TEXT NOT NULL,
        samples INTEGER NOT NULL,
        PRIMARY KEY (kiosk_id, day, hour, segment)
    );
    CREATE INDEX report_audience_hours_by_day ON report_audience_hours (day);
    CREATE TABLE report_watermarks (
        kiosk_id BIGINT PRIMARY KEY REFERENCES kiosks (kiosk_id),
        timezone TEXT NOT NULL,
        rolled_through DATE NOT NULL,
        rolled_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE report_dirty_days (
        kiosk_id BIGINT NOT NULL,
        day DATE NOT NULL,
        PRIMARY KEY (kiosk_id, day)
    );
    CREATE TABLE report_kiosk_offsets (
        kiosk_id BIGINT PRIMARY KEY,
        min_offset_s INTEGER NOT NULL,
        max_offset_s INTEGER NOT NULL
    );
    INSERT INTO report_kiosk_offsets (kiosk_id, min_offset_s, max_offset_s)
    SELECT kiosk_id, min(low), max(high) FROM (
        SELECT kiosk_id, min(utc_offset_s) AS low, max(utc_offset_s) AS high FROM plays GROUP BY kiosk_id
        UNION ALL
        SELECT kiosk_id, min(utc_offset_s), max(utc_offset_s) FROM audience_samples GROUP BY kiosk_id
    ) offsets GROUP BY kiosk_id;
    CREATE INDEX plays_by_kiosk_time ON plays (kiosk_id, started_at, play_id);
    CREATE INDEX audience_samples_by_kiosk_time ON audience_samples (kiosk_id, at);
    """
    + _MARK.format(table="plays", column="started_at")
    + _MARK.format(table="audience_samples", column="at"),
)
