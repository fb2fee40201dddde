"""The landmark cache returns what was saved: poses, world points and masks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from formcoach.core.flip_fusion import FlipTest
from formcoach.core.pose import Pose, PoseFrame, PoseTrack
from formcoach.io.landmark_cache import CACHE_ENV, cache_key, load_track, save_track
from formcoach.regression.clips import pose_track


def _pose(seed: int, with_mask: bool) -> Pose:
    rng = np.random.default_rng(seed)
    mask = rng.random((36, 64)).astype(np.float32) if with_mask else None
    return Pose(rng.random((33, 2)) * 100, rng.random(33), rng.random((33, 3)), mask, 0.1)


def test_a_track_round_trips_with_masks_and_gaps(tmp_path: Path) -> None:
    frames = (
        PoseFrame(0, 0.0, 640, 360, _pose(1, True)),
        PoseFrame(1, 1 / 30, 640, 360, None),
        PoseFrame(2, 2 / 30, 640, 360, _pose(2, True)),
    )
    path = tmp_path / "track.npz"
    save_track(path, PoseTrack(frames, 30.0))
    back = load_track(path)
    assert back.fps == 30.0
    assert [f.index for f in back] == [0, 1, 2]
    assert back.frames[1].pose is None
    for original, loaded in ((frames[0], back.frames[0]), (frames[2], back.frames[2])):
        assert np.allclose(loaded.pose.xy, original.pose.xy)
        assert np.allclose(loaded.pose.world, original.pose.world)
        assert loaded.pose.mask_scale == 0.1
        # masks are kept as 8-bit: within half a step of 1/255
        assert np.abs(loaded.pose.mask - original.pose.mask).max() <= 0.5 / 255 + 1e-6


def test_a_track_without_masks_loads_without_masks(tmp_path: Path) -> None:
    path = tmp_path / "track.npz"
    save_track(path, PoseTrack((PoseFrame(0, 0.0, 640, 360, _pose(3, False)),), 25.0))
    assert load_track(path).frames[0].pose.mask is None


def test_masks_can_be_left_unread(tmp_path: Path) -> None:
    path = tmp_path / "track.npz"
    saved = PoseTrack((PoseFrame(0, 0.0, 640, 360, _pose(4, True)),), 30.0)
    save_track(path, saved)
    back = load_track(path, masks=False)
    assert back.frames[0].pose.mask is None
    assert np.allclose(back.frames[0].pose.xy, saved.frames[0].pose.xy)


@pytest.fixture
def clip_and_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A clip and a model that only the cache (in tmp_path/cache) can answer for."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    clip, model = tmp_path / "clip.mp4", tmp_path / "model.task"
    clip.write_bytes(b"not decoded: the cache must answer")
    model.write_bytes(b"model")
    return clip, model


def test_a_track_cached_with_masks_serves_a_request_without(
    tmp_path: Path, clip_and_model: tuple[Path, Path]
) -> None:
    clip, model = clip_and_model
    saved = PoseTrack((PoseFrame(0, 0.0, 640, 360, _pose(5, True)),), 30.0)
    save_track(tmp_path / "cache" / f"{cache_key(clip, model)}-mask.npz", saved)
    track = pose_track(clip, model, masks=False)
    assert track.frames[0].pose.mask is None
    assert np.allclose(track.frames[0].pose.xy, saved.frames[0].pose.xy)
    assert pose_track(clip, model, masks=True).frames[0].pose.mask is not None


def test_tracks_read_with_each_flip_test_mode_are_kept_apart(
    tmp_path: Path, clip_and_model: tuple[Path, Path]
) -> None:
    clip, model = clip_and_model
    tracks = {
        mode: PoseTrack((PoseFrame(0, 0.0, 640, 360, _pose(seed, False)),), 30.0)
        for seed, mode in enumerate(FlipTest)
    }
    assert len({cache_key(clip, model, flip_test=mode) for mode in FlipTest}) == len(FlipTest)
    assert cache_key(clip, model) == cache_key(clip, model, flip_test=FlipTest.LOST_LEGS)
    for mode, track in tracks.items():
        save_track(tmp_path / "cache" / f"{cache_key(clip, model, flip_test=mode)}.npz", track)
    for mode, track in tracks.items():
        read = pose_track(clip, model, flip_test=mode)
        assert np.allclose(read.frames[0].pose.xy, track.frames[0].pose.xy)
