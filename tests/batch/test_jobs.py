"""The worker processes: failures stay with their video, a dead worker takes
no other video with it, Ctrl-C keeps what finished. The analyses are stand-ins
(batch_reports.analyse_by_name), so these run in a second or two each."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_reports import analyse_by_name

from formcoach.batch.inputs import plan_tasks
from formcoach.batch.jobs import CRASHED, BatchOptions, run_batch
from formcoach.batch.summary import VideoResult
from formcoach.errors import UsageError


class Recorder:
    """The events a batch sends, in order."""

    def __init__(self, interrupt_when_started: int | None = None) -> None:
        self.events: list[tuple] = []
        self.interrupt_when_started = interrupt_when_started

    def started(self, index: int) -> None:
        self.events.append(("started", index))
        started = sum(1 for e in self.events if e[0] == "started")
        if started == self.interrupt_when_started:
            raise KeyboardInterrupt  # as Ctrl-C arrives in the parent

    def advanced(self, index: int, done: int, expected: int) -> None:
        self.events.append(("advanced", index))

    def finished(self, index: int, result: VideoResult) -> None:
        self.events.append(("finished", index, result.status))


def run(names: list[str], tmp_path: Path, jobs: int = 2, events: Recorder | None = None):
    tasks = plan_tasks([tmp_path / n for n in names], tmp_path / "out")
    events = events or Recorder()
    outcome = run_batch(tasks, BatchOptions("lunge", jobs=jobs), events, analyse_by_name)
    return outcome, events


def statuses(outcome) -> list[str]:
    return [r.status for r in outcome.results]


def test_an_unreadable_video_fails_alone_and_the_rest_go_on(tmp_path: Path) -> None:
    outcome, events = run(["a.mp4", "broken.mp4", "b.mp4", "c.mp4"], tmp_path)
    assert statuses(outcome) == ["ok", "failed", "ok", "ok"]
    assert outcome.results[1].error.startswith("cannot read")
    assert not outcome.interrupted
    finished = [e[1] for e in events.events if e[0] == "finished"]
    assert sorted(finished) == [0, 1, 2, 3]
    assert ("advanced", 0) in events.events


def test_a_worker_that_dies_takes_only_its_own_video(tmp_path: Path) -> None:
    outcome, _ = run(["a.mp4", "crash.mp4", "slow.mp4", "b.mp4", "c.mp4"], tmp_path)
    assert statuses(outcome) == ["ok", "failed", "ok", "ok", "ok"]
    assert outcome.results[1].error == CRASHED


def test_a_usage_error_stops_the_batch(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown exercise"):
        run(["usage.mp4", "slow.mp4", "slow2.mp4"], tmp_path)


def test_ctrl_c_keeps_what_finished_and_marks_the_rest(tmp_path: Path) -> None:
    names = ["a.mp4", "slow1.mp4", "slow2.mp4", "b.mp4", "c.mp4"]
    # Ctrl-C when the third video starts: the first has finished, the next two run.
    outcome, _ = run(names, tmp_path, events=Recorder(interrupt_when_started=3))
    assert outcome.interrupted
    got = statuses(outcome)
    assert got[0] == "ok"
    assert "interrupted" in got[1:3]
    assert got[3:] == ["not started", "not started"]
    assert all(r.error == "stopped by Ctrl-C" for r in outcome.results if r.status != "ok")
