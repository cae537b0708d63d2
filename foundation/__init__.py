"""What every other package stands on: errors, the clock, paths and the SQLite helpers.

`audience`, `content` and `playlists` (the Qt-free libraries) and `signage` (the
application) all import from here; this package imports none of them, and no library
imports the application (`tests/test_architecture.py` checks both).
"""
