"""Two claims of one sentence and the self-contradiction mark survive spool, load and retag."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.claims import tag_document
from tests.cli import run_yuqi
from tests.helpers import make_document, write_spool
from warehouse.checks import failing_checks
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

TEXT = "\n".join([
    "虽然正规平台一般不会上门，但个别平台可能会派人上门。",
    "逾期三天就会上征信。",
])


def _rows(data_dir: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(warehouse_path(data_dir)), read_only=True)
    try:
        assert failing_checks(con) == {}
        return con.execute(
            "SELECT claim_id, idx, part, stance, self_contradicting FROM claims"
            " ORDER BY idx, part").fetchall()
    finally:
        con.close()


def test_two_claims_of_one_sentence_are_stored_with_their_mark(tmp_path: Path) -> None:
    claims = tag_document("d1", TEXT)
    write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], claims)
    load_pending(tmp_path)
    assert _rows(tmp_path) == [
        ("d1:1:0", 0, 0, "denies", True),
        ("d1:1:0.1", 0, 1, "affirms", True),
        ("d1:1:1", 1, 0, "conditional", False),
    ]


def test_retag_writes_the_parts_again(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [])
    load_pending(tmp_path)
    assert _rows(tmp_path) == []
    proc = run_yuqi("process", "--data-dir", str(tmp_path), "--retag")
    assert proc.returncode == 0, proc.stderr
    assert [(r[0], r[4]) for r in _rows(tmp_path)] == [
        ("d1:1:0", True), ("d1:1:0.1", True), ("d1:1:1", False)]


def test_a_spool_written_before_the_columns_loads_with_defaults(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    old_text = "逾期三天就会上征信。\n正规平台一般不会上门。"  # one claim per sentence
    claims = tag_document("d1", old_text)
    spool = write_spool(tmp_path, "run1", [make_document("d1", "run1", old_text)], claims)
    for path in spool.glob("*.claims.*.parquet"):  # as an older yuqi wrote it
        table = pq.read_table(path)
        pq.write_table(table.drop_columns(["part", "self_contradicting"]), path)
    load_pending(tmp_path)
    rows = _rows(tmp_path)
    assert [r[0] for r in rows] == ["d1:1:0", "d1:1:1"]
    assert {(r[2], r[4]) for r in rows} == {(0, False)}
