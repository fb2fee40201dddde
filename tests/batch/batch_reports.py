"""Stand-ins for a batch's analyses: report dicts like report.json, and fake
analyses that a worker process can import by name (no MediaPipe, no video)."""

from __future__ import annotations

import os
import time
from typing import Any

from formcoach.errors import UsageError, VideoError


def fake_report(
    exercise: str = "lunge",
    *,
    counting: str = "reps",
    reps: dict[str, int] | None = None,
    good_form_s: dict[str, float] | None = None,
    cues: tuple[str, ...] = (),
    frames: int = 300,
) -> dict[str, Any]:
    """The parts of a report.json (schema_version 1) a summary row reads."""
    return {
        "schema_version": 1,
        "exercise": exercise,
        "source": {"path": "clip.mp4", "fps": 30.0, "frames": frames, "duration_s": frames / 30},
        "view": {"kind": "side", "facing": "left"},
        "pose_coverage": 0.975,
        "interrupted": False,
        "cues": [{"code": c, "start_s": 1.0, "end_s": 2.0} for c in cues],
        "summary": {
            "reps": reps if reps is not None else {"left": 3, "right": 2},
            "good_form_s": good_form_s if good_form_s is not None else {"left": 0, "right": 0},
        },
        "targets": {"counting": counting, "bilateral": False},
    }


def analyse_by_name(task, options, on_frame) -> dict[str, Any]:
    """What each video's name asks for: `crash...` kills its worker, `broken...` is
    unreadable, `slow...` takes a while, `usage...` is a usage error; else a quick report."""
    name = task.video.stem
    if name.startswith("crash"):
        os._exit(3)  # as a decoder segfault would: no exception, no result
    if name.startswith("broken"):
        raise VideoError(f"cannot read {task.video}: not a video OpenCV can decode")
    if name.startswith("usage"):
        raise UsageError(f"unknown exercise {options.exercise!r}")
    frames = 40 if name.startswith("slow") else 4
    for done in range(1, frames + 1):
        time.sleep(0.05)
        on_frame(done, frames)
    return fake_report(options.exercise, frames=frames)
