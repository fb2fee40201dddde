"""Tests for formcoach.core.view on built stick figures (tests/poses.py).

Side figures spread their left and right landmarks so that the view
estimate should read the figure's `yaw_from_side_deg`; the front figure has
adult shoulder and hip widths.
"""

from __future__ import annotations

import math

import pytest
from poses import (
    SHIN,
    THIGH,
    TORSO,
    front_pose,
    kneeling,
    lunge,
    moved,
    standing,
    swap_labels,
)

from formcoach.core.landmarks import Landmark as L
from formcoach.core.pose import Pose
from formcoach.core.view import (
    classify_view,
    estimate_yaw_from_side_deg,
    facing_direction,
    split_stance,
    torso_length,
)

FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]
SOURCES = [
    pytest.param(False, id="from image widths"),
    pytest.param(True, id="from world landmarks"),
]


@pytest.mark.parametrize("world", SOURCES)
@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("yaw", "kind"),
    [
        pytest.param(0.0, "side", id="square side view"),
        pytest.param(5.0, "side", id="5 deg off the side"),
        pytest.param(20.0, "side", id="20 deg off the side"),
        pytest.param(35.0, "oblique", id="35 deg: oblique"),
        pytest.param(45.0, "oblique", id="45 deg: oblique"),
        pytest.param(55.0, "oblique", id="55 deg: oblique"),
        pytest.param(70.0, "front", id="70 deg: nearly face-on"),
    ],
)
def test_classify_view_reads_the_built_yaw(facing, yaw, kind, world):
    pose = kneeling(facing, yaw_from_side_deg=yaw, world=world).pose()
    view = classify_view(pose)
    assert view.kind == kind
    assert view.yaw_from_side_deg == pytest.approx(yaw, abs=0.5)


@pytest.mark.parametrize("world", SOURCES)
def test_a_person_face_on_is_a_front_view_without_facing(world):
    view = classify_view(front_pose(world=world))
    assert view.kind == "front"
    assert view.yaw_from_side_deg == pytest.approx(90.0, abs=1.0)
    assert view.facing is None


@pytest.mark.parametrize(
    ("image_yaw", "world_yaw", "kind"),
    [
        pytest.param(5.0, 80.0, "front", id="narrow in the image, face-on in 3D"),
        pytest.param(60.0, 10.0, "side", id="wide in the image, side-on in 3D"),
    ],
)
def test_world_landmarks_win_over_image_widths(image_yaw, world_yaw, kind):
    image = kneeling(1, yaw_from_side_deg=image_yaw).pose()
    world = kneeling(1, yaw_from_side_deg=world_yaw, world=True).pose().world
    view = classify_view(Pose(xy=image.xy, visibility=image.visibility, world=world))
    assert view.kind == kind
    assert view.yaw_from_side_deg == pytest.approx(world_yaw, abs=0.5)


def test_a_collapsed_torso_is_an_unknown_view():
    pose = standing(1).pose()
    hips = {L.LEFT_HIP: pose.xy[L.LEFT_SHOULDER], L.RIGHT_HIP: pose.xy[L.RIGHT_SHOULDER]}
    collapsed = moved(pose, hips)
    assert math.isnan(estimate_yaw_from_side_deg(collapsed))
    assert classify_view(collapsed).kind == "unknown"


@pytest.mark.parametrize(
    "scale", [pytest.param(0.5, id="far away"), pytest.param(1.5, id="close up")]
)
def test_view_does_not_depend_on_the_person_s_size(scale):
    pose = kneeling(1, yaw_from_side_deg=40.0, scale=scale, floor_y=None).pose()
    assert torso_length(pose) == pytest.approx(TORSO * scale)
    assert estimate_yaw_from_side_deg(pose) == pytest.approx(40.0, abs=0.5)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(standing, id="standing"),
        pytest.param(kneeling, id="kneeling (back toes tucked, no vote)"),
        pytest.param(lambda f: lunge(1.0, f), id="bottom of a lunge"),
        pytest.param(lambda f: kneeling(f, trunk_deg=-20.0), id="kneeling, leaning back"),
    ],
)
def test_facing_from_nose_and_toes(figure, facing):
    assert facing_direction(figure(facing).pose()) == facing


@pytest.mark.parametrize("facing", FACINGS)
def test_facing_from_the_feet_when_the_face_turns_to_the_camera(facing):
    pose = standing(facing).pose()
    ears = (pose.xy[L.LEFT_EAR] + pose.xy[L.RIGHT_EAR]) / 2.0
    face_on = moved(pose, {L.NOSE: ears + [0.0, 10.0]})
    assert facing_direction(face_on) == facing


@pytest.mark.parametrize("facing", FACINGS)
def test_the_nose_outvotes_one_foot_pointing_the_other_way(facing):
    pose = standing(facing).pose()
    heel, toe = pose.xy[L.LEFT_HEEL].copy(), pose.xy[L.LEFT_FOOT_INDEX].copy()
    reversed_foot = moved(pose, {L.LEFT_HEEL: toe, L.LEFT_FOOT_INDEX: heel})
    assert facing_direction(reversed_foot) == facing


def test_hidden_feet_do_not_vote():
    pose = standing(1).pose()
    ears = (pose.xy[L.LEFT_EAR] + pose.xy[L.RIGHT_EAR]) / 2.0
    face_on = moved(pose, {L.NOSE: ears + [0.0, 10.0]})
    vis = face_on.visibility.copy()
    vis[[L.LEFT_HEEL, L.RIGHT_HEEL, L.LEFT_FOOT_INDEX, L.RIGHT_FOOT_INDEX]] = 0.1
    hidden = Pose(xy=face_on.xy, visibility=vis)
    assert facing_direction(hidden) is None


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "front_label",
    [pytest.param("left", id="left leg in front"), pytest.param("right", id="right leg in front")],
)
def test_split_stance_names_the_front_leg_by_position(facing, front_label):
    figure = lunge(1.0, facing, front_label=front_label, yaw_from_side_deg=0.0)
    stance = split_stance(figure.pose(), facing)
    assert (stance.front, stance.back) == (front_label, figure.back_label)

    # Ankles' distance along the facing direction over the leg length, by construction:
    def ahead(leg):
        return -THIGH * math.sin(math.radians(leg.thigh_deg)) - SHIN * math.sin(
            math.radians(leg.shin_deg)
        )

    expected = (ahead(figure.front) - ahead(figure.back)) / (THIGH + SHIN)
    assert stance.separation == pytest.approx(expected, abs=1e-6)


def test_split_stance_follows_positions_not_labels():
    pose = lunge(1.0, 1, front_label="right").pose()
    swapped = swap_labels(pose, ("hip", "knee", "ankle", "heel", "foot_index"))
    assert split_stance(pose, 1).front == "right"
    assert split_stance(swapped, 1).front == "left"
