"""Coaching sessions run on built tracks (tests/poses.py), with the report `analyze` would write.

`coached(track, exercise)` runs a fresh CoachSession over every frame and
builds report.json's dict from it, so tests of report.html and of the
history start from what the pipeline really produces, not hand-made dicts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from poses import FRAME_H, FRAME_W, kneeling_hold

from formcoach.coaching.session import CoachSession, FrameResult, SessionRecord
from formcoach.core.pose import PoseTrack
from formcoach.exercises.base import Checker
from formcoach.exercises.registry import make_checker
from formcoach.report import SourceInfo, build_report


@dataclass(frozen=True)
class Coached:
    checker: Checker
    record: SessionRecord
    results: list[FrameResult]
    report: dict[str, Any]


def coached(
    track: PoseTrack, exercise: str, source_path: str = "clip.mp4", interrupted: bool = False
) -> Coached:
    checker = make_checker(exercise)
    session = CoachSession(checker)
    results = [session.process(frame) for frame in track]
    record = session.finish()
    source = SourceInfo(
        path=source_path,
        fps=track.fps,
        frames=len(track),
        duration_s=round(len(track) / track.fps, 3),
        width=FRAME_W,
        height=FRAME_H,
    )
    report = build_report(record, checker.spec, source, interrupted=interrupted)
    return Coached(checker, record, results, report)


LEAN = (15.0, 20.0)  # when the trunk of `leaning_hold` leans forward


def lean_forward(t: float) -> float:
    """The trunk of `leaning_hold`: 30 deg forward during LEAN, 5 deg otherwise."""
    return 30.0 if LEAN[0] <= t < LEAN[1] else 5.0


@functools.cache
def leaning_hold() -> Coached:
    """A 40 s kneeling hold on the left leg, leaning forward during LEAN: one cue.

    Shared (and built once) by the report and history tests; do not modify it.
    """
    return coached(kneeling_hold(40.0, trunk_at=lean_forward).track, "kneeling-hip-flexor")
