"""HTML building blocks shared by report.html and the history page.

Everything a user or a file can influence (a video's name, a cue text, an
exercise name) goes through `esc`; only `Html` values, which this package
built, are inserted as they are. Pages carry no scripts and a
Content-Security-Policy that forbids them and any network fetch, so even a
slip in escaping could not run anything or load anything.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

LEFT_COLOUR = "#1f6fb4"
RIGHT_COLOUR = "#d9731a"
BOTH_COLOUR = "#3a7d44"
SIDE_COLOURS = {"left": LEFT_COLOUR, "right": RIGHT_COLOUR, "both": BOTH_COLOUR}

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232a;
       margin: 0 auto; padding: 24px 28px 48px; max-width: 980px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 30px 0 10px; border-bottom: 1px solid #dde2e7; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.sub { color: #56606b; margin: 0 0 14px; }
.warn { background: #fff4d6; border: 1px solid #e6c463; border-radius: 6px; padding: 8px 14px;
        margin: 14px 0; }
.warn li { margin: 2px 0; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid #e6e9ed;
         vertical-align: middle; }
th { background: #f3f5f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.sides { display: flex; gap: 18px; flex-wrap: wrap; }
.side { flex: 1 1 300px; border: 1px solid #dde2e7; border-radius: 8px; padding: 10px 14px; }
.side h3 { margin-top: 0; }
.bar { display: inline-block; width: 140px; height: 10px; background: #e6e9ed;
       border-radius: 5px; overflow: hidden; vertical-align: middle; margin-right: 6px; }
.bar span { display: block; height: 100%; background: #3a9a4a; }
.ok { color: #2d7d3a; font-weight: 600; }
.bad { color: #b3261e; }
.muted { color: #6b7580; }
img.thumb { width: 240px; border-radius: 4px; display: block; }
figure { margin: 10px 0 18px; }
figcaption { color: #56606b; font-size: 13px; }
svg { display: block; max-width: 100%; height: auto; }
footer { margin-top: 36px; color: #6b7580; font-size: 13px; }
"""


class Html(str):
    """Markup this package built: inserted as is, never escaped again."""


def esc(value: object) -> Html:
    """Text as HTML: <, >, &, and quotes escaped."""
    return Html(html.escape(str(value), quote=True))


def cell(value: object) -> Html:
    return value if isinstance(value, Html) else esc("" if value is None else value)


def join(parts: Iterable[str]) -> Html:
    return Html("".join(parts))


def tag(name: str, content: object = "", **attrs: object) -> Html:
    """<name attrs>content</name>; `content` is escaped unless it is Html.

    Attribute names use `_` for `-` and a trailing `_` for Python keywords (`class_`).
    """
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{esc(val)}"'
        for key, val in attrs.items()
        if val is not None
    )
    return Html(f"<{name}{rendered}>{cell(content)}</{name}>")


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    numeric: Sequence[int] = (),
    nowrap: Sequence[int] = (),
) -> Html:
    """A table (no header row if `headers` is empty); cells are escaped unless Html;
    columns in `numeric` align right, those in `nowrap` are kept on one line."""

    def kind_of(i: int) -> str | None:
        return "num" if i in numeric else "nowrap" if i in nowrap else None

    def row(cells: Sequence[object], kind: str) -> str:
        return (
            "<tr>" + "".join(tag(kind, c, class_=kind_of(i)) for i, c in enumerate(cells)) + "</tr>"
        )

    head = f"<thead>{row(headers, 'th')}</thead>" if headers else ""
    body = "".join(row(r, "td") for r in rows)
    return Html(f"<table>{head}<tbody>{body}</tbody></table>")


def warnings_box(items: Sequence[str]) -> Html:
    if not items:
        return Html("")
    return Html('<div class="warn"><ul>' + "".join(tag("li", i) for i in items) + "</ul></div>")


def page(title: str, body: Html, *, generator: str) -> Html:
    """A whole document: no scripts, no network, styles inline."""
    return Html(
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{esc(generator)}">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
