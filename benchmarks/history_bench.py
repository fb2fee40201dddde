"""How fast the session history lists and plots, on demand (not part of the test suite).

    python benchmarks/history_bench.py [--sessions 1000] [--repeat 5] [--keep DIR]

Fills a new history with SESSIONS made-up sessions over two years (kneeling
stretch holds, lunges, and Thomas-test readings per side), each saved in its
own transaction as a live session would be, then times, median of REPEAT:
- in this process: opening the file (with its quick check) and listing the
  latest 20 sessions, listing all of them, and building and writing the
  progress page;
- as a user runs them: `formcoach history`, `formcoach history --limit 0`
  and `formcoach history --plot`, wall clock including Python's start-up.
The target is under a second for each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from formcoach.history.command import load_progress
from formcoach.history.listing import session_table
from formcoach.history.page import render_progress
from formcoach.history.rows import SessionMeta, rows_from_report
from formcoach.history.store import HistoryStore
from formcoach.reporting.files import write_text_atomic

FAULTS = ["trunk_lean_forward", "lower_back_arch", "front_knee_past_ankle"]
START = datetime(2024, 11, 1, 18, 0, tzinfo=UTC)


def made_up_report(kind: str, rng: random.Random, progress: float) -> dict[str, Any]:
    """A report.json-shaped session; form improves with `progress` (0..1)."""
    holds, reps, readings = [], [], []
    if kind == "kneeling-hip-flexor":
        t = 5.0
        for side in ("left", "right") * 3:
            good = min(30.0, rng.uniform(12, 24) + 10 * progress)
            faults = rng.sample(FAULTS, k=rng.choice((0, 0, 1)))
            holds.append(
                {"side": side, "start_s": t, "end_s": t + 32.0, "good_form_s": good,
                 "target_s": 30.0, "completed": good >= 30.0, "faults": faults}
            )  # fmt: skip
            t += 40.0
    elif kind == "lunge":
        for i in range(rng.randint(12, 20)):
            faults = ["lunge_too_shallow"] if rng.random() > 0.4 + 0.5 * progress else []
            reps.append(
                {"side": ("left", "right")[i % 2], "start_s": 3.0 * i, "end_s": 3.0 * i + 2.0,
                 "depth_deg": rng.uniform(95, 130), "faults": faults}
            )  # fmt: skip
    else:  # thomas-test: angles per side, the left hip tighter and loosening
        for side, base in (("left", 15.0 - 12 * progress), ("right", 6.0)):
            for name, value in (
                ("hip_flexion_deg", base + rng.gauss(0, 2)),
                ("knee_angle_deg", rng.uniform(70, 95)),
            ):
                readings.append({"side": side, "name": name, "value": value})
    cues = [
        {"code": rng.choice(FAULTS), "start_s": 10.0 * i, "end_s": 10.0 * i + 2, "side": "left"}
        for i in range(rng.randint(0, 6))
    ]
    duration = (holds[-1]["end_s"] if holds else 60.0) + 5.0
    return {
        "exercise": kind,
        "source": {"path": "camera 0", "duration_s": duration},
        "view": {"kind": "side"},
        "pose_coverage": 0.95,
        "interrupted": False,
        "targets": {"counting": "reps" if kind == "lunge" else "hold", "hold_s": 30.0,
                    "per_side": 3},
        "holds": holds,
        "reps": reps,
        "cues": cues,
        "readings": readings,
    }  # fmt: skip


def fill(path: Path, sessions: int, seed: int = 5) -> float:
    rng = random.Random(seed)
    kinds = ["kneeling-hip-flexor", "lunge", "thomas-test"]
    start = time.perf_counter()
    with HistoryStore(path) as store:
        for i in range(sessions):
            when = START + timedelta(hours=17.5 * i)
            meta = SessionMeta(f"bench-{i}", when, "live", out_dir=f"/tmp/s{i}")
            report = made_up_report(kinds[i % 3], rng, i / sessions)
            store.save(rows_from_report(report, meta, finished=True, updated_at=when))
    return time.perf_counter() - start


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the history (and page) here and keep it")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="formcoach-history-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db, page = folder / "history.sqlite3", folder / "progress.html"
    db.unlink(missing_ok=True)
    filled = fill(db, args.sessions)
    per_save = 1000 * filled / args.sessions
    size = db.stat().st_size / 1e6
    print(f"{args.sessions} sessions saved in {filled:.2f} s ({per_save:.1f} ms each)")
    print(f"history file: {size:.2f} MB")

    def latest() -> None:
        with HistoryStore(db) as store:
            session_table(store.recent(20))

    def everything() -> None:
        with HistoryStore(db) as store:
            session_table(store.recent(None))

    def plot() -> None:
        with HistoryStore(db) as store:
            write_text_atomic(page, render_progress(load_progress(store)))

    results = {
        "list latest 20 (in process)": timed(latest, args.repeat),
        "list all (in process)": timed(everything, args.repeat),
        "plot page (in process)": timed(plot, args.repeat),
    }
    cli = [sys.executable, "-m", "formcoach", "history", "--history-db", str(db)]
    for label, extra in (
        ("formcoach history", []),
        ("formcoach history --limit 0", ["--limit", "0"]),
        ("formcoach history --plot", ["--plot", str(page)]),
    ):
        results[label + " (wall clock)"] = timed(
            lambda extra=extra: subprocess.run([*cli, *extra], check=True, capture_output=True),
            args.repeat,
        )
    for label, seconds in results.items():
        flag = "ok" if seconds < 1.0 else "OVER 1 s"
        print(f"{label:42} {1000 * seconds:7.0f} ms  {flag}")
    print(f"page: {page} ({page.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
