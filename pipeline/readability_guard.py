"""Skip trafilatura's readability comparison on the pages where it cannot change the result.

After its own extraction, trafilatura runs readability on the raw tree and takes
readability's text instead only when (balanced focus; `trafilatura.external._prefer_readability`)
its own text is empty, or readability's text is more than twice as long, or readability's
text is longer than 2 x MIN_EXTRACTED_SIZE and the own extraction has no paragraph text or
more tables than paragraphs. Readability only keeps, moves and drops the page's text nodes
(its one addition is ``VIDEO`` in a kept video <iframe>), so its text, whitespace collapsed,
is at most `readability_bound` characters long: the page's text nodes outside script, style
and fencedframe, each node's whitespace runs counted as one character. When that bound
already rules every branch out, readability's answer is known to be "keep your own" and
running it (about 12% of the stage chain's time) changes nothing; the justext rescue that
follows in `compare_extraction` still runs as before, on the same body and text.

Readability's output is serialized and parsed again as HTML, where the content of a raw-text
element (xmp, noscript, textarea, title, ...) is read as characters: such an element with
child nodes or markup characters in its text could grow in that round trip, so a page that
has one is not bounded (readability runs).

Only yuqi's calls are affected: `yuqi_options` makes the options object that marks them;
a plain `trafilatura.extract` elsewhere in the process (the benches) runs unchanged.
"""

from __future__ import annotations

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


def readability_bound(raw_tree: Any) -> int | None:
    """An upper bound on the length of readability's (trimmed) text from *raw_tree*, or None
    when the tree holds a raw-text element that readability's HTML round trip could lengthen."""
    iframes = 0
    for elem in raw_tree.iter(*_RAW_TEXT_TAGS):
        if len(elem) or (elem.text and not _MARKUP.isdisjoint(elem.text)):
            return None
        iframes += elem.tag == "iframe"
    texts: list[str] = _KEPT_TEXT(raw_tree)
    if raw_tree.tail:
        texts.append(raw_tree.tail)
    if not texts:
        return _VIDEO * iframes
    # Non-space characters plus one per whitespace run inside each node ("\x00" is no
    # whitespace, so no run spans two nodes; +2 for the runs at both ends of the join).
    joined = "\x00".join(texts)
    return len(" ".join(joined.split())) - (len(texts) - 1) + 2 + _VIDEO * iframes


def readability_cannot_win(body: Any, text: str, raw_tree: Any, options: Extractor) -> bool:
    """True when `_prefer_readability` answers False whatever readability extracts."""
    if options.focus != "balanced" or not text:
        return False
    bound = readability_bound(raw_tree)
    if bound is None or bound > 2 * len(text):
        return False
    if bound <= options.min_extracted_size * 2:
        return True
    return bool(body.xpath(".//p//text()")) and (
        len(body.findall(".//table")) <= len(body.findall(".//p")))


_compare_extraction = trafilatura.core.compare_extraction


def compare_extraction(cleaned_tree: HtmlElement, raw_tree: HtmlElement, body: Any, text: str,
                       options: Extractor) -> tuple[Any, str]:
    """trafilatura's comparison, with readability given an empty tree when it cannot win
    (an empty tree gives empty text, which `_prefer_readability` turns down first)."""
    if type(options) is YuqiExtractor and readability_cannot_win(body, text, raw_tree, options):
        raw_tree = HtmlElement()
    return _compare_extraction(cleaned_tree, raw_tree, body, text, options)


def install() -> None:
    """Route trafilatura's comparison step through `compare_extraction` (idempotent)."""
    trafilatura.core.compare_extraction = compare_extraction
