"""Progress bars for long commands: a `progress(done, total)` callback the libraries call."""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_callback(description: str, unit: str, **tqdm_options) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """(progress(done, total), close): a tqdm bar on stderr that the callback moves.

    `tqdm_options` go to tqdm as they are (`disable=None` shows the bar only on a terminal).
    """
    from tqdm import tqdm

    bar = tqdm(desc=description, unit=unit, file=sys.stderr, leave=False, **tqdm_options)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    return progress, bar.close
