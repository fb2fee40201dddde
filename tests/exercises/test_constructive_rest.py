"""Tests for formcoach.exercises.constructive_rest on built floor figures.

`supine` (tests/floor_poses.py) is the position: on the back, thighs 55
deg up, knees at 65 deg, feet flat. Losing it is the feet sliding away (the
knee opening) or the knees dropping toward the floor.
"""

from __future__ import annotations

import pytest
from floor_poses import Limb, bridge, quadruped, supine

from formcoach.coaching.sides import BOTH
from formcoach.exercises.constructive_rest import (
    POSITION_LOST,
    ConstructiveRestChecker,
    ConstructiveRestThresholds,
)

CHECKER = ConstructiveRestChecker()
LIMITS = ConstructiveRestThresholds()
FACINGS = [pytest.param(1, id="head to the right"), pytest.param(-1, id="head to the left")]


def legs(leg: Limb) -> dict[str, Limb]:
    return {"left": leg, "right": leg}


def slid_out(knee_deg: float) -> Limb:
    """Feet slid away along the floor until the knee opens to `knee_deg`."""
    thigh = (180.0 - knee_deg) / 2.0  # the shin goes down as steeply as the thigh goes up
    return Limb(thigh, -thigh)


@pytest.mark.parametrize("facing", FACINGS)
@pytest.mark.parametrize(
    ("leg", "lost"),
    [
        pytest.param(None, False, id="knees bent, feet flat"),
        pytest.param(slid_out(LIMITS.knee_open_max_deg - 10.0), False, id="feet a little further"),
        pytest.param(slid_out(LIMITS.knee_open_max_deg + 10.0), True, id="feet slid away"),
        pytest.param(slid_out(175.0), True, id="legs straight"),
        pytest.param(Limb(LIMITS.thigh_min_deg - 8.0, -60.0), True, id="knees dropped low"),
    ],
)
def test_position_lost(facing, leg, lost):
    figure = supine(facing) if leg is None else supine(facing, legs=legs(leg))
    a = CHECKER.assess(figure.pose(), facing)
    assert a.in_position  # lying on the back: the timer's position
    assert a.working_leg == BOTH
    assert a.faults == ((POSITION_LOST,) if lost else ())


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(lambda: bridge(1, 0.0), id="hips up in a bridge"),
        pytest.param(lambda: quadruped(1, trunk_deg=-25.0), id="on all fours, chest up"),
    ],
)
def test_not_lying_is_no_rest(figure):
    a = CHECKER.assess(figure().pose(), 1)
    assert not a.in_position
    assert a.checks == ()
