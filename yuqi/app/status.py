"""`yuqi status`: what an operator checks first: recent runs, the lock, runs not yet loaded,
and the disk each part of the data dir uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import YuqiError
from pipeline.spool import MANIFEST
from warehouse.connect import warehouse_path
from warehouse.stats import run_overview
from yuqi.app.lock import current_holder

PARTS = ("archive", "spool", "reports", "runs")


@dataclass(frozen=True, slots=True)
class Status:
    """The state of one data dir."""

    data_dir: Path
    holder: str | None
    runs: list[dict[str, object]]
    warehouse_note: str | None  # why the runs could not be read, if they could not
    unloaded: list[str]  # finished spools the warehouse has not loaded
    unfinished: list[str]  # spools without a manifest: a crawl stopped or still running
    disk: dict[str, int] = field(default_factory=dict)  # bytes per part


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() \
        else 0


def data_dir_status(data_dir: Path, limit: int = 10) -> Status:
    """Read the data dir's state without taking its lock (a reader, like `yuqi sql`)."""
    runs: list[dict[str, object]] = []
    loaded: set[str] = set()
    note = None
    db = warehouse_path(data_dir)
    if db.exists():
        try:
            runs, loaded = run_overview(db, limit)
        except (OSError, YuqiError) as exc:
            note = f"warehouse not readable now ({str(exc).splitlines()[0]})"
    else:
        note = "no warehouse yet"
    spool = data_dir / "spool"
    unloaded, unfinished = [], []
    for run in sorted(p for p in spool.iterdir() if p.is_dir()) if spool.is_dir() else []:
        if not (run / MANIFEST).exists():
            unfinished.append(run.name)
        elif run.name not in loaded:
            unloaded.append(run.name)
    disk = {part: _size(data_dir / part) for part in PARTS}
    disk["warehouse"] = _size(db)
    return Status(data_dir, current_holder(data_dir), runs, note, unloaded, unfinished, disk)
