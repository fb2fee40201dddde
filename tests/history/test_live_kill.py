"""A live session stopped mid-way, by Ctrl-C (SIGINT) or SIGKILL, keeps in its
history every hold and rep it had announced as completed, and leaves a
database that passes `PRAGMA integrity_check`.

The fast tests run the real live runner on a replayed pose track
(replay_live.py: short kneeling holds, or alternating lunges, looped at 20x
real time). The slow one runs `formcoach live --source VIDEO --loop` with
the pose model on a real clip. A hold or rep is announced on stdout only
after it was committed, so "announced" is a lower bound of what must be
kept.
"""

from __future__ import annotations

import json
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED_CLIPS = REPO.parent / "shared" / "clips" / "dev"
HOLD_DONE = re.compile(r"^hold (\d+) \((left|right|side unknown)\) done: (\d+) s")
REP_DONE = re.compile(r"^rep (\d+) \((left|right|side unknown)\)")


def answer_ctrl_c() -> None:
    """Let the child take Ctrl-C even if this test runs where SIGINT is ignored.

    A shell starts background jobs (as a CI runner may start us) with SIGINT
    ignored, and a child inherits that; Python then never raises
    KeyboardInterrupt. A person at a terminal has it at its default.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Session:
    """A live session in a child process, its stdout lines read as they come."""

    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            preexec_fn=answer_ctrl_c,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: re.Pattern[str], count: int, timeout_s: float) -> list[str]:
        """Lines matching `pattern`, once `count` of them were printed."""
        deadline = time.monotonic() + timeout_s
        while sum(1 for line in self.seen if pattern.match(line)) < count:
            if self.proc.poll() is not None and self.lines.empty():
                pytest.fail(f"the session ended early: {self.proc.stderr.read()[-2000:]}")
            try:
                self.seen.append(self.lines.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                self.proc.kill()  # leave no session running behind a failed test
                pytest.fail(f"fewer than {count} completed in {timeout_s} s: {self.seen}")
        return [line for line in self.seen if pattern.match(line)]

    def stop(self, sig: signal.Signals) -> int:
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=60)
        time.sleep(0.2)  # let the reader drain what was printed before the end
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return code


def check_history(db: Path, announced: list[str], sig: signal.Signals) -> None:
    """The database is sound and holds one session with every announced hold or rep."""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    ((sid, finished, interrupted),) = con.execute(
        "SELECT id, finished, interrupted FROM sessions"
    ).fetchall()
    stopped_cleanly = sig == signal.SIGINT
    assert (bool(finished), bool(interrupted)) == (stopped_cleanly, stopped_cleanly)
    holds = {
        seq: (side, end, good)
        for seq, side, end, good in con.execute(
            "SELECT seq, side, end_s, good_form_s FROM holds WHERE session_id = ?", (sid,)
        )
    }
    reps = dict(con.execute("SELECT seq, side FROM reps WHERE session_id = ?", (sid,)).fetchall())
    for line in announced:
        if m := HOLD_DONE.match(line):
            seq, side, good = int(m[1]), m[2], float(m[3])
            assert seq in holds, f"{line!r} is not in the history"
            kept_side, end, kept_good = holds[seq]
            assert end is not None and abs(kept_good - good) <= 0.55, (line, holds[seq])
            assert kept_side == (None if side == "side unknown" else side)
        elif m := REP_DONE.match(line):
            seq, side = int(m[1]), m[2]
            assert reps.get(seq, "missing") == (None if side == "side unknown" else side), line


REPLAYS = [
    pytest.param("kneeling-hip-flexor", HOLD_DONE, signal.SIGKILL, id="holds, SIGKILL"),
    pytest.param("kneeling-hip-flexor", HOLD_DONE, signal.SIGINT, id="holds, Ctrl-C"),
    pytest.param("lunge", REP_DONE, signal.SIGKILL, id="reps, SIGKILL"),
    pytest.param("lunge", REP_DONE, signal.SIGINT, id="reps, Ctrl-C"),
]


@pytest.mark.parametrize(("exercise", "done", "sig"), REPLAYS)
def test_a_stopped_live_session_keeps_what_it_completed(tmp_path: Path, exercise, done, sig):
    db, out = tmp_path / "history.sqlite3", tmp_path / "live"
    session = Session([sys.executable, str(HERE / "replay_live.py"), exercise, str(out), str(db)])
    session.wait_for(done, 3, timeout_s=90)
    code = session.stop(sig)
    announced = [line for line in session.seen if done.match(line)]
    assert len(announced) >= 3
    check_history(db, announced, sig)
    if sig == signal.SIGINT:
        assert code == 130
        assert json.loads((out / "report.json").read_text())["interrupted"] is True
        assert (out / "report.html").exists()
    else:
        assert code == -signal.SIGKILL


def _live_clip() -> tuple[Path, str, re.Pattern[str]] | None:
    """A clip that completes reps (or holds) within seconds when looped, if one is here."""
    candidates = [
        (SHARED_CLIPS / "lunge_darian.mp4", "lunge", REP_DONE),  # two lunges in 5.5 s
        *((p, "lunge", REP_DONE) for p in sorted((REPO / "sample_videos").glob("lunge_*.mp4"))),
    ]
    return next((c for c in candidates if c[0].exists() and ".part." not in c[0].name), None)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "Ctrl-C"])
def test_formcoach_live_on_a_looped_clip_keeps_its_reps(tmp_path: Path, sig):
    clip = _live_clip()
    if clip is None:
        pytest.skip("no lunge clip (../shared/clips/dev or sample_videos/lunge_*.mp4)")
    video, exercise, done = clip
    db, out = tmp_path / "history.sqlite3", tmp_path / "live"
    session = Session(
        [sys.executable, "-m", "formcoach", "live", "--source", str(video), "--loop",
         "-e", exercise, "--no-window", "--no-voice", "--out", str(out), "--history-db", str(db)]
    )  # fmt: skip
    session.wait_for(done, 3, timeout_s=180)
    code = session.stop(sig)
    assert code == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    check_history(db, [line for line in session.seen if done.match(line)], sig)
