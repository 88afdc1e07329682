"""Loading one finished run's spool into the warehouse, in one transaction.

Loading the same run twice changes nothing; a failure or a kill during the
load leaves the warehouse as it was (DuckDB rolls back the open transaction).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.connect import WarehouseError

# Columns of each spool table, as read from the JSON-lines files.
SPOOL_COLUMNS: dict[str, dict[str, str]] = {
    "fetches": {
        "run_id": "VARCHAR", "url": "VARCHAR", "final_url": "VARCHAR", "site": "VARCHAR",
        "status": "INTEGER", "fetched_at": "TIMESTAMP", "etag": "VARCHAR",
        "last_modified": "VARCHAR", "content_type": "VARCHAR", "is_article": "BOOLEAN",
        "warc_file": "VARCHAR", "warc_offset": "BIGINT", "warc_record_id": "VARCHAR",
        "content_sha1": "VARCHAR",
    },
    "documents": {
        "doc_id": "VARCHAR", "run_id": "VARCHAR", "site": "VARCHAR", "url": "VARCHAR",
        "final_url": "VARCHAR", "title": "VARCHAR", "published": "VARCHAR",
        "author": "VARCHAR", "sitename": "VARCHAR", "text": "VARCHAR",
        "paragraphs": "VARCHAR[]", "encoding": "VARCHAR", "flags": "VARCHAR[]",
        "text_norm_sha1": "VARCHAR", "simhash": "VARCHAR", "extractor_version": "VARCHAR",
        "fetched_at": "TIMESTAMP", "content_sha1": "VARCHAR", "warc_file": "VARCHAR",
        "warc_offset": "BIGINT", "warc_record_id": "VARCHAR",
    },
    "claims": {
        "claim_id": "VARCHAR", "doc_id": "VARCHAR", "idx": "INTEGER", "section": "VARCHAR",
        "text": "VARCHAR", "topics": "VARCHAR[]", "stance": "VARCHAR", "modality": "VARCHAR",
        "hedge": "VARCHAR", "products": "VARCHAR[]", "min_days": "INTEGER",
        "max_days": "INTEGER", "anchor": "VARCHAR", "cues": "VARCHAR[]",
        "sentence_sha1": "VARCHAR", "tagger_version": "VARCHAR",
    },
    "removals": {"doc_id": "VARCHAR", "run_id": "VARCHAR", "rule": "VARCHAR", "text": "VARCHAR"},
}

# (doc_id, cluster_id, text) of clustered documents; (doc_id, text, published, fetched_at) of
# new ones -> (doc_id, cluster_id, matched_doc_id, distance, similarity) per new document.
ExistingDoc = tuple[str, str, str]
NewDoc = tuple[str, str, str | None, str]
ClusterRow = tuple[str, str, str | None, int | None, float | None]
ClusterAssigner = Callable[[Sequence[ExistingDoc], Sequence[NewDoc]], list[ClusterRow]]


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load did."""

    run_id: str
    loaded: bool  # False when the run was already in the warehouse
    counts: dict[str, int]


def _stage(con: duckdb.DuckDBPyConnection, spool_dir: Path, table: str) -> int:
    columns = SPOOL_COLUMNS[table]
    cols_sql = ", ".join(f'"{name}" {typ}' for name, typ in columns.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE stg_{table} ({cols_sql})")
    files = sorted(str(p) for p in spool_dir.glob(f"*.{table}.jsonl") if p.stat().st_size > 0)
    if files:
        con.execute(
            f"INSERT INTO stg_{table} SELECT * FROM read_json(?, columns = {_struct(columns)},"
            " format = 'newline_delimited')",
            [files],
        )
    row = con.execute(f"SELECT count(*) FROM stg_{table}").fetchone()
    return int(row[0]) if row else 0


def _struct(columns: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"


def is_loaded(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """True when *run_id* is already in the warehouse."""
    row = con.execute("SELECT count(*) FROM crawl_runs WHERE run_id = ?", [run_id]).fetchone()
    return bool(row and row[0])


def load_run(
    con: duckdb.DuckDBPyConnection,
    spool_dir: Path,
    manifest: dict[str, Any],
    assign_clusters: ClusterAssigner,
) -> LoadResult:
    """Load one finished run's spool atomically, then cluster its new documents."""
    run_id = str(manifest["run_id"])
    if is_loaded(con, run_id):
        return LoadResult(run_id, False, {})
    con.execute("BEGIN TRANSACTION")
    try:
        counts = {t: _stage(con, spool_dir, t) for t in SPOOL_COLUMNS}
        _merge(con)
        counts["clusters"] = _cluster_new(con, assign_clusters)
        con.execute(
            "INSERT INTO crawl_runs VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP)",
            [run_id, manifest.get("started_at"), manifest.get("finished_at"),
             manifest.get("status", "finished"),
             json.dumps(manifest.get("stats", {}), ensure_ascii=False)],
        )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise WarehouseError(f"{spool_dir}: load failed, warehouse unchanged: {exc}") from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return LoadResult(run_id, True, counts)


def _merge(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO fetches SELECT * FROM stg_fetches"
        " QUALIFY row_number() OVER (PARTITION BY run_id, url ORDER BY fetched_at DESC) = 1"
    )
    # Latest version of each document in this run, keeping first_seen from earlier runs.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE new_docs AS
        SELECT s.*, coalesce(d.first_seen, s.fetched_at) AS first_seen
        FROM (SELECT * FROM stg_documents
              QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY fetched_at DESC) = 1) s
        LEFT JOIN documents d USING (doc_id)
        """
    )
    for table in ("claims", "removals", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM new_docs)")
    con.execute(
        """
        INSERT INTO documents
        SELECT doc_id, url, final_url, site, title, TRY_CAST(published AS DATE), author,
               sitename, text, paragraphs, encoding, flags, text_norm_sha1,
               simhash::UBIGINT, extractor_version, first_seen, fetched_at, run_id,
               content_sha1, warc_file, warc_offset, warc_record_id
        FROM new_docs
        """
    )
    con.execute(
        "INSERT INTO claims SELECT * FROM stg_claims WHERE doc_id IN (SELECT doc_id FROM new_docs)"
        " QUALIFY row_number() OVER (PARTITION BY claim_id) = 1"
    )
    con.execute(
        "INSERT INTO removals SELECT * FROM stg_removals"
        " WHERE doc_id IN (SELECT doc_id FROM new_docs)"
    )


def _cluster_new(con: duckdb.DuckDBPyConnection, assign: ClusterAssigner) -> int:
    existing = [
        (str(a), str(b), str(c)) for a, b, c in con.execute(
            "SELECT k.doc_id, k.cluster_id, d.text FROM clusters k JOIN documents d USING (doc_id)"
            " ORDER BY k.doc_id"
        ).fetchall()
    ]
    new = [
        (str(a), str(b), None if c is None else str(c), str(d)) for a, b, c, d in con.execute(
            "SELECT doc_id, text, CAST(published AS VARCHAR), CAST(last_seen AS VARCHAR)"
            " FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM clusters) ORDER BY doc_id"
        ).fetchall()
    ]
    if not new:
        return 0
    rows = assign(existing, new)
    con.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)
