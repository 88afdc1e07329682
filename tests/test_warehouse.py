"""Warehouse: migrations with checksums, atomic idempotent loads, the writer lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.cli.jobs import load_pending
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import WarehouseError, open_writer, warehouse_path
from warehouse.migrate import available_migrations, migrate

LONG = "\n".join(
    f"第{i}段：花呗逾期之后平台会先发短信提醒，然后电话催收，时间长了可能联系紧急联系人。"
    for i in range(6)
)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("crawl_runs", "fetches", "documents", "claims", "clusters", "removals")}
    finally:
        con.close()


def test_migrations_apply_once_and_refuse_edits(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    applied = migrate(con)
    assert applied == [m.version for m in available_migrations()]
    assert migrate(con) == []
    con.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
    with pytest.raises(WarehouseError, match="changed after it was applied"):
        migrate(con)


def test_every_table_and_column_is_documented(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    columns = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns()"
        " WHERE database_name = 'w' AND schema_name = 'main'"
        " AND table_name <> 'schema_migrations'"
        " AND table_name NOT IN (SELECT view_name FROM duckdb_views())"
    ).fetchall()
    assert len(columns) > 40
    assert [(t, c) for t, c, comment in columns if not comment] == []
    tables = con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'w'"
        " AND table_name <> 'schema_migrations'"
    ).fetchall()
    assert tables and all(comment for _, comment in tables)


def test_load_is_idempotent_and_keeps_ubigint_fingerprints(tmp_path: Path) -> None:
    big = 2**64 - 1
    docs = [make_document("d1", "run1", LONG, simhash=big), make_document("d2", "run1", LONG)]
    write_spool(tmp_path, "run1", docs, [make_claim("d1", 0, "不会联系家人", "denies")])
    results = load_pending(tmp_path)
    assert [r.loaded for r in results] == [True]
    first = counts(warehouse_path(tmp_path))
    assert first["documents"] == 2 and first["claims"] == 1 and first["crawl_runs"] == 1
    assert first["clusters"] == 2
    assert not any(r.loaded for r in load_pending(tmp_path))
    assert counts(warehouse_path(tmp_path)) == first
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT simhash FROM documents WHERE doc_id = 'd1'").fetchone() == (big,)
    same = con.execute("SELECT count(DISTINCT cluster_id) FROM clusters").fetchone()
    assert same == (1,)  # identical texts are one cluster


def test_a_broken_spool_changes_nothing(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [])
    load_pending(tmp_path)
    before = counts(warehouse_path(tmp_path))
    spool = write_spool(tmp_path, "run2", [make_document("d2", "run2", LONG)],
                        [make_claim("d2", 0, "x")])
    with (spool / "farm-a.claims.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"claim_id": "d2:1", "idx": "not a number"\n')
    with pytest.raises(WarehouseError, match="warehouse unchanged"):
        load_pending(tmp_path)
    assert counts(warehouse_path(tmp_path)) == before


def test_a_later_run_replaces_a_document_and_keeps_its_cluster(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)],
                [make_claim("d1", 0, "a"), make_claim("d1", 1, "b")])
    load_pending(tmp_path)
    write_spool(tmp_path, "run2", [make_document("d1", "run2", LONG + "\n新增一段。")],
                [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    c = counts(warehouse_path(tmp_path))
    assert c["documents"] == 1 and c["claims"] == 1 and c["clusters"] == 1
    assert c["crawl_runs"] == 2


def test_locked_warehouse_fails_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
         " sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError) as info:
            open_writer(db, lock_timeout=0.3)
        assert "locked" in str(info.value) and str(holder.pid) in str(info.value)
    finally:
        holder.communicate("")
    open_writer(db, lock_timeout=0.3).close()
