"""Item pipeline: the adapter that hands each RawPage to the per-page runner (pipeline.page).

With the setting YUQI_WORKERS = N > 0 the stages run on N worker processes
(pipeline.page_pool, one pool per crawl process); the crawl process still writes the
spool and counts, so the rows equal the inline path's. Backpressure is Scrapy's own: an
item is done when its result is back, and Scrapy stops taking responses while too many
are being processed (SCRAPER_SLOT_MAX_ACTIVE_SIZE).
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from pipeline.page import page_result, record_page, record_page_rows
from pipeline.page_pool import PagePool, shared_pool
from pipeline.records import RawPage
from spiders.context import RunContext
from spiders.stats_adapter import ScrapyStats
from spiders.write_failure import record_write_failure


class StagesPipeline:
    """Runs every article through `pipeline.page` into the site's spool.

    The WARC replay calls the same functions, so the crawl and the replay count and
    spool each page alike.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = ScrapyStats(crawler.stats)
        workers = crawler.settings.getint("YUQI_WORKERS", 0)
        self.pool: PagePool | None = shared_pool(workers) if workers > 0 else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StagesPipeline:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        """Process one article page; a failing page is counted and logged, never fatal."""
        if not isinstance(item, RawPage):
            return item
        ctx: RunContext = self.crawler.spider.ctx  # type: ignore[union-attr]
        # inline: the page's records; on the pool: its spool rows, built by the worker
        result = page_result(item, ctx.config) if self.pool is None else None
        rows = await self.pool.run(item, ctx.config) if self.pool is not None else None
        try:
            if rows is not None:
                record_page_rows(rows, ctx.spool, self.stats)
            elif result is not None:
                record_page(result, ctx.spool, self.stats)
        except OSError as exc:  # the spool cannot be written: stop the site, named
            record_write_failure(self.crawler, exc, "spool", ctx.spool.dir)
        return item
