"""Headline counts of the warehouse (for summaries)."""

from __future__ import annotations

import duckdb


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
