"""Tests for what formcoach.regression.verdict judges of the floor exercises' reports.

A bilateral exercise (glute bridge, constructive rest) reports its holds
and reps under the side "both"; an expectation written per side is
compared as its total, and `[reps] total` counts the bridges (holds) done.
The Thomas test's `reading` is compared with every side it measured.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.regression.expectations import Expectation, load_expectation
from formcoach.regression.verdict import judge


def bridge_report(good_s: float, holds: int) -> dict:
    return {
        "cues": [],
        "reps": [],
        "holds": [{"side": "both"} for _ in range(holds)],
        "summary": {
            "reps": {"left": 0, "right": 0, "both": 0},
            "good_form_s": {"left": 0.0, "right": 0.0, "both": good_s},
        },
        "targets": {"counting": "hold", "bilateral": True},
    }


def thomas_report(left: str | None, right: str | None) -> dict:
    def side(reading):
        return None if reading is None else {"reading": reading}

    return {
        "cues": [],
        "reps": [],
        "holds": [],
        "summary": {"reps": {"left": 0, "right": 0}, "good_form_s": {"left": 8.0, "right": 0.0}},
        "targets": {"counting": "hold", "bilateral": False},
        "thomas_test": {"left": side(left), "right": side(right)},
    }


EXPECT = Path("x.expect.toml")


@pytest.mark.parametrize(
    ("good_s", "holds", "problems"),
    [
        pytest.param(8.0, 3, 0, id="total seconds and bridges as expected"),
        pytest.param(2.0, 3, 1, id="too few good-form seconds"),
        pytest.param(8.0, 1, 1, id="the bridges merged into one"),
    ],
)
def test_a_bilateral_report_is_judged_on_its_totals(good_s, holds, problems):
    e = Expectation(EXPECT, "glute-bridge", good_form_s={"left": 8.7, "right": 0.0}, reps_total=3)
    verdict = judge(bridge_report(good_s, holds), e)
    assert len(verdict.problems) == problems
    assert verdict.passed is (problems == 0)


@pytest.mark.parametrize(
    ("left", "right", "passed"),
    [
        pytest.param("normal", None, True, id="the tested side reads as expected"),
        pytest.param("tight_rectus_femoris", None, False, id="a wrong reading"),
        pytest.param("normal", "tight_iliopsoas", False, id="the other side disagrees"),
        pytest.param(None, None, False, id="never measured"),
    ],
)
def test_the_thomas_reading_is_compared_on_each_measured_side(left, right, passed):
    e = Expectation(EXPECT, "thomas-test", extra={"reading": "normal"})
    assert judge(thomas_report(left, right), e).passed is passed


def test_reps_total_is_read_from_the_expectation(tmp_path: Path):
    path = tmp_path / "bridge.expect.toml"
    path.write_text('exercise = "glute-bridge"\n[reps]  # both legs together\ntotal = 3\n')
    e = load_expectation(path)
    assert (e.reps_total, e.reps) == (3, None)
