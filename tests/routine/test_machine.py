"""The routine's state machine on made-up coach signals: steps, sides, countdowns, rests,
pause and skip, all on frame time."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from formcoach.routine.machine import Announcement, RoutineMachine, StepProgress
from formcoach.routine.model import Routine, Step
from formcoach.routine.summary import routine_summary, summary_text

DT = 0.1  # ten frames a second


def hold_step(**changes) -> Step:
    base = dict(
        title="Kneel",
        exercise="kneeling-hip-flexor",
        counting="hold",
        target=3.0,
        sets=1,
        sides="each",
        start="position",
        intro_s=1.0,
        countdown_s=2.0,
        set_rest_s=1.0,
        rest_s=1.0,
    )
    return Step(**{**base, **changes})


def reps_step(**changes) -> Step:
    base = dict(
        title="March",
        exercise="march",
        counting="reps",
        target=2,
        sides="alternate",
        start="visible",
        intro_s=1.0,
        countdown_s=0.0,
        rest_s=0.0,
    )
    return Step(**{**base, **changes})


class Person:
    """A coach's running totals driven by what a test says the person does at each time."""

    def __init__(self) -> None:
        self.good = {"left": 0.0, "right": 0.0}
        self.reps = {"left": 0, "right": 0}

    def progress(self, t: float, ready: bool, side: str | None, good_form: bool = True):
        if ready and side in self.good and good_form:
            self.good[side] += DT
        return StepProgress(t, ready, side, dict(self.good), dict(self.reps))


def run(
    machine: RoutineMachine,
    behaviour: Callable[[float], tuple[bool, str | None]],
    until_s: float,
    person: Person | None = None,
    start_s: float = 0.0,
) -> list[Announcement]:
    person = person or Person()
    said: list[Announcement] = []
    steps = int(round((until_s - start_s) / DT))
    for i in range(steps + 1):
        t = round(start_s + i * DT, 6)
        ready, side = behaviour(t)
        said += machine.update(person.progress(t, ready, side))
        if machine.finished:
            break
    return said


def texts(said: list[Announcement]) -> list[str]:
    return [a.text for a in said]


def test_a_hold_step_goes_left_then_right_with_countdowns_and_a_rest() -> None:
    machine = RoutineMachine(Routine("r", "Test", (hold_step(),)))

    def person(t: float) -> tuple[bool, str | None]:
        if 2.0 <= t < 9.0:
            return True, "left"
        if t >= 11.0:
            return True, "right"
        return False, None

    said = run(machine, person, 30.0)
    lines = texts(said)
    assert lines[0].startswith("Step 1 of 1: Kneel. Hold for 3 seconds each side")
    assert lines[1:5] == ["Get into position, left side", "2", "1", "Hold"]
    assert "Well done. Rest 1 second, now the other side" in lines
    assert "Now the other side: right side" in lines
    assert lines[-1] == "Test complete. Well done"
    # the countdown begins once in position and takes its 2 s: work starts at 4 s
    left, right = machine.sets
    assert (left.side, right.side) == ("left", "right")
    assert left.start_s == pytest.approx(4.0, abs=0.15)
    assert left.end_s == pytest.approx(7.0, abs=0.15)  # 3 s of good form later
    assert right.start_s == pytest.approx(13.0, abs=0.15)
    assert all(s.completed for s in machine.sets)
    assert machine.finished


def test_the_wrong_side_is_not_counted_and_is_pointed_out() -> None:
    machine = RoutineMachine(Routine("r", "Test", (hold_step(),)))
    # the left side is done by 7 s; the person stays on the left until 14 s
    said = run(machine, lambda t: (True, "left" if t < 14.0 else "right"), 30.0)
    lines = texts(said)
    assert "That's the left side: switch to the right side" in lines
    right = machine.sets[1]
    assert right.per_side.get("left", 0.0) == 0.0
    assert right.start_s is not None and right.start_s >= 14.0 + 2.0 - 0.15
    assert right.completed


def test_leaving_the_position_during_the_countdown_goes_back_to_waiting() -> None:
    machine = RoutineMachine(Routine("r", "Test", (hold_step(sides="each"),)))

    def person(t: float) -> tuple[bool, str | None]:
        return (2.0 <= t < 3.0 or t >= 5.0), "left"

    said = run(machine, person, 6.0)
    assert "Back into position" in texts(said)
    assert machine.phase == "countdown" and machine.current_set is not None
    assert machine.current_set.start_s is None  # no work before a whole countdown


def test_good_form_only_counts_in_the_work_phase() -> None:
    """Seconds held during the intro and countdown are not the set's."""
    machine = RoutineMachine(Routine("r", "Test", (hold_step(target=10.0),)))
    run(machine, lambda t: (True, "left"), 8.0)
    s = machine.current_set
    assert s is not None and s.start_s == pytest.approx(3.0, abs=0.15)  # intro 1 s, countdown 2 s
    assert s.done == pytest.approx(5.0, abs=0.15)


def test_pause_freezes_timers_and_counting() -> None:
    routine = Routine("r", "Test", (hold_step(target=5.0),))
    machine = RoutineMachine(routine)
    person = Person()
    run(machine, lambda t: (True, "left"), 4.0, person)  # 1 s into the work
    done = machine.current_set.done
    assert machine.toggle_pause(4.0)[0].text == "Paused"
    run(machine, lambda t: (True, "left"), 10.0, person, start_s=4.1)
    assert machine.current_set.done == pytest.approx(done)
    assert machine.status().paused
    assert texts(machine.toggle_pause(10.0)) == ["Go on"]
    run(machine, lambda t: (True, "left"), 12.0, person, start_s=10.1)
    assert machine.current_set.done == pytest.approx(done + 2.0, abs=0.15)


def test_skip_ends_the_step_and_marks_what_was_not_done() -> None:
    routine = Routine("r", "Test", (hold_step(sets=2), reps_step()))
    machine = RoutineMachine(routine)
    run(machine, lambda t: (True, "left"), 4.0)  # working the first set
    said = machine.skip(4.0)
    assert texts(said)[0] == "Skipping Kneel"
    assert texts(said)[1].startswith("Step 2 of 2: March. 2 reps each side")
    assert machine.step_index == 1 and machine.phase == "intro"
    first = [s for s in machine.sets if s.step == 0]
    assert [(s.side, s.skipped) for s in first] == [
        ("left", True),
        ("right", True),
        ("left", True),
        ("right", True),
    ]
    summary = routine_summary(
        routine, machine, source="test", started_at="", interrupted=False, stopped_because="x"
    )
    assert [s["status"] for s in summary["steps"]] == ["skipped", "partial"]


def test_alternating_reps_finish_when_each_side_has_its_count() -> None:
    machine = RoutineMachine(Routine("r", "Test", (reps_step(target=2),)))
    person = Person()
    plan = {3.0: "left", 4.0: "right", 5.0: "left", 6.0: "left", 7.0: "right"}

    def behaviour(t: float) -> tuple[bool, str | None]:
        side = plan.get(round(t, 1))
        if side:
            person.reps[side] += 1
        return True, side

    said = run(machine, behaviour, 10.0, person)
    (only,) = machine.sets
    assert only.per_side == {"left": 3.0, "right": 2.0}
    assert only.completed and only.end_s == pytest.approx(7.0)
    assert texts(said)[-1] == "Test complete. Well done"


def test_a_timed_step_runs_on_the_clock_alone() -> None:
    walk = Step("Walk about", None, "timer", 5.0, intro_s=1.0, countdown_s=0.0, rest_s=0.0)
    machine = RoutineMachine(Routine("r", "Break", (walk,)))
    said = run(machine, lambda t: (False, None), 10.0)
    assert texts(said) == [
        "Step 1 of 1: Walk about. 5 seconds",
        "Go",
        "Break complete. Well done",
    ]
    assert machine.sets[0].end_s == pytest.approx(6.0)


def test_a_stop_midway_leaves_a_partial_and_unreached_summary() -> None:
    routine = Routine("r", "Test", (hold_step(), reps_step()))
    machine = RoutineMachine(routine)
    run(machine, lambda t: (True, "left"), 8.0)
    machine.finish(8.0)
    summary = routine_summary(
        routine,
        machine,
        source="camera 0",
        started_at="2026-01-01T10:00:00+00:00",
        interrupted=True,
        stopped_because="interrupted (Ctrl-C)",
    )
    assert [s["status"] for s in summary["steps"]] == ["partial", "not reached"]
    assert summary["steps"][0]["sets_completed"] == 1
    assert summary["interrupted"] and not summary["finished"]
    text = summary_text(summary)
    assert "0 of 2 steps done (stopped: interrupted (Ctrl-C))" in text
    assert "1/2 sets" in text
