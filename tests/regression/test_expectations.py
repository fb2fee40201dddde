"""Expectation files: the arch sweep's window is read and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.errors import ConfigError
from formcoach.regression.expectations import load_expectation


def write(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "clip.expect.toml"
    path.write_text(f'exercise = "kneeling-hip-flexor"\nview = "side"\n{extra}\n')
    return path


def test_the_sweep_window_is_read(tmp_path: Path) -> None:
    e = load_expectation(write(tmp_path, "arch_sweep_s = [4.1, 12]"))
    assert e.arch_sweep_s == (4.1, 12.0) and "arch_sweep_s" not in e.extra
    assert load_expectation(write(tmp_path, "")).arch_sweep_s is None


@pytest.mark.parametrize("value", ['"4-12"', "[4.1]", "[12.0, 4.1]", "[true, 5]", "[1, 2, 3]"])
def test_a_broken_sweep_window_names_the_file(tmp_path: Path, value: str) -> None:
    with pytest.raises(
        ConfigError, match=r"clip.expect.toml: arch_sweep_s must be \[from_s, to_s\]"
    ):
        load_expectation(write(tmp_path, f"arch_sweep_s = {value}"))
