"""Tests for formcoach.core.continuity: a leg label swap is recognised from the frame before."""

from __future__ import annotations

import numpy as np
import pytest
from poses import kneeling, lunge, standing, swap_labels

from formcoach.core.continuity import LegLabels, legs_swapped, swap_legs
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


def run_labels(frames: list, fps: float = 30.0) -> list[bool]:
    """Feed poses through LegLabels; True where the output's left knee is the raw left knee."""
    labels = LegLabels(max_override_s=1.0)
    out = []
    for i, pose in enumerate(frames):
        fixed, _ = labels.fix(pose, i / fps)
        out.append(bool(np.array_equal(fixed.xy[L.LEFT_KNEE], pose.xy[L.LEFT_KNEE])))
    return out


def test_a_brief_label_swap_is_undone() -> None:
    pose = kneeling(-1).pose()
    swapped = swap_labels(pose, LEG_JOINTS)
    kept = run_labels([pose] * 10 + [swapped] * 5 + [pose] * 10)
    assert kept[10:15] == [False] * 5  # the 5 swapped frames were relabelled
    assert all(kept[:10]) and all(kept[15:])


def test_a_lasting_change_of_labels_is_believed_after_a_second() -> None:
    # e.g. someone turned round to kneel on the other knee: the legs crossed and the
    # frame-to-frame chain locked in the wrong labels while MediaPipe's were right
    pose = kneeling(-1).pose()
    swapped = swap_labels(pose, LEG_JOINTS)
    kept = run_labels([pose] * 10 + [swapped] * 90)
    assert kept[10:35] == [False] * 25  # at first the chain wins
    assert all(kept[45:])  # after a second MediaPipe's labels are taken again, and kept
