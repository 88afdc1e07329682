"""Round tagger-p (probe160-162, ids qp): the debtor's side.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: a call the borrower places to the lender's service line is
no collection call; the call as the backdrop of the borrower's own manner or
promise is no collection call; 上岸 as the borrower's own finish is no paid
debt-help service; a sibling named short after 我 (我姐, 我哥) is family.
"""

from __future__ import annotations

import pytest

from tests.helpers import topics_of

# -- a call the borrower places to the lender ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那天我给借呗的客服打电话，问能不能晚几天还。",
        "我主动打电话给银行，说明了这个月工资没发。",
        "上个月我打给平台客服热线，想问问有没有延期的办法。",
    ],
)
def test_a_call_the_borrower_places_is_no_collection_call(sentence: str) -> None:
    assert "debtor_contact" not in topics_of(sentence)


def test_a_call_the_lender_places_stays_a_collection_call() -> None:
    # near miss: the lender's service line calls the borrower
    assert "debtor_contact" in topics_of("平台的客服每天打电话催我还钱。")


# -- the call as the backdrop of the borrower's own manner ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "接电话时别慌，语气尽量平静一些。",
        "千万别在电话里随口答应下周全部结清。",
        "在电话里承诺的日子一定要是自己做得到的。",
    ],
)
def test_the_borrowers_own_manner_on_a_call_is_no_collection_claim(sentence: str) -> None:
    assert "debtor_contact" not in topics_of(sentence)


def test_a_collector_on_the_call_stays_a_collection_call() -> None:
    # near miss: what the collector does on the call
    assert "debtor_contact" in topics_of("催收在电话里骂了我整整十分钟。")


# -- 上岸 as the borrower's own finish ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "还了三年，去年年底我终于上岸了。",
        "离上岸只差最后一笔两千块的欠款。",
        "写下这篇上岸经验，是想告诉大家别放弃。",
    ],
)
def test_the_borrowers_own_finish_is_no_debt_help_service(sentence: str) -> None:
    assert "debt_help_scam" not in topics_of(sentence)


def test_a_paid_promise_to_get_you_out_stays_a_scam() -> None:
    # near miss: the service that sells 上岸
    assert "debt_help_scam" in topics_of("那些收费带你上岸的机构，多半是骗钱的。")


# -- a sibling named short after 我 ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收后来把电话打给了我哥。",
        "没想到平台连我妹都联系了。",
        "我弟接到催收短信，吓得连夜给我打电话。",
    ],
)
def test_a_sibling_named_short_is_family(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


def test_the_borrower_alone_stays_the_borrower() -> None:
    # near miss: only the borrower is called
    topics = topics_of("催收每天给我打三个电话。")
    assert "debtor_contact" in topics and "contacts_family" not in topics


def test_a_sibling_merely_named_short_is_no_contact() -> None:
    # near miss: the sibling is in the story, nobody reaches them
    assert "contacts_family" not in topics_of("我姐前年也欠过网贷，后来慢慢还清了。")


# -- a lead that names the belief false itself ----------------------------------------------


def _stance(sentence: str) -> str | None:
    from pipeline.claims import analyse

    return analyse(sentence).stance


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("误区三：只要逾期，催收就会打给你所有的亲戚。", "contacts_family"),
        ("有一种谣言说，网贷欠款超过五万就要坐牢。", "criminal_risk"),
        ("常见误区：逾期一次，信用卡额度就会被全部冻结。", "account_impact"),
    ],
)
def test_a_belief_under_a_false_lead_is_denied(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)
    assert _stance(sentence) == "denies"


def test_a_plain_statement_keeps_its_stance() -> None:
    # near miss: the same event stated by the author, no lead naming it false
    assert _stance("逾期三个月以后，平台会把欠款转给催收公司。") == "conditional"


# -- a court confirming a repayment plan ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "重整获批以后，他要按法院确认的还款计划分四年还。",
        "申请人按法院批准的计划，每月把工资的一半拿出来还债。",
        "进入破产和解后，各家债权人和法院一起定下了和解协议。",
    ],
)
def test_a_court_confirmed_plan_is_a_plan(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "negotiation" in topics and "legal_action" not in topics


def test_a_court_judgment_stays_a_lawsuit() -> None:
    # near miss: the court rules against the borrower
    assert "legal_action" in topics_of("法院判决后他还是不还，最后被强制执行了。")



# -- the debt still owed split into instalments ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "客服最后答应把剩下的五千分成八期还。",
        "我求平台把余下的欠款分成半年还完。",
        "对方同意把剩余的本金分成二十期，每期不收利息。",
    ],
)
def test_the_debt_still_owed_split_is_a_repayment_plan(sentence: str) -> None:
    assert "negotiation" in topics_of(sentence)


def test_a_purchase_in_instalments_is_no_repayment_plan() -> None:
    # near miss: a purchase paid in instalments from the start
    assert "negotiation" not in topics_of("买电脑的七千块我在白条上分成了十二期。")
