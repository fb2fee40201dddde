"""A session's report (report.json's dict) as history rows (pure: no database).

What is kept is what shows progress: when, which exercise, per side the
holds (good-form seconds against the target) and reps with their faults,
the cues, and readings per side. Nothing of the video: `source` is only the
video's path or "camera 0".

Readings are an assessment's numbers per side. They come from report.json
in either of two shapes:
- a `readings` list: `[{"side": "left"|"right", "name": "<unit-suffixed>", "value": <number>}]`;
- per-side findings, as the Thomas test writes them: a top-level object with
  `left` and `right` objects (or null), e.g. `"thomas_test": {"left":
  {"thigh_above_table_deg": 12.0, "knee_flexion_deg": 75.0, ...}, ...}`, of
  which the angle fields (`*_deg`) are kept.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

Mode = Literal["analysis", "live"]
SIDES = ("left", "right")  # a reading's side
WORK_SIDES = ("left", "right", "both")  # a hold's, rep's or cue's: "both" for a bilateral exercise
READING_SUFFIX = "_deg"  # the fields of per-side findings kept as readings


@dataclass(frozen=True)
class SessionMeta:
    """What the report does not say: which session this is, when and how it ran."""

    uid: str
    started_at: datetime  # aware, local time
    mode: Mode
    out_dir: str | None = None


@dataclass(frozen=True)
class Reading:
    side: str
    name: str
    value: float


@dataclass(frozen=True)
class SessionRows:
    """Column values in schema order, without session_id (the store adds it)."""

    session: dict[str, Any]  # column -> value
    holds: list[tuple[Any, ...]]  # seq, side, start, end, good form, target, completed, faults
    reps: list[tuple[Any, ...]]  # seq, side, start_s, end_s, depth_deg, faults
    cues: list[tuple[Any, ...]]  # seq, code, side, start_s, end_s
    readings: list[tuple[Any, ...]]  # side, name, value


def rows_from_report(
    report: Mapping[str, Any], meta: SessionMeta, *, finished: bool, updated_at: datetime
) -> SessionRows:
    targets = report["targets"]
    source = report["source"]
    session = {
        "uid": meta.uid,
        "started_at": meta.started_at.isoformat(timespec="seconds"),
        "updated_at": updated_at.isoformat(timespec="seconds"),
        "mode": meta.mode,
        "exercise": report["exercise"],
        "counting": targets["counting"],
        "hold_target_s": targets.get("hold_s"),
        "per_side": targets.get("per_side"),
        "source": str(source["path"]),
        "out_dir": meta.out_dir,
        "duration_s": float(source["duration_s"] or 0.0),
        "view": report["view"]["kind"],
        "pose_coverage": float(report["pose_coverage"] or 0.0),
        "interrupted": int(bool(report.get("interrupted"))),
        "finished": int(finished),
    }
    holds = [
        (
            i,
            _side(h["side"]),
            h["start_s"],
            h["end_s"],
            h["good_form_s"] or 0.0,
            h.get("target_s"),
            int(bool(h["completed"])),
            faults_text(h["faults"]),
        )
        for i, h in enumerate(report["holds"], 1)
    ]
    reps = [
        (
            i,
            _side(r["side"]),
            r["start_s"],
            r["end_s"],
            r.get("depth_deg"),
            faults_text(r["faults"]),
        )
        for i, r in enumerate(report["reps"], 1)
    ]
    cues = [
        (i, c["code"], _side(c["side"]), c["start_s"], c["end_s"])
        for i, c in enumerate(report["cues"], 1)
    ]
    readings = [(r.side, r.name, r.value) for r in readings_from_report(report)]
    return SessionRows(session, holds, reps, cues, readings)


def readings_from_report(report: Mapping[str, Any]) -> list[Reading]:
    """The report's readings (both shapes), checked: a side, a name and a finite number each."""
    out: dict[tuple[str, str], Reading] = {}
    for item in [*(report.get("readings") or ()), *_per_side_findings(report)]:
        side, name, value = item.get("side"), item.get("name"), item.get("value")
        if side not in SIDES:
            raise ValueError(f"reading {item!r}: side must be one of {SIDES}")
        if not isinstance(name, str) or not name:
            raise ValueError(f"reading {item!r}: name must be a non-empty string")
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"reading {item!r}: value must be a finite number")
        out[(side, name)] = Reading(side, name, float(value))  # the last of a repeat wins
    return list(out.values())


def _per_side_findings(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = []
    for value in report.values():
        if not (isinstance(value, Mapping) and set(SIDES) <= value.keys()):
            continue
        for side in SIDES:
            fields = value[side]
            if isinstance(fields, Mapping):
                items += [
                    {"side": side, "name": name, "value": number}
                    for name, number in fields.items()
                    if name.endswith(READING_SUFFIX) and isinstance(number, int | float)
                ]
    return items


def faults_text(codes: Sequence[str]) -> str:
    return ",".join(sorted(set(codes)))


def faults_of(text: str) -> frozenset[str]:
    return frozenset(code for code in text.split(",") if code)


def _side(side: str | None) -> str | None:
    return side if side in WORK_SIDES else None
