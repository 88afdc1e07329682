"""Where an unexpected exception's traceback goes, so the terminal gets one line."""

from __future__ import annotations

import os
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

#: Environment variable naming the folder for crash logs (default: the temp folder).
LOG_DIR_ENV = "YUQI_LOG_DIR"


def write_crash_log(exc: BaseException) -> Path:
    """Write *exc*'s traceback to a new log file and return its path.

    Why: a bug must be reportable (the whole traceback is kept) without burying
    the user's terminal under it.
    """
    folder = Path(os.environ.get(LOG_DIR_ENV) or tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"yuqi-crash-{stamp}-{os.getpid()}.log"
    text = "".join(traceback.format_exception(exc))
    path.write_text(text, encoding="utf-8")
    return path
