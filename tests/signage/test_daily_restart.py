"""The daily restart that bounds the player's slow memory growth (README, "Performance")."""

from __future__ import annotations

import datetime as dt

import pytest

from foundation.errors import ConfigError
from signage.config import load_config
from signage.player.app import ScheduledRestart
from signage.player.settings import PlayerSettings, crossed_daily_time, daily_restart_time

DAY = dt.datetime(2026, 11, 23)


@pytest.mark.parametrize(
    ("previous", "now", "expected"),
    [
        ((3, 59, 50), (4, 0, 20), True),  # checked every 30 s: the check that crosses 04:00
        ((4, 0, 20), (4, 0, 50), False),  # once a day, not every check after it
        ((3, 0, 0), (3, 59, 59), False),
        ((3, 50, 0), (5, 10, 0), True),  # a check that came late (a busy or suspended machine)
    ],
)
def test_the_restart_time_is_crossed_once(previous, now, expected):
    assert crossed_daily_time(DAY.replace(hour=previous[0], minute=previous[1], second=previous[2]),
                              DAY.replace(hour=now[0], minute=now[1], second=now[2]), dt.time(4)) is expected


def test_midnight_is_crossed_across_the_date_and_a_clock_set_back_is_not_a_restart():
    assert crossed_daily_time(dt.datetime(2026, 11, 23, 23, 59, 50), dt.datetime(2026, 11, 24, 0, 0, 10), dt.time(0))
    assert not crossed_daily_time(DAY.replace(hour=4, minute=1), DAY.replace(hour=3, minute=59), dt.time(4))


def test_the_setting_is_a_time_of_day_or_empty(tmp_path):
    assert daily_restart_time(PlayerSettings().restart_daily_at) == dt.time(4)
    assert PlayerSettings(restart_daily_at="").restart_daily_at == ""
    config = tmp_path / "config.yaml"
    config.write_text('player:\n  restart_daily_at: "25:00"\n')
    with pytest.raises(ConfigError, match="restart_daily_at") as raised:
        load_config(config)
    assert str(config) in str(raised.value) and "\n" not in str(raised.value)


def test_a_scheduled_restart_is_a_non_zero_exit_for_the_unit():
    assert ScheduledRestart("x").exit_code == 75  # Restart=on-failure and the session script rerun it
