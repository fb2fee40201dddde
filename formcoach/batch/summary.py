"""The batch summary: one row per video, as summary.csv and summary.html (pure: no files).

A row is built from the video's report.json when there is one (a finished,
interrupted, or personless analysis still writes it), else from what went
wrong. The CSV is for a spreadsheet or a script, the page for a person:
the same columns, each video linked to its own report.html.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from formcoach import __version__
from formcoach.reporting.markup import Html, esc, join, page, table, tag

Status = Literal["ok", "failed", "interrupted", "not started", "pending"]
SIDES = ("left", "right", "both")  # "both": a bilateral exercise (a glute bridge)

CSV_COLUMNS = (
    "video",
    "exercise",
    "status",
    "duration_s",
    "frames",
    "pose_found_pct",
    "view",
    "cues",
    "cue_codes",
    "reps_left",
    "reps_right",
    "reps_both",
    "good_form_s_left",
    "good_form_s_right",
    "good_form_s_both",
    "output",
    "error",
)


@dataclass(frozen=True)
class VideoResult:
    """What one video of a batch came to."""

    video: Path
    exercise: str
    status: Status
    out_dir: Path | None = None  # None when nothing was written
    error: str = ""  # one line, for a failed or interrupted video
    duration_s: float | None = None
    frames: int | None = None
    pose_coverage: float | None = None  # 0..1
    view: str | None = None
    cue_codes: tuple[str, ...] = ()  # every cue given, in order
    counting: str | None = None  # "reps" or "hold"
    reps: Mapping[str, int] = field(default_factory=dict)
    good_form_s: Mapping[str, float] = field(default_factory=dict)

    @property
    def has_report(self) -> bool:
        return self.frames is not None


def result_from_report(
    video: Path,
    out_dir: Path,
    report: Mapping[str, Any],
    status: Status = "ok",
    error: str = "",
) -> VideoResult:
    """A row from a report.json (schema_version 1)."""
    summary = report.get("summary", {})
    return VideoResult(
        video=video,
        exercise=exercise_of(report),
        status=status,
        out_dir=out_dir,
        error=error,
        duration_s=report["source"]["duration_s"],
        frames=report["source"]["frames"],
        pose_coverage=report["pose_coverage"],
        view=report["view"]["kind"],
        cue_codes=tuple(c["code"] for c in report["cues"]),
        counting=report.get("targets", {}).get("counting"),
        reps=dict(summary.get("reps", {})),
        good_form_s={k: v for k, v in summary.get("good_form_s", {}).items() if v is not None},
    )


def exercise_of(report: Mapping[str, Any]) -> str:
    """The report's exercise; with `--exercise auto`, the main one and any others recognised.

    A recognised video's report reads like one of its main exercise (the one
    done longest) and lists every part in `segments`.
    """
    main = report["exercise"]
    others = dict.fromkeys(
        s["exercise"] for s in report.get("segments", []) if s["exercise"] != main
    )
    return f"{main} (also {', '.join(others)})" if others else main


def result_without_report(
    video: Path, exercise: str, status: Status, error: str = "", out_dir: Path | None = None
) -> VideoResult:
    """A row for a video that left no report: unreadable, never started, still pending."""
    return VideoResult(video=video, exercise=exercise, status=status, out_dir=out_dir, error=error)


def cue_counts(result: VideoResult) -> str:
    """`lower_back_arch x2; trunk_lean_forward x1`, in the order first given."""
    return "; ".join(f"{code} x{n}" for code, n in Counter(result.cue_codes).items())


def describe_result(result: VideoResult) -> str:
    """A few words for a progress line: `42 s video, 3 cues` ("" without a report)."""
    if not result.has_report:
        return ""
    cues = len(result.cue_codes)
    return f"{result.duration_s:.0f} s video, {cues} cue{'' if cues == 1 else 's'}"


def _hold_seconds(result: VideoResult) -> Mapping[str, float]:
    # A rep exercise has no holds: its zero seconds would read as "no good form".
    return result.good_form_s if result.counting == "hold" else {}


def _output_name(result: VideoResult, base: Path) -> str:
    if result.out_dir is None:
        return ""
    try:
        return result.out_dir.relative_to(base).as_posix()
    except ValueError:
        return str(result.out_dir)


def _number(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def csv_row(result: VideoResult, base: Path) -> dict[str, str]:
    """One summary.csv row; `output` is relative to `base`, the summary's folder."""
    holds = _hold_seconds(result)
    row = {
        "video": str(result.video),
        "exercise": result.exercise,
        "status": result.status,
        "duration_s": _number(result.duration_s, 2),
        "frames": "" if result.frames is None else str(result.frames),
        "pose_found_pct": _number(
            None if result.pose_coverage is None else 100 * result.pose_coverage, 1
        ),
        "view": result.view or "",
        "cues": str(len(result.cue_codes)) if result.has_report else "",
        "cue_codes": cue_counts(result),
        "output": _output_name(result, base),
        "error": result.error,
    }
    for side in SIDES:
        reps = result.reps.get(side)
        row[f"reps_{side}"] = "" if reps is None else str(reps)
        row[f"good_form_s_{side}"] = _number(holds.get(side), 1)
    return {column: row[column] for column in CSV_COLUMNS}


def summary_csv(results: Sequence[VideoResult], base: Path) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_row(r, base) for r in results)
    return buffer.getvalue()


def status_counts(results: Sequence[VideoResult]) -> str:
    """`8 ok, 1 failed, 1 interrupted`: each status present, ok first."""
    counts = Counter(r.status for r in results)
    order = ("ok", "failed", "interrupted", "not started", "pending")
    return ", ".join(f"{counts[s]} {s}" for s in order if counts[s])


def render_summary(
    results: Sequence[VideoResult],
    base: Path,
    started_at: datetime,
    exercise: str,
    finished: bool = True,
) -> Html:
    """summary.html: the batch at a glance, each video linked to its report.html.

    `exercise` is what the batch was asked for (`auto`: recognised per video).
    """
    when = started_at.strftime("%Y-%m-%d %H:%M")
    state = "" if finished else " Still running: this page is rewritten as videos finish."
    rows = [_html_row(r, base) for r in results]
    # The page folds `output` under the video and `error` under the status, to fit.
    headers = [
        "video, output folder",
        "exercise",
        "status",
        "length",
        "frames",
        "pose",
        "view",
        "cues",
        "reps",
        "good form (s)",
    ]
    body = join(
        [
            tag("h1", f"formcoach: {len(results)} videos"),
            tag(
                "p",
                f"Analysed {when}; --exercise {exercise}; {status_counts(results)}.{state}",
                class_="sub",
            ),
            Html('<div style="overflow-x:auto; font-size:13px">')
            + table(headers, rows, numeric=(3, 4, 5, 8, 9)),
            Html("</div>"),
            tag(
                "p",
                "Reps and good-form hold seconds are per side, left / right; both legs "
                "together (a bilateral exercise) show as one number. Reps of a hold "
                "exercise count the holds that reached their target.",
                class_="muted",
            ),
            tag(
                "footer",
                f"formcoach {__version__}. The same table as data: summary.csv in this folder.",
            ),
        ]
    )
    return page("formcoach batch summary", body, generator=f"formcoach {__version__}")


def _per_side(values: Mapping[str, float], digits: int) -> str:
    if "both" in values:
        return _number(values["both"], digits)
    if not values:
        return ""
    return " / ".join(_number(values.get(s), digits) or "-" for s in ("left", "right"))


def _html_row(result: VideoResult, base: Path) -> list[object]:
    name = result.video.name or str(result.video)
    output = _output_name(result, base)
    report = f"{output}/report.html" if result.has_report and output else None
    video = tag("a", name, href=report, title=str(result.video)) if report else esc(name)
    if output:
        video = join([video, Html("<br>"), tag("small", f"{output}/", class_="muted")])
    status_class = {"ok": "ok", "failed": "bad", "interrupted": "bad"}.get(result.status)
    status = tag("span", result.status, class_=status_class)
    if result.error:
        reason = tag("small", result.error, style="display:inline-block; min-width:12em")
        status = join([status, Html("<br>"), reason])
    cues: object = ""
    if result.has_report:
        codes = cue_counts(result)
        count = esc(len(result.cue_codes))
        cues = join([count, Html("<br>"), tag("small", codes)]) if codes else count
    return [
        video,
        result.exercise,
        status,
        "" if result.duration_s is None else f"{result.duration_s:.1f} s",
        "" if result.frames is None else result.frames,
        "" if result.pose_coverage is None else f"{result.pose_coverage:.0%}",
        result.view or "",
        cues,
        _per_side({k: float(v) for k, v in result.reps.items()}, 0),
        _per_side(_hold_seconds(result), 1),
    ]
