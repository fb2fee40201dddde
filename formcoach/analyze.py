"""`formcoach analyze`: a recorded video in, an annotated video, angles and a report out."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from formcoach.core.flip_fusion import FlipTest
from formcoach.errors import FormcoachError
from formcoach.exercises.config import Config
from formcoach.exercises.registry import make_checker
from formcoach.history.recorder import open_recorder
from formcoach.io.records import CsvSink, write_json_atomic
from formcoach.io.video import BackgroundVideoWriter, VideoFileReader, VideoWriterSink
from formcoach.modes import make_mode
from formcoach.pose.landmarker import LandmarkerOptions, PoseEstimator
from formcoach.pose.model_store import resolve_model
from formcoach.recognition.auto_coach import AUTO
from formcoach.report import SourceInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnalysisOutputs:
    folder: Path
    report: dict[str, Any]

    @property
    def annotated(self) -> Path:
        return self.folder / "annotated.mp4"


def default_out_dir(video: Path) -> Path:
    return Path.cwd() / f"{video.stem}_formcoach"


def analyze_video(
    video: Path,
    exercise: str,
    out_dir: Path | None = None,
    *,
    model: str | None = None,
    write_video: bool = True,
    progress: bool = True,
    history: Path | None = None,
    config: Config | None = None,
    on_frame: Callable[[int, int], None] | None = None,
    flip_test: FlipTest = FlipTest.LOST_LEGS,
) -> AnalysisOutputs:
    """Run the coach over every frame of `video`; write the outputs to `out_dir`.

    Raises FormcoachError for bad input. If interrupted, the outputs so far are
    written (report.json says `interrupted: true`) before the interruption
    propagates. With `history` (a database path) the session is recorded there.
    `on_frame(frames_done, frames_expected)` is called after each frame (the
    expected count is the container's, 0 if unknown); a KeyboardInterrupt it
    raises stops the analysis like Ctrl-C. `flip_test`: when the frame is also
    read mirrored and the two readings fused (pose/landmarker.py).
    """
    if exercise != AUTO:
        make_checker(exercise, config)  # a wrong name fails before any work
    reader = VideoFileReader(video)
    model_path = resolve_model(model)
    folder = out_dir or default_out_dir(video)
    folder.mkdir(parents=True, exist_ok=True)
    started = datetime.now().astimezone()
    recorder = open_recorder(history, mode="analysis", started_at=started, out_dir=folder)
    info = reader.info
    mode = make_mode(exercise, config, started, info.fps)
    frames, last_t = 0, 0.0
    interrupted = False
    bar = _progress_bar(info.frames, video.name, progress)
    writer = (
        BackgroundVideoWriter(
            VideoWriterSink(folder / "annotated.mp4", info.fps, info.width, info.height),
            render=lambda frame, drawn: mode.render(frame, *drawn),
        )
        if write_video
        else None
    )
    try:
        with (
            PoseEstimator(
                LandmarkerOptions(model_path, segmentation=mode.needs_mask, flip_test=flip_test)
            ) as estimator,
            CsvSink(folder / "angles.csv") as csv_sink,
        ):
            for coached in mode.frames(reader, estimator):
                frame, result, index, t, label = coached
                csv_sink.write(mode.row(coached))
                if writer is not None:
                    writer.write(frame, (result, label))
                frames, last_t = index + 1, t
                bar.update(1)
                if on_frame is not None:
                    on_frame(frames, info.frames)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        bar.close()
        if writer is not None:
            writer.close()
        source = SourceInfo(
            path=str(video),
            fps=round(info.fps, 3),
            frames=frames,
            duration_s=round(last_t + 1.0 / info.fps if frames else 0.0, 3),
            width=info.width,
            height=info.height,
        )
        report = mode.report(source, interrupted)
        write_json_atomic(folder / "report.json", report)
        mode.write_page(folder, report)
        recorder.finish(report)
    if frames == 0:
        raise FormcoachError(f"{video}: no frames could be read")
    if mode.pose_frames == 0:
        raise FormcoachError(f"no person found in {video} (empty results written to {folder})")
    return AnalysisOutputs(folder, report)


def _progress_bar(total: int, name: str, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total or None,
        desc=name,
        unit="frame",
        file=sys.stderr,
        dynamic_ncols=True,
        leave=False,
        disable=None if enabled else True,  # None: shown on a terminal only, not in pipes
    )
