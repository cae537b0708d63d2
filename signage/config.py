"""The one config file of a signage installation.

YAML with one top-level section per part of the system: `audience` (the engine),
`decision` (how cautious decisions are, the minors guardrail), `stability` (when the
player may switch playlists) and `learning` (thresholds and explicit assumptions of
learning rules from purchase history) and `player` (the kiosk window, its camera and
media handling) and `sync` (how `signage sync` talks to the central server) and `ui`
(the language the editor, the player's texts and the CLI speak). Every key
is validated; an unknown key is an error naming the key and the file, and a missing
file or section means built-in defaults. Each section declares the range of each of its
numbers (`RANGES`, see `audience.settings`). `signage config path` shows where it is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from audience.engine import AudienceConfig
from audience.settings import echo, section_from_dict
from playlists.decision import DecisionSettings
from playlists.learning import LearningSettings
from playlists.stability import StabilitySettings
from foundation.errors import ConfigError
from foundation.limits import InputLimitError, read_text_limited, refuse_yaml_aliases
from signage.player.settings import PlayerSettings
from signage.sync.settings import SyncSettings

SECTIONS = ("audience", "decision", "stability", "learning", "player", "sync", "ui")


@dataclass(frozen=True)
class UiSettings:
    """What people read (`ui:` in the config file)."""

    # `auto` follows the system locale (LANG=ko_KR.UTF-8 is Korean); `en` or `ko` fix it.
    # `--lang` on the command line wins over both.
    language: str = "auto"

    def __post_init__(self) -> None:
        if self.language != "auto":
            from foundation.i18n import check_language

            object.__setattr__(self, "language", check_language(self.language, "language"))


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
    sync: SyncSettings = field(default_factory=SyncSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    source: str = "built-in defaults"


def load_config(path: Path | None = None, required: bool = False) -> SignageConfig:
    """Read and validate the config file.

    `path=None` uses `default_config_path()` and falls back to defaults when that file
    does not exist; an explicit path (or `required=True`) must exist. Every problem is a
    one-line ConfigError naming the file (and the key): too large, not UTF-8 (with the
    line of the bad byte), YAML anchors/aliases, broken YAML, unknown keys, wrong types
    and numbers out of the range their section declares.
    """
    explicit = path is not None
    path = Path(path) if path else default_config_path()
    if not path.exists():
        if explicit or required:
            raise ConfigError(f"{path}: config file not found")
        return SignageConfig()
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected sections ({', '.join(SECTIONS)}) at the top level")
    unknown = sorted((key for key in data if key not in SECTIONS), key=str)  # YAML keys need not be text
    if unknown:
        raise ConfigError(
            f"{path}: unknown key {echo(unknown[0])} (known sections: {', '.join(SECTIONS)})"
        )
    source = str(path)
    learning = section_from_dict(LearningSettings, data.get("learning"), source, "learning")
    learning.check(f"{path}: learning")  # names in attire_segments
    return SignageConfig(
        audience=AudienceConfig.from_dict(data.get("audience"), source),
        decision=section_from_dict(DecisionSettings, data.get("decision"), source, "decision"),
        stability=section_from_dict(StabilitySettings, data.get("stability"), source, "stability"),
        learning=learning,
        player=section_from_dict(PlayerSettings, data.get("player"), source, "player"),
        sync=section_from_dict(SyncSettings, data.get("sync"), source, "sync"),
        ui=section_from_dict(UiSettings, data.get("ui"), source, "ui"),
        source=source,
    )


def _read_yaml(path: Path) -> object:
    """The parsed file; any problem reading or parsing it is a ConfigError naming it."""
    try:
        text = read_text_limited(path, what="config file")
        refuse_yaml_aliases(text, str(path))
        return yaml.safe_load(text) or {}
    except InputLimitError as error:  # its message names the file (and the line)
        raise ConfigError(str(error)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(error, "problem", None) or error
        raise ConfigError(f"{path}:{where} not valid YAML ({echo(str(problem))})") from None
    except RecursionError:  # thousands of nested [ or { (PyYAML's constructor recurses)
        raise ConfigError(f"{path}: not valid YAML (nested too deeply)") from None
    except (ValueError, OverflowError) as error:  # a scalar PyYAML cannot build: 2026-13-45, 5000 digits
        raise ConfigError(f"{path}: not valid YAML ({echo(str(error))})") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror})") from None
