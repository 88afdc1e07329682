"""Composition of whole jobs (crawl, load, report, demo) from the packages' parts.

Only the CLI package wires spiders, pipeline, warehouse and reports together.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.dedup import Clusterer, DedupInput, IndexEntry
from pipeline.glyph_gaps import gap_context, likely_missing
from pipeline.jobstate import (
    CLEAN_MARKER,
    FINISHED_REASONS,
    JobState,
    JobStateError,
    ResumePoint,
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
from pipeline.records import KnownPage
from pipeline.siteconfig import SiteConfig
from pipeline.spool import (
    discard_worker_files,
    finished_runs,
    read_manifest,
    spool_files,
    write_manifest,
)
from warehouse.cleaning import CrossDocRules, GapFill
from warehouse.connect import move_aside, open_writer, warehouse_path
from warehouse.load import (
    SPOOL_TABLES,
    ClusterRow,
    DedupStore,
    ExistingDoc,
    IndexProbe,
    IndexRow,
    LoadResult,
    NewDoc,
    StepHook,
    load_run,
)
from warehouse.migrate import migrate


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a short random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


class _WarehouseClusterer:
    """The warehouse's cluster assigner (`warehouse.load.ClusterAssigner`): the same
    `Clusterer` as `yuqi dedup`, fed from the stored dedup index instead of every text."""

    def index(self, docs: Sequence[ExistingDoc]) -> list[IndexRow]:
        """Index rows of clustered documents, from their texts."""
        clusterer = Clusterer()
        return [_index_row(clusterer.entry_of_text(doc_id, cluster_id, text))
                for doc_id, cluster_id, text in docs]

    def assign(self, new: Sequence[NewDoc], store: DedupStore
               ) -> list[tuple[ClusterRow, IndexRow]]:
        """Cluster *new* against the index rows the store finds within their reach."""
        clusterer = Clusterer(fetch_texts=store.texts)
        params = clusterer.params
        entries = [clusterer.entry_of_text(doc_id, "", text) for doc_id, text, _, _ in new]
        live = [e for e in entries if e.exact_key is not None]
        probe = IndexProbe(
            simhashes=[e.simhash for e in live], radius=params.band_radius,
            bands=clusterer.band_specs, anchors=[a for e in live for a in e.anchors],
            max_posting=params.max_posting, exact_keys=[e.exact_key for e in live
                                                        if e.exact_key is not None],
        )
        for row in store.lookup(probe):
            clusterer.add_indexed(IndexEntry(row.doc_id, row.cluster_id, row.simhash,
                                             row.exact_key, row.anchors), row.founder)
        assignments = clusterer.assign_all(
            DedupInput(doc_id, text, published, fetched) for doc_id, text, published, fetched in new
        )
        by_id = {e.doc_id: e for e in entries}
        return [
            ((a.doc_id, a.cluster_id, a.matched_doc_id, a.distance, a.similarity,
              a.canonical_doc_id, a.canonical_distance, a.canonical_similarity),
             _index_row(by_id[a.doc_id], a.cluster_id))
            for a in assignments
        ]


def _index_row(entry: IndexEntry, cluster_id: str | None = None) -> IndexRow:
    return IndexRow(entry.doc_id, cluster_id or entry.cluster_id, entry.simhash,
                    entry.exact_key, entry.anchors)


assign_clusters = _WarehouseClusterer()

#: Cross-document cleaning as every `yuqi load` runs it (thresholds: `CrossDocRules`).
CROSS_DOC_RULES = CrossDocRules()


def fill_glyph_gap(text: str, offset: int, mates: Sequence[tuple[str, str]]) -> GapFill:
    """The warehouse's glyph-gap filler (`warehouse.cleaning.GapFiller`): the context of
    the gap at *offset* of *text* and the first word a cluster mate (doc_id, text), in the
    order given, has there, with that mate's id; (context, None, None) when none has it.

    Pure, so the load stays deterministic; the stored text is never changed.
    """
    context = gap_context(text, offset)
    for mate_id, mate_text in mates:
        word = likely_missing(context, mate_text)
        if word:
            return context, word, mate_id
    return context, None, None


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


def run_summary(total: dict[str, Any]) -> dict[str, Any]:
    """The headline counters of a run (kept in `crawl_runs.stats` under `summary`).

    responses = every archived response; downloaded = those that were not 304;
    unchanged = 304s plus requests skipped for an unchanged sitemap date;
    refused = guard, trap and robots refusals; errors by kind (exceptions,
    HTTP 4xx/5xx, pages dropped by the stages).
    """
    def n(key: str) -> int:
        return int(total.get(key, 0))

    errors: dict[str, int] = {}
    for key, value in total.items():
        if key.startswith("downloader/exception_type_count/"):
            errors[key.rsplit(".", 1)[-1]] = errors.get(key.rsplit(".", 1)[-1], 0) + int(value)
        elif key.startswith("downloader/response_status_count/") and key[-3] in "45":
            errors[f"http_{key[-3:]}"] = int(value)
        elif key.startswith("yuqi/dropped/"):
            errors[key.removeprefix("yuqi/")] = int(value)
    refused = sum(int(v) for k, v in total.items()
                  if k.startswith("yuqi/refused/") or k in ("yuqi/robots/disallowed",
                                                            "yuqi/robots/unreachable"))
    return {
        "responses": n("yuqi/archived"),
        "downloaded": n("yuqi/archived") - n("yuqi/unchanged"),
        "unchanged": n("yuqi/unchanged") + n("yuqi/skipped/sitemap_unchanged"),
        "refused": refused,
        "errors": errors,
        "bytes": n("downloader/response_bytes"),
        "documents": n("yuqi/documents"),
        "claims": n("yuqi/claims"),
    }


def _sum_stats(per_site: dict[str, dict[str, Any]]) -> dict[str, Any]:
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
    from pipeline.cli.replay import rebuild_site

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
          resume: bool = False, say: Callable[[str], None] = lambda _m: None) -> CrawlOutcome:
    """Crawl the sites (or resume the unfinished run), archive and spool everything.

    The spool is marked finished (manifest) only when every site has finished;
    a part stopped early leaves the run resumable with `resume=True`.
    """
    from spiders.crawl import run_crawl  # Scrapy is imported only when crawling
    from warehouse.known import known_pages

    state, todo, rebuild = _plan_parts(configs, data_dir, resume, say)
    run_id = state.run_id
    known: dict[str, list[KnownPage]] = {}
    for page in known_pages(warehouse_path(data_dir), [c.name for c in todo]):
        known.setdefault(page.site, []).append(page)
    jobdirs = {c.name: (site_job_dir(data_dir, c.name), rebuild[c.name]) for c in todo}
    per_site = run_crawl(todo, data_dir, run_id, overrides, known, jobdirs)
    stopped: dict[str, str] = {}
    for name, site_stats in per_site.items():
        reason = str(site_stats.get("finish_reason", "finished"))
        if reason in FINISHED_REASONS:
            state.finished_sites.append(name)
            shutil.rmtree(site_job_dir(data_dir, name), ignore_errors=True)
        else:
            stopped[name] = reason
            mark_clean_stop(site_job_dir(data_dir, name), reason)
    state.parts.append(per_site)
    spool_dir = data_dir / "spool" / run_id
    spool_dir.mkdir(parents=True, exist_ok=True)
    stats = _sum_stats(merged_stats(state.parts))
    if stopped:
        write_state(data_dir, state)
        return CrawlOutcome(run_id, spool_dir, stats, finished=False, stopped=stopped)
    write_manifest(spool_dir, {
        "run_id": run_id,
        "started_at": state.started_at,
        "finished_at": datetime.now(UTC).isoformat(),
        "status": "finished",
        "sites": state.sites,
        "parts": len(state.parts),
        "stats": stats,
    })
    clear_state(data_dir, state.sites)
    return CrawlOutcome(run_id, spool_dir, stats)


def _seed(con: Any) -> None:
    """Refresh the topics, products and reference_rules tables from the data files."""
    from pipeline.claims import TAGGER_VERSION, taxonomy_rows
    from warehouse.seeds import refresh_seed_tables

    topics, products = taxonomy_rows()
    refresh_seed_tables(con, topics, products, TAGGER_VERSION)


def _fault_hook() -> StepHook | None:
    """Fault injection for tests: YUQI_LOAD_PAUSE_AT=<step> stops the load before that step.

    The process prints `paused at <step>` on stderr and waits for standard input
    to close, so a test can kill it mid-transaction without timing guesses.
    """
    pause_at = os.environ.get("YUQI_LOAD_PAUSE_AT")
    if not pause_at:
        return None

    def hook(step: str) -> None:
        if step == pause_at:
            print(f"paused at {step}", file=sys.stderr, flush=True)
            sys.stdin.read()

    return hook


def load_pending(data_dir: Path, lock_timeout: float = 30.0, rebuild: bool = False
                 ) -> list[LoadResult]:
    """Load every finished spool not yet in the warehouse, one transaction per run.

    With *rebuild*, a damaged warehouse file is first moved aside and every
    spool on disk is loaded into a new one.
    """
    if rebuild:
        moved = move_aside(warehouse_path(data_dir))
        if moved is not None:
            print(f"moved the old warehouse to {moved}", file=sys.stderr)
    con = open_writer(warehouse_path(data_dir), lock_timeout)
    try:
        migrate(con)
        hook = _fault_hook()
        results = []
        for spool_dir in finished_runs(data_dir / "spool"):
            manifest = read_manifest(spool_dir)
            if manifest is None:
                continue
            files = {table: spool_files(spool_dir, table) for table in SPOOL_TABLES}
            results.append(load_run(con, files, manifest, assign_clusters, _seed, hook,
                                    cleaning=CROSS_DOC_RULES, fill_gap=fill_glyph_gap))
        con.execute("CHECKPOINT")
        return results
    finally:
        con.close()


def retag_warehouse(data_dir: Path, lock_timeout: float = 30.0) -> tuple[int, str]:
    """Re-tag every current document text; replace all current claims in one transaction."""
    from dataclasses import asdict

    from rich.progress import Progress

    from pipeline.claims import TAGGER_VERSION, tag_document
    from pipeline.spool import SCHEMAS
    from warehouse.retag import count_documents, retag_all

    def tag(doc_id: str, text: str) -> list[dict[str, Any]]:
        rows = []
        for claim in tag_document(doc_id, text):
            row = asdict(claim)
            for key in ("topics", "products", "cues"):
                row[key] = list(row[key])
            rows.append(row)
        return rows

    con = open_writer(warehouse_path(data_dir), lock_timeout)
    try:
        migrate(con)
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("re-tagging", total=count_documents(con))
            count = retag_all(con, tag, SCHEMAS["claims"],
                              lambda n: progress.advance(task, n))
        con.execute("CHECKPOINT")
        return count, TAGGER_VERSION
    finally:
        con.close()


class DemoWebProcess:
    """The bundled demo web, served by a child process on a free loopback port."""

    def __init__(self, port: int = 0, extra_args: Sequence[str] = ()) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        # stderr goes to a file, not a pipe nobody drains: a chatty child must never block.
        self._stderr = tempfile.TemporaryFile(mode="w+t")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "demo", "--port", str(port), *extra_args],
            stdout=subprocess.PIPE, stderr=self._stderr, text=True, env=env,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.proc.kill()
            self.proc.wait()
            self._stderr.seek(0)
            err = self._stderr.read()
            self._stderr.close()
            raise RuntimeError(f"demo web did not start: {line or err.strip()[-300:]}")
        self.base_url = line

    def stop(self) -> None:
        """Stop the child process."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._stderr.close()

    def __enter__(self) -> DemoWebProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
