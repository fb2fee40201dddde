"""NAME.expect.toml: what the coach must and must not say about one clip.

exercise = "lunge"
view = "side"
summary = "good forward lunges, 3 per leg"
must_not_cue = ["front_knee_past_ankle", ...]
[[must_cue]]          # a cue with this code must start within [from_s, to_s]
code = "front_knee_past_ankle"
from_s = 4.0
to_s = 8.0
[reps]                # optional, per working leg, exact
left = 3
right = 3
# or, for an exercise that works both legs at once (a glute bridge): total = 3
[good_form_s]         # optional, good-form hold seconds per side
left = 10.0
right = 0.0
tolerance_s = 3.0
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formcoach.errors import ConfigError

SIDES = ("left", "right")


@dataclass(frozen=True)
class CueWindow:
    code: str
    from_s: float
    to_s: float
    side: str | None = None


@dataclass(frozen=True)
class Expectation:
    path: Path
    exercise: str
    view: str | None = None
    summary: str = ""
    must_cue: tuple[CueWindow, ...] = ()
    must_not_cue: tuple[str, ...] = ()
    reps: dict[str, int] | None = None
    reps_total: int | None = None  # both legs together (a bilateral exercise)
    good_form_s: dict[str, float] | None = None
    tolerance_s: float = 3.0
    arch_sweep_s: tuple[float, float] | None = None  # where a rendered arch sweep runs
    extra: dict[str, Any] = field(default_factory=dict)


def expectation_path(clip: Path) -> Path:
    return clip.with_name(clip.stem + ".expect.toml")


def _number(data: dict[str, Any], key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: {key} must be a number, got {value!r}")
    return float(value)


def load_expectation(path: Path) -> Expectation:
    """Read and check one expectation file; ConfigError names the file and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    exercise = data.get("exercise")
    if not isinstance(exercise, str):
        raise ConfigError(f"{path}: 'exercise' (a name) is required")
    windows = []
    for i, item in enumerate(data.get("must_cue", [])):
        where = f"{path} must_cue[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise ConfigError(f"{where}: needs a code")
        windows.append(
            CueWindow(
                item["code"],
                _number(item, "from_s", where),
                _number(item, "to_s", where),
                item.get("side"),
            )
        )
    must_not = data.get("must_not_cue", [])
    if not isinstance(must_not, list) or not all(isinstance(c, str) for c in must_not):
        raise ConfigError(f"{path}: must_not_cue must be a list of codes")
    reps = data.get("reps")
    reps_total = None
    if reps is not None:
        if "total" in reps:
            reps_total = int(_number(reps, "total", f"{path} [reps]"))
        reps = {s: int(_number(reps, s, f"{path} [reps]")) for s in SIDES if s in reps} or None
    good = data.get("good_form_s")
    tolerance = 3.0
    if good is not None:
        tolerance = (
            _number(good, "tolerance_s", f"{path} [good_form_s]")
            if "tolerance_s" in good
            else tolerance
        )
        good = {s: _number(good, s, f"{path} [good_form_s]") for s in SIDES if s in good}
    sweep = data.get("arch_sweep_s")
    if sweep is not None and not (
        isinstance(sweep, list)
        and len(sweep) == 2
        and all(isinstance(t, int | float) and not isinstance(t, bool) for t in sweep)
        and sweep[0] < sweep[1]
    ):
        raise ConfigError(f"{path}: arch_sweep_s must be [from_s, to_s], got {sweep!r}")
    known = {
        "exercise",
        "view",
        "summary",
        "must_cue",
        "must_not_cue",
        "reps",
        "good_form_s",
        "arch_sweep_s",
    }
    return Expectation(
        path=path,
        exercise=exercise,
        view=data.get("view"),
        summary=data.get("summary", ""),
        must_cue=tuple(windows),
        must_not_cue=tuple(must_not),
        reps=reps,
        reps_total=reps_total,
        good_form_s=good,
        tolerance_s=tolerance,
        arch_sweep_s=(float(sweep[0]), float(sweep[1])) if sweep is not None else None,
        extra={k: v for k, v in data.items() if k not in known},
    )
