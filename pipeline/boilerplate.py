"""Boilerplate trafilatura keeps: link lists, comment blocks, related / prev-next navigation.

Runs on trafilatura's output lines, with the link texts of the page (from the
parsed tree) to measure how much of a line is links. Each rule is general and
positional, like the page furniture it removes:

- ``navigation``: a short 上一篇 / 下一篇 / 返回列表 line, anywhere;
- ``comment_block``: a comment-section heading (网友评论, 最新评论, 共N条评论,
  回复 ...) in the second half of the text, and everything after it;
- ``related_block``: a related-articles heading (相关阅读, 相关文章, 猜你喜欢,
  推荐阅读 ...) after some body text and followed by links or cut-off snippets,
  with the link, short and cut-off lines after it;
- ``link_list``: three or more consecutive short lines that are mostly link
  text; ``link_line``: one line that is nearly all link text;
- ``post_list``: on a page showing several posts (the same dated byline shape
  repeats), everything from the first byline on: the main text is the first post.

Every removal is returned with its rule, like the cleaning rules' removals.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

import lxml.html

from pipeline.records import Removal

_DECOR = re.compile(r"[\s|\\\[\]【】■●◆·•>»：:]+")
_NAV = re.compile(r"^\s*[|\\\s]*(上一篇|下一篇|上一页|下一页|上一条|下一条|上篇|下篇"
                  r"|返回列表|返回首页|返回顶部|返回页首)")
_COMMENT_HEAD = re.compile(
    r"^(网友|读者|用户|最新|热门|精彩|全部|相关|发表|查看|我要)?(评论|留言|回复|跟帖|回帖)"
    r"(列表|区|线索|内容)?(\d+条|共\d+条)?$|^(共)?\d+(条|篇)?(评论|留言|回复)$")
_RELATED_HEAD = re.compile(
    r"^(相关(文章|阅读|推荐|报道|新闻|链接|内容|资讯|问题)|延伸阅读|推荐阅读|扩展阅读|猜你喜欢|热门(文章|推荐|阅读)"
    r"|最新(文章|推荐)|精彩推荐|你可能(还|也)?(喜欢|感兴趣)|为你推荐|看了(本文|这篇)的人还看了)")
_CUT_END = re.compile(r"(\.\.\.|…|。。。)\s*$")
_HEAD_MAX = 24
_SHORT = 40
_LINK_SHARE = 0.6
_MIN_LINK_RUN = 3
# A block heading counts once this much text came before it: half the text, at
# least 150 characters (sidebars with 最新评论 / 相关评论 widgets often come first).
_BODY_BEFORE = 150
_LINK_LINE = 0.7  # a line this much link text is furniture on its own
_LINK_LINE_MAX = 400
#: A calendar date (2024-03-31, 2024年3月31日): a post list's bylines; the cleaning rules'
#: byline adds the time of day to it.
DATE = re.compile(r"(19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}")
_DIGITS = re.compile(r"\d+")


def link_texts(tree: lxml.html.HtmlElement) -> frozenset[str]:
    """The squashed texts of the page's links (two characters or more)."""
    texts = set()
    for a in tree.iter("a"):
        text = _squash("".join(a.itertext()))
        if len(text) >= 2:
            texts.add(text)
    return frozenset(texts)


def _squash(text: str) -> str:
    return "".join(text.split())


def link_share(line: str, links: Iterable[str]) -> float:
    """Share of the line's (squashed) characters that lie inside link texts of the page."""
    text = _squash(line)
    if not text:
        return 0.0
    covered = bytearray(len(text))
    for link in links:
        if len(link) > len(text):
            continue
        at = text.find(link)
        while at != -1:
            covered[at:at + len(link)] = b"\x01" * len(link)
            at = text.find(link, at + len(link))
    return sum(covered) / len(text)


def _head(line: str) -> str:
    """The line without decoration (table pipes, brackets, bullets, colons)."""
    return _DECOR.sub("", line)


def _is_heading(line: str, pattern: re.Pattern[str]) -> bool:
    head = _head(line)
    return 0 < len(head) <= _HEAD_MAX and bool(pattern.search(head))


def boilerplate_filter(lines: Sequence[str], links: frozenset[str],
                       titles: Collection[str] = ()) -> tuple[list[str], list[Removal]]:
    """Drop navigation, comment and related blocks and link lists; return kept and removed.

    *titles* are the page's title texts (squashed): a first line repeating one,
    with text after it, is the title above the article, not its text (``title``).
    """
    n = len(lines)
    rule: list[str | None] = [None] * n
    if n > 1 and _squash(lines[0]) in titles:
        rule[0] = "title"
    sizes = [len(_squash(line)) for line in lines]
    total = sum(sizes) or 1
    shares = _link_shares(lines, links)
    before = 0
    for i, line in enumerate(lines):
        late = before >= max(_BODY_BEFORE, total // 2)
        before += sizes[i]
        if rule[i]:
            continue
        if sizes[i] <= 60 and _NAV.search(line):
            rule[i] = "navigation"
        elif late and _is_heading(line, _COMMENT_HEAD):
            for j in range(i, n):
                rule[j] = rule[j] or "comment_block"
        elif before > _BODY_BEFORE and _is_heading(line, _RELATED_HEAD) \
                and _teaser_list_follows(lines, shares, i):
            rule[i] = "related_block"
            for j in range(i + 1, n):
                if not (shares[j] >= _LINK_SHARE or sizes[j] <= _SHORT
                        or _CUT_END.search(lines[j])):
                    break
                rule[j] = rule[j] or "related_block"
    _mark_link_runs(rule, sizes, shares)
    for i in range(n):
        if rule[i] is None and sizes[i] >= 4 and shares[i] >= _LINK_LINE:
            rule[i] = "link_line"
    _mark_post_list(rule, lines, sizes)
    kept = [line for line, r in zip(lines, rule, strict=True) if r is None]
    removed = [Removal(r, line) for line, r in zip(lines, rule, strict=True) if r is not None]
    return kept, removed


def _teaser_list_follows(lines: Sequence[str], shares: Sequence[float], i: int) -> bool:
    """True when at least two of the four lines after *i* are links or cut-off snippets."""
    after = range(i + 1, min(len(lines), i + 5))
    return sum(1 for j in after if shares[j] >= _LINK_SHARE or _CUT_END.search(lines[j])) >= 2


def _link_shares(lines: Sequence[str], links: frozenset[str]) -> list[float]:
    """Link share of each line up to a few hundred characters (longer lines are prose: 0)."""
    squashed = [_squash(line) for line in lines]
    short = [text if len(text) <= _LINK_LINE_MAX else None for text in squashed]
    # Only the link texts found somewhere in those lines can cover a character of one (a
    # squashed line has no newline): the page's other links are not searched line by line.
    seen = "\n".join(text for text in short if text)
    found = [link for link in links if link in seen]
    return [link_share(line, found) if text is not None else 0.0
            for line, text in zip(lines, short, strict=True)]


def _mark_post_list(rule: list[str | None], lines: Sequence[str], sizes: Sequence[int]
                    ) -> None:
    """A page of several posts: from the first repeated dated byline on, ``post_list``.

    A blog home or list page shows several whole posts, each closed by the same
    byline ("由X张贴 @ 2005-03-21 01:20:44 (359) 共3篇评论"). The page's main text
    is the first post: everything from the first byline whose shape (digits
    masked) repeats is cut, once enough text came before it.
    """
    shapes: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if rule[i] is None and sizes[i] <= 80 and DATE.search(line):
            shapes.setdefault(_DIGITS.sub("#", _squash(line)), []).append(i)
    starts = [at[0] for at in shapes.values() if len(at) >= 2]
    if not starts:
        return
    first = min(starts)
    if sum(sizes[:first]) < _BODY_BEFORE:
        return
    for j in range(first, len(rule)):
        rule[j] = rule[j] or "post_list"


def _mark_link_runs(rule: list[str | None], sizes: Sequence[int], shares: Sequence[float]
                    ) -> None:
    """Mark runs of at least three short, mostly-link lines as ``link_list``."""
    i, n = 0, len(rule)
    while i < n:
        j = i
        while j < n and rule[j] is None and 0 < sizes[j] <= _SHORT and shares[j] >= _LINK_SHARE:
            j += 1
        if j - i >= _MIN_LINK_RUN:
            for k in range(i, j):
                rule[k] = "link_list"
        i = max(j, i + 1)
