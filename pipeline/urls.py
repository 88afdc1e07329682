"""URL identity: one article is one URL, in the crawl and when replaying WARC files.

`canonical_url` is what yuqi requests and stores (tracking parameters and
fragments dropped, query sorted, host lower-cased, default port removed);
`url_key` is the identity used to fetch a page once (also ignores a trailing
slash); `declared_canonical` reads a page's `<link rel="canonical">`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import html as lxml_html
from w3lib.url import canonicalize_url

_TRACKING = re.compile(
    r"^(utm_\w*|spm|from|sessionid|sid|phpsessid|jsessionid|gclid|fbclid|share_token|scene)$",
    re.IGNORECASE,
)
_CANONICAL_LINK = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?[^\"'>]*canonical", re.IGNORECASE)
# Where the head ends: a canonical link met before it is parsed with the head alone.
_HEAD_END = re.compile(rb"</head\b|<body\b", re.IGNORECASE)
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#;]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=65536)
def canonical_url(url: str) -> str:
    """The URL yuqi requests and stores: tracking parameters and fragment dropped, query sorted.

    Cached: a crawl meets the same menu and teaser links on every page. Raises
    ValueError for a URL that cannot be split (a bad port, a broken IPv6 literal).
    """
    parts = urlsplit(url.strip())
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)]
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{parts.port}"
    netloc = host
    if parts.username:
        netloc = f"{parts.username}@{host}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    return canonicalize_url(urlunsplit((parts.scheme.lower(), netloc, path, urlencode(kept), "")))


@lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """The identity of a page for fetching it once: `canonical_url` without a trailing slash."""
    canon = canonical_url(url)
    parts = urlsplit(canon)
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def declared_canonical(body: bytes, base_url: str) -> str | None:
    """The absolute http(s) URL a page names in `<link rel="canonical">`, or None.

    Cheap when absent (a byte search first); the page is parsed only when the
    tag is there, and then only its head when every such tag is in the head.
    """
    head = body[:200_000]
    matches = list(_CANONICAL_LINK.finditer(head))
    if not matches:
        return None
    last = matches[-1]
    # Every canonical link is in the head (the usual case): parse only the head. The
    # parser reads a document front to back, so the head's elements are the same.
    if (end := _HEAD_END.search(head, last.end())) is not None:
        head = head[:end.start()]
    try:
        tree = lxml_html.fromstring(head)
    except (ValueError, TypeError, SyntaxError):
        return None
    for href in tree.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), "
                           "' canonical ')]/@href"):
        href = str(href).strip()
        if not href:
            continue
        absolute = urljoin(base_url, href)
        if urlsplit(absolute).scheme in ("http", "https"):
            return canonical_url(absolute)
    return None


def host_allowed(url: str, domains: tuple[str, ...]) -> bool:
    """True when *url*'s host (port ignored) is one of *domains* or a subdomain of one.

    *domains* are lower-case without a leading dot; an empty tuple allows every host.
    Shared by the spider's link following and the rel=canonical check, live and on replay.
    """
    if not domains:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def allowed_domains(domains: tuple[str, ...]) -> tuple[str, ...]:
    """A site config's `allowed_domains` normalized for `host_allowed` (lower case, no dot)."""
    return tuple(d.lower().lstrip(".") for d in domains)
