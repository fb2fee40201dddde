"""Sessions for the history tests, coached on built tracks (tests/poses.py).

- `hold_session`: a 40 s kneeling hold on the left leg whose trunk leans
  forward from 15 s to 20 s: one hold that reaches its 30 s target, with a
  trunk_lean_forward fault and one cue.
- `lunge_session`: three lunges per leg, deep and clean: six reps.
- `shallow_lunges`: the same lunges at 65% depth: six reps, all too shallow.

Every test passes its own database path (under tmp_path); the session-wide
fixture in tests/conftest.py also points $FORMCOACH_HISTORY_DB away from the
user's data dir.
"""

from __future__ import annotations

import pytest
from coached import Coached, coached, leaning_hold
from poses import alternating_lunges


@pytest.fixture(scope="session")
def hold_session() -> Coached:
    return leaning_hold()


@pytest.fixture(scope="session")
def lunge_session() -> Coached:
    return coached(alternating_lunges(3).track, "lunge")


@pytest.fixture(scope="session")
def shallow_lunges() -> Coached:
    return coached(alternating_lunges(3, depth=0.65).track, "lunge")
