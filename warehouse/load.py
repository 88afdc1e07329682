"""Loading one finished run's spool into the warehouse, in one transaction.

Staging tables take the run's Parquet files as they are; the merge then
inserts fetches, versions documents (a changed text becomes a new version,
the old one and its claims stay), replaces the current version's claims,
marks vanished URLs gone and clusters new documents. Loading the same run
twice changes nothing; a failure or a kill during the load leaves the
warehouse as it was (DuckDB discards the open transaction).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.connect import WarehouseError

SPOOL_TABLES = ("fetches", "documents", "claims", "removals")

# (doc_id, cluster_id, text) of clustered documents; (doc_id, text, published, fetched_at) of
# new ones -> (doc_id, cluster_id, matched_doc_id, distance, similarity) per new document.
ExistingDoc = tuple[str, str, str]
NewDoc = tuple[str, str, str | None, str]
ClusterRow = tuple[str, str, str | None, int | None, float | None]
ClusterAssigner = Callable[[Sequence[ExistingDoc], Sequence[NewDoc]], list[ClusterRow]]
# Called with the name of each load step, before it runs (progress display, fault injection).
StepHook = Callable[[str], None]

_EMPTY = {
    "fetches": "run_id VARCHAR, url VARCHAR, final_url VARCHAR, site VARCHAR, status INTEGER,"
               " fetched_at VARCHAR, etag VARCHAR, last_modified VARCHAR, content_type VARCHAR,"
               " is_article BOOLEAN, warc_file VARCHAR, warc_offset BIGINT,"
               " warc_record_id VARCHAR, content_sha1 VARCHAR, sitemap_lastmod VARCHAR",
    "documents": "doc_id VARCHAR, run_id VARCHAR, site VARCHAR, url VARCHAR, final_url VARCHAR,"
                 " title VARCHAR, published VARCHAR, author VARCHAR, sitename VARCHAR,"
                 " text VARCHAR, paragraphs VARCHAR[], encoding VARCHAR, flags VARCHAR[],"
                 " text_norm_sha1 VARCHAR, simhash UBIGINT, extractor_version VARCHAR,"
                 " fetched_at VARCHAR, content_sha1 VARCHAR, warc_file VARCHAR,"
                 " warc_offset BIGINT, warc_record_id VARCHAR",
    "claims": "doc_id VARCHAR, idx INTEGER, section VARCHAR, text VARCHAR,"
              " topics VARCHAR[], stance VARCHAR, modality VARCHAR, hedge VARCHAR,"
              " products VARCHAR[], min_days INTEGER, max_days INTEGER, anchor VARCHAR,"
              " cues VARCHAR[], sentence_sha1 VARCHAR, tagger_version VARCHAR",
    "removals": "doc_id VARCHAR, run_id VARCHAR, rule VARCHAR, text VARCHAR",
}


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load did."""

    run_id: str
    loaded: bool  # False when the run was already in the warehouse
    counts: dict[str, int]


def is_loaded(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """True when *run_id* is already in the warehouse."""
    row = con.execute("SELECT count(*) FROM crawl_runs WHERE run_id = ?", [run_id]).fetchone()
    return bool(row and row[0])


def _stage(con: duckdb.DuckDBPyConnection, table: str, files: Sequence[Path]) -> int:
    expected = [col.split(" ", 1) for col in _EMPTY[table].split(", ")]
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


def load_run(
    con: duckdb.DuckDBPyConnection,
    files: Mapping[str, Sequence[Path]],
    manifest: dict[str, Any],
    assign_clusters: ClusterAssigner,
    seed: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    on_step: StepHook | None = None,
) -> LoadResult:
    """Load one finished run's spool files atomically; `files` maps spool table -> Parquet files."""
    run_id = str(manifest["run_id"])
    if is_loaded(con, run_id):
        return LoadResult(run_id, False, {})
    step = on_step or (lambda _name: None)
    con.execute("BEGIN TRANSACTION")
    try:
        step("stage")
        counts = {t: _stage(con, t, files.get(t, ())) for t in SPOOL_TABLES}
        if seed is not None:
            step("seed")
            seed(con)
        step("merge")
        counts.update(_merge(con))
        step("cluster")
        counts["clusters"] = _cluster_new(con, assign_clusters)
        con.execute(
            "INSERT INTO crawl_runs VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP)",
            [run_id, manifest.get("started_at"), manifest.get("finished_at"),
             manifest.get("status", "finished"),
             json.dumps(manifest.get("stats", {}), ensure_ascii=False)],
        )
        step("commit")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        first = str(exc).splitlines()[0]
        raise WarehouseError(f"run {run_id}: load failed, warehouse unchanged: {first}") from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return LoadResult(run_id, True, counts)


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _merge(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
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
    # The latest fetch of each document in this run, and its version: unchanged text keeps
    # the current version, changed text gets the next one.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE new_docs AS
        SELECT s.*, CAST(s.fetched_at AS TIMESTAMP) AS fetched_ts,
               coalesce(d.first_seen, CAST(s.fetched_at AS TIMESTAMP)) AS first_seen,
               CASE WHEN d.doc_id IS NULL THEN 1
                    WHEN d.text_norm_sha1 = s.text_norm_sha1 THEN d.version
                    ELSE d.version + 1 END AS version,
               (d.doc_id IS NULL OR d.text_norm_sha1 <> s.text_norm_sha1) AS is_new_version
        FROM (SELECT * FROM stg_documents
              QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY fetched_at DESC) = 1) s
        LEFT JOIN documents d USING (doc_id)
        """
    )
    con.execute(
        """
        INSERT INTO document_versions
        SELECT doc_id, version, run_id, fetched_ts, title, text, text_norm_sha1,
               extractor_version, warc_file, warc_offset, warc_record_id
        FROM new_docs WHERE is_new_version
        """
    )
    for table in ("documents", "paragraphs", "removals"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM new_docs)")
    con.execute(
        "DELETE FROM claims WHERE (doc_id, version) IN (SELECT (doc_id, version) FROM new_docs)"
    )
    con.execute(
        """
        INSERT INTO documents
        SELECT doc_id, url, final_url, site, title, TRY_CAST(published AS DATE), author,
               sitename, text, paragraphs, encoding, flags, text_norm_sha1, simhash,
               extractor_version, first_seen, fetched_ts, run_id, content_sha1, warc_file,
               warc_offset, warc_record_id, version, 'live', NULL
        FROM new_docs
        """
    )
    con.execute(
        """
        INSERT INTO paragraphs
        SELECT doc_id, i - 1, paragraphs[i], sha1(paragraphs[i]), false
        FROM (SELECT doc_id, paragraphs, unnest(generate_series(1, len(paragraphs))) AS i
              FROM new_docs)
        """
    )
    # A page fetched twice in one run spools its claims twice; deduplicate only then
    # (the window costs as much as the insert on a million claims). Its documents show it.
    duplicated = _count(con, "SELECT count(*) - count(DISTINCT doc_id) FROM stg_documents")
    dedupe = "QUALIFY row_number() OVER (PARTITION BY c.doc_id, c.idx) = 1" if duplicated else ""
    con.execute(
        f"""
        INSERT INTO claims
        SELECT c.doc_id || ':' || n.version || ':' || c.idx, c.doc_id, n.version, c.idx,
               c.section, c.text, c.topics, c.stance, c.modality, c.hedge, c.products,
               c.min_days, c.max_days, c.anchor, c.cues, c.sentence_sha1, c.tagger_version
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
    gone = _count(con, f"SELECT count(*) FROM documents WHERE {gone_where}")
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
    }


def _cluster_new(con: duckdb.DuckDBPyConnection, assign: ClusterAssigner) -> int:
    existing = [
        (str(a), str(b), str(c)) for a, b, c in con.execute(
            "SELECT k.doc_id, k.cluster_id, d.text FROM clusters k JOIN documents d USING (doc_id)"
            " ORDER BY k.doc_id"
        ).fetchall()
    ]
    new = [
        (str(a), str(b), None if c is None else str(c), str(d)) for a, b, c, d in con.execute(
            "SELECT doc_id, text, CAST(published AS VARCHAR), CAST(first_seen AS VARCHAR)"
            " FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM clusters) ORDER BY doc_id"
        ).fetchall()
    ]
    if not new:
        return 0
    rows = assign(existing, new)
    table = pa.table({
        "doc_id": [r[0] for r in rows],
        "cluster_id": [r[1] for r in rows],
        "matched_doc_id": [r[2] for r in rows],
        "distance": pa.array([r[3] for r in rows], pa.int32()),
        "similarity": pa.array([r[4] for r in rows], pa.float64()),
    })
    con.register("new_clusters", table)
    try:
        con.execute("INSERT INTO clusters SELECT * FROM new_clusters")
    finally:
        con.unregister("new_clusters")
    return len(rows)
