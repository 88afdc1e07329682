"""An event granted to exist, then called rare after a contrast word, is denied with a
frequency hedge (session nine): 判刑的案例确实有，但比例非常低. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("信用卡欠款被判刑的案例确实有，但比例非常低。", "criminal_risk"),
        ("催收真的派人上门的情况不是没有，不过真的很少。", "home_visit"),
        ("网贷逾期被平台起诉的确实存在，但数量极少。", "legal_action"),
    ],
)
def test_granted_then_rare_denies(text: str, topic: str) -> None:
    a = analyse(text)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


@pytest.mark.parametrize(
    "text",
    [
        # the contrast clause narrows the event instead of calling it rare
        "上门催收确实有，但一般只针对大额欠款。",
        # no grant before the contrast: the rarity word is not about the first clause's event
        "逾期后催收会打电话，但很多人并不在意。",
    ],
)
def test_without_grant_and_rarity_the_event_stands(text: str) -> None:
    assert analyse(text).stance == "affirms"
