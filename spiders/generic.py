"""The generic config-driven spider: sitemaps first, then link following.

Everything site-specific comes from a `SiteConfig`; article responses are
yielded as `RawPage` records for the stages pipeline.
"""

from __future__ import annotations

import gzip
import io
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.urls import canonical_url, declared_canonical, url_key
from spiders.context import RunContext
from spiders.warc import WarcRef

logger = logging.getLogger(__name__)

MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class GenericSpider(Spider):
    """Crawls one site as its config says."""

    name = "yuqi-generic"

    def __init__(self, config: SiteConfig, ctx: RunContext, **kwargs: Any) -> None:
        super().__init__(name=config.name, **kwargs)
        self.config = config
        self.ctx = ctx
        self.allowed_domains = list(config.allowed_domains)
        follow = [*config.follow_patterns, config.article_pattern] if config.follow_patterns else []
        self.links = LinkExtractor(
            allow=follow,
            deny=list(config.deny_patterns),
            unique=True,
        )
        # Not LinkExtractor(allow_domains=...): it compares the netloc, port included, so
        # "127.0.0.1" never matched http://127.0.0.1:8080/ links and nothing was followed.
        self.domains = tuple(d.lower().lstrip(".") for d in config.allowed_domains)

    async def start(self) -> AsyncIterator[Request]:
        """Sitemaps first, then the start URLs, then every article URL already known.

        Known articles are re-requested (conditionally, see spiders.conditional) even
        when nothing links to them any more, so a deleted page is noticed as 404/410.
        """
        for url in self.config.sitemaps:
            yield Request(url, callback=self.parse_sitemap, meta={"yuqi_sitemap": True})
        for url in self.config.start_urls:
            yield Request(url, callback=self.parse)
        for known in self.ctx.known.values():
            yield Request(known.url, callback=self.parse, priority=-10)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Follow sitemap indexes and queue the URLs a sitemap lists."""
        body = self._sitemap_body(response)
        if body is None:
            return
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(body.decode("utf-8", "replace"), response.url):
                yield Request(url, callback=self.parse_sitemap)
            return
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several kinds on junk
            self._count("sitemap_invalid")
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield Request(loc, callback=self.parse_sitemap, meta={"yuqi_sitemap": True})
                continue
            url = canonical_url(loc)
            lastmod = (entry.get("lastmod") or "").strip() or None
            known = self.ctx.known.get(url_key(url))
            if lastmod and known is not None and known.sitemap_lastmod == lastmod:
                # Listed with the same date as when we fetched it: unchanged, not requested.
                self.ctx.unchanged_keys.add(url_key(url))
                continue
            yield Request(url, callback=self.parse, meta={"yuqi_lastmod": lastmod})

    def _sitemap_body(self, response: Response) -> bytes | None:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
                    body = fh.read(MAX_SITEMAP_BYTES + 1)
            except OSError:
                self._count("sitemap_bad_gzip")
                return None
            if len(body) > MAX_SITEMAP_BYTES:
                self._count("sitemap_too_large")
                return None
        return body

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Request | RawPage]:
        """Yield the page as a RawPage if it is an article, and follow its links."""
        if not isinstance(response, TextResponse):
            self._count("not_text")
            return
        if self.config.is_article(response.url) and response.status == 200:
            yield self._raw_page(response)
        for link in self.links.extract_links(response):
            if self.host_allowed(link.url):
                yield Request(canonical_url(link.url), callback=self.parse)

    def host_allowed(self, url: str) -> bool:
        """True when the URL's host (port ignored) is an allowed domain or a subdomain of one."""
        if not self.domains:
            return True
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def _raw_page(self, response: Response) -> RawPage:
        ref: WarcRef | None = response.meta.get("yuqi_warc")
        first_url = response.meta.get("redirect_urls", [response.request.url if response.request
                                                          else response.url])[0]
        headers = tuple(
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, values in response.headers.items() for v in values
        )
        url = canonical_url(first_url)
        declared = declared_canonical(response.body, response.url)
        if declared and declared != url and self.host_allowed(declared):
            # rel=canonical names the article's one URL; a mirror path becomes the same document.
            self._count("rel_canonical")
            url = declared
        return RawPage(
            run_id=self.ctx.run_id,
            site=self.config.name,
            url=url,
            final_url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=str(response.meta.get("yuqi_fetched_at", "")),
            warc_file=ref.file if ref else "",
            warc_offset=ref.offset if ref else -1,
            warc_record_id=ref.record_id if ref else "",
        )

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"yuqi/{key}")
