"""Round z4 (session twelve): classes found by blind probes 360 on, secured and other loans.

Car loans, mortgages, guarantors, business and student loans. Each class has sentences of its
own and a near miss that keeps the old reading: recovery firms of secured loans (清收公司) as
outsourcing; the reader keeping evidence (留证据) as a complaint and 要第一时间 / 要保留 as advice;
a lender's right to demand payment with an adverb or the borrower as object (银行就有权要求借款人…)
is no complaint; a trader's shop visited (到店里找老板) is a visit, and the shop's owner is the
borrower, no employer; a lawyer's letter put as a verb (律师发函, 发函催告).
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- recovery firms of secured loans ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "房贷断供半年以上的，有的银行会把案子交给清收公司。",
        "抵押车的欠款一直收不回来，金融公司就委托当地的清收机构去找车。",
    ],
)
def test_a_recovery_firm_is_outsourcing(sentence: str) -> None:
    assert "third_party_agency" in analyse(sentence).topics


def test_the_lenders_own_collection_is_no_recovery_firm() -> None:
    # near miss: the bank's own staff collect
    a = analyse("房贷逾期后，银行的客户经理会先打电话催收。")
    assert "third_party_agency" not in a.topics


# -- evidence kept by the reader, and 要第一时间 as advice -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "遇到收车的人动手打人，要第一时间报警并留证据。",
        "车被强行开走的，要保留好现场视频，作为以后维权的材料。",
    ],
)
def test_evidence_kept_by_the_reader_is_complaint_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.modality == "advice"


def test_a_lender_acting_at_once_is_no_advice() -> None:
    # near miss: what the bank must do at once is no instruction to the reader
    a = analyse("银行要第一时间把逾期信息报送征信中心。")
    assert "credit_report" in a.topics
    assert a.modality != "advice"


# -- a lender's right to demand payment ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "车贷连续三期没还，银行就有权要求借款人提前结清。",
        "担保合同签了连带责任的，债权人可以有权要求担保人代为偿还。",
    ],
)
def test_the_lenders_right_to_demand_is_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in analyse(sentence).topics


def test_the_borrowers_right_to_demand_stays_a_complaint() -> None:
    # near miss: the borrower holds the right
    a = analyse("借款人有权要求银行出示借款合同。")
    assert "complaints_rights" in a.topics


# -- a trader's shop visited --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "个体户的贷款逾期后，银行的人会去店里找老板当面催。",
        "经营贷拖了两个月，催收员天天到门店找店主要钱。",
    ],
)
def test_a_shop_visited_is_a_visit_and_no_employer(sentence: str) -> None:
    a = analyse(sentence)
    assert "home_visit" in a.topics
    assert "contacts_family" not in a.topics


def test_the_borrowers_employer_called_stays_a_contact() -> None:
    # near miss: the borrower's boss at work is a third person
    a = analyse("催收打电话到单位找我老板。")
    assert "contacts_family" in a.topics


# -- a lawyer's letter put as a verb --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "车贷逾期三个月的，金融公司通常会委托律师发函催告。",
        "贷款公司会先由律师发函，再决定是否起诉。",
    ],
)
def test_a_lawyers_letter_as_a_verb_is_legal_action(sentence: str) -> None:
    assert "legal_action" in analyse(sentence).topics


def test_hiring_a_lawyer_to_negotiate_is_no_lawsuit() -> None:
    # near miss: the reader's lawyer negotiating (委托律师 is no cue)
    a = analyse("欠款人也可以请律师帮忙协商还款。")
    assert "legal_action" not in a.topics


# -- owners as a group who borrow, and waiting below the flat ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "行情不好那两年，不少老板靠经营贷撑着，还不上就去借网贷。",
        "有的老板经营贷逾期后干脆把店关了。",
    ],
)
def test_owners_who_borrow_are_no_employer(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期两个月后，有人找到他家楼下，说要把车开走。",
        "催收的人找到我们小区楼下，一直打电话让我下来。",
    ],
)
def test_found_below_the_flat_is_a_visit(sentence: str) -> None:
    assert "home_visit" in analyse(sentence).topics


def test_a_shop_below_the_flat_is_no_visit() -> None:
    # near miss: a place named by the flat
    assert "home_visit" not in analyse("我家楼下的便利店也能还信用卡。").topics


# -- both channels named before the reminder -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "车贷刚逾期时，金融公司会先电话、短信提醒，再加收罚息。",
        "逾期后银行一般先电话提醒，同时按日计收罚息。",
    ],
)
def test_a_phone_and_sms_reminder_is_contact_beside_fees(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "penalty_fees" in a.topics


def test_a_bare_sms_beside_fees_stays_weak() -> None:
    # near miss: the weak 短信 gives way to the fee cue, as before
    a = analyse("逾期后会收到短信，而且要多交罚息。")
    assert "debtor_contact" not in a.topics
