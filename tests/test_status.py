"""Issue 18: `yuqi status` says what an operator checks first, without taking the lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import invoke_yuqi
from tests.helpers import make_claim, make_document, write_spool
from tests.test_lock import holder
from yuqi.app.load import load_pending

LONG = "花呗逾期以后，平台一般会先发短信提醒，然后打电话催收，长期不还才会委托第三方。" * 3


@pytest.mark.slow
def test_status_lists_runs_the_lock_unloaded_spools_and_disk(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)],
                [make_claim("d1", 0, "花呗逾期会联系家人。")])
    load_pending(tmp_path)
    write_spool(tmp_path, "run2", [make_document("d2", "run2", LONG[::-1])], [])
    (tmp_path / "spool" / "run3").mkdir()  # a crawl that stopped before its manifest
    with holder(tmp_path):
        proc = invoke_yuqi("status", "--data-dir", str(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    st = json.loads(proc.stdout)
    assert [r["run_id"] for r in st["runs"]] == ["run1"]
    assert st["runs"][0]["alerts"] == 0
    assert st["unloaded"] == ["run2"] and st["unfinished"] == ["run3"]
    assert st["held_by"] and "yuqi crawl" in st["held_by"]
    assert st["disk_bytes"]["warehouse"] > 0 and st["disk_bytes"]["spool"] > 0
    idle = json.loads(invoke_yuqi("status", "--data-dir", str(tmp_path), "--format",
                                  "json").stdout)
    assert idle["held_by"] is None


def test_status_of_a_missing_data_dir_is_a_usage_error(tmp_path: Path) -> None:
    proc = invoke_yuqi("status", "--data-dir", str(tmp_path / "nope"))
    assert proc.returncode == 2 and "nope" in proc.stderr
