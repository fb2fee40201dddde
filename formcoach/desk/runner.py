"""`formcoach desk`: watch quietly while someone works; remind them to get up and move.

The camera (or a video, `--source`) is sampled at a low rate (1 frame a
second by default) through the lite pose model without a segmentation mask,
so watching costs a few percent of one core. Each sample's posture feeds the
sit timer; a reminder is spoken, shown as a desktop notice and printed. With
`break_routine` the desk-break routine starts once the person stands up after
a reminder; watching resumes afterwards (a camera) or ends (a video).

desk.json (counts and times, never images) is written every minute and at
the end, also after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from formcoach.core.flip_fusion import FlipTest
from formcoach.desk.notify import Notifier, make_notifier
from formcoach.desk.posture import classify_posture
from formcoach.desk.record import desk_record, duration_words, summary_text
from formcoach.desk.sit_timer import DeskEvent, SitSettings, SitTimer
from formcoach.exercises.config import Config
from formcoach.io.records import write_json_atomic
from formcoach.io.streams import open_stream
from formcoach.live.ending import INTERRUPTED, exit_status, stream_end_reason
from formcoach.live.voice import Voice, make_voice
from formcoach.pose.landmarker import LandmarkerOptions, PoseEstimator
from formcoach.pose.model_store import resolve_model

log = logging.getLogger(__name__)

SAVE_EVERY_S = 60.0
BREAK_ROUTINE = "desk-break"


@dataclass(frozen=True)
class DeskOptions:
    camera: int = 0
    source: Path | None = None
    paced: bool = True  # a video in real time, as a camera would deliver it
    rate_hz: float = 1.0
    model: str = "lite"
    sit_minutes: float = 30.0
    break_minutes: float = 1.0
    remind_every_minutes: float = 5.0
    confirm_s: float = 3.0
    voice: bool = True
    notify: bool = True
    break_routine: bool = False
    out_dir: Path | None = None
    duration_s: float | None = None
    history: Path | None = None  # for the break routine's steps
    config: Config | None = None


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_desk(
    opts: DeskOptions,
    *,
    notifier: Notifier | None = None,
    voice: Voice | None = None,
    say: Callable[[str], None] = print,
) -> int:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
    settings = SitSettings(
        sit_limit_s=opts.sit_minutes * 60.0,
        break_s=opts.break_minutes * 60.0,
        confirm_s=opts.confirm_s,
        remind_every_s=opts.remind_every_minutes * 60.0,
    )
    sources = (opts.source,) if opts.source is not None else ()
    reader, source_name = open_stream(opts.camera, sources, paced=opts.paced, rate_hz=opts.rate_hz)
    model_path = resolve_model(opts.model)
    started = datetime.now().astimezone()
    folder = opts.out_dir or Path.cwd() / started.strftime("formcoach-desk-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    notifier = notifier or make_notifier(opts.notify)
    voice = voice or make_voice(opts.voice)
    timer = SitTimer(settings)
    postures: Counter[str] = Counter()
    cpu_s = wall_s = 0.0
    offset_s, last_t = 0.0, 0.0
    interrupted, reason = False, "ended"
    reminded = False  # since the last break
    base = time.monotonic()

    def record() -> dict:
        cpu = (
            {
                "cpu_s": round(cpu_s, 3),
                "wall_s": round(wall_s, 3),
                "percent_of_one_core": round(100.0 * cpu_s / wall_s, 2),
            }
            if wall_s > 0
            else None
        )
        return desk_record(
            timer,
            postures,
            source=source_name,
            started_at=started.isoformat(timespec="seconds"),
            rate_hz=opts.rate_hz,
            model=opts.model,
            watched_s=last_t,
            cpu=cpu,
            interrupted=interrupted,
            stopped_because=reason,
        )

    def on_event(e: DeskEvent) -> bool:
        """Report one event; True when the break routine should start now."""
        nonlocal reminded
        clock = f"[{_clock(e.time_s)}]"
        if e.kind == "sat_down":
            say(f"{clock} sitting")
        elif e.kind == "stood_up":
            say(f"{clock} stood up after sitting {duration_words(e.sat_s)}")
            return opts.break_routine and reminded
        elif e.kind == "break":
            reminded = False
            say(f"{clock} break taken: the sitting clock starts again")
        elif e.kind == "reminder":
            text = (
                f"You have been sitting for {duration_words(e.sat_s)}. "
                "Time to stand up and move for two or three minutes"
            )
            hint = (
                "the desk-break routine starts when you stand up"
                if opts.break_routine
                else f"try: formcoach routine {BREAK_ROUTINE}"
            )
            reminded = True
            say(f"{clock} reminder")
            notifier.notify("Time to stand up", f"{text}; {hint}")
            voice.say(text)
        return False

    def watch(stream: object) -> str:
        """Sample until the stream ends, the time is up, or the break routine is due."""
        nonlocal cpu_s, wall_s, last_t
        # sitting or standing is all it asks, on as little CPU as it can: no mask, and so
        # no check of the legs against it and no mirrored reading
        options = LandmarkerOptions(model_path, segmentation=False, flip_test=FlipTest.OFF)
        with PoseEstimator(options) as estimator:
            cpu0 = wall0 = None
            for index, t, frame in stream:  # type: ignore[attr-defined]
                t += offset_s
                last_t = t
                reading = classify_posture(estimator.process(frame, index, t).pose)
                postures[reading.posture] += 1
                log.debug("%s %s (%s)", _clock(t), reading.posture, reading.reason)
                start_break = False
                for event in timer.update(t, reading.posture):
                    start_break |= on_event(event)
                poll = getattr(voice, "poll", None)
                if poll is not None:
                    poll()
                # CPU from the first sample on: model loading is not watching.
                if cpu0 is None:
                    cpu0, wall0 = time.process_time(), time.monotonic()
                else:
                    cpu_s += time.process_time() - cpu0
                    wall_s += time.monotonic() - wall0  # type: ignore[operator]
                    cpu0, wall0 = time.process_time(), time.monotonic()
                if int(t // SAVE_EVERY_S) != int((t - 1.0 / opts.rate_hz) // SAVE_EVERY_S):
                    write_json_atomic(folder / "desk.json", record())
                if opts.duration_s is not None and t >= opts.duration_s:
                    return "duration reached"
                if start_break:
                    return "break routine"
        return stream_end_reason(stream, from_video=opts.source is not None)

    say(
        f"watching {source_name} at {opts.rate_hz:g} frame/s; reminding after "
        f"{duration_words(settings.sit_limit_s)} of sitting; Ctrl-C to stop"
    )
    try:
        while True:
            reason = watch(reader)
            if reason != "break routine":
                break
            _run_break_routine(opts)
            if opts.source is not None:
                reason = "end of video (after the break routine)"
                break
            offset_s = time.monotonic() - base
            reader, _ = open_stream(opts.camera, rate_hz=opts.rate_hz)
    except KeyboardInterrupt:
        interrupted, reason = True, INTERRUPTED
    finally:
        voice.close()
        timer.finish(last_t)
        result = record()
        write_json_atomic(folder / "desk.json", result)
    say(summary_text(result))
    say(f"stopped: {reason}; record in {folder / 'desk.json'}")
    return exit_status(reason, interrupted, say)


def _run_break_routine(opts: DeskOptions) -> None:
    from formcoach.routine.runner import RoutineOptions, run_routine

    run_routine(
        RoutineOptions(
            routine=BREAK_ROUTINE,
            camera=opts.camera,
            sources=(opts.source,) if opts.source is not None else (),
            paced=opts.paced,
            voice=opts.voice,
            window=False,
            out_dir=None,
            history=opts.history,
            config=opts.config,
        )
    )


def _clock(time_s: float) -> str:
    hours, rest = divmod(int(time_s), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:d}:{minutes:02d}:{seconds:02d}"
