"""Scrapy's stats collector seen through the pipeline's `StatCollector` interface.

The per-page runner (pipeline.page) counts into a `StatCollector`; in a live
crawl that is the crawler's own stats, so its counters land where Scrapy's do
(and in the run's manifest).
"""

from __future__ import annotations

from typing import Any

from scrapy.statscollectors import StatsCollector


class ScrapyStats:
    """A `pipeline.stats.StatCollector` over a Scrapy `StatsCollector`."""

    def __init__(self, stats: StatsCollector) -> None:
        self._stats = stats

    def inc(self, key: str, value: int = 1) -> None:
        """Add *value* to counter *key* (Scrapy's `inc_value`)."""
        self._stats.inc_value(key, value)

    def set(self, key: str, value: Any) -> None:
        """Set *key* to *value* (Scrapy's `set_value`)."""
        self._stats.set_value(key, value)

    def get(self, key: str, default: Any = None) -> Any:
        """The value of *key*, or *default* (Scrapy's `get_value`)."""
        return self._stats.get_value(key, default)


def plain_stats(crawler_stats: StatsCollector | None) -> dict[str, Any]:
    """A crawler's stats as JSON-ready values (numbers, strings, None; datetimes as text),
    for the run's manifest."""
    def plain(value: Any) -> Any:
        if isinstance(value, int | float | str | bool) or value is None:
            return value
        return str(value)

    return {k: plain(v) for k, v in (crawler_stats.get_stats() if crawler_stats else {}).items()}
