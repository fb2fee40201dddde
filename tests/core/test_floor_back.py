"""Tests for formcoach.core.floor_back: the lumbar hollow read from a drawn body outline.

The mask is a trunk drawn as a band along the shoulder-hip line of a floor
figure (tests/floor_poses.py), 0.45 torso lengths thick on the back's side,
with a round buttock over the hips; a hollow of known depth is cut into the
back between the sacrum and the shoulder blades (a sag on all fours, an
arch lifting off the floor when lying).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from floor_poses import mask_of, quadruped, supine
from poses import FRAME_H, FRAME_W

from formcoach.core.back_profile import NOT_CLEAR
from formcoach.core.floor_back import NO_MASK, floor_back_hollow_l

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
