"""`formcoach check-clips`: run the coach on every clip of a folder and judge it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from formcoach.coaching.session import CoachSession
from formcoach.core.flip_fusion import FlipTest
from formcoach.core.pose import PoseTrack
from formcoach.errors import FormcoachError
from formcoach.exercises.config import Config
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.io.landmark_cache import cache_dir, cache_key, load_track, save_track
from formcoach.io.video import VideoFileReader
from formcoach.io.video_files import list_videos
from formcoach.pose.landmarker import LandmarkerOptions, PoseEstimator
from formcoach.recognition.auto_coach import AUTO, AutoCoach, auto_report
from formcoach.recognition.recogniser import Recogniser, RecogniserOptions
from formcoach.regression.expectations import Expectation, expectation_path, load_expectation
from formcoach.regression.verdict import Verdict, describe_report, judge
from formcoach.report import SourceInfo, build_report

log = logging.getLogger(__name__)

Status = Literal["pass", "FAIL", "no checker", "no expectation", "error"]


@dataclass(frozen=True)
class ClipResult:
    clip: Path
    exercise: str | None
    status: Status
    expected: str = ""
    got: str = ""
    problems: tuple[str, ...] = ()
    pose_coverage: float | None = None
    report: dict[str, Any] | None = None


def find_clips(folder: Path) -> list[Path]:
    """The clips in `folder` (a renderer's unfinished `.part.mp4` files left out)."""
    if not folder.is_dir():
        raise FormcoachError(f"clip folder not found: {folder}")
    return [p for p in list_videos(folder) if not p.name.endswith(".part.mp4")]


def pose_track(
    clip: Path,
    model: Path,
    *,
    masks: bool = False,
    use_cache: bool = True,
    flip_test: FlipTest = FlipTest.LOST_LEGS,
) -> PoseTrack:
    """The clip's poses: from the cache if this clip and model were seen, else MediaPipe.

    A track cached with masks also serves a request without them (its masks
    left unread): MediaPipe's landmarks are the same either way (measured
    identical, to the bit, on two sample clips).
    """
    key = cache_key(clip, model, flip_test)
    with_masks = cache_dir() / f"{key}-mask.npz"
    cached = with_masks if masks else cache_dir() / f"{key}.npz"
    for candidate in (cached, with_masks) if use_cache else ():
        if not candidate.exists():
            continue
        try:
            return load_track(candidate, masks=masks)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("ignoring unreadable landmark cache %s (%s)", candidate, exc)
    reader = VideoFileReader(clip)
    with PoseEstimator(
        LandmarkerOptions(model, segmentation=masks, flip_test=flip_test)
    ) as estimator:
        frames = tuple(estimator.process(frame, i, t) for i, t, frame in reader)
    track = PoseTrack(frames, reader.info.fps)
    if use_cache:
        save_track(cached, track)
    return track


def coach_track(
    track: PoseTrack, exercise: str, clip: Path, config: Config | None = None
) -> dict[str, Any]:
    checker = make_checker(exercise, config)
    session = CoachSession(checker)
    for frame in track:
        session.process(frame)
    record = session.finish()
    return build_report(record, checker.spec, _source(track, clip))


def _source(track: PoseTrack, clip: Path) -> SourceInfo:
    first = track.frames[0] if track.frames else None
    return SourceInfo(
        path=str(clip),
        fps=round(track.fps, 3),
        frames=len(track),
        duration_s=round(len(track) / track.fps, 3) if track.fps else 0.0,
        width=first.width if first else 0,
        height=first.height if first else 0,
    )


def _expects_no_exercise(e: Expectation) -> bool:
    """Oblique and front clips expect only `turn_sideways`: nothing to recognise from."""
    return e.view in ("front", "oblique")


def coach_track_auto(track: PoseTrack, clip: Path, config: Config | None = None) -> dict[str, Any]:
    """The report of `--exercise auto`: recognise the parts, coach each (see auto_coach.py)."""
    recogniser: Recogniser[None] = Recogniser(RecogniserOptions(), fps=track.fps)
    coach = AutoCoach(config)
    for frame in track:
        for item in recogniser.push(None, frame):
            coach.process(item)
    for item in recogniser.finish():
        coach.process(item)
    return auto_report(coach, _source(track, clip), 1.0 / track.fps if track.fps else 0.0)


def _auto_problems(report: dict[str, Any], expected: str) -> list[str]:
    """A recognised clip must be mostly its own exercise: over half of the recognised time."""
    spans: dict[str, float] = {}
    for s in report.get("segments", []):
        spans[s["exercise"]] = spans.get(s["exercise"], 0.0) + s["end_s"] - s["start_s"]
    total = sum(spans.values())
    share = spans.get(expected, 0.0) / total if total else 0.0
    if share > 0.5:
        return []
    seen = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(spans.items(), key=lambda kv: -kv[1]))
    return [f"recognised {expected} for {share:.0%} of the exercise time ({seen or 'nothing'})"]


def check_clip(
    clip: Path,
    model: Path,
    exercise: str | None = None,
    use_cache: bool = True,
    config: Config | None = None,
    flip_test: FlipTest = FlipTest.LOST_LEGS,
) -> ClipResult:
    exp_path = expectation_path(clip)
    expectation: Expectation | None = load_expectation(exp_path) if exp_path.exists() else None
    auto = exercise == AUTO
    if auto:
        exercise = None
    name = exercise or (expectation.exercise if expectation else None)
    if name is None:
        return ClipResult(
            clip, None, "no expectation", problems=("no .expect.toml and no --exercise",)
        )
    if name not in CHECKERS:
        return ClipResult(
            clip, name, "no checker", expected=expectation.summary if expectation else ""
        )
    try:
        masks = auto or make_checker(name).spec.needs_mask
        track = pose_track(clip, model, masks=masks, use_cache=use_cache, flip_test=flip_test)
    except FormcoachError as exc:
        return ClipResult(clip, name, "error", problems=(str(exc),))
    report = (
        coach_track_auto(track, clip, config) if auto else coach_track(track, name, clip, config)
    )
    if expectation is None:
        return ClipResult(
            clip,
            name,
            "no expectation",
            got=describe_report(report),
            pose_coverage=report["pose_coverage"],
            report=report,
        )
    verdict: Verdict = judge(report, expectation)
    problems = verdict.problems
    if auto and not _expects_no_exercise(expectation):
        problems = (*_auto_problems(report, name), *problems)
    return ClipResult(
        clip,
        name,
        "pass" if not problems else "FAIL",
        verdict.expected,
        verdict.got,
        problems,
        report["pose_coverage"],
        report,
    )


def check_clips(
    clips: list[Path],
    model: Path,
    exercise: str | None = None,
    use_cache: bool = True,
    on_result: Callable[[ClipResult], None] | None = None,
    config: Config | None = None,
    flip_test: FlipTest = FlipTest.LOST_LEGS,
) -> Iterator[ClipResult]:
    for clip in clips:
        result = check_clip(clip, model, exercise, use_cache, config, flip_test)
        if on_result:
            on_result(result)
        yield result
