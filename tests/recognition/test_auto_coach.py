"""Coaching by recognised parts, on built poses: parts, checkpoints, transitions."""

from __future__ import annotations

from poses import kneeling_hold

from formcoach.recognition.auto_coach import AutoCoach, auto_report
from formcoach.recognition.recogniser import LIVE, Recogniser
from formcoach.report import SourceInfo

SOURCE = SourceInfo("built", 30.0, 0, 0.0, 640, 360)


def test_a_checkpoint_leaves_the_running_hold_open() -> None:
    track = kneeling_hold(hold_s=20.0).track
    recogniser: Recogniser[None] = Recogniser(LIVE, fps=track.fps)
    coach = AutoCoach(backfill_s=LIVE.window_s)
    checkpoints = []
    for frame in track:
        for item in recogniser.push(None, frame):
            coach.process(item)
        if abs(frame.time_s - 12.0) < 1e-6:  # mid-hold, as live saves every 5 s
            checkpoints.append(auto_report(coach, SOURCE, 1 / 30, final=False))
    for item in recogniser.finish():
        coach.process(item)
    final = auto_report(coach, SOURCE, 1 / 30)
    assert checkpoints and checkpoints[0]["exercise"] == "kneeling-hip-flexor"
    [hold] = final["holds"]  # one hold, not cut in two at the checkpoint
    assert hold["good_form_s"] > 15.0
    assert [s["exercise"] for s in final["segments"]] == ["kneeling-hip-flexor"]


def part(exercise: str, start: float, end: float):
    from formcoach.coaching.session import CoachSession
    from formcoach.exercises.registry import make_checker
    from formcoach.recognition.auto_coach import Segment

    checker = make_checker(exercise)
    return Segment(exercise, start, end, checker, CoachSession(checker))


def test_a_lunge_look_on_the_way_into_a_stretch_is_no_part_of_its_own() -> None:
    from formcoach.recognition.auto_coach import transitions

    way_in = part("lunge", 0.3, 2.8)
    stretch = part("kneeling-hip-flexor", 2.8, 12.0)
    real_lunges = part("lunge", 14.0, 30.0)
    blip = part("march", 30.0, 30.4)
    reports = [
        (way_in, {"reps": []}),
        (stretch, {"reps": []}),
        (real_lunges, {"reps": [{}] * 6}),
        (blip, {"reps": []}),
    ]
    out = transitions(reports)
    assert out == {
        way_in: "getting into or out of kneeling-hip-flexor",
        blip: "a passing resemblance (under 1 s)",
    }


def labelled(label: str, t: float):
    from formcoach.core.pose import PoseFrame
    from formcoach.recognition.recogniser import Labelled
    from formcoach.recognition.rules import Scores

    return Labelled(None, PoseFrame(round(t * 30), t, 640, 360, None), label, 1.0, Scores({}, {}))


def baselines(segment) -> list[float | None]:
    return [b.value for _, b in segment.session._baselines]  # the arch depth's, settled or not


def test_lunges_after_a_pause_keep_the_arch_baseline_of_the_lunges_before() -> None:
    # Slow lunges can fall apart into parts; the first arched rep after a pause must
    # be judged against the back seen before it, not set a baseline of its own.
    coach = AutoCoach()
    first, _ = coach.process(labelled("lunge", 0.0))
    first.session._baselines[0][1].value = 0.083  # settled over the first reps
    coach.process(labelled("none", 3.0))
    again, _ = coach.process(labelled("lunge", 6.0))
    assert again is not first and baselines(again) == [0.083]
    coach.process(labelled("none", 7.0))
    much_later, _ = coach.process(labelled("lunge", 20.0))
    assert baselines(much_later) == [None]


def test_a_stretch_takes_its_baseline_anew_each_hold() -> None:
    coach = AutoCoach()
    first, _ = coach.process(labelled("kneeling-hip-flexor", 0.0))
    first.session._baselines[0][1].value = 0.07
    coach.process(labelled("none", 3.0))
    again, _ = coach.process(labelled("kneeling-hip-flexor", 5.0))
    assert baselines(again) == [None]


def run_labels(spans: list[tuple[str, float, float]]) -> AutoCoach:
    coach = AutoCoach()
    for label, start, end in spans:
        for i in range(round((end - start) * 30)):
            coach.process(labelled(label, start + i / 30))
    return coach


def test_a_brief_pause_between_lunges_is_part_of_the_lunges() -> None:
    # A slow lunge held at the bottom can read as no exercise for a second.
    coach = run_labels([("lunge", 0.0, 3.0), ("none", 3.0, 4.0), ("lunge", 4.0, 6.0)])
    [lunges] = coach.finish()
    assert (lunges.start_s, round(lunges.end_s, 2)) == (0.0, 5.97)
    assert [p.exercise for p in coach.parts] == ["lunge"]
    assert lunges.record is not None and lunges.record.frames == 180  # the pause's frames too


def test_a_longer_pause_ends_the_part() -> None:
    coach = run_labels([("lunge", 0.0, 3.0), ("none", 3.0, 5.0), ("lunge", 5.0, 7.0)])
    parts = coach.finish()
    assert [(p.exercise, p.start_s) for p in parts] == [("lunge", 0.0), ("lunge", 5.0)]
    assert parts[0].record is not None and parts[0].record.frames == 90


def test_a_brief_pause_before_another_exercise_is_no_bridge() -> None:
    coach = run_labels([("lunge", 0.0, 3.0), ("none", 3.0, 4.0), ("march", 4.0, 6.0)])
    assert [p.exercise for p in coach.finish()] == ["lunge", "march"]
    assert [p.exercise for p in coach.parts] == ["lunge", "none", "march"]


def test_a_hold_goes_on_while_its_checker_sees_the_position() -> None:
    # MediaPipe can misdraw a leg for seconds mid-hold, and the recogniser then fits
    # nothing ("none"); the person still kneels, so the hold is not cut in two.
    from formcoach.recognition.recogniser import Labelled
    from formcoach.recognition.rules import Scores

    track = kneeling_hold(hold_s=12.0, settle_s=2.0).track  # kneeling 2.5-14.5 s, up by 15.0

    def label(t: float) -> str:
        return "kneeling-hip-flexor" if 2.5 <= t < 6.0 or 10.0 <= t < 14.5 else "none"

    coach = AutoCoach()
    for frame in track:
        coach.process(Labelled(None, frame, label(frame.time_s), 1.0, Scores({}, {})))
    [stretch] = coach.finish()
    assert [p.exercise for p in coach.parts] == ["none", "kneeling-hip-flexor", "none"]
    assert stretch.start_s == 2.5
    assert 14.5 <= stretch.end_s <= 15.0  # until the checker no longer sees the kneel
    assert stretch.record is not None
    [hold] = stretch.record.holds  # one hold, counted through the unrecognised seconds
    assert hold.end_s is not None and hold.end_s - hold.start_s > 11.0
