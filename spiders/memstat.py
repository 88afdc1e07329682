"""Record the crawl's true peak memory when the spider closes.

Scrapy's MemoryUsage extension samples `memusage/max` only every
MEMUSAGE_CHECK_INTERVAL_SECONDS, so a short crawl reports its startup size.
One more sample at close, of the process's own high-water mark (VmHWM), makes
`memusage/max` the real peak of the run.
"""

from __future__ import annotations

import resource
import sys

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.extensions.memusage import MemoryUsage


def peak_rss_bytes() -> int:
    """This process's own peak resident set size in bytes.

    On Linux, /proc/self/status VmHWM: ru_maxrss survives fork and exec, so a crawl
    started by a large parent (a test runner, a scheduler) would report the parent's
    peak as its own. Elsewhere ru_maxrss (KiB on Linux-likes, bytes on macOS).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    size = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return size if sys.platform == "darwin" else size * 1024


class OwnMemoryUsage(MemoryUsage):
    """Scrapy's MemoryUsage (limit, warning, `memusage/*` stats) on this process's own peak.

    Why: the stock extension reads ru_maxrss, inherited across fork and exec, so a
    crawl started by a large process would report, and be closed for, its parent's size.
    """

    def get_virtual_size(self) -> int:
        """The crawl process's own peak RSS in bytes."""
        return peak_rss_bytes()


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
