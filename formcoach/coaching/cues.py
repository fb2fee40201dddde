"""Turning faults into cues a person can follow: one at a time, by priority.

Rules (norfair-style hysteresis, named):
- a fault is cued only once it has lasted `onset_s` (a glitch is never cued);
- one cue at a time: the highest-priority eligible fault; a set-up problem
  (nobody in frame, wrong view) outranks any form fault and pre-empts it;
- a cue ends when its fault is fixed, and the fix is acknowledged ("Good");
- after a cue ends the same fault waits `cooldown_s` before it is cued again,
  so a fault hovering at its threshold does not chatter;
- a cue that stays active is repeated every `repeat_s`;
- a fault judged at the end of a rep (e.g. "go lower") is a one-shot cue
  shown for `flash_s`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EventKind = Literal["cue", "repeat", "end", "ack"]


@dataclass(frozen=True)
class CueTiming:
    onset_s: float = 0.8
    cooldown_s: float = 2.0
    repeat_s: float = 10.0
    flash_s: float = 2.5
    ack_s: float = 1.5


@dataclass
class Cue:
    code: str
    text: str
    side: str | None
    start_s: float
    fault_start_s: float
    end_s: float | None = None
    one_shot: bool = False
    last_spoken_s: float = field(default=0.0, repr=False)


@dataclass(frozen=True)
class CueEvent:
    kind: EventKind
    time_s: float
    text: str
    code: str | None = None


class CueScheduler:
    def __init__(
        self,
        texts: dict[str, str],
        priority: tuple[str, ...],
        timing: CueTiming = CueTiming(),
        ack_text: str = "Good, that's it",
    ) -> None:
        self.texts = texts
        self.rank = {code: i for i, code in enumerate(priority)}
        self.timing = timing
        self.ack_text = ack_text
        self.current: Cue | None = None
        self.history: list[Cue] = []
        self.ack_until_s: float = -1.0
        self.last_ack: str | None = None
        self._cooldown_until: dict[str, float] = {}

    def rank_of(self, code: str) -> int:
        return self.rank.get(code, len(self.rank))

    def text_for(self, code: str) -> str:
        return self.texts.get(code, code.replace("_", " "))

    def update(
        self, time_s: float, present_since: dict[str, float], side: str | None
    ) -> list[CueEvent]:
        """Advance to `time_s`. `present_since` maps each present fault to when it began."""
        events: list[CueEvent] = []
        cur = self.current
        if cur is not None:
            fixed = (
                time_s - cur.start_s >= self.timing.flash_s
                if cur.one_shot
                else cur.code not in present_since
            )
            if fixed:
                events.append(self._end(time_s, acknowledge=not cur.one_shot))
                cur = None
        eligible = [
            code
            for code, since in present_since.items()
            if time_s - since >= self.timing.onset_s
            and time_s >= self._cooldown_until.get(code, -1.0)
        ]
        best = min(eligible, key=self.rank_of, default=None)
        if best is not None and (cur is None or self.rank_of(best) < self.rank_of(cur.code)):
            if cur is not None:
                events.append(self._end(time_s, acknowledge=False))
            events.append(self._start(best, time_s, present_since[best], side))
        elif (
            cur is not None
            and not cur.one_shot
            and time_s - cur.last_spoken_s >= self.timing.repeat_s
        ):
            cur.last_spoken_s = time_s
            events.append(CueEvent("repeat", time_s, cur.text, cur.code))
        return events

    def flash(self, code: str, time_s: float, side: str | None) -> list[CueEvent]:
        """A one-shot cue (judged at a rep's end) unless a more urgent cue is on."""
        events: list[CueEvent] = []
        if self.current is not None:
            if self.rank_of(self.current.code) <= self.rank_of(code) and not self.current.one_shot:
                return events
            events.append(self._end(time_s, acknowledge=False))
        events.append(self._start(code, time_s, time_s, side, one_shot=True))
        return events

    def acknowledge(self, time_s: float, text: str) -> CueEvent:
        self.ack_until_s = time_s + self.timing.ack_s
        self.last_ack = text
        return CueEvent("ack", time_s, text)

    def close(self, time_s: float) -> None:
        """End whatever cue is on (end of the video or session)."""
        if self.current is not None:
            self._end(time_s, acknowledge=False)

    def ack_showing(self, time_s: float) -> str | None:
        """The acknowledgement on screen now, if any (only while no cue is on)."""
        if self.current is None and time_s < self.ack_until_s:
            return self.last_ack
        return None

    def _start(
        self, code: str, time_s: float, since: float, side: str | None, one_shot: bool = False
    ) -> CueEvent:
        cue = Cue(code, self.text_for(code), side, time_s, since, one_shot=one_shot)
        cue.last_spoken_s = time_s
        self.current = cue
        self.history.append(cue)
        return CueEvent("cue", time_s, cue.text, code)

    def _end(self, time_s: float, acknowledge: bool) -> CueEvent:
        cue = self.current
        assert cue is not None
        cue.end_s = time_s
        self.current = None
        self._cooldown_until[cue.code] = time_s + self.timing.cooldown_s
        if acknowledge:
            return self.acknowledge(time_s, self.ack_text)
        return CueEvent("end", time_s, cue.text, cue.code)
