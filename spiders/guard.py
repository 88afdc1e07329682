"""The request guard: only http(s), no crawl-trap URLs, and private addresses only where a
config allows them.

Checked for every request (including `dont_filter=True` ones and redirect
targets, which pass through the downloader middlewares again).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from pipeline.siteconfig import SiteConfig
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

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Raise IgnoreRequest (counted) for a request the guard refuses."""
        spider: Spider | None = self.crawler.spider
        config: SiteConfig | None = getattr(spider, "config", None)
        parts = urlsplit(request.url)
        reason = None
        if parts.scheme not in {"http", "https"}:
            reason = "scheme"
        elif not parts.hostname:
            reason = "no_host"
        elif trap := trap_reason(request.url):
            reason = f"trap_{trap}"
        else:
            endpoint = (parts.hostname.lower(), _port(parts.scheme, parts.port))
            approved = config is not None and config.allow_private and (
                endpoint in allowed_private_endpoints(config)
            )
            if not approved and not _is_public(parts.hostname):
                reason = "private_address"
        if reason:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"yuqi/refused/{reason}")
            logger.warning("guard refused %s (%s)", request.url, reason)
            raise IgnoreRequest(f"refused by guard: {reason}")
