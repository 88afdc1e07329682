"""A progress line for a running crawl: pages, pages/s, documents, errors, across all sites.

On a terminal it is a live status line (rich, on stderr); elsewhere (cron,
CI) it prints a plain line every `interval` seconds, so logs show the crawl
is alive without flooding them.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping

from rich.console import Console
from scrapy.crawler import Crawler
from twisted.internet.task import LoopingCall

from pipeline.stat_keys import ScrapyStat, Stat, StatGroup

_ERROR_PREFIXES = (ScrapyStat.EXCEPTION_COUNT, ScrapyStat.SPIDER_EXCEPTIONS_PREFIX,
                   StatGroup.REFUSED.value, StatGroup.DROPPED.value)


def totals(crawlers: Mapping[str, Crawler]) -> dict[str, int]:
    """Pages archived, documents, claims and errors summed over the crawlers' stats."""
    out = {"pages": 0, "unchanged": 0, "documents": 0, "claims": 0, "errors": 0}
    for crawler in crawlers.values():
        stats = crawler.stats.get_stats() if crawler.stats else {}
        out["pages"] += int(stats.get(Stat.ARCHIVED, 0))
        out["unchanged"] += int(stats.get(Stat.UNCHANGED, 0))
        out["documents"] += int(stats.get(Stat.DOCUMENTS, 0))
        out["claims"] += int(stats.get(Stat.CLAIMS, 0))
        out["errors"] += sum(int(v) for k, v in stats.items()
                             if k.startswith(_ERROR_PREFIXES) and isinstance(v, int))
    return out


def format_line(counts: Mapping[str, int], elapsed: float, sites: int) -> str:
    """One human line: counts and the page rate."""
    rate = counts["pages"] / elapsed if elapsed > 0 else 0.0
    return (f"crawling {sites} sites: {counts['pages']} pages ({rate:.1f}/s), "
            f"{counts.get('unchanged', 0)} unchanged, "
            f"{counts['documents']} documents, {counts['claims']} claims, "
            f"{counts['errors']} errors/refusals, {elapsed:.0f}s")


class CrawlProgress:
    """Reports `totals` of running crawlers periodically from inside the reactor."""

    def __init__(self, crawlers: Mapping[str, Crawler], interval: float | None = None) -> None:
        self.crawlers = crawlers
        self.console = Console(stderr=True, highlight=False)
        self.live = sys.stderr.isatty()
        self.interval = interval if interval is not None else (1.0 if self.live else 15.0)
        self.started = time.monotonic()
        self._loop = LoopingCall(self._tick)
        self._status = self.console.status("") if self.live else None

    def start(self) -> None:
        """Begin reporting (call once the reactor runs)."""
        if self._status is not None:
            self._status.start()
        self._loop.start(self.interval, now=False)

    def stop(self) -> None:
        """Stop reporting and clear the live line."""
        if self._loop.running:
            self._loop.stop()
        if self._status is not None:
            self._status.stop()

    def _tick(self) -> None:
        line = format_line(totals(self.crawlers), time.monotonic() - self.started,
                           len(self.crawlers))
        if self._status is not None:
            self._status.update(line)
        else:
            self.console.print(line, markup=False, soft_wrap=True)
