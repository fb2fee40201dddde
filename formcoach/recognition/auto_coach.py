"""Coaching a video whose exercise is not given: one checker per recognised part.

The recogniser labels each frame (an exercise or "none"); a change of label
closes the current part and opens the next with a fresh checker, so cues,
holds and reps stay attached to their part, and no checker runs where the
label is "none" (nobody there, walking, setting up). A pause shorter than
BRIDGE_S between two stretches of one exercise is no change: a slow lunge
held at the bottom can look like no exercise for a second, and splitting
there would cut that rep in two. And a hold goes on while its checker still
sees the position, whatever the recogniser makes of the moment: the label
"none" means no exercise fits clearly (MediaPipe may misdraw a leg for
seconds while the person holds still), not that the hold ended.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from formcoach.coaching.session import CoachSession, FrameResult, SessionRecord
from formcoach.core.pose import PoseFrame
from formcoach.exercises.base import Checker
from formcoach.exercises.config import Config
from formcoach.exercises.registry import make_checker
from formcoach.recognition.recogniser import Labelled
from formcoach.recognition.rules import NONE
from formcoach.recognition.setup_only import SetupOnly
from formcoach.report import SourceInfo, build_report

AUTO = "auto"  # the --exercise value that asks for recognition
# A part of the exercise done within this long of an earlier part of it continues that
# part's personal baselines (the arch depth of a rep exercise, coaching/baseline.py).
CARRY_BASELINE_S = 10.0
# A "none" stretch shorter than this between two stretches of the same exercise is part of
# that exercise: its frames go to the exercise's checker and the part goes on.
BRIDGE_S = 1.5


@dataclass(eq=False)  # compared (and hashed) by identity: one object per part
class Segment:
    """One recognised part of the video."""

    exercise: str
    start_s: float
    end_s: float
    checker: Checker  # SetupOnly where no exercise is recognised
    session: CoachSession
    scores: list[float] = field(default_factory=list)
    record: SessionRecord | None = None

    @property
    def confidence(self) -> float:
        return sum(self.scores) / len(self.scores) if self.scores else 0.0


class AutoCoach:
    """One coaching session per recognised part.

    `backfill_s`: live recognition labels a frame from the window ending at it,
    so an exercise is known only a second or two after it began. The frames of
    that delay (seen while the label was still "none") are then given to the
    new part's checker first, quietly, so its first rep or the start of its
    hold is not lost. Analysis places boundaries with a lag instead and needs
    no backfill.
    """

    def __init__(self, config: Config | None = None, backfill_s: float = 0.0) -> None:
        self.config = config
        self.backfill_s = backfill_s
        self.parts: list[Segment] = []
        self.frames = 0
        self.pose_frames = 0
        self._recent: deque[PoseFrame] = deque()  # the current "none" part's last frames
        self._gap: list[PoseFrame] = []  # a "none" part's frames while it may yet be bridged
        self._holding = False  # the current part is a hold and its last frame was in position

    @property
    def current(self) -> Segment | None:
        return self.parts[-1] if self.parts else None

    def process(self, item: Labelled[Any]) -> tuple[Segment, FrameResult]:
        """Coach one labelled frame; returns its part and the session's result."""
        t = item.frame.time_s
        self.frames += 1
        self.pose_frames += item.frame.pose is not None
        part = self.current
        if part is not None and item.label == NONE and self._holding:
            part.end_s = t
            return part, self._coach(part, item.frame)
        if part is not None and part.exercise == NONE and part.start_s < t - BRIDGE_S:
            self._close_paused()
        if part is None or part.exercise != item.label:
            resumed = self._resume(item.label)
            if resumed is not None:
                resumed.end_s = t
                resumed.scores.append(item.score)
                return resumed, self._coach(resumed, item.frame)
            if item.label == NONE and part is not None:
                self._gap.clear()  # the exercise part stays open: the pause may be brief
            else:
                self._close_paused()
                self._close()
            if item.label == NONE:
                checker: Checker = SetupOnly()
            else:
                checker = make_checker(item.label, self.config)
            part = Segment(item.label, t, t, checker, CoachSession(checker))
            same_before = self._recent_part(item.label, t)
            if same_before is not None:
                part.session.carry_baselines_from(same_before.session)
            if item.label != NONE and self._recent:
                part.start_s = self._recent[0].time_s
                for earlier in self._recent:  # results dropped: their moment has passed
                    part.session.process(earlier)
            self._recent.clear()
            self.parts.append(part)
        if part.exercise == NONE and self._paused() is not None:
            self._gap.append(item.frame)
        if part.exercise == NONE and self.backfill_s > 0:
            self._recent.append(item.frame)
            while self._recent and self._recent[0].time_s < t - self.backfill_s:
                self._recent.popleft()
        part.end_s = t
        part.scores.append(item.score)
        return part, self._coach(part, item.frame)

    def _coach(self, part: Segment, frame: PoseFrame) -> FrameResult:
        """The part's session's result for the frame; notes whether a hold goes on."""
        result = part.session.process(frame)
        self._holding = (
            part.exercise != NONE
            and part.checker.spec.counting == "hold"
            and result.assessment.in_position
        )
        return result

    def _paused(self) -> Segment | None:
        """The exercise part left open under a "none" part that may yet be bridged."""
        if len(self.parts) < 2 or self.parts[-1].exercise != NONE:
            return None
        before = self.parts[-2]
        return before if before.exercise != NONE and before.record is None else None

    def _close_paused(self) -> None:
        paused = self._paused()
        if paused is not None:
            paused.record = paused.session.finish()
        self._gap.clear()

    def _resume(self, label: str) -> Segment | None:
        """Bridge a short "none" part: its frames go to the paused part, which goes on."""
        paused = self._paused()
        if paused is None or paused.exercise != label:
            return None
        self.parts.pop()  # the "none" part never was
        for frame in self._gap:  # results dropped: their moment has passed
            paused.session.process(frame)
        self._gap.clear()
        self._recent.clear()
        return paused

    def _recent_part(self, exercise: str, t: float) -> Segment | None:
        """The last part of `exercise` if it ended under CARRY_BASELINE_S before `t`."""
        for part in reversed(self.parts):
            if part.exercise == exercise:
                return part if t - part.end_s <= CARRY_BASELINE_S else None
        return None

    def finish(self) -> list[Segment]:
        """Close the last part; the exercise parts, in time order."""
        self._close_paused()
        self._close()
        return [p for p in self.parts if p.exercise != NONE]

    def _close(self) -> None:
        part = self.current
        if part is not None and part.record is None:
            part.record = part.session.finish()


def auto_report(
    coach: AutoCoach,
    source: SourceInfo,
    frame_s: float,
    *,
    interrupted: bool = False,
    final: bool = True,
) -> dict[str, Any]:
    """report.json for a recognised video: the parts, and the main exercise's totals on top.

    `final=False` (a live checkpoint) leaves the running part open.
    The top level reads like a one-exercise report of the exercise done longest
    (its reps, holds and sums over all its parts), so everything that reads a
    report keeps working; `segments` lists every part with its own cues,
    reps and holds, and `cues` holds every part's cues with their exercise.
    """
    if final:
        coach.finish()

    def part_report(p: Segment) -> dict[str, Any]:
        record = p.record or p.session.record  # a checkpoint reads a running part as it stands
        return build_report(record, p.checker.spec, source, interrupted=interrupted)

    reports = [(p, part_report(p)) for p in coach.parts]
    setup_cues = [
        c | {"exercise": NONE} for p, r in reports if p.exercise == NONE for c in r["cues"]
    ]
    reports = [(p, r) for p, r in reports if p.exercise != NONE]
    passing = transitions(reports)
    reports = [(p, r) for p, r in reports if p not in passing]
    segments = [
        {
            "exercise": p.exercise,
            "start_s": round(p.start_s, 3),
            "end_s": round(p.end_s + frame_s, 3),
            "confidence": round(p.confidence, 3),
            "cues": r["cues"],
            "reps": r["reps"],
            "holds": r["holds"],
            "summary": r["summary"],
            **({"findings": r["findings"]} if "findings" in r else {}),
        }
        for p, r in reports
    ]
    coverage = round(coach.pose_frames / coach.frames, 3) if coach.frames else 0.0
    if not reports:
        empty = build_report(SessionRecord(NONE, [], [], []), SetupOnly.spec, source)
        return empty | {
            "exercise": AUTO,
            "pose_coverage": coverage,
            "interrupted": interrupted,
            "recognised": False,
            "segments": [],
            "cues": setup_cues,
            "notes": ["No exercise was recognised in this video."],
        }
    time_by_exercise: dict[str, float] = {}
    for p, _ in reports:
        time_by_exercise[p.exercise] = time_by_exercise.get(p.exercise, 0.0) + p.end_s - p.start_s
    main = max(time_by_exercise, key=time_by_exercise.__getitem__)
    mine = [r for p, r in reports if p.exercise == main]
    top = dict(max(mine, key=lambda r: len(r["reps"]) + len(r["holds"]) + len(r["cues"])))
    top["reps"] = [rep for r in mine for rep in r["reps"]]
    top["holds"] = [hold for r in mine for hold in r["holds"]]
    top["summary"] = {
        key: {
            side: _sum_or_none(r["summary"][key].get(side) for r in mine)
            for side in top["summary"][key]
        }
        for key in top["summary"]
    }
    top["cues"] = sorted(
        [c | {"exercise": p.exercise} for p, r in reports for c in r["cues"]] + setup_cues,
        key=lambda c: c["start_s"],
    )
    top["pose_coverage"] = coverage
    top["recognised"] = True
    top["segments"] = segments
    top["transitions"] = [
        {
            "looked_like": p.exercise,
            "start_s": round(p.start_s, 3),
            "end_s": round(p.end_s + frame_s, 3),
            "taken_as": taken_as,
        }
        for p, taken_as in passing.items()
    ]
    return top


MIN_PART_S = 1.0  # a part shorter than this is a passing resemblance, not an exercise
TRANSITION_MAX_S = 5.0  # a rep exercise part this short, with at most one rep, may be a way
TRANSITION_GAP_S = 1.0  # in or out of a hold exercise part starting or ending this close to it


def transitions(reports: list[tuple[Segment, dict[str, Any]]]) -> dict[Segment, str]:
    """Parts that were no exercise of their own, each with what they were taken as.

    Kneeling down into a half-kneeling stretch, or getting up from it, bends
    and straightens the knees in a split stance: for a second or two it looks
    like a lunge (and standing up, turning and kneeling again like one lunge
    rep). A rep exercise part with at most one rep, under TRANSITION_MAX_S,
    touching a hold exercise part is taken as that; any part under MIN_PART_S
    as a passing resemblance. Their cues are not reported: they were about an
    exercise nobody did.
    """
    out: dict[Segment, str] = {}
    for i, (p, r) in enumerate(reports):
        length = p.end_s - p.start_s
        if length < MIN_PART_S:
            out[p] = "a passing resemblance (under 1 s)"
            continue
        if p.checker.spec.counting != "reps" or len(r["reps"]) > 1 or length >= TRANSITION_MAX_S:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(reports):
                continue
            n = reports[j][0]
            gap = p.start_s - n.end_s if n.end_s <= p.start_s else n.start_s - p.end_s
            if n.checker.spec.counting == "hold" and gap <= TRANSITION_GAP_S:
                out[p] = f"getting into or out of {n.exercise}"
                break
    return out


def _sum_or_none(values: Any) -> Any:
    present = [v for v in values if v is not None]
    if not present:
        return None
    total = sum(present)
    return round(total, 1) if isinstance(total, float) else total
