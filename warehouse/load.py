"""Loading one finished run's spool into the warehouse, in one transaction.

Staging tables take the run's Parquet files as they are; the merge then
inserts fetches, versions documents (a changed text becomes a new version,
the old one and its claims stay), replaces the current version's claims,
marks vanished URLs gone and clusters new documents. Loading the same run
twice changes nothing; a failure or a kill during the load leaves the
warehouse as it was (DuckDB discards the open transaction).
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import accumulate, chain
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from pipeline.dedup import Assignment, ClusteredDoc, DedupInput, IndexEntry
from pipeline.spool import TABLES
from warehouse.cleaning import (
    CrossDocRules,
    GapFiller,
    clean_sites,
    clean_text_sql,
    fill_glyph_gaps,
)
from warehouse.connect import WarehouseError
from warehouse.families import FamilyAssigner, assign_new_families
from warehouse.spool_columns import SPOOL_COLUMNS

# The spool's tables, in load order (pipeline.spool).
SPOOL_TABLES = TABLES


@dataclass(frozen=True, slots=True)
class IndexProbe:
    """What new documents look up in the stored index: their simhashes (matched within
    ``radius`` bits through the ``bands`` (shift, mask)), their anchors (each anchor's first
    ``max_posting`` documents) and their exact keys."""

    simhashes: Sequence[int]
    radius: int
    bands: Sequence[tuple[int, int]]
    anchors: Sequence[int]
    max_posting: int
    exact_keys: Sequence[int]


class DedupStore(Protocol):
    """The warehouse side of clustering: index lookups and candidate texts (SQL lives here)."""

    def lookup(self, probe: IndexProbe) -> list[IndexEntry]:
        """Every indexed document the probe can reach, plus their clusters' founders (marked
        `founder`), in the order they were first placed."""
        ...

    def texts(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Current texts of the given documents (only matched candidates are asked for)."""
        ...


class ClusterAssigner(Protocol):
    """Clustering as the loader needs it (implemented in the composition root)."""

    def index(self, docs: Sequence[ClusteredDoc]) -> list[IndexEntry]:
        """Index entries of clustered documents from their texts (new text or older warehouse)."""
        ...

    def assign(self, new: Sequence[DedupInput], store: DedupStore
               ) -> list[tuple[Assignment, IndexEntry]]:
        """Cluster new documents against the store: each one's assignment and index entry
        (under its cluster id), in placement order."""
        ...


# claim_id of a spooled claim row {c} in document version {v}: doc_id:version:idx, plus
# .part for the second claim of a sentence (migration 0009). One concat() builds each id
# once (`||` builds a string per operator; concat skips the NULL of a part of 0 or NULL;
# doc_id, version and idx are never NULL).
CLAIM_ID_SQL = ("concat({c}.doc_id, ':', {v}, ':', {c}.idx,"
                " CASE WHEN {c}.part > 0 THEN '.' || {c}.part END)")

# Called with the name of each load step, before it runs (progress display, fault injection).
StepHook = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load did."""

    run_id: str
    loaded: bool  # False when the run was already in the warehouse
    counts: dict[str, int]


def loaded_run_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The ids of every run the warehouse holds (empty before the first migration)."""
    row = con.execute("SELECT count(*) FROM information_schema.tables"
                      " WHERE table_name = 'crawl_runs'").fetchone()
    if not row or not row[0]:
        return set()
    return {str(r[0]) for r in con.execute("SELECT run_id FROM crawl_runs").fetchall()}


def is_loaded(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """True when *run_id* is already in the warehouse."""
    row = con.execute("SELECT count(*) FROM crawl_runs WHERE run_id = ?", [run_id]).fetchone()
    return bool(row and row[0])


def _stage(con: duckdb.DuckDBPyConnection, table: str, files: Sequence[Path]) -> int:
    expected = SPOOL_COLUMNS[table]
    if files:
        # A view, not a copy: the merge reads the Parquet files straight into the tables.
        # (File names are ours, from the spool listing; quoted for the view's SQL text.)
        listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        source = f"read_parquet([{listing}], union_by_name = true)"
        present = {str(r[0]) for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        # Spools written by an older yuqi lack newer columns: those read as NULL.
        columns = ", ".join(name if name in present else f"CAST(NULL AS {typ}) AS {name}"
                            for name, typ in expected)
        con.execute(f"CREATE OR REPLACE TEMP VIEW stg_{table} AS SELECT {columns} FROM {source}")
    else:
        columns = ", ".join(f"CAST(NULL AS {typ}) AS {name}" for name, typ in expected)
        con.execute(f"CREATE OR REPLACE TEMP VIEW stg_{table} AS SELECT {columns} LIMIT 0")
    row = con.execute(f"SELECT count(*) FROM stg_{table}").fetchone()
    return int(row[0]) if row else 0


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (restored after, as it was).

    The cluster and family steps make a few objects per new document (inputs,
    assignments, index entries: hundreds of thousands on a big run), and every 700 of
    them the collector walks the young objects, now and then all of them: on the load
    bench's 100k documents that walking cost about a third of the cluster step. The
    load makes no reference cycles worth collecting; reference counting still frees
    everything else at once.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_run(
    con: duckdb.DuckDBPyConnection,
    files: Mapping[str, Sequence[Path]],
    manifest: dict[str, Any],
    assign_clusters: ClusterAssigner,
    seed: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    on_step: StepHook | None = None,
    cleaning: CrossDocRules | None = None,
    fill_gap: GapFiller | None = None,
    dedup_params: Mapping[str, Any] | None = None,
    assign_families: FamilyAssigner | None = None,
) -> LoadResult:
    """Load one finished run's spool files atomically; `files` maps spool table -> Parquet files.

    With *cleaning*, template and teaser paragraphs of the sites this run touched are
    marked (over all their documents) before clustering, so fingerprints leave them out;
    with *fill_gap*, glyph gaps of documents in clusters this run touched are looked up in
    their cluster mates after clustering. Without them (benchmarks, index tests) the load
    clusters full texts and records no gaps. The `crawl_runs` row records the manifest's
    `versions` (extractor, tagger, site configs), *dedup_params* (the thresholds
    *assign_clusters* uses) and the *cleaning* thresholds. Each claim is written with its
    family text; with *assign_families*, every (labels, family text) of the new claims
    without a claim family gets one (warehouse.families).
    """
    run_id = str(manifest["run_id"])
    if is_loaded(con, run_id):
        return LoadResult(run_id, False, {})
    step = on_step or (lambda _name: None)
    con.execute("BEGIN TRANSACTION")
    try:
        with _gc_paused():
            step("stage")
            counts = {t: _stage(con, t, files.get(t, ())) for t in SPOOL_TABLES}
            if seed is not None:
                step("seed")
                seed(con)
            step("merge")
            merged, duplicated = _merge(con)
            counts.update(merged)
            if cleaning is not None:
                step("clean")
                counts.update(clean_sites(con, cleaning))
            step("cluster")
            counts["clusters"] = _cluster_new(con, assign_clusters)
            if fill_gap is not None:
                step("glyph_gaps")
                counts.update(fill_glyph_gaps(con, fill_gap))
            if assign_families is not None:
                step("families")
                # The staged claims are the new documents' claims unless a page was fetched
                # twice (the merge kept one copy of its claims) or cleaning dropped some.
                dropped = ("SELECT doc_id, idx, part FROM clean_drop"
                           if counts.get("claims_in_boilerplate") else None)
                counts["claim_family_links"] = assign_new_families(
                    con, assign_families, "SELECT doc_id FROM new_docs",
                    staged_current=not duplicated, dropped_sql=dropped)
            _record_run(con, manifest, cleaning, dedup_params)
            step("commit")
            con.execute("COMMIT")
    except duckdb.Error as exc:
        _rollback(con)
        first = str(exc).splitlines()[0]
        raise WarehouseError(f"run {run_id}: load failed, warehouse unchanged: {first}") from None
    except BaseException:
        _rollback(con)
        raise
    return LoadResult(run_id, True, counts)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back after a failed load; a ROLLBACK that fails too (the connection died with a
    full disk) must not hide the first error, and DuckDB discards the transaction anyway."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _record_run(con: duckdb.DuckDBPyConnection, manifest: Mapping[str, Any],
                cleaning: CrossDocRules | None, dedup_params: Mapping[str, Any] | None
                ) -> None:
    """Insert the run's `crawl_runs` row: times, status, counters and what shaped its rows."""
    versions = manifest.get("versions") or {}
    con.execute(
        """
        INSERT INTO crawl_runs (run_id, started_at, finished_at, status, stats, loaded_at,
                                extractor_version, tagger_version, site_configs,
                                dedup_params, cleaning_params)
        VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?, ?, ?)
        """,
        [str(manifest["run_id"]), manifest.get("started_at"), manifest.get("finished_at"),
         manifest.get("status", "finished"),
         json.dumps(manifest.get("stats", {}), ensure_ascii=False),
         versions.get("extractor"), versions.get("tagger"), _json(versions.get("site_configs")),
         _json(None if dedup_params is None else dict(dedup_params)),
         _json(None if cleaning is None else asdict(cleaning))],
    )


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _duplicated_docs(con: duckdb.DuckDBPyConnection) -> int:
    """How many staged documents repeat one staged earlier in the run (fetched twice)."""
    return _count(con, "SELECT count(*) - count(DISTINCT doc_id) FROM stg_documents")


def _merge(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, int], int]:
    """Insert the staged run; return its counts and how many staged documents repeat one
    staged earlier (a page fetched twice)."""
    con.execute(
        """
        INSERT INTO fetches
        SELECT run_id, url, final_url, site, status, CAST(fetched_at AS TIMESTAMP), etag,
               last_modified, content_type, is_article, warc_file, warc_offset,
               warc_record_id, content_sha1, sitemap_lastmod
        FROM stg_fetches
        QUALIFY row_number() OVER (PARTITION BY run_id, url ORDER BY fetched_at DESC) = 1
        """
    )
    # The latest fetch of each document in this run (stg_latest), and its version
    # (new_docs): unchanged text keeps the current version, changed text gets the next one.
    # A page fetched twice in one run spools its document and claims twice; only then are
    # the latest rows copied out (a window over every staged row costs as much as the
    # insert); otherwise the inserts read the spool itself.
    duplicated = _duplicated_docs(con)
    if duplicated:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE stg_latest AS SELECT * FROM stg_documents"
            " QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY fetched_at DESC) = 1"
        )
    else:
        con.execute("CREATE OR REPLACE TEMP VIEW stg_latest AS SELECT * FROM stg_documents")
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE new_docs AS
        SELECT s.doc_id, s.site, CAST(s.fetched_at AS TIMESTAMP) AS fetched_ts,
               coalesce(d.first_seen, CAST(s.fetched_at AS TIMESTAMP)) AS first_seen,
               CASE WHEN d.doc_id IS NULL THEN 1
                    WHEN d.text_norm_sha1 = s.text_norm_sha1 THEN d.version
                    ELSE d.version + 1 END AS version,
               (d.doc_id IS NULL OR d.text_norm_sha1 <> s.text_norm_sha1) AS is_new_version
        FROM stg_latest s
        LEFT JOIN documents d USING (doc_id)
        """
    )
    # The current version's text is documents.text: its document_versions row holds NULL
    # until a new version supersedes it, when the text it had is copied there (the text is
    # written once less per document; rows written before keep theirs).
    con.execute(
        """
        UPDATE document_versions SET text = d.text
        FROM documents d JOIN new_docs n USING (doc_id)
        WHERE n.is_new_version AND document_versions.doc_id = d.doc_id
          AND document_versions.version = d.version AND document_versions.text IS NULL
        """
    )
    con.execute(
        """
        INSERT INTO document_versions
        SELECT s.doc_id, n.version, s.run_id, n.fetched_ts, s.title, NULL, s.text_norm_sha1,
               s.extractor_version, s.warc_file, s.warc_offset, s.warc_record_id
        FROM stg_latest s JOIN new_docs n USING (doc_id) WHERE n.is_new_version
        """
    )
    for table in ("documents", "paragraphs", "removals", "glyph_gaps"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM new_docs)")
    con.execute(
        "DELETE FROM claims WHERE (doc_id, version) IN (SELECT (doc_id, version) FROM new_docs)"
    )
    con.execute(
        """
        INSERT INTO documents
        SELECT s.doc_id, s.url, s.final_url, s.site, s.title, TRY_CAST(s.published AS DATE),
               s.author, s.sitename, s.text, s.paragraphs, s.encoding, s.flags,
               s.text_norm_sha1, s.simhash, s.extractor_version, n.first_seen, n.fetched_ts,
               s.run_id, s.content_sha1, s.warc_file, s.warc_offset, s.warc_record_id,
               n.version, 'live', NULL, s.text_norm
        FROM stg_latest s JOIN new_docs n USING (doc_id)
        """
    )
    con.execute(
        """
        INSERT INTO paragraphs
        SELECT doc_id, i - 1, paragraphs[i], sha1(paragraphs[i]), false, NULL
        FROM (SELECT doc_id, paragraphs, unnest(generate_series(1, len(paragraphs))) AS i
              FROM stg_latest)
        """
    )
    dedupe = ("QUALIFY row_number() OVER (PARTITION BY c.doc_id, c.idx, coalesce(c.part, 0)) = 1"
              if duplicated else "")
    con.execute(
        f"""
        INSERT INTO claims
        SELECT {CLAIM_ID_SQL.format(c="c", v="n.version")}, c.doc_id, n.version, c.idx,
               c.section, c.text, c.topics, c.stance, c.modality, c.hedge, c.products,
               c.min_days, c.max_days, c.anchor, c.cues, c.sentence_sha1, c.tagger_version,
               coalesce(c.part, 0), coalesce(c.self_contradicting, false), c.family_text
        FROM stg_claims c JOIN new_docs n USING (doc_id)
        {dedupe}
        """
    )
    con.execute(
        "INSERT INTO removals SELECT doc_id, run_id, rule, text FROM stg_removals"
        " WHERE doc_id IN (SELECT doc_id FROM new_docs)"
    )
    # A 404/410 for the URL a document was fetched from (or redirected to) marks it gone;
    # a 304 says it is still there, unchanged.
    gone_where = """
        status = 'live' AND doc_id NOT IN (SELECT doc_id FROM new_docs)
          AND (url IN (SELECT url FROM stg_fetches WHERE status IN (404, 410))
               OR final_url IN (SELECT url FROM stg_fetches WHERE status IN (404, 410)))
        """
    # Each statement below scans every stored document: skipped when the run fetched no
    # 404/410 (nothing gone) or no 304 (nothing seen unchanged).
    gone = 0
    if _count(con, "SELECT count(*) FROM stg_fetches WHERE status IN (404, 410)"):
        gone = _count(con, f"SELECT count(*) FROM documents WHERE {gone_where}")
    if gone:
        con.execute(
            f"""
            UPDATE documents SET status = 'gone',
                   gone_since = (SELECT min(CAST(f.fetched_at AS TIMESTAMP)) FROM stg_fetches f
                                 WHERE f.url IN (documents.url, documents.final_url)
                                   AND f.status IN (404, 410))
            WHERE {gone_where}
            """
        )
    unchanged = _count(con, "SELECT count(*) FROM stg_fetches WHERE status = 304")
    if unchanged:
        con.execute(
            """
            UPDATE documents SET last_seen = greatest(last_seen, u.seen)
            FROM (SELECT url, max(CAST(fetched_at AS TIMESTAMP)) AS seen FROM stg_fetches
                  WHERE status = 304 GROUP BY url) u
            WHERE documents.url = u.url OR documents.final_url = u.url
            """
        )
    return {
        "new_versions": _count(con, "SELECT count(*) FROM new_docs WHERE is_new_version"),
        "gone": gone,
        "unchanged": unchanged,
    }, duplicated


class _SqlDedupStore:
    """`DedupStore` over the warehouse's dedup_index / dedup_anchors tables."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def lookup(self, probe: IndexProbe) -> list[IndexEntry]:
        """Indexed documents within reach of the probe (and their founders), in seq order."""
        con = self._con
        con.register("probe_fp", pa.table({"fp": pa.array(sorted(set(probe.simhashes)),
                                                          pa.uint64())}))
        con.register("probe_anchor", pa.table({"anchor": pa.array(sorted(set(probe.anchors)),
                                                                  pa.uint64())}))
        con.register("probe_exact", pa.table({"key": pa.array(sorted(set(probe.exact_keys)),
                                                              pa.uint64())}))
        radius = int(probe.radius)
        # By pigeonhole every pair within `radius` bits shares one band exactly: an equi-join
        # per band, then the exact distance.
        bands = " UNION ".join(
            f"""SELECT i.seq FROM dedup_index i JOIN probe_fp p
                  ON (i.simhash >> {int(shift)}) & {int(mask)}::UBIGINT
                   = (p.fp >> {int(shift)}) & {int(mask)}::UBIGINT
                WHERE i.exact_key IS NOT NULL AND bit_count(xor(i.simhash, p.fp)) <= {radius}"""
            for shift, mask in probe.bands
        ) or "SELECT NULL::BIGINT AS seq WHERE false"
        try:
            con.execute(
                f"""
                CREATE OR REPLACE TEMP TABLE dedup_hit AS
                WITH hit AS (
                    {bands}
                    UNION
                    SELECT a.seq FROM dedup_anchors a JOIN probe_anchor p USING (anchor)
                    QUALIFY row_number() OVER (PARTITION BY a.anchor ORDER BY a.seq)
                            <= {int(probe.max_posting)}
                    UNION
                    SELECT seq FROM dedup_index WHERE exact_key IN (SELECT key FROM probe_exact)
                ),
                hit_docs AS (SELECT doc_id FROM dedup_index WHERE seq IN (SELECT seq FROM hit)),
                founders AS (
                    SELECT doc_id FROM clusters WHERE matched_doc_id IS NULL AND cluster_id IN
                        (SELECT cluster_id FROM clusters
                         WHERE doc_id IN (SELECT doc_id FROM hit_docs))
                )
                SELECT i.doc_id, k.cluster_id, i.seq, i.simhash, i.exact_key,
                       k.matched_doc_id IS NULL AS founder
                FROM dedup_index i JOIN clusters k USING (doc_id)
                WHERE i.doc_id IN (SELECT doc_id FROM hit_docs UNION SELECT doc_id FROM founders)
                """
            )
            rows = con.execute(
                """
                SELECT h.doc_id, h.cluster_id, h.simhash, h.exact_key, h.founder,
                       coalesce(a.anchors, [])
                FROM dedup_hit h LEFT JOIN (
                    SELECT seq, list(anchor ORDER BY anchor) AS anchors FROM dedup_anchors
                    WHERE seq IN (SELECT seq FROM dedup_hit) GROUP BY seq) a USING (seq)
                ORDER BY h.seq
                """
            ).fetchall()
        finally:
            for name in ("probe_fp", "probe_anchor", "probe_exact"):
                con.unregister(name)
        return [IndexEntry(str(d), str(c), int(f), None if e is None else int(e),
                           tuple(int(x) for x in a), bool(fo)) for d, c, f, e, fo, a in rows]

    def texts(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Current texts of the given documents, boilerplate paragraphs left out."""
        self._con.register("want_texts", pa.table({"doc_id": pa.array(list(doc_ids),
                                                                      pa.string())}))
        try:
            rows = self._con.execute(
                clean_text_sql("SELECT doc_id FROM want_texts")).fetchall()
        finally:
            self._con.unregister("want_texts")
        return {str(d): str(t) for d, t in rows}


def _next_seq(con: duckdb.DuckDBPyConnection) -> int:
    """The seq the next indexed document gets (fetched to the end: a half-read result
    would block the next `register`)."""
    rows = con.execute("SELECT coalesce(max(seq), -1) + 1 FROM dedup_index").fetchall()
    return int(rows[0][0])


def _write_index(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[IndexEntry, int]]
                 ) -> None:
    """Insert (or replace) index rows, each with its seq; text_md5 from the document's text."""
    if not rows:
        return
    table = pa.table({
        "doc_id": pa.array([r.doc_id for r, _ in rows], pa.string()),
        "seq": pa.array([seq for _, seq in rows], pa.int64()),
        "simhash": pa.array([r.simhash for r, _ in rows], pa.uint64()),
        "exact_key": pa.array([r.exact_key for r, _ in rows], pa.uint64()),
        # one flat array and its offsets: a Python list per row costs four times as much
        "anchors": pa.ListArray.from_arrays(
            pa.array(list(accumulate((len(r.anchors) for r, _ in rows), initial=0)),
                     pa.int32()),
            pa.array(list(chain.from_iterable(r.anchors for r, _ in rows)), pa.uint64())),
    })
    con.register("index_rows", table)
    try:
        con.execute("DELETE FROM dedup_anchors WHERE seq IN (SELECT seq FROM index_rows)")
        con.execute("DELETE FROM dedup_index WHERE doc_id IN (SELECT doc_id FROM index_rows)")
        con.execute(
            "INSERT INTO dedup_index SELECT r.doc_id, r.seq, r.simhash, r.exact_key,"
            " md5(coalesce(d.text, '')) FROM index_rows r JOIN documents d USING (doc_id)"
        )
        con.execute(
            "INSERT INTO dedup_anchors SELECT anchor, seq FROM"
            " (SELECT unnest(anchors) AS anchor, seq FROM index_rows)"
        )
    finally:
        con.unregister("index_rows")


def _reindex(con: duckdb.DuckDBPyConnection, assign: ClusterAssigner) -> int:
    """Index clustered documents that have no index row (a warehouse made before the index)
    or whose text this load changed; they keep their place (seq) when they had one."""
    stale_ids = """
        SELECT k.doc_id
        FROM clusters k JOIN documents d USING (doc_id) LEFT JOIN dedup_index i USING (doc_id)
        WHERE i.doc_id IS NULL
           OR (k.doc_id IN (SELECT doc_id FROM new_docs)
               AND i.text_md5 <> md5(coalesce(d.text, '')))
        """
    stale = con.execute(
        f"""
        SELECT k.doc_id, k.cluster_id, t.text, i.seq
        FROM clusters k JOIN ({clean_text_sql(stale_ids)}) t USING (doc_id)
        LEFT JOIN dedup_index i USING (doc_id)
        ORDER BY i.seq NULLS LAST, k.doc_id
        """
    ).fetchall()
    if not stale:
        return 0
    entries = assign.index([ClusteredDoc(str(d), str(c), str(t)) for d, c, t, _ in stale])
    next_seq = _next_seq(con)
    rows: list[tuple[IndexEntry, int]] = []
    for entry, (_, _, _, seq) in zip(entries, stale, strict=True):
        if seq is None:
            seq, next_seq = next_seq, next_seq + 1
        rows.append((entry, int(seq)))
    _write_index(con, rows)
    return len(rows)


def _cluster_new(con: duckdb.DuckDBPyConnection, assign: ClusterAssigner) -> int:
    """Cluster the documents not yet in `clusters` against the stored index.

    Earlier documents are never re-read wholesale: only their index rows that a new
    document can reach are loaded, and only the texts of candidates that need the
    exact shingle check. Existing cluster ids are never touched.
    """
    _reindex(con, assign)
    unclustered = "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM clusters)"
    # Read as Arrow columns, each turned into Python values at once: a third cheaper than
    # a tuple per document and a str() per value (100k new texts: about 0.1 s).
    columns = con.sql(
        f"SELECT d.doc_id, t.text, CAST(d.published AS VARCHAR),"
        f" coalesce(CAST(d.first_seen AS VARCHAR), '')"
        f" FROM documents d JOIN ({clean_text_sql(unclustered)}) t USING (doc_id)"
        f" ORDER BY d.doc_id"
    ).to_arrow_table().columns
    new = list(map(DedupInput, *(column.to_pylist() for column in columns)))
    if not new:
        return 0
    placed = assign.assign(new, _SqlDedupStore(con))
    rows = [row for row, _ in placed]
    table = pa.table({
        "doc_id": pa.array([r.doc_id for r in rows], pa.string()),
        "cluster_id": pa.array([r.cluster_id for r in rows], pa.string()),
        "matched_doc_id": pa.array([r.matched_doc_id for r in rows], pa.string()),
        "distance": pa.array([r.distance for r in rows], pa.int32()),
        "similarity": pa.array([r.similarity for r in rows], pa.float64()),
        "canonical_doc_id": pa.array([r.canonical_doc_id for r in rows], pa.string()),
        "canonical_distance": pa.array([r.canonical_distance for r in rows], pa.int32()),
        "canonical_similarity": pa.array([r.canonical_similarity for r in rows], pa.float64()),
    })
    con.register("new_clusters", table)
    try:
        con.execute(
            "INSERT INTO clusters (doc_id, cluster_id, matched_doc_id, distance, similarity,"
            " canonical_doc_id, canonical_distance, canonical_similarity)"
            " SELECT * FROM new_clusters"
        )
    finally:
        con.unregister("new_clusters")
    next_seq = _next_seq(con)
    _write_index(con, [(entry, next_seq + i) for i, (_, entry) in enumerate(placed)])
    return len(rows)
