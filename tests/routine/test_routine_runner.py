"""`formcoach routine` end to end, headless, on sample clips played as one stream:
the steps advance, the sides switch, the summary and the history are right, and
Ctrl-C keeps what was done."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from formcoach.live.voice import SilentVoice
from formcoach.pose import model_store
from formcoach.routine.runner import RoutineOptions, run_routine

REPO = Path(__file__).resolve().parents[2]
CLIPS = REPO / "sample_videos"
KNEEL_LEFT = CLIPS / "kneeling-hip-flexor_good_left_side-left.mp4"
KNEEL_RIGHT = CLIPS / "kneeling-hip-flexor_good_right_side-right.mp4"
LUNGES = CLIPS / "lunge_good_forward_left_side-left.mp4"  # 3 lunges a leg, alternating

# Short targets, so the clips drive every step: each kneeling clip holds 8 s.
ROUTINE = """
title = "Test routine"
intro_s = 0.5
countdown_s = 1
set_rest_s = 1
rest_s = 1

[[step]]
exercise = "kneeling-hip-flexor"
hold_s = 3

[[step]]
exercise = "lunge"
reps = 2
sides = "alternate"
"""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    model_store.resolve_model("full")


@pytest.fixture(scope="module")
def routine_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("routine") / "test.toml"
    path.write_text(ROUTINE)
    return path


@pytest.fixture(scope="module")
def finished(routine_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """The routine run once over kneel-left, kneel-right and the lunges, unpaced."""
    tmp = tmp_path_factory.mktemp("run")
    lines: list[str] = []
    voice = SilentVoice()
    code = run_routine(
        RoutineOptions(
            routine=str(routine_file),
            sources=(KNEEL_LEFT, KNEEL_RIGHT, LUNGES),
            paced=False,
            voice=False,
            window=False,
            out_dir=tmp / "out",
            history=tmp / "history.sqlite3",
        ),
        voice=voice,
        say=lines.append,
    )
    return code, lines, voice, tmp


def test_the_steps_advance_and_the_sides_switch(finished) -> None:
    code, lines, voice, _ = finished
    assert code == 0
    said = voice.said
    order = [
        "Step 1 of 2: Half-kneeling hip flexor stretch. Hold for 3 seconds each side",
        "Get into position, left side",
        "Hold",
        "Well done. Rest 1 second, now the other side",
        "Now the other side: right side",
        "Step 2 of 2: Lunge (forward, reverse or walking). 2 reps each side",
        "Test routine complete. Well done",
    ]
    positions = [said.index(text) for text in order]
    assert positions == sorted(positions)
    assert any("stopped: routine complete" in line for line in lines)


def test_the_summary_says_what_was_done(finished) -> None:
    _, lines, _, tmp = finished
    summary = json.loads((tmp / "out" / "routine.json").read_text())
    assert summary["finished"] and not summary["interrupted"]
    assert summary["steps_done"] == 2
    kneel, lunge = summary["steps"]
    assert [(s["side"], s["completed"]) for s in kneel["sets"]] == [
        ("left", True),
        ("right", True),
    ]
    # the good-form seconds came from the announced side, as the coach saw it
    assert [list(s["per_side"]) for s in kneel["sets"]] == [["left"], ["right"]]
    (only,) = lunge["sets"]
    assert only["completed"] and only["per_side"]["left"] >= 2 and only["per_side"]["right"] >= 2
    # the right side starts only once the second clip (the right-side kneel) begins
    assert kneel["sets"][1]["start_s"] > 12.9
    text = "\n".join(lines)
    assert "Test routine: 2 of 2 steps done" in text


def test_each_step_is_in_the_history_with_its_sides(finished) -> None:
    _, _, _, tmp = finished
    db = sqlite3.connect(tmp / "history.sqlite3")
    sessions = db.execute(
        "SELECT id, exercise, source, finished FROM sessions ORDER BY id"
    ).fetchall()
    assert [(s[1], s[3]) for s in sessions] == [("kneeling-hip-flexor", 1), ("lunge", 1)]
    assert all(s[2].startswith("routine test step ") for s in sessions)
    holds = db.execute(
        "SELECT side, completed, target_s FROM holds WHERE session_id = ? ORDER BY seq",
        (sessions[0][0],),
    ).fetchall()
    assert [(side, done) for side, done, _ in holds] == [("left", 1), ("right", 1)]
    assert {target for *_, target in holds} == {3.0}
    reps = db.execute("SELECT side FROM reps WHERE session_id = ?", (sessions[1][0],)).fetchall()
    assert {"left", "right"} <= {r[0] for r in reps}
    assert (tmp / "out" / "step1-kneeling-hip-flexor.json").exists()
    assert (tmp / "out" / "step2-lunge.json").exists()


def test_ctrl_c_keeps_what_was_done(routine_file: Path, tmp_path: Path) -> None:
    """Interrupted once the left side is done: the summary and the history keep it."""
    out, history = tmp_path / "out", tmp_path / "history.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-m", "formcoach", "routine", str(routine_file), "--source",
         str(KNEEL_LEFT), "--no-window", "--no-voice", "--out", str(out),
         "--history-db", str(history)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    for line in proc.stdout:  # the video plays in real time
        if "now the other side" in line or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    summary = json.loads((out / "routine.json").read_text())
    assert summary["interrupted"] and summary["stopped_because"] == "interrupted (Ctrl-C)"
    kneel, lunge = summary["steps"]
    assert (kneel["status"], kneel["sets_completed"], lunge["status"]) == (
        "partial",
        1,
        "not reached",
    )
    db = sqlite3.connect(history)
    ((exercise, interrupted),) = db.execute("SELECT exercise, interrupted FROM sessions").fetchall()
    assert (exercise, interrupted) == ("kneeling-hip-flexor", 1)
    assert "1/2 sets" in rest


class ScriptedWindow:
    """A window stand-in: 'presses' the given keys at the given frames (nothing shown)."""

    def __init__(self, keys: dict[int, str]) -> None:
        self.keys = keys
        self.frames = 0
        self.last_key: int | None = None
        self.closed = False

    def show(self, frame) -> bool:
        key = self.keys.get(self.frames)
        self.last_key = ord(key) if key else None
        self.frames += 1
        return True

    def close(self) -> None:
        self.closed = True


def test_keys_pause_and_skip(routine_file: Path, tmp_path: Path) -> None:
    # p at frame 60 pauses and p at 120 goes on; s at 200 skips the kneeling step
    window = ScriptedWindow({60: "p", 120: "p", 200: "s"})
    lines: list[str] = []
    code = run_routine(
        RoutineOptions(
            routine=str(routine_file),
            sources=(KNEEL_LEFT, LUNGES),
            paced=False,
            voice=False,
            window=True,
            out_dir=tmp_path / "out",
        ),
        voice=SilentVoice(),
        say=lines.append,
        window=window,
    )
    assert code == 0 and window.closed
    text = "\n".join(lines)
    assert text.index("Paused") < text.index("Go on")
    summary = json.loads((tmp_path / "out" / "routine.json").read_text())
    kneel, lunge = summary["steps"]
    assert kneel["status"] == "skipped"
    assert lunge["status"] in ("done", "partial")  # the lunges ran after the skip
    assert lunge["sets"], "the lunge step never started"
