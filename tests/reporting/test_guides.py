"""Tests for formcoach.reporting.guides: which measures a report plots, with which limits."""

from __future__ import annotations

import dataclasses

import pytest

from formcoach.exercises.base import Checker, ExerciseSpec, RelativeLimit
from formcoach.exercises.kneeling_hip_flexor import KneelingHipFlexorChecker, KneelingThresholds
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.reporting.guides import ALL_FAULTS, GUIDES, plots_for


@pytest.mark.parametrize("exercise", sorted(GUIDES))
def test_every_guide_names_real_measures_limits_and_faults(exercise):
    checker = make_checker(exercise)
    fields = {f.name for f in dataclasses.fields(checker.t)}
    for guide in GUIDES[exercise]:
        assert guide.measure in checker.measure_names, guide.measure
        for limit in guide.limits:
            assert limit.field in fields, f"{exercise}: no threshold {limit.field!r}"
        for code in guide.faults:
            assert code in checker.spec.priority, f"{exercise}: no fault {code!r}"


@pytest.mark.parametrize("exercise", sorted(CHECKERS))
def test_every_exercise_gets_plots_with_units(exercise):
    plots = plots_for(make_checker(exercise))
    assert plots
    assert all(p.unit for p in plots)


def test_limits_are_the_checkers_own_values_with_their_sign():
    checker = KneelingHipFlexorChecker(
        KneelingThresholds(trunk_lean_forward_deg=12.0, arch_trunk_back_deg=7.0)
    )
    trunk = next(p for p in plots_for(checker) if p.measure == "trunk_inclination_deg")
    assert [value for value, _ in trunk.levels] == [12.0, -7.0]
    assert trunk.faults == ("trunk_lean_forward", "lower_back_arch")


class _Stub(Checker):
    """An exercise the guide table does not know, with one baseline-relative check."""

    spec = ExerciseSpec(
        name="thomas-test",
        title="Thomas test",
        summary="",
        view="side",
        counting="hold",
        side_meaning="the leg hanging off the table",
        cue_texts={},
        priority=("hip_not_flat",),
    )
    measure_names = ("hanging_hip_extension_deg", "stance_width_legs", "wobble_l")

    def assess(self, pose, facing):  # pragma: no cover - never called
        raise NotImplementedError

    def relative_limits(self):
        return (RelativeLimit("hip_not_flat", "wobble_l", rise=0.1, ceiling=0.4),)


def test_an_unknown_exercise_plots_its_angles_and_its_relative_checks():
    plots = {p.measure: p for p in plots_for(_Stub())}
    assert set(plots) == {"hanging_hip_extension_deg", "wobble_l"}
    assert plots["hanging_hip_extension_deg"].faults == ALL_FAULTS
    wobble = plots["wobble_l"]
    assert wobble.unit == "torso lengths"
    assert wobble.levels[0][0] == 0.4
    assert wobble.baseline == ("wobble_l_baseline", 0.1)
    assert wobble.faults == ("hip_not_flat",)
