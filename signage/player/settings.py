"""The `player:` section of the config file: the screen, the camera and how media is handled."""

from __future__ import annotations

from dataclasses import dataclass

from playlists.schedule import ScheduleSettings
from playlists.stability import StabilitySettings
from foundation.errors import ConfigError


@dataclass(frozen=True)
class PlayerSettings:
    """How the kiosk player runs (`player:` in the config file). Units in the names."""

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
    fallback_title: str = "Welcome"  # the built-in slide shown when nothing else can play
    fallback_body: str = ""

    def check(self, where: str) -> None:
        """Raise ConfigError naming the key of the first invalid value."""
        if self.rotation_deg not in (0, 90, 180, 270):
            raise ConfigError(f"{where}.rotation_deg: expected 0, 90, 180 or 270, got {self.rotation_deg}")
        if self.screen < 0:
            raise ConfigError(f"{where}.screen: expected 0 or more, got {self.screen}")
        for key in (
            "video_stall_timeout_s",
            "video_grace_s",
            "failure_retry_s",
            "audience_stale_s",
            "reload_check_s",
            "audience_sample_s",
        ):
            if getattr(self, key) <= 0:
                raise ConfigError(f"{where}.{key}: expected a positive number of seconds, got {getattr(self, key)}")

    def schedule(self, stability: StabilitySettings, videos_end_by_time: bool = False) -> ScheduleSettings:
        """The timeline's settings."""
        return ScheduleSettings(
            stability=stability,
            videos_end_by_time=videos_end_by_time,
            video_grace_s=self.video_grace_s,
            failure_retry_s=self.failure_retry_s,
            fallback_title=self.fallback_title,
            fallback_body=self.fallback_body,
        )
