"""How far the coach's measured angles are from the truth of rendered clips.

For every clip with a NAME.truth.csv, the clip's poses (cached per model)
go through the coach's own pose processing (leg-label continuity, One-Euro
smoothing), then the 2D angles the checkers use are measured per body side
and compared with the truth's 2D angles of the same frame (the angle of the
true joints projected into the image). The lower-back outline's arch depth
is compared by rank with the true lumbar extension (Spearman).

Truth joint centres follow tools/cliprender (rig pivots for hips and knees,
which sit high like MediaPipe's hip landmark).
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from formcoach.coaching.session import CoachSession
from formcoach.core.back_profile import read_arch
from formcoach.core.geometry import inclination_deg, joint_angle_deg
from formcoach.core.landmarks import side_landmark
from formcoach.core.measures import trunk_inclination_deg
from formcoach.core.pose import Pose
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.regression.clips import pose_track
from formcoach.regression.expectations import expectation_path, load_expectation

ANGLES = ("knee", "hip", "trunk_inclination", "shin_inclination")


def _measure(pose: Pose, facing: int) -> dict[str, float]:
    out: dict[str, float] = {"trunk_inclination": trunk_inclination_deg(pose, facing)}
    for side in ("left", "right"):
        sh, hip, knee, ankle = (
            pose.xy[side_landmark(side, j)] for j in ("shoulder", "hip", "knee", "ankle")
        )
        out[f"knee_{side}"] = joint_angle_deg(hip, knee, ankle)
        out[f"hip_{side}"] = joint_angle_deg(sh, hip, knee)
        out[f"shin_inclination_{side}"] = inclination_deg(ankle, knee, facing)
    return out


@dataclass
class ClipAccuracy:
    clip: str
    view: str
    model: str
    errors: dict[str, list[float]]  # angle family -> absolute errors (deg)
    arch_spearman: float | None
    frames: int


def describe_clip(r: ClipAccuracy) -> str:
    rho = "-" if r.arch_spearman is None else f"{r.arch_spearman:+.2f}"
    means = ", ".join(f"{k} {np.mean(v):.1f}" for k, v in r.errors.items())
    return f"{r.model:6} {r.view:8} {r.clip:52} mean error {means}; arch rank corr {rho}"


def spearman(a: list[float], b: list[float]) -> float | None:
    if len(a) < 5 or np.std(a) == 0 or np.std(b) == 0:
        return None
    ra = np.argsort(np.argsort(a))
    rb = np.argsort(np.argsort(b))
    return float(np.corrcoef(ra, rb)[0, 1])


def clip_accuracy(clip: Path, model_name: str, model: Path) -> ClipAccuracy | None:
    truth_path = clip.with_name(clip.stem + ".truth.csv")
    if not truth_path.exists():
        return None
    truth = list(csv.DictReader(truth_path.open()))
    exp = load_expectation(expectation_path(clip)) if expectation_path(clip).exists() else None
    exercise = exp.exercise if exp and exp.exercise in CHECKERS else "kneeling-hip-flexor"
    view = (exp.view if exp else None) or "unknown"
    track = pose_track(clip, model, masks=True)
    session = CoachSession(make_checker(exercise))
    errors: dict[str, list[float]] = defaultdict(list)
    arch, lumbar = [], []
    for frame, row in zip(track, truth, strict=False):
        result = session.process(frame)
        pose, v = result.pose, result.view
        if pose is None or v is None or v.facing is None:
            continue
        for name, value in _measure(pose, v.facing).items():
            true = row.get(f"{name}_2d", "")
            if true not in ("", "nan") and math.isfinite(value):
                family = next(a for a in ANGLES if name.startswith(a))
                err = abs(value - float(true))
                errors[family].append(min(err, 360.0 - err))
        if view == "side" and row.get("lumbar_extension") not in (None, ""):
            reading = read_arch(pose, v.facing)
            if reading.depth_l is not None:
                arch.append(reading.depth_l)
                lumbar.append(float(row["lumbar_extension"]))
    return ClipAccuracy(
        clip.name, view, model_name, dict(errors), spearman(arch, lumbar), len(track)
    )


def summarise(results: list[ClipAccuracy]) -> list[dict[str, object]]:
    """One row per (model, view): mean and worst error per angle family."""
    groups: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        for family, errs in r.errors.items():
            groups[(r.model, r.view)][family].extend(errs)
    rows = []
    for (model, view), fam in sorted(groups.items()):
        row: dict[str, object] = {"model": model, "view": view}
        for family in ANGLES:
            errs = fam.get(family, [])
            row[family] = (float(np.mean(errs)), float(np.max(errs))) if errs else None
        rows.append(row)
    return rows


def format_table(rows: list[dict[str, object]]) -> str:
    head = "| model | view | " + " | ".join(f"{a} mean / worst (deg)" for a in ANGLES) + " |"
    lines = [head, "|" + "---|" * (2 + len(ANGLES))]
    for row in rows:
        cells = []
        for family in ANGLES:
            v = row[family]
            cells.append("-" if v is None else f"{v[0]:.1f} / {v[1]:.1f}")  # type: ignore[index]
        lines.append(f"| {row['model']} | {row['view']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_accuracy(
    clips: list[Path],
    models: dict[str, Path],
    on_clip: Callable[[ClipAccuracy], None] | None = None,
) -> list[ClipAccuracy]:
    results = []
    for name, path in models.items():
        for clip in clips:
            r = clip_accuracy(clip, name, path)
            if r is not None:
                results.append(r)
                if on_clip:
                    on_clip(r)
    return results
