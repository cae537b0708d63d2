"""The uplift estimator: holdout exposures from proof of play joined with imported receipts.

Hand-computed cases on real SQLite files first (exposures, attribution, rates, the
interval), then the statistics on synthetic clustered data (calibration of the interval,
the days needed), then every kind of bad input as a sentence.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

from audience.types import AgeGroup
from content.catalog import ContentLibrary
from foundation.clock import FakeClock
from foundation.db import open_database
from foundation.errors import ConfigError, NotFoundError, ValidationError
from playlists.decision import DecisionSettings, RuleBook
from playlists.learning import LearningSettings
from playlists.holdout import KEEP_S
from playlists.playback import PlaybackCore, PlaybackSettings
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay
from playlists.purchases import import_csv
from playlists.store import PlaylistStore
from playlists.uplift import (
    Presence,
    UpliftSettings,
    attribute,
    best_lag_min,
    clock_problems,
    compare_arms,
    days_needed,
    format_uplift,
    measure_uplift,
    sample_ratio_problem,
)
from tests.playlists.builders import make_content, make_playlist, make_rule
from tests.playlists.test_playback import drive, store_db  # noqa: F401 (a fixture)

MONDAY = dt.datetime(2026, 11, 23)
AUTHOR = "test"
FEW = UpliftSettings(min_exposures=2)  # the hand-made cases have two exposures per arm


# -- builders: a database with rules, content, plays and receipts ----------------------


def someone(size: int = 1) -> AudienceSummary:
    """`size` visitors (0: nobody), as the plays log them."""
    return AudienceSummary("ok", size, "teen/casual" if size else None, 0.8 if size else 0.0,
                           {"teen": size} if size else {}, {"casual": size} if size else {})


class Shop:
    """A signage database file with the students rule, its snacks playlist and a log of plays."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = open_database(path)
        self.log = ProofOfPlay(self.db)
        self.runs: dict[tuple[str, str], dt.datetime] = {}  # (rule, arm) -> end of its last play
        library = ContentLibrary(self.db)
        library.add_text("snacks_chips", "Chips", tags=["snacks"])
        library.add_text("brand_welcome", "Welcome", tags=["brand"])
        library.add_text("coffee_ad", "Coffee", tags=["coffee"])
        store = PlaylistStore(self.db)
        for playlist in (make_playlist("snacks", "snacks_chips"), make_playlist("brand", "brand_welcome"),
                         make_playlist("coffee", "coffee_ad")):
            store.save_playlist(playlist, AUTHOR)
        store.save_rule(make_rule("students", "snacks", priority=60, age_groups=(AgeGroup.TEEN,),
                                  rule_note="Students after school."), AUTHOR)
        store.save_rule(make_rule("coffee_lovers", "coffee", priority=50, age_groups=(AgeGroup.ADULT,)), AUTHOR)

    def play(self, at: dt.datetime, arm: str | None = None, rule: str = "students", group: int = 1,
             seconds: float = 8.0) -> None:
        """One item on screen for `seconds`: the rule's in `arm`, or the default playlist (arm None)."""
        targeted, targeted_item = {"students": ("snacks", "snacks_chips"), "coffee_lovers": ("coffee", "coffee_ad")}[rule]
        if arm is None:
            playlist, item, rule_name, other = "brand", "brand_welcome", None, None
        elif arm == "targeted":
            playlist, item, rule_name, other = targeted, targeted_item, rule, "brand"
        else:
            playlist, item, rule_name, other = "brand", "brand_welcome", None, targeted
        if arm is not None:
            # A new run of the holdout, as the player's draw would start one: not the same
            # rule and arm again within KEEP_S of that run's last play.
            last = self.runs.get((rule, arm))
            if last is None or (at - last).total_seconds() > KEEP_S:
                self.log.record_holdout_run(at, rule=rule, arm=arm, playlist=playlist, other_playlist=other,
                                            group_size=group)
            self.runs[(rule, arm)] = at + dt.timedelta(seconds=seconds)
        play_id = self.log.item_started(
            started_at=at, playlist=playlist, item=item, kind="text", rule=rule_name, planned_s=seconds,
            reason="test", audience=someone(group), arm=arm, arm_rule=None if arm is None else rule,
            other_playlist=other,
        )
        self.log.item_ended(play_id, ended_at=at + dt.timedelta(seconds=seconds), outcome=PlayOutcome.PLAYED)

    def receipts(self, tmp_path: Path, rows: list[tuple[dt.datetime, list[str]]], source: str = "till") -> None:
        """Import one receipt per (time, categories) (`import_receipts`)."""
        import_receipts(self.db, tmp_path, rows, source)


def import_receipts(db, folder: Path, rows: list[tuple[dt.datetime, list[str]]], source: str = "till") -> None:
    """Import one receipt per (time, categories) through the CSV importer (a line per category)."""
    lines = ["timestamp,basket_id,product,category,quantity,amount"]
    for number, (when, categories) in enumerate(rows):
        for category in categories or ["other"]:
            lines.append(f"{when:%Y-%m-%d %H:%M:%S},b{number},{category.lower()} item,{category},1,2.50")
    path = folder / f"{source}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_csv(db, path, source=source)
    assert not report.rejected


@pytest.fixture
def shop(tmp_path):
    shop = Shop(tmp_path / "signage.db")
    yield shop
    shop.db.conn.close()


def at(hhmmss: str, day: int = 0) -> dt.datetime:
    """Monday (plus `day` days) at 'HH:MM[:SS]'."""
    parts = [int(p) for p in hhmmss.split(":")] + [0]
    return MONDAY + dt.timedelta(days=day, hours=parts[0], minutes=parts[1], seconds=parts[2])


def hand_case(shop: Shop, tmp_path: Path) -> None:
    """Two targeted and two control exposures of `students`, with receipts around them.

    targeted 10:00 -> 3 receipts (2 snacks, one of them exactly 10 minutes on);
    targeted 10:30 -> 2 (1 snacks); control 11:00 -> 3 (1 snacks); control 11:30 -> 1 (0).
    """
    for time in ("09:50", "10:20", "10:50", "11:20"):
        shop.play(at(time))  # the default loop between the exposures
    shop.play(at("10:00"), "targeted")
    shop.play(at("10:30"), "targeted")
    shop.play(at("11:00"), "control")
    shop.play(at("11:30"), "control")
    shop.receipts(tmp_path, [
        (at("09:59"), ["SNACKS"]),  # before any exposure: not used
        (at("10:05"), ["SNACKS", "DAIRY"]),
        (at("10:09:59"), ["DAIRY"]),
        (at("10:10:00"), ["SNACKS"]),  # the window's edge: still the 10:00 exposure's
        (at("10:10:01"), ["SNACKS"]),  # one second past it: nobody's
        (at("10:31"), ["SNACKS"]),
        (at("10:32"), ["BREAD"]),
        (at("11:02"), ["BREAD"]),
        (at("11:05"), ["SNACKS"]),
        (at("11:06"), ["DAIRY"]),
        (at("11:31"), ["BREAD"]),
    ])


# -- exposures, attribution, rates -------------------------------------------------------


def test_rates_effect_and_interval_on_a_hand_computed_case(shop, tmp_path):
    # Given two exposures in each arm and receipts around them
    hand_case(shop, tmp_path)
    # When the uplift is measured with a 10-minute window
    report = measure_uplift(shop.db, settings=FEW)
    # Then snacks (the tag of the rule's playlist) is measured: 3 of 5 against 1 of 4
    assert report.problems == ()
    (row,) = report.rows
    assert (row.rule, row.category, row.advertised) == ("students", "SNACKS", True)
    assert (row.targeted_exposures, row.control_exposures) == (2, 2)
    assert (row.targeted_receipts, row.targeted_with_category) == (5, 3)
    assert (row.control_receipts, row.control_with_category) == (4, 1)
    assert row.targeted_rate == pytest.approx(0.6) and row.control_rate == pytest.approx(0.25)
    assert row.effect == pytest.approx(0.6 / 0.25 - 1)
    # The interval by hand: per arm m/(m-1) * sum((y - p n)^2) / (sum n)^2, on the log ratio.
    variance_targeted = 2 / 1 * ((2 - 0.6 * 3) ** 2 + (1 - 0.6 * 2) ** 2) / 5**2
    variance_control = 2 / 1 * ((1 - 0.25 * 3) ** 2 + (0 - 0.25 * 1) ** 2) / 4**2
    se = math.sqrt(variance_targeted / 0.6**2 + variance_control / 0.25**2)
    low, high = (math.exp(math.log(2.4) + sign * 1.959964 * se) - 1 for sign in (-1, 1))
    assert row.interval == pytest.approx((low, high), rel=1e-5)
    assert row.days == 1 and row.problem is None
    assert (report.receipts, report.attributed_receipts, report.exposures) == (11, 9, 4)


def test_a_receipt_goes_to_the_latest_exposure_of_any_targeted_rule(shop, tmp_path):
    # Given a students exposure at 10:00 and a coffee_lovers one at 10:04
    shop.play(at("10:00"), "targeted")
    shop.play(at("10:04"), "targeted", rule="coffee_lovers")
    shop.receipts(tmp_path, [(at("10:03"), ["SNACKS"]), (at("10:05"), ["SNACKS", "COFFEE"])])
    report = measure_uplift(shop.db, settings=FEW)
    rows = {row.rule: row for row in report.rows}
    # Then 10:03 is the students exposure's and 10:05 the later coffee one's
    assert rows["students"].targeted_receipts == 1 and rows["students"].targeted_with_category == 1
    assert rows["coffee_lovers"].targeted_receipts == 1 and rows["coffee_lovers"].category == "COFFEE"


def test_attribution_takes_the_window_edge_and_nothing_before_the_exposure():
    exposures = np.array([0.0, 1000.0])
    receipts = np.array([-1.0, 0.0, 600.0, 600.5, 999.0, 1000.0, 1600.0])
    assert attribute(exposures, receipts, 600.0).tolist() == [-1, 0, 0, -1, -1, 1, 1]
    assert attribute(np.array([]), receipts, 600.0).tolist() == [-1] * len(receipts)


def test_an_exposure_is_a_run_of_one_arm_with_someone_there(shop, tmp_path):
    # Given a targeted run of three items, a control run, a targeted run with a 10 s break
    # of the default loop inside it, and a targeted run with nobody in front of the screen
    for second in (0, 8, 16):
        shop.play(at("10:00") + dt.timedelta(seconds=second), "targeted")
    shop.play(at("10:00:24"), "control")
    shop.play(at("11:00:00"), "targeted")
    shop.play(at("11:00:08"), None, seconds=10)
    shop.play(at("11:00:18"), "targeted")
    shop.play(at("12:00"), "targeted", group=0)
    shop.receipts(tmp_path, [(at("10:01"), ["SNACKS"]), (at("12:01"), ["SNACKS"])])
    report = measure_uplift(shop.db, settings=FEW)
    (row,) = report.rows
    # Then there are two targeted exposures and one control; the receipt at 10:01 belongs
    # to the control run that started at 10:00:24, and the one at 12:01 to nobody's
    assert (row.targeted_exposures, row.control_exposures) == (2, 1)
    assert (row.targeted_receipts, row.control_receipts) == (0, 1)
    assert report.attributed_receipts == 1


def test_from_and_to_choose_the_exposures_and_receipts_after_to_still_count(shop, tmp_path):
    hand_case(shop, tmp_path)
    report = measure_uplift(shop.db, at("10:00"), at("10:31"), settings=FEW)
    (row,) = report.rows
    assert (row.targeted_exposures, row.control_exposures) == (2, 0)
    assert row.targeted_receipts == 5  # 10:31 and 10:32 are after --to, within the window
    assert row.problem == "only 0 control exposures so far (2 needed in each arm)"
    assert (report.start, report.end) == (at("10:00"), at("10:31"))


def test_the_sentence_reads_like_the_issue_and_the_table_shows_the_denominators(shop, tmp_path):
    hand_case(shop, tmp_path)
    row = measure_uplift(shop.db, settings=FEW).rows[0]
    assert row.sentence().startswith(
        "students (Students after school): SNACKS bought in 60.0% of receipts within 10 minutes after the targeted"
        " ad, 25.0% after the control; +140% (-13% to +562%), 1 day; about "
    )
    assert row.sentence().endswith(" more days to be sure of +5%")
    text = format_uplift(measure_uplift(shop.db, settings=FEW))
    lines = text.splitlines()
    assert lines[0].startswith("Uplift of targeting between 2026-11-23 09:50 and 2026-11-23 11:30: receipts within 10")
    assert lines[2] == row.sentence()
    assert "60.0% (3/5)" in text and "25.0% (1/4)" in text
    header = next(line for line in lines if line.startswith("RULE"))
    assert header.split()[:5] == ["RULE", "CATEGORY", "ARM", "EXPOSURES", "RECEIPTS"]


def test_a_category_asked_for_is_measured_for_every_rule(shop, tmp_path):
    hand_case(shop, tmp_path)
    report = measure_uplift(shop.db, settings=FEW, category="DAIRY")
    (row,) = report.rows
    assert (row.category, row.advertised) == ("DAIRY", False)
    assert (row.targeted_with_category, row.control_with_category) == (2, 1)  # 10:05 and 10:09:59; 11:06
    assert "DAIRY (not advertised by this rule) bought in 40.0%" in row.sentence()


def test_a_given_rulebook_replaces_the_store(shop, tmp_path):
    # Given the simulator's own book, where the snacks playlist shows a "crisps" item
    hand_case(shop, tmp_path)
    book = RuleBook((make_rule("students", "snacks", age_groups=(AgeGroup.TEEN,)),),
                    {"snacks": make_playlist("snacks", "crisps")},
                    {"crisps": make_content("crisps", tags=("bread",))}, None)
    (row,) = measure_uplift(shop.db, settings=FEW, rulebook=book).rows
    assert row.category == "BREAD" and row.rule_note == ""


def test_what_the_playback_core_logs_is_read_as_one_exposure_per_run(store_db, tmp_path):  # noqa: F811
    # Given the real playback core with a holdout of 100% and a student there from 16:00 to 16:30
    clock = FakeClock(0.0, start=at("15:55"))
    settings = PlaybackSettings(decision=DecisionSettings(holdout_share=1.0, holdout_seed=3))
    core = PlaybackCore(store_db, settings, clock)
    drive(core, clock, until_s=40 * 60)
    core.finish()
    import_receipts(store_db, tmp_path, [(at("16:04"), ["SNACKS"]), (at("16:06"), ["COFFEE"])])
    # When the uplift of snacks is measured
    report = measure_uplift(store_db, category="SNACKS", settings=FEW)
    # Then her half hour is one control exposure of the rule that won, with both receipts
    (row,) = report.rows
    assert (row.rule, row.targeted_exposures, row.control_exposures) == ("students_after_school", 0, 1)
    assert (row.control_receipts, row.control_with_category) == (2, 1)
    assert row.rule_note == "Students on their way home from school"
    # and without --category the seed items, which have no tags here, advertise nothing
    (problem,) = measure_uplift(store_db, settings=FEW).problems
    assert problem.startswith("rule students_after_school: the items of its playlist after_school_snacks have no"
                              " content tags")


# -- the statistics on synthetic clustered data ----------------------------------------


def clustered_arms(rng, exposures: int, effect: float, sigma: float, control_share: float = 0.1,
                   base_rate: float = 0.12, receipts_per_exposure: float = 3.0):
    """Per-exposure (hits, receipts) of each arm: receipts ~ Poisson, and a rate shared by an
    exposure's receipts (log-normal with mean 1 around `base_rate`, times 1 + `effect` when
    targeted): receipts of one exposure are correlated, as the same minutes' shoppers are."""
    control = rng.random(exposures) < control_share
    receipts = rng.poisson(receipts_per_exposure, exposures)
    shared = rng.normal(-sigma**2 / 2, sigma, exposures)
    rate = np.clip(base_rate * np.exp(shared) * np.where(control, 1.0, 1.0 + effect), 0, 1)
    hits = rng.binomial(receipts, rate)
    return hits[~control], receipts[~control], hits[control], receipts[control]


def naive_interval(hits_t, receipts_t, hits_c, receipts_c) -> tuple[float, float]:
    """The interval that treats every receipt as independent (what clustering must fix)."""
    p_t, p_c = hits_t.sum() / receipts_t.sum(), hits_c.sum() / receipts_c.sum()
    se = math.sqrt((1 - p_t) / hits_t.sum() + (1 - p_c) / hits_c.sum())
    centre = math.log(p_t / p_c)
    return math.exp(centre - 1.96 * se) - 1, math.exp(centre + 1.96 * se) - 1


@pytest.mark.parametrize("effect", [0.08, 0.0, -0.03])
def test_the_interval_covers_a_known_effect_on_clustered_data(effect):
    # Given 200 stores of 1,500 exposures (10% control) whose receipts share a rate per exposure
    rng = np.random.default_rng(15)
    covered = naive_covered = significant = 0
    replications = 200
    for _ in range(replications):
        arms = clustered_arms(rng, 1500, effect, sigma=1.0, receipts_per_exposure=6.0)
        low, high = compare_arms(*arms).interval
        covered += low <= effect <= high
        significant += low > 0 or high < 0
        naive_low, naive_high = naive_interval(*arms)
        naive_covered += naive_low <= effect <= naive_high
    # Then the clustered interval covers it about 95% of the time (200 draws: sd 1.5%)...
    assert 0.91 <= covered / replications <= 0.99
    # ...where an interval ignoring the clustering would not (the test can tell them apart)
    assert naive_covered / replications < 0.90
    if effect == 0.0:
        assert significant / replications <= 0.08


def test_the_design_effect_is_one_without_clustering_and_more_with_it():
    rng = np.random.default_rng(3)
    independent = compare_arms(*clustered_arms(rng, 20_000, 0.0, sigma=0.0)).design_effect
    clustered = compare_arms(*clustered_arms(rng, 20_000, 0.0, sigma=1.0)).design_effect
    assert independent == pytest.approx(1.0, abs=0.1)
    assert clustered > 1.4


def test_compare_arms_gives_no_number_without_a_rate_to_divide_by():
    none = compare_arms(np.array([1, 2]), np.array([3, 3]), np.array([0, 0]), np.array([2, 1]))
    assert none.control_rate == 0 and none.effect is None and none.interval is None
    empty = compare_arms(np.array([1, 2]), np.array([3, 3]), np.array([]), np.array([]))
    assert empty.control_rate is None and empty.effect is None


def test_days_needed_follows_the_formula():
    # p0 = 0.1, p1 = 0.105, 900 targeted and 100 control receipts a day, design effect 1.5
    z = 1.959964 + 0.841621
    expected = 1.5 * (0.895 / (0.105 * 900) + 0.9 / (0.1 * 100)) * (z / math.log(1.05)) ** 2
    assert days_needed(0.1, 900, 100, 1.5, 0.05, 0.8) == pytest.approx(expected, rel=1e-5)
    assert days_needed(0.0, 900, 100, 1.5, 0.05, 0.8) == math.inf


def test_the_days_needed_give_the_power_asked_for():
    # Given a pilot of 10 days of a store with 300 exposures a day (30% control)
    rng = np.random.default_rng(7)
    per_day, effect = 300, 0.15
    hits_t, receipts_t, hits_c, receipts_c = clustered_arms(rng, per_day * 10, effect, 0.8, control_share=0.3)
    pilot = compare_arms(hits_t, receipts_t, hits_c, receipts_c)
    days = days_needed(pilot.control_rate, receipts_t.sum() / 10, receipts_c.sum() / 10,
                       max(pilot.design_effect, 1.0), effect, 0.8)
    # When 200 stores run that many days
    detected = sum(
        compare_arms(*clustered_arms(rng, int(per_day * days), effect, 0.8, control_share=0.3)).interval[0] > 0
        for _ in range(200)
    )
    # Then about 80% of them detect the effect
    assert 0.70 <= detected / 200 <= 0.90


def test_a_row_with_plenty_of_data_needs_no_more_days(shop, tmp_path):
    # Given 40 exposures per arm on each of 3 days, every receipt in the window
    receipts = []
    for day in range(3):
        for number in range(80):
            start = at("08:00", day) + dt.timedelta(minutes=12 * number)
            shop.play(start, "control" if number % 2 else "targeted")
            bought = ["SNACKS"] if (number % 2 == 0 and number % 4 == 0) or number % 10 == 1 else ["BREAD"]
            receipts += [(start + dt.timedelta(minutes=1), bought), (start + dt.timedelta(minutes=2), ["BREAD"])]
    shop.receipts(tmp_path, receipts)
    (row,) = measure_uplift(shop.db, settings=UpliftSettings(detect_effect=5.0)).rows
    assert row.problem is None and row.days == 3
    assert row.more_days_needed == 0
    assert "enough days already to be sure of +500%" in row.sentence()


# -- bad input: a sentence instead of a number -----------------------------------------


def test_no_plays_with_an_arm_asks_about_the_holdout_share(shop, tmp_path):
    shop.play(at("10:00"))
    shop.receipts(tmp_path, [(at("10:01"), ["SNACKS"])])
    report = measure_uplift(shop.db, at("10:00"), at("11:00"))
    assert report.rows == ()
    assert report.problems == ((
        "no holdout exposures between 2026-11-23 10:00 and 2026-11-23 11:00 (1 play, no holdout run drawn):"
        " is decision.holdout_share 0, or did no targeted rule win?"
    ),)
    assert measure_uplift(shop.db, at("12:00")).problems[0].startswith("no plays from 2026-11-23 12:00")


def test_exposures_with_nobody_there_are_not_exposures(shop):
    shop.play(at("10:00"), "targeted", group=0)
    (problem,) = measure_uplift(shop.db).problems
    assert problem.startswith("no holdout exposures with someone in front of the screen")


def test_no_receipts_imported_says_how_to_import_them(shop, tmp_path):
    shop.play(at("10:00"), "targeted")
    (problem,) = measure_uplift(shop.db).problems
    assert problem == "no receipts imported: import the till's receipts with `signage purchases import-csv FILE`"
    shop.receipts(tmp_path, [(at("10:01"), ["SNACKS"])])
    (problem,) = measure_uplift(shop.db, source="tll").problems
    assert problem == "no receipts imported into purchase source 'tll' (did you mean 'till'?)"


def test_receipts_that_do_not_overlap_give_both_date_ranges(shop, tmp_path):
    shop.play(at("10:00"), "targeted")
    shop.play(at("10:00", day=2), "control")
    shop.receipts(tmp_path, [(at("10:01", day=-30), ["SNACKS"]), (at("10:01", day=-20), ["SNACKS"])])
    (problem,) = measure_uplift(shop.db).problems
    assert problem == (
        "the receipts (2026-10-24 to 2026-11-03) do not overlap the holdout exposures (2026-11-23 to 2026-11-25):"
        " import the receipts of those days, or choose --from and --to within both"
    )


def test_exposures_on_days_without_receipts_are_left_out(shop, tmp_path):
    hand_case(shop, tmp_path)
    shop.play(at("10:00", day=1), "targeted")
    report = measure_uplift(shop.db, settings=FEW)
    assert report.problems == (
        "1 exposure on 1 day without any receipt (2026-11-24) are left out: import the receipts of those days",
    )
    assert report.rows[0].targeted_exposures == 2


def test_too_few_exposures_in_an_arm_say_how_many_and_how_many_are_needed(shop, tmp_path):
    hand_case(shop, tmp_path)
    (row,) = measure_uplift(shop.db).rows  # 30 per arm needed by default
    assert row.problem == "only 2 targeted exposures so far (30 needed in each arm): about 14 more days at this pace"
    assert row.effect is None and row.interval is None
    assert row.targeted_receipts == 5  # the counts are still shown
    assert row.sentence() == "students (Students after school): SNACKS: " + row.problem


def test_no_receipt_with_the_category_in_an_arm_is_a_sentence(shop, tmp_path):
    shop.play(at("10:00"), "targeted")
    shop.play(at("10:30"), "targeted")
    shop.play(at("11:00"), "control")
    shop.play(at("11:30"), "control")
    shop.receipts(tmp_path, [(at("10:01"), ["SNACKS"]), (at("11:01"), ["BREAD"])])
    (row,) = measure_uplift(shop.db, settings=FEW).rows
    assert row.problem == (
        "no SNACKS in the 1 receipt within 10 minutes after a control exposure: no rate to compare yet"
    )


def test_a_playlist_whose_tags_match_no_category_says_how_to_map_them(shop, tmp_path):
    # Given receipts that call snacks "CHIPS": no category's slug is the playlist's tag
    hand_case(shop, tmp_path)
    shop.receipts(tmp_path, [(at("10:06"), ["CHIPS"])], source="other")
    report = measure_uplift(shop.db, source="other", settings=FEW)
    assert report.rows == ()
    assert report.problems == ((
        "rule students: no purchase category maps to a tag of its playlist snacks (snacks): map categories to"
        " them in learning.category_tags in the config (e.g. 'CHIPS': snacks); categories in the receipts: CHIPS"
    ),)
    # When the config maps CHIPS to snacks, the category is measured
    mapped = LearningSettings(category_tags={"CHIPS": "snacks"})
    (row,) = measure_uplift(shop.db, source="other", settings=FEW, learning=mapped).rows
    assert row.category == "CHIPS" and row.targeted_receipts == 1


def test_an_unknown_category_is_refused_with_close_names(shop, tmp_path):
    hand_case(shop, tmp_path)
    with pytest.raises(NotFoundError, match=r"hold category 'SNAKS' \(did you mean 'SNACKS'\?\)"):
        measure_uplift(shop.db, category="SNAKS")
    with pytest.raises(NotFoundError, match=r"\(categories there: BREAD, DAIRY, SNACKS\)"):
        measure_uplift(shop.db, category="ZZZ-unheard-of")


def test_an_end_before_the_start_and_bad_settings_are_refused(shop):
    with pytest.raises(ValidationError, match="must be later than the start"):
        measure_uplift(shop.db, at("11:00"), at("10:00"))
    with pytest.raises(ConfigError, match="window_min"):
        measure_uplift(shop.db, settings=UpliftSettings(window_min=0))


def test_a_control_share_far_from_the_holdout_share_is_a_sample_ratio_mismatch():
    assert sample_ratio_problem("students", 403, 13, 0.10) == (
        "rule students: 13 of 416 exposures (3.1%) are in the control arm where the holdout draws 10%: the arms are"
        " not logged alike (or decision.holdout_share changed), so its effect may be biased; check that every"
        " holdout run is logged when it starts"
    )
    assert sample_ratio_problem("students", 365, 35, 0.10) is None  # 8.8%: chance
    assert sample_ratio_problem("students", 365, 35, None) is None  # the share is not known


def test_the_report_checks_the_arms_against_the_holdout_share(shop, tmp_path):
    hand_case(shop, tmp_path)
    for minute in range(0, 60, 2):
        shop.play(at("13:00") + dt.timedelta(minutes=minute), "targeted")
    assert measure_uplift(shop.db, settings=FEW).problems == ()
    (problem,) = measure_uplift(shop.db, settings=UpliftSettings(min_exposures=2, holdout_share=0.5)).problems
    assert problem.startswith("rule students: 2 of 34 exposures (5.9%) are in the control arm where the holdout draws 50%")


def test_receipts_in_hours_the_camera_saw_nobody_mean_the_clocks_disagree(shop, tmp_path):
    # Given visitors from 09:00 to 12:00 and most receipts between 14:00 and 16:00
    for minute in range(0, 180, 2):
        shop.play(at("09:00") + dt.timedelta(minutes=minute), "targeted" if minute % 20 else "control")
    receipts = [(at("10:00") + dt.timedelta(minutes=m), ["SNACKS"]) for m in range(0, 60, 3)]
    receipts += [(at("14:00") + dt.timedelta(minutes=m), ["SNACKS"]) for m in range(0, 120, 3)]
    shop.receipts(tmp_path, receipts)
    problems = measure_uplift(shop.db).problems
    assert problems[0] == (
        "67% of the receipts on days the player ran (40 of 60) are in hours its camera saw nobody (most at"
        " 14:00-15:00, 15:00-16:00): do the till and the player keep the same local time (time zone, daylight saving)?"
    )


def test_presence_is_counted_per_five_minutes_from_plays_and_audience_samples(shop):
    from playlists.uplift import read_presence

    shop.play(at("10:03"), group=2)
    shop.play(at("10:07"), group=0)
    shop.log.record_audience(at("10:04:59"), someone(1))
    presence = read_presence(shop.db, at("00:00"), at("23:59"))
    expected = Presence.of_records(
        np.array([(t - dt.datetime(1970, 1, 1)).total_seconds() for t in (at("10:03"), at("10:07"), at("10:04:59"))]),
        np.array([2, 0, 1]),
    )
    assert presence.bin_s.tolist() == expected.bin_s.tolist() == [
        (at(hhmm) - dt.datetime(1970, 1, 1)).total_seconds() for hhmm in ("10:00", "10:05")
    ]
    assert presence.records.tolist() == expected.records.tolist() == [2, 1]
    assert presence.visitors.tolist() == expected.visitors.tolist() == [3, 0]


def linked_store(rng, days: int = 14, shift_min: float = 0.0, linked: bool = True):
    """(what the player saw, receipt times) of a store open 07-22, sampled every 10 s.

    Visitors arrive by the hour's profile, stay 1-4 minutes, and 80% pay 1-8 minutes
    after arriving (`linked`), or receipts come by the same profile but from nobody in
    particular. `shift_min` moves the till's clock.
    """
    profile = np.array([0] * 7 + [1, 2, 2, 1.5, 2, 3, 2, 1.5, 2, 3, 3, 2.5, 2, 1.5, 1] + [0] * 2, float)
    arrivals = []
    for day in range(days):
        for hour in range(24):
            count = rng.poisson(40 * profile[hour] * rng.uniform(0.5, 1.5))
            arrivals.append(day * 86400 + hour * 3600 + rng.uniform(0, 3600, count))
    arrivals = np.sort(np.concatenate(arrivals))
    departures = np.sort(arrivals + rng.uniform(60, 240, len(arrivals)))
    samples = np.concatenate([day * 86400 + np.arange(6 * 3600, 23 * 3600, 10.0) for day in range(days)])
    present = np.searchsorted(arrivals, samples, side="right") - np.searchsorted(departures, samples, side="right")
    if linked:
        payers = arrivals[rng.random(len(arrivals)) < 0.8]
        receipts = payers + rng.uniform(60, 480, len(payers))
    else:
        receipts = np.concatenate([
            day * 86400 + hour * 3600 + rng.uniform(0, 3600, rng.poisson(32 * profile[hour]))
            for day in range(days) for hour in range(24)
        ])
    midnight = (dt.datetime(2026, 11, 2) - dt.datetime(1970, 1, 1)).total_seconds()
    return Presence.of_records(samples + midnight, present), np.sort(receipts + shift_min * 60) + midnight


@pytest.mark.parametrize("seed", [0, 1])
def test_the_lag_between_visitors_and_receipts_shows_a_clock_off_by_an_hour(seed):
    rng = np.random.default_rng(seed)
    presence, receipts = linked_store(rng)
    assert 0 <= best_lag_min(presence, receipts) <= 10
    assert clock_problems(presence, receipts) == []
    for shift, expected in ((60, "65 minutes after"), (-60, "55 minutes before")):
        presence, receipts = linked_store(np.random.default_rng(seed), shift_min=shift)
        (problem,) = clock_problems(presence, receipts)
        assert problem.startswith(f"receipt counts follow the camera's visitor counts best {expected} them")
        assert "the till's clock and the player's seem to disagree" in problem


def test_receipts_unrelated_to_the_visitors_claim_no_lag():
    # Receipts that follow the store's hours but no visitor in particular: no lag stands out
    for seed in range(3):
        presence, receipts = linked_store(np.random.default_rng(seed), linked=False)
        assert best_lag_min(presence, receipts) is None
