"""Issue 18: every crawl run writes its log to data/runs/<run_id>/yuqi.log (text or JSON)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from yuqi.app.runlog import run_log, run_log_path


def test_json_lines_carry_time_level_logger_and_message(tmp_path: Path) -> None:
    log = logging.getLogger("yuqi.test.runlog")
    with run_log(tmp_path, "r1", "json") as path:
        log.info("fetched %d pages", 3)
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("stage failed on %s", "http://x/1.html")
        logging.getLogger("yuqi.test.runlog").debug("below the level")
    log.warning("after the block")  # not in the file any more
    assert path == run_log_path(tmp_path, "r1")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(e["level"], e["message"]) for e in lines] == [
        ("INFO", "fetched 3 pages"), ("ERROR", "stage failed on http://x/1.html")]
    assert lines[1]["logger"] == "yuqi.test.runlog" and "ValueError: boom" in lines[1]["exception"]
    assert lines[0]["time"].endswith("+00:00")


def test_a_resumed_run_appends_to_its_text_log(tmp_path: Path) -> None:
    log = logging.getLogger("yuqi.test.runlog")
    for part in ("first part", "resumed part"):
        with run_log(tmp_path, "r2") as path:
            log.warning(part)
    text = path.read_text(encoding="utf-8")
    assert "WARNING yuqi.test.runlog: first part" in text and "resumed part" in text
    with pytest.raises(ValueError, match="log format 'xml'"), run_log(tmp_path, "r3", "xml"):
        pass
