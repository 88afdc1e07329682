"""Round tagger-r (probe180-182, ids qr): a broad sweep like the unseen text.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its reading: an impostor's "safe account" is fake collection and
the phone it calls on is no collection call; an offer by someone who says who
they are (自称…) to arrange 停息挂账 is the paid scam, not negotiation; a case
clause (凡是…的，) with an ordinary cue is not outweighed by a bare weak word
(电话) in the rest; a clause opening with the reader's first act (先把, 先打),
with what to write down (写清楚) or with 一律 after a case is advice; two things
told apart stay no claim when the warning ends in 了.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- the impostor's safe account ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "银行的工作人员不会打电话让你把余额转进安全账户。",
        "接到这种电话，对方往往以核查资金为由，让人把存款挪到安全账户。",
        "所谓的安全账户，其实就是骗子自己的收款卡。",
    ],
)
def test_a_safe_account_is_fake_collection_not_a_call(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "fake_collection" in topics
    assert "debtor_contact" not in topics


def test_near_miss_a_lenders_call_stays_debtor_contact() -> None:
    assert topics_of("逾期第二天，客服打电话提醒尽快还款。") == {"debtor_contact"}


# -- an offer by someone who says who they are ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "网上有人自称是银行信用卡中心的老员工，说能帮忙申请停息挂账。",
        "那个中年男人自称跟平台内部有关系，一周之内就能谈下减免。",
        "有人说他有内部关系，可以把你的网贷协商成只还本金。",
    ],
)
def test_an_offer_by_someone_naming_themselves_is_a_scam(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "debt_help_scam" in topics
    assert "negotiation" not in topics


def test_near_miss_the_lenders_own_negotiation_stays() -> None:
    assert topics_of("借款人可以直接联系银行申请停息挂账。") == {"negotiation"}


# -- a weak word after a case clause -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "凡是冒充法院工作人员的，一律不要接电话。",
        "要求把欠款打到个人账户的，直接挂电话就好。",
        "以律所的名义发来所谓律师函的，别回短信。",
    ],
)
def test_a_case_with_an_ordinary_cue_keeps_it_over_a_weak_word(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "fake_collection" in topics
    assert "debtor_contact" not in topics


def test_near_miss_a_case_before_an_ordinary_cue_stays_circumstance() -> None:
    topics = topics_of("催收人员上门辱骂借款人的，可以向监管部门投诉。")
    assert "complaints_rights" in topics
    assert "home_visit" not in topics


# -- a clause opening with the reader's act ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "申请协商之前，先把收入证明和病历复印好。",
        "接到自称平台法务的电话，先打官方客服核实一下。",
        "给监管部门写投诉信时，写清楚借款平台的全称和被骚扰的日期。",
        "凡是要求转账到私人账户的催收，一律当成诈骗处理。",
    ],
)
def test_a_clause_opening_with_the_readers_act_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_near_miss_a_lenders_first_step_stays_descriptive() -> None:
    assert analyse("平台一般会先打电话提醒，再发短信。").modality == "descriptive"


def test_near_miss_a_lenders_first_call_in_a_clause_of_its_own_stays_descriptive() -> None:
    assert analyse("逾期后，先给紧急联系人打电话。").modality == "descriptive"


def test_near_miss_yilv_of_a_lenders_policy_stays_descriptive() -> None:
    assert analyse("逾期超过90天的账户，一律移交法务部门处理。").modality == "descriptive"


# -- two things told apart, with 了 ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "信用卡的年费和逾期罚息是两码事，别搞混了。",
        "征信查询记录和逾期记录是两回事，不要弄混了。",
        "停息挂账和普通分期不是一回事，千万别混淆了。",
    ],
)
def test_two_things_told_apart_ending_in_le_are_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_distinction_with_a_claim_after_keeps_it() -> None:
    assert "legal_action" in topics_of("催收和起诉是两回事，催收打电话不代表会被起诉。")


def test_near_miss_a_statement_with_shi_de_is_no_case() -> None:
    # …是…的 says what happened: the denial in the rest is the claim (qg008's reading)
    assert analyse("同事是从别人那里听说我欠款的，不是催收打电话告诉他们的。").stance == "denies"


# -- a message named by its quoted words -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "昨天又收到一条“明天上门拜访”的短信。",
        "很多人接到过“今天不还就起诉”的电话，其实大多只是吓唬。",
        "他手机里全是“已移交法务部”的信息。",
    ],
)
def test_a_message_named_by_its_quoted_words_is_the_sending(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "debtor_contact" in topics
    assert not topics & {"home_visit", "legal_action"}


def test_near_miss_a_so_called_quoted_paper_stays_fake() -> None:
    assert "fake_collection" in topics_of("所谓“明日开庭”的短信，多半是假的。")


# -- borrowing again is the account ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "花呗晚还两天，会不会影响以后再借？",
        "只要及时还清，一般不影响后续继续借款。",
        "这次逾期会影响你在这家平台续借。",
    ],
)
def test_borrowing_again_affected_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_near_miss_an_effect_on_the_credit_report_stays() -> None:
    assert topics_of("逾期会不会影响征信？") == {"credit_report"}


# -- a service's promised turnaround is no threshold ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "中介说一周内就能办下来个性化分期。",
        "对方拍胸脯说十天之内就能办好停息挂账。",
        "有人打包票说半个月能搞定全部减免。",
    ],
)
def test_a_services_promised_turnaround_is_no_threshold(sentence: str) -> None:
    assert days_of(sentence) is None
    assert "bad_debt_transfer" not in topics_of(sentence)


def test_near_miss_an_installment_term_keeps_its_days() -> None:
    assert days_of("停息挂账最长可以分五年还。") == (1825, 1825, "installment")


# -- a regulator issuing a notice speaks itself --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "上海金融监管局日前发布风险提示，提醒警惕代理退保和债务优化骗局。",
        "银保监会曾多次发出提示，提醒消费者警惕反催收联盟。",
        "地方金融监管部门公布了一批冒充催收的诈骗案例。",
    ],
)
def test_a_regulators_notice_is_no_complaint_channel(sentence: str) -> None:
    assert "complaints_rights" not in topics_of(sentence)


def test_near_miss_a_complaint_to_the_regulator_stays() -> None:
    assert topics_of("遇到违规催收，可以向当地金融监管局投诉。") == {"complaints_rights"}


# -- what to say, with 明白 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "打12315的时候，要讲明白对方是哪家平台。",
        "写投诉材料要写明白被骚扰的次数。",
        "向监管部门反映时要说明白催收打了几次电话。",
    ],
)
def test_what_to_say_with_mingbai_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_near_miss_a_statement_with_mingbai_stays_descriptive() -> None:
    assert analyse("催收员在电话里说明白了逾期的金额。").modality != "advice"


# -- the account no longer usable to pay ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "京东白条逾期后就没法再用白条分期买东西了。",
        "欠款没还清，抖音月付无法再用来付款。",
        "花呗还清以后，很多人就没法再用以前的额度了。",
    ],
)
def test_the_account_no_longer_usable_to_pay_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_near_miss_no_longer_using_a_phone_number_is_no_account() -> None:
    assert "account_impact" not in topics_of("以后没法再用这个号码联系你了。")


# -- the borrower borrowing from relatives or friends ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "实在没办法，只好找亲戚朋友借钱先把信用卡还上。",
        "他向同事借了五千块，先把花呗还清了。",
        "我跟家里借了一笔钱把网贷都结清了。",
    ],
)
def test_borrowing_from_relatives_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_near_miss_a_call_to_the_family_about_the_loan_stays() -> None:
    assert "contacts_family" in topics_of("催收打电话通知家人借款人已经逾期。")


# -- the reader's own repayment reminder ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "给自己设一个还款提醒，就不会再忘了。",
        "绑定自动扣款、设置还款提醒，避免再忘记还钱。",
        "可以在手机里开启还款提醒功能，到期前三天会弹出来。",
    ],
)
def test_the_readers_own_reminder_is_no_lender_message(sentence: str) -> None:
    assert "debtor_contact" not in topics_of(sentence)


def test_near_miss_the_lenders_reminder_message_stays() -> None:
    assert topics_of("逾期第一天，系统会自动发送还款提醒短信。") == {"debtor_contact"}


# -- the application form's emergency contact -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "用户还需要提供两个紧急联系人的姓名和手机号。",
        "注册时要求填写一位紧急联系人的手机号码。",
        "紧急联系人指的是你申请借款时填写的、能联系上你的人。",
    ],
)
def test_the_forms_emergency_contact_is_no_contact_reached(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_near_miss_a_call_to_the_contact_filled_in_stays() -> None:
    assert topics_of("分期乐逾期后，催收员可能会联系你填写的紧急联系人。") == {"contacts_family"}


def test_the_negator_inside_a_gapped_cues_first_part_belongs_to_the_cue() -> None:
    # 没 of 没法再用…付款 is the cue's own word, not a denial of it
    assert analyse("逾期以后，外卖和买菜都没法再用月付付款了。").stance == "affirms"
    assert analyse("京东白条逾期后就没法再用白条分期买东西了。").stance == "affirms"
    assert analyse("还清以后，抖音月付无法再用来付款的情况会解除吗？").stance == "question"


def test_near_miss_a_negator_before_a_gapped_cue_still_denies() -> None:
    assert analyse("按时还款的话，额度不会被下调。").stance == "denies"
