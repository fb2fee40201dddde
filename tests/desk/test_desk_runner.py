"""`formcoach desk` on a rendered clip of a person sitting on a stool, then standing up
and walking a few steps: both are seen, at the clip's times, with the minutes compressed."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from formcoach.desk.notify import TerminalNotice
from formcoach.desk.runner import DeskOptions, run_desk
from formcoach.live.voice import SilentVoice
from formcoach.pose import model_store

CLIP = Path(__file__).resolve().parents[2] / "sample_videos" / "desk_sit-then-stand_side-left.mp4"
TRUTH = tomllib.loads(CLIP.with_name(CLIP.stem + ".expect.toml").read_text())

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    model_store.resolve_model("lite")


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("desk")
    notices, voice, lines = TerminalNotice(bell=False), SilentVoice(), []
    code = run_desk(
        DeskOptions(
            source=CLIP,
            paced=False,
            rate_hz=2.0,
            sit_minutes=0.05,  # 3 s: the clip sits for 7
            break_minutes=0.05,
            out_dir=out,
        ),
        notifier=notices,
        voice=voice,
        say=lines.append,
    )
    return code, json.loads((out / "desk.json").read_text()), notices, voice, lines


def test_sitting_and_then_standing_are_both_seen(watched) -> None:
    code, record, *_ = watched
    assert code == 0
    events = {e["kind"]: e["time_s"] for e in record["events"]}
    assert events["sat_down"] <= 1.0
    # stood up somewhere in the move from the stool to standing tall
    assert TRUTH["sit_until_s"] <= events["stood_up"] <= TRUTH["standing_from_s"] + 1.0
    assert events["break"] > events["stood_up"]
    (spell,) = record["spells"]
    assert spell["sat_s"] == pytest.approx(events["stood_up"], abs=0.6)
    assert record["postures"]["sitting"] >= 12 and record["postures"]["standing"] >= 6


def test_the_reminder_is_spoken_and_shown(watched) -> None:
    _, record, notices, voice, lines = watched
    assert record["reminders"] == 1
    (notice,) = notices.shown
    assert notice.startswith("Time to stand up: You have been sitting for 3 seconds")
    assert "formcoach routine desk-break" in notice
    assert voice.said == [
        "You have been sitting for 3 seconds. Time to stand up and move for two or three minutes"
    ]
    assert any("stood up after sitting" in line for line in lines)


def test_only_counts_and_times_are_kept(watched) -> None:
    _, record, *_ = watched
    assert set(record) == {
        "schema_version", "started_at", "source", "stopped_because", "interrupted", "settings",
        "samples", "postures", "watched_s", "sitting_s", "up_s", "stand_ups", "breaks",
        "reminders", "spells", "events", "cpu",
    }  # fmt: skip
    flat = json.dumps(record)
    assert len(flat) < 4000  # no frames, landmarks or images hide in there
    assert record["samples"] == pytest.approx(2 * 14, abs=2)  # 2 a second, not 30
    assert record["cpu"]["wall_s"] > 0


def test_the_command_line_and_sigterm_keep_the_record(tmp_path: Path) -> None:
    """Played in real time, stopped politely once sitting was seen: desk.json stays."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "formcoach", "desk", "--source", str(CLIP), "--no-voice",
         "--no-notify", "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    for line in proc.stdout:
        if "] sitting" in line or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGTERM)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    record = json.loads((tmp_path / "desk.json").read_text())
    assert record["interrupted"] and record["spells"]
    assert "CPU while watching" in rest


def test_the_break_routine_starts_when_they_stand_up(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "formcoach", "desk", "--source", str(CLIP), "--unpaced",
         "--rate", "2", "--sit-minutes", "0.05", "--break-minutes", "0.05", "--break-routine",
         "--no-voice", "--no-notify", "--no-history", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.index("reminder") < out.index("stood up") < out.index("routine Desk break")
    assert "Step 1 of 3: Walk about" in out
    assert "end of video (after the break routine)" in out
