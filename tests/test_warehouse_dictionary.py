"""Issue 20: every table and view column is commented, the data dictionary is current, the
export carries the comments, and the label vocabulary is documented in the repository."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import duckdb
import pytest

from pipeline.claims.taxonomy import TOPIC_IDS
from tests.cli import invoke_yuqi
from tests.helpers import make_claim, make_document, write_spool
from warehouse.comments import parse_comments, shipped_comments
from warehouse.connect import WarehouseError, warehouse_path
from warehouse.dictionary import current_schema_markdown, relations
from warehouse.export import COLUMN_KEY_PREFIX, COMMENT_KEY, DICTIONARY_FILE, MANIFEST_FILE
from warehouse.migrate import migrate
from yuqi.app.load import load_pending

ROOT = Path(__file__).resolve().parents[1]
LONG = "花呗逾期以后，平台一般会先发短信提醒，然后打电话催收，长期不还才会委托第三方。" * 3


@pytest.fixture()
def migrated() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    migrate(con)
    return con


def test_every_table_and_view_column_has_a_comment(migrated: duckdb.DuckDBPyConnection
                                                   ) -> None:
    rels = relations(migrated)
    views = [r for r in rels if r.kind == "view"]
    assert len(views) >= 10 and any(r.name == "v_clusters" for r in views)
    assert [(r.name, c.name) for r in rels for c in r.columns if not c.comment] == []
    assert [r.name for r in rels if not r.comment] == []


def test_comments_survive_a_view_being_redefined(migrated: duckdb.DuckDBPyConnection) -> None:
    sql = migrated.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'v_clusters'"
                           ).fetchone()
    assert sql is not None
    migrated.execute(str(sql[0]).replace("CREATE VIEW", "CREATE OR REPLACE VIEW", 1))
    lost = migrated.execute("SELECT count(comment) FROM duckdb_columns() "
                            "WHERE table_name = 'v_clusters'").fetchone()
    assert lost == (0,)
    migrate(migrated)
    kept = migrated.execute("SELECT count(*) - count(comment) FROM duckdb_columns() "
                            "WHERE table_name = 'v_clusters'").fetchone()
    assert kept == (0,)


def test_every_comment_entry_names_a_column_that_exists(migrated: duckdb.DuckDBPyConnection
                                                        ) -> None:
    known = {(r.name, c.name) for r in relations(migrated) for c in r.columns}
    names = {r.name for r in relations(migrated)}
    stale = []
    for entry in shipped_comments():
        if entry.name not in names:
            stale.append(entry.name)
        stale += [f"{entry.name}.{c}" for c in entry.columns if (entry.name, c) not in known]
        stale += [f"{entry.name} from {t}" for t in entry.inherit_from if t not in names]
    assert stale == []


@pytest.mark.parametrize(("toml", "fragment"), [
    ("[views.v_x]\ncolumns.a = 3\n", "views.v_x.columns"),
    ("[views.v_x]\nfrom = 'claims'\n", "views.v_x.from"),
    ("[views.v_x]\nwhere = 1\n", "views.v_x.where: unknown key"),
    ("[tables.t]\nfrom = ['claims']\n", "tables.t.from: unknown key"),
    ("[things.x]\n", "things: unknown key"),
    ("[views.v_x\n", "invalid TOML"),
])
def test_a_bad_comments_file_names_the_file_and_key(toml: str, fragment: str) -> None:
    with pytest.raises(WarehouseError, match=re.escape(fragment)) as err:
        parse_comments(toml, "comments.toml")
    assert str(err.value).startswith("comments.toml")


def test_docs_warehouse_md_is_current() -> None:
    text = (ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8")
    assert text == current_schema_markdown(), "run `yuqi docs --out docs/warehouse.md`"


@pytest.mark.slow
def test_yuqi_docs_check_says_when_a_file_is_stale(tmp_path: Path) -> None:
    target = tmp_path / "warehouse.md"
    target.write_text("# old\n", encoding="utf-8")
    stale = invoke_yuqi("docs", "--check", "--out", str(target))
    assert stale.returncode == 1 and str(target) in stale.stderr
    assert invoke_yuqi("docs", "--out", str(target)).returncode == 0
    assert invoke_yuqi("docs", "--check", "--out", str(target)).returncode == 0
    assert "### v_clusters" in target.read_text(encoding="utf-8")


def test_labels_doc_covers_the_vocabulary() -> None:
    doc = (ROOT / "docs" / "labels.md").read_text(encoding="utf-8")
    missing = [t for t in TOPIC_IDS if f"`{t}`" not in doc]
    products = tomllib.loads((ROOT / "pipeline" / "claims" / "data" / "products.toml")
                             .read_text(encoding="utf-8"))
    missing += [p["canonical"] for p in products["product"] if p["canonical"] not in doc]
    missing += [v for v in ("affirms", "denies", "conditional", "question", "descriptive",
                            "normative", "advice", "none", "frequency", "possibility",
                            "overdue", "retention", "installment") if f"`{v}`" not in doc]
    assert missing == []


@pytest.mark.slow
def test_export_round_trips_every_relation_with_comments(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    write_spool(tmp_path, "run1", [make_document("d1", "run1", LONG)],
                [make_claim("d1", 0, "花呗逾期会联系家人。")])
    load_pending(tmp_path)
    out = tmp_path / "export"
    proc = invoke_yuqi("export", "--data-dir", str(tmp_path), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    rels = relations(con)
    manifest = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert set(manifest["rows"]) == {r.name for r in rels}
    for rel in rels:
        table = pq.read_table(out / f"{rel.name}.parquet")
        expected = con.execute(f'SELECT count(*) FROM "{rel.name}"').fetchone()
        assert expected is not None and table.num_rows == expected[0], rel.name
        assert table.column_names == [c.name for c in rel.columns], rel.name
        meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
        assert meta[COMMENT_KEY] == rel.comment, rel.name
        for column in rel.columns:
            assert meta[COLUMN_KEY_PREFIX + column.name] == column.comment, (rel.name, column)
    dictionary = (out / DICTIONARY_FILE).read_text(encoding="utf-8")
    assert all(f"### {r.name}" in dictionary for r in rels)
    clusters = pq.read_table(out / "v_clusters.parquet")
    assert clusters.num_rows >= 1
