"""The routine panel draws on a frame in every phase, with and without a coach result."""

from __future__ import annotations

import numpy as np
import pytest

from formcoach.routine.machine import RoutineStatus
from formcoach.routine.overlay import RoutinePanel


def status(phase: str, **changes) -> RoutineStatus:
    base = dict(
        phase=phase,
        step=1,
        steps=5,
        title="Stretch: kneeling hip flexor",
        set_number=2,
        set_count=6,
        side="right",
        done=12.0,
        target=30.0,
        counting="hold",
        seconds_left=2.4,
        paused=False,
        instruction="Now the other side: right side",
    )
    return RoutineStatus(**{**base, **changes})


@pytest.mark.parametrize(
    "state",
    [
        pytest.param(status("intro"), id="intro"),
        pytest.param(status("countdown"), id="countdown"),
        pytest.param(status("work"), id="work"),
        pytest.param(status("rest", paused=True), id="paused rest"),
        pytest.param(status("done", set_number=0, side=None), id="done"),
    ],
)
def test_the_panel_draws_in_every_phase(state: RoutineStatus) -> None:
    frame = np.zeros((360, 640, 3), np.uint8)
    out = RoutinePanel().annotate(frame, state, None)
    assert out.shape == (360, 640, 3)
    assert out[:20].any()  # the top bar and its text
