"""What a checker says about one frame."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CheckStatus = Literal["fault", "ok", "silent"]

# Set-up codes: the coach cannot judge form until these are resolved.
NO_PERSON = "no_person"
BODY_NOT_VISIBLE = "body_not_visible"
TURN_SIDEWAYS = "turn_sideways"
SETUP_CODES = (NO_PERSON, BODY_NOT_VISIBLE, TURN_SIDEWAYS)


@dataclass(frozen=True)
class Check:
    """One form check on one frame.

    `fault` and `ok` are verdicts; `silent` means the check applies but
    cannot be judged, and `reason` says why (a hidden knee, a view that
    cannot show it). A check that does not apply in this phase of the
    movement (knee position while standing between lunges) is not returned.
    """

    code: str
    status: CheckStatus
    value: float | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Assessment:
    """A checker's reading of one frame.

    `measures` are the named numbers behind the checks (unit-suffixed names,
    e.g. "front_knee_angle_deg"); `working_leg` is the landmark label of the
    leg the exercise works this frame (by geometry); `in_position` says the
    person is in the exercise's hold position; `rep_signal` feeds the rep
    counter (None when the exercise counts no reps or it cannot be measured).
    """

    measures: dict[str, float] = field(default_factory=dict)
    checks: tuple[Check, ...] = ()
    working_leg: str | None = None
    in_position: bool = False
    rep_signal: float | None = None
    anchors: dict[str, int] = field(default_factory=dict)  # measure -> landmark to label it at
    # Landmarks the checks read this frame: the session silences the checks when
    # these cannot be trusted (coaching/trust.py). Empty: no such gate.
    reads: tuple[int, ...] = ()

    @property
    def faults(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.checks if c.status == "fault")
