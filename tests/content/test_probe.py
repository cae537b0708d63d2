"""probe_media on real files written by OpenCV, complete and broken."""

from __future__ import annotations

import pytest

from content.model import ContentKind
from content.probe import mp4_index_missing, probe_media
from foundation.errors import MediaError
from tests.content.builders import VIDEO_FORMATS, cut_file, write_image, write_video


@pytest.mark.parametrize("file_name", ["ad.png", "ad.jpg", "ad.jpeg", "ad.webp", "AD.PNG"])
def test_images_are_decoded_and_measured(tmp_path, file_name):
    path = write_image(tmp_path / file_name, size_px=(320, 240))

    info = probe_media(path)

    assert (info.kind, info.width_px, info.height_px) == (ContentKind.IMAGE, 320, 240)
    assert info.duration_s is None and info.frame_count is None
    assert info.size_bytes == path.stat().st_size and info.mtime_ns == path.stat().st_mtime_ns


@pytest.mark.parametrize(("suffix", "fourcc"), VIDEO_FORMATS, ids=[f"{s[1:]}-{c}" for s, c in VIDEO_FORMATS])
def test_videos_of_every_supported_container_are_probed(tmp_path, suffix, fourcc):
    path = write_video(tmp_path / f"clip{suffix}", fourcc, frame_count=50, fps=25.0, size_px=(160, 120))

    info = probe_media(path)

    assert info.kind is ContentKind.VIDEO
    assert (info.width_px, info.height_px) == (160, 120)
    assert info.frame_count == 50 and info.fps == pytest.approx(25.0)
    assert info.duration_s == pytest.approx(2.0)


def test_an_mp4_cut_in_half_is_reported_as_truncated(tmp_path):
    path = cut_file(write_video(tmp_path / "ad.mp4", frame_count=50))

    with pytest.raises(MediaError) as error:
        probe_media(path)

    message = str(error.value)
    assert message.startswith(f"{path}: truncated") and "moov" in message and "\n" not in message
    assert error.value.path == str(path) and error.value.reason.startswith("truncated")


@pytest.mark.parametrize(("suffix", "fourcc"), [(".avi", "MJPG"), (".avi", "XVID"), (".webm", "VP80"), (".mov", "mp4v")])
def test_other_containers_cut_short_are_caught(tmp_path, suffix, fourcc):
    # AVI and WebM still open and decode their first frame: only the end check sees the cut.
    path = cut_file(write_video(tmp_path / f"ad{suffix}", fourcc, frame_count=50), keep_share=0.6)

    with pytest.raises(MediaError, match=r"truncated"):
        probe_media(path)


@pytest.mark.parametrize("file_name", ["ad.png", "ad.jpg", "ad.webp"])
def test_images_cut_short_are_caught(tmp_path, file_name):
    path = cut_file(write_image(tmp_path / file_name, size_px=(320, 240)), keep_share=0.6)

    with pytest.raises(MediaError, match=r"truncated: the (PNG|JPEG|WebP) data stops"):
        probe_media(path)


@pytest.mark.parametrize("file_name", ["notes.mp4", "notes.avi", "notes.png", "notes.jpg", "notes.webp"])
def test_a_text_file_with_a_media_extension_is_rejected(tmp_path, file_name):
    path = tmp_path / file_name
    path.write_text("this is not media\n")

    with pytest.raises(MediaError, match=r"cannot decode as (video|an image)") as error:
        probe_media(path)

    assert str(error.value).startswith(str(path))


def test_a_still_image_renamed_to_mp4_has_no_duration(tmp_path):
    path = write_image(tmp_path / "still.png")
    renamed = path.rename(tmp_path / "still.mp4")

    with pytest.raises(MediaError, match="declares no duration"):
        probe_media(renamed)


def test_an_mp4_without_frames_is_rejected(tmp_path):
    path = write_video(tmp_path / "empty.mp4", frame_count=0)

    with pytest.raises(MediaError, match=r"empty\.mp4: "):
        probe_media(path)


def test_a_zero_length_file_is_rejected(tmp_path):
    path = tmp_path / "zero.mp4"
    path.touch()

    with pytest.raises(MediaError, match=r"zero\.mp4: empty file \(0 bytes\)"):
        probe_media(path)


@pytest.mark.parametrize("file_name", ["anim.gif", "readme.txt", "clip.mkv", "noextension"])
def test_unsupported_extensions_are_named(tmp_path, file_name):
    path = tmp_path / file_name
    path.write_bytes(b"GIF89a" + bytes(64))

    with pytest.raises(MediaError, match=r"unsupported file type .* \(supported: PNG, JPEG, WebP"):
        probe_media(path)


def test_missing_file_and_folder_are_named(tmp_path):
    with pytest.raises(MediaError, match=r"gone\.png: no such file"):
        probe_media(tmp_path / "gone.png")
    (tmp_path / "dir.mp4").mkdir()
    with pytest.raises(MediaError, match=r"dir\.mp4: is a folder"):
        probe_media(tmp_path / "dir.mp4")


def test_mp4_index_check_tells_complete_from_cut_files(tmp_path):
    complete = write_video(tmp_path / "ad.mp4", frame_count=25)
    cut = cut_file(complete, keep_share=0.5, out=tmp_path / "cut.mp4")
    not_mp4 = write_image(tmp_path / "ad.png")

    assert not mp4_index_missing(complete)
    assert mp4_index_missing(cut)
    assert not mp4_index_missing(not_mp4)
