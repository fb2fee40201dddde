"""Progress of a batch on stderr: per video and overall.

Every event is one line (`b.mov started`, `[3/10] b.mov done (42 s video,
3 cues)`, `[4/10] c.mp4 failed: ...`), so a log or a pipe reads well. The
per-video percentages are a status line redrawn in place on a terminal,
and lines at every quarter elsewhere.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from formcoach.batch.inputs import VideoTask
from formcoach.batch.summary import VideoResult, describe_result

PIPE_STEP_PCT = 25  # without a terminal, a line at each quarter of a video
REDRAW_S = 0.1  # the terminal's status line, at most this often


class BatchProgress:
    """Turns a batch's events into lines on `stream`.

    `percentages=False` keeps only the started / done / failed lines.
    `live` (default: whether `stream` is a terminal) redraws a status line.
    """

    def __init__(
        self,
        tasks: Sequence[VideoTask],
        stream: TextIO,
        *,
        percentages: bool = True,
        live: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._labels = {t.index: t.label for t in tasks}
        self._total = len(tasks)
        self._stream = stream
        self._percentages = percentages
        self._live = _is_terminal(stream) if live is None else live
        self._clock = clock
        self._finished = 0
        self._running: dict[int, str] = {}  # index -> its progress text
        self._steps: dict[int, int] = {}  # index -> last quarter printed (pipes)
        self._drawn = False
        self._last_draw = float("-inf")

    def started(self, index: int) -> None:
        self._running[index] = "0%"
        self._line(f"{self._labels[index]} started")

    def advanced(self, index: int, done: int, expected: int) -> None:
        if not self._percentages or index not in self._running:
            return
        pct = min(99, 100 * done // expected) if expected else None
        self._running[index] = f"{pct}%" if pct is not None else f"{done} frames"
        if self._live:
            if self._clock() - self._last_draw >= REDRAW_S:
                self._draw()
        elif pct is not None and pct // PIPE_STEP_PCT > self._steps.get(index, 0):
            self._steps[index] = pct // PIPE_STEP_PCT
            self._line(f"{self._labels[index]} {pct // PIPE_STEP_PCT * PIPE_STEP_PCT}%")

    def finished(self, index: int, result: VideoResult) -> None:
        self._running.pop(index, None)
        self._finished += 1
        word = "done" if result.status == "ok" else result.status
        if result.status == "failed" or not result.has_report:
            text = f"{word}: {result.error}" if result.error else word
        else:
            text = f"{word} ({describe_result(result)})"
        self._line(f"[{self._finished}/{self._total}] {self._labels[index]} {text}")

    def note(self, text: str) -> None:
        self._line(text)

    def close(self) -> None:
        self._clear()

    # -- drawing ----------------------------------------------------------------

    def _line(self, text: str) -> None:
        self._clear()
        self._stream.write(text + "\n")
        if self._live and self._percentages and self._running:
            self._draw()
        self._stream.flush()

    def _draw(self) -> None:
        running = ", ".join(f"{self._labels[i]} {p}" for i, p in self._running.items())
        status = f"[{self._finished}/{self._total}] running: {running}"
        width = shutil.get_terminal_size().columns - 1  # a wrapped line cannot be redrawn
        if len(status) > width:
            status = status[: max(0, width - 3)] + "..."
        self._stream.write("\r\x1b[K" + status)
        self._stream.flush()
        self._drawn = True
        self._last_draw = self._clock()

    def _clear(self) -> None:
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._drawn = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
