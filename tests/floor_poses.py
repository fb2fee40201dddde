"""Stick figures on the floor with known angles, and tracks made from them.

The floor companion of tests/poses.py. A `FloorFigure` is a person lying on
the back or on hands and knees, seen from the side, built from segment
elevations in formcoach.core.geometry's floor convention (degrees above
the floor line, 0 toward the feet, 90 straight up, -90 straight down), so
the measures a floor checker reads are known by construction. `facing` is
where the head points (+1 image right). The far side's landmarks sit a few
pixels above the near side's, as a camera slightly above the floor sees
them; each side keeps its own exact angles.

Segment lengths are those of tests/poses.py (torso 200 px, thigh 180 px,
shin 170 px) plus arms of 150 + 140 px.

The figures used across the tests, each in good form unless its name says
otherwise: `supine` (knees bent, feet flat), `bridge`, `quadruped`,
`bird_dog`, `table_top` and `dead_bug` (one leg lowered), `thomas` (one
knee hugged, the other leg hanging off the end of a table) and `bed_hang`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import cv2
import numpy as np
from poses import (
    FAR_ARM_VISIBILITY,
    FRAME_H,
    FRAME_W,
    NEAR_VISIBILITY,
    NECK,
    SHIN,
    THIGH,
    TORSO,
    Scenario,
    make_track,
    piecewise,
)

from formcoach.core.landmarks import NUM_LANDMARKS
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

UPPER_ARM = 150.0
FOREARM = 140.0
FOOT = 60.0
SIDE_SPREAD_PX = 8.0  # the far side sits this far above the near side in the image


def _lm(side: str, joint: str) -> L:
    return L[f"{side.upper()}_{joint.upper()}"]


@dataclass(frozen=True)
class Limb:
    """Two segment elevations: thigh and shin, or upper arm and forearm (degrees)."""

    upper_deg: float
    lower_deg: float

    @property
    def joint_angle_deg(self) -> float:
        """The included angle at the knee (or elbow): 180 = straight."""
        bend = abs(self.upper_deg - self.lower_deg) % 360.0
        return 180.0 - min(bend, 360.0 - bend)


def blend_limb(a: Limb, b: Limb, u: float) -> Limb:
    return Limb(
        a.upper_deg + (b.upper_deg - a.upper_deg) * u,
        a.lower_deg + (b.lower_deg - a.lower_deg) * u,
    )


KNEES_BENT = Limb(55.0, -60.0)  # lying, foot flat near the buttock: knee 65 deg
ARM_ALONG_BODY = Limb(0.0, 0.0)  # lying, arm on the floor beside the body
ARM_DOWN = Limb(-90.0, -90.0)  # on hands and knees, arm straight under the shoulder
ARM_UP = Limb(90.0, 90.0)  # lying, arm pointing at the ceiling
ARM_REACHING = Limb(180.0, 180.0)  # arm reaching past the head, level with the floor


@dataclass(frozen=True)
class FloorFigure:
    """A person on the floor with known segment elevations.

    `hip` is the near side's hip in pixels. `trunk_deg` is the elevation of
    mid-shoulder -> mid-hip (+ = hips higher). `legs`/`arms` map "left" and
    "right" to their limbs. `belly_up` is lying on the back; otherwise on
    hands and knees. `near` is the side nearer the camera.
    """

    facing: int = 1
    hip: tuple[float, float] = (560.0, 470.0)
    trunk_deg: float = 0.0
    legs: dict[str, Limb] = field(default_factory=lambda: {"left": KNEES_BENT, "right": KNEES_BENT})
    arms: dict[str, Limb] = field(
        default_factory=lambda: {"left": ARM_ALONG_BODY, "right": ARM_ALONG_BODY}
    )
    belly_up: bool = True
    near: str = "left"
    far_leg_visibility: float = 0.8
    visibility: dict[L, float] = field(default_factory=dict)  # overrides

    @property
    def far(self) -> str:
        return "right" if self.near == "left" else "left"

    def leg(self, side: str) -> Limb:
        return self.legs[side]

    def with_leg(self, side: str, leg: Limb) -> FloorFigure:
        return replace(self, legs={**self.legs, side: leg})

    def with_arm(self, side: str, arm: Limb) -> FloorFigure:
        return replace(self, arms={**self.arms, side: arm})

    # -- what the figure means ---------------------------------------------
    def hip_flexion_deg(self, side: str) -> float:
        """The thigh's turn from the trunk line toward the belly (floor_leg_measures)."""
        turn = self.legs[side].upper_deg - self.trunk_deg
        turn = turn if self.belly_up else -turn
        return (turn + 180.0) % 360.0 - 180.0

    def hips_above_line_deg(self) -> float:
        """The bridge line, when both thighs are alike: trunk elevation minus thigh's."""
        thigh = (self.legs["left"].upper_deg + self.legs["right"].upper_deg) / 2.0
        return self.trunk_deg - thigh

    # -- building -------------------------------------------------------------
    def direction(self, elevation_deg: float) -> np.ndarray:
        """Image direction (x right, y down) of a segment with this elevation."""
        r = math.radians(elevation_deg)
        return np.array([-self.facing * math.cos(r), -math.sin(r)])

    def pose(self) -> Pose:
        xy = np.zeros((NUM_LANDMARKS, 2))
        for side in ("left", "right"):
            lift = np.array([0.0, -SIDE_SPREAD_PX if side == self.far else 0.0])
            hip = np.array(self.hip, dtype=float) + lift
            shoulder = hip - TORSO * self.direction(self.trunk_deg)
            leg, arm = self.legs[side], self.arms[side]
            knee = hip + THIGH * self.direction(leg.upper_deg)
            ankle = knee + SHIN * self.direction(leg.lower_deg)
            elbow = shoulder + UPPER_ARM * self.direction(arm.upper_deg)
            wrist = elbow + FOREARM * self.direction(arm.lower_deg)
            sole = self.direction(0.0)  # the foot points along the floor, toward the feet
            points = {
                "hip": hip,
                "shoulder": shoulder,
                "knee": knee,
                "ankle": ankle,
                "heel": ankle - 0.25 * FOOT * sole,
                "foot_index": ankle + FOOT * sole,
                "elbow": elbow,
                "wrist": wrist,
                "pinky": wrist + 15.0 * self.direction(arm.lower_deg),
                "index": wrist + 18.0 * self.direction(arm.lower_deg),
                "thumb": wrist + 10.0 * self.direction(arm.lower_deg),
            }
            for joint, point in points.items():
                xy[_lm(side, joint)] = point
            self._head(xy, side, shoulder)
        return Pose(xy=xy, visibility=self._visibility())

    def _head(self, xy: np.ndarray, side: str, shoulder: np.ndarray) -> None:
        along = -self.direction(self.trunk_deg)  # from the hips toward the head
        face = np.array([along[1], -along[0]]) * self.facing  # square to it, up when lying
        if not self.belly_up:
            face = -face
        ear = shoulder + NECK * along
        xy[_lm(side, "ear")] = ear
        eye = ear + 12.0 * along + 10.0 * face
        xy[_lm(side, "eye")] = eye
        xy[_lm(side, "eye_inner")] = eye + 3.0 * along
        xy[_lm(side, "eye_outer")] = eye - 3.0 * along
        xy[L[f"MOUTH_{side.upper()}"]] = ear + 20.0 * along + 4.0 * face
        xy[L.NOSE] = ear + 18.0 * along + 16.0 * face

    def _visibility(self) -> np.ndarray:
        vis = np.full(NUM_LANDMARKS, NEAR_VISIBILITY)
        for joint in ("shoulder", "hip"):
            vis[_lm(self.far, joint)] = 0.99
        for joint in ("knee", "ankle", "heel", "foot_index"):
            vis[_lm(self.far, joint)] = self.far_leg_visibility
        for joint in ("elbow", "wrist", "pinky", "index", "thumb", "ear", "eye_outer"):
            vis[_lm(self.far, joint)] = FAR_ARM_VISIBILITY
        for landmark, value in self.visibility.items():
            vis[landmark] = value
        return vis


def blend_floor(a: FloorFigure, b: FloorFigure, u: float) -> FloorFigure:
    """A figure `u` of the way from `a` to `b` (angles and hip position; the rest from `b`)."""
    u = min(1.0, max(0.0, u))
    return replace(
        b,
        hip=(a.hip[0] + (b.hip[0] - a.hip[0]) * u, a.hip[1] + (b.hip[1] - a.hip[1]) * u),
        trunk_deg=a.trunk_deg + (b.trunk_deg - a.trunk_deg) * u,
        legs={s: blend_limb(a.legs[s], b.legs[s], u) for s in ("left", "right")},
        arms={s: blend_limb(a.arms[s], b.arms[s], u) for s in ("left", "right")},
    )


def other(side: str) -> str:
    return "right" if side == "left" else "left"


# -- figures -------------------------------------------------------------------------


def supine(facing: int = 1, **changes) -> FloorFigure:
    """Lying on the back, knees bent, feet flat (constructive rest)."""
    return replace(FloorFigure(facing=facing), **changes)


def bridge(facing: int = 1, hips_above_line_deg: float = 0.0, **changes) -> FloorFigure:
    """A glute bridge at the top: trunk 22 deg up, thighs `hips_above_line_deg` below it."""
    thigh = 22.0 - hips_above_line_deg
    # the shin runs from the knee down to the foot, about 80 deg below the floor line
    leg = Limb(thigh, -80.0)
    base = FloorFigure(facing=facing, trunk_deg=22.0, legs={"left": leg, "right": leg})
    return replace(base, **changes)


QUADRUPED_LEG = Limb(-90.0, 5.0)  # thigh straight down, shin on the floor toward the feet


def quadruped(facing: int = 1, **changes) -> FloorFigure:
    """On hands and knees: thighs and arms vertical, trunk level with the floor."""
    base = FloorFigure(
        facing=facing,
        hip=(560.0, 380.0),
        trunk_deg=-3.0,
        legs={"left": QUADRUPED_LEG, "right": QUADRUPED_LEG},
        arms={"left": ARM_DOWN, "right": ARM_DOWN},
        belly_up=False,
    )
    return replace(base, **changes)


def bird_dog(
    facing: int = 1,
    leg_side: str = "left",
    leg: Limb = Limb(2.0, 2.0),
    arm: Limb = ARM_REACHING,
    **changes,
) -> FloorFigure:
    """`leg_side` reaching back (level, straight), the opposite arm reaching forward."""
    return quadruped(facing, **changes).with_leg(leg_side, leg).with_arm(other(leg_side), arm)


TABLE_TOP_LEG = Limb(90.0, 0.0)  # thigh vertical over the hip, shin level: knee 90 deg


def table_top(facing: int = 1, thigh_deg: float = 90.0, **changes) -> FloorFigure:
    """A dead bug's start: lying, hips and knees at 90 deg, arms to the ceiling."""
    leg = Limb(thigh_deg, thigh_deg - 90.0)
    base = FloorFigure(
        facing=facing,
        legs={"left": leg, "right": leg},
        arms={"left": ARM_UP, "right": ARM_UP},
    )
    return replace(base, **changes)


def dead_bug(
    facing: int = 1, leg_side: str = "left", leg: Limb = Limb(15.0, 10.0), **changes
) -> FloorFigure:
    """`leg_side` lowered toward the floor, the opposite arm back past the head."""
    figure = table_top(facing, **changes).with_leg(leg_side, leg)
    return figure.with_arm(other(leg_side), Limb(170.0, 170.0))


def hanging_leg(thigh_deg: float, knee_flexion_deg: float) -> Limb:
    """A leg hanging off the end of a table: the thigh at `thigh_deg`, the knee bent so."""
    return Limb(thigh_deg, thigh_deg - knee_flexion_deg)


HUGGED_KNEE = Limb(130.0, 10.0)  # thigh past vertical toward the chest, knee bent 120 deg


def thomas(
    facing: int = 1,
    tested: str = "left",
    thigh_deg: float = -12.0,
    knee_flexion_deg: float = 85.0,
    **changes,
) -> FloorFigure:
    """Modified Thomas test: on a table, one knee hugged, `tested` hanging off the end."""
    base = FloorFigure(facing=facing, hip=(560.0, 330.0))
    figure = replace(base, **changes)
    figure = figure.with_leg(tested, hanging_leg(thigh_deg, knee_flexion_deg))
    return figure.with_leg(other(tested), HUGGED_KNEE)


def bed_hang(facing: int = 1, hanging: str = "left", **changes) -> FloorFigure:
    """Bed stretch: lying at the end of a bed, one leg hanging, the other foot on the bed."""
    base = FloorFigure(facing=facing, hip=(560.0, 330.0))
    figure = replace(base, **changes)
    return figure.with_leg(hanging, hanging_leg(-20.0, 80.0))


# -- the body's outline (segmentation mask) ------------------------------------------


def mask_of(pose: Pose, back_up: bool, hollow_l: float, buttock_l: float = 0.08) -> np.ndarray:
    """A trunk band on the back's side of the axis, a buttock bump, a hollow `hollow_l` deep."""
    hips = (pose.xy[L.LEFT_HIP] + pose.xy[L.RIGHT_HIP]) / 2.0
    shoulders = (pose.xy[L.LEFT_SHOULDER] + pose.xy[L.RIGHT_SHOULDER]) / 2.0
    up = (shoulders - hips) / np.linalg.norm(shoulders - hips)
    back = np.array([up[1], -up[0]])
    if (back[1] < 0) != back_up:
        back = -back
    along = np.linspace(-0.35, 1.0, 200)
    thick = 0.45 + buttock_l * np.exp(-((along / 0.06) ** 2))  # the buttock, over the hips
    thick -= hollow_l * np.exp(-(((along - 0.45) / 0.12) ** 2))  # the lumbar hollow
    edge = hips + np.outer(along * TORSO, up) + np.outer(thick * TORSO, back)
    base = hips + np.outer(along * TORSO, up) - 0.2 * TORSO * back
    polygon = np.vstack([edge, base[::-1]]).astype(np.int32)
    mask = np.zeros((FRAME_H, FRAME_W), np.float32)
    cv2.fillPoly(mask, [polygon], 1.0)
    return mask


def with_outline(pose: Pose, back_up: bool, hollow_l: float) -> Pose:
    """The pose with a drawn segmentation mask: its back hollowed `hollow_l` torso lengths."""
    return replace(pose, mask=mask_of(pose, back_up, hollow_l))


# -- tracks ------------------------------------------------------------------------------


def keyframed(keys: Sequence[tuple[float, FloorFigure]]) -> Callable[[float], Pose]:
    """A pose function through (time, figure) keys, blended linearly between them."""

    def pose_at(t: float) -> Pose:
        for (t0, a), (t1, b) in zip(keys, keys[1:], strict=False):
            if t < t1:
                return blend_floor(a, b, piecewise(t, [(t0, 0.0), (t1, 1.0)])).pose()
        return keys[-1][1].pose()

    return pose_at


@functools.cache
def bridge_holds(
    holds: int = 3,
    hold_s: float = 25.0,
    hips_above_line_deg: float = 0.0,
    facing: int = 1,
    rest_s: float = 3.0,
) -> Scenario:
    """Lie `rest_s`, lift over 1 s, hold `hold_s` at `hips_above_line_deg`, lower, repeat."""
    low, top = supine(facing), bridge(facing, hips_above_line_deg)
    keys, t, windows = [(0.0, low)], rest_s, []
    for _ in range(holds):
        keys += [(t, low), (t + 1.0, top), (t + 1.0 + hold_s, top), (t + 2.0 + hold_s, low)]
        windows.append((t + 1.0, t + 1.0 + hold_s))
        t += 2.0 + hold_s + rest_s
    keys.append((t, low))
    return Scenario(make_track(keyframed(keys), t), {"holds": windows})


@functools.cache
def alternating_reaches(
    exercise: str,
    reps_per_side: int = 3,
    facing: int = 1,
    first: str = "left",
    leg: Limb | None = None,
    period_s: float = 3.0,
) -> Scenario:
    """Bird-dog or dead-bug reps: rest, reach one leg out over 1 s, hold 0.5 s, back, alternate.

    `leg` replaces the reaching leg (e.g. lifted above the hip).
    """
    rest = quadruped(facing) if exercise == "bird-dog" else table_top(facing)
    reach = bird_dog if exercise == "bird-dog" else dead_bug
    sides = [first if k % 2 == 0 else other(first) for k in range(2 * reps_per_side)]
    keys, windows = [(0.0, rest)], []
    for k, side in enumerate(sides):
        t = 1.0 + k * period_s
        out = reach(facing, side) if leg is None else reach(facing, side, leg=leg)
        keys += [(t, rest), (t + 1.0, out), (t + 1.5, out), (t + 2.5, rest)]
        windows.append((t, t + 2.5))
    end = 1.0 + len(sides) * period_s + 1.0
    keys.append((end, rest))
    return Scenario(make_track(keyframed(keys), end), {"sides": sides, "rep_windows": windows})
