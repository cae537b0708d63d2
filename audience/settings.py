"""Strict loading of config sections into frozen dataclasses.

Every config section is a frozen dataclass whose fields (with units in their names) are
the documentation. `section_from_dict` builds one from a parsed YAML mapping and rejects
unknown keys and wrongly typed values with a `ConfigError` that names the file and the
dotted key, e.g. `store.yaml: tracking.max_missing_s: expected a number, got 'long'`.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from typing import Any, TypeVar

from foundation.errors import ConfigError

T = TypeVar("T")


def section_from_dict(cls: type[T], data: Any, source: str, prefix: str) -> T:
    """Build dataclass `cls` from `data`; `source` and `prefix` name where it came from."""
    if data is None:
        return cls()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: {prefix}: expected a mapping of keys, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(
            f"{source}: unknown key {prefix}.{unknown[0]} (known keys: {', '.join(sorted(fields))})"
        )
    values = {name: _coerce(hints[name], value, source, f"{prefix}.{name}") for name, value in data.items()}
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{source}: {prefix}: {error}") from None


def _coerce(hint: Any, value: Any, source: str, key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _coerce(option, value, source, key)
            except ConfigError as error:
                errors.append(error)
        raise errors[0]
    if dataclasses.is_dataclass(hint):
        return section_from_dict(hint, value, source, key)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            choices = ", ".join(str(member.value) for member in hint)
            raise ConfigError(f"{source}: {key}: unknown value {value!r} (choose from {choices})") from None
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{source}: {key}: expected true or false, got {value!r}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{source}: {key}: expected a whole number, got {value!r}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ConfigError(f"{source}: {key}: expected a number, got {value!r}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise ConfigError(f"{source}: {key}: expected text, got {value!r}")
    if origin in (tuple, list):
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{source}: {key}: expected a list, got {value!r}")
        args = typing.get_args(hint)
        item_hint = args[0] if args else Any
        items = [_coerce(item_hint, v, source, f"{key}[{i}]") for i, v in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: {key}: expected a mapping, got {value!r}")
        key_hint, value_hint = typing.get_args(hint) or (Any, Any)
        return {
            _coerce(key_hint, k, source, f"{key}") if key_hint is not Any else k: _coerce(
                value_hint, v, source, f"{key}.{k}"
            )
            for k, v in value.items()
        }
    return value


def section_to_dict(section: Any) -> Any:
    """The inverse of `section_from_dict`: plain dicts, lists and scalars (for YAML)."""
    if dataclasses.is_dataclass(section):
        return {f.name: section_to_dict(getattr(section, f.name)) for f in dataclasses.fields(section)}
    if isinstance(section, (list, tuple)):
        return [section_to_dict(v) for v in section]
    if isinstance(section, dict):
        return {k: section_to_dict(v) for k, v in section.items()}
    if hasattr(section, "value") and not isinstance(section, (int, float, str)):
        return section.value
    return section
