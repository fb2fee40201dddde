"""The exercises formcoach can coach, by name."""

from __future__ import annotations

from collections.abc import Callable

from formcoach.errors import UsageError
from formcoach.exercises.base import Checker
from formcoach.exercises.bed_stretch import BedStretchChecker
from formcoach.exercises.bird_dog import BirdDogChecker
from formcoach.exercises.config import Config, checker_for
from formcoach.exercises.constructive_rest import ConstructiveRestChecker
from formcoach.exercises.dead_bug import DeadBugChecker
from formcoach.exercises.glute_bridge import GluteBridgeChecker
from formcoach.exercises.kneeling_hip_flexor import KneelingHipFlexorChecker
from formcoach.exercises.leg_swing import LegSwingChecker
from formcoach.exercises.lunge import LungeChecker
from formcoach.exercises.march import MarchChecker
from formcoach.exercises.standing_hip_flexor import StandingHipFlexorChecker
from formcoach.exercises.table_psoas import TablePsoasChecker
from formcoach.exercises.thomas_test import ThomasTestChecker

CHECKERS: dict[str, Callable[[], Checker]] = {
    "kneeling-hip-flexor": KneelingHipFlexorChecker,
    "lunge": LungeChecker,
    "standing-hip-flexor": StandingHipFlexorChecker,
    "march": MarchChecker,
    "leg-swing": LegSwingChecker,
    "table-psoas": TablePsoasChecker,
    "glute-bridge": GluteBridgeChecker,
    "bird-dog": BirdDogChecker,
    "dead-bug": DeadBugChecker,
    "constructive-rest": ConstructiveRestChecker,
    "bed-stretch": BedStretchChecker,
    "thomas-test": ThomasTestChecker,
}


def exercise_names() -> tuple[str, ...]:
    return tuple(CHECKERS)


def make_checker(name: str, config: Config | None = None) -> Checker:
    """The checker of exercise `name`, with what `config` sets for it applied."""
    try:
        factory = CHECKERS[name]
    except KeyError:
        raise UsageError(
            f"unknown exercise {name!r}; choose one of: {', '.join(CHECKERS)} (or auto)"
        ) from None
    return checker_for(name, factory, config)
