"""What the lower-back outline read on each clip: a table for notes and the README.

    python tools/arch_table.py EXERCISE CLIP [CLIP ...]

For each clip: the share of judged frames where the arch depth was read,
its median and 95th percentile (torso lengths), the gates that silenced it
and how often, and whether an arch cue was given.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

from formcoach.coaching.session import CoachSession
from formcoach.exercises.lower_back import ARCH_MEASURE, LOWER_BACK_ARCH
from formcoach.exercises.registry import make_checker
from formcoach.pose.model_store import resolve_model
from formcoach.regression.clips import pose_track


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit("usage: python tools/arch_table.py EXERCISE CLIP [CLIP ...]")
    exercise, clips = sys.argv[1], [Path(p) for p in sys.argv[2:]]
    model = resolve_model("full")
    print("| clip | frames checked | arch read | median (L) | p95 (L) | gated because | arch cue |")
    print("|---|---|---|---|---|---|---|")
    for clip in clips:
        session = CoachSession(make_checker(exercise))
        values, reasons, checked = [], Counter(), 0
        for frame in pose_track(clip, model, masks=True):
            a = session.process(frame).assessment
            arch = [c for c in a.checks if c.code == LOWER_BACK_ARCH]
            if not arch:
                continue
            checked += 1
            if ARCH_MEASURE in a.measures:
                values.append(a.measures[ARCH_MEASURE])
            reasons.update(c.reason for c in arch if c.status == "silent" and c.reason)
        record = session.finish()
        cued = any(c.code == LOWER_BACK_ARCH for c in record.cues)
        med = f"{np.median(values):.3f}" if values else "-"
        p95 = f"{np.percentile(values, 95):.3f}" if values else "-"
        share = f"{len(values) / checked:.0%}" if checked else "-"
        gates = "; ".join(f"{r} ({n})" for r, n in reasons.most_common()) or "-"
        print(
            f"| {clip.name} | {checked} | {share} | {med} | {p95} | {gates} | "
            f"{'yes' if cued else 'no'} |"
        )


if __name__ == "__main__":
    main()
