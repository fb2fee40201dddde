"""The hook `analyze` and `live` call to leave a report.html beside report.json.

    page = ReportCollector(checker, "analysis", started_at)
    for frame, result in coach_frames(...):
        page.add(frame, result)          # measures, fault periods, cue thumbnails
    ...
    page.write(folder, report)           # report.html, in one step

Per frame it appends a few floats and looks at the frame's events; a
thumbnail is drawn only when a cue starts.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from formcoach.coaching.session import FrameResult
from formcoach.exercises.base import Checker
from formcoach.io.records import write_text_atomic
from formcoach.reporting.guides import plots_for
from formcoach.reporting.report_page import ReportContext, render_report
from formcoach.reporting.series import SessionSeries
from formcoach.reporting.thumbnails import CueThumbnails

log = logging.getLogger(__name__)

REPORT_HTML = "report.html"


class ReportCollector:
    def __init__(self, checker: Checker, mode: str, started_at: datetime) -> None:
        self.title = checker.spec.title
        self.mode = mode
        self.started_at = started_at
        self.plots = plots_for(checker)
        measures = [p.measure for p in self.plots]
        measures += [p.baseline[0] for p in self.plots if p.baseline is not None]
        self.series = SessionSeries(measures)
        self.thumbnails = CueThumbnails(checker.spec)

    def add(self, frame: np.ndarray, result: FrameResult) -> None:
        self.series.add(result)
        self.thumbnails.add(frame, result)

    def render(self, report: dict[str, Any]) -> str:
        ctx = ReportContext(
            title=self.title,
            mode=self.mode,
            started_at=self.started_at,
            plots=self.plots,
            series=self.series,
            thumbnail=self.thumbnails.get,
            thumbnails_skipped=self.thumbnails.skipped,
        )
        return render_report(report, ctx)

    def write(self, folder: Path, report: dict[str, Any]) -> Path:
        path = folder / REPORT_HTML
        write_text_atomic(path, self.render(report))
        log.debug("wrote %s", path)
        return path
