"""Cleaning rules applied to trafilatura's paragraphs.

Each rule is a small named predicate over one paragraph; every removal is
recorded with the rule's name so the report can show what was cut and why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.records import Removal

_ELLIPSIS_END = re.compile(r"(\.\.\.|…+|。。。)\s*$")
_TEASER_LEAD = re.compile(r"^\s*小编导语")
_DISCLAIMER = re.compile(
    r"(网友投稿|侵权.{0,8}删除|版权归原作者|不代表本站观点|仅供参考.{0,6}不构成)"
)
_CTA = re.compile(
    r"(加微信|加v|扫码|免费咨询|添加客服|微信号|vx[:：]|热线[:：]?\s*\d)", re.IGNORECASE
)
_VIEWS = re.compile(r"^\s*(浏览|阅读|人气|点击)\s*[:：]?\s*\d+\s*次?\s*$")
_INFO_LINE = re.compile(r"(时间|发布|来源|作者)\s*[:：].{0,40}(来源|作者|浏览|阅读)\s*[:：]?")


@dataclass(frozen=True, slots=True)
class CleanRule:
    """A named rule: a paragraph it matches is removed."""

    name: str
    matches: Callable[[str], bool]


def _is_cut_teaser(p: str) -> bool:
    return bool(_TEASER_LEAD.search(p) or _ELLIPSIS_END.search(p))


def _is_disclaimer(p: str) -> bool:
    return len(p) < 200 and bool(_DISCLAIMER.search(p))


def _is_cta(p: str) -> bool:
    return len(p) < 160 and bool(_CTA.search(p))


def _is_view_or_info_line(p: str) -> bool:
    return bool(_VIEWS.search(p) or (len(p) < 120 and _INFO_LINE.search(p)))


DEFAULT_RULES: tuple[CleanRule, ...] = (
    CleanRule("teaser", _is_cut_teaser),
    CleanRule("disclaimer", _is_disclaimer),
    CleanRule("cta", _is_cta),
    CleanRule("info_line", _is_view_or_info_line),
)


def clean_paragraphs(
    paragraphs: Sequence[str], rules: Sequence[CleanRule] = DEFAULT_RULES
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """Drop paragraphs any rule matches; return what is kept and what was removed, and why."""
    kept: list[str] = []
    removed: list[Removal] = []
    for p in paragraphs:
        rule = next((r for r in rules if r.matches(p)), None)
        if rule is None:
            kept.append(p)
        else:
            removed.append(Removal(rule.name, p))
    return tuple(kept), tuple(removed)
