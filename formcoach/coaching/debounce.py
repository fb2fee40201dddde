"""Hysteresis on a yes/no signal over time: the shared idea behind fault onset,
hold entry and exit.

A state flips on only after the raw signal has stayed on for `on_after_s`,
and back off after it has stayed off for `off_after_s`. Time comes from the
caller (frame timestamps), never from the clock.
"""

from __future__ import annotations


class Debounced:
    def __init__(self, on_after_s: float, off_after_s: float) -> None:
        self.on_after_s = on_after_s
        self.off_after_s = off_after_s
        self.state = False
        self.changed_at_s: float | None = None
        self._pending_since: float | None = None

    def update(self, raw: bool, time_s: float) -> bool:
        """Feed one sample; returns the debounced state."""
        if raw == self.state:
            self._pending_since = None
            return self.state
        if self._pending_since is None:
            self._pending_since = time_s
        wait = self.on_after_s if raw else self.off_after_s
        if time_s - self._pending_since >= wait:
            self.state = raw
            # The change is dated to when the raw signal changed, not when it was confirmed.
            self.changed_at_s = self._pending_since
            self._pending_since = None
        return self.state

    def reset(self) -> None:
        self.state = False
        self.changed_at_s = None
        self._pending_since = None


class DebouncedSet:
    """Debounces a set of codes at once (e.g. the faults present in a frame)."""

    def __init__(self, on_after_s: float, off_after_s: float) -> None:
        self.on_after_s = on_after_s
        self.off_after_s = off_after_s
        self._items: dict[str, Debounced] = {}

    def update(self, raw: set[str] | frozenset[str], time_s: float) -> frozenset[str]:
        for code in raw:
            if code not in self._items:
                self._items[code] = Debounced(self.on_after_s, self.off_after_s)
        return frozenset(
            code for code, item in self._items.items() if item.update(code in raw, time_s)
        )

    def since(self, code: str) -> float | None:
        item = self._items.get(code)
        return item.changed_at_s if item and item.state else None
