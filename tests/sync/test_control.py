"""The player's control endpoint: only with its token, never for a web page; the screenshot is
the ad surface alone; a remote restart ends a live run with exit 75."""

from __future__ import annotations

import http.client
import os
import socket
import stat
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from signage.player.aim import AimFace, AimView
from signage.player.app import (
    PlayOptions,
    ScheduledRestart,
    grab_ad_surface,
    run_player,
)
from signage.player.settings import PlayerSettings
from signage.player.status import (
    CONTROL_TOKEN_HEADER,
    ControlResult,
    StatusServer,
    control_token_path,
    read_control_token,
)
from signage.player.window import PlayerWindow
from tests.signage.test_surface import pixels
from tests.sync.builders import running_player_endpoint


def request(port: int, method: str, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def control_server():
    """A StatusServer with a control endpoint whose actions a thread serves (as the GUI thread would)."""
    done: list[str] = []
    actions = {"reload": lambda: (done.append("reload"), ControlResult.text(200, "reloaded"))[1],
               "restart": lambda: (done.append("restart"), ControlResult.text(202, "bye"))[1],
               "screenshot": lambda: 1 / 0}
    with running_player_endpoint(actions, "s3cret-token") as server:
        yield server, done


def test_control_needs_the_token_and_refuses_web_pages(control_server):
    server, done = control_server
    assert request(server.port, "POST", "/control/reload")[0] == 403
    assert request(server.port, "POST", "/control/reload", {CONTROL_TOKEN_HEADER: "guess"})[0] == 403
    # A page in the kiosk's browser: it cannot read the token file, and even with it the Origin gives it away
    assert request(server.port, "POST", "/control/reload",
                   {CONTROL_TOKEN_HEADER: "s3cret-token", "Origin": "http://evil.example"})[0] == 403
    # The preflight a browser sends first for a custom header gets no CORS answer
    status, _ = request(server.port, "OPTIONS", "/control/reload", {"Origin": "http://evil.example"})
    assert status == 501
    assert done == []
    status, body = request(server.port, "POST", "/control/reload", {CONTROL_TOKEN_HEADER: "s3cret-token"})
    assert (status, body, done) == (200, b"reloaded\n", ["reload"])
    # The wrong method or an unknown action is 404; an action that raises is 500 and the server goes on
    assert request(server.port, "GET", "/control/reload", {CONTROL_TOKEN_HEADER: "s3cret-token"})[0] == 404
    assert request(server.port, "POST", "/control/format", {CONTROL_TOKEN_HEADER: "s3cret-token"})[0] == 404
    status, body = request(server.port, "GET", "/control/screenshot", {CONTROL_TOKEN_HEADER: "s3cret-token"})
    assert status == 500 and body.startswith(b"screenshot failed")
    assert request(server.port, "GET", "/status")[0] == 200


def test_a_status_server_without_control_has_no_control_paths():
    server = StatusServer(dict, 0)
    server.start()
    try:
        assert request(server.port, "POST", "/control/restart", {CONTROL_TOKEN_HEADER: "x"})[0] == 404
    finally:
        server.stop()


def is_box_green(rgb) -> bool:
    r, g, b = (int(v) for v in rgb)
    return g > 180 and r < 140 and b < 140


def test_the_screenshot_is_the_ad_surface_without_the_aiming_picture(qtbot):
    window = PlayerWindow(PlayerSettings(camera="none", fullscreen=False))
    qtbot.addWidget(window)
    window.show_on_screen()
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    try:
        window.surface.show_fallback("Welcome", "to the store")
        view = AimView(640, 480, (AimFace(7, (100.0, 100.0, 300.0, 340.0), "adult/business"),))
        window.aim_source = lambda: view
        qtbot.keyClick(window, Qt.Key.Key_F2)  # the operator is aiming the camera
        window.toggle_overlay()
        qtbot.waitUntil(window.aim.isVisible)
        qtbot.wait(250)
        on_screen = pixels(window.grab().toImage())
        assert np.any((on_screen[..., 1] > 180) & (on_screen[..., 0] < 140) & (on_screen[..., 2] < 140))

        png = grab_ad_surface(window)
        assert png.startswith(b"\x89PNG")
        shot = pixels(QImage.fromData(png))
        assert shot.shape[:2] == (window.surface.height(), window.surface.width())
        assert not np.any((shot[..., 1] > 180) & (shot[..., 0] < 140) & (shot[..., 2] < 140))  # no face box
        aim = window.aim.geometry()
        # Where the aiming picture sits on screen, the screenshot shows the ad under it
        corner = shot[aim.top() + 5: aim.bottom() - 5, aim.left() + 5: aim.right() - 5]
        assert not np.array_equal(corner, on_screen[aim.top() + 5: aim.bottom() - 5, aim.left() + 5: aim.right() - 5])
    finally:
        window.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_live_player_takes_a_screenshot_and_restarts_with_exit_75_on_request(qtbot, tmp_path):
    from signage.config import SignageConfig

    port = free_port()
    db_path = tmp_path / "kiosk" / "signage.db"
    config = SignageConfig(player=PlayerSettings(camera="none", fullscreen=False, status_port=port, restart_daily_at=""))
    token_file = control_token_path(db_path)
    seen: dict = {}

    def operator() -> None:  # what `signage sync` does, from another thread (another process in life)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and read_control_token(token_file) is None:
            time.sleep(0.05)
        token = read_control_token(token_file)
        seen["mode"] = stat.S_IMODE(os.stat(token_file).st_mode)
        time.sleep(0.5)
        seen["screenshot"] = request(port, "GET", "/control/screenshot", {CONTROL_TOKEN_HEADER: token})
        seen["no_token"] = request(port, "POST", "/control/restart")[0]
        seen["restart"] = request(port, "POST", "/control/restart", {CONTROL_TOKEN_HEADER: token})

    thread = threading.Thread(target=operator, name="operator")
    thread.start()
    try:
        with pytest.raises(ScheduledRestart, match="remotely") as raised:
            run_player(PlayOptions(db_path=db_path, headless=True, duration_s=40, show_aim=True), config)
    finally:
        thread.join(10)
    assert raised.value.exit_code == 75
    assert seen["mode"] == 0o600
    status, png = seen["screenshot"]
    assert status == 200 and png.startswith(b"\x89PNG") and not QImage.fromData(png).isNull()
    assert seen["no_token"] == 403
    assert seen["restart"][0] == 202
    assert not token_file.exists()  # the token ends with the run
