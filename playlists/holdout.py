"""Which arm of the randomised holdout a targeted rule's win belongs to.

A visitor stands in front of the screen for a few seconds, and the player decides every
half second: drawing an arm per decision would flip between the targeted playlist and
the control while one visitor watches. So the arm is drawn once per *run* of wins: the
first decision a targeted rule wins draws, and the arm stays while that rule keeps
winning, with gaps of at most `keep_s` (a snapshot or two of low confidence). Another
targeted rule winning, or a longer gap, starts a new run and a new draw.

The draw is `random.Random(f"{seed}|{rule}|{local time}")`: seeded by the configured
seed, the rule and the local time of the run's first decision, so a replay on the same
recording, rules and seed draws the same arms, and a run's arm does not depend on how
many draws came before it.
"""

from __future__ import annotations

import datetime as dt
import random

from playlists.decision import Arm

KEEP_S = 30.0  # a rule that won again within this many seconds keeps its run's arm


class HoldoutDraw:
    """Draws and keeps the arm of each run of a targeted rule's wins (one per player)."""

    def __init__(self, share: float, seed: int = 0, keep_s: float = KEEP_S) -> None:
        """`share`: the probability a run goes to the control arm (0..1)."""
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"holdout share must be between 0 and 1, got {share}")
        self.share = share
        self.seed = seed
        self.keep_s = keep_s
        self._rule: str | None = None
        self._arm = Arm.TARGETED
        self._last: dt.datetime | None = None
        self.started_run = False  # whether the last `arm` call drew a new run
        self.run_started: dt.datetime | None = None  # the local time of the current run's first decision

    def arm(self, rule: str, when: dt.datetime) -> Arm:
        """The arm of `rule`'s win at local time `when` (drawing one when a run starts)."""
        last = self._last
        same_run = (
            rule == self._rule and last is not None and 0.0 <= (when - last).total_seconds() <= self.keep_s
        )
        self.started_run = not same_run
        if not same_run:
            self.run_started = when
            draw = random.Random(f"{self.seed}|{rule}|{when.isoformat()}").random()
            self._arm = Arm.CONTROL if draw < self.share else Arm.TARGETED
            self._rule = rule
        self._last = when
        return self._arm
