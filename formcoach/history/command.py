"""`formcoach history`: the latest sessions as a table, or (`--plot`) the progress page."""

from __future__ import annotations

from pathlib import Path

from formcoach.errors import UsageError
from formcoach.exercises.registry import CHECKERS
from formcoach.history.listing import session_table
from formcoach.history.page import ProgressData, render_progress
from formcoach.history.progress import reading_series, weekly
from formcoach.history.store import HistoryStore
from formcoach.io.records import write_text_atomic

PAGE_RECENT = 20  # sessions listed under the charts


def show_history(path: Path, *, limit: int, exercise: str | None, plot: Path | None) -> int:
    if limit < 0:
        raise UsageError(f"--limit must be 0 (all sessions) or more, not {limit}")
    if not path.exists():
        print(f"no sessions recorded yet (history: {path})")
        return 0
    with HistoryStore(path) as store:
        if plot is not None:
            write_text_atomic(plot, render_progress(load_progress(store, exercise)))
            print(f"progress page: {plot.resolve().as_uri()}")
            return 0
        sessions = store.recent(limit or None, exercise)
        total = store.count()
    if not sessions:
        which = f" for {exercise}" if exercise else ""
        print(f"no sessions recorded yet{which} (history: {path})")
        return 0
    print(session_table(sessions))
    print(f"{len(sessions)} of {total} sessions shown; history: {path}")
    return 0


def load_progress(store: HistoryStore, exercise: str | None = None) -> ProgressData:
    return ProgressData(
        weeks=weekly(store.work_units(exercise)),
        readings=reading_series(store.readings(exercise)),
        recent=store.recent(PAGE_RECENT, exercise),
        total_sessions=store.count(),
        source=str(store.path),
        titles={name: factory().spec.title for name, factory in CHECKERS.items()},
    )
