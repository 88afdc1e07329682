"""The yuqi side of a crawl that Scrapy starts itself: `scrapy crawl <site>`, a scrapyd job.

Scrapy's own commands build the spider (spiders.loader); this gives it what
`yuqi crawl --no-load` would: the data dir lock, a new run id, the article URLs the
warehouse already knows (conditional requests), the run's log file, and at the end the
manifest that makes the spool loadable by `yuqi load` / `yuqi run`. A crawl that stops
early (Ctrl-C, memory cap, full disk) writes no manifest: its spool is never loaded.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.siteconfig import SiteConfig
from pipeline.urls import url_key
from spiders.context import RunContext
from warehouse.connect import warehouse_path
from warehouse.known import known_pages
from yuqi.app.crawl import finish_run, new_run_id, sum_stats
from yuqi.app.jobstate import FINISHED_REASONS
from yuqi.app.lock import DataDirBusy, hold_data_dir, lock_holder
from yuqi.app.provenance import site_config_hashes
from yuqi.app.runlog import run_log

logger = logging.getLogger(__name__)


class NativeRun:
    """One site's crawl run, opened when Scrapy builds the spider and closed with it."""

    def __init__(self, config: SiteConfig, data_dir: Path, lock_wait: float = 0.0) -> None:
        self.config = config
        self.data_dir = data_dir
        self.lock_wait = lock_wait
        self.run_id = new_run_id()
        self.started_at = datetime.now(UTC).isoformat()
        self._held = ExitStack()

    def open(self) -> RunContext:
        """Take the data dir (raises DataDirBusy when another writer holds it) and return
        the run context the spider writes its WARC archive and spool through."""
        try:
            self._held.enter_context(hold_data_dir(
                self.data_dir, f"scrapy crawl {self.config.name}", wait=self.lock_wait))
        except DataDirBusy as exc:
            raise DataDirBusy(f"{self.data_dir}: data dir held by {lock_holder(self.data_dir)}; "
                              "try again later, or wait with -s YUQI_LOCK_WAIT=SECONDS"
                              ) from exc
        try:
            known = known_pages(warehouse_path(self.data_dir), [self.config.name])
            self._held.enter_context(run_log(self.data_dir, self.run_id))
        except BaseException:
            self._held.close()
            raise
        logger.info("run %s: crawling %s into %s", self.run_id, self.config.name, self.data_dir)
        return RunContext(run_id=self.run_id, data_dir=self.data_dir, config=self.config,
                          known={url_key(k.url): k for k in known})

    def close(self, stats: dict[str, Any], reason: str) -> None:
        """Mark the spool complete when the crawl finished, then release the data dir."""
        try:
            spool_dir = self.data_dir / "spool" / self.run_id
            if reason in FINISHED_REASONS:
                finish_run(spool_dir, self.run_id, self.started_at, [self.config.name], 1,
                           sum_stats({self.config.name: {**stats, "finish_reason": reason}}),
                           site_config_hashes([self.config]))
                logger.info("run %s finished: load it with `yuqi load --data-dir %s`",
                            self.run_id, self.data_dir)
            else:
                logger.error("run %s stopped (%s): its spool %s is not loadable; crawl the "
                             "site again", self.run_id, reason, spool_dir)
        finally:
            self._held.close()
