"""The `player:` section of the config file: the screen, the camera and how media is handled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from audience.settings import POSITIVE, Range, between, check_ranges, one_of
from foundation.i18n import tr, tr_noop
from playlists.schedule import ScheduleSettings
from playlists.stability import StabilitySettings


@dataclass(frozen=True)
class PlayerSettings:
    """How the kiosk player runs (`player:` in the config file). Units in the names.

    Every numeric field declares its accepted range in `RANGES` (one line per field;
    `audience.settings` checks it with the file and key in the message).
    """

    camera: str = "0"  # audience source: camera index, rtsp/http URL, or "none" for time-only rules
    screen: int = 0  # which screen the fullscreen window opens on (0: the primary)
    fullscreen: bool = True  # False: a 1280x720 window (for trying things out)
    rotation_deg: int = 0  # 0, 90, 180 or 270: for displays mounted in portrait
    sound: bool = False  # play the sound of videos
    overlay_key: str = "F1"  # toggles the operator overlay (any Qt key name, e.g. F1, O)
    video_stall_timeout_s: float = 3.0  # a playing video without a new frame this long is skipped
    video_grace_s: float = 5.0  # a video still running this long after its probed duration is ended
    failure_retry_s: float = 300.0  # an item that failed is skipped this long, then tried again
    audience_stale_s: float = 3.0  # no snapshot for this long counts as no camera signal
    reload_check_s: float = 2.0  # how often the database is checked for rule and content changes
    audience_sample_s: float = 10.0  # how often an audience summary is logged (for reports)
    # A live player whose GUI thread has not run its event loop this long ends itself with
    # exit code 70 so that the unit or the autostart's loop restarts it (signage/player/watchdog.py).
    watchdog_s: float = 30.0
    # The built-in slide shown when nothing else can play; the default is shown translated
    # into the screen's language, a title of the operator's own as written.
    fallback_title: str = tr_noop("player", "Welcome")
    fallback_body: str = ""
    # `signage status` and Prometheus read http://127.0.0.1:PORT/status and /metrics; 0: off
    status_port: int = 8787
    # A live player restarts itself once a day at this local time ("HH:MM"; "" never):
    # its memory grows by about 8 MB an hour (README, "Performance"), so a fresh process
    # at a quiet hour keeps it bounded. Exit code 75 makes the unit or the loop restart it.
    restart_daily_at: str = "04:00"

    RANGES: ClassVar[dict[str, Range]] = {
        "screen": between(0, 99),  # more screens than a machine has; a bound, not a guess
        "rotation_deg": one_of(0, 90, 180, 270),
        # Timer intervals and timeouts: zero would spin a timer or skip every item at once.
        "video_stall_timeout_s": POSITIVE,
        "video_grace_s": POSITIVE,
        "failure_retry_s": POSITIVE,
        "audience_stale_s": POSITIVE,
        "reload_check_s": POSITIVE,
        "audience_sample_s": POSITIVE,
        # The GUI beats once a second: below 5 s a busy moment would restart the player;
        # above an hour a frozen screen waits too long (an hour is as good as off).
        "watchdog_s": between(5, 3600),
        "status_port": between(0, 65535),  # 0: no status endpoint
    }
    # `camera: 0` in YAML is a whole number: the first camera, as the text "0".
    INDEX_AS_TEXT: ClassVar[tuple[str, ...]] = ("camera",)

    def __post_init__(self) -> None:
        """`restart_daily_at` must be "" or a time of day "HH:MM"."""
        if self.restart_daily_at and daily_restart_time(self.restart_daily_at) is None:
            raise ValueError(f"restart_daily_at: expected a time of day HH:MM or \"\", got {self.restart_daily_at!r}")

    def check(self, where: str) -> None:
        """Raise ConfigError naming the key of the first value out of its range
        (for settings changed in code, e.g. by command-line options)."""
        check_ranges(self, where)

    def schedule(self, stability: StabilitySettings, videos_end_by_time: bool = False) -> ScheduleSettings:
        """The timeline's settings."""
        return ScheduleSettings(
            stability=stability,
            videos_end_by_time=videos_end_by_time,
            video_grace_s=self.video_grace_s,
            failure_retry_s=self.failure_retry_s,
            fallback_title=tr("player", "Welcome") if self.fallback_title == "Welcome" else self.fallback_title,
            fallback_body=self.fallback_body,
        )


def daily_restart_time(text: str) -> dt.time | None:
    """The time of day "HH:MM" means, or None when it is not one."""
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        return None


def crossed_daily_time(previous: dt.datetime, now: dt.datetime, at: dt.time) -> bool:
    """True when the local time of day `at` lies in (previous, now]: once a day, also
    across midnight and when the clock was checked late."""
    if now <= previous:
        return False
    candidate = dt.datetime.combine(now.date(), at)
    if candidate > now:
        candidate -= dt.timedelta(days=1)
    return previous < candidate <= now
