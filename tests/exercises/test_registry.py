"""Tests for formcoach.exercises.registry and what every exercise declares."""

from __future__ import annotations

import pytest

from formcoach.coaching.checks import SETUP_CODES
from formcoach.errors import UsageError
from formcoach.exercises.base import Checker
from formcoach.exercises.kneeling_hip_flexor import KneelingHipFlexorChecker
from formcoach.exercises.lunge import LungeChecker
from formcoach.exercises.registry import exercise_names, make_checker


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("kneeling-hip-flexor", KneelingHipFlexorChecker, id="kneeling hip flexor"),
        pytest.param("lunge", LungeChecker, id="lunge"),
        pytest.param("squat", UsageError, id="unknown name"),
        pytest.param("Lunge", UsageError, id="wrong case"),
        pytest.param("", UsageError, id="empty name"),
    ],
)
def test_make_checker(name, expected):
    if issubclass(expected, Exception):
        with pytest.raises(expected) as info:
            make_checker(name)
        message = str(info.value)
        assert repr(name) in message
        assert all(choice in message for choice in exercise_names())  # lists the valid choices
    else:
        checker = make_checker(name)
        assert isinstance(checker, expected)
        assert checker.spec.name == name


def test_exercise_names():
    upright = {
        "kneeling-hip-flexor",
        "lunge",
        "standing-hip-flexor",
        "march",
        "leg-swing",
        "table-psoas",
    }
    assert upright <= set(exercise_names())


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in exercise_names()])
def test_each_exercise_declares_a_coherent_spec(name):
    checker: Checker = make_checker(name)
    spec = checker.spec
    assert spec.view == "side"
    assert len(set(spec.priority)) == len(spec.priority)
    assert set(spec.priority) == set(spec.cue_texts)  # every fault has words, and a rank
    assert not set(spec.priority) & set(SETUP_CODES)
    assert spec.required
    if spec.counting == "hold":
        assert spec.hold_target_s > 0
        # only the glute bridge both counts its lifts and times the hold at the top of each
        assert checker.rep_counter() is None or spec.name == "glute-bridge"
    else:
        counter = checker.rep_counter()
        assert counter is not None and counter.reps == []
