"""Comparing measured angles with rendered truth (pure parts)."""

from __future__ import annotations

import pytest

from formcoach.regression.accuracy import ClipAccuracy, frame_errors, spearman, summarise

TRUTH = {
    "knee_left_2d": "90",
    "knee_right_2d": "150",
    "hip_left_2d": "100",
    "hip_right_2d": "170",
    "trunk_inclination_2d": "5",
    "shin_inclination_left_2d": "10",
    "shin_inclination_right_2d": "60",
}


def measured(**over: float) -> dict[str, float]:
    base = {
        "knee_left": 92.0,
        "knee_right": 147.0,
        "hip_left": 101.0,
        "hip_right": 168.0,
        "trunk_inclination": 8.0,
        "shin_inclination_left": 12.0,
        "shin_inclination_right": 57.0,
    }
    return base | over


def swapped(m: dict[str, float]) -> dict[str, float]:
    out = dict(m)
    for family in ("knee", "hip", "shin_inclination"):
        out[f"{family}_left"], out[f"{family}_right"] = m[f"{family}_right"], m[f"{family}_left"]
    return out


@pytest.mark.parametrize(
    "m",
    [
        pytest.param(measured(), id="labels as in the truth"),
        pytest.param(swapped(measured()), id="left and right labels swapped"),
    ],
)
def test_legs_are_matched_by_fit_not_by_label(m: dict[str, float]) -> None:
    errs = frame_errors(m, TRUTH, upright=True)
    assert sorted(errs["knee"]) == pytest.approx([2.0, 3.0])
    assert sorted(errs["hip"]) == pytest.approx([1.0, 2.0])
    assert sorted(errs["shin_inclination"]) == pytest.approx([2.0, 3.0])
    assert errs["trunk_inclination"] == pytest.approx([3.0])


def test_lying_poses_compare_joint_angles_only() -> None:
    errs = frame_errors(measured(), TRUTH, upright=False)
    assert set(errs) == {"knee", "hip"}


def test_errors_wrap_around_the_circle() -> None:
    errs = frame_errors(
        measured(trunk_inclination=-178.0), TRUTH | {"trunk_inclination_2d": "179"}, upright=True
    )
    assert errs["trunk_inclination"] == pytest.approx([3.0])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param([1, 2, 3, 4, 5], [10, 20, 30, 40, 50], 1.0, id="same order"),
        pytest.param([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], -1.0, id="reversed"),
        pytest.param([1, 2, 3, 4], [1, 2, 3, 4], None, id="too few to rank"),
        pytest.param([1, 1, 1, 1, 1], [1, 2, 3, 4, 5], None, id="no spread"),
        # a hold repeats one true value: tied frames share a rank instead of being ordered
        # by time, so a flat reading beside a flat truth does not count against the measure
        pytest.param([0, 0, 0, 5, 5, 5], [3, 1, 2, 9, 7, 8], 0.8783100656536799, id="ties"),
        pytest.param([0, 0, 0, 5, 5, 5], [1, 1, 1, 9, 9, 9], 1.0, id="ties on both sides"),
    ],
)
def test_spearman(a: list[float], b: list[float], expected: float | None) -> None:
    got = spearman(a, b)
    assert got == (None if expected is None else pytest.approx(expected))


def test_a_view_in_two_postures_gets_a_row_for_both() -> None:
    def clip(view: str, hip: list[float]) -> ClipAccuracy:
        return ClipAccuracy(f"{view}.mp4", view, "full", {"hip": hip}, None, len(hip))

    rows = summarise(
        [
            clip("side, upright", [2.0, 4.0]),
            clip("side, floor", [6.0]),
            clip("oblique, upright", [9.0]),
        ]
    )
    by_view = {row["view"]: row for row in rows}
    assert by_view["side, upright"]["hip"] == (3.0, 4.0)
    assert by_view["side, all postures"]["hip"] == (4.0, 6.0)  # every frame of both
    assert "oblique, all postures" not in by_view  # one posture: nothing to pool
    assert by_view["side, all postures"]["knee"] is None
