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


@pytest.mark.parametrize("value", ["<urn:uuid:0f3c>", "utf-8->gb18030", "a`b", "`x`"])
def test_technical_values_are_code_spans_shown_as_typed(value: str) -> None:
    from reports.build import md_code

    tokens = MarkdownIt("commonmark").parse(md_code(value))
    inline = tokens[1].children or []
    assert [c.type for c in inline] == ["code_inline"]
    assert inline[0].content == value
    assert "&lt;" not in md_code(value) and "&gt;" not in md_code(value)


@pytest.mark.parametrize(("n", "noun", "said"), [(1, "day", "1 day"), (2, "day", "2 days"),
                                                 (0, "source", "0 sources"),
                                                 (1, "independent source",
                                                  "1 independent source")])
def test_counts_take_the_right_number(n: int, noun: str, said: str) -> None:
    from reports.build import counted

    assert counted(n, noun) == said
