"""The links of an HTML page: one extractor for the crawl and for the WARC replay.

The spider (spiders/generic.py) follows what `page_links` finds on the tree its
response already parsed; a resumed crawl rebuilds its frontier from the archived
pages with the same function (yuqi/app/replay.py), so both see the same links:
`<a>` and `<area>` hrefs, resolved against the page's `<base href>`.
Which links a site follows (patterns, file extensions, hosts) is the spider's
decision; this module only finds them. Pure lxml, no Scrapy.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html
from w3lib.url import safe_url_string

__all__ = ["base_url", "has_extension", "page_links", "parse_html"]

# hrefs that never name another page: in-page anchors and non-http schemes.
_NOT_A_PAGE = ("#", "javascript:", "mailto:", "tel:", "data:")
_LINK_TAGS = ("a", "area")


def parse_html(body: bytes) -> etree._Element | None:
    """The parsed tree of an HTML body, or None when lxml cannot parse it (empty, junk)."""
    try:
        return lxml_html.fromstring(body)
    except (ValueError, TypeError, SyntaxError, etree.ParserError):
        return None


def base_url(root: etree._Element, page_url: str) -> str:
    """The URL the page's relative links resolve against: its first `<base href>`
    (itself resolved against *page_url*, as browsers do), else *page_url*."""
    for element in root.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            return safe_url_string(urljoin(page_url, href))
    return page_url


def page_links(root: etree._Element, page_url: str) -> Iterator[str]:
    """Absolute http(s) targets of the page's `<a>` and `<area>` hrefs, in document order,
    each once; in-page anchors and javascript:/mailto:/tel:/data: links are left out."""
    base = base_url(root, page_url)
    origin: tuple[str, str] | None = None  # the base's scheme and host, split when needed
    seen: set[str] = set()
    for element in root.iter(*_LINK_TAGS):
        href = (element.get("href") or "").strip()
        if not href or href.startswith(_NOT_A_PAGE):
            continue
        if href.startswith(_ROOTED):
            if origin is None:
                parts = urlsplit(base)  # a base urljoin cannot split raises here, as there
                origin = (parts.scheme, parts.netloc)
            absolute = _join_rooted(origin, href, base)
        else:
            absolute = urljoin(base, href)
        if absolute in seen or not absolute.startswith(("http://", "https://")):
            continue
        seen.add(absolute)
        yield absolute


#: hrefs whose `urljoin` reads only the base's scheme and host (not its path, query or
#: parameters): a path from the root, or an absolute http(s) URL.
_ROOTED = ("/", "http://", "https://")
_ROOTED_CACHE_SIZE = 65536
_rooted: dict[tuple[tuple[str, str], str], str] = {}


def _join_rooted(origin: tuple[str, str], href: str, base: str) -> str:
    """`urljoin(base, href)` for an href in `_ROOTED`, where *origin* is the base's scheme
    and host: cached by those and the href, so every page of a site shares the answers (its
    menus and teasers repeat on every page; urljoin was most of `page_links`' time)."""
    key = (origin, href)
    absolute = _rooted.get(key)
    if absolute is None:
        absolute = urljoin(base, href)
        if len(_rooted) >= _ROOTED_CACHE_SIZE:
            _rooted.clear()
        _rooted[key] = absolute
    return absolute


def has_extension(url: str, extensions: Collection[str]) -> bool:
    """True when *url*'s path ends in a file extension listed (lower case, no dot) in
    *extensions*, e.g. `jpg` for `/img/a.JPG`."""
    path = urlsplit(url).path
    dot = path.rfind(".")
    return dot > path.rfind("/") and path[dot + 1:].lower() in extensions
