"""The label path: steady through flicker, switching after clear evidence, fixed lag."""

from __future__ import annotations

import numpy as np
import pytest

from formcoach.recognition.segmenter import Segmenter
from formcoach.recognition.window import count_reversals

LABELS = ("none", "a", "b")


def run(seg: Segmenter, frames: list[str], strong: float = 0.9) -> list[str]:
    out = []
    for i, best in enumerate(frames):
        scores = {label: (strong if label == best else 0.3) for label in LABELS}
        out += [d.label for d in seg.push(i / 30.0, scores)]
    out += [d.label for d in seg.finish()]
    return out


def test_a_short_flicker_does_not_change_the_label() -> None:
    frames = ["a"] * 60 + ["b"] * 5 + ["a"] * 60
    assert set(run(Segmenter(LABELS, switch_s=1.0), frames)) == {"a"}


def test_a_lasting_change_switches_after_a_delay_live() -> None:
    labels = run(Segmenter(LABELS, switch_s=1.0), ["a"] * 60 + ["b"] * 90)
    switch = labels.index("b")
    assert 60 < switch < 60 + 30  # later than the change, within a second
    assert labels[switch:] == ["b"] * (150 - switch)


def test_lag_puts_the_boundary_where_the_change_began() -> None:
    labels = run(Segmenter(LABELS, switch_s=1.0, lag_frames=45), ["a"] * 60 + ["b"] * 90)
    assert labels.index("b") == 60
    assert len(labels) == 150


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        pytest.param([0.0, 1.0, 0.0, 1.0, 0.0], 3, id="zig-zag"),
        pytest.param([0.0, 0.5, 1.0, 1.5], 0, id="one way: a step into a stance"),
        pytest.param([0.0, 0.1, 0.0, 0.1, 0.0], 0, id="jitter under the step"),
    ],
)
def test_count_reversals(series: list[float], expected: int) -> None:
    assert count_reversals(np.array(series), 0.25) == expected
