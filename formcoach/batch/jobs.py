"""The worker processes of a batch: each analyses one video at a time, fully.

Processes rather than threads: the coach's per-frame Python (checks, overlay,
report series) holds the GIL, so threads would share one core. The
processes are spawned, not forked: a fork copies a parent whose OpenCV or
MediaPipe threads may hold locks, and the child can hang on them.

What goes wrong stays with its video. An error becomes that video's row
("failed" and the one-line reason) and the rest go on; a worker that dies
(a decoder crash, the OOM killer) breaks only the pool it ran in, so the
videos cut short are tried again, each alone, and the one that kills its
worker a second time is marked failed. Only a usage error, the same for
every video (an unknown exercise), stops the batch.

Ctrl-C reaches the whole process group at a terminal; the workers ignore
it and the parent decides: it sets a stop flag that each running analysis
reads after every frame, so each still writes its outputs so far (marked
interrupted), and videos not yet started are marked so.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import signal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import Any, Protocol

from formcoach.batch.inputs import VideoTask
from formcoach.batch.summary import (
    Status,
    VideoResult,
    result_from_report,
    result_without_report,
)
from formcoach.core.flip_fusion import FlipTest
from formcoach.errors import FormcoachError, UsageError
from formcoach.exercises.config import Config

log = logging.getLogger(__name__)

# OpenCV's own thread pool per worker. Decoding, colour conversion and
# resizing a 640x360 frame are too small to gain from it, and with --jobs N
# each worker's pool would compete with the other workers for the cores.
OPENCV_THREADS = 1
POLL_S = 0.2  # how often the parent looks at the workers' progress messages
STOP_WAIT_S = 60.0  # after Ctrl-C, how long running videos get to write their outputs
CRASHED = "the analysis process ended unexpectedly (it crashed or was killed)"

OnFrame = Callable[[int, int], None]  # (frames done, frames expected or 0)


@dataclass(frozen=True)
class BatchOptions:
    """What every video of a batch is analysed with."""

    exercise: str
    jobs: int = 1
    model: str | None = None  # a resolved model path, so the workers never build one
    write_video: bool = True
    config: Config | None = None
    history: Path | None = None
    flip_test: FlipTest = FlipTest.LOST_LEGS


class Analyse(Protocol):
    """One video's analysis, run in a worker: its report.json as a dict."""

    def __call__(
        self, task: VideoTask, options: BatchOptions, on_frame: OnFrame
    ) -> Mapping[str, Any]: ...


class BatchEvents(Protocol):
    """What the parent tells as the batch goes (BatchProgress is one)."""

    def started(self, index: int) -> None: ...

    def advanced(self, index: int, done: int, expected: int) -> None: ...

    def finished(self, index: int, result: VideoResult) -> None: ...


@dataclass(frozen=True)
class BatchOutcome:
    results: list[VideoResult]  # in the order of the tasks
    interrupted: bool


def analyse_video(task: VideoTask, options: BatchOptions, on_frame: OnFrame) -> Mapping[str, Any]:
    """The real analysis: `formcoach analyze` of one video into its folder."""
    from formcoach.analyze import analyze_video

    outputs = analyze_video(
        task.video,
        options.exercise,
        task.out_dir,
        model=options.model,
        write_video=options.write_video,
        progress=False,
        history=options.history,
        config=options.config,
        on_frame=on_frame,
        flip_test=options.flip_test,
    )
    return outputs.report


def run_batch(
    tasks: Sequence[VideoTask],
    options: BatchOptions,
    events: BatchEvents,
    analyse: Analyse = analyse_video,
) -> BatchOutcome:
    """Analyse every task in `options.jobs` worker processes; one result per task.

    `analyse` must be importable by name (a worker unpickles it). Ctrl-C
    returns what finished, with `interrupted` set; a UsageError from a
    worker is raised once the workers have stopped.
    """
    ctx = multiprocessing.get_context("spawn")
    batch = _Batch(events, ctx.Queue(), ctx.Event())
    normal, alone = list(tasks), []  # alone: cut short by a crash, tried once more by itself
    cut_short: set[int] = set()
    interrupted = False
    try:
        while normal or alone:
            if alone:
                run, jobs = [alone.pop(0)], 1
            else:
                run, jobs, normal = normal, options.jobs, []
            for task in _run_pool(run, jobs, options, analyse, ctx, batch):
                if len(run) == 1:
                    batch.finish(task.index, _failed(task, options, CRASHED))
                elif task.index in batch.started or task.index in cut_short:
                    alone.append(task)
                else:  # queued behind the crash: into the next pool
                    cut_short.add(task.index)
                    normal.append(task)
    except KeyboardInterrupt:
        interrupted = True
        batch.stop.set()  # in case it came between two pools
    finally:
        batch.drain()
    for task in tasks:
        if task.index not in batch.results:
            ran = task.index in batch.started
            report = _report_written_since(task.out_dir, batch.since) if ran else None
            status: Status = "interrupted" if ran else "not started"
            error = "stopped by Ctrl-C"
            batch.finish(
                task.index,
                result_from_report(task.video, task.out_dir, report, status, error)
                if report is not None
                else result_without_report(task.video, options.exercise, status, error),
            )
    return BatchOutcome([batch.results[t.index] for t in tasks], interrupted)


class _Batch:
    """The parent's view of a batch: who started, who finished, with what."""

    def __init__(self, events: BatchEvents, queue: Any, stop: Any) -> None:
        self.events = events
        self.queue = queue  # ("started", index), ("advanced", index, done, expected)
        self.stop = stop  # set: every running analysis stops after its current frame
        self.started: set[int] = set()
        self.results: dict[int, VideoResult] = {}
        self.since = time.time()

    def drain(self) -> None:
        while True:
            try:
                message = self.queue.get_nowait()
            except (Empty, OSError, ValueError):
                return
            kind, index, *rest = message
            if index in self.results:  # late news of a finished video
                continue
            if kind == "started":
                self.started.add(index)
                self.events.started(index)
            elif index in self.started:
                self.events.advanced(index, *rest)

    def finish(self, index: int, result: VideoResult) -> None:
        self.results[index] = result
        self.events.finished(index, result)


def _run_pool(
    run: Sequence[VideoTask],
    jobs: int,
    options: BatchOptions,
    analyse: Analyse,
    ctx: Any,
    batch: _Batch,
) -> list[VideoTask]:
    """Run `run` in one pool of workers; the tasks a dead worker cut short."""
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(run))),
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(batch.queue, batch.stop, logging.getLogger().getEffectiveLevel()),
    )
    futures = {pool.submit(_run_task, analyse, task, options): task for task in run}
    collected: set[Future[VideoResult]] = set()
    cut: list[VideoTask] = []
    try:
        while len(collected) < len(futures):
            pending = [f for f in futures if f not in collected]
            wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
            batch.drain()
            for future in pending:
                if future.done():
                    collected.add(future)
                    if not _collect(futures[future], future, options, batch):
                        cut.append(futures[future])
    except BaseException:  # Ctrl-C, or a usage error: stop every video, keep what finished
        batch.stop.set()
        pending = [f for f in futures if f not in collected]
        for future in pending:
            future.cancel()
        try:
            wait(pending, timeout=STOP_WAIT_S)
            batch.drain()
            for future in pending:
                if future.done() and not future.cancelled():
                    if not isinstance(future.exception(), UsageError):
                        _collect(futures[future], future, options, batch)
            pool.shutdown(wait=True)  # no worker is left starting up on a vanished queue
        except KeyboardInterrupt:  # a second Ctrl-C: stop waiting
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return cut


def _collect(
    task: VideoTask, future: Future[VideoResult], options: BatchOptions, batch: _Batch
) -> bool:
    """Record a finished future's result; False if its worker died under it."""
    exc = future.exception()
    if isinstance(exc, BrokenProcessPool):
        return False
    if isinstance(exc, UsageError):
        raise exc
    if exc is not None:  # it could not even be sent back: a bug, kept to this video
        result = _failed(task, options, f"internal error: {type(exc).__name__}: {exc}")
    else:
        result = future.result()
    batch.finish(task.index, result)
    return True


def _failed(task: VideoTask, options: BatchOptions, error: str) -> VideoResult:
    return result_without_report(task.video, options.exercise, "failed", error)


# -- in the worker processes ------------------------------------------------------

_messages: Any = None  # the parent's queue
_stop: Any = None  # the parent's stop flag


def _init_worker(messages: Any, stop: Any, log_level: int) -> None:
    global _messages, _stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; see the module's notes
    _messages, _stop = messages, stop
    logging.basicConfig(level=log_level, format="%(message)s", stream=sys.stderr)
    import cv2

    cv2.setNumThreads(OPENCV_THREADS)


def _run_task(analyse: Analyse, task: VideoTask, options: BatchOptions) -> VideoResult:
    """One video, start to end, in a worker; every outcome but a usage error is a row."""
    if _stop.is_set():  # queued before Ctrl-C, picked up after it
        return result_without_report(
            task.video, options.exercise, "not started", "stopped by Ctrl-C"
        )
    since = time.time()
    _messages.put(("started", task.index))
    last_step = -1

    def on_frame(done: int, expected: int) -> None:
        nonlocal last_step
        if _stop.is_set():
            raise KeyboardInterrupt  # analyze_video writes what it has, then re-raises
        step = 100 * done // expected if expected else done // 30
        if step != last_step:
            last_step = step
            _messages.put(("advanced", task.index, done, expected))

    try:
        report = analyse(task, options, on_frame)
    except KeyboardInterrupt:
        return _after_failure(task, options, "interrupted", "stopped by Ctrl-C", since)
    except UsageError:
        raise  # the same for every video: the parent stops the batch
    except FormcoachError as exc:
        return _after_failure(task, options, "failed", _one_line(exc), since)
    except Exception as exc:  # a bug: logged with its traceback, kept to this video
        log.exception("internal error analysing %s", task.video)
        error = f"internal error: {type(exc).__name__}: {_one_line(exc)}"
        return _after_failure(task, options, "failed", error, since)
    return result_from_report(task.video, task.out_dir, report)


def _after_failure(
    task: VideoTask, options: BatchOptions, status: Status, error: str, since: float
) -> VideoResult:
    """A failed or interrupted video's row, with its report if it wrote one (no person found)."""
    report = _report_written_since(task.out_dir, since)
    if report is None:
        return result_without_report(task.video, options.exercise, status, error)
    return result_from_report(task.video, task.out_dir, report, status, error)


def _report_written_since(folder: Path, since: float) -> dict[str, Any] | None:
    """The folder's report.json if this run wrote it (an older one is another run's)."""
    path = folder / "report.json"
    try:
        if path.stat().st_mtime < since - 1.0:  # some file systems keep whole seconds
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
