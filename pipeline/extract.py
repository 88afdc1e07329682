"""Main-text extraction: decoded HTML -> title, metadata and clean paragraphs.

The page is parsed once with lxml; the site's drop selectors are applied to
that tree, which is then handed to trafilatura (with its process-wide
deduplication off, so output never depends on what was extracted before).

`EXTRACTOR_VERSION` names what decides the output: trafilatura's version, a
hand-bumped revision of our code, and a short hash of the parameters (every
named constant of the decoding, extraction, cleaning and glyph-gap modules:
thresholds, regex sources, trafilatura's options, and the cleaning rules in
order). Editing a rule's pattern or a limit changes the version by itself.
"""

from __future__ import annotations

import functools
import logging
import re
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from lxml.cssselect import CSSSelector
from trafilatura.settings import Extractor

from pipeline import boilerplate, clean, decode, glyph_gaps, readability_guard
from pipeline import restructure as layout
from pipeline.boilerplate import boilerplate_filter, link_texts
from pipeline.clean import clean_paragraphs
from pipeline.decode import decode_html
from pipeline.glyph_gaps import gap_flags
from pipeline.metadata import page_metadata
from pipeline.readability_guard import YuqiExtractor
from pipeline.records import Removal
from pipeline.restructure import restructure
from pipeline.versioning import module_parameters, stable_hash

logger = logging.getLogger(__name__)
readability_guard.install()

# Bump when the extraction or cleaning *code* changes what it outputs; parameter changes
# are caught by the hash in EXTRACTOR_VERSION.
CODE_REVISION = "yuqi-clean-6"

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MIN_TEXT_CHARS = 40
_MAX_JUNK_SHARE = 0.05

# Guards (RELIABILITY 16-17): trafilatura's cost grows faster than linearly with
# the number of elements (80k paragraphs: 26 s), and lxml silently stops
# building the tree at depth 256, so such pages are flagged and skipped, never
# stored as valid.  Real article pages are far below these bounds (the
# extraction-zh news pages: at most 250 kB, 1.2k elements, depth 35).
MAX_INPUT_BYTES = 5_000_000
MAX_ELEMENTS = 25_000
MAX_DEPTH = 200
TIME_LIMIT_S = 10.0
MAX_PARAGRAPH_CHARS = 50_000  # a longer "paragraph" is a dumped text node, not prose
# A labelled date on an info line ("提问时间：2023-03-19", "发布日期: 2021/5/3"),
# used only when trafilatura finds no date (info lines are usually dropped or
# cleaned before it sees them).  htmldate's extensive search is off: on the
# extraction-zh pages it mostly guessed YYYY-01-01 from copyright lines
# (22 -> 28 of 40 dates right without it).
_DATE = r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
_LABELLED_DATE = re.compile(
    r"(?:时间|日期|发布|发表|更新|時間|發布|發佈|發表)[^\d<>:：]{0,4}[:：]\s*" + _DATE)
# An info line without a colon: "发表于 2023-05-28 16:29", "阿财 · 2022-07-24 · 浏览 12252"
# (a date beside the label 发表于/发布于 or the view counter of the same line).
_INFO_LINE_DATE = re.compile(
    r"(?:(?:发表|发布|發表|發佈|發布)[于於]\s*" + _DATE + r")"
    r"|(?:" + _DATE + r"[^<>\d]{0,12}(?:浏览|阅读|瀏覽|閱讀|点击|點擊))"
    r"|(?:" + _DATE + r"[日\s]{0,2}\d{1,2}:\d\d)")
_BODY_START = re.compile(r"<body", re.IGNORECASE)
_HEADINGS = "//h1|//h2|//h3|//h4|//h5|//h6"
_TOO_DEEP = f"boolean(//*[count(ancestor::*) >= {MAX_DEPTH}])"
# trafilatura's options (the date search adds today's date as its upper bound).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    # Metadata is read by pipeline/metadata.py (the fields yuqi stores, nothing more).
    "with_metadata": False,
    "deduplicate": False,
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
}
DATE_OPTIONS: dict[str, bool] = {"original_date": True, "extensive_search": False}
# bare_extraction's keyword for each option -> the trafilatura.settings.Extractor attribute
# (lower case: how the options are passed, not a parameter of the extractor version).
_extractor_args = {"with_metadata": "with_metadata", "deduplicate": "dedup",
                   "include_comments": "comments", "include_tables": "tables",
                   "favor_precision": "precision"}


class ExtractionTimeout(Exception):
    """Raised inside extraction when the per-document time limit is reached."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `ExtractionTimeout` after *seconds* of wall time (main thread only).

    Uses SIGALRM, so it interrupts pure-Python work between bytecodes; off the
    main thread, or when another interval timer is running, it does nothing and
    the size guards alone bound the work.
    """
    usable = (seconds > 0 and hasattr(signal, "SIGALRM")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise ExtractionTimeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Replacement and control characters other than tab, LF and CR (lower case: a speed-up of
# the same test, not a parameter of the extractor version).
_junk_chars = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def junk_share(text: str, sample: int = 8192) -> float:
    """Share of replacement and control characters: high for binary served as text/html."""
    head = text[:sample]
    if not head:
        return 0.0
    return len(_junk_chars.findall(head)) / len(head)


@functools.lru_cache(maxsize=4)
def _extractor_template(options: tuple[tuple[str, Any], ...]) -> Extractor:
    return Extractor(output_format="python", **{_extractor_args[k]: v for k, v in options})


def trafilatura_options(url: str | None) -> Extractor:
    """The options `trafilatura.bare_extraction` builds from `TRAFILATURA_OPTIONS` and *url*.

    Built once and copied per page: `Extractor()` reads its limits from a ConfigParser
    and dates the (unused) date search, about 4% of a bare extraction's time per page.
    """
    template = _extractor_template(tuple(TRAFILATURA_OPTIONS.items()))
    options = YuqiExtractor.__new__(YuqiExtractor)  # marks yuqi's calls (readability_guard)
    for name in Extractor.__slots__:
        setattr(options, name, getattr(template, name))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


@functools.lru_cache(maxsize=256)
def _selector(css: str) -> CSSSelector:
    """A compiled drop selector: site configs repeat the same few on every page."""
    return CSSSelector(css)


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Per-site extraction settings (from the site config)."""

    drop_selectors: tuple[str, ...] = ()
    encoding: str = ""
    time_limit: float = TIME_LIMIT_S


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


# Comments, processing instructions (and CDATA, which the HTML parser reads as a
# comment) are left out of the tree: trafilatura and the heading pass expect
# elements only (a comment beside a heading or at the start of an <li> crashed both).
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
# Every element is an lxml.html HtmlElement, chosen in C: lxml.html's own lookup runs a
# Python function for each element proxy (about 640 per demo page, through trafilatura's
# passes) only to pick form-control subclasses (InputElement, ...) nothing here uses.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))


# C0 controls (but tab and newlines) and non-characters: the HTML parser keeps
# them in text, and lxml then refuses that text when a tree edit re-sets it.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _parse(html: str) -> lxml.html.HtmlElement | None:
    html = _XML_DECL.sub("", _NOT_XML.sub("", html), count=1)
    if not html.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None
    if not isinstance(tree, lxml.html.HtmlElement):
        return None
    # What the parser options miss (nodes added by a recovering parse) goes here.
    lxml.etree.strip_elements(tree, lxml.etree.Comment, lxml.etree.ProcessingInstruction,
                              lxml.etree.Entity, with_tail=False)
    return tree


def _drop(tree: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> int:
    dropped = 0
    for selector in selectors:
        for el in _selector(selector)(tree):
            parent = el.getparent()
            if parent is not None:
                el.drop_tree()
                dropped += 1
    return dropped


def size_flag(tree: lxml.html.HtmlElement) -> str | None:
    """A flag when the parsed tree is too big or too deep to extract safely, else None."""
    elements = int(tree.xpath("count(//*)"))
    if elements > MAX_ELEMENTS:
        return "too_many_elements"
    # An element MAX_DEPTH deep has MAX_DEPTH ancestors: a smaller tree cannot be that deep
    # (most pages; the depth test costs an ancestor count per element).
    if elements > MAX_DEPTH and tree.xpath(_TOO_DEEP):
        return "too_deep"
    return None


def _squash(text: str) -> str:
    return "".join(text.split())


def _text_sibling(h: lxml.html.HtmlElement, forward: bool) -> lxml.html.HtmlElement | None:
    """The nearest element sibling with text (images and empty captions are skipped)."""
    sib = h.getnext() if forward else h.getprevious()
    while _is_element(sib):
        assert sib is not None
        if _squash(sib.text_content()):
            return sib
        sib = sib.getnext() if forward else sib.getprevious()
    return None


def _heading_slots(heads: list[lxml.html.HtmlElement]) -> list[tuple[str, str, str]]:
    """(heading, text before, text after) for each h1-h6 of *heads* between two text blocks.

    An ``<h1>`` counts too: in-body section headings are often written as h1
    (a page title h1 is never between two paragraphs of the kept text).
    """
    slots = []
    for h in heads:
        prev, nxt = _text_sibling(h, False), _text_sibling(h, True)
        if prev is None or nxt is None:
            continue
        if prev.tag in _HEADING_TAGS or nxt.tag in _HEADING_TAGS:
            continue
        heading = " ".join(h.text_content().split())
        if heading:
            slots.append((heading, _squash(prev.text_content()), _squash(nxt.text_content())))
    return slots


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_element(node: object) -> bool:
    """True for an element (not None, a comment, a processing instruction or an entity)."""
    return isinstance(node, lxml.etree._Element) and isinstance(node.tag, str)


def restore_headings(lines: list[str], slots: list[tuple[str, str, str]]) -> list[str]:
    """Put back section headings trafilatura dropped between two paragraphs it kept.

    When no known body container matches, trafilatura collects loose
    paragraphs and leaves headings out; a heading whose neighbours are
    adjacent lines of the output belongs to the text.
    """
    if not slots:
        return lines
    squashed = [_squash(line) for line in lines]
    present = set(squashed)
    position = {line: i for i, line in reversed(list(enumerate(squashed)))}
    inserts: list[tuple[int, str]] = []
    for heading, before, after in slots:
        if _squash(heading) in present:
            continue
        i = position.get(before)
        if i is not None and i + 1 < len(squashed) and squashed[i + 1] == after:
            inserts.append((i + 1, heading))
    for at, heading in sorted(inserts, reverse=True):
        lines.insert(at, heading)
    return lines


def split_glued_headings(lines: list[str], headings: list[str]) -> list[str]:
    """Cut a heading of the page out of an output line it was glued into.

    When trafilatura falls back to a generic extractor it may write a whole
    section, heading included, as one space-joined line; the heading then
    starts the next claim. A page heading found between spaces inside a longer
    line becomes a line of its own.
    """
    out: list[str] = []
    for line in lines:
        # A heading not in the line cuts none of its parts (each a piece of the line): only
        # the few headings inside the line are tried (the same lines, fewer list passes).
        inside = [heading for heading in headings if heading in line]
        if not inside:
            if line:
                out.append(line)
            continue
        parts = [line]
        for heading in inside:
            parts = [piece for part in parts for piece in _cut_around(part, heading)]
        out.extend(p for p in parts if p)
    return out


def _cut_around(line: str, heading: str) -> list[str]:
    if len(line) <= len(heading) or heading not in line:
        return [line]
    padded = f" {line} "
    at = padded.find(f" {heading} ")
    if at == -1:
        return [line]
    before, after = padded[:at].strip(), padded[at + len(heading) + 2:].strip()
    return [before, heading, *_cut_around(after, heading)]


def labelled_date(html: str) -> str | None:
    """The first labelled date in the page body (YYYY-MM-DD), if it is a real date.

    A date after a label and colon (发布时间：, Traditional 發布時間： too); failing
    that, one on an info line without a colon: 发表于 2023-05-28, a date followed on its
    line by the view counter (作者 · 2022-07-24 · 浏览 120) or by its clock time
    (2003年11月12日16:36). A bare date is never taken: on news pages those are mostly
    copyright lines and lists. (extraction-zh: 24 -> 31 of 36 dates right; the demo's
    mobile, zblog and Traditional templates had none.)
    """
    start = _BODY_START.search(html)
    at = start.end() if start else 0
    match = _LABELLED_DATE.search(html, at) or _INFO_LINE_DATE.search(html, at)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found.isoformat() if found <= date.today() else None


def _empty(encoding: str, flags: list[str], flag: str) -> Extracted:
    return Extracted("", None, None, None, (), encoding, (*flags, flag))


def extract_html(
    body: bytes, url: str = "", content_type: str = "", config: ExtractConfig | None = None
) -> Extracted:
    """Decode and extract one HTML page; never raises, whatever the bytes: flags them instead.

    An unexpected error inside extraction (a bug, or a parser corner no guard
    foresaw) is logged with its traceback and becomes the drop flag
    ``extract_error:<ExceptionType>``, so a crawl counts it and goes on.
    """
    try:
        return extract_strict(body, url, content_type, config)
    except Exception as exc:  # the never-raise contract; the log keeps the traceback
        logger.warning("extraction failed on %s", url or "a page", exc_info=True)
        return _empty("", [], extract_error(exc))


def extract_error(exc: BaseException) -> str:
    """The drop reason for an unexpected error: ``extract_error:<ExceptionType>``."""
    return f"extract_error:{type(exc).__name__}"


def extract_strict(
    body: bytes, url: str = "", content_type: str = "", config: ExtractConfig | None = None
) -> Extracted:
    """`extract_html` without its never-raise net: an unexpected error propagates.

    For the fuzzer and tests, which want to see where an error happens.
    """
    config = config or ExtractConfig()
    if len(body) > MAX_INPUT_BYTES:
        return _empty("", [], "too_large")
    decoded = decode_html(body, content_type, config.encoding)
    flags: list[str] = []
    if decoded.repair_flag:
        flags.append(decoded.repair_flag)
    if decoded.replaced:
        flags.append(f"encoding_errors:{decoded.replaced}")
    if junk_share(decoded.text) > _MAX_JUNK_SHARE:
        return _empty(decoded.encoding, flags, "binary_content")
    tree = _parse(decoded.text)
    if tree is None:
        return _empty(decoded.encoding, flags, "unparseable")
    too_big = size_flag(tree)
    if too_big:
        return _empty(decoded.encoding, flags, too_big)
    _drop(tree, config.drop_selectors)
    restructure(tree)
    heads = tree.xpath(_HEADINGS)
    slots = _heading_slots(heads)
    links = link_texts(tree)
    titles = {_squash(h.text_content()) for h in tree.iter("h1")}
    headings = [text for h in heads if len(text := " ".join(h.text_content().split())) >= 4]
    try:
        with time_limit(config.time_limit):
            try:
                meta = page_metadata(tree, url or None,
                                     {**DATE_OPTIONS, "max_date": date.today().isoformat()})
            except ValueError:  # inside bare_extraction this step's ValueError meant None
                return _empty(decoded.encoding, flags, "no_text")
            result = trafilatura.bare_extraction(
                tree, options=trafilatura_options(url or meta.url or None))
    except ExtractionTimeout:
        return _empty(decoded.encoding, flags, "timeout")
    if result is None:
        return _empty(decoded.encoding, flags, "no_text")
    body_text = result.get("text") if isinstance(result, dict) else result.text
    data = {**meta.as_dict(), "text": body_text}
    raw_text = str(data.get("text") or "")
    lines = [line.strip() for line in raw_text.splitlines() if line.strip()]
    if any(len(line) > MAX_PARAGRAPH_CHARS for line in lines):
        return _empty(decoded.encoding, flags, "huge_text_node")
    titles.add(_squash(str(data.get("title") or "")))
    lines = split_glued_headings(restore_headings(lines, slots), headings)
    lines, furniture = boilerplate_filter(lines, links,
                                          titles - {""})
    paragraphs, removals = clean_paragraphs(lines)
    removals = (*furniture, *removals)
    flags.extend(gap_flags("\n".join(paragraphs)))
    if sum(len(p) for p in paragraphs) < _MIN_TEXT_CHARS:
        flags.append("short_text")
    return Extracted(
        title=str(data.get("title") or ""),
        published=data.get("date") or labelled_date(decoded.text),
        author=data.get("author") or None,
        sitename=data.get("sitename") or None,
        paragraphs=paragraphs,
        encoding=decoded.encoding,
        flags=tuple(flags),
        removals=removals,
    )


_NOT_PARAMETERS = frozenset({"EXTRACTOR_VERSION", "CODE_REVISION", "_NOT_PARAMETERS"})


def extractor_parameters() -> dict[str, Any]:
    """What decides extraction output besides the code: trafilatura's version, the cleaning
    rules in order and every named constant of the decoding, extraction, cleaning,
    glyph-gap, boilerplate and layout-table modules (as plain data)."""
    modules = (decode, sys.modules[__name__], clean, glyph_gaps, boilerplate, layout)
    return {
        "trafilatura": trafilatura.__version__,
        "clean_rules": [rule.name for rule in clean.DEFAULT_RULES],
        "modules": {m.__name__: module_parameters(m, _NOT_PARAMETERS) for m in modules},
    }


def extractor_version(parameters: Mapping[str, Any] | None = None) -> str:
    """`trafilatura-<version>+<code revision>+<hash of the parameters>` (default: the
    current `extractor_parameters()`)."""
    params = extractor_parameters() if parameters is None else parameters
    return f"trafilatura-{trafilatura.__version__}+{CODE_REVISION}+{stable_hash(params)}"


EXTRACTOR_VERSION: str = extractor_version()
