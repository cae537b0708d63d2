"""The player's media surface on the real sample ads, offscreen: order of starts, no blank
frames on failures, prepared switches, rotation, text slides and a clean shutdown."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer

from content.catalog import ContentLibrary
from foundation.db import open_database
from content.model import ContentItem, ContentKind, TextSlide
from content.samples import (
    SAMPLES,
    VIDEO_SIZE_PX,
    build_sample_content,
    draw_sample_frame,
)
from signage.player.surface import MediaSurface
from tests.content.builders import cut_file

SIZE_PX = (640, 360)


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> dict[str, ContentItem]:
    """The sample ads, drawn once for the module."""
    folder = tmp_path_factory.mktemp("samples")
    library = ContentLibrary(open_database(folder / "db.sqlite"))
    return {item.name: item for item in build_sample_content(folder / "media", library)}


@pytest.fixture
def make_surface(qtbot):
    """Builds shown surfaces; at the end each is shut down and must leave nothing running."""
    made: list[MediaSurface] = []

    def make(size_px: tuple[int, int] = SIZE_PX, **options) -> MediaSurface:
        surface = MediaSurface(**options)
        qtbot.addWidget(surface)
        surface.resize(*size_px)
        surface.show()
        qtbot.waitExposed(surface)
        made.append(surface)
        return surface

    yield make
    for surface in made:
        surface.shutdown()
        assert not [timer for timer in surface.findChildren(QTimer) if timer.isActive()]


def show(qtbot, surface: MediaSurface, token: int, item: ContentItem, timeout_ms: int = 5000) -> None:
    """show_item, and wait until the item's first picture is on screen."""
    with qtbot.waitSignal(surface.item_started, check_params_cb=lambda started: started == token, timeout=timeout_ms):
        surface.show_item(token, item)


def record(signal) -> list[tuple]:
    """Every emission of `signal`, as a tuple of its arguments."""
    seen: list[tuple] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def pixels(image: QImage) -> np.ndarray:
    """An image as an (h, w, 3) uint8 RGB array."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * image.height())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3
    ).copy()


def screen(surface: MediaSurface) -> np.ndarray:
    return pixels(surface.grab().toImage())


def first_frame(name: str) -> np.ndarray:
    """A sample video's first frame as drawn, RGB at the test surface's size."""
    spec = next(spec for spec in SAMPLES if spec.name == name)
    frame = cv2.resize(draw_sample_frame(spec, VIDEO_SIZE_PX, 0.0), SIZE_PX, interpolation=cv2.INTER_AREA)
    return frame[:, :, ::-1].astype(int)


def file_item(name: str, path: Path, kind: ContentKind) -> ContentItem:
    return ContentItem(name=name, kind=kind, title=name, duration_s=6.0, path=str(path))


def test_image_video_image_start_in_order_and_the_image_is_on_screen(qtbot, make_surface, samples):
    surface = make_surface()
    started = record(surface.item_started)
    welcome = samples["brand_welcome"]

    show(qtbot, surface, 1, welcome)
    expected = QImage(welcome.path).scaled(*SIZE_PX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    shown = screen(surface)
    assert shown.max() > 40  # not black
    assert np.abs(shown.astype(int) - pixels(expected).astype(int)).mean() < 8

    show(qtbot, surface, 2, samples["brand_loop"])
    qtbot.waitUntil(lambda: sum(1 for token, _ in surface.presented if token == 2) >= 3, timeout=3000)
    show(qtbot, surface, 3, samples["snacks_chips"])

    assert [args[0] for args in started] == [1, 2, 3]
    assert surface.current_token == 3
    assert [token for token, _ in surface.presented][-1] == 3


@pytest.mark.slow
def test_a_prepared_video_is_painted_before_show_item_returns_and_finishes(qtbot, make_surface, samples):
    surface = make_surface()
    show(qtbot, surface, 1, samples["drinks_coffee"])
    started = record(surface.item_started)

    surface.prepare(2, samples["snacks_candy"])
    qtbot.waitUntil(lambda: surface.is_ready(2), timeout=3000)
    surface.prepare(2, samples["snacks_candy"])  # again: nothing changes
    assert surface.is_ready(2)
    with qtbot.waitSignal(surface.video_finished, timeout=10_000) as finished:
        surface.show_item(2, samples["snacks_candy"])
        # No event-loop turn yet: the held first frame is already painted and announced.
        assert started == [(2,)]
        assert surface.presented[-1][0] == 2
        shown_ns = surface.presented[-1][1]
    assert finished.args == [2]
    video_frames = [ns for token, ns in surface.presented if token == 2]
    assert (video_frames[-1] - shown_ns) / 1e9 > 5.0  # played about its 6 s
    assert len(video_frames) > 100  # 150 at 25 fps; a loaded test machine may coalesce some


def test_frames_of_a_stopped_video_never_show_as_the_next_one(qtbot, make_surface, samples):
    surface = make_surface()
    surface.prepare(2, samples["seniors_tea"])
    show(qtbot, surface, 1, samples["brand_loop"])
    qtbot.waitUntil(lambda: surface.is_ready(2), timeout=3000)
    qtbot.waitUntil(lambda: sum(1 for token, _ in surface.presented if token == 1) >= 3, timeout=3000)

    # Given frames of a playing video waiting in the event queue (the sleep blocks the GUI
    # thread while the decoder thread keeps sending them), when the caller switches to an
    # image and, in the same turn, prepares the next video on the player just freed,
    time.sleep(0.2)
    surface.show_item(2, samples["seniors_tea"])
    surface.prepare(3, samples["snacks_candy"])
    qtbot.waitUntil(lambda: surface.is_ready(3), timeout=3000)

    # the next video starts with its own first frame, not a leftover of the stopped one.
    show(qtbot, surface, 3, samples["snacks_candy"])
    shown = screen(surface).astype(int)
    assert np.abs(shown - first_frame("snacks_candy")).mean() < 12
    assert np.abs(shown - first_frame("brand_loop")).mean() > 40


def test_a_missing_file_and_broken_videos_fail_once_and_the_last_picture_stays(qtbot, make_surface, samples, tmp_path):
    surface = make_surface()
    show(qtbot, surface, 1, samples["lunch_bento"])
    before = screen(surface)
    failures = record(surface.item_failed)

    random_bytes = tmp_path / "random.mp4"
    random_bytes.write_bytes(os.urandom(200_000))
    cut = cut_file(Path(samples["lunch_deals"].path), 0.3, out=tmp_path / "cut.mp4")
    broken_image = tmp_path / "broken.png"
    broken_image.write_bytes(os.urandom(50_000))
    cases = [
        (2, file_item("gone", tmp_path / "gone.mp4", ContentKind.VIDEO), "gone.mp4: file not found"),
        (3, file_item("random", random_bytes, ContentKind.VIDEO), "random.mp4: cannot play the video"),
        (4, file_item("cut", cut, ContentKind.VIDEO), "cut.mp4: cannot play the video"),
        (5, file_item("broken", broken_image, ContentKind.IMAGE), "broken.png: cannot read the image"),
        (6, file_item("gone_image", tmp_path / "gone.png", ContentKind.IMAGE), "gone.png: file not found"),
    ]
    for token, item, expected in cases:
        with qtbot.waitSignal(surface.item_failed, check_params_cb=lambda t, _, token=token: t == token, timeout=5000):
            surface.show_item(token, item)
        assert expected in failures[-1][1] and str(tmp_path) in failures[-1][1]
        assert np.array_equal(screen(surface), before)

    qtbot.wait(300)  # late backend signals (an error and then InvalidMedia) must not report twice
    assert [args[0] for args in failures] == [2, 3, 4, 5, 6]
    assert surface.current_token == 1


def test_a_prepared_failure_is_reported_once(qtbot, make_surface, samples, tmp_path):
    surface = make_surface()
    show(qtbot, surface, 1, samples["seniors_tea"])
    failures = record(surface.item_failed)
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(os.urandom(100_000))

    with qtbot.waitSignal(surface.item_failed, timeout=5000):
        surface.prepare(2, file_item("broken", broken, ContentKind.VIDEO))
    assert not surface.is_ready(2)
    surface.show_item(2, file_item("broken", broken, ContentKind.VIDEO))
    qtbot.wait(200)

    assert len(failures) == 1 and failures[0][0] == 2 and "broken.mp4" in failures[0][1]
    assert surface.current_token == 1


def test_a_video_that_stops_delivering_frames_fails_as_stalled(qtbot, make_surface, samples):
    surface = make_surface(stall_timeout_s=0.5)
    show(qtbot, surface, 1, samples["finance_markets"])
    qtbot.waitUntil(lambda: sum(1 for token, _ in surface.presented if token == 1) >= 3, timeout=3000)
    before = screen(surface)

    # A decoder that hangs looks to the surface like a player that stops sending frames.
    with qtbot.waitSignal(surface.item_failed, timeout=3000) as failed:
        for player in surface.findChildren(QMediaPlayer):
            if player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
                player.pause()

    token, reason = failed.args
    assert token == 1 and reason.endswith("finance_markets.mp4: stalled for 0.5 s (no new video frame)")
    assert np.array_equal(screen(surface), before)


@pytest.mark.parametrize(("rotation_deg", "red_at_top"), [(90, True), (270, False)])
def test_rotation_draws_a_portrait_picture(qtbot, make_surface, tmp_path, rotation_deg, red_at_top):
    # Given a landscape picture, red on the left half and blue on the right,
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor("#0000ff"))
    for x in range(100):
        for y in range(100):
            picture.setPixelColor(x, y, QColor("#ff0000"))
    path = tmp_path / "halves.png"
    assert picture.save(str(path))
    surface = make_surface((320, 180), rotation_deg=rotation_deg)

    # when it is shown turned by a quarter on a landscape widget,
    show(qtbot, surface, 1, file_item("halves", path, ContentKind.IMAGE))
    shown = screen(surface)

    # it stands upright as a 90x180 column in the middle, its halves one above the other.
    top, bottom = (shown[45, 160], shown[135, 160])
    red, blue = (255, 0, 0), (0, 0, 255)
    assert (tuple(top), tuple(bottom)) == ((red, blue) if red_at_top else (blue, red))
    assert tuple(shown[90, 20]) == (0, 0, 0) and tuple(shown[90, 300]) == (0, 0, 0)  # letterbox
    assert tuple(shown[90, 120]) != (0, 0, 0) and tuple(shown[90, 200]) != (0, 0, 0)


def test_rotation_must_be_a_quarter_turn():
    with pytest.raises(ValueError, match="rotation_deg"):
        MediaSurface(rotation_deg=45)


def test_a_text_slide_renders_on_its_background(qtbot, make_surface, samples):
    surface = make_surface()
    slide = dataclasses.replace(samples["finance_headlines"], text=TextSlide("Markets are up today.", "#0f1e3c", "#ffffff"))
    show(qtbot, surface, 1, slide)

    shown = screen(surface).reshape(-1, 3)
    colours, counts = np.unique(shown, axis=0, return_counts=True)
    assert tuple(colours[counts.argmax()]) == (0x0F, 0x1E, 0x3C)
    assert counts.max() / len(shown) > 0.6
    assert 0.01 < 1 - counts.max() / len(shown)  # the text


def test_the_fallback_slide_shows_without_signals(qtbot, make_surface):
    surface = make_surface()
    started, failed = record(surface.item_started), record(surface.item_failed)

    surface.show_fallback("Nothing to show", "Check the content library.")

    shown = screen(surface)
    assert shown.max() > 200 and surface.current_token is None
    assert surface.presented[-1][0] is None
    assert started == [] and failed == []


def test_shutdown_stops_players_and_timers(qtbot, make_surface, samples):
    surface = make_surface()
    show(qtbot, surface, 1, samples["brand_loop"])
    surface.prepare(2, samples["lunch_deals"])
    qtbot.waitUntil(lambda: surface.is_ready(2), timeout=3000)
    assert any(timer.isActive() for timer in surface.findChildren(QTimer))  # the stall watchdog

    surface.shutdown()

    assert not [timer for timer in surface.findChildren(QTimer) if timer.isActive()]
    players = surface.findChildren(QMediaPlayer)
    assert len(players) == 2
    assert all(player.playbackState() == QMediaPlayer.PlaybackState.StoppedState for player in players)
    surface.show_item(3, samples["brand_welcome"])  # after shutdown: ignored, no error
    surface.shutdown()  # twice is fine
