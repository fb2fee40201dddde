"""`formcoach live`: coaching from a camera, or from a video played as if it were one.

The session record (angles.csv as it goes, report.json every few seconds
and at the end) is kept in the output folder, so Ctrl-C, a closed window,
a camera that disappears or a crash all leave the session's record behind.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from formcoach.core.flip_fusion import FlipTest
from formcoach.exercises.config import Config
from formcoach.exercises.registry import make_checker
from formcoach.history.recorder import open_recorder
from formcoach.io.records import CsvSink, write_json_atomic
from formcoach.io.video import CameraReader, PacedReader, VideoFileReader
from formcoach.live.ending import INTERRUPTED, exit_status, stream_end_reason
from formcoach.live.voice import make_voice
from formcoach.live.window import CvWindow
from formcoach.modes import make_mode
from formcoach.pose.landmarker import LandmarkerOptions, PoseEstimator
from formcoach.pose.model_store import resolve_model
from formcoach.recognition.auto_coach import AUTO
from formcoach.report import SourceInfo, summary_text

log = logging.getLogger(__name__)

CHECKPOINT_EVERY_S = 5.0
SPOKEN = ("cue", "repeat", "ack")


@dataclass(frozen=True)
class LiveOptions:
    exercise: str
    camera: int = 0
    source: Path | None = None
    loop: bool = False
    model: str | None = None
    voice: bool = True
    window: bool = True
    out_dir: Path | None = None
    duration_s: float | None = None
    history: Path | None = None  # the history database to record into; None keeps nothing
    config: Config | None = None  # the user's tuning of the exercises (--config)
    flip_test: FlipTest = FlipTest.LOST_LEGS  # when a frame is also read mirrored


@dataclass
class LiveStats:
    frames: int = 0


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # a polite kill ends the session like Ctrl-C: record kept


def run_live(opts: LiveOptions) -> int:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
    if opts.exercise != AUTO:
        make_checker(opts.exercise, opts.config)  # a wrong name fails before the camera opens
    if opts.source is not None:
        reader: PacedReader | CameraReader = PacedReader(
            VideoFileReader(opts.source), loop=opts.loop
        )
        source_name = str(opts.source)
    else:
        reader = CameraReader(opts.camera)
        source_name = f"camera {opts.camera}"
    model_path = resolve_model(opts.model)
    started = datetime.now().astimezone()
    folder = opts.out_dir or Path.cwd() / started.strftime("formcoach-live-%Y%m%d-%H%M%S")
    info = reader.info
    recorder = open_recorder(opts.history, mode="live", started_at=started, out_dir=folder)
    mode = make_mode(opts.exercise, opts.config, started, info.fps or 30.0, "live")
    window = CvWindow(f"formcoach - {mode.title}") if opts.window else None
    folder.mkdir(parents=True, exist_ok=True)
    voice = make_voice(opts.voice)
    stats = LiveStats()
    last_t, next_checkpoint = 0.0, CHECKPOINT_EVERY_S
    interrupted, reason = False, "ended"

    def save(final: bool = False) -> dict:
        source = SourceInfo(
            source_name, round(info.fps, 3), stats.frames, round(last_t, 3), info.width, info.height
        )
        report = mode.report(source, interrupted, final=final)
        report["live"] = {
            "frames_processed": stats.frames,
            "frames_dropped": _dropped(reader),
            "stopped_because": reason,
        }
        write_json_atomic(folder / "report.json", report)
        recorder.save(report)
        return report

    print(
        f"coaching {mode.title if opts.exercise != AUTO else 'whichever exercise you do'} from "
        f"{source_name}; "
        f"{'press q or Esc to stop' if window else 'Ctrl-C to stop'}"
    )
    try:
        with (
            PoseEstimator(
                LandmarkerOptions(
                    model_path, segmentation=mode.needs_mask, flip_test=opts.flip_test
                )
            ) as estimator,
            CsvSink(folder / "angles.csv", flush_every=15) as csv_sink,
        ):
            for coached in mode.frames(reader, estimator):
                frame, result, _, t, label = coached
                csv_sink.write(mode.row(coached))
                for line in mode.announcements(coached):
                    print(f"recognised: {line}", flush=True)
                    voice.say(line)
                for event in result.events if result is not None else ():
                    if event.kind in SPOKEN:
                        voice.say(event.text)
                poll = getattr(voice, "poll", None)
                if poll is not None:
                    poll()
                stats.frames += 1
                last_t = t
                if done := mode.completed():  # saved before it is announced
                    save()
                    print("\n".join(done), flush=True)
                if window is not None:
                    if not window.show(mode.render(frame, result, label)):
                        reason = "quit by user"
                        break
                if t >= next_checkpoint:
                    save()
                    next_checkpoint = t + CHECKPOINT_EVERY_S
                if opts.duration_s is not None and t >= opts.duration_s:
                    reason = "duration reached"
                    break
            else:
                reason = stream_end_reason(reader, from_video=opts.source is not None)
    except KeyboardInterrupt:
        interrupted, reason = True, INTERRUPTED
    finally:
        if window is not None:
            window.close()
        voice.close()
        report = save(final=True)
        mode.write_page(folder, report)
        recorder.finish(report)
    print(summary_text(report))
    print(f"stopped: {reason}; session saved in {folder}")
    return exit_status(reason, interrupted)


def _dropped(reader: object) -> int:
    return int(getattr(reader, "dropped", 0))
