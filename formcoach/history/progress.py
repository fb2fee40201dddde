"""Progress over weeks, from the history's holds, reps and readings (pure).

Per exercise and side, per ISO week (Monday to Sunday, by the session's
local date):
- good-form hold time: the good-form seconds of every hold that week;
- reps: how many;
- fault rate: the share of the work done with a form fault. For holds, the
  share of the time held that was not good form (1 - good form / held);
  for reps, the share of reps with a form fault. Set-up problems (not in
  view, facing the camera) are not form faults.

Readings (e.g. Thomas-test angles) are kept per session: each side's value
and, where both sides were read, the left-right difference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal


@dataclass(frozen=True)
class WorkUnit:
    """One hold or rep, as the history keeps it."""

    session_id: int
    exercise: str
    kind: Literal["hold", "rep"]
    day: date
    side: str | None
    good_form_s: float  # holds; 0 for reps
    held_s: float  # holds: from start to end (or the session's end); reps: its duration
    faulty: bool  # a form fault was present at some point


@dataclass(frozen=True)
class ReadingPoint:
    session_id: int
    exercise: str
    started_at: datetime
    side: str
    name: str
    value: float


@dataclass(frozen=True)
class Week:
    monday: date
    sessions: int
    holds: int
    reps: int
    good_form_s: float
    fault_rate: float | None  # 0..1; None when there was no work to judge


@dataclass(frozen=True)
class ReadingSeries:
    """One reading over sessions: per session its time, left, right and left - right."""

    exercise: str
    name: str
    times: tuple[datetime, ...]
    left: tuple[float | None, ...]
    right: tuple[float | None, ...]

    @property
    def difference(self) -> tuple[float | None, ...]:
        return tuple(
            None if a is None or b is None else a - b
            for a, b in zip(self.left, self.right, strict=True)
        )


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(units: Iterable[WorkUnit]) -> dict[tuple[str, str], list[Week]]:
    """(exercise, side) -> its weeks with any work, oldest first. Unknown sides are left out."""
    groups: dict[tuple[str, str, date], list[WorkUnit]] = defaultdict(list)
    for unit in units:
        if unit.side is not None:
            groups[(unit.exercise, unit.side, monday_of(unit.day))].append(unit)
    out: dict[tuple[str, str], list[Week]] = defaultdict(list)
    for (exercise, side, monday), week_units in sorted(groups.items()):
        out[(exercise, side)].append(_week(monday, week_units))
    return dict(out)


def _week(monday: date, units: list[WorkUnit]) -> Week:
    holds = [u for u in units if u.kind == "hold"]
    reps = [u for u in units if u.kind == "rep"]
    good = sum(u.good_form_s for u in holds)
    held = sum(max(u.held_s, u.good_form_s) for u in holds)
    if holds and held > 0:
        rate: float | None = min(1.0, max(0.0, 1.0 - good / held))
    elif reps:
        rate = sum(u.faulty for u in reps) / len(reps)
    else:
        rate = None
    return Week(
        monday=monday,
        sessions=len({u.session_id for u in units}),
        holds=len(holds),
        reps=len(reps),
        good_form_s=good,
        fault_rate=rate,
    )


def reading_series(points: Iterable[ReadingPoint]) -> list[ReadingSeries]:
    """One series per (exercise, reading name), sessions in time order."""
    by_name: dict[tuple[str, str], dict[int, dict[str, object]]] = defaultdict(dict)
    for p in points:
        session = by_name[(p.exercise, p.name)].setdefault(p.session_id, {"at": p.started_at})
        session[p.side] = p.value
    series = []
    for (exercise, name), sessions in sorted(by_name.items()):
        ordered = sorted(sessions.items(), key=lambda item: (item[1]["at"], item[0]))
        series.append(
            ReadingSeries(
                exercise=exercise,
                name=name,
                times=tuple(s["at"] for _, s in ordered),  # type: ignore[misc]
                left=tuple(s.get("left") for _, s in ordered),  # type: ignore[misc]
                right=tuple(s.get("right") for _, s in ordered),  # type: ignore[misc]
            )
        )
    return series
