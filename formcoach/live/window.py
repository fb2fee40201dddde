"""The on-screen window (OpenCV HighGUI), with a check that a display exists.

Without a display, OpenCV's GUI backend aborts the process instead of
raising, so the display is checked before any window is made.
"""

from __future__ import annotations

import os
import sys

import cv2
import numpy as np

from formcoach.errors import UsageError

QUIT_KEYS = (ord("q"), ord("Q"), 27)  # q or Esc
MIN_WINDOW_WIDTH = 960


def display_available() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class CvWindow:
    def __init__(self, title: str) -> None:
        if not display_available():
            raise UsageError("no display to open a window on; run with --no-window")
        self.title = title
        # OpenCV's bundled Qt looks for fonts in its own empty folder and warns
        # about it on every redraw; its uncategorised warnings mean nothing to a user.
        os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")
        cv2.namedWindow(title, cv2.WINDOW_NORMAL | cv2.WINDOW_KEEPRATIO | cv2.WINDOW_GUI_NORMAL)
        self._shown = False
        self.last_key: int | None = None  # the key pressed at the last show(), if any

    def show(self, frame: np.ndarray) -> bool:
        """Show a frame; returns False when the user asks to quit (q, Esc, window closed)."""
        if self._shown and cv2.getWindowProperty(self.title, cv2.WND_PROP_VISIBLE) < 1:
            return False
        if not self._shown:
            h, w = frame.shape[:2]
            zoom = max(1.0, MIN_WINDOW_WIDTH / w)  # small camera frames are hard to read
            cv2.resizeWindow(self.title, int(w * zoom), int(h * zoom))
        cv2.imshow(self.title, frame)
        self._shown = True
        key = cv2.waitKey(1) & 0xFF
        self.last_key = None if key == 0xFF else key
        return key not in QUIT_KEYS

    def close(self) -> None:
        cv2.destroyWindow(self.title)
        cv2.waitKey(1)
