"""Backtest on a slice of the real Complete Journey history: time split, baseline, intervals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from foundation.db import open_database
from playlists.backtest import backtest, default_split, format_backtest
from playlists.learning import LearningSettings, count_baskets, findings_from_counts
from playlists.purchases import import_complete_journey
from foundation.errors import DataError

# Twelve weeks keep the test quick; thresholds scaled to the slice (about a quarter of a year).
SLICE_WEEKS = 12
SETTINGS = LearningSettings(min_context_baskets=150, min_category_baskets=15, min_support=0.0002, min_lift=1.3)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("cj") / "signage.db")
    import_complete_journey(db, weeks=SLICE_WEEKS)
    return db


@pytest.fixture(scope="module")
def report(history):
    return backtest(history, settings=SETTINGS, bootstrap=300)


def test_training_and_test_weeks_do_not_overlap(history, report):
    first, split, last = default_split(history, None)
    assert report.split_day == split and split.weekday() == 0
    assert report.train_days == (first, split - dt.timedelta(days=1)) and report.test_days == (split, last)
    train = count_baskets(history, None, None, split)
    test = count_baskets(history, None, split, None)
    assert train.total_baskets == report.train_baskets and test.total_baskets == report.test_baskets
    total = history.execute("SELECT COUNT(*) FROM baskets").fetchone()[0]
    assert train.total_baskets + test.total_baskets == total


def test_every_context_compares_its_suggestions_with_the_popular_baseline(history, report):
    assert report.contexts
    train_findings = findings_from_counts(count_baskets(history, None, None, report.split_day), SETTINGS)
    learned = {(f.context, f.category) for f in train_findings}
    for row in report.contexts:
        assert row.context.age_group is not None
        assert all((row.context, category) in learned for category in row.suggested)
        assert 1 <= len(row.suggested) <= 3 and len(row.baseline) == 3
        assert 0 <= row.rate <= 1 and 0 <= row.baseline_rate <= 1
        assert row.uplift == pytest.approx(row.rate / row.baseline_rate)
        low, high = row.uplift_interval
        assert low <= high


def test_overall_figures_are_basket_weighted_with_intervals(report):
    weights = [row.test_baskets for row in report.contexts]
    rate = sum(w * row.rate for w, row in zip(weights, report.contexts)) / sum(weights)
    assert report.rate == pytest.approx(rate)
    assert report.uplift == pytest.approx(report.rate / report.baseline_rate)
    assert report.uplift_interval[0] <= report.uplift <= report.uplift_interval[1]
    assert report.targeting_interval[0] <= report.targeting_lift <= report.targeting_interval[1]
    # Suggestions are categories the context buys more than others at that time.
    assert report.targeting_lift > 1.0
    text = format_backtest(report)
    assert "overall (weighted by held-out baskets)" in text and "targeting lift" in text


def test_the_same_inputs_give_the_same_report(history, report):
    assert backtest(history, settings=SETTINGS, bootstrap=300) == report


def test_a_split_outside_the_history_is_an_error(history):
    with pytest.raises(DataError, match="outside the history"):
        backtest(history, split_day=dt.date(2030, 1, 1), settings=SETTINGS)
    with pytest.raises(DataError, match="no context passed"):
        backtest(history, settings=dataclasses.replace(SETTINGS, min_context_baskets=10**9))
