"""The generic config-driven spider: sitemaps first, then link following.

Everything site-specific comes from a `SiteConfig`; article responses are
yielded as `RawPage` records for the stages pipeline.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import AsyncIterator, Iterator
from enum import Enum
from typing import Any, Literal

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from pipeline.links import has_extension, page_links
from pipeline.page import is_article_fetch
from pipeline.rawpage import build_raw_page
from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.stat_keys import Stat
from pipeline.urls import canonical_url, host_allowed, url_key
from pipeline.warc import WarcRef
from spiders.context import RunContext
from spiders.write_failure import record_write_failure

logger = logging.getLogger(__name__)

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # sitemaps.org: 50 MiB uncompressed at most
SITEMAP_CHUNK = 64 * 1024
_IGNORED_EXTENSIONS = frozenset(IGNORED_EXTENSIONS)
#: `GenericSpider._follow`'s answers kept per spider (a site's distinct links); past this
#: many the cache starts afresh, so a huge site costs bounded memory.
FOLLOW_CACHE_SIZE = 200_000


class _Refused(Enum):
    """Why `GenericSpider._follow` does not follow a link (its cached answer)."""

    NOT_FOLLOWED = 0  # the config's patterns or an ignored file extension
    BAD_LINK = 1  # no URL at all (a port that is not a number): counted each time it is met


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
        self._yielded: dict[str, int] = {}  # url_key -> smallest depth yielded at
        # absolute link -> the canonical URL to request, or why it is not followed
        self._followed: dict[str, str | _Refused] = {}

    async def start(self) -> AsyncIterator[Request]:
        """Sitemaps first, then the start URLs (and a killed part's links), then every article
        URL already known.

        Known articles are re-requested (conditionally, see spiders.conditional) even
        when nothing links to them any more, so a deleted page is noticed as 404/410.
        """
        for url in self.config.sitemaps:
            yield Request(url, callback=self.parse_sitemap, errback=self.entry_failed,
                          meta={"yuqi_sitemap": True})
        for url in self.config.start_urls:
            yield Request(url, callback=self.parse, errback=self.entry_failed)
        if self.ctx.resumed_from is not None:
            # The frontier of a killed part, rebuilt from the links of its archived pages.
            for link in self.ctx.resumed_from.links:
                if self.host_allowed(link) and (follow := self._follow(link)) is not None:
                    yield Request(follow, callback=self.parse)
        for known in self.ctx.known.values():
            yield Request(known.url, callback=self.parse, priority=-10)

    def entry_failed(self, failure: Failure) -> None:
        """Count a start URL or sitemap that failed: an error status after the retries, or
        no answer at all (site health's `entry_failed`: the site moved or went away).

        A request robots.txt or the guard refused is not counted here; they have their own.
        """
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        error = failure.value
        why = str(error.response.status) if isinstance(error, HttpError) \
            else type(error).__name__
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(Stat.ENTRY_FAILED)
            if self.crawler.stats.get_value(Stat.ENTRY_FAILED_FIRST) is None:
                self.crawler.stats.set_value(Stat.ENTRY_FAILED_FIRST, f"{url}: {why}")
        logger.warning("%s: start URL or sitemap failed: %s (%s)", self.config.name, url, why)

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
            self._count(Stat.SITEMAP_INVALID)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield Request(loc, callback=self.parse_sitemap, meta={"yuqi_sitemap": True})
                continue
            try:
                url = canonical_url(loc)
            except ValueError:
                self._count(Stat.BAD_LINK)
                continue
            lastmod = (entry.get("lastmod") or "").strip() or None
            known = self.ctx.known.get(url_key(url))
            if lastmod and known is not None and known.sitemap_lastmod == lastmod:
                # Listed with the same date as when we fetched it: unchanged, not requested.
                self.ctx.unchanged_keys.add(url_key(url))
                continue
            yield Request(url, callback=self.parse, meta={"yuqi_lastmod": lastmod})

    def _sitemap_body(self, response: Response) -> bytes | None:
        """The sitemap's XML: a gzip body (one layer, no Content-Encoding) inflated in chunks.

        Inflating stops at the smaller of MAX_SITEMAP_BYTES (the protocol's limit) and
        DOWNLOAD_MAXSIZE, so a gzip bomb costs at most the cap; a corrupt gzip or a gzip
        inside the gzip is counted and skipped, never inflated further.
        """
        body = response.body
        if body[:2] != b"\x1f\x8b":
            return body
        max_size = MAX_SITEMAP_BYTES
        download_max = response.meta.get("download_maxsize",
                                          self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        if download_max:
            max_size = min(max_size, download_max)
        out = io.BytesIO()
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
                while chunk := fh.read1(SITEMAP_CHUNK):
                    out.write(chunk)
                    if out.tell() > max_size:
                        self._count(Stat.SITEMAP_TOO_LARGE)
                        logger.warning("sitemap %s inflates past %d bytes: skipped",
                                       response.url, max_size)
                        return None
        except (OSError, EOFError, zlib.error):
            self._count(Stat.SITEMAP_BAD_GZIP)
            return None
        body = out.getvalue()
        if body[:2] == b"\x1f\x8b":
            self._count(Stat.SITEMAP_NESTED_GZIP)
            return None
        return body

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Request | RawPage]:
        """Yield the page as a RawPage if it is an article, and follow its links."""
        if not isinstance(response, TextResponse):
            self._count(Stat.NOT_TEXT)
            return
        if is_article_fetch(self.config, response.url, response.status):
            yield self._raw_page(response)
        depth = int(response.meta.get("depth", 0)) + 1
        for url in self._page_links(response):
            key = url_key(url)
            # Most links repeat (menus, teasers): skip one already yielded at this depth or
            # less before it costs a Request and a trip through the middlewares and the
            # duplicate filter. A shallower sighting is still yielded (depth limits).
            if self._yielded.get(key, depth + 1) <= depth:
                continue
            self._yielded[key] = depth
            if self.host_allowed(url):
                yield Request(url, callback=self.parse)

    def _page_links(self, response: TextResponse) -> Iterator[str]:
        """Canonical URLs of the page's links (`pipeline.links.page_links`: <a>/<area>,
        `<base href>`) that the config lets us follow.

        Found on the tree the response already parsed, without LinkExtractor's per-link
        re-encoding (canonical_url does that): link extraction was the spider's largest cost.
        """
        for absolute in page_links(response.selector.root, response.url):
            url = self._follow(absolute)
            if url is not None:
                yield url

    def _follow(self, link: str) -> str | None:
        """The canonical URL to request for the absolute *link*, or None when the config does
        not follow it: what `LinkExtractor.extract_links` selects (allow/deny patterns,
        ignored file extensions such as .jpg or .pdf).

        Remembered per link (the answer depends on the link and the config only): most
        links of a site are its menus and teasers, met on every page. A junk link is
        counted (`yuqi/bad_link`) each time it is met, as before.
        """
        answer = self._followed.get(link)
        if answer is None:
            answer = self._decide(link)
            if len(self._followed) >= FOLLOW_CACHE_SIZE:
                self._followed.clear()
            self._followed[link] = answer
        if isinstance(answer, str):
            return answer
        if answer is _Refused.BAD_LINK:
            self._count(Stat.BAD_LINK)
        return None

    def _decide(self, link: str) -> str | _Refused:
        """`_follow`'s answer computed: the canonical URL, or why the link is not followed."""
        if has_extension(link, _IGNORED_EXTENSIONS):
            return _Refused.NOT_FOLLOWED
        # Patterns see the link as written (as LinkExtractor does), so a deny pattern
        # can still refuse e.g. session-id variants that canonicalization would hide.
        if not self.links.matches(link):
            return _Refused.NOT_FOLLOWED
        try:
            return canonical_url(link)
        except ValueError:  # e.g. a port that is not a number: a junk link
            return _Refused.BAD_LINK

    def host_allowed(self, url: str) -> bool:
        """True when the URL's host (port ignored) is an allowed domain or a subdomain of one."""
        return host_allowed(url, self.domains)

    def _raw_page(self, response: Response) -> RawPage:
        """The article's RawPage, built as `yuqi process --from-warc` builds it (pipeline.rawpage).
        """
        ref: WarcRef | None = response.meta.get("yuqi_warc")
        first_url = response.meta.get("redirect_urls", [response.request.url if response.request
                                                          else response.url])[0]
        page = build_raw_page(
            self.config, self.ctx.run_id, first_url, response.url, response.status,
            ((k.decode("latin-1"), v.decode("latin-1"))
             for k, values in response.headers.items() for v in values),
            response.body, str(response.meta.get("yuqi_fetched_at", "")),
            ref.file if ref else "", ref.offset if ref else -1, ref.record_id if ref else "",
        )
        if page.url != canonical_url(first_url):
            # rel=canonical names the article's one URL; a mirror path becomes the same document.
            self._count(Stat.REL_CANONICAL)
        return page

    async def closed(self, reason: str) -> None:
        """Flush the site's WARC file and spool (also when no item pipeline is configured).

        The flush (the spool's Parquet files, each written and fsynced) runs on a thread of
        the reactor's pool: the crawl's event loop keeps serving the sites still crawling
        meanwhile, where it used to wait for every fsync. Scrapy waits for the returned
        coroutine before it closes the site's stats; nothing else touches the site's archive
        or spool once the spider is closing.

        A final flush that fails is recorded as the site's stop reason (stat
        yuqi/write_stop): the run is not finished although Scrapy says "finished".
        """
        flushed: Deferred[list[tuple[Literal["archive", "spool"], OSError]]] = \
            deferToThread(self.ctx.close)
        self._record_close_failures(await maybe_deferred_to_future(flushed))

    def _record_close_failures(
            self, failed: list[tuple[Literal["archive", "spool"], OSError]]) -> None:
        for area, exc in failed:
            where = self.ctx.spool.dir if area == "spool" else \
                self.ctx.archive.data_dir / "archive" / self.ctx.run_id
            record_write_failure(self.crawler, exc, area, where, stop=False)

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)
