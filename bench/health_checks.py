"""Site-health checks against the whole `yuqi run` they end: the share of its wall time.

Runs `yuqi run` twice on the demo web (day 0, then day 1, so the second run's checks
have a history to compare with), timing each whole run from the outside; then times
the checks alone (`check_run_health`: open the warehouse, read each site's history,
store the alerts, write status.json) on the same data dir, best of REPEATS. The
target (issue 18) is at most 2% of the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from yuqi.app.health import check_run_health

SIZE = int(os.environ.get("YUQI_BENCH_HEALTH_SIZE", "200"))
REPEATS = int(os.environ.get("YUQI_BENCH_REPEATS", "5"))


def _yuqi_run(sites: Path, data: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "yuqi", "run", "--sites-dir", str(sites),
                           "--data-dir", str(data)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        sys.exit(f"bench health_checks: yuqi run exited {proc.returncode}: {proc.stderr[-800:]}")
    return elapsed


def _checks(data: Path) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        check_run_health(data)
        best = min(best, time.perf_counter() - start)
    return best


def run() -> None:
    """Print each day's run wall time, the checks' time and their share."""
    with tempfile.TemporaryDirectory(prefix="yuqi-bench-health-") as tmp:
        sites, data = Path(tmp) / "sites", Path(tmp) / "data"
        port = 0
        for day in (0, 1):
            with DemoServer(port=port, size=SIZE, day=day) as server:
                port = server.port
                write_site_configs(server.base_url, sites)
                whole = _yuqi_run(sites, data)
            checks = _checks(data)
            print(f"day {day}: yuqi run {whole:.1f} s on {SIZE} articles per site; health "
                  f"checks {checks * 1000:.0f} ms = {checks / whole:.2%} of the run "
                  "(target <= 2%)")


if __name__ == "__main__":
    run()
