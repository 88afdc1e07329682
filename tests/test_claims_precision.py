"""Precision on real-style lines (probe40-41 round): a cue that makes no claim.

Each class has its own sentences, unlike the probe lines: template lines
(topic-list headings, related-question links, an editor's note on examples,
call-to-action boxes with a word between 添加 and 微信), and cues in another
sense (an early-repayment fee, a credit score as an input to the limit, a
contract clause named for reading, the borrower's own fear of a lawsuit).
Each class also has a near miss that must keep its topic.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of


@pytest.mark.parametrize(
    "sentence",
    [
        "网贷逾期问题大全：起诉、上门、征信",
        "信用卡知识合集：罚息、宽限期、分期",
        "催收常见套路一览：爆通讯录、上门、律师函",
    ],
)
def test_a_heading_that_lists_topics_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == () and a.boilerplate is not None


def test_a_summary_heading_with_a_sentence_keeps_its_claim() -> None:
    # 小编总结 opens real claims, and a colon followed by a sentence is no list
    assert "legal_action" in topics_of("小编总结：网贷逾期超过三个月，平台一般会起诉。")
    assert "legal_action" in topics_of("问题汇总：逾期三个月平台会起诉吗？")


@pytest.mark.parametrize(
    "sentence",
    [
        "相关问题：花呗逾期五天会被起诉吗",
        "相关问答：网贷逾期家人会知道吗？",
        "相关话题：信用卡逾期上门催收",
    ],
)
def test_related_question_links_are_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "上文说的罚息比例仅为举例，具体以合同为准。",
        "这里说的三个月起诉只是打个比方，并不是固定时间。",
        "文中列举的上门情形仅作参考示例。",
    ],
)
def test_an_editors_note_on_examples_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == () and a.boilerplate == "an editor's note on the article's own examples"


def test_an_example_inside_a_claim_is_not_a_note() -> None:
    assert "legal_action" in topics_of("有的平台逾期三个月就起诉，比如某银行。")


@pytest.mark.parametrize(
    "sentence",
    [
        "想了解停息挂账的，添加下面的客服微信咨询。",
        "加小编微信，帮你制定协商还款方案。",
        "还不上可以添加文末客服，帮你和平台沟通延期。",
    ],
)
def test_a_cta_with_a_word_before_the_contact_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == () and a.boilerplate == "call-to-action box"


def test_adding_a_relative_is_no_cta() -> None:
    assert "contacts_family" in topics_of("催收加了我家人的微信，天天发消息。")


@pytest.mark.parametrize(
    "sentence",
    [
        "这家银行的消费贷提前还清要收1%的违约金。",
        "部分产品提前结清会收取一笔手续费。",
        "提前还款需要支付剩余本金3%的违约金。",
    ],
)
def test_an_early_repayment_fee_is_no_penalty(sentence: str) -> None:
    assert "penalty_fees" not in topics_of(sentence)


def test_an_overdue_fee_beside_early_repayment_stays() -> None:
    # the rule reads the clause: a fee in the next clause is not re-read (nor is
    # 放款后三个月内提前还款，需支付违约金, a known miss of this clause scope)
    assert "penalty_fees" in topics_of("提前还款不收费，但逾期要按日收取违约金。")


@pytest.mark.parametrize(
    "sentence",
    [
        "审批时会参考芝麻分和公积金缴纳情况。",
        "初始额度根据芝麻信用综合评估得出。",
        "申请门槛是芝麻分600分以上。",
    ],
)
def test_a_credit_score_as_an_input_is_no_account_impact(sentence: str) -> None:
    assert "account_impact" not in topics_of(sentence)


def test_a_score_that_falls_is_still_account_impact() -> None:
    assert "account_impact" in topics_of("花呗逾期以后，芝麻分掉了五十多分。")


@pytest.mark.parametrize(
    "sentence",
    [
        "借钱之前一定要认真阅读合同中的罚息条款。",
        "签字前看清楚违约金是怎么约定的。",
        "记得留意借款协议里的滞纳金条款。",
    ],
)
def test_a_contract_clause_named_for_reading_is_no_fee_claim(sentence: str) -> None:
    assert "penalty_fees" not in topics_of(sentence)


def test_a_reading_advice_with_its_reason_keeps_the_fee() -> None:
    assert "penalty_fees" in topics_of("仔细阅读还款提醒，以免产生罚息。")


@pytest.mark.parametrize(
    "sentence",
    [
        "那几个月我最怕接到法院的传票。",
        "他整天提心吊胆，生怕哪天被平台起诉。",
        "我害怕被告上法庭，就先借钱还了一部分。",
    ],
)
def test_the_borrowers_fear_is_no_lawsuit_claim(sentence: str) -> None:
    assert "legal_action" not in topics_of(sentence)


def test_a_lawsuit_beside_a_fear_stays() -> None:
    assert "legal_action" in topics_of("我最怕的事还是发生了，三个月后平台真的起诉了我。")


@pytest.mark.parametrize(
    "sentence",
    [
        "最近三个月征信查询次数过多，申请房贷容易被卡。",
        "这款消费贷纯信用，全靠征信，不用担保。",
        "每申请一次网贷都会留下一条硬查询记录在个人征信上。",
    ],
)
def test_the_credit_file_read_for_an_application_is_no_overdue_record(sentence: str) -> None:
    assert "credit_report" not in topics_of(sentence)


def test_an_overdue_record_seen_by_a_lender_stays_a_credit_report_claim() -> None:
    assert "credit_report" in topics_of("逾期记录会上征信，银行查询时一眼就能看到。")


@pytest.mark.parametrize(
    "sentence",
    [
        "有了不良记录，以后办卡会被拒。",
        "征信上有逾期，买房贷款时会被拒。",
        "逾期记录没消除之前，再去申请网贷基本会被拒绝。",
    ],
)
def test_a_new_application_refused_does_not_deny_the_record_before(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics and a.stance == "affirms"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("向银行申请个性化分期，很可能会被拒绝。", "negotiation"),
        ("年化利率超过36%的那部分利息，借款人有权拒绝支付。", "penalty_fees"),
    ],
)
def test_a_refused_request_or_a_fee_refused_is_still_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics and a.stance == "denies"


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("去年跟银行谈下来，三个月只还利息不还本金。", (90, 90)),
        ("银行同意我先只还利息三个月，之后再恢复正常还款。", (90, 90)),
        ("协商成功后，一年内只还息不还本。", (None, 365)),
    ],
)
def test_an_interest_only_period_is_a_deferral_not_an_overdue_time(
    sentence: str, days: tuple[int | None, int | None]
) -> None:
    th = analyse(sentence).threshold
    assert th is not None and th.anchor == "installment" and (th.min_days, th.max_days) == days


def test_an_overdue_time_before_interest_only_stays_overdue() -> None:
    th = analyse("逾期三个月后，银行只同意我还利息。").threshold
    assert th is not None and th.anchor == "overdue" and th.min_days == 90
