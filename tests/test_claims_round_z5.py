"""Round z5 (session twelve): classes found by blind probes 370 on, spoken and insider text.

Each class has sentences of its own and a near miss that keeps the old reading: the speaker's
own disclaimer 不是吓唬你 is neither a quoted threat nor a negation of the claim after it;
repaying a day sooner (能早还一天是一天) is no overdue threshold; the reader's disbelief or
ignorance framing a claim (你们可能不信, 你可能不知道) is no possibility hedge; the reader's own
case put as a condition (你要是还不上就主动打客服电话…) leads to advice.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- the speaker's disclaimer 不是吓唬你 -------------------------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("主播真不是吓唬你，网贷逾期之后上征信是跑不掉的。", "credit_report"),
        ("我不是在吓唬大家，借呗逾期后额度会被冻结。", "account_impact"),
        ("不是危言耸听，信用卡逾期会产生罚息。", "penalty_fees"),
    ],
)
def test_the_speakers_disclaimer_keeps_the_claim(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert "debtor_contact" not in a.topics
    assert a.stance != "denies"


def test_a_collector_scaring_you_stays_an_act_of_contact() -> None:
    # near miss: the collector's threat is quoted, the act of threatening is the claim
    a = analyse("催收在电话里吓唬你，说明天就去你单位。")
    assert tuple(a.topics) == ("debtor_contact",)


def test_a_real_threat_said_not_to_be_a_bluff_keeps_its_event() -> None:
    # near miss: 不是吓唬你的 after the cue: the visit is real, as before
    a = analyse("上门催收可不是吓唬你的，真的会来。")
    assert "home_visit" in a.topics
    assert a.stance == "affirms"


# -- repaying a day sooner is no overdue threshold -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "分期乐的罚息按天算，能早还一天是一天。",
        "罚息每天都在涨，早一天还就少一天的利息。",
    ],
)
def test_repaying_a_day_sooner_is_no_threshold(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert a.threshold is None or a.threshold.anchor is None
    assert a.stance == "affirms"


def test_an_overdue_day_stays_a_threshold() -> None:
    # near miss: 逾期一天 is an overdue threshold and makes the claim conditional
    a = analyse("信用卡逾期一天就会产生罚息。")
    assert a.threshold is not None
    assert a.threshold.min_days == 1
    assert a.stance == "conditional"


# -- the reader's disbelief framing a claim is no hedge ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "说一个你们可能不信的：我们打给你家人的次数远比打给你本人的少。",
        "你可能不知道，催收公司会打给你的紧急联系人。",
    ],
)
def test_the_readers_disbelief_is_no_hedge(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.hedge == "none"


def test_a_possibility_on_the_event_stays_a_hedge() -> None:
    # near miss: 可能不会上门 hedges the event itself
    a = analyse("平台可能不会上门，但会打电话给紧急联系人。")
    assert a.hedge == "possibility"


# -- the reader's own case as a condition, then an instruction ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "你要是真的还不上就主动打客服电话说明情况申请延期还款",
        "如果你实在还不上，主动联系平台申请分期。",
    ],
)
def test_the_readers_case_then_an_instruction_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.modality == "advice"
    assert a.stance == "conditional"


def test_the_readers_case_then_what_happens_stays_descriptive() -> None:
    # near miss: after the condition the sentence tells what happens, no instruction
    a = analyse("你要是一直不还就会被起诉。")
    assert a.modality == "descriptive"


def test_calling_the_service_line_at_a_sentence_start_stays_descriptive() -> None:
    # near miss: with no case before it, the call is the step the claim describes (p066)
    a = analyse("主动打客服电话说明困难，借呗一般能给几天的缓冲期。")
    assert a.modality == "descriptive"


# -- data or words a debt-help service sells on are no debt sale -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这些机构拿到你的身份证和验证码后，转手就把信息卖给了贷款中介。",
        "那个中介收了钱，回头把你的信息卖给了别的贷款公司。",
        "所谓上岸导师，就是把网上免费的话术打包卖给你。",
    ],
)
def test_data_or_words_sold_on_are_no_debt_sale(sentence: str) -> None:
    a = analyse(sentence)
    assert "bad_debt_transfer" not in a.topics


def test_a_debt_sold_in_a_package_stays_a_debt_sale() -> None:
    # near miss: the debt itself sold in a package
    a = analyse("银行会把逾期很久的欠款打包卖给资产管理公司。")
    assert "bad_debt_transfer" in a.topics
