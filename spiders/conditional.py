"""Conditional re-fetch: known article URLs are asked for with their validators.

A page the warehouse already holds is requested with If-None-Match /
If-Modified-Since; the site answers 304 when it is unchanged, which is
archived as a WARC revisit record and counted, never downloaded again. A URL
whose sitemap <lastmod> is unchanged is not requested at all.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from pipeline.stat_keys import Stat
from pipeline.urls import url_key
from spiders.context import RunContext

logger = logging.getLogger(__name__)


class ConditionalMiddleware:
    """Downloader middleware adding validators to known article URLs and counting 304s."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalMiddleware:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def process_request(self, request: Request) -> None:
        """Add validators to a known article's request; drop one the sitemap says is unchanged."""
        ctx: RunContext | None = getattr(self.crawler.spider, "ctx", None)
        if ctx is None or request.meta.get("yuqi_sitemap"):
            return
        key = url_key(request.url)
        if ctx.resumed_from is not None and key in ctx.resumed_from.done_keys:
            self._inc(Stat.SKIPPED_ALREADY_ARCHIVED)
            raise IgnoreRequest("archived by an earlier part of this run")
        if key in ctx.unchanged_keys:
            self._inc(Stat.SKIPPED_SITEMAP_UNCHANGED)
            raise IgnoreRequest("sitemap lastmod unchanged since the last fetch")
        known = ctx.known.get(key)
        if known is None or not ctx.config.is_article(request.url):
            return
        if _recently_checked(known.checked_at, ctx.config.recrawl_interval):
            self._inc(Stat.SKIPPED_RECENTLY_CHECKED)
            raise IgnoreRequest("checked within the site's recrawl_interval")
        if known.etag:
            request.headers.setdefault("If-None-Match", known.etag)
        if known.last_modified:
            request.headers.setdefault("If-Modified-Since", known.last_modified)
        if known.etag or known.last_modified:
            request.meta["yuqi_refers_to"] = (known.warc_record_id, known.fetched_at)
            self._inc(Stat.CONDITIONAL_REQUESTS)

    def process_response(self, request: Request, response: Response) -> Response:
        """Count a 304 as an unchanged page (the archive has already written its revisit)."""
        if response.status == 304:
            self._inc(Stat.UNCHANGED)
        return response


def _recently_checked(checked_at: str, interval_hours: float) -> bool:
    """True when *checked_at* (UTC, from the warehouse) is within the recrawl interval."""
    if interval_hours <= 0 or not checked_at:
        return False
    try:
        when = datetime.fromisoformat(checked_at.replace("Z", "+00:00"))
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return datetime.now(UTC) - when < timedelta(hours=interval_hours)
