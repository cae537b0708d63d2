"""The kiosk window: the media surface full screen, and the operator overlay over it."""

from __future__ import annotations

import logging
import shutil
import subprocess
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from foundation.i18n import tr
from signage.player.aim import AIM_KEY, AimOverlay
from signage.player.settings import PlayerSettings
from signage.player.surface import MediaSurface

log = logging.getLogger(__name__)


class PlayerWindow(QWidget):
    """A borderless window on the chosen screen: the surface, and an overlay toggled by a key.

    The overlay (hidden by default) shows what an operator needs to check a screen at a
    glance: frames per second on screen and in the audience engine, the camera status,
    the audience segment and its confidence, the decision and its reason. F2 shows the
    aiming picture (the camera's face boxes, never its pixels). Ctrl+Q quits.
    """

    # Emitted once the window has closed (Ctrl+Q, the window manager's close button).
    # The player's run ends on it: QApplication.lastWindowClosed is emitted only inside
    # QApplication.exec(), and the player runs its own QEventLoop, so it never came.
    closed = Signal()

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
        # A monospaced font first; Korean characters, which it lacks, come from the fallback
        # font Qt finds for them (Noto Sans CJK, installed by the bootstrap).
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
        # The aiming picture (F2): where the camera sees faces, boxes only (see aim.py).
        self.aim = AimOverlay(self)
        self._aim_key = QKeySequence(AIM_KEY)
        self._fps_painted = 0
        self._fps_at = time.perf_counter()
        self.display_fps = 0.0
        self._overlay_timer = QTimer(self)
        self._overlay_timer.setInterval(500)
        self._overlay_timer.timeout.connect(self.refresh_overlay)
        self._overlay_timer.start()
        self._followed_screen = None  # the QScreen whose geometry the fullscreen window follows

    def show_on_screen(self) -> None:
        """Show full screen on the configured screen (or windowed), cursor hidden.

        On X11 the window's geometry is set to the screen's explicitly: `showFullScreen`
        only asks the window manager for `_NET_WM_STATE_FULLSCREEN`, and on a bare X server
        (`xinit`/`startx`, no window manager) nobody answers, so the window kept Qt's 1x1
        initial size and the screen stayed black. Frameless and stay-on-top keep a window
        manager's panels out of the picture; the geometry follows the screen when it
        changes (xrandr, a rotated output, a monitor plugged in later). On Wayland a client
        cannot place itself: the compositor sizes a fullscreen surface, so `showFullScreen`
        is all there is to do there.
        """
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
        if not self.settings.fullscreen:
            self.resize(1280, 720)
            self.show()
            return
        self.setWindowFlags(
            self.windowFlags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self._fill_screen(screen)
        self.showFullScreen()
        self._fill_screen(screen)  # again: showing may have moved it back to its old size
        self.raise_()
        self.activateWindow()  # keyboard focus without a window manager (Ctrl+Q, the overlay key)
        handle = self.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._follow_screen)
        self._follow_screen(screen)

    def _fill_screen(self, screen) -> None:
        """Cover `screen` exactly (X11); nothing on Wayland, where the compositor decides."""
        if screen is None or QGuiApplication.platformName().startswith("wayland"):
            return
        if self.geometry() != screen.geometry():
            log.info(
                "player window: %sx%s+%s+%s (screen %s)",
                screen.geometry().width(),
                screen.geometry().height(),
                screen.geometry().x(),
                screen.geometry().y(),
                screen.name(),
            )
            self.setGeometry(screen.geometry())

    def _follow_screen(self, screen) -> None:
        """Track the geometry of the screen the window is on (and only that screen's)."""
        if self._followed_screen is not None:
            try:
                self._followed_screen.geometryChanged.disconnect(self._on_screen_geometry)
            except (RuntimeError, TypeError):  # already gone with its screen
                pass
        self._followed_screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._on_screen_geometry)
            self._fill_screen(screen)

    def _on_screen_geometry(self, _geometry) -> None:
        if self._followed_screen is not None and self.isVisible():
            self._fill_screen(self._followed_screen)
            self.raise_()

    def toggle_overlay(self) -> None:
        """Show or hide the operator overlay."""
        self.overlay.setVisible(not self.overlay.isVisible())
        self.refresh_overlay()

    @property
    def aim_source(self):
        """A callable giving the newest `AimView` (the audience worker's `aim_view`), or None."""
        return self.aim.source

    @aim_source.setter
    def aim_source(self, source) -> None:
        self.aim.source = source

    def toggle_aim(self) -> None:
        """Show or hide the aiming picture."""
        if self.aim.isVisible():
            self.aim.hide()
        else:
            self.aim.place()
            self.aim.show()
            self.aim.raise_()

    def refresh_overlay(self) -> None:
        """Measure the frames on screen per second; rewrite the overlay when it is shown."""
        now = time.perf_counter()
        painted = self.surface.frames_painted
        if now - self._fps_at >= 1.0:
            self.display_fps = (painted - self._fps_painted) / (now - self._fps_at)
            self._fps_painted, self._fps_at = painted, now
        if not self.overlay.isVisible() or self.overlay_source is None:
            return
        lines = [tr("player", "screen: {fps} new frames/s", fps=f"{self.display_fps:.1f}"), *self.overlay_source()]
        self.overlay.setText("\n".join(lines))
        self._place_overlay()

    def resizeEvent(self, event) -> None:
        """Keep the overlay across the top of the window."""
        super().resizeEvent(event)
        self._place_overlay()
        self.aim.place()

    def _place_overlay(self) -> None:
        width = self.width()
        height = self.overlay.heightForWidth(width) if self.overlay.text() else 0
        self.overlay.setGeometry(0, 0, width, max(height, 40))

    def keyPressEvent(self, event) -> None:
        """The overlay key toggles the overlay, F2 the aiming picture; Ctrl+Q closes the player."""
        pressed = QKeySequence(event.keyCombination())
        if pressed.matches(self._overlay_key) == QKeySequence.SequenceMatch.ExactMatch:
            self.toggle_overlay()
            return
        if pressed.matches(self._aim_key) == QKeySequence.SequenceMatch.ExactMatch:
            self.toggle_aim()
            return
        if event.key() == Qt.Key.Key_Q and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        """Stop the overlay timer and the surface's media; tell the run it is over."""
        self._overlay_timer.stop()
        self.aim.hide()  # stops its repaint timer
        self.surface.shutdown()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


def prevent_screen_blanking() -> list[str]:
    """Keep the display awake; returns what was done (for the log).

    On X11, the X server's screen saver and DPMS blank an idle screen after ten minutes:
    `xset s off -dpms s noblank` turns both off for the session. Desktop sessions with
    their own power manager honour the freedesktop ScreenSaver D-Bus inhibit instead.
    The systemd unit in scripts/kiosk also documents the settings to use.
    """
    done = []
    platform = QGuiApplication.platformName()
    if platform == "xcb":
        if shutil.which("xset") is None:
            # Said on its own: without xset a bare X server blanks the screen after ten
            # minutes even when the D-Bus inhibit below works for a desktop's power manager.
            log.warning(
                "xset is not installed, so the X server's screen saver and DPMS stay on and blank the screen "
                "after about ten minutes: install the Debian package x11-xserver-utils "
                "(sudo apt-get install x11-xserver-utils, or run scripts/bootstrap)"
            )
        else:
            for args in (["s", "off"], ["-dpms"], ["s", "noblank"]):
                result = subprocess.run(["xset", *args], capture_output=True, text=True, timeout=5, check=False)
                problem = result.stderr.strip()
                if result.returncode == 0 and not problem:
                    done.append("xset " + " ".join(args))
                elif "does not have extension" in problem:
                    # A server without DPMS (Xvfb, some VNC servers) has no power saving to turn off.
                    log.debug("xset %s: %s", " ".join(args), problem)
                else:
                    log.warning("xset %s failed: %s", " ".join(args), problem or f"exit code {result.returncode}")
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
