"""Where the webcam stands, and projecting world points into its image."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import ScenarioError


def look_at(eye: np.ndarray, target: np.ndarray, up=(0.0, 0.0, 1.0)) -> np.ndarray:
    """Camera pose (OpenGL convention: the camera looks down its -Z axis)."""
    eye = np.asarray(eye, float)
    f = np.asarray(target, float) - eye
    f /= np.linalg.norm(f)
    r = np.cross(f, up)
    r /= np.linalg.norm(r)
    u = np.cross(r, f)
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 2], m[:3, 3] = r, u, -f, eye
    return m


# Azimuth of the camera around the person, from their left side toward their front.
VIEWS = {
    "side-left": 0.0,
    "oblique-left": 45.0,
    "oblique": 45.0,
    "front": 90.0,
    "oblique-right": 135.0,
    "side-right": 180.0,
}


def view_class(azimuth: float) -> str:
    a = abs(((azimuth + 180.0) % 360.0) - 180.0)  # 0..180 from the left side
    off = min(a, abs(180.0 - a))  # degrees away from a pure side view
    if off <= 20.0:
        return "side"
    if off >= 70.0:
        return "front"
    return "oblique"


@dataclass(frozen=True)
class Camera:
    pose: np.ndarray  # camera-to-world 4x4 (OpenGL convention)
    yfov_deg: float
    width: int
    height: int
    azimuth: float

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def view(self) -> str:
        return view_class(self.azimuth)

    def project(self, pts: np.ndarray) -> np.ndarray:
        """World points (N, 3) -> pixel (N, 2), y down; NaN behind the camera."""
        pts = np.atleast_2d(pts)
        inv = np.linalg.inv(self.pose)
        pc = pts @ inv[:3, :3].T + inv[:3, 3]
        f = 1.0 / math.tan(math.radians(self.yfov_deg) / 2)
        z = -pc[:, 2]
        with np.errstate(divide="ignore", invalid="ignore"):
            xn = f / self.aspect * pc[:, 0] / z
            yn = f * pc[:, 1] / z
        out = np.stack([(xn + 1) / 2 * self.width, (1 - yn) / 2 * self.height], axis=1)
        out[z <= 0] = np.nan
        return out

    @property
    def forward(self) -> np.ndarray:
        return -self.pose[:3, 2]


def make_camera(
    view: str | float,
    target: np.ndarray,
    distance: float,
    height: float,
    width: int,
    height_px: int,
    yfov_deg: float = 44.0,
    roll_deg: float = 0.0,
) -> Camera:
    if isinstance(view, str):
        if view not in VIEWS:
            raise ScenarioError(
                f"unknown camera view {view!r}; valid: {sorted(VIEWS)} or an azimuth in degrees"
            )
        az = VIEWS[view]
    else:
        az = float(view)
    a = math.radians(az)
    # azimuth 0: on the person's left (+Y); 90: in front (+X)
    direction = np.array([math.sin(a), math.cos(a), 0.0])
    eye = np.array([target[0], target[1], 0.0]) + direction * distance
    eye[2] = height
    pose = look_at(eye, target)
    if roll_deg:
        c, s = math.cos(math.radians(roll_deg)), math.sin(math.radians(roll_deg))
        roll = np.eye(4)
        roll[:2, :2] = [[c, -s], [s, c]]
        pose = pose @ roll
    return Camera(pose=pose, yfov_deg=yfov_deg, width=width, height=height_px, azimuth=az)
