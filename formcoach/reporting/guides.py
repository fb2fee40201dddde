"""Which measures each exercise's report plots, and the limits drawn on them.

The checks live in the exercise modules; this table tells a report's reader
which measure each check reads and where its limits lie. Limit values are
read from the checker's own thresholds (`checker.t`), so a user's override
is what gets drawn. An exercise not listed still gets a report: each of its
angle measures plotted and shaded by every form fault. Baseline-relative
checks (`Checker.relative_limits`) come from the checker itself: the
measure, its ceiling, and the person's baseline plus the allowed rise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from formcoach.exercises.base import Checker
from formcoach.exercises.lunge import LUNGE_TOO_SHALLOW
from formcoach.exercises.split_stance import (
    FRONT_KNEE_BEHIND_ANKLE,
    FRONT_KNEE_PAST_ANKLE,
    LOWER_BACK_ARCH,
    TRUNK_LEAN_FORWARD,
)
from formcoach.reporting.names import title_of, unit_of

ALL_FAULTS: tuple[str, ...] = ("*",)  # shade a plot with every form fault


@dataclass(frozen=True)
class Limit:
    field: str  # a field of the checker's thresholds dataclass
    label: str
    sign: float = 1.0  # limits are declared as magnitudes; -1 draws one below zero


@dataclass(frozen=True)
class PlotGuide:
    measure: str
    title: str
    limits: tuple[Limit, ...] = ()
    faults: tuple[str, ...] = ()  # fault codes whose periods shade this plot


@dataclass(frozen=True)
class Plot:
    """A guide resolved against one checker: concrete limit values."""

    measure: str
    title: str
    unit: str
    levels: tuple[tuple[float, str], ...] = ()
    faults: tuple[str, ...] = ()
    baseline: tuple[str, float] | None = None  # (baseline measure, allowed rise) to draw


TRUNK = PlotGuide(
    "trunk_inclination_deg",
    "Trunk lean from vertical (+ forward, - back)",
    (
        Limit("trunk_lean_forward_deg", "leaning forward"),
        Limit("arch_trunk_back_deg", "leaning back (arch, with the hip)", -1.0),
    ),
    (TRUNK_LEAN_FORWARD, LOWER_BACK_ARCH),
)
FRONT_SHIN_TITLE = "Front shin from vertical (+ knee ahead of the ankle)"
KNEE_PAST_TOES = Limit("front_shin_forward_deg", "knee past the toes")


def _back_hip(title: str) -> PlotGuide:
    return PlotGuide(
        "back_hip_flexion_deg",
        title,
        (Limit("arch_back_hip_extension_deg", "extended (arch, with the trunk)", -1.0),),
        (LOWER_BACK_ARCH,),
    )


GUIDES: dict[str, tuple[PlotGuide, ...]] = {
    "kneeling-hip-flexor": (
        TRUNK,
        _back_hip("Kneeling-leg hip (- = extended: the stretch)"),
        PlotGuide(
            "front_shin_inclination_deg",
            FRONT_SHIN_TITLE,
            (KNEE_PAST_TOES, Limit("front_shin_back_deg", "knee behind the ankle", -1.0)),
            (FRONT_KNEE_PAST_ANKLE, FRONT_KNEE_BEHIND_ANKLE),
        ),
        PlotGuide(
            "front_knee_angle_deg",
            "Front knee angle (in position between the lines)",
            (
                Limit("front_knee_min_deg", "in position above"),
                Limit("front_knee_max_deg", "in position below"),
            ),
        ),
    ),
    "lunge": (
        PlotGuide(
            "lunge_depth_knee_deg",
            "Depth: the straighter knee (180 = straight)",
            (
                Limit("rep_end_above_deg", "rep counted above"),
                Limit("rep_start_below_deg", "rep starts below"),
                Limit("check_below_deg", "form judged below"),
                Limit("deep_enough_deg", "deep enough below"),
            ),
            (LUNGE_TOO_SHALLOW,),
        ),
        TRUNK,
        _back_hip("Back-leg hip (- = extended)"),
        PlotGuide(
            "front_shin_inclination_deg",
            FRONT_SHIN_TITLE,
            (KNEE_PAST_TOES,),
            (FRONT_KNEE_PAST_ANKLE,),
        ),
    ),
}


def plots_for(checker: Checker) -> tuple[Plot, ...]:
    """The plots of a checker's report, its limits read from its thresholds."""
    measures = set(checker.measure_names)
    thresholds = getattr(checker, "t", None)
    guides = GUIDES.get(checker.spec.name)
    if guides is None:
        plots = [
            Plot(m, title_of(m), unit_of(m), faults=ALL_FAULTS)
            for m in checker.measure_names
            if m.endswith("_deg")
        ]
    else:
        plots = [_resolve(g, thresholds) for g in guides if g.measure in measures]
    return tuple(_with_relative_limits(plots, checker))


def _resolve(guide: PlotGuide, thresholds: Any) -> Plot:
    levels = []
    for lim in guide.limits:
        value = getattr(thresholds, lim.field, None)
        if isinstance(value, int | float) and math.isfinite(value):
            levels.append((lim.sign * float(value), lim.label))
    return Plot(guide.measure, guide.title, unit_of(guide.measure), tuple(levels), guide.faults)


def _with_relative_limits(plots: list[Plot], checker: Checker) -> list[Plot]:
    relative = getattr(checker, "relative_limits", lambda: ())()
    for limit in relative:
        extra = Plot(
            limit.measure,
            title_of(limit.measure),
            unit_of(limit.measure),
            ((float(limit.ceiling), f"{limit.code.replace('_', ' ')}, any baseline"),),
            (limit.code,),
            (f"{limit.measure}_baseline", float(limit.rise)),
        )
        plots = [p for p in plots if p.measure != limit.measure] + [extra]
    return plots
