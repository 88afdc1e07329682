"""Warehouse: migrations with checksums, atomic idempotent loads, the writer lock."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline.spool import DamagedSpoolError
from tests.cli import invoke_yuqi, yuqi_command
from tests.helpers import make_claim, make_document, write_spool
from warehouse.checks import CHECKS, failing_checks
from warehouse.connect import WarehouseError, open_writer, warehouse_path
from warehouse.migrate import available_migrations, migrate
from warehouse.seeds import parse_rules, reference_rules
from yuqi.app.load import load_pending

LONG = "\n".join(
    f"第{i}段：花呗逾期之后平台会先发短信提醒，然后电话催收，时间长了可能联系紧急联系人。"
    for i in range(6)
)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("crawl_runs", "fetches", "documents", "claims", "clusters", "removals",
                          "document_versions", "paragraphs")}
    finally:
        con.close()


@pytest.mark.slow
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


@pytest.mark.slow
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
    with duckdb.connect(str(warehouse_path(tmp_path)), read_only=True) as con:
        assert failing_checks(con) == {}
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT simhash FROM documents WHERE doc_id = 'd1'").fetchone() == (big,)
    same = con.execute("SELECT count(DISTINCT cluster_id) FROM clusters").fetchone()
    assert same == (1,)  # identical texts are one cluster


@pytest.mark.slow
def test_a_truncated_spool_file_changes_nothing(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [])
    load_pending(tmp_path)
    before = counts(warehouse_path(tmp_path))
    spool = write_spool(tmp_path, "run2", [make_document("d2", "run2", LONG)],
                        [make_claim("d2", 0, "x")])
    claims_file = next(spool.glob("*.claims.*.parquet"))
    claims_file.write_bytes(claims_file.read_bytes()[:40])
    with pytest.raises(DamagedSpoolError, match=f"{claims_file.name}: damaged spool file"):
        load_pending(tmp_path)
    assert counts(warehouse_path(tmp_path)) == before


@pytest.mark.slow
def test_a_failing_statement_mid_merge_changes_nothing(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [])
    load_pending(tmp_path)
    before = counts(warehouse_path(tmp_path))
    # fetches merge first; the document's NULL url then violates NOT NULL in documents
    bad = replace(make_document("d2", "run2", LONG), url=None)  # type: ignore[arg-type]
    write_spool(tmp_path, "run2", [make_document("d3", "run2", LONG), bad], [])
    with pytest.raises(WarehouseError, match="warehouse unchanged"):
        load_pending(tmp_path)
    assert counts(warehouse_path(tmp_path)) == before


@pytest.mark.slow
def test_a_changed_page_becomes_a_new_version_and_old_claims_stay(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)],
                [make_claim("d1", 0, "a"), make_claim("d1", 1, "b")])
    load_pending(tmp_path)
    edited = make_document("d1", "run2", LONG + "\n新增一段。")
    write_spool(tmp_path, "run2", [replace(edited, text_norm_sha1="changed")],
                [make_claim("d1", 0, "a2")])
    load_pending(tmp_path)
    c = counts(warehouse_path(tmp_path))
    assert c["documents"] == 1 and c["clusters"] == 1 and c["crawl_runs"] == 2
    assert c["claims"] == 3  # two of version 1, one of version 2
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT version FROM documents").fetchall() == [(2,)]
    assert con.execute("SELECT version, run_id FROM document_versions ORDER BY version"
                       ).fetchall() == [(1, "run1"), (2, "run2")]
    assert con.execute("SELECT text FROM v_claims").fetchall() == [("a2",)]
    assert con.execute("SELECT change FROM v_changes ORDER BY run_id").fetchall() == [
        ("new",), ("edited",)]
    assert failing_checks(con) == {}


_VERSION_TEXTS = ("SELECT v.version, v.text, coalesce(v.text, d.text) FROM document_versions v"
                  " JOIN documents d USING (doc_id) ORDER BY v.version")


@pytest.mark.slow
def test_a_superseded_version_gets_its_text_and_the_current_one_reads_documents(
        tmp_path: Path) -> None:
    """The current version's text is documents.text (NULL in document_versions); a new
    version copies the text the old one had into its row, three versions deep."""
    texts = [LONG, LONG + "\n新增一段。", LONG + "\n再加一段。"]
    for n, text in enumerate(texts, 1):
        write_spool(tmp_path, f"run{n}",
                    [replace(make_document("d1", f"run{n}", text), text_norm_sha1=f"v{n}")],
                    [make_claim("d1", 0, f"a{n}")])
        load_pending(tmp_path)
        con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
        rows = con.execute(_VERSION_TEXTS).fetchall()
        assert rows == [(i, None if i == n else texts[i - 1], texts[i - 1])
                        for i in range(1, n + 1)]
        assert failing_checks(con) == {}
        con.close()


@pytest.mark.slow
def test_a_warehouse_whose_current_version_holds_its_text_still_loads(tmp_path: Path) -> None:
    """A warehouse loaded before the change stored the current version's text in
    document_versions too: a new version keeps that text and adds its own as NULL."""
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)))
    con.execute("UPDATE document_versions SET text = (SELECT text FROM documents)")
    con.close()
    edited = LONG + "\n新增一段。"
    write_spool(tmp_path, "run2",
                [replace(make_document("d1", "run2", edited), text_norm_sha1="changed")],
                [make_claim("d1", 0, "a2")])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute(_VERSION_TEXTS).fetchall() == [(1, LONG, LONG), (2, None, edited)]


@pytest.mark.slow
def test_an_unchanged_page_keeps_its_version_and_refreshes_claims(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    write_spool(tmp_path, "run2", [make_document("d1", "run2", LONG)],
                [make_claim("d1", 0, "a"), make_claim("d1", 1, "b")])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT count(*) FROM document_versions").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM claims WHERE version = 1").fetchone() == (2,)


@pytest.mark.slow
def test_a_404_marks_the_document_gone(tmp_path: Path) -> None:
    doc = make_document("d1", "run1", LONG)
    write_spool(tmp_path, "run1", [doc], [])
    load_pending(tmp_path)
    spool = write_spool(tmp_path, "run2", [], [], fetches=[(doc.url, 404)])
    assert spool.exists()
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT status FROM documents").fetchall() == [("gone",)]
    assert ("gone",) in con.execute("SELECT change FROM v_changes").fetchall()


@pytest.mark.slow
def test_seed_tables_are_loaded(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    topics = {r[0] for r in con.execute("SELECT id FROM topics").fetchall()}
    assert {"contacts_family", "legal_action", "overdue_grace"} <= topics and len(topics) == 15
    assert ("花呗",) in con.execute("SELECT canonical FROM products").fetchall()
    rules = con.execute("SELECT confidence, count(*) FROM reference_rules GROUP BY ALL"
                        " ORDER BY 1").fetchall()
    assert dict(rules).keys() == {"high", "medium"}


@pytest.mark.slow
def test_every_view_runs(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG),
                                   make_document("d2", "run1", LONG.replace("花呗", "借呗"))],
                [make_claim("d1", 0, "会联系家人", "affirms"),
                 make_claim("d2", 0, "不会联系家人", "denies")])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    views = [v for (v,) in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    assert {"v_claims", "v_independent_claims", "v_topic_stance", "v_thresholds",
            "v_contradictions", "v_changes", "v_rule_conflicts"} <= set(views)
    for view in views:
        con.execute(f"SELECT * FROM {view}").fetchall()
    stance = dict(con.execute("SELECT stance, sources FROM v_topic_stance").fetchall())
    # d2 is a near-duplicate of d1: one source that affirms and denies counts once, as mixed
    assert stance == {"mixed": 1}


@pytest.mark.slow
def test_kill_9_mid_load_then_rerun_gives_exact_counts(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    before = counts(warehouse_path(tmp_path))
    write_spool(tmp_path, "run2", [make_document(f"n{i}", "run2", LONG) for i in range(20)],
                [make_claim(f"n{i}", 0, "b") for i in range(20)])
    proc = subprocess.Popen(
        [*yuqi_command(), "load", "--data-dir", str(tmp_path)],
        env={**os.environ, "YUQI_PAUSE_AT": "commit"},
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline().strip() == "paused at commit"
    proc.kill()  # SIGKILL with every row of run2 written inside the open transaction
    proc.wait()
    assert counts(warehouse_path(tmp_path)) == before
    results = load_pending(tmp_path)
    assert [r.run_id for r in results if r.loaded] == ["run2"]
    after = counts(warehouse_path(tmp_path))
    assert after["documents"] == before["documents"] + 20
    assert after["claims"] == before["claims"] + 20
    assert after["crawl_runs"] == 2
    assert not any(r.loaded for r in load_pending(tmp_path))
    with duckdb.connect(str(warehouse_path(tmp_path)), read_only=True) as con:
        assert failing_checks(con) == {}


@pytest.mark.slow
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


@pytest.mark.slow
def test_damaged_file_names_the_way_out_and_rebuild_recovers(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    good = counts(warehouse_path(tmp_path))
    warehouse_path(tmp_path).write_bytes(b"this is not a database" * 300)
    with pytest.raises(WarehouseError) as info:
        load_pending(tmp_path)
    assert "damaged" in str(info.value) and "--rebuild" in str(info.value)
    load_pending(tmp_path, rebuild=True)
    assert counts(warehouse_path(tmp_path)) == good
    assert list(tmp_path.glob("warehouse.duckdb.broken-*"))


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ('[[rule]]\nid = "a"\ntopic = "t"\nstatement = "s"\nsource = "x"\nconfidence = "huge"\n',
         "rule[0].confidence"),
        ('[[rule]]\nid = "a"\ntopic = "t"\nstatement = "s"\nsource = "x"\nconfidence = "high"\n'
         'conflicts_with = "threshold"\n', "rule[0].conflicts_with"),
        ('[[rule]]\nid = "a"\ntopic = "t"\nstatement = "s"\nsource = "x"\nconfidence = "high"\n'
         'max_days = -3\n', "rule[0].max_days"),
        ('[[rule]]\nid = "a"\ntopic = "t"\nsource = "x"\nconfidence = "high"\n',
         "rule[0].statement"),
        ("rule = 3\n", "expected [[rule]]"),
        ('[[rule]]\nid = "a"\ntopic = "t"\nstatement = "s"\nsource = "x"\nconfidence = "high"\n'
         'agrees_if = "不会透露"\n', "rule[0].agrees_if"),
        ('[framing]\nviolation = [""]\n[[rule]]\nid = "a"\ntopic = "t"\nstatement = "s"\n'
         'source = "x"\nconfidence = "high"\n', "framing.violation"),
    ],
)
def test_bad_reference_rules_name_the_file_and_key(toml: str, fragment: str) -> None:
    with pytest.raises(WarehouseError) as info:
        parse_rules(toml, "rules.toml")
    assert "rules.toml" in str(info.value) and fragment in str(info.value)


def test_shipped_reference_rules_are_valid() -> None:
    rules = reference_rules()
    assert {r.confidence for r in rules} == {"high", "medium"}
    assert any(r.conflicts_with == "threshold" and r.anchor == "retention" for r in rules)


@pytest.mark.slow
def test_data_checks_catch_a_duplicate_claim(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)], [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)))
    assert failing_checks(con) == {}
    con.execute("INSERT INTO claims SELECT * FROM claims")
    con.execute("DELETE FROM clusters")
    failures = failing_checks(con)
    assert failures == {"claim ids are unique": 1, "every document is clustered": 1}
    assert set(failures) <= set(CHECKS)


@pytest.mark.slow
def test_rule_conflicts_and_contradictions(tmp_path: Path) -> None:
    retention = replace(make_claim("d1", 0, "不良记录保存3年。", "affirms", ("credit_report",)),
                        min_days=1095, max_days=1095, anchor="retention", products=())
    jail = replace(make_claim("d1", 1, "信用卡逾期一个月就会坐牢。", "conditional",
                              ("criminal_risk",)),
                   max_days=30, min_days=30, anchor="overdue", products=("信用卡",))
    lawful = replace(make_claim("d1", 2, "不良记录保存5年。", "affirms", ("credit_report",)),
                     min_days=1825, max_days=1825, anchor="retention", products=())
    affirm = make_claim("d1", 3, "花呗逾期会联系家人。", "affirms")
    deny = make_claim("d2", 0, "花呗逾期不会联系家人。", "denies")
    other = LONG.replace("花呗", "借呗").replace("短信", "律师函").replace("电话", "上门")
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG),
                                   make_document("d2", "run1", other[::-1])],
                [retention, jail, lawful, affirm, deny])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    conflicts = set(con.execute("SELECT rule_id, text FROM v_rule_conflicts").fetchall())
    assert ("credit-record-5y", "不良记录保存3年。") in conflicts
    assert ("malicious-overdraft-3m", "信用卡逾期一个月就会坐牢。") in conflicts
    assert not any(text == "不良记录保存5年。" for _, text in conflicts)
    pairs = con.execute(
        "SELECT topic, product, affirm_text, deny_text FROM v_contradictions").fetchall()
    assert pairs == [("contacts_family", "花呗", "花呗逾期会联系家人。", "花呗逾期不会联系家人。")]


@pytest.mark.slow
def test_export_writes_parquet_with_unsigned_fingerprints(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG, simhash=2**64 - 1)],
                [make_claim("d1", 0, "a")])
    load_pending(tmp_path)
    out = tmp_path / "export"
    proc = invoke_yuqi("export", "--data-dir", str(tmp_path), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    import pyarrow.parquet as pq

    docs = pq.read_table(out / "documents.parquet")
    assert docs.column("simhash").to_pylist() == [2**64 - 1]
    assert pq.read_table(out / "v_independent_claims.parquet").num_rows == 1
    assert (out / "claims.parquet").exists() and (out / "v_topic_stance.parquet").exists()
