"""Routines from TOML: the shipped ones by name, or a user's own file, validated.

    title = "Desk break"
    description = "Up from the chair: walk, stretch, march"
    rest_s = 10                    # defaults for every step; a step may override them
    [[step]]
    title = "Walk about"
    timer_s = 45                   # a timed activity: no exercise, no checker
    say = "Stand up and walk around the room"
    [[step]]
    exercise = "standing-hip-flexor"
    hold_s = 30                    # good-form seconds per hold (hold exercises)
    sets = 1                       # per side
    [[step]]
    exercise = "march"
    reps = 10                      # per side (rep exercises)
    sides = "alternate"            # each | alternate | both

Anything wrong (broken TOML, an unknown exercise or key, a value of the
wrong type or out of range, a key that does not fit the exercise) raises a
ConfigError naming the file, the step and the key, and the valid choices.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from formcoach.errors import ConfigError, UsageError
from formcoach.exercises.config import Config
from formcoach.exercises.config import _did_you_mean as did_you_mean
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.routine.model import SIDE_CHOICES, SIDE_ORDER, START_CHOICES, Routine, Step

DEFAULT_ROUTINE = "default"
SUFFIX = ".toml"
# (low, high) of every number a routine may set, and whether it must be whole.
NUMBERS: dict[str, tuple[float, float, bool]] = {
    "hold_s": (1.0, 1800.0, False),
    "reps": (1, 100, True),
    "timer_s": (1.0, 3600.0, False),
    "sets": (1, 10, True),
    "rest_s": (0.0, 600.0, False),
    "set_rest_s": (0.0, 600.0, False),
    "countdown_s": (0.0, 10.0, False),
    "intro_s": (0.0, 60.0, False),
}
STEP_DEFAULTS = ("rest_s", "set_rest_s", "countdown_s", "intro_s")
TOP_KEYS = ("title", "description", *STEP_DEFAULTS, "step")
STEP_KEYS = (
    "exercise", "title", "say", "hold_s", "reps", "timer_s", "sets", "sides", "start",
    "first_side", *STEP_DEFAULTS,
)  # fmt: skip


def shipped_dir() -> Path:
    return Path(str(resources.files("formcoach.routine") / "routines"))


def shipped_names() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob(f"*{SUFFIX}"))


def find_routine(name_or_path: str | None) -> Path:
    """The file of a shipped routine by name, or the user's own file by path."""
    name = name_or_path or DEFAULT_ROUTINE
    if name in shipped_names():
        return shipped_dir() / f"{name}{SUFFIX}"
    path = Path(name).expanduser()
    if path.suffix == SUFFIX or path.exists():
        if not path.is_file():
            raise ConfigError(f"routine file not found: {path}")
        return path
    raise UsageError(
        f"unknown routine {name!r}{did_you_mean(name, shipped_names())}; shipped routines: "
        f"{', '.join(shipped_names())} (or give the path of your own .toml file)"
    )


def load_routine(name_or_path: str | None, config: Config | None = None) -> Routine:
    """Read and validate a routine; `config` (the user's --config) sets default targets."""
    path = find_routine(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read routine file {path}: {exc}") from None
    is_shipped = path.parent == shipped_dir()
    return parse_routine(text, path.stem, str(path) if not is_shipped else path.name, config)


def parse_routine(text: str, name: str, source: str, config: Config | None = None) -> Routine:
    """Validate routine TOML; `source` names it in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source} is not valid TOML: {exc}") from None
    _known_keys(data, TOP_KEYS, source)
    defaults = {k: _number(data, k, source) for k in STEP_DEFAULTS if k in data}
    steps = data.get("step")
    if not isinstance(steps, list) or not steps:
        raise ConfigError(f"{source}: a routine needs at least one [[step]]")
    parsed = tuple(
        _parse_step(raw, defaults, f"{source}: step {i}", config) for i, raw in enumerate(steps, 1)
    )
    return Routine(
        name=name,
        title=_text(data, "title", source) or name,
        description=_text(data, "description", source),
        steps=parsed,
        source=source,
    )


def _parse_step(raw: Any, defaults: Mapping[str, float], where: str, config: Config | None) -> Step:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must be a table ([[step]] with keys under it)")
    _known_keys(raw, STEP_KEYS, where)
    timing = {**defaults, **{k: _number(raw, k, where) for k in STEP_DEFAULTS if k in raw}}
    exercise = raw.get("exercise")
    if exercise is None:
        return _timer_step(raw, timing, where)
    if not isinstance(exercise, str) or exercise not in CHECKERS:
        raise ConfigError(
            f"{where}: unknown exercise {exercise!r}{did_you_mean(str(exercise), CHECKERS)}; "
            f"valid exercises: {', '.join(CHECKERS)}"
        )
    spec = make_checker(exercise, config).spec
    counting = spec.counting
    given, wrong = ("hold_s", "reps") if counting == "hold" else ("reps", "hold_s")
    if wrong in raw:
        raise ConfigError(
            f"{where}: {wrong} does not apply to {exercise}, which counts "
            f"{'holds' if counting == 'hold' else 'reps'} (set {given})"
        )
    if "timer_s" in raw:
        raise ConfigError(f"{where}: timer_s is for a step without an exercise")
    default_target = spec.hold_target_s if counting == "hold" else spec.sets_per_side
    sides = _choice(raw, "sides", SIDE_CHOICES, where) or ("both" if spec.bilateral else "each")
    if spec.bilateral and sides != "both":
        raise ConfigError(f"{where}: {exercise} works both legs at once; sides must be 'both'")
    if not spec.bilateral and sides == "both":
        raise ConfigError(
            f"{where}: {exercise} works one side at a time; sides must be 'each' or 'alternate'"
        )
    start = _choice(raw, "start", START_CHOICES, where) or (
        "position" if counting == "hold" else "visible"
    )
    if start == "position" and counting != "hold":
        raise ConfigError(
            f"{where}: start = 'position' needs a hold exercise; {exercise} counts reps "
            "and starts once you are in view ('visible')"
        )
    return Step(
        title=_text(raw, "title", where) or spec.title,
        exercise=exercise,
        counting=counting,
        target=_number(raw, given, where) if given in raw else float(default_target),
        sets=int(_number(raw, "sets", where)) if "sets" in raw else 1,
        sides=sides,
        start=start,
        say=_text(raw, "say", where),
        first_side=_choice(raw, "first_side", SIDE_ORDER, where) or "left",
        **timing,
    )


def _timer_step(raw: dict[str, Any], timing: Mapping[str, float], where: str) -> Step:
    if "timer_s" not in raw:
        raise ConfigError(
            f"{where}: give an exercise (one of: {', '.join(CHECKERS)}), "
            "or timer_s for a timed activity"
        )
    for key in ("hold_s", "reps", "sides", "start", "first_side"):
        if key in raw:
            raise ConfigError(f"{where}: {key} needs an exercise; a timed step has timer_s only")
    title = _text(raw, "title", where)
    if not title:
        raise ConfigError(f"{where}: a timed step needs a title (what to do)")
    return Step(
        title=title,
        exercise=None,
        counting="timer",
        target=_number(raw, "timer_s", where),
        sets=int(_number(raw, "sets", where)) if "sets" in raw else 1,
        sides="both",
        start="visible",
        say=_text(raw, "say", where),
        **timing,
    )


def _known_keys(table: Mapping[str, Any], valid: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in valid:
            raise ConfigError(
                f"{where}: unknown key {key!r}{did_you_mean(key, valid)}; "
                f"valid keys: {', '.join(valid)}"
            )


def _number(table: Mapping[str, Any], key: str, where: str) -> float:
    low, high, whole = NUMBERS[key]
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"{where}: {key} must be {kind}, got {value!r}")
    if whole and not isinstance(value, int):
        raise ConfigError(f"{where}: {key} must be a whole number, got {value!r}")
    if not low <= value <= high:
        raise ConfigError(
            f"{where}: {key} = {value!r} is out of range: it must be between {low:g} and {high:g}"
        )
    return float(value)


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {key} must be a string, got {value!r}")
    return " ".join(value.split())


def _choice(table: Mapping[str, Any], key: str, choices: tuple[str, ...], where: str) -> Any:
    if key not in table:
        return None
    value = table[key]
    if value not in choices:
        raise ConfigError(
            f"{where}: {key} = {value!r} is not one of: {', '.join(repr(c) for c in choices)}"
        )
    return value
