"""`formcoach analyze A B folder/ --jobs N`: many videos, one output folder each, one summary.

    parent/                  --out, default formcoach-batch-<date-time>/
      <video stem>/          what `formcoach analyze` writes for one video
      <video stem>-2/        a second video with the same name, from another folder
      summary.csv            one row per video
      summary.html           the same, each video linked to its report.html

The summary is rewritten as each video finishes (the rest marked pending),
so even a batch that is killed leaves one. Exit status: 0 when every video was analysed, 1 when any
failed, 130 after Ctrl-C.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from formcoach.batch.inputs import (
    SUMMARY_CSV,
    SUMMARY_HTML,
    VideoTask,
    expand_inputs,
    plan_tasks,
)
from formcoach.batch.jobs import BatchEvents, BatchOptions, run_batch
from formcoach.batch.progress import BatchProgress
from formcoach.batch.summary import (
    VideoResult,
    describe_result,
    render_summary,
    result_without_report,
    status_counts,
    summary_csv,
)
from formcoach.errors import UsageError
from formcoach.io.records import write_text_atomic

log = logging.getLogger(__name__)

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


def default_parent(started: datetime) -> Path:
    return Path.cwd() / started.strftime("formcoach-batch-%Y%m%d-%H%M%S")


def analyze_many(
    inputs: Sequence[Path],
    options: BatchOptions,
    out: Path | None = None,
    *,
    progress: bool = True,
) -> int:
    """Analyse every video in `inputs` (files, folders); the command's exit status."""
    from formcoach.pose.model_store import resolve_model

    if options.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {options.jobs}")
    videos = expand_inputs(inputs)
    # Resolved once here: a bad --model ends the command before any work, and a
    # model built on first use is built once, not by every worker at once.
    options = replace(options, model=str(resolve_model(options.model)))
    started = datetime.now().astimezone()
    parent = out or default_parent(started)
    tasks = plan_tasks(videos, parent)
    summary = SummaryFiles(parent, tasks, options.exercise, started)
    jobs = min(options.jobs, len(tasks))
    log.info("analysing %d videos, %d at a time, into %s", len(tasks), jobs, parent)
    display = BatchProgress(tasks, sys.stderr, percentages=progress)
    try:
        outcome = run_batch(tasks, options, _Recording(display, summary))
    finally:
        display.close()
    summary.write(outcome.results)
    for result in outcome.results:
        print(_result_line(result))
    print(f"{status_counts(outcome.results)}; summary: {parent / SUMMARY_HTML} (and {SUMMARY_CSV})")
    if outcome.interrupted:
        print("formcoach: interrupted; finished videos keep their outputs", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_FAILED if any(r.status != "ok" for r in outcome.results) else 0


class SummaryFiles:
    """summary.csv and summary.html in the batch's folder, each written in one step."""

    def __init__(
        self, parent: Path, tasks: Sequence[VideoTask], exercise: str, started: datetime
    ) -> None:
        self.parent = parent
        self.tasks = tasks
        self.exercise = exercise
        self.started = started
        self.done: dict[int, VideoResult] = {}

    def write(self, final: Sequence[VideoResult] | None = None) -> None:
        results = list(final) if final is not None else [self._so_far(t) for t in self.tasks]
        write_text_atomic(self.parent / SUMMARY_CSV, summary_csv(results, self.parent))
        html = render_summary(
            results, self.parent, self.started, self.exercise, finished=final is not None
        )
        write_text_atomic(self.parent / SUMMARY_HTML, html)

    def _so_far(self, task: VideoTask) -> VideoResult:
        return self.done.get(task.index) or result_without_report(
            task.video, self.exercise, "pending"
        )


class _Recording:
    """The batch's events to the progress lines, and each finished video to the summary."""

    def __init__(self, display: BatchEvents, summary: SummaryFiles) -> None:
        self.display = display
        self.summary = summary

    def started(self, index: int) -> None:
        self.display.started(index)

    def advanced(self, index: int, done: int, expected: int) -> None:
        self.display.advanced(index, done, expected)

    def finished(self, index: int, result: VideoResult) -> None:
        self.display.finished(index, result)
        self.summary.done[index] = result
        self.summary.write()


def _result_line(result: VideoResult) -> str:
    detail = describe_result(result)
    if result.has_report and result.pose_coverage is not None:
        detail += f", pose found in {result.pose_coverage:.0%} of frames"
    if result.error:
        detail = f"{detail}; {result.error}" if detail else result.error
    return f"{result.status:11} {result.video}: {detail}"
