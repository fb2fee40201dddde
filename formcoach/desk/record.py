"""What `formcoach desk` keeps (desk.json) and prints: counts and times only (pure).

No frame, landmark or image is kept: the postures counted per sample, the
sitting spells with their sitting time, the events (sat down, stood up,
reminder, break) with their times, and the CPU the watching took.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from formcoach.desk.sit_timer import SitTimer

SCHEMA_VERSION = 1


def _r(x: float | None, nd: int = 1) -> float | None:
    return None if x is None else round(x, nd)


def desk_record(
    timer: SitTimer,
    postures: Counter[str],
    *,
    source: str,
    started_at: str,
    rate_hz: float,
    model: str,
    watched_s: float,
    cpu: dict[str, float] | None,
    interrupted: bool,
    stopped_because: str,
) -> dict[str, Any]:
    s, totals = timer.settings, timer.totals
    return {
        "schema_version": SCHEMA_VERSION,
        "started_at": started_at,
        "source": source,
        "stopped_because": stopped_because,
        "interrupted": interrupted,
        "settings": {
            "sit_limit_s": s.sit_limit_s,
            "break_s": s.break_s,
            "confirm_s": s.confirm_s,
            "remind_every_s": s.remind_every_s,
            "sample_rate_hz": rate_hz,
            "model": model,
        },
        "samples": sum(postures.values()),
        "postures": {k: postures.get(k, 0) for k in ("sitting", "standing", "away", "unclear")},
        "watched_s": _r(watched_s),
        "sitting_s": _r(totals.sitting_s),
        "up_s": _r(totals.up_s),
        "stand_ups": totals.stand_ups,
        "breaks": totals.breaks,
        "reminders": totals.reminders,
        "spells": [
            {
                "start_s": _r(sp.start_s),
                "end_s": _r(sp.end_s),
                "sat_s": _r(sp.sat_s),
                "reminders": sp.reminders,
            }
            for sp in totals.spells
        ],
        "events": [
            {"time_s": _r(e.time_s), "kind": e.kind, "sat_s": _r(e.sat_s)} for e in timer.events
        ],
        "cpu": cpu,
    }


def duration_words(seconds: float) -> str:
    """12 seconds, 3 minutes, 1 hour 5 minutes: how long, as it is said."""
    if seconds < 90:
        n = round(seconds)
        return f"{n} second{'s' if n != 1 else ''}"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} minutes"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} hour{'s' if hours > 1 else ''}" + (f" {minutes} minutes" if minutes else "")


def summary_text(record: dict[str, Any]) -> str:
    cpu = record.get("cpu")
    watched, sitting, up = (
        duration_words(record[key] or 0.0) for key in ("watched_s", "sitting_s", "up_s")
    )
    lines = [
        f"watched {watched}: sitting {sitting}, up {up}; stood up {record['stand_ups']} "
        f"times, {record['breaks']} breaks, {record['reminders']} reminders",
    ]
    if cpu:
        lines.append(
            f"CPU while watching: {cpu['percent_of_one_core']:.1f}% of one core "
            f"({record['samples']} samples at {record['settings']['sample_rate_hz']:g} Hz)"
        )
    return "\n".join(lines)
