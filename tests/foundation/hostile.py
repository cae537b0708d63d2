"""Builders for hostile input files, written for real into a test's folder.

Each makes in well under a second what took a kiosk minutes or gigabytes before it was
refused: a PNG of real (black) pixels that declares 32000 x 32000, a file name that is
not UTF-8, a "billion laughs" YAML document.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_black_png(path: Path, width: int, height: int, rows_per_block: int = 250) -> Path:
    """A valid 8-bit RGB PNG of `width` x `height` black pixels, without compressing them all.

    Every row is a filter byte and zeros, so `rows_per_block` rows are deflated once, with a
    full flush (which resets the compressor, so the same input gives the same bytes), and
    that block is repeated. The zlib checksum of all-zero data is (length mod 65521) << 16 | 1.
    A 32000 x 32000 image is 3 GB of pixels in a file of about 3 MB.
    """
    row_bytes = 1 + 3 * width
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the zlib wrapper is written here
    block = compressor.compress(b"\x00" * (row_bytes * rows_per_block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks, rest = divmod(height, rows_per_block)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    last = tail.compress(b"\x00" * (row_bytes * rest)) + tail.flush()  # ends the stream (final block)
    total = row_bytes * height
    checksum = ((total % 65521) << 16) | 1
    idat = b"\x78\xda" + block * blocks + last + struct.pack(">I", checksum)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))
    return path


def write_png_declaring(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares `width` x `height` but whose data is a few bytes (a "bomb" header)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))
    return path


def non_utf8_name(folder: Path, stem: bytes = b"caf\xe9", suffix: str = ".png") -> Path:
    """The path (as Python gives it: text with surrogate escapes) of a not-yet-written file whose
    name is Latin-1, not UTF-8: `café` written by an old Windows tool."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + stem + suffix.encode()))


def write_bytes_at(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through its bytes name (`os.open` on the encoded path)."""
    descriptor = os.open(os.fsencode(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(descriptor, data)
    finally:
        os.close(descriptor)
    return path


def billion_laughs(levels: int = 9, key_prefix: str = "") -> str:
    """YAML in which each of `levels` lists holds nine aliases of the one before: 9**levels strings
    from about 40 bytes a level."""
    lines = [f'{key_prefix}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        aliases = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"{key_prefix}a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"
