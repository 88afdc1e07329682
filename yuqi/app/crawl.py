"""The crawl run lifecycle: plan (new or resumed), run Scrapy per site, write the manifest."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.records import KnownPage, ResumePoint
from pipeline.siteconfig import SiteConfig
from pipeline.spool import (
    discard_worker_files,
    write_manifest,
)
from pipeline.stages_server import start_stages_server
from pipeline.stat_keys import WRITE_FAILURES, Stat
from pipeline.stats import run_summary
from warehouse.connect import warehouse_path
from yuqi.app import COMMAND_SCRIPT_IMPORTS
from yuqi.app.jobstate import (
    CLEAN_MARKER,
    FINISHED_REASONS,
    JobState,
    JobStateError,
    clear_state,
    jobs_root,
    mark_clean_stop,
    merged_stats,
    read_state,
    reset_job_dir,
    site_job_dir,
    stopped_cleanly,
    write_state,
)
from yuqi.app.provenance import run_versions, site_config_hashes
from yuqi.app.runlog import run_log


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a short random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


@dataclass
class CrawlOutcome:
    """A crawl part: its run id, spool folder, summed counters, and whether the run finished.

    `finished` is False when a site stopped early (Ctrl-C, SIGTERM, memory cap):
    the run stays unfinished (no manifest) until `yuqi crawl --resume` ends it.
    """

    run_id: str
    spool_dir: Path
    stats: dict[str, Any] = field(default_factory=dict)
    finished: bool = True
    stopped: dict[str, str] = field(default_factory=dict)  # site -> close reason


def sum_stats(per_site: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The manifest's `stats`: each site's Scrapy stats, their numeric totals and summary."""
    totals: dict[str, Any] = {}
    for stats in per_site.values():
        for key, value in stats.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                totals[key] = totals.get(key, 0) + value
    return {"summary": run_summary(totals), "total": totals, "sites": per_site}


def _plan_parts(configs: list[SiteConfig], data_dir: Path, resume: bool,
                say: Callable[[str], None]
                ) -> tuple[JobState, list[SiteConfig], dict[str, ResumePoint | None]]:
    """The run to crawl, the sites still to crawl, and per site what was rebuilt from WARC
    (None where Scrapy's job directory is trusted or the site starts afresh)."""
    state = read_state(data_dir)
    names = [c.name for c in configs]
    if not resume:
        if state is not None:
            say(f"discarding the unfinished crawl run {state.run_id} (continue such a run with "
                "`yuqi crawl --resume`; its archive stays in data/archive)")
            clear_state(data_dir, state.sites)
        state = JobState(new_run_id(), datetime.now(UTC).isoformat(), names)
        for name in names:
            reset_job_dir(site_job_dir(data_dir, name))
        write_state(data_dir, state)
        return state, configs, dict.fromkeys(names)
    if state is None:
        raise JobStateError(f"{jobs_root(data_dir)}: no unfinished crawl to resume")
    todo = [s for s in state.sites if s not in state.finished_sites]
    missing = sorted(set(todo) - set(names))
    if missing:
        raise JobStateError(f"run {state.run_id} still has to crawl {', '.join(missing)}: "
                            "give their configs (--site / --sites-dir) to resume it")
    from yuqi.app.replay import rebuild_site

    by_name = {c.name: c for c in configs}
    rebuild: dict[str, ResumePoint | None] = {}
    spool_dir = data_dir / "spool" / state.run_id
    for name in todo:
        job_dir = site_job_dir(data_dir, name)
        if stopped_cleanly(job_dir):
            (job_dir / CLEAN_MARKER).unlink()
            rebuild[name] = None
        else:
            # Cut off without a clean stop: Scrapy's queue and seen set cannot be trusted and
            # the spool lost its buffered rows. Start the site's job afresh, rebuild its
            # rows from the WARC archive and skip the articles already archived.
            say(f"{name}: the last part of run {state.run_id} did not stop cleanly; "
                "rebuilding its progress from the WARC archive")
            reset_job_dir(job_dir)
            discard_worker_files(spool_dir, name)
            point = rebuild_site(data_dir, state.run_id, by_name[name])
            say(f"{name}: {len(point.done_keys)} archived article URLs kept, "
                f"{len(point.links)} links to continue from")
            rebuild[name] = point
    return state, [c for c in configs if c.name in todo], rebuild


def crawl(configs: list[SiteConfig], data_dir: Path, overrides: dict[str, Any] | None = None,
          resume: bool = False, say: Callable[[str], None] = lambda _m: None,
          log_format: str = "text") -> CrawlOutcome:
    """Crawl the sites (or resume the unfinished run), archive and spool everything.

    The spool is marked finished (manifest) only when every site has finished;
    a part stopped early leaves the run resumable with `resume=True`.
    """
    state, todo, rebuild = _plan_parts(configs, data_dir, resume, say)
    if int((overrides or {}).get("YUQI_WORKERS", 0)) > 0:
        # the workers' server imports the stages (about a second) while this process
        # imports Scrapy and reads the known pages: both ready for the first page
        start_stages_server(COMMAND_SCRIPT_IMPORTS)
    from spiders.crawl import run_crawl  # Scrapy is imported only when crawling
    from warehouse.known import known_pages

    run_id = state.run_id
    known: dict[str, list[KnownPage]] = {}
    for page in known_pages(warehouse_path(data_dir), [c.name for c in todo]):
        known.setdefault(page.site, []).append(page)
    jobdirs = {c.name: (site_job_dir(data_dir, c.name), rebuild[c.name]) for c in todo}
    state.site_configs.update(site_config_hashes(todo))
    with run_log(data_dir, run_id, log_format):  # data/runs/<run_id>/yuqi.log
        per_site = run_crawl(todo, data_dir, run_id, overrides, known, jobdirs)
    stopped: dict[str, str] = {}
    for name, site_stats in per_site.items():
        # A failed write (even the final flush, after which Scrapy says "finished") wins.
        reason = str(site_stats.get(Stat.WRITE_STOP) or site_stats.get("finish_reason",
                                                                         "finished"))
        if reason in FINISHED_REASONS:
            state.finished_sites.append(name)
            shutil.rmtree(site_job_dir(data_dir, name), ignore_errors=True)
        else:
            stopped[name] = reason
            if reason not in WRITE_FAILURES:
                mark_clean_stop(site_job_dir(data_dir, name), reason)
            # else: responses the archive or spool refused are marked seen in the job dir
            # but were never stored; the resume rebuilds this site from its WARC files
            # instead (as after a kill), which re-requests whatever the archive lacks.
    state.parts.append(per_site)
    spool_dir = data_dir / "spool" / run_id
    spool_dir.mkdir(parents=True, exist_ok=True)
    stats = sum_stats(merged_stats(state.parts))
    if stopped:
        write_state(data_dir, state)
        return CrawlOutcome(run_id, spool_dir, stats, finished=False, stopped=stopped)
    finish_run(spool_dir, run_id, state.started_at, state.sites, len(state.parts), stats,
               state.site_configs)
    clear_state(data_dir, state.sites)
    return CrawlOutcome(run_id, spool_dir, stats)


def finish_run(spool_dir: Path, run_id: str, started_at: str, sites: list[str], parts: int,
               stats: dict[str, Any], site_configs: dict[str, str]) -> None:
    """Write the manifest that marks a crawl run's spool complete (and so loadable).

    `yuqi crawl` and a crawl Scrapy started itself (`scrapy crawl`, scrapyd) both end here,
    so `yuqi load` cannot tell their runs apart.
    """
    write_manifest(spool_dir, {
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": datetime.now(UTC).isoformat(),
        "status": "finished",
        "sites": sites,
        "parts": parts,
        "stats": stats,
        "versions": run_versions(site_configs),
    })
