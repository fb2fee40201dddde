"""Tests for formcoach.coaching.debounce: hysteresis in time on yes/no signals."""

from __future__ import annotations

import pytest

from formcoach.coaching.debounce import Debounced, DebouncedSet

FPS = 30.0


def feed(item: Debounced, raw_at, duration_s: float) -> list[tuple[float, bool]]:
    """(time, debounced state) for each frame of a raw signal given as a function of time."""
    return [(i / FPS, item.update(raw_at(i / FPS), i / FPS)) for i in range(int(duration_s * FPS))]


def first_on(states):
    return next((t for t, s in states if s), None)


@pytest.mark.parametrize(
    ("raw_on", "expected_on_at"),
    [
        pytest.param((1.0, 1.1), None, id="blip shorter than on_after_s: never on"),
        pytest.param((1.0, 1.49), None, id="just short of on_after_s: never on"),
        pytest.param((1.0, 3.0), 1.5, id="long enough: on after on_after_s"),
    ],
)
def test_turns_on_only_after_the_signal_has_lasted(raw_on, expected_on_at):
    item = Debounced(on_after_s=0.5, off_after_s=0.5)
    states = feed(item, lambda t: raw_on[0] <= t < raw_on[1], 4.0)
    on_at = first_on(states)
    if expected_on_at is None:
        assert on_at is None
    else:
        assert on_at == pytest.approx(expected_on_at, abs=1.01 / FPS)
        assert item.changed_at_s is not None


def test_the_change_is_dated_to_when_the_raw_signal_changed():
    item = Debounced(on_after_s=0.5, off_after_s=1.0)
    feed(item, lambda t: 1.0 <= t < 3.0, 2.0)
    assert item.state is True
    assert item.changed_at_s == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("gap_s", "stays_on"),
    [
        pytest.param(0.4, True, id="gap shorter than off_after_s: stays on"),
        pytest.param(1.2, False, id="gap longer than off_after_s: turns off"),
    ],
)
def test_a_short_gap_does_not_turn_it_off(gap_s, stays_on):
    item = Debounced(on_after_s=0.2, off_after_s=1.0)
    states = feed(item, lambda t: not (2.0 <= t < 2.0 + gap_s), 5.0)
    during_and_after_gap = [s for t, s in states if t >= 2.0]
    assert all(during_and_after_gap) is stays_on
    if not stays_on:
        assert item.changed_at_s is not None


def test_turning_off_is_dated_to_the_start_of_the_gap():
    item = Debounced(on_after_s=0.2, off_after_s=1.0)
    feed(item, lambda t: t < 2.0, 4.0)
    assert item.state is False
    assert item.changed_at_s == pytest.approx(2.0)


def test_reset_forgets_everything():
    item = Debounced(on_after_s=0.2, off_after_s=1.0)
    feed(item, lambda t: True, 1.0)
    item.reset()
    assert (item.state, item.changed_at_s) == (False, None)
    assert item.update(True, 1.0) is False  # the on-delay starts over


def test_debounced_set_confirms_each_code_on_its_own_and_knows_since_when():
    codes = DebouncedSet(on_after_s=0.2, off_after_s=0.3)
    present = frozenset()
    for i in range(int(2.0 * FPS)):
        t = i / FPS
        raw = {"a"} if t >= 0.5 else set()
        raw |= {"b"} if 1.0 <= t < 1.1 else set()  # a glitch
        present = codes.update(raw, t)
        if t < 0.69:
            assert "a" not in present
    assert present == {"a"}
    assert codes.since("a") == pytest.approx(0.5)
    assert codes.since("b") is None
    assert codes.since("never seen") is None
