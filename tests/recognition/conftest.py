from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.pose import model_store


@pytest.fixture(scope="session")
def full_model() -> Path:
    """The default pose model, built from registry packages on first use."""
    return model_store.resolve_model("full")
