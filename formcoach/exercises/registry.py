"""The exercises formcoach can coach, by name."""

from __future__ import annotations

from collections.abc import Callable

from formcoach.errors import UsageError
from formcoach.exercises.base import Checker
from formcoach.exercises.kneeling_hip_flexor import KneelingHipFlexorChecker
from formcoach.exercises.lunge import LungeChecker

CHECKERS: dict[str, Callable[[], Checker]] = {
    "kneeling-hip-flexor": KneelingHipFlexorChecker,
    "lunge": LungeChecker,
}


def exercise_names() -> tuple[str, ...]:
    return tuple(CHECKERS)


def make_checker(name: str) -> Checker:
    try:
        factory = CHECKERS[name]
    except KeyError:
        raise UsageError(
            f"unknown exercise {name!r}; choose one of: {', '.join(CHECKERS)}"
        ) from None
    return factory()
