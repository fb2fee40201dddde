"""Comparing a clip's report with its expectation (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from formcoach.regression.expectations import SIDES, Expectation


@dataclass(frozen=True)
class Verdict:
    passed: bool
    problems: tuple[str, ...]
    expected: str
    got: str


def describe_expected(e: Expectation) -> str:
    parts = [f"{w.code}@{w.from_s:g}-{w.to_s:g}s" for w in e.must_cue] or ["no cues"]
    if e.reps is not None:
        parts.append("reps L{} R{}".format(*(e.reps.get(s, 0) for s in SIDES)))
    if e.good_form_s is not None:
        parts.append("hold L{:.0f} R{:.0f}s".format(*(e.good_form_s.get(s, 0.0) for s in SIDES)))
    return ", ".join(parts)


def describe_report(report: dict[str, Any]) -> str:
    cues = [f"{c['code']}@{c['start_s']:.1f}s" for c in report["cues"]] or ["no cues"]
    s = report["summary"]
    if report["targets"]["counting"] == "reps":
        cues.append(f"reps L{s['reps']['left']} R{s['reps']['right']}")
    else:
        cues.append(f"hold L{s['good_form_s']['left']:.0f} R{s['good_form_s']['right']:.0f}s")
    return ", ".join(cues)


def judge(report: dict[str, Any], e: Expectation) -> Verdict:
    problems: list[str] = []
    cues = report["cues"]
    for w in e.must_cue:
        hits = [
            c
            for c in cues
            if c["code"] == w.code
            and w.from_s <= c["start_s"] <= w.to_s
            and (w.side is None or c["side"] == w.side)
        ]
        if not hits:
            problems.append(f"missing {w.code} between {w.from_s:g} and {w.to_s:g} s")
    for code in e.must_not_cue:
        wrong = [c for c in cues if c["code"] == code]
        if wrong:
            problems.append(f"unexpected {code} at {wrong[0]['start_s']:.1f} s")
    summary = report["summary"]
    if e.reps is not None and report["targets"]["counting"] == "reps":
        for side in SIDES:
            want, got = e.reps.get(side, 0), summary["reps"][side]
            if want != got:
                problems.append(f"{side} reps {got}, expected {want}")
    if e.good_form_s is not None:
        for side in SIDES:
            want, got = e.good_form_s.get(side, 0.0), summary["good_form_s"][side] or 0.0
            if abs(want - got) > e.tolerance_s:
                problems.append(
                    f"{side} good form {got:.1f} s, expected {want:.1f} +- {e.tolerance_s:g}"
                )
    return Verdict(not problems, tuple(problems), describe_expected(e), describe_report(report))
