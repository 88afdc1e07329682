"""Round z3 (session eleven): classes found by blind probes 320 on.

The genre: question-and-answer threads (short colloquial replies, 楼主, 亲测, 我朋友) and
platform help-centre or customer-service replies (客服回复, 帮助中心, 信用卡中心).
Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a help-centre's 如 (如您 / 如对 / 如有) is a condition ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("如您暂时无法全额还款，可申请延期还款。", "negotiation"),
        ("如有暴力催收行为，可向监管部门投诉。", "complaints_rights"),
        ("如对罚息金额有异议，可联系客服核实。", "penalty_fees"),
    ],
)
def test_a_help_centres_ru_is_a_condition(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "conditional"


def test_ru_as_for_example_is_no_condition() -> None:
    # near miss: 比如有 is "for example, some…"
    a = analyse("比如有的平台会打电话给紧急联系人。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


def test_ke_zai_said_to_the_reader_is_advice() -> None:
    a = analyse("如您确有困难，可在App内提交协商申请。")
    assert a.modality == "advice"


# -- paying with the product lost or asked about is an account impact ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期了还能用白条支付吗？",
        "他拖了两个月，现在下单都选不了月付了。",
        "逾期超过60天的，银行有权停止该卡的全部功能。",
    ],
)
def test_paying_with_the_product_lost_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_the_payment_feature_praised_is_no_account_impact() -> None:
    # near miss: a feature named, nothing stopped
    assert analyse("花呗的支付功能用起来很方便。").topics == ()


# -- reporting and the borrower's own calls, said colloquially ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("网贷逾期三天，平台就把我报上去了。", "credit_report"),
        ("头一个星期他们只打你本人电话。", "debtor_contact"),
        ("逾期以后，银行会安排专人与您联系。", "debtor_contact"),
        ("为啥催收的号码每次都不一样？", "debtor_contact"),
    ],
)
def test_colloquial_reporting_and_calls_to_the_borrower(sentence: str, topic: str) -> None:
    assert topic in analyse(sentence).topics


def test_a_call_to_the_mother_stays_contacts_family() -> None:
    # near miss: someone else's phone
    a = analyse("催收打了我妈的电话。")
    assert "contacts_family" in a.topics
    assert "debtor_contact" not in a.topics


# -- denial after the cue, said colloquially ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "hedge"),
    [
        ("说要上门的，十个有九个是唬人的。", "home_visit", "frequency"),
        ("上门那一套早过时了，现在基本没人这么干。", "home_visit", "frequency"),
        ("我晚还了三天，去查了征信，什么都没有。", "credit_report", "none"),
        ("一逾期就起诉的说法，纯属胡扯。", "legal_action", "none"),
    ],
)
def test_colloquial_denial_after_the_cue(sentence: str, topic: str, hedge: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == hedge


def test_a_bluff_in_the_message_keeps_the_message() -> None:
    # near miss: the SMS is real, its words bluff
    a = analyse("催收短信里说的“72小时内冻结名下所有银行卡”，多是吓唬人的说法。")
    assert "debtor_contact" in a.topics
    assert a.stance == "affirms"


def test_someone_who_does_it_is_no_denial() -> None:
    # near miss: 有人这么干 affirms
    a = analyse("上门催收这种事，确实还有人这么干。")
    assert "home_visit" in a.topics
    assert a.stance != "denies"


# -- those who claim to stop collection, or act for the customer, are a scam -------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "别信那些说能停催的中介，交了钱就找不到人了。",
        "本行从未委托任何公司代持卡人办理停息挂账。",
        "号称能让平台停催的，十有八九是骗子。",
    ],
)
def test_claims_to_stop_collection_are_a_scam(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" in a.topics
    assert "negotiation" not in a.topics


def test_a_pause_granted_by_the_lender_stays_negotiation() -> None:
    # near miss: the lender itself agrees to pause
    a = analyse("跟平台客服说明自己失业了，对方同意先停催一个月。")
    assert "negotiation" in a.topics
    assert "debt_help_scam" not in a.topics


def test_a_warning_to_the_reader_is_advice() -> None:
    a = analyse("本行从未授权任何机构代客户办理停息挂账，谨防上当。")
    assert a.modality == "advice"


def test_a_courtesy_is_no_advice() -> None:
    a = analyse("我们这边没有接到您的逾期上报记录，请您放心使用。")
    assert "credit_report" in a.topics
    assert a.modality == "descriptive"


# -- the service's recording notice is no evidence kept -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["为保障您的权益，通话过程可能会被录音。", "本次通话将被录音，请您知悉。"],
)
def test_a_recording_notice_is_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in analyse(sentence).topics


def test_recording_the_collector_stays_evidence() -> None:
    # near miss: the reader records
    assert "complaints_rights" in analyse("记得把催收电话全部录下来，投诉时用得上。").topics


# -- a relative who owes the debt is no contact called ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我表哥网贷欠了七万多，后来平台去法院告了他。",
        "我姐信用卡欠了三万，银行已经到法院起诉她了。",
    ],
)
def test_a_relative_who_owes_is_no_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" not in a.topics
    assert "legal_action" in a.topics


def test_a_relative_called_about_my_debt_stays_a_contact() -> None:
    # near miss: the relative is who was called
    assert "contacts_family" in analyse("催收打给我表哥，说我欠了钱不还。").topics


# -- a two-digit calendar year is no span --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["我22年的时候欠了借呗两万，到现在也没人找过我家里。", "21年那会儿我花呗逾期过一次。"],
)
def test_a_calendar_year_is_no_threshold(sentence: str) -> None:
    assert analyse(sentence).threshold is None


def test_a_span_of_years_stays_a_threshold() -> None:
    # near miss: 两年 is how long
    t = analyse("借呗逾期两年的，基本都被起诉了。").threshold
    assert t is not None
    assert (t.min_days, t.max_days) == (730, 730)


# -- a fee cut with the fee first, and interest that grows ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["客服帮我把违约金减了一半。", "磨了好久，罚息总算给我减了。"],
)
def test_a_fee_cut_with_the_fee_first(sentence: str) -> None:
    a = analyse(sentence)
    assert {"negotiation", "penalty_fees"} <= set(a.topics)


def test_fees_that_pile_up_are_no_negotiation() -> None:
    # near miss: nothing cut
    a = analyse("拖着不还，罚息只会越滚越多。")
    assert "penalty_fees" in a.topics
    assert "negotiation" not in a.topics


def test_more_interest_once_overdue_is_a_fee() -> None:
    a = analyse("若您已逾期，请尽快还款，以免产生更多的利息。")
    assert "penalty_fees" in a.topics
    assert a.stance == "conditional"


# -- the reader calling to ask is no collection call ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["说啥的都有，还是自己打电话问银行吧。", "拿不准的话，打个电话咨询一下平台。"],
)
def test_the_reader_calling_to_ask_is_no_collection_call(sentence: str) -> None:
    assert "debtor_contact" not in analyse(sentence).topics


def test_the_bank_calling_stays_a_collection_call() -> None:
    assert "debtor_contact" in analyse("银行这两天一直打电话催我还款。").topics


# -- the new due date of a deferral is no grace claim -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["您的延期申请已通过，新的还款日是下月20号。", "申请延期以后，还款日改到了月底。"],
)
def test_a_deferrals_new_due_date_is_no_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert "overdue_grace" not in a.topics


def test_the_due_date_rule_stays_a_grace_claim() -> None:
    assert "overdue_grace" in analyse("信用卡在还款日当天还款，不算逾期。").topics


# -- what everyone says, against the writer's own case ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "大家都说网贷逾期会爆通讯录，我欠了一年也没见爆。",
        "网上都说逾期就会上门，我拖了半年一次都没遇到。",
    ],
)
def test_everyone_says_then_never_seen_denies(sentence: str) -> None:
    assert analyse(sentence).stance == "denies"


def test_everyone_says_alone_stays_a_claim() -> None:
    # near miss: no case against it
    assert analyse("大家都说借呗逾期会爆通讯录。").stance != "denies"


# -- the family sought -----------------------------------------------------------------------


def test_the_family_sought_is_contacts_family() -> None:
    a = analyse("欠了这么久，也没人找过我家里。")
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


def test_someone_come_to_the_house_is_no_family_sought() -> None:
    assert "contacts_family" not in analyse("催收说明天就找我家里来。").topics


# -- a forum plea after the question keeps it a question (probe 324) ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "花呗逾期两天会上征信吗，急！！",
        "网贷逾期会不会爆通讯录啊？在线等",
        "借呗逾期了会被起诉吗，求解答",
    ],
)
def test_a_plea_after_the_question_keeps_it_a_question(sentence: str) -> None:
    assert analyse(sentence).stance == "question"


def test_a_statement_with_a_plea_stays_a_statement() -> None:
    # near miss: no question particle before the plea
    assert analyse("网贷逾期会爆通讯录，急！").stance != "question"


# -- forum initials for the credit file, and a loan refused for the record ---------------------


@pytest.mark.parametrize(
    "sentence",
    ["我的zx已经花得不成样子了，哪家都批不下来。", "ZX上有两次逾期，车贷一直批不下来。"],
)
def test_zx_is_the_credit_file_and_a_refused_loan_keeps_it(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance == "affirms"


def test_a_refused_deferral_stays_denied() -> None:
    # near miss: the request itself is what was not approved
    a = analyse("申请停息挂账，银行那边一直批不下来。")
    assert "negotiation" in a.topics
    assert a.stance == "denies"


# -- no more borrowing while overdue is an account impact --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["客服回复我：逾期期间不能再借款。", "逾期没还清之前，借呗是没法再借的。"],
)
def test_no_more_borrowing_is_an_account_impact(sentence: str) -> None:
    a = analyse(sentence)
    assert "account_impact" in a.topics
    assert a.stance == "affirms"


def test_borrowing_from_family_is_no_account_impact() -> None:
    # near miss: borrowing named, nothing stopped
    assert "account_impact" not in analyse("实在不行先找家里人借点钱周转。").topics
