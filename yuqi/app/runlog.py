"""Each crawl run's log in `data/runs/<run_id>/yuqi.log`, as text or JSON lines.

Why a file per run: a scheduled run has no terminal; when its alert arrives, the log of
that run (Scrapy's warnings and errors, yuqi's own) must be found beside its status.json.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOG_FILE = "yuqi.log"
LOG_FORMATS = ("text", "json")


class JsonLines(logging.Formatter):
    """One JSON object per record: time (UTC), level, logger, message, exception text."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON."""
        entry = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(),
                 "level": record.levelname, "logger": record.name,
                 "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def run_log_path(data_dir: Path, run_id: str) -> Path:
    """Where a run's log is written."""
    return data_dir / "runs" / run_id / LOG_FILE


@contextmanager
def run_log(data_dir: Path, run_id: str, fmt: str = "text",
            level: int = logging.INFO) -> Iterator[Path]:
    """Copy log records of *level* and above to the run's log file for the block.

    Appends, so a resumed run keeps one log. The console's own log level is unchanged.
    """
    if fmt not in LOG_FORMATS:
        raise ValueError(f"log format {fmt!r}: expected one of {', '.join(LOG_FORMATS)}")
    path = run_log_path(data_dir, run_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, mode="a", encoding="utf-8")
    handler.setLevel(level)
    handler.setFormatter(JsonLines() if fmt == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()
