"""Damaged files are named in one line with the way out, and never block the other runs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipeline.spool import DamagedSpoolError, read_manifest
from tests.cli import run_yuqi
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.jobstate import JobStateError, jobs_root, read_state
from yuqi.app.load import load_pending

TEXT = "\n".join(["花呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。"] * 5)
BAD_MANIFESTS = [b'{"run_id": "run1", "sta', b"\x00\xff\xfe binary", b"{}", b"[1, 2]",
                 b'{"run_id": "run1", "stats": [1]}']


@pytest.mark.parametrize("content", BAD_MANIFESTS)
def test_a_damaged_manifest_is_named(tmp_path: Path, content: bytes) -> None:
    spool = write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [])
    (spool / "manifest.json").write_bytes(content)
    with pytest.raises(DamagedSpoolError, match="manifest.json: damaged spool manifest"):
        read_manifest(spool)


def test_a_damaged_run_does_not_block_later_runs(tmp_path: Path) -> None:
    bad = write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [])
    write_spool(tmp_path, "run2", [make_document("d2", "run2", TEXT + "二")],
                [make_claim("d2", 0, "x")])
    (bad / "manifest.json").write_bytes(b"{")
    proc = run_yuqi("load", "--data-dir", str(tmp_path))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "loaded 1 runs" in lines[0]
    assert str(bad / "manifest.json") in lines[0]
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    try:
        assert con.execute("SELECT list(run_id ORDER BY run_id) FROM crawl_runs").fetchone() == (
            ["run2"],)
    finally:
        con.close()
    (bad / "manifest.json").write_text(json.dumps({"run_id": "run1"}), encoding="utf-8")
    assert [r.run_id for r in load_pending(tmp_path) if r.loaded] == ["run1"]


@pytest.mark.parametrize("state", [
    {"run_id": 7, "started_at": "x", "sites": ["a"]},
    {"run_id": "r", "started_at": "x", "sites": "farm-a"},
    {"run_id": "r", "started_at": "x", "sites": ["a"], "parts": [["not", "a", "dict"]]},
    {"run_id": "r", "started_at": "x", "sites": ["a"], "unknown": 1},
])
def test_run_json_with_wrong_types_is_named(tmp_path: Path, state: dict[str, object]) -> None:
    root = jobs_root(tmp_path)
    root.mkdir(parents=True)
    (root / "run.json").write_text(json.dumps(state), encoding="utf-8")
    with pytest.raises(JobStateError, match="run.json: unreadable crawl job state"):
        read_state(tmp_path)
