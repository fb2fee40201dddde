"""The command line end to end: bad input ends in one line and a non-zero exit,
a real clip becomes an annotated video, angles and a report."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_LUNGE = REPO / "sample_videos" / "lunge_good_forward_left_side-left.mp4"
SAMPLE_KNEELING = REPO / "sample_videos" / "kneeling-hip-flexor_good_left_side-left.mp4"


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "formcoach", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, expected: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("formcoach: error:")
    assert expected in lines[0]


def write_video(path: Path, frames: int = 20, size: tuple[int, int] = (320, 240)) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 15, size)
    for i in range(frames):
        frame = np.full((size[1], size[0], 3), 80, np.uint8)
        frame[:, :, 1] = np.linspace(30, 200, size[0]).astype(np.uint8)[None, :]
        frame[:, :, 2] = (i * 5) % 255
        writer.write(frame)
    writer.release()
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            ["analyze", "missing.mp4", "-e", "lunge"], "video file not found", id="missing file"
        ),
        pytest.param(
            ["analyze", "{text}", "-e", "lunge"], "not a video", id="text file named .mp4"
        ),
        pytest.param(
            ["analyze", "{text}", "-e", "squat"],
            "unknown exercise 'squat'; choose one of",
            id="unknown exercise",
        ),
        pytest.param(
            ["live", "--camera", "57", "-e", "lunge", "--no-window", "--no-voice"],
            "camera 57 cannot be opened",
            id="camera that does not exist",
        ),
        pytest.param(
            ["analyze", "{video}", "-e", "lunge", "--model", "nowhere.task"],
            "model file",
            id="model path that does not exist",
        ),
        pytest.param(
            ["live", "--source", "missing.mp4", "--no-window"],
            "video file not found",
            id="live source missing",
        ),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video\n")
    video = write_video(tmp_path / "room.mp4")
    args = [a.replace("{text}", str(text)).replace("{video}", str(video)) for a in args]
    assert_one_line_error(run_cli(*args, cwd=tmp_path), expected)


def test_truncated_video_is_one_line(tmp_path: Path) -> None:
    whole = write_video(tmp_path / "whole.mp4")
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    proc = run_cli("analyze", str(cut), "-e", "lunge", cwd=tmp_path)
    assert_one_line_error(proc, "cut.mp4")


@pytest.mark.slow
def test_video_without_a_person(tmp_path: Path, full_model: Path) -> None:
    video = write_video(tmp_path / "empty_room.mp4")
    proc = run_cli("analyze", str(video), "-e", "lunge", "--out", str(tmp_path / "out"))
    assert_one_line_error(proc, "no person found")
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["pose_coverage"] == 0.0


def test_exercises_lists_every_exercise_with_its_view_and_checks(tmp_path: Path) -> None:
    from formcoach.exercises.registry import CHECKERS

    proc = run_cli("exercises", cwd=tmp_path)
    assert proc.returncode == 0
    heads = [line.split()[0] for line in proc.stdout.splitlines() if line[:1].isalpha()]
    assert heads[: len(CHECKERS)] == list(CHECKERS)
    assert "camera: side view" in proc.stdout
    assert "checks: trunk_lean_back, knee_below_hip, no_pause" in proc.stdout


def test_exercises_name_shows_each_check_with_its_cue_and_threshold(tmp_path: Path) -> None:
    from formcoach.exercises.standing_hip_flexor import StandingHipFlexorThresholds

    proc = run_cli("exercises", "standing-hip-flexor", cwd=tmp_path)
    assert proc.returncode == 0
    assert '"Keep your back leg straight"' in proc.stdout
    assert f"back_knee_min_deg = {StandingHipFlexorThresholds().back_knee_min_deg}" in proc.stdout


def test_exercises_with_a_config_marks_the_changed_values(tmp_path: Path) -> None:
    config = tmp_path / "mine.toml"
    config.write_text('[march]\npause_min_s = 1.8\n[march.cues]\nno_pause = "Hold it!"\n')
    proc = run_cli("exercises", "march", "--config", str(config), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "pause_min_s = 1.8 *" in proc.stdout
    assert '"Hold it!"' in proc.stdout


@pytest.mark.parametrize(
    ("args", "config_text", "expected"),
    [
        pytest.param(
            ["exercises", "squat"], None, "unknown exercise 'squat'; choose one of", id="name"
        ),
        pytest.param(
            ["exercises", "--config", "{config}"],
            "[lunge]\ntrunk_lean_forward_deg = 90\n",
            "[lunge] trunk_lean_forward_deg = 90 is out of range",
            id="config value out of range",
        ),
        pytest.param(
            ["analyze", "{video}", "-e", "lunge", "--config", "{config}"],
            "[lunge\n",
            "is not valid TOML",
            id="analyze with a broken config",
        ),
        pytest.param(
            ["live", "--source", "{video}", "--no-window", "--config", "{config}"],
            "[squat]\n",
            "unknown exercise [squat]",
            id="live with an unknown exercise table",
        ),
        pytest.param(
            ["check-clips", "{folder}", "--config", "{config}"],
            "[march]\nno_pause = 2\n",
            "unknown key 'no_pause'",
            id="check-clips with a cue code as a threshold",
        ),
        pytest.param(
            ["analyze", "{video}", "-e", "lunge", "--config", "{folder}/missing.toml"],
            None,
            "config file not found",
            id="missing config file",
        ),
    ],
)
def test_a_bad_exercise_or_config_is_one_line(
    tmp_path: Path, args: list[str], config_text: str | None, expected: str
) -> None:
    config = tmp_path / "formcoach.toml"
    if config_text is not None:
        config.write_text(config_text)
    video = write_video(tmp_path / "room.mp4")
    subs = {"{config}": str(config), "{video}": str(video), "{folder}": str(tmp_path)}
    for key, value in subs.items():
        args = [a.replace(key, value) for a in args]
    assert_one_line_error(run_cli(*args, cwd=tmp_path), expected)


def test_the_example_config_is_what_the_command_prints(tmp_path: Path) -> None:
    proc = run_cli("exercises", "--example-config", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == (REPO / "examples" / "formcoach.toml").read_text()


@pytest.mark.slow
def test_analyze_sample_lunge(tmp_path: Path, full_model: Path) -> None:
    proc = run_cli(
        "analyze", str(SAMPLE_LUNGE), "--exercise", "lunge", "--no-progress", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / f"{SAMPLE_LUNGE.stem}_formcoach"
    report = json.loads((out / "report.json").read_text())
    assert report["schema_version"] == 1
    assert report["exercise"] == "lunge"
    assert report["view"]["kind"] == "side"
    assert report["pose_coverage"] > 0.9
    assert report["summary"]["reps"]["left"] + report["summary"]["reps"]["right"] >= 2
    rows = list(csv.DictReader((out / "angles.csv").open()))
    assert len(rows) == report["source"]["frames"]
    assert "time_s" in rows[0] and "front_knee_angle_deg" in rows[0]
    cap = cv2.VideoCapture(str(out / "annotated.mp4"))
    assert int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) == report["source"]["frames"]
    assert "reps: left" in proc.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "flags", [[], ["--flip-test"], ["--no-flip-test"]], ids=["lost legs", "every frame", "off"]
)
def test_live_from_video_saves_the_session(
    tmp_path: Path, full_model: Path, flags: list[str]
) -> None:
    proc = run_cli(
        "live",
        "--source",
        str(SAMPLE_KNEELING),
        "-e",
        "kneeling-hip-flexor",
        "--no-window",
        "--no-voice",
        "--out",
        str(tmp_path / "live"),
        *flags,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "live" / "report.json").read_text())
    assert report["live"]["stopped_because"] == "end of video"
    assert report["holds"], "the kneeling hold was not found"
    assert "session saved" in proc.stdout


def _lines(path: Path) -> int:
    try:
        return len(path.read_text().splitlines())
    except OSError:
        return 0


@pytest.mark.slow
def test_ctrl_c_in_live_keeps_the_record(tmp_path: Path, full_model: Path) -> None:
    video = write_video(tmp_path / "room.mp4", frames=45)
    out = tmp_path / "live"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "formcoach",
            "live",
            "--source",
            str(video),
            "--loop",
            "-e",
            "lunge",
            "--no-window",
            "--no-voice",
            "--out",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as at a terminal
    )
    # Wait (generously: a loaded machine is slow) until some frames are on disk.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _lines(out / "angles.csv") < 16:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    report = json.loads((out / "report.json").read_text())
    assert report["interrupted"] is True
    assert report["live"]["stopped_because"] == "interrupted (Ctrl-C)"
    rows = list(csv.DictReader((out / "angles.csv").open()))
    assert len(rows) >= 15
    assert report["source"]["frames"] == len(rows)
    assert "session saved" in stdout


@pytest.mark.slow
def test_analyze_with_the_flip_test_reads_the_leg_mediapipe_loses(
    tmp_path: Path, full_model: Path
) -> None:
    # The leg on the table, trunk folding: read once, MediaPipe draws it drooping
    # through the air below the table for seconds. The mirrored frame, read where
    # the leg is lost (the default) or on every frame, has it where it is.
    clip = REPO / "sample_videos" / "table-psoas_trunk-lean_right_side-right.mp4"
    drooping = {}
    for flag in ("--no-flip-test", "", "--flip-test"):
        out = tmp_path / (flag or "default")
        proc = run_cli(
            "analyze", str(clip), "--exercise", "table-psoas", "--no-video", "--no-progress",
            "--out", str(out), *([flag] if flag else []), cwd=tmp_path,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        rows = list(csv.DictReader((out / "angles.csv").open()))
        leg = [float(r["back_leg_inclination_deg"]) for r in rows if r["back_leg_inclination_deg"]]
        assert len(leg) > 0.9 * len(rows)
        drooping[flag] = sum(v < 60.0 for v in leg) / len(leg)  # the leg lies near 75-88
    assert drooping["--no-flip-test"] > 0.1
    assert drooping[""] < 0.02
    assert drooping["--flip-test"] < 0.02


def _one_sample_clip(folder: Path, stem: str) -> Path:
    """A folder holding one sample clip with its truth and expectations."""
    folder.mkdir()
    for suffix in (".mp4", ".truth.csv", ".expect.toml"):
        (folder / f"{stem}{suffix}").symlink_to(REPO / "sample_videos" / f"{stem}{suffix}")
    return folder


@pytest.mark.slow
def test_check_clips_and_accuracy_with_the_flip_test(tmp_path: Path, full_model: Path) -> None:
    folder = _one_sample_clip(tmp_path / "clips", "table-psoas_trunk-lean_right_side-right")
    proc = run_cli("check-clips", str(folder), "--flip-test", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed, 0 failed" in proc.stdout
    proc = run_cli("accuracy", str(folder), "--flip-test", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "| full+flip | side, upright |" in proc.stdout
