"""Read TensorFlow.js weight shards (`weightsManifest` + `.bin` files) into numpy arrays.

The format: a manifest is a list of groups; each group names its shard files (`paths`,
concatenated in order) and the weights stored in them, back to back, each with `name`,
`shape`, `dtype` and an optional `quantization`:

- `{"dtype": "float16"}`: stored as IEEE half floats, read back as float32;
- `{"dtype": "uint8" | "uint16", "scale": s, "min": m}`: affine, value = q * s + m;
- `{"dtype": "uint8" | "uint16", "scale": s, "min": m, ...}` with the same meaning in
  older face-api files.

Only numeric weights are supported (float32, int32, bool); a string tensor or an unknown
quantization is an error that names the weight, not a guess.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np



class TfjsWeightsError(ValueError):
    """A weights manifest or shard that does not read as the format says."""


_STORED_DTYPES = {"float32": np.float32, "int32": np.int32, "bool": np.bool_}
_QUANTIZED_DTYPES = {"uint8": np.uint8, "uint16": np.uint16, "float16": np.float16}


def read_weights(weights_manifest: list[dict], folder: Path) -> dict[str, np.ndarray]:
    """Every weight of `weights_manifest` (shard paths relative to `folder`) by name.

    float16 and affine-quantized weights come back dequantized as float32."""
    weights: dict[str, np.ndarray] = {}
    for group_index, group in enumerate(weights_manifest):
        where = f"weights group {group_index}"
        try:
            buffer = b"".join((folder / name).read_bytes() for name in group["paths"])
            entries = group["weights"]
        except KeyError as error:
            raise TfjsWeightsError(f"{where}: missing key {error}") from None
        except OSError as error:
            raise TfjsWeightsError(f"{where}: cannot read shard: {error}") from None
        offset = 0
        for entry in entries:
            array, offset = _read_one(entry, buffer, offset, where)
            weights[entry["name"]] = array
        if offset != len(buffer):
            raise TfjsWeightsError(f"{where}: {len(buffer) - offset} bytes left over after the last weight")
    return weights


def _read_one(entry: dict, buffer: bytes, offset: int, where: str) -> tuple[np.ndarray, int]:
    name = entry.get("name", "?")
    shape = tuple(int(size) for size in entry.get("shape", []))
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    quantization = entry.get("quantization")
    if quantization is not None:
        stored = _QUANTIZED_DTYPES.get(quantization.get("dtype"))
        if stored is None:
            raise TfjsWeightsError(f"{where}: weight {name!r}: unknown quantization {quantization.get('dtype')!r}")
    else:
        stored = _STORED_DTYPES.get(entry.get("dtype"))
        if stored is None:
            raise TfjsWeightsError(f"{where}: weight {name!r}: unsupported dtype {entry.get('dtype')!r}")
    size = count * np.dtype(stored).itemsize
    if offset + size > len(buffer):
        raise TfjsWeightsError(f"{where}: weight {name!r} runs past the end of the shards")
    raw = np.frombuffer(buffer, dtype=stored, count=count, offset=offset).reshape(shape)
    if quantization is None:
        array = raw.copy()
    elif stored is np.float16:
        array = raw.astype(np.float32)
    else:
        array = (raw.astype(np.float32) * np.float32(quantization["scale"]) + np.float32(quantization["min"]))
    return array, offset + size
