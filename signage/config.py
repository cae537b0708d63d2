"""The one config file of a signage installation.

YAML with one top-level section per part of the system: `audience` (the engine),
`decision` (how cautious decisions are, the minors guardrail), `stability` (when the
player may switch playlists) and `learning` (thresholds and explicit assumptions of
learning rules from purchase history) and `player` (the kiosk window, its camera and
media handling). Every key
is validated; an unknown key is an error naming the key and the file, and a missing
file or section means built-in defaults. `signage config path` shows where it is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from audience.engine import AudienceConfig
from audience.settings import section_from_dict
from playlists.decision import DecisionSettings
from playlists.learning import LearningSettings
from playlists.stability import StabilitySettings
from foundation.errors import ConfigError
from signage.player.settings import PlayerSettings

SECTIONS = ("audience", "decision", "stability", "learning", "player")


def default_config_path() -> Path:
    """$SIGNAGE_CONFIG, else $XDG_CONFIG_HOME/signage/config.yaml (~/.config by default)."""
    if os.environ.get("SIGNAGE_CONFIG"):
        return Path(os.environ["SIGNAGE_CONFIG"])
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "signage" / "config.yaml"


@dataclass(frozen=True)
class SignageConfig:
    """All validated sections of the config file."""

    audience: AudienceConfig = field(default_factory=AudienceConfig)
    decision: DecisionSettings = field(default_factory=DecisionSettings)
    stability: StabilitySettings = field(default_factory=StabilitySettings)
    learning: LearningSettings = field(default_factory=LearningSettings)
    player: PlayerSettings = field(default_factory=PlayerSettings)
    source: str = "built-in defaults"


def load_config(path: Path | None = None, required: bool = False) -> SignageConfig:
    """Read and validate the config file.

    `path=None` uses `default_config_path()` and falls back to defaults when that file
    does not exist; an explicit path (or `required=True`) must exist.
    """
    explicit = path is not None
    path = Path(path) if path else default_config_path()
    if not path.exists():
        if explicit or required:
            raise ConfigError(f"{path}: config file not found")
        return SignageConfig()
    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}:{where} not valid YAML ({getattr(error, 'problem', error)})") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected sections ({', '.join(SECTIONS)}) at the top level")
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]} (known sections: {', '.join(SECTIONS)})")
    return SignageConfig(
        audience=AudienceConfig.from_dict(data.get("audience"), str(path)),
        decision=_checked_decision(section_from_dict(DecisionSettings, data.get("decision"), str(path), "decision"), path),
        stability=section_from_dict(StabilitySettings, data.get("stability"), str(path), "stability"),
        learning=_checked_learning(section_from_dict(LearningSettings, data.get("learning"), str(path), "learning"), path),
        player=_checked_player(section_from_dict(PlayerSettings, data.get("player"), str(path), "player"), path),
        source=str(path),
    )


def _checked_player(settings: PlayerSettings, path: Path) -> PlayerSettings:
    settings.check(f"{path}: player")
    return settings


def _checked_learning(settings: LearningSettings, path: Path) -> LearningSettings:
    settings.check(f"{path}: learning")
    return settings


def _checked_decision(settings: DecisionSettings, path: Path) -> DecisionSettings:
    for key in ("min_audience_confidence", "minor_probability_threshold"):
        value = getattr(settings, key)
        if not 0.0 <= value <= 1.0:
            raise ConfigError(f"{path}: decision.{key}: expected a number from 0 to 1, got {value}")
    return settings
