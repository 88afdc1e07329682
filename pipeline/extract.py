"""Main-text extraction: decoded HTML -> title, metadata and clean paragraphs.

The page is parsed once with lxml; the site's drop selectors are applied to
that tree, which is then handed to trafilatura (with its process-wide
deduplication off, so output never depends on what was extracted before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html
import trafilatura
from lxml.cssselect import CSSSelector

from pipeline.clean import clean_paragraphs
from pipeline.decode import decode_html
from pipeline.records import Removal

EXTRACTOR_VERSION = f"trafilatura-{trafilatura.__version__}+yuqi-clean-1"

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MIN_TEXT_CHARS = 40
_MAX_JUNK_SHARE = 0.05


def junk_share(text: str, sample: int = 8192) -> float:
    """Share of replacement and control characters: high for binary served as text/html."""
    head = text[:sample]
    if not head:
        return 0.0
    bad = sum(1 for ch in head if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r"))
    return bad / len(head)


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Per-site extraction settings (from the site config)."""

    drop_selectors: tuple[str, ...] = ()
    encoding: str = ""


@dataclass(frozen=True, slots=True)
class Extracted:
    """What extraction found on one page; `flags` say what went wrong, if anything."""

    title: str
    published: str | None
    author: str | None
    sitename: str | None
    paragraphs: tuple[str, ...]
    encoding: str
    flags: tuple[str, ...]
    removals: tuple[Removal, ...] = field(default=())

    @property
    def text(self) -> str:
        """The main text, one paragraph per line."""
        return "\n".join(self.paragraphs)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    html = _XML_DECL.sub("", html.replace("\x00", ""), count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _drop(tree: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> int:
    dropped = 0
    for selector in selectors:
        for el in CSSSelector(selector)(tree):
            parent = el.getparent()
            if parent is not None:
                el.drop_tree()
                dropped += 1
    return dropped


def extract_html(
    body: bytes, url: str = "", content_type: str = "", config: ExtractConfig | None = None
) -> Extracted:
    """Decode and extract one HTML page; never raises on junk input, flags it instead."""
    config = config or ExtractConfig()
    decoded = decode_html(body, content_type, config.encoding)
    flags: list[str] = []
    if decoded.repaired:
        flags.append("encoding_repaired")
    if junk_share(decoded.text) > _MAX_JUNK_SHARE:
        return Extracted("", None, None, None, (), decoded.encoding, (*flags, "binary_content"))
    tree = _parse(decoded.text)
    if tree is None:
        return Extracted("", None, None, None, (), decoded.encoding, (*flags, "unparseable"))
    _drop(tree, config.drop_selectors)
    result = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        deduplicate=False,
        include_comments=False,
        include_tables=True,
        favor_precision=False,
    )
    if result is None:
        return Extracted("", None, None, None, (), decoded.encoding, (*flags, "no_text"))
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    raw_text = str(data.get("text") or "")
    lines = tuple(line.strip() for line in raw_text.splitlines() if line.strip())
    paragraphs, removals = clean_paragraphs(lines)
    if sum(len(p) for p in paragraphs) < _MIN_TEXT_CHARS:
        flags.append("short_text")
    return Extracted(
        title=str(data.get("title") or ""),
        published=data.get("date") or None,
        author=data.get("author") or None,
        sitename=data.get("sitename") or None,
        paragraphs=paragraphs,
        encoding=decoded.encoding,
        flags=tuple(flags),
        removals=removals,
    )
