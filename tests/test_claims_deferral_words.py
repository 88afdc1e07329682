"""Probe 288 (session nine): words of a lender's products and agreements read by what they
name. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    ("text", "topic", "not_topic"),
    [
        ("逾期以后，账户里的分期服务也会被暂停。", "account_impact", "negotiation"),
        ("平台一般愿意给困难用户一个缓冲的方案。", "negotiation", "overdue_grace"),
        ("协商好以后，客服会以录音的形式确认新的还款计划。", "negotiation", "complaints_rights"),
    ],
)
def test_words_read_by_what_they_name(text: str, topic: str, not_topic: str) -> None:
    a = analyse(text)
    assert topic in a.topics
    assert not_topic not in a.topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the near misses: an instalment plan asked for, a recording kept as evidence
        ("可以向银行申请分期服务，把欠款分成12期。", "negotiation"),
        ("记得把催收的通话录音保存好。", "complaints_rights"),
    ],
)
def test_the_ordinary_senses_stay(text: str, topic: str) -> None:
    assert topic in analyse(text).topics
