"""The Qt side of the player: timers, the surface and signals around the playback core.

Everything that decides what is on screen lives in `playlists.playback.PlaybackCore`
(Qt-free, on an injected clock). `PlayerController` only:

* feeds it: audience snapshots, the surface's "video finished" / "item failed"
  signals, a precise single-shot timer for the current item's end and a 250 ms tick
  (the live player; a replay moves only with its snapshots);
* carries out what it returns: `PrepareItem` and `ShowItem` become surface calls.

It lives on (and is only called from) the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer

from audience.types import AudienceSnapshot
from foundation.clock import Clock
from playlists.playback import (
    Command,
    PlaybackCore,
    PlaybackSettings,
    PrepareItem,
    ShowItem,
)
from signage.config import SignageConfig
from signage.player.surface import MediaSurface
from signage.player.trace import TraceWriter

log = logging.getLogger(__name__)


def playback_settings(config: SignageConfig, replay: bool) -> PlaybackSettings:
    """The core's settings from the config file's `player`, `stability` and `decision` sections."""
    player = config.player
    return PlaybackSettings(
        schedule=player.schedule(config.stability, videos_end_by_time=replay),
        decision=config.decision,
        audience_stale_s=player.audience_stale_s,
        audience_sample_s=player.audience_sample_s,
        reload_check_s=player.reload_check_s,
        replay=replay,
    )


class PlayerController(QObject):
    """Runs a `PlaybackCore` on Qt timers and shows what it says on a `MediaSurface`."""

    def __init__(
        self,
        db,
        config: SignageConfig,
        surface: MediaSurface,
        clock: Clock,
        *,
        replay: bool = False,
        trace: TraceWriter | None = None,
        proof=None,
    ) -> None:
        """`replay=True`: time only moves with `advance`/`on_snapshot` (no timers), and
        videos end at their probed duration, so the run is deterministic. `db` may be
        None (it cannot be opened): the built-in slide plays until `attach_database`."""
        super().__init__()
        self.replay = replay
        self.surface = surface
        self.core = PlaybackCore(
            db, playback_settings(config, replay), clock, trace=trace.write if trace else None, proof=proof
        )
        surface.item_failed.connect(self._on_surface_failed)
        surface.video_finished.connect(self._on_video_finished)
        self._item_timer = QTimer(self)
        self._item_timer.setSingleShot(True)
        self._item_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._item_timer.timeout.connect(self.advance)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(250)
        self._tick_timer.timeout.connect(self.tick)
        self._finished = False
        self.before_tick = None  # called before each tick (the live player checks its database files)
        self._carry_out(self.core.start())
        if not replay:
            self._tick_timer.start()

    # -- what the core knows, for the window, the status and the tests ----------------

    @property
    def decision(self):
        """The latest decision (may differ from what plays)."""
        return self.core.decision

    @property
    def stats(self):
        """What the run did so far."""
        return self.core.stats

    @property
    def schedule(self):
        """The timeline."""
        return self.core.schedule

    @property
    def switched_at(self):
        """(perf_counter_ns of the decision, surface token) of recent switches: benchmarks."""
        return self.core.switched_at

    def overlay_lines(self) -> list[str]:
        """The operator overlay's text."""
        return self.core.overlay_lines()

    # -- inputs ----------------------------------------------------------------------

    def on_snapshot(self, snapshot: AudienceSnapshot) -> None:
        """A new audience snapshot."""
        self._carry_out(self.core.on_snapshot(snapshot))

    def advance(self, now_s: float | None = None) -> None:
        """Move the timeline to `now_s` (default: the clock's now)."""
        if not self._finished:
            self._carry_out(self.core.advance(now_s))

    def tick(self) -> None:
        """The live player's periodic work."""
        if not self._finished:
            if self.before_tick is not None:
                self.before_tick()
            self._carry_out(self.core.tick())

    def reload_if_changed(self) -> bool:
        """Load the rules again if another program changed them; True when a new book is in force."""
        before = self.core.stats.rule_reloads
        self._carry_out(self.core.reload_if_changed())
        return self.core.stats.rule_reloads > before

    def attach_database(self, db, proof=None) -> None:
        """The database could not be opened at start and now can: play its rules."""
        self._carry_out(self.core.attach_database(db, proof))

    def finish(self, end_s: float | None = None) -> dict:
        """Stop: close the item on screen, return the report."""
        self._finished = True
        self._item_timer.stop()
        self._tick_timer.stop()
        return self.core.finish(end_s)

    # -- inside ----------------------------------------------------------------------

    def _carry_out(self, commands: list[Command]) -> None:
        for command in commands:
            if isinstance(command, ShowItem):
                self.surface.show_item(command.token, command.content)
            elif isinstance(command, PrepareItem):
                self.surface.prepare(command.token, command.content)
        self._arm_item_timer()

    def _arm_item_timer(self) -> None:
        if self.replay or self._finished:
            return
        due = self.core.due_s()
        if due is None:
            self._item_timer.stop()
            return
        self._item_timer.start(max(0, round((due - self.core.clock.now_s()) * 1000)))

    def _on_video_finished(self, token: int) -> None:
        if not self._finished:
            self._carry_out(self.core.media_finished(token))

    def _on_surface_failed(self, token: int, reason: str) -> None:
        if not self._finished:
            # Queued: the surface may report a failure from inside show_item/prepare.
            QTimer.singleShot(0, self, lambda: self._carry_out(self.core.media_failed(token, reason)))
