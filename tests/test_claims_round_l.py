"""Round tagger-l (probe121-123, ids ql): mainstream FAQ articles on online-loan apps.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its old reading: a buffer after the due date (缓冲) is a grace period
and 记逾期 (without 为) denies one, while a money buffer is none; a message named
by what it says (所谓明天派人上门的短信) is the act of messaging, not the event
it names, while 所谓X的说法 stays a belief; 逾期的记录 is a credit record; 多由 /
多靠 are frequency hedges; a wait that must pass first (要过半个月才) keeps only
its minimum, while 又过了五年才 (a record's time) keeps its reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- 缓冲 as a grace period, 记逾期 as counted overdue ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("这家银行会多给两天缓冲，这两天里还上不算逾期。", "conditional"),
        ("白条没有任何缓冲时间，账单日一过就记逾期。", "denies"),
        ("还款日当晚没扣到款，系统第二天就记作逾期。", "denies"),
        ("多数消费金融公司没有这种缓冲。", "denies"),
    ],
)
def test_a_buffer_is_a_grace_period_and_counted_overdue_denies_it(
    sentence: str, stance: str
) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics and a.stance == stance


def test_a_buffers_days_are_the_overdue_time() -> None:
    assert days_of("平台一般会给三到五天的缓冲，这期间还清不会记逾期。") == (3, 5, "overdue")


def test_money_kept_aside_is_no_grace_period() -> None:
    # near miss: 缓冲资金 is savings, not a grace period
    assert topics_of("每个月最好留一笔缓冲资金，以防手头突然紧张。") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "跟客服说明困难后，可以申请一段缓冲时间再还。",
        "银行同意停催两个月，算是给了我一段缓冲。",
        "平台同意延期一个月，给了他喘口气的缓冲。",
    ],
)
def test_a_buffer_asked_for_or_granted_stays_negotiation(sentence: str) -> None:
    # near miss: a breathing space requested or granted is a deferral (the 缓冲期 sense)
    assert "negotiation" in topics_of(sentence) and "overdue_grace" not in topics_of(sentence)


# -- a message named by what it says ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "所谓明早就派人去你老家的短信，大多只是吓唬人。",
        "所谓今天下午就要立案起诉的消息，基本都是施压手段。",
        "所谓的已派专员上门核实地址的信息，多数只是走流程。",
    ],
)
def test_a_message_named_by_its_words_is_the_messaging(sentence: str) -> None:
    a = analyse(sentence)
    assert set(a.topics) == {"debtor_contact"} and a.stance == "affirms"


def test_a_so_called_claim_stays_a_rejected_belief() -> None:
    # near miss: 所谓X的说法 is a belief the author rejects, not a message
    a = analyse("所谓逾期三天就会上门的说法，其实是谣言。")
    assert "home_visit" in a.topics and a.stance == "denies"


# -- 逾期的记录 is a credit record ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这笔逾期的记录会一直留在个人报告上。",
        "那次逾期的记录在结清后还要保留五年。",
        "就算后来补上了，逾期的信息也删不掉。",
    ],
)
def test_an_overdue_record_with_de_is_credit_report(sentence: str) -> None:
    assert "credit_report" in topics_of(sentence)


def test_an_overdue_fee_with_de_is_no_credit_record() -> None:
    # near miss: 逾期的费用 is a fee, not a record
    assert topics_of("逾期的费用按日计算，每天万分之五。") == {"penalty_fees"}


# -- 多由 / 多靠 are frequency hedges --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "头几天的催收电话多由机器人拨出。",
        "小额欠款的提醒多靠短信推送。",
        "委外之后的电话多由外包公司的人打。",
    ],
)
def test_mostly_by_is_a_frequency_hedge(sentence: str) -> None:
    assert analyse(sentence).hedge == "frequency"


def test_many_without_by_gives_no_hedge() -> None:
    # near miss: 许多 is no hedge of this kind
    assert analyse("催收公司给我打了许多电话。").hedge == "none"


# -- a wait that must pass first keeps only its minimum ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("首次逾期的用户，一般要过十天才会被报送征信。", (10, None, "overdue")),
        ("欠款得过两个月才会转给外包公司。", (60, None, "overdue")),
        ("逾期通常需要过三个月才会走诉讼程序。", (90, None, "overdue")),
    ],
)
def test_a_wait_that_must_pass_is_a_minimum(
    sentence: str, days: tuple[int, None, str]
) -> None:
    assert days_of(sentence) == days


def test_a_plain_overdue_time_stays_exact() -> None:
    # near miss: 逾期三个月就会起诉 names the time itself
    assert days_of("逾期三个月就会被起诉。") == (90, 90, "overdue")


# -- a repayment within a span names no record's time ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "银行一般留三天的缓冲，这期间还清就不算逾期。",
        "有的平台给两天的缓冲，在期间内还清不会记逾期。",
        "网贷大多给一到两天的缓冲，这期间还上也不会记逾期。",
    ],
)
def test_repaid_within_the_buffer_is_no_retention(sentence: str) -> None:
    th = analyse(sentence).threshold
    assert th is not None and th.anchor == "overdue"


def test_a_settled_debts_record_keeps_retention() -> None:
    # near miss: 还清后保留五年 is the record's time
    assert days_of("逾期记录在还清后还会保留五年。") == (1825, 1825, "retention")


# -- a negotiation that failed is a premise ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("只有跟银行协商了多次都谈不拢，银行才会把案子交给法院。", "legal_action"),
        ("协商了好几轮都没谈成，平台最后起诉了我。", "legal_action"),
        ("协商无果的账户，平台一般会转给外包公司。", "third_party_agency"),
    ],
)
def test_a_failed_negotiation_gives_no_negotiation(sentence: str, topic: str) -> None:
    assert topics_of(sentence) == {topic}


@pytest.mark.parametrize(
    "sentence",
    ["跟客服协商还款，最后谈成了分12期。", "第一次协商失败的话，隔一周再打客服申请一次。"],
)
def test_a_negotiation_agreed_or_tried_again_stays_negotiation(sentence: str) -> None:
    # near miss: 谈成了 is a plan agreed; a first failure followed by a retry is still one
    assert "negotiation" in topics_of(sentence)


# -- the day paid late named by another overdue word is day 0 ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "花呗晚还当天就会开始计罚息。",
        "借呗晚还的当天就算逾期。",
        "白条晚还当天，额度就会被冻结。",
    ],
)
def test_the_day_paid_late_is_overdue_day_zero(sentence: str) -> None:
    assert days_of(sentence) == (0, 0, "overdue")


def test_the_due_day_itself_is_no_overdue_day() -> None:
    # near miss: 还款日当天 is the due date, no overdue time
    assert days_of("还款日当天还上不算逾期。") is None
