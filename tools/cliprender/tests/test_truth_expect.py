"""Pure-numpy parts of the renderer: angle conventions, projection, expectations.

Run: PYTHONPATH=tools python -m pytest tools/cliprender/tests (no torch or OpenGL needed).
"""

import numpy as np
import pytest
from cliprender.camera import make_camera, view_class
from cliprender.expect import build, episodes
from cliprender.motion import Event, Key, Motion, sample
from cliprender.pose import BodyDims, Pose, leg_ik
from cliprender.truth import inclination, included

DIMS = BodyDims(0.4, 0.4, 5.0, 5.0, 0.07, 0.82, 0.06, 0.43, np.zeros(3))


@pytest.mark.parametrize(
    ("a", "b", "c", "want"),
    [
        pytest.param([0, 1, 0], [0, 0, 0], [0, -1, 0], 180.0, id="straight"),
        pytest.param([0, 1, 0], [0, 0, 0], [1, 0, 0], 90.0, id="right angle"),
    ],
)
def test_included_angle(a, b, c, want):
    assert included(np.array(a, float), np.array(b, float), np.array(c, float)) == pytest.approx(
        want
    )


def test_inclination_is_positive_toward_the_facing_direction():
    up, facing = np.array([0.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0])
    knee_ahead = inclination(np.zeros(3), np.array([0.1, 0.0, 0.4]), up, facing)
    assert knee_ahead == pytest.approx(np.degrees(np.arctan2(0.1, 0.4)))
    assert inclination(np.zeros(3), np.array([-0.1, 0.0, 0.4]), up, facing) < 0


def test_leg_ik_reaches_the_target_with_the_knee_forward():
    thigh, shin = leg_ik(0.3, -0.6, DIMS)
    knee = np.array([0.4 * np.sin(np.radians(thigh)), -0.4 * np.cos(np.radians(thigh))])
    ankle = knee - 0.4 * np.array([np.sin(np.radians(shin)), np.cos(np.radians(shin))])
    assert ankle == pytest.approx([0.3, -0.6], abs=1e-6)
    assert thigh > np.degrees(np.arctan2(0.3, 0.6))  # knee ahead of the hip-ankle line


def test_camera_projects_the_target_to_the_image_centre():
    cam = make_camera("side-left", np.array([0.0, 0.0, 0.8]), 3.0, 0.8, 640, 360)
    assert cam.project(np.array([[0.0, 0.0, 0.8]]))[0] == pytest.approx([320, 180], abs=1e-6)
    # the person faces +X; seen from their left, their front is on the image's left
    assert cam.project(np.array([[0.5, 0.0, 0.8]]))[0, 0] < 320


@pytest.mark.parametrize(
    ("azimuth", "view"),
    [(0, "side"), (15, "side"), (45, "oblique"), (90, "front"), (170, "side"), (180, "side")],
)
def test_view_class(azimuth, view):
    assert view_class(azimuth) == view


def test_episodes_open_and_close():
    times = [0.0, 0.5, 1.0, 1.5, 2.0]
    faults = [[], ["a"], ["a", "b"], ["b"], []]
    eps = [(e.code, e.start, e.end) for e in episodes(times, faults)]
    assert eps == [("a", 0.5, 1.5), ("b", 1.0, 2.0)]


def test_expect_lists_what_is_not_present_and_counts_reps():
    m = Motion(
        [Key(0.0, Pose()), Key(2.0, Pose())],
        [Event(1.0, "rep", "left"), Event(1.5, "rep", "right")],
    )
    times = [i / 10 for i in range(21)]
    faults = [["trunk_lean_forward"] if 0.5 <= t <= 1.0 else [] for t in times]
    text = build("lunge", "side", "s", times, faults, ["bottom"] * 21, ["left"] * 21, m, 10, {})
    assert 'code = "trunk_lean_forward"' in text
    assert '"front_knee_past_ankle"' in text.split("must_not_cue")[1].split("\n")[0]
    assert "left = 1" in text and "right = 1" in text


def test_sample_eases_between_keys():
    m = Motion([Key(0.0, Pose(trunk=0.0)), Key(1.0, Pose(trunk=10.0), phase="hold")])
    pose, _, key = sample(m, 0.5, DIMS)
    assert pose.trunk == pytest.approx(5.0)
    assert key.phase == "hold"


def test_expect_gives_where_the_arch_sweep_runs():
    m = Motion([Key(0.0, Pose()), Key(4.0, Pose())], sweeps=[(1.25, 3.5)])
    times = [i / 10 for i in range(41)]
    args = ("kneeling-hip-flexor", "side", "s", times, [[]] * 41, ["hold"] * 41, ["left"] * 41)
    assert "arch_sweep_s = [1.25, 3.5]" in build(*args, m, 10, {})
    assert "arch_sweep_s" not in build(*args, Motion(m.keys), 10, {})
