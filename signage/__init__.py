"""signage: a personalized digital-signage controller.

This package is the application (CLI, player, editor, wiring). The libraries
(`audience`, `content`, `playlists`) never import it: what they share with it (errors,
the clock, paths, the database helpers) lives in `foundation`. Nothing here imports Qt
at package level.
"""

__version__ = "0.1.0"
