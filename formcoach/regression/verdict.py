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
    if e.reps_total is not None:
        parts.append(f"reps {e.reps_total} (both legs)")
    if "reading" in e.extra:
        parts.append(f"reading {e.extra['reading']}")
    if e.good_form_s is not None:
        parts.append("hold L{:.0f} R{:.0f}s".format(*(e.good_form_s.get(s, 0.0) for s in SIDES)))
    return ", ".join(parts)


def describe_report(report: dict[str, Any]) -> str:
    cues = [f"{c['code']}@{c['start_s']:.1f}s" for c in report["cues"]] or ["no cues"]
    s = report["summary"]
    if report["targets"].get("bilateral"):
        cues.append(f"{len(report['reps'] or report['holds'])} reps (both legs)")
        if report["targets"]["counting"] == "hold":
            cues.append(f"hold {s['good_form_s']['both']:.0f}s (both legs)")
    elif report["targets"]["counting"] == "reps":
        cues.append(f"reps L{s['reps']['left']} R{s['reps']['right']}")
    else:
        cues.append(f"hold L{s['good_form_s']['left']:.0f} R{s['good_form_s']['right']:.0f}s")
    test = report.get("thomas_test") or {}
    cues += [f"{side} {test[side]['reading']}" for side in SIDES if test.get(side)]
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
    problems += _bilateral_problems(report, e) + _reading_problems(report, e)
    if e.reps is not None and report["targets"]["counting"] == "reps":
        for side in SIDES:
            want, got = e.reps.get(side, 0), summary["reps"][side]
            if want != got:
                problems.append(f"{side} reps {got}, expected {want}")
    if e.good_form_s is not None and not report["targets"].get("bilateral"):
        for side in SIDES:
            want, got = e.good_form_s.get(side, 0.0), summary["good_form_s"][side] or 0.0
            if abs(want - got) > e.tolerance_s:
                problems.append(
                    f"{side} good form {got:.1f} s, expected {want:.1f} +- {e.tolerance_s:g}"
                )
    return Verdict(not problems, tuple(problems), describe_expected(e), describe_report(report))


def _bilateral_problems(report: dict[str, Any], e: Expectation) -> list[str]:
    """Counts of an exercise that works both legs at once, against the expectation's totals.

    Such a report has no left or right: its holds and reps have the side
    "both". An expectation written per side is compared as its total.
    """
    problems: list[str] = []
    if e.reps_total is not None:
        counted = report["reps"] or report["holds"]  # a bridge counts reps, a rest holds
        if len(counted) != e.reps_total:
            problems.append(f"{len(counted)} reps (both legs), expected {e.reps_total}")
    bilateral = report["targets"].get("bilateral")
    if bilateral and e.good_form_s is not None:
        want = sum(e.good_form_s.values())
        got = report["summary"]["good_form_s"].get("both") or 0.0
        if abs(want - got) > e.tolerance_s:
            problems.append(
                f"good form {got:.1f} s (both legs), expected {want:.1f} +- {e.tolerance_s:g}"
            )
    return problems


def _reading_problems(report: dict[str, Any], e: Expectation) -> list[str]:
    """An assessment's reading (the Thomas test's) on every side it measured."""
    want = e.extra.get("reading")
    if want is None:
        return []
    test = report.get("thomas_test") or {}
    readings = {side: test[side]["reading"] for side in SIDES if test.get(side)}
    if not readings:
        return [f"no reading, expected {want}"]
    wrong = {side: got for side, got in readings.items() if got != want}
    return [f"{side} reading {got}, expected {want}" for side, got in wrong.items()]
