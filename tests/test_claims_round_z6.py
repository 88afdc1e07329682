"""Round z6 (session twelve): classes found by blind probes 380 on, credit-report explainers and
pay-later or consumer-finance product pages.

Each class has sentences of its own and a near miss that keeps the old reading: the report's
own fields and codes (还款状态, 账户状态, 五级分类, 报告上的数字) are the credit report; a report
field that 写着 / 显示 a quoted state (账户状态一栏写着“呆账”) quotes no message; a guarantor who
paid (担保人代还) is no paid service; a granted extension not counted as overdue is no grace
claim; "not necessarily not reported" (不一定就是没上报) affirms with a possibility hedge; paid
credit repair in its sellers' and victims' words (修复公司, 铲单, 一键清除, 打点内部关系, 按笔数
收费, 负债也能翻身); the credit rebuilt in plain words (信用慢慢恢复); a span of good repayment
is no threshold; a whether weighed by 要看 in its own clause is no question; a belief rejected as
a confusion (有文章说X，这是把A和B混为一谈了); the product gone from checkout and the spending
right taken back (没法再选月付付款, 消费权限被收回); a bill moved back (账单延后几天); the
collector's calls named with the collector (催收也会打电话); 有时会 as a frequency hedge; a
reminder received and an overdue notice in the app (收到提醒, 逾期提示).
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- the report's own fields and codes are the credit report ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "还款状态里要是出现数字“3”，说明那个月逾期了61到90天。",
        "贷款的五级分类一旦被调成次级，再申请房贷就很难批。",
        "报告上的字母和数字看着复杂，其实每一格都对应一个月的还款情况。",
        "账户状态变成冻结以后，这笔贷款在报告里会一直挂着。",
    ],
)
def test_report_fields_are_the_credit_report(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_a_bank_statement_is_no_report_field() -> None:
    # near miss: a bank statement's numbers, no field of the report
    assert not analyse("银行卡流水上的数字每个月都会更新一次。").topics


def test_a_report_digit_keeps_its_overdue_span() -> None:
    a = analyse("还款状态那一格显示“4”，意思是已经逾期91到120天。")
    assert "credit_report" in a.topics
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (91, 120)


# -- a report field that shows a quoted state quotes no message ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "账户状态一栏写着“呆账”，说明银行已经认定这笔钱很难收回。",
        "征信上显示“呆账”两年多了，还是没人来催。",
        "报告上写着“呆账”的那笔，是三年前的一张信用卡。",
    ],
)
def test_a_report_field_shows_a_state_not_a_message(sentence: str) -> None:
    a = analyse(sentence)
    assert "bad_debt_transfer" in a.topics
    assert "debtor_contact" not in a.topics


def test_a_message_that_writes_its_threat_is_still_quoted() -> None:
    # near miss: a message's words are quoted, the act of sending is the claim
    a = analyse("催收短信里写着“三天内上门”，其实根本没人来。")
    assert "debtor_contact" in a.topics
    assert "home_visit" not in a.topics


# -- a guarantor who paid is no paid service ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "征信上出现“担保人代还”，说明这笔贷款是担保人替你还的。",
        "这笔车贷后来由担保公司代还，征信上会留下代偿记录。",
    ],
)
def test_a_guarantor_paying_is_no_scam(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" not in a.topics
    assert "credit_report" in a.topics


def test_a_paid_repayer_is_still_a_scam() -> None:
    # near miss: a stranger paying for a fee
    assert "debt_help_scam" in analyse("有人专门帮人代还信用卡，每笔收百分之三的服务费。").topics


# -- a granted extension not counted as overdue is no grace claim ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "办了展期的贷款按新的到期日还款，征信上不会记为逾期。",
        "办理了展期以后，按时还上就不算逾期。",
    ],
)
def test_an_extension_granted_is_no_grace_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" not in a.topics
    assert "negotiation" in a.topics


def test_an_extension_refused_keeps_the_grace_denial() -> None:
    # near miss: no extension granted, the due date stands
    a = analyse("展期申请没批下来，过了到期日就算逾期。")
    assert "overdue_grace" in a.topics
    assert a.stance == "denies"


# -- not necessarily not reported ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "报告里暂时看不到的逾期，不一定就是没上报，也可能还没到更新的日子。",
        "暂时看不到记录，也未必就是没报送，有的机构一个月才报一次。",
    ],
)
def test_not_necessarily_not_reported_affirms(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance == "affirms"
    assert a.hedge == "possibility"


def test_plainly_not_reported_still_denies() -> None:
    # near miss: a plain negation
    a = analyse("逾期三天还上的，平台一般没上报征信。")
    assert "credit_report" in a.topics
    assert a.stance == "denies"


# -- paid credit repair in its sellers' and victims' words -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "对方说交两千定金打点内部关系，一周就能把记录弄掉。",
        "别信“花钱就能铲单”的广告，那都是收割负债人的套路。",
        "这类修复公司往往按逾期的笔数收钱，一笔少则几百。",
        "直播间里喊着“负债也能翻身”的，多半是卖修复服务的。",
        "群里有人说监管出了新政，逾期记录可以一键清除，这是骗人的。",
        "征信上真实发生的逾期，哪家机构收钱都抹不掉，打包票能删的一律是骗子。",
        "说能删逾期记录的中介，收了钱就找不到人了。",
    ],
)
def test_paid_repair_words_are_a_scam(sentence: str) -> None:
    assert "debt_help_scam" in analyse(sentence).topics


def test_a_record_that_cannot_be_deleted_is_no_scam() -> None:
    # near miss: 不能删的 says the record stays, nobody offers to delete it
    a = analyse("真实的逾期记录是不能删的。")
    assert a.topics == ("credit_report",)


def test_the_official_repair_is_no_scam() -> None:
    # near miss: the central bank's repair is no paid service
    a = analyse("央行的一次性信用修复是系统自动处理的，用不着本人去申请。")
    assert "debt_help_scam" not in a.topics
    assert "credit_report" in a.topics


# -- the credit rebuilt in plain words; a span of good repayment is no threshold -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "想让信用慢慢恢复，最好先把逾期的那笔结清。",
        "逾期还清以后，信用恢复得靠时间一点点养。",
    ],
)
def test_credit_rebuilt_is_the_credit_report(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "想让信用慢慢恢复，最好的办法是结清欠款后再保持两年以上的正常还款。",
        "结清以后再连续按时还款一年，审批时银行就会看得宽松些。",
    ],
)
def test_a_span_of_good_repayment_is_no_threshold(sentence: str) -> None:
    assert analyse(sentence).threshold is None


def test_a_grace_span_beside_normal_repayment_is_kept() -> None:
    # near miss: the span is anchored on the due date right before it
    a = analyse("多数银行的信用卡，还款日后两天内补上都还算正常还款。")
    assert a.threshold is not None
    assert a.threshold.max_days == 2


# -- a whether weighed by 要看 in its own clause is no question ------------------------------


def test_a_whether_weighed_in_its_clause_is_no_question() -> None:
    a = analyse("月付额度被冻结以后，即使还清了，能不能恢复也要看系统重新评估。")
    assert "account_impact" in a.topics
    assert a.stance != "question"


def test_a_whether_weighed_by_the_lender_is_no_question() -> None:
    a = analyse("逾期以后还能不能继续借，主要看平台的风控评估。")
    assert a.stance != "question"


def test_a_plain_whether_question_stays_a_question() -> None:
    # near miss: nothing weighs it
    assert analyse("额度冻结了以后还能不能恢复？").stance == "question"


# -- a belief rejected as a confusion ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有文章说美团月付逾期会被列入失信人员名单，这是把失信被执行人和逾期混为一谈了。",
        "有的文章说网贷逾期就会进失信名单，这是把法院的名单和征信记录搞混了。",
    ],
)
def test_a_belief_called_a_confusion_is_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance == "denies"


def test_two_things_told_apart_still_give_no_claim() -> None:
    # near miss: the distinction names concepts, nothing said to happen
    assert analyse("失信名单和征信黑名单是两回事，别把它们混为一谈。").topics == ()


# -- the product gone from checkout, the spending right taken back; a bill moved back ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "美团月付一旦逾期，点外卖时就没法再选月付付款了。",
        "逾期后消费权限被收回，很多优惠活动也参加不了。",
    ],
)
def test_payment_option_lost_is_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_a_phone_permission_switched_off_is_still_none() -> None:
    # near miss: a permission on the phone
    assert analyse("在手机设置里把这个软件的定位权限关掉就行。").topics == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "月付逾期了先别慌，可以找在线客服申请把账单延后几天。",
        "客服同意把这期账单延后一周再还。",
    ],
)
def test_a_bill_moved_back_is_negotiation(sentence: str) -> None:
    assert "negotiation" in analyse(sentence).topics


# -- the collector's calls named with the collector ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "抖音月付欠了三百多块，催收也会打电话，但不至于上门。",
        "欠得不多，催收还会打电话，不过一般不会派人来家里。",
    ],
)
def test_collector_calls_beside_a_denied_visit(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "home_visit" in a.topics


def test_calls_to_the_workplace_stay_contacts_family() -> None:
    # near miss: the call reaches someone else
    a = analyse("催收打电话到我单位，问同事我人在不在。")
    assert "contacts_family" in a.topics
    assert "debtor_contact" not in a.topics


# -- 有时会 as a frequency hedge ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "对第一次逾期的用户，平台有时会把滞纳金免掉一部分。",
        "催收有时候会在晚上打电话过来。",
    ],
)
def test_sometimes_is_a_frequency(sentence: str) -> None:
    assert analyse(sentence).hedge == "frequency"


def test_a_transfer_that_sometimes_takes_days_keeps_its_hedge() -> None:
    # near miss: 有时要 is no lender's act; the possibility stays
    assert analyse("跨行转账有时要一两天才到账，可能已经算逾期了。").hedge == "possibility"


# -- a reminder received, an overdue notice in the app ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "微粒贷逾期以后，微信里会收到提醒，支付页面上也能看到逾期提示。",
        "逾期第二天就收到了平台的还款提醒。",
    ],
)
def test_a_reminder_received_is_debtor_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_a_reminder_set_by_oneself_is_none() -> None:
    # near miss: the reader's own reminder
    assert analyse("给自己设一个逾期提醒，就不会再忘了。").topics == ()


# -- the report's summary fields and objection; a record named on "the report" ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "“当前逾期期数”不为零，说明还有没处理完的欠款。",
        "异议处理期间，那条记录旁边会加上异议标注。",
        "被人冒用身份办的贷款，可以走异议流程申请删除。",
        "逾期超过半年没还的贷款，在报告上多半会被标成呆账。",
    ],
)
def test_summary_fields_and_objections_are_the_credit_report(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_a_record_that_does_not_leave_the_report_soon_is_kept() -> None:
    a = analyse("贷款还清以后，那笔账户的历史记录也不会马上从报告里消失。")
    assert "credit_report" in a.topics
    assert a.stance == "affirms"


def test_a_medical_report_is_still_no_credit_report() -> None:
    # near miss: a report of another kind
    assert analyse("体检报告上的数字都在正常范围内。").topics == ()


def test_a_field_that_writes_a_digit_quotes_no_message() -> None:
    a = analyse("“最高逾期期数”那一栏如果写着3，说明最严重的一次拖了两个多月。")
    assert "credit_report" in a.topics
    assert "debtor_contact" not in a.topics


# -- which month is no span -------------------------------------------------------------------


def test_which_month_is_no_span() -> None:
    assert analyse("逾期记录具体到哪一个月、欠了多少，报告上都列得清清楚楚。").threshold is None


def test_a_month_overdue_is_still_a_span() -> None:
    # near miss: a plain span
    a = analyse("逾期一个月会上征信。")
    assert a.threshold is not None
    assert a.threshold.min_days == 30


# -- a lender not connected to a bureau -------------------------------------------------------


def test_not_connected_to_the_bureau_denies() -> None:
    a = analyse("有的小贷平台没接入央行征信，所以人行报告上查不到。")
    assert "credit_report" in a.topics
    assert a.stance == "denies"


def test_an_unanswered_call_is_still_no_negation() -> None:
    # near miss: 没接 is the borrower not answering, the contact still happens
    a = analyse("电话没接，催收就打给了紧急联系人。")
    assert "contacts_family" in a.topics
    assert a.stance != "denies"


# -- a loan the lender counts as lost --------------------------------------------------------


def test_a_loan_counted_as_lost_is_bad_debt() -> None:
    a = analyse("五级分类被调到“损失”的贷款，基本上已经被银行当成收不回来的钱了。")
    assert "bad_debt_transfer" in a.topics


def test_money_not_recovered_is_no_write_off() -> None:
    # near miss: a failed recovery, no loan counted as lost
    assert "bad_debt_transfer" not in analyse("实在收不回来的欠款，银行才会交给外包公司。").topics


# -- a belief that the record is gone, rejected, keeps the record -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人以為還清了逾期紀錄就會馬上消失，其實還要再留五年。",
        "不少人以为结清以后不良记录马上就删除了，其实还要等五年。",
    ],
)
def test_a_belief_that_the_record_is_gone_is_rejected(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "affirms"


def test_a_myth_of_deletion_with_no_correction_keeps_its_reading() -> None:
    # near miss: no correction says the record stays (qp041 reads the myth as denied)
    a = analyse("误区四：只要还清欠款，征信上的逾期记录马上就会被删掉。")
    assert a.stance != "affirms"


def test_a_belief_that_the_event_happens_is_still_denied() -> None:
    # near miss: the belief is the event itself, its rejection denies it
    a = analyse("很多人以为逾期一天就会上征信，其实这是误解。")
    assert "credit_report" in a.topics
    assert a.stance == "denies"


# -- more report fields and a wrong report ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "「當前逾期金額」指的是到查詢那天為止還欠著沒還的錢。",
        "逾期連續月數越長，銀行審核時越不放心。",
        "想知道账户现在是什么状态，最稳妥的办法是自己去打一份详版报告。",
        "如果平台把没逾期的账误报成逾期，可以要求它更正。",
    ],
)
def test_more_fields_and_a_wrong_report_are_the_credit_report(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_an_overdue_amount_without_the_field_is_no_credit_report() -> None:
    # near miss: an amount owed, no field of the report
    assert "credit_report" not in analyse("逾期金额不大的话，平台一般只是发短信提醒。").topics
