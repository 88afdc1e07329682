"""Running crawls in-process: one Scrapy crawler per site config, all in one reactor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from pipeline.page_pool import close_shared_pool
from pipeline.records import KnownPage, ResumePoint
from pipeline.siteconfig import SiteConfig
from pipeline.urls import url_key
from spiders.context import RunContext
from spiders.gc_tuning import crawl_gc
from spiders.generic import GenericSpider
from spiders.progress import CrawlProgress
from spiders.settings import BASE_SETTINGS, site_settings
from spiders.stats_adapter import plain_stats


def run_crawl(
    configs: list[SiteConfig],
    data_dir: Path,
    run_id: str,
    overrides: dict[str, Any] | None = None,
    known: Mapping[str, Sequence[KnownPage]] | None = None,
    jobdirs: Mapping[str, tuple[Path, ResumePoint | None]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Crawl every site (blocking) and return each site's Scrapy stats.

    *known* lists, per site, the article URLs already in the warehouse: they are
    re-requested conditionally (see spiders.conditional). *jobdirs* gives, per
    site, its Scrapy JOBDIR and, after a part that did not stop cleanly, what was
    rebuilt from the run's WARC archive (fetched articles, links to continue from).

    Scrapy's reactor cannot restart, so call this once per process.
    """
    overrides = overrides or {}
    process = CrawlerProcess(Settings({**BASE_SETTINGS, **overrides}))
    crawlers: dict[str, Crawler] = {}
    for config in configs:
        job = (jobdirs or {}).get(config.name)
        job_settings = {"JOBDIR": str(job[0])} if job else {}
        spider_cls = type(
            f"GenericSpider_{config.name}",
            (GenericSpider,),
            {"custom_settings": {**site_settings(config), **job_settings, **overrides}},
        )
        crawler = process.create_crawler(spider_cls)
        ctx = RunContext(run_id=run_id, data_dir=data_dir, config=config, known={
            url_key(k.url): k for k in (known or {}).get(config.name, ())},
            resumed_from=job[1] if job else None)
        process.crawl(crawler, config=config, ctx=ctx)
        crawlers[config.name] = crawler
    progress = CrawlProgress(crawlers)
    from twisted.internet import reactor

    reactor.callWhenRunning(progress.start)
    try:
        with crawl_gc():
            process.start()
    finally:
        progress.stop()
        close_shared_pool()
    return {
        name: plain_stats(c.stats)
        for name, c in crawlers.items()
    }
