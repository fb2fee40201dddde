"""From a Pose to a body in the world: skinning, placement, and resting on the floor."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .body import Body
from .pose import BodyDims, Pose, model_to_world, solve_rotations


@dataclass
class WorldBody:
    vertices: np.ndarray  # (V, 3) world
    pivots: dict[str, np.ndarray]  # rig joint centres (bone heads), world
    keypoints: dict[str, np.ndarray]  # anny COCO surface keypoints, world
    solved: dict[str, float]


def place(body: Body, dims: BodyDims, p: Pose, floor: float = 0.0) -> WorldBody:
    rot, solved = solve_rotations(body, dims, p)
    posed = body.pose(rot)
    r = model_to_world(p)
    h = 0.0 if math.isnan(p.h) else p.h
    t = np.array([p.u, p.w, h])

    def tf(x: np.ndarray) -> np.ndarray:
        return x @ r.T + t

    v = tf(posed.vertices)
    lowest = float(v[:, 2].min())
    if math.isnan(p.h):
        dz = floor - lowest  # rest on the floor
    else:
        dz = max(0.0, floor - lowest)  # never sink into it
    shift = np.array([0.0, 0.0, dz])
    return WorldBody(
        vertices=v + shift,
        pivots={k: tf(x) + shift for k, x in posed.bone_heads.items()},
        keypoints={k: tf(x) + shift for k, x in posed.keypoints.items()},
        solved=solved,
    )
