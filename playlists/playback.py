"""The playback core: snapshot -> decision -> timeline -> proof of play -> trace, on one clock.

`PlaybackCore` is the whole of what a kiosk player decides, with no Qt in it (the model
of a napari-style model/view split). The Qt player only turns its commands into timers
and pictures; a headless replay, `signage rules simulate`, the editor's simulator and
the tests run the same code on a `VideoClock` or a `FakeClock`, so none of them waits
on the wall clock. Every input is a method call that returns the commands it caused:

* `on_snapshot(snapshot)`: a new audience snapshot: decide, offer it to the timeline;
* `advance(now_s)`: time passed: items whose time is up end, the next ones start;
* `tick()`: the live player's periodic work: a stale audience, rule and content
  changes made by other programs, proof of play waiting for the disk;
* `media_finished(token)` / `media_failed(token, reason)`: what the screen reported;
* `finish(end_s)`: stop; the item on screen is logged as unfinished.

Commands are `PrepareItem` (load this item ahead, it is likely next) and `ShowItem`
(put this item on screen now); each carries a token the screen reports back with.
`due_s()` says when the current item ends by time, for the caller's single timer.

Time is one `foundation.clock.Clock`: `now_s()` readings on its timeline order
everything, `wall_time(ts)` gives the local time rules and proof of play see. The core
never reads the machine's clock (only `time.perf_counter_ns` for the switch-latency
benchmark, which measures and decides nothing).

The rule book and catalog are read in one read transaction and swapped in one
assignment when another program changes them (SQLite's `data_version`): a decision
never sees half of an edit, and a book that cannot be loaded leaves the old one in force.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from audience.types import AudienceSnapshot, SignalState
from content.catalog import ContentLibrary
from content.model import ContentItem
from foundation.clock import Clock
from foundation.errors import SignageError
from foundation.i18n import tr, tr_noop
from playlists.attention import AttentionMeter
from playlists.decision import (
    Arm,
    AudienceView,
    Decision,
    DecisionSettings,
    RuleBook,
    decide,
    with_arm,
)
from playlists.holdout import HoldoutDraw
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from playlists.rulebook import load_rulebook
from playlists.schedule import (
    Event,
    ItemEnded,
    ItemStarted,
    PlaylistSchedule,
    ScheduleSettings,
)
from playlists.store import PlaylistStore

log = logging.getLogger(__name__)

MAX_RECENT_ERRORS = 20  # the status keeps this many of the newest errors


@dataclass(frozen=True)
class PrepareItem:
    """Load `content` ahead under `token`: it will most likely be shown next."""

    token: int
    content: ContentItem


@dataclass(frozen=True)
class ShowItem:
    """Put `content` on screen now under `token` (a prepared token shows at once)."""

    token: int
    content: ContentItem


Command = PrepareItem | ShowItem


@dataclass(frozen=True)
class PlaybackSettings:
    """How the core plays (the `player:` and `stability:` config sections give these)."""

    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    decision: DecisionSettings = field(default_factory=DecisionSettings)
    audience_stale_s: float = 3.0  # live: no snapshot this long counts as no camera signal
    audience_sample_s: float = 10.0  # an audience summary goes into proof of play this often
    reload_check_s: float = 2.0  # live: how often the database is checked for rule changes
    replay: bool = False  # snapshots come from a file (none can be late); no reload checks


@dataclass
class PlaybackStats:
    """What a run did, for the final report, the overlay and `signage status`."""

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
            "failures": self.failures[-100:],
            "rule_reloads": self.rule_reloads,
        }


# -- trace records: one typed record per kind of line ------------------------------


@dataclass(frozen=True)
class DecisionRecord:
    """A decision on one snapshot (or on the clock alone)."""

    ts: float
    local_time: dt.datetime
    audience: AudienceSummary
    decision: Decision
    playing: str | None

    def to_dict(self) -> dict:
        """The trace line (keys in the golden files' order)."""
        return {
            "type": "decision",
            "ts": round(self.ts, 3),
            "local_time": self.local_time.isoformat(timespec="milliseconds"),
            "audience": self.audience.to_dict(),
            "playlist": self.decision.playlist,
            "rule": self.decision.rule,
            "reason": self.decision.reason,
            "guardrail_withheld": list(self.decision.withheld),
            "playing": self.playing,
            **_arm_fields(self.decision),
        }


@dataclass(frozen=True)
class PlayRecord:
    """An item went on screen."""

    ts: float
    local_time: dt.datetime
    playlist: str | None
    rule: str | None
    item: str
    kind: str
    planned_s: float
    switch: str | None
    decision: Decision | None = None

    def to_dict(self) -> dict:
        """The trace line."""
        return {
            "type": "play",
            "ts": round(self.ts, 3),
            "local_time": self.local_time.isoformat(timespec="milliseconds"),
            "playlist": self.playlist,
            "rule": self.rule,
            "item": self.item,
            "kind": self.kind,
            "planned_s": round(self.planned_s, 3),
            "switch": self.switch,
            **_arm_fields(self.decision),
        }


def _arm_fields(decision: Decision | None) -> dict:
    """The holdout's keys of a trace line: only on decisions a targeted rule won."""
    if decision is None or decision.arm is None:
        return {}
    return {"arm": decision.arm.value, "arm_rule": decision.holdout_rule, "other_playlist": decision.other_playlist}


@dataclass(frozen=True)
class EndRecord:
    """An item left the screen."""

    ts: float
    item: str
    playlist: str
    shown_s: float
    outcome: PlayOutcome
    error: str | None

    def to_dict(self) -> dict:
        """The trace line."""
        return {
            "type": "end",
            "ts": round(self.ts, 3),
            "item": self.item,
            "playlist": self.playlist,
            "shown_s": round(self.shown_s, 3),
            "outcome": self.outcome.value,
            "error": self.error,
        }


@dataclass(frozen=True)
class EventRecord:
    """Something an operator should see: rules reloaded, a file failed."""

    ts: float
    kind: str
    message: str

    def to_dict(self) -> dict:
        """The trace line."""
        return {"type": "event", "ts": round(self.ts, 3), "kind": self.kind, "message": self.message}


@dataclass(frozen=True)
class ReportRecord:
    """The last line of a run: its own length and what it did."""

    started_s: float
    ended_s: float
    stats: dict

    @property
    def length_s(self) -> float:
        """How long the run lasted on its own clock."""
        return max(0.0, self.ended_s - self.started_s)

    def to_dict(self) -> dict:
        """The trace line and the run's report."""
        return {"type": "report", "ended_s": round(self.ended_s, 3), "length_s": round(self.length_s, 3), **self.stats}


TraceRecord = DecisionRecord | PlayRecord | EndRecord | EventRecord | ReportRecord


def empty_rulebook() -> RuleBook:
    """A book with nothing in it: only the built-in slide can play (no database yet)."""
    return RuleBook(rules=(), playlists={}, content={}, default_playlist=None, revision=0)


def read_rulebook(db) -> RuleBook:
    """Rules, playlists and the catalog from `db` in one read transaction."""
    return load_rulebook(PlaylistStore(db), ContentLibrary(db))


def simulate_decision(
    book: RuleBook, audience: AudienceView, when: dt.datetime, settings: DecisionSettings = DecisionSettings()
) -> Decision:
    """What a fresh player with `book` would decide for `audience` at local time `when`.

    `signage rules simulate` and the editor's simulator ask the playback core itself, on
    a fake clock at `when`, so they cannot drift from what a kiosk does.
    """
    from foundation.clock import FakeClock

    core = PlaybackCore(None, PlaybackSettings(decision=settings), FakeClock(0.0, start=when), book=book)
    return core.decide_for(audience, when)


class PlaybackCore:
    """Decides, schedules and logs what a kiosk shows. Not thread-safe: one thread calls it."""

    def __init__(
        self,
        db,
        settings: PlaybackSettings,
        clock: Clock,
        *,
        trace: Callable[[dict], None] | None = None,
        proof: ProofOfPlay | None = None,
        book: RuleBook | None = None,
    ) -> None:
        """`db`: the kiosk's database (rules, catalog, proof of play), or None when it
        cannot be opened (only the built-in slide plays; `attach_database` later).
        `proof`: where proof of play goes (default: `db`'s own log).
        `book`: with no `db`, play this rule book and log no proof of play (simulators).
        `trace`: called with each trace line (a dict) in the order things happened."""
        self.settings = settings
        self.clock = clock
        self._trace_sink = trace
        self.stats = PlaybackStats()
        self.db = None
        self.proof: ProofOfPlay | None = None
        self.book = empty_rulebook()
        self._data_version: int | None = None
        self._readable = True
        self.latest: AudienceSnapshot | None = None
        self._latest_at_s: float | None = None
        self.decision: Decision | None = None  # the latest decision (may differ from what plays)
        self.last_decision_at: dt.datetime | None = None
        self.errors: deque[tuple[dt.datetime, str]] = deque(maxlen=MAX_RECENT_ERRORS)
        self._usage: dict[str, list[dt.datetime]] = defaultdict(list)
        share = settings.decision.holdout_share
        self._holdout = HoldoutDraw(share, settings.decision.holdout_seed) if share > 0 else None
        self._run_charged = False  # the current control run's rule was counted as started
        self._play_ids: dict[int, int] = {}  # schedule sequence -> proof-of-play row
        self._meters: dict[int, AttentionMeter] = {}  # schedule sequence -> its attention (memory only)
        self._tokens: dict[int, int] = {}  # token -> schedule sequence
        self._prepared: tuple[int, str] | None = None  # (token, content name)
        self._failed_tokens: dict[int, str] = {}  # prepared tokens that failed before showing
        self._next_token = 0
        self._last_sample_s: float | None = None
        self._finished = False
        self.switched_at: list[tuple[int, int]] = []  # (perf_counter_ns of the decision, token): benchmarks
        self.started_s = clock.now_s()
        self._last_reload_check_s = self.started_s
        self.playing_since: dt.datetime | None = None
        if db is not None:
            self._use_database(db, proof)
        elif book is not None:
            self.book = book
        self.schedule = PlaylistSchedule(self._decide_now, self.started_s, settings.schedule)

    def start(self) -> list[Command]:
        """The first item's commands (call once, after construction)."""
        now = self.started_s
        return self._apply(self.schedule.start(), now)

    # -- inputs ----------------------------------------------------------------------

    def on_snapshot(self, snapshot: AudienceSnapshot) -> list[Command]:
        """A new audience snapshot: decide and offer the decision to the timeline."""
        decided_ns = time.perf_counter_ns()
        now = self._now(snapshot.ts if self.settings.replay else None)
        commands = self._apply(self.schedule.advance_to(now), now)
        self.latest = snapshot
        self._latest_at_s = now
        for meter in self._meters.values():
            meter.observe(snapshot, now)
        commands += self._offer(self._decide_now(now), now, decided_ns)
        if self._last_sample_s is None or now - self._last_sample_s >= self.settings.audience_sample_s:
            self._last_sample_s = now
            self._write("record_audience", self.clock.wall_time(now), AudienceSummary.from_snapshot(snapshot))
        return commands

    def advance(self, now_s: float | None = None) -> list[Command]:
        """Move the timeline to `now_s` (default: the clock's now): items whose time is up end."""
        now = self._now(now_s)
        return self._apply(self.schedule.advance_to(now), now)

    def tick(self) -> list[Command]:
        """Periodic work of the live player: the backstop for item ends, a stale audience,
        rule and content changes, proof of play waiting for the disk."""
        now = self._now(None)
        commands = self._apply(self.schedule.advance_to(now), now)
        if self._audience_is_stale(now):
            # No snapshots (camera lost, engine stopped): time-only rules still change
            # with the hour, so keep deciding on a no-signal audience.
            commands += self._offer(self._decide_now(now), now, time.perf_counter_ns())
        if now - self._last_reload_check_s >= self.settings.reload_check_s:
            self._last_reload_check_s = now
            commands += self.reload_if_changed()
            flush = getattr(self.proof, "flush", None)
            if flush is not None:
                flush()
        return commands

    def media_finished(self, token: int) -> list[Command]:
        """The screen says the video under `token` reached its end."""
        sequence = self._tokens.get(token)
        if sequence is None or self.settings.replay or self._finished:
            return []  # a replay ends videos by their probed duration, not by real playback
        now = self._now(None)
        return self._apply(self.schedule.item_done(now, sequence), now)

    def media_failed(self, token: int, reason: str) -> list[Command]:
        """The screen could not show (or prepare) the item under `token`."""
        if self._finished:
            return []
        sequence = self._tokens.get(token)
        if sequence is None:
            if self._prepared is not None and self._prepared[0] == token:
                self._failed_tokens[token] = reason  # failed while being prepared
            return []
        now = self._now(None)
        return self._apply(self.schedule.item_failed(now, sequence, reason), now)

    def reload_if_changed(self) -> list[Command]:
        """Load the rule book again when another program changed the database.

        A rule book that cannot be loaded is reported and the old one stays in force.
        """
        if self.db is None:
            return []
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return []
        self._data_version = version
        try:
            book = read_rulebook(self.db)
        except (SignageError, ValueError, sqlite3.DatabaseError) as error:
            log.error("rules or content changed but cannot be loaded; the old ones stay in force: %s", error)
            self._event("rules_reload_failed", str(error))
            return []
        if book.revision == self.book.revision and book.content == self.book.content:
            return []  # a commit that did not touch rules or content (another player's proof of play)
        return self._use_book(book)

    def attach_database(self, db, proof: ProofOfPlay | None = None) -> list[Command]:
        """The database can be used again (it could not be opened before): read its rules."""
        self._use_database(db, proof)
        now = self._now(None)
        log.info("the database can be used again: playing its rules")
        return self._apply(self.schedule.restart(self._decide_now(now), now, "the rules could be read"), now)

    def detach_database(self) -> None:
        """The database cannot be read any more: keep playing the rule book in memory.

        Proof of play keeps going to `proof`, which holds it until it can be written.
        """
        if self.db is not None:
            log.warning("the database cannot be read: playing on with the rules in memory (revision %s)", self.book.revision)
        self.db = None
        self._data_version = None

    def finish(self, end_s: float | None = None) -> dict:
        """Stop: play the timeline up to `end_s`, close the item on screen, return the report."""
        self._finished = True
        now = self._now(end_s)
        self._apply(self.schedule.advance_to(now), now)
        entry = self.schedule.current
        if entry is not None:
            self._apply([ItemEnded(entry, now, PlayOutcome.UNFINISHED, "the player stopped")], now)
            self.schedule.current = None
        flush = getattr(self.proof, "flush", None)
        if flush is not None:
            flush()
        report = ReportRecord(self.started_s, now, self.stats.to_dict())
        self._trace(report)
        return report.to_dict()

    def decide_for(self, audience: AudienceView, when: dt.datetime) -> Decision:
        """What the core would decide for `audience` at local time `when` (the simulators).

        Uses the rule book in force and the usage history of this run, and changes nothing.
        """
        return decide(self.book, audience, when, self._usage, self.settings.decision)

    # -- what operators see ----------------------------------------------------------

    def due_s(self) -> float | None:
        """When the current item ends by time (None: nothing is timed); the caller's timer."""
        return None if self._finished else self.schedule.due_s()

    def status(self) -> dict:
        """What plays since when, the last decision and why, counts, errors (JSON-ready)."""
        now = self.clock.now_s()
        playing = self.schedule.decision
        entry = self.schedule.current
        decision = self.decision
        return {
            "started_at": self.clock.wall_time(self.started_s).isoformat(timespec="seconds"),
            "uptime_s": round(now - self.started_s, 1),
            "playing": None
            if entry is None
            else {
                "playlist": playing.playlist if not entry.is_fallback else None,
                "item": entry.name,
                "rule": playing.rule if not entry.is_fallback else None,
                "since": self.clock.wall_time(entry.started_s).isoformat(timespec="seconds"),
                "playlist_since": None if self.playing_since is None else self.playing_since.isoformat(timespec="seconds"),
                "reason": playing.reason if not entry.is_fallback else "nothing else can be shown: the built-in slide",
            },
            "last_decision": None
            if decision is None
            else {
                "at": None if self.last_decision_at is None else self.last_decision_at.isoformat(timespec="seconds"),
                "playlist": decision.playlist,
                "rule": decision.rule,
                "reason": decision.reason,
                "audience": AudienceSummary.from_snapshot(self._current_snapshot(now)).to_dict(),
            },
            "rules_revision": self.book.revision,
            "rules": len(self.book.rules),
            "counts": {
                "decisions": self.stats.decisions,
                "switches": self.stats.switches,
                "plays_by_outcome": dict(sorted(self.stats.outcomes.items())),
                "rule_reloads": self.stats.rule_reloads,
            },
            "database": {
                "proof_of_play_pending": int(getattr(self.proof, "pending", 0) or 0),
                "proof_of_play_failing": getattr(self.proof, "failing", None),
                "proof_of_play_dropped": int(getattr(self.proof, "dropped", 0) or 0),
            },
            "last_errors": [{"at": at.isoformat(timespec="seconds"), "message": message} for at, message in self.errors],
        }

    def overlay_lines(self) -> list[str]:
        """The operator overlay's text in the process's language (`foundation.i18n`); the
        window adds fps and camera status. Display only: the trace, proof of play, the logs
        and `status()` keep the English reasons."""
        lines = []
        latest = self.latest
        if latest is None:
            lines.append(tr("player", "audience: no snapshot yet"))
        else:
            lines.append(tr("player", "audience: {audience}", audience=AudienceSummary.from_snapshot(latest).describe_words()))
        decision = self.decision
        if decision is not None:
            lines.append(tr(
                "player", "decision: {playlist} - {reason}",
                playlist=decision.playlist or tr("player", "(nothing)"), reason=decision.reason_words(),
            ))
            if decision.guardrail_fired:
                lines.append(tr("player", "minors guardrail withheld: {items}", items=", ".join(decision.withheld)))
        playing = self.schedule.decision
        entry = self.schedule.current
        if entry is not None:
            if entry.is_fallback or playing.playlist is None:
                lines.append(tr("player", "playing: the built-in slide {item}", item=entry.name))
            elif playing.rule:
                lines.append(tr("player", "playing: {playlist} / {item} (rule {rule})",
                                playlist=playing.playlist, item=entry.name, rule=playing.rule))
            else:
                lines.append(tr("player", "playing: {playlist} / {item} (the default playlist)",
                                playlist=playing.playlist, item=entry.name))
        queued = self.schedule.switcher.queued
        if queued is not None:
            reason = _QUEUE_REASONS.get(queued.reason)
            lines.append(tr(
                "player", "next: {playlist} ({reason})", playlist=queued.decision.playlist,
                reason=tr("player", reason) if reason else queued.reason,
            ))
        lines.append(tr("player", "rules revision {revision}, %n rules", n=len(self.book.rules), revision=self.book.revision))
        return lines

    # -- inside ----------------------------------------------------------------------

    def _now(self, ts: float | None) -> float:
        """The clock's reading; a replay (or a test) first moves its clock to `ts`."""
        advance_to = getattr(self.clock, "advance_to", None)
        if ts is not None and advance_to is not None:
            return advance_to(ts)
        return self.clock.now_s() if ts is None else max(ts, self.clock.now_s())

    def _use_database(self, db, proof: ProofOfPlay | None) -> None:
        self.db = db
        if proof is not None or self.proof is None:
            self.proof = proof if proof is not None else ProofOfPlay(db)
        self._data_version = self._read_data_version()
        try:
            self.book = read_rulebook(db)
        except (SignageError, ValueError, sqlite3.DatabaseError) as error:
            self._error(f"the rules cannot be read, only the built-in slide plays: {error}")
        closed = self._write("close_unfinished", self.clock.wall_time(self.clock.now_s()))
        if closed:
            log.info("%s play(s) left open by an earlier run marked unfinished", closed)

    def _use_book(self, book: RuleBook) -> list[Command]:
        self.book = book
        self.stats.rule_reloads += 1
        now = self._now(None)
        message = f"revision {book.revision}, {len(book.rules)} rules, {len(book.content)} items"
        self._event("rules_reloaded", message)
        log.info("rules reloaded: %s", message)
        return self._offer(self._decide_now(now), now, time.perf_counter_ns())

    def _decide_now(self, now_s: float) -> Decision:
        when = self.clock.wall_time(now_s)
        decision = decide(self.book, self._audience_view(now_s), when, self._usage, self.settings.decision)
        if self._holdout is not None and decision.rule in self.book.targeted_rules:
            decision = with_arm(decision, self._holdout.arm(decision.rule, when))
            if self._holdout.started_run:
                # The run is the experiment's unit, logged as drawn: whether the screen
                # switches for it or not (a control often leaves the loop on screen).
                self._write(
                    "record_holdout_run", when, rule=decision.holdout_rule, arm=decision.arm.value,
                    playlist=decision.playlist, other_playlist=decision.other_playlist,
                    group_size=decision.audience.group_size,
                )
                self._run_charged = False
            self._charge_control_run(decision, when)
        self.decision = decision
        self.last_decision_at = when
        self.stats.decisions += 1
        return decision

    def _charge_control_run(self, decision: Decision, when: dt.datetime) -> None:
        """Count a control run's held-out rule as started, as a switch counts a targeted one.

        So the rule's cooldown and plays per hour act alike in both arms. A targeted run
        is counted when the screen switches to it, which the stability rules allow once
        the decision has held for `confirm_s`; a control run usually switches nothing
        (its control is often the loop already on screen), so it is counted when it has
        held as long.
        """
        if decision.arm is not Arm.CONTROL or self._run_charged:
            return
        if (when - self._holdout.run_started).total_seconds() >= self.settings.schedule.stability.confirm_s:
            self._used(decision.holdout_rule, when)
            self._run_charged = True

    def _audience_view(self, now_s: float) -> AudienceView:
        if self.latest is None or self._audience_is_stale(now_s):
            return AudienceView.no_signal()
        return AudienceView.from_snapshot(self.latest, self.settings.decision)

    def _audience_is_stale(self, now_s: float) -> bool:
        if self.settings.replay:
            return False  # a replay's snapshots come from the file, none can be late
        return self._latest_at_s is None or now_s - self._latest_at_s > self.settings.audience_stale_s

    def _current_snapshot(self, now_s: float) -> AudienceSnapshot | None:
        latest = self.latest
        if latest is None or self._audience_is_stale(now_s) or latest.signal is not SignalState.OK:
            return None
        return latest

    def _offer(self, decision: Decision, now_s: float, decided_ns: int) -> list[Command]:
        events = self.schedule.offer(decision, now_s)
        self._trace(
            DecisionRecord(
                now_s,
                self.clock.wall_time(now_s),
                AudienceSummary.from_snapshot(self._current_snapshot(now_s)),
                decision,
                self.schedule.decision.playlist,
            )
        )
        commands, switched = self._apply_events(events, now_s)
        if switched is not None:
            self.switched_at.append((decided_ns, switched))
            del self.switched_at[:-1000]
        return commands

    def _apply(self, events: list[Event], now_s: float) -> list[Command]:
        """Act on timeline events: proof of play, trace, and the commands for the screen."""
        return self._apply_events(events, now_s)[0]

    def _apply_events(self, events: list[Event], now_s: float) -> tuple[list[Command], int | None]:
        """`_apply`, also giving the token of the item that began a new decision, if any."""
        commands: list[Command] = []
        switched: int | None = None
        pending = list(events)
        for _ in range(10_000):  # failures found while starting add events; bounded, never a spin
            if not pending:
                break
            event = pending.pop(0)
            if isinstance(event, ItemEnded):
                self._ended(event)
                continue
            token, failure = self._started(event)
            if event.switch is not None:
                switched = token
            if failure is None:
                commands.append(ShowItem(token, event.entry.item.content))
            else:
                # The file already failed while it was being prepared: skip it at once.
                pending += self.schedule.item_failed(now_s, event.entry.sequence, failure)
        if events:
            prepare = self._prepare_upcoming()
            if prepare is not None:
                commands.append(prepare)
        return commands, switched

    def _started(self, event: ItemStarted) -> tuple[int, str | None]:
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
        if entry.sequence == 1:
            self.playing_since = when
            log.info(
                "playing %s first (rule %s): %s",
                decision.playlist if decision is not None else "the built-in slide",
                (decision.rule or "default") if decision is not None else "none",
                decision.reason if decision is not None else "nothing else can be shown",
            )
        if event.switch is not None:
            self.stats.switches += 1
            self.playing_since = when
            log.info(
                "now playing %s (rule %s): %s",
                decision.playlist if decision is not None else "the built-in slide",
                (decision.rule or "default") if decision is not None else "none",
                event.switch.reason,
            )
            if decision is not None and decision.rule is not None:
                self._used(decision.rule, when)
        reason = decision.reason if decision is not None else "nothing else can be shown: the built-in slide"
        present = self._current_snapshot(entry.started_s)  # who is there as it starts
        play_id = self._write(
            "item_started",
            started_at=when,
            playlist=decision.playlist if decision is not None else None,
            item=content.name,
            kind="fallback" if entry.is_fallback else content.kind.value,
            rule=decision.rule if decision is not None else None,
            planned_s=entry.item.duration_s,
            reason=reason,
            audience=AudienceSummary.from_snapshot(present),
            arm=None if decision is None or decision.arm is None else decision.arm.value,
            arm_rule=None if decision is None else decision.holdout_rule,
            other_playlist=None if decision is None else decision.other_playlist,
        )
        if play_id is not None:
            self._play_ids[entry.sequence] = play_id
        meter = self._meters[entry.sequence] = AttentionMeter(entry.started_s)
        if present is not None:
            meter.observe(present, self._latest_at_s)  # who was there already: gains count from the start
        self._trace(
            PlayRecord(
                entry.started_s,
                when,
                decision.playlist if decision is not None else None,
                decision.rule if decision is not None else None,
                content.name,
                content.kind.value,
                entry.item.duration_s,
                event.switch.reason if event.switch is not None else None,
                decision,
            )
        )
        return token, self._failed_tokens.pop(token, None)

    def _used(self, rule: str, when: dt.datetime) -> None:
        starts = self._usage[rule]
        starts.append(when)
        del starts[: max(0, len(starts) - 200)]  # enough for max_plays_per_hour; bounded

    def _ended(self, event: ItemEnded) -> None:
        entry = event.entry
        play_id = self._play_ids.pop(entry.sequence, None)
        meter = self._meters.pop(entry.sequence, None)
        attention = None if meter is None else meter.close(event.ended_s)
        if event.outcome is PlayOutcome.FAILED:
            attention = None  # it could not be shown: nobody had a chance to see it
        shown_s = max(0.0, event.ended_s - entry.started_s)
        playlist = entry.decision.playlist if entry.decision is not None else "(fallback)"
        self.stats.plays_by_playlist[playlist or "(nothing)"] += 1
        self.stats.seconds_by_playlist[playlist or "(nothing)"] += shown_s
        self.stats.outcomes[event.outcome.value] += 1
        if play_id is not None:
            self._write(
                "item_ended", play_id, ended_at=self.clock.wall_time(event.ended_s), outcome=event.outcome,
                error=event.error, attention=attention,
            )
        if event.outcome is PlayOutcome.FAILED:
            self.stats.failures.append(f"{entry.name}: {event.error}")
            del self.stats.failures[:-100]
            self._event("media_failed", f"{entry.name}: {event.error}")
        self._trace(EndRecord(event.ended_s, entry.name, playlist, shown_s, event.outcome, event.error))

    def _prepare_upcoming(self) -> PrepareItem | None:
        upcoming = self.schedule.upcoming()
        if upcoming is None:
            return None
        name = upcoming.content.name
        if self._prepared is not None and self._prepared[1] == name:
            return None
        token = self._new_token()
        self._prepared = (token, name)
        return PrepareItem(token, upcoming.content)

    def _new_token(self) -> int:
        self._next_token += 1
        if len(self._tokens) > 64:  # forget old tokens: their late reports are ignored anyway
            for old in sorted(self._tokens)[:-32]:
                del self._tokens[old]
        return self._next_token

    def _event(self, kind: str, message: str) -> None:
        now = self.clock.now_s()
        if kind.endswith("failed"):
            self._error(message, log_it=False)
        self._write("record_event", self.clock.wall_time(now), kind, message)
        self._trace(EventRecord(now, kind, message))

    def _error(self, message: str, *, log_it: bool = True) -> None:
        if log_it:
            log.error("%s", message)
        self.errors.append((self.clock.wall_time(self.clock.now_s()), message))

    def _write(self, method: str, *args, **kwargs):
        """One proof-of-play write; a failure is logged and never stops playback.

        (`ProofOfPlay` itself keeps records in memory while the disk refuses them; this
        is the last line of defence for anything else it raises.)
        """
        if self.proof is None:
            return None
        try:
            return getattr(self.proof, method)(*args, **kwargs)
        except (sqlite3.DatabaseError, OSError, ValueError) as error:
            self._error(f"proof of play: {method} failed: {error}")
            return None

    def _trace(self, record: TraceRecord) -> None:
        if self._trace_sink is not None:
            self._trace_sink(record.to_dict())

    def _read_data_version(self) -> int | None:
        try:
            version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            if self._readable:  # once per change of state, not every tick
                self._error(f"the database cannot be read, the rules in memory stay in force: {error}")
            self._readable = False
            return None
        if not self._readable:
            log.info("the database can be read again")
        self._readable = True
        return version


# -- the overlay's words (display only) ----------------------------------------------

# Why a switch waits (playlists/stability.py's English reasons of a queued switch).
_QUEUE_REASONS = {
    "the playlist's playable items changed": tr_noop("player", "the playlist's playable items changed"),
    "waits for the current item to end (equal or lower priority)": tr_noop(
        "player", "waits for the current item to end (equal or lower priority)"
    ),
}
