"""Progress bars for long commands, on a terminal only.

A bar redraws itself with carriage returns many times a second: in a redirected log, a
pipe or the journal that is hundreds of lines of noise. Every bar of the CLI is made
here, and none is shown when stderr is not a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def stderr_is_terminal() -> bool:
    """True when stderr is a terminal a person watches (not a file, a pipe or the journal)."""
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def progress_bar(description: str, unit: str, total: int | None = None, **tqdm_options):
    """A tqdm bar on stderr, or None when stderr is not a terminal (nothing to update)."""
    if not stderr_is_terminal():
        return None
    from tqdm import tqdm

    return tqdm(desc=description, unit=unit, total=total, file=sys.stderr, leave=False, **tqdm_options)


def progress_callback(description: str, unit: str, **tqdm_options) -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """(progress(done, total), close): a tqdm bar on stderr that the callback moves.

    When stderr is not a terminal there is no bar: `progress` is None (the libraries
    take None for "no progress") and `close` does nothing. `tqdm_options` go to tqdm as
    they are.
    """
    tqdm_options.pop("disable", None)  # decided here, from stderr, for every caller
    bar = progress_bar(description, unit, **tqdm_options)
    if bar is None:
        return None, lambda: None

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    return progress, bar.close
