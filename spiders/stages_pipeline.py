"""Item pipeline: the adapter that hands each RawPage to the per-page runner (pipeline.page)."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from pipeline.page import run_page
from pipeline.records import RawPage
from spiders.context import RunContext
from spiders.stats_adapter import ScrapyStats
from spiders.write_failure import record_write_failure


class StagesPipeline:
    """Runs every article through `pipeline.page.run_page` into the site's spool.

    The WARC replay calls the same function, so the crawl and the replay count and
    spool each page alike.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = ScrapyStats(crawler.stats)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StagesPipeline:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        """Process one article page; a failing page is counted and logged, never fatal."""
        if not isinstance(item, RawPage):
            return item
        ctx: RunContext = self.crawler.spider.ctx  # type: ignore[union-attr]
        try:
            run_page(item, ctx.config, ctx.spool, self.stats)
        except OSError as exc:  # the spool cannot be written: stop the site, named
            record_write_failure(self.crawler, exc, "spool", ctx.spool.dir)
        return item
