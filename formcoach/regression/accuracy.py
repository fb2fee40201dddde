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


def _angle_error(measured: float, true: float) -> float:
    err = abs(measured - true) % 360.0
    return min(err, 360.0 - err)


def _truth(row: dict[str, str], name: str) -> float | None:
    value = row.get(f"{name}_2d", "")
    return None if value in ("", "nan") else float(value)


def frame_errors(
    measured: dict[str, float], row: dict[str, str], upright: bool
) -> dict[str, list[float]]:
    """Errors per angle family for one frame.

    Legs are matched to the truth by the assignment that fits best, as the
    coach itself tells legs apart by what they do (front/back), never by
    MediaPipe's left/right label. Inclinations are compared only for upright
    poses: lying down, "from vertical" has no useful meaning.
    """
    out: dict[str, list[float]] = defaultdict(list)
    families = ANGLES if upright else tuple(a for a in ANGLES if "inclination" not in a)
    for family in families:
        if family == "trunk_inclination":
            true = _truth(row, family)
            if true is not None and math.isfinite(measured[family]):
                out[family].append(_angle_error(measured[family], true))
            continue
        m = [measured[f"{family}_{s}"] for s in ("left", "right")]
        t = [_truth(row, f"{family}_{s}") for s in ("left", "right")]
        if None in t or not all(math.isfinite(v) for v in m):
            continue
        same = [_angle_error(m[0], t[0]), _angle_error(m[1], t[1])]
        crossed = [_angle_error(m[0], t[1]), _angle_error(m[1], t[0])]
        out[family].extend(same if sum(same) <= sum(crossed) else crossed)
    return out


def clip_accuracy(clip: Path, model_name: str, model: Path) -> ClipAccuracy | None:
    truth_path = clip.with_name(clip.stem + ".truth.csv")
    if not truth_path.exists():
        return None
    truth = list(csv.DictReader(truth_path.open()))
    exp = load_expectation(expectation_path(clip)) if expectation_path(clip).exists() else None
    exercise = exp.exercise if exp and exp.exercise in CHECKERS else "kneeling-hip-flexor"
    view = (exp.view if exp else None) or "unknown"
    checker = make_checker(exercise)
    upright = checker.spec.posture == "upright"
    track = pose_track(clip, model, masks=True)
    session = CoachSession(checker)
    errors: dict[str, list[float]] = defaultdict(list)
    arch, lumbar = [], []
    for frame, row in zip(track, truth, strict=False):
        result = session.process(frame)
        pose, v = result.pose, result.view
        if pose is None or v is None or v.facing is None:
            continue
        for family, errs in frame_errors(_measure(pose, v.facing), row, upright).items():
            errors[family].extend(errs)
        if upright and view == "side" and row.get("lumbar_extension") not in (None, ""):
            reading = read_arch(pose, v.facing)
            if reading.depth_l is not None:
                arch.append(reading.depth_l)
                lumbar.append(float(row["lumbar_extension"]))
    posture = "upright" if upright else "floor"
    return ClipAccuracy(
        clip.name,
        f"{view}, {posture}",
        model_name,
        dict(errors),
        spearman(arch, lumbar),
        len(track),
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
