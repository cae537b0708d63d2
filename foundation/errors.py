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


class MediaError(SignageError):
    """A media file (an image or video ad) is missing, unsupported, truncated or cannot be decoded.

    `path` and `reason` are kept apart so a folder scan can list each rejected file with
    its reason; the message is both on one line.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = " ".join(reason.split())
        super().__init__(" ".join(f"{self.path}: {self.reason}".split()))


class ValidationError(SignageError):
    """Input that breaks the rules of its format: every problem found, one line each.

    `problems` holds the lines (for a file: `file:line: field: what is wrong`); the
    message is those lines joined, so a single problem is a one-line error as usual.
    """

    def __init__(self, problems: str | list[str] | tuple[str, ...]) -> None:
        self.problems = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__("\n".join(self.problems))


class NotFoundError(SignageError):
    """A named rule, playlist or version does not exist (the message suggests close names)."""


class ConflictError(SignageError):
    """A change was based on a version someone else has changed since, or the name is taken."""

    exit_code = 5


class InUseError(SignageError):
    """Something cannot be deleted while others refer to it (the message names them)."""
