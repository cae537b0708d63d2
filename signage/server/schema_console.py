"""The console's own tables in PostgreSQL (component "console"; numbered, never edited).

- `content_thumbnails`: a small JPEG of each content file the console shows (an image
  scaled down, or a frame of a video), made once from the stored file with OpenCV and
  kept here so the library page does not decode ads on every view; whatever the content
  store is (a folder or a bucket), the thumbnails live with the rest of the server's
  state. A file that cannot be made into one keeps the reason (`problem`) instead, so it
  is not decoded again and again. These are ads uploaded by people, never camera frames.
"""

from __future__ import annotations

COMPONENT = "console"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE content_thumbnails (
        sha256 TEXT PRIMARY KEY REFERENCES blobs (sha256) ON DELETE CASCADE,
        jpeg BYTEA,
        width_px INTEGER,
        height_px INTEGER,
        problem TEXT,
        made_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        CHECK ((jpeg IS NULL) <> (problem IS NULL))
    );
    """,
)
