"""The player's wiring: snapshots in, decisions, the timeline, pictures and proof of play out.

`PlayerController` lives on the GUI thread and owns everything that decides what is on
screen. It is driven by three things:

* **audience snapshots** (`on_snapshot`): each one is decided on at once and offered to
  the timeline, which switches following the stability rules;
* **time** (`advance`): items end when their time is up; the live player arms a precise
  single-shot timer for the current item's end, a replay advances to each snapshot's
  video timestamp;
* **the surface**: a video that ends, or an item that fails, moves the timeline on.

It also notices rule and content changes made by other programs (SQLite's
`data_version` changes when another connection commits), loads the new rule book in
one read snapshot and swaps it in one assignment: a decision never sees half of an edit,
and a rule book that cannot be loaded leaves the old one in force.

Time is injected (`PlayerTime`): the live player uses the monotonic clock, a replay the
video's own timestamps mapped onto the chosen start time, so the same clip and start
always give the same decisions, plays and trace.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer

from audience.types import AudienceSnapshot, SignalState
from content.catalog import ContentLibrary
from playlists.decision import AudienceView, Decision, decide
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from playlists.rulebook import load_rulebook
from playlists.schedule import Event, ItemEnded, ItemStarted, PlaylistSchedule
from playlists.store import PlaylistStore
from signage.config import SignageConfig
from foundation.errors import SignageError
from signage.player.surface import MediaSurface
from signage.player.trace import TraceWriter

log = logging.getLogger(__name__)


class PlayerTime(Protocol):
    """The player's notion of now: monotonic seconds, and the local wall time they map to."""

    def now_s(self) -> float:
        """Seconds on the player's monotonic timeline."""
        ...

    def wall_time(self, now_s: float) -> dt.datetime:
        """The local date and time of the timeline reading `now_s`."""
        ...


class LiveTime:
    """The machine's clocks: `time.monotonic()` for intervals, local time for rules."""

    def now_s(self) -> float:
        """`time.monotonic()`."""
        return time.monotonic()

    def wall_time(self, now_s: float) -> dt.datetime:
        """Now in local time, minus how long ago `now_s` was (follows clock changes and DST)."""
        return dt.datetime.now() - dt.timedelta(seconds=time.monotonic() - now_s)


class ReplayTime:
    """A recorded video's timestamps, mapped onto the local time the replay starts at."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self.current_s = 0.0

    def now_s(self) -> float:
        """The timestamp of the latest snapshot (the replay moves it forward)."""
        return self.current_s

    def wall_time(self, now_s: float) -> dt.datetime:
        """`start + now_s` seconds."""
        return self.start + dt.timedelta(seconds=now_s)


@dataclass
class PlayerStats:
    """What a run did, for the final report and the overlay."""

    decisions: int = 0
    switches: int = 0
    plays_by_playlist: Counter = field(default_factory=Counter)
    seconds_by_playlist: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    rule_reloads: int = 0

    def to_dict(self) -> dict:
        """JSON-ready, in a stable order."""
        return {
            "decisions": self.decisions,
            "switches": self.switches,
            "plays_by_playlist": dict(sorted(self.plays_by_playlist.items())),
            "seconds_by_playlist": {k: round(v, 3) for k, v in sorted(self.seconds_by_playlist.items())},
            "outcomes": dict(sorted(self.outcomes.items())),
            "failures": self.failures,
            "rule_reloads": self.rule_reloads,
        }


class PlayerController(QObject):
    """Decides, schedules and shows. Lives on (and is only called from) the GUI thread."""

    def __init__(
        self,
        db,
        config: SignageConfig,
        surface: MediaSurface,
        clock: PlayerTime,
        *,
        replay: bool = False,
        trace: TraceWriter | None = None,
    ) -> None:
        """`replay=True`: time only moves with `advance`/`on_snapshot` (no timers), and
        videos end at their probed duration, so the run is deterministic."""
        super().__init__()
        self.db = db
        self.config = config
        self.settings = config.player
        self.surface = surface
        self.clock = clock
        self.replay = replay
        self.trace = trace
        self.store = PlaylistStore(db)
        self.library = ContentLibrary(db)
        self.proof = ProofOfPlay(db)
        self.stats = PlayerStats()
        self.book = load_rulebook(self.store, self.library)
        self._data_version = self._read_data_version()
        self.latest: AudienceSnapshot | None = None
        self._latest_at_s: float | None = None
        self.decision: Decision | None = None  # the latest decision (may differ from what plays)
        self._usage: dict[str, list[dt.datetime]] = defaultdict(list)
        self._play_ids: dict[int, int] = {}  # schedule sequence -> proof-of-play row
        self._tokens: dict[int, int] = {}  # surface token -> schedule sequence
        self._prepared: tuple[int, str] | None = None  # (surface token, content name)
        self._failed_tokens: dict[int, str] = {}  # prepared tokens that failed before showing
        self._next_token = 0
        self._last_sample_s: float | None = None
        self._last_reload_check_s = clock.now_s()
        self.switched_at: list[tuple[float, int]] = []  # (perf_counter_ns of the decision, token) for benchmarks
        self._finished = False

        now = clock.now_s()
        closed = self.proof.close_unfinished(clock.wall_time(now))
        if closed:
            log.info("%s play(s) left open by an earlier run marked unfinished", closed)
        surface.item_failed.connect(self._on_surface_failed)
        surface.video_finished.connect(self._on_video_finished)
        self._item_timer = QTimer(self)
        self._item_timer.setSingleShot(True)
        self._item_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._item_timer.timeout.connect(self._on_item_due)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(250)
        self._tick_timer.timeout.connect(self.tick)

        self.schedule = PlaylistSchedule(self._decide_now, now, self.settings.schedule(config.stability, replay))
        self._apply(self.schedule.start(), now)
        if not replay:
            self._tick_timer.start()

    # -- inputs ----------------------------------------------------------------------

    def on_snapshot(self, snapshot: AudienceSnapshot) -> None:
        """A new audience snapshot: decide and offer the decision to the timeline."""
        decided_ns = time.perf_counter_ns()
        if self.replay:
            self.clock.current_s = max(self.clock.current_s, snapshot.ts)
        now = self.clock.now_s()
        events = self.schedule.advance_to(now)
        self._apply(events, now)
        self.latest = snapshot
        self._latest_at_s = now
        decision = self._decide_now(now)
        self._offer(decision, now, decided_ns)
        if self._last_sample_s is None or now - self._last_sample_s >= self.settings.audience_sample_s:
            self._last_sample_s = now
            self.proof.record_audience(self.clock.wall_time(now), AudienceSummary.from_snapshot(snapshot))

    def advance(self, now_s: float | None = None) -> None:
        """Move the timeline to `now_s` (default: the clock's now): items whose time is up end."""
        now = self.clock.now_s() if now_s is None else now_s
        if self.replay:
            self.clock.current_s = max(self.clock.current_s, now)
            now = self.clock.current_s
        self._apply(self.schedule.advance_to(now), now)

    def tick(self) -> None:
        """Periodic work of the live player: the backstop for item ends, a stale audience,
        rule and content changes."""
        now = self.clock.now_s()
        self._apply(self.schedule.advance_to(now), now)
        if self._audience_is_stale(now):
            # No snapshots (camera lost, engine stopped): time-only rules still change
            # with the hour, so keep deciding on a no-signal audience.
            self._offer(self._decide_now(now), now, time.perf_counter_ns())
        if now - self._last_reload_check_s >= self.settings.reload_check_s:
            self._last_reload_check_s = now
            self.reload_if_changed()

    def reload_if_changed(self) -> bool:
        """Load the rule book again when another program changed the database.

        Returns True when a new rule book is in force. A rule book that cannot be loaded
        is reported and the old one stays in force.
        """
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        try:
            book = load_rulebook(self.store, self.library)
        except (SignageError, ValueError) as error:
            log.error("rules or content changed but cannot be loaded; the old ones stay in force: %s", error)
            self._event("rules_reload_failed", str(error))
            return False
        if book.revision == self.book.revision and book.content == self.book.content:
            return False  # a commit that did not touch rules or content (another player's proof of play)
        self.book = book
        self.stats.rule_reloads += 1
        now = self.clock.now_s()
        self._event("rules_reloaded", f"revision {book.revision}, {len(book.rules)} rules, {len(book.content)} items")
        log.info("rules reloaded: revision %s", book.revision)
        self._offer(self._decide_now(now), now, time.perf_counter_ns())
        return True

    def finish(self, end_s: float | None = None) -> dict:
        """Stop: play the timeline up to `end_s`, close the item on screen, return the report."""
        self._finished = True
        self._item_timer.stop()
        self._tick_timer.stop()
        now = self.clock.now_s() if end_s is None else end_s
        if self.replay:
            self.clock.current_s = max(self.clock.current_s, now)
            now = self.clock.current_s
        self._apply(self.schedule.advance_to(now), now)
        entry = self.schedule.current
        if entry is not None:
            self._apply([ItemEnded(entry, now, PlayOutcome.UNFINISHED, "the player stopped")], now)
            self.schedule.current = None
        report = {"type": "report", "ended_s": round(now, 3), **self.stats.to_dict()}
        if self.trace is not None:
            self.trace.write(report)
        return report

    # -- what the overlay shows ------------------------------------------------------

    def overlay_lines(self) -> list[str]:
        """The operator overlay's text (the window adds fps and camera status)."""
        lines = []
        latest = self.latest
        if latest is None:
            lines.append("audience: no snapshot yet")
        else:
            summary = AudienceSummary.from_snapshot(latest)
            lines.append(f"audience: {summary.describe()}")
        decision = self.decision
        if decision is not None:
            lines.append(f"decision: {decision.playlist or '(nothing)'} - {decision.reason}")
            if decision.guardrail_fired:
                lines.append(f"minors guardrail withheld: {', '.join(decision.withheld)}")
        playing = self.schedule.decision
        entry = self.schedule.current
        if entry is not None:
            lines.append(f"playing: {playing.playlist or '(fallback)'} / {entry.name} (rule {playing.rule or 'default'})")
        queued = self.schedule.switcher.queued
        if queued is not None:
            lines.append(f"next: {queued.decision.playlist} ({queued.reason})")
        lines.append(f"rules revision {self.book.revision}, {len(self.book.rules)} rules")
        return lines

    # -- inside ----------------------------------------------------------------------

    def _decide_now(self, now_s: float) -> Decision:
        audience = self._audience_view(now_s)
        decision = decide(self.book, audience, self.clock.wall_time(now_s), self._usage, self.config.decision)
        self.decision = decision
        self.stats.decisions += 1
        return decision

    def _audience_view(self, now_s: float) -> AudienceView:
        if self.latest is None or self._audience_is_stale(now_s):
            return AudienceView.no_signal()
        return AudienceView.from_snapshot(self.latest, self.config.decision)

    def _audience_is_stale(self, now_s: float) -> bool:
        if self.replay:
            return False  # a replay's snapshots come from the file, none can be late
        return self._latest_at_s is None or now_s - self._latest_at_s > self.settings.audience_stale_s

    def _offer(self, decision: Decision, now_s: float, decided_ns: int) -> None:
        events = self.schedule.offer(decision, now_s)
        if self.trace is not None:
            self.trace.write(self._decision_line(decision, now_s))
        switched = self._apply(events, now_s)
        if switched is not None:
            self.switched_at.append((decided_ns, switched))
            del self.switched_at[:-1000]

    def _apply(self, events: list[Event], now_s: float) -> int | None:
        """Act on timeline events; returns the surface token of a switch, if one happened."""
        switched = None
        for event in events:
            if isinstance(event, ItemEnded):
                self._ended(event)
            else:
                token = self._started(event)
                if event.switch is not None:
                    switched = token
        if events:
            self._prepare_upcoming()
        self._arm_item_timer(now_s)
        return switched

    def _started(self, event: ItemStarted) -> int:
        entry = event.entry
        content = entry.item.content
        if self._prepared is not None and self._prepared[1] == content.name:
            token = self._prepared[0]
        else:
            token = self._new_token()
        self._prepared = None
        self._tokens[token] = entry.sequence
        when = self.clock.wall_time(entry.started_s)
        decision = entry.decision
        if event.switch is not None:
            self.stats.switches += 1
            if decision is not None and decision.rule is not None:
                starts = self._usage[decision.rule]
                starts.append(when)
                del starts[: max(0, len(starts) - 200)]  # enough for max_plays_per_hour; bounded
        reason = decision.reason if decision is not None else "nothing else can be shown: the built-in slide"
        self._play_ids[entry.sequence] = self.proof.item_started(
            started_at=when,
            playlist=decision.playlist if decision is not None else None,
            item=content.name,
            kind="fallback" if entry.is_fallback else content.kind.value,
            rule=decision.rule if decision is not None else None,
            planned_s=entry.item.duration_s,
            reason=reason,
            audience=AudienceSummary.from_snapshot(self._current_snapshot(entry.started_s)),
        )
        if self.trace is not None:
            self.trace.write(
                {
                    "type": "play",
                    "ts": round(entry.started_s, 3),
                    "local_time": when.isoformat(timespec="milliseconds"),
                    "playlist": decision.playlist if decision is not None else None,
                    "rule": decision.rule if decision is not None else None,
                    "item": content.name,
                    "kind": content.kind.value,
                    "planned_s": round(entry.item.duration_s, 3),
                    "switch": event.switch.reason if event.switch is not None else None,
                }
            )
        self.surface.show_item(token, content)
        failure = self._failed_tokens.pop(token, None)
        if failure is not None:
            # The file already failed while it was being prepared: skip it at once.
            QTimer.singleShot(0, lambda t=token, f=failure: self._on_surface_failed(t, f))
        return token

    def _ended(self, event: ItemEnded) -> None:
        entry = event.entry
        play_id = self._play_ids.pop(entry.sequence, None)
        shown_s = max(0.0, event.ended_s - entry.started_s)
        playlist = entry.decision.playlist if entry.decision is not None else "(fallback)"
        self.stats.plays_by_playlist[playlist or "(nothing)"] += 1
        self.stats.seconds_by_playlist[playlist or "(nothing)"] += shown_s
        self.stats.outcomes[event.outcome.value] += 1
        when = self.clock.wall_time(event.ended_s)
        if play_id is not None:
            self.proof.item_ended(play_id, ended_at=when, outcome=event.outcome, error=event.error)
        if event.outcome is PlayOutcome.FAILED:
            self.stats.failures.append(f"{entry.name}: {event.error}")
            self._event("media_failed", f"{entry.name}: {event.error}")
        if self.trace is not None:
            self.trace.write(
                {
                    "type": "end",
                    "ts": round(event.ended_s, 3),
                    "item": entry.name,
                    "playlist": playlist,
                    "shown_s": round(shown_s, 3),
                    "outcome": event.outcome.value,
                    "error": event.error,
                }
            )

    def _current_snapshot(self, now_s: float) -> AudienceSnapshot | None:
        if self.latest is None or self._audience_is_stale(now_s) or self.latest.signal is not SignalState.OK:
            return None
        return self.latest

    def _prepare_upcoming(self) -> None:
        upcoming = self.schedule.upcoming()
        if upcoming is None:
            return
        name = upcoming.content.name
        if self._prepared is not None and self._prepared[1] == name:
            return
        token = self._new_token()
        self._prepared = (token, name)
        self.surface.prepare(token, upcoming.content)

    def _new_token(self) -> int:
        self._next_token += 1
        if len(self._tokens) > 64:  # forget old tokens: their late signals are ignored anyway
            for old in sorted(self._tokens)[:-32]:
                del self._tokens[old]
        return self._next_token

    def _arm_item_timer(self, now_s: float) -> None:
        if self.replay or self._finished:
            return
        due = self.schedule.due_s()
        if due is None:
            self._item_timer.stop()
            return
        self._item_timer.start(max(0, round((due - now_s) * 1000)))

    def _on_item_due(self) -> None:
        if self._finished:
            return
        now = self.clock.now_s()
        self._apply(self.schedule.advance_to(now), now)

    def _on_video_finished(self, token: int) -> None:
        sequence = self._tokens.get(token)
        if sequence is None or self.replay or self._finished:
            return  # a replay ends videos by their probed duration, not by real playback
        now = self.clock.now_s()
        self._apply(self.schedule.item_done(now, sequence), now)

    def _on_surface_failed(self, token: int, reason: str) -> None:
        if self._finished:
            return
        sequence = self._tokens.get(token)
        if sequence is None:
            if self._prepared is not None and self._prepared[0] == token:
                self._failed_tokens[token] = reason  # failed while being prepared
            return
        now = self.clock.now_s()
        self._apply(self.schedule.item_failed(now, sequence, reason), now)

    def _event(self, kind: str, message: str) -> None:
        now = self.clock.now_s()
        self.proof.record_event(self.clock.wall_time(now), kind, message)
        if self.trace is not None:
            self.trace.write({"type": "event", "ts": round(now, 3), "kind": kind, "message": message})

    def _decision_line(self, decision: Decision, now_s: float) -> dict:
        latest = self._current_snapshot(now_s)
        return {
            "type": "decision",
            "ts": round(now_s, 3),
            "local_time": self.clock.wall_time(now_s).isoformat(timespec="milliseconds"),
            "audience": AudienceSummary.from_snapshot(latest).to_dict(),
            "playlist": decision.playlist,
            "rule": decision.rule,
            "reason": decision.reason,
            "guardrail_withheld": list(decision.withheld),
            "playing": self.schedule.decision.playlist,
        }

    def _read_data_version(self) -> int:
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]
