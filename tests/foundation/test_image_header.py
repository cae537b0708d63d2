"""Image sizes read from headers, checked against what real encoders wrote (OpenCV, Pillow,
tifffile), and the refusals: too many pixels, too many bytes, unknown or cut headers."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
import tifffile
from PIL import Image

from foundation.image_header import (
    MAX_IMAGE_PIXELS,
    ImageHeader,
    ImageHeaderError,
    ImageTooLargeError,
    UnknownImageFormatError,
    check_image_size,
    read_image_header,
)
from tests.foundation.hostile import write_black_png, write_png_declaring

WIDTH, HEIGHT = 321, 123  # different, and neither a power of two


def pixels() -> np.ndarray:
    return np.random.default_rng(0).integers(0, 255, (HEIGHT, WIDTH, 3), dtype=np.uint8)


def opencv_file(path: Path, params: tuple[int, ...] = ()) -> Path:
    ok, data = cv2.imencode(path.suffix, pixels(), list(params))
    assert ok
    path.write_bytes(data.tobytes())
    return path


@pytest.mark.parametrize(
    ("name", "params", "expected_format"),
    [
        ("a.png", (), "PNG"),
        ("a.jpg", (), "JPEG"),
        ("progressive.jpg", (cv2.IMWRITE_JPEG_PROGRESSIVE, 1), "JPEG"),
        ("a.bmp", (), "BMP"),
        ("lossy.webp", (cv2.IMWRITE_WEBP_QUALITY, 80), "WebP"),
        ("lossless.webp", (cv2.IMWRITE_WEBP_QUALITY, 101), "WebP"),
        ("a.tif", (), "TIFF"),
    ],
)
def test_sizes_of_files_opencv_wrote(tmp_path, name, params, expected_format):
    path = opencv_file(tmp_path / name, params)

    assert read_image_header(path) == ImageHeader(expected_format, WIDTH, HEIGHT)


def test_sizes_of_files_pillow_and_tifffile_wrote(tmp_path):
    image = Image.fromarray(pixels())
    exif = Image.Exif()
    exif[0x010E] = "a description long enough to make APP1 a real segment" * 20
    image.save(tmp_path / "a.gif")
    image.save(tmp_path / "extended.webp", exif=exif.tobytes())  # VP8X: the canvas header
    image.save(tmp_path / "exif.jpg", exif=exif.tobytes())  # SOF after a large APP1 segment
    tifffile.imwrite(tmp_path / "big.tif", pixels(), bigtiff=True)
    tifffile.imwrite(tmp_path / "motorola.tif", pixels(), byteorder=">")

    found = {name: read_image_header(tmp_path / name) for name in
             ("a.gif", "extended.webp", "exif.jpg", "big.tif", "motorola.tif")}

    assert (tmp_path / "extended.webp").read_bytes()[12:16] == b"VP8X"
    assert {name: (header.width_px, header.height_px) for name, header in found.items()} == dict.fromkeys(
        found, (WIDTH, HEIGHT)
    )
    assert [header.format for header in found.values()] == ["GIF", "WebP", "JPEG", "TIFF", "TIFF"]


def test_a_jpeg_with_stray_bytes_before_a_marker_is_read_as_libjpeg_reads_it(tmp_path):
    data = opencv_file(tmp_path / "a.jpg").read_bytes()
    assert data[2:4] == b"\xff\xe0"  # APP0 first
    after_app0 = 4 + struct.unpack(">H", data[4:6])[0]
    # Two garbage bytes between APP0 and the next marker: libjpeg warns and decodes.
    (tmp_path / "stray.jpg").write_bytes(data[:after_app0] + b"\x00\x13" + data[after_app0:])

    assert cv2.imread(str(tmp_path / "stray.jpg")).shape[:2] == (HEIGHT, WIDTH)
    assert read_image_header(tmp_path / "stray.jpg") == ImageHeader("JPEG", WIDTH, HEIGHT)


def test_an_os2_bitmap_header_and_a_top_down_bitmap(tmp_path):
    core = b"BM" + struct.pack("<IHHI", 26, 0, 0, 26) + struct.pack("<IHHHH", 12, 640, 480, 1, 24)
    (tmp_path / "os2.bmp").write_bytes(core)
    top_down = b"BM" + struct.pack("<IHHI", 54, 0, 0, 54) + struct.pack("<IiiHH", 40, 640, -480, 1, 24) + bytes(24)
    (tmp_path / "top_down.bmp").write_bytes(top_down)

    assert read_image_header(tmp_path / "os2.bmp") == ImageHeader("BMP", 640, 480)
    assert read_image_header(tmp_path / "top_down.bmp") == ImageHeader("BMP", 640, 480)


def test_a_png_declaring_a_million_by_a_million_pixels_is_refused_from_its_header(tmp_path):
    path = write_png_declaring(tmp_path / "bomb.png", 1_000_000, 1_000_000)

    with pytest.raises(ImageTooLargeError) as error:
        check_image_size(path)

    assert error.value.reason == (
        "1000000x1000000 pixels (1,000,000 megapixels) is more than the limit of 40 megapixels;"
        " scale it down (an 8K screen shows 33 megapixels)"
    )
    assert str(error.value) == f"{path}: {error.value.reason}"


def test_a_real_32000_pixel_png_is_refused_without_decoding_it(tmp_path):
    path = write_black_png(tmp_path / "huge.png", 32_000, 32_000)  # 3 GB of pixels in 3 MB
    started = time.perf_counter()

    with pytest.raises(ImageTooLargeError, match="32000x32000 pixels"):
        check_image_size(path)

    assert time.perf_counter() - started < 0.5  # decoding it took 76 s and 8 GB


def test_an_8k_image_is_within_the_limit(tmp_path):
    path = write_black_png(tmp_path / "8k.png", 7680, 4320)

    assert check_image_size(path) == ImageHeader("PNG", 7680, 4320)
    assert 7680 * 4320 <= MAX_IMAGE_PIXELS


def test_a_file_over_the_byte_limit_is_refused_from_its_size(tmp_path):
    path = opencv_file(tmp_path / "a.png")

    with pytest.raises(ImageTooLargeError, match=r"bytes, more than the limit of 0 MiB for an image"):
        check_image_size(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("content", "error_type", "reason"),
    [
        (b"", ImageHeaderError, "the image header is cut short (an empty or truncated file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ImageHeaderError, "the image header is cut short (an empty or truncated file)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ImageHeaderError, "the image header is cut short (an empty or truncated file)"),
        (b"\xff\xd8\xff\xda\x00\x08" + bytes(8), ImageHeaderError,
         "the JPEG has no frame header (SOF) before its image data (damaged file)"),
        (b"hello, this is text", UnknownImageFormatError,
         "not a PNG, JPEG, GIF, BMP, WebP or TIFF image (its first bytes are none of theirs)"),
        (b"GIF89a" + struct.pack("<HH", 0, 10) + bytes(8), ImageHeaderError,
         "the GIF header declares a size of 0x10 pixels"),
    ],
)
def test_headers_that_cannot_be_measured_are_refused(tmp_path, content, error_type, reason):
    path = tmp_path / "bad.png"
    path.write_bytes(content)

    with pytest.raises(error_type) as error:
        check_image_size(path)

    assert error.value.reason == reason
