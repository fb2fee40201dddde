"""Why a camera or video session stopped, and the exit status it leaves."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from formcoach.live.ending import CAMERA_LOST, INTERRUPTED, exit_status, stream_end_reason


@pytest.mark.parametrize(
    ("lost", "from_video", "expected"),
    [
        pytest.param(True, False, CAMERA_LOST, id="camera unplugged"),
        pytest.param(False, True, "end of video", id="video played out"),
        pytest.param(False, False, "ended", id="camera stream closed"),
    ],
)
def test_stream_end_reason(lost: bool, from_video: bool, expected: str) -> None:
    assert stream_end_reason(SimpleNamespace(lost=lost), from_video=from_video) == expected


def test_exit_status() -> None:
    said: list[str] = []
    assert exit_status(CAMERA_LOST, False, said.append) == 1
    assert said == ["formcoach: error: the camera stopped sending frames"]
    assert exit_status(INTERRUPTED, True, said.append) == 130
    assert exit_status("end of video", False, said.append) == 0
    assert len(said) == 1
