"""Every config value is checked for range and encoding, with one line naming file and key.

The sections are found by walking the config tree from `SignageConfig`, so a section or
field added later is covered here without editing this file: a numeric field without a
declared range fails `test_every_numeric_field_declares_its_range`, and a declared range
that is not applied fails `test_every_declared_range_is_enforced_with_file_and_key`.
"""

from __future__ import annotations

import dataclasses
import math
import typing

import pytest
import yaml

from audience.attire import DEFAULT_PROFILES, AttireConfig, AttireProfile, TorsoGeometry
from audience.calibration import AgeGroupBoundaries
from audience.detection import DetectorConfig
from audience.engine import AgeConfig, CaptureConfig, FusionConfig, SnapshotConfig, TimePrior
from audience.settings import FINITE, Range, check_ranges, is_numeric
from audience.tracking import TrackerConfig
from foundation.errors import ConfigError
from foundation.limits import MAX_YAML_BYTES
from playlists.decision import DecisionSettings
from playlists.learning import LearningSettings
from playlists.stability import StabilitySettings
from signage.cli import main
from signage.config import SignageConfig, load_config
from signage.player.settings import PlayerSettings


def _nested_dataclasses(hint) -> list[tuple[type, bool]]:
    """(dataclass, inside a list?) for every dataclass in a field's type."""
    if dataclasses.is_dataclass(hint):
        return [(hint, False)]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (tuple, list):
        return [(cls, True) for arg in args if arg is not Ellipsis for cls, _ in _nested_dataclasses(arg)]
    if origin is dict and args:
        return [(cls, True) for cls, _ in _nested_dataclasses(args[1])]
    return [pair for arg in args for pair in _nested_dataclasses(arg)]


def config_sections() -> dict[type, str | None]:
    """Every settings dataclass reachable from SignageConfig -> its dotted path in the
    file, or None for one that sits in a list (time_priors, attire profiles)."""
    found: dict[type, str | None] = {}

    def walk(cls: type, path: str | None) -> None:
        if cls in found:
            return
        found[cls] = path
        hints = typing.get_type_hints(cls)
        for item in dataclasses.fields(cls):
            for inner, in_list in _nested_dataclasses(hints[item.name]):
                walk(inner, None if path is None or in_list else f"{path}.{item.name}")

    hints = typing.get_type_hints(SignageConfig)
    for item in dataclasses.fields(SignageConfig):
        for cls, _ in _nested_dataclasses(hints[item.name]):
            walk(cls, item.name)
    return found


SECTIONS = config_sections()


def numeric_fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    return [item.name for item in dataclasses.fields(cls) if is_numeric(hints[item.name])]


def write(tmp_path, text: str | bytes, name: str = "store.yaml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def nested(path: str, leaf: dict) -> dict:
    """{'audience': {'snapshot': leaf}} for 'audience.snapshot'."""
    for part in reversed(path.split(".")):
        leaf = {part: leaf}
    return leaf


def one_line_error(path) -> str:
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert "\n" not in message and str(path) in message, message
    return message


# ------------------------------------------------------------------ every field, generically


def test_every_numeric_field_declares_its_range():
    # The walk itself first: one that found nothing would make this test vacuous.
    expected = {
        DetectorConfig, AgeConfig, AgeGroupBoundaries, AttireConfig, TorsoGeometry, AttireProfile,
        TrackerConfig, FusionConfig, TimePrior, SnapshotConfig, CaptureConfig,
        DecisionSettings, StabilitySettings, LearningSettings, PlayerSettings,
    }
    assert expected <= set(SECTIONS)
    assert SECTIONS[SnapshotConfig] == "audience.snapshot" and SECTIONS[TimePrior] is None
    missing, stray = [], []
    for cls in SECTIONS:
        ranges = getattr(cls, "RANGES", {})
        missing += [f"{cls.__name__}.{name}" for name in numeric_fields(cls) if name not in ranges]
        names = {item.name for item in dataclasses.fields(cls)}
        stray += [f"{cls.__name__}.RANGES[{name!r}]" for name in ranges if name not in names]
        assert all(isinstance(value, Range) for value in ranges.values()), cls
    assert missing == [], "declare a range in the section's RANGES for each of these"
    assert stray == [], "these ranges name no field (a typo?)"


def test_every_whole_number_field_has_an_upper_bound():
    # A 400-digit whole number must never reach numpy or a float division (OverflowError).
    unbounded = [
        f"{cls.__name__}.{name}"
        for cls in SECTIONS
        for name, allowed in getattr(cls, "RANGES", {}).items()
        if _whole(_hint_of(cls, name)) and not allowed.choices and allowed.high is None
    ]
    assert unbounded == []


@pytest.mark.parametrize("cls", list(SECTIONS), ids=lambda cls: cls.__name__)
def test_every_default_is_within_its_declared_range(cls):
    instances = DEFAULT_PROFILES if cls is AttireProfile else (cls(),)
    for instance in instances:
        check_ranges(instance, cls.__name__)  # raises when a default is out of range


def _hint_of(cls: type, name: str):
    return typing.get_type_hints(cls)[name]


def _whole(hint) -> bool:
    return "int" in str(hint) and "float" not in str(hint)


def _bad_values(allowed: Range, whole: bool) -> list:
    """Values just outside the range (and NaN for a float field)."""
    if allowed.choices:
        return [max(allowed.choices) + 1]
    values = []
    if allowed.low is not None:
        values.append(allowed.low if allowed.low_open else allowed.low - 1)
    if allowed.high is not None:
        values.append(allowed.high if allowed.high_open else allowed.high + 1)
    values = [int(v) if whole and float(v).is_integer() else v for v in values]
    if not whole:
        values.append(float("nan"))
    return values


def _wrapped(hint, value):
    """`value` placed where the field's type wants a number: in a list or mapping when it
    is a container (the key names are never looked at before the range check)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (tuple, list):
        inner, suffix = _wrapped(args[0], value)
        return [inner], f"[0]{suffix}"
    if origin is dict:
        inner, suffix = _wrapped(args[1], value)
        return {"k": inner}, f".k{suffix}"
    return value, ""


ENFORCED = [
    pytest.param(path, cls, name, bad, id=f"{path}.{name}={bad}")
    for cls, path in SECTIONS.items()
    if path is not None
    for name, allowed in getattr(cls, "RANGES", {}).items()
    for bad in _bad_values(allowed, _whole(_hint_of(cls, name)))
]


@pytest.mark.parametrize(("path", "cls", "name", "bad"), ENFORCED)
def test_every_declared_range_is_enforced_with_file_and_key(tmp_path, path, cls, name, bad):
    hint = _hint_of(cls, name)
    value, suffix = _wrapped(hint, bad)
    config = write(tmp_path, yaml.safe_dump(nested(path, {name: value})))
    message = one_line_error(config)
    assert f"{config}: {path}.{name}{suffix}: expected " in message
    if not (cls is AttireConfig or cls is TorsoGeometry) or not (isinstance(bad, float) and math.isnan(bad)):
        # The range in words (the attire section's own parser refuses NaN as "not a number").
        assert cls.RANGES[name].describe(_whole(hint)) in message


def test_the_message_gives_file_key_range_and_value_as_written(tmp_path):
    config = write(tmp_path, "audience:\n  snapshot:\n    tick_s: 0\n")
    assert one_line_error(config) == f"{config}: audience.snapshot.tick_s: expected a number > 0, got 0"


# ------------------------------------------------------------------ the cases that were found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("audience: {snapshot: {tick_s: 0}}", "audience.snapshot.tick_s: expected a number > 0, got 0"),
        ("audience: {snapshot: {tick_s: -0.5}}", "audience.snapshot.tick_s: expected a number > 0, got -0.5"),
        ("audience: {detector: {max_side_px: 0}}", "audience.detector.max_side_px: expected a whole number from 32 to 16384, got 0"),
        ("audience: {detector: {min_score: 2.0}}", "audience.detector.min_score: expected a number from 0 to 1, got 2"),
        ("audience: {detector: {min_score: .nan}}", "audience.detector.min_score: expected a number from 0 to 1, got nan"),
        ("audience: {detector: {min_score: .inf}}", "audience.detector.min_score: expected a number from 0 to 1, got inf"),
        ("audience: {detector: {min_score: -.inf}}", "audience.detector.min_score: expected a number from 0 to 1, got -inf"),
        ("stability: {confirm_share: 5}", "stability.confirm_share: expected a number > 0 and <= 1, got 5"),
        ("stability: {min_display_s: .nan}", "stability.min_display_s: expected a number >= 0, got nan"),
        ("audience: {tracking: {resample_every: 0}}", "audience.tracking.resample_every: expected a whole number from 1 to 10000, got 0"),
        ("audience: {tracking: {iou_min: 0}}", "audience.tracking.iou_min: expected a number > 0 and <= 1, got 0"),
        ("audience: {capture: {queue_size: 0}}", "audience.capture.queue_size: expected a whole number from 1 to 100, got 0"),
        ("audience: {capture: {reconnect_initial_s: 0}}", "audience.capture.reconnect_initial_s: expected a number > 0"),
        ("audience: {age: {min_face_px: 0}}", "audience.age.min_face_px: expected a whole number from 1 to 16384, got 0"),
        ("audience: {age: {boundaries: {child_below: 0}}}", "audience.age.boundaries.child_below: expected a number > 0 and < 90"),
        ("audience: {attire: {max_samples: 0}}", "audience.attire.max_samples: expected a whole number from 1 to 100, got 0"),
        ("audience: {attire: {temperature: 0}}", "audience.attire.temperature: expected a number > 0, got 0"),
        ("audience: {attire: {torso: {width_face_widths: 0}}}", "audience.attire.torso.width_face_widths: expected a number from 0.5 to 6"),
        (
            "audience: {fusion: {time_priors: [{weekdays: [0, 9]}]}}",
            "audience.fusion.time_priors[0].weekdays[1]: expected a whole number from 0 to 6, got 9",
        ),
        (
            "audience: {fusion: {time_priors: [{factors: {teen: .nan}}]}}",
            "audience.fusion.time_priors[0].factors.teen: expected a number > 0, got nan",
        ),
        (
            "audience: {fusion: {attire_priors: {business: {teen: -1}}}}",
            "audience.fusion.attire_priors.business.teen: expected a number > 0, got -1",
        ),
        ("learning: {min_support: 1}", "learning.min_support: expected a number >= 0 and < 1, got 1"),
        ("learning: {max_suggestions_per_context: 0}", "learning.max_suggestions_per_context: expected a whole number from 1 to 1000, got 0"),
        ("learning: {min_lift: 1.0e+999}", "learning.min_lift: expected a number > 0, got inf"),
        ("player: {reload_check_s: 0}", "player.reload_check_s: expected a number > 0, got 0"),
        ("player: {screen: -1}", "player.screen: expected a whole number from 0 to 99, got -1"),
    ],
)
def test_a_value_out_of_range_is_one_line_naming_file_key_and_range(tmp_path, text, expected):
    config = write(tmp_path, text + "\n")
    assert expected in one_line_error(config)


def test_huge_numbers_and_impossible_dates_are_refused_not_a_traceback(tmp_path):
    config = write(tmp_path, f"audience: {{detector: {{min_score: {'9' * 400}}}}}\n")
    assert "audience.detector.min_score: expected a number from 0 to 1, got inf" in one_line_error(config)
    config = write(tmp_path, f"audience: {{detector: {{max_side_px: {'9' * 4000}}}}}\n")
    assert "max_side_px: expected a whole number from 32 to 16384, got a whole number of about" in one_line_error(config)
    config = write(tmp_path, f"player: {{screen: {'9' * 5000}}}\n")  # more digits than int() takes
    assert "not valid YAML" in one_line_error(config)
    config = write(tmp_path, "player: {fallback_body: 2026-13-45}\n")  # a YAML date that is none
    assert "not valid YAML (month must be in 1..12)" in one_line_error(config)


def test_a_section_changed_in_code_is_checked_by_the_same_ranges():
    with pytest.raises(ConfigError, match=r"^player\.video_grace_s: expected a number > 0, got nan$"):
        dataclasses.replace(PlayerSettings(), video_grace_s=float("nan")).check("player")
    with pytest.raises(ConfigError, match="command line.min_lift"):
        dataclasses.replace(LearningSettings(), min_lift=0.0).check("command line")


def test_a_field_without_a_declared_range_still_refuses_nan():
    @dataclasses.dataclass(frozen=True)
    class Unranged:
        rate: float = 1.0

    from audience.settings import section_from_dict

    with pytest.raises(ConfigError, match=r"^f\.yaml: x\.rate: expected a finite number, got nan$"):
        section_from_dict(Unranged, {"rate": float("nan")}, "f.yaml", "x")
    assert FINITE.describe() == "a finite number"


# ------------------------------------------------------------------ camera: 0


def test_camera_accepts_an_index_as_a_yaml_number_and_text_stays_text(tmp_path):
    for written, camera in [("0", "0"), ("2", "2"), ("'1'", "1"), ("rtsp://cam/1", "rtsp://cam/1"), ("none", "none")]:
        config = load_config(write(tmp_path, f"player: {{camera: {written}}}\n"))
        assert config.player.camera == camera and isinstance(config.player.camera, str), written
    # Booleans, negative and fractional numbers are no camera index.
    for written in ["true", "-1", "1.5", "[0]"]:
        assert "player.camera: expected text" in one_line_error(write(tmp_path, f"player: {{camera: {written}}}\n"))


# ------------------------------------------------------------------ encoding, size, aliases


def test_a_latin1_config_is_one_line_with_the_line_of_the_bad_byte(tmp_path):
    config = write(tmp_path, "player:\n  fallback_title: Caf\xe9 du coin\n".encode("latin-1"))
    message = one_line_error(config)
    assert "line 2: not UTF-8" in message and "0xe9" in message


def test_yaml_aliases_are_refused_before_they_expand(tmp_path):
    text = "player:\n  fallback_title: &a lol\n  fallback_body: *a\n"
    assert "anchors and aliases" in one_line_error(write(tmp_path, text))


def test_a_config_over_the_size_limit_is_refused_from_its_size(tmp_path):
    config = write(tmp_path, "# padding\n" * (MAX_YAML_BYTES // 10 + 1))
    assert "more than the limit" in one_line_error(config)


def test_deeply_nested_yaml_is_one_line_not_a_recursion_traceback(tmp_path):
    config = write(tmp_path, "player: " + "[" * 5_000 + "]" * 5_000 + "\n")  # Python recurses 1000 deep
    assert "not valid YAML" in one_line_error(config)


def test_keys_that_are_not_text_are_named_not_a_type_error(tmp_path):
    # Two unknown keys of different types could not be sorted (TypeError) before.
    assert "unknown key 1 " in one_line_error(write(tmp_path, "{1: a, zzz: b, player: {}}\n"))
    assert "unknown key player.2 " in one_line_error(write(tmp_path, "player: {2: a, zz: b}\n"))


def test_a_section_that_is_not_a_mapping_is_named(tmp_path):
    assert "audience: expected a mapping of keys, got list" in one_line_error(write(tmp_path, "audience: [1, 2]\n"))


def test_a_long_unknown_key_is_shortened_in_the_message(tmp_path):
    # PyYAML allows plain keys up to 1024 characters.
    message = one_line_error(write(tmp_path, "player: {" + "k" * 1000 + ": 1}\n"))
    assert "(1002 characters)" in message and len(message) < 600


def test_config_validate_on_a_latin1_file_is_one_line_and_nonzero(tmp_path, capsys):
    config = write(tmp_path, "stability:\n  min_display_s: 5 # \xb5s\n".encode("latin-1"))
    assert main(["config", "validate", str(config)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(config) in err and "line 2" in err
