"""The aiming picture: the camera's face boxes in a corner of the screen (F2), no pixels, nothing kept."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage

from audience.engine import AudienceConfig, AudienceEngine
from audience.sources import open_source
from foundation.clock import VideoClock
from signage.player.aim import AimFace, AimView
from signage.player.audience_worker import AudienceWorker
from signage.player.settings import PlayerSettings
from signage.player.window import PlayerWindow
from tests.signage.test_surface import pixels

START = dt.datetime(2026, 11, 23, 18, 5)




def is_box_green(rgb) -> bool:
    r, g, b = (int(v) for v in rgb)
    return g > 180 and r < 140 and b < 140


@pytest.fixture
def window(qtbot):
    """The real player window, 1280x720, offscreen."""
    window = PlayerWindow(PlayerSettings(camera="none", fullscreen=False))
    qtbot.addWidget(window)
    window.show_on_screen()
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_f2_draws_the_face_boxes_where_the_camera_sees_them(qtbot, window):
    # Given the engine sees one face in a 640x480 frame
    face = AimFace(track_id=7, xyxy=(100.0, 100.0, 300.0, 340.0), label="adult/business")
    view = AimView(640, 480, (face,))
    window.aim_source = lambda: view
    assert not window.aim.isVisible()

    # When the operator presses F2
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.aim.isVisible() and window.aim.height() == int(window.aim.width() / (640 / 480)))
    qtbot.wait(250)  # a repaint or two
    screen = pixels(window.grab().toImage())

    # Then a small picture shaped like the frame sits in the bottom-right corner...
    aim = window.aim.geometry()
    assert aim.right() < 1280 and aim.bottom() < 720 and aim.width() < 1280 / 2
    assert aim.left() > 640 and aim.top() > 360
    # ... with the box drawn where the face is, scaled into it
    left_x, top_y = window.aim.frame_to_widget(100, 100, view)
    right_x, bottom_y = window.aim.frame_to_widget(300, 340, view)
    x0, y0 = aim.left() + left_x, aim.top() + top_y
    x1, y1 = aim.left() + right_x, aim.top() + bottom_y
    middle_y, middle_x = int((y0 + y1) / 2), int((x0 + x1) / 2)

    def green_near(x: float, y: float) -> bool:
        return any(is_box_green(screen[int(y) + dy, int(x) + dx]) for dx in (-1, 0, 1) for dy in (-1, 0, 1))

    assert green_near(x0, middle_y) and green_near(x1, middle_y)  # the left and right edges
    assert green_near(middle_x, y0) and green_near(middle_x, y1)  # the top and bottom edges
    assert not is_box_green(screen[middle_y, middle_x])  # inside the box: no picture, nothing
    outside = screen[: aim.top() - 2, :]  # the rest of the screen is the ad, untouched
    assert not np.any((outside[..., 1] > 180) & (outside[..., 0] < 140) & (outside[..., 2] < 140))

    # When F2 is pressed again, the picture goes and stops repainting
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert not window.aim.isVisible()
    assert not [timer for timer in window.aim.findChildren(QTimer) if timer.isActive()]


def test_the_aiming_picture_says_when_there_is_no_frame_or_no_signal(qtbot, window):
    views = [None]
    window.aim_source = lambda: views[-1]
    window.toggle_aim()
    qtbot.wait(150)
    blank = pixels(window.aim.grab().toImage())
    views.append(AimView(640, 360, (), "no signal"))
    qtbot.wait(250)
    no_signal = pixels(window.aim.grab().toImage())

    # Captions differ, and neither draws a box
    assert not np.array_equal(blank, no_signal)
    for picture in (blank, no_signal):
        assert not np.any((picture[..., 1] > 180) & (picture[..., 0] < 140) & (picture[..., 2] < 140))
    window.toggle_aim()


def test_the_worker_keeps_face_boxes_only_while_someone_looks(qtbot, shared_data):
    clip = shared_data / "video" / "face_recognition_short_hamilton_clip.mp4"  # 9.2 s, 640x360, faces
    worker = AudienceWorker(
        lambda: AudienceEngine(AudienceConfig(), VideoClock(START)),
        lambda: open_source(str(clip)),
        source_name=clip.name,
        latest_only=False,
        pace_realtime=True,
    )
    worker.snapshot_ready.connect(worker.take)
    worker.start()
    try:
        qtbot.waitUntil(lambda: worker.status.state == "ok", timeout=30_000)
        qtbot.wait(300)
        # Nobody asked yet: nothing was built
        assert worker.aim_view() is None

        # Asked every 0.1 s (as the picture does): the newest frame's boxes, in its pixels
        seen: list[AimView] = []

        def has_faces() -> bool:
            view = worker.aim_view()
            if view is not None:
                seen.append(view)
            return view is not None and len(view.faces) > 0

        qtbot.waitUntil(has_faces, timeout=6_000)
        view = seen[-1]
        assert (view.frame_width_px, view.frame_height_px) == (640, 360) and view.signal == "ok"
        for face in view.faces:
            x0, y0, x1, y1 = face.xyxy
            assert -40 < x0 < x1 < 680 and -40 < y0 < y1 < 400 and face.track_id >= 0
        assert not any(isinstance(value, np.ndarray) for value in vars(view).values())  # geometry only

        # Nobody asks for a while: the worker drops what it had
        qtbot.wait(1500)
        assert worker.is_running  # the clip still plays: frames are being analysed
        assert worker.aim_view() is None
    finally:
        assert worker.stop(timeout_s=5.0)
