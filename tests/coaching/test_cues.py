"""Tests for formcoach.coaching.cues: which fault is said, when, and how often.

Faults are given as a timeline (a function of time returning the faults
present); the scheduler is fed at 30 fps with, for each present fault, the
time its current run began, as the session does.
"""

from __future__ import annotations

import pytest

from formcoach.coaching.cues import CueEvent, CueScheduler, CueTiming

FPS = 30.0
FRAME = 1.0 / FPS
TIMING = CueTiming()  # onset 0.8 s, cooldown 4 s, repeat 10 s, flash 2.5 s, ack 1.5 s
SETUP, URGENT, MINOR, SHALLOW = (
    "no_person",
    "lower_back_arch",
    "front_knee_past_ankle",
    "too_shallow",
)
PRIORITY = (SETUP, URGENT, MINOR, SHALLOW)
TEXTS = {SETUP: "Step in", URGENT: "Tuck your pelvis", MINOR: "Knee over ankle", SHALLOW: "Lower"}


def scheduler(timing: CueTiming = TIMING) -> CueScheduler:
    return CueScheduler(texts=TEXTS, priority=PRIORITY, timing=timing, ack_text="Good")


def during(*spans: tuple[str, float, float]):
    """A fault timeline: each (code, start, end) span is present for start <= t < end."""
    return lambda t: {code for code, start, end in spans if start <= t < end}


def drive(
    sched: CueScheduler, faults_at, duration_s: float, start_s: float = 0.0
) -> list[CueEvent]:
    events: list[CueEvent] = []
    since: dict[str, float] = {}
    for i in range(int(round(start_s * FPS)), int(round(duration_s * FPS))):
        t = i / FPS
        present = faults_at(t)
        since = {code: since.get(code, t) for code in present}
        events += sched.update(t, since, "left")
    return events


def just_after(time_s: float, expected_s: float) -> bool:
    """`time_s` is the first frame at or after `expected_s` (allowing float rounding)."""
    return expected_s - 1e-6 <= time_s <= expected_s + FRAME + 1e-6


def kinds(events: list[CueEvent], code: str | None = None) -> list[tuple[str, str | None]]:
    return [(e.kind, e.code) for e in events if code is None or e.code in (code, None)]


@pytest.mark.parametrize(
    "length_s",
    [pytest.param(s, id=f"fault lasting {s} s") for s in (FRAME, 0.3, 0.6, TIMING.onset_s - FRAME)],
)
def test_a_fault_shorter_than_onset_is_never_cued(length_s):
    sched = scheduler()
    events = drive(sched, during((MINOR, 1.0, 1.0 + length_s + 1e-9)), 4.0)
    assert events == []
    assert sched.history == []


def test_a_flickering_fault_whose_runs_are_all_short_is_never_cued():
    sched = scheduler()
    runs = [(MINOR, 1.0 + k, 1.0 + k + 0.6) for k in range(8)]  # 0.6 s on, 0.4 s off
    assert drive(sched, during(*runs), 10.0) == []


@pytest.mark.parametrize(
    "length_s", [pytest.param(s, id=f"fault lasting {s} s") for s in (0.9, 2.0, 6.0)]
)
def test_a_fault_longer_than_onset_is_cued_at_onset_and_acknowledged_when_fixed(length_s):
    sched = scheduler()
    start, end = 1.0, 1.0 + length_s
    events = drive(sched, during((MINOR, start, end)), end + 1.0)
    assert kinds(events) == [("cue", MINOR), ("ack", None)]
    cue_event, ack_event = events
    assert just_after(cue_event.time_s, start + TIMING.onset_s)
    assert cue_event.text == TEXTS[MINOR]
    assert just_after(ack_event.time_s, end)
    assert ack_event.text == "Good"
    (cue,) = sched.history
    assert (cue.code, cue.side, cue.fault_start_s) == (MINOR, "left", pytest.approx(start))
    assert cue.end_s == pytest.approx(ack_event.time_s)


def test_the_acknowledgement_shows_for_ack_s_and_only_while_no_cue_is_on():
    sched = scheduler()
    drive(sched, during((MINOR, 1.0, 3.0)), 2.5)
    assert sched.current is not None
    assert sched.ack_showing(2.5) is None
    drive(sched, during((MINOR, 1.0, 3.0)), 3.1, start_s=2.5 + FRAME)
    assert sched.current is None
    assert sched.ack_showing(3.1) == "Good"
    assert sched.ack_showing(3.0 + TIMING.ack_s + 0.1) is None


def test_a_set_up_problem_pre_empts_a_form_cue():
    sched = scheduler()
    timeline = during((MINOR, 1.0, 20.0), (SETUP, 3.0, 6.0))
    events = drive(sched, timeline, 20.0)
    assert kinds(events)[:3] == [("cue", MINOR), ("end", MINOR), ("cue", SETUP)]
    minor_cue, end_minor, setup_cue = events[:3]
    assert end_minor.time_s == setup_cue.time_s
    assert just_after(setup_cue.time_s, 3.0 + TIMING.onset_s)
    assert [c.code for c in sched.history[:2]] == [MINOR, SETUP]
    # Once the set-up problem is fixed, the form fault (still there) comes back.
    later = [e for e in events[3:] if e.kind == "cue"]
    assert later and later[0].code == MINOR
    # ...as soon as the set-up cue is over and the form fault's cooldown has run out.
    setup_end = next(e.time_s for e in events[3:] if e.kind != "cue")
    assert later[0].time_s <= max(setup_end, end_minor.time_s + TIMING.cooldown_s) + FRAME


def test_of_two_faults_only_the_more_urgent_is_cued_and_the_other_once_it_is_fixed():
    sched = scheduler()
    events = drive(sched, during((URGENT, 1.0, 5.0), (MINOR, 1.0, 9.0)), 10.0)
    cues = [e for e in events if e.kind == "cue"]
    assert [e.code for e in cues] == [URGENT, MINOR]
    assert just_after(cues[0].time_s, 1.0 + TIMING.onset_s)
    assert 5.0 - 1e-9 <= cues[1].time_s <= 5.0 + TIMING.onset_s
    # one cue at a time: the minor cue starts only after the urgent one ended
    assert sched.history[0].end_s <= sched.history[1].start_s


def test_a_more_urgent_fault_takes_over_a_cue_in_progress():
    sched = scheduler()
    events = drive(sched, during((MINOR, 1.0, 9.0), (URGENT, 3.0, 9.0)), 10.0)
    assert kinds(events)[:3] == [("cue", MINOR), ("end", MINOR), ("cue", URGENT)]


def test_a_flickering_fault_is_not_re_cued_within_cooldown():
    sched = scheduler()
    # present 1.5 s, absent 0.5 s, for 24 s: each run outlasts onset
    runs = [(MINOR, 2.0 * k, 2.0 * k + 1.5) for k in range(12)]
    drive(sched, during(*runs), 24.0)
    cues = sched.history
    assert len(cues) >= 3
    for before, after in zip(cues, cues[1:], strict=False):
        assert after.start_s >= before.end_s + TIMING.cooldown_s - 1e-9
    # ...but is cued again as soon as cooldown allows (not silenced for good)
    assert cues[1].start_s <= cues[0].end_s + TIMING.cooldown_s + 2.0 + TIMING.onset_s


def test_a_cue_that_stays_on_is_repeated_every_repeat_s():
    sched = scheduler()
    events = drive(sched, during((URGENT, 0.0, 25.0)), 25.0)
    assert kinds(events) == [("cue", URGENT), ("repeat", URGENT), ("repeat", URGENT)]
    first = events[0].time_s
    assert just_after(events[1].time_s, first + TIMING.repeat_s)
    assert just_after(events[2].time_s, first + 2 * TIMING.repeat_s)
    assert events[1].text == TEXTS[URGENT]


def test_a_flash_cue_is_shown_once_for_flash_s_and_not_acknowledged():
    sched = scheduler()
    events = sched.flash(SHALLOW, 5.0, "right")
    assert kinds(events) == [("cue", SHALLOW)]
    assert sched.current is not None and sched.current.one_shot
    events = drive(sched, during(), 20.0, start_s=5.0 + FRAME)
    assert kinds(events) == [("end", SHALLOW)]
    assert just_after(events[0].time_s, 5.0 + TIMING.flash_s)
    (cue,) = sched.history
    assert (cue.code, cue.side, cue.one_shot) == (SHALLOW, "right", True)


def test_a_flash_waits_behind_a_more_urgent_cue():
    sched = scheduler()
    drive(sched, during((URGENT, 0.0, 10.0)), 2.0)
    assert sched.flash(SHALLOW, 2.0, "left") == []
    assert [c.code for c in sched.history] == [URGENT]
    assert sched.current is not None and sched.current.code == URGENT


def test_a_flash_replaces_a_less_urgent_cue():
    less_urgent = CueScheduler(texts=TEXTS, priority=(SHALLOW, MINOR), timing=TIMING)
    drive(less_urgent, during((MINOR, 0.0, 10.0)), 2.0)
    events = less_urgent.flash(SHALLOW, 2.0, "left")
    assert kinds(events) == [("end", MINOR), ("cue", SHALLOW)]


def test_a_more_urgent_fault_ends_a_flash():
    sched = scheduler()
    sched.flash(SHALLOW, 0.0, None)
    events = drive(sched, during((URGENT, 0.1, 5.0)), 2.0, start_s=FRAME)
    assert kinds(events) == [("end", SHALLOW), ("cue", URGENT)]


def test_close_ends_the_current_cue():
    sched = scheduler()
    drive(sched, during((URGENT, 0.0, 10.0)), 2.0)
    sched.close(2.0)
    assert sched.current is None
    assert sched.history[0].end_s == 2.0


def test_unknown_codes_get_readable_text_and_the_lowest_priority():
    sched = scheduler()
    assert sched.text_for("knee_cave") == "knee cave"
    assert sched.rank_of("knee_cave") > sched.rank_of(SHALLOW)
