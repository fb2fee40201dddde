"""Shared pytest setup for formcoach's tests."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers our tests use, so ``--strict-markers`` accepts them."""
    config.addinivalue_line(
        "markers",
        "slow: needs a built pose model (or the network); skipped when it is missing",
    )
