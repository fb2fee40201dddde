"""Tests for formcoach.reporting.svg: axis ticks, series reduction, and the chart markup."""

from __future__ import annotations

import math
from datetime import date
from xml.etree import ElementTree

import numpy as np
import pytest

from formcoach.reporting.svg import (
    Chart,
    Level,
    Line,
    Mark,
    Span,
    day_number,
    decimate,
    nice_ticks,
    render_chart,
    x_ticks,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        pytest.param(0.0, 10.0, [0, 2, 4, 6, 8, 10], id="0 to 10 in twos"),
        pytest.param(-12.0, 38.0, [-20, -10, 0, 10, 20, 30, 40], id="spanning zero"),
        pytest.param(0.0, 1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0], id="fractions"),
        pytest.param(95.0, 182.0, [80, 100, 120, 140, 160, 180, 200], id="knee angles"),
    ],
)
def test_nice_ticks_are_round_and_cover_the_range(lo, hi, expected):
    ticks = nice_ticks(lo, hi)
    assert ticks == pytest.approx(expected)
    assert ticks[0] <= lo and ticks[-1] >= hi


@pytest.mark.parametrize(
    ("lo", "hi", "labels"),
    [
        pytest.param(0.0, 40.0, ["0 s", "5 s", "10 s"], id="seconds"),
        pytest.param(0.0, 600.0, ["0:00", "1:40", "3:20"], id="minutes past two"),
    ],
)
def test_time_ticks(lo, hi, labels):
    assert [label for _, label in x_ticks(lo, hi, "seconds")][:3] == labels


def test_weekly_date_ticks_fall_on_mondays():
    lo, hi = day_number(date(2026, 9, 2)), day_number(date(2026, 11, 20))
    ticks = x_ticks(lo, hi, "days")
    assert len(ticks) >= 3
    for x, _ in ticks:
        assert date.fromordinal(date(1970, 1, 1).toordinal() + int(x)).weekday() == 0


def test_decimate_keeps_peaks_and_gaps():
    xs = np.linspace(0.0, 100.0, 100_001)
    ys = np.sin(xs)
    ys[50_000] = 50.0  # a one-sample spike
    ys[70_000:72_000] = np.nan  # two seconds without a measure
    out_x, out_y = decimate(xs, ys, buckets=500)
    assert len(out_x) <= 1000
    assert np.nanmax(out_y) == 50.0
    assert np.nanmin(out_y) == pytest.approx(-1.0, abs=1e-3)
    gap = np.isnan(out_y)
    assert gap.any()
    assert (out_x[gap] >= 70.0).all() and (out_x[gap] < 72.0).all()
    assert np.all(np.diff(out_x) >= 0)


def test_short_series_are_left_alone():
    xs, ys = np.arange(10.0), np.arange(10.0) ** 2
    out_x, out_y = decimate(xs, ys, buckets=500)
    assert out_x is xs and out_y is ys


def chart(**changes) -> Chart:
    xs = np.arange(0.0, 20.0, 0.1)
    base = dict(
        title="Trunk lean",
        unit="deg",
        lines=(Line("measured", xs, 10 * np.sin(xs), "#123456"),),
        levels=(Level(20.0, "leaning forward (20)"),),
        spans=(Span(3.0, 5.0, "trunk lean forward", "#d93025"),),
        marks=(Mark(3.8, "1"),),
    )
    return Chart(**(base | changes))


def test_chart_is_well_formed_svg_with_its_parts():
    root = ElementTree.fromstring(render_chart(chart()))
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert any("Trunk lean" in t for t in texts)
    assert "leaning forward (20)" in texts
    assert "trunk lean forward" in texts  # the span's legend entry
    assert "1" in texts  # the cue mark
    paths = list(root.iter(f"{SVG}path"))
    assert len(paths) == 1 and paths[0].get("d", "").startswith("M")
    dashed = [ln for ln in root.iter(f"{SVG}line") if ln.get("stroke-dasharray")]
    assert dashed, "the threshold is drawn as a dashed line"


def test_chart_text_is_escaped():
    hostile = '<script>alert("x")</script>'
    lines = (Line(hostile, [0, 1], [0, 1], "red"),)
    svg = render_chart(chart(title=hostile, unit="&", lines=lines))
    assert "<script" not in svg
    root = ElementTree.fromstring(svg)
    assert any(hostile in "".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_a_chart_without_data_says_so():
    empty = chart(
        lines=(Line("measured", [0.0, 1.0], [math.nan, math.nan], "red"),), spans=(), marks=()
    )
    root = ElementTree.fromstring(render_chart(empty))
    assert "no data" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
