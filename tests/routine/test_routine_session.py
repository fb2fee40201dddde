"""A routine over built pose tracks: the coaching session of each step drives the machine."""

from __future__ import annotations

from dataclasses import replace

import pytest
from poses import kneeling_hold, make_track, marching, standing

from formcoach.core.pose import PoseFrame, PoseTrack
from formcoach.routine.model import Routine, Step
from formcoach.routine.session import RoutineSession, checker_for_step


def one_after_another(*tracks: PoseTrack) -> list[PoseFrame]:
    """The tracks as one stream: indices and times run on."""
    frames, offset, index = [], 0.0, 0
    for track in tracks:
        for frame in track:
            frames.append(replace(frame, index=index, time_s=offset + frame.time_s))
            index += 1
        offset = frames[-1].time_s + 1.0 / track.fps
    return frames


ROUTINE = Routine(
    "test",
    "Test routine",
    (
        Step(
            "Kneeling stretch",
            "kneeling-hip-flexor",
            "hold",
            target=4.0,
            sides="each",
            start="position",
            intro_s=1.0,
            countdown_s=1.0,
            set_rest_s=1.0,
            rest_s=1.0,
        ),
        Step(
            "March",
            "march",
            "reps",
            target=2,
            sides="alternate",
            start="visible",
            intro_s=1.0,
            countdown_s=1.0,
            rest_s=0.0,
        ),
    ),
)


@pytest.fixture(scope="module")
def ran() -> tuple[RoutineSession, list]:
    """Kneel on the left (7 s), then on the right, stand, march left, right, left, right."""
    lifts = (("left", 2.0), ("right", 2.0)) * 2
    frames = one_after_another(
        kneeling_hold(hold_s=7.0, kneeling_label="left").track,
        kneeling_hold(hold_s=7.0, kneeling_label="right").track,
        make_track(lambda t: standing().pose(), 3.0),
        marching(lifts=lifts).track,
    )
    session = RoutineSession(ROUTINE)
    out = [session.process(frame) for frame in frames]
    session.finish()
    return session, out


def test_the_steps_advance_and_the_sides_switch(ran) -> None:
    session, out = ran
    said = [a.text for frame in out for a in frame.announcements]
    assert said[0].startswith("Step 1 of 2: Kneeling stretch")
    assert "Now the other side: right side" in said
    assert any(s.startswith("Step 2 of 2: March") for s in said)
    assert said[-1] == "Test routine complete. Well done"
    sets = session.machine.sets
    assert [(s.step, s.side, s.completed) for s in sets] == [
        (0, "left", True),
        (0, "right", True),
        (1, "alternate", True),
    ]
    assert sets[0].per_side == {"left": pytest.approx(4.0, abs=0.05)}
    assert sets[1].per_side == {"right": pytest.approx(4.0, abs=0.05)}
    assert sets[2].per_side == {"left": 2.0, "right": 2.0}


def test_each_step_leaves_its_coaching_record(ran) -> None:
    session, out = ran
    kneel, march = session.steps
    assert (kneel.index, kneel.checker.spec.name) == (0, "kneeling-hip-flexor")
    assert kneel.checker.spec.hold_target_s == 4.0  # the routine's target, not the default 30
    assert [h.side for h in kneel.record.holds] == ["left", "right"]
    assert march.checker.spec.name == "march"
    # the coach watched the whole step (a knee rising as the person stood up from the
    # stretch is one of its reps); the set counted only what came after "Go"
    work_from = session.machine.sets[2].start_s
    counted = [r.side for r in march.record.reps if r.start_s >= work_from]
    assert counted == ["left", "right", "left", "right"]
    ended = [frame.ended.index for frame in out if frame.ended is not None]
    assert ended == [0, 1]


def test_the_status_names_the_step_and_set(ran) -> None:
    _, out = ran
    working = [f.status for f in out if f.status.phase == "work" and f.status.step == 0]
    assert {s.side for s in working} == {"left", "right"}
    assert all(s.title == "Kneeling stretch" and s.set_count == 2 for s in working)


def test_a_timed_step_has_no_checker() -> None:
    walk = Step("Walk about", None, "timer", 30.0)
    assert checker_for_step(walk) is None
