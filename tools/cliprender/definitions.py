"""Fault labels by the exercise definitions formcoach declares, for angle-defined faults.

A scenario keys a fault in and out over time; the truth should call a frame
faulty only where the true angle is beyond the fault's declared definition
(the threshold in formcoach's exercise definitions), not merely halfway
through the keyframe ramp. Faults without an angle definition (an arch, a
shallow rep) keep the keyframe label.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from formcoach.exercises.kneeling_hip_flexor import KneelingThresholds
from formcoach.exercises.lunge import LungeThresholds

Row = dict[str, object]


def _angle(row: Row, name: str) -> float:
    value = row.get(f"{name}_2d")
    return float(value) if isinstance(value, int | float) else math.nan


def _front(exercise: str, working: str | None) -> str | None:
    if working not in ("left", "right"):
        return None
    if exercise == "lunge":  # the working side is the front leg
        return working
    return "right" if working == "left" else "left"  # kneeling: the kneeling leg is the back one


def _rules(exercise: str) -> dict[str, Callable[[Row, str | None], bool]]:
    if exercise == "kneeling-hip-flexor":
        t: KneelingThresholds | LungeThresholds = KneelingThresholds()
    elif exercise == "lunge":
        t = LungeThresholds()
    else:
        return {}

    def lean(row: Row, front: str | None) -> bool:
        return _angle(row, "trunk_inclination") > t.trunk_lean_forward_deg

    def knee(row: Row, front: str | None) -> bool:
        return (
            front is not None
            and _angle(row, f"shin_inclination_{front}") > t.front_shin_forward_deg
        )

    rules = {"trunk_lean_forward": lean, "front_knee_past_ankle": knee}
    if isinstance(t, KneelingThresholds):

        def knee_back(row: Row, front: str | None) -> bool:
            return (
                front is not None
                and _angle(row, f"shin_inclination_{front}") < -t.front_shin_back_deg
            )

        rules["front_knee_behind_ankle"] = knee_back
    return rules


def relabel(exercise: str, weights: dict[str, float], row: Row, working: str | None) -> list[str]:
    """The faults present in a frame: keyed-in faults, judged by definition where one exists."""
    rules = _rules(exercise)
    front = _front(exercise, working)
    out = []
    for code, weight in weights.items():
        if code in rules:
            if weight > 0.0 and rules[code](row, front):
                out.append(code)
        elif weight >= 0.5:
            out.append(code)
    return out
