"""Scrapy settings for yuqi crawls (the base; each site config adjusts politeness)."""

from __future__ import annotations

from typing import Any

from pipeline.siteconfig import SiteConfig

USER_AGENT = "yuqi/0.1 (+https://github.com/yuqi-project/yuqi; research crawler)"

BASE_SETTINGS: dict[str, Any] = {
    "BOT_NAME": "yuqi",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 2 * 1024 * 1024,
    "RETRY_TIMES": 2,
    "REDIRECT_MAX_TIMES": 5,
    "DEPTH_PRIORITY": 1,
    "REQUEST_FINGERPRINTER_CLASS": "spiders.fingerprint.UrlKeyFingerprinter",
    "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
    "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    # Only http(s): a file:// or data: link or redirect is never read.
    "DOWNLOAD_HANDLERS": {"file": None, "data": None, "ftp": None, "s3": None},
    "DOWNLOADER_MIDDLEWARES": {
        "spiders.guard.GuardMiddleware": 50,
        "spiders.conditional.ConditionalMiddleware": 60,
        "spiders.archive_mw.ArchiveMiddleware": 950,
    },
    "ITEM_PIPELINES": {"spiders.stages_pipeline.StagesPipeline": 300},
    "MEMUSAGE_ENABLED": True,
    "MEMUSAGE_LIMIT_MB": 2048,
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
        "DEPTH_LIMIT": config.max_depth,
        "CLOSESPIDER_PAGECOUNT": config.max_pages,
    }
