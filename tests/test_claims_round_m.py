"""Round tagger-m (probe130-132, ids qm): credit cards and banks.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: a call the borrower makes to the lender is no collection
call (and explaining a hardship to the lender is negotiation); meeting, seeing
or hearing something (遇到, 看到) reaches no one, so a colleague in a story is no
contact; a card's own instalment fee or terms are no repayment plan; 常 in a
naming phrase (大家常说的) is no frequency hedge; a warning not to believe
(别信, 不要相信) before reported words denies the act of quoting.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a call the borrower makes to the lender -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期以后别躲着，可以主动打给客服问清楚还差多少钱。",
        "钱不够的时候，我一般会先致电发卡行确认最低还款额。",
        "遇到自称律师的人催款，先拨打银行官方客服电话核实一下。",
    ],
)
def test_a_call_to_the_lender_is_no_collection_call(sentence: str) -> None:
    assert "debtor_contact" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "手头实在紧张的话，最好给银行打个电话说明情况。",
        "工资发不出来那几个月，我给客服写信又打电话说明困难。",
        "一时还不上，就先给平台打电话说明情况，争取宽限几天。",
    ],
)
def test_explaining_a_hardship_to_the_lender_is_negotiation(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "negotiation" in topics and "debtor_contact" not in topics


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期第二天，银行客服就打电话给我了。",
        "把钱还给银行以后，催收还是每天打电话过来。",
    ],
)
def test_near_miss_the_lender_calling_stays_a_collection_call(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


# -- meeting or hearing something reaches no one ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我有个朋友前年也碰到过一模一样的情况。",
        "我的同事看到这篇文章后，专门来问我怎么处理。",
        "说句实话，我表姐当年也遇到过这种事。",
    ],
)
def test_a_person_in_a_story_who_meets_something_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_near_miss_a_call_to_a_colleague_is_a_contact() -> None:
    assert "contacts_family" in topics_of("催收员打电话到我同事那里，说我欠卡债不还。")


# -- a card's own instalment fee or terms ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "分期手续费一般按月收，每期大概是本金的0.6%。",
        "商场刷卡买手机时办的免息分期，只要按月还就没有额外费用。",
        "办理分期时银行会告诉你总共要付多少手续费。",
    ],
)
def test_a_cards_own_instalment_fee_is_no_repayment_plan(sentence: str) -> None:
    assert "negotiation" not in topics_of(sentence)


def test_near_miss_an_instalment_agreed_after_overdue_is_negotiation() -> None:
    assert "negotiation" in topics_of("协商分期成功后，银行答应免收这部分分期手续费。")


# -- 常 in a naming phrase ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期一天整笔账单都要计息，这就是常说的全额罚息。",
        "征信上的“连三累六”，也就是业内常讲的硬性红线，会让贷款审批变难。",
        "被停卡后银行会启动催收，也就是大家常提到的委外。",
    ],
)
def test_a_naming_phrase_is_no_frequency_hedge(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics and a.hedge == "none"


def test_near_miss_chang_before_an_act_stays_a_frequency_hedge() -> None:
    assert analyse("银行常在逾期三个月后把账户转给外包公司。").hedge == "frequency"


# -- a warning not to believe before reported words ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "不要相信那些号称能帮你全免利息的债务公司。",
        "切勿轻信自称能内部操作停息挂账的所谓专家。",
        "别信网上声称花钱就能洗白征信的中介。",
    ],
)
def test_a_warning_not_to_believe_denies_the_quoted_offer(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics and a.stance == "denies"


def test_near_miss_an_offer_reported_without_warning_is_affirmed() -> None:
    a = analyse("有些中介声称能帮你停息挂账，收了钱人就不见了。")
    assert "debt_help_scam" in a.topics and a.stance == "affirms"


# -- the card stopped, said with 卡片 (after probe132) ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "欠款拖了两个多月，银行就把我的卡片停掉了。",
        "连续三期没还，卡片被停是早晚的事。",
        "逾期一旦超过90天，卡片冻结几乎是肯定的。",
    ],
)
def test_the_card_stopped_with_kapian_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_near_miss_a_card_mentioned_is_no_account_impact() -> None:
    assert "account_impact" not in topics_of("这张卡片是去年在招行网点办的。")


# -- the spacing between two acts is no overdue time (after probe132) ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "认定恶意透支，两次有效催收要相隔一个月以上。",
        "银行两次寄催收函的间隔不少于30天，才算有效催收。",
        "有的催收公司每次上门都间隔半个月左右。",
    ],
)
def test_the_spacing_between_two_acts_is_no_threshold(sentence: str) -> None:
    assert analyse(sentence).threshold is None


def test_near_miss_an_overdue_duration_stays_a_threshold() -> None:
    th = analyse("逾期超过三个月，银行就会把账户交给外包公司。").threshold
    assert th is not None and th.min_days == 90


# -- a right to ask the lender for a plan --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "困难时期，借款人有权要求银行协商还款，银行不能一口回绝。",
        "很多人不知道，失业的持卡人有权要求发卡行给出还款方案。",
        "符合条件的话，你有权要求银行减免部分利息。",
    ],
)
def test_a_right_to_ask_for_a_plan_is_negotiation_no_complaint(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "negotiation" in topics and "complaints_rights" not in topics


def test_near_miss_a_right_against_a_collector_stays_a_complaint() -> None:
    assert "complaints_rights" in topics_of("借款人有权要求外访人员出示委托书和工作证。")
