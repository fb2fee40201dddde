"""Angles between body segments, in degrees.

Conventions (the one place they are written down):
- Image coordinates are pixels, x to the right, y down.
- A joint angle is the included angle at the middle point: 180 = straight,
  smaller = more bent ("knee angle" hip-knee-ankle, "hip angle"
  shoulder-hip-knee). A name ending in `flexion` means 0 = straight.
- A segment inclination is the angle of the segment from the image vertical,
  measured from its lower to its upper end, 0 = upright. It is signed by the
  person's facing direction: positive = the upper end is ahead of the lower
  end (toward where the person faces), negative = behind.
- `facing` is +1 when the person faces image right (+x), -1 when image left.
- On the floor (lying, on hands and knees) `facing` is where the head points
  along the floor, and a segment's elevation is its angle above the floor
  line, taken as the image horizontal (a level camera): measured from the
  direction of the feet, 0 = along the floor toward the feet, 90 = straight
  up, 180 = toward the head, -90 = straight down.
"""

from __future__ import annotations

import math

import numpy as np


def joint_angle_deg(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    """Included angle a-b-c at b, degrees in 0..180; NaN if a segment has no length."""
    u = np.asarray(a, dtype=float) - b
    v = np.asarray(c, dtype=float) - b
    nu, nv = math.hypot(*u[:2]), math.hypot(*v[:2])
    if nu == 0.0 or nv == 0.0:
        return math.nan
    cos = float(np.dot(u[:2], v[:2]) / (nu * nv))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def inclination_deg(lower: np.ndarray, upper: np.ndarray, facing: int) -> float:
    """Signed angle of lower->upper from the upward vertical, + = leaning toward `facing`.

    Range -180..180: a segment lying flat reads +-90; one pointing down reads +-180.
    """
    dx = float(upper[0] - lower[0])
    dy = float(lower[1] - upper[1])  # image y grows downward; up is positive here
    if dx == 0.0 and dy == 0.0:
        return math.nan
    return math.degrees(math.atan2(dx * facing, dy))


def signed_flexion_deg(
    proximal: np.ndarray, joint: np.ndarray, distal: np.ndarray, facing: int
) -> float:
    """Signed bend of distal segment from the proximal segment's line, + = toward `facing`.

    For the hip (shoulder, hip, knee) this is hip flexion: 0 with the thigh in
    line with the trunk, + with the thigh ahead of the trunk line, - behind it
    (hip extension). For a person facing +x standing upright, a thigh swung
    forward reads positive.
    """
    trunk_dir = np.asarray(joint, dtype=float) - proximal  # continuation of proximal segment
    limb_dir = np.asarray(distal, dtype=float) - joint
    if math.hypot(*trunk_dir[:2]) == 0.0 or math.hypot(*limb_dir[:2]) == 0.0:
        return math.nan
    a1 = math.atan2(trunk_dir[1], trunk_dir[0])
    a2 = math.atan2(limb_dir[1], limb_dir[0])
    diff = math.degrees(a2 - a1)
    diff = (diff + 180.0) % 360.0 - 180.0
    # In image coordinates (y down) a rotation toward +x from straight down is
    # negative in atan2 terms; flip so "toward facing" is positive.
    return -diff * facing


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(math.hypot(float(a[0] - b[0]), float(a[1] - b[1])))


def midpoint(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (np.asarray(a, dtype=float) + np.asarray(b, dtype=float)) / 2.0


def elevation_deg(start: np.ndarray, end: np.ndarray, facing: int) -> float:
    """Angle of start->end above the floor line, from the direction of the feet (-180..180).

    `facing` is where the head points (+1 image right, -1 image left): 0 is
    along the floor toward the feet, 90 straight up, -90 straight down.
    """
    toward_feet = float(end[0] - start[0]) * -facing
    up = float(start[1] - end[1])  # image y grows downward
    if toward_feet == 0.0 and up == 0.0:
        return math.nan
    return math.degrees(math.atan2(up, toward_feet))
