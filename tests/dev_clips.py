"""Running the coach on the real clips of ../shared/clips/dev/ (tests skip without them).

Nothing from these clips is stored in the repository; landmarks are cached
outside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from formcoach.pose import model_store
from formcoach.regression.clips import check_clip

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "clips" / "dev"

ON_DEV_CLIPS = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEV.is_dir(), reason="../shared/clips/dev is not here"),
]


def run(clip: str, exercise: str) -> dict:
    """The report of `clip` coached as `exercise` with the full model."""
    result = check_clip(DEV / clip, model_store.resolve_model("full"), exercise)
    assert result.report is not None, result.problems
    return result.report
