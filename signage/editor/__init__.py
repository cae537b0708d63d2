"""The rule editor for marketers: a PySide6 window over the same SQLite store as the player."""
