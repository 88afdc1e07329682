"""Session eighteen: classes found by helper sessions' blind lines (bank card rules, helper N's
probe457-459; then social posts, debt-relief pages, paraphrased rules, product FAQs, spun
copies and titles, probe460-477) and the real pages behind them.

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- an emphatic 并 before an after-cue denial keeps the denial whole ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "只晚了一两天的话，对你的征信并不会有什么影响。",
        "逾期这件事跟家里人的通讯录并没有关系。",
        "上不上门跟你欠多少并无关。",
        "对芝麻分并不会受到影响，放心好了。",
    ],
)
def test_an_emphatic_denial_after_the_cue_denies(sentence: str) -> None:
    assert analyse(sentence).stance == "denies"


def test_the_plain_emphatic_negator_still_denies_what_follows() -> None:
    # near miss: 并不 before the cue denies it as before
    a = analyse("银行并不会因为晚还一天就上报征信。")
    assert a.topics == ("credit_report",)
    assert a.stance == "denies"


# -- a charge abolished and replaced by another way of charging goes on ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "不少银行已经取消了全额罚息，改为只按未还的金额计息。",
        "这家银行不再收滞纳金了，改成收违约金。",
    ],
)
def test_a_charge_replaced_is_still_charged(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


def test_a_charge_abolished_outright_is_denied() -> None:
    # near miss: nothing replaces it
    a = analyse("全额罚息在几年前就已经取消了。")
    assert a.topics == ("penalty_fees",)
    assert a.stance == "denies"


# -- a limit brought down, interest turning up on a bill ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期一个多月以后，银行把我的信用卡额度降到了五千。",
        "有的银行会直接把可用额度压下来。",
        "晚还几天，额度就被降了一半。",
    ],
)
def test_a_limit_brought_down_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "我就差了两块钱没还清，下个月账单上多出了二十多块利息。",
        "少还了一点点，银行多收了好几十的利息。",
    ],
)
def test_interest_turning_up_for_a_sum_left_unpaid_is_a_penalty(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


def test_a_later_bill_is_no_overdue_time() -> None:
    # the month names the bill, not how long the debt was overdue
    assert days_of("差了两块没还，第二个月账单上就多出了利息。") is None
    # near miss: a month overdue is a threshold
    assert days_of("逾期两个月以后，罚息会越滚越多。") == (60, None, "overdue")


# -- the borrower closing the account as a way out is no account closed -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "销户也抹不掉逾期记录，它会在征信上留足五年。",
        "有人以为销户就能把不良记录清掉，其实记录照样在。",
    ],
)
def test_closing_the_account_to_clear_a_record_is_no_account_impact(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "credit_report" in topics
    assert "account_impact" not in topics


def test_the_lender_closing_the_account_is_account_impact() -> None:
    # near miss: the bank closes it
    assert "account_impact" in topics_of("逾期太久的话，银行可能会直接给你销户。")


# -- a message said to be fake -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["这种短信基本都是假的，别理它。", "那条起诉通知多半是假的。"],
)
def test_a_message_said_to_be_fake_is_fake_collection(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert a.stance == "affirms"


# -- lines that say nothing of what a lender does ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "违约金和宽限期每家银行的规定都有差异，具体以银行客服的答复为准。",
        "不同平台的催收做法不尽相同，具体请以平台公告为准。",
        "经常有粉丝私信问我，花呗逾期会不会上门，其实……",
    ],
)
def test_a_varies_by_lender_line_or_a_cut_off_lead_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_told_question_with_its_answer_is_a_claim() -> None:
    # near miss: the answer follows
    a = analyse("经常有粉丝私信问我，花呗逾期会不会上门，其实正规平台基本不会上门。")
    assert a.topics == ("home_visit",)
    assert a.stance == "denies"
