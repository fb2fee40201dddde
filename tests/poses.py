"""Stick figures with known angles, and landmark tracks made from them.

A `SideFigure` is a person seen from the side, built joint by joint from
segment inclinations written in formcoach.core.geometry's conventions, so the
knee angles, shin and trunk inclinations and hip flexions a checker should
read are known by construction (`SideFigure.expected`). `front_pose` is a
person facing the camera. `make_track` turns a function of time into a
`PoseTrack`; `swap_labels` reproduces MediaPipe's left/right label swaps.

Segment lengths are those of an adult filling most of a 720 px frame:
torso 200 px, thigh 180 px, shin 170 px.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from formcoach.core.landmarks import NUM_LANDMARKS
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose, PoseFrame, PoseTrack
from formcoach.core.view import HIP_WIDTH_FACE_ON, SHOULDER_WIDTH_FACE_ON

FRAME_W, FRAME_H = 1280, 720
FPS = 30.0
FLOOR_Y = 690.0

TORSO = 200.0  # mid-hip to mid-shoulder
THIGH = 180.0
SHIN = 170.0
NECK = 55.0  # mid-shoulder to the ears
FOOT = 85.0  # ankle to toe
HEEL = 20.0  # ankle to heel, along the foot

PX_PER_M = 400.0  # world landmarks: torso 200 px ~ 0.5 m
NEAR_VISIBILITY = 0.95
FAR_ARM_VISIBILITY = 0.3

PAIRED = (
    "eye_inner",
    "eye",
    "eye_outer",
    "ear",
    "shoulder",
    "elbow",
    "wrist",
    "pinky",
    "index",
    "thumb",
    "hip",
    "knee",
    "ankle",
    "heel",
    "foot_index",
)


def _lm(side: str, joint: str) -> L:
    return L[f"{side.upper()}_{joint.upper()}"]


@dataclass(frozen=True)
class Leg:
    """One leg, as two segment inclinations (geometry.py's convention, degrees).

    `thigh_deg` is knee->hip from the vertical, + = hip ahead of the knee;
    `shin_deg` is ankle->knee from the vertical, + = knee ahead of the ankle.
    A straight leg has equal values; a thigh reaching forward is negative
    (the hip is behind the knee); a kneeling shin lying back is near +90.
    """

    thigh_deg: float
    shin_deg: float

    @property
    def knee_angle_deg(self) -> float:
        """The hip-knee-ankle included angle this leg must read as."""
        return 180.0 - abs(self.shin_deg - self.thigh_deg)


STRAIGHT = Leg(0.0, 0.0)


@dataclass(frozen=True)
class SideFigure:
    """A side-on person with known segment angles.

    `facing` is +1 (image right) or -1 (image left); the near side is the
    person's right when they face image right. `hip` is mid-hip in pixels;
    with `floor_y` set its y is replaced so the lowest leg point rests on that
    line. `trunk_deg` is the signed trunk inclination (+ = leaning toward
    `facing`). `front`/`back` are the legs by role, `front_label` says which
    anatomical leg is in front. `yaw_from_side_deg` turns the body toward the
    camera: left and right landmarks are spread so that view.py's width
    estimate reads exactly this yaw (the spread is the same for shoulders and
    hips, so each side's trunk line stays parallel to the mid line). With
    `world` the pose also carries world landmarks (metres, mid-hip at 0)
    whose shoulder and hip lines are turned `yaw_from_side_deg` from the
    camera's depth axis, as MediaPipe's 3D estimate would have them.
    """

    facing: int = 1
    hip: tuple[float, float] = (640.0, 420.0)
    trunk_deg: float = 0.0
    front: Leg = STRAIGHT
    back: Leg = STRAIGHT
    front_label: str = "right"
    yaw_from_side_deg: float = 5.0
    scale: float = 1.0
    floor_y: float | None = FLOOR_Y
    far_leg_visibility: float = 0.8
    visibility: dict[L, float] = field(default_factory=dict)  # overrides
    world: bool = False  # also build MediaPipe-style world landmarks (metres, hips at 0)

    # -- what the figure means --------------------------------------------
    @property
    def back_label(self) -> str:
        return "left" if self.front_label == "right" else "right"

    @property
    def near_label(self) -> str:
        return "right" if self.facing > 0 else "left"

    @property
    def far_label(self) -> str:
        return "left" if self.facing > 0 else "right"

    def leg(self, label: str) -> Leg:
        return self.front if label == self.front_label else self.back

    def hip_flexion_deg(self, leg: Leg) -> float:
        """Signed hip flexion: the thigh ahead of the trunk line is +."""
        return self.trunk_deg - leg.thigh_deg

    @property
    def expected(self) -> dict[str, float]:
        """The split-stance measures a checker must read on this figure (degrees)."""
        return {
            "front_knee_angle_deg": self.front.knee_angle_deg,
            "back_knee_angle_deg": self.back.knee_angle_deg,
            "front_hip_flexion_deg": self.hip_flexion_deg(self.front),
            "back_hip_flexion_deg": self.hip_flexion_deg(self.back),
            "front_shin_inclination_deg": self.front.shin_deg,
            "back_shin_inclination_deg": self.back.shin_deg,
            "trunk_inclination_deg": self.trunk_deg,
        }

    @property
    def side_spread_px(self) -> float:
        """Distance between left and right shoulders (and hips) in the image."""
        frontness = math.sin(math.radians(self.yaw_from_side_deg))
        per_torso = 2.0 * frontness / (1.0 / SHOULDER_WIDTH_FACE_ON + 1.0 / HIP_WIDTH_FACE_ON)
        return per_torso * TORSO * self.scale

    # -- building -----------------------------------------------------------
    def pose(self) -> Pose:
        xy = self._points()
        if self.floor_y is not None:
            leg_points = [
                _lm(s, j)
                for s in ("left", "right")
                for j in ("knee", "ankle", "heel", "foot_index")
            ]
            xy[:, 1] += self.floor_y - xy[leg_points, 1].max()
        world = self._world(xy) if self.world else None
        return Pose(xy=xy, visibility=self._visibility(), world=world)

    def _world(self, xy: np.ndarray) -> np.ndarray:
        mid_hip = (xy[L.LEFT_HIP] + xy[L.RIGHT_HIP]) / 2.0
        world = np.zeros((NUM_LANDMARKS, 3))
        world[:, :2] = (xy - mid_hip) / PX_PER_M
        yaw = math.radians(self.yaw_from_side_deg)
        torso_m = TORSO * self.scale / PX_PER_M
        for joint in PAIRED:
            width = (
                SHOULDER_WIDTH_FACE_ON
                if joint in ("shoulder", "elbow", "wrist")
                else HIP_WIDTH_FACE_ON
            ) * torso_m
            left, right = _lm("left", joint), _lm("right", joint)
            centre = (world[left, 0] + world[right, 0]) / 2.0
            for landmark, sign in ((left, -1.0), (right, 1.0)):
                world[landmark, 0] = centre + sign * width / 2.0 * math.sin(yaw)
                world[landmark, 2] = sign * width / 2.0 * math.cos(yaw) * self.facing
        return world

    def _points(self) -> np.ndarray:
        f, s = self.facing, self.scale
        xy = np.zeros((NUM_LANDMARKS, 2))
        mid_hip = np.array(self.hip, dtype=float)

        def down(incl: float, length: float) -> np.ndarray:
            """From the upper to the lower end of a segment of inclination `incl`."""
            r = math.radians(incl)
            return length * s * np.array([-f * math.sin(r), math.cos(r)])

        trunk_up = -down(self.trunk_deg, TORSO)
        spread = self.side_spread_px
        for label in ("left", "right"):
            offset = np.array([spread / 2.0 if label == "right" else -spread / 2.0, 0.0])
            hip = mid_hip + offset
            shoulder = hip + trunk_up
            xy[_lm(label, "hip")] = hip
            xy[_lm(label, "shoulder")] = shoulder
            self._leg_points(xy, label, hip, down)
            self._arm_points(xy, label, shoulder)
        self._head_points(xy, mid_hip + trunk_up, trunk_up / np.linalg.norm(trunk_up), spread)
        return xy

    def _leg_points(self, xy: np.ndarray, label: str, hip: np.ndarray, down) -> None:
        leg = self.leg(label)
        knee = hip + down(leg.thigh_deg, THIGH)
        ankle = knee + down(leg.shin_deg, SHIN)
        up_shin = (knee - ankle) / np.linalg.norm(knee - ankle)
        # The foot leaves the ankle at a right angle to the shin, toward the
        # facing direction: flat on the floor under a vertical shin, toes
        # tucked under a kneeling one.
        foot_dir = self.facing * np.array([-up_shin[1], up_shin[0]])
        sole = ankle - 0.15 * SHIN * self.scale * up_shin
        xy[_lm(label, "knee")] = knee
        xy[_lm(label, "ankle")] = ankle
        xy[_lm(label, "heel")] = sole - HEEL * self.scale * foot_dir
        xy[_lm(label, "foot_index")] = sole + FOOT * self.scale * foot_dir

    def _arm_points(self, xy: np.ndarray, label: str, shoulder: np.ndarray) -> None:
        f, s = self.facing, self.scale
        elbow = shoulder + s * np.array([f * 10.0, 110.0])
        wrist = elbow + s * np.array([f * 25.0, 95.0])
        xy[_lm(label, "elbow")] = elbow
        xy[_lm(label, "wrist")] = wrist
        xy[_lm(label, "pinky")] = wrist + s * np.array([f * 8.0, 18.0])
        xy[_lm(label, "index")] = wrist + s * np.array([f * 14.0, 16.0])
        xy[_lm(label, "thumb")] = wrist + s * np.array([f * 12.0, 8.0])

    def _head_points(
        self, xy: np.ndarray, shoulders: np.ndarray, up: np.ndarray, spread: float
    ) -> None:
        f, s = self.facing, self.scale
        ahead = f * np.array([-up[1], up[0]])  # square to the trunk, toward `facing`
        ears = shoulders + NECK * s * up
        for label in ("left", "right"):
            dx = np.array([spread / 2.0 if label == "right" else -spread / 2.0, 0.0])
            xy[_lm(label, "ear")] = ears + dx
            eye = ears + dx + s * (16.0 * ahead + 6.0 * up)
            xy[_lm(label, "eye")] = eye
            xy[_lm(label, "eye_inner")] = eye + s * 3.0 * ahead
            xy[_lm(label, "eye_outer")] = eye - s * 3.0 * ahead
        xy[L.NOSE] = ears + s * (24.0 * ahead - 4.0 * up)
        xy[L.MOUTH_LEFT] = ears + s * (18.0 * ahead - 14.0 * up) - [spread / 4.0, 0.0]
        xy[L.MOUTH_RIGHT] = ears + s * (18.0 * ahead - 14.0 * up) + [spread / 4.0, 0.0]

    def _visibility(self) -> np.ndarray:
        vis = np.full(NUM_LANDMARKS, NEAR_VISIBILITY)
        far = self.far_label
        for joint in ("shoulder", "hip"):
            vis[_lm(far, joint)] = 0.99  # MediaPipe keeps these high even when hidden
        for joint in ("knee", "ankle", "heel", "foot_index"):
            vis[_lm(far, joint)] = self.far_leg_visibility
        for joint in ("elbow", "wrist", "pinky", "index", "thumb", "ear", "eye_outer"):
            vis[_lm(far, joint)] = FAR_ARM_VISIBILITY
        for landmark, value in self.visibility.items():
            vis[landmark] = value
        return vis


# -- figures used across the tests ---------------------------------------------

KNEELING_FRONT = Leg(thigh_deg=-85.0, shin_deg=5.0)  # knee 90 deg, over the ankle
KNEELING_BACK = Leg(thigh_deg=10.0, shin_deg=110.0)  # knee down, toes tucked
LUNGE_FRONT_TOP, LUNGE_BACK_TOP = Leg(-15.0, -15.0), Leg(15.0, 15.0)  # split, legs straight
LUNGE_FRONT_BOTTOM, LUNGE_BACK_BOTTOM = Leg(-80.0, 5.0), Leg(10.0, 85.0)  # knees 95 and 105


def kneeling(facing: int = 1, kneeling_label: str = "left", **changes) -> SideFigure:
    """A half-kneeling stretch in good form: trunk 5 deg forward, back hip extended 5 deg."""
    front_label = "right" if kneeling_label == "left" else "left"
    base = SideFigure(
        facing=facing,
        trunk_deg=5.0,
        front=KNEELING_FRONT,
        back=KNEELING_BACK,
        front_label=front_label,
    )
    return replace(base, **changes)


def standing(facing: int = 1, **changes) -> SideFigure:
    return replace(SideFigure(facing=facing), **changes)


def lunge(depth: float, facing: int = 1, front_label: str = "right", **changes) -> SideFigure:
    """A lunge `depth` of the way down: 0 split stance with straight legs, 1 at the bottom.

    The straighter (back) knee reads 180 - 75 * depth degrees, the front
    knee 180 - 85 * depth.
    """
    base = SideFigure(
        facing=facing,
        trunk_deg=5.0,
        front=blend_leg(LUNGE_FRONT_TOP, LUNGE_FRONT_BOTTOM, depth),
        back=blend_leg(LUNGE_BACK_TOP, LUNGE_BACK_BOTTOM, depth),
        front_label=front_label,
    )
    return replace(base, **changes)


def lunge_straighter_knee_deg(depth: float) -> float:
    return 180.0 - 75.0 * depth


def blend_leg(a: Leg, b: Leg, u: float) -> Leg:
    return Leg(
        a.thigh_deg + (b.thigh_deg - a.thigh_deg) * u, a.shin_deg + (b.shin_deg - a.shin_deg) * u
    )


def blend(a: SideFigure, b: SideFigure, u: float) -> SideFigure:
    """A figure `u` of the way from `a` to `b` (angles and hip position; labels from `b`)."""
    u = min(1.0, max(0.0, u))
    return replace(
        b,
        hip=(a.hip[0] + (b.hip[0] - a.hip[0]) * u, a.hip[1] + (b.hip[1] - a.hip[1]) * u),
        trunk_deg=a.trunk_deg + (b.trunk_deg - a.trunk_deg) * u,
        front=blend_leg(a.leg(b.front_label), b.front, u),
        back=blend_leg(a.leg(b.back_label), b.back, u),
    )


def front_pose(
    center_x: float = 640.0, hip_y: float = 420.0, scale: float = 1.0, world: bool = False
) -> Pose:
    """A person standing face-on to the camera, arms by the sides, feet toward the camera."""
    s = scale
    xy = np.zeros((NUM_LANDMARKS, 2))
    shoulder_half = SHOULDER_WIDTH_FACE_ON * TORSO * s / 2.0
    hip_half = HIP_WIDTH_FACE_ON * TORSO * s / 2.0
    shoulder_y = hip_y - TORSO * s
    for label, sign in (("left", 1.0), ("right", -1.0)):  # the person's left is image right
        hip = np.array([center_x + sign * hip_half, hip_y])
        shoulder = np.array([center_x + sign * shoulder_half, shoulder_y])
        knee = hip + [0.0, THIGH * s]
        ankle = knee + [0.0, SHIN * s]
        elbow = shoulder + [sign * 15.0 * s, 110.0 * s]
        wrist = elbow + [sign * 5.0 * s, 95.0 * s]
        points = {
            "hip": hip,
            "shoulder": shoulder,
            "knee": knee,
            "ankle": ankle,
            "heel": ankle + [0.0, 15.0 * s],
            "foot_index": ankle + [sign * 8.0 * s, 35.0 * s],
            "elbow": elbow,
            "wrist": wrist,
            "pinky": wrist + [sign * 4.0 * s, 18.0 * s],
            "index": wrist + [sign * 2.0 * s, 20.0 * s],
            "thumb": wrist + [-sign * 4.0 * s, 12.0 * s],
            "ear": [center_x + sign * 38.0 * s, shoulder_y - NECK * s],
            "eye": [center_x + sign * 20.0 * s, shoulder_y - NECK * s - 8.0 * s],
            "eye_inner": [center_x + sign * 12.0 * s, shoulder_y - NECK * s - 8.0 * s],
            "eye_outer": [center_x + sign * 28.0 * s, shoulder_y - NECK * s - 8.0 * s],
        }
        for joint, point in points.items():
            xy[_lm(label, joint)] = point
    xy[L.NOSE] = [center_x, shoulder_y - NECK * s + 5.0 * s]
    xy[L.MOUTH_LEFT] = [center_x + 10.0 * s, shoulder_y - NECK * s + 18.0 * s]
    xy[L.MOUTH_RIGHT] = [center_x - 10.0 * s, shoulder_y - NECK * s + 18.0 * s]
    world_xy = None
    if world:
        world_xy = np.zeros((NUM_LANDMARKS, 3))
        world_xy[:, :2] = (xy - [center_x, hip_y]) / PX_PER_M
    return Pose(xy=xy, visibility=np.full(NUM_LANDMARKS, NEAR_VISIBILITY), world=world_xy)


# -- editing poses -----------------------------------------------------------------


def swap_labels(pose: Pose, joints: Sequence[str] = PAIRED) -> Pose:
    """The pose with the left and right labels of `joints` exchanged (MediaPipe's swaps)."""
    xy, vis = pose.xy.copy(), pose.visibility.copy()
    world = None if pose.world is None else pose.world.copy()
    for joint in joints:
        a, b = _lm("left", joint), _lm("right", joint)
        xy[[a, b]] = xy[[b, a]]
        vis[[a, b]] = vis[[b, a]]
        if world is not None:
            world[[a, b]] = world[[b, a]]
    return Pose(xy=xy, visibility=vis, world=world)


def moved(pose: Pose, points: dict[L, Sequence[float]]) -> Pose:
    """The pose with some landmarks at new pixel positions."""
    xy = pose.xy.copy()
    for landmark, point in points.items():
        xy[landmark] = point
    return pose.with_xy(xy)


def shifted(pose: Pose, dx: float, dy: float = 0.0) -> Pose:
    return pose.with_xy(pose.xy + [dx, dy])


# -- segmentation masks --------------------------------------------------------------

MASK_LIMBS = (
    (L.LEFT_SHOULDER, L.LEFT_HIP),
    (L.RIGHT_SHOULDER, L.RIGHT_HIP),
    (L.LEFT_HIP, L.LEFT_KNEE),
    (L.LEFT_KNEE, L.LEFT_ANKLE),
    (L.RIGHT_HIP, L.RIGHT_KNEE),
    (L.RIGHT_KNEE, L.RIGHT_ANKLE),
)


def body_mask(pose: Pose, scale: float = 0.5) -> np.ndarray:
    """A mask drawn along the figure's trunk and legs (limbs 0.3 torso lengths thick)."""
    mask = np.zeros((round(FRAME_H * scale), round(FRAME_W * scale)), np.float32)
    thick = max(1, round(0.3 * TORSO * scale))
    for a, b in MASK_LIMBS:
        pa, pb = (tuple(int(v) for v in pose.xy[j] * scale) for j in (a, b))
        cv2.line(mask, pa, pb, 1.0, thick)
    return mask


def with_mask(pose: Pose, mask_from: Pose, scale: float = 0.5) -> Pose:
    return replace(pose, mask=body_mask(mask_from, scale), mask_scale=scale)


# -- tracks over time ------------------------------------------------------------------


def piecewise(t: float, knots: Sequence[tuple[float, float]]) -> float:
    """Linear interpolation through (time, value) knots, constant beyond the ends."""
    times, values = zip(*knots, strict=True)
    return float(np.interp(t, times, values))


def make_track(
    pose_at: Callable[[float], Pose | None],
    duration_s: float,
    fps: float = FPS,
    width: int = FRAME_W,
    height: int = FRAME_H,
) -> PoseTrack:
    """Frames at `fps` from t = 0 for `duration_s`, each with `pose_at(t)`."""
    count = int(round(duration_s * fps))
    frames = tuple(
        PoseFrame(index=i, time_s=i / fps, width=width, height=height, pose=pose_at(i / fps))
        for i in range(count)
    )
    return PoseTrack(frames=frames, fps=fps)


def with_swapped_frames(
    track: PoseTrack, indices: Iterable[int], joints: Sequence[str] = PAIRED
) -> PoseTrack:
    """The track with left/right labels swapped on the frames at `indices`."""
    chosen = set(indices)
    frames = tuple(
        replace(fr, pose=swap_labels(fr.pose, joints))
        if fr.index in chosen and fr.pose is not None
        else fr
        for fr in track.frames
    )
    return PoseTrack(frames=frames, fps=track.fps)


def runs_every(period: int, run: int, count: int, first: int = 0) -> list[int]:
    """Frame indices in runs of `run` frames, one run every `period` frames."""
    return [i for i in range(first, count) if (i - first) % period < run]


# -- scenarios ---------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """A track and the truth it was built with."""

    track: PoseTrack
    truth: dict[str, object]


@functools.cache  # tracks are immutable: scenarios built with the same arguments are shared
def kneeling_hold(
    hold_s: float = 40.0,
    facing: int = -1,
    kneeling_label: str = "left",
    trunk_at: Callable[[float], float] | None = None,
    settle_s: float = 2.0,
    move_s: float = 0.5,
) -> Scenario:
    """Stand `settle_s`, kneel down over `move_s`, hold `hold_s`, stand up, stand `settle_s`.

    The default films the stretch from the subject's left (facing image
    left, the kneeling left leg nearest the camera). `trunk_at(t)` replaces
    the trunk inclination (e.g. for an arch episode).
    """
    stand = standing(facing, front_label="right" if kneeling_label == "left" else "left")
    kneel = kneeling(facing, kneeling_label)
    down, up = settle_s, settle_s + move_s + hold_s

    def pose_at(t: float) -> Pose:
        u = piecewise(t, [(down, 0.0), (down + move_s, 1.0), (up, 1.0), (up + move_s, 0.0)])
        figure = blend(stand, kneel, u)
        if trunk_at is not None:
            figure = replace(figure, trunk_deg=trunk_at(t))
        return figure.pose()

    truth = {"hold": (down + move_s, up), "side": kneeling_label}
    return Scenario(make_track(pose_at, up + move_s + settle_s), truth)


@functools.cache
def alternating_lunges(
    reps_per_leg: int = 3,
    facing: int = 1,
    first_label: str = "left",
    depth: float = 1.0,
    trunk_at_bottom_deg: float = 5.0,
    period_s: float = 3.0,
) -> Scenario:
    """Lunges alternating legs: feet together, step out, down to `depth`, up, step back.

    Rep k (from 0) takes [k * period_s, (k + 1) * period_s) with the front
    leg `first_label` on even k. The trunk leans to `trunk_at_bottom_deg` in
    proportion to depth.
    """
    other = "right" if first_label == "left" else "left"
    labels = [first_label if k % 2 == 0 else other for k in range(2 * reps_per_leg)]
    together = standing(facing, yaw_from_side_deg=5.0)

    def pose_at(t: float) -> Pose:
        k = min(int(t // period_s), len(labels) - 1)
        phase = (t - k * period_s) / period_s
        step = piecewise(phase, [(0.13, 0.0), (0.27, 1.0), (0.8, 1.0), (0.93, 0.0)])
        down = piecewise(phase, [(0.27, 0.0), (0.53, 1.0), (0.8, 0.0)])
        down = 0.5 - 0.5 * math.cos(math.pi * down)  # ease in and out
        split = lunge(0.0, facing, front_label=labels[k])
        figure = blend(together, split, step)
        if down > 0.0:
            figure = lunge(
                depth * down,
                facing,
                front_label=labels[k],
                trunk_deg=5.0 + (trunk_at_bottom_deg - 5.0) * down,
            )
        return figure.pose()

    truth = {
        "sides": labels,
        "rep_windows": [(k * period_s, (k + 1) * period_s) for k in range(len(labels))],
    }
    return Scenario(make_track(pose_at, period_s * len(labels)), truth)


def run_coach(track: PoseTrack, exercise: str):
    """Run a fresh coaching session over `track`: (session record, per-frame results)."""
    from formcoach.coaching.session import CoachSession
    from formcoach.exercises.registry import make_checker

    session = CoachSession(make_checker(exercise))
    results = [session.process(frame) for frame in track]
    return session.finish(), results


# -- standing on one leg, staggered stances (march, leg swing, standing and table stretches) --

STAGGERED_FRONT = Leg(thigh_deg=-35.0, shin_deg=10.0)  # front knee 135, lunging forward
STAGGERED_BACK = Leg(thigh_deg=25.0, shin_deg=25.0)  # straight, the hip extended 25 deg
TABLE_STANDING = Leg(thigh_deg=-5.0, shin_deg=5.0)  # standing knee slightly bent (170)
TABLE_LEG = Leg(thigh_deg=80.0, shin_deg=80.0)  # straight, lying back on the table


def staggered_stance(facing: int = 1, back_label: str = "left", **changes) -> SideFigure:
    """A standing hip flexor stretch in good form: trunk upright, back leg straight."""
    base = SideFigure(
        facing=facing,
        front=STAGGERED_FRONT,
        back=STAGGERED_BACK,
        front_label="right" if back_label == "left" else "left",
    )
    return replace(base, **changes)


def table_stretch(facing: int = 1, table_label: str = "left", **changes) -> SideFigure:
    """A table psoas stretch in good form: upright, the leg on the table straight."""
    base = SideFigure(
        facing=facing,
        front=TABLE_STANDING,
        back=TABLE_LEG,
        front_label="right" if table_label == "left" else "left",
    )
    return replace(base, **changes)


def one_leg(moving: Leg, facing: int = 1, moving_label: str = "left", **changes) -> SideFigure:
    """Standing on one straight leg, the other (`moving_label`) placed as `moving`."""
    base = SideFigure(facing=facing, front=moving, back=STRAIGHT, front_label=moving_label)
    return replace(base, **changes)


def lifted_thigh(below_horizontal_deg: float, knee_deg: float = 90.0) -> Leg:
    """A thigh lifted forward to `below_horizontal_deg` under horizontal (0: knee at hip
    height, 90: hanging), the knee bent to `knee_deg`."""
    thigh = below_horizontal_deg - 90.0
    return Leg(thigh, thigh + 180.0 - knee_deg)


def swung_leg(forward_deg: float) -> Leg:
    """A straight leg swung `forward_deg` ahead of vertical (negative: behind)."""
    return Leg(-forward_deg, -forward_deg)


@functools.cache
def marching(
    lifts: tuple[tuple[str, float], ...] = (("left", 2.0), ("right", 2.0)),
    facing: int = 1,
    top_below_horizontal_deg: float = 0.0,
    trunk_at_top_deg: float = 0.0,
    move_s: float = 0.6,
    rest_s: float = 1.0,
) -> Scenario:
    """Stand `rest_s`; then for each (leg, pause): lift that knee over `move_s` to the
    top, hold it `pause` s, lower it over `move_s`, stand `rest_s`.

    The trunk leans to `trunk_at_top_deg` in proportion to the lift.
    """
    windows, t = [], rest_s
    for _, pause in lifts:
        windows.append((t, t + 2 * move_s + pause))
        t += 2 * move_s + pause + rest_s

    def pose_at(t: float) -> Pose:
        for (label, _), (start, end) in zip(lifts, windows, strict=True):
            if start <= t < end:
                u = piecewise(
                    t, [(start, 0.0), (start + move_s, 1.0), (end - move_s, 1.0), (end, 0.0)]
                )
                u = 0.5 - 0.5 * math.cos(math.pi * u)  # ease in and out
                below = 90.0 + (top_below_horizontal_deg - 90.0) * u
                thigh = lifted_thigh(below, knee_deg=180.0 - 90.0 * u)
                return one_leg(thigh, facing, label, trunk_deg=trunk_at_top_deg * u).pose()
        return standing(facing).pose()

    truth = {"sides": [label for label, _ in lifts], "windows": windows}
    return Scenario(make_track(pose_at, t), truth)


@functools.cache
def leg_swings(
    sides: tuple[str, ...] = ("left", "right"),
    swings_per_side: int = 4,
    facing: int = 1,
    front_deg: float = 55.0,
    back_deg: float = -28.0,
    period_s: float = 1.1,
    trunk_rock_deg: float = 1.5,
    rest_s: float = 1.0,
) -> Scenario:
    """For each side: stand `rest_s`, then swing that leg `swings_per_side` times from
    the back end (`back_deg`) to the front (`front_deg`) and back, `period_s` a swing,
    the trunk leaning back by `trunk_rock_deg` as the leg goes forward (and forward as
    it goes back); then stand.

    The hip flexion a swing reads runs from `back_deg + trunk_rock_deg` to
    `front_deg - trunk_rock_deg`.
    """
    mid, amp = (front_deg + back_deg) / 2.0, (front_deg - back_deg) / 2.0
    # ease from standing to the back end over half a swing, then swing, then stand again
    side_s = rest_s + period_s * (swings_per_side + 1)

    def pose_at(t: float) -> Pose:
        k = min(int(t // side_s), len(sides) - 1)
        local = t - k * side_s - rest_s
        if local < 0.0 or local > period_s * (swings_per_side + 1):
            return standing(facing).pose()
        if local < period_s / 2.0:
            forward = back_deg * local / (period_s / 2.0)
        elif local <= period_s * (swings_per_side + 0.5):
            phase = 2.0 * math.pi * (local - period_s / 2.0) / period_s
            forward = mid - amp * math.cos(phase)
        else:
            back_to_rest = (local - period_s * (swings_per_side + 0.5)) / (period_s / 2.0)
            forward = back_deg * (1.0 - back_to_rest)
        trunk = -trunk_rock_deg * (forward - mid) / amp
        return one_leg(swung_leg(forward), facing, sides[k], trunk_deg=trunk).pose()

    truth = {
        "sides": list(sides),
        "hip_range_deg": (front_deg - trunk_rock_deg) - (back_deg + trunk_rock_deg),
        "trunk_travel_deg": 2.0 * trunk_rock_deg,
    }
    return Scenario(make_track(pose_at, side_s * len(sides)), truth)


def stretch_hold(
    stance: SideFigure, hold_s: float = 35.0, settle_s: float = 2.0, move_s: float = 0.5
) -> Scenario:
    """Stand `settle_s`, move into `stance` over `move_s`, hold it `hold_s`, stand up,
    stand `settle_s`. The side truth is the stance's back leg (the stretched one)."""
    stand = standing(stance.facing, front_label=stance.front_label)
    into, out = settle_s, settle_s + move_s + hold_s

    def pose_at(t: float) -> Pose:
        u = piecewise(t, [(into, 0.0), (into + move_s, 1.0), (out, 1.0), (out + move_s, 0.0)])
        return blend(stand, stance, u).pose()

    truth = {"hold": (into + move_s, out), "side": stance.back_label}
    return Scenario(make_track(pose_at, out + move_s + settle_s), truth)
