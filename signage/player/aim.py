"""The aiming picture: where the camera sees faces, to point it at the entrance.

An operator mounting the camera needs to see what it sees, but the player must never
show or keep camera pixels (README, Privacy). The aiming picture is a small rectangle in
a corner of the screen shaped like the camera's frame, with a box per face the engine
tracks, its track id and its age group / attire: geometry and labels only. The audience
worker builds an `AimView` per analysed frame only while the picture is on screen, keeps
only the newest, and keeps nothing else; F2 (or `signage play --aim`) shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from foundation.i18n import tr

AIM_KEY = "F2"  # F1 is the text overlay
AIM_REFRESH_MS = 100  # repaint rate while shown: boxes follow a walking visitor smoothly enough to aim by
AIM_WIDTH_SHARE = 0.32  # the picture's width, as a share of the window's
AIM_MIN_WIDTH_PX = 240
AIM_MARGIN_PX = 16
BOX_COLOUR = QColor(60, 255, 60)  # bright green: visible on any ad, and what the test looks for
FRAME_COLOUR = QColor(235, 235, 235)
BACKGROUND_COLOUR = QColor(0, 0, 0, 190)


@dataclass(frozen=True)
class AimFace:
    """One tracked face: its box in the camera frame's pixels, its id and what it is."""

    track_id: int
    xyxy: tuple[float, float, float, float]
    label: str  # "adult/business"; "" until the engine has an estimate


@dataclass(frozen=True)
class AimView:
    """What the aiming picture draws: the camera frame's size and the faces in it."""

    frame_width_px: int
    frame_height_px: int
    faces: tuple[AimFace, ...]
    signal: str = "ok"  # "ok" or "no signal"


class AimOverlay(QWidget):
    """The aiming picture, floating over the player's surface in the bottom-right corner.

    `source` gives the newest `AimView` (or None: no frame analysed yet). While shown it
    repaints every `AIM_REFRESH_MS`; hidden, its timer stops.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.source: Callable[[], AimView | None] | None = None
        self._view: AimView | None = None
        self._aspect = 16 / 9  # until a frame tells the camera's own
        self._timer = QTimer(self)
        self._timer.setInterval(AIM_REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.hide()

    def place(self) -> None:
        """Size and place the picture in the parent's bottom-right corner, shaped like the frame."""
        parent = self.parentWidget()
        width = max(AIM_MIN_WIDTH_PX, int(parent.width() * AIM_WIDTH_SHARE))
        width = min(width, max(parent.width() - 2 * AIM_MARGIN_PX, 1))
        height = max(int(width / self._aspect), 1)
        self.setGeometry(
            parent.width() - width - AIM_MARGIN_PX, parent.height() - height - AIM_MARGIN_PX, width, height
        )

    def showEvent(self, event) -> None:
        """Start repainting."""
        super().showEvent(event)
        self._timer.start()
        self._refresh()

    def hideEvent(self, event) -> None:
        """Stop repainting."""
        self._timer.stop()
        super().hideEvent(event)

    def _refresh(self) -> None:
        view = self.source() if self.source is not None else None
        if view is not None and view.frame_width_px > 0 and view.frame_height_px > 0:
            aspect = view.frame_width_px / view.frame_height_px
            if abs(aspect - self._aspect) > 1e-3:
                self._aspect = aspect
                self.place()
        self._view = view
        self.update()

    def paintEvent(self, event) -> None:
        """Draw the newest view."""
        painter = QPainter(self)
        try:
            paint_aim(painter, QRectF(self.rect()), self._view)
        finally:
            painter.end()

    def frame_to_widget(self, x_px: float, y_px: float, view: AimView) -> tuple[float, float]:
        """Where a point of the camera frame is drawn, in this widget's coordinates."""
        return _scale(QRectF(self.rect()), view)(x_px, y_px)


def paint_aim(painter: QPainter, area: QRectF, view: AimView | None) -> None:
    """Paint the aiming picture of `view` into `area`: a dark frame-shaped panel, a box,
    id and label per face, and a caption. No picture from the camera is involved."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(area, BACKGROUND_COLOUR)
    painter.setPen(QPen(FRAME_COLOUR, 1))
    painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5))
    font = QFont("DejaVu Sans", 10)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    if view is None:
        caption = tr("player", "aim: no camera frame yet")
    elif view.signal == "no signal":
        caption = tr("player", "aim: the camera has no signal")
    elif view.signal != "ok":
        caption = tr("player", "aim: {signal}", signal=view.signal)
    else:
        caption = tr(
            "player", "aim: %n faces ({width}x{height})",
            n=len(view.faces), width=view.frame_width_px, height=view.frame_height_px,
        )
    painter.drawText(
        area.adjusted(6, 4, -6, -4), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), caption
    )
    if view is None or view.signal != "ok":
        return
    to_widget = _scale(area, view)
    painter.setPen(QPen(BOX_COLOUR, 2))
    for face in view.faces:
        x0, y0 = to_widget(face.xyxy[0], face.xyxy[1])
        x1, y1 = to_widget(face.xyxy[2], face.xyxy[3])
        box = QRectF(x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0)).intersected(area)
        if box.isEmpty():
            continue
        painter.drawRect(box)
        text = f"#{face.track_id} {face.label}".strip()
        text_y = box.top() - 3 if box.top() - metrics.height() >= area.top() else box.bottom() + metrics.ascent() + 2
        painter.drawText(int(box.left()), int(text_y), text)


def _scale(area: QRectF, view: AimView) -> Callable[[float, float], tuple[float, float]]:
    """Frame point -> area point: the frame fitted into `area`, centred."""
    scale = min(area.width() / view.frame_width_px, area.height() / view.frame_height_px)
    offset_x = area.left() + (area.width() - view.frame_width_px * scale) / 2
    offset_y = area.top() + (area.height() - view.frame_height_px * scale) / 2

    def to_area(x_px: float, y_px: float) -> tuple[float, float]:
        return offset_x + x_px * scale, offset_y + y_px * scale

    return to_area
