"""A pose as a few named numbers, and its solution into bone rotations and a placement.

Sagittal angles are measured in the person's own side view, in degrees:

- ``tilt``: pelvic tilt, + anterior (top of the pelvis forward), relative to the rig's rest.
- ``trunk``: chest pitch, + leaning forward; ``thor`` rounds the upper back (+ flexion).
  The lumbar spine takes up the difference: lumbar extension = tilt + thor - trunk.
- ``base``: the posture's pitch added to pelvis and trunk (0 upright, -90 lying on the
  back with the head behind, +90 trunk horizontal face down).
- legs (world, not base-relative): ``thigh`` = hip->knee from straight down, + knee
  forward; ``shin`` = knee->ankle from straight down, + knee ahead of the ankle;
  ``foot`` = toes-up angle from flat; ``toes`` = toe bend up relative to the foot;
  ``abd`` = leg swung out sideways. A leg with ``ik_u``/``ik_h`` set reaches its ankle
  pivot to that point (knee bending forward) instead of using thigh/shin.
- arms (relative to the chest): ``flex`` forward from hanging, ``abd`` out to the side,
  ``elbow`` flexion (0 straight).

Positions: ``u`` forward along the scenario's facing axis, ``w`` toward the person's
left, ``h`` the hip-mid pivot height (NaN: lowered until the body rests on the floor).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np

from .body import LUMBAR_BONES, NECK_BONES, Body, frame_from, rot_axis, rot_x, rot_y, rot_z

NAN = float("nan")
SIDES = ("l", "r")


@dataclass
class Pose:
    u: float = 0.0
    w: float = 0.0
    h: float = NAN
    yaw: float = 0.0
    base: float = 0.0
    tilt: float = 0.0
    trunk: float = 0.0
    thor: float = 0.0
    head: float = 0.0
    l_thigh: float = 0.0
    l_shin: float = 0.0
    l_foot: float = 0.0
    l_toes: float = 0.0
    l_abd: float = 0.0
    l_ik_u: float = NAN
    l_ik_h: float = NAN
    r_thigh: float = 0.0
    r_shin: float = 0.0
    r_foot: float = 0.0
    r_toes: float = 0.0
    r_abd: float = 0.0
    r_ik_u: float = NAN
    r_ik_h: float = NAN
    la_flex: float = 0.0
    la_abd: float = 8.0
    la_elbow: float = 10.0
    ra_flex: float = 0.0
    ra_abd: float = 8.0
    ra_elbow: float = 10.0

    def replace(self, **kw) -> Pose:
        return dataclasses.replace(self, **kw)

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, f.name) for f in dataclasses.fields(self)], float)

    @classmethod
    def from_array(cls, a: np.ndarray) -> Pose:
        return cls(*[float(x) for x in a])


POSE_FIELDS = [f.name for f in dataclasses.fields(Pose)]


@dataclass(frozen=True)
class BodyDims:
    """Rest measurements of one body used to plan motions (metres, degrees)."""

    thigh: float
    shank: float
    thigh0: float
    shin0: float
    ankle_h: float
    hip_h: float
    knee_floor: float
    torso: float
    hip_offset: np.ndarray = field(repr=False)  # left hip pivot relative to the root, rest
    foot_len: float = 0.25
    arm_upper: float = 0.28
    arm_fore: float = 0.33
    hip_lie: float = 0.11  # hip pivot above the floor lying on the back
    sh_lie: float = 0.10  # shoulder pivot above the floor lying on the back


def _sag(v: np.ndarray) -> np.ndarray:
    """(u, h) sagittal coordinates of a model-space vector: u = -y (forward), h = z."""
    return np.array([-v[1], v[2]])


def measure(body: Body) -> BodyDims:
    hip, knee, ankle = body.head("upperleg01.L"), body.head("lowerleg01.L"), body.head("foot.L")
    t, s = _sag(knee - hip), _sag(ankle - knee)
    thigh0 = math.degrees(math.atan2(t[0], -t[1]))
    shin0 = math.degrees(math.atan2(-s[0], -s[1]))
    v = body.rest_vertices
    shoe = body.vertex_region == "shoe"
    ankle_h = float(ankle[2] - v[shoe, 2].min())
    hip_h = float(-v[:, 2].min())
    sh = 0.5 * (body.head("upperarm01.L") + body.head("upperarm01.R"))
    torso = float(
        np.linalg.norm(sh[1:] - 0.5 * (body.head("upperleg01.L") + body.head("upperleg01.R"))[1:])
    )
    # knee pivot height above the floor when kneeling on a horizontal shin
    dims0 = BodyDims(
        float(np.linalg.norm(t)),
        float(np.linalg.norm(s)),
        thigh0,
        shin0,
        ankle_h,
        hip_h,
        0.0,
        torso,
        hip,
    )
    p = Pose(h=0.0, l_thigh=0.0, l_shin=90.0, l_foot=-170.0, r_thigh=0.0)
    rot, _ = solve_rotations(body, dims0, p)
    posed = body.pose(rot)
    knee_now = posed.bone_heads["lowerleg01.L"]
    legs = (body.vertex_region == "legs") & (v[:, 0] > 0.05)
    knee_floor = float(knee_now[2] - posed.vertices[legs, 2].min())
    toe = body.head("toe3-1.L")
    foot_len = float(np.linalg.norm(_sag(toe - ankle)) + 0.05)
    arm_upper = float(np.linalg.norm(body.rest_segment("upperarm01.L", "lowerarm01.L")))
    arm_fore = float(np.linalg.norm(body.rest_segment("lowerarm01.L", "wrist.L"))) + 0.07
    supine = Pose(
        h=0.0,
        base=-90.0,
        l_thigh=90.0,
        l_shin=-90.0,
        r_thigh=90.0,
        r_shin=-90.0,
        l_foot=90.0,
        r_foot=90.0,
    )
    rot, _ = solve_rotations(body, dims0, supine)
    posed = body.pose(rot)
    trunk = np.isin(body.vertex_region, ["shirt", "legs"])
    low = float(posed.vertices[trunk, 2].min())
    sh_z = 0.5 * (posed.bone_heads["upperarm01.L"][2] + posed.bone_heads["upperarm01.R"][2])
    return dataclasses.replace(
        dims0,
        knee_floor=knee_floor,
        foot_len=foot_len,
        arm_upper=arm_upper,
        arm_fore=arm_fore,
        hip_lie=-low,
        sh_lie=float(sh_z - low),
    )


def arm_ik(d_u: float, d_h: float, chest_pitch: float, dims: BodyDims) -> tuple[float, float]:
    """Shoulder flexion (relative to the chest) and elbow flexion reaching the palm to (d_u, d_h)
    from the shoulder pivot, the elbow pointing back."""
    la, lf = dims.arm_upper, dims.arm_fore
    d = math.hypot(d_u, d_h)
    d = min(max(d, abs(la - lf) + 1e-4), la + lf - 1e-4)
    phi = math.degrees(math.atan2(d_u, -d_h))  # from hanging, + forward
    alpha = math.degrees(math.acos((la * la + d * d - lf * lf) / (2 * la * d)))
    upper = phi - alpha  # elbow behind the line
    gamma = math.degrees(math.acos((la * la + lf * lf - d * d) / (2 * la * lf)))
    return upper + chest_pitch, 180.0 - gamma


def leg_ik(d_u: float, d_h: float, dims: BodyDims) -> tuple[float, float]:
    """Thigh and shin angles putting the ankle pivot at (d_u, d_h) from the hip pivot."""
    lt, ls = dims.thigh, dims.shank
    d = math.hypot(d_u, d_h)
    d = min(max(d, abs(lt - ls) + 1e-4), lt + ls - 1e-4)
    phi = math.degrees(math.atan2(d_u, -d_h))
    alpha = math.degrees(math.acos((lt * lt + d * d - ls * ls) / (2 * lt * d)))
    thigh = phi + alpha
    ku, kh = lt * math.sin(math.radians(thigh)), -lt * math.cos(math.radians(thigh))
    shin = math.degrees(math.atan2(ku - d_u, kh - d_h))
    return thigh, shin


def solve_rotations(
    body: Body, dims: BodyDims, p: Pose
) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """Bone rotations (model space) for a pose, and the solved leg angles."""
    rot: dict[str, np.ndarray] = {}
    pelvis = rot_x(p.base + p.tilt)
    rot["root"] = np.eye(3)
    rot["pelvis.L"] = rot["pelvis.R"] = pelvis
    ext = p.tilt + p.thor - p.trunk
    for name, frac in zip(LUMBAR_BONES, (0.4, 0.75, 1.0), strict=True):
        rot[name] = rot_x(p.base + p.tilt - frac * ext)
    lumbar_top = p.base + p.tilt - ext
    rot["spine02"] = rot_x(lumbar_top + 0.5 * p.thor)
    chest = rot_x(lumbar_top + p.thor)
    rot["spine01"] = chest
    chest_pitch = lumbar_top + p.thor
    head_pitch = p.base + p.head
    for name, frac in zip(NECK_BONES, (0.3, 0.6, 0.85), strict=True):
        rot[name] = rot_x(chest_pitch + frac * (head_pitch - chest_pitch))
    rot["head"] = rot_x(head_pitch)

    solved: dict[str, float] = {}
    for side, sfx, sign in (("l", ".L", 1.0), ("r", ".R", -1.0)):
        g = lambda k, side=side: getattr(p, f"{side}_{k}")  # noqa: E731
        thigh, shin = g("thigh"), g("shin")
        if not math.isnan(g("ik_u")):
            hip_off = pelvis @ (dims.hip_offset * np.array([sign, 1, 1]))
            hip_u, hip_h = p.u + (-hip_off[1]), p.h + hip_off[2]
            thigh, shin = leg_ik(g("ik_u") - hip_u, g("ik_h") - hip_h, dims)
        solved[f"{side}_thigh"], solved[f"{side}_shin"] = thigh, shin
        ab = rot_y(-sign * g("abd"))  # swing the leg out about the forward axis
        r_thigh = ab @ rot_x(-(thigh - dims.thigh0))
        r_shank = ab @ rot_x(shin - dims.shin0)
        r_foot = ab @ rot_x(-g("foot"))
        r_toes = r_foot @ rot_x(-g("toes"))
        for b in ("upperleg01", "upperleg02"):
            rot[b + sfx] = r_thigh
        for b in ("lowerleg01", "lowerleg02"):
            rot[b + sfx] = r_shank
        rot["foot" + sfx] = r_foot
        for b in body.bone_labels:
            if b.startswith("toe") and b.endswith(sfx):
                rot[b] = r_toes

    for side, sfx, sign in (("la", ".L", 1.0), ("ra", ".R", -1.0)):
        g = lambda k, side=side: getattr(p, f"{side}_{k}")  # noqa: E731
        u_r = body.rest_segment("upperarm01" + sfx, "lowerarm01" + sfx)
        f_r = body.rest_segment("lowerarm01" + sfx, "wrist" + sfx)
        n_r = np.cross(u_r, f_r)
        place = chest @ rot_x(-g("flex")) @ rot_y(-sign * g("abd"))
        u_t = place @ np.array([0.0, 0.0, -1.0])
        n_t = place @ np.array([-1.0, 0.0, 0.0])
        f_t = rot_axis(n_t, g("elbow")) @ u_t
        g_up = frame_from(u_t, n_t) @ frame_from(u_r, n_r).T
        g_fore = frame_from(f_t, n_t) @ frame_from(f_r, n_r).T
        for b in ("upperarm01", "upperarm02"):
            rot[b + sfx] = g_up
        for b in ("lowerarm01", "lowerarm02", "wrist"):
            rot[b + sfx] = g_fore
    # clavicles and shoulders follow the chest; fingers follow the wrist (parent rule)
    return rot, solved


def model_to_world(p: Pose) -> np.ndarray:
    """Rotation taking model space (facing -Y) to the world (facing +X at yaw 0)."""
    return rot_z(90.0 + p.yaw)
