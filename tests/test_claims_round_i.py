"""Round tagger-i (probe100-102, ids qi): stance, hedge and conditions.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


def _stance(sentence: str, topic: str) -> str | None:
    a = analyse(sentence)
    assert topic in a.topics, (sentence, a.topics)
    return a.stance


# -- two negations that cancel before the cue: the event is affirmed ---------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # a negator right against another (不是不会, 不可能不, 没有不)
        ("欠款拖得久了，催收也不是不会上门。", "home_visit"),
        ("欠了这么大一笔信用卡，银行不可能不起诉。", "legal_action"),
        # a negated "which / who" whose predicate is negated again: every one does
        ("没有哪家银行是不上报征信的。", "credit_report"),
        ("没有谁逾期了是不被催收电话找上门的。", "debtor_contact"),
    ],
)
def test_stacked_negations_affirm(sentence: str, topic: str) -> None:
    assert _stance(sentence, topic) == "affirms"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # near misses: negators apart, on other verbs, keep the denial
        ("平台不会因为你没有按时还款就上门。", "home_visit"),
        ("逾期了也不会上门，这一点不用担心。", "home_visit"),
        ("没有律师函的话，银行一般不会起诉。", "legal_action"),
    ],
)
def test_negations_apart_still_deny(sentence: str, topic: str) -> None:
    assert _stance(sentence, topic) == "denies"


# -- a rhetorical question asserts the opposite: it denies, and is no question -----------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("难道逾期两千块钱就要被抓去坐牢吗？", "criminal_risk"),
        ("银行怎么可能为了几百块钱去法院起诉你。", "legal_action"),
        ("催收公司哪可能真的跑到你老家上门？", "home_visit"),
        ("小额网贷岂会真的去起诉一个学生。", "legal_action"),
    ],
)
def test_rhetorical_question_denies(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "none"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # near misses: a real question stays a question; 可能 stays a possibility
        ("网贷逾期以后会不会被起诉？", "legal_action"),
        ("逾期半年的信用卡会被起诉吗？", "legal_action"),
    ],
)
def test_real_question_stays(sentence: str, topic: str) -> None:
    assert _stance(sentence, topic) == "question"


def test_plain_possibility_is_kept() -> None:
    a = analyse("欠款金额较大的，银行可能会起诉。")
    assert a.hedge == "possibility"
    assert a.stance != "denies"


# -- a share of cases put as a number of chance is a frequency hedge ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "欠款只有几千的，百分之九十的平台不会起诉。",
        "逾期用户里八成只会接到本人的催收电话。",
        "这类小贷公司99%不会真的上门。",
    ],
)
def test_share_is_frequency(sentence: str) -> None:
    assert analyse(sentence).hedge == "frequency"


def test_fee_percentage_is_no_hedge() -> None:
    # near miss: a rate is no share of cases
    assert analyse("逾期后银行会收取欠款百分之五的违约金。").hedge == "none"


# -- a precondition named as a subject, with a comma before its 是 ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "银行同意停息挂账的前提，是你能证明自己确实失业了。",
        "申请个性化分期的前提条件是先还一部分本金。",
        "想让平台减免罚息，前提就是一次性结清。",
    ],
)
def test_named_precondition_is_conditional(sentence: str) -> None:
    assert analyse(sentence).stance == "conditional"


def test_no_precondition_stays_affirmed() -> None:
    # near miss: a plain statement of what the bank does
    assert analyse("银行同意了我的停息挂账申请。").stance == "affirms"


def test_without_is_no_second_negation() -> None:
    # near miss: 未经 is "without"; the visit is still denied
    assert _stance("催收人员不会未经允许直接上门。", "home_visit") == "denies"
