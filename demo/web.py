"""The demo web as a pure function of (seed, size, day, URL, request headers) -> response.

``DemoWeb.respond`` knows every URL of the demo host; ``demo.server`` only wraps
it in HTTP. URL layout (every site under its own prefix on one host:port)::

    /                          index of the sites
    /robots.txt                one robots.txt for the host
    /sitemap_index.xml         sitemap index of every site's gzip sitemaps
    /<site>/                   list page 1 (the site home)
    /<site>/list/<n>.html      list page n (pagination)
    /<site>/<dir>/<id>.html    an article (<dir> is "a", the portal uses "tianqi")
    /<site>/sitemap.xml        the site's sitemap index -> /<site>/sitemap-<k>.xml.gz
    /<site>/archives/<id>.html 301 to the article (old URL scheme)
    /<site>/plus/view.php?aid= 301 -> archives -> article (a 301 chain, DedeCMS site)
    /farm-c/?p=<id>            301 to the article (WordPress shortlink)
    /<site>/plus/count.php     500 (DedeCMS view counter)
    /<site>/search/?q=...      slow (about 1.5 s) search page
    /farm-c/date/<y>/<m>/      endless calendar archive (crawl trap)

Query strings are otherwise ignored (``?utm_source=`` gives the same page, a
duplicate URL); ``/a/<id>.html/`` is a duplicate 200 on most sites and a 301 on
the WordPress site. The portal decorates every link with a fresh ``?sid=``.
Deleted articles answer 404 or 410. Absolute URLs are built from the request's
Host header, so the same web works on any port. Rendered pages are kept in a
bounded cache; ETag and Last-Modified drive 304 answers to conditional GETs.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from demo import surface
from demo.corpus import Corpus
from demo.layout import DAY0, Slot
from demo.sites import SITES, SITES_BY_NAME, Site
from demo.templates import TEMPLATES, ArticleView, ListView
from demo.templates.wordpress import calendar_widget

_SITE_RE = re.compile(r"^/([a-z0-9-]+)/(.*)$")
_ARTICLE_RE = re.compile(r"^([a-z]+)/([1-9]\d{0,9})\.html(/?)$")
_LIST_RE = re.compile(r"^list/([1-9]\d{0,6})\.html$")
_PART_RE = re.compile(r"^sitemap-([1-9]\d{0,5})\.xml\.gz$")
_ARCHIVE_RE = re.compile(r"^archives/([1-9]\d{0,9})\.html$")
_CALENDAR_RE = re.compile(r"^date/(\d{4})/(\d{2})/$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.\-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$")
_UTF8_HTML = "text/html; charset=utf-8"
_CACHE_SIZE = 4096
_ROUTING_PARAMS = ("p", "aid", "q")  # query parameters that change the answer
SLOW_SECONDS = 1.5


@dataclass(frozen=True)
class DemoResponse:
    """An HTTP response: status, headers (in order), body, and a delay before sending it."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    delay: float = field(default=0.0, compare=False)

    def header(self, name: str) -> str | None:
        """The first header called *name* (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)


def _lookup(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


def _http_date(when: object) -> str:
    return email.utils.format_datetime(when, usegmt=True)  # type: ignore[arg-type]


def _response(status: int, content_type: str, body: bytes, *, etag: bool = False,
              modified: object = None, extra: list[tuple[str, str]] | None = None,
              delay: float = 0.0) -> DemoResponse:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    if etag:
        headers.append(("ETag", f'"{hashlib.sha1(body).hexdigest()[:20]}"'))
    if modified is not None:
        headers.append(("Last-Modified", _http_date(modified)))
    return DemoResponse(status, headers + (extra or []), body, delay)


def _redirect(location: str) -> DemoResponse:
    body = f'<html><body><a href="{location}">Moved Permanently</a></body></html>\n'.encode()
    return _response(301, _UTF8_HTML, body, extra=[("Location", location)])


def _error(status: int) -> DemoResponse:
    title, message = {
        404: ("Not Found", "您访问的页面不存在。"),
        410: ("Gone", "该文章已被删除。"),
        500: ("Internal Server Error", "服务器内部错误。"),
    }[status]
    return _response(status, _UTF8_HTML, surface.status_page(status, title, message))


class DemoWeb:
    """All sites of the demo host for (*seed*, *size*) as seen on *day*.

    *size* is the number of articles on day 0; ``per_day`` (size // 40, at least
    one) new ones appear each later day. Same arguments, same bytes.
    """

    def __init__(self, seed: int = 7, day: int = 0, size: int = 400) -> None:
        if day < 0:
            raise ValueError("day must be >= 0")
        self.seed = seed
        self.day = day
        self.size = size
        self.corpus = Corpus(seed, size)
        self.layout = self.corpus.layout
        self._cache: OrderedDict[tuple[str, str, str], DemoResponse] = OrderedDict()
        self._lock = threading.Lock()

    # ---------------------------------------------------------------- public

    def respond(self, target: str, request_headers: Mapping[str, str]) -> DemoResponse:
        """Answer a GET for *target* (path and query); conditional headers can give 304."""
        parts = urlsplit(target)
        path = parts.path or "/"
        query = parse_qs(parts.query)
        host = _lookup(request_headers, "Host") or ""
        origin = f"http://{host if _HOST_RE.match(host) else '127.0.0.1'}"
        sid = query.get("sid", [""])[0][:32] if path.startswith("/farm-f/") else ""
        key = (origin, path, sid)
        routed_by_query = any(name in query for name in _ROUTING_PARAMS)
        with self._lock:
            cached = None if routed_by_query else self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
        if cached is None:
            cached, cacheable = self._route(path, query, origin, sid)
            if cacheable and cached.status == 200 and not routed_by_query:
                with self._lock:
                    self._cache[key] = cached
                    if len(self._cache) > _CACHE_SIZE:
                        self._cache.popitem(last=False)
        return self._maybe_not_modified(cached, request_headers)

    def site(self, name: str) -> Site | None:
        """The site called *name*, or None."""
        return SITES_BY_NAME.get(name)

    def live_slots(self, site: Site) -> tuple[Slot, ...]:
        """The site's live articles on this web's day, newest first."""
        return self.layout.site_slots(site.name, self.day)

    def list_page_count(self, site: Site) -> int:
        """How many list pages *site* has on this day."""
        return max(1, -(-len(self.live_slots(site)) // site.page_size))

    # -------------------------------------------------------------- routing

    def _route(self, path: str, query: dict[str, list[str]], origin: str, sid: str
               ) -> tuple[DemoResponse, bool]:
        if path == "/":
            return _response(200, _UTF8_HTML, surface.index_page().encode(), etag=True), True
        if path == "/robots.txt":
            return _response(200, "text/plain; charset=utf-8", surface.robots_txt(origin),
                             etag=True), True
        if path == "/sitemap_index.xml":
            return self._host_sitemap(origin), True
        match = _SITE_RE.match(path)
        site = self.site(match.group(1)) if match else None
        if match is None or site is None:
            return _error(404), False
        return self._site_route(site, match.group(2), query, origin, sid)

    def _site_route(self, site: Site, rest: str, query: dict[str, list[str]], origin: str,
                    sid: str) -> tuple[DemoResponse, bool]:
        first = query.get("p", [""])[0]
        if rest == "" and site.template == "wordpress" and first.isdigit():
            return self._to_article(site, int(first), origin), False
        if rest == "":
            return self._list(site, 1, origin, sid), not sid
        if (m := _ARTICLE_RE.match(rest)) and m.group(1) == site.article_dir:
            return self._article(site, int(m.group(2)), bool(m.group(3)), origin, sid), not sid
        if m := _LIST_RE.match(rest):
            return self._list(site, int(m.group(1)), origin, sid), not sid
        if rest == "sitemap.xml":
            entries = surface.site_index_entries(site, self._sitemap_slots(site), self.day)
            return self._xml(surface.sitemap_index(origin, entries), entries), True
        if m := _PART_RE.match(rest):
            return self._sitemap_part(site, int(m.group(1)), origin), True
        if m := _ARCHIVE_RE.match(rest):
            return self._to_article(site, int(m.group(1)), origin), False
        if rest == "plus/view.php" and site.template == "dede":
            aid = query.get("aid", [""])[0]
            if aid.isdigit():
                return _redirect(f"{origin}{site.prefix}archives/{int(aid)}.html"), False
        if rest == "plus/count.php" and site.template == "dede":
            return _error(500), False
        if rest == "search/":
            body = surface.search_page(site, query.get("q", [""])[0][:50]).encode()
            return _response(200, _UTF8_HTML, body, delay=SLOW_SECONDS), False
        if (m := _CALENDAR_RE.match(rest)) and site.has("calendar"):
            return self._calendar(site, int(m.group(1)), int(m.group(2))), False
        return _error(404), False

    # ------------------------------------------------------------- articles

    def _content_type(self, site: Site) -> str:
        return f"text/html; charset={site.header_charset}" if site.header_charset else "text/html"

    def _link(self, site: Site, path: str, sid: str) -> Callable[[str], str]:
        if not site.has("session_ids"):
            return lambda href: href
        token = hashlib.sha1(f"{self.seed}|{sid}|{path}".encode()).hexdigest()[:16]
        return lambda href: f"{href}?sid={token}"

    def _slot(self, site: Site, article_id: int) -> Slot | None:
        slot = self.layout.site_of_id(site, article_id)
        return slot if slot is not None and slot.exists(self.day) else None

    def _to_article(self, site: Site, article_id: int, origin: str) -> DemoResponse:
        slot = self._slot(site, article_id)
        return _redirect(origin + slot.path) if slot is not None else _error(404)

    def _article(self, site: Site, article_id: int, slash: bool, origin: str, sid: str
                 ) -> DemoResponse:
        slot = self._slot(site, article_id)
        if slot is None:
            return _error(404)
        if not slot.live(self.day):
            return _error(slot.gone_status)
        if slash and site.has("slash_redirect"):
            return _redirect(origin + slot.path)
        path = slot.path + ("/" if slash else "")
        view = ArticleView(self.corpus.page(slot, self.day), origin + slot.path, origin,
                           self._link(site, path, sid))
        body = TEMPLATES[site.template][0](view).encode(site.codec)
        return _response(200, self._content_type(site), body, etag=True,
                         modified=slot.modified(self.day))

    def _list(self, site: Site, number: int, origin: str, sid: str) -> DemoResponse:
        slots = self.live_slots(site)
        total = self.list_page_count(site)
        if number > total:
            return _error(404)
        chunk = slots[(number - 1) * site.page_size:number * site.page_size]
        view = ListView(
            site=site,
            items=[self.corpus.article(s, self.day) for s in chunk],
            number=number,
            total=total,
            canonical=origin + site.list_path(number),
            link=self._link(site, site.list_path(number), sid),
        )
        body = TEMPLATES[site.template][1](view).encode(site.codec)
        newest = max((s.modified(self.day) for s in chunk), default=DAY0)
        return _response(200, self._content_type(site), body, etag=True, modified=newest)

    def _calendar(self, site: Site, year: int, month: int) -> DemoResponse:
        if not 1 <= year <= 9999 or not 1 <= month <= 12:
            return _error(404)
        titles = [(s.path, self.corpus.article(s, self.day).title) for s in self.live_slots(site)
                  if (s.published.year, s.published.month) == (year, month)]
        html = surface.calendar_page(site, year, month, titles,
                                     calendar_widget(site.prefix, year, month))
        return _response(200, _UTF8_HTML, html.encode(site.codec), etag=True)

    # ------------------------------------------------------------- sitemaps

    def _sitemap_slots(self, site: Site) -> list[Slot]:
        return sorted(self.live_slots(site), key=lambda s: s.n)

    def _xml(self, body: bytes, entries: Sequence[tuple[str, dt.datetime | None]]
             ) -> DemoResponse:
        newest = max((when for _, when in entries if when is not None), default=DAY0)
        return _response(200, "application/xml; charset=utf-8", body, etag=True,
                         modified=newest)

    def _host_sitemap(self, origin: str) -> DemoResponse:
        entries: list[tuple[str, dt.datetime | None]] = []
        for site in SITES:
            entries += surface.site_index_entries(site, self._sitemap_slots(site), self.day)
        return self._xml(surface.sitemap_index(origin, entries), entries)

    def _sitemap_part(self, site: Site, part: int, origin: str) -> DemoResponse:
        slots = self._sitemap_slots(site)
        if part > surface.parts(len(slots)):
            return _error(404)
        chunk = slots[(part - 1) * surface.SITEMAP_CHUNK:part * surface.SITEMAP_CHUNK]
        body = surface.urlset_gz(origin, chunk, self.day)
        newest = max((s.modified(self.day) for s in chunk), default=DAY0)
        return _response(200, "application/x-gzip", body, etag=True, modified=newest)

    # --------------------------------------------------------- conditionals

    @staticmethod
    def _maybe_not_modified(resp: DemoResponse, request_headers: Mapping[str, str]
                            ) -> DemoResponse:
        etag = resp.header("ETag")
        last_modified = resp.header("Last-Modified")
        if resp.status != 200 or etag is None:
            return resp
        if_none_match = _lookup(request_headers, "If-None-Match")
        if if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            fresh = etag in tags or "*" in tags
        else:
            since = _lookup(request_headers, "If-Modified-Since")
            fresh = False
            if since and last_modified:
                try:
                    fresh = (email.utils.parsedate_to_datetime(since)
                             >= email.utils.parsedate_to_datetime(last_modified))
                except (TypeError, ValueError):
                    fresh = False
        if not fresh:
            return resp
        headers = [(k, v) for k, v in resp.headers if k in ("ETag", "Last-Modified")]
        return DemoResponse(304, headers, b"")
