"""Round tagger-e (probe60-62, ids qe): products and money on real-style lines.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: a rate merely compared with the legal cap; a lender's fee
counted in the loan's cost; a loan named by its credit check or by its not
reporting; rarity put with other degree words; a function or service of the
account stopped; an excessive charge named as what one may complain about.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a rate compared with the legal cap describes a product ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "正规消费金融的利率一般在18%到24%之间，超过24%的很少。",
        "比较下来，这几款产品没有一款超过36%的。",
        "银行系的信用贷几乎找不到超出24%的。",
    ],
)
def test_a_rate_compared_with_the_cap_is_no_claim(sentence: str) -> None:
    assert "penalty_fees" not in topics_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("超过36%的那部分利息，借款人可以拒绝支付。", "denies"),
        ("利息、服务费加在一起超过24%的部分，法院不予支持。", "denies"),
        ("网贷超过36%的利息还要还吗？", "question"),
    ],
)
def test_the_part_above_the_cap_keeps_its_claim(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert a.stance == stance


# -- a lender's fee counted in the loan's cost is no paid debt service ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这笔贷款除了利息还收了服务费和担保费，超过24%的部分不受保护。",
        "放款时平台先扣了一笔服务费，到手的钱比借款合同上的少了一截。",
        "借款合同里写明的服务费，本质上也是借款成本的一部分。",
    ],
)
def test_a_lenders_fee_is_no_debt_help_scam(sentence: str) -> None:
    assert "debt_help_scam" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "所谓的债务优化机构会先收一笔服务费，事后人就联系不上了。",
        "那些代理协商的人收的服务费，往往比你欠的罚息还多。",
    ],
)
def test_a_paid_service_still_is_one(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "debt_help_scam" in topics
    assert "penalty_fees" not in topics


# -- a loan named by its credit check or its not reporting ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("不上征信的小贷平台，逾期了一样会被起诉。", {"legal_action"}),
        ("这些不看征信的口子，利息往往高得吓人。", set()),
        ("很多不查征信的借款APP其实就是高利贷。", set()),
    ],
)
def test_a_kind_of_loan_is_no_credit_claim(sentence: str, expected: set[str]) -> None:
    assert topics_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("这家小平台的借款逾期是不上征信的。", "denies"),
        ("逾期超过90天，大部分平台都会上征信。", "conditional"),
    ],
)
def test_reporting_said_of_a_loan_stays_a_credit_claim(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("credit_report",)
    assert a.stance == stance


# -- rarity put with other degree words ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("催收员真的上门的情况非常少见。", "home_visit"),
        ("平台为了几千块去起诉，这种事十分少见。", "legal_action"),
        ("爆通讯录的做法在持牌机构里并不多见。", "contacts_family"),
    ],
)
def test_rarity_with_a_degree_word_denies_with_frequency(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert (a.stance, a.hedge) == ("denies", "frequency")


def test_rarity_denied_is_no_denial() -> None:
    a = analyse("这两年上门催收的情况并不少见。")
    assert "home_visit" in a.topics
    assert (a.stance, a.hedge) == ("affirms", "frequency")


# -- a function or service of the account stopped ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期以后，先用后付功能会被停掉。",
        "平台会直接停掉你的分期功能，直到欠款还清。",
        "借款服务被停掉以后，要等结清才能重新申请。",
    ],
)
def test_a_stopped_function_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_a_phone_line_stopped_is_no_account_impact() -> None:
    assert "account_impact" not in topics_of("手机号被停掉了，催收电话也打不进来。")


# -- an excessive charge named as what one may complain about --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "对于乱收的高额利息，可以打12378投诉。",
        "超过36%的部分利息，借款人可以向监管部门举报。",
        "针对超出法定上限的利息和费用，可以向当地金融办投诉。",
    ],
)
def test_a_charge_complained_of_is_the_complaints_object(sentence: str) -> None:
    assert topics_of(sentence) == {"complaints_rights"}


def test_a_penalty_stated_then_complained_of_keeps_both() -> None:
    assert topics_of("逾期会产生罚息，罚息算错了可以直接投诉。") == {
        "penalty_fees",
        "complaints_rights",
    }


# -- probe62: kin named as debtors, applicants or people in a story --------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我姐姐去年也在网贷上逾期过，后来慢慢还清了。",
        "父亲的房贷断供半年，房子差点被拍卖。",
        "舅舅的征信上有好几条逾期记录。",
    ],
)
def test_kin_merely_named_are_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员直接给我姐姐打电话，说我欠钱不还。",
        "平台把我父母的电话都打遍了。",
    ],
)
def test_kin_reached_stay_contacts(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


# -- a call about a job is hiring -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "HR打电话来做背调，只问了离职原因。",
        "入职前人事会打电话核实学历。",
        "面试官打来电话说我被录用了。",
    ],
)
def test_a_hiring_call_is_no_collection_contact(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_collector_calling_the_hr_office_stays_a_contact() -> None:
    assert "contacts_family" in topics_of("催收打电话到公司人事部，说我欠钱不还。")


# -- the right to refuse the part above the cap, in other words ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "超出LPR四倍的利息，借款人有权拒付。",
        "超过36%的那部分，借款人有权不支付。",
        "合计超过24%的部分，借款人有权不偿还。",
    ],
)
def test_the_right_not_to_pay_denies_the_charge(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert (a.stance, a.modality) == ("denies", "normative")


def test_a_penalty_still_owed_is_affirmed() -> None:
    a = analyse("逾期后的罚息，借款人还是要付的。")
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


# -- how long one kept borrowing to repay is no overdue threshold ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "靠以贷养贷硬撑了八个月，最后还是全面逾期了。",
        "借新还旧撑了一年多，终于还是逾期了。",
        "拆东墙补西墙三年，欠款越滚越多，最后全部逾期。",
    ],
)
def test_a_span_of_borrowing_to_repay_is_no_threshold(sentence: str) -> None:
    assert analyse(sentence).threshold is None


def test_an_overdue_span_stays_a_threshold() -> None:
    t = analyse("逾期八个月以后，平台起诉了我。").threshold
    assert t is not None and (t.min_days, t.anchor) == (240, "overdue")


# -- a count of calls a day is a frequency ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期以后，电话一天能接二三十个。",
        "催收电话一天打来七八个，根本没法工作。",
        "最多的时候短信一天收到十几个。",
    ],
)
def test_a_count_per_day_is_no_threshold(sentence: str) -> None:
    assert analyse(sentence).threshold is None


def test_an_overdue_day_before_a_count_stays() -> None:
    t = analyse("逾期两个月后，电话一天能接几十个。").threshold
    assert t is not None and (t.min_days, t.anchor) == (60, "overdue")
