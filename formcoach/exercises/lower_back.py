"""The lower-back-arch check every exercise with that cue shares.

Two readings, both named for what they measure:
- `lumbar_arch_depth_l`: the hollow of the back outline in the segmentation
  mask, in torso lengths (core/back_profile.py). It is judged by the session
  against the person's own settled baseline (a rise) and a loose ceiling,
  through `arch_limit` (a RelativeLimit).
- the landmark proxy (exercises/split_stance.py): trunk leaning back with
  the back hip extended, which still catches someone arched from the start.

The outline is read only from a true side view; otherwise the check is
silent and says why.
"""

from __future__ import annotations

from typing import Any

from formcoach.coaching.checks import Check
from formcoach.core.back_profile import read_arch
from formcoach.core.pose import Pose
from formcoach.core.view import estimate_yaw_from_side_deg
from formcoach.exercises.base import RelativeLimit, limit

LOWER_BACK_ARCH = "lower_back_arch"
ARCH_MEASURE = "lumbar_arch_depth_l"
# The outline of the back is lost when the camera turns toward the person's
# front (a first study: ~20 deg and the signal is gone). MediaPipe's own yaw
# reads 4-16 deg on rendered half-kneeling bodies filmed square from the side
# (the split stance turns the pelvis a little), so the gate sits just above.
MAX_YAW_FOR_OUTLINE_DEG = 22.0
NOT_SIDE_ON = "camera not square to the side: the back outline cannot be read"


def arch_limit(rise_l: float, ceiling_l: float) -> RelativeLimit:
    return RelativeLimit(LOWER_BACK_ARCH, ARCH_MEASURE, rise=rise_l, ceiling=ceiling_l)


def read_lower_back(pose: Pose, facing: int) -> tuple[dict[str, float], list[Check]]:
    """The arch depth as a measure, or a silent arch check saying why it is missing."""
    if pose.mask is None:
        return {}, []
    if estimate_yaw_from_side_deg(pose) > MAX_YAW_FOR_OUTLINE_DEG:
        return {}, [Check(LOWER_BACK_ARCH, "silent", reason=NOT_SIDE_ON)]
    reading = read_arch(pose, facing)
    if reading.depth_l is None:
        return {}, [Check(LOWER_BACK_ARCH, "silent", reason=reading.reason)]
    return {ARCH_MEASURE: reading.depth_l}, []


# The arch thresholds are the same fields in every exercise with the lower-back
# cue; each exercise declares them (so a user can tune them per exercise), and
# these factories keep their defaults, ranges and meaning in one place.


def arch_trunk_back_field() -> Any:
    return limit(
        10.0,
        "landmark arch proxy: trunk leaning back by more than this...",
        0.0,
        45.0,
        faults=(LOWER_BACK_ARCH,),
    )


def arch_back_hip_extension_field() -> Any:
    return limit(
        10.0,
        "...while the back hip is extended by more than this",
        0.0,
        60.0,
        faults=(LOWER_BACK_ARCH,),
    )


def arch_rise_field() -> Any:
    return limit(
        0.035,
        "back outline: an arch is a hollow this much deeper (torso lengths) than the person's "
        "settled baseline (~15 deg of pelvic tilt)",
        0.005,
        0.2,
        faults=(LOWER_BACK_ARCH,),
    )


def arch_ceiling_field() -> Any:
    return limit(
        0.18,
        "back outline: a hollow deeper than this is an arch whatever the baseline",
        0.05,
        0.5,
        faults=(LOWER_BACK_ARCH,),
    )
