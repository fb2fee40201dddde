"""Line charts as inline SVG, written here rather than drawn with matplotlib.

Why by hand: report.html and the history page must be single files that
open with no network, so a chart is inline either way. SVG keeps its labels
as text (escaped once, sharp at any zoom, readable by tests through the
DOM) where a matplotlib PNG is pixels, and importing matplotlib alone takes
about half a second and brings ~40 MB of packages: half the one-second
budget of `formcoach history --plot` over 1,000 sessions. The charts these
pages need, lines over time with shaded periods, threshold levels and a few
markers, take a page of code.

Long series (an hour of live coaching is 100,000 frames) are reduced to the
lowest and highest value per pixel column, so peaks survive and a page stays
small; a gap in the data (no person, a hidden joint) stays a gap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np

from formcoach.reporting.markup import Html, esc

XKind = Literal["seconds", "days"]
FONT = 12
CHAR_W = 6.6  # average glyph width at FONT px, for laying out the legend
EPOCH = date(1970, 1, 1)
HALO = 'stroke="#fff" stroke-width="3" paint-order="stroke"'  # labels stay legible over lines


@dataclass(frozen=True)
class Line:
    """A series: `xs` ascending; NaN in `ys` is a gap."""

    label: str
    xs: Sequence[float] | np.ndarray
    ys: Sequence[float] | np.ndarray
    colour: str
    dashed: bool = False
    dots: bool = False  # a marker at each point (for sparse series: weeks, sessions)


@dataclass(frozen=True)
class Level:
    """A horizontal reference line, e.g. a threshold."""

    y: float
    label: str
    colour: str = "#b3261e"


@dataclass(frozen=True)
class Span:
    """A shaded stretch of x, e.g. a period a fault was present."""

    start: float
    end: float
    label: str
    colour: str
    opacity: float = 0.22


@dataclass(frozen=True)
class Mark:
    """A tick at the top of the plot with a short text, e.g. a cue's number."""

    x: float
    text: str
    colour: str = "#b3261e"


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str  # of the y axis, e.g. "deg", "s", "%"
    lines: tuple[Line, ...]
    levels: tuple[Level, ...] = ()
    spans: tuple[Span, ...] = ()
    marks: tuple[Mark, ...] = ()
    x_kind: XKind = "seconds"  # "days": x is days since 1970-01-01
    include_y: tuple[float, ...] = ()  # values the y axis must reach (e.g. 0)
    width: int = 900
    height: int = 250


def render_chart(chart: Chart) -> Html:
    """The chart as an <svg> element."""
    w, h = chart.width, chart.height
    legend = _legend_items(chart)
    rows = _legend_rows(legend, w - 70)
    top = 30 + 17 * len(rows)
    left, right, bottom = 58, 18, 30
    pw, ph = w - left - right, h - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" role="img" aria-label="{esc(chart.title)}" class="chart" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}">',
        f"<title>{esc(chart.title)}</title>",
        f'<text x="{left}" y="18" font-size="14" font-weight="600">{esc(chart.title)}'
        f'<tspan fill="#6b7580" font-weight="400"> · {esc(chart.unit)}</tspan></text>'
        if chart.unit
        else f'<text x="{left}" y="18" font-size="14" font-weight="600">{esc(chart.title)}</text>',
    ]
    parts += _draw_legend(rows, left, 36)
    x_range = _x_range(chart)
    y_range = _y_range(chart)
    if x_range is None or y_range is None:
        parts.append(
            f'<text x="{left + pw / 2}" y="{top + ph / 2}" text-anchor="middle" '
            f'fill="#6b7580">no data</text></svg>'
        )
        return Html("".join(parts))
    x0, x1 = x_range
    y_ticks = nice_ticks(*y_range)
    y0, y1 = min(y_ticks[0], y_range[0]), max(y_ticks[-1], y_range[1])

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def sy(y: float) -> float:
        return top + ph - (y - y0) / (y1 - y0) * ph

    parts.append(
        f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fbfcfd" stroke="#c9d0d6"/>'
    )
    for span in chart.spans:
        a, b = max(span.start, x0), min(span.end, x1)
        if b > a:
            parts.append(
                f'<rect x="{sx(a):.1f}" y="{top}" width="{max(sx(b) - sx(a), 1.0):.1f}" '
                f'height="{ph}" fill="{esc(span.colour)}" fill-opacity="{span.opacity}"/>'
            )
    for y in y_ticks:
        parts.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{sy(y):.1f}" y2="{sy(y):.1f}" '
            f'stroke="#e3e7eb"/><text x="{left - 6}" y="{sy(y) + 4:.1f}" text-anchor="end" '
            f'fill="#56606b">{esc(_num(y))}</text>'
        )
    for x, label in x_ticks(x0, x1, chart.x_kind):
        edge = 4 * len(label)  # keep the first and last labels inside the picture
        anchor = "start" if sx(x) < left + edge else "end" if sx(x) > w - edge else "middle"
        parts.append(
            f'<line x1="{sx(x):.1f}" x2="{sx(x):.1f}" y1="{top + ph}" y2="{top + ph + 4}" '
            f'stroke="#8a939c"/><text x="{sx(x):.1f}" y="{top + ph + 17}" '
            f'text-anchor="{anchor}" fill="#56606b">{esc(label)}</text>'
        )
    for level in chart.levels:
        y = sy(level.y)
        parts.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{esc(level.colour)}" stroke-dasharray="6 4" stroke-width="1.3"/>'
            f'<text x="{left + pw - 4}" y="{y - 4:.1f}" text-anchor="end" {HALO} '
            f'fill="{esc(level.colour)}">{esc(level.label)}</text>'
        )
    buckets = int(pw)
    for line in chart.lines:
        xs, ys = decimate(np.asarray(line.xs, float), np.asarray(line.ys, float), buckets)
        path = _path(xs, ys, sx, sy)
        if path:
            dash = ' stroke-dasharray="5 3"' if line.dashed else ""
            parts.append(
                f'<path d="{path}" fill="none" stroke="{esc(line.colour)}" '
                f'stroke-width="1.8" stroke-linejoin="round"{dash}>'
                f"<title>{esc(line.label)}</title></path>"
            )
        if line.dots:
            parts += [
                f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3.2" fill="{esc(line.colour)}"/>'
                for x, y in zip(xs, ys, strict=True)
                if math.isfinite(y)
            ]
    for mark in chart.marks:
        if x0 <= mark.x <= x1:
            x = sx(mark.x)
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + ph}" '
                f'stroke="{esc(mark.colour)}" stroke-opacity="0.45"/>'
                f'<text x="{x + 3:.1f}" y="{top + 12}" fill="{esc(mark.colour)}" {HALO} '
                f'font-weight="600">{esc(mark.text)}</text>'
            )
    parts.append("</svg>")
    return Html("".join(parts))


# -- data reduction ---------------------------------------------------------------


def decimate(xs: np.ndarray, ys: np.ndarray, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """At most two points per x bucket: the lowest and highest, in x order.

    A bucket with no finite value becomes one NaN point, so gaps wider than
    a bucket remain gaps. Short series are returned unchanged.
    """
    if len(xs) <= 2 * buckets or buckets < 1:
        return xs, ys
    lo, hi = xs[0], xs[-1]
    if not hi > lo:
        return xs[:1], ys[:1]
    index = np.minimum(((xs - lo) / (hi - lo) * buckets).astype(int), buckets - 1)
    starts = np.searchsorted(index, np.arange(buckets + 1))
    out_x: list[float] = []
    out_y: list[float] = []
    for a, b in zip(starts[:-1], starts[1:], strict=True):
        if b <= a:
            continue
        chunk = ys[a:b]
        finite = np.isfinite(chunk)
        if not finite.any():
            out_x.append(float(xs[a]))
            out_y.append(math.nan)
            continue
        masked_low = np.where(finite, chunk, np.inf)
        masked_high = np.where(finite, chunk, -np.inf)
        i, j = sorted((int(np.argmin(masked_low)), int(np.argmax(masked_high))))
        for k in (i, j) if i != j else (i,):
            out_x.append(float(xs[a + k]))
            out_y.append(float(chunk[k]))
    return np.array(out_x), np.array(out_y)


def _path(xs: np.ndarray, ys: np.ndarray, sx, sy) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = []
    pen_down = False
    for x, y in zip(xs, ys, strict=True):
        if not (math.isfinite(x) and math.isfinite(y)):
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{sx(x):.1f} {sy(y):.1f}")
        pen_down = True
    return "".join(parts)


# -- axes -------------------------------------------------------------------------


def _finite(values: Sequence[float] | np.ndarray) -> np.ndarray:
    arr = np.asarray(values, float)
    return arr[np.isfinite(arr)]


def _x_range(chart: Chart) -> tuple[float, float] | None:
    xs = [_finite(line.xs) for line in chart.lines if len(_finite(line.ys))]
    xs += [_finite([s.start, s.end]) for s in chart.spans]
    xs += [_finite([m.x for m in chart.marks])]
    values = np.concatenate(xs) if xs else np.array([])
    if not len(values):
        return None
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-9:
        pad = 3.0 if chart.x_kind == "days" else 1.0
        lo, hi = lo - pad, hi + pad
    return lo, hi


def _y_range(chart: Chart) -> tuple[float, float] | None:
    ys = [_finite(line.ys) for line in chart.lines]
    data = np.concatenate(ys) if ys else np.array([])
    if not len(data):
        return None
    values = np.concatenate([data, _finite([lv.y for lv in chart.levels]), chart.include_y])
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-9:
        lo, hi = lo - 1.0, hi + 1.0
    pad = 0.06 * (hi - lo)
    include = chart.include_y
    lo = lo if include and lo == min(include) else lo - pad
    hi = hi if include and hi == max(include) else hi + pad
    return lo, hi


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 x 10^k apart) spanning lo..hi."""
    span = hi - lo
    if not span > 0:
        return [lo]
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(lo / step) * step
    ticks = []
    k = 0
    while (value := first + k * step) <= hi + step * 0.999:
        ticks.append(round(value, 10))
        k += 1
    return ticks


def x_ticks(lo: float, hi: float, kind: XKind) -> list[tuple[float, str]]:
    if kind == "days":
        return _date_ticks(lo, hi)
    ticks = [t for t in nice_ticks(lo, hi, 8) if lo - 1e-9 <= t <= hi + 1e-9]
    if hi - lo >= 120:
        return [(t, f"{int(t // 60)}:{int(t % 60):02d}") for t in ticks]
    return [(t, f"{_num(t)} s") for t in ticks]


def _date_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    span = hi - lo
    step = next((s for s in (1, 2, 7, 14, 28, 56, 91, 182, 364) if span / s <= 8), 728)
    start = math.ceil(lo)
    if step % 7 == 0:  # weekly steps fall on Mondays (1970-01-01 was a Thursday)
        start += (4 - start) % 7
    label = "%b %Y" if span > 300 else "%d %b"
    days = range(start, math.floor(hi) + 1, step)
    return [(float(d), (EPOCH + timedelta(days=d)).strftime(label)) for d in days]


def day_number(day: date) -> float:
    """x for a date on a `days` axis."""
    return float((day - EPOCH).days)


def _num(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:g}"


# -- legend -----------------------------------------------------------------------


def _legend_items(chart: Chart) -> list[tuple[str, str, str]]:
    """(kind, colour, label) once per label: lines, then spans (levels are labelled in place)."""
    items: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for kind, colour, label in [
        ("dash" if ln.dashed else "line", ln.colour, ln.label) for ln in chart.lines
    ] + [("box", sp.colour, sp.label) for sp in chart.spans]:
        if label and label not in seen:
            seen.add(label)
            items.append((kind, colour, label))
    return items


def _legend_rows(
    items: list[tuple[str, str, str]], width: float
) -> list[list[tuple[str, str, str, float]]]:
    rows: list[list[tuple[str, str, str, float]]] = []
    x = width + 1.0
    for kind, colour, label in items:
        size = 26 + CHAR_W * len(label) + 14
        if x + size > width:
            rows.append([])
            x = 0.0
        rows[-1].append((kind, colour, label, x))
        x += size
    return rows


def _draw_legend(
    rows: list[list[tuple[str, str, str, float]]], left: float, top: float
) -> list[str]:
    parts = []
    for r, row in enumerate(rows):
        y = top + 17 * r
        for kind, colour, label, x in row:
            x += left
            if kind == "box":
                parts.append(
                    f'<rect x="{x:.1f}" y="{y - 9}" width="20" height="11" fill="{esc(colour)}" '
                    'fill-opacity="0.35"/>'
                )
            else:
                dash = ' stroke-dasharray="5 3"' if kind == "dash" else ""
                parts.append(
                    f'<line x1="{x:.1f}" x2="{x + 20:.1f}" y1="{y - 4}" y2="{y - 4}" '
                    f'stroke="{esc(colour)}" stroke-width="2.2"{dash}/>'
                )
            parts.append(f'<text x="{x + 26:.1f}" y="{y}" fill="#333">{esc(label)}</text>')
    return parts
