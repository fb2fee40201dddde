"""Tests for formcoach.core.floor_back: the lumbar hollow read from a drawn body outline.

The mask is a trunk drawn as a band along the shoulder-hip line of a floor
figure (tests/floor_poses.py), 0.45 torso lengths thick on the back's side,
with a round buttock over the hips; a hollow of known depth is cut into the
back between the sacrum and the shoulder blades (a sag on all fours, an
arch lifting off the floor when lying).
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest
from floor_poses import quadruped, supine
from poses import FRAME_H, FRAME_W, TORSO

from formcoach.core.back_profile import NOT_CLEAR
from formcoach.core.floor_back import NO_MASK, floor_back_hollow_l
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose


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


FIGURES = [
    pytest.param(lambda f: quadruped(f), True, id="on all fours, back up"),
    pytest.param(lambda f: supine(f), False, id="lying, back down"),
]


@pytest.mark.parametrize("facing", [pytest.param(1, id="head right"), pytest.param(-1, id="left")])
@pytest.mark.parametrize(("figure", "back_up"), FIGURES)
@pytest.mark.parametrize("hollow_l", [0.0, 0.03, 0.08])
def test_the_hollow_is_read_at_its_depth(facing, figure, back_up, hollow_l):
    pose = figure(facing).pose()
    pose = replace(pose, mask=mask_of(pose, back_up, hollow_l))
    depth, why = floor_back_hollow_l(pose, facing, back_up=back_up)
    assert why is None
    assert depth == pytest.approx(hollow_l, abs=0.012)


def test_the_buttock_does_not_count_as_a_hollow():
    pose = quadruped(1).pose()
    flat = floor_back_hollow_l(replace(pose, mask=mask_of(pose, True, 0.0, 0.0)), 1, back_up=True)
    round_ = floor_back_hollow_l(
        replace(pose, mask=mask_of(pose, True, 0.0, 0.15)), 1, back_up=True
    )
    assert flat[0] == pytest.approx(round_[0], abs=0.01)


@pytest.mark.parametrize(
    ("mask", "reason"),
    [
        pytest.param(None, NO_MASK, id="no mask"),
        pytest.param(np.zeros((FRAME_H, FRAME_W), np.float32), NOT_CLEAR, id="empty mask"),
    ],
)
def test_without_an_outline_it_says_why(mask, reason):
    pose = replace(quadruped(1).pose(), mask=mask)
    assert floor_back_hollow_l(pose, 1, back_up=True) == (None, reason)
