"""How a session that reads a camera or a video ends: why it stopped, and its exit status.

Shared by `live`, `routine` and `desk`, which differ in what they record, not
in how they stop.
"""

from __future__ import annotations

from collections.abc import Callable

INTERRUPTED = "interrupted (Ctrl-C)"
CAMERA_LOST = "camera disappeared"


def stream_end_reason(reader: object, *, from_video: bool) -> str:
    """Why the frames ran out: the camera went away, the video ended, or neither."""
    if getattr(reader, "lost", False):
        return CAMERA_LOST
    return "end of video" if from_video else "ended"


def _say(line: str) -> None:
    print(line, flush=True)


def exit_status(reason: str, interrupted: bool, say: Callable[[str], None] = _say) -> int:
    """1 (with a one-line error) if the camera went away, 130 after Ctrl-C, else 0."""
    if reason == CAMERA_LOST:
        say("formcoach: error: the camera stopped sending frames")
        return 1
    return 130 if interrupted else 0
