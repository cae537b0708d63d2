"""Playlists, targeting rules and decisions (Qt-free)."""
