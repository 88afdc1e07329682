"""The stored dedup index: a later load clusters new documents against earlier ones without
re-shingling them, exactly as clustering everything in memory would; repost lineage view."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dedup import Assignment, ClusteredDoc, Clusterer, DedupInput, IndexEntry
from pipeline.records import Document
from pipeline.spool import read_manifest, spool_files
from tests.helpers import make_document, write_spool
from tests.test_dedup import ARTICLE, OTHER, text
from tests.test_dedup_properties import SENTENCES
from warehouse.checks import failing_checks
from warehouse.load import (
    SPOOL_TABLES,
    DedupStore,
    IndexProbe,
    load_run,
)
from warehouse.migrate import available_migrations, migrate
from yuqi.app.load import assign_clusters

COLUMNS = ("cluster_id, matched_doc_id, distance, similarity, canonical_doc_id,"
           " canonical_distance, canonical_similarity")
Row = tuple[object, ...]


class RecordingStore:
    """A DedupStore proxy that remembers which texts the clusterer asked for."""

    def __init__(self, inner: DedupStore) -> None:
        self.inner = inner
        self.fetched: set[str] = set()
        self.looked_up: set[str] = set()

    def lookup(self, probe: IndexProbe) -> list[IndexEntry]:
        rows = self.inner.lookup(probe)
        self.looked_up.update(r.doc_id for r in rows)
        return rows

    def texts(self, doc_ids: Sequence[str]) -> dict[str, str]:
        self.fetched.update(doc_ids)
        return self.inner.texts(doc_ids)


class RecordingAssigner:
    """The warehouse assigner, recording what it read of earlier documents."""

    def __init__(self) -> None:
        self.stores: list[RecordingStore] = []
        self.indexed: list[str] = []

    def index(self, docs: Sequence[ClusteredDoc]) -> list[IndexEntry]:
        self.indexed.extend(d.doc_id for d in docs)
        return assign_clusters.index(docs)

    def assign(self, new: Sequence[DedupInput], store: DedupStore
               ) -> list[tuple[Assignment, IndexEntry]]:
        recording = RecordingStore(store)
        self.stores.append(recording)
        return assign_clusters.assign(new, recording)


def load(con: duckdb.DuckDBPyConnection, data: Path, run_id: str, docs: list[Document],
         assigner: RecordingAssigner | None = None) -> RecordingAssigner:
    """Write *docs* as run *run_id*'s spool and load it with a recording assigner."""
    spool = write_spool(data, run_id, docs, [])
    manifest = read_manifest(spool)
    assert manifest is not None
    assigner = assigner or RecordingAssigner()
    load_run(con, {t: spool_files(spool, t) for t in SPOOL_TABLES}, manifest, assigner)
    return assigner


def cluster_rows(con: duckdb.DuckDBPyConnection) -> dict[str, Row]:
    return {str(r[0]): tuple(r[1:]) for r in con.execute(
        f"SELECT doc_id, {COLUMNS} FROM clusters").fetchall()}


def doc(doc_id: str, run_id: str, body: str, published: str, site: str = "farm-a"
        ) -> Document:
    return replace(make_document(doc_id, run_id, body, site=site), published=published)


def reference(old: list[Document], new: list[Document]) -> dict[str, Row]:
    """Everything clustered in memory from the texts, old run first, then the new one."""
    clusterer = Clusterer()
    out = {}
    for batch in (old, new):
        for a in clusterer.assign_all(DedupInput(d.doc_id, d.text, d.published) for d in batch):
            out[a.doc_id] = (a.cluster_id, a.matched_doc_id, a.distance, a.similarity,
                             a.canonical_doc_id, a.canonical_distance, a.canonical_similarity)
    return out


def partition(clusters: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for doc_id, cluster in clusters.items():
        groups.setdefault(cluster, set()).add(doc_id)
    return {frozenset(g) for g in groups.values()}


texts = st.lists(st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=7).map("\n".join),
                 min_size=1, max_size=7)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_second_load_from_the_index_equals_clustering_everything_in_memory(
        old_texts: list[str], new_texts: list[str]) -> None:
    old = [doc(f"o{i}", "run1", t, "2026-01-01") for i, t in enumerate(old_texts)]
    new = [doc(f"n{i}", "run2", t, "2026-02-01") for i, t in enumerate(new_texts)]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        con = duckdb.connect(str(data / "w.duckdb"))
        migrate(con)
        load(con, data, "run1", old)
        before = cluster_rows(con)
        second = load(con, data, "run2", new)
        after = cluster_rows(con)
        assert failing_checks(con) == {}
        indexed = con.execute("SELECT count(*), count(DISTINCT seq) FROM dedup_index").fetchall()
        con.close()
    expected = reference(old, new)
    assert after == expected  # ids, matches, distances, similarities, canonicals
    assert {d: after[d] for d in before} == before  # no earlier row changed
    assert second.indexed == []  # nothing re-shingled wholesale
    assert indexed == [(len(old) + len(new), len(old) + len(new))]
    # Clustering old and new in one pass (new ones published later) gives the same partition.
    one_pass = Clusterer().assign_all(
        DedupInput(d.doc_id, d.text, d.published) for d in old + new)
    assert partition({d: str(r[0]) for d, r in after.items()}) == partition(
        {a.doc_id: a.cluster_id for a in one_pass})


def gibberish(seed: int) -> str:
    """A long text of random CJK characters: shares no shingle with any article here."""
    rnd = random.Random(seed)
    return "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(300))


REPOST = ["很多朋友问我这个问题，今天统一回复一下。"] + ARTICLE
ADS = ["加微信免费咨询债务问题，专业团队一对一服务。", "本站内容仅供参考，不构成任何建议。"]


def test_repost_chain_lineage_and_only_candidates_are_read(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    unrelated = [doc(f"u{i}", "run1", gibberish(i), "2026-01-03", site="farm-z")
                 for i in range(4)]
    load(con, tmp_path, "run1", [
        doc("a", "run1", text(ARTICLE), "2026-01-01", site="farm-a"),
        doc("b", "run1", text(REPOST), "2026-01-05", site="farm-b"),
        *unrelated,
    ])
    before = cluster_rows(con)
    second = load(con, tmp_path, "run2", [
        doc("c", "run2", text(REPOST + ADS), "2026-01-09", site="farm-c"),
        doc("d", "run2", text(ARTICLE[::-1] + ADS), "2026-01-10", site="farm-a"),
    ])
    after = cluster_rows(con)
    assert {d: after[d] for d in before} == before
    assert after["c"][0] == after["b"][0] == after["a"][0] == after["d"][0] == "c-a"
    # c matched b (its closest copy) but its canonical is a, the first publication.
    assert after["c"][1] == "b" and after["c"][4] == "a"
    canonical_sim = after["c"][6]
    assert isinstance(canonical_sim, float) and 0.5 <= canonical_sim < 1.0
    assert after["a"][4:] == ("a", 0, 1.0)
    # Only documents a new one could reach were read; the unrelated ones never were.
    (store,) = second.stores
    assert store.fetched <= {"a", "b"} and store.fetched
    assert not store.looked_up & {u.doc_id for u in unrelated}
    lineage = con.execute(
        "SELECT canonical_doc_id, first_site, documents, site_count, sites FROM v_clusters"
        " WHERE cluster_id = 'c-a'").fetchall()
    assert lineage == [("a", "farm-a", 4, 3, ["farm-a", "farm-b", "farm-c"])]
    singles = con.execute("SELECT first_site, documents, sites FROM v_clusters"
                          " WHERE cluster_id LIKE 'c-u%'").fetchall()
    assert singles == [("farm-z", 1, ["farm-z"])] * 4


def test_warehouse_without_index_is_indexed_once_then_clusters_the_same(tmp_path: Path
                                                                         ) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    old = [doc("a", "run1", text(ARTICLE), "2026-01-01"),
           doc("o", "run1", text(OTHER), "2026-01-02")]
    load(con, tmp_path, "run1", old)
    con.execute("DELETE FROM dedup_anchors")
    con.execute("DELETE FROM dedup_index")  # as a warehouse made before migration 0005
    new = [doc("b", "run2", text(REPOST), "2026-02-01")]
    second = load(con, tmp_path, "run2", new)
    assert sorted(second.indexed) == ["a", "o"]
    assert cluster_rows(con) == reference(old, new)
    third = load(con, tmp_path, "run3", [doc("c", "run3", text(OTHER + ADS), "2026-03-01")])
    assert third.indexed == []
    assert cluster_rows(con)["c"][0] == "c-o"


def test_a_changed_text_is_reindexed_and_new_copies_of_it_join(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    load(con, tmp_path, "run1", [doc("a", "run1", text(ARTICLE), "2026-01-01")])
    old_fp = con.execute("SELECT simhash FROM dedup_index").fetchall()
    edited = replace(doc("a", "run2", text(OTHER), "2026-01-01"), text_norm_sha1="changed")
    second = load(con, tmp_path, "run2", [edited])
    assert second.indexed == ["a"]
    assert con.execute("SELECT simhash FROM dedup_index").fetchall() != old_fp
    assert con.execute("SELECT count(*), max(seq) FROM dedup_index").fetchall() == [(1, 0)]
    load(con, tmp_path, "run3", [doc("c", "run3", text(OTHER + ADS), "2026-03-01"),
                                 doc("d", "run3", text(ARTICLE), "2026-03-01")])
    rows = cluster_rows(con)
    assert rows["c"][0] == "c-a"  # joins through a's new text
    assert rows["d"][0] == "c-d"  # a's old text is forgotten


def test_migration_gives_old_clusters_their_canonical(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    first_four = [m for m in available_migrations() if m.version <= 4]
    con.close()
    (tmp_path / "w.duckdb").unlink()
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR,"
                " checksum VARCHAR, applied_at TIMESTAMP)")
    for m in first_four:
        con.execute(m.sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?, now()::TIMESTAMP)",
                    [m.version, m.name, m.checksum])
    con.execute("INSERT INTO clusters VALUES ('a', 'c-a', NULL, NULL, NULL),"
                " ('b', 'c-a', 'a', 4, 0.8), ('c', 'c-a', 'b', 2, 0.9)")
    assert migrate(con)[0] == 5  # and any later ones
    got = con.execute("SELECT doc_id, canonical_doc_id, canonical_distance,"
                      " canonical_similarity FROM clusters ORDER BY doc_id").fetchall()
    assert got == [("a", "a", 0, 1.0), ("b", "a", 4, 0.8), ("c", "a", None, None)]
