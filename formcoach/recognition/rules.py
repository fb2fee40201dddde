"""Which exercise a window of poses looks like: one readable rule per exercise.

Each rule is a list of named conditions on the window's feature statistics
(see window.py), each a soft ramp from 0 (clearly not) to 1 (clearly so); an
exercise's score is its weakest condition (a fuzzy AND), so the reason a
score is low is always one named condition. The ramps were set on the
rendered sample clips and checked on real ones (see the README's
recognition section); they are coarse on purpose: the checker, not the
recogniser, judges form.

Postures first (standing or kneeling upright, lying, on all fours), then what
moves: a lunge bends both knees again and again, a march lifts one knee with
the other leg straight, a leg swing swings a straight leg, stretches stay
still.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from formcoach.recognition.window import WindowStats

NONE = "none"  # no exercise: nobody there, standing around, walking, setting up
NONE_SCORE = 0.4  # an exercise must score above this to be preferred to "none"


def above(x: float, start: float, full: float) -> float:
    """0 at or below `start`, rising linearly to 1 at `full`."""
    return min(1.0, max(0.0, (x - start) / (full - start)))


def below(x: float, full: float, end: float) -> float:
    """1 at or below `full`, falling linearly to 0 at `end`."""
    return 1.0 - above(x, full, end)


Condition = tuple[str, Callable[[WindowStats], float]]


def upright(w: WindowStats) -> float:
    return below(w.mid["trunk_tilt_deg"], 35.0, 50.0)


def lying_or_all_fours(w: WindowStats) -> float:
    return above(w.mid["trunk_tilt_deg"], 50.0, 65.0)


def knee_hugged(w: WindowStats) -> float:
    return min(
        below(w.mid["knee_angle_min_deg"], 50.0, 65.0),
        below(w.mid["hip_angle_min_deg"], 70.0, 85.0),
    )


def feet_down(w: WindowStats) -> float:
    """Standing or kneeling on both feet: no ankle up near hip height."""
    return below(w.mid["ankle_rise_max"], -0.55, -0.35)


def knees_still(w: WindowStats) -> float:
    return below(w.spread("knee_angle_min_deg"), 20.0, 35.0)


def feet_down_knees_bent(w: WindowStats) -> float:
    """Lying with both knees bent and both feet on the floor (bridge, constructive rest)."""
    return min(
        below(w.mid["knee_angle_max_deg"], 110.0, 130.0),
        below(w.mid["ankle_rise_max"], 0.15, 0.3),
        above(w.mid["ankle_rise_min"], -0.8, -0.6),
    )


def foot_up_behind(w: WindowStats) -> float:
    """A foot held off the floor behind the body: the table stretch's leg as MediaPipe
    sometimes reads it when the trunk leans (the leg drawn drooping, not at hip height)."""
    return min(
        above(w.high["foot_off_floor"], 0.45, 0.65),
        above(w.mid["foot_behind"], 0.6, 0.9),
    )


def hips_above_shoulders(w: WindowStats) -> float:
    """Lying, the hips rise above the shoulders (trunk tilted past horizontal) or go up and down."""
    return max(
        above(w.high["trunk_tilt_deg"], 98.0, 106.0),
        # moving: 8-9 deg in a sagging bridge's reps; a resting body 0.5-1.5 (sample clips)
        above(w.spread("trunk_tilt_deg"), 4.0, 8.0),
    )


def hips_lifted(w: WindowStats) -> float:
    """A bridge: hips up, or shoulder, hip and knee in line while the knees stay bent."""
    in_line = min(
        above(w.high["hip_angle_max_deg"], 150.0, 160.0),
        below(w.mid["knee_angle_max_deg"], 110.0, 130.0),
    )
    return max(hips_above_shoulders(w), in_line)


RULES: dict[str, tuple[Condition, ...]] = {
    "kneeling-hip-flexor": (
        ("upright", upright),
        ("a knee on the floor", lambda w: below(w.mid["knee_floor_gap"], 0.25, 0.45)),
        ("feet apart", lambda w: above(w.mid["ankle_spread"], 0.5, 0.9)),
        ("holding still", knees_still),
    ),
    "lunge": (
        ("upright", upright),
        (
            "knees bending and straightening",
            lambda w: above(w.spread("knee_angle_min_deg"), 30.0, 45.0),
        ),
        ("both knees bend", lambda w: below(w.low["knee_angle_max_deg"], 140.0, 155.0)),
        ("both feet down", feet_down),
        ("a step apart", lambda w: above(w.high["ankle_spread"], 0.6, 0.9)),
    ),
    "standing-hip-flexor": (
        ("upright", upright),
        ("feet far apart", lambda w: above(w.mid["ankle_spread"], 0.9, 1.3)),
        ("standing, no knee down", lambda w: above(w.mid["knee_floor_gap"], 0.4, 0.55)),
        ("both feet down", feet_down),
        ("holding still", knees_still),
        # A lunge held at the bottom is a split stance held still too, but with both
        # knees bent (its straighter knee 105-125 deg; this stretch's back leg 143-176).
        ("the back leg near straight", lambda w: above(w.mid["knee_angle_max_deg"], 125.0, 140.0)),
    ),
    "table-psoas": (
        ("upright", upright),
        ("a foot up on the table", lambda w: max(1.0 - feet_down(w), foot_up_behind(w))),
        ("the raised leg still", lambda w: below(w.spread("knee_rise_max"), 0.2, 0.35)),
        ("no knee on the floor", lambda w: above(w.mid["knee_floor_gap"], 0.3, 0.5)),
    ),
    "march": (
        ("upright", upright),
        (
            "a knee lifting (or held up)",
            lambda w: max(
                above(w.spread("knee_rise_max"), 0.1, 0.2),
                min(  # held up: the knee high and the hip flexed (not a foreshortened leg)
                    above(w.high["knee_rise_max"], -0.6, -0.4),
                    below(w.low["hip_angle_min_deg"], 135.0, 150.0),
                ),
            ),
        ),
        ("the lifted knee bends", lambda w: below(w.low["knee_angle_min_deg"], 140.0, 155.0)),
        ("both feet down", feet_down),
        ("the standing leg straight", lambda w: above(w.low["knee_angle_max_deg"], 145.0, 160.0)),
        ("no knee on the floor", lambda w: above(w.mid["knee_floor_gap"], 0.3, 0.5)),
        ("no foot reaching back", lambda w: below(w.high["foot_behind"], 0.35, 0.6)),
    ),
    "leg-swing": (
        ("upright", upright),
        ("a leg swinging", lambda w: above(w.spread("ankle_spread"), 0.4, 0.6)),
        ("back and forth", lambda w: above(w.reversals["ankle_spread"], 0.5, 1.5)),
        # A swing turns 4 times a cycle (front, passing, back, passing): 6-10 turns in a
        # window. Far more is MediaPipe merging and parting the legs frame to frame.
        ("at a leg's pace", lambda w: below(w.reversals["ankle_spread"], 10.0, 14.0)),
        ("knees straight", lambda w: below(w.spread("knee_angle_min_deg"), 30.0, 45.0)),
        ("the foot swings behind", lambda w: above(w.high["ankle_spread"], 0.7, 0.9)),
    ),
    "bird-dog": (
        ("on all fours", lying_or_all_fours),
        ("hands below the shoulders", lambda w: below(w.mid["wrist_rise_min"], -0.45, -0.3)),
        ("knees below the hips", lambda w: below(w.mid["knee_rise_min"], -0.35, -0.2)),
        ("knees bent", lambda w: below(w.mid["knee_angle_min_deg"], 110.0, 140.0)),
    ),
    "thomas-test": (
        ("lying", lying_or_all_fours),
        ("a knee hugged to the chest", knee_hugged),
        ("the other leg hanging", lambda w: below(w.mid["ankle_rise_min"], -0.4, -0.2)),
    ),
    "bed-stretch": (
        ("lying", lying_or_all_fours),
        ("a leg hanging down", lambda w: below(w.mid["ankle_rise_min"], -0.5, -0.35)),
        ("hips down", lambda w: 1.0 - hips_above_shoulders(w)),
        ("the other knee bent", lambda w: below(w.mid["knee_angle_min_deg"], 110.0, 130.0)),
        ("no knee hugged", lambda w: 1.0 - knee_hugged(w)),
    ),
    "dead-bug": (
        ("lying", lying_or_all_fours),
        (
            "arms or feet up",
            lambda w: max(
                above(w.mid["wrist_rise_max"], 0.45, 0.7), above(w.mid["ankle_rise_max"], 0.2, 0.4)
            ),
        ),
        ("hands not on the floor below", lambda w: above(w.mid["wrist_rise_min"], -0.5, -0.3)),
        ("no knee hugged", lambda w: 1.0 - knee_hugged(w)),
    ),
    "glute-bridge": (
        ("lying", lying_or_all_fours),
        ("knees bent, feet down", feet_down_knees_bent),
        ("hips lifting", hips_lifted),
    ),
    # Lying still on the back. Knees bent and feet down is the position, but legs
    # that slid out are still the rest: its checker says "position lost".
    "constructive-rest": (
        ("lying", lying_or_all_fours),
        ("feet down", lambda w: below(w.mid["ankle_rise_max"], 0.15, 0.3)),
        ("no leg hanging", lambda w: above(w.mid["ankle_rise_min"], -0.8, -0.6)),
        ("hips down", lambda w: 1.0 - hips_lifted(w)),
        ("arms down", lambda w: below(w.mid["wrist_rise_max"], 0.4, 0.6)),
        ("hands not under the body", lambda w: above(w.mid["wrist_rise_min"], -0.45, -0.3)),
        ("no knee hugged", lambda w: 1.0 - knee_hugged(w)),
    ),
}
EXERCISES = tuple(RULES)
LABELS = (NONE, *EXERCISES)


@dataclass(frozen=True)
class Scores:
    """Each label's score in 0..1 for one window, and the weakest condition of each rule."""

    by_label: dict[str, float]
    weakest: dict[str, str]

    def best(self) -> tuple[str, float]:
        label = max(self.by_label, key=self.by_label.__getitem__)
        return label, self.by_label[label]


def score_window(w: WindowStats | None) -> Scores:
    """Score every exercise on one window; an unreadable window is "none" for sure."""
    if w is None:
        return Scores(
            {NONE: 1.0} | {e: 0.0 for e in EXERCISES}, {e: "nobody readable" for e in EXERCISES}
        )
    by_label, weakest = {NONE: NONE_SCORE}, {}
    for exercise, conditions in RULES.items():
        values = [(fn(w), name) for name, fn in conditions]
        score, name = min(values)
        by_label[exercise] = score
        weakest[exercise] = name
    return Scores(by_label, weakest)
