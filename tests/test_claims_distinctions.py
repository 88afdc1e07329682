"""Two named things told apart are concepts, not events (session nine).

罚息和违约金不是一回事 says nothing happens to anyone; the set's precedent gives such lines no
topic, while a clause after it keeps its own, and its 前者 / 后者 points back at one of the
two things. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "罚息和违约金不是一回事，很多人容易弄混。",
        "协商还款和停息挂账，说的其实是两件事。",
        "个人征信和大数据风控是两套系统，很多人分不清。",
        "分期还款跟延期还款到底有什么区别？",
        "催收公司的电话与法院的传票不能划等号。",
        "芝麻分和央行征信是两套不同的系统。",
    ],
)
def test_things_told_apart_give_no_claim(text: str) -> None:
    a = analyse(text)
    assert a.topics == ()
    assert a.stance is None


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        # a later clause keeps its own claim
        ("网贷逾期和信用卡逾期是两回事，前者一般不会被判刑。", "criminal_risk", "denies"),
        # 前者 points back at the first thing: its cue counts
        ("失信记录和征信上的逾期是两码事，前者还清欠款后才会撤下。", "legal_action", "affirms"),
        # 后者 points back at the second thing
        ("花呗分期手续费跟逾期罚息不是一回事，后者按天计算。", "penalty_fees", "affirms"),
        # no distinction: 没有区别 says the two are the same, the claim stands
        ("网贷的逾期记录同样会上征信，和银行贷款没有区别。", "credit_report", "affirms"),
    ],
)
def test_distinction_near_misses_keep_their_claim(text: str, topic: str, stance: str) -> None:
    a = analyse(text)
    assert topic in a.topics
    assert a.stance == stance


def test_the_thing_not_pointed_at_gives_no_topic() -> None:
    # 前者 is the lawsuit list; the credit report named second is only told apart
    a = analyse("失信记录和征信上的逾期是两码事，前者还清欠款后才会撤下。")
    assert "credit_report" not in a.topics


def test_explanation_names_the_distinction() -> None:
    why = " ".join(analyse("罚息和违约金不是一回事，很多人容易弄混。").why())
    assert "not penalty_fees" in why and "told apart" in why
