"""What live mode says when it recognises an exercise: once per part."""

from __future__ import annotations

from datetime import datetime

from test_auto_coach import labelled

from formcoach.modes import Recognised


def said(spans: list[tuple[str, float, float]]) -> list[str]:
    mode = Recognised(None, datetime(2026, 11, 21), 30.0, "live")
    out = []
    for label, start, end in spans:
        for i in range(round((end - start) * 30)):
            part, result = mode.coach.process(labelled(label, start + i / 30))
            out += mode.announcements((None, result, 0, result.time_s, part.exercise))
    return out


LUNGE = "Lunge (forward, reverse or walking)"


def test_a_part_going_on_after_a_brief_pause_is_not_announced_again() -> None:
    assert said([("lunge", 0.0, 3.0), ("none", 3.0, 4.0), ("lunge", 4.0, 6.0)]) == [LUNGE]


def test_a_new_part_after_a_real_break_is() -> None:
    spans = [("lunge", 0.0, 3.0), ("none", 3.0, 6.0), ("lunge", 6.0, 8.0)]
    assert said(spans) == [LUNGE, LUNGE]


def test_a_change_of_exercise_is_announced() -> None:
    spans = [("lunge", 0.0, 3.0), ("none", 3.0, 4.0), ("march", 4.0, 6.0)]
    assert said(spans) == [LUNGE, "Standing march"]
