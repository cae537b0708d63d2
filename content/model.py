"""The content item: one ad the player can show, as the catalog describes it."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class ContentKind(str, enum.Enum):
    """How the player shows an item."""

    IMAGE = "image"  # PNG, JPEG, WebP
    VIDEO = "video"  # MP4, WebM, MOV, AVI
    TEXT = "text"  # a slide the player renders from title, body and colours


@dataclass(frozen=True)
class TextSlide:
    """What a text item shows."""

    body: str = ""
    background: str = "#202020"  # #rrggbb
    foreground: str = "#ffffff"  # #rrggbb


@dataclass(frozen=True)
class ContentItem:
    """One item of the media library.

    `name` is the stable key playlists refer to (a slug such as `snack_chips`); `path` is
    the media file (None for text slides). `duration_s` is probed from the file for
    video and set for images and text slides.
    """

    name: str
    kind: ContentKind
    title: str
    duration_s: float
    path: str | None = None
    tags: tuple[str, ...] = ()  # categories such as snacks, beverages, finance_news, alcohol
    valid_from: dt.date | None = None  # inclusive; None = no start
    valid_until: dt.date | None = None  # inclusive; None = no end
    age_restricted: bool = False  # alcohol, tobacco, lottery: never shown while minors may be present
    width_px: int | None = None
    height_px: int | None = None
    text: TextSlide | None = None  # for kind TEXT
    size_bytes: int | None = None  # of the file when it was imported (rescans compare it)
    mtime_ns: int | None = None  # of the file when it was imported

    def validity(self) -> str:
        """The dates it may be shown, in words: 'always', 'from 2026-12-01', 'until ...',
        or '2026-12-01 to 2026-12-31'."""
        if self.valid_from is None and self.valid_until is None:
            return "always"
        if self.valid_until is None:
            return f"from {self.valid_from.isoformat()}"
        if self.valid_from is None:
            return f"until {self.valid_until.isoformat()}"
        return f"{self.valid_from.isoformat()} to {self.valid_until.isoformat()}"

    def valid_on(self, day: dt.date) -> bool:
        """Whether the item may be shown on `day`."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        if self.valid_until is not None and day > self.valid_until:
            return False
        return True
