"""The central server's tables in PostgreSQL (component "server"; numbered, never edited).

People and kiosks:
- `users`, `sessions`: accounts of people (viewer, editor, admin) with Argon2id password
  hashes, and their sessions (the token's SHA-256 only).
- `stores`, `store_groups`, `group_stores`: the chain's stores and their groups (a region,
  a format, any tag, a canary group). A kiosk's groups are its store's groups.
- `kiosks`: one per screen, with its one-time enrolment code and then its token, both
  stored as SHA-256 only. `kiosk_state`: the newest heartbeat (status, release running,
  clock skew) and the last telemetry batch sequence stored.

Content and releases:
- `blobs`: content files by SHA-256 (the bytes live in the content store, a folder or a
  bucket); `library_items`: the named content items a release's playlists refer to.
- `releases`: one group's rules and playlists, versioned per group, immutable, with the
  snapshot of the content items it names (`content`) and its ETag; `release_blobs` lists
  the files a release needs (what a kiosk may download).
- `store_groups.current_release_id` / `canary_release_id` / `canary_group_id`: the staged
  rollout; `rollout_events` its history.

Telemetry (from kiosks; unique keys make a resent batch store nothing twice):
- `telemetry_batches` (kiosk, seq), `plays` (kiosk, play_id), `audience_samples`
  (kiosk, sample_id). Times are the kiosk's local times as it recorded them, with its
  UTC offset and the clock skew measured when the batch arrived.
- `commands`: remote commands (reload, restart, screenshot) and their results.

`audit_log`: every change a person made, in the same transaction as the change.
"""

from __future__ import annotations

COMPONENT = "server"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        user_id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        disabled BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE sessions (
        token_sha256 BYTEA PRIMARY KEY,
        user_id BIGINT NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE stores (
        store_id BIGSERIAL PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL DEFAULT 'UTC',
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE store_groups (
        group_id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('region', 'format', 'tag', 'canary', 'chain')),
        priority INTEGER NOT NULL DEFAULT 0,
        current_release_id BIGINT,
        canary_release_id BIGINT,
        canary_group_id BIGINT REFERENCES store_groups (group_id),
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE group_stores (
        group_id BIGINT NOT NULL REFERENCES store_groups (group_id) ON DELETE CASCADE,
        store_id BIGINT NOT NULL REFERENCES stores (store_id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, store_id)
    );
    CREATE INDEX group_stores_by_store ON group_stores (store_id);
    CREATE TABLE kiosks (
        kiosk_id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        store_id BIGINT NOT NULL REFERENCES stores (store_id),
        token_sha256 BYTEA UNIQUE,
        enrol_code_sha256 BYTEA UNIQUE,
        enrol_expires_at TIMESTAMPTZ,
        enrolled_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ,
        hostname TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (store_id, name)
    );
    CREATE TABLE kiosk_state (
        kiosk_id BIGINT PRIMARY KEY REFERENCES kiosks (kiosk_id) ON DELETE CASCADE,
        last_seq BIGINT NOT NULL DEFAULT 0,
        last_seen_at TIMESTAMPTZ,
        release_id BIGINT,
        clock_skew_s DOUBLE PRECISION,
        utc_offset_s INTEGER,
        status JSONB,
        sync JSONB
    );
    CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
        media_type TEXT NOT NULL,
        stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE library_items (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'text')),
        title TEXT NOT NULL,
        duration_s DOUBLE PRECISION NOT NULL CHECK (duration_s > 0),
        sha256 TEXT REFERENCES blobs (sha256),
        extension TEXT,
        tags JSONB NOT NULL DEFAULT '[]',
        valid_from DATE,
        valid_until DATE,
        age_restricted BOOLEAN NOT NULL DEFAULT false,
        text JSONB,
        updated_by TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        CHECK ((kind = 'text') = (sha256 IS NULL))
    );
    CREATE TABLE releases (
        release_id BIGSERIAL PRIMARY KEY,
        group_id BIGINT NOT NULL REFERENCES store_groups (group_id),
        version INTEGER NOT NULL,
        document JSONB NOT NULL,
        document_yaml TEXT NOT NULL,
        content JSONB NOT NULL,
        etag TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (group_id, version)
    );
    CREATE TABLE release_blobs (
        release_id BIGINT NOT NULL REFERENCES releases (release_id),
        sha256 TEXT NOT NULL REFERENCES blobs (sha256),
        PRIMARY KEY (release_id, sha256)
    );
    CREATE INDEX release_blobs_by_blob ON release_blobs (sha256);
    ALTER TABLE store_groups
        ADD FOREIGN KEY (current_release_id) REFERENCES releases (release_id),
        ADD FOREIGN KEY (canary_release_id) REFERENCES releases (release_id);
    CREATE TABLE rollout_events (
        event_id BIGSERIAL PRIMARY KEY,
        group_id BIGINT NOT NULL REFERENCES store_groups (group_id),
        release_id BIGINT REFERENCES releases (release_id),
        stage TEXT NOT NULL CHECK (stage IN ('canary', 'all', 'rollback')),
        canary_group_id BIGINT REFERENCES store_groups (group_id),
        by_user TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE telemetry_batches (
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        seq BIGINT NOT NULL,
        received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        plays INTEGER NOT NULL,
        audience INTEGER NOT NULL,
        clock_skew_s DOUBLE PRECISION,
        PRIMARY KEY (kiosk_id, seq)
    );
    CREATE TABLE plays (
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        play_id BIGINT NOT NULL,
        started_at TIMESTAMP NOT NULL,
        ended_at TIMESTAMP,
        utc_offset_s INTEGER NOT NULL,
        playlist TEXT,
        item TEXT NOT NULL,
        kind TEXT NOT NULL,
        rule TEXT,
        planned_s DOUBLE PRECISION NOT NULL,
        outcome TEXT,
        error TEXT,
        reason TEXT NOT NULL,
        signal TEXT NOT NULL,
        group_size INTEGER NOT NULL,
        dominant_segment TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        counts_by_age_group JSONB NOT NULL,
        counts_by_attire JSONB NOT NULL,
        release_id BIGINT,
        PRIMARY KEY (kiosk_id, play_id)
    );
    CREATE INDEX plays_started_at ON plays (started_at);
    CREATE TABLE audience_samples (
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        sample_id BIGINT NOT NULL,
        at TIMESTAMP NOT NULL,
        utc_offset_s INTEGER NOT NULL,
        signal TEXT NOT NULL,
        group_size INTEGER NOT NULL,
        dominant_segment TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        counts_by_age_group JSONB NOT NULL,
        counts_by_attire JSONB NOT NULL,
        PRIMARY KEY (kiosk_id, sample_id)
    );
    CREATE INDEX audience_samples_at ON audience_samples (at);
    CREATE TABLE commands (
        command_id BIGSERIAL PRIMARY KEY,
        kiosk_id BIGINT NOT NULL REFERENCES kiosks (kiosk_id),
        kind TEXT NOT NULL CHECK (kind IN ('reload', 'restart', 'screenshot')),
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        delivered_at TIMESTAMPTZ,
        acked_at TIMESTAMPTZ,
        result TEXT CHECK (result IN ('done', 'failed')),
        detail TEXT,
        screenshot BYTEA
    );
    CREATE INDEX commands_open ON commands (kiosk_id) WHERE acked_at IS NULL;
    CREATE TABLE audit_log (
        audit_id BIGSERIAL PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL DEFAULT now(),
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail JSONB NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_log_at ON audit_log (at);
    """,
)
