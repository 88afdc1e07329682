"""The boilerplate post-filter and the table/<br> layout repair, on hand-written pages."""

from __future__ import annotations

from pipeline.boilerplate import boilerplate_filter, link_share
from pipeline.claims import tag_document
from pipeline.extract import extract_html, split_glued_headings

BODY = [
    "花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。",
    "如果逾期超过三个月仍然没有还款，平台可能会把账单委托给第三方催收公司处理。",
    "建议大家遇到还款困难时，主动联系官方客服协商还款，不要相信代办停息挂账的广告。",
    "逾期记录会上报征信，在结清欠款之后还会保留五年，这段时间申请房贷车贷都会受影响。",
]


def test_link_share_counts_characters_inside_link_texts() -> None:
    assert link_share("借呗逾期会怎样 网贷知识", {"借呗逾期会怎样"}) == 7 / 11
    assert link_share("no links here", frozenset()) == 0.0


def test_navigation_comment_and_related_blocks_are_removed_with_their_rule() -> None:
    links = frozenset({"借呗逾期多久会被起诉", "网贷逾期会上门吗", "信用卡逾期怎么协商"})
    related = ["相关阅读", "借呗逾期多久会被起诉", "网贷逾期会上门吗", "信用卡逾期怎么协商"]
    lines = [*BODY, "上一篇：借呗逾期多久会被起诉", *related]
    kept, removed = boilerplate_filter(lines, links)
    assert kept == BODY
    rules = {r.text: r.rule for r in removed}
    assert rules["上一篇：借呗逾期多久会被起诉"] == "navigation"
    assert {rules[line] for line in related} == {"related_block"}
    kept, removed = boilerplate_filter([*BODY, "网友评论", "网友1：写得很好，收藏了。"], links)
    assert kept == BODY and {r.rule for r in removed} == {"comment_block"}


def test_a_comment_heading_early_in_the_page_is_a_sidebar_not_the_end() -> None:
    lines = ["最新评论", *BODY]
    kept, removed = boilerplate_filter(lines, frozenset())
    assert kept[1:] == BODY and all(r.rule != "comment_block" for r in removed)


def test_a_title_line_repeating_the_h1_is_removed() -> None:
    kept, removed = boilerplate_filter(["花呗逾期会打通讯录吗", *BODY], frozenset(),
                                       {"花呗逾期会打通讯录吗"})
    assert kept == BODY and removed[0].rule == "title"


def test_a_page_of_several_posts_keeps_the_first() -> None:
    byline = "由小王张贴 @ 2005-03-{:02d} 01:20:44 (359) 共 3 篇评论"
    second = "第二篇日志的正文，和第一篇没有关系。"
    lines = [*BODY, byline.format(1), second, byline.format(2)]
    kept, removed = boilerplate_filter(lines, frozenset())
    assert kept == BODY and {r.rule for r in removed} == {"post_list"}


def test_prose_is_never_removed() -> None:
    kept, removed = boilerplate_filter(BODY, frozenset({"花呗", "征信"}))
    assert kept == BODY and removed == []


def test_a_glued_heading_is_cut_out_of_its_line() -> None:
    glued = f"{BODY[0]} 一、花呗逾期会打电话吗 {BODY[1]}"
    assert split_glued_headings([glued], ["一、花呗逾期会打电话吗"]) == [
        BODY[0], "一、花呗逾期会打电话吗", BODY[1]]


def test_a_dedecms_table_cell_gives_headings_sections_and_loses_its_furniture() -> None:
    """Body, headings, CTA, teasers and comments in one <td>, separated by <br> only."""
    cell = "<br><br>".join([
        BODY[0], "一、花呗逾期会打电话吗", BODY[1], "二、花呗逾期会上征信吗", BODY[3],
        "加微信 abc123 免费咨询，专业老师帮你处理。",
        "相关文章：<br><a href='/a/2.html'>借呗逾期多久会被起诉</a><br>"
        "很多人都想知道借呗逾期的后果…<br><a href='/a/3.html'>网贷逾期会上门吗</a><br>"
        "网贷逾期之后会不会有人上门催收呢…",
        "网友评论：<br>网友1：写得很详细，收藏了。<br>网友2：说得都是废话。",
    ])
    page = ("<html><head><meta charset='utf-8'><title>花呗逾期</title></head><body>"
            "<table><tr><td><h1>花呗逾期会打通讯录吗</h1></td></tr>"
            f"<tr><td class='content'>{cell}</td></tr></table></body></html>").encode()
    result = extract_html(page)
    assert list(result.paragraphs) == [BODY[0], "一、花呗逾期会打电话吗", BODY[1],
                                       "二、花呗逾期会上征信吗", BODY[3]]
    claims = tag_document("d1", result.text)
    assert claims and not any(c.text.startswith(("一、", "二、")) for c in claims)
    assert any(c.section == "一、花呗逾期会打电话吗" for c in claims)
    assert {"cta", "related_block"} <= {r.rule for r in result.removals}
    assert "网友" not in result.text and "…" not in result.text
