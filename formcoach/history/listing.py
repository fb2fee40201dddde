"""The table `formcoach history` prints: recent sessions, one line each (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from formcoach.history.store import SessionSummary, SideSummary

BASE_SIDES = ("left", "right")
BOTH = "both"  # a bilateral exercise's side: its column appears only when one is listed


def columns(sessions: Sequence[SessionSummary]) -> tuple[str, ...]:
    """The side columns: left and right, and "both" when a listed session has it."""
    return BASE_SIDES + ((BOTH,) if any(BOTH in s.sides for s in sessions) else ())


def session_table(sessions: Sequence[SessionSummary]) -> str:
    """Aligned columns, newest first as given; a column per side sums up its work."""
    sides = columns(sessions)
    headers = ("id", "date", "exercise", "mode", "length", *sides, "cues", "status")
    rows = [headers] + [row(s, sides) for s in sessions]
    widths = [max(len(r[i]) for r in rows) for i in range(len(headers))]
    right_aligned = {0, 4, len(headers) - 2}
    lines = [
        "  ".join(
            cell.rjust(w) if i in right_aligned else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]
    return "\n".join(lines)


def row(s: SessionSummary, sides: Sequence[str]) -> tuple[str, ...]:
    return (
        str(s.id),
        f"{s.started_at:%Y-%m-%d %H:%M}",
        s.exercise,
        s.mode,
        duration(s.duration_s),
        *(side_text(s, side) for side in sides),
        str(s.cues),
        status(s),
    )


def side_text(s: SessionSummary, side: str) -> str:
    summary = s.sides.get(side, SideSummary())
    parts = []
    if summary.readings:  # an assessment: its readings say it all
        parts += [f"{name} {value:.1f}" for name, value in sorted(summary.readings.items())]
    elif s.counting == "hold" and summary.units:
        target = f"/{s.per_side}" if s.per_side else ""
        parts.append(f"{summary.completed}{target} holds, {summary.good_form_s:.0f} s good")
    elif s.counting == "reps" and summary.units:
        faulty = summary.units - summary.completed
        parts.append(f"{summary.units} reps" + (f" ({faulty} faulty)" if faulty else ""))
    return "; ".join(parts) or "-"


def status(s: SessionSummary) -> str:
    if not s.finished:
        return "unfinished"  # killed or crashed (or still running)
    return "stopped early" if s.interrupted else "done"


def duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}:{rest:02d}"
