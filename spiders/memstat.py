"""Record the crawl's true peak memory when the spider closes.

Scrapy's MemoryUsage extension samples `memusage/max` only every
MEMUSAGE_CHECK_INTERVAL_SECONDS, so a short crawl reports its startup size.
The value it samples (ru_maxrss) is the process's high-water mark, so one more
sample at close makes `memusage/max` the real peak of the run.
"""

from __future__ import annotations

import resource
import sys

from scrapy import signals
from scrapy.crawler import Crawler


def peak_rss_bytes() -> int:
    """The process's peak resident set size in bytes (ru_maxrss is KiB on Linux)."""
    size = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return size if sys.platform == "darwin" else size * 1024


class PeakMemoryStat:
    """Extension: set `memusage/max` to the peak RSS when the spider closes."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PeakMemoryStat:
        """Build from the crawler and listen for spider_closed (Scrapy component protocol)."""
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self) -> None:
        """Take the final peak-memory sample."""
        if self.crawler.stats is not None:
            self.crawler.stats.max_value("memusage/max", peak_rss_bytes())
