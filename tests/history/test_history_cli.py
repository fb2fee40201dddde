"""`formcoach history` end to end: the table, --plot, and errors in one line.

Most cases call the command line's `main` in this process (fast); one runs
`python -m formcoach` as a user would.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from session_rows import MONDAY, rows
from test_cli import assert_one_line_error, run_cli

from formcoach.cli import main
from formcoach.history.store import HistoryStore


@pytest.fixture
def formcoach(capsys, monkeypatch, tmp_path: Path):
    """`formcoach ARGS...` in this process, run from tmp_path: a CompletedProcess."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess:
        code = main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


@pytest.fixture
def db(tmp_path: Path, hold_session, shallow_lunges) -> Path:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        store.save(rows(hold_session.report, MONDAY))
        store.save(rows(shallow_lunges.report, MONDAY))
    return path


def test_no_history_yet(tmp_path: Path, formcoach):
    proc = formcoach("history", "--history-db", str(tmp_path / "none.sqlite3"))
    assert proc.returncode == 0, proc.stderr
    assert "no sessions recorded yet" in proc.stdout
    assert not (tmp_path / "none.sqlite3").exists()


def test_the_environment_variable_names_the_file(tmp_path: Path, db: Path, monkeypatch):
    """As a user runs it: a new process, the file named by the environment."""
    monkeypatch.setenv("FORMCOACH_HISTORY_DB", str(db))
    proc = run_cli("history", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "2 of 2 sessions shown" in proc.stdout


@pytest.mark.parametrize(
    ("args", "exercises"),
    [
        pytest.param([], ["lunge", "kneeling-hip-flexor"], id="all, newest first"),
        pytest.param(["--exercise", "lunge"], ["lunge"], id="one exercise"),
        pytest.param(["--limit", "1"], ["lunge"], id="the latest only"),
    ],
)
def test_the_table(db: Path, formcoach, args, exercises):
    proc = formcoach("history", "--history-db", str(db), *args)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split()[3] for line in lines[1:-1]] == exercises


def test_plot_writes_the_progress_page(tmp_path: Path, db: Path, formcoach):
    proc = formcoach("history", "--history-db", str(db), "--plot")
    assert proc.returncode == 0, proc.stderr
    page = tmp_path / "formcoach-progress.html"
    assert page.as_uri() in proc.stdout
    assert page.read_text(encoding="utf-8").count("<svg") == 4


@pytest.mark.parametrize(
    ("args", "make", "expected"),
    [
        pytest.param(["--limit", "-1"], None, "--limit must be 0", id="negative limit"),
        pytest.param([], b"SQLite format 3\x00" + b"\xff" * 5000, "is damaged", id="damaged file"),
        pytest.param([], b"hello\n" * 100, "is damaged (file is not a database)", id="not a db"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, formcoach, args, make, expected):
    path = tmp_path / "history.sqlite3"
    if make is not None:
        path.write_bytes(make)
    else:
        HistoryStore(path).close()
    assert_one_line_error(formcoach("history", "--history-db", str(path), *args), expected)
