"""What every exercise declares, and the checker interface the coach runs."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Literal

from formcoach.coaching.checks import Assessment, Check
from formcoach.coaching.holds import Hold
from formcoach.coaching.reps import Rep, RepCounter, RepTracker
from formcoach.core.landmarks import Landmark
from formcoach.core.pose import Pose
from formcoach.core.view import ViewKind

Counting = Literal["hold", "reps"]
# Upright exercises are judged along the direction the person faces; floor
# exercises (lying, on hands and knees) along the direction the head points.
Posture = Literal["upright", "floor"]


def limit(
    default: float, help: str, low: float, high: float, *, faults: tuple[str, ...] = ()
) -> Any:
    """A threshold field: its default, what it means, and the range a user may set.

    `faults` names the fault codes this threshold decides, so that
    `formcoach exercises NAME` can show each check beside its numbers.
    """
    return field(default=default, metadata={"help": help, "range": (low, high), "faults": faults})


@dataclass(frozen=True)
class ExerciseSpec:
    name: str
    title: str
    summary: str
    view: ViewKind  # the camera view the checks need
    counting: Counting
    side_meaning: str  # what "side" names, e.g. "the kneeling leg"
    cue_texts: dict[str, str]
    priority: tuple[str, ...]  # form-fault codes, most urgent first
    hold_target_s: float = 0.0  # a hold is complete at this many good-form seconds
    sets_per_side: int = 0  # target holds (or reps) per side
    required: tuple[Landmark, ...] = ()
    posture: Posture = "upright"
    needs_mask: bool = False  # the checks read the segmentation mask (the back outline)
    # Both legs work at once (a glute bridge): holds and reps have the side
    # "both" (the checker's working_leg), never left or right.
    bilateral: bool = False
    # A hold ends once the person has been out of position this long: a wobble
    # does not end a stretch, but a bridge lowered to the floor is a rep done.
    hold_ends_after_s: float = 1.5
    # How long a cue judged at a rep's end shows (None: CueTiming.flash_s). A rep
    # quicker than that merges its cue with the last one's; a bird-dog's reps
    # (~2 s) each get their own.
    rep_cue_s: float | None = None
    # Form is judged only once the position has been held this long: stepping
    # into a staggered stance bends the moving leg on its way back.
    settle_s: float = 0.0


@dataclass(frozen=True)
class Findings:
    """An assessment's conclusion: report.json keys and the sentences a person reads."""

    report: dict[str, Any]
    lines: tuple[str, ...]


@dataclass(frozen=True)
class RelativeLimit:
    """A check judged against the person's own settled baseline of a measure.

    A fault when the measure rises more than `rise` over the baseline, or
    passes `ceiling` whatever the baseline (someone arched from the start
    sets an arched baseline). A fault the checker itself reports under the
    same code (e.g. a landmark proxy) still counts. `settle_s` and `window_s`
    replace the session's defaults for when the baseline is taken: after this
    long in position, over this long (None: the defaults).
    """

    code: str
    measure: str
    rise: float
    ceiling: float
    settle_s: float | None = None
    window_s: float | None = None


def threshold_check(code: str, value: float, limit: float, *, above: bool) -> Check:
    """A fault when `value` is beyond `limit` (above it, or below it)."""
    if value != value:  # NaN: the measure could not be taken
        return Check(code, "silent", reason="landmarks overlap")
    bad = value > limit if above else value < limit
    return Check(code, "fault" if bad else "ok", value=value)


class Checker(ABC):
    """Reads one pose, says what is right and wrong with it.

    A checker is stateless per frame: timing (how long a fault lasts, holds,
    reps, sides) lives in the shared coaching mechanics.
    """

    spec: ExerciseSpec
    measure_names: tuple[str, ...] = ()
    # The frozen dataclass of this exercise's thresholds (fields made with
    # `limit`), which a user's config may override; the checker takes an
    # instance of it as its only constructor argument.
    thresholds_type: type

    # Measures each hold keeps frame by frame, for an assessment that reads
    # them once the position is steady (the Thomas test); none by default.
    hold_measures: tuple[str, ...] = ()

    @abstractmethod
    def assess(self, pose: Pose, facing: int) -> Assessment:
        """Judge one pose; `facing` is +1 (image right) or -1 (image left).

        For an upright exercise `facing` is where the person faces; for a
        floor exercise it is where the head points along the floor.
        """

    def relative_limits(self) -> tuple[RelativeLimit, ...]:
        """Checks the session judges against the person's baseline of a measure."""
        return ()

    def rep_thresholds(self) -> tuple[float, float] | None:
        """(start_below, end_above) for the rep signal, or None for no reps."""
        return None

    def rep_counter(self) -> RepTracker | None:
        """What counts this exercise's reps from `Assessment.rep_signal`, or None.

        A dip below and back above `rep_thresholds()` by default; an exercise
        whose reps are another shape (swings) returns its own counter.
        """
        thresholds = self.rep_thresholds()
        return RepCounter(*thresholds) if thresholds else None

    def rep_faults(self, rep: Rep) -> set[str]:
        """Faults judged over a whole rep (e.g. depth), once it is done."""
        return set()

    def hold_done_text(self, hold: Hold, holds: list[Hold]) -> str | None:
        """What to say once `hold` reaches the target; None: not yet, ask again next frame."""
        return f"{self.spec.hold_target_s:.0f} seconds: well done, release"

    def conclude(self, holds: list[Hold]) -> Findings | None:
        """What an assessment concludes from the session's holds (None for a workout)."""
        return None
