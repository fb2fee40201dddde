"""How far the coach's measured angles are from the truth of rendered clips.

For every clip with a NAME.truth.csv, the clip's poses (cached per model;
labelled by the pose adapter's flip test: "full" mirrors the frames with a lost
leg, "full+flip" every frame, "full once" none) go through
the coach's own pose processing (leg-label continuity, One-Euro smoothing),
then the 2D angles the checkers use are measured per body side and compared
with the truth's 2D angles of the same frame (the angle of the true joints
projected into the image). The lower-back outline's arch depth
is compared by rank with the true lumbar extension (Spearman, ties ranked
alike) on the frames where the checker reads it (in position, side view):
over all of them, and over the extension range alone (true lumbar extension
>= 0, from neutral to arched), since flexing the lumbar spine (a tucked
pelvis) flattens the back and barely moves its outline. Where the truth marks
arched frames, the share of judged arched and neutral frames the coach called
an arch is given too.

MediaPipe sometimes loses a leg for seconds (draws it where the body is
not); the frames where the leg skeleton lies off the person's segmentation
mask (core/leg_fit.py: over `LEG_OFF_BODY_SHARE` of it) are counted, and
every error is also summarised without them ("legs on the body"), so the
table says both what the coach reads and how much of it comes from lost legs.

Truth joint centres follow tools/cliprender (rig pivots for hips and knees,
which sit high like MediaPipe's hip landmark).
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from formcoach.coaching.session import CoachSession
from formcoach.core.back_profile import read_arch
from formcoach.core.flip_fusion import FlipTest
from formcoach.core.geometry import inclination_deg, joint_angle_deg
from formcoach.core.landmarks import side_landmark
from formcoach.core.leg_fit import LEG_OFF_BODY_SHARE, leg_off_mask_share
from formcoach.core.measures import trunk_inclination_deg
from formcoach.core.pose import Pose, PoseTrack
from formcoach.exercises.lower_back import LOWER_BACK_ARCH
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.regression.clips import pose_track
from formcoach.regression.expectations import expectation_path, load_expectation

ANGLES = ("knee", "hip", "trunk_inclination", "shin_inclination")
EXTENSION_FROM_DEG = 0.0  # true lumbar extension from which the outline is expected to follow
# The model column's label per flip-test mode (the default adds nothing).
MODEL_SUFFIX = {FlipTest.LOST_LEGS: "", FlipTest.EVERY_FRAME: "+flip", FlipTest.OFF: " once"}


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
    arch_spearman_extension: float | None = None  # frames with lumbar extension >= 0 only
    arch_spearman_sweep: float | None = None  # frames of the arch sweep only (its expectation)
    arch_called_arched: float | None = None  # share of truly arched judged frames called arched
    arch_called_neutral: float | None = None  # share of truly neutral judged frames called arched
    legs_off_frames: int = 0  # frames whose leg skeleton lay off the body's mask
    on_body_errors: dict[str, list[float]] = field(default_factory=dict)  # the others' errors


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def describe_clip(r: ClipAccuracy) -> str:
    rho = "-" if r.arch_spearman is None else f"{r.arch_spearman:+.2f}"
    ext = "-" if r.arch_spearman_extension is None else f"{r.arch_spearman_extension:+.2f}"
    sweep = (
        "" if r.arch_spearman_sweep is None else f", over the sweep {r.arch_spearman_sweep:+.2f}"
    )
    means = ", ".join(f"{k} {np.mean(v):.1f}" for k, v in r.errors.items())
    off = f"; legs off the body in {r.legs_off_frames}/{r.frames} frames"
    off = off if r.legs_off_frames else ""
    line = f"{r.model:6} {r.view:8} {r.clip:52} mean error {means}{off}; arch rank corr {rho}"
    if r.arch_spearman is not None:
        line += f" (extension {ext}{sweep})"
    if r.arch_called_arched is not None or r.arch_called_neutral is not None:
        line += (
            f"; arch called on {_share(r.arch_called_arched)} of arched, "
            f"{_share(r.arch_called_neutral)} of neutral frames"
        )
    return line


def _ranks(values: list[float]) -> np.ndarray:
    """Ranks from 0, tied values sharing their mean rank."""
    v = np.asarray(values, dtype=float)
    order = np.argsort(v, kind="stable")
    ranks = np.empty(len(v))
    ranks[order] = np.arange(len(v), dtype=float)
    _, group, counts = np.unique(v, return_inverse=True, return_counts=True)
    sums = np.bincount(group, weights=ranks)
    return sums[group] / counts[group]


def spearman(a: list[float], b: list[float]) -> float | None:
    """Spearman's rank correlation; ties get their mean rank.

    Ties matter here: the truth of a hold repeats one value for seconds, and
    ranking those frames by their order in time would invent a trend.
    """
    if len(a) < 5 or np.std(a) == 0 or np.std(b) == 0:
        return None
    return float(np.corrcoef(_ranks(a), _ranks(b))[0, 1])


def _spearman_where(keep: list[bool], a: list[float], b: list[float]) -> float | None:
    return spearman(
        [x for x, k in zip(a, keep, strict=True) if k],
        [y for y, k in zip(b, keep, strict=True) if k],
    )


def _share_true(flags: list[bool]) -> float | None:
    return float(np.mean(flags)) if flags else None


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


def clip_accuracy(
    clip: Path,
    model_name: str,
    model: Path,
    flip_test: FlipTest = FlipTest.LOST_LEGS,
    track: PoseTrack | None = None,
) -> ClipAccuracy | None:
    """The clip's errors against its truth; None for a clip without one.

    `track` stands in for the clip's poses (tools/arch_rank.py passes the
    rendered body's true silhouettes as masks).
    """
    truth_path = clip.with_name(clip.stem + ".truth.csv")
    if not truth_path.exists():
        return None
    truth = list(csv.DictReader(truth_path.open()))
    exp = load_expectation(expectation_path(clip)) if expectation_path(clip).exists() else None
    exercise = exp.exercise if exp and exp.exercise in CHECKERS else "kneeling-hip-flexor"
    view = (exp.view if exp else None) or "unknown"
    checker = make_checker(exercise)
    upright = checker.spec.posture == "upright"
    if track is None:
        track = pose_track(clip, model, masks=True, flip_test=flip_test)
    session = CoachSession(checker)
    errors: dict[str, list[float]] = defaultdict(list)
    on_body: dict[str, list[float]] = defaultdict(list)
    legs_off = 0
    arch, lumbar, in_sweep = [], [], []
    sweep_s = exp.arch_sweep_s if exp else None
    called: dict[bool, list[bool]] = {True: [], False: []}  # truly arched -> called arched
    for frame, row in zip(track, truth, strict=False):
        result = session.process(frame)
        pose, v = result.pose, result.view
        if pose is None or v is None or v.facing is None:
            continue
        share = leg_off_mask_share(frame.pose) if frame.pose is not None else None
        off = share is not None and share > LEG_OFF_BODY_SHARE
        legs_off += off
        for family, errs in frame_errors(_measure(pose, v.facing), row, upright).items():
            errors[family].extend(errs)
            if not off:
                on_body[family].extend(errs)
        a = result.assessment
        if not (upright and view == "side" and a.in_position):
            continue
        if row.get("lumbar_extension") not in (None, ""):
            reading = read_arch(pose, v.facing)
            if reading.depth_l is not None:
                arch.append(reading.depth_l)
                lumbar.append(float(row["lumbar_extension"]))
                t = float(row["time_s"])
                in_sweep.append(sweep_s is not None and sweep_s[0] <= t <= sweep_s[1])
        judged = [c for c in a.checks if c.code == LOWER_BACK_ARCH and c.status != "silent"]
        if judged:
            arched = LOWER_BACK_ARCH in row.get("faults", "").split(";")
            called[arched].append(any(c.status == "fault" for c in judged))
    posture = "upright" if upright else "floor"
    extension = [x >= EXTENSION_FROM_DEG for x in lumbar]
    return ClipAccuracy(
        clip.name,
        f"{view}, {posture}",
        model_name + MODEL_SUFFIX[flip_test],
        dict(errors),
        spearman(arch, lumbar),
        len(track),
        arch_spearman_extension=_spearman_where(extension, arch, lumbar),
        arch_spearman_sweep=_spearman_where(in_sweep, arch, lumbar) if sweep_s else None,
        arch_called_arched=_share_true(called[True]) if called[True] else None,
        arch_called_neutral=_share_true(called[False]) if called[True] else None,
        legs_off_frames=legs_off,
        on_body_errors=dict(on_body),
    )


def summarise(results: list[ClipAccuracy], on_body: bool = False) -> list[dict[str, object]]:
    """One row per (model, view): mean and worst error per angle family.

    A view seen in more than one posture also gets a row for all of them
    ("side, all postures"). With `on_body`, only the frames whose legs lay on
    the body's mask.
    """

    def errors() -> defaultdict[str, list[float]]:
        return defaultdict(list)

    groups: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(errors)
    pooled: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(errors)  # model, camera
    postures: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in results:
        camera, _, posture = r.view.partition(", ")
        postures[(r.model, camera)].add(posture)
        for family, errs in (r.on_body_errors if on_body else r.errors).items():
            groups[(r.model, r.view)][family].extend(errs)
            pooled[(r.model, camera)][family].extend(errs)
    for (model, camera), fam in pooled.items():
        if len(postures[(model, camera)]) > 1:
            groups[(model, f"{camera}, all postures")] = fam
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
    flip_test: FlipTest = FlipTest.LOST_LEGS,
) -> list[ClipAccuracy]:
    results = []
    for name, path in models.items():
        for clip in clips:
            r = clip_accuracy(clip, name, path, flip_test)
            if r is not None:
                results.append(r)
                if on_clip:
                    on_clip(r)
    return results
