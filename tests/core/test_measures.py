"""Tests for formcoach.core.measures: built figures read back the angles they were built with."""

from __future__ import annotations

import pytest
from poses import Leg, SideFigure, kneeling, lunge, standing

from formcoach.core.measures import leg_measures, split_stance_measures, trunk_inclination_deg
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
