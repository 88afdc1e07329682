"""Run counters: the small interface every counting step writes to, and the run summary.

`StatCollector` is what the per-page runner (pipeline.page) counts into, as
web-poet's `StatCollector`: the live crawl implements it over Scrapy's stats
(spiders/stats_adapter.py), the WARC replay and tests over a Counter
(`CounterStats`). `run_summary` turns a run's summed counters into the headline
figures every run records (manifest and `crawl_runs.stats.summary`), whether the
run was a crawl or a replay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, Protocol

from pipeline.stat_keys import ScrapyStat, Stat, StatGroup

__all__ = ["CounterStats", "StatCollector", "refusals", "run_summary"]


class StatCollector(Protocol):
    """Named run counters: increment, set, read."""

    def inc(self, key: str, value: int = 1) -> None:
        """Add *value* to counter *key* (starting from 0)."""

    def set(self, key: str, value: Any) -> None:
        """Set *key* to *value*."""

    def get(self, key: str, default: Any = None) -> Any:
        """The value of *key*, or *default* when it was never set."""


class CounterStats:
    """A `StatCollector` over a `collections.Counter` (replay, tests)."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()

    def inc(self, key: str, value: int = 1) -> None:
        """Add *value* to counter *key*."""
        self.counts[key] += value

    def set(self, key: str, value: Any) -> None:
        """Set *key* to *value*."""
        self.counts[key] = value

    def get(self, key: str, default: Any = None) -> Any:
        """The value of *key*, or *default*."""
        return self.counts.get(key, default)


def refusals(total: Mapping[str, Any]) -> dict[str, int]:
    """The requests refused before they were sent, by key: guard and trap refusals
    (`yuqi/refused/*`) and robots.txt (disallowed, unreachable)."""
    return {k: int(v) for k, v in total.items()
            if k.startswith(StatGroup.REFUSED.value)
            or k in (Stat.ROBOTS_DISALLOWED, Stat.ROBOTS_UNREACHABLE)}


def run_summary(total: Mapping[str, Any]) -> dict[str, Any]:
    """The headline counters of a run (kept in `crawl_runs.stats` under `summary`).

    responses = every archived response; downloaded = those that were not 304;
    unchanged = 304s plus requests skipped for an unchanged sitemap date;
    refused = guard, trap and robots refusals; errors by kind (exceptions,
    HTTP 4xx/5xx, pages dropped by the stages).
    """
    def n(key: str) -> int:
        return int(total.get(key, 0))

    errors: dict[str, int] = {}
    for key, value in total.items():
        if key.startswith(ScrapyStat.EXCEPTION_TYPE_PREFIX):
            kind = key.rsplit(".", 1)[-1]
            errors[kind] = errors.get(kind, 0) + int(value)
        elif key.startswith(ScrapyStat.STATUS_PREFIX) and key[-3] in "45":
            errors[f"http_{key[-3:]}"] = int(value)
        elif (reason := StatGroup.DROPPED.reason(key)) is not None:
            errors[f"dropped/{reason}"] = int(value)
    return {
        "responses": n(Stat.ARCHIVED),
        "downloaded": n(Stat.ARCHIVED) - n(Stat.UNCHANGED),
        "unchanged": n(Stat.UNCHANGED) + n(Stat.SKIPPED_SITEMAP_UNCHANGED),
        "refused": sum(refusals(total).values()),
        "errors": errors,
        "bytes": n(ScrapyStat.RESPONSE_BYTES),
        "documents": n(Stat.DOCUMENTS),
        "claims": n(Stat.CLAIMS),
    }
