"""The demo web as a pure function of (seed, day, path, request headers) -> response.

``DemoWeb.respond`` knows every URL of the demo host; ``demo.server`` only
wraps it in HTTP. Pages are rendered once per (host, path) and cached, so a
crawl at full speed costs a dict lookup per request. Absolute URLs (sitemaps,
robots.txt, canonical links) are built from the request's Host header, so the
same web works on any port.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from demo.corpus import Corpus, Page, build_corpus
from demo.render import NOT_FOUND_PAGE, TEMPLATES, ArticleView, ListView, index_page
from demo.sites import SITES, Site

_ARTICLE_RE = re.compile(r"^/([a-z0-9-]+)/a/(\d+)\.html$")
_LIST_RE = re.compile(r"^/([a-z0-9-]+)/(?:list/([1-9]\d*)\.html)?$")
_SITEMAP_RE = re.compile(r"^/([a-z0-9-]+)/sitemap\.xml$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.\-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$")
_HOT_COUNT = 6
_UTF8_HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class DemoResponse:
    """An HTTP response: status code, header list (in order) and body bytes."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first header called *name* (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)


def _lookup(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _response(status: int, content_type: str, body: bytes,
              extra: list[tuple[str, str]] | None = None) -> DemoResponse:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    return DemoResponse(status, headers + (extra or []), body)


class DemoWeb:
    """All sites of the demo host, deterministic from *seed* (same seed, same bytes).

    *day* is accepted and stored for the later "changes over time" issue; on
    day 0 every article exists with ``created_day`` 0 and no edits or deletions.
    """

    def __init__(self, seed: int = 7, day: int = 0) -> None:
        self.seed = seed
        self.day = day
        self.corpus: Corpus = build_corpus(seed)
        self._sites = {s.name: s for s in SITES}
        self._cache: dict[tuple[str, str], DemoResponse] = {}
        self._lock = threading.Lock()

    # ---------------------------------------------------------------- public

    def respond(self, path: str, request_headers: Mapping[str, str]) -> DemoResponse:
        """Answer a GET for *path* (query string ignored); conditional headers give 304."""
        path = path.split("?", 1)[0].split("#", 1)[0] or "/"
        host = _lookup(request_headers, "Host") or ""
        if not _HOST_RE.match(host):
            host = "127.0.0.1"
        key = (host, path)
        with self._lock:
            cached = self._cache.get(key)
        if cached is None:
            cached = self._render(path, f"http://{host}")
            if cached.status == 200:
                with self._lock:
                    self._cache[key] = cached
        return self._maybe_not_modified(cached, request_headers)

    def site(self, name: str) -> Site | None:
        """The site called *name*, or None."""
        return self._sites.get(name)

    def list_page_count(self, site: Site) -> int:
        """How many list pages *site* has."""
        count = len(self.corpus.site_pages(site))
        return max(1, -(-count // site.page_size))

    # -------------------------------------------------------------- routing

    def _render(self, path: str, origin: str) -> DemoResponse:
        if path == "/":
            return _response(200, _UTF8_HTML, index_page().encode("utf-8"))
        if path == "/robots.txt":
            return _response(200, "text/plain; charset=utf-8", self._robots(origin))
        match = _ARTICLE_RE.match(path)
        if match and (page := self.corpus.by_path.get(path)) is not None:
            return self._article(page, origin)
        match = _LIST_RE.match(path)
        if match and (site := self.site(match.group(1))) is not None:
            number = int(match.group(2) or 1)
            if 1 <= number <= self.list_page_count(site):
                return self._list(site, number, origin)
        match = _SITEMAP_RE.match(path)
        if match and (site := self.site(match.group(1))) is not None:
            return _response(200, "application/xml; charset=utf-8", self._sitemap(site, origin))
        return _response(404, _UTF8_HTML, NOT_FOUND_PAGE.encode("utf-8"))

    @staticmethod
    def _content_type(site: Site) -> str:
        if site.header_charset:
            return f"text/html; charset={site.header_charset}"
        return "text/html"

    @staticmethod
    def _encode(site: Site, text: str) -> bytes:
        body = text.encode(site.codec)
        if site.header_charset == "gbk" and body.decode("gbk") != text:
            raise ValueError(f"{site.name}: page uses characters outside GBK")
        return body

    def _article(self, page: Page, origin: str) -> DemoResponse:
        site = page.site
        ordered = self.corpus.site_pages(site)
        pos = ordered.index(page)
        view = ArticleView(
            page=page,
            teasers=self.corpus.teasers[page.path],
            canonical=origin + page.path,
            hot=[p for p in ordered if p is not page][:_HOT_COUNT],
            prev_page=ordered[pos + 1] if pos + 1 < len(ordered) else None,
            next_page=ordered[pos - 1] if pos > 0 else None,
        )
        body = self._encode(site, TEMPLATES[site.template][0](view))
        extra = [
            ("Last-Modified", email.utils.format_datetime(page.published, usegmt=True)),
            ("ETag", f'"{hashlib.sha1(body).hexdigest()[:20]}"'),
        ]
        return _response(200, self._content_type(site), body, extra)

    def _list(self, site: Site, number: int, origin: str) -> DemoResponse:
        pages = self.corpus.site_pages(site)
        start = (number - 1) * site.page_size
        view = ListView(
            site=site,
            items=pages[start:start + site.page_size],
            number=number,
            total=self.list_page_count(site),
            canonical=origin + site.list_path(number),
        )
        body = self._encode(site, TEMPLATES[site.template][1](view))
        return _response(200, self._content_type(site), body)

    def _sitemap(self, site: Site, origin: str) -> bytes:
        rows = "\n".join(
            f"<url><loc>{origin}{p.path}</loc><lastmod>{p.published:%Y-%m-%d}</lastmod></url>"
            for p in sorted(self.corpus.site_pages(site), key=lambda p: p.article_id)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}\n</urlset>\n"
        ).encode()

    @staticmethod
    def _robots(origin: str) -> bytes:
        lines = ["User-agent: *"]
        lines += [f"Disallow: {s.prefix}admin/" for s in SITES]
        lines.append("")
        lines += [f"Sitemap: {origin}{s.sitemap_path}" for s in SITES]
        return ("\n".join(lines) + "\n").encode("utf-8")

    # --------------------------------------------------------- conditionals

    @staticmethod
    def _maybe_not_modified(resp: DemoResponse, request_headers: Mapping[str, str]
                            ) -> DemoResponse:
        etag = resp.header("ETag")
        last_modified = resp.header("Last-Modified")
        if resp.status != 200 or etag is None or last_modified is None:
            return resp
        if_none_match = _lookup(request_headers, "If-None-Match")
        if if_none_match is not None:
            tags = {t.strip() for t in if_none_match.split(",")}
            fresh = etag in tags or "*" in tags
        else:
            since = _lookup(request_headers, "If-Modified-Since")
            fresh = False
            if since:
                try:
                    fresh = (email.utils.parsedate_to_datetime(since)
                             >= email.utils.parsedate_to_datetime(last_modified))
                except (TypeError, ValueError):
                    fresh = False
        if not fresh:
            return resp
        headers = [(k, v) for k, v in resp.headers if k in ("ETag", "Last-Modified")]
        return DemoResponse(304, headers, b"")
