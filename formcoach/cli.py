"""The `formcoach` command line. Only this module sets up logging and exits."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from formcoach import __version__
from formcoach.errors import FormcoachError

if TYPE_CHECKING:
    from formcoach.core.flip_fusion import FlipTest
    from formcoach.exercises.config import Config

log = logging.getLogger("formcoach")


def _exercise_help() -> str:
    # Not the list itself: importing every checker here would slow every command.
    return "an exercise name; `formcoach exercises` lists them"


def _config_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="TOML file tuning the exercises' thresholds, targets and cue texts "
        "(see examples/formcoach.toml)",
    )


def _flip_flag(p: argparse.ArgumentParser) -> None:
    # The values are core/flip_fusion.FlipTest's, converted by _flip (not imported here: cv2).
    flip = p.add_mutually_exclusive_group()
    flip.add_argument(
        "--flip-test",
        dest="flip_test",
        action="store_const",
        const="every-frame",
        default="lost-legs",
        help="read every frame also mirrored and fuse the two readings (by default only "
        "the frames where MediaPipe has lost a leg are): angles a little closer on most "
        "clips, twice the pose work (README, Accuracy)",
    )
    flip.add_argument(
        "--no-flip-test",
        dest="flip_test",
        action="store_const",
        const="off",
        help="never read the mirrored frame, not even where a leg is lost (faster, less accurate)",
    )


def _flip(args: argparse.Namespace) -> FlipTest:
    from formcoach.core.flip_fusion import FlipTest

    return FlipTest(args.flip_test)


def _config(args: argparse.Namespace) -> Config | None:
    """The user's --config, validated before any work starts."""
    if args.config is None:
        return None
    from formcoach.exercises.config import load_config
    from formcoach.exercises.registry import CHECKERS

    return load_config(args.config, CHECKERS)


def _history_flags(p: argparse.ArgumentParser, *, recording: bool = True) -> None:
    p.add_argument(
        "--history-db",
        type=Path,
        metavar="PATH",
        help="session history file (default: $FORMCOACH_HISTORY_DB, else "
        "$XDG_DATA_HOME/formcoach/history.sqlite3)",
    )
    if recording:
        p.add_argument("--no-history", action="store_true", help="keep nothing in the history")


def _history_db(args: argparse.Namespace) -> Path | None:
    from formcoach.history.location import history_path

    return None if getattr(args, "no_history", False) else history_path(args.history_db)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="formcoach",
        description="A webcam form coach for the hip-flexor routine.",
    )
    p.add_argument("--version", action="version", version=f"formcoach {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser(
        "analyze", help="analyse a recorded video into an annotated video and report"
    )
    a.add_argument(
        "video",
        type=Path,
        nargs="+",
        metavar="VIDEO",
        help="a video file; several, or folders of videos, make a batch with a summary",
    )
    a.add_argument(
        "--exercise",
        "-e",
        default="auto",
        help=_exercise_help() + "; auto (default): recognise which exercise is done when",
    )
    a.add_argument(
        "--out",
        type=Path,
        help="output folder (default: <video stem>_formcoach/); for a batch, the folder "
        "holding one per video and the summary (default: formcoach-batch-<date-time>/)",
    )
    a.add_argument("--model", help="lite, full (default), heavy, or a path to a .task file")
    _flip_flag(a)
    a.add_argument("--no-video", action="store_true", help="skip writing annotated.mp4")
    a.add_argument("--no-progress", action="store_true", help="no progress bar")
    a.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="videos analysed at a time, each in its own process (default 1)",
    )
    _config_flag(a)
    _history_flags(a)

    live = sub.add_parser("live", help="coach live from a camera (or a video played as one)")
    live.add_argument(
        "--exercise",
        "-e",
        default="auto",
        help=_exercise_help() + "; auto (default): recognise it and follow changes",
    )
    src = live.add_mutually_exclusive_group()
    src.add_argument("--camera", type=int, default=0, help="camera index (default 0)")
    src.add_argument("--source", type=Path, help="a video file played at its own frame rate")
    live.add_argument("--loop", action="store_true", help="loop --source forever")
    live.add_argument("--model", help="lite, full (default), heavy, or a path to a .task file")
    _flip_flag(live)
    live.add_argument("--no-voice", action="store_true", help="on-screen cues only")
    live.add_argument("--no-window", action="store_true", help="run headless")
    live.add_argument(
        "--out", type=Path, help="session record folder (default: formcoach-live-<date-time>/)"
    )
    live.add_argument("--duration", type=float, help="stop after this many seconds")
    _config_flag(live)
    _history_flags(live)

    r = sub.add_parser("routine", help="a guided routine: exercises in order, sides, rests")
    r.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="a shipped routine (default: default) or the path of your own .toml",
    )
    r.add_argument("--list", action="store_true", help="list the shipped routines")
    _source_flags(r, "videos played one after another in place of a camera")
    r.add_argument("--model", help="lite, full (default), heavy, or a path to a .task file")
    r.add_argument("--no-voice", action="store_true", help="on-screen instructions only")
    r.add_argument("--no-window", action="store_true", help="run headless")
    r.add_argument(
        "--out", type=Path, help="record folder (default: formcoach-routine-<date-time>/)"
    )
    r.add_argument("--duration", type=float, help="stop after this many seconds")
    _config_flag(r)
    _history_flags(r)

    d = sub.add_parser("desk", help="watch while you work; remind you to stand up and move")
    _source_flags(d, "a video in place of the camera")
    d.add_argument(
        "--sit-minutes", type=float, default=30.0, help="remind after this long sitting (30)"
    )
    d.add_argument(
        "--break-minutes",
        type=float,
        default=1.0,
        help="up this long counts as a break: the sitting clock starts again (1)",
    )
    d.add_argument(
        "--remind-every", type=float, default=5.0, metavar="MINUTES",
        help="remind again after this much more sitting (5)",
    )  # fmt: skip
    d.add_argument(
        "--rate", type=float, default=1.0, metavar="HZ", help="frames looked at per second (1)"
    )
    d.add_argument("--model", default="lite", help="lite (default), full, heavy, or a .task path")
    d.add_argument(
        "--break-routine",
        action="store_true",
        help="start the desk-break routine when you stand up after a reminder",
    )
    d.add_argument("--no-voice", action="store_true", help="no spoken reminder")
    d.add_argument("--no-notify", action="store_true", help="no desktop notice (terminal only)")
    d.add_argument("--out", type=Path, help="record folder (default: formcoach-desk-<date-time>/)")
    d.add_argument("--duration", type=float, help="stop after this many seconds")
    _config_flag(d)
    _history_flags(d)

    m = sub.add_parser("models", help="show installed pose models, build missing ones")
    m.add_argument(
        "--build",
        nargs="*",
        metavar="VARIANT",
        help="build these variants (lite, full, heavy; default: full)",
    )
    m.add_argument("--force", action="store_true", help="rebuild even if present")

    ex = sub.add_parser("exercises", help="what each exercise checks, its camera view, counts")
    ex.add_argument("name", nargs="?", metavar="NAME", help="one exercise in detail")
    _config_flag(ex)
    ex.add_argument(
        "--example-config",
        action="store_true",
        help="print a commented config file with every key at its default",
    )

    h = sub.add_parser("history", help="recent sessions; --plot writes a progress page")
    h.add_argument("--limit", type=int, default=20, help="sessions to list (default 20, 0: all)")
    h.add_argument("--exercise", "-e", help="only this exercise")
    h.add_argument(
        "--plot",
        nargs="?",
        const=Path("formcoach-progress.html"),
        type=Path,
        metavar="FILE",
        help="write an HTML progress page (default FILE: formcoach-progress.html)",
    )
    _history_flags(h, recording=False)

    acc = sub.add_parser("accuracy", help="measured angles against the truth of rendered clips")
    acc.add_argument("folder", type=Path, nargs="?", default=Path("sample_videos"))
    acc.add_argument(
        "--models",
        nargs="+",
        default=["full"],
        metavar="MODEL",
        help="lite, full, heavy (default: full)",
    )
    _flip_flag(acc)

    c = sub.add_parser("check-clips", help="run the coach on labelled clips and check each one")
    c.add_argument(
        "folder",
        type=Path,
        nargs="?",
        default=Path("sample_videos"),
        help="folder of clips with NAME.expect.toml beside them (default sample_videos/)",
    )
    c.add_argument("--model", help="lite, full (default), heavy, or a path to a .task file")
    c.add_argument("--exercise", "-e", help="exercise for clips without an expectation file")
    c.add_argument("--only", nargs="*", metavar="NAME", help="only clips whose name contains one")
    c.add_argument("--no-cache", action="store_true", help="ignore cached landmarks")
    _flip_flag(c)
    _config_flag(c)
    return p


def main(argv: list[str] | None = None) -> int:
    # OpenCV and MediaPipe write their own diagnostics to stderr; a user gets ours.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "OFF")
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
    os.environ.setdefault("GLOG_minloglevel", "2")
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except FormcoachError as exc:
        print(f"formcoach: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("formcoach: interrupted", file=sys.stderr)
        return 130


def cmd_analyze(args: argparse.Namespace) -> int:
    from formcoach.analyze import analyze_video
    from formcoach.report import summary_text

    if len(args.video) > 1 or args.video[0].is_dir():
        return _analyze_many(args)
    try:
        out = analyze_video(
            args.video[0],
            args.exercise,
            args.out,
            model=args.model,
            write_video=not args.no_video,
            progress=not args.no_progress,
            config=_config(args),
            history=_history_db(args),
            flip_test=_flip(args),
        )
    except KeyboardInterrupt:
        print("formcoach: interrupted; the results so far are saved", file=sys.stderr)
        return 130
    print(summary_text(out.report))
    print(f"results: {out.folder} (open report.html)")
    return 0


def _analyze_many(args: argparse.Namespace) -> int:
    from formcoach.batch.command import analyze_many
    from formcoach.batch.jobs import BatchOptions

    options = BatchOptions(
        exercise=args.exercise,
        jobs=args.jobs,
        model=args.model,
        write_video=not args.no_video,
        config=_config(args),
        history=_history_db(args),
        flip_test=_flip(args),
    )
    return analyze_many(args.video, options, args.out, progress=not args.no_progress)


def cmd_live(args: argparse.Namespace) -> int:
    from formcoach.live.runner import LiveOptions, run_live

    return run_live(
        LiveOptions(
            exercise=args.exercise,
            camera=args.camera,
            source=args.source,
            loop=args.loop,
            model=args.model,
            voice=not args.no_voice,
            window=not args.no_window,
            out_dir=args.out,
            duration_s=args.duration,
            config=_config(args),
            history=_history_db(args),
            flip_test=_flip(args),
        )
    )


def cmd_models(args: argparse.Namespace) -> int:
    from formcoach.pose import model_store

    if args.build is not None:
        for variant in args.build or [model_store.DEFAULT_VARIANT]:
            path = model_store.build_model(variant, force=args.force)
            print(f"built {variant}: {path}")
    for info in model_store.installed_models():
        size = f"{info.size_bytes / 1e6:.1f} MB" if info.size_bytes else "-"
        print(f"{info.variant:6} {info.status:8} {size:>9}  {info.path}")
    return 0


def cmd_exercises(args: argparse.Namespace) -> int:
    from formcoach.exercises import describe
    from formcoach.exercises.registry import CHECKERS, make_checker

    if args.example_config:
        print(describe.example_config(CHECKERS), end="")
        return 0
    config = _config(args)
    if args.name is None:
        print(describe.describe_all(CHECKERS, config), end="")
        return 0
    make_checker(args.name)  # an unknown name ends here, listing the valid ones
    print(describe.describe_one(args.name, CHECKERS, config), end="")
    return 0


def cmd_accuracy(args: argparse.Namespace) -> int:
    from formcoach.pose.model_store import resolve_model
    from formcoach.regression.accuracy import describe_clip, format_table, run_accuracy, summarise
    from formcoach.regression.clips import find_clips

    clips = find_clips(args.folder)
    models = {name: resolve_model(name) for name in args.models}
    results = run_accuracy(
        clips, models, on_clip=lambda r: print(describe_clip(r)), flip_test=_flip(args)
    )
    if not results:
        raise FormcoachError(f"no clips with ground truth (NAME.truth.csv) in {args.folder}")
    print()
    print(format_table(summarise(results)))
    off = sum(r.legs_off_frames for r in results)
    if off:
        total = sum(r.frames for r in results)
        print(f"\nWithout the {off} of {total} frames whose legs lay off the body's mask:\n")
        print(format_table(summarise(results, on_body=True)))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from formcoach.history.command import show_history
    from formcoach.history.location import history_path

    return show_history(
        history_path(args.history_db), limit=args.limit, exercise=args.exercise, plot=args.plot
    )


def cmd_check_clips(args: argparse.Namespace) -> int:
    from formcoach.pose.model_store import resolve_model
    from formcoach.regression.clips import check_clips, find_clips

    config = _config(args)
    clips = find_clips(args.folder)
    if args.only:
        clips = [c for c in clips if any(o in c.name for o in args.only)]
    if not clips:
        raise FormcoachError(f"no video clips in {args.folder}")
    model = resolve_model(args.model)
    counts: dict[str, int] = {}
    for r in check_clips(
        clips,
        model,
        args.exercise,
        use_cache=not args.no_cache,
        config=config,
        flip_test=_flip(args),
    ):
        counts[r.status] = counts.get(r.status, 0) + 1
        cov = f"pose {r.pose_coverage:.0%}" if r.pose_coverage is not None else ""
        print(f"{r.status:14} {r.clip.name:44} {r.exercise or '-':20} {cov}")
        if r.expected:
            print(f"{'':14} expected: {r.expected}")
        if r.got:
            print(f"{'':14} got:      {r.got}")
        for problem in r.problems:
            print(f"{'':14} - {problem}")
    failed = counts.get("FAIL", 0) + counts.get("error", 0)
    print(
        f"{counts.get('pass', 0)} passed, {failed} failed, "
        f"{counts.get('no checker', 0)} without a checker, "
        f"{counts.get('no expectation', 0)} without expectations"
    )
    return 1 if failed else 0


def _source_flags(p: argparse.ArgumentParser, what: str) -> None:
    src = p.add_mutually_exclusive_group()
    src.add_argument("--camera", type=int, default=0, help="camera index (default 0)")
    src.add_argument("--source", type=Path, nargs="+", metavar="VIDEO", help=what)
    p.add_argument(
        "--unpaced",
        action="store_true",
        help="read --source as fast as it decodes instead of in real time (tests, demos)",
    )


def cmd_routine(args: argparse.Namespace) -> int:
    from formcoach.routine.runner import RoutineOptions, list_routines, run_routine

    if args.list:
        print(list_routines())
        return 0
    return run_routine(
        RoutineOptions(
            routine=args.name,
            camera=args.camera,
            sources=tuple(args.source or ()),
            paced=not args.unpaced,
            model=args.model,
            voice=not args.no_voice,
            window=not args.no_window,
            out_dir=args.out,
            duration_s=args.duration,
            history=_history_db(args),
            config=_config(args),
        )
    )


def cmd_desk(args: argparse.Namespace) -> int:
    from formcoach.desk.runner import DeskOptions, run_desk
    from formcoach.errors import UsageError

    if args.source is not None and len(args.source) > 1:
        raise UsageError("desk watches one video; give one --source")
    for flag in ("sit_minutes", "break_minutes", "remind_every", "rate"):
        if getattr(args, flag) <= 0:
            raise UsageError(f"--{flag.replace('_', '-')} must be above 0")
    return run_desk(
        DeskOptions(
            camera=args.camera,
            source=args.source[0] if args.source else None,
            paced=not args.unpaced,
            rate_hz=args.rate,
            model=args.model,
            sit_minutes=args.sit_minutes,
            break_minutes=args.break_minutes,
            remind_every_minutes=args.remind_every,
            voice=not args.no_voice,
            notify=not args.no_notify,
            break_routine=args.break_routine,
            out_dir=args.out,
            duration_s=args.duration,
            history=_history_db(args),
            config=_config(args),
        )
    )


COMMANDS = {
    "accuracy": cmd_accuracy,
    "check-clips": cmd_check_clips,
    "analyze": cmd_analyze,
    "live": cmd_live,
    "models": cmd_models,
    "exercises": cmd_exercises,
    "history": cmd_history,
    "routine": cmd_routine,
    "desk": cmd_desk,
}


if __name__ == "__main__":
    sys.exit(main())
