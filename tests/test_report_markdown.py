"""Scraped text in report.md stays text: it never becomes a heading, list, quote or link."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from reports.build import md_cell

HOSTILE = ["# 花呗逾期标题", "1. 第一步先协商", "12) 分期", "- 列表项", "+ 加号", "> 引用别人",
           "[点此领取](http://example.invalid)", "=====", "<script>x</script>", "*强调*"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_scraped_line_renders_as_one_plain_paragraph(text: str) -> None:
    tokens = MarkdownIt("commonmark").parse(md_cell(text))
    kinds = [t.type for t in tokens]
    assert kinds == ["paragraph_open", "inline", "paragraph_close"], kinds
    inline = tokens[1].children or []
    assert [c.type for c in inline] == ["text"], [c.type for c in inline]
    assert inline[0].content == text
