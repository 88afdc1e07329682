"""Bookkeeping of an unfinished crawl, so `yuqi crawl --resume` can continue it.

`data/jobs/run.json` names the run being crawled, its sites, the sites already
finished and each part's counters. `data/jobs/<site>/` is that site's Scrapy
JOBDIR (pending requests and the seen set). Scrapy's JOBDIR is only trustworthy
after a clean stop, so a clean stop leaves a marker file in it; a job directory
without the marker was cut off (SIGKILL, power loss) and is rebuilt from the
WARC archive instead of being trusted.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError

STATE_FILE = "run.json"
CLEAN_MARKER = "yuqi-stopped-cleanly"
# Scrapy close reasons after which a site needs no resuming.
FINISHED_REASONS = frozenset({
    "finished", "closespider_pagecount", "closespider_itemcount", "closespider_timeout",
})


class JobStateError(UsageError, RuntimeError):
    """The job directory cannot be used as asked (nothing to resume, unreadable state)."""


@dataclass
class JobState:
    """The unfinished run: id, start time, sites, finished sites, each part's per-site stats
    and the config hash each site was crawled with."""

    run_id: str
    started_at: str
    sites: list[str]
    finished_sites: list[str] = field(default_factory=list)
    parts: list[dict[str, dict[str, Any]]] = field(default_factory=list)
    # Site -> hash of the config its latest part crawled with (pipeline.siteconfig.config_hash).
    site_configs: dict[str, str] = field(default_factory=dict)


def jobs_root(data_dir: Path) -> Path:
    """`<data_dir>/jobs`."""
    return data_dir / "jobs"


def site_job_dir(data_dir: Path, site: str) -> Path:
    """The Scrapy JOBDIR of *site*."""
    return jobs_root(data_dir) / site


def read_state(data_dir: Path) -> JobState | None:
    """The unfinished run recorded in the jobs folder, or None."""
    path = jobs_root(data_dir) / STATE_FILE
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
        state = JobState(**raw)
    except (OSError, ValueError, TypeError) as exc:
        raise JobStateError(f"{path}: unreadable crawl job state ({exc}); delete {path.parent}"
                            " to start afresh") from None
    problem = _state_problem(state)
    if problem:
        raise JobStateError(f"{path}: unreadable crawl job state ({problem}); delete "
                            f"{path.parent} to start afresh")
    return state


def _state_problem(state: JobState) -> str | None:
    """What is wrong with the types of a JobState read from JSON, or None."""
    if not isinstance(state.run_id, str) or not isinstance(state.started_at, str):
        return "run_id and started_at must be strings"
    for name in ("sites", "finished_sites"):
        value = getattr(state, name)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{name} must be a list of site names"
    if not isinstance(state.parts, list) or not all(
            isinstance(part, dict) and all(isinstance(v, dict) for v in part.values())
            for part in state.parts):
        return "parts must be a list of per-site stats objects"
    return None


def write_state(data_dir: Path, state: JobState) -> None:
    """Record the unfinished run (atomically)."""
    root = jobs_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(asdict(state), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, root / STATE_FILE)


def clear_state(data_dir: Path, sites: list[str]) -> None:
    """Forget the unfinished run: its state file and the sites' job directories."""
    for site in sites:
        shutil.rmtree(site_job_dir(data_dir, site), ignore_errors=True)
    (jobs_root(data_dir) / STATE_FILE).unlink(missing_ok=True)


def stopped_cleanly(job_dir: Path) -> bool:
    """True when the site's last part ended with a clean stop (its JOBDIR can be trusted)."""
    return (job_dir / CLEAN_MARKER).exists()


def mark_clean_stop(job_dir: Path, reason: str) -> None:
    """Leave the clean-stop marker (written only after Scrapy has closed the spider)."""
    job_dir.mkdir(parents=True, exist_ok=True)
    (job_dir / CLEAN_MARKER).write_text(reason + "\n", encoding="utf-8")


def reset_job_dir(job_dir: Path) -> None:
    """Empty a job directory that cannot be trusted (or that a new part starts in)."""
    shutil.rmtree(job_dir, ignore_errors=True)
    job_dir.mkdir(parents=True, exist_ok=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def merged_stats(parts: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Per-site stats of all parts of a run: numbers summed, other values from the last part."""
    merged: dict[str, dict[str, Any]] = {}
    for part in parts:
        for site, stats in part.items():
            into = merged.setdefault(site, {})
            for key, value in stats.items():
                # A key that held no number in an earlier part (None) counts from 0.
                before = into.get(key, 0)
                if not _is_number(before):
                    before = 0
                if key.endswith("_per_minute"):  # Scrapy's rates (None for a short part)
                    into[key] = value
                elif _is_number(value) and not key.startswith("memusage/"):
                    into[key] = before + value
                elif _is_number(value):
                    into[key] = max(before, value)
                else:
                    into[key] = value
    return merged
