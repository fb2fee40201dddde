"""`formcoach routine`: a guided routine from a camera, or from videos played as one.

The edge around `RoutineSession`: frames in (camera or video), poses from
MediaPipe, announcements out (voice, terminal, window), keys in (p pause,
s skip, q quit), and the record: each step's report.json and history entry
as the step ends, routine.json with the summary at the end. Ctrl-C, SIGTERM,
a closed window or the end of the video all leave the record of what was
done so far.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from formcoach.exercises.config import Config
from formcoach.history.recorder import open_recorder
from formcoach.history.store import HistoryStore
from formcoach.io.records import write_json_atomic
from formcoach.io.streams import open_stream
from formcoach.live.ending import INTERRUPTED, exit_status, stream_end_reason
from formcoach.live.voice import Voice, make_voice
from formcoach.live.window import CvWindow
from formcoach.pose.landmarker import LandmarkerOptions, PoseEstimator
from formcoach.pose.model_store import resolve_model
from formcoach.report import SourceInfo, build_report
from formcoach.routine.loading import load_routine
from formcoach.routine.machine import Announcement
from formcoach.routine.model import Routine
from formcoach.routine.overlay import RoutinePanel
from formcoach.routine.session import RoutineSession, StepRecord, checker_for_step
from formcoach.routine.summary import routine_summary, summary_text

log = logging.getLogger(__name__)

SPOKEN_COACH = ("cue", "repeat")  # the coach's own acknowledgements are left to the routine
COACHED_PHASES = ("position", "countdown", "work")
PAUSE_KEYS = (ord("p"), ord("P"), ord(" "))
SKIP_KEYS = (ord("s"), ord("S"), ord("n"), ord("N"))


@dataclass(frozen=True)
class RoutineOptions:
    routine: str | None = None  # a shipped routine's name or a .toml path (None: default)
    camera: int = 0
    sources: tuple[Path, ...] = ()  # videos played one after another in place of a camera
    paced: bool = True  # play videos in real time (False: as fast as they decode)
    model: str | None = None
    voice: bool = True
    window: bool = True
    out_dir: Path | None = None
    duration_s: float | None = None
    history: Path | None = None
    config: Config | None = None


class KeyWindow(Protocol):
    """What the routine needs of a window: show a frame, then the key pressed, if any."""

    last_key: int | None

    def show(self, frame: np.ndarray) -> bool: ...

    def close(self) -> None: ...


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # a polite kill ends the routine like Ctrl-C: record kept


def run_routine(
    opts: RoutineOptions,
    *,
    routine: Routine | None = None,
    voice: Voice | None = None,
    say: Callable[[str], None] = print,
    window: KeyWindow | None = None,
) -> int:
    """Run a routine to its end (or the video's, or Ctrl-C); returns the exit code.

    `voice`, `say` and `window` replace the speaker, the terminal and the
    window (tests pass stand-ins; a window is used only with `opts.window`).
    """
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
    routine = routine or load_routine(opts.routine, opts.config)
    reader, source_name = open_stream(opts.camera, opts.sources, paced=opts.paced)
    model_path = resolve_model(opts.model)
    if opts.history is not None:
        HistoryStore(opts.history).close()  # a damaged history stops us before any work
    started = datetime.now().astimezone()
    folder = opts.out_dir or Path.cwd() / started.strftime("formcoach-routine-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    if opts.window:
        window = window or CvWindow(f"formcoach - {routine.title}")
    else:
        window = None
    voice = voice or make_voice(opts.voice)
    session = RoutineSession(routine, opts.config)
    panel = RoutinePanel()
    info = reader.info  # type: ignore[attr-defined]
    masks = any(
        c is not None and c.spec.needs_mask
        for c in (checker_for_step(s, opts.config) for s in routine.steps)
    )
    interrupted, reason, last_t = False, "ended", 0.0

    def announce(items: Sequence[Announcement]) -> None:
        for a in items:
            say(f"[{_clock(a.time_s)}] {a.text}")
            voice.say(a.text)

    def keep(ended: StepRecord | None) -> None:
        if ended is not None:
            _save_step(
                ended, routine.name, folder, source_name, info, started, opts.history, interrupted
            )

    say(
        f"routine {routine.title} ({len(routine.steps)} steps) from {source_name}; "
        + ("keys: p pause, s skip step, q quit" if window else "Ctrl-C to stop")
    )
    try:
        with PoseEstimator(LandmarkerOptions(model_path, segmentation=masks)) as estimator:
            for index, t, frame in reader:  # type: ignore[attr-defined]
                last_t = t
                out = session.process(estimator.process(frame, index, t))
                if out.coach is not None and out.status.phase in COACHED_PHASES:
                    for event in out.coach.events:
                        if event.kind in SPOKEN_COACH:
                            voice.say(event.text)
                announce(out.announcements)
                poll = getattr(voice, "poll", None)
                if poll is not None:
                    poll()
                keep(out.ended)
                if window is not None:
                    if not window.show(panel.annotate(frame, out.status, out.coach)):
                        reason = "quit by user"
                        break
                    if window.last_key in PAUSE_KEYS:
                        announce(session.toggle_pause(t))
                    elif window.last_key in SKIP_KEYS:
                        said, ended = session.skip(t)
                        announce(said)
                        keep(ended)
                if session.machine.finished:
                    reason = "routine complete"
                    break
                if opts.duration_s is not None and t >= opts.duration_s:
                    reason = "duration reached"
                    break
            else:
                reason = stream_end_reason(reader, from_video=bool(opts.sources))
    except KeyboardInterrupt:
        interrupted, reason = True, INTERRUPTED
    finally:
        if window is not None:
            window.close()
        voice.close()
        keep(session.finish(last_t))
        summary = routine_summary(
            routine,
            session.machine,
            source=source_name,
            started_at=started.isoformat(timespec="seconds"),
            interrupted=interrupted,
            stopped_because=reason,
        )
        write_json_atomic(folder / "routine.json", summary)
    say(summary_text(summary))
    say(f"stopped: {reason}; routine record in {folder}")
    return exit_status(reason, interrupted, say)


def _save_step(
    ended: StepRecord,
    routine_name: str,
    folder: Path,
    source_name: str,
    info: Any,
    started: datetime,
    history: Path | None,
    interrupted: bool,
) -> None:
    """The step's report.json beside the routine's, and its session in the history."""
    first = ended.first_time_s or 0.0
    duration = (ended.last_time_s or first) - first
    source = SourceInfo(
        f"routine {routine_name} step {ended.index + 1}: {source_name}",
        round(info.fps, 3),
        ended.frames,
        round(duration, 3),
        info.width,
        info.height,
    )
    report = build_report(ended.record, ended.checker.spec, source, interrupted=interrupted)
    name = f"step{ended.index + 1}-{ended.checker.spec.name}.json"
    write_json_atomic(folder / name, report)
    recorder = open_recorder(
        history,
        mode="live",
        started_at=started + timedelta(seconds=first),
        out_dir=folder,
        hold_target_s=ended.checker.spec.hold_target_s,
    )
    recorder.finish(report)


def _clock(time_s: float) -> str:
    minutes, seconds = divmod(int(time_s), 60)
    return f"{minutes:02d}:{seconds:02d}"


def list_routines() -> str:
    """The shipped routines, one line each, with their steps and length."""
    from formcoach.routine.loading import shipped_names

    lines = []
    for name in shipped_names():
        r = load_routine(name)
        steps = ", ".join(s.title for s in r.steps)
        lines.append(f"{name:12} {r.title} (about {r.estimated_s() / 60:.0f} min): {steps}")
    return "\n".join(lines)
