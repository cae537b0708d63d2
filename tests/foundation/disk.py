"""Making files unwritable the way a shop floor does, and undoing it.

As root (the kiosk's installer, CI) mode bits do not stop a write, so files are made
immutable with `chattr +i`, which stops root too; as any other user `chmod a-w` is the
same thing for that user. Undone at the end of the test, even when it fails, so pytest
can remove its temporary folders.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

AS_ROOT = os.geteuid() == 0


class Freezer:
    """`freeze(path, ...)` makes files or folders unwritable; `thaw()` undoes it all."""

    def __init__(self) -> None:
        self._frozen: list[tuple[Path, int]] = []

    def freeze(self, *paths: Path) -> None:
        """Make each of `paths` unwritable (immutable as root)."""
        for path in paths:
            path = Path(path)
            mode = stat.S_IMODE(path.stat().st_mode)
            if AS_ROOT:
                subprocess.run(["chattr", "+i", str(path)], check=True)
            else:
                path.chmod(mode & ~0o222)
            self._frozen.append((path, mode))

    def thaw(self, *paths: Path) -> None:
        """Undo `freeze` for `paths` (all of them when none are named)."""
        wanted = {Path(path) for path in paths}
        keep = []
        for path, mode in self._frozen:
            if wanted and path not in wanted:
                keep.append((path, mode))
                continue
            if AS_ROOT:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(mode)
        self._frozen = keep
