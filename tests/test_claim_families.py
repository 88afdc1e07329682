"""Fuzzy claim families (issue 15, item 5): a sentence copied with small edits onto many
sites is one claim, attributed to its earliest copy; a family never mixes what is said."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.claim_families import (
    FamilyIndex,
    FamilyMember,
    assign_families,
    family_text,
    label_signature,
    product_names,
)
from pipeline.records import Claim, Document
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from warehouse.families import assign_new_families
from warehouse.migrate import available_migrations, migrate
from yuqi.app.load import assign_claim_families, load_pending

SIG = label_signature(("contacts_family",), "denies", "descriptive", "frequency", None, None)
# Written for these tests: a sentence, a spun copy (two near-synonyms, a stray word), a
# product-swapped copy, a Traditional copy, and a different sentence with the same labels.
SOURCE = "花呗逾期以后，正常情况下平台不会主动联系借款人的家人和朋友。"
SPUN = "花呗逾期之后，正常情况下平台相关不会积极联系借款人的家人与朋友。"
SWAPPED = "借呗逾期以后，正常情况下平台不会主动联系借款人的家人和朋友。"
TRADITIONAL = "花唄逾期以後，正常情況下平臺不會主動聯繫借款人的家人和朋友。"
OTHER = "只要按时接听催收电话，一般就不会打到父母那里。"


def _place(*texts: str, signature: str = SIG) -> list[str]:
    index = FamilyIndex()
    return [index.place(FamilyMember(f"k{i}", signature, family_text(t, product_names())))
            for i, t in enumerate(texts)]


def test_copies_with_small_edits_join_the_first_sentences_family() -> None:
    got = _place(SOURCE, SPUN, SWAPPED, TRADITIONAL, OTHER)
    assert got[:4] == ["k0"] * 4
    assert got[4] == "k4"


def test_a_family_never_mixes_labels() -> None:
    index = FamilyIndex()
    text = family_text(SOURCE, product_names())
    first = index.place(FamilyMember("a", SIG, text))
    affirms = label_signature(("contacts_family",), "affirms", "descriptive", "frequency",
                              None, None)
    later = label_signature(("contacts_family",), "denies", "descriptive", "frequency", 30, None)
    assert index.place(FamilyMember("b", affirms, text)) == "b" != first
    assert index.place(FamilyMember("c", later, text)) == "c"


def test_family_text_masks_products_and_reads_normalized_text() -> None:
    names = product_names()
    assert family_text(SOURCE, names) == family_text(SWAPPED, names)
    assert family_text(SOURCE, names) == family_text(TRADITIONAL, names)
    assert "花呗" in family_text(SOURCE)  # nothing masked without the names


def test_known_families_keep_their_ids() -> None:
    """A later load places new sentences against the families stored by earlier loads."""
    names = product_names()
    known = [("old", SIG, "fam-old", family_text(SOURCE, names))]
    placed = assign_families(known, [("new", SIG, SPUN, ""), ("other", SIG, OTHER, "")], names)
    assert [(key, fam) for key, _, fam, _ in placed] == [("new", "fam-old"), ("other", "other")]


def _claim(doc: str, idx: int, text: str, **kw: object) -> Claim:
    base = make_claim(doc, idx, text, "denies")
    return replace(base, hedge="frequency", sentence_sha1=f"sha-{doc}-{idx}", **kw)  # type: ignore[arg-type]


@pytest.mark.slow
def test_warehouse_counts_a_spun_sentence_once_across_sources(tmp_path: Path) -> None:
    bodies = ["第一篇：" + "花呗的账单日和还款日可以在支付宝里查看。" * 4,
              "第二篇：" + "信用卡的最低还款额一般是账单金额的十分之一。" * 4,
              "第三篇：" + "网贷平台的客服电话可以在官方应用的帮助页找到。" * 4]
    docs = [make_document(f"d{i}", "run1", b, simhash=s)
            for i, (b, s) in enumerate(zip(bodies, (0x0F0F0F0F0F0F0F0F, 0xF0F0F0F0F0F0F0F0,
                                                    0x00FF00FF00FF00FF), strict=True))]
    write_spool(tmp_path, "run1", docs, [
        _claim("d0", 0, SOURCE), _claim("d1", 0, SPUN), _claim("d2", 0, OTHER),
        _claim("d2", 1, SOURCE, stance="affirms"),  # same words, other stance: own family
    ])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    rows = con.execute("SELECT text, stance, family_size, family_clusters FROM "
                       "v_independent_claims ORDER BY text, stance").fetchall()
    assert len({r[0] for r in rows if r[1] == "denies"}) == 2  # SOURCE family and OTHER
    source = next(r for r in rows if r[1] == "denies" and r[0] in (SOURCE, SPUN))
    assert source[2:] == (2, 2)
    assert any(r[0] == SOURCE and r[1] == "affirms" for r in rows)
    # The SQL signature the views join on is the Python one.
    sql = con.execute("SELECT DISTINCT claim_signature(topics, stance, modality, hedge, "
                      "min_days, max_days) FROM claims WHERE stance = 'denies'").fetchall()
    assert sql == [(SIG,)]
    families = dict(con.execute("SELECT sentence_sha1, family_id FROM v_claim_families"
                                ).fetchall())
    assert families["sha-d1-0"] == families["sha-d0-0"] != families["sha-d2-0"]


#: Each test document's body and simhash (far apart, so no two pages are one cluster).
_BODIES = {
    "d0": ("第一篇：" + "花呗的账单日可以在支付宝里查看。" * 5, 0x0F0F0F0F0F0F0F0F),
    "d1": ("第二篇：" + "信用卡的最低还款额是账单的十分之一。" * 5, 0xF0F0F0F0F0F0F0F0),
    "d2": ("第三篇：" + "网贷平台的客服电话在官方应用里。" * 5, 0x00FF00FF00FF00FF),
}


def _document(doc_id: str, run_id: str = "run2") -> Document:
    """Test document *doc_id* of *run_id*, with its own body and simhash."""
    body, simhash = _BODIES[doc_id]
    return make_document(doc_id, run_id, body, simhash=simhash)


def _load_run1(tmp_path: Path) -> None:
    """Load run 1: page d0 with the claims SOURCE and OTHER."""
    write_spool(tmp_path, "run1", [_document("d0", "run1")],
                [_claim("d0", 0, SOURCE), _claim("d0", 1, OTHER)])
    load_pending(tmp_path)


@pytest.mark.slow
def test_a_later_load_places_its_sentences_in_the_stored_families(tmp_path: Path) -> None:
    """Run 2 reads only its own documents' claims: its spun and product-swapped copies join
    run 1's family, and two new sentences that differ only in the product found one."""
    _load_run1(tmp_path)
    doc1, doc2 = _document("d1"), _document("d2")
    write_spool(tmp_path, "run2", [doc1, doc2], [
        _claim("d1", 0, SPUN),      # an edited copy: placed by the assigner
        _claim("d1", 1, SWAPPED),   # another product: the stored family's exact text
        _claim("d2", 0, "借呗逾期后，手机里存的号码一般不会挨个打。"),
        _claim("d2", 1, "花呗逾期后，手机里存的号码一般不会挨个打。"),  # same load, same text
    ])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    families = dict(con.execute("SELECT sentence_sha1, family_id FROM claim_families"
                                ).fetchall())
    assert families == {"sha-d0-0": "sha-d0-0", "sha-d0-1": "sha-d0-1",
                        "sha-d1-0": "sha-d0-0", "sha-d1-1": "sha-d0-0",
                        "sha-d2-0": "sha-d2-0", "sha-d2-1": "sha-d2-0"}


@pytest.mark.slow
def test_the_first_load_after_the_upgrade_gives_every_stored_claim_its_family(
        tmp_path: Path) -> None:
    """A warehouse from before claim families (none stored) gets them all on its next load,
    not only for the documents that load wrote."""
    _load_run1(tmp_path)
    with duckdb.connect(str(warehouse_path(tmp_path))) as con:
        # as migrations 0019 and 0024 leave a warehouse that never placed a family
        con.execute("DELETE FROM claim_family_links")
        con.execute("UPDATE claims SET family_text = NULL")
    doc1 = _document("d1")
    write_spool(tmp_path, "run2", [doc1], [_claim("d1", 0, SPUN)])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    families = dict(con.execute("SELECT sentence_sha1, family_id FROM claim_families"
                                ).fetchall())
    assert families == {"sha-d0-0": "sha-d0-0", "sha-d0-1": "sha-d0-1",
                        "sha-d1-0": "sha-d0-0"}


def _two_runs(tmp_path: Path, edit_run2: Callable[[Path], None] | None = None) -> None:
    """Run 1, then run 2 with spun, product-swapped and exact copies of run 1's sentences,
    one sentence under two labels, and one page reloaded unchanged; *edit_run2* gets run
    2's spool dir before it loads."""
    _load_run1(tmp_path)
    doc0_again = _document("d0")
    doc1, doc2 = _document("d1"), _document("d2")
    write_spool(tmp_path, "run2", [doc0_again, doc1, doc2], [
        _claim("d0", 0, SOURCE), _claim("d0", 1, OTHER),
        _claim("d1", 0, SPUN), _claim("d1", 1, SWAPPED),
        _claim("d1", 2, SOURCE, stance="affirms"),
        replace(_claim("d2", 0, SOURCE, stance="affirms"), sentence_sha1="sha-d1-2"),
        _claim("d2", 1, "借呗逾期后，手机里存的号码一般不会挨个打。"),
        _claim("d2", 2, "花呗逾期后，手机里存的号码一般不会挨个打。"),
        _claim("d2", 3, TRADITIONAL),
    ])
    if edit_run2 is not None:
        edit_run2(tmp_path / "spool" / "run2")
    load_pending(tmp_path)


@pytest.mark.slow
def test_each_labels_and_family_text_has_one_link(tmp_path: Path) -> None:
    """claim_family_links has no key: loads write each (labels, family text) once, however
    often it is copied, reloaded or repeated within a load, and no row per sentence; every
    claim carries the family text it was linked by."""
    _two_runs(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    rows = con.execute("SELECT count(*), count(DISTINCT (signature, family_text))"
                       " FROM claim_family_links").fetchall()
    # 8 (sentence, labels); product-swapped and Traditional copies share their text's link
    assert rows == [(5, 5)]
    assert con.execute("SELECT count(*), count(DISTINCT (sentence_sha1, signature))"
                       " FROM claim_families").fetchall() == [(8, 8)]
    assert con.execute("SELECT count(*) FROM claims WHERE family_text IS NULL"
                       " OR family_text = ''").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name ="
                       " 'claim_family_links' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
                       ).fetchall() == [(0,)]


@pytest.mark.slow
def test_families_placed_from_the_spool_equal_the_assigners_own(tmp_path: Path) -> None:
    """The load groups exact copies in SQL from the spooled family texts; placing every
    claim again in Python alone, from its sentence (as for claims stored before their
    family text), gives the same families and the same family texts."""
    _two_runs(tmp_path)
    with duckdb.connect(str(warehouse_path(tmp_path))) as con:
        loaded = sorted(con.execute("SELECT * FROM claim_families").fetchall())
        texts = sorted(con.execute("SELECT claim_id, family_text FROM claims").fetchall())
        con.execute("DELETE FROM claim_family_links")
        con.execute("UPDATE claims SET family_text = NULL")
        assign_new_families(con, assign_claim_families)
        again = sorted(con.execute("SELECT * FROM claim_families").fetchall())
        assert sorted(con.execute("SELECT claim_id, family_text FROM claims").fetchall()) \
            == texts
    assert loaded == again
    families = {(a, b.split("|")[1]): c for a, b, c, _ in loaded}
    assert families[("sha-d1-0", "denies")] == families[("sha-d1-1", "denies")] == "sha-d0-0"
    assert families[("sha-d2-3", "denies")] == "sha-d0-0"
    assert families[("sha-d1-2", "affirms")] == "sha-d1-2"
    assert families[("sha-d2-2", "denies")] == "sha-d2-1"


def _drop_some_family_texts(spool_dir: Path) -> None:
    """Blank the family text of every other claim, as a spool half written by a yuqi
    before `claims.family_text` would read."""
    for path in spool_dir.glob("*.claims.*.parquet"):
        table = pq.read_table(path)
        texts = table.column("family_text").to_pylist()
        blanked = pa.array([t if i % 2 else None for i, t in enumerate(texts)], pa.string())
        pq.write_table(table.set_column(table.schema.get_field_index("family_text"),
                                        "family_text", blanked), path)


@pytest.mark.slow
def test_claims_without_a_spooled_family_text_are_placed_from_their_text(
        tmp_path: Path) -> None:
    """A spool where only some claims carry their family text places the same families
    as one where all do: the others' texts are still picked for the assigner."""
    _two_runs(tmp_path / "all")
    _two_runs(tmp_path / "some", _drop_some_family_texts)
    rows = []
    for name in ("all", "some"):
        with duckdb.connect(str(warehouse_path(tmp_path / name)), read_only=True) as con:
            rows.append(sorted(con.execute("SELECT * FROM claim_families").fetchall()))
            blank = con.execute("SELECT count(*) FROM claim_families WHERE family_text = ''"
                                ).fetchall()
            assert blank == [(0,)]
            # the claims spooled without one got the family text they were placed with
            assert con.execute("SELECT count(*) FROM claims WHERE family_text IS NULL"
                               ).fetchall() == [(0,)]
    assert rows[0] == rows[1]
    assert len(rows[0]) == 8


def _statement(version: int, start: str) -> str:
    """The statement of migration *version* that begins with *start*, as CREATE OR REPLACE."""
    (mig,) = [m for m in available_migrations() if m.version == version]
    at = mig.sql.index(start)
    return mig.sql[at:mig.sql.index(";\n", at)].replace("CREATE VIEW", "CREATE OR REPLACE VIEW")


def _as_before_0023(con: duckdb.DuckDBPyConnection,
                    families: list[tuple[str, str, str, str]]) -> None:
    """Put a migrated warehouse back as migration 0022 left it: claim_families a keyed
    table of *families*, no links, no claims.family_text, the views reading the table."""
    con.execute("DELETE FROM schema_migrations WHERE version IN (23, 24)")
    con.execute("DROP VIEW claim_families")
    con.execute(_statement(19, "CREATE TABLE claim_families"))  # the keyed table of 0019
    con.executemany("INSERT INTO claim_families VALUES (?, ?, ?, ?)", families)
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO claim_families VALUES (?, ?, ?, ?)", families[0])
    con.execute("DROP TABLE claim_family_links")
    con.execute(_statement(3, "CREATE VIEW v_claims"))
    con.execute(_statement(19, "CREATE VIEW v_claim_families"))
    (views_0022,) = [m for m in available_migrations() if m.version == 22]
    con.execute(views_0022.sql)
    con.execute("ALTER TABLE claims DROP COLUMN family_text")


@pytest.mark.slow
def test_a_warehouse_with_a_row_per_sentence_migrates_with_its_families(
        tmp_path: Path) -> None:
    """Migrations 0023 and 0024 turn claim_families (keyed, a row per sentence and labels)
    into links per (labels, family text) and each claim's family text: the families, the
    views over them and the family texts a load writes are unchanged, and the next load
    places its sentences in them."""
    _two_runs(tmp_path)
    path = warehouse_path(tmp_path)
    views_read = ("claim_families", "v_claims", "v_claim_families", "v_independent_claims",
                  "v_claim_first_seen", "v_independent_claim_topics_by_run")
    with duckdb.connect(str(path)) as con:
        families = sorted(con.execute("SELECT * FROM claim_families").fetchall())
        texts = sorted(con.execute("SELECT claim_id, family_text FROM claims").fetchall())
        views = {v: sorted(con.execute(f"SELECT * FROM {v}").fetchall(), key=repr)
                 for v in views_read}
        _as_before_0023(con, families)
        assert sorted(con.execute("SELECT * FROM v_claim_families").fetchall(), key=repr) \
            == views["v_claim_families"]
        assert migrate(con) == [23, 24]
        assert sorted(con.execute("SELECT claim_id, family_text FROM claims").fetchall()) \
            == texts
        for view, rows in views.items():
            assert sorted(con.execute(f"SELECT * FROM {view}").fetchall(), key=repr) == rows
    doc = _document("d0", "run3")
    write_spool(tmp_path, "run3", [replace(doc, doc_id="d3", url="http://127.0.0.1/d3.html",
                                           final_url="http://127.0.0.1/d3.html")],
                [_claim("d3", 0, SWAPPED)])
    load_pending(tmp_path)
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT family_id FROM v_claim_families WHERE doc_id = 'd3'"
                           ).fetchall()
    assert rows == [("sha-d0-0",)]


@pytest.mark.slow
def test_a_page_spooled_twice_in_one_run_is_loaded_once(tmp_path: Path) -> None:
    """A page fetched twice in one run spools its document and claims twice: the load keeps
    the later fetch, one copy of each claim, and families only for the claims it kept."""
    body = "第一篇：" + "花呗的账单日可以在支付宝里查看。" * 5
    first = make_document("d0", "run1", body, simhash=0x0F0F0F0F0F0F0F0F)
    later = replace(first, fetched_at="2026-11-29T01:00:00Z", title="later")
    write_spool(tmp_path, "run1", [first, later],
                [_claim("d0", 0, SOURCE), _claim("d0", 1, OTHER),
                 _claim("d0", 0, SOURCE), _claim("d0", 1, OTHER)])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT title FROM documents").fetchall() == [("later",)]
    assert con.execute("SELECT claim_id FROM claims ORDER BY claim_id").fetchall() == [
        ("d0:1:0",), ("d0:1:1",)]
    assert sorted(con.execute("SELECT sentence_sha1, family_id FROM claim_families"
                              ).fetchall()) == [("sha-d0-0", "sha-d0-0"),
                                                ("sha-d0-1", "sha-d0-1")]


def test_the_spooled_signature_is_the_warehouses(tmp_path: Path) -> None:
    """The crawl spools each claim's label signature; the load keys families by it and the
    views by the SQL macro, so the two must agree on every kind of label."""
    claims = [
        _claim("d0", 0, SOURCE),
        _claim("d0", 1, SPUN, topics=("legal_action", "contacts_family"), stance="affirms"),
        replace(_claim("d0", 2, OTHER, topics=(), modality=None), hedge=None),
        _claim("d0", 3, SWAPPED, min_days=30, max_days=90, stance="conditional"),
        _claim("d0", 4, TRADITIONAL, min_days=0, max_days=None, stance=None),
    ]
    spool = write_spool(tmp_path, "run1", [make_document("d0", "run1", SOURCE)], claims)
    con = duckdb.connect()
    migrate(con)
    rows = con.execute(
        "SELECT signature, claim_signature(topics, stance, modality, hedge, min_days, max_days)"
        " FROM read_parquet(?)", [str(next(spool.glob("*.claims.*.parquet")))]).fetchall()
    assert len(rows) == 5
    assert all(spooled == sql for spooled, sql in rows), rows
    assert len({spooled for spooled, _ in rows}) == 5
