"""Tests for formcoach.history.completion: when a hold or rep counts as completed.

Sessions are coached frame by frame on built tracks; the watch is asked
after every frame, as the live runner does.
"""

from __future__ import annotations

import pytest
from poses import alternating_lunges, kneeling_hold

from formcoach.coaching.session import CoachSession
from formcoach.exercises.registry import make_checker
from formcoach.history.completion import CompletionWatch


def watch_session(track, exercise):
    checker = make_checker(exercise)
    session = CoachSession(checker)
    watch = CompletionWatch(checker.spec.hold_target_s)
    said = []
    for frame in track:
        session.process(frame)
        said += [(frame.time_s, line) for line in watch.update(session.record)]
    return session.record, said


def test_a_hold_completes_on_its_target_and_again_when_it_ends():
    scenario = kneeling_hold(40.0)  # kneels at 2.5 s, holds 40 s, stands up
    record, said = watch_session(scenario.track, "kneeling-hip-flexor")
    (target_t, target_line), (end_t, end_line) = said
    (hold,) = record.holds
    assert target_line == "hold 1 (left): target of 30 s reached"
    assert target_t == pytest.approx(hold.start_s + 30.0, abs=0.5)
    assert end_line == f"hold 1 (left) done: {hold.good_form_s:.0f} s of good form of 30"
    assert end_t >= hold.end_s


def test_each_rep_completes_once_as_it_is_counted():
    scenario = alternating_lunges(3)
    record, said = watch_session(scenario.track, "lunge")
    assert [line for _, line in said] == [
        f"rep {i} ({side})" for i, side in enumerate(scenario.truth["sides"], 1)
    ]
    assert [t for t, _ in said] == [rep.end_s for rep in record.reps]


def test_a_short_hold_that_ends_is_completed_without_its_target():
    record, said = watch_session(kneeling_hold(6.0).track, "kneeling-hip-flexor")
    (hold,) = record.holds
    assert 6.0 <= hold.good_form_s < 7.5  # the hold, and the moments of kneeling down and up
    assert [line for _, line in said] == [
        f"hold 1 (left) done: {hold.good_form_s:.0f} s of good form of 30"
    ]


def test_a_rep_names_its_form_faults():
    scenario = alternating_lunges(3, depth=0.65)
    _, said = watch_session(scenario.track, "lunge")
    assert [line for _, line in said] == [
        f"rep {i} ({side}), lunge_too_shallow" for i, side in enumerate(scenario.truth["sides"], 1)
    ]
