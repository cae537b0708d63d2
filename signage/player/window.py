"""The kiosk window: the media surface full screen, and the operator overlay over it."""

from __future__ import annotations

import logging
import shutil
import subprocess
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from signage.player.settings import PlayerSettings
from signage.player.surface import MediaSurface

log = logging.getLogger(__name__)


class PlayerWindow(QWidget):
    """A borderless window on the chosen screen: the surface, and an overlay toggled by a key.

    The overlay (hidden by default) shows what an operator needs to check a screen at a
    glance: frames per second on screen and in the audience engine, the camera status,
    the audience segment and its confidence, the decision and its reason. Ctrl+Q quits.
    """

    def __init__(self, settings: PlayerSettings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("signage player")
        self.surface = MediaSurface(
            self,
            rotation_deg=settings.rotation_deg,
            sound=settings.sound,
            stall_timeout_s=settings.video_stall_timeout_s,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.surface)
        # The overlay floats over the surface (not in the layout), sized in resizeEvent.
        self.overlay = QLabel(self)
        self.overlay.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.overlay.setWordWrap(True)
        self.overlay.setMargin(16)
        self.overlay.setStyleSheet(
            "QLabel { background: rgba(0, 0, 0, 170); color: #e8e8e8; font: 15pt 'DejaVu Sans Mono'; }"
        )
        self.overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.overlay.hide()
        self.overlay.raise_()
        self._overlay_key = QKeySequence(settings.overlay_key)
        if self._overlay_key.isEmpty():
            log.warning("player.overlay_key %r is not a key name; using F1", settings.overlay_key)
            self._overlay_key = QKeySequence("F1")
        self.overlay_source = None  # a callable giving the overlay's lines (set by the app)
        self._fps_painted = 0
        self._fps_at = time.perf_counter()
        self.display_fps = 0.0
        self._overlay_timer = QTimer(self)
        self._overlay_timer.setInterval(500)
        self._overlay_timer.timeout.connect(self.refresh_overlay)
        self._overlay_timer.start()

    def show_on_screen(self) -> None:
        """Show full screen on the configured screen (or windowed), cursor hidden."""
        screens = QGuiApplication.screens()
        index = self.settings.screen
        if index >= len(screens):
            log.warning("player.screen %s does not exist (%s screens); using screen 0", index, len(screens))
            index = 0
        screen = screens[index] if screens else None
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
        self.setCursor(Qt.CursorShape.BlankCursor)
        if self.settings.fullscreen:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            self.showFullScreen()
        else:
            self.resize(1280, 720)
            self.show()

    def toggle_overlay(self) -> None:
        """Show or hide the operator overlay."""
        self.overlay.setVisible(not self.overlay.isVisible())
        self.refresh_overlay()

    def refresh_overlay(self) -> None:
        """Measure the frames on screen per second; rewrite the overlay when it is shown."""
        now = time.perf_counter()
        painted = self.surface.frames_painted
        if now - self._fps_at >= 1.0:
            self.display_fps = (painted - self._fps_painted) / (now - self._fps_at)
            self._fps_painted, self._fps_at = painted, now
        if not self.overlay.isVisible() or self.overlay_source is None:
            return
        lines = [f"screen: {self.display_fps:.1f} new frames/s"] + list(self.overlay_source())
        self.overlay.setText("\n".join(lines))
        self._place_overlay()

    def resizeEvent(self, event) -> None:
        """Keep the overlay across the top of the window."""
        super().resizeEvent(event)
        self._place_overlay()

    def _place_overlay(self) -> None:
        width = self.width()
        height = self.overlay.heightForWidth(width) if self.overlay.text() else 0
        self.overlay.setGeometry(0, 0, width, max(height, 40))

    def keyPressEvent(self, event) -> None:
        """The overlay key toggles the overlay; Ctrl+Q closes the player."""
        pressed = QKeySequence(event.keyCombination())
        if pressed.matches(self._overlay_key) == QKeySequence.SequenceMatch.ExactMatch:
            self.toggle_overlay()
            return
        if event.key() == Qt.Key.Key_Q and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        """Stop the overlay timer and the surface's media."""
        self._overlay_timer.stop()
        self.surface.shutdown()
        super().closeEvent(event)


def prevent_screen_blanking() -> list[str]:
    """Keep the display awake; returns what was done (for the log).

    On X11, the X server's screen saver and DPMS blank an idle screen after ten minutes:
    `xset s off -dpms s noblank` turns both off for the session. Desktop sessions with
    their own power manager honour the freedesktop ScreenSaver D-Bus inhibit instead.
    The systemd unit in scripts/kiosk also documents the settings to use.
    """
    done = []
    platform = QGuiApplication.platformName()
    if platform == "xcb" and shutil.which("xset"):
        for args in (["s", "off"], ["-dpms"], ["s", "noblank"]):
            result = subprocess.run(["xset", *args], capture_output=True, text=True, timeout=5, check=False)
            if result.returncode == 0:
                done.append("xset " + " ".join(args))
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        if bus.isConnected():
            screensaver = QDBusInterface(
                "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", bus
            )
            if screensaver.isValid():
                reply = screensaver.call("Inhibit", "signage", "kiosk player is showing ads")
                if not reply.errorName():
                    done.append("freedesktop ScreenSaver inhibit")
    except ImportError:  # QtDBus is part of full PySide6; tolerate a build without it
        pass
    if not done and platform not in ("offscreen", "minimal"):
        log.warning("could not prevent screen blanking on %s: set it in the display settings", platform)
    return done
