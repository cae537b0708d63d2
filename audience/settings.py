"""Strict loading of config sections into frozen dataclasses.

Every config section is a frozen dataclass whose fields (with units in their names) are
the documentation. `section_from_dict` builds one from a parsed YAML mapping and rejects
unknown keys and wrongly typed values with a `ConfigError` that names the file and the
dotted key, e.g. `store.yaml: tracking.max_missing_s: expected a number, got 'long'`.

Numbers are checked for range too. NaN and infinity are refused for every number; a
section declares the range of each numeric field beside its fields, in a class-level
`RANGES` mapping of field name to `Range`, and `section_from_dict` (or `check_ranges`,
for a section built in code) applies it:

    @dataclass(frozen=True)
    class SnapshotConfig:
        tick_s: float = 0.5
        RANGES: ClassVar[dict[str, Range]] = {"tick_s": POSITIVE}

    -> store.yaml: audience.snapshot.tick_s: expected a number > 0, got 0

A range given for a list or mapping of numbers applies to each number in it. A test
checks that every numeric field of every section reachable from the config declares one.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import types
import typing
from typing import Any, TypeVar

from foundation.errors import ConfigError
from foundation.limits import ECHO_CHARS, shorten

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Range:
    """The numbers a config field accepts: bounds (each inclusive unless `*_open`) or `choices`."""

    low: float | None = None
    high: float | None = None
    low_open: bool = False  # True: `low` itself is refused ("> 0")
    high_open: bool = False  # True: `high` itself is refused ("< 1")
    choices: tuple[float, ...] = ()  # when given, only these values (bounds are ignored)

    def accepts(self, value: float) -> bool:
        """Whether `value` (a finite number) is in the range."""
        if self.choices:
            return value in self.choices
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            return False
        if self.high is not None and (value > self.high or (self.high_open and value == self.high)):
            return False
        return True

    def describe(self, whole: bool = False) -> str:
        """The range in words for an error: 'a number > 0', 'a whole number from 1 to 100', '0, 90 or 180'."""
        if self.choices:
            texts = [_number_text(c) for c in self.choices]
            return ", ".join(texts[:-1]) + f" or {texts[-1]}" if len(texts) > 1 else texts[0]
        noun = "a whole number" if whole else "a number"
        if self.low is None and self.high is None:
            return "a finite number"
        if self.low is not None and self.high is not None and not (self.low_open or self.high_open):
            return f"{noun} from {_number_text(self.low)} to {_number_text(self.high)}"
        bounds = []
        if self.low is not None:
            bounds.append(f"{'>' if self.low_open else '>='} {_number_text(self.low)}")
        if self.high is not None:
            bounds.append(f"{'<' if self.high_open else '<='} {_number_text(self.high)}")
        return f"{noun} {' and '.join(bounds)}"


def at_least(low: float) -> Range:
    """`low` or more."""
    return Range(low=low)


def above(low: float) -> Range:
    """More than `low` (`low` itself refused)."""
    return Range(low=low, low_open=True)


def between(low: float, high: float) -> Range:
    """From `low` to `high`, both included."""
    return Range(low=low, high=high)


def one_of(*values: float) -> Range:
    """Exactly one of `values`."""
    return Range(choices=tuple(values))


FINITE = Range()  # any number but NaN and infinity: what a field without a declared range accepts
POSITIVE = above(0)  # seconds, rates, divisors: zero would divide by zero or spin a loop
SHARE = between(0, 1)  # probabilities, shares, scores
COUNT = at_least(1)  # sizes and counts where zero means nothing works


def section_from_dict(cls: type[T], data: Any, source: str, prefix: str) -> T:
    """Build dataclass `cls` from `data`; `source` and `prefix` name where it came from.

    Types, NaN/infinity and the `RANGES` the class declares are checked before the
    dataclass is made, so its own `__post_init__` only ever sees numbers in range.
    """
    if data is None:
        return cls()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: {prefix}: expected a mapping of keys, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted((key for key in data if key not in fields), key=str)  # YAML keys need not be text
    if unknown:
        raise ConfigError(
            f"{source}: unknown key {prefix}.{echo(unknown[0])} (known keys: {', '.join(sorted(fields))})"
        )
    ranges = getattr(cls, "RANGES", {})
    index_as_text = getattr(cls, "INDEX_AS_TEXT", ())
    values = {}
    for name, value in data.items():
        key = f"{prefix}.{name}"
        if name in index_as_text:
            value = _index_as_text(value, source, key)
        values[name] = _coerce(hints[name], value, source, key)
        if is_numeric(hints[name]):
            _check_range(values[name], ranges.get(name, FINITE), _is_whole(hints[name]), f"{source}: {key}")
    try:
        return cls(**values)
    except ConfigError as error:  # a section's own __post_init__ check (e.g. ordering), without the file
        raise ConfigError(f"{source}: {prefix}: {error}") from None
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{source}: {prefix}: {error}") from None


def check_ranges(section: Any, where: str) -> None:
    """Check a section built in code (or changed with `dataclasses.replace`) against its
    `RANGES`; `where` names it, e.g. 'config.yaml: player'. Raises ConfigError."""
    hints = typing.get_type_hints(type(section))
    ranges = getattr(type(section), "RANGES", {})
    for item in dataclasses.fields(section):
        if is_numeric(hints[item.name]):
            value = getattr(section, item.name)
            _check_range(value, ranges.get(item.name, FINITE), _is_whole(hints[item.name]), f"{where}.{item.name}")


def is_numeric(hint: Any) -> bool:
    """Whether a field of type `hint` holds numbers: int or float, optionally inside
    Optional, a tuple/list or a mapping's values (bool is not a number here)."""
    return bool(_number_kinds(hint))


def _number_kinds(hint: Any) -> set[type]:
    if hint in (int, float):
        return {hint}
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType, tuple, list):
        return set().union(*(_number_kinds(a) for a in args if a is not Ellipsis))
    if origin is dict and args:
        return _number_kinds(args[1])
    return set()


def _is_whole(hint: Any) -> bool:
    return _number_kinds(hint) == {int}


def _check_range(value: Any, allowed: Range, whole: bool, where: str) -> None:
    """Check a number, or each number inside a list, tuple or mapping; `where` is 'file: key'."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_range(item, allowed, whole, f"{where}.{echo(key)}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_range(item, allowed, whole, f"{where}[{index}]")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        # NaN fails every comparison, so a bounds check alone would let it through
        # (`min_score: .nan` detected nobody): non-finite numbers are refused first.
        if (isinstance(value, float) and not math.isfinite(value)) or not allowed.accepts(value):
            raise ConfigError(f"{where}: expected {allowed.describe(whole)}, got {_number_text(value)}")


def echo(value: Any) -> str:
    """A key or text for an error line: as it is when short, printable text, else
    `foundation.limits.shorten`'s quoted and cut form (a 700 MB key stays a short line)."""
    if isinstance(value, str) and len(value) <= ECHO_CHARS and value.isprintable():
        return value
    return shorten(value)


def _number_text(value: float) -> str:
    """A number as a person wrote it: 0 not 0.0, 0.25, 1e-07, nan, inf."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e16 else f"{value:g}"
    if isinstance(value, int) and value.bit_length() > 256:  # repr() of 4300+ digits raises
        return f"a whole number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    return shorten(value)


def _index_as_text(value: Any, source: str, key: str) -> Any:
    """A text field that also names a device by index (`camera: 0`): a YAML whole number
    >= 0 is taken as its decimal text; text stays text; true/false and others are refused."""
    if isinstance(value, bool) or (isinstance(value, int) and value < 0):
        raise ConfigError(f"{source}: {key}: expected text or a whole number >= 0, got {shorten(value)}")
    if isinstance(value, int):
        return str(value)
    return value


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
        except (ValueError, TypeError):
            choices = ", ".join(str(member.value) for member in hint)
            raise ConfigError(f"{source}: {key}: unknown value {shorten(value)} (choose from {choices})") from None
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{source}: {key}: expected true or false, got {shorten(value)}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{source}: {key}: expected a whole number, got {shorten(value)}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                return float(value)
            except OverflowError:  # a 400-digit integer: refused as infinite by the range check
                return math.inf
        raise ConfigError(f"{source}: {key}: expected a number, got {shorten(value)}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise ConfigError(f"{source}: {key}: expected text, got {shorten(value)}")
    if origin in (tuple, list):
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{source}: {key}: expected a list, got {shorten(value)}")
        args = typing.get_args(hint)
        item_hint = args[0] if args else Any
        items = [_coerce(item_hint, v, source, f"{key}[{i}]") for i, v in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: {key}: expected a mapping, got {shorten(value)}")
        key_hint, value_hint = typing.get_args(hint) or (Any, Any)
        return {
            _coerce(key_hint, k, source, f"{key}") if key_hint is not Any else k: _coerce(
                value_hint, v, source, f"{key}.{echo(k)}"
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
