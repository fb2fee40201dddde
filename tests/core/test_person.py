"""Tests for formcoach.core.person: keeping to the main person among several detections.

People are built figures: the "main" one is a full-size kneeling person, a
"passer-by" a smaller standing figure further back in the room.
"""

from __future__ import annotations

import pytest
from poses import FPS, TORSO, kneeling, standing

from formcoach.core.person import FORGET_AFTER_S, MAX_JUMP_TORSOS, MainPersonTracker


def main_person(x: float = 500.0):
    return kneeling(1, hip=(x, 420.0)).pose()


def passer_by(x: float = 1000.0, scale: float = 0.6):
    return standing(-1, hip=(x, 380.0), scale=scale, floor_y=None).pose()


def test_nobody_detected_is_nobody_picked():
    assert MainPersonTracker().pick([], 0.0) is None


def test_the_largest_person_is_picked_first():
    small, big = passer_by(), main_person()
    assert MainPersonTracker().pick([small, big], 0.0) is big


def test_the_main_person_is_kept_when_a_bigger_one_walks_in():
    tracker = MainPersonTracker()
    first = main_person(500.0)
    tracker.pick([first], 0.0)
    bigger = passer_by(1000.0, scale=1.4)
    still_there = main_person(510.0)
    assert tracker.pick([bigger, still_there], 1 / FPS) is still_there


@pytest.mark.parametrize(
    ("dx_torsos", "kept"),
    [
        pytest.param(0.5, True, id="moved half a torso: same person"),
        pytest.param(MAX_JUMP_TORSOS * 0.9, True, id="just inside the jump limit"),
        pytest.param(MAX_JUMP_TORSOS * 1.2, False, id="beyond the jump limit: somebody else"),
    ],
)
def test_a_lone_detection_far_from_the_main_person_is_somebody_else(dx_torsos, kept):
    tracker = MainPersonTracker()
    tracker.pick([main_person(400.0)], 0.0)
    candidate = main_person(400.0 + dx_torsos * TORSO)
    assert (tracker.pick([candidate], 1 / FPS) is candidate) is kept


def test_after_the_main_person_has_been_gone_a_while_the_largest_is_picked_again():
    tracker = MainPersonTracker()
    tracker.pick([main_person(300.0)], 0.0)
    newcomer = main_person(1000.0)
    assert tracker.pick([newcomer], 0.5) is None  # too soon: still waiting for the first
    assert tracker.pick([newcomer], FORGET_AFTER_S + 0.1) is newcomer
