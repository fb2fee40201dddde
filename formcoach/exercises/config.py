"""A user's TOML file that tunes the exercises: thresholds, hold targets, reps, cue texts.

    [lunge]
    trunk_lean_forward_deg = 20
    sets_per_side = 8
    [lunge.cues]
    trunk_lean_forward = "Chest up"

The keys an exercise accepts are declared beside its checker, nowhere else:
the fields of its thresholds dataclass (made with `limit`, which gives each
its meaning and range), `hold_target_s` (hold exercises) and `sets_per_side`
of its spec, and its fault codes under `.cues`. Anything else is refused
with a one-line `ConfigError` naming the file, the table and the key, and
listing what would have been valid.
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formcoach.errors import ConfigError
from formcoach.exercises.base import Checker

Catalog = Mapping[str, Callable[[], Checker]]
CUES = "cues"


@dataclass(frozen=True)
class Setting:
    """One key a user may set in an exercise's table."""

    key: str
    default: float
    help: str
    low: float
    high: float
    integer: bool = False
    faults: tuple[str, ...] = ()  # the fault codes it decides
    on_spec: bool = False  # a field of ExerciseSpec rather than of the thresholds


def _spec_settings(checker: Checker) -> tuple[Setting, ...]:
    spec = checker.spec
    counted = "holds" if spec.counting == "hold" else "reps"
    settings = []
    if spec.counting == "hold":
        settings.append(
            Setting(
                "hold_target_s",
                spec.hold_target_s,
                "good-form seconds that complete a hold",
                1.0,
                1800.0,
                on_spec=True,
            )
        )
    settings.append(
        Setting(
            "sets_per_side",
            spec.sets_per_side,
            f"target {counted} per side",
            1,
            100,
            integer=True,
            on_spec=True,
        )
    )
    return tuple(settings)


def _threshold_settings(checker: Checker) -> tuple[Setting, ...]:
    settings = []
    for f in dataclasses.fields(checker.thresholds_type):
        low, high = f.metadata["range"]
        settings.append(
            Setting(
                f.name,
                f.default,
                f.metadata["help"],
                low,
                high,
                integer=isinstance(f.default, int) and not isinstance(f.default, bool),
                faults=tuple(f.metadata.get("faults", ())),
            )
        )
    return tuple(settings)


def settings_of(checker: Checker) -> tuple[Setting, ...]:
    """Every key the exercise's table accepts (besides `cues`), spec keys first."""
    return _spec_settings(checker) + _threshold_settings(checker)


@dataclass(frozen=True)
class ExerciseOverrides:
    """What one exercise's table changes: setting values and cue texts."""

    values: Mapping[str, float] = field(default_factory=dict)
    cue_texts: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """A validated config file: per exercise, what it changes."""

    source: str
    exercises: Mapping[str, ExerciseOverrides] = field(default_factory=dict)

    def overrides_for(self, name: str) -> ExerciseOverrides | None:
        return self.exercises.get(name)


def load_config(path: Path, catalog: Catalog) -> Config:
    """Read and validate a config file against the exercises in `catalog`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    return parse_config(text, str(path), catalog)


def parse_config(text: str, source: str, catalog: Catalog) -> Config:
    """Validate TOML text; `source` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source} is not valid TOML: {exc}") from None
    exercises = {}
    for name, table in data.items():
        if name not in catalog:
            raise ConfigError(
                f"{source}: unknown exercise [{name}]{_did_you_mean(name, catalog)}; "
                f"valid exercises: {', '.join(catalog)}"
            )
        if not isinstance(table, dict):
            raise ConfigError(
                f"{source}: {name} must be a table ([{name}] with keys under it), "
                f"got {_kind(table)} {table!r}"
            )
        overrides = _parse_table(table, source, catalog[name]())
        _check_fits(catalog[name], overrides, _at(source, name))
        exercises[name] = overrides
    return Config(source, exercises)


def checker_for(name: str, factory: Callable[[], Checker], config: Config | None) -> Checker:
    """The checker `factory` makes, tuned by what `config` sets for exercise `name`."""
    overrides = config.overrides_for(name) if config is not None else None
    return configure(factory, overrides) if overrides is not None else factory()


def configure(factory: Callable[[], Checker], overrides: ExerciseOverrides) -> Checker:
    """The exercise's checker with `overrides` applied to its thresholds and spec."""
    default = factory()
    spec_keys = {s.key for s in settings_of(default) if s.on_spec}
    thresholds = dataclasses.replace(
        default.thresholds_type(),
        **{k: v for k, v in overrides.values.items() if k not in spec_keys},
    )
    checker = type(default)(thresholds)  # type: ignore[call-arg]
    checker.spec = dataclasses.replace(
        default.spec,
        cue_texts={**default.spec.cue_texts, **overrides.cue_texts},
        **{k: v for k, v in overrides.values.items() if k in spec_keys},
    )
    return checker


def _at(source: str, table: str) -> str:
    """Where a problem is, for messages: the file and the table."""
    return f"{source}: [{table}]"


def _parse_table(table: dict[str, Any], source: str, checker: Checker) -> ExerciseOverrides:
    where = _at(source, checker.spec.name)
    settings = {s.key: s for s in settings_of(checker)}
    values: dict[str, float] = {}
    cue_texts: dict[str, str] = {}
    for key, value in table.items():
        if key == CUES:
            cue_texts = _parse_cues(value, source, checker)
        elif key in settings:
            values[key] = _parse_value(settings[key], value, where)
        elif key == "hold_target_s":
            raise ConfigError(
                f"{where} hold_target_s does not apply: {checker.spec.name} counts reps, "
                "not holds (set sets_per_side)"
            )
        else:
            valid = [*settings, CUES]
            raise ConfigError(
                f"{where} unknown key {key!r}{_did_you_mean(key, valid)}; "
                f"valid keys: {', '.join(valid)}"
            )
    return ExerciseOverrides(values, cue_texts)


def _parse_value(setting: Setting, value: Any, where: str) -> float:
    key = setting.key
    if isinstance(value, bool) or not isinstance(value, int | float):
        wanted = "a whole number" if setting.integer else "a number"
        raise ConfigError(f"{where} {key} must be {wanted}, got {_kind(value)} {value!r}")
    if setting.integer and not isinstance(value, int):
        raise ConfigError(f"{where} {key} must be a whole number, got {value!r}")
    if not setting.low <= value <= setting.high:
        raise ConfigError(
            f"{where} {key} = {value!r} is out of range: it must be between "
            f"{setting.low:g} and {setting.high:g}"
        )
    return value if setting.integer else float(value)


def _parse_cues(value: Any, source: str, checker: Checker) -> dict[str, str]:
    name = checker.spec.name
    if not isinstance(value, dict):
        raise ConfigError(
            f"{_at(source, name)} cues must be a table of cue texts ([{name}.cues]), "
            f"got {_kind(value)}"
        )
    where = _at(source, f"{name}.{CUES}")
    valid = list(checker.spec.cue_texts)
    texts = {}
    for code, text in value.items():
        if code not in checker.spec.cue_texts:
            raise ConfigError(
                f"{where} unknown cue {code!r}{_did_you_mean(code, valid)}; "
                f"valid cues: {', '.join(valid)}"
            )
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(
                f"{where} {code} must be a non-empty string, got {_kind(text)} {text!r}"
            )
        texts[code] = text.strip()
    return texts


def _check_fits(factory: Callable[[], Checker], overrides: ExerciseOverrides, where: str) -> None:
    """Values fine one by one may still clash (a rep that ends before it starts)."""
    try:
        configure(factory, overrides).rep_counter()
    except ValueError as exc:
        raise ConfigError(f"{where} values do not fit together: {exc}") from None


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return "a date or time"
