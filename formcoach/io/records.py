"""Writing the session's records: angles.csv row by row, report.json atomically.

The CSV is flushed as it goes and report.json is replaced in one step, so
a session that is interrupted or crashes still leaves a readable record.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file in one step: a reader never sees half of it.

    The file is readable by its owner only (mkstemp's 0600): reports show
    frames and numbers about the person.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


class CsvSink:
    """Rows of dicts to a CSV file; the header comes from the first row."""

    def __init__(self, path: Path, flush_every: int = 30) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: TextIO = open(path, "w", newline="", encoding="utf-8")
        self._writer: csv.DictWriter[str] | None = None
        self._flush_every = flush_every
        self._count = 0

    def write(self, row: dict[str, Any]) -> None:
        if self._writer is None:
            self._writer = csv.DictWriter(self._file, fieldnames=list(row))
            self._writer.writeheader()
        self._writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        self._count += 1
        if self._count % self._flush_every == 0:
            self._file.flush()

    def __enter__(self) -> CsvSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
