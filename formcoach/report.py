"""report.json and the per-frame angle rows, built from a session (pure: no files).

report.json schema_version 1: the keys the product brief fixes (exercise,
source, view, pose_coverage, cues, reps, holds, summary) plus `checks` (how
often each check could judge, and why it could not), `targets` and `notes`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from formcoach.coaching.session import SIDES, FrameResult, SessionRecord
from formcoach.coaching.sides import BOTH
from formcoach.exercises.base import ExerciseSpec

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class SourceInfo:
    path: str
    fps: float
    frames: int
    duration_s: float
    width: int
    height: int


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(x, nd)


def build_report(
    record: SessionRecord, spec: ExerciseSpec, source: SourceInfo, *, interrupted: bool = False
) -> dict[str, Any]:
    views_total = sum(record.view_counts.values())
    view_kind = record.view_counts.most_common(1)[0][0] if views_total else "unknown"
    facing = record.facing_counts.most_common(1)[0][0] if record.facing_counts else None
    coverage = record.usable_frames / record.frames if record.frames else 0.0
    target = spec.hold_target_s
    holds = [
        {
            "side": h.side,
            "start_s": _r(h.start_s),
            "end_s": _r(h.end_s),
            "good_form_s": _r(h.good_form_s, 1),
            "target_s": target,
            "completed": h.good_form_s >= target,
            "faults": sorted(h.faults),
        }
        for h in record.holds
    ]
    reps = [
        {
            "side": r.side,
            "start_s": _r(r.start_s),
            "end_s": _r(r.end_s),
            "bottom_s": _r(r.bottom_s),
            "depth_deg": _r(r.depth, 1),
            "range_deg": _r(r.range, 1),
            "faults": sorted(r.faults),
        }
        for r in record.reps
    ]
    sides = SIDES + (BOTH,) if spec.bilateral else SIDES  # "both": a bilateral exercise
    if spec.counting == "reps":
        rep_counts = {s: sum(1 for r in record.reps if r.side == s) for s in sides}
    else:  # for a stretch, a "rep" is a hold that reached its target
        rep_counts = {
            s: sum(1 for h in record.holds if h.side == s and h.good_form_s >= target)
            for s in sides
        }
    good_form = {s: _r(sum(h.good_form_s for h in record.holds if h.side == s), 1) for s in sides}
    checks = {
        code: {
            "judged_share": _r((counts["ok"] + counts["fault"]) / max(1, sum(counts.values())), 3),
            "silent_reasons": dict(record.silent_reasons.get(code, {})),
        }
        for code, counts in sorted(record.check_counts.items())
    }
    notes = []
    if spec.view == "side" and view_kind in ("front", "oblique"):
        notes.append(
            f"The camera saw the person from the {view_kind}: the form checks need a side view "
            "and were not run on those frames."
        )
    if coverage < 0.5:
        notes.append(f"A usable pose was found in only {coverage:.0%} of frames.")
    report = {
        "schema_version": SCHEMA_VERSION,
        "exercise": spec.name,
        "source": asdict(source),
        "view": {"kind": view_kind, "facing": facing},
        "pose_coverage": _r(coverage, 3),
        "interrupted": interrupted,
        "cues": [
            {
                "code": c.code,
                "start_s": _r(c.start_s),
                "end_s": _r(c.end_s),
                "side": c.side,
                "text": c.text,
                "fault_start_s": _r(c.fault_start_s),
            }
            for c in record.cues
        ],
        "reps": reps,
        "holds": holds,
        "summary": {"reps": rep_counts, "good_form_s": good_form},
        "targets": {
            "counting": spec.counting,
            "hold_s": target or None,
            "per_side": spec.sets_per_side,
            "side_means": spec.side_meaning,
            "bilateral": spec.bilateral,
        },
        "checks": checks,
        "notes": notes,
    }
    if record.findings is not None:  # an assessment's conclusion, e.g. "thomas_test"
        report.update(record.findings.report)
        report["findings"] = list(record.findings.lines)
    return report


def summary_text(report: dict[str, Any]) -> str:
    """A few human lines about a session."""
    if "summary" not in report:  # nothing recognised (--exercise auto)
        return "\n".join(report.get("notes", []))
    s = report["summary"]
    lines = [
        f"{report['exercise']}: {report['source']['duration_s']:.1f} s, "
        f"view {report['view']['kind']}, pose found in {report['pose_coverage']:.0%} of frames"
    ]
    for part in report.get("segments", []):
        lines.append(
            f"recognised {part['exercise']} {part['start_s']:.1f}-{part['end_s']:.1f} s "
            f"(confidence {part['confidence']:.2f}, {len(part['cues'])} cues, "
            f"{len(part['reps'])} reps, {len(part['holds'])} holds)"
        )
    if report["targets"].get("bilateral"):
        done, good = s["reps"]["both"], s["good_form_s"]["both"] or 0.0
        if report["targets"]["counting"] == "reps":
            lines.append(f"reps (both legs together): {done}")
        else:
            reps = f"{len(report['reps'])} reps, " if report["reps"] else ""
            lines.append(
                f"good-form hold (both legs together): {reps}{good:.0f} s in "
                f"{len(report['holds'])} holds, {done} reaching {report['targets']['hold_s']:.0f} s"
            )
    elif report["targets"]["counting"] == "reps":
        lines.append(f"reps: left {s['reps']['left']}, right {s['reps']['right']}")
    else:
        target = report["targets"]["hold_s"]
        lines.append(
            f"good-form hold: left {s['good_form_s']['left']:.0f} s, right "
            f"{s['good_form_s']['right']:.0f} s (holds of {target:.0f} s completed: "
            f"left {s['reps']['left']}, right {s['reps']['right']})"
        )
    cue_counts: dict[str, int] = {}
    for c in report["cues"]:
        cue_counts[c["code"]] = cue_counts.get(c["code"], 0) + 1
    if cue_counts:
        lines.append("cues: " + ", ".join(f"{k} x{v}" for k, v in cue_counts.items()))
    elif report["checks"] or report["reps"]:  # each counted rep was judged when it ended
        lines.append("cues: none, form looked good")
    else:
        lines.append("cues: none, but form was never judged (see the notes)")
    lines += report.get("findings", [])
    lines += [f"note: {n}" for n in report["notes"]]
    return "\n".join(lines)


def angle_row(result: FrameResult, measure_names: tuple[str, ...]) -> dict[str, Any]:
    """One angles.csv row: time in seconds, unit-suffixed measures, what was wrong."""
    a = result.assessment
    row: dict[str, Any] = {
        "frame": result.index,
        "time_s": round(result.time_s, 4),
        "pose_found": int(result.pose is not None),
        "view": result.view.kind if result.view else "",
        "yaw_from_side_deg": _r(result.view.yaw_from_side_deg, 1) if result.view else None,
        "facing": {1: "right", -1: "left"}.get(result.view.facing, "") if result.view else "",
        "working_leg": a.working_leg or "",
        "in_position": int(a.in_position),
    }
    for name in measure_names:
        row[name] = _r(a.measures.get(name), 2)
    row["faults"] = ";".join(sorted(a.faults) + ([result.setup] if result.setup else []))
    row["cue"] = result.cue.code if result.cue else ""
    return row
