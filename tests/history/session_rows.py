"""A report as the rows a history would save, with made-up session details."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from formcoach.history.rows import Mode, SessionMeta, SessionRows, rows_from_report

MONDAY = datetime(2026, 3, 9, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def meta(started_at: datetime = MONDAY, mode: Mode = "analysis") -> SessionMeta:
    return SessionMeta(uuid.uuid4().hex, started_at, mode, out_dir="/tmp/out")


def rows(
    report: dict[str, Any], started_at: datetime = MONDAY, finished: bool = True
) -> SessionRows:
    return rows_from_report(report, meta(started_at), finished=finished, updated_at=started_at)


def with_readings(report: dict[str, Any], **values: tuple[float, float]) -> dict[str, Any]:
    """The report with made-up per-side readings: name=(left, right)."""
    readings = [
        {"side": side, "name": name, "value": value}
        for name, pair in values.items()
        for side, value in zip(("left", "right"), pair, strict=True)
    ]
    return report | {"readings": readings}
