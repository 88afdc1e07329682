"""Building the `Fetch` record of an archived response, the same way live and on replay.

The crawl's archive middleware (spiders/archive_mw.py) and the WARC replay
(yuqi/app/replay.py) both call `build_fetch` with plain values, so the fetch rows a
replay spools are the crawl's rows by construction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from pipeline.records import Fetch
from pipeline.siteconfig import SiteConfig
from pipeline.urls import canonical_url

__all__ = ["build_fetch", "last_header"]


def last_header(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    """The last value of header *name* (case-insensitive), or None when absent or empty.

    The last, as Scrapy's `Headers.get` returns it, so the crawl and the replay agree.
    """
    lname = name.lower()
    found = None
    for key, value in headers:
        if key.lower() == lname:
            found = value
    return found or None


def build_fetch(
    config: SiteConfig,
    *,
    run_id: str,
    first_url: str,
    final_url: str,
    status: int,
    headers: Iterable[tuple[str, str]],
    body: bytes,
    fetched_at: str,
    warc_file: str,
    warc_offset: int,
    warc_record_id: str,
    sitemap_lastmod: str | None = None,
) -> Fetch:
    """The fetch record of one response of *config*'s site.

    *first_url* is the URL first requested (before redirects; it is stored canonical),
    *headers* the response's header pairs, *body* the body as archived (still
    Content-Encoded: `content_sha1` is the hash of what the WARC record holds).
    """
    pairs = tuple(headers)
    return Fetch(
        run_id=run_id,
        url=canonical_url(first_url),
        final_url=final_url,
        site=config.name,
        status=status,
        fetched_at=fetched_at,
        etag=last_header(pairs, "ETag"),
        last_modified=last_header(pairs, "Last-Modified"),
        content_type=last_header(pairs, "Content-Type"),
        is_article=config.is_article(final_url),
        warc_file=warc_file,
        warc_offset=warc_offset,
        warc_record_id=warc_record_id,
        content_sha1=hashlib.sha1(body).hexdigest(),
        sitemap_lastmod=sitemap_lastmod,
    )
