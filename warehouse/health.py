"""Site health in the warehouse: the per-site crawl stats of past runs, and the alerts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb

from pipeline.health import HealthAlert


def latest_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The latest loaded run, in crawl order (None: nothing loaded)."""
    row = con.execute("SELECT run_id FROM v_run_order ORDER BY run_seq DESC LIMIT 1").fetchone()
    return str(row[0]) if row else None


def runs_with_site_stats(con: duckdb.DuckDBPyConnection, upto_run: str
                         ) -> list[tuple[str, dict[str, dict[str, Any]]]]:
    """(run_id, per-site stats) of *upto_run* and every run before it, newest first."""
    rows = con.execute(
        "SELECT run_id, stats FROM v_run_order JOIN crawl_runs USING (run_id) "
        "WHERE run_seq <= (SELECT run_seq FROM v_run_order WHERE run_id = ?) "
        "ORDER BY run_seq DESC", [upto_run]).fetchall()
    found = []
    for run_id, stats in rows:
        sites = (json.loads(stats) if isinstance(stats, str) else stats or {}).get("sites")
        found.append((str(run_id), sites if isinstance(sites, dict) else {}))
    return found


def replace_health(con: duckdb.DuckDBPyConnection, run_id: str,
                   alerts: Sequence[HealthAlert]) -> None:
    """Store the alerts of *run_id*, replacing any earlier check of the same run."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM site_health WHERE run_id = ?", [run_id])
        if alerts:
            con.executemany(
                "INSERT INTO site_health VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
                [(a.run_id, a.site, a.check, a.severity, a.figure, a.baseline, a.message)
                 for a in alerts])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
