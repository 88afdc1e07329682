"""Request fingerprints keyed on `url_key`, so one page is fetched once per crawl.

Scrapy's default fingerprint distinguishes `/a/1.html` from `/a/1.html/` and
`?utm_source=x` variants; yuqi's identity ignores them.
"""

from __future__ import annotations

import hashlib

from scrapy import Request
from scrapy.crawler import Crawler

from pipeline.urls import url_key


class UrlKeyFingerprinter:
    """REQUEST_FINGERPRINTER_CLASS: method + `url_key(url)` + body."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlKeyFingerprinter:
        """Build from the crawler (Scrapy component protocol)."""
        return cls()

    def fingerprint(self, request: Request) -> bytes:
        """The request's identity for the duplicate filter and the job directory."""
        digest = hashlib.sha1(request.method.encode())
        digest.update(url_key(request.url).encode())
        digest.update(request.body or b"")
        return digest.digest()
