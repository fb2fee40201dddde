"""The sit timer on posture sequences: sitting time, stand-ups, breaks, reminders."""

from __future__ import annotations

import pytest

from formcoach.desk.sit_timer import SitSettings, SitTimer

SETTINGS = SitSettings(sit_limit_s=20.0, break_s=10.0, confirm_s=3.0, remind_every_s=10.0)


def feed(timer: SitTimer, *spans: tuple[str, float, float], rate_hz: float = 1.0) -> None:
    """Postures over [start, end) time spans, sampled at `rate_hz`."""
    for posture, start, end in spans:
        t = start
        while t < end - 1e-9:
            timer.update(t, posture)  # type: ignore[arg-type]
            t = round(t + 1.0 / rate_hz, 6)


def kinds(timer: SitTimer) -> list[tuple[str, float]]:
    return [(e.kind, e.time_s) for e in timer.events]


def test_long_sitting_is_reminded_and_again_until_a_break() -> None:
    timer = SitTimer(SETTINGS)
    feed(timer, ("sitting", 0, 45), ("standing", 45, 60), ("sitting", 60, 70))
    assert kinds(timer) == [
        ("sat_down", 0.0),
        ("reminder", 20.0),
        ("reminder", 30.0),
        ("reminder", 40.0),
        ("stood_up", 45.0),
        ("break", 55.0),
        ("sat_down", 60.0),
    ]
    first, second = timer.totals.spells
    assert (first.start_s, first.end_s, first.sat_s, first.reminders) == (0.0, 45.0, 45.0, 3)
    assert second.start_s == 60.0 and timer.sat_s == pytest.approx(9.0)
    assert timer.totals.sitting_s == pytest.approx(54.0)
    assert timer.totals.up_s == pytest.approx(15.0)
    assert (timer.totals.breaks, timer.totals.stand_ups) == (1, 1)


def test_a_short_stand_pauses_the_clock_but_does_not_reset_it() -> None:
    timer = SitTimer(SETTINGS)
    feed(timer, ("sitting", 0, 15), ("standing", 15, 20), ("sitting", 20, 26))
    assert kinds(timer) == [
        ("sat_down", 0.0),
        ("stood_up", 15.0),
        ("sat_down", 20.0),
        ("reminder", 25.0),  # 15 + 5 s of sitting, the 5 s up not counted
    ]
    assert timer.totals.breaks == 0 and len(timer.totals.spells) == 1


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        pytest.param(
            [("sitting", 0, 10), ("standing", 10, 12), ("sitting", 12, 20)],
            [("sat_down", 0.0)],
            id="a glance up, shorter than confirm_s, is not standing",
        ),
        pytest.param(
            [("sitting", 0, 10), ("unclear", 10, 30)],
            [("sat_down", 0.0), ("reminder", 20.0)],
            id="unclear keeps the state: sitting goes on",
        ),
        pytest.param(
            [("sitting", 0, 10), ("away", 10, 25)],
            [("sat_down", 0.0), ("stood_up", 10.0), ("break", 20.0)],
            id="away from the desk is up",
        ),
        pytest.param(
            [("standing", 0, 30)],
            [],
            id="standing from the start: nothing to remind",
        ),
    ],
)
def test_posture_sequences(spans: list, expected: list) -> None:
    timer = SitTimer(SETTINGS)
    feed(timer, *spans)
    assert kinds(timer) == expected


def test_a_low_sample_rate_gives_the_same_times() -> None:
    """What the desk runs at (one sample every 2 s) against a fast rate."""
    slow, fast = SitTimer(SETTINGS), SitTimer(SETTINGS)
    spans = (("sitting", 0, 30), ("standing", 30, 50))
    feed(slow, *spans, rate_hz=0.5)
    feed(fast, *spans, rate_hz=10.0)
    assert [k for k, _ in kinds(slow)] == [k for k, _ in kinds(fast)]
    assert slow.totals.sitting_s == pytest.approx(fast.totals.sitting_s, abs=2.0)


def test_a_stalled_camera_does_not_count_as_hours_of_sitting() -> None:
    timer = SitTimer(SETTINGS)
    feed(timer, ("sitting", 0, 5))
    timer.update(3600.0, "sitting")
    assert timer.totals.sitting_s < 15.0
