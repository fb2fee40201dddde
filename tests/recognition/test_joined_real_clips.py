"""Issue 8's judge: real clips of different exercises joined into one video, recognised.

The joined video is made here (never committed: the clips are third-party),
letterboxed to one size at 30 fps, with 3 s of an empty frame between parts.
Each part is a span where the person exercises throughout (times checked on
the frames against the catalog's notes). Skips without ../shared/clips/dev/.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from dev_clips import DEV, ON_DEV_CLIPS

from formcoach.analyze import analyze_video

FPS = 30.0
SIZE = 640
GAP_S = 3.0
# (clip, exercise, from_s, to_s, times played): exercising throughout the span
PARTS = (
    ("lunge_darian.mp4", "lunge", 0.0, 5.4, 2),  # a GIF loop of 2 lunges
    ("hip_flexor_tijmen.mp4", "kneeling-hip-flexor", 0.0, 9.8, 1),
    ("glute_bridge_lena.mp4", "glute-bridge", 0.0, 13.0, 1),
    ("bird_dog_gymnai.mp4", "bird-dog", 0.0, 8.0, 1),
    ("banded_knee_drives_ndnam.mp4", "march", 5.0, 9.0, 1),
    ("dead_bug_simikey.webm", "dead-bug", 10.0, 30.0, 1),
)

pytestmark = ON_DEV_CLIPS


def letterbox(frame: np.ndarray) -> np.ndarray:
    h, w = frame.shape[:2]
    scale = SIZE / max(h, w)
    small = cv2.resize(frame, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    out = np.full((SIZE, SIZE, 3), 40, np.uint8)
    y, x = (SIZE - small.shape[0]) // 2, (SIZE - small.shape[1]) // 2
    out[y : y + small.shape[0], x : x + small.shape[1]] = small
    return out


def read_span(path: Path, from_s: float, to_s: float) -> list[np.ndarray]:
    cap = cv2.VideoCapture(str(path))
    fps = cap.get(cv2.CAP_PROP_FPS) or FPS
    frames = []
    ok, frame = cap.read()
    while ok:
        frames.append(frame)
        ok, frame = cap.read()
    cap.release()
    n = round((to_s - from_s) * FPS)
    return [frames[min(len(frames) - 1, int((from_s + i / FPS) * fps))] for i in range(n)]


def join_clips(out: Path) -> list[tuple[str, float, float]]:
    """Write the joined video; return each part's (exercise, start_s, end_s) in it."""
    writer = cv2.VideoWriter(str(out), cv2.VideoWriter_fourcc(*"mp4v"), FPS, (SIZE, SIZE))
    empty = np.full((SIZE, SIZE, 3), 40, np.uint8)
    t, truth = 0.0, []
    for clip, exercise, from_s, to_s, times in PARTS:
        for _ in range(round(GAP_S * FPS)):
            writer.write(empty)
        t += GAP_S
        span = read_span(DEV / clip, from_s, to_s) * times
        for frame in span:
            writer.write(letterbox(frame))
        truth.append((exercise, t, t + len(span) / FPS))
        t += len(span) / FPS
    for _ in range(round(GAP_S * FPS)):
        writer.write(empty)
    writer.release()
    return truth


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


@pytest.fixture(scope="module")
def recognised(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list]:
    folder = tmp_path_factory.mktemp("joined")
    truth = join_clips(folder / "joined.mp4")
    analyze_video(folder / "joined.mp4", "auto", folder / "out", write_video=False, progress=False)
    report = json.loads((folder / "out" / "report.json").read_text())
    return truth, report["segments"]


def test_the_right_exercise_most_of_the_exercising_time(recognised: tuple[list, list]) -> None:
    truth, segments = recognised
    total = sum(end - start for _, start, end in truth)
    right = sum(
        overlap(start, end, s["start_s"], s["end_s"])
        for exercise, start, end in truth
        for s in segments
        if s["exercise"] == exercise
    )
    assert right / total >= 0.9, (right / total, segments)


def test_boundaries_within_1_5_s(recognised: tuple[list, list]) -> None:
    truth, segments = recognised
    for exercise, start, end in truth:
        mine = [
            s
            for s in segments
            if s["exercise"] == exercise and overlap(start, end, s["start_s"], s["end_s"])
        ]
        assert mine, f"{exercise} not recognised"
        assert abs(min(s["start_s"] for s in mine) - start) <= 1.5, (exercise, start, mine)
        assert abs(max(s["end_s"] for s in mine) - end) <= 1.5, (exercise, end, mine)


def test_no_checker_runs_on_the_empty_parts(recognised: tuple[list, list]) -> None:
    truth, segments = recognised
    edges = [0.0] + [t for _, start, end in truth for t in (start, end)]
    gaps = list(zip(edges[::2], edges[1::2], strict=False))
    for g0, g1 in gaps:
        inside = [s for s in segments if overlap(g0 + 0.5, g1 - 0.5, s["start_s"], s["end_s"]) > 0]
        assert not inside, (g0, g1, inside)


def test_the_good_form_kneeling_stretch_gets_no_arch_cue_re_encoded(
    recognised: tuple[list, list],
) -> None:
    # tijmen's good-form stretch, downscaled and re-encoded here: its back outline
    # dips more frame to frame than the original (see coaching/baseline.py).
    _, segments = recognised
    kneeling = [s for s in segments if s["exercise"] == "kneeling-hip-flexor"]
    assert kneeling
    assert [c for s in kneeling for c in s["cues"] if c["code"] == "lower_back_arch"] == []
