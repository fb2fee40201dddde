"""Tests for formcoach.core.continuity: a leg label swap is recognised from the frame before."""

from __future__ import annotations

import numpy as np
import pytest
from poses import kneeling, lunge, standing, swap_labels

from formcoach.core.continuity import legs_swapped, swap_legs
from formcoach.core.landmarks import Landmark as L

LEG_JOINTS = ("hip", "knee", "ankle", "heel", "foot_index")


@pytest.mark.parametrize(
    ("before", "now"),
    [
        pytest.param(kneeling(-1), kneeling(-1), id="kneeling, same labels"),
        pytest.param(
            kneeling(-1), kneeling(-1, trunk_deg=9.0), id="kneeling, small move, same labels"
        ),
        pytest.param(lunge(1.0, 1), lunge(0.95, 1), id="lunge moving, same labels"),
    ],
)
def test_consistent_labels_are_left_alone(before, now):
    assert not legs_swapped(before.pose().xy, now.pose().xy)


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(kneeling(-1), id="kneeling from the left"),
        pytest.param(kneeling(1, kneeling_label="right"), id="kneeling from the right"),
        pytest.param(lunge(1.0, 1), id="bottom of a lunge"),
    ],
)
def test_swapped_leg_labels_are_recognised(figure):
    pose = figure.pose()
    assert legs_swapped(pose.xy, swap_labels(pose, LEG_JOINTS).xy)


def test_legs_side_by_side_are_never_called_swapped():
    pose = standing(1, yaw_from_side_deg=0.0).pose()
    assert not legs_swapped(pose.xy, swap_labels(pose, LEG_JOINTS).xy)


def test_swap_legs_exchanges_only_the_leg_rows_and_undoes_itself():
    xy = lunge(1.0, 1).pose().xy
    out = swap_legs(xy)
    np.testing.assert_array_equal(out[L.LEFT_KNEE], xy[L.RIGHT_KNEE])
    np.testing.assert_array_equal(out[L.RIGHT_FOOT_INDEX], xy[L.LEFT_FOOT_INDEX])
    np.testing.assert_array_equal(out[L.LEFT_SHOULDER], xy[L.LEFT_SHOULDER])
    np.testing.assert_array_equal(swap_legs(out), xy)
