"""Drawing the coach onto frames: small annotators, each `annotate(frame, result)`.

They draw in place on a BGR frame and return it, so they chain:
`for a in annotators: frame = a.annotate(frame, result)`.
"""

from __future__ import annotations

from typing import Protocol

import cv2
import numpy as np

from formcoach.coaching.session import FrameResult
from formcoach.core.landmarks import SKELETON
from formcoach.exercises.base import ExerciseSpec

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GREEN = (80, 200, 80)
RED = (60, 60, 230)
AMBER = (40, 180, 250)
GREY = (170, 170, 170)
FONT = cv2.FONT_HERSHEY_SIMPLEX
MIN_VISIBILITY = 0.5  # points less visible than this are not drawn


def _scale(frame: np.ndarray) -> float:
    return max(0.55, frame.shape[0] / 720.0)


def _text(
    frame: np.ndarray,
    text: str,
    org: tuple[int, int],
    size: float,
    colour: tuple[int, int, int],
    thickness: int = 1,
) -> None:
    cv2.putText(frame, text, org, FONT, size, BLACK, thickness + 2, cv2.LINE_AA)
    cv2.putText(frame, text, org, FONT, size, colour, thickness, cv2.LINE_AA)


class SkeletonAnnotator:
    """Bones and joints of the main person; red where a fault is present."""

    def annotate(self, frame: np.ndarray, result: FrameResult) -> np.ndarray:
        pose = result.pose
        if pose is None:
            return frame
        s = _scale(frame)
        colour = RED if result.assessment.faults else GREEN
        pts = pose.xy.astype(int)
        for a, b in SKELETON:
            if pose.visibility[a] >= MIN_VISIBILITY and pose.visibility[b] >= MIN_VISIBILITY:
                cv2.line(
                    frame, tuple(pts[a]), tuple(pts[b]), colour, max(1, int(3 * s)), cv2.LINE_AA
                )
        for i, (x, y) in enumerate(pts):
            if i > 10 and pose.visibility[i] >= MIN_VISIBILITY:
                cv2.circle(frame, (int(x), int(y)), max(2, int(4 * s)), WHITE, -1, cv2.LINE_AA)
        return frame


class AngleAnnotator:
    """The checked angles, written beside the joints they belong to."""

    def annotate(self, frame: np.ndarray, result: FrameResult) -> np.ndarray:
        pose = result.pose
        a = result.assessment
        if pose is None or not a.anchors:
            return frame
        s = _scale(frame)
        for name, landmark in a.anchors.items():
            value = a.measures.get(name)
            if value is None or value != value:
                continue
            x, y = pose.xy[landmark].astype(int)
            label = name.replace("_deg", "").replace("_", " ")
            _text(frame, f"{value:.0f} {label}", (int(x + 10 * s), int(y - 6 * s)), 0.5 * s, WHITE)
        return frame


class CoachPanelAnnotator:
    """The cue (or acknowledgement), hold timer, reps, view and silent checks."""

    def __init__(self, spec: ExerciseSpec) -> None:
        self.spec = spec

    def annotate(self, frame: np.ndarray, result: FrameResult) -> np.ndarray:
        s = _scale(frame)
        h, w = frame.shape[:2]
        pad = int(10 * s)
        line = int(30 * s)
        # Top bar: the exercise and the view.
        cv2.rectangle(frame, (0, 0), (w, int(38 * s)), BLACK, -1)
        view = result.view.kind if result.view else "no pose"
        _text(frame, f"{self.spec.title}  |  view: {view}", (pad, int(26 * s)), 0.6 * s, WHITE)
        # The cue, big, at the bottom.
        if result.cue is not None:
            self._banner(frame, result.cue.text, RED, s)
        elif result.ack:
            self._banner(frame, result.ack, GREEN, s)
        y = int(38 * s) + line
        if self.spec.counting == "hold":
            hold = result.hold
            target = self.spec.hold_target_s
            side = result.side or "-"
            done = hold.good_form_s if hold else 0.0
            _text(
                frame,
                f"hold ({side}): {done:4.1f} / {target:.0f} s",
                (pad, y),
                0.7 * s,
                GREEN if hold and not result.present else WHITE,
                2,
            )
            bar_w = int(220 * s)
            cv2.rectangle(frame, (pad, y + pad), (pad + bar_w, y + 2 * pad), GREY, 1)
            fill = int(bar_w * min(1.0, done / target)) if target else 0
            cv2.rectangle(frame, (pad, y + pad), (pad + fill, y + 2 * pad), GREEN, -1)
            y += 2 * line
            g = result.good_form_s
            both = f"good form  {g['both']:.0f} s (both legs)" if "both" in g else None
            _text(
                frame,
                both or f"good form  L {g['left']:.0f} s   R {g['right']:.0f} s",
                (pad, y),
                0.55 * s,
                WHITE,
            )
        else:
            r = result.reps
            sides = f"L {r['left']}   R {r['right']}"
            counts = f"reps  {r['both']}" if "both" in r else f"reps  {sides}"
            _text(frame, counts, (pad, y), 0.7 * s, WHITE, 2)
        y += line
        silent = sorted(
            {c.reason for c in result.assessment.checks if c.status == "silent" and c.reason}
        )
        for reason in silent[:2]:
            _text(frame, f"not checked: {reason}", (pad, y), 0.45 * s, AMBER)
            y += int(22 * s)
        return frame

    def _banner(self, frame: np.ndarray, text: str, colour: tuple[int, int, int], s: float) -> None:
        h, w = frame.shape[:2]
        size = 0.8 * s
        (tw, th), _ = cv2.getTextSize(text, FONT, size, 2)
        while tw > w - 20 and size > 0.3:
            size *= 0.9
            (tw, th), _ = cv2.getTextSize(text, FONT, size, 2)
        top = h - th - int(30 * s)
        cv2.rectangle(frame, (0, top), (w, h), colour, -1)
        cv2.putText(
            frame, text, ((w - tw) // 2, h - int(16 * s)), FONT, size, WHITE, 2, cv2.LINE_AA
        )


class Annotator(Protocol):
    def annotate(self, frame: np.ndarray, result: FrameResult) -> np.ndarray: ...


def default_annotators(spec: ExerciseSpec) -> list[Annotator]:
    return [SkeletonAnnotator(), AngleAnnotator(), CoachPanelAnnotator(spec)]


def annotate(frame: np.ndarray, result: FrameResult, annotators: list[Annotator]) -> np.ndarray:
    for annotator in annotators:
        frame = annotator.annotate(frame, result)
    return frame
