"""The history database: one SQLite file, each session saved in one transaction.

Durability: the file is in WAL mode with `synchronous=FULL`, and a session
is written (row upserted, its holds, reps, cues and readings replaced) in a
single `BEGIN IMMEDIATE ... COMMIT`. A kill, a crash or Ctrl-C at any
moment leaves the file as of the last commit, and `PRAGMA integrity_check`
passes. A file that is not a database, is damaged or is from a newer
formcoach raises HistoryError, one line saying what to do.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

from formcoach.coaching.checks import SETUP_CODES
from formcoach.errors import HistoryError
from formcoach.history.progress import ReadingPoint, WorkUnit
from formcoach.history.rows import SessionRows, faults_of
from formcoach.history.schema import CHILD_TABLES, SCHEMA_VERSION, TABLES

BUSY_TIMEOUT_S = 5.0
SESSION_COLUMNS = (
    "uid", "started_at", "updated_at", "mode", "exercise", "counting", "hold_target_s",
    "per_side", "source", "out_dir", "duration_s", "view", "pose_coverage", "interrupted",
    "finished",
)  # fmt: skip
CHILD_INSERTS = {
    "holds": "INSERT INTO holds (session_id, seq, side, start_s, end_s, good_form_s, target_s, "
    "completed, faults) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "reps": "INSERT INTO reps (session_id, seq, side, start_s, end_s, depth_deg, faults) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "cues": "INSERT INTO cues (session_id, seq, code, side, start_s, end_s) "
    "VALUES (?, ?, ?, ?, ?, ?)",
    "readings": "INSERT INTO readings (session_id, side, name, value) VALUES (?, ?, ?, ?)",
}
SETUP = frozenset(SETUP_CODES)  # set-up problems, not form faults
FORM_CUE_FILTER = ", ".join(f"'{code}'" for code in SETUP_CODES)


@dataclass
class SideSummary:
    units: int = 0  # holds or reps on this side
    completed: int = 0  # holds that reached the target; reps without a form fault
    good_form_s: float = 0.0
    readings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SessionSummary:
    id: int
    started_at: datetime
    mode: str
    exercise: str
    counting: str
    source: str
    out_dir: str | None
    duration_s: float
    per_side: int | None
    hold_target_s: float | None
    interrupted: bool
    finished: bool
    cues: int  # form cues (set-up cues not counted)
    sides: dict[str, SideSummary]


class HistoryStore:
    """The history file. Use as a context manager, or call close()."""

    def __init__(self, path: Path) -> None:
        """Open (creating it and its folder if needed) and check the history at `path`."""
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))  # private to the user
        except OSError as exc:
            raise HistoryError(
                f"cannot create the history database {path}: {exc.strerror}; "
                "choose another place with --history-db PATH, or use --no-history"
            ) from None
        if path.is_dir():
            raise HistoryError(f"the history database {path} is a folder; give a file path")
        try:
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._prepare()
        except sqlite3.Error as exc:
            self._db.close()
            raise self._error(exc) from None
        except HistoryError:
            self._db.close()
            raise

    # -- opening -----------------------------------------------------------------
    def _prepare(self) -> None:
        db = self._db
        check = db.execute("PRAGMA quick_check(1)").fetchone()[0]  # the first problem only
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"the history database {self.path} was written by a newer formcoach "
                f"(schema {version}, this one reads {SCHEMA_VERSION}); update formcoach, "
                "or use another --history-db"
            )
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        if version == 0:
            with self._transaction():
                # Re-read under the write lock: another formcoach may have just created it.
                if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                    if tables:
                        raise HistoryError(
                            f"{self.path} is an SQLite file but not a formcoach history; "
                            "give another --history-db PATH"
                        )
                    for statement in TABLES.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _error(self, exc: sqlite3.Error) -> HistoryError:
        text = " ".join(str(exc).split())  # one line, whatever SQLite said
        if "locked" in text or "busy" in text:
            return HistoryError(
                f"the history database {self.path} is busy (another formcoach is writing "
                "to it); try again in a moment"
            )
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            return HistoryError(
                f"the history database {self.path} is damaged ({text}); move it aside to "
                "start a new history, or run with --no-history"
            )
        return HistoryError(f"the history database {self.path} cannot be used: {text}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writing -----------------------------------------------------------------
    def save(self, rows: SessionRows) -> int:
        """Insert or replace one session and everything in it, atomically; returns its id."""
        session = rows.session
        columns = ", ".join(SESSION_COLUMNS)
        marks = ", ".join("?" for _ in SESSION_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in SESSION_COLUMNS if c != "uid")
        try:
            with self._transaction() as db:
                db.execute(
                    f"INSERT INTO sessions ({columns}) VALUES ({marks}) "
                    f"ON CONFLICT (uid) DO UPDATE SET {updates}",
                    [session[c] for c in SESSION_COLUMNS],
                )
                (sid,) = db.execute(
                    "SELECT id FROM sessions WHERE uid = ?", (session["uid"],)
                ).fetchone()
                for table in CHILD_TABLES:
                    db.execute(f"DELETE FROM {table} WHERE session_id = ?", (sid,))
                    db.executemany(
                        CHILD_INSERTS[table], [(sid, *row) for row in getattr(rows, table)]
                    )
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return int(sid)

    # -- reading -----------------------------------------------------------------
    def count(self) -> int:
        return int(self._query("SELECT count(*) FROM sessions")[0][0])

    def recent(self, limit: int | None = 20, exercise: str | None = None) -> list[SessionSummary]:
        """The latest sessions, newest first, each with its per-side totals."""
        where, args = ("WHERE exercise = ?", [exercise]) if exercise else ("", [])
        rows = self._query(
            "SELECT id, started_at, mode, exercise, counting, source, out_dir, duration_s, "
            "per_side, hold_target_s, interrupted, finished, "
            f"(SELECT count(*) FROM cues c WHERE c.session_id = s.id "
            f"AND c.code NOT IN ({FORM_CUE_FILTER})) "
            f"FROM sessions s {where} ORDER BY started_at DESC, id DESC LIMIT ?",
            [*args, -1 if limit is None else limit],
        )
        sides: dict[int, dict[str, SideSummary]] = {r[0]: {} for r in rows}
        if rows:
            self._fill_sides(sides)
        return [
            SessionSummary(
                id=r[0],
                started_at=datetime.fromisoformat(r[1]),
                mode=r[2],
                exercise=r[3],
                counting=r[4],
                source=r[5],
                out_dir=r[6],
                duration_s=r[7],
                per_side=r[8],
                hold_target_s=r[9],
                interrupted=bool(r[10]),
                finished=bool(r[11]),
                cues=r[12],
                sides=sides[r[0]],
            )
            for r in rows
        ]

    def _fill_sides(self, sides: dict[int, dict[str, SideSummary]]) -> None:
        ids = list(sides)
        marks = ", ".join("?" for _ in ids)

        def side(sid: int, name: str | None) -> SideSummary:
            return sides[sid].setdefault(name or "unknown", SideSummary())

        for sid, name, good, completed in self._query(
            f"SELECT session_id, side, good_form_s, completed FROM holds "
            f"WHERE session_id IN ({marks})",
            ids,
        ):
            s = side(sid, name)
            s.units += 1
            s.completed += completed
            s.good_form_s += good
        for sid, name, faults in self._query(
            f"SELECT session_id, side, faults FROM reps WHERE session_id IN ({marks})", ids
        ):
            s = side(sid, name)
            s.units += 1
            s.completed += not (faults_of(faults) - SETUP)
        for sid, name, reading, value in self._query(
            f"SELECT session_id, side, name, value FROM readings WHERE session_id IN ({marks})",
            ids,
        ):
            side(sid, name).readings[reading] = value

    def work_units(self, exercise: str | None = None) -> list[WorkUnit]:
        """Every hold and rep, with its session's date: what weekly progress is made of."""
        where, args = (" WHERE s.exercise = ?", [exercise]) if exercise else ("", [])
        rows = self._query(
            "SELECT s.id, s.exercise, s.started_at, 'hold', h.side, h.good_form_s, "
            "coalesce(h.end_s, s.duration_s) - h.start_s, h.faults "
            f"FROM holds h JOIN sessions s ON s.id = h.session_id{where} "
            "UNION ALL "
            "SELECT s.id, s.exercise, s.started_at, 'rep', r.side, 0.0, "
            "coalesce(r.end_s - r.start_s, 0.0), r.faults "
            f"FROM reps r JOIN sessions s ON s.id = r.session_id{where}",
            args * 2,
        )
        return [
            WorkUnit(
                session_id=sid,
                exercise=name,
                kind=kind,
                day=_day(started),
                side=side,
                good_form_s=good,
                held_s=max(0.0, held or 0.0),
                faulty=bool(faults_of(faults) - SETUP),
            )
            for sid, name, started, kind, side, good, held, faults in rows
        ]

    def readings(self, exercise: str | None = None) -> list[ReadingPoint]:
        where, args = (" WHERE s.exercise = ?", [exercise]) if exercise else ("", [])
        rows = self._query(
            "SELECT s.id, s.exercise, s.started_at, r.side, r.name, r.value "
            f"FROM readings r JOIN sessions s ON s.id = r.session_id{where} "
            "ORDER BY s.started_at, s.id",
            args,
        )
        return [
            ReadingPoint(sid, name, datetime.fromisoformat(started), side, reading, value)
            for sid, name, started, side, reading, value in rows
        ]

    def integrity(self) -> str:
        """`PRAGMA integrity_check`: "ok" for a sound file."""
        return str(self._query("PRAGMA integrity_check")[0][0])

    def _query(self, sql: str, args: list[object] | tuple[object, ...] = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # -- closing -----------------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _day(started_at: str) -> date:
    return datetime.fromisoformat(started_at).date()
