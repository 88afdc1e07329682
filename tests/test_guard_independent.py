"""RELIABILITY case 10: the request guard does not lean on Scrapy's OffsiteMiddleware.

The guard is run inside a real Scrapy crawler whose settings disable both offsite
middlewares, on requests marked `dont_filter=True` (which OffsiteMiddleware would let
through anyway): private addresses, other schemes and trap URLs are still refused and
counted; the site's own start URL passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from pipeline.siteconfig import site_config_from_mapping
from pipeline.stat_keys import Stat, StatGroup
from spiders.context import RunContext
from spiders.generic import GenericSpider
from spiders.guard import GuardMiddleware
from spiders.settings import BASE_SETTINGS

NO_OFFSITE = {
    **BASE_SETTINGS,
    "SPIDER_MIDDLEWARES": {**BASE_SETTINGS["SPIDER_MIDDLEWARES"],
                           "scrapy.spidermiddlewares.offsite.OffsiteMiddleware": None},
    "DOWNLOADER_MIDDLEWARES": {**BASE_SETTINGS["DOWNLOADER_MIDDLEWARES"],
                               "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None},
}


@pytest.fixture
def guard(tmp_path: Path) -> GuardMiddleware:
    config = site_config_from_mapping({
        "name": "farm-x", "allowed_domains": ["127.0.0.1"], "allow_private": True,
        "start_urls": ["http://127.0.0.1:8123/"], "article_pattern": r"/a/\d+\.html$",
    })
    crawler = get_crawler(GenericSpider, NO_OFFSITE)
    if crawler.stats is None:
        crawler.stats = MemoryStatsCollector(crawler)
    spider = GenericSpider(config=config, ctx=RunContext("r1", tmp_path, config))
    crawler.spider = spider
    return GuardMiddleware.from_crawler(crawler)


@pytest.mark.parametrize(("url", "stat"), [
    ("http://127.0.0.1:6379/", Stat.REFUSED_PRIVATE_ADDRESS),        # another loopback port
    ("http://169.254.169.254/latest/meta-data/", Stat.REFUSED_PRIVATE_ADDRESS),
    ("http://10.0.0.7:8123/", Stat.REFUSED_PRIVATE_ADDRESS),
    ("http://localhost:8123/", Stat.REFUSED_PRIVATE_ADDRESS),         # a name, not the IP
    ("file:///etc/passwd", Stat.REFUSED_SCHEME),
    ("ftp://127.0.0.1:8123/x", Stat.REFUSED_SCHEME),
])
def test_dont_filter_requests_are_refused_without_offsite(guard: GuardMiddleware, url: str,
                                                          stat: str) -> None:
    middlewares = guard.crawler.settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.offsite.OffsiteMiddleware"] is None
    with pytest.raises(IgnoreRequest):
        guard.process_request(Request(url, dont_filter=True))
    assert guard.crawler.stats is not None
    assert guard.crawler.stats.get_value(stat) == 1


def test_a_trap_url_is_refused_with_dont_filter(guard: GuardMiddleware) -> None:
    trap = "http://127.0.0.1:8123/" + "a/b/" * 12 + "a/b/"
    with pytest.raises(IgnoreRequest):
        guard.process_request(Request(trap, dont_filter=True))
    stats = guard.crawler.stats
    assert stats is not None
    refused = {k: v for k, v in stats.get_stats().items()
               if k.startswith(StatGroup.REFUSED.key("trap_"))}
    assert sum(refused.values()) == 1


def test_the_sites_own_endpoint_passes(guard: GuardMiddleware) -> None:
    guard.process_request(Request("http://127.0.0.1:8123/a/1.html", dont_filter=True))
    stats = guard.crawler.stats
    assert stats is not None
    assert not [k for k in stats.get_stats() if k.startswith(StatGroup.REFUSED.key(""))]
