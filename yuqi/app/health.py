"""After a run: check each site against its own history, store the alerts, write status.json."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from pipeline.files import atomic_write_text
from pipeline.health import HealthAlert, check_site, site_run
from warehouse.connect import open_writer, warehouse_path
from warehouse.health import latest_run_id, replace_health, runs_with_site_stats
from warehouse.migrate import migrate

STATUS_FILE = "status.json"


def status_path(data_dir: Path, run_id: str) -> Path:
    """Where a run's status.json is written: data/runs/<run_id>/status.json."""
    return data_dir / "runs" / run_id / STATUS_FILE


def check_run_health(data_dir: Path, run_id: str | None = None, lock_timeout: float = 30.0
                     ) -> tuple[str | None, list[HealthAlert]]:
    """Check every site of the loaded run *run_id* (default: the latest); store the alerts
    and return (the run checked, its alerts).

    Why after the load: the baseline is the site's earlier runs in the warehouse, and the
    alerts belong beside the data they describe (table site_health, the report's block).
    """
    con = open_writer(warehouse_path(data_dir), lock_timeout)
    try:
        migrate(con)
        run_id = run_id or latest_run_id(con)
        if run_id is None:
            return None, []
        runs = runs_with_site_stats(con, run_id)
        alerts: list[HealthAlert] = []
        if runs and runs[0][0] == run_id:
            for site, stats in sorted(runs[0][1].items()):
                history = [site_run(rid, site, sites[site]) for rid, sites in runs[1:]
                           if site in sites]
                alerts += check_site(site_run(run_id, site, stats), history)
        replace_health(con, run_id, alerts)
    finally:
        con.close()
    write_status(data_dir, run_id, alerts)
    return run_id, alerts


def write_status(data_dir: Path, run_id: str, alerts: list[HealthAlert]) -> Path:
    """Write the run's status.json: healthy or not, and every alert (for monitors)."""
    path = status_path(data_dir, run_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps({
        "run_id": run_id,
        "checked_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "healthy": not alerts,
        "alerts": [asdict(a) for a in alerts],
    }, ensure_ascii=False, indent=1) + "\n")
    return path
