"""report.html from report.json and what was gathered per frame (pure: no files).

One page, read top to bottom: what was done and when; anything that limited
what could be checked; per side, the holds (good-form seconds against the
target) and reps; each cue with its time, text and the frame where it
started; the checked measures over time with their limits drawn and the
fault periods shaded; how much of the session could be judged.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any

import numpy as np

from formcoach import __version__
from formcoach.coaching.checks import SETUP_CODES
from formcoach.reporting.guides import ALL_FAULTS, Plot
from formcoach.reporting.markup import Html, esc, join, page, table, tag, warnings_box
from formcoach.reporting.series import SessionSeries
from formcoach.reporting.svg import Chart, Level, Line, Mark, Span, render_chart

SIDES = ("left", "right")
SIDE_TITLES = {"both": "both legs together"}  # a bilateral exercise
COVERAGE_WARNING = 0.8  # below this share of frames with a usable pose, say so
JUDGED_WARNING = 0.5  # a check judged on fewer of its frames than this is flagged
FAULT_COLOUR = "#d93025"
SETUP_COLOUR = "#80868b"
WORK_COLOUR = "#34a853"
MEASURE_COLOUR = "#2c3e50"
BASELINE_COLOUR = "#8e44ad"


@dataclass(frozen=True)
class ReportContext:
    """What report.html needs beyond report.json."""

    title: str  # the exercise's title
    mode: str  # "analysis" or "live"
    started_at: datetime
    plots: tuple[Plot, ...]
    series: SessionSeries
    thumbnail: Callable[[str, float | None], bytes | None]  # (cue code, start_s) -> JPEG
    thumbnails_skipped: int = 0


def render_report(report: Mapping[str, Any], ctx: ReportContext) -> Html:
    body = join(
        [
            _header(report, ctx),
            warnings_box(report_warnings(report)),
            _findings(report),
            _sides(report),
            _work_table(report),
            _cues(report, ctx),
            _plots(report, ctx),
            _coverage(report),
            tag(
                "footer",
                f"formcoach {__version__}. The same session as data: report.json (summary) "
                "and angles.csv (every frame) in this folder.",
            ),
        ]
    )
    return page(f"{ctx.title}: formcoach report", body, generator=f"formcoach {__version__}")


# -- sections ---------------------------------------------------------------------


def _header(report: Mapping[str, Any], ctx: ReportContext) -> Html:
    source = report["source"]
    name = PurePath(source["path"]).name or source["path"]
    what = "Live session" if ctx.mode == "live" else "Analysis"
    when = ctx.started_at
    date = f"{when:%A} {when.day} {when:%B %Y, %H:%M}"
    return join(
        [
            tag("h1", ctx.title),
            tag(
                "p",
                f"{date} · {what} of {name} · {clock(source['duration_s'])} "
                f"({source['frames']} frames at {source['fps']:g} fps)",
                class_="sub",
                title=source["path"],
            ),
        ]
    )


def report_warnings(report: Mapping[str, Any]) -> list[str]:
    """What limited this session's checks, in words; empty when nothing did."""
    items: list[str] = []
    live = report.get("live") or {}
    if report.get("interrupted"):
        items.append(f"The session was stopped early ({live.get('stopped_because', 'Ctrl-C')}).")
    items += list(report.get("notes", []))
    coverage = report.get("pose_coverage") or 0.0
    if 0.5 <= coverage < COVERAGE_WARNING:  # below 0.5 the notes already say it
        items.append(
            f"A usable pose was found in {coverage:.0%} of frames: the rest was not checked."
        )
    for code, check in sorted(report.get("checks", {}).items()):
        share = check.get("judged_share") or 0.0
        if share < JUDGED_WARNING:
            reasons = check.get("silent_reasons") or {}
            why = max(reasons, key=reasons.get) if reasons else None
            items.append(
                f"{_words(code)} could be judged on only {share:.0%} of its frames"
                + (f" ({why})." if why else ".")
            )
    if not report.get("holds") and not report.get("reps") and report.get("pose_coverage"):
        kind = "hold" if report["targets"]["counting"] == "hold" else "rep"
        items.append(f"No {kind} was found: nothing was counted.")
    return items


def _findings(report: Mapping[str, Any]) -> Html:
    """An assessment's conclusion (the Thomas test's readings), as it wrote it."""
    lines = report.get("findings") or []
    if not lines:
        return Html("")
    return join([tag("h2", "Findings"), *(tag("p", line.strip()) for line in lines)])


def _sides(report: Mapping[str, Any]) -> Html:
    targets = report["targets"]
    counting = targets["counting"]
    boxes = []
    for side in (*SIDES, "both", None):
        holds = [h for h in report["holds"] if h["side"] == side]
        reps = [r for r in report["reps"] if r["side"] == side]
        if side not in SIDES and not holds and not reps:
            continue
        title = SIDE_TITLES.get(side, f"{side} side").capitalize() if side else "Side not known"
        parts = [tag("h3", title)]
        if counting == "hold":
            parts.append(_hold_lines(holds, targets))
        else:
            parts.append(_rep_lines(reps, targets))
        boxes.append(tag("div", join(parts), class_="side"))
    intro = tag("p", f"Side means {targets['side_means']}.", class_="muted")
    return join([tag("h2", "Per side"), intro, tag("div", join(boxes), class_="sides")])


def _hold_lines(holds: list[dict[str, Any]], targets: Mapping[str, Any]) -> Html:
    target = targets.get("hold_s") or 0.0
    if not holds:
        return tag("p", "No holds.", class_="muted")
    done = sum(1 for h in holds if h["completed"])
    total = sum(h["good_form_s"] or 0.0 for h in holds)
    rows = []
    for i, h in enumerate(holds, 1):
        share = min(1.0, (h["good_form_s"] or 0.0) / target) if target else 0.0
        bar = Html(f'<span class="bar"><span style="width:{share * 100:.0f}%"></span></span>')
        mark = tag("span", "done", class_="ok") if h["completed"] else Html("")
        rows.append(
            tag(
                "div",
                join([f"Hold {i}: ", bar, esc(f"{h['good_form_s']:.0f} of {target:.0f} s "), mark]),
            )
        )
    per_side = targets.get("per_side") or 0
    summary = f"{done} of {per_side} holds completed" if per_side else f"{done} completed"
    return join([*rows, tag("p", f"{summary}; {total:.0f} s of good form in all.")])


def _rep_lines(reps: list[dict[str, Any]], targets: Mapping[str, Any]) -> Html:
    if not reps:
        return tag("p", "No reps.", class_="muted")
    per_side = targets.get("per_side") or 0
    clean = sum(1 for r in reps if not r["faults"])
    count = f"{len(reps)} reps" + (f" (target {per_side})" if per_side else "")
    return join(
        [tag("p", f"{count}; {clean} without a fault."), _faults_line([r["faults"] for r in reps])]
    )


def _faults_line(faults: Sequence[Sequence[str]]) -> Html:
    counts: dict[str, int] = {}
    for codes in faults:
        for code in codes:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return Html("")
    text = ", ".join(f"{_words(c)} ({n})" for c, n in sorted(counts.items(), key=lambda i: -i[1]))
    return tag("p", f"Faults: {text}.", class_="bad")


def _work_table(report: Mapping[str, Any]) -> Html:
    if report["targets"]["counting"] == "hold":
        if not report["holds"]:
            return Html("")
        rows = [
            (
                i,
                h["side"] or "?",
                clock(h["start_s"]),
                clock(h["end_s"]),
                f"{h['good_form_s']:.1f} / {h['target_s']:.0f} s",
                "yes" if h["completed"] else "no",
                ", ".join(_words(f) for f in h["faults"]) or "none",
            )
            for i, h in enumerate(report["holds"], 1)
        ]
        headers = ["#", "side", "start", "end", "good form", "completed", "faults"]
        return join([tag("h2", "Holds"), table(headers, rows, numeric=(0, 4))])
    if not report["reps"]:
        return Html("")
    rows = [
        (
            i,
            r["side"] or "?",
            clock(r["start_s"]),
            clock(r["end_s"]),
            "" if r.get("depth_deg") is None else f"{r['depth_deg']:.0f} deg",
            ", ".join(_words(f) for f in r["faults"]) or "none",
        )
        for i, r in enumerate(report["reps"], 1)
    ]
    headers = ["#", "side", "start", "end", "depth (knee)", "faults"]
    return join([tag("h2", "Reps"), table(headers, rows, numeric=(0, 4))])


def _cues(report: Mapping[str, Any], ctx: ReportContext) -> Html:
    cues = report["cues"]
    if not cues:
        return join([tag("h2", "Cues"), tag("p", "No cues: nothing needed correcting.")])
    rows = []
    for i, c in enumerate(cues, 1):
        jpeg = ctx.thumbnail(c["code"], c["start_s"])
        picture: object = ""
        if jpeg is not None:
            data = base64.b64encode(jpeg).decode("ascii")
            picture = Html(
                f'<img class="thumb" alt="frame at {esc(clock(c["start_s"]))}" '
                f'src="data:image/jpeg;base64,{data}">'
            )
        lasted = (
            f"{c['end_s'] - c['start_s']:.1f} s"
            if c["end_s"] is not None and c["start_s"] is not None
            else ""
        )
        rows.append((i, clock(c["start_s"]), c["side"] or "", c["text"], lasted, picture))
    note = (
        tag("p", f"{ctx.thumbnails_skipped} later cues are listed without a picture.")
        if ctx.thumbnails_skipped
        else Html("")
    )
    headers = ["#", "time", "side", "cue", "lasted", "frame where it started"]
    return join([tag("h2", "Cues"), table(headers, rows, numeric=(0,)), note])


def _plots(report: Mapping[str, Any], ctx: ReportContext) -> Html:
    if not ctx.plots:
        return Html("")
    times = ctx.series.times()
    periods = ctx.series.periods()
    end = float(times[-1]) if len(times) else 0.0
    work = "hold" if report["targets"]["counting"] == "hold" else "rep"
    work_spans = tuple(
        Span(
            u["start_s"],
            end if u["end_s"] is None else u["end_s"],
            f"in a {work}",
            WORK_COLOUR,
            opacity=0.09,
        )
        for u in report["holds"] + report["reps"]
        if u["start_s"] is not None
    )
    setup_spans = tuple(
        Span(a, b, "not judged (set-up)", SETUP_COLOUR, opacity=0.18)
        for code in SETUP_CODES
        for a, b in periods.get(code, [])
    )
    figures, unmeasured = [], []
    for plot in ctx.plots:
        values = ctx.series.values(plot.measure)
        if not np.isfinite(values).any():
            unmeasured.append(plot.title)
            continue
        faults = _plot_faults(plot, periods)
        fault_spans = tuple(
            Span(a, b, f"{_words(code)}", FAULT_COLOUR) for code in faults for a, b in periods[code]
        )
        marks = tuple(
            Mark(c["start_s"], str(i))
            for i, c in enumerate(report["cues"], 1)
            if c["code"] in plot.faults
            or (plot.faults == ALL_FAULTS and c["code"] not in SETUP_CODES)
            if c["start_s"] is not None
        )
        lines = [Line("measured", times, values, MEASURE_COLOUR)]
        if plot.baseline is not None:
            name, rise = plot.baseline
            lines.append(
                Line(
                    "your baseline + allowed rise",
                    times,
                    ctx.series.values(name) + rise,
                    BASELINE_COLOUR,
                    dashed=True,
                )
            )
        chart = Chart(
            title=plot.title,
            unit=plot.unit,
            lines=tuple(lines),
            levels=tuple(_level(v, label) for v, label in plot.levels),
            spans=work_spans + setup_spans + fault_spans,
            marks=marks,
        )
        figures.append(tag("figure", render_chart(chart)))
    caption = tag(
        "p",
        "Dashed lines are the limits the checks use; red shading marks when a fault was "
        "present, grey when form could not be judged, green the "
        f"{work}s; numbers are the cues in the table above.",
        class_="muted",
    )
    missing = (
        tag("p", "Not measured in this session: " + "; ".join(unmeasured) + ".", class_="muted")
        if unmeasured
        else Html("")
    )
    return join([tag("h2", "Measures over time"), caption, *figures, missing])


def _plot_faults(plot: Plot, periods: Mapping[str, list[tuple[float, float]]]) -> list[str]:
    if plot.faults == ALL_FAULTS:
        return sorted(code for code in periods if code not in SETUP_CODES)
    return [code for code in plot.faults if code in periods]


def _level(value: float, label: str) -> Level:
    return Level(value, f"{label} ({value:g})")


def _coverage(report: Mapping[str, Any]) -> Html:
    view = report["view"]
    facing = f", facing image {view['facing']}" if view.get("facing") else ""
    rows = [
        ("camera view", f"{view['kind']}{facing}"),
        ("usable pose", f"{(report.get('pose_coverage') or 0.0):.0%} of frames"),
    ]
    checks = [
        (
            _words(code),
            f"{(c.get('judged_share') or 0.0):.0%}",
            "; ".join(f"{why} ({n} frames)" for why, n in (c.get("silent_reasons") or {}).items()),
        )
        for code, c in sorted(report.get("checks", {}).items())
    ]
    parts = [tag("h2", "View and coverage"), table((), rows)]
    if checks:
        parts.append(
            table(["check", "judged on", "when it could not judge, why"], checks, numeric=(1,))
        )
    return join(parts)


# -- formatting -------------------------------------------------------------------


def clock(seconds: float | None) -> str:
    """12.34 -> "0:12.3"; None -> "" (still open)."""
    if seconds is None or not np.isfinite(seconds):
        return ""
    minutes, rest = divmod(round(float(seconds), 1), 60.0)
    return f"{int(minutes)}:{rest:04.1f}"


def _words(code: str) -> str:
    return code.replace("_", " ")
