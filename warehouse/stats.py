"""Headline counts of the warehouse (for summaries)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.connect import WarehouseError, open_reader
from warehouse.load import loaded_run_ids


def warehouse_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Documents, clusters (independent sources), clusters with 2+ members, claims."""
    row = con.execute(
        """
        SELECT (SELECT count(*) FROM documents),
               (SELECT count(DISTINCT cluster_id) FROM clusters),
               (SELECT count(*) FROM (SELECT cluster_id FROM clusters GROUP BY cluster_id
                                      HAVING count(*) > 1)),
               (SELECT count(*) FROM claims)
        """
    ).fetchone()
    assert row is not None
    return {"documents": int(row[0]), "clusters": int(row[1]),
            "duplicate_clusters": int(row[2]), "claims": int(row[3])}


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, object]]:
    """The latest loaded runs, newest first: times, status, documents, claims, alerts."""
    has_health = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND table_name = 'site_health'").fetchone()
    alerts = ("(SELECT count(*) FROM site_health h WHERE h.run_id = r.run_id)"
              if has_health and has_health[0] else "NULL")
    rows = con.execute(
        f"""SELECT r.run_id, c.started_at, c.finished_at, c.status, r.documents_extracted,
                   r.claims_tagged, r.new_articles, r.gone_articles, {alerts} AS alerts
            FROM v_runs r JOIN crawl_runs c USING (run_id)
            ORDER BY r.run_seq DESC LIMIT ?""", [limit])
    columns = [d[0] for d in rows.description]
    return [dict(zip(columns, row, strict=True)) for row in rows.fetchall()]


def current_warc_files(con: duckdb.DuckDBPyConnection) -> set[str]:
    """WARC files (paths relative to the data dir) holding a current document's archived copy."""
    return {str(f) for (f,) in con.execute(
        "SELECT DISTINCT warc_file FROM documents WHERE warc_file IS NOT NULL").fetchall()}


def run_overview(db: Path, limit: int = 10) -> tuple[list[dict[str, object]], set[str]]:
    """(the latest loaded runs, every loaded run id) of a warehouse file, read-only.

    A file that cannot be read now (held by a load, damaged) is a WarehouseError naming it.
    """
    try:
        con = open_reader(db)
        try:
            return recent_runs(con, limit), loaded_run_ids(con)
        finally:
            con.close()
    except duckdb.Error as exc:
        raise WarehouseError(f"{db}: {str(exc).splitlines()[0]}") from None
