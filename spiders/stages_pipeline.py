"""Item pipeline: the adapter that hands each RawPage to the pipeline stages and spools the rows."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler

from pipeline.extract import ExtractConfig
from pipeline.rawpage import is_article_page
from pipeline.records import RawPage
from pipeline.stages import process_page
from spiders.context import RunContext

logger = logging.getLogger(__name__)


class StagesPipeline:
    """Runs extract -> fingerprint -> claims on every article and spools the results."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StagesPipeline:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        """Process one article page; a failing page is counted and logged, never fatal."""
        if not isinstance(item, RawPage):
            return item
        ctx: RunContext = self.crawler.spider.ctx  # type: ignore[union-attr]
        stats = self.crawler.stats
        assert stats is not None
        if not is_article_page(ctx.config, item):
            # The shared article decision (pipeline.rawpage), which replay applies too.
            stats.inc_value("yuqi/skipped/not_article")
            return item
        config = ExtractConfig(ctx.config.drop_selectors, ctx.config.encoding)
        try:
            result = process_page(item, config)
        except Exception:  # one bad page must not stop the crawl
            logger.exception("stages failed on %s", item.url)
            stats.inc_value("yuqi/dropped/stage_error")
            return item
        if result.document is None:
            stats.inc_value(f"yuqi/dropped/{result.dropped}")
            return item
        ctx.spool.write_document(result.document)
        for claim in result.claims:
            ctx.spool.write_claim(claim)
        stats.inc_value("yuqi/documents")
        stats.inc_value("yuqi/claims", len(result.claims))
        return item
