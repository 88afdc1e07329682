"""Composition of whole jobs (crawl, load, report, demo) from the packages' parts.

Only the CLI package wires spiders, pipeline, warehouse and reports together.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.dedup import Clusterer, DedupInput
from pipeline.records import KnownPage
from pipeline.siteconfig import SiteConfig
from pipeline.spool import finished_runs, read_manifest, spool_files, write_manifest
from warehouse.connect import move_aside, open_writer, warehouse_path
from warehouse.load import (
    SPOOL_TABLES,
    ClusterRow,
    ExistingDoc,
    LoadResult,
    NewDoc,
    StepHook,
    load_run,
)
from warehouse.migrate import migrate


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a short random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def assign_clusters(existing: Sequence[ExistingDoc], new: Sequence[NewDoc]) -> list[ClusterRow]:
    """The warehouse's cluster assigner: the same `Clusterer` as `yuqi dedup`."""
    clusterer = Clusterer()
    for doc_id, cluster_id, text in existing:
        clusterer.add_existing(doc_id, cluster_id, text)
    assignments = clusterer.assign_all(
        DedupInput(doc_id, text, published, fetched) for doc_id, text, published, fetched in new
    )
    return [
        (a.doc_id, a.cluster_id, a.matched_doc_id, a.distance, a.similarity) for a in assignments
    ]


@dataclass
class CrawlOutcome:
    """A finished crawl: its run id, spool folder and summed counters."""

    run_id: str
    spool_dir: Path
    stats: dict[str, Any] = field(default_factory=dict)


def _sum_stats(per_site: dict[str, dict[str, Any]]) -> dict[str, Any]:
    totals: dict[str, Any] = {}
    for stats in per_site.values():
        for key, value in stats.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                totals[key] = totals.get(key, 0) + value
    return {"total": totals, "sites": per_site}


def crawl(configs: list[SiteConfig], data_dir: Path, overrides: dict[str, Any] | None = None
          ) -> CrawlOutcome:
    """Crawl the sites, archive and spool everything, and mark the spool finished."""
    from spiders.crawl import run_crawl  # Scrapy is imported only when crawling
    from warehouse.known import known_pages

    run_id = new_run_id()
    started = datetime.now(UTC).isoformat()
    known: dict[str, list[KnownPage]] = {}
    for page in known_pages(warehouse_path(data_dir), [c.name for c in configs]):
        known.setdefault(page.site, []).append(page)
    per_site = run_crawl(configs, data_dir, run_id, overrides, known)
    spool_dir = data_dir / "spool" / run_id
    spool_dir.mkdir(parents=True, exist_ok=True)
    stats = _sum_stats(per_site)
    write_manifest(spool_dir, {
        "run_id": run_id,
        "started_at": started,
        "finished_at": datetime.now(UTC).isoformat(),
        "status": "finished",
        "sites": [c.name for c in configs],
        "stats": stats,
    })
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
            results.append(load_run(con, files, manifest, assign_clusters, _seed, hook))
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
