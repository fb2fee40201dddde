"""The pose adapter: MediaPipe PoseLandmarker in, our frozen Pose types out.

This is the only module that imports mediapipe. It runs the landmarker in
VIDEO mode (which tracks between frames and needs strictly increasing
timestamps) and keeps to one main person.

The flip test (core/flip_fusion.py, `--flip-test`) reads the mirrored frame
with a second landmarker and fuses the two readings:
- `lost-legs` (the default): only where the direct reading has a leg off the
  body's segmentation mask, so the mask is always computed. The mirror
  landmarker runs in IMAGE mode there (the person detector on every call):
  called only now and then, a tracking one would start from a stale region
  (measured on the rendered clips: hip error 4.58 against 4.73 deg). After a
  frame with a lost leg, the next mirrored frame is read on a worker thread
  while the frame itself is read (on the clip that loses a leg most: 45
  against 30 fps; the same poses to the bit on the 12 sample clips with a
  lost leg).
- `every-frame`: a tracking mirror landmarker on the worker thread, while the
  direct one reads the frame.
- `off`.
A mask computed only for the legs is dropped from the pose returned.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

import cv2
import numpy as np

from formcoach.core.flip_fusion import MIRRORED, FlipTest, fuse, nearest, unmirror
from formcoach.core.leg_fit import MaskDistances, legs_lost
from formcoach.core.person import MainPersonTracker
from formcoach.core.pose import Pose, PoseFrame
from formcoach.errors import ModelError

log = logging.getLogger(__name__)

# Frames taller than this are scaled down before the landmarker: the model
# sees 256x256 anyway, and the segmentation mask costs in proportion to size.
MAX_INPUT_HEIGHT = 720


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Silence what MediaPipe's C++ side prints to fd 2 while it starts up.

    TFLite and glog announce delegates and calculator warnings that mean
    nothing to a user; Python exceptions still come through as exceptions.
    """
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


@dataclass(frozen=True)
class LandmarkerOptions:
    model_path: Path
    # One pose: VIDEO mode then tracks that person from frame to frame and runs
    # the person detector only when the track is lost. Asking for two makes it
    # run the detector on every frame looking for the second: measured 43 fps
    # against 79 fps for one (full model, 640x360, 2 cores).
    max_people: int = 1
    segmentation: bool = False
    min_detection_confidence: float = 0.5
    min_presence_confidence: float = 0.5
    min_tracking_confidence: float = 0.5
    # Flip test (core/flip_fusion.py): the landmarker also reads the mirrored frame,
    # where a leg is lost (the default) or on every frame, and the readings are fused.
    # It finds most legs MediaPipe loses and cuts the angle errors (README, Accuracy).
    flip_test: FlipTest = FlipTest.LOST_LEGS


class PoseEstimator:
    """Finds the main person's landmarks in each frame of one stream.

    Use it as a context manager (MediaPipe prints a traceback at exit if a
    landmarker is left to the garbage collector).
    """

    def __init__(self, options: LandmarkerOptions) -> None:
        os.environ.setdefault("GLOG_minloglevel", "2")
        from mediapipe.tasks.python import BaseOptions
        from mediapipe.tasks.python.vision import (
            PoseLandmarker,
            PoseLandmarkerOptions,
            RunningMode,
        )

        self.options = options
        self._on_demand = options.flip_test is FlipTest.LOST_LEGS
        self._quiet_frames = 2  # the first frames still print start-up warnings
        self._landmarker = self._mirror = None
        self._mirror_worker: ThreadPoolExecutor | None = None

        def landmarker(masks: bool, mode: RunningMode = RunningMode.VIDEO) -> PoseLandmarker:
            return PoseLandmarker.create_from_options(
                PoseLandmarkerOptions(
                    base_options=BaseOptions(model_asset_path=str(options.model_path)),
                    running_mode=mode,
                    num_poses=options.max_people,
                    min_pose_detection_confidence=options.min_detection_confidence,
                    min_pose_presence_confidence=options.min_presence_confidence,
                    min_tracking_confidence=options.min_tracking_confidence,
                    output_segmentation_masks=masks,
                )
            )

        try:
            with _quiet_native_stderr():
                # the fusion judges both readings on the direct reading's mask
                self._landmarker = landmarker(
                    options.segmentation or options.flip_test is not FlipTest.OFF
                )
                if options.flip_test is FlipTest.EVERY_FRAME:
                    self._mirror = landmarker(False)
                elif options.flip_test is FlipTest.LOST_LEGS:
                    self._mirror = landmarker(False, RunningMode.IMAGE)
                if self._mirror is not None:
                    # MediaPipe lets go of the GIL: the mirrored frame is read on the other
                    # core meanwhile (bare calls, full model: 84 fps for the pair against
                    # 47 one after the other). Every call to it goes through this one thread.
                    self._mirror_worker = ThreadPoolExecutor(1, thread_name_prefix="mirror")
        except (RuntimeError, ValueError) as exc:
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            raise ModelError(
                f"cannot load pose model {options.model_path}: {first_line}; "
                "rebuild it with: formcoach models --build full"
            ) from None
        self._last_ms = -1
        self._lost_before = False  # the last frame had a leg off the body
        self._people = MainPersonTracker()

    def __enter__(self) -> PoseEstimator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._mirror_worker is not None:
            self._mirror_worker.shutdown(wait=True)
            self._mirror_worker = None
        for landmarker in (self._landmarker, self._mirror):
            if landmarker is not None:
                landmarker.close()
        self._landmarker = self._mirror = None

    def process(self, frame_bgr: np.ndarray, index: int, time_s: float) -> PoseFrame:
        """Landmarks of the main person in one BGR frame (pixels of that frame)."""
        import mediapipe as mp

        height, width = frame_bgr.shape[:2]
        small = frame_bgr
        if height > MAX_INPUT_HEIGHT:
            scale = MAX_INPUT_HEIGHT / height
            small = cv2.resize(
                frame_bgr, (round(width * scale), MAX_INPUT_HEIGHT), interpolation=cv2.INTER_AREA
            )
        rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
        timestamp_ms = max(int(round(time_s * 1000.0)), self._last_ms + 1)
        self._last_ms = timestamp_ms
        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb)
        quiet = _quiet_native_stderr() if self._quiet_frames > 0 else contextlib.nullcontext()
        self._quiet_frames -= 1
        with quiet:
            ahead = self._mirror_ahead(rgb, timestamp_ms)
            result = self._landmarker.detect_for_video(image, timestamp_ms)
            poses = [
                self._to_pose(result, i, width, height) for i in range(len(result.pose_landmarks))
            ]
            main = self._people.pick(poses, time_s)
            found, distances = self._mirror_reading(main, rgb, ahead)
        if found is not None and main is not None:
            readings = [
                self._to_pose(found, i, width, height, mirrored=True)
                for i in range(len(found.pose_landmarks))
            ]
            main = fuse(main, nearest(main, readings), distances)
        if main is not None and main.mask is not None and not self.options.segmentation:
            main = replace(main, mask=None, mask_scale=1.0)
        return PoseFrame(index, time_s, width, height, main)

    def _mirror_ahead(self, rgb: np.ndarray, timestamp_ms: int) -> Future | None:
        """The mirrored frame's reading, begun on the worker while the frame itself is read.

        On every frame with `every-frame`; with `lost-legs` after a frame with a leg
        lost, as the next one mostly has it lost too (reading ahead gives what reading
        after would: IMAGE mode keeps no state).
        """
        if self._mirror_worker is None:  # set with the mirror landmarker
            return None
        if not self._on_demand:
            return self._mirror_worker.submit(
                self._mirror.detect_for_video, self._flipped(rgb), timestamp_ms
            )
        if self._lost_before:
            return self._mirror_worker.submit(self._mirror.detect, self._flipped(rgb))
        return None

    def _mirror_reading(
        self, main: Pose | None, rgb: np.ndarray, ahead: Future | None
    ) -> tuple[object | None, MaskDistances | None]:
        """The mirrored frame's reading to fuse with `main` (None: none), and `main`'s mask maps."""
        if not self._on_demand:
            return (ahead.result() if ahead is not None else None), None
        if main is None or main.mask is None or self._mirror_worker is None:  # no mirror: off
            self._lost_before = False
            return None, None
        distances = MaskDistances(main.mask)
        self._lost_before = legs_lost(main, distances)
        if not self._lost_before:
            return None, distances
        if ahead is None:
            ahead = self._mirror_worker.submit(self._mirror.detect, self._flipped(rgb))
        return ahead.result(), distances

    @staticmethod
    def _flipped(rgb: np.ndarray) -> object:
        import mediapipe as mp

        return mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb[:, ::-1].copy())

    def _to_pose(
        self, result: object, i: int, width: int, height: int, mirrored: bool = False
    ) -> Pose:
        """Pose `i` of a result; a `mirrored` frame's is mapped back (world and mask left out)."""
        marks = result.pose_landmarks[i]  # type: ignore[attr-defined]
        xy = np.array([(m.x * width, m.y * height) for m in marks])
        visibility = np.array([m.visibility or 0.0 for m in marks])
        if mirrored:
            return Pose(unmirror(xy, width), visibility[MIRRORED])
        world = None
        worlds = getattr(result, "pose_world_landmarks", None)
        if worlds and i < len(worlds):
            world = np.array([(m.x, m.y, m.z) for m in worlds[i]])
        mask = None
        masks = getattr(result, "segmentation_masks", None)
        if masks and i < len(masks):
            mask = np.array(masks[i].numpy_view(), dtype=np.float32).squeeze()
        scale = mask.shape[1] / width if mask is not None else 1.0
        return Pose(xy=xy, visibility=visibility, world=world, mask=mask, mask_scale=scale)
