"""Round tagger-x: lenders the sets have seen little of (consumer-finance firms, loan apps).

Each class has sentences of its own and a near miss that keeps the old reading:
对象 as the party a payment, a loan or a sold debt goes to (还款对象, 放款对象) is no
partner; a letter posted to a registered address (寄到户籍地址) is mail, no visit; a
limit word kept apart from its duration by a modal and the verb the duration measures
(最长能往后延3个月) still gives a maximum only.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- 对象 as the party paid or sold to is no partner ----------------------------------------


@pytest.mark.parametrize("sentence", [
    "欠款被卖掉以后，还款对象就变成了买下这笔账的公司。",
    "这类小额贷款的放款对象主要是有稳定工资的上班族。",
    "转让的对象多是各地的资产管理公司，借款人没法自己挑。",
])
def test_party_paid_or_sold_to_is_no_partner(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_partner_called_stays_a_contact() -> None:
    # near miss: 对象 as the borrower's partner, reached by a call
    assert "contacts_family" in topics_of("催收员昨天把电话打到了我对象那里。")


# -- a letter posted to a registered address is no visit -----------------------------------


@pytest.mark.parametrize("sentence", [
    "起诉之前，平台通常会把律师函寄到借款人的户籍地址。",
    "催款通知书会用快递发到你身份证上的户籍地。",
    "这封信函最后被邮寄到了他老家的户籍地址。",
])
def test_letter_posted_to_registered_address_is_no_visit(sentence: str) -> None:
    assert "home_visit" not in topics_of(sentence)


def test_someone_going_to_registered_address_stays_a_visit() -> None:
    # near miss: a person goes to the registered address
    assert "home_visit" in topics_of("欠款金额大的话，外访人员可能会去你的户籍地核实情况。")


# -- a limit word before a modal and a verb keeps the maximum --------------------------------


@pytest.mark.parametrize(("sentence", "days"), [
    ("这款贷款遇到困难可以申请延期，最长能往后推两个月。", 60),
    ("和客服商量好的话，最多可以延期一个月再还。", 30),
    ("疫情期间银行答应停催，最长能暂停三个月。", 90),
])
def test_limit_before_modal_and_verb_is_max_only(sentence: str, days: int) -> None:
    got = days_of(sentence)
    assert got is not None
    assert got[0] is None
    assert got[1] == days


def test_an_instalment_term_keeps_its_days() -> None:
    # near miss (as round r): 分 is the instalment term, not a deferral
    assert days_of("协商成功后，欠款最长可以分三年还清。") == (1095, 1095, "installment")


def test_other_words_after_limit_keep_bare_reading() -> None:
    # near miss: 最多 names the most common case, not a limit on the duration
    got = days_of("来咨询的人里，最多的是逾期两个月左右的借款人。")
    assert got is not None
    assert got[0] == got[1] == 60


# -- the claim itself passed on (债权…被转给) is a debt sale -----------------------------------


@pytest.mark.parametrize("sentence", [
    "网贷公司关门以后，这笔债权多半被转到了别的公司名下。",
    "欠款拖了一年多，他的债权被转手给了外地一家公司。",
    "小贷公司的这类债权可能被转移给专门收坏账的机构。",
])
def test_claim_passed_on_is_a_debt_sale(sentence: str) -> None:
    assert "bad_debt_transfer" in topics_of(sentence)


def test_money_paid_to_a_creditor_is_no_debt_sale() -> None:
    # near miss: 债权人 asks for money to be sent on, nothing is sold
    assert "bad_debt_transfer" not in topics_of("债权人要求你把钱转给他指定的账户。")


# -- 最多 as a limit is no frequency hedge ------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "按规定，催收员每天最多会给本人打两次电话。",
    "这家平台的短信提醒最多会连发三天。",
    "上门核实最多是两个人一起去，不会一群人堵门。",
])
def test_limit_word_is_no_frequency_hedge(sentence: str) -> None:
    assert analyse(sentence).hedge == "none"


def test_frequency_word_alone_stays_a_hedge() -> None:
    # near miss: 多会 on its own is "mostly"
    assert analyse("这类小平台逾期后多会先发短信提醒本人。").hedge == "frequency"
