"""Tests for formcoach.coaching.sides: the side is the majority, never one frame's label."""

from __future__ import annotations

import pytest

from formcoach.coaching.sides import SideVote


@pytest.mark.parametrize(
    ("votes", "winner"),
    [
        pytest.param([], None, id="no votes"),
        pytest.param([None, None], None, id="only unknown labels"),
        pytest.param(["left"], "left", id="one vote"),
        pytest.param(["left"] * 9 + ["right"], "left", id="one swapped frame in ten"),
        pytest.param(["right"] * 6 + ["left"] * 4 + [None] * 5, "right", id="unknowns ignored"),
        pytest.param(["left", "right"] * 3, None, id="a tie names no side"),
    ],
)
def test_winner(votes, winner):
    vote = SideVote()
    for side in votes:
        vote.add(side)
    assert vote.winner == winner


def test_reset_clears_the_votes():
    vote = SideVote()
    vote.add("left")
    vote.reset()
    assert vote.winner is None


@pytest.mark.parametrize(
    ("votes", "winner"),
    [
        pytest.param(
            [("left", 1.0)] * 3 + [("right", 0.1)] * 20, "left", id="3 sure beat 20 unsure"
        ),
        pytest.param([("left", 1.0)] * 3 + [("right", 0.1)] * 40, "right", id="40 unsure beat 3"),
        pytest.param([("left", 0.1)] * 5, "left", id="only unsure votes still decide"),
    ],
)
def test_weighted_votes(votes, winner):
    vote = SideVote()
    for side, weight in votes:
        vote.add(side, weight)
    assert vote.winner == winner
