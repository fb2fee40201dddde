"""The hook `analyze` and `live` call to keep a session in the history as it runs.

    recorder = open_recorder(path_or_None, mode="live", started_at=..., out_dir=...)
    ... recorder.completed(session.record)  # lines for holds/reps completed since last call
    ... recorder.save(report)               # checkpoint: the session as it stands
    recorder.finish(report)                 # the end (also after Ctrl-C)

`open_recorder(None, ...)` keeps nothing (`--no-history`); the same calls
then write nothing. Opening checks the database, so a damaged file stops
the command before any work is done. Once a session runs, a failed write
is logged and coaching goes on: the session's files are still written, and
the next save tries again.

A session in which no usable pose was ever found and nothing was counted
is not recorded (a camera pointed at an empty room is not a workout), nor
one where `--exercise auto` recognised no exercise.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from formcoach.coaching.session import SessionRecord
from formcoach.errors import FormcoachError
from formcoach.history.completion import CompletionWatch
from formcoach.history.rows import Mode, SessionMeta, rows_from_report
from formcoach.history.store import HistoryStore

log = logging.getLogger(__name__)


class SessionRecorder:
    def __init__(
        self, store: HistoryStore | None, meta: SessionMeta, hold_target_s: float = 0.0
    ) -> None:
        self.store = store
        self.meta = meta
        self.watch = CompletionWatch(hold_target_s)
        self.session_id: int | None = None
        self._warned: set[str] = set()

    def completed(self, record: SessionRecord) -> list[str]:
        """Holds and reps completed since the last call, one line each."""
        return self.watch.update(record)

    def save(self, report: dict[str, Any]) -> None:
        self._write(report, finished=False)

    def finish(self, report: dict[str, Any]) -> None:
        self._write(report, finished=True)
        if self.store is not None:
            self.store.close()
            self.store = None

    def _write(self, report: dict[str, Any], finished: bool) -> None:
        if self.store is None:
            return
        if self.session_id is None and not _worth_keeping(report):
            return
        try:
            rows = rows_from_report(
                report, self.meta, finished=finished, updated_at=datetime.now().astimezone()
            )
            self.session_id = self.store.save(rows)
        except (FormcoachError, ValueError) as exc:
            message = str(exc)
            if message not in self._warned:
                self._warned.add(message)
                log.warning("history: this session could not be recorded: %s", message)


def _worth_keeping(report: dict[str, Any]) -> bool:
    if report.get("recognised") is False:  # --exercise auto found no exercise
        return False
    return bool(report.get("pose_coverage") or report.get("holds") or report.get("reps"))


def open_recorder(
    path: Path | None,
    *,
    mode: Mode,
    started_at: datetime,
    out_dir: Path | None = None,
    hold_target_s: float = 0.0,
) -> SessionRecorder:
    """A recorder into the history at `path`, or one that keeps nothing (path None).

    Raises HistoryError if the database cannot be opened or is damaged.
    """
    store = HistoryStore(path) if path is not None else None
    meta = SessionMeta(
        uid=uuid.uuid4().hex,
        started_at=started_at,
        mode=mode,
        out_dir=str(out_dir.resolve()) if out_dir is not None else None,
    )
    return SessionRecorder(store, meta, hold_target_s)
