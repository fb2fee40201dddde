"""A page's parts, parsed for tests: tags with attributes, visible text, table cells."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """The parts of a page the tests look at: tags, attributes, visible text, table rows."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.headings: list[tuple[str, str]] = []  # (h1|h2|h3, text)
        self._cell: list[str] | None = None
        self._heading: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2", "h3"):
            self._heading = tag
            self.headings.append((tag, ""))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == self._heading:
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)

    def table_with(self, header: str) -> list[list[str]]:
        return next(t for t in self.tables if t and header in t[0])

    @property
    def all_text(self) -> str:
        return "".join(self.text)
