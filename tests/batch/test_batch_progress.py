"""Progress lines: one per event in a pipe, a status line redrawn on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

from batch_reports import fake_report

from formcoach.batch.inputs import plan_tasks
from formcoach.batch.progress import BatchProgress
from formcoach.batch.summary import result_from_report, result_without_report

TASKS = plan_tasks([Path("a.mp4"), Path("b.mov")], Path("out"))


def test_in_a_pipe_every_event_is_a_line_and_percentages_come_by_quarters() -> None:
    stream = io.StringIO()
    progress = BatchProgress(TASKS, stream, live=False)
    progress.started(0)
    progress.started(1)
    for done in range(1, 101):
        progress.advanced(0, done, 100)
    progress.finished(0, result_from_report(Path("a.mp4"), Path("out/a"), fake_report()))
    failed = result_without_report(Path("b.mov"), "lunge", "failed", "cannot read b.mov")
    progress.finished(1, failed)
    progress.close()
    assert stream.getvalue().splitlines() == [
        "a.mp4 started",
        "b.mov started",
        "a.mp4 25%",
        "a.mp4 50%",
        "a.mp4 75%",
        "[1/2] a.mp4 done (10 s video, 0 cues)",
        "[2/2] b.mov failed: cannot read b.mov",
    ]


def test_without_percentages_only_the_events() -> None:
    stream = io.StringIO()
    progress = BatchProgress(TASKS, stream, percentages=False, live=True)
    progress.started(0)
    progress.advanced(0, 50, 100)
    assert stream.getvalue() == "a.mp4 started\n"


def test_on_a_terminal_a_status_line_shows_each_running_video() -> None:
    stream = io.StringIO()
    now = [0.0]
    progress = BatchProgress(TASKS, stream, live=True, clock=lambda: now[0])
    progress.started(0)
    progress.started(1)
    now[0] = 1.0
    progress.advanced(1, 30, 0)  # a container that does not say its length
    now[0] = 2.0
    progress.advanced(0, 40, 100)
    assert stream.getvalue().endswith("\r\x1b[K[0/2] running: a.mp4 40%, b.mov 30 frames")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")
