"""The recognition features on built figures whose geometry is known."""

from __future__ import annotations

import pytest
from poses import THIGH, TORSO, front_pose, kneeling, moved, standing

from formcoach.core.landmarks import Landmark as L
from formcoach.recognition.features import frame_features


@pytest.mark.parametrize("facing", [1, -1])
def test_the_back_foot_is_behind_whichever_way_the_person_faces(facing: int) -> None:
    f = frame_features(kneeling(facing=facing).pose())
    assert f is not None
    # The kneeling back thigh hangs near vertical: the back ankle is about a shin behind the knee.
    assert 0.5 < f.foot_behind < 1.5


def test_feet_together_are_not_behind() -> None:
    f = frame_features(standing().pose())
    assert f is not None
    assert abs(f.foot_behind) < 0.1


def test_seen_from_the_front_nothing_is_behind() -> None:
    f = frame_features(front_pose())
    assert f is not None
    assert f.foot_behind == 0.0


def test_feet_on_the_floor_are_not_off_it() -> None:
    for figure in (standing(), kneeling()):
        f = frame_features(figure.pose())
        assert f is not None
        assert f.foot_off_floor < 0.15


def test_a_foot_raised_is_off_the_floor_by_its_height() -> None:
    pose = standing().pose()
    left_foot = (L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX)
    raised = moved(pose, {m: pose.xy[m] - (0.0, THIGH) for m in left_foot})
    f = frame_features(raised)
    assert f is not None
    assert f.foot_off_floor == pytest.approx(THIGH / TORSO, abs=0.01)
