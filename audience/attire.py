"""Attire (school uniform, business, workwear, casual) from the torso region under a face.

No public model or labelled data exists for school uniforms, so attire is *described*,
not learned: a store writes attire profiles in its config in the words it would use
("navy blazer, white shirt"), and `signage audience evaluate-attire LABELS.csv` checks
them on the store's own labelled photos. A trained classifier can replace the rules
through the ONNX plug-in (`type: onnx`).

How `ProfileAttireClassifier` decides
-------------------------------------
1. `torso_region`: a box under the face (from `gap_face_heights` below the chin, down
   `height_face_heights`, `width_face_widths` wide, centred on the face). When the
   frame cuts off too much of it (a visitor close to the camera) the answer is
   `unknown`, never a guess.
2. `torso_features`: the region is scaled to a 40 x 48 px grid and converted to CIE Lab.
   Fixed zones of the grid stand for parts of the clothes: the *sides* (where a jacket
   front is), the *centre* strip under the chin (a shirt between lapels, a tie), the
   *tie* strip, and the *whole* torso.
3. Each profile names colours per zone (`outer` = sides, `inner` = centre, `accent` =
   tie strip, `anywhere` = whole torso). For every named part, the fraction of the
   zone's pixels near one of its colours (a soft colour distance, see
   `colour_membership`) is scaled by how much of the zone that garment usually covers;
   the profile's match is the geometric mean of its parts, so all of them have to be
   there. Structure then weighs in: a profile with an `outer` colour wants plain cloth
   at the sides (low texture), and one that layers a light shirt under a dark jacket
   (or the reverse) wants that lightness step between centre and sides, or a tie. A
   profile that names no colours matches fully: it is a fallback, and its weight is the
   score the other profiles must beat.
4. A class scores the best weighted match of its profiles; the scores are softmaxed
   (`temperature`) into probabilities. Below `min_confidence` the answer is `unknown`.

Config (every key optional, see `AttireConfig`):

    audience:
      attire:
        min_confidence: 0.45
        profiles:
          - name: st_marys               # a store's own school uniform
            attire: school_uniform
            colours: {outer: maroon, inner: white, accent: navy}
            weight: 1.2
          - name: school                 # switch off the generic built-in school profile
            attire: school_uniform
            weight: 0

School uniform versus business
------------------------------
The built-in generic school uniform (navy or black blazer over a white shirt) is also a
dark suit over a light shirt: the torso alone cannot tell a pupil from an office worker,
and the built-in school profile has a lower weight so that business wins the tie. Two
things separate them: (1) the store's own profile, with the colours of the local
school's uniform (a maroon blazer, a green tie; `#rrggbb` colours sampled from a photo
are accepted), and with `include_default_profiles: false` or a zero-weight `school`
profile for the generic one; (2) the audience engine, which fuses attire with the age
group and the time of day (`audience.fusion` in the config) and receives every class's
probability in `AttireEstimate.scores`, not only the winner.

Workwear is recognised by high-visibility fluorescent yellow or orange. Reflective
strips look light grey under store lighting (they only shine back at a light beside the
camera) and plain dark work jackets look like any dark jacket, so neither is detected by
the built-in profiles; a store can describe its own workwear colours.

What it achieves on real photos
-------------------------------
The structure constants, the casual fallback weight, `temperature` and `min_confidence`
were set on the even rows of the Clothing Co-Parsing street photos (241 full-body photos,
`attire/ccp` in the test data; `split="tuning"`) and checked on the odd rows
(`split="held_out"`, never tuned on), with the default `libfacedetection` detector.
Photos tagged blazer without suit are reported apart (`CCP_LABEL_MAP`): held out, 7 of
23 came out business, 16 casual.

| split    | class    | precision | recall | support |
|----------|----------|-----------|--------|---------|
| tuning   | business | 0.81      | 0.36   | 36      |
| tuning   | casual   | 0.71      | 0.93   | 60      |
| held-out | business | 0.79      | 0.30   | 37      |
| held-out | casual   | 0.69      | 0.95   | 60      |

Business is found by its structure (a light shirt between a dark jacket's lapels, or a
tie): when it says business it is usually right, but it misses jackets worn closed, over
dark tops or in light colours, which CCP's fashion "suits" often are. Colour alone
separates nothing on this data (a white T-shirt under a dark coat matches "dark suit,
light shirt" as well as a suit does). School uniform and workwear have no public labelled
photos; they are checked only on drawn torsos in the tests, and a store should check its
own profiles on its own labelled photos with `evaluate-attire`.

The ONNX plug-in
----------------
`OnnxAttireClassifier` runs a classifier the store (or a vendor) trained: `model_path`
is the `.onnx` file, `labels_path` a text file with one `Attire` value per line in the
order of the model's outputs. Its input is described by a JSON sidecar next to the
model (`model.onnx` -> `model.json`, see `OnnxInputSpec` for the keys and defaults);
without a sidecar the documented defaults are used and logged. The network sees the
clipped torso region stretched to the input size.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, ClassVar, Iterable, Protocol, Sequence

import cv2
import numpy as np

from audience.settings import POSITIVE, SHARE, Range, at_least, between, check_ranges
from audience.types import Attire, AttireEstimate
from foundation.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------
# Named colours
# ---------------------------------------------------------------------------------------

# CIE Lab (L 0..100, D65) of each colour as fabric looks on a camera under store light,
# not the web colour of the same name: "navy" cloth photographs as a dark greyish blue
# (sRGB about 36, 42, 70), far from the saturated #000080. The sRGB value each entry was
# computed from is in its comment, so an entry can be checked or re-derived.
NAMED_COLOURS_LAB: dict[str, tuple[float, float, float]] = {
    "black": (10, 1, -3),  # sRGB 28, 28, 32
    "charcoal": (25, 1, -4),  # sRGB 58, 60, 66
    "dark grey": (36, 1, -2),  # sRGB 85, 85, 88
    "grey": (54, 0, 0),  # sRGB 128, 128, 128
    "light grey": (75, 0, 0),  # sRGB 185, 185, 185
    "white": (93, -1, 1),  # sRGB 235, 235, 232
    "cream": (90, -1, 13),  # sRGB 235, 225, 200
    "navy": (18, 6, -18),  # sRGB 36, 42, 70
    "dark blue": (23, 14, -37),  # sRGB 30, 50, 110
    "blue": (39, 14, -47),  # sRGB 50, 90, 170
    "light blue": (77, -3, -18),  # sRGB 165, 195, 225
    "beige": (78, 2, 18),  # sRGB 210, 190, 160
    "khaki": (66, -1, 26),  # sRGB 175, 160, 115
    "tan": (61, 10, 27),  # sRGB 180, 140, 100
    "brown": (30, 10, 17),  # sRGB 95, 65, 45
    "dark green": (27, -18, 8),  # sRGB 35, 70, 50
    "green": (49, -36, 26),  # sRGB 60, 130, 70
    "olive": (43, -10, 27),  # sRGB 100, 105, 55
    "maroon": (23, 32, 11),  # sRGB 100, 30, 40
    "burgundy": (25, 36, 8),  # sRGB 110, 30, 50
    "red": (41, 57, 34),  # sRGB 185, 40, 45
    "pink": (73, 29, 0),  # sRGB 230, 160, 180
    "purple": (33, 32, -33),  # sRGB 100, 60, 130
    "yellow": (81, -4, 69),  # sRGB 230, 200, 60
    "orange": (62, 38, 59),  # sRGB 230, 120, 40
    "hi-vis yellow": (90, -30, 83),  # sRGB 215, 240, 40 (fluorescent yellow-green)
    "hi-vis orange": (64, 52, 68),  # sRGB 255, 110, 20 (fluorescent orange)
}

# Fluorescent colours are told from ordinary dyes only by chroma beyond what dyes reach
# (an orange T-shirt is 17 from hi-vis orange, a shaded hi-vis vest 7-9), so they match
# within a narrower distance: `colour_tolerance_delta_e` times this factor.
COLOUR_TOLERANCE_SCALE: dict[str, float] = {"hi-vis yellow": 0.6, "hi-vis orange": 0.6}

_COLOUR_ALIASES = {"navy blue": "navy", "hivis yellow": "hi vis yellow", "hivis orange": "hi vis orange"}


def _colour_key(name: str) -> str:
    key = re.sub(r"[\s_\-]+", " ", name.strip().lower()).replace("gray", "grey")
    return _COLOUR_ALIASES.get(key, key)


_KNOWN_COLOURS_HINT = f"known: {', '.join(NAMED_COLOURS_LAB)}, or #rrggbb"
_COLOURS_BY_KEY = {_colour_key(name): lab for name, lab in NAMED_COLOURS_LAB.items()}


def srgb_to_lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    """CIE Lab (D65) of an 8-bit sRGB colour, as OpenCV computes it for images."""
    pixel = np.array([[[rgb[2], rgb[1], rgb[0]]]], dtype=np.float32) / 255.0
    lab = cv2.cvtColor(pixel, cv2.COLOR_BGR2Lab)[0, 0]
    return float(lab[0]), float(lab[1]), float(lab[2])


def colour_lab(name: str) -> tuple[float, float, float]:
    """Lab of a named colour ("navy", "hi-vis yellow"; case, '-' and '_' ignored) or of
    an sRGB hex colour ("#1f2a44", e.g. sampled from a photo of the uniform).

    Raises KeyError for an unknown name; `AttireProfile.from_dict` turns that into a
    ConfigError naming the profile.
    """
    text = name.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        return srgb_to_lab((int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)))
    return _COLOURS_BY_KEY[_colour_key(text)]


def colour_tolerance_scale(name: str) -> float:
    """The factor on `colour_tolerance_delta_e` for one colour (1 except fluorescents)."""
    return {_colour_key(k): v for k, v in COLOUR_TOLERANCE_SCALE.items()}.get(_colour_key(name), 1.0)


def colour_membership(lab_pixels: np.ndarray, colours_lab: np.ndarray, tolerances_delta_e) -> np.ndarray:
    """How much each pixel (N x 3 Lab) looks like the best of `colours_lab` (K x 3), 0..1.

    A Gaussian of a colour distance in which lightness counts half: exposure and shade
    change L* across one garment far more than they change a* and b*, and halving it
    keeps a shaded navy sleeve navy without merging navy and black (still 8 apart).
    `tolerances_delta_e` is one distance for all colours or one per colour.
    """
    difference = lab_pixels[:, None, :] - colours_lab[None, :, :]
    difference[..., 0] *= 0.5
    tolerance = np.broadcast_to(np.asarray(tolerances_delta_e, dtype=np.float32), (colours_lab.shape[0],))
    scaled_sq = np.sum(difference * difference, axis=2) / (tolerance * tolerance)[None, :]
    return np.exp(-0.5 * np.min(scaled_sq, axis=1))


# ---------------------------------------------------------------------------------------
# Torso geometry
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TorsoGeometry:
    """Where the torso is relative to the face box (`attire.torso` in the config)."""

    gap_face_heights: float = 0.3  # from the bottom of the face box (the chin) to the torso top
    height_face_heights: float = 2.5  # torso height: the chest and belly, not the legs
    width_face_widths: float = 2.6  # torso width, centred on the face: about shoulder width
    # The share of the torso height that must be inside the frame; the top of the
    # torso (collar, lapels, tie) carries the evidence, the belly much less.
    min_visible_height_fraction: float = 0.6
    # The share of the torso width that must be inside the frame (a visitor at a side edge).
    min_visible_width_fraction: float = 0.5

    RANGES: ClassVar[dict[str, Range]] = {
        "gap_face_heights": between(-1.0, 3.0),
        "height_face_heights": between(0.5, 6.0),
        "width_face_widths": between(0.5, 6.0),
        "min_visible_height_fraction": SHARE,
        "min_visible_width_fraction": SHARE,
    }

    @classmethod
    def from_dict(cls, data: dict, where: str) -> TorsoGeometry:
        """Validate `attire.torso`; `where` is 'file: attire.torso' for messages."""
        values = _known_keys(data, cls, where)
        geometry = cls(**{key: _number(value, f"{where}.{key}") for key, value in values.items()})
        check_ranges(geometry, where)
        return geometry


def _nominal_torso(face_xyxy: tuple[float, float, float, float], geometry: TorsoGeometry):
    x1, y1, x2, y2 = face_xyxy
    width, height = x2 - x1, y2 - y1
    centre_x = (x1 + x2) / 2.0
    top = y2 + geometry.gap_face_heights * height
    half = geometry.width_face_widths * width / 2.0
    return centre_x - half, top, centre_x + half, top + geometry.height_face_heights * height


def torso_region(
    face_xyxy: tuple[float, float, float, float],
    frame_shape: tuple[int, ...],
    geometry: TorsoGeometry = TorsoGeometry(),
) -> tuple[int, int, int, int] | None:
    """The torso box (x1, y1, x2, y2, integer pixels, clipped to the frame) under a face.

    None when too little of it is inside the frame: a visitor close to the camera has the
    torso cut by the frame's bottom edge, and then attire must be `unknown`, not guessed
    from a collar.
    """
    height_px, width_px = frame_shape[:2]
    nx1, ny1, nx2, ny2 = _nominal_torso(face_xyxy, geometry)
    x1, y1 = max(0, int(round(nx1))), max(0, int(round(ny1)))
    x2, y2 = min(width_px, int(round(nx2))), min(height_px, int(round(ny2)))
    if x2 - x1 < 8 or y2 - y1 < 8:
        return None
    if (y2 - y1) < geometry.min_visible_height_fraction * (ny2 - ny1):
        return None
    if (x2 - x1) < geometry.min_visible_width_fraction * (nx2 - nx1):
        return None
    return x1, y1, x2, y2


# ---------------------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------------------

GRID_WIDTH_PX = 40
GRID_HEIGHT_PX = 48

# Zones of the torso grid as (left, right, top, bottom) fractions of the nominal torso
# box. Sides start at 16 % and end at 84 %: the torso box is about shoulder-wide, and its
# outer columns are mostly arms and background.
ZONES: dict[str, tuple[float, float, float, float]] = {
    "centre": (0.42, 0.58, 0.0, 0.6),  # shirt between the lapels (the V closes lower down)
    "left": (0.16, 0.36, 0.0, 1.0),  # jacket front, image left
    "right": (0.64, 0.84, 0.0, 1.0),  # jacket front, image right
    "tie": (0.47, 0.53, 0.05, 0.6),
    "tie_left": (0.38, 0.45, 0.05, 0.6),
    "tie_right": (0.55, 0.62, 0.05, 0.6),
    "whole": (0.16, 0.84, 0.0, 1.0),
}


@dataclass(frozen=True)
class TorsoFeatures:
    """Colour and structure of one torso. Pixels stay in memory; nothing is written out."""

    # Lab pixels (N x 3, float32) of each zone, only those inside the frame.
    centre_lab: np.ndarray = field(repr=False)
    sides_lab: np.ndarray = field(repr=False)
    tie_lab: np.ndarray = field(repr=False)
    whole_lab: np.ndarray = field(repr=False)
    # Median L* of the centre strip minus that of the sides: a light shirt between the
    # lapels of a dark jacket gives +30 or more; a plain top about 0.
    centre_minus_sides_lightness: float
    # Median |gradient| of L* on the sides, L* units per grid pixel: plain suit cloth is
    # low, prints and folds of casual tops are high.
    side_texture: float
    # Colour distance (Lab) between the tie strip and the strips either side of it, when
    # those two agree with each other, else 0: a tie on a shirt, or a narrow shirt V
    # between lapels; a plain top gives about 0.
    tie_contrast: float


def torso_features(
    image_bgr: np.ndarray, face_xyxy: tuple[float, float, float, float], geometry: TorsoGeometry
) -> TorsoFeatures | None:
    """Features of the torso under `face_xyxy`, or None when the torso is not visible enough.

    The nominal torso box is mapped onto a fixed grid; the part outside the frame stays
    masked out, so the zones keep their place on the body when the box is clipped.
    """
    region = torso_region(face_xyxy, image_bgr.shape, geometry)
    if region is None:
        return None
    return torso_features_in_box(image_bgr, _nominal_torso(face_xyxy, geometry), region)


def torso_features_in_box(
    image_bgr: np.ndarray,
    nominal_xyxy: tuple[float, float, float, float],
    visible_xyxy: tuple[int, int, int, int],
) -> TorsoFeatures:
    """Features of the torso box `nominal_xyxy` (frame pixels, may reach outside the
    frame), of which `visible_xyxy` is the part inside it (integer pixels)."""
    nx1, ny1, nx2, ny2 = nominal_xyxy
    x1, y1, x2, y2 = visible_xyxy
    scale_x = GRID_WIDTH_PX / (nx2 - nx1)
    scale_y = GRID_HEIGHT_PX / (ny2 - ny1)
    gx1 = min(GRID_WIDTH_PX - 1, max(0, int(round((x1 - nx1) * scale_x))))
    gy1 = min(GRID_HEIGHT_PX - 1, max(0, int(round((y1 - ny1) * scale_y))))
    gx2 = max(gx1 + 1, min(GRID_WIDTH_PX, int(round((x2 - nx1) * scale_x))))
    gy2 = max(gy1 + 1, min(GRID_HEIGHT_PX, int(round((y2 - ny1) * scale_y))))
    crop = image_bgr[y1:y2, x1:x2]
    # INTER_AREA averages each grid cell over its pixels: it smooths sensor noise and
    # fine prints alike, which is what a colour summary wants.
    small = cv2.resize(crop, (gx2 - gx1, gy2 - gy1), interpolation=cv2.INTER_AREA)
    lab = np.zeros((GRID_HEIGHT_PX, GRID_WIDTH_PX, 3), dtype=np.float32)
    lab[gy1:gy2, gx1:gx2] = cv2.cvtColor(small.astype(np.float32) / 255.0, cv2.COLOR_BGR2Lab)
    valid = np.zeros((GRID_HEIGHT_PX, GRID_WIDTH_PX), dtype=bool)
    valid[gy1:gy2, gx1:gx2] = True

    def zone(name: str) -> np.ndarray:
        return _masked(lab, valid, ZONES[name])

    centre, tie = zone("centre"), zone("tie")
    sides = np.concatenate([zone("left"), zone("right")])
    lightness = lab[..., 0]
    gradient = np.hypot(cv2.Sobel(lightness, cv2.CV_32F, 1, 0), cv2.Sobel(lightness, cv2.CV_32F, 0, 1))
    # The Sobel response at the edge of the visible part is an artefact of the mask.
    inner_valid = cv2.erode(valid.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    side_gradient = np.concatenate(
        [_masked(gradient, inner_valid, ZONES["left"]), _masked(gradient, inner_valid, ZONES["right"])]
    )
    return TorsoFeatures(
        centre_lab=centre,
        sides_lab=sides,
        tie_lab=tie,
        whole_lab=zone("whole"),
        centre_minus_sides_lightness=_median(centre[:, 0]) - _median(sides[:, 0]) if len(sides) else 0.0,
        side_texture=_median(side_gradient),
        tie_contrast=_tie_contrast(tie, zone("tie_left"), zone("tie_right")),
    )


def _masked(array: np.ndarray, valid: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    left, right, top, bottom = box
    rows = slice(int(top * GRID_HEIGHT_PX), int(math.ceil(bottom * GRID_HEIGHT_PX)))
    columns = slice(int(left * GRID_WIDTH_PX), int(math.ceil(right * GRID_WIDTH_PX)))
    return array[rows, columns][valid[rows, columns]]


def _median(values: np.ndarray) -> float:
    return float(np.median(values, axis=0)) if len(values) else 0.0


def _tie_contrast(tie: np.ndarray, left: np.ndarray, right: np.ndarray) -> float:
    if not (len(tie) and len(left) and len(right)):
        return 0.0
    tie_colour, left_colour, right_colour = (np.median(z, axis=0) for z in (tie, left, right))
    if float(np.linalg.norm(left_colour - right_colour)) > 12.0:  # the sides differ: no shirt around a tie
        return 0.0
    return float(np.linalg.norm(tie_colour - (left_colour + right_colour) / 2.0))


# ---------------------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------------------

# The zone each part of a profile is matched in, and the share of that zone the garment
# covers when it is fully there. Outer and inner were chosen on the CCP tuning half (a
# jacket fills about 60 % of the side zones, the rest is arms, bag straps and
# background; the shirt between open lapels about half the centre strip). Accent and
# anywhere have no labelled photos: a tie fills about half its strip, and a hi-vis vest
# over a dark shirt about 40 % of the whole torso box, in drawings to scale.
PARTS: dict[str, tuple[str, float]] = {
    "outer": ("sides", 0.6),
    "inner": ("centre", 0.5),
    "accent": ("tie", 0.5),
    "anywhere": ("whole", 0.4),
}


# Structure constants, set on the CCP tuning half (business F0.5 over a grid; the choice
# sits on a plateau, neighbouring values change precision and recall by a few points).
LAPEL_STEP_L = 20.0  # L* step from jacket to shirt that counts fully; smaller counts in part
TIE_CONTRAST_MIN = 5.0  # Lab distance of the tie strip from the shirt beside it: below, no tie
TIE_CONTRAST_RANGE = 10.0  # ... and how much more makes a clear tie
PLAIN_TEXTURE = 15.0  # |gradient L*| per grid pixel still plain (tuning-half medians: suits 22, casual 32)
TEXTURE_FALLOFF = 40.0  # how fast the match of an outer colour fades on busier cloth


@dataclass(frozen=True)
class AttireProfile:
    """One way a class of attire looks, in colour words a store writes.

    In the config:

        - name: st_marys
          attire: school_uniform
          colours: {outer: maroon, inner: white, accent: [navy, "#c8a030"]}
          weight: 1.2
        - name: hi_vis
          attire: workwear
          colours: [hi-vis yellow, hi-vis orange]   # a list means `anywhere`

    `outer` is the jacket/blazer at the sides of the torso, `inner` the shirt in the
    centre strip under the chin, `accent` a tie or ribbon, `anywhere` colours covering a
    good part of the torso. Each part is a colour name from `NAMED_COLOURS_LAB` or a
    `#rrggbb` hex colour, or a list of them (any of them matches). A profile with no
    colours is a fallback that always matches (the built-in `casual`).
    """

    name: str
    attire: Attire
    outer: tuple[str, ...] = ()
    inner: tuple[str, ...] = ()
    accent: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()
    weight: float = 1.0  # >= 0; the class score is the best weight x match; 0 disables

    RANGES: ClassVar[dict[str, Range]] = {"weight": at_least(0)}  # checked in __post_init__ too: profiles are also built in code

    def __post_init__(self) -> None:
        if self.attire is Attire.UNKNOWN:
            raise ConfigError(f"attire profile {self.name!r}: 'unknown' is not an attire a profile can describe")
        if self.weight < 0 or not math.isfinite(self.weight):
            raise ConfigError(f"attire profile {self.name!r}: weight must be a number >= 0, got {self.weight}")
        for part in PARTS:
            for value in getattr(self, part):
                try:
                    colour_lab(value)
                except KeyError:
                    raise ConfigError(
                        f"attire profile {self.name!r}: unknown colour {value!r} in {part} ({_KNOWN_COLOURS_HINT})"
                    ) from None

    @property
    def is_fallback(self) -> bool:
        """True when the profile names no colours and so always matches."""
        return not any(getattr(self, part) for part in PARTS)

    @classmethod
    def from_dict(cls, data: dict, where: str) -> AttireProfile:
        """Build a profile from its config mapping; `where` is e.g. 'store.yaml: attire.profiles[2]'.

        Unknown keys, attire values and colour names are ConfigErrors naming the place.
        """
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: expected a mapping with name, attire and colours")
        values = _known_keys(data, None, where, allowed=("name", "attire", "colours", "weight"))
        name = values.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}.name: every attire profile needs a name")
        where = f"{where} ({name})"
        try:
            attire = Attire(values.get("attire"))
        except ValueError:
            choices = ", ".join(a.value for a in Attire if a is not Attire.UNKNOWN)
            raise ConfigError(f"{where}.attire: {values.get('attire')!r} is not one of {choices}") from None
        parts = _colour_parts(values.get("colours"), f"{where}.colours")
        weight = _number(values.get("weight", 1.0), f"{where}.weight")
        try:
            return cls(name=name, attire=attire, weight=weight, **parts)
        except ConfigError as error:
            raise ConfigError(f"{where}: {error}") from None


def _colour_parts(colours, where: str) -> dict[str, tuple[str, ...]]:
    if colours is None:
        return {}
    if isinstance(colours, (str, list)):
        colours = {"anywhere": colours}
    if not isinstance(colours, dict):
        raise ConfigError(f"{where}: expected a colour, a list of colours or a mapping of {', '.join(PARTS)}")
    parts = {}
    for part, value in colours.items():
        if part not in PARTS:
            raise ConfigError(f"{where}: unknown key {part} (known: {', '.join(PARTS)})")
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(f"{where}.{part}: expected a colour name or a list of colour names")
        for name in names:
            try:
                colour_lab(name)
            except KeyError:
                raise ConfigError(f"{where}.{part}: unknown colour {name!r} ({_KNOWN_COLOURS_HINT})") from None
        parts[part] = tuple(names)
    return parts


# Built-in profiles. Weights and the fallback level were set on the CCP tuning half
# (module docstring); a store's profiles are added to these, replace one of the
# same name, or replace all of them with `include_default_profiles: false`.
DEFAULT_PROFILES: tuple[AttireProfile, ...] = (
    AttireProfile(
        "business",
        Attire.BUSINESS,
        outer=("black", "charcoal", "dark grey", "navy", "dark blue"),
        inner=("white", "light blue", "light grey", "cream"),
    ),
    # The same look as `business` from the torso alone (see the module docstring); the
    # lower weight lets business win the tie unless the store describes its school.
    AttireProfile("school", Attire.SCHOOL_UNIFORM, outer=("navy", "black"), inner=("white",), weight=0.9),
    AttireProfile("hi_vis", Attire.WORKWEAR, anywhere=("hi-vis yellow", "hi-vis orange")),
    AttireProfile("casual", Attire.CASUAL, weight=0.4),
)


# ---------------------------------------------------------------------------------------
# Config
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttireConfig:
    """Config of the attire classifier (`audience.attire` in the config file)."""

    # network (pose + clothing network, `audience.attire_network`; the colour profiles
    # until `signage models install` has run) | profiles | onnx (see ATTIRE_CLASSIFIERS)
    type: str = "network"
    # 0..1: a result whose top probability is below this is `unknown` (confidence 0).
    min_confidence: float = 0.45
    # Softmax temperature over the class scores (which are 0..weight); lower is more decisive.
    temperature: float = 0.1
    # Colour distance (Lab, lightness counted half) at which a pixel still counts 61 % as
    # a named colour; larger accepts more shades under odd lighting.
    colour_tolerance_delta_e: float = 12.0
    include_default_profiles: bool = True  # store profiles are added to DEFAULT_PROFILES
    profiles: tuple[AttireProfile, ...] = ()  # the store's own profiles
    torso: TorsoGeometry = field(default_factory=TorsoGeometry)
    model_path: str | None = None  # type onnx: the .onnx file (its sidecar: same name, .json)
    labels_path: str | None = None  # type onnx: one Attire value per line, in output order
    # type network: the head JSON from `signage audience fit-attire`; None = the shipped one.
    head_path: str | None = None
    # Seconds of video between two attire samples of a visitor: pose and clothing run when
    # a track is confirmed, then at this interval (clothes do not change while in view).
    keyframe_interval_s: float = 1.0
    # After this many samples a visitor's attire is settled. Two (at confirmation and a
    # second later) keep 8 visitors at 720p30 within real time on 2 cores; a faster
    # machine can afford more, and the track's average steadies with each.
    max_samples: int = 2

    RANGES: ClassVar[dict[str, Range]] = {
        "min_confidence": SHARE,
        "temperature": POSITIVE,  # divides the class scores
        "colour_tolerance_delta_e": POSITIVE,  # divides colour distances
        "keyframe_interval_s": between(0.05, 60),
        "max_samples": between(1, 100),
    }

    def effective_profiles(self) -> tuple[AttireProfile, ...]:
        """The defaults (unless turned off) with same-named ones replaced, then the store's."""
        own = {profile.name for profile in self.profiles}
        defaults = DEFAULT_PROFILES if self.include_default_profiles else ()
        return tuple(p for p in defaults if p.name not in own) + self.profiles

    @classmethod
    def from_dict(cls, data: dict | None, source_name: str) -> AttireConfig:
        """Validate the `attire` mapping read from `source_name` (a file name, for messages).

        Unknown keys anywhere in the tree are ConfigErrors naming the key and the file.
        """
        where = f"{source_name}: audience.attire"
        values = _known_keys(data or {}, cls, where)
        kwargs: dict = {}
        if "type" in values:
            kwargs["type"] = str(values["type"])
        for key in ("min_confidence", "temperature", "colour_tolerance_delta_e"):
            if key in values:
                kwargs[key] = _number(values[key], f"{where}.{key}")
        if "include_default_profiles" in values:
            if not isinstance(values["include_default_profiles"], bool):
                raise ConfigError(f"{where}.include_default_profiles: expected true or false")
            kwargs["include_default_profiles"] = values["include_default_profiles"]
        if "profiles" in values:
            if not isinstance(values["profiles"], list):
                raise ConfigError(f"{where}.profiles: expected a list of profiles")
            kwargs["profiles"] = tuple(
                AttireProfile.from_dict(item, f"{where}.profiles[{i}]") for i, item in enumerate(values["profiles"])
            )
        if "torso" in values:
            kwargs["torso"] = TorsoGeometry.from_dict(values["torso"] or {}, f"{where}.torso")
        for key in ("model_path", "labels_path", "head_path"):
            if values.get(key) is not None:
                kwargs[key] = str(values[key])
        if "keyframe_interval_s" in values:
            kwargs["keyframe_interval_s"] = _number(values["keyframe_interval_s"], f"{where}.keyframe_interval_s")
        if "max_samples" in values:
            if isinstance(values["max_samples"], bool) or not isinstance(values["max_samples"], int):
                raise ConfigError(f"{where}.max_samples: expected a whole number, got {values['max_samples']!r}")
            kwargs["max_samples"] = values["max_samples"]
        config = cls(**kwargs)
        config.validate(where)
        return config

    def validate(self, where: str = "attire") -> None:
        """Check ranges and combinations; raises ConfigError naming the key."""
        if self.type not in ATTIRE_CLASSIFIERS:
            choices = ", ".join(ATTIRE_CLASSIFIERS)
            raise ConfigError(f"{where}.type: unknown classifier {self.type!r} (choose from {choices})")
        check_ranges(self, where)
        if self.head_path and self.type != "network":
            raise ConfigError(f"{where}.head_path: only used with type: network")
        names = [p.name for p in self.profiles]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ConfigError(f"{where}.profiles: profile name {duplicates[0]!r} is used twice")
        if self.type != "onnx" and (self.model_path or self.labels_path):
            raise ConfigError(f"{where}.model_path/labels_path: only used with type: onnx")
        if self.type == "onnx" and not (self.model_path and self.labels_path):
            raise ConfigError(f"{where}: type onnx needs both model_path (.onnx) and labels_path (labels file)")
        if self.type != "onnx" and not any(p.weight > 0 for p in self.effective_profiles()):
            raise ConfigError(f"{where}.profiles: no profile with a weight above 0 is left to classify with")


def _known_keys(data, cls, where: str, allowed: Iterable[str] | None = None) -> dict:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping")
    known = tuple(allowed) if allowed is not None else tuple(f.name for f in fields(cls))
    for key in data:
        if key not in known:
            raise ConfigError(f"{where}: unknown key {key} (known: {', '.join(known)})")
    return dict(data)


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{where}: expected a number, got {value!r}")
    return float(value)


# ---------------------------------------------------------------------------------------
# Classifiers
# ---------------------------------------------------------------------------------------


class AttireClassifier(Protocol):
    """Classifies the attire of the visitor whose face is at `face_xyxy`.

    Contract for every implementation: `attire` is UNKNOWN with confidence 0 when the
    torso is not visible enough (then `scores` is empty) or when the top probability is
    below `min_confidence` (then `scores` holds the probabilities). Otherwise `scores`
    maps Attire values to probabilities that sum to 1 and `confidence` is the winner's.
    """

    def classify(self, image_bgr: np.ndarray, face_xyxy: tuple[float, float, float, float]) -> AttireEstimate:
        """Attire of the torso under `face_xyxy` in the full BGR frame."""
        ...

    def classify_many(
        self, image_bgr: np.ndarray, faces_xyxy: Sequence[tuple[float, float, float, float]]
    ) -> list[AttireEstimate]:
        """Attire of several visitors of one frame (a batch where the classifier has one)."""
        ...


class _OneByOne:
    """`classify_many` for classifiers that look at one torso at a time."""

    def classify_many(self, image_bgr, faces_xyxy) -> list[AttireEstimate]:
        """`classify` for each face."""
        return [self.classify(image_bgr, face) for face in faces_xyxy]


def _decide(probabilities: dict[str, float], min_confidence: float) -> AttireEstimate:
    best = max(probabilities, key=probabilities.get)
    if probabilities[best] < min_confidence or best == Attire.UNKNOWN.value:
        return AttireEstimate(Attire.UNKNOWN, 0.0, probabilities)
    return AttireEstimate(Attire(best), probabilities[best], probabilities)


class ProfileAttireClassifier(_OneByOne):
    """Colour-and-structure rules from attire profiles (no model, no training data)."""

    def __init__(self, config: AttireConfig = AttireConfig()) -> None:
        self.config = config
        # A zero weight switches a profile off (e.g. the generic built-in `school`).
        self.profiles = tuple(p for p in config.effective_profiles() if p.weight > 0)
        self._colours: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        for profile in self.profiles:
            for part in PARTS:
                names = getattr(profile, part)
                if names:
                    lab = np.array([colour_lab(c) for c in names], dtype=np.float32)
                    tolerance = np.array([config.colour_tolerance_delta_e * colour_tolerance_scale(c) for c in names])
                    self._colours[(profile.name, part)] = (lab, tolerance)

    def profile_matches(self, features: TorsoFeatures) -> dict[str, float]:
        """Match (0..1) of every profile, by name, before weights."""
        return {profile.name: self._match(profile, features) for profile in self.profiles}

    def _match(self, profile: AttireProfile, features: TorsoFeatures) -> float:
        if profile.is_fallback:
            return 1.0
        zones = {
            "sides": features.sides_lab,
            "centre": features.centre_lab,
            "tie": features.tie_lab,
            "whole": features.whole_lab,
        }
        log_sum, count = 0.0, 0
        for part, (zone_name, coverage) in PARTS.items():
            if not getattr(profile, part):
                continue
            pixels = zones[zone_name]
            if len(pixels) == 0:
                return 0.0
            membership = colour_membership(pixels, *self._colours[(profile.name, part)])
            share = min(1.0, float(membership.mean()) / coverage)
            log_sum += math.log(max(share, 1e-6))
            count += 1
        match = math.exp(log_sum / count)
        if profile.outer:
            # Jacket and blazer cloth is plain; prints, logos and knit are not.
            match *= math.exp(-max(0.0, features.side_texture - PLAIN_TEXTURE) / TEXTURE_FALLOFF)
        return match * self._structure(profile, features)

    def _structure(self, profile: AttireProfile, features: TorsoFeatures) -> float:
        """1 unless the profile layers a shirt and a jacket of different lightness.

        Then the centre must be lighter (or darker) than the sides by the difference of
        the profile's colours, or show a tie: colour alone confuses a white T-shirt
        under a dark open coat, or a grey jumper, with a suit; the lapel step does not.
        """
        if not (profile.outer and profile.inner):
            return 1.0
        outer = self._colours[(profile.name, "outer")][0][:, 0].mean()
        inner = self._colours[(profile.name, "inner")][0][:, 0].mean()
        expected = float(inner - outer)
        if abs(expected) < LAPEL_STEP_L:
            return 1.0
        lapels = features.centre_minus_sides_lightness * math.copysign(1.0, expected) / LAPEL_STEP_L
        tie = (features.tie_contrast - TIE_CONTRAST_MIN) / TIE_CONTRAST_RANGE
        return float(np.clip(max(lapels, tie), 0.0, 1.0))

    def class_scores(self, features: TorsoFeatures) -> dict[str, float]:
        """Best weighted profile match per attire class that has a profile."""
        scores: dict[str, float] = {}
        for profile in self.profiles:
            value = profile.weight * self._match(profile, features)
            scores[profile.attire.value] = max(value, scores.get(profile.attire.value, 0.0))
        return scores

    def classify(self, image_bgr: np.ndarray, face_xyxy: tuple[float, float, float, float]) -> AttireEstimate:
        """Torso features -> class scores -> softmax; see the module docstring."""
        features = torso_features(image_bgr, face_xyxy, self.config.torso)
        if features is None:
            return AttireEstimate(Attire.UNKNOWN, 0.0, {})
        scores = self.class_scores(features)
        names = list(scores)
        values = np.array([scores[n] for n in names]) / self.config.temperature
        exponentials = np.exp(values - values.max())
        probabilities = exponentials / exponentials.sum()
        return _decide({n: float(p) for n, p in zip(names, probabilities)}, self.config.min_confidence)


@dataclass(frozen=True)
class OnnxInputSpec:
    """How the torso crop is fed to an attire ONNX model: the model's JSON sidecar.

    The sidecar of `torso.onnx` is `torso.json` beside it. Every key is optional; the
    defaults below (used, and logged, when there is no sidecar) are the preprocessing
    of torchvision's ImageNet classifiers, the usual starting point for fine-tuning:

        {"input_width_px": 224, "input_height_px": 224, "colour_order": "rgb",
         "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
         "layout": "nchw", "output": "logits", "input_name": null, "output_name": null}

    The input tensor is float32 ((pixel / 255) - mean) / std per channel, batch of one,
    from the clipped torso region stretched to the input size. `output` is "logits"
    (softmaxed here) or "probabilities" (used as they are). `input_name` defaults to the
    model's only input, `output_name` to its first output. Nothing is inferred from the
    model's tensor shapes; they are only checked against this spec.
    """

    input_width_px: int = 224
    input_height_px: int = 224
    colour_order: str = "rgb"  # rgb | bgr
    mean: tuple[float, float, float] = (0.485, 0.456, 0.406)
    std: tuple[float, float, float] = (0.229, 0.224, 0.225)
    layout: str = "nchw"  # nchw | nhwc
    output: str = "logits"  # logits | probabilities
    input_name: str | None = None
    output_name: str | None = None

    @classmethod
    def load(cls, path: Path) -> OnnxInputSpec:
        """Read and check a sidecar; ModelError naming the file for any problem."""
        try:
            data = json.loads(Path(path).read_text())
        except OSError as error:
            raise ModelError(f"{path}: cannot read the attire model sidecar ({error.strerror})") from None
        except ValueError as error:
            raise ModelError(f"{path}: not valid JSON ({error})") from None
        if not isinstance(data, dict):
            raise ModelError(f"{path}: expected a JSON object of input settings")
        known = [f.name for f in fields(cls)]
        for key in data:
            if key not in known:
                raise ModelError(f"{path}: unknown key {key} (known: {', '.join(known)})")
        try:
            spec = cls(
                **{
                    key: tuple(float(v) for v in value) if key in ("mean", "std") else value
                    for key, value in data.items()
                }
            )
        except (TypeError, ValueError) as error:
            raise ModelError(f"{path}: bad value ({error})") from None
        problems = []
        for key in ("input_width_px", "input_height_px"):
            value = getattr(spec, key)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(f"{key} must be a positive whole number of pixels, got {value!r}")
        if len(spec.mean) != 3 or len(spec.std) != 3 or min(spec.std) <= 0:
            problems.append("mean and std need three values each, std > 0")
        choices_by_key = {
            "colour_order": ("rgb", "bgr"),
            "layout": ("nchw", "nhwc"),
            "output": ("logits", "probabilities"),
        }
        for key, choices in choices_by_key.items():
            if getattr(spec, key) not in choices:
                problems.append(f"{key} must be one of {', '.join(choices)}, got {getattr(spec, key)!r}")
        if problems:
            raise ModelError(f"{path}: {problems[0]}")
        return spec


def load_attire_labels(path: Path) -> tuple[Attire, ...]:
    """The labels file of an attire model: one Attire value per line, in output order.

    Blank lines and lines starting with '#' are skipped. Raises ModelError naming the
    file (and the line) for a missing file, an unknown value, a repeat or no labels.
    """
    path = Path(path)
    try:
        lines = path.read_text().splitlines()
    except OSError as error:
        raise ModelError(f"{path}: cannot read the attire labels file ({error.strerror})") from None
    labels: list[Attire] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            label = Attire(text)
        except ValueError:
            raise ModelError(
                f"{path}:{number}: {text!r} is not an attire (one of {', '.join(a.value for a in Attire)})"
            ) from None
        if label in labels:
            raise ModelError(f"{path}:{number}: {text!r} is listed twice")
        labels.append(label)
    if not labels:
        raise ModelError(f"{path}: no labels (expected one attire value per line)")
    return tuple(labels)


class OnnxAttireClassifier(_OneByOne):
    """A trained torso classifier: an ONNX model, its labels file and its input sidecar."""

    def __init__(self, config: AttireConfig) -> None:
        from audience.models.registry import import_onnxruntime

        ort = import_onnxruntime()

        if not (config.model_path and config.labels_path):
            raise ConfigError("attire: type onnx needs model_path (.onnx) and labels_path (labels file)")
        self.config = config
        self.model_path = Path(config.model_path)
        if not self.model_path.is_file():
            raise ModelError(f"{self.model_path}: attire model file not found (attire.model_path)")
        self.labels = load_attire_labels(Path(config.labels_path))
        sidecar = self.model_path.with_suffix(".json")
        if sidecar.is_file():
            self.spec = OnnxInputSpec.load(sidecar)
        else:
            self.spec = OnnxInputSpec()
            log.info("%s: no sidecar %s, using the documented default input settings", self.model_path, sidecar.name)
        options = ort.SessionOptions()
        # One thread: the engine runs detection on the other core, and one torso a frame
        # is too little work to gain from more.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # onnxruntime's load errors (InvalidProtobuf, NoSuchFile, Fail, ...) derive from
        # Exception directly and live in a private module: catch them all, name the file.
        try:
            self._session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])
        except Exception as error:
            raise ModelError(f"{self.model_path}: cannot load as an ONNX model ({error})") from None
        self._input_name, self._output_name = self._check_model(sidecar)

    def _check_model(self, sidecar: Path) -> tuple[str, str]:
        inputs, outputs = self._session.get_inputs(), self._session.get_outputs()
        if self.spec.input_name is None:
            if len(inputs) != 1:
                raise ModelError(f"{self.model_path}: {len(inputs)} inputs; name the image input in {sidecar.name}")
            model_input = inputs[0]
        else:
            matches = [i for i in inputs if i.name == self.spec.input_name]
            if not matches:
                raise ModelError(
                    f"{sidecar}: input_name {self.spec.input_name!r} is not an input of {self.model_path.name}"
                )
            model_input = matches[0]
        names = [o.name for o in outputs]
        output_name = self.spec.output_name or names[0]
        if output_name not in names:
            raise ModelError(f"{sidecar}: output_name {output_name!r} is not an output of {self.model_path.name}")
        expected = self._input_shape()
        shape = list(model_input.shape)
        if len(shape) != 4 or any(isinstance(d, int) and d != e for d, e in zip(shape[1:], expected[1:])):
            raise ModelError(
                f"{self.model_path}: input {model_input.name} has shape {shape}, the settings "
                f"({sidecar.name if sidecar.is_file() else 'defaults'}) give {expected}"
            )
        output_shape = next(o.shape for o in outputs if o.name == output_name)
        classes = output_shape[-1] if output_shape else None
        if isinstance(classes, int) and classes != len(self.labels):
            raise ModelError(
                f"{self.model_path}: {classes} outputs but {self.config.labels_path} lists {len(self.labels)} labels"
            )
        return model_input.name, output_name

    def _input_shape(self) -> list[int]:
        height, width = self.spec.input_height_px, self.spec.input_width_px
        return [1, 3, height, width] if self.spec.layout == "nchw" else [1, height, width, 3]

    def input_tensor(self, torso_bgr: np.ndarray) -> np.ndarray:
        """The network input for a torso crop, by the spec (see `OnnxInputSpec`)."""
        size = (self.spec.input_width_px, self.spec.input_height_px)
        shrinking = torso_bgr.shape[1] > size[0] or torso_bgr.shape[0] > size[1]
        image = cv2.resize(torso_bgr, size, interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)
        if self.spec.colour_order == "rgb":
            image = image[:, :, ::-1]
        values = (image.astype(np.float32) / 255.0 - np.asarray(self.spec.mean, np.float32)) / np.asarray(
            self.spec.std, np.float32
        )
        if self.spec.layout == "nchw":
            values = values.transpose(2, 0, 1)
        return np.ascontiguousarray(values[None])

    def classify(self, image_bgr: np.ndarray, face_xyxy: tuple[float, float, float, float]) -> AttireEstimate:
        """Run the model on the torso region; same contract as `AttireClassifier`."""
        region = torso_region(face_xyxy, image_bgr.shape, self.config.torso)
        if region is None:
            return AttireEstimate(Attire.UNKNOWN, 0.0, {})
        x1, y1, x2, y2 = region
        tensor = self.input_tensor(image_bgr[y1:y2, x1:x2])
        output = self._session.run([self._output_name], {self._input_name: tensor})[0]
        values = np.asarray(output, dtype=np.float64).reshape(-1)
        if values.size != len(self.labels):
            raise ModelError(
                f"{self.model_path}: {values.size} outputs but {self.config.labels_path} "
                f"lists {len(self.labels)} labels"
            )
        if self.spec.output == "logits":
            values = np.exp(values - values.max())
            values /= values.sum()
        probabilities = {label.value: float(p) for label, p in zip(self.labels, values)}
        return _decide(probabilities, self.config.min_confidence)


def _network_or_profiles(config: AttireConfig, quiet: bool) -> AttireClassifier:
    # Imported here: the network classifier stands on this module.
    from audience.attire_network import create_network_classifier

    return create_network_classifier(config, quiet) or ProfileAttireClassifier(config)


# Each factory takes the config and `quiet` (see `create_attire_classifier`).
ATTIRE_CLASSIFIERS: dict[str, Callable[[AttireConfig, bool], AttireClassifier]] = {
    "network": _network_or_profiles,
    "profiles": lambda config, quiet: ProfileAttireClassifier(config),
    "onnx": lambda config, quiet: OnnxAttireClassifier(config),
}


def create_attire_classifier(config: AttireConfig, quiet: bool = False) -> AttireClassifier:
    """Build the classifier named by `config.type`; an unknown name is a ConfigError.

    `quiet`: the caller has already warned that the network's models are missing."""
    try:
        factory = ATTIRE_CLASSIFIERS[config.type]
    except KeyError:
        raise ConfigError(
            f"attire.type: unknown classifier {config.type!r} (choose from {', '.join(ATTIRE_CLASSIFIERS)})"
        ) from None
    return factory(config, quiet)
