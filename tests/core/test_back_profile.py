"""Tests for formcoach.core.back_profile: the lower back's arch read from a drawn outline.

The figure is the half-kneeling stretch of tests/poses.py (torso 200 px,
side view). Its mask is a trunk band along the hip-shoulder axis, 0.3 torso
lengths in front of it; behind it the outline runs from the back thigh out
to the buttock (0.33 L behind, level with the hips), then straight up to the
shoulder blades (0.30 L, 0.8 L up), with a lumbar hollow of known depth cut
in 0.45 L up. Gates add what a camera would see: a sofa touching the back, a
second person, hands on the hips, a heel pulled up behind, the hem of a
loose top.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest
from poses import FRAME_H, FRAME_W, TORSO, kneeling, moved

from formcoach.core.back_profile import (
    FOOT_AT_BUTTOCK,
    HANDS_ON_BACK,
    LOOSE_TOP,
    MAX_OUTSIDE_SHARE,
    MERGED,
    NOT_CLEAR,
    mask_share_outside,
    read_arch,
)
from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose

# the back outline without a hollow: (along, behind) knots in torso lengths
OUTLINE_KNOTS = ((-0.4, 0.22), (-0.15, 0.27), (0.0, 0.33), (0.8, 0.30), (1.05, 0.2))
BUTTOCK_L = 0.33


def _frame(pose: Pose, facing: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mid-hip, the unit axis toward the shoulders, the unit normal toward the back."""
    hips = (pose.xy[L.LEFT_HIP] + pose.xy[L.RIGHT_HIP]) / 2.0
    shoulders = (pose.xy[L.LEFT_SHOULDER] + pose.xy[L.RIGHT_SHOULDER]) / 2.0
    up = (shoulders - hips) / np.linalg.norm(shoulders - hips)
    back = np.array([up[1], -up[0]])
    if back[0] * facing > 0:
        back = -back
    return hips, up, back


def _at(pose: Pose, facing: int, along_l: float, behind_l: float) -> np.ndarray:
    """The image point `along_l` up the torso axis and `behind_l` behind it."""
    hips, up, back = _frame(pose, facing)
    return hips + along_l * TORSO * up + behind_l * TORSO * back


def _fill(mask: np.ndarray, pose: Pose, facing: int, corners: list[tuple[float, float]]) -> None:
    """Fill a polygon given as (along, behind) corners in torso lengths."""
    pts = np.array([_at(pose, facing, a, b) for a, b in corners]).astype(np.int32)
    cv2.fillPoly(mask, [pts], 1.0)


def trunk_mask(
    pose: Pose, facing: int, hollow_l: float, thigh_bump_l: float = 0.0, shift_l: float = 0.0
) -> np.ndarray:
    """The trunk band with its buttock and a lumbar hollow `hollow_l` deep.

    `thigh_bump_l` adds a bump to the back thigh's outline 0.25 L below the
    hips; `shift_l` moves the whole outline that far behind (a second person).
    """
    along = np.linspace(-0.4, 1.05, 300)
    knots_along, knots_behind = zip(*OUTLINE_KNOTS, strict=True)
    thick = np.interp(along, knots_along, knots_behind)
    thick += thigh_bump_l * np.exp(-(((along + 0.25) / 0.04) ** 2))
    thick -= hollow_l * np.exp(-(((along - 0.45) / 0.12) ** 2))
    edge = [(a, t + shift_l) for a, t in zip(along, thick, strict=True)]
    front = [(a, -0.3 + shift_l) for a in along[::-1]]
    mask = np.zeros((FRAME_H, FRAME_W), np.float32)
    _fill(mask, pose, facing, edge + front)
    return mask


def figure(facing: int, hollow_l: float = 0.0, **mask_changes: float) -> Pose:
    pose = kneeling(facing).pose()
    return replace(pose, mask=trunk_mask(pose, facing, hollow_l, **mask_changes))


FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("hollow_l", [0.03, 0.06, 0.10])
def test_the_arch_depth_rises_by_the_hollow_cut_into_the_back(facing: int, hollow_l: float):
    flat = read_arch(figure(facing), facing)
    hollow = read_arch(figure(facing, hollow_l), facing)
    assert flat.reason is None and hollow.reason is None
    assert hollow.depth_l - flat.depth_l == pytest.approx(hollow_l, abs=0.01)


@pytest.mark.parametrize("facing", FACINGS)
def test_a_rounded_lower_back_does_not_read_as_an_arch(facing: int):
    # positive = the lower back curves in. Rounded out (a tucked pelvis) the measure bottoms
    # out: the hollow left between the buttock and the bulge is small, never a rise of 0.035.
    flat = read_arch(figure(facing), facing).depth_l
    rounded = read_arch(figure(facing, -0.04), facing).depth_l
    arched = read_arch(figure(facing, 0.04), facing).depth_l
    assert rounded - flat < 0.035 < arched - flat


@pytest.mark.parametrize("facing", FACINGS)
def test_a_bump_on_the_back_thigh_is_not_taken_for_the_buttock(facing: int):
    plain = read_arch(figure(facing, 0.05), facing)
    bumped = read_arch(figure(facing, 0.05, thigh_bump_l=0.2), facing)
    assert bumped.buttock_l == pytest.approx(plain.buttock_l, abs=0.02)
    assert bumped.depth_l == pytest.approx(plain.depth_l, abs=0.005)


# -- gates: each says why it silences the reading ---------------------------------------


def with_sofa(pose: Pose, facing: int) -> Pose:
    mask = pose.mask.copy()
    _fill(mask, pose, facing, [(-0.6, 0.2), (0.6, 0.2), (0.6, 2.2), (-0.6, 2.2)])
    return replace(pose, mask=mask)


def with_person_touching_the_back(pose: Pose, facing: int) -> Pose:
    other = trunk_mask(pose, facing, 0.0, shift_l=0.5)
    return replace(pose, mask=np.maximum(pose.mask, other))


def with_person_merged_in_front(pose: Pose, facing: int) -> Pose:
    # the mask holds a second body well clear of this one's landmarks
    other = trunk_mask(pose, facing, 0.0, shift_l=-2.4)
    return replace(pose, mask=np.maximum(pose.mask, other))


def with_person_clear_behind(pose: Pose, facing: int) -> Pose:
    # a second body behind, not touching: the rays stop at this back's edge
    other = trunk_mask(pose, facing, 0.0, shift_l=0.9)
    return replace(pose, mask=np.maximum(pose.mask, other))


def with_hands_on_hips(pose: Pose, facing: int) -> Pose:
    on_back = _at(pose, facing, 0.3, 0.2)
    elbow = _at(pose, facing, 0.35, 0.45)
    return moved(
        pose,
        {
            L.LEFT_WRIST: on_back,
            L.RIGHT_WRIST: on_back,
            L.LEFT_ELBOW: elbow,
            L.RIGHT_ELBOW: elbow,
        },
    )


def with_heel_at_buttock(pose: Pose, facing: int) -> Pose:
    return moved(
        pose,
        {
            L.LEFT_HEEL: _at(pose, facing, -0.05, BUTTOCK_L + 0.03),
            L.LEFT_ANKLE: _at(pose, facing, -0.12, BUTTOCK_L + 0.2),
            L.LEFT_FOOT_INDEX: _at(pose, facing, 0.2, BUTTOCK_L + 0.25),
        },
    )


def with_foot_on_a_bench_behind(pose: Pose, facing: int) -> Pose:
    # a rear-foot-elevated split squat: the foot level with the hips, but a torso length behind
    point = _at(pose, facing, -0.1, 1.0)
    return moved(pose, {L.LEFT_HEEL: point, L.LEFT_ANKLE: point, L.LEFT_FOOT_INDEX: point})


def with_loose_top(pose: Pose, facing: int) -> Pose:
    # a top hanging straight from the shoulder blades, its hem standing off the back
    mask = pose.mask.copy()
    _fill(mask, pose, facing, [(0.15, 0.0), (1.0, 0.0), (1.0, 0.48), (0.15, 0.48)])
    return replace(pose, mask=mask)


def without_mask(pose: Pose, facing: int) -> Pose:
    return replace(pose, mask=None)


def with_empty_mask(pose: Pose, facing: int) -> Pose:
    return replace(pose, mask=np.zeros_like(pose.mask))


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("change", "reason"),
    [
        pytest.param(with_sofa, MERGED, id="a sofa merged with the back"),
        pytest.param(with_person_touching_the_back, MERGED, id="a person touching the back"),
        pytest.param(with_person_merged_in_front, MERGED, id="a second person in the mask"),
        pytest.param(with_hands_on_hips, HANDS_ON_BACK, id="hands on the hips"),
        pytest.param(with_heel_at_buttock, FOOT_AT_BUTTOCK, id="heel pulled up to the buttock"),
        pytest.param(with_loose_top, LOOSE_TOP, id="loose top's hem off the back"),
        pytest.param(without_mask, NOT_CLEAR, id="no mask"),
        pytest.param(with_empty_mask, NOT_CLEAR, id="empty mask"),
    ],
)
def test_a_gate_silences_the_reading_and_says_why(change, reason: str, facing: int):
    reading = read_arch(change(figure(facing, 0.05), facing), facing)
    assert (reading.depth_l, reading.reason) == (None, reason)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(with_foot_on_a_bench_behind, id="a foot on a bench behind"),
        pytest.param(with_person_clear_behind, id="a person behind, not touching"),
    ],
)
def test_what_does_not_touch_the_back_leaves_the_reading_alone(change, facing: int):
    plain = read_arch(figure(facing, 0.05), facing)
    changed = read_arch(change(figure(facing, 0.05), facing), facing)
    assert changed.reason is None
    assert changed.depth_l == pytest.approx(plain.depth_l)


def test_the_share_of_mask_outside_the_landmarks_tells_a_second_body():
    pose = figure(1, 0.05)
    assert mask_share_outside(pose) == pytest.approx(0.0)
    assert mask_share_outside(with_person_merged_in_front(pose, 1)) > MAX_OUTSIDE_SHARE
    assert mask_share_outside(replace(pose, mask=None)) == 0.0
