"""The crawl surface around the articles: robots.txt, sitemaps (index + gzip), small pages.

robots.txt has one group for every crawler (a Disallow and a tiny Crawl-delay,
so an obedient crawl still finishes quickly), a stricter group for other named
bots, and the sitemap URLs. Sitemaps follow sitemaps.org: ``/sitemap_index.xml``
and each site's ``sitemap.xml`` are indexes of gzip sitemaps of at most
``SITEMAP_CHUNK`` URLs (gzip with mtime 0, so the bytes are deterministic).
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable, Sequence
from html import escape

from demo.layout import Slot
from demo.sites import SITES, Site

SITEMAP_CHUNK = 200
CRAWL_DELAY = 0.01  # seconds, for every crawler without its own group (yuqi included)
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def robots_txt(origin: str) -> bytes:
    """The host's robots.txt, with absolute sitemap URLs under *origin*."""
    lines = ["User-agent: *", f"Crawl-delay: {CRAWL_DELAY}"]
    lines += [f"Disallow: {s.prefix}admin/" for s in SITES]
    lines += [f"Disallow: {s.prefix}plus/" for s in SITES if s.template == "dede"]
    lines += ["", "User-agent: AhrefsBot", "User-agent: MJ12bot", "Disallow: /", "",
              "User-agent: Baiduspider", "Crawl-delay: 5", "Disallow: /farm-f/", ""]
    lines.append(f"Sitemap: {origin}/sitemap_index.xml")
    lines += [f"Sitemap: {origin}{s.sitemap_path}" for s in SITES]
    return ("\n".join(lines) + "\n").encode("utf-8")


def parts(count: int) -> int:
    """Number of gzip sitemaps for *count* URLs (at least one, possibly empty)."""
    return max(1, -(-count // SITEMAP_CHUNK))


def _lastmod(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def sitemap_index(origin: str, entries: Iterable[tuple[str, dt.datetime | None]]) -> bytes:
    """A ``<sitemapindex>`` of (path, lastmod) entries."""
    rows = []
    for path, when in entries:
        mod = f"<lastmod>{_lastmod(when)}</lastmod>" if when else ""
        rows.append(f"<sitemap><loc>{escape(origin + path)}</loc>{mod}</sitemap>")
    return (f"{_XML_HEAD}<sitemapindex {_NS}>\n" + "\n".join(rows) + "\n</sitemapindex>\n"
            ).encode("utf-8")


def site_index_entries(site: Site, slots: Sequence[Slot], day: int
                       ) -> list[tuple[str, dt.datetime | None]]:
    """(path, lastmod) of each gzip sitemap of *site*; *slots* in sitemap order."""
    out: list[tuple[str, dt.datetime | None]] = []
    for part in range(1, parts(len(slots)) + 1):
        chunk = slots[(part - 1) * SITEMAP_CHUNK:part * SITEMAP_CHUNK]
        out.append((site.sitemap_part_path(part),
                    max((s.modified(day) for s in chunk), default=None)))
    return out


def urlset_gz(origin: str, slots: Sequence[Slot], day: int) -> bytes:
    """A gzip ``<urlset>`` listing *slots* with their lastmod (deterministic bytes)."""
    rows = "\n".join(
        f"<url><loc>{escape(origin + s.path)}</loc><lastmod>{_lastmod(s.modified(day))}"
        "</lastmod></url>" for s in slots
    )
    xml = f"{_XML_HEAD}<urlset {_NS}>\n{rows}\n</urlset>\n".encode()
    return gzip.compress(xml, mtime=0)


def index_page() -> str:
    """The demo host's ``/`` page: a link to every site home."""
    links = "\n".join(
        f'<li><a href="{s.prefix}">{escape(s.display_name)}</a> ({s.name})</li>' for s in SITES
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        "<title>yuqi demo web</title>\n</head>\n<body>\n<h1>yuqi demo web</h1>\n"
        f"<ul>\n{links}\n</ul>\n</body>\n</html>\n"
    )


def status_page(status: int, title: str, message: str) -> bytes:
    """A small HTML error page (404, 410, 500)."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{status} {title}</title>\n</head>\n<body>\n<h1>{status} {title}</h1>\n"
        f"<p>{message}</p>\n</body>\n</html>\n"
    ).encode()


def search_page(site: Site, query: str) -> str:
    """A site search result page (the slow page of the demo web)."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>搜索：{escape(query)}</title>\n</head>\n<body>\n<h1>搜索结果</h1>\n"
        f'<p>没有找到与“{escape(query)}”相关的内容。</p>\n<a href="{site.prefix}">返回首页</a>\n'
        "</body>\n</html>\n"
    )


def calendar_page(site: Site, year: int, month: int, titles: Sequence[tuple[str, str]],
                  widget: str) -> str:
    """A month archive of the calendar trap: that month's posts (often none) and the widget."""
    items = "\n".join(f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in titles)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{year}年{month}月 - {escape(site.display_name)}</title>\n</head>\n<body>\n"
        f"<h1>{year}年{month}月的文章</h1>\n<ul>\n{items or '<li>暂无文章</li>'}\n</ul>\n"
        f"{widget}</body>\n</html>\n"
    )
