"""Segmentation: sentences, list items and heading paths (pipeline.claims.segment)."""

from __future__ import annotations

import pytest

from pipeline.claims.segment import heading_level, list_marker, segment, split_sentences


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("先还最低额。再协商分期！", ["先还最低额。", "再协商分期！"]),
        ("会上门吗？不会；只是打电话", ["会上门吗？", "不会；", "只是打电话"]),
        ("额度有1.5万元，利息按日算。", ["额度有1.5万元，利息按日算。"]),
        ("详见3.1节的说明。", ["详见3.1节的说明。"]),
        ("平台说……其实不会", ["平台说……", "其实不会"]),
        ("他说“不会起诉。”然后挂了", ["他说“不会起诉。”", "然后挂了"]),
        ("teaser cut off... 下一句", ["teaser cut off...", "下一句"]),
        ("  。。  ", []),
    ],
)
def test_split_sentences(line: str, expected: list[str]) -> None:
    assert split_sentences(line) == expected


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("1. 先打电话", "1. "),
        ("2、再发短信", "2、"),
        ("（4）最后起诉", "（4）"),
        ("(二) 协商", "(二) "),
        ("③ 上门", "③ "),
        ("a. 投诉", "a. "),
        ("• 保留录音", "• "),
        ("1.5万元以下不会起诉", ""),
        ("3.1 催收流程", ""),
        ("逾期3天", ""),
    ],
)
def test_list_marker(line: str, marker: str) -> None:
    assert list_marker(line) == marker


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、逾期的后果", 1),
        ("（二）会不会上门", 2),
        ("3.1 催收流程", 2),
        ("2.3.1 电话催收", 3),
        ("第二节 协商还款", 1),
        ("借呗逾期会爆通讯录吗？", 0),
        ("小编总结", 0),
        ("一、逾期后，银行会先打电话。然后发短信。", None),
        ("阅读：321 | 时间：2024-03-01", None),
        ("1. 逾期三天以内只发短信", None),
        ("网贷逾期以后，平台一般会先发短信提醒，再打电话", None),
    ],
)
def test_heading_level(line: str, level: int | None) -> None:
    assert heading_level(line) == level


DOC = """借呗逾期的那些事
一、会不会上征信
借呗逾期后会上报征信。一般次日就能查到
3.1 多久上报
1、逾期1天就报送；
2、部分机构有3天宽限期。
二、会不会联系家人？
正规平台不会爆通讯录。
小编总结
总之，逾期后尽快还款。
"""


def test_document_sections_items_and_order() -> None:
    segs = segment(DOC)
    assert [s.text for s in segs] == [
        "借呗逾期后会上报征信。",
        "一般次日就能查到",
        "逾期1天就报送；",
        "部分机构有3天宽限期。",
        "正规平台不会爆通讯录。",
        "总之，逾期后尽快还款。",
    ]
    kinds = ["sentence", "sentence", "item", "item", "sentence", "sentence"]
    assert [s.kind for s in segs] == kinds
    assert segs[0].section == "一、会不会上征信"
    assert segs[2].section == "一、会不会上征信 > 3.1 多久上报"
    assert segs[4].section == "二、会不会联系家人？"
    assert segs[5].section == "小编总结"


@pytest.mark.parametrize(
    "text",
    ["逾期了会被抓去坐牢吗？", "一、逾期后会怎样", "3.1 逾期多久会上门", "小编总结"],
)
def test_single_line_is_a_sentence_not_a_heading(text: str) -> None:
    segs = segment(text)
    assert [s.text for s in segs] == [text]
    assert segs[0].section == ""


def test_last_short_line_of_a_document_is_a_sentence() -> None:
    segs = segment("一、上门\n网贷逾期会上门吗？")
    assert [(s.text, s.section) for s in segs] == [("网贷逾期会上门吗？", "一、上门")]


def test_list_item_with_two_sentences_gives_two_items() -> None:
    segs = segment("（1）先打客服。再申请分期。")
    assert [(s.text, s.kind) for s in segs] == [("先打客服。", "item"), ("再申请分期。", "item")]
