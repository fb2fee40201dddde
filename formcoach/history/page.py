"""The progress page `formcoach history --plot` writes (pure: HTML from the history's data).

Per exercise: the good-form hold time (or reps) per week for each side, the
fault rate per week for each side; for an assessment that takes readings
(the Thomas test), each reading's sides over time and the left-right
difference instead. Then the latest sessions, each linked to its report.html.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from formcoach import __version__
from formcoach.history.listing import columns, row
from formcoach.history.progress import ReadingSeries, Week
from formcoach.history.store import SessionSummary
from formcoach.reporting.markup import SIDE_COLOURS, Html, join, page, table, tag
from formcoach.reporting.names import title_of, unit_of
from formcoach.reporting.svg import Chart, Level, Line, day_number, render_chart

SIDES = ("left", "right", "both")  # "both": a bilateral exercise (a glute bridge)
READING_SIDES = ("left", "right")
DIFF_COLOUR = "#5f6368"
DOTS_UP_TO = 80


@dataclass(frozen=True)
class ProgressData:
    weeks: dict[tuple[str, str], list[Week]]  # (exercise, side) -> weeks
    readings: list[ReadingSeries]
    recent: list[SessionSummary]
    total_sessions: int
    source: str  # the history file, named on the page
    titles: dict[str, str] = field(default_factory=dict)  # exercise name -> its title


def render_progress(data: ProgressData) -> Html:
    exercises = sorted({e for e, _ in data.weeks} | {r.exercise for r in data.readings})
    sections = [
        tag("h1", "formcoach: progress"),
        tag(
            "p",
            f"{data.total_sessions} sessions recorded in {data.source}. Weeks run Monday "
            "to Sunday. Fault rate: the share of hold time not in good form, or of reps "
            "with a form fault.",
            class_="sub",
        ),
    ]
    if not exercises:
        sections.append(tag("p", "No holds, reps or readings recorded yet."))
    for exercise in exercises:
        sections.append(_exercise(exercise, data))
    sections.append(_recent(data.recent))
    return page("formcoach progress", join(sections), generator=f"formcoach {__version__}")


def _exercise(exercise: str, data: ProgressData) -> Html:
    readings = [r for r in data.readings if r.exercise == exercise]
    per_side = {side: data.weeks.get((exercise, side), []) for side in SIDES}
    weeks = [] if readings else [w for side in SIDES for w in per_side[side]]  # see below
    charts: list[Html] = []
    if any(w.holds for w in weeks):
        longest = max(w.good_form_s for w in weeks)
        unit, scale = ("min", 60.0) if longest >= 600 else ("s", 1.0)
        charts.append(
            _weekly_chart(
                "Good-form hold time per week", unit, per_side, lambda w: w.good_form_s / scale
            )
        )
    if any(w.reps for w in weeks):
        charts.append(_weekly_chart("Reps per week", "reps", per_side, lambda w: float(w.reps)))
    if weeks:
        charts.append(
            _weekly_chart(
                "Fault rate per week",
                "%",
                per_side,
                lambda w: float("nan") if w.fault_rate is None else 100.0 * w.fault_rate,
                include_y=(0.0, 100.0),
            )
        )
    for series in readings:  # an assessment (Thomas test): its readings, not its holds
        charts += _reading_charts(series)
    title = data.titles.get(exercise)
    heading = f"{title} ({exercise})" if title else exercise
    return join([tag("h2", heading), *(tag("figure", c) for c in charts)])


def _weekly_chart(
    title: str,
    unit: str,
    per_side: dict[str, list[Week]],
    value: Callable[[Week], float],
    include_y: tuple[float, ...] = (),
) -> Html:
    lines = tuple(
        Line(
            side,
            [day_number(w.monday) for w in per_side[side]],
            [value(w) for w in per_side[side]],
            SIDE_COLOURS[side],
            dots=True,
        )
        for side in SIDES
        if per_side[side]
    )
    chart = Chart(title, unit, lines, x_kind="days", include_y=(0.0, *include_y), height=230)
    return render_chart(chart)


def _reading_charts(series: ReadingSeries) -> list[Html]:
    xs = [_day_and_time(t) for t in series.times]
    few = len(xs) <= DOTS_UP_TO  # a dot per session while they can be told apart

    def values(vs: Sequence[float | None]) -> list[float]:
        return [float("nan") if v is None else v for v in vs]

    sides = Chart(
        f"{title_of(series.name)} by side",
        unit_of(series.name),
        tuple(
            Line(side, xs, values(getattr(series, side)), SIDE_COLOURS[side], dots=few)
            for side in READING_SIDES
        ),
        x_kind="days",
        height=230,
    )
    difference = Chart(
        f"{title_of(series.name)}: left - right",
        unit_of(series.name),
        (Line("left - right", xs, values(series.difference), DIFF_COLOUR, dots=few),),
        levels=(Level(0.0, "no difference", "#8a939c"),),
        x_kind="days",
        height=200,
    )
    return [render_chart(sides), render_chart(difference)]


def _recent(sessions: Sequence[SessionSummary]) -> Html:
    if not sessions:
        return Html("")
    sides = columns(sessions)
    rows = []
    for s in sessions:
        report = Path(s.out_dir) / "report.html" if s.out_dir else None
        link: object = tag("a", "report", href=report.as_uri()) if report else ""
        rows.append((*row(s, sides), link))
    headers = ["id", "date", "exercise", "mode", "length", *sides, "cues", "status", ""]
    table_html = table(headers, rows, numeric=(0, 4, 5 + len(sides)), nowrap=(1, 2))
    return join([tag("h2", "Latest sessions"), table_html])


def _day_and_time(t: datetime) -> float:
    return day_number(t.date()) + (t.hour * 3600 + t.minute * 60 + t.second) / 86400.0
