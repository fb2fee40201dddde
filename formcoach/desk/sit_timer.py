"""How long someone has been sitting, their breaks, and when to remind them (pure).

Fed one posture per sample with the sample's time (frame time, never the
wall clock), so a video can stand in for a working day and the limits can be
compressed for a test. The rules:
- a posture counts once it has lasted `confirm_s` (a glance down or a lean is
  not standing up); "unclear" samples leave the state as it was;
- sitting time adds up while sitting; standing or being away for a moment
  (under `break_s`) pauses it but does not reset it;
- up for `break_s` or longer is a break: the sitting clock starts again;
- at `sit_limit_s` of sitting comes a reminder, then again every `remind_every_s`
  of further sitting until a break.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from formcoach.desk.posture import Posture

State = Literal["unknown", "sitting", "up"]
EventKind = Literal["sat_down", "stood_up", "reminder", "break"]
MAX_GAP_S = 5.0  # a longer gap between samples (a stalled camera) counts as this long


@dataclass(frozen=True)
class SitSettings:
    """Notes: the articles advise getting up for 2-3 minutes every 30 minutes; a minute up
    is counted as a break (enough to walk about and stretch)."""

    sit_limit_s: float = 30 * 60.0
    break_s: float = 60.0
    confirm_s: float = 3.0
    remind_every_s: float = 5 * 60.0


@dataclass(frozen=True)
class DeskEvent:
    time_s: float
    kind: EventKind
    sat_s: float  # sitting time in the current spell when it happened


@dataclass
class SitSpell:
    """A stretch of sitting between breaks (short stands inside it do not end it)."""

    start_s: float
    end_s: float | None = None
    sat_s: float = 0.0
    reminders: int = 0


@dataclass
class DeskTotals:
    sitting_s: float = 0.0
    up_s: float = 0.0  # standing or away
    unknown_s: float = 0.0  # before the first posture was confirmed
    stand_ups: int = 0
    breaks: int = 0
    reminders: int = 0
    spells: list[SitSpell] = field(default_factory=list)


class SitTimer:
    def __init__(self, settings: SitSettings = SitSettings()) -> None:
        self.settings = settings
        self.state: State = "unknown"
        self.totals = DeskTotals()
        self.events: list[DeskEvent] = []
        self.spell: SitSpell | None = None
        self._last_t: float | None = None
        self._pending: State | None = None
        self._pending_since: float | None = None
        self._up_since: float | None = None
        self._next_reminder_s = settings.sit_limit_s

    @property
    def sat_s(self) -> float:
        """Sitting time in the current spell (0 after a break)."""
        return self.spell.sat_s if self.spell else 0.0

    def update(self, time_s: float, posture: Posture) -> list[DeskEvent]:
        """Feed one sample; returns the events it brought (stood up, reminder, ...)."""
        dt = 0.0 if self._last_t is None else min(max(0.0, time_s - self._last_t), MAX_GAP_S)
        self._last_t = time_s
        self._add_time(dt)
        events: list[DeskEvent] = []
        raw: State | None = (
            "sitting" if posture == "sitting" else "up" if posture in ("standing", "away") else None
        )
        old = self.state
        changed_at = self._confirm(raw, time_s)
        if changed_at is not None:
            # The time counted as the old state while the new one waited to be confirmed
            # was the new one's.
            moved = time_s - changed_at
            self._add_time(-moved, old)
            events += self._change(changed_at)
            self._add_time(moved)
        if self.state == "up" and self.spell is not None and self._up_since is not None:
            if time_s - self._up_since >= self.settings.break_s:
                events += self._take_break(time_s)
        if self.state == "sitting" and self.spell is not None:
            if self.spell.sat_s >= self._next_reminder_s:
                self.spell.reminders += 1
                self.totals.reminders += 1
                self._next_reminder_s += self.settings.remind_every_s
                events.append(DeskEvent(time_s, "reminder", self.spell.sat_s))
        self.events += events
        return events

    def finish(self, time_s: float) -> None:
        if self.spell is not None and self.spell.end_s is None:
            self.spell.end_s = time_s

    # -- steps -------------------------------------------------------------------
    def _add_time(self, dt: float, state: State | None = None) -> None:
        state = state or self.state
        if state == "sitting":
            self.totals.sitting_s += dt
            if self.spell is not None:
                self.spell.sat_s += dt
        elif state == "up":
            self.totals.up_s += dt
        else:
            self.totals.unknown_s += dt

    def _confirm(self, raw: State | None, time_s: float) -> float | None:
        """The time the state changed, once a new posture has lasted `confirm_s`."""
        if raw is None:
            return None  # unclear: keep the state, and whatever is pending
        if raw == self.state:
            self._pending = self._pending_since = None
            return None
        if raw != self._pending:
            self._pending, self._pending_since = raw, time_s
        assert self._pending_since is not None
        if time_s - self._pending_since < self.settings.confirm_s:
            return None
        since = self._pending_since
        self.state, self._pending, self._pending_since = raw, None, None
        return since

    def _change(self, since: float) -> list[DeskEvent]:
        if self.state == "sitting":
            self._up_since = None
            if self.spell is None:
                self.spell = SitSpell(start_s=since)
                self.totals.spells.append(self.spell)
            return [DeskEvent(since, "sat_down", self.sat_s)]
        self._up_since = since
        if self.spell is None:
            return []
        self.totals.stand_ups += 1
        return [DeskEvent(since, "stood_up", self.sat_s)]

    def _take_break(self, time_s: float) -> list[DeskEvent]:
        assert self.spell is not None and self._up_since is not None
        spell, self.spell = self.spell, None
        spell.end_s = self._up_since
        self.totals.breaks += 1
        self._next_reminder_s = self.settings.sit_limit_s
        return [DeskEvent(time_s, "break", spell.sat_s)]
