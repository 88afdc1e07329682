"""Glyph-gap detection: where a site seems to have stripped a sensitive word.

Content farms delete words they fear filters for (电话, 催收, brand or
regulator names) from their own text and leave a trace: a space between two
Chinese characters ("催收人员一天打几十个 ，"), an empty enumeration item
("短信、 等方式", "，，"), empty brackets ("（）") or an empty list item.
This step only *finds* such spots and reports their character offsets in the
document text as flags; the stored text is never repaired.  What the missing
word probably was needs a near-duplicate from the same cluster, which only the
warehouse has: `likely_missing` is the pure function it calls for that.

A space between Chinese characters also occurs in ordinary pages (a byline
"记者 刘涛", a headline "拆房屡出命案 管理形同虚设", hard-wrapped old text,
name lists, tables, menus), so a space counts only inside prose (a paragraph
with Chinese punctuation, no table cells), with at most `MAX_SPACES_PER_LINE`
candidates in the paragraph (more means spaced-out text, not gaps), when
neither neighbouring run of Han characters is itself delimited by a space (a
name or label between spaces), and not after a byline word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize import normalize_text

#: Stands for the stripped word in a gap context (the tagger uses the same mark).
GAP = "□"
#: At most this many gap offsets are listed in a document's flags (plus a count).
MAX_FLAGGED = 20
#: A paragraph with more candidate spaces than this is spaced-out text, not gaps.
MAX_SPACES_PER_LINE = 3
#: Missing words longer than this are not believed (the anchors matched too loosely).
MAX_MISSING_CHARS = 6

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_SPACE = re.compile(f"(?<=[{_HAN}]) (?=[{_HAN}，。；：！？、])")
_EMPTY_ENUM = re.compile(
    f"(?<=、)[ \u3000]*(?=[等、])|(?<=，)[ \u3000]*(?=，)|(?<=、)[ \u3000]+(?=[{_HAN}])")
_EMPTY_BRACKETS = re.compile(r"(?<=[（(《“【「])[ \u3000]*(?=[)）》”】」])")
_EMPTY_ITEM = re.compile(
    r"(?m)^[ \u3000]*(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[•·*-])"
    r"[ \u3000]*$")
_PROSE_PUNCT = re.compile("[，。；！？、]")
_BYLINE = re.compile("(?:记者|通讯员|实习生|编辑|作者|摄影|本报讯|来源|报道|[电讯摄])$")
_HAN_RUN_LEFT = re.compile(f"[{_HAN}]+$")
_HAN_RUN_RIGHT = re.compile(f"^[{_HAN}]+")
_WS = re.compile(r"\s+")
_HAN_END = re.compile(f"[{_HAN}]$")
_WRAP_MIN_CHARS = 20


@dataclass(frozen=True, slots=True)
class Gap:
    """A suspected stripped word: where it was (offset into the text) and which trace it left."""

    offset: int
    kind: str  # space | empty_enum | empty_brackets | empty_item


@dataclass(frozen=True, slots=True)
class GapFill:
    """What the cluster mates of a document say about one of its glyph gaps: the text around
    the gap (the gap shown as □), the word a mate has there and that mate's doc_id (both None
    when no mate has one)."""

    context: str
    likely_word: str | None = None
    mate_doc_id: str | None = None


def _space_gaps(line: str, start: int) -> list[Gap]:
    hits = list(_SPACE.finditer(line))
    if not hits or len(hits) > MAX_SPACES_PER_LINE or "|" in line:
        return []
    if not _PROSE_PUNCT.search(line):
        return []
    gaps = []
    for m in hits:
        left, right = line[: m.start()], line[m.end():]
        left_run = _HAN_RUN_LEFT.search(left)
        right_run = _HAN_RUN_RIGHT.search(right)
        if left_run is None:
            continue
        if line[left_run.start() - 1: left_run.start()] == " ":
            continue  # the left run is a token between spaces: a name or a label
        if right_run is not None and line[m.end() + right_run.end():][:1] == " ":
            continue
        if _BYLINE.search(left):
            continue
        if len(left_run.group()) == 1 and left[-2:-1].isdigit():
            continue  # a date or a measure ("2002年10月9日 杨恭如")
        gaps.append(Gap(start + m.start(), "space"))
    return gaps


def hard_wrapped(lines: list[str]) -> bool:
    """True when most long lines stop mid-sentence: text wrapped at a fixed width.

    Old pages wrap prose with newlines or spaces every ~40 characters, so a
    space between two characters there is a wrap, not a stripped word.
    """
    long_lines = [line.rstrip() for line in lines if len(line.strip()) >= _WRAP_MIN_CHARS]
    if len(long_lines) < 4:
        return False
    open_ended = sum(1 for line in long_lines if _HAN_END.search(line))
    return open_ended / len(long_lines) > 0.4


def find_gaps(text: str) -> list[Gap]:
    """Suspected glyph gaps in *text* (paragraphs joined by newlines), in text order.

    Offsets index *text* and point where the stripped word would stand.
    """
    gaps: list[Gap] = []
    lines = text.split("\n")
    if not hard_wrapped(lines):
        start = 0
        for line in lines:
            gaps += _space_gaps(line, start)
            start += len(line) + 1
    gaps += [Gap(m.start(), "empty_enum") for m in _EMPTY_ENUM.finditer(text)]
    gaps += [Gap(m.start(), "empty_brackets") for m in _EMPTY_BRACKETS.finditer(text)]
    gaps += [Gap(m.end(), "empty_item") for m in _EMPTY_ITEM.finditer(text)]
    return sorted(gaps, key=lambda g: g.offset)


def gap_flags(text: str, limit: int = MAX_FLAGGED) -> tuple[str, ...]:
    """Document flags for the glyph gaps in *text*: ``glyph_gap:<offset>`` for the
    first *limit* gaps and ``glyph_gap_count:<n>`` for all of them (none if no gap).

    Bounded so a page full of spaces cannot blow up its row.
    """
    gaps = find_gaps(text)
    if not gaps:
        return ()
    return (*(f"glyph_gap:{g.offset}" for g in gaps[:limit]), f"glyph_gap_count:{len(gaps)}")


def gap_offsets(flags: tuple[str, ...] | list[str]) -> list[int]:
    """The gap offsets listed in a document's flags (the inverse of `gap_flags`)."""
    return [int(f.split(":", 1)[1]) for f in flags if f.startswith("glyph_gap:")]


def gap_context(text: str, offset: int, width: int = 10) -> str:
    """The text around the gap at *offset*, the gap itself shown as `GAP`.

    Whitespace at the gap (what the site left) is dropped, so the result is
    ``<up to width chars before> GAP <up to width chars after>`` on one line.
    """
    left = text[max(0, offset - width): offset].rsplit("\n", 1)[-1]
    rest = text[offset:].lstrip(" \u3000")
    right = rest[:width].split("\n", 1)[0]
    return f"{left}{GAP}{right}"


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _between(left: str, right: str, mate: str) -> str | None:
    """What *mate* has between the longest matching left and right anchors, if unambiguous.

    Anchors shrink from 8 characters a side down to 2 (or the whole side when
    the context is shorter).  At the first anchor length that matches at all,
    one filling is the answer; an empty filling (the mate has the same gap) or
    two different ones give None.
    """
    min_left, min_right = min(2, len(left)), min(2, len(right))
    for size in range(min(8, max(len(left), len(right))), 0, -1):
        n_left, n_right = min(size, len(left)), min(size, len(right))
        if n_left < min_left or n_right < min_right or n_left + n_right < 4:
            break
        pattern = (re.escape(left[len(left) - n_left:])
                   + f"(.{{0,{MAX_MISSING_CHARS}}}?)" + re.escape(right[:n_right]))
        found = {m.group(1) for m in re.finditer(pattern, mate)}
        if found:
            return found.pop() if len(found) == 1 and "" not in found else None
    return None


def likely_missing(gap_text_context: str, mate_text: str) -> str | None:
    """The word a cluster mate has where this document has a glyph gap, or None.

    *gap_text_context* is the text around the gap with the gap marked `GAP`
    (see `gap_context`); *mate_text* is a near-duplicate's text.  The longest
    anchors on both sides of the gap (at least 4 characters together) are
    looked up in the mate; what stands between them there (1 to
    `MAX_MISSING_CHARS` characters) is the likely missing word.  Whitespace is
    ignored, and a second pass matches the normalized texts (NFKC, Simplified
    script), so a Traditional mirror can fill a Simplified gap.  Returns None
    when the mate has nothing there (it has the same gap) or when the anchors
    match with different fillings.
    """
    if GAP not in gap_text_context:
        return None
    left, right = gap_text_context.split(GAP, 1)
    left, right, mate = _squash(left), _squash(right), _squash(mate_text)
    found = _between(left, right, mate)
    if found is None:
        left_n, right_n = normalize_text(left), normalize_text(right)
        found = _between(_squash(left_n), _squash(right_n), _squash(normalize_text(mate_text)))
    return found
