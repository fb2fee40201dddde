"""``python -m cliprender [--only NAME ...] [--out DIR] [--jobs N]``: regenerate the clips."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import config
from .errors import CliprenderError

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent.parent / "sample_videos"

logger = logging.getLogger("cliprender")


def _render_one(args: tuple) -> dict:
    sc, out, truth_only = args
    from .render import render_clip

    try:
        return render_clip(sc, out, truth_only=truth_only)
    except CliprenderError:
        raise
    except Exception as e:  # keep going with the other clips; report at the end
        logging.getLogger("cliprender").exception("%s failed", sc.name)
        return {"name": sc.name, "error": f"{type(e).__name__}: {e}"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cliprender", description=__doc__)
    ap.add_argument(
        "--scenarios", type=Path, default=config.DEFAULT_SCENARIOS, help="scenario list (TOML)"
    )
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: sample_videos/)"
    )
    ap.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="render only these scenarios (names or glob patterns)",
    )
    ap.add_argument("--jobs", type=int, default=1, help="clips rendered in parallel (processes)")
    ap.add_argument("--list", action="store_true", help="list scenario names and exit")
    ap.add_argument(
        "--truth-only",
        action="store_true",
        help="rewrite NAME.truth.csv and NAME.expect.toml only (no rendering; seconds per clip)",
    )
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(message)s",
        datefmt="%H:%M:%S",
    )
    os.environ.setdefault("LP_NUM_THREADS", "1")
    try:
        scenarios = config.load(args.scenarios)
        if args.only:
            scenarios = config.select(scenarios, args.only)
        if args.list:
            for s in scenarios:
                print(s.name)
            return 0
        jobs = [(s, args.out, args.truth_only) for s in scenarios]
        failed = []

        def report(rep: dict) -> None:
            if "error" in rep:
                failed.append(rep["name"])
                logger.error("FAILED %(name)s: %(error)s", rep)
            else:
                logger.info(
                    "wrote %(name)s: %(frames)d frames, %(bytes)d bytes, %(render_s)s s", rep
                )

        if args.jobs > 1:
            with ProcessPoolExecutor(max_workers=args.jobs) as ex:
                for rep in ex.map(_render_one, jobs):
                    report(rep)
        else:
            for j in jobs:
                report(_render_one(j))
        if failed:
            print(f"cliprender: {len(failed)} clip(s) failed: {failed}", file=sys.stderr)
            return 1
    except CliprenderError as e:
        print(f"cliprender: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
