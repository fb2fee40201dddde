"""Ground truth per frame: true 3D angles, the angles of their 2D projections, pixels, faults.

Joint-centre convention (see README.md): shoulders, elbows, wrists, hips, knees and
ankles are the rig's joint pivots (anny bone heads: upperarm01, lowerarm01, wrist,
upperleg01, lowerleg01, foot); nose, heels and foot index (big toe) are anny's COCO
surface keypoints, which have no pivot.

Angles, degrees:
- knee_*: hip-knee-ankle included angle; hip_*: shoulder-hip-knee included angle
  (180 = straight), same-side points.
- trunk_inclination: mid-hip -> mid-shoulder from vertical, + leaning toward the way
  the person faces.
- shin_inclination_*: ankle -> knee from vertical, + knee ahead of the ankle in the
  facing direction.
- pelvic_tilt: + anterior, relative to the rig's rest pelvis (posture pitch removed).
- lumbar_extension: + arch, summed extension of spine05..spine03 relative to the pelvis.
2D versions measure the same in the image (vertical = image y axis, "facing" = the
image direction the person's facing vector projects to).
"""

from __future__ import annotations

import math
import os

import numpy as np

from .camera import Camera
from .pose import Pose
from .posing import WorldBody

# "hybrid" (default): rig pivots for hips and knees, anny COCO surface keypoints for the rest,
# which is, joint by joint, the closer to MediaPipe's landmarks on these renders (README.md).
# "pivot" / "surface" use one source for all six joints (kept for comparisons).
JOINT_CONVENTION = os.environ.get("CLIPRENDER_JOINTS", "hybrid")
PIVOT_JOINTS = {
    "hybrid": ("hip", "knee"),
    "pivot": ("shoulder", "elbow", "wrist", "hip", "knee", "ankle"),
    "surface": (),
}

PIVOT_OF = {
    "shoulder": "upperarm01",
    "elbow": "lowerarm01",
    "wrist": "wrist",
    "hip": "upperleg01",
    "knee": "lowerleg01",
    "ankle": "foot",
}
SURFACE_OF = {
    "shoulder": "shoulder",
    "elbow": "elbow",
    "wrist": "wrist",
    "hip": "hip",
    "knee": "knee",
    "ankle": "ankle",
    "heel": "heel",
    "foot_index": "big_toe",
}
POINTS = ["nose"] + [
    f"{s}_{j}"
    for j in ("shoulder", "elbow", "wrist", "hip", "knee", "ankle", "heel", "foot_index")
    for s in ("left", "right")
]
ANGLES = [
    "knee_left",
    "knee_right",
    "hip_left",
    "hip_right",
    "trunk_inclination",
    "shin_inclination_left",
    "shin_inclination_right",
]


def header() -> list[str]:
    cols = ["frame", "time_s"]
    for a in ANGLES:
        cols += [f"{a}_3d", f"{a}_2d"]
    cols += ["pelvic_tilt", "lumbar_extension"]
    for p in POINTS:
        cols += [f"{p}_x", f"{p}_y"]
    cols += ["visible_frac", "faults"]
    return cols


def joint_points(wb: WorldBody, convention: str = JOINT_CONVENTION) -> dict[str, np.ndarray]:
    pts = {"nose": wb.keypoints["nose"]}
    for side, sfx in (("left", ".L"), ("right", ".R")):
        for j in ("shoulder", "elbow", "wrist", "hip", "knee", "ankle"):
            if j in PIVOT_JOINTS[convention]:
                pts[f"{side}_{j}"] = wb.pivots[PIVOT_OF[j] + sfx]
            else:
                pts[f"{side}_{j}"] = wb.keypoints[f"{side}_{SURFACE_OF[j]}"]
        pts[f"{side}_heel"] = wb.keypoints[f"{side}_heel"]
        pts[f"{side}_foot_index"] = wb.keypoints[f"{side}_big_toe"]
    return pts


def included(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    u, v = a - b, c - b
    cosang = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-12))
    return math.degrees(math.acos(max(-1.0, min(1.0, cosang))))


def inclination(lower: np.ndarray, upper: np.ndarray, up: np.ndarray, facing: np.ndarray) -> float:
    """Signed angle of lower->upper from ``up``, + toward ``facing``."""
    v = upper - lower
    v_up = float(v @ up)
    v_fw = float(v @ facing)
    return math.degrees(math.atan2(v_fw, v_up))


def frame_angles(
    pts: dict[str, np.ndarray], up: np.ndarray, facing: np.ndarray
) -> dict[str, float]:
    out = {}
    for s in ("left", "right"):
        out[f"knee_{s}"] = included(pts[f"{s}_hip"], pts[f"{s}_knee"], pts[f"{s}_ankle"])
        out[f"hip_{s}"] = included(pts[f"{s}_shoulder"], pts[f"{s}_hip"], pts[f"{s}_knee"])
        out[f"shin_inclination_{s}"] = inclination(pts[f"{s}_ankle"], pts[f"{s}_knee"], up, facing)
    hip_mid = 0.5 * (pts["left_hip"] + pts["right_hip"])
    sh_mid = 0.5 * (pts["left_shoulder"] + pts["right_shoulder"])
    out["trunk_inclination"] = inclination(hip_mid, sh_mid, up, facing)
    return out


def frame_truth(
    wb: WorldBody,
    pose: Pose,
    cam: Camera,
    faults: list[str],
    frame: int,
    fps: float,
    visible_frac: float,
) -> dict[str, object]:
    pts = joint_points(wb)
    yaw = math.radians(pose.yaw)
    facing3 = np.array([math.cos(yaw), math.sin(yaw), 0.0])
    a3 = frame_angles(pts, np.array([0.0, 0.0, 1.0]), facing3)
    names = list(pts)
    px = cam.project(np.stack([pts[n] for n in names]))
    pts2 = {n: np.array([p[0], -p[1]]) for n, p in zip(names, px, strict=True)}  # y up for angles
    hip_mid = 0.5 * (pts["left_hip"] + pts["right_hip"])
    f2 = cam.project(np.stack([hip_mid, hip_mid + 0.3 * facing3]))
    face2 = np.array([f2[1, 0] - f2[0, 0], -(f2[1, 1] - f2[0, 1])])
    fx = math.copysign(1.0, face2[0]) if abs(face2[0]) > 1e-6 else 1.0
    if np.all(np.isfinite(px)):
        a2 = frame_angles(pts2, np.array([0.0, 1.0]), np.array([fx, 0.0]))
    else:
        a2 = {k: float("nan") for k in a3}
    row: dict[str, object] = {"frame": frame, "time_s": round(frame / fps, 4)}
    for a in ANGLES:
        row[f"{a}_3d"] = round(a3[a], 2)
        row[f"{a}_2d"] = round(a2[a], 2)
    row["pelvic_tilt"] = round(pose.tilt, 2)
    row["lumbar_extension"] = round(pose.tilt + pose.thor - pose.trunk, 2)
    for n, p in zip(names, px, strict=True):
        row[f"{n}_x"] = round(float(p[0]), 1)
        row[f"{n}_y"] = round(float(p[1]), 1)
    row["visible_frac"] = round(visible_frac, 3)
    row["faults"] = ";".join(sorted(faults))
    return row
