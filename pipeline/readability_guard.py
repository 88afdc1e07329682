"""Skip two of trafilatura's steps on the pages where they cannot change the result.

1. The readability comparison (about 12% of the stage chain's time), and
2. the page measure of the recall escalation test (`html2txt` of the whole page, about 8%).

After its own extraction, trafilatura runs readability on the raw tree and takes
readability's text instead only when (balanced focus; `trafilatura.external._prefer_readability`)
its own text is empty, or readability's text is more than twice as long, or readability's
text is longer than 2 x MIN_EXTRACTED_SIZE and the own extraction has no paragraph text or
more tables than paragraphs. Readability only keeps, moves and drops the page's text nodes
(its one addition is ``VIDEO`` in a kept video <iframe>), so its text, whitespace collapsed,
is at most `readability_bound` characters long: the words of the page's text nodes outside
script, style and fencedframe, joined by single spaces (`text_bound`). When that bound
already rules every branch out, readability's answer is known to be "keep your own" and
running it changes nothing (it is given an empty tree instead); the justext rescue that
follows in `compare_extraction` still runs as before, on the same body and text.

Readability's output is serialized and parsed again as HTML, where the content of a raw-text
element (xmp, noscript, textarea, title, ...) is read as characters: such an element with
child nodes or markup characters in its text could grow in that round trip, so a page that
has one is not bounded (readability runs).

The escalation (recall retry) runs when the text is short and under ESCALATION_PAGE_SHARE of
`html2txt` of the page; the same text nodes bound that measure (`compare_extraction`).

Only yuqi's calls are affected: their options are a `YuqiExtractor`
(`pipeline.extract.trafilatura_options`);
a plain `trafilatura.extract` elsewhere in the process (the benches) runs unchanged.
"""

from __future__ import annotations

import threading
from typing import Any

import lxml.etree
import trafilatura.core
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

# Elements whose content the HTML parser reads as raw characters (libxml2 2.14), plus title
# and textarea (entities decoded, tags not): readability's round trip may lengthen them.
_RAW_TEXT_TAGS = ("xmp", "plaintext", "noembed", "noframes", "iframe", "noscript",
                  "textarea", "title")
_MARKUP = frozenset("<>&")
_VIDEO = len("VIDEO")
# Readability drops script, style and fencedframe elements with their text (not their tail).
_KEPT_TEXT = lxml.etree.XPath(
    ".//text()[not(parent::script or parent::style or parent::fencedframe)]",
    smart_strings=False)


class YuqiExtractor(Extractor):
    """trafilatura's options for yuqi's own calls (the comparison guard applies to these)."""

    __slots__ = ()


def kept_texts(raw_tree: Any) -> list[str]:
    """The tree's text nodes (texts and tails) outside script, style and fencedframe."""
    texts: list[str] = _KEPT_TEXT(raw_tree)
    if raw_tree.tail:
        texts.append(raw_tree.tail)
    return texts


def text_bound(texts: list[str]) -> int:
    """An upper bound on the length of any whitespace-collapsed text made of these text nodes
    (whole, some dropped, in any order, with spaces added between them): its words are at
    most the nodes' words, so it is at most the nodes' words joined by single spaces."""
    return len(" ".join(" ".join(texts).split()))


def readability_bound(raw_tree: Any, texts: list[str] | None = None) -> int | None:
    """An upper bound on the length of readability's (trimmed) text from *raw_tree*, or None
    when the tree holds a raw-text element that readability's HTML round trip could lengthen."""
    iframes = 0
    for elem in raw_tree.iter(*_RAW_TEXT_TAGS):
        if len(elem) or (elem.text and not _MARKUP.isdisjoint(elem.text)):
            return None
        iframes += elem.tag == "iframe"
    if texts is None:
        texts = kept_texts(raw_tree)
    # `text_bound`, plus the word VIDEO and a space before it for each <iframe>.
    return text_bound(texts) + (_VIDEO + 1) * iframes


def readability_cannot_win(body: Any, text: str, raw_tree: Any, options: Extractor,
                           texts: list[str] | None = None) -> bool:
    """True when `_prefer_readability` answers False whatever readability extracts."""
    if options.focus != "balanced" or not text:
        return False
    bound = readability_bound(raw_tree, texts)
    if bound is None or bound > 2 * len(text):
        return False
    if bound <= options.min_extracted_size * 2:
        return True
    return bool(body.xpath(".//p//text()")) and (
        len(body.findall(".//table")) <= len(body.findall(".//p")))


_compare_extraction = trafilatura.core.compare_extraction
_html2txt = trafilatura.core.html2txt
_PAGE_SHARE: float = trafilatura.core.ESCALATION_PAGE_SHARE
_state = threading.local()


def compare_extraction(cleaned_tree: HtmlElement, raw_tree: HtmlElement, body: Any, text: str,
                       options: Extractor) -> tuple[Any, str]:
    """trafilatura's comparison, with readability given an empty tree when it cannot win
    (an empty tree gives empty text, which `_prefer_readability` turns down first).

    It also settles the recall escalation's page measure in advance when it can: the text
    after the comparison only grows before that test (the baseline rescue replaces it only
    with a longer one), and `html2txt` of the same tree is at most `text_bound` of its text
    nodes (script, style and fencedframe deleted, block boundaries spaced), so when the
    text is already at least ESCALATION_PAGE_SHARE of that bound the test is False.
    """
    _state.share_reached = False
    if type(options) is not YuqiExtractor:
        return _compare_extraction(cleaned_tree, raw_tree, body, text, options)
    texts = kept_texts(raw_tree)
    if readability_cannot_win(body, text, raw_tree, options, texts):
        raw_tree = HtmlElement()
    body, text = _compare_extraction(cleaned_tree, raw_tree, body, text, options)
    _state.share_reached = (options.focus == "balanced"
                            and not len(text) < _PAGE_SHARE * text_bound(texts))
    return body, text


def html2txt(content: Any, clean: bool = True) -> str:
    """trafilatura's `html2txt` for the escalation test, or "" (whose length answers the
    test the same way) when `compare_extraction` has just settled it."""
    if getattr(_state, "share_reached", False):
        _state.share_reached = False
        return ""
    return _html2txt(content, clean)


def install() -> None:
    """Route trafilatura's comparison step and its escalation's page measure through
    `compare_extraction` and `html2txt` (idempotent)."""
    trafilatura.core.compare_extraction = compare_extraction
    trafilatura.core.html2txt = html2txt
