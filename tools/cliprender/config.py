"""Reading scenarios.toml into plain dataclasses, with defaults and clear errors."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ScenarioError

DEFAULT_SCENARIOS = Path(__file__).resolve().with_name("scenarios.toml")

SKIN_TONES = {  # linear-ish RGB albedo
    "light": (0.86, 0.68, 0.58),
    "fair": (0.80, 0.60, 0.48),
    "medium": (0.70, 0.50, 0.36),
    "olive": (0.60, 0.44, 0.30),
    "tan": (0.52, 0.36, 0.24),
    "brown": (0.40, 0.26, 0.17),
    "dark": (0.26, 0.17, 0.11),
}
COLOURS = {
    "black": (0.05, 0.05, 0.06),
    "charcoal": (0.16, 0.16, 0.18),
    "grey": (0.45, 0.45, 0.47),
    "white": (0.88, 0.88, 0.86),
    "navy": (0.08, 0.11, 0.30),
    "blue": (0.15, 0.30, 0.65),
    "teal": (0.08, 0.45, 0.45),
    "green": (0.20, 0.45, 0.20),
    "olive": (0.35, 0.38, 0.18),
    "red": (0.70, 0.12, 0.14),
    "coral": (0.85, 0.38, 0.32),
    "pink": (0.85, 0.45, 0.60),
    "purple": (0.40, 0.22, 0.55),
    "yellow": (0.85, 0.72, 0.20),
    "orange": (0.85, 0.42, 0.12),
    "burgundy": (0.40, 0.08, 0.14),
    "beige": (0.75, 0.66, 0.52),
    "brown": (0.35, 0.22, 0.12),
    "blonde": (0.70, 0.55, 0.30),
    "auburn": (0.40, 0.16, 0.08),
    "darkbrown": (0.12, 0.08, 0.05),
    "oak": (0.58, 0.42, 0.26),
    "walnut": (0.36, 0.24, 0.15),
    "ash": (0.68, 0.60, 0.50),
    "cream": (0.86, 0.83, 0.74),
    "sage": (0.62, 0.68, 0.58),
    "sky": (0.66, 0.74, 0.82),
    "sand": (0.80, 0.74, 0.62),
    "slate": (0.30, 0.34, 0.40),
}
EXERCISE_IDS = (
    "kneeling-hip-flexor",
    "standing-hip-flexor",
    "lunge",
    "glute-bridge",
    "bird-dog",
    "dead-bug",
    "march",
    "leg-swing",
    "bed-stretch",
    "table-psoas",
    "constructive-rest",
    "thomas-test",
    "desk",  # sitting then standing, for `formcoach desk` (no checker)
)


def colour(value: Any, where: str) -> tuple[float, float, float]:
    if isinstance(value, str):
        if value.startswith("#") and len(value) == 7:
            return tuple(int(value[i : i + 2], 16) / 255.0 for i in (1, 3, 5))  # type: ignore[return-value]
        if value in COLOURS:
            return COLOURS[value]
        if value in SKIN_TONES:
            return SKIN_TONES[value]
        raise ScenarioError(
            f"{where}: unknown colour {value!r}; use #rrggbb, [r, g, b] in 0..1 "
            f"or one of {sorted(COLOURS)}"
        )
    if isinstance(value, list | tuple) and len(value) == 3:
        return tuple(float(v) for v in value)  # type: ignore[return-value]
    raise ScenarioError(f"{where}: expected a colour, got {value!r}")


@dataclass
class CameraSpec:
    view: str | float = "side-left"
    height: float = 0.9
    distance: float | None = None
    yfov: float = 44.0
    roll: float = 0.0


@dataclass
class BodySpec:
    sex: float = 0.5  # anny 'gender': 0 female .. 1 male
    age: float = 0.5
    weight: float = 0.5
    muscle: float = 0.5
    height: float = 0.5
    proportions: float = 0.5
    skin: str = "medium"
    hair: str = "darkbrown"


@dataclass
class ClothesSpec:
    top: Any = "red"
    bottom: Any = "charcoal"
    shoes: Any = "white"
    sleeves: str = "short"  # short | long | none
    socks: bool = False


@dataclass
class RoomSpec:
    floor: Any = "oak"
    wall: Any = "cream"
    side_wall: Any = "sky"
    furniture: str = "sofa"
    furniture_colour: Any = "slate"
    mat: Any = None  # colour of a floor mat, or none
    window: float = 1.0
    wall_distance: float = 1.8


@dataclass
class LookSpec:
    noise: float = 2.5
    blur: float = 0.7
    crf: int = 24
    gain: float = 1.0
    tint: Any = (1.0, 1.0, 1.0)


@dataclass
class Scenario:
    name: str
    exercise: str
    form: str = "good"
    strength: float = 1.0
    side: str = "left"
    summary: str = ""
    arms: str = ""
    camera: CameraSpec = field(default_factory=CameraSpec)
    body: BodySpec = field(default_factory=BodySpec)
    clothes: ClothesSpec = field(default_factory=ClothesSpec)
    room: RoomSpec = field(default_factory=RoomSpec)
    look: LookSpec = field(default_factory=LookSpec)
    motion: list[dict[str, Any]] = field(default_factory=list)
    fps: int = 30
    width: int = 640
    height: int = 360
    seed: int = 0
    expect: dict[str, Any] = field(default_factory=dict)  # overrides for NAME.expect.toml


def _build(cls, data: dict[str, Any], where: str):
    names = set(cls.__dataclass_fields__)
    unknown = set(data) - names
    if unknown:
        raise ScenarioError(f"{where}: unknown keys {sorted(unknown)}; valid: {sorted(names)}")
    return cls(**data)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load(path: Path) -> list[Scenario]:
    try:
        data = tomllib.loads(Path(path).read_text())
    except tomllib.TOMLDecodeError as e:
        raise ScenarioError(f"{path}: {e}") from e
    defaults = data.get("defaults", {})
    bodies = data.get("bodies", {})
    out: list[Scenario] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("scenario", [])):
        where = f"{path} scenario #{i + 1} ({raw.get('name', '?')})"
        raw = _merge(defaults, raw)
        if isinstance(raw.get("body"), str):
            if raw["body"] not in bodies:
                raise ScenarioError(
                    f"{where}: body preset {raw['body']!r} not in [bodies]: {sorted(bodies)}"
                )
            raw["body"] = dict(bodies[raw["body"]])
        for key in ("name", "exercise"):
            if key not in raw:
                raise ScenarioError(f"{where}: missing {key!r}")
        if raw["exercise"] not in EXERCISE_IDS:
            raise ScenarioError(
                f"{where}: exercise {raw['exercise']!r} is not one of {list(EXERCISE_IDS)}"
            )
        if raw.get("side", "left") not in ("left", "right"):
            raise ScenarioError(f"{where}: side must be 'left' or 'right', got {raw.get('side')!r}")
        if raw["name"] in seen:
            raise ScenarioError(f"{where}: duplicate name {raw['name']!r}")
        seen.add(raw["name"])
        sub = {
            "camera": CameraSpec,
            "body": BodySpec,
            "clothes": ClothesSpec,
            "room": RoomSpec,
            "look": LookSpec,
        }
        for key, cls in sub.items():
            raw[key] = _build(cls, raw.get(key, {}), f"{where} [{key}]")
        out.append(_build(Scenario, raw, where))
    return out


def select(scenarios: list[Scenario], patterns: list[str]) -> list[Scenario]:
    """The scenarios whose names match any of `patterns` (names or glob patterns)."""
    names = [s.name for s in scenarios]
    unknown = [p for p in patterns if not fnmatch.filter(names, p)]
    if unknown:
        raise ScenarioError(
            f"no scenario matches {unknown}; "
            f"`python -m cliprender --list` lists the {len(names)} names"
        )
    return [s for s in scenarios if any(fnmatch.fnmatch(s.name, p) for p in patterns)]
