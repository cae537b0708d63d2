"""An image's width and height read from its header, without decoding a pixel.

A 4 MB PNG can declare 32000 x 32000 pixels: decoding it takes a minute and 8 GB (and
one declaring 1e6 x 1e6 makes OpenCV raise). Its header says so in its first bytes, so
every image is checked here against `MAX_IMAGE_PIXELS` (and its file against
`MAX_IMAGE_FILE_BYTES`) before anything decodes it (`check_image_size`): the content
library (`content.probe`) and the audience engine's image folders (`audience.sources`).

Formats, told apart by their first bytes (never by the file name):

* PNG: the IHDR chunk, which must come first;
* JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC), found by
  walking the segments from the start, so an EXIF thumbnail inside APP1 is skipped;
* GIF: the logical screen size;
* BMP: the DIB header (the old 12-byte core header and the later ones);
* WebP: the VP8 (lossy) or VP8L (lossless) frame header, or the VP8X canvas;
* TIFF and BigTIFF: tags ImageWidth and ImageLength of the first IFD (the page
  OpenCV decodes).

Anything else is refused: a format this module cannot measure is one a decoder would
measure only by allocating it.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

from foundation.errors import SignageError
from foundation.limits import printable_path

# 40 megapixels. The player decodes images with Qt, whose QImageReader refuses any image
# needing more than 256 MB (its default allocation limit in Qt 6): 64 megapixels at the
# 4 bytes a pixel of QImage's 32-bit formats. 40 MP stays well under it (160 MB, 120 MB in
# OpenCV's 3-byte BGR) and still takes an 8K ad (7680 x 4320 = 33 MP) or a 6000 x 6000
# photo; a kiosk screen shows at most 8K, so nothing larger is ever seen at its size.
MAX_IMAGE_PIXELS = 40_000_000
# Decoders read the whole file into memory first: more than the largest file 40 MP make
# (uncompressed 8-bit RGBA, 160 MB) is not an image a kiosk needs.
MAX_IMAGE_FILE_BYTES = 256 * 1024 * 1024

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG markers that start a frame and carry its size: SOF0-SOF15 except DHT (C4), JPG (C8), DAC (CC).
_JPEG_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers with no length after them: TEM, RST0-RST7, SOI.
_JPEG_STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD8), 0xD8})
_TIFF_WIDTH, _TIFF_HEIGHT = 256, 257
_MAX_TIFF_ENTRIES = 4096  # a first IFD holds a few dozen tags; more is a hostile count


@dataclass(frozen=True)
class ImageHeader:
    """What an image's header declares."""

    format: str  # "PNG", "JPEG", "GIF", "BMP", "WebP", "TIFF"
    width_px: int
    height_px: int

    @property
    def pixels(self) -> int:
        """Width times height."""
        return self.width_px * self.height_px


class ImageHeaderError(SignageError):
    """An image whose header cannot be read (unknown format, cut short, no size) or that is too large.

    `path` (printable) and `reason` are kept apart, as in `MediaError`, so a scan can
    list the file and its reason; the message is both on one line.
    """

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path = printable_path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnknownImageFormatError(ImageHeaderError):
    """The first bytes are those of none of the formats this module reads."""


class ImageTooLargeError(ImageHeaderError):
    """The header declares more pixels, or the file holds more bytes, than the limit."""


class _CutShort(Exception):
    """The header ends before its fields (raised inside the readers, reworded once)."""


class _UnknownFormat(ValueError):
    """No known signature (raised inside the readers, reworded once)."""


def read_image_header(path: str | os.PathLike) -> ImageHeader:
    """The format and size `path`'s header declares; ImageHeaderError when there is none to read.

    Reads a few dozen bytes (a JPEG: its segment headers up to the first frame), never
    the pixel data.
    """
    try:
        with open(path, "rb") as stream:
            return _read_header(stream)
    except OSError as error:
        raise ImageHeaderError(path, f"cannot read ({error.strerror or error})") from None
    except _CutShort:
        raise ImageHeaderError(path, "the image header is cut short (an empty or truncated file)") from None
    except _UnknownFormat as error:
        raise UnknownImageFormatError(path, str(error)) from None
    except ValueError as error:
        raise ImageHeaderError(path, str(error)) from None


def check_image_size(
    path: str | os.PathLike, max_pixels: int = MAX_IMAGE_PIXELS, max_bytes: int = MAX_IMAGE_FILE_BYTES
) -> ImageHeader:
    """The header of `path` when it declares at most `max_pixels` and the file holds at most
    `max_bytes`; ImageHeaderError otherwise.

    Call it before decoding: the refusal costs a few bytes of reading.
    """
    try:
        size_bytes = os.stat(path).st_size
    except OSError as error:
        raise ImageHeaderError(path, f"cannot read ({error.strerror or error})") from None
    if size_bytes > max_bytes:
        raise ImageTooLargeError(
            path, f"{size_bytes:,} bytes, more than the limit of {max_bytes // (1024 * 1024)} MiB for an image"
        )
    header = read_image_header(path)
    if header.width_px <= 0 or header.height_px <= 0:
        raise ImageHeaderError(
            path, f"the {header.format} header declares a size of {header.width_px}x{header.height_px} pixels"
        )
    if header.pixels > max_pixels:
        raise ImageTooLargeError(
            path,
            f"{header.width_px}x{header.height_px} pixels ({header.pixels / 1e6:,.0f} megapixels) is more than the"
            f" limit of {max_pixels / 1e6:g} megapixels; scale it down (an 8K screen shows 33 megapixels)",
        )
    return header


def _read_header(stream: BinaryIO) -> ImageHeader:
    start = stream.read(32)
    if start.startswith(_PNG_SIGNATURE):
        return _png(start)
    if start.startswith(b"\xff\xd8"):
        return _jpeg(stream)
    if start[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", _need(start, 6, 4))
        return ImageHeader("GIF", width, height)
    if start.startswith(b"BM"):
        return _bmp(start)
    if start.startswith(b"RIFF") and start[8:12] == b"WEBP":
        return _webp(start)
    if start[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return _tiff(stream, start)
    if not start:
        raise _CutShort
    raise _UnknownFormat("not a PNG, JPEG, GIF, BMP, WebP or TIFF image (its first bytes are none of theirs)")


def _need(data: bytes, offset: int, length: int) -> bytes:
    """`length` bytes at `offset`; _CutShort when the data ends before them."""
    part = data[offset:offset + length]
    if len(part) < length:
        raise _CutShort
    return part


def _png(start: bytes) -> ImageHeader:
    _length, kind, width, height = struct.unpack(">I4sII", _need(start, 8, 16))
    if kind != b"IHDR":
        raise ValueError("a PNG file must start with its IHDR chunk (damaged file)")
    return ImageHeader("PNG", width, height)


def _jpeg(stream: BinaryIO) -> ImageHeader:
    stream.seek(2)
    while True:
        byte = stream.read(1)
        if not byte:
            raise _CutShort
        if byte != b"\xff":
            continue  # stray bytes before a marker: libjpeg skips them with a warning, so do we
        marker = 0xFF
        while marker == 0xFF:  # any number of fill bytes may precede a marker
            byte = stream.read(1)
            if not byte:
                raise _CutShort
            marker = byte[0]
        if marker in _JPEG_STANDALONE_MARKERS:
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the scan, with no frame header before it
            raise ValueError("the JPEG has no frame header (SOF) before its image data (damaged file)")
        length = struct.unpack(">H", _need(stream.read(2), 0, 2))[0]
        if length < 2:
            raise ValueError("a JPEG segment declares a length below 2 (damaged file)")
        if marker in _JPEG_FRAME_MARKERS:
            _precision, height, width = struct.unpack(">BHH", _need(stream.read(5), 0, 5))
            return ImageHeader("JPEG", width, height)
        stream.seek(length - 2, os.SEEK_CUR)


def _bmp(start: bytes) -> ImageHeader:
    dib_size = struct.unpack("<I", _need(start, 14, 4))[0]
    if dib_size == 12:  # BITMAPCOREHEADER (OS/2): unsigned 16-bit sizes
        width, height = struct.unpack("<HH", _need(start, 18, 4))
    elif dib_size >= 40:  # BITMAPINFOHEADER and later: signed, a negative height is top-down
        width, height = struct.unpack("<ii", _need(start, 18, 8))
    else:
        raise ValueError(f"a BMP header of {dib_size} bytes is not one of the format's (damaged file)")
    return ImageHeader("BMP", width, abs(height))


def _webp(start: bytes) -> ImageHeader:
    chunk = _need(start, 12, 4)
    if chunk == b"VP8 ":  # lossy: a key frame's start code, then 14-bit sizes
        if _need(start, 23, 3) != b"\x9d\x01\x2a":
            raise ValueError("the WebP (VP8) frame has no key-frame start code (damaged file)")
        width, height = struct.unpack("<HH", _need(start, 26, 4))
        return ImageHeader("WebP", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":  # lossless: a signature byte, then 14-bit sizes minus one
        if _need(start, 20, 1) != b"\x2f":
            raise ValueError("the WebP (VP8L) image has no signature byte (damaged file)")
        bits = struct.unpack("<I", _need(start, 21, 4))[0]
        return ImageHeader("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":  # extended: the canvas, 24-bit sizes minus one
        size = _need(start, 24, 6)
        width = int.from_bytes(size[:3], "little") + 1
        height = int.from_bytes(size[3:], "little") + 1
        return ImageHeader("WebP", width, height)
    raise ValueError(f"a WebP file with a first chunk {chunk!r} is not one of the format's (damaged file)")


def _tiff(stream: BinaryIO, start: bytes) -> ImageHeader:
    order = "<" if start.startswith(b"II") else ">"
    big = start[2:4] in (b"+\x00", b"\x00+")
    if big:  # BigTIFF: 8-byte offsets and counts, 20-byte entries
        offset = struct.unpack(order + "Q", _need(start, 8, 8))[0]
        count_format, entry_format, entry_size = "Q", "HHQ8s", 20
    else:
        offset = struct.unpack(order + "I", _need(start, 4, 4))[0]
        count_format, entry_format, entry_size = "H", "HHI4s", 12
    stream.seek(offset)
    count_size = struct.calcsize(count_format)
    count = struct.unpack(order + count_format, _need(stream.read(count_size), 0, count_size))[0]
    if count > _MAX_TIFF_ENTRIES:
        raise ValueError(f"the TIFF directory declares {count:,} entries (damaged file)")
    entries = _need(stream.read(count * entry_size), 0, count * entry_size)
    sizes: dict[int, int] = {}
    for index in range(count):
        tag, kind, _values, value = struct.unpack_from(order + entry_format, entries, index * entry_size)
        if tag in (_TIFF_WIDTH, _TIFF_HEIGHT):
            value_format = {3: "H", 4: "I", 16: "Q"}.get(kind)  # SHORT, LONG, LONG8
            if value_format is None:
                raise ValueError(f"the TIFF size tag {tag} has a type ({kind}) sizes do not have (damaged file)")
            sizes[tag] = struct.unpack_from(order + value_format, value)[0]
    if _TIFF_WIDTH not in sizes or _TIFF_HEIGHT not in sizes:
        raise ValueError("the TIFF image declares no width or height (damaged file)")
    return ImageHeader("TIFF", sizes[_TIFF_WIDTH], sizes[_TIFF_HEIGHT])
