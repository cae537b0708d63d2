"""The built-in sample ads: drawn with OpenCV, so a fresh installation can play something.

Nothing is downloaded and drawing is deterministic: the same code gives the same pixels.
`build_sample_content(folder, library)` draws what is missing or damaged into `folder`
and registers every sample in the catalog; running it again changes nothing (a file
whose size and modification time match its catalog entry is neither drawn nor probed).

Other code (the default rules and playlists, tests) refers to these names, tags and
flags: change them only together with that code.

What a shopper reads on a sample (its title, subtitle and a text slide's body) is drawn
in the process's language (`foundation.i18n`, context `player.samples`): a Korean store
gets Korean samples (OpenCV 5 draws Hangul). A sample drawn in another language than
the one spoken now is drawn again, so switching `ui.language` and running
`signage content samples` switches the samples too.
"""

from __future__ import annotations

import logging
import math
import os
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from content.catalog import ContentLibrary
from content.model import ContentItem, ContentKind, TextSlide
from content.probe import probe_media
from foundation.errors import MediaError
from foundation.i18n import tr, tr_noop

log = logging.getLogger(__name__)

IMAGE_SIZE_PX = (1920, 1080)  # (width, height)
VIDEO_SIZE_PX = (1280, 720)  # small enough that the four clips draw and encode in about a second each
VIDEO_FPS = 25.0
VIDEO_DURATION_S = 6.0
IMAGE_DURATION_S = 8.0
TEXT_DURATION_S = 10.0

BGR = tuple[int, int, int]


@dataclass(frozen=True)
class SampleSpec:
    """One sample ad: what it is called, shows and is tagged with."""

    name: str
    kind: ContentKind
    title: str
    subtitle: str
    tags: tuple[str, ...]
    top_bgr: BGR  # background gradient, top
    bottom_bgr: BGR  # background gradient, bottom
    accent_bgr: BGR  # shapes and the subtitle band
    age_restricted: bool = False
    body: str = ""  # text slides only

    @property
    def duration_s(self) -> float:
        """How long the sample shows."""
        return {ContentKind.IMAGE: IMAGE_DURATION_S, ContentKind.VIDEO: VIDEO_DURATION_S}.get(
            self.kind, TEXT_DURATION_S
        )

    @property
    def file_name(self) -> str:
        """The media file's name (text slides have none)."""
        return self.name + {ContentKind.IMAGE: ".png", ContentKind.VIDEO: ".mp4"}.get(self.kind, "")


# The shopper texts are catalogue sources (`tr_noop`): `in_language` translates them.
SAMPLES: tuple[SampleSpec, ...] = (
    SampleSpec("brand_welcome", ContentKind.IMAGE,
               tr_noop("player.samples", "Welcome!"),
               tr_noop("player.samples", "Fresh picks every day"),
               ("brand",), (120, 40, 10), (200, 90, 30), (0, 200, 255)),
    SampleSpec("brand_loop", ContentKind.VIDEO,
               tr_noop("player.samples", "Corner Store"),
               tr_noop("player.samples", "Open 6 am to midnight"),
               ("brand",), (110, 30, 10), (180, 80, 20), (0, 210, 255)),
    SampleSpec("snacks_chips", ContentKind.IMAGE,
               tr_noop("player.samples", "Crunchy Chips"),
               tr_noop("player.samples", "2 bags for $3"),
               ("snacks",), (0, 90, 230), (0, 40, 160), (0, 230, 255)),
    SampleSpec("snacks_candy", ContentKind.VIDEO,
               tr_noop("player.samples", "Candy Time"),
               tr_noop("player.samples", "Sweet deals after school"),
               ("snacks", "sweets"), (180, 80, 255), (120, 20, 200), (255, 255, 120)),
    SampleSpec("drinks_energy", ContentKind.IMAGE,
               tr_noop("player.samples", "Energy Boost"),
               tr_noop("player.samples", "Any can $1.99"),
               ("beverages", "energy_drinks"), (20, 20, 20), (40, 60, 30), (60, 255, 120)),
    SampleSpec("drinks_coffee", ContentKind.IMAGE,
               tr_noop("player.samples", "Hot Coffee"),
               tr_noop("player.samples", "Fresh brewed $1.50"),
               ("beverages", "coffee"), (40, 70, 110), (20, 35, 60), (180, 230, 250)),
    SampleSpec("finance_markets", ContentKind.VIDEO,
               tr_noop("player.samples", "Markets Today"),
               tr_noop("player.samples", "Indices at a glance (sample data)"),
               ("finance_news",), (60, 30, 15), (30, 15, 5), (80, 220, 80)),
    SampleSpec("finance_headlines", ContentKind.TEXT,
               tr_noop("player.samples", "Business Headlines"),
               "",
               ("finance_news",), (0, 0, 0), (0, 0, 0), (0, 0, 0),
               body=tr_noop("player.samples", "Sample headlines: connect a news feed to show live business news here.")),
    SampleSpec("lunch_bento", ContentKind.IMAGE,
               tr_noop("player.samples", "Bento Box"),
               tr_noop("player.samples", "Ready meals from $6"),
               ("lunch", "ready_meals"), (40, 130, 40), (20, 70, 20), (240, 240, 255)),
    SampleSpec("lunch_deals", ContentKind.VIDEO,
               tr_noop("player.samples", "Lunch Deals"),
               tr_noop("player.samples", "Sandwich + drink $5"),
               ("lunch",), (30, 120, 200), (10, 60, 140), (255, 255, 255)),
    SampleSpec("seniors_tea", ContentKind.IMAGE,
               tr_noop("player.samples", "Green Tea"),
               tr_noop("player.samples", "Calm and healthy"),
               ("tea", "health"), (120, 170, 110), (60, 110, 50), (230, 250, 240)),
    SampleSpec("beer_promo", ContentKind.IMAGE,
               tr_noop("player.samples", "Craft Beer"),
               tr_noop("player.samples", "6-pack $9.99 - ID required"),
               ("alcohol",), (20, 110, 170), (10, 50, 90), (80, 220, 255), age_restricted=True),
)

_TEXT_BACKGROUND = "#0f1e3c"
_TEXT_FOREGROUND = "#ffffff"


def build_sample_content(folder: str | Path, library: ContentLibrary) -> list[ContentItem]:
    """Draw the sample ads into `folder` (where missing or damaged) and register them; returns
    the items in `SAMPLES` order. Idempotent: a second run draws nothing and writes nothing.

    A catalog item of a sample's name is overwritten when it differs from the sample.
    """
    folder = Path(os.path.abspath(folder))
    folder.mkdir(parents=True, exist_ok=True)
    items = []
    drawn = 0
    for spec in SAMPLES:
        spec = in_language(spec)
        existing = library.find(spec.name)
        if spec.kind is ContentKind.TEXT:
            items.append(_register_text(spec, existing, library))
            continue
        path = folder / spec.file_name
        if not _file_is_usable(spec, path, existing):
            _draw(spec, path)
            drawn += 1
        items.append(_register_file(spec, path, existing, library))
    log.info("sample content in %s: %d file(s) drawn, %d items", folder, drawn, len(items))
    return items


def in_language(spec: SampleSpec) -> SampleSpec:
    """`spec` with its shopper texts in the process's language (the catalogue's `player.samples`)."""
    return replace(
        spec,
        title=tr("player.samples", spec.title) if spec.title else "",
        subtitle=tr("player.samples", spec.subtitle) if spec.subtitle else "",
        body=tr("player.samples", spec.body) if spec.body else "",
    )


def _file_is_usable(spec: SampleSpec, path: Path, existing: ContentItem | None) -> bool:
    """Whether `path` holds this sample: unchanged since it was catalogued, or probing says so.

    A file catalogued under another title was drawn in another language: not usable.
    """
    if existing is not None and existing.path == str(path) and existing.title != spec.title:
        return False
    try:
        stat = path.stat()
    except OSError:
        return False
    if (
        existing is not None
        and existing.path == str(path)
        and existing.size_bytes == stat.st_size
        and existing.mtime_ns == stat.st_mtime_ns
    ):
        return True
    try:
        info = probe_media(path)
    except MediaError as error:
        log.info("sample %s is drawn again: %s", spec.name, error)
        return False
    size = IMAGE_SIZE_PX if spec.kind is ContentKind.IMAGE else VIDEO_SIZE_PX
    if info.kind is not spec.kind or (info.width_px, info.height_px) != size:
        return False
    return spec.kind is ContentKind.IMAGE or info.frame_count == round(VIDEO_DURATION_S * VIDEO_FPS)


def _register_file(spec: SampleSpec, path: Path, existing: ContentItem | None, library: ContentLibrary) -> ContentItem:
    if (
        existing is not None
        and existing.kind is spec.kind
        and existing.path == str(path)
        and (existing.size_bytes, existing.mtime_ns) == _stat(path)
        and existing.title == spec.title
        and existing.tags == spec.tags
        and existing.age_restricted == spec.age_restricted
        and (spec.kind is ContentKind.VIDEO or existing.duration_s == spec.duration_s)
        and existing.valid_from is None
        and existing.valid_until is None
    ):
        return existing
    return library.add_file(
        path,
        name=spec.name,
        title=spec.title,
        tags=spec.tags,
        duration_s=spec.duration_s if spec.kind is ContentKind.IMAGE else None,
        age_restricted=spec.age_restricted,
        replace=True,
    )


def _register_text(spec: SampleSpec, existing: ContentItem | None, library: ContentLibrary) -> ContentItem:
    expected = ContentItem(
        name=spec.name,
        kind=ContentKind.TEXT,
        title=spec.title,
        duration_s=spec.duration_s,
        tags=spec.tags,
        age_restricted=spec.age_restricted,
        text=TextSlide(body=spec.body, background=_TEXT_BACKGROUND, foreground=_TEXT_FOREGROUND),
    )
    if existing == expected:
        return existing
    return library.add_text(
        spec.name,
        spec.title,
        spec.body,
        duration_s=spec.duration_s,
        tags=spec.tags,
        background=_TEXT_BACKGROUND,
        foreground=_TEXT_FOREGROUND,
        age_restricted=spec.age_restricted,
        replace=True,
    )


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


# ---- drawing --------------------------------------------------------------------------


def _draw(spec: SampleSpec, path: Path) -> None:
    """Draw the sample into `path`, through a hidden temporary file (scans skip it) so a
    crash never leaves a half-written file under the sample's name."""
    partial = path.with_name(f".{path.stem}.writing{path.suffix}")
    try:
        if spec.kind is ContentKind.IMAGE:
            ok, data = cv2.imencode(".png", draw_sample_frame(spec, IMAGE_SIZE_PX, None), [cv2.IMWRITE_PNG_COMPRESSION, 3])
            if not ok:
                raise MediaError(path, "OpenCV could not encode the sample image as PNG")
            partial.write_bytes(data.tobytes())
        else:
            _write_video(spec, partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    log.info("sample %s drawn into %s", spec.name, path)


def _write_video(spec: SampleSpec, path: Path) -> None:
    width, height = VIDEO_SIZE_PX
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), VIDEO_FPS, (width, height))
    if not writer.isOpened():
        raise MediaError(path, "cannot write an MP4 video here (OpenCV's mp4v encoder did not open)")
    try:
        background = _background(spec, VIDEO_SIZE_PX)
        for index in range(round(VIDEO_DURATION_S * VIDEO_FPS)):
            writer.write(draw_sample_frame(spec, VIDEO_SIZE_PX, index / VIDEO_FPS, background))
    finally:
        writer.release()


def draw_sample_frame(
    spec: SampleSpec, size_px: tuple[int, int], ts: float | None, background: np.ndarray | None = None
) -> np.ndarray:
    """One BGR picture of a sample: the still image (`ts` None) or the video frame at `ts` seconds."""
    width, height = size_px
    frame = (_background(spec, size_px) if background is None else background).copy()
    unit = height / 1080  # everything is laid out for 1080 lines and scaled
    phase = 0.0 if ts is None else ts / VIDEO_DURATION_S  # 0..1 over the clip

    # Shapes: three big soft circles drifting across (still images: their resting place).
    for k in range(3):
        angle = 2 * math.pi * (phase + k / 3)
        centre = (int(width * (0.18 + 0.32 * k) + 60 * unit * math.cos(angle)),
                  int(height * (0.22 + 0.1 * k) + 40 * unit * math.sin(angle)))
        radius = int((120 + 40 * k) * unit)
        _blend_circle(frame, centre, radius, spec.accent_bgr, 0.25)
    if spec.name == "finance_markets":
        _draw_chart(frame, spec, phase if ts is not None else 1.0, unit)

    # The title slides in during the first second of a clip.
    slide = 1.0 if ts is None else min(1.0, ts / 1.0)
    title_scale, title_thickness = _fit_text(spec.title, width * 0.86, 5.0 * unit, max(2, int(14 * unit)))
    (title_w, _), _ = cv2.getTextSize(spec.title, cv2.FONT_HERSHEY_DUPLEX, title_scale, title_thickness)
    title_x = int((width - title_w) / 2 - (1 - slide) * width)
    title_y = int(height * 0.58)
    _shadowed_text(frame, spec.title, (title_x, title_y), title_scale, title_thickness, (255, 255, 255), unit)

    # The subtitle on an accent band; in a clip it pulses gently.
    band_top, band_bottom = int(height * 0.68), int(height * 0.82)
    cv2.rectangle(frame, (0, band_top), (width, band_bottom), spec.accent_bgr, -1)
    sub_scale, sub_thickness = _fit_text(spec.subtitle, width * 0.9, 2.2 * unit, max(2, int(5 * unit)))
    if ts is not None:
        sub_scale *= 1.0 + 0.04 * math.sin(2 * math.pi * ts)
    (sub_w, sub_h), _ = cv2.getTextSize(spec.subtitle, cv2.FONT_HERSHEY_DUPLEX, sub_scale, sub_thickness)
    cv2.putText(frame, spec.subtitle, (int((width - sub_w) / 2), int((band_top + band_bottom + sub_h) / 2)),
                cv2.FONT_HERSHEY_DUPLEX, sub_scale, (20, 20, 20), sub_thickness, cv2.LINE_AA)

    if spec.age_restricted:
        centre = (int(width - 170 * unit), int(170 * unit))
        cv2.circle(frame, centre, int(120 * unit), (255, 255, 255), -1, cv2.LINE_AA)
        cv2.circle(frame, centre, int(120 * unit), (0, 0, 200), int(14 * unit), cv2.LINE_AA)
        (badge_w, badge_h), _ = cv2.getTextSize("18+", cv2.FONT_HERSHEY_DUPLEX, 3.0 * unit, int(8 * unit))
        cv2.putText(frame, "18+", (centre[0] - badge_w // 2, centre[1] + badge_h // 2),
                    cv2.FONT_HERSHEY_DUPLEX, 3.0 * unit, (0, 0, 200), int(8 * unit), cv2.LINE_AA)

    cv2.putText(frame, tr("player.samples", "signage sample content"), (int(30 * unit), height - int(30 * unit)),
                cv2.FONT_HERSHEY_SIMPLEX, 0.9 * unit, (235, 235, 235), max(1, int(2 * unit)), cv2.LINE_AA)
    if ts is not None:  # a progress bar, so a viewer sees the clip is moving and where it loops
        cv2.rectangle(frame, (0, height - int(8 * unit)), (int(width * phase), height), spec.accent_bgr, -1)
    return frame


def _blend_circle(frame: np.ndarray, centre: tuple[int, int], radius: int, colour: BGR, opacity: float) -> None:
    """A filled circle at `opacity`, blended only inside its bounding box (a whole-frame
    blend per shape made the clips twice as slow to draw)."""
    height, width = frame.shape[:2]
    x0, y0 = max(0, centre[0] - radius - 1), max(0, centre[1] - radius - 1)
    x1, y1 = min(width, centre[0] + radius + 2), min(height, centre[1] + radius + 2)
    if x0 >= x1 or y0 >= y1:
        return
    region = frame[y0:y1, x0:x1]
    overlay = region.copy()
    cv2.circle(overlay, (centre[0] - x0, centre[1] - y0), radius, colour, -1, cv2.LINE_AA)
    cv2.addWeighted(overlay, opacity, region, 1 - opacity, 0, dst=region)


def _background(spec: SampleSpec, size_px: tuple[int, int]) -> np.ndarray:
    """A vertical gradient from the spec's top colour to its bottom colour."""
    width, height = size_px
    share = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    column = (1 - share) * np.array(spec.top_bgr, np.float32) + share * np.array(spec.bottom_bgr, np.float32)
    return np.repeat(column[:, None, :], width, axis=1).round().astype(np.uint8)


def _draw_chart(frame: np.ndarray, spec: SampleSpec, progress: float, unit: float) -> None:
    """A made-up index line drawn up to `progress` (0..1), over a faint grid."""
    height, width = frame.shape[:2]
    left, right, top, bottom = int(80 * unit), width - int(80 * unit), int(60 * unit), int(height * 0.42)
    for k in range(5):
        y = top + (bottom - top) * k // 4
        cv2.line(frame, (left, y), (right, y), (90, 90, 90), 1, cv2.LINE_AA)
    count = 60
    xs = np.linspace(left, right, count)
    values = 0.5 + 0.25 * np.sin(np.linspace(0, 3 * math.pi, count)) + 0.1 * np.cos(np.linspace(0, 11, count))
    ys = bottom - values * (bottom - top)
    shown = max(2, round(progress * count))
    points = np.stack([xs[:shown], ys[:shown]], axis=1).round().astype(np.int32)
    cv2.polylines(frame, [points], False, spec.accent_bgr, max(2, int(6 * unit)), cv2.LINE_AA)


def _fit_text(text: str, max_width: float, max_scale: float, thickness: int) -> tuple[float, int]:
    """The largest Hershey font scale up to `max_scale` at which `text` fits `max_width` pixels."""
    (text_w, _), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_DUPLEX, max_scale, thickness)
    scale = max_scale if text_w <= max_width else max_scale * max_width / text_w
    return scale, max(1, round(thickness * scale / max_scale))


def _shadowed_text(
    frame: np.ndarray, text: str, origin: tuple[int, int], scale: float, thickness: int, colour: BGR, unit: float
) -> None:
    offset = max(2, int(6 * unit))
    cv2.putText(frame, text, (origin[0] + offset, origin[1] + offset), cv2.FONT_HERSHEY_DUPLEX, scale, (0, 0, 0),
                thickness, cv2.LINE_AA)
    cv2.putText(frame, text, origin, cv2.FONT_HERSHEY_DUPLEX, scale, colour, thickness, cv2.LINE_AA)
