"""Split a document into sentences and list items, and track the heading path.

Runs on the ORIGINAL text (before normalization) so claims quote it exactly.
Sentences end at 。！？；… (and ASCII !?; or a run of three dots); an ASCII
"." alone never ends a sentence, so 3.1, 1.5万 and "1." survive. Lines are
paragraphs: a list item (1. 1、 （4） ① a. •) becomes an item that carries the
lead-in sentence of its list (the last sentence before the list) as context; in a document
of several lines, headings (一、…, （一）…, 3.1 …, 第二节…, short unpunctuated
lines, short question lines) become the section path instead of claims. A
single-line input is always tagged as sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.claims.memo import remember

_END = "。！？；!?;…"
_CLOSERS = "”’\"'」』）)】》"
_ELLIPSIS_RE = re.compile(r"\.{3,}|…+")
_SENTENCE_END_RE = re.compile(
    f"(?:{_ELLIPSIS_RE.pattern}|[{re.escape(_END)}])[{re.escape(_END + _CLOSERS)}]*")

_CN_NUM = "一二三四五六七八九十"
_LIST_RE = re.compile(
    r"^\s*(?:"
    r"(?:\d{1,2}|[a-zA-Z])[.．、)）](?![\d.])\s*"  # 1. 1、 a. 2)
    r"|[（(]\s*(?:\d{1,2}|[" + _CN_NUM + r"]{1,3}|[a-zA-Z])\s*[）)]\s*"  # （4） (一) (a)
    r"|[①-⑳❶-❿]\s*"  # ①
    r"|[•·●▪◆■◇○\-*]\s+"  # bullets
    r"|[•●▪◆■◇○]\s*"
    r")"
)
_H_CN_RE = re.compile(r"^[" + _CN_NUM + r"]{1,3}\s*[、.．]")
_H_PAREN_RE = re.compile(r"^[（(]\s*[" + _CN_NUM + r"]{1,3}\s*[）)]")
_H_DOTTED_RE = re.compile(r"^(\d{1,2}(?:[.．]\d{1,2})+)(?![\d])\s*")
_H_CHAPTER_RE = re.compile(r"^第[" + _CN_NUM + r"\d]{1,3}[章节部分篇]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CLOSING_HEADINGS = ("小编总结", "总结", "结语", "写在最后", "最后", "结论", "相关阅读", "猜你喜欢")
_HEADING_MAX = 40
_PLAIN_HEADING_MAX = 25


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence or list item with the heading path above it."""

    text: str
    section: str
    kind: str  # "sentence" | "item"
    context: str = ""  # for an item: the lead-in sentence of its list (以下情况会被起诉：)
    line: int = -1  # the input line (paragraph) it comes from


# Paragraphs seen lately and what segmenting them gave: farms repeat paragraphs across
# reposts and templates (on the demo web 3,811 lines hold 2,147 distinct ones), and each
# step below is a pure function of the line (``memo.forget`` empties them).
_LINE_CACHE_SIZE = 8192


def split_sentences(line: str) -> list[str]:
    """Split one paragraph into sentences at 。！？；… (never at a lone ASCII '.').

    Closing quotes and brackets after the terminator stay with the sentence.
    """
    return list(_sentences(line))


@remember(maxsize=_LINE_CACHE_SIZE)
def _sentences(line: str) -> tuple[str, ...]:
    """``split_sentences``, remembered per line."""
    out: list[str] = []
    start = 0
    # A terminator (a run of dots or ellipses, or one end mark) and the end marks, ellipses
    # and closers after it: one regex search per sentence, not a match per character.
    for m in _SENTENCE_END_RE.finditer(line):
        piece = line[start:m.end()].strip()
        if _has_content(piece):
            out.append(piece)
        start = m.end()
    tail = line[start:].strip()
    if _has_content(tail):
        out.append(tail)
    return tuple(out)


# A letter or a digit: [^\W_] is str.isalnum, character by character, in one search.
_CONTENT_RE = re.compile(r"[^\W_]")


def _has_content(text: str) -> bool:
    return _CONTENT_RE.search(text) is not None


@remember(maxsize=_LINE_CACHE_SIZE)
def list_marker(line: str) -> str:
    """The list-item marker that starts *line* ("1. ", "（4）", "①" ...), or ""."""
    m = _LIST_RE.match(line)
    return m.group(0) if m else ""


def _heading_body_ok(body: str) -> bool:
    """A numbered heading: short, and no sentence punctuation inside."""
    core = body.rstrip("？?：:").strip()
    return 0 < len(core) <= _HEADING_MAX and not re.search(r"[。；;！!]", core)


@remember(maxsize=_LINE_CACHE_SIZE)
def heading_level(line: str) -> int | None:
    """The heading level of *line* inside a document, or None if it is not a heading.

    一、 and 第N章 are level 1, （一） level 2, 3.1 level 2 and 3.1.2 level 3.
    Plain short lines return 0 (the caller picks their level from context).
    """
    if m := _H_CHAPTER_RE.match(line):
        return 1 if _heading_body_ok(line[m.end() :]) or len(line) <= _HEADING_MAX else None
    if m := _H_CN_RE.match(line):
        return 1 if _heading_body_ok(line[m.end() :]) else None
    if m := _H_PAREN_RE.match(line):
        return 2 if _heading_body_ok(line[m.end() :]) else None
    if m := _H_DOTTED_RE.match(line):
        depth = len(re.split(r"[.．]", m.group(1)))
        return depth if _heading_body_ok(line[m.end() :]) else None
    if list_marker(line):
        return None
    if _is_plain_heading(line):
        return 0
    return None


def _numbered_heading(lines: list[str], pos: int) -> bool:
    """A numbered short phrase that heads the paragraph under it, not a list item.

    1、逾期1个月内 followed by a paragraph of prose names the stage the paragraph
    describes; an item in a run of items (the line before or after is an item
    too) stays an item, as does an item that says something itself (it has a
    sentence break, a comma or a clause-joining 、).
    """
    marker = list_marker(lines[pos])
    if not marker or pos + 1 >= len(lines):
        return False
    if list_marker(lines[pos + 1]) or (pos > 0 and list_marker(lines[pos - 1])):
        return False
    body = lines[pos][len(marker):].strip()
    return _is_plain_heading(body) and not body.endswith(("？", "?")) and bool(
        _sentences(lines[pos + 1]))


def _is_plain_heading(line: str) -> bool:
    """Short unpunctuated line, or short question line (no other sentence end)."""
    if not _CJK_RE.search(line) or "|" in line or "｜" in line:
        return False
    body = line.rstrip()
    if body.endswith(("？", "?")):
        core = body.rstrip("？?")
        return len(core) <= _PLAIN_HEADING_MAX + 5 and not re.search(r"[。；;！!？?]", core)
    core = body.rstrip("：:")
    if len(core) > _PLAIN_HEADING_MAX:
        return False
    return not re.search(r"[。，,；;！!：:…、]", core) and not core.endswith(".")


def segment(text: str) -> list[Segment]:
    """Split *text* (a document or one sentence) into sentences and list items.

    Headings are consumed into the section path (" > "-joined) and not
    returned. Order is preserved; callers number the returned segments.
    """
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    single = len(lines) <= 1
    path: list[tuple[int, str, bool]] = []  # (level, heading, plain)
    out: list[Segment] = []
    lead_in = ""  # last sentence of the latest non-item paragraph in this section
    for pos, line in enumerate(lines):
        level = None if single else heading_level(line)
        if level is None and not single and _numbered_heading(lines, pos):
            level = 0
        if level == 0 and pos == len(lines) - 1:
            level = None  # a plain "heading" with nothing under it is a sentence
        if level is not None:
            plain = level == 0
            if plain:
                if line.rstrip("：:").strip() in _CLOSING_HEADINGS:
                    level = 1
                elif path and path[-1][2]:
                    level = path[-1][0]
                else:
                    level = path[-1][0] + 1 if path else 1
            path = [h for h in path if h[0] < level]
            path.append((level, line.rstrip("：:").strip(), plain))
            lead_in = ""
            continue
        section = " > ".join(h[1] for h in path)
        marker = list_marker(line)
        kind = "item" if marker else "sentence"
        body = line[len(marker) :].strip() if marker else line
        sentences = _sentences(body)
        for sentence in sentences:
            out.append(Segment(sentence, section, kind, lead_in if marker else "", pos))
        if not marker and sentences:
            lead_in = sentences[-1]
    return out
