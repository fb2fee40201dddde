"""Tests for formcoach.history.location: which file the history is kept in."""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.history.location import history_path

HOME = Path.home()


@pytest.mark.parametrize(
    ("override", "env", "expected"),
    [
        pytest.param(
            Path("/x/flag.db"),
            {"FORMCOACH_HISTORY_DB": "/x/env.db", "XDG_DATA_HOME": "/xdg"},
            Path("/x/flag.db"),
            id="the flag wins",
        ),
        pytest.param(
            None,
            {"FORMCOACH_HISTORY_DB": "/x/env.db", "XDG_DATA_HOME": "/xdg"},
            Path("/x/env.db"),
            id="then the environment variable",
        ),
        pytest.param(
            None, {"XDG_DATA_HOME": "/xdg"}, Path("/xdg/formcoach/history.sqlite3"), id="then XDG"
        ),
        pytest.param(
            None, {}, HOME / ".local/share/formcoach/history.sqlite3", id="then ~/.local/share"
        ),
        pytest.param(
            None,
            {"XDG_DATA_HOME": "relative/dir", "FORMCOACH_HISTORY_DB": ""},
            HOME / ".local/share/formcoach/history.sqlite3",
            id="a relative XDG dir and an empty variable are ignored",
        ),
        pytest.param(Path("~/h.db"), {}, HOME / "h.db", id="~ is expanded"),
    ],
)
def test_history_path(override, env, expected):
    assert history_path(override, env) == expected
