"""The one exception hierarchy of the project.

Every error a user can cause (a bad file, a missing camera, a malformed config) is a
`SignageError`; the CLI turns it into a single line on stderr and a non-zero exit code
in one place (`signage.cli.main`). Anything else is a bug and keeps its traceback.
"""


class SignageError(Exception):
    """Root of every expected, user-facing error."""

    exit_code = 2


class ConfigError(SignageError):
    """A config, calibration or profile file is missing, malformed or has unknown keys."""


class SourceError(SignageError):
    """A frame source (camera, video file, stream, image folder) cannot be opened or read."""

    exit_code = 3


class ModelError(SignageError):
    """A model file or an optional backend is missing or does not match its manifest."""

    exit_code = 4


class DataError(SignageError):
    """An input data file (labels CSV, purchase history) is missing or malformed."""
