"""Which holds and reps completed since the last look at a session (pure).

A live session saves itself the moment one completes, so a kill loses none
of them. Completed means: a rep counted; a hold ended (the person left the
position); a hold reaching its target (it may go on, but the target is met).
"""

from __future__ import annotations

from formcoach.coaching.checks import SETUP_CODES
from formcoach.coaching.session import SessionRecord


class CompletionWatch:
    def __init__(self, hold_target_s: float = 0.0) -> None:
        self.hold_target_s = hold_target_s
        self._holds_ended: set[int] = set()
        self._holds_on_target: set[int] = set()
        self._reps = 0

    def update(self, record: SessionRecord) -> list[str]:
        """One line per newly completed hold or rep (empty when nothing completed)."""
        lines: list[str] = []
        target = self.hold_target_s
        for i, hold in enumerate(record.holds, 1):
            side = hold.side or "side unknown"
            if target and hold.good_form_s >= target and i not in self._holds_on_target:
                self._holds_on_target.add(i)
                lines.append(f"hold {i} ({side}): target of {target:.0f} s reached")
            if hold.end_s is not None and i not in self._holds_ended:
                self._holds_ended.add(i)
                lines.append(
                    f"hold {i} ({side}) done: {hold.good_form_s:.0f} s of good form"
                    + (f" of {target:.0f}" if target else "")
                )
        for i, rep in enumerate(record.reps[self._reps :], self._reps + 1):
            form_faults = sorted(rep.faults - set(SETUP_CODES))  # not "no_person" and the like
            faults = f", {', '.join(form_faults)}" if form_faults else ""
            lines.append(f"rep {i} ({rep.side or 'side unknown'}){faults}")
        self._reps = len(record.reps)
        return lines
