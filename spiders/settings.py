"""Scrapy settings for yuqi crawls (the base; each site config adjusts politeness)."""

from __future__ import annotations

import os
from typing import Any

from pipeline.siteconfig import SiteConfig


def _env_seconds(name: str, default: float) -> float:
    """A positive number of seconds from environment variable *name*, else *default*."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


#: The product token robots.txt groups name (`User-agent: yuqi`), first word of USER_AGENT.
PRODUCT_TOKEN = "yuqi"
USER_AGENT = f"{PRODUCT_TOKEN}/0.1 (+https://github.com/yuqi-project/yuqi; research crawler)"

BASE_SETTINGS: dict[str, Any] = {
    "BOT_NAME": "yuqi",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    # Scrapy starts CONCURRENT_ITEMS asyncio tasks for every callback's output (default 100)
    # and each runs to the end of it. A callback yields at most one item (its RawPage, first)
    # and the rest are requests, which the scraper schedules synchronously, in order: one task
    # waits on the page's item while a second schedules the links, so 2 keeps the same order
    # and never holds a link behind a page, with 3 tasks a response instead of 17 (16).
    "CONCURRENT_ITEMS": 2,
    # Scrapy re-reads and parses a generator callback's source (inspect + ast) to warn about
    # a `return value` in it, again for every response (its cache is keyed by the bound
    # method, new each time): about 2% of the crawl process's CPU. tests/test_scrapy_native.py
    # runs the same check once over the spider's callbacks instead.
    "WARN_ON_GENERATOR_RETURN_VALUE": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    # YUQI_DOWNLOAD_TIMEOUT=<seconds> overrides the per-request download timeout (tests use a
    # short one against slow-server routes).
    "DOWNLOAD_TIMEOUT": _env_seconds("YUQI_DOWNLOAD_TIMEOUT", 30),
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 2 * 1024 * 1024,
    "RETRY_TIMES": 2,
    "REDIRECT_MAX_TIMES": 5,
    "DEPTH_PRIORITY": 1,
    "REQUEST_FINGERPRINTER_CLASS": "spiders.request_fingerprint.UrlKeyFingerprinter",
    "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
    "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    # Only http(s): a file:// or data: link or redirect is never read.
    "DOWNLOAD_HANDLERS": {"file": None, "data": None, "ftp": None, "s3": None},
    "DOWNLOADER_MIDDLEWARES": {
        "spiders.guard.GuardMiddleware": 50,
        # RFC 9309 robots.txt (5xx/timeout = host disallowed, Crawl-delay) (spiders/robots.py).
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "spiders.robots.RobotsMiddleware": 100,
        # Counted, capped and strict replacements of Scrapy's own (spiders/content_mw.py).
        "spiders.content_mw.ContentGateMiddleware": 585,
        "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
        "spiders.content_mw.CappedCompressionMiddleware": 590,
        "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
        "spiders.guard.GuardedRedirectMiddleware": 600,
        "spiders.conditional.ConditionalMiddleware": 60,
        "spiders.archive_mw.ArchiveMiddleware": 950,
    },
    "ITEM_PIPELINES": {"spiders.stages_pipeline.StagesPipeline": 300},
    # Spider middlewares that only cost time here: the guard's trap limits already refuse
    # URLs over 1024 characters, and our callbacks never copy response.meta.
    "SPIDER_MIDDLEWARES": {
        "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
        "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
    },
    "MEMUSAGE_ENABLED": True,
    # Past the limit Scrapy closes the spider (reason memusage_exceeded); checked every 5 s.
    "MEMUSAGE_LIMIT_MB": 2048,
    "MEMUSAGE_WARNING_MB": 1024,
    "MEMUSAGE_CHECK_INTERVAL_SECONDS": 5.0,
    "EXTENSIONS": {"spiders.memstat.PeakMemoryStat": 0,
                   # Scrapy's MemoryUsage reads ru_maxrss, which a child inherits from its
                   # parent: this one reads the crawl's own peak (spiders/memstat.py).
                   "scrapy.extensions.memusage.MemoryUsage": None,
                   "spiders.memstat.OwnMemoryUsage": 0,
                   # Crawl-delay floors and Retry-After back-off (spiders/politeness.py).
                   "spiders.politeness.SlotPolicy": 0},
}


def site_settings(config: SiteConfig) -> dict[str, Any]:
    """Settings for one site's crawler: politeness, depth and page caps from its config."""
    delay = config.politeness.delay
    return {
        **BASE_SETTINGS,
        "CONCURRENT_REQUESTS_PER_DOMAIN": config.politeness.concurrency,
        "CONCURRENT_REQUESTS": max(16, config.politeness.concurrency),
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_ENABLED": delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.1),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(config.politeness.concurrency),
        # AutoThrottle clamps every slot delay to MAX_DELAY (default 60 s): a configured
        # delay above that was silently shortened.
        "AUTOTHROTTLE_MAX_DELAY": max(60.0, delay),
        "DEPTH_LIMIT": config.max_depth,
        "CLOSESPIDER_PAGECOUNT": config.max_pages,
    }


#: What Scrapy's own commands (`scrapy list`, `scrapy crawl <site>`) and scrapyd add to the
#: base: spiders are the site configs (spiders/loader.py). Override any with `-s NAME=VALUE`
#: (scrapyd: `setting=NAME=VALUE` in schedule.json); the environment variables of the same
#: name give the defaults.
NATIVE_SETTINGS: dict[str, Any] = {
    "SPIDER_LOADER_CLASS": "spiders.loader.SiteSpiderLoader",
    # Where the site configs are; empty: the ones shipped in spiders/sites.
    "YUQI_SITES_DIR": os.environ.get("YUQI_SITES_DIR", ""),
    # The data dir the crawl writes its archive and spool into (as `yuqi crawl --data-dir`).
    "YUQI_DATA_DIR": os.environ.get("YUQI_DATA_DIR", "data"),
    # Seconds to wait for a data dir another yuqi process holds (as `yuqi crawl --wait`).
    "YUQI_LOCK_WAIT": _env_seconds("YUQI_LOCK_WAIT", 0.0),
    # The application's side of the run (lock, run id, manifest): a class path.
    "YUQI_NATIVE_RUN": "yuqi.app.scrapy_native.NativeRun",
}

# `scrapy` commands find this module through scrapy.cfg (scrapyd through the egg's entry
# point) and read its upper-case names: the base settings a yuqi crawl starts from, plus
# the spider loader and its settings.
globals().update(BASE_SETTINGS)
globals().update(NATIVE_SETTINGS)
