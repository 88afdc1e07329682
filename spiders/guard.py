"""The request guard: only http(s), no crawl-trap URLs, and private addresses only where a
config allows them.

Checked for every request (including `dont_filter=True` ones and redirect
targets, which pass through the downloader middlewares again). Each guard (one
per site crawler) resolves a host once per crawl and computes its config's
allowed private endpoints once: `_is_public` is a blocking `getaddrinfo` in the
reactor thread, so repeating it per request would stall every download.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from pipeline.siteconfig import SiteConfig
from pipeline.stat_keys import Stat, StatGroup
from spiders.traps import trap_reason

logger = logging.getLogger(__name__)


def _port(scheme: str, port: int | None) -> int:
    return port if port is not None else (443 if scheme == "https" else 80)


def allowed_private_endpoints(config: SiteConfig) -> set[tuple[str, int]]:
    """The (host, port) pairs of the start URLs and sitemaps: the only private targets allowed."""
    endpoints = set()
    for url in (*config.start_urls, *config.sitemaps):
        parts = urlsplit(url)
        if parts.hostname:
            endpoints.add((parts.hostname.lower(), _port(parts.scheme, parts.port)))
    return endpoints


def _is_public(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return True  # unresolvable: the download fails on its own
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if not addr.is_global:
            return False
    return True


class GuardMiddleware:
    """Downloader middleware refusing non-http(s) schemes and unapproved private targets."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._public: dict[str, bool] = {}  # host -> _is_public(host), for this crawl
        # (config, its allowed_private_endpoints): the spider's config, computed once.
        self._endpoints: tuple[SiteConfig, set[tuple[str, int]]] | None = None

    def _allowed(self, config: SiteConfig) -> set[tuple[str, int]]:
        if self._endpoints is None or self._endpoints[0] is not config:
            self._endpoints = (config, allowed_private_endpoints(config))
        return self._endpoints[1]

    def _host_is_public(self, host: str) -> bool:
        public = self._public.get(host)
        if public is None:
            public = self._public[host] = _is_public(host)
        return public

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Raise IgnoreRequest (counted) for a request the guard refuses."""
        spider: Spider | None = self.crawler.spider
        config: SiteConfig | None = getattr(spider, "config", None)
        parts = urlsplit(request.url)
        key: str | None = None
        if parts.scheme not in {"http", "https"}:
            key = Stat.REFUSED_SCHEME
        elif not parts.hostname:
            key = Stat.REFUSED_NO_HOST
        elif trap := trap_reason(request.url):
            key = StatGroup.REFUSED.key(f"trap_{trap}")
        else:
            endpoint = (parts.hostname.lower(), _port(parts.scheme, parts.port))
            approved = config is not None and config.allow_private and (
                endpoint in self._allowed(config)
            )
            if not approved and not self._host_is_public(endpoint[0]):
                key = Stat.REFUSED_PRIVATE_ADDRESS
        if key:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(key)
            reason = StatGroup.REFUSED.reason(key)
            logger.warning("guard refused %s (%s)", request.url, reason)
            raise IgnoreRequest(f"refused by guard: {reason}")


class GuardedRedirectMiddleware(RedirectMiddleware):
    """Scrapy's RedirectMiddleware (order 600) with its silent refusals counted.

    Scrapy does not follow a redirect to a non-http(s) scheme (file:, ftp:, data:)
    but hands the 3xx response on unnoticed, and drops a chain longer than
    REDIRECT_MAX_TIMES without a stat; here the first is refused as
    `yuqi/refused/scheme` and the second counted as `yuqi/dropped/redirect_limit`.
    """

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        """Follow redirects as Scrapy does; count and drop the ones it refuses."""
        stats = self.crawler.stats
        assert stats is not None
        try:
            result = super().process_response(request, response)
        except IgnoreRequest:
            stats.inc_value(Stat.DROPPED_REDIRECT_LIMIT)
            logger.warning("dropped %s: more than %d redirects", request.url,
                           self.max_redirect_times)
            raise
        location = response.headers.get("Location")
        if result is response and location and 300 <= response.status < 400:
            target = urljoin(request.url, location.decode("latin-1"))
            scheme = urlsplit(target).scheme
            if scheme not in {"http", "https"} and not request.meta.get("dont_redirect"):
                stats.inc_value(Stat.REFUSED_SCHEME)
                logger.warning("guard refused redirect %s -> %s (scheme)", request.url,
                               target[:200])
                raise IgnoreRequest(f"refused by guard: redirect to {scheme}:")
        return result
