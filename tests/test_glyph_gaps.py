"""Glyph gaps: stripped words are flagged with their offsets, ordinary spacing is not."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_html
from pipeline.glyph_gaps import (
    GAP,
    MAX_FLAGGED,
    find_gaps,
    gap_context,
    gap_flags,
    gap_offsets,
    likely_missing,
)

WHOLE = "逾期7天以上，会有人工客服打电话催收。催收人员一天打几十个电话，言语中充满了辱骂。"


def strip(text: str, word: str = "电话") -> str:
    """*text* as a glyph-gap site shows it: the word replaced by a space."""
    return text.replace(word, " ")


@pytest.mark.parametrize(
    ("gapped", "word_at"),
    [
        (strip(WHOLE), [WHOLE.index("电话"), WHOLE.rindex("电话") - 1]),
        ("催收方式有很多种，比如短信、 等方式。", [len("催收方式有很多种，比如短信、")]),
        ("比如短信提醒、 催收、信函催收等。", [len("比如短信提醒、")]),
        ("请保存好证据，，然后向银保监会投诉。", [len("请保存好证据，")]),
        ("可以拨打官方客服（）进行协商。", [len("可以拨打官方客服（")]),
    ],
    ids=["space-between-han", "empty-enum-item", "space-after-enum-comma", "double-comma",
         "empty-brackets"],
)
def test_gaps_are_found_where_the_word_was(gapped: str, word_at: list[int]) -> None:
    assert [g.offset for g in find_gaps(gapped)] == word_at


def test_empty_list_item_is_a_gap() -> None:
    text = "催收方式有：\n1、短信提醒\n2、\n3、上门催收"
    gaps = find_gaps(text)
    assert [g.kind for g in gaps] == ["empty_item"]
    assert text[: gaps[0].offset].endswith("2、")


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 经过有关部门的调查，现初步查明原因。",
        "新京报记者 彭冲 山东冠县报道",
        "记者 刘涛",
        "拆房屡出命案 管理形同虚设",
        "他一直是我的榜样。” 简单生活 在他1997年的自传中写道。",
        "2002年10月9日 杨恭如在铜锣湾遭辱打。",
        "【字体：大 中 小】【打印】，【关闭】",
        "| 游客 欢迎你！ | 首页 |",
        "根本就没想给 中国人 做音乐听，而是在给别人。",
        "短信、电话、信函等方式，都是常见的催收手段，等到逾期久了还会上门。",
    ],
)
def test_ordinary_spacing_is_not_a_gap(text: str) -> None:
    assert find_gaps(text) == []


def test_hard_wrapped_text_is_not_full_of_gaps() -> None:
    wrapped = "\n".join([
        "哪一部份人的共同利益越多，哪一部份人的集体行动的凝聚力就越大。哪一部份人对",
        "共同利益的自我意识越强，哪一部份人投入实际的集体行动 的可能性就越高。在争取",
        "思想自由的斗争中，知识份子的参与程度往往高於他人，这多少可以解释为思想自由",
        "更关系到知识份子的自身利益。青年学生在这种斗争中每每扮演先锋角色，那显然又",
    ])
    assert find_gaps(wrapped) == []
    assert find_gaps(wrapped.replace("\n", "。\n")) != []  # the same space in prose is a gap


def test_flags_are_bounded_and_round_trip() -> None:
    text = "\n".join([strip(WHOLE)] * 30)
    flags = gap_flags(text)
    offsets = gap_offsets(flags)
    assert len(offsets) == MAX_FLAGGED
    assert flags[-1] == "glyph_gap_count:60"
    assert all(text[o] == " " for o in offsets)
    assert gap_flags(WHOLE) == ()


def test_extraction_flags_gaps_without_touching_the_text() -> None:
    paras = "".join(f"<p>{strip(WHOLE)}{i}</p>" for i in range(3))
    html = (f"<html><head><meta charset='utf-8'></head><body><article>{paras}</article>"
            "</body></html>")
    result = extract_html(html.encode())
    offsets = gap_offsets(result.flags)
    assert offsets and all(result.text[o] == " " for o in offsets)
    assert strip(WHOLE) in result.text  # stored text is the page's, gaps and all
    assert f"glyph_gap_count:{len(offsets)}" in result.flags


def test_gap_context_marks_the_gap() -> None:
    gapped = strip(WHOLE)
    offset = find_gaps(gapped)[0].offset
    assert gap_context(gapped, offset, width=4) == f"人工客服打{GAP}催收。催"[1:]


@pytest.mark.parametrize(
    ("mate", "expected"),
    [
        (WHOLE, "电话"),
        ("据了解，逾期7天以上，会有人工客服打电话催收。", "电话"),
        ("逾期7天以上，會有人工客服打電話催收。", "電話"),  # the mate's own word
        (strip(WHOLE), None),  # the mate has the same gap
        ("花呗逾期后会影响征信，建议尽快还款。", None),  # the mate is not about this spot
    ],
    ids=["same-text", "reposted-with-intro", "traditional-mate", "mate-has-gap", "unrelated"],
)
def test_likely_missing_reads_the_word_from_a_cluster_mate(mate: str, expected: str | None
                                                           ) -> None:
    gapped = strip(WHOLE)
    context = gap_context(gapped, find_gaps(gapped)[0].offset)
    assert likely_missing(context, mate) == expected


def test_likely_missing_refuses_ambiguous_fillings() -> None:
    context = f"客服打{GAP}催收"
    assert likely_missing(context, "客服打电话催收，客服打短信催收") is None
    assert likely_missing("没有标记的文字", WHOLE) is None


def test_likely_missing_matches_a_traditional_mate_through_normalization() -> None:
    context = f"催收人員打{GAP}給家屬"  # no two-character anchor is the same in both scripts
    assert likely_missing(context, "催收人员打电话给家属") == "电话"
