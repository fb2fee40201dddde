"""Routines from TOML: the shipped ones, a user's own, and every bad file refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.errors import ConfigError, UsageError
from formcoach.routine.loading import find_routine, load_routine, parse_routine, shipped_names


def test_the_shipped_routines_are_found_and_load() -> None:
    assert {"default", "desk-break"} <= set(shipped_names())
    for name in shipped_names():
        assert load_routine(name).steps


def test_the_default_routine_follows_the_articles_order() -> None:
    """Release, then stretch (3 x 30 s per side), then strengthen."""
    routine = load_routine(None)
    assert [s.exercise for s in routine.steps] == [
        "constructive-rest",
        "kneeling-hip-flexor",
        "glute-bridge",
        "dead-bug",
        "march",
    ]
    kneeling = routine.steps[1]
    assert (kneeling.counting, kneeling.target, kneeling.sets, kneeling.sides) == (
        "hold",
        30.0,
        3,
        "each",
    )
    assert kneeling.planned_sides() == ("left", "right") * 3


def test_the_desk_break_is_short_and_starts_with_moving() -> None:
    routine = load_routine("desk-break")
    assert routine.steps[0].counting == "timer"
    assert 120 <= routine.estimated_s() <= 300  # "2-3 minutes" of moving, rests included


def test_a_users_file_with_defaults_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'title = "Mine"\nrest_s = 7\ncountdown_s = 2\n'
        '[[step]]\nexercise = "march"\nreps = 6\nsides = "alternate"\nrest_s = 3\n'
        '[[step]]\nexercise = "glute-bridge"\n'
        '[[step]]\ntitle = "Walk"\ntimer_s = 30\n'
    )
    routine = load_routine(str(path))
    march, bridge, walk = routine.steps
    assert (routine.title, routine.name) == ("Mine", "mine")
    assert (march.target, march.sides, march.start, march.rest_s, march.countdown_s) == (
        6,
        "alternate",
        "visible",
        3.0,
        2.0,
    )
    # defaults from the exercise itself: a bridge is bilateral, held 20 s
    assert (bridge.sides, bridge.target, bridge.start, bridge.rest_s) == (
        "both",
        20.0,
        "position",
        7,
    )
    assert (walk.counting, walk.exercise, walk.target) == ("timer", None, 30.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("x = [", "is not valid TOML", id="broken TOML"),
        pytest.param('title = "x"\n', "at least one [[step]]", id="no steps"),
        pytest.param(
            '[[step]]\nexercise = "squat"\n',
            "step 1: unknown exercise 'squat'; valid exercises: kneeling-hip-flexor",
            id="unknown exercise",
        ),
        pytest.param(
            '[[step]]\nexercise = "march"\nrep = 3\n',
            "step 1: unknown key 'rep' (did you mean reps?); valid keys:",
            id="misspelt key",
        ),
        pytest.param('titel = "x"\n', "unknown key 'titel' (did you mean title?)", id="top key"),
        pytest.param(
            '[[step]]\nexercise = "march"\nhold_s = 30\n',
            "hold_s does not apply to march, which counts reps (set reps)",
            id="hold_s for a rep exercise",
        ),
        pytest.param(
            '[[step]]\nexercise = "kneeling-hip-flexor"\nreps = 3\n',
            "reps does not apply to kneeling-hip-flexor, which counts holds (set hold_s)",
            id="reps for a hold exercise",
        ),
        pytest.param(
            '[[step]]\nexercise = "glute-bridge"\nsides = "each"\n',
            "works both legs at once; sides must be 'both'",
            id="one side of a bilateral exercise",
        ),
        pytest.param(
            '[[step]]\nexercise = "lunge"\nsides = "both"\n',
            "works one side at a time",
            id="both sides of a one-sided exercise",
        ),
        pytest.param(
            '[[step]]\nexercise = "lunge"\nsides = "all"\n',
            "sides = 'all' is not one of: 'each', 'alternate', 'both'",
            id="unknown sides",
        ),
        pytest.param(
            '[[step]]\nexercise = "kneeling-hip-flexor"\nhold_s = 0\n',
            "hold_s = 0 is out of range: it must be between 1 and 1800",
            id="out of range",
        ),
        pytest.param(
            '[[step]]\nexercise = "kneeling-hip-flexor"\nsets = "3"\n',
            "sets must be a whole number, got '3'",
            id="wrong type",
        ),
        pytest.param(
            '[[step]]\nexercise = "march"\nstart = "position"\n',
            "start = 'position' needs a hold exercise",
            id="position start for reps",
        ),
        pytest.param("[[step]]\ntimer_s = 30\n", "a timed step needs a title", id="untitled"),
        pytest.param('[[step]]\ntitle = "x"\n', "or timer_s for a timed activity", id="empty"),
        pytest.param(
            '[[step]]\ntitle = "Walk"\ntimer_s = 30\nreps = 2\n',
            "reps needs an exercise",
            id="reps on a timed step",
        ),
        pytest.param("step = 3\n", "at least one [[step]]", id="step not a table"),
    ],
)
def test_a_bad_routine_is_refused_with_what_and_where(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_routine(text, "r", "r.toml")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("r.toml")


def test_an_unknown_name_lists_the_shipped_routines() -> None:
    with pytest.raises(UsageError, match="unknown routine 'desk-brake' \\(did you mean desk-break"):
        find_routine("desk-brake")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="routine file not found: .*nope.toml"):
        load_routine(str(tmp_path / "nope.toml"))
