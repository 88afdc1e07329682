"""`yuqi site check`: dry-run one site config on saved pages, offline.

Each saved page goes through exactly what a crawl does with it: the RawPage is
built and the article decision taken as live (`pipeline.rawpage`), articles run
through the stages by the crawl's own per-page runner (`pipeline.page.run_page`:
extract with the config's drop selectors and encoding, clean, fingerprint, tag
claims; nothing is spooled). On top, each drop
selector is counted on the page (elements and characters it removes), so a
config can be tuned on a saved sample before its first crawl.

Saved pages come from a folder of HTML files or from a WARC file. A file's URL
is, in this order: its line in `<folder>/urls.tsv` (`relative/path<TAB>url`),
the page's `<link rel="canonical">`, or its path under the folder (a first
folder named like an allowed host is the host, as `wget --mirror` saves pages;
otherwise the host of the config's first start URL).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector

from pipeline.decode import decode_html
from pipeline.errors import RunError, UsageError
from pipeline.glyph_gaps import gap_context, gap_offsets
from pipeline.page import NOT_ARTICLE, run_page
from pipeline.rawpage import build_raw_page
from pipeline.records import Claim, Document, Fetch
from pipeline.siteconfig import SiteConfig
from pipeline.stats import CounterStats
from pipeline.urls import allowed_domains, declared_canonical, host_allowed
from pipeline.warc import (
    ArchivedResponse,
    ContentDecodeError,
    WarcReadError,
    decode_content,
    read_warc,
)

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
URLS_FILE = "urls.tsv"
RUN_ID = "site-check"


@dataclass(frozen=True)
class SavedPage:
    """One saved response: where it came from, its URL, status, headers and (decoded) body."""

    source: str
    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True)
class SelectorHit:
    """What one drop selector removes from a page."""

    selector: str
    elements: int
    chars: int


@dataclass
class PageCheck:
    """The dry-run result of one saved page."""

    page: SavedPage
    is_article: bool
    followed: bool = True  # would the crawl follow a link to it (follow and deny patterns)
    dropped: str | None = None  # why the stages kept no document (an article page only)
    title: str = ""
    paragraphs: int = 0
    chars: int = 0
    selector_hits: list[SelectorHit] = field(default_factory=list)
    removals: list[tuple[str, str]] = field(default_factory=list)  # (rule, text)
    flags: tuple[str, ...] = ()
    gaps: list[str] = field(default_factory=list)  # context of each glyph gap
    claims: int = 0
    topics: Counter[str] = field(default_factory=Counter)


@dataclass
class CheckReport:
    """Every page checked for one site."""

    config: SiteConfig
    pages: list[PageCheck]

    @property
    def articles(self) -> list[PageCheck]:
        """The pages the article pattern matched."""
        return [p for p in self.pages if p.is_article]


def _urls_file(folder: Path) -> dict[str, str]:
    path = folder / URLS_FILE
    if not path.is_file():
        return {}
    mapping: dict[str, str] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or urlsplit(parts[1].strip()).scheme not in ("http", "https"):
            raise UsageError(f"{path}:{lineno}: expected 'relative/path<TAB>http(s) URL'")
        mapping[parts[0].strip()] = parts[1].strip()
    return mapping


def _path_url(rel: str, config: SiteConfig) -> str:
    """The URL a saved file's path stands for (see the module docstring)."""
    first, _, rest = rel.partition("/")
    domains = allowed_domains(config.allowed_domains)
    if rest and "." in first and domains and host_allowed(f"http://{first}/", domains):
        return f"http://{first}/{quote(rest)}"
    origin = "http://localhost"
    if config.start_urls:
        parts = urlsplit(config.start_urls[0])
        origin = f"{parts.scheme}://{parts.netloc}"
    return f"{origin}/{quote(rel)}"


def pages_from_html_dir(folder: Path, config: SiteConfig) -> Iterator[SavedPage]:
    """The saved HTML files under *folder* (recursively, sorted), each with its URL."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: --html folder not found")
    mapping = _urls_file(folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and (
        p.suffix.lower() in HTML_SUFFIXES or p.relative_to(folder).as_posix() in mapping))
    for path in files:
        rel = path.relative_to(folder).as_posix()
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
        url = mapping.get(rel) or declared_canonical(body, "http://localhost/") \
            or _path_url(rel, config)
        yield SavedPage(rel, url, 200, (("Content-Type", "text/html"),), body)


def _wanted(record: ArchivedResponse, config: SiteConfig) -> bool:
    if record.site:
        return record.site == config.name or host_allowed(
            record.target_uri, allowed_domains(config.allowed_domains))
    return host_allowed(record.target_uri, allowed_domains(config.allowed_domains))


def pages_from_warc(path: Path, config: SiteConfig) -> Iterator[SavedPage]:
    """The archived responses in one WARC file that belong to the site (its name or hosts)."""
    try:
        for record in read_warc(path):
            if not isinstance(record, ArchivedResponse) or record.rec_type != "response":
                continue
            if not _wanted(record, config):
                continue
            try:
                body, headers = decode_content(record.body, record.headers)
            except ContentDecodeError:
                continue  # the crawl dropped such responses too
            yield SavedPage(f"{path.name}@{record.offset}", record.target_uri, record.status,
                            headers, body)
    except WarcReadError as exc:
        raise RunError(str(exc)) from None


def selector_hits(body: bytes, content_type: str, config: SiteConfig) -> list[SelectorHit]:
    """How many elements, and characters of text, each drop selector matches on the page."""
    if not config.drop_selectors:
        return []
    text = decode_html(body, content_type, config.encoding).text
    try:
        tree = lxml.html.fromstring(text.encode("utf-8"),
                                    parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return [SelectorHit(sel, 0, 0) for sel in config.drop_selectors]
    hits = []
    for sel in config.drop_selectors:
        found = CSSSelector(sel)(tree)
        chars = sum(len("".join(el.itertext()).strip()) for el in found)
        hits.append(SelectorHit(sel, len(found), chars))
    return hits


def followed(config: SiteConfig, url: str) -> bool:
    """Whether the spider follows a link to *url*: the follow patterns (empty: all) plus the
    article pattern allow it, no deny pattern refuses it (as spiders/generic.py decides)."""
    allow = [*config.follow_patterns, config.article_pattern] if config.follow_patterns else []
    return (not allow or any(re.search(p, url) for p in allow)) and not any(
        re.search(p, url) for p in config.deny_patterns)


class _Discard:
    """A page sink that keeps nothing: a dry run spools no rows."""

    def write_fetch(self, fetch: Fetch) -> None:
        """Keep nothing."""

    def write_page(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Keep nothing (the page still counts as processed)."""
        return True


def check_page(config: SiteConfig, page: SavedPage) -> PageCheck:
    """Run one saved page through the article decision and the stages, as a crawl would."""
    raw = build_raw_page(config, RUN_ID, page.url, page.url, page.status, page.headers,
                         page.body, "")
    result = run_page(raw, config, _Discard(), CounterStats())
    if result.dropped == NOT_ARTICLE:
        return PageCheck(page, is_article=False, followed=followed(config, page.url))
    content_type = raw.header("Content-Type")
    check = PageCheck(page, is_article=True, followed=followed(config, page.url),
                      dropped=result.dropped,
                      selector_hits=selector_hits(page.body, content_type, config))
    doc = result.document
    if doc is None:
        return check
    check.title = doc.title
    check.paragraphs = len(doc.paragraphs)
    check.chars = len(doc.text)
    check.removals = [(r.rule, r.text) for r in doc.removals]
    check.flags = doc.flags
    check.gaps = [gap_context(doc.text, off) for off in gap_offsets(doc.flags)]
    check.claims = len(result.claims)
    check.topics = Counter(t for c in result.claims for t in c.topics)
    return check


def check_site(config: SiteConfig, pages: Iterable[SavedPage]) -> CheckReport:
    """Check every saved page of one site."""
    return CheckReport(config, [check_page(config, page) for page in pages])
