"""Site health: is a site's latest crawl in line with its own history?

A site that silently breaks (its template changed, robots.txt now refuses everything, the
article pattern matches nothing, pages turned into JavaScript shells) still "finishes"; its
figures just fall. Each check compares one figure of the run with the site's own recent
runs, never with a global constant, so a small site is not an alarm and a big one that
halves is.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.stat_keys import ScrapyStat, Stat, StatGroup

# How far a figure may fall against the site's own baseline before it is an alert.
COLLAPSE_FACTOR = 0.5  # claims per document, articles: below half of the baseline
DROPPED_SHARE_ALERT = 0.5  # half the article pages dropped by extraction ...
DROPPED_SHARE_USUAL = 0.2  # ... when the site usually drops under a fifth
ERROR_SHARE_ALERT = 0.3  # a third of requests failing ...
ERROR_SHARE_MARGIN = 0.05  # ... and clearly more than the site's usual share
MIN_DOCUMENTS = 5  # fewer documents say nothing about claims per document
MIN_ARTICLES = 10  # a site this small does not raise an article-drop alert
HISTORY = 5  # runs of baseline


@dataclass(frozen=True, slots=True)
class SiteRun:
    """The figures of one site in one run, read from the run's per-site crawl stats."""

    run_id: str
    site: str
    responses: int
    documents: int
    unchanged: int
    claims: int
    dropped: int
    errors: int
    robots_disallowed: int
    entry_failures: int = 0  # start URLs and sitemaps that failed
    entry_failed: str = ""  # the first of them, "<url>: <status or error>"

    @property
    def articles(self) -> int:
        """Article pages seen: extracted, confirmed unchanged, or dropped by extraction
        (a page whose template broke is still an article page: extraction_collapse says so)."""
        return self.documents + self.unchanged + self.dropped

    @property
    def dropped_share(self) -> float:
        """Share of article pages extraction gave up on."""
        seen = self.documents + self.dropped
        return self.dropped / seen if seen else 0.0

    @property
    def error_share(self) -> float:
        """Share of requests that failed (5xx answers and network errors)."""
        tried = self.responses + self.errors
        return self.errors / tried if tried else 0.0

    @property
    def claims_per_document(self) -> float:
        """Claims tagged per extracted document."""
        return self.claims / self.documents if self.documents else 0.0


def site_run(run_id: str, site: str, stats: Mapping[str, Any]) -> SiteRun:
    """A SiteRun from one site's Scrapy stats dict (crawl_runs.stats.sites[site])."""
    def n(key: str) -> int:
        value = stats.get(key, 0)
        return int(value) if isinstance(value, int | float) else 0

    dropped = sum(n(k) for k in stats if StatGroup.DROPPED.reason(k) is not None)
    server_errors = sum(n(k) for k in stats if k.startswith(ScrapyStat.STATUS_PREFIX)
                        and k.removeprefix(ScrapyStat.STATUS_PREFIX).startswith("5"))
    return SiteRun(run_id, site, responses=n(Stat.ARCHIVED), documents=n(Stat.DOCUMENTS),
                   unchanged=n(Stat.UNCHANGED) + n(Stat.SKIPPED_RECENTLY_CHECKED),
                   claims=n(Stat.CLAIMS), dropped=dropped,
                   errors=n(ScrapyStat.EXCEPTION_COUNT) + server_errors,
                   robots_disallowed=n(Stat.ROBOTS_DISALLOWED),
                   entry_failures=n(Stat.ENTRY_FAILED),
                   entry_failed=str(stats.get(Stat.ENTRY_FAILED_FIRST) or ""))


@dataclass(frozen=True, slots=True)
class HealthAlert:
    """One finding about one site in one run: what fell, to what, against which baseline."""

    run_id: str
    site: str
    check: str
    severity: str  # "error": the site gave nothing usable; "warning": it gave much less
    figure: float
    baseline: float | None
    message: str


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def check_site(run: SiteRun, history: Sequence[SiteRun]) -> list[HealthAlert]:
    """The alerts of *run* against *history* (the site's earlier runs, newest first)."""
    past = [h for h in history[:HISTORY] if h.articles > 0]
    alerts: list[HealthAlert] = []

    def alert(check: str, severity: str, figure: float, baseline: float | None,
              message: str) -> None:
        alerts.append(HealthAlert(run.run_id, run.site, check, severity, figure, baseline,
                                  message))

    usual_entry = _median([h.entry_failures for h in history[:HISTORY]]) or 0
    if run.entry_failures > usual_entry:
        # A start URL or sitemap that answers 4xx/5xx or nothing: the site moved or went
        # away, even when known articles still answer. One that always fails is not news.
        alert("entry_failed", "error", run.entry_failures, usual_entry,
              f"{run.site}: start URL or sitemap failed: {run.entry_failed}"
              + (f" (and {run.entry_failures - 1} more)" if run.entry_failures > 1 else ""))
    usual_articles = _median([h.articles for h in past])
    if run.articles == 0:
        if run.robots_disallowed:
            alert("robots_refuse_all", "error", run.robots_disallowed, usual_articles,
                  f"{run.site}: robots.txt refused every request "
                  f"({run.robots_disallowed} refused, no article fetched)")
        else:
            alert("no_articles", "error", 0, usual_articles,
                  f"{run.site}: no article fetched ({run.responses} responses archived"
                  + (f"; usually {usual_articles:g} articles" if usual_articles else "")
                  + "): start URL, sitemap or article pattern broken?")
        return alerts
    usual_drop = _median([h.dropped_share for h in past])
    if run.dropped_share >= DROPPED_SHARE_ALERT and (usual_drop is None
                                                     or usual_drop < DROPPED_SHARE_USUAL):
        alert("extraction_collapse", "error", round(run.dropped_share, 3), usual_drop,
              f"{run.site}: extraction dropped {run.dropped_share:.0%} of article pages"
              + (f" (usually {usual_drop:.0%})" if usual_drop is not None else "")
              + ": did the page template change?")
    usual_cpd = _median([h.claims_per_document for h in past if h.documents >= MIN_DOCUMENTS])
    if (run.documents >= MIN_DOCUMENTS and usual_cpd is not None and usual_cpd >= 1
            and run.claims_per_document < COLLAPSE_FACTOR * usual_cpd):
        alert("claims_collapse", "warning", round(run.claims_per_document, 2), usual_cpd,
              f"{run.site}: {run.claims_per_document:.1f} claims per document "
              f"(usually {usual_cpd:.1f})")
    usual_err = _median([h.error_share for h in past]) or 0.0
    if run.error_share >= ERROR_SHARE_ALERT and run.error_share > 2 * usual_err \
            + ERROR_SHARE_MARGIN:
        alert("error_spike", "warning", round(run.error_share, 3), usual_err,
              f"{run.site}: {run.error_share:.0%} of requests failed (usually {usual_err:.0%})")
    previous = past[0].articles if past else None
    if previous is not None and previous >= MIN_ARTICLES \
            and run.articles < COLLAPSE_FACTOR * previous:
        alert("article_drop", "warning", run.articles, previous,
              f"{run.site}: {run.articles} articles seen, {previous} in the previous run")
    return alerts
