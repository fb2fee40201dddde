"""The person's own baseline of a measure: when it is taken, and what it is."""

from __future__ import annotations

import pytest

from formcoach.coaching.baseline import PersonalBaseline

FPS = 30.0


def feed(baseline: PersonalBaseline, values: list[float], start_s: float = 0.0) -> float | None:
    out = None
    for i, v in enumerate(values):
        out = baseline.update(start_s + i / FPS, v, in_position=True)
    return out


def test_no_baseline_until_settled_and_a_window_gathered() -> None:
    b = PersonalBaseline(settle_s=0.5, window_s=1.0)
    assert feed(b, [0.07] * 40) is None  # 1.3 s: settled at 0.5, 0.8 s gathered
    assert feed(b, [0.07] * 10, start_s=40 / FPS) == pytest.approx(0.07)


def test_a_window_of_whole_frames_is_full_despite_rounding() -> None:
    # settled at frame 24 (0.8 s), frames 24-38 are 15 frames: 0.5 s, which the frame
    # times' differences add up to as 0.49999999999999994 (a dead bug's first table-top)
    assert feed(PersonalBaseline(settle_s=0.8, window_s=0.5), [0.07] * 39) == pytest.approx(0.07)
    assert feed(PersonalBaseline(settle_s=0.8, window_s=0.5), [0.07] * 38) is None


def test_frames_before_settling_do_not_count() -> None:
    b = PersonalBaseline(settle_s=0.5, window_s=1.0)
    assert feed(b, [0.2] * 15 + [0.07] * 40) == pytest.approx(0.07)


def test_one_sided_dips_do_not_drag_the_baseline_down() -> None:
    # A real clip's outline: 0.07 with half of the frames dipping to 0.035
    # (an arm or a mask bleed filling the hollow), never rising.
    values = [0.07, 0.035] * 30
    assert feed(PersonalBaseline(settle_s=0.0, window_s=1.5), values) == pytest.approx(0.07)
    median = PersonalBaseline(settle_s=0.0, window_s=1.5, percentile=50.0)
    assert feed(median, values) == pytest.approx(0.0525)


def test_leaving_the_position_resets_it_after_a_while() -> None:
    b = PersonalBaseline(settle_s=0.0, window_s=0.5, reset_after_s=1.5)
    assert feed(b, [0.07] * 30) == pytest.approx(0.07)
    for i in range(60):  # 2 s out of position
        b.update(1.0 + i / FPS, None, in_position=False)
    assert b.value is None


def test_across_reps_it_is_kept() -> None:
    b = PersonalBaseline(settle_s=0.0, window_s=0.5, reset_after_s=None)
    assert feed(b, [0.07] * 30) == pytest.approx(0.07)
    for i in range(90):
        b.update(1.0 + i / FPS, None, in_position=False)
    assert b.value == pytest.approx(0.07)
