"""Hold timing: seconds in the position that count only while form is good.

A hold begins once the person has been in position for `enter_after_s` and
ends once they have been out of it for `leave_after_s` (a wobble does not
end it). Good-form seconds accrue from the moment the position was taken,
while no fault is present. A hold also keeps, frame by frame, the measures it
is given (an assessment reads them once the position is steady).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from formcoach.coaching.debounce import Debounced
from formcoach.coaching.sides import SideVote

# A frame with a fault present votes for the hold's side with this weight:
# a faulty pose is often an awkward one, where MediaPipe loses the legs'
# labels (a rendered table stretch folded forward had them swapped for the
# 5 s of the fold, and so for most of the hold), while the frames in good
# form before and after kept them.
FAULTY_FRAME_VOTE = 0.1
MAX_FRAME_GAP_S = 0.25  # a longer gap between frames (dropped frames) counts as this long


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


@dataclass
class Hold:
    start_s: float
    end_s: float | None = None
    good_form_s: float = 0.0
    faults: set[str] = field(default_factory=set)
    votes: SideVote = field(default_factory=SideVote, repr=False)
    # (time, measures) of the in-position frames, when measures were given
    samples: list[tuple[float, dict[str, float]]] = field(default_factory=list, repr=False)

    @property
    def side(self) -> str | None:
        return self.votes.winner


class HoldTracker:
    def __init__(self, enter_after_s: float = 1.0, leave_after_s: float = 1.5) -> None:
        self._position = Debounced(enter_after_s, leave_after_s)
        self._last_time: float | None = None
        self._pending_good_s = 0.0
        self._pending_votes = SideVote()
        self._pending_samples: list[tuple[float, dict[str, float]]] = []
        self.current: Hold | None = None
        self.holds: list[Hold] = []

    def update(
        self,
        time_s: float,
        in_position: bool,
        working_leg: str | None,
        faults: frozenset[str],
        measures: Mapping[str, float] | None = None,
    ) -> tuple[Hold | None, Hold | None]:
        """Feed one frame; returns (hold started, hold ended) for this frame.

        `measures`, if given, are kept with the hold for each in-position frame.
        """
        dt = 0.0 if self._last_time is None else min(time_s - self._last_time, MAX_FRAME_GAP_S)
        self._last_time = time_s
        was_holding = self._position.state
        holding = self._position.update(in_position, time_s)
        started = ended = None
        if holding and not was_holding:
            started = Hold(start_s=_or(self._position.changed_at_s, time_s))
            started.good_form_s = self._pending_good_s
            started.votes = self._pending_votes
            started.samples = self._pending_samples
            self._pending_good_s, self._pending_votes = 0.0, SideVote()
            self._pending_samples = []
            self.current = started
            self.holds.append(started)
        elif was_holding and not holding and self.current is not None:
            self.current.end_s = _or(self._position.changed_at_s, time_s)
            ended, self.current = self.current, None
        weight = FAULTY_FRAME_VOTE if faults else 1.0
        if self.current is not None:
            if in_position:
                self.current.votes.add(working_leg, weight)
                self.current.faults |= faults
                if measures is not None:
                    self.current.samples.append((time_s, dict(measures)))
                if not faults:
                    self.current.good_form_s += dt
        elif in_position:
            # Not confirmed yet: keep what this frame would add, in case it is.
            self._pending_votes.add(working_leg, weight)
            if measures is not None:
                self._pending_samples.append((time_s, dict(measures)))
            if not faults:
                self._pending_good_s += dt
        else:
            self._pending_good_s = 0.0
            self._pending_votes = SideVote()
            self._pending_samples = []
        return started, ended

    def close(self, time_s: float) -> None:
        if self.current is not None:
            self.current.end_s = time_s
            self.current = None
