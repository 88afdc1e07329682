"""The crawl progress line sums every site's counters."""

from __future__ import annotations

from typing import Any, cast

from scrapy.crawler import Crawler

from pipeline.stat_keys import Stat, StatGroup
from spiders.progress import format_line, totals


class _FakeCrawler:
    def __init__(self, stats: dict[str, Any]) -> None:
        self.stats = _Stats(stats)


class _Stats:
    def __init__(self, stats: dict[str, Any]) -> None:
        self._stats = stats

    def get_stats(self) -> dict[str, Any]:
        return self._stats


def test_totals_sum_pages_documents_and_errors_across_sites() -> None:
    crawlers = {
        "a": _FakeCrawler({Stat.ARCHIVED: 10, Stat.DOCUMENTS: 8, Stat.CLAIMS: 30,
                           "downloader/exception_count": 2, Stat.REFUSED_PRIVATE_ADDRESS: 1,
                           "start_time": "x"}),
        "b": _FakeCrawler({Stat.ARCHIVED: 5, StatGroup.DROPPED.key("no_text"): 1}),
    }
    counts = totals(cast(dict[str, Crawler], crawlers))
    assert counts == {"pages": 15, "unchanged": 0, "documents": 8, "claims": 30, "errors": 4}
    line = format_line(counts, 5.0, 2)
    assert "15 pages (3.0/s)" in line and "4 errors" in line
