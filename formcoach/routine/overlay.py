"""The routine drawn on a frame: step and set, the instruction, countdown, progress, pause.

The coach's own skeleton, angles and cue banner are drawn by `formcoach.overlay`;
this panel replaces its hold/rep panel (the routine counts the set).
"""

from __future__ import annotations

import cv2
import numpy as np

from formcoach.coaching.session import FrameResult
from formcoach.overlay import (
    AMBER,
    BLACK,
    FONT,
    GREEN,
    GREY,
    RED,
    WHITE,
    AngleAnnotator,
    SkeletonAnnotator,
    _scale,
    _text,
)
from formcoach.routine.machine import RoutineStatus

KEYS_HELP = "p pause   s skip step   q quit"


class RoutinePanel:
    def annotate(
        self, frame: np.ndarray, status: RoutineStatus, coach: FrameResult | None
    ) -> np.ndarray:
        if coach is not None:
            for a in (SkeletonAnnotator(), AngleAnnotator()):
                frame = a.annotate(frame, coach)
        s = _scale(frame)
        h, w = frame.shape[:2]
        pad, line = int(10 * s), int(30 * s)
        cv2.rectangle(frame, (0, 0), (w, int(38 * s)), BLACK, -1)
        head = f"step {status.step + 1}/{status.steps}: {status.title}"
        if status.set_number:
            side = "" if status.side in ("both", None) else f" {status.side}"
            head += f"  |  set {status.set_number}/{status.set_count}{side}"
        _text(frame, head, (pad, int(26 * s)), 0.6 * s, WHITE)
        _text(frame, KEYS_HELP, (pad, h - pad), 0.45 * s, GREY)
        y = int(38 * s) + line
        _text(frame, status.instruction, (pad, y), 0.65 * s, AMBER, 2)
        y += line
        if status.phase == "work":
            unit = "reps" if status.counting == "reps" else "s"
            _text(
                frame,
                f"{status.done:.0f} / {status.target:g} {unit}",
                (pad, y),
                0.8 * s,
                GREEN,
                2,
            )
            bar_w = int(220 * s)
            fill = int(bar_w * min(1.0, status.done / status.target)) if status.target else 0
            cv2.rectangle(frame, (pad, y + pad), (pad + bar_w, y + 2 * pad), GREY, 1)
            cv2.rectangle(frame, (pad, y + pad), (pad + fill, y + 2 * pad), GREEN, -1)
        if status.phase in ("countdown", "rest", "intro") and status.seconds_left is not None:
            big = f"{max(1, int(-(-status.seconds_left // 1)))}"
            size = 3.0 * s if status.phase == "countdown" else 1.5 * s
            (tw, th), _ = cv2.getTextSize(big, FONT, size, 4)
            _text(frame, big, ((w - tw) // 2, (h + th) // 2), size, WHITE, 4)
        if status.paused:
            _text(frame, "PAUSED (p to go on)", (pad, h // 2), 1.0 * s, AMBER, 2)
        # The coach's form cue; its acknowledgements ("well done, release" when its own hold
        # reaches the target) are left to the routine, which counts the set from "Hold".
        if coach is not None and coach.cue is not None:
            _text(frame, coach.cue.text, (pad, h - int(40 * s)), 0.7 * s, RED, 2)
        return frame
