"""Cleaning rules applied to trafilatura's paragraphs.

Each rule is a small named predicate over one paragraph; every removal is
recorded with the rule's name so the report can show what was cut and why.
The patterns and length limits are named module constants: the extractor
version hashes them (pipeline.extract), so changing one changes the version.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.boilerplate import DATE
from pipeline.records import Removal

_ELLIPSIS_END = re.compile(r"(\.\.\.|…+|。。。)\s*$")
# Software truncation ("..." or one "…"); "……" is the typographic Chinese
# ellipsis writers end a narrative paragraph with, so alone it proves nothing.
_TRUNCATED_END = re.compile(r"(\.\.\.|(?<!…)…|。。。)\s*$")
_TEASER_LEAD = re.compile(r"^\s*小编导语")
_DISCLAIMER = re.compile(
    r"(网友投稿|侵权.{0,8}删除|版权归原作者|不代表本站观点|仅供参考.{0,6}不构成"
    # a farm's copyright notice: infringing content removed on request, no copying without
    # leave, credit the source when reposting, the site's articles gathered from the web
    r"|侵犯.{0,15}(?:权益|版权|权利).{0,15}删除"
    r"|未经.{0,8}(?:许可|授权|同意).{0,24}(?:不得|禁止|严禁|请勿).{0,8}(?:复制|转载|摘编|使用)"
    r"|转载请(?:注明|保留|联系)"
    r"|(?:本站|本文|本网|本平台).{0,30}(?:来源于|来自|采集|转载自|摘自)(?:于)?(?:网络|互联网))"
)
_CTA = re.compile(
    r"(加微信|加v|扫码|免费咨询|添加客服|微信号|vx[:：]|热线[:：]?\s*\d)", re.IGNORECASE
)
_VIEWS = re.compile(r"^\s*(浏览|阅读|人气|点击)\s*[:：]?\s*\d+\s*次?\s*$")
_INFO_LINE = re.compile(r"(时间|发布|来源|作者)\s*[:：].{0,40}(来源|作者|浏览|阅读)\s*[:：]?")
# One label alone on its line (来源：某某财经, 责任编辑：张三, 原标题：…): the article's record,
# not its text.
_LABEL_LINE = re.compile(
    r"^\s*(?:来源|作者|编辑|责任编辑|责编|原标题|发布时间|发布于|更新时间)\s*[:：]")
# A byline: a name or a source beside the date and time it was posted (张三 2024-03-31 17:40:52)
_DATETIME = re.compile(DATE.pattern + r"日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_SENTENCE_MARK = re.compile(r"[。！？!?，,；;]")
# Image captions and button labels on a line of their own ((资料图), 文章插图, 分享).
_FURNITURE = re.compile(
    r"^\s*[（(【\[]?\s*(?:资料图片?|資料圖片?|文章插图|文章插圖|配图|配圖|示意图|示意圖"
    r"|图片来源[:：].{0,20}|圖片來源[:：].{0,20}|图源[:：].{0,20}|图片由.{0,16}提供"
    r"|正在加载中?\.{0,3}|分享到?[:：]?|收藏|点赞|打印本页|举报|复制链接)\s*[）)】\]]?\s*$")
# Length limits: only a paragraph shorter than these is removed by its rule (longer ones stay).
DISCLAIMER_MAX_CHARS = 200
CTA_MAX_CHARS = 160
INFO_LINE_MAX_CHARS = 120
LABEL_LINE_MAX_CHARS = 60
# a byline holds its date and time and at most this much else (a name, a source, a separator)
BYLINE_REST_MAX_CHARS = 24


@dataclass(frozen=True, slots=True)
class CleanRule:
    """A named rule: a paragraph it matches is removed.

    `matches` sees the paragraph's index and all paragraphs, so a rule can
    look at the neighbours (a teaser list is a run of cut-off snippets).
    """

    name: str
    matches: Callable[[Sequence[str], int], bool]


def _single(predicate: Callable[[str], bool]) -> Callable[[Sequence[str], int], bool]:
    """A rule that looks at one paragraph only."""
    return lambda paragraphs, i: predicate(paragraphs[i])


def _is_cut_teaser(paragraphs: Sequence[str], i: int) -> bool:
    """小编导语 snippets, snippets cut off by software, and runs of ellipsis-ended paragraphs.

    A lone paragraph ending in "……" is kept: in real articles that is a
    narrative pause (measured on extraction-zh), while teaser lists come in runs.
    """
    p = paragraphs[i]
    if _TEASER_LEAD.search(p) or _TRUNCATED_END.search(p):
        return True
    if not _ELLIPSIS_END.search(p):
        return False
    return any(0 <= j < len(paragraphs) and _ELLIPSIS_END.search(paragraphs[j])
               for j in (i - 1, i + 1))


def _is_disclaimer(p: str) -> bool:
    return len(p) < DISCLAIMER_MAX_CHARS and bool(_DISCLAIMER.search(p))


def _is_cta(p: str) -> bool:
    return len(p) < CTA_MAX_CHARS and bool(_CTA.search(p))


def _is_view_or_info_line(p: str) -> bool:
    return bool(_VIEWS.search(p) or (len(p) < INFO_LINE_MAX_CHARS and _INFO_LINE.search(p))
                or (len(p) < LABEL_LINE_MAX_CHARS and _LABEL_LINE.search(p)
                    and not _SENTENCE_MARK.search(p))
                or _is_byline(p))


def _is_byline(p: str) -> bool:
    """A name or a source and the date and time of posting, and nothing a sentence holds."""
    m = _DATETIME.search(p)
    if m is None:
        return False
    rest = (p[: m.start()] + p[m.end() :]).strip(" \t|丨-—·/")
    return len(rest) <= BYLINE_REST_MAX_CHARS and not _SENTENCE_MARK.search(rest)


def _is_furniture(p: str) -> bool:
    return bool(_FURNITURE.match(p))


DEFAULT_RULES: tuple[CleanRule, ...] = (
    CleanRule("teaser", _is_cut_teaser),
    CleanRule("disclaimer", _single(_is_disclaimer)),
    CleanRule("cta", _single(_is_cta)),
    CleanRule("info_line", _single(_is_view_or_info_line)),
    CleanRule("furniture", _single(_is_furniture)),
)


def clean_paragraphs(
    paragraphs: Sequence[str], rules: Sequence[CleanRule] = DEFAULT_RULES
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """Drop paragraphs any rule matches; return what is kept and what was removed, and why."""
    kept: list[str] = []
    removed: list[Removal] = []
    for i, p in enumerate(paragraphs):
        rule = next((r for r in rules if r.matches(paragraphs, i)), None)
        if rule is None:
            kept.append(p)
        else:
            removed.append(Removal(rule.name, p))
    return tuple(kept), tuple(removed)
