"""`yuqi prune`: free disk by removing what old runs left behind, never what is still needed.

Removed for runs outside the kept set: their spool (only once loaded), their report folder
and their runs/ folder (status.json); with `archive=True` also their WARC folder, except
files a current document version still points to (the report's "archived copy" links).
The warehouse is never touched. Why run ids order runs: they start with the UTC start
time (`20261203T174120Z-…`), so sorting them sorts runs by age.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pipeline.spool import MANIFEST
from warehouse.connect import open_reader, warehouse_path
from warehouse.load import loaded_run_ids
from warehouse.stats import current_warc_files

_RUN_TIME = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, slots=True)
class PrunePlan:
    """What a prune removes (paths) and what it keeps on purpose (path, why)."""

    remove: list[Path]
    kept: list[tuple[Path, str]]


def run_started(run_id: str) -> datetime | None:
    """The UTC start time a run id begins with (None for ids of another shape)."""
    try:
        return datetime.strptime(run_id.split("-", 1)[0], _RUN_TIME).replace(tzinfo=UTC)
    except ValueError:
        return None


def _run_dirs(root: Path) -> dict[str, Path]:
    return {p.name: p for p in root.iterdir() if p.is_dir() and p.name != "latest"} \
        if root.is_dir() else {}


def _old_runs(run_ids: Iterable[str], keep_runs: int | None, older_than_days: float | None,
              now: datetime) -> set[str]:
    ordered = sorted(set(run_ids), reverse=True)
    old = set(ordered[keep_runs:]) if keep_runs is not None else set(ordered)
    if older_than_days is not None:
        cutoff = now - timedelta(days=older_than_days)
        old &= {r for r in ordered if (t := run_started(r)) is not None and t < cutoff}
    return old


def plan_prune(data_dir: Path, keep_runs: int | None, older_than_days: float | None,
               archive: bool = False, now: datetime | None = None) -> PrunePlan:
    """Decide what to remove; nothing is removed here (so --dry-run shows the same plan)."""
    now = now or datetime.now(UTC)
    db = warehouse_path(data_dir)
    loaded: set[str] = set()
    current: set[str] = set()
    if db.exists():
        con = open_reader(db)
        try:
            loaded = loaded_run_ids(con)
            current = current_warc_files(con)
        finally:
            con.close()
    spools = _run_dirs(data_dir / "spool")
    reports = _run_dirs(data_dir / "reports")
    runs = _run_dirs(data_dir / "runs")
    archives = _run_dirs(data_dir / "archive")
    every = set(spools) | set(reports) | set(runs) | (set(archives) if archive else set())
    old = _old_runs(every, keep_runs, older_than_days, now)
    plan = PrunePlan([], [])
    for run in sorted(old):
        spool = spools.get(run)
        if spool is not None:
            if run in loaded and (spool / MANIFEST).exists():
                plan.remove.append(spool)
            else:
                plan.kept.append((spool, "not loaded into the warehouse yet"))
        plan.remove.extend(d[run] for d in (reports, runs) if run in d)
        if archive and run in archives:
            for warc in sorted(p for p in archives[run].rglob("*") if p.is_file()):
                rel = warc.relative_to(data_dir).as_posix()
                if rel in current:
                    plan.kept.append((warc, "archived copy of a current document"))
                else:
                    plan.remove.append(warc)
    return plan


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def execute_prune(plan: PrunePlan) -> int:
    """Remove what the plan says; return the bytes freed. Emptied run folders go too."""
    freed = 0
    parents = set()
    for path in plan.remove:
        if not path.exists():
            continue
        freed += _size(path)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            parents.add(path.parent)
            path.unlink()
    for folder in sorted(parents, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return freed
