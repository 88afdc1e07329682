"""Downloader middleware that archives every response to WARC and spools a fetch row.

It sits next to the downloader (order 950), so it sees bodies before
HttpCompressionMiddleware inflates them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from pipeline.fetch import build_fetch
from pipeline.page import record_fetch
from pipeline.urls import canonical_url
from pipeline.warc import WarcRef
from spiders.context import RunContext
from spiders.stats_adapter import ScrapyStats
from spiders.write_failure import record_write_failure

logger = logging.getLogger(__name__)


def _pairs(headers: object) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    items = getattr(headers, "items", None)
    if items is None:
        return out
    for key, values in items():
        k = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for v in values if isinstance(values, list) else [values]:
            out.append((k, v.decode("latin-1") if isinstance(v, bytes) else str(v)))
    return out


def utc_now() -> str:
    """Current UTC time, ISO 8601 with seconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class ArchiveMiddleware:
    """Writes each request/response pair to the site's WARC and its fetch row to the spool
    (`pipeline.fetch.build_fetch`, as the WARC replay builds it)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = ScrapyStats(crawler.stats)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMiddleware:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        """Archive the raw response, remember where, and pass it on unchanged."""
        ctx: RunContext | None = getattr(self.crawler.spider, "ctx", None)
        if ctx is None:
            return response
        fetched_at = utc_now()
        # The canonical URL first requested, before redirects: what replay keys the page by.
        first_url = canonical_url(request.meta.get("redirect_urls", [request.url])[0])
        lastmod: str | None = request.meta.get("yuqi_lastmod")
        refers_to = request.meta.get("yuqi_refers_to")
        response_headers = _pairs(response.headers)
        try:
            ref = self._write(ctx, request, response, response_headers, fetched_at,
                              first_url, lastmod, refers_to)
        except OSError as exc:
            record_write_failure(self.crawler, exc, "archive",
                                 ctx.archive.data_dir / "archive" / ctx.run_id)
            raise IgnoreRequest(f"archive not writable: {exc}") from None
        request.meta["yuqi_warc"] = ref
        request.meta["yuqi_fetched_at"] = fetched_at

        fetch = build_fetch(
            ctx.config, run_id=ctx.run_id, first_url=first_url, final_url=response.url,
            status=response.status, headers=response_headers, body=response.body,
            fetched_at=fetched_at, warc_file=ref.file, warc_offset=ref.offset,
            warc_record_id=ref.record_id, sitemap_lastmod=lastmod,
        )
        try:
            record_fetch(fetch, ctx.spool, self.stats)
        except OSError as exc:
            record_write_failure(self.crawler, exc, "spool", ctx.spool.dir)
            raise IgnoreRequest(f"spool not writable: {exc}") from None
        return response

    def _write(self, ctx: RunContext, request: Request, response: Response,
               response_headers: list[tuple[str, str]], fetched_at: str, first_url: str,
               lastmod: str | None, refers_to: object) -> WarcRef:
        """Write the request/response pair to the site's WARC file."""
        pair = refers_to if isinstance(refers_to, tuple | list) else None
        return ctx.archive.write_pair(
            url=response.url,
            method=request.method,
            request_headers=_pairs(request.headers),
            status=response.status,
            reason="",
            response_headers=response_headers,
            body=response.body,
            fetched_at=fetched_at,
            request_url=first_url,
            sitemap_lastmod=lastmod,
            refers_to=(str(pair[0] or ""), str(pair[1] or "")) if pair else None,
        )
