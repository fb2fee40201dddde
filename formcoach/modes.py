"""How a video is coached: with the exercise given, or with it recognised (`--exercise auto`).

`analyze` (and the batch) drive either mode the same way: frames in; per frame
a result to draw and a row for angles.csv; at the end report.json and
report.html. The auto mode labels frames a moment late (see recognition/), runs
one checker per recognised part and none where nobody exercises.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np

from formcoach.coaching.session import CoachSession, FrameResult
from formcoach.exercises.config import Config
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.history.completion import CompletionWatch
from formcoach.io.video import Frame
from formcoach.overlay import annotate, default_annotators
from formcoach.pipeline import coach_frames, coach_frames_auto
from formcoach.pose.landmarker import PoseEstimator
from formcoach.recognition.auto_coach import AUTO, AutoCoach, Segment, auto_report
from formcoach.recognition.recogniser import LIVE, Recogniser, RecogniserOptions
from formcoach.recognition.rules import NONE
from formcoach.recognition.setup_only import SetupOnly
from formcoach.report import SourceInfo, angle_row, build_report
from formcoach.reporting.collector import ReportCollector

Purpose = Literal["analysis", "live"]
Coached = tuple[np.ndarray, FrameResult | None, int, float, str]  # frame, result, index, t, label


class OneExercise:
    def __init__(
        self, exercise: str, config: Config | None, started: datetime, purpose: Purpose
    ) -> None:
        self.checker = make_checker(exercise, config)
        self.purpose = purpose
        self.session = CoachSession(self.checker)
        self.annotators = default_annotators(self.checker.spec)
        self.page = ReportCollector(self.checker, purpose, started)
        self.needs_mask = self.checker.spec.needs_mask
        self.title = self.checker.spec.title
        self._watch = CompletionWatch(self.checker.spec.hold_target_s)

    def completed(self) -> list[str]:
        """Holds and reps completed since the last call, one line each (live saves on these)."""
        return self._watch.update(self.session.record)

    def announcements(self, coached: Coached) -> list[str]:
        return []

    def frames(self, reader: Iterator[Frame], estimator: PoseEstimator) -> Iterator[Coached]:
        ahead = self.purpose == "analysis"
        for frame, result in coach_frames(reader, estimator, self.session, ahead=ahead):
            self.page.add(frame, result)
            yield frame, result, result.index, result.time_s, self.checker.spec.name

    def row(self, coached: Coached) -> dict[str, Any]:
        assert coached[1] is not None
        return angle_row(coached[1], self.checker.measure_names)

    def render(self, frame: np.ndarray, result: FrameResult | None, label: str) -> np.ndarray:
        assert result is not None
        return annotate(frame, result, self.annotators)

    def report(self, source: SourceInfo, interrupted: bool, final: bool = True) -> dict[str, Any]:
        """report.json; `final=False` for a checkpoint of a session still running."""
        record = self.session.finish() if final else self.session.record
        return build_report(record, self.checker.spec, source, interrupted=interrupted)

    def write_page(self, folder: Path, report: dict[str, Any]) -> None:
        self.page.write(folder, report)

    @property
    def pose_frames(self) -> int:
        return self.session.record.pose_frames


ALL_MEASURES = tuple(dict.fromkeys(m for c in CHECKERS.values() for m in c().measure_names))


class Recognised:
    title = "formcoach"

    def __init__(
        self, config: Config | None, started: datetime, fps: float, purpose: Purpose
    ) -> None:
        live = purpose == "live"
        self.coach = AutoCoach(config, backfill_s=LIVE.window_s if live else 0.0)
        options = LIVE if live else RecogniserOptions()
        self.recogniser: Recogniser[np.ndarray] = Recogniser(options, fps=fps)
        self.started = started
        self.fps = fps
        self.purpose = purpose
        self.needs_mask = True  # not known in advance: some checkers read the back's outline
        self._annotators: dict[str, list] = {}
        self._pages: dict[str, ReportCollector] = {}
        self._watched: tuple[Segment, CompletionWatch] | None = None
        self._announced: tuple[Segment | None, str | None] = (None, None)  # part, side said

    def completed(self) -> list[str]:
        part = self.coach.current
        if part is None or part.exercise == NONE:
            return []
        if self._watched is None or self._watched[0] is not part:
            self._watched = (part, CompletionWatch(part.checker.spec.hold_target_s))
        return self._watched[1].update(part.session.record)

    def announcements(self, coached: Coached) -> list[str]:
        """What to say when a new part starts, or a hold's side changes.

        A part that goes on after a brief pause (auto_coach.BRIDGE_S) is the
        same part: it is not announced again.
        """
        _, result, _, _, label = coached
        part = self.coach.current
        if label == NONE or part is None or part.exercise != label:
            return []
        said_part, said_side = self._announced
        side = result.side if result is not None else None
        if part is said_part and (side is None or side == said_side):
            return []
        self._announced = (part, side)
        spec = part.checker.spec
        if spec.counting == "reps":  # alternating sides: the side would be said every rep
            return [spec.title] if part is not said_part else []
        return [f"{spec.title}, {side} side" if side else spec.title]

    def frames(self, reader: Iterator[Frame], estimator: PoseEstimator) -> Iterator[Coached]:
        for frame, pose_frame, part, result in coach_frames_auto(
            reader, estimator, self.recogniser, self.coach, ahead=self.purpose == "analysis"
        ):
            if part.exercise != NONE:
                if part.exercise not in self._pages:
                    self._pages[part.exercise] = ReportCollector(
                        part.checker, self.purpose, self.started
                    )
                self._pages[part.exercise].add(frame, result)
            yield frame, result, pose_frame.index, pose_frame.time_s, part.exercise

    def row(self, coached: Coached) -> dict[str, Any]:
        _, result, _, _, label = coached
        assert result is not None
        row = angle_row(result, ALL_MEASURES)
        return {"frame": row.pop("frame"), "time_s": row.pop("time_s"), "exercise": label} | row

    def render(self, frame: np.ndarray, result: FrameResult | None, label: str) -> np.ndarray:
        assert result is not None
        if label not in self._annotators:  # drawn on the writer's thread: by label, not state
            spec = SetupOnly.spec if label == NONE else make_checker(label).spec
            self._annotators[label] = default_annotators(spec)
        return annotate(frame, result, self._annotators[label])

    def report(self, source: SourceInfo, interrupted: bool, final: bool = True) -> dict[str, Any]:
        """report.json; `final=False` for a checkpoint of a session still running."""
        return auto_report(self.coach, source, 1.0 / self.fps, interrupted=interrupted, final=final)

    def write_page(self, folder: Path, report: dict[str, Any]) -> None:
        page = self._pages.get(report.get("exercise", ""))
        if page is not None:  # the main exercise's page; report.json has every part
            page.write(folder, report)

    @property
    def pose_frames(self) -> int:
        return self.coach.pose_frames


def make_mode(
    exercise: str,
    config: Config | None,
    started: datetime,
    fps: float,
    purpose: Purpose = "analysis",
) -> OneExercise | Recognised:
    """The mode for `exercise` (a name, or "auto"); a wrong name raises UsageError."""
    if exercise == AUTO:
        return Recognised(config, started, fps, purpose)
    return OneExercise(exercise, config, started, purpose)
