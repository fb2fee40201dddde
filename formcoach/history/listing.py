"""The table `formcoach history` prints: recent sessions, one line each (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from formcoach.history.store import SessionSummary, SideSummary

HEADERS = ("id", "date", "exercise", "mode", "length", "left", "right", "cues", "status")


def session_table(sessions: Sequence[SessionSummary]) -> str:
    """Aligned columns, newest first as given; left and right summarise each side's work."""
    rows = [HEADERS] + [_row(s) for s in sessions]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADERS))]
    right_aligned = {0, 4, 7}
    lines = [
        "  ".join(
            cell.rjust(w) if i in right_aligned else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def _row(s: SessionSummary) -> tuple[str, ...]:
    return (
        str(s.id),
        f"{s.started_at:%Y-%m-%d %H:%M}",
        s.exercise,
        s.mode,
        duration(s.duration_s),
        side_text(s, "left"),
        side_text(s, "right"),
        str(s.cues),
        status(s),
    )


def side_text(s: SessionSummary, side: str) -> str:
    summary = s.sides.get(side, SideSummary())
    parts = []
    if s.counting == "hold" and summary.units:
        target = f"/{s.per_side}" if s.per_side else ""
        parts.append(f"{summary.completed}{target} holds, {summary.good_form_s:.0f} s good")
    elif s.counting == "reps" and summary.units:
        faulty = summary.units - summary.completed
        parts.append(f"{summary.units} reps" + (f" ({faulty} faulty)" if faulty else ""))
    parts += [f"{name} {value:g}" for name, value in sorted(summary.readings.items())]
    return "; ".join(parts) or "-"


def status(s: SessionSummary) -> str:
    if not s.finished:
        return "unfinished"  # killed or crashed (or still running)
    return "stopped early" if s.interrupted else "done"


def duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}:{rest:02d}"
