"""Text transforms some sites apply to everything they show: glyph gaps and Traditional script.

- Glyph gaps: the site strips sensitive words (电话 becomes a space, 题 vanishes),
  so "打电话吗" shows as "打 吗" and "问题也随之而来" as "问也随之而来".
- Traditional mirror: a character-by-character Simplified -> Traditional table
  (``s2t.txt``, like a cheap converter), with pinyin leftovers such as 規(guī)定
  after a few words, as seen on scraped mirrors.

Both are pure functions of the text, so a page and its truth agree.
"""

from __future__ import annotations

import functools
from importlib import resources

from demo.sites import GLYPH_GAPS, Site

# Words that keep a pinyin leftover after their first character on the mirror site.
PINYIN_LEFTOVERS: dict[str, str] = {
    "规定": "规(guī)定",
    "协商": "协(xié)商",
    "催收": "催(cuī)收",
    "债务": "债(zhài)务",
    "征信": "征(zhēng)信",
}


@functools.cache
def s2t_table() -> dict[int, str]:
    """The Simplified -> Traditional character table (``str.translate`` form)."""
    text = resources.files("demo").joinpath("s2t.txt").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    for line in text.splitlines():
        if line.startswith("%"):
            continue
        for pair in line.split():
            table[ord(pair[0])] = pair[1]
    return table


def to_traditional(text: str) -> str:
    """*text* as the mirror site shows it: pinyin leftovers, then Traditional characters."""
    for word, leftover in PINYIN_LEFTOVERS.items():
        text = text.replace(word, leftover)
    return text.translate(s2t_table())


def strip_glyphs(text: str) -> str:
    """*text* with the glyph-gap words removed as the glyph-gap site shows it.

    A gap at the very start or end of a sentence leaves no visible space (HTML
    collapses it), so the result is stripped.
    """
    for word, shown in GLYPH_GAPS.items():
        text = text.replace(word, shown)
    return text.strip()


def gaps_in(text: str) -> list[str]:
    """The glyph-gap words present in *text* (what the glyph-gap site strips from it)."""
    return [word for word in GLYPH_GAPS if word in text]


def site_text(site: Site, text: str) -> str:
    """*text* as *site* shows it (identity on ordinary sites)."""
    if site.has("glyph_gaps"):
        text = strip_glyphs(text)
    if site.has("traditional"):
        text = to_traditional(text)
    return text
