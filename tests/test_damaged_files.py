"""Damaged files are named in one line with the way out, and never block the other runs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipeline.spool import DamagedSpoolError, read_manifest
from tests.cli import invoke_yuqi
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


@pytest.mark.slow
def test_a_damaged_run_does_not_block_later_runs(tmp_path: Path) -> None:
    bad = write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [])
    write_spool(tmp_path, "run2", [make_document("d2", "run2", TEXT + "二")],
                [make_claim("d2", 0, "x")])
    (bad / "manifest.json").write_bytes(b"{")
    proc = invoke_yuqi("load", "--data-dir", str(tmp_path))
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


def _two_loaded_runs(data: Path) -> tuple[Path, Path]:
    first = write_spool(data, "run1", [make_document("d1", "run1", TEXT)],
                        [make_claim("d1", 0, "x")])
    second = write_spool(data, "run2", [make_document("d2", "run2", TEXT + "二")],
                         [make_claim("d2", 0, "y")])
    load_pending(data)
    return first, second


def _runs(data: Path) -> list[str]:
    con = duckdb.connect(str(warehouse_path(data)), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT run_id FROM crawl_runs ORDER BY 1").fetchall()]
    finally:
        con.close()


@pytest.mark.slow
def test_rebuild_with_a_truncated_spool_file_keeps_the_old_warehouse(tmp_path: Path) -> None:
    first, _ = _two_loaded_runs(tmp_path)
    before = warehouse_path(tmp_path).read_bytes()
    victim = sorted(first.glob("*.documents.*.parquet"))[0]
    victim.write_bytes(victim.read_bytes()[:40])
    proc = invoke_yuqi("load", "--rebuild", "--data-dir", str(tmp_path))
    assert proc.returncode == 1
    assert "rebuild stopped, the warehouse is unchanged" in proc.stderr and "run1" in proc.stderr
    assert warehouse_path(tmp_path).read_bytes() == before
    assert _runs(tmp_path) == ["run1", "run2"]
    assert not list(tmp_path.glob("warehouse.duckdb.*"))


@pytest.mark.slow
def test_rebuild_refuses_when_a_loaded_run_has_lost_its_spool(tmp_path: Path) -> None:
    _, second = _two_loaded_runs(tmp_path)
    for path in second.iterdir():
        path.unlink()
    second.rmdir()
    proc = invoke_yuqi("load", "--rebuild", "--data-dir", str(tmp_path))
    assert proc.returncode == 1 and "run run2 is in the warehouse" in proc.stderr
    assert _runs(tmp_path) == ["run1", "run2"]


@pytest.mark.slow
def test_rebuild_without_any_spool_changes_nothing(tmp_path: Path) -> None:
    _two_loaded_runs(tmp_path)
    for spool in (tmp_path / "spool").iterdir():
        (spool / "manifest.json").unlink()
    proc = invoke_yuqi("load", "--rebuild", "--data-dir", str(tmp_path))
    assert proc.returncode == 1 and "no finished spool" in proc.stderr
    assert _runs(tmp_path) == ["run1", "run2"]


@pytest.mark.slow
def test_a_clean_rebuild_swaps_in_the_same_rows(tmp_path: Path) -> None:
    _two_loaded_runs(tmp_path)
    proc = invoke_yuqi("load", "--rebuild", "--data-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert _runs(tmp_path) == ["run1", "run2"]
    assert len(list(tmp_path.glob("warehouse.duckdb.broken-*"))) == 1


def _retyped(path: Path, column: str) -> None:
    """Rewrite a spool file with *column* stored as text (a foreign or hand-edited file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    at = table.schema.get_field_index(column)
    pq.write_table(table.set_column(at, column, pa.array(
        [str(v) for v in table.column(column).to_pylist()])), path)


def _garbled(path: Path) -> None:
    """Overwrite bytes inside the file's first data page, leaving the footer intact."""
    data = bytearray(path.read_bytes())
    data[8:120] = b"\x07" * 112
    path.write_bytes(bytes(data))


@pytest.mark.slow
@pytest.mark.parametrize(("damage", "why"), [
    (lambda p: _retyped(p, "simhash"), "column simhash is string, expected integer"),
    (_garbled, "damaged spool file"),
])
def test_a_spool_file_with_wrong_types_or_garbled_data_is_named(tmp_path: Path, damage: object,
                                                               why: str) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [make_claim("d1", 0, "x")])
    spool = write_spool(tmp_path, "run2", [make_document("d2", "run2", TEXT + "二")],
                        [make_claim("d2", 0, "y")])
    victim = sorted(spool.glob("*.documents.*.parquet"))[0]
    damage(victim)  # type: ignore[operator]
    proc = invoke_yuqi("load", "--data-dir", str(tmp_path))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(victim) in lines[0] and why in lines[0], proc.stderr
    assert _runs(tmp_path) == ["run1"]  # the other run loaded; nothing of run2


def test_parts_merge_when_a_rate_was_none_in_one_part() -> None:
    """Scrapy's LogStats leaves responses_per_minute None for a part under a minute; a
    resumed run's next part has a number there (it crashed the resume's summary)."""
    from pipeline.stat_keys import Stat
    from yuqi.app.jobstate import merged_stats

    merged = merged_stats([
        {"farm-a": {"responses_per_minute": None, Stat.ARCHIVED: 3, "odd": None}},
        {"farm-a": {"responses_per_minute": 120.0, Stat.ARCHIVED: 4, "odd": 2.5}},
    ])
    assert merged["farm-a"] == {"responses_per_minute": 120.0, Stat.ARCHIVED: 7, "odd": 2.5}
