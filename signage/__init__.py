"""signage: a personalized digital-signage controller.

This package is the application (CLI, player, editor, wiring). It stays import-light:
`signage.errors` and `signage.clock` are shared with the Qt-free libraries
`audience`, `content` and `playlists`, so nothing here imports Qt at package level.
"""

__version__ = "0.1.0"
