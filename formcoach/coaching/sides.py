"""Which side (leg) a hold or rep belongs to, decided by a vote over its frames.

MediaPipe swaps the left and right labels for a few frames now and then
(pose-quirks.md); a single frame's label is never trusted, the majority is.
"""

from __future__ import annotations

from collections import Counter

# The side of a hold or rep of a bilateral exercise (a glute bridge): both legs at once.
BOTH = "both"


class SideVote:
    def __init__(self) -> None:
        self._votes: Counter[str] = Counter()

    def add(self, side: str | None, weight: float = 1.0) -> None:
        """One frame's vote; `weight` below 1 for a frame whose label is less sure."""
        if side is not None:
            self._votes[side] += weight

    @property
    def winner(self) -> str | None:
        if not self._votes:
            return None
        (side, _), *rest = self._votes.most_common()
        if rest and rest[0][1] == self._votes[side]:
            return None
        return side

    def reset(self) -> None:
        self._votes.clear()
