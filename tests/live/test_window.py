"""The live window: refused cleanly without a display, shown on a virtual one."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator

import numpy as np
import pytest

from formcoach.errors import UsageError
from formcoach.live import window


def test_no_display_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(UsageError, match="--no-window"):
        window.CvWindow("formcoach test")


@pytest.fixture()
def virtual_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    display = ":87"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1024x768x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    monkeypatch.setenv("DISPLAY", display)
    try:
        yield display
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_window_shows_frames_on_a_virtual_display(virtual_display: str) -> None:
    assert os.environ["DISPLAY"] == virtual_display
    win = window.CvWindow("formcoach test")
    frame = np.zeros((360, 640, 3), np.uint8)
    try:
        assert all(win.show(frame) for _ in range(5))
    finally:
        win.close()
