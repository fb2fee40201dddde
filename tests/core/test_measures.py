"""Tests for formcoach.core.measures: built figures read back the angles they were built with."""

from __future__ import annotations

import pytest
from floor_poses import (
    FloorFigure,
    Limb,
    bird_dog,
    bridge,
    dead_bug,
    quadruped,
    supine,
    table_top,
    thomas,
)
from poses import Leg, SideFigure, kneeling, lunge, standing

from formcoach.core.measures import (
    floor_leg_measures,
    leg_measures,
    split_stance_measures,
    trunk_elevation_deg,
    trunk_inclination_deg,
)
from formcoach.core.view import split_stance

FACINGS = [pytest.param(1, id="facing right"), pytest.param(-1, id="facing left")]

FIGURES = [
    pytest.param(lambda f: kneeling(f), id="kneeling stretch, good form"),
    pytest.param(lambda f: kneeling(f, kneeling_label="right"), id="kneeling on the right knee"),
    pytest.param(lambda f: kneeling(f, trunk_deg=30.0), id="kneeling, trunk 30 deg forward"),
    pytest.param(lambda f: kneeling(f, trunk_deg=-20.0), id="kneeling, trunk 20 deg back"),
    pytest.param(lambda f: kneeling(f, front=Leg(-85.0, 35.0)), id="kneeling, front shin 35 fwd"),
    pytest.param(lambda f: lunge(1.0, f), id="bottom of a lunge"),
    pytest.param(lambda f: lunge(0.5, f, front_label="left"), id="half way down, left leg front"),
    pytest.param(lambda f: lunge(0.0, f, trunk_deg=-10.0), id="split stance, leaning back"),
    pytest.param(lambda f: kneeling(f, yaw_from_side_deg=20.0), id="kneeling, 20 deg off side"),
]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("figure", FIGURES)
def test_split_stance_measures_match_the_figure(figure, facing):
    fig: SideFigure = figure(facing)
    pose = fig.pose()
    measures = split_stance_measures(pose, split_stance(pose, facing), facing).as_dict()
    for name, expected in fig.expected.items():
        assert measures[name] == pytest.approx(expected, abs=1e-6), name


@pytest.mark.parametrize("facing", FACINGS)
def test_leg_measures_by_label(facing):
    fig = kneeling(facing, kneeling_label="left")
    m = leg_measures(fig.pose(), "left", facing)
    back = fig.back
    assert m.knee_angle_deg == pytest.approx(back.knee_angle_deg)
    assert m.shin_inclination_deg == pytest.approx(back.shin_deg)
    assert m.thigh_inclination_deg == pytest.approx(back.thigh_deg)
    assert m.hip_flexion_deg == pytest.approx(fig.trunk_deg - back.thigh_deg)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    "trunk", [pytest.param(t, id=f"trunk {t:+.0f} deg") for t in (-25, 0, 12, 40)]
)
def test_trunk_inclination(facing, trunk):
    assert trunk_inclination_deg(standing(facing, trunk_deg=trunk).pose(), facing) == (
        pytest.approx(trunk)
    )


# -- on the floor ------------------------------------------------------------------------

FLOOR_FIGURES = [
    pytest.param(lambda f: supine(f), id="lying, knees bent"),
    pytest.param(lambda f: bridge(f), id="bridge on the line"),
    pytest.param(lambda f: bridge(f, 15.0), id="bridge, hips 15 deg above the line"),
    pytest.param(lambda f: bridge(f, -25.0), id="bridge, hips sagging 25 deg"),
    pytest.param(lambda f: quadruped(f), id="on hands and knees"),
    pytest.param(lambda f: bird_dog(f, "right"), id="bird-dog, right leg reaching"),
    pytest.param(lambda f: bird_dog(f, leg=Limb(25.0, 20.0)), id="bird-dog, leg lifted high"),
    pytest.param(lambda f: table_top(f), id="dead bug table-top"),
    pytest.param(lambda f: dead_bug(f, "right"), id="dead bug, right leg lowered"),
    pytest.param(lambda f: thomas(f), id="Thomas test"),
    pytest.param(lambda f: thomas(f, thigh_deg=12.0), id="Thomas test, thigh raised"),
]


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize("figure", FLOOR_FIGURES)
def test_floor_measures_match_the_figure(figure, facing):
    fig: FloorFigure = figure(facing)
    pose = fig.pose()
    assert trunk_elevation_deg(pose, facing) == pytest.approx(fig.trunk_deg, abs=1e-6)
    for side in ("left", "right"):
        m = floor_leg_measures(pose, side, facing, belly_up=fig.belly_up)
        leg = fig.leg(side)
        assert m.thigh_elevation_deg == pytest.approx(leg.upper_deg, abs=1e-6)
        assert m.shin_elevation_deg == pytest.approx(leg.lower_deg, abs=1e-6)
        assert m.knee_angle_deg == pytest.approx(leg.joint_angle_deg, abs=1e-6)
        assert m.hip_flexion_deg == pytest.approx(fig.hip_flexion_deg(side), abs=1e-6)


@pytest.mark.parametrize(
    ("figure", "belly_up", "expected"),
    [
        pytest.param(table_top(), True, 90.0, id="lying, thigh straight up: 90"),
        pytest.param(dead_bug(leg=Limb(0.0, 0.0)), True, 0.0, id="lying, leg on the floor: 0"),
        pytest.param(quadruped(), False, 87.0, id="all fours, thigh straight down: ~90"),
        pytest.param(bird_dog(leg=Limb(-3.0, -3.0)), False, 0.0, id="all fours, leg in line: 0"),
        pytest.param(bird_dog(leg=Limb(17.0, 17.0)), False, -20.0, id="leg above the line: -"),
        pytest.param(bridge(hips_above_line_deg=12.0), True, -12.0, id="bridge too high: -"),
    ],
)
def test_floor_hip_flexion_turns_toward_the_belly(figure, belly_up, expected):
    m = floor_leg_measures(figure.pose(), "left", figure.facing, belly_up=belly_up)
    assert m.hip_flexion_deg == pytest.approx(expected, abs=1e-6)
