"""`formcoach routine` and `formcoach desk` at the command line: the list, and every bad
input (routine file, name, exercise, video, camera, values) ends in one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import assert_one_line_error, run_cli


def test_routine_list_names_the_shipped_routines() -> None:
    proc = run_cli("routine", "--list")
    assert proc.returncode == 0, proc.stderr
    names = [line.split()[0] for line in proc.stdout.splitlines()]
    assert {"default", "desk-break"} <= set(names)
    assert "Hip-flexor routine" in proc.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            ["routine", "nope"],
            "unknown routine 'nope'; shipped routines: default",
            id="unknown routine",
        ),  # fmt: skip
        pytest.param(
            ["routine", "missing.toml"], "routine file not found: missing.toml", id="missing file"
        ),  # fmt: skip
        pytest.param(["routine", "{broken}"], "is not valid TOML", id="broken TOML"),
        pytest.param(
            ["routine", "{squat}"], "step 1: unknown exercise 'squat'", id="unknown exercise"
        ),  # fmt: skip
        pytest.param(
            ["routine", "--source", "missing.mp4", "--no-window"],
            "video file not found: missing.mp4",
            id="routine: missing video",
        ),
        pytest.param(
            ["routine", "--camera", "57", "--no-window", "--no-voice"],
            "camera 57 cannot be opened",
            id="routine: no camera",
        ),
        pytest.param(
            ["desk", "--source", "missing.mp4"], "video file not found", id="desk: missing video"
        ),  # fmt: skip
        pytest.param(
            ["desk", "--camera", "57", "--no-voice"],
            "camera 57 cannot be opened",
            id="desk: no camera",
        ),  # fmt: skip
        pytest.param(
            ["desk", "--sit-minutes", "0"], "--sit-minutes must be above 0", id="desk: zero"
        ),  # fmt: skip
        pytest.param(
            ["desk", "--source", "a.mp4", "b.mp4"], "desk watches one video", id="desk: two videos"
        ),  # fmt: skip
    ],
)
def test_bad_input_is_one_line(args: list[str], expected: str, tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("x = [")
    (tmp_path / "squat.toml").write_text('[[step]]\nexercise = "squat"\n')
    args = [a.format(broken=tmp_path / "broken.toml", squat=tmp_path / "squat.toml") for a in args]
    assert_one_line_error(run_cli(*args, cwd=tmp_path), expected)
