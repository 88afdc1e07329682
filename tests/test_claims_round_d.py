"""Collection rules and the debtor's rights (probe50-52 round, tagger-d).

Each class has its own sentences, not the probe lines: an app reading the
contact list, a phone permission switched off, calls with the borrower as
their object, few people or cases after the cue, a debt split into
instalments, disclaimers that refer the reader to a lawyer, the borrower's
own fear, words said on a call, a "mediation centre" calling, a
precondition (以…为前提), steps only a creditor takes after 可以, a rule
source named after the rule, recording a call, a freeze that enforces an
award. Each class also has a near miss that must keep its reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# --- an app reading the contact list is no contact being called ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "注册时软件会弹窗要求获取手机通讯录，点了同意才能继续。",
        "不少小贷APP会把用户的通讯录上传到自己的服务器。",
        "部分借款软件要求访问联系人，否则就不给下款。",
    ],
)
def test_an_app_reading_the_contact_list_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_a_permission_switched_off_is_no_account_shut() -> None:
    for sentence in ("在系统设置里把借款软件的通讯录权限关掉。",
                     "把这个APP的定位权限关了就行。",
                     "装好以后记得把贷款软件的读取权限关闭。"):  # fmt: skip
        assert "account_impact" not in topics_of(sentence), sentence


def test_a_contact_after_the_permission_is_still_a_contact() -> None:
    # the permission is the circumstance; the calls in the next clause are the claim
    a = analyse("授权过通讯录的，逾期后催收可能会打给你的联系人。")
    assert "contacts_family" in a.topics
    # switching the permission off does not stop the calls (a negator on another verb)
    assert "contacts_family" in topics_of("关了权限也挡不住催收打给你的亲友。")
    # a lender's account shut is still account impact
    assert "account_impact" in topics_of("逾期以后平台直接把借款入口关闭了。")


# --- a call with the borrower as its object ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员一上午给借款人打了七八次。",
        "一天之内打给同一个欠款人超过三次，就算骚扰了。",
        "每天的有效通话不能超过三次。",
    ],
)
def test_a_call_to_the_borrower_is_debtor_contact(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_a_call_to_the_borrowers_family_stays_contacts_family() -> None:
    topics = topics_of("催收员打给借款人的父母，说他欠钱不还。")
    assert "contacts_family" in topics and "debtor_contact" not in topics


# --- few people or cases after the cue -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("成功申请到停息挂账的人并不多。", "negotiation"),
        ("网贷逾期被真正起诉的例子并不多。", "legal_action"),
        ("因为几百块钱被上门催收的人很少。", "home_visit"),
    ],
)
def test_few_people_after_the_cue_deny_it(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics and a.stance == "denies" and a.hedge == "frequency"


def test_many_people_after_the_cue_affirm_it() -> None:
    a = analyse("申请停息挂账的人并不少。")
    assert "negotiation" in a.topics and a.stance == "affirms"


# --- a debt split into a number of instalments -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "谈了一个多月，银行最后答应把欠款分36期还。",
        "平台同意剩下的本金分24期还清。",
        "客服回复说这笔账可以分6期还，不收违约金。",
    ],
)
def test_a_debt_split_into_instalments_is_negotiation(sentence: str) -> None:
    assert "negotiation" in topics_of(sentence)


def test_a_products_own_instalments_are_no_plan() -> None:
    assert "negotiation" not in topics_of("这款消费贷最长可分12期还，利率按日计算。")


# --- disclaimers that refer the reader to a lawyer ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "以上内容仅代表笔者个人看法，不构成法律意见。",
        "文章观点仅代表作者本人，如需起诉或应诉请以律师意见为准。",
        "本回答不构成任何法律建议，具体案件请咨询专业律师。",
    ],
)
def test_a_disclaimer_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == () and a.boilerplate == "disclaimer"


def test_advice_to_see_a_lawyer_keeps_its_claim() -> None:
    a = analyse("收到法院传票以后，最好咨询专业律师。")
    assert "legal_action" in a.topics and a.boilerplate is None


# --- the borrower's own fear ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我最担心的是催收打电话给我爸妈。",
        "那阵子最害怕接到陌生号码的电话。",
        "我天天提心吊胆，生怕有人找上门来要钱。",
    ],
)
def test_the_borrowers_fear_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_what_happened_after_the_fear_is_a_claim() -> None:
    assert "contacts_family" in topics_of("我最担心的事还是发生了：催收真的打给了我妈。")


# --- words said on a call --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "not_topic"),
    [
        ("催收打来电话说，再不还就去你老家走访。", "home_visit"),
        ("对方在电话里说已经给我立案了。", "legal_action"),
        ("那人电话中说“明天就冻结你的银行卡”。", "account_impact"),
    ],
)
def test_words_said_on_a_call_are_reported(sentence: str, not_topic: str) -> None:
    topics = topics_of(sentence)
    assert "debtor_contact" in topics and not_topic not in topics


def test_explaining_on_a_call_quotes_nothing() -> None:
    topics = topics_of("我在电话里说明了困难，银行同意了分期。")
    assert "negotiation" in topics


# --- a "mediation centre" calling -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "一个自称调解员的人打来电话催我还款。",
        "某调解中心天天发来短信，让我尽快处理欠款。",
        "调解中心的来电一天好几个。",
    ],
)
def test_a_mediation_centre_calling_is_collection_contact(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "debtor_contact" in topics and "legal_action" not in topics


def test_a_courts_mediation_stays_legal_action() -> None:
    assert "legal_action" in topics_of("法院立案以后，会先安排双方调解。")


# --- a precondition put as such --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("银行同意停息挂账，是以借款人确实有困难为前提的。", "negotiation"),
        ("平台申请仲裁，要以合同里约定了仲裁条款为前提。", "legal_action"),
        ("以借款人失联为前提，催收才会联系紧急联系人。", "contacts_family"),
    ],
)
def test_a_precondition_is_a_condition(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics and a.stance == "conditional"


def test_a_precondition_named_as_a_topic_is_no_condition() -> None:
    assert analyse("各家银行同意停息挂账的前提条件都不一样。").stance != "conditional"


# --- steps only a creditor takes, after 可以 ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "仲裁裁决书生效以后，可以直接申请强制执行。",
        "欠款事实清楚、金额确定的，可以先申请支付令。",
        "合同约定了仲裁的，可以不经法院直接申请仲裁。",
    ],
)
def test_a_creditors_step_after_kexi_is_descriptive(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics and a.modality == "descriptive"


def test_the_debtors_own_step_after_kexi_is_advice() -> None:
    a = analyse("收到支付令后，可以在十五日内提出书面异议。")
    assert "legal_action" in a.topics and a.modality == "advice"


# --- a rule source named after the rule -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收电话只能在早上八点到晚上九点之间打，这是行业公约里写明的。",
        "每天打给借款人的有效通话最多三次，这是新规规定的。",
        "上门催收至少要两个人，这是指引里明文规定的。",
    ],
)
def test_a_rule_source_after_the_rule_is_normative(sentence: str) -> None:
    assert analyse(sentence).modality == "normative"


def test_a_plain_comment_after_a_claim_is_no_rule() -> None:
    assert analyse("催收一般先打电话，这是很多人都经历过的。").modality == "descriptive"


# --- recording a call ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "记得把每一通催收的威胁都录下来。",
        "那通辱骂我的电话，我全都录了音。",
        "偷偷录下的通话内容，也可以拿去投诉。",
    ],
)
def test_recording_a_call_is_complaints_rights(sentence: str) -> None:
    assert "complaints_rights" in topics_of(sentence)


def test_a_record_downloaded_is_no_recording() -> None:
    assert "complaints_rights" not in topics_of("在银行APP里可以把还款记录下载下来。")


# --- a freeze that enforces an award or order ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "仲裁裁决下来以后，他的银行卡很快就被冻结了。",
        "支付令生效后还不还的，银行卡会被冻结。",
        "很多人是银行卡被冻结了，才知道自己被仲裁过。",
    ],
)
def test_a_freeze_enforcing_an_award_is_legal_action(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "legal_action" in topics and "account_impact" not in topics


def test_a_lenders_limit_frozen_stays_account_impact() -> None:
    assert "account_impact" in topics_of("借呗逾期以后，额度会被冻结。")


# --- a law's name, a recording in court, a statute article quoted -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "依据《民事诉讼法》的规定，偷录的电话录音也能作为证据。",
        "《最高人民法院关于民事诉讼证据的若干规定》对录音证据有专门的条文，可以拿来维权。",
        "按照刑事诉讼法，报警后警方会先调查暴力催收的情况。",
    ],
)
def test_a_laws_name_is_no_lawsuit(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "complaints_rights" in topics and "legal_action" not in topics


def test_a_lawsuit_under_a_named_law_stays_legal_action() -> None:
    assert "legal_action" in topics_of("根据《民事诉讼法》，法院可以冻结被执行人的存款。")


@pytest.mark.parametrize(
    "sentence",
    [
        "电话录音在法院是可以当证据用的。",
        "催收的辱骂录音交到法庭上，一般都会被采信。",
        "自己录下的通话，法院通常也认可。",
    ],
)
def test_a_recording_in_court_is_the_borrowers_evidence(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "complaints_rights" in topics and "legal_action" not in topics


def test_a_court_summons_stays_legal_action() -> None:
    assert "legal_action" in topics_of("平台起诉以后，法院会通知你开庭。")


@pytest.mark.parametrize(
    "sentence",
    [
        "第三十条 借款人逾期未还款的，贷款人有权依照合同约定收取逾期利息。",
        "第十二条 催收人员不得以暴力或者威胁的方法进行催收。",
        "第二百四十二条 被执行人未按执行通知履行义务的，人民法院有权冻结其存款。",
    ],
)
def test_a_statute_article_quoted_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == () and a.boilerplate is not None


def test_an_ordinal_list_item_is_no_statute_article() -> None:
    assert "credit_report" in topics_of("第一，逾期记录会上征信。")
    assert "legal_action" in topics_of("第三条规定了法院可以冻结存款，这一点要注意。")


# --- probe52: a ruling come out as the time frame, adverts, comment blocks, copied contacts -----


@pytest.mark.parametrize(
    "sentence",
    [
        "判决结果出来以后，银行基本不会再同意分期。",
        "仲裁书下达之后，平台就不接受协商了。",
        "法院的调解书出来后，对方不会再减免一分钱。",
    ],
)
def test_a_ruling_come_out_is_the_time_frame(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "negotiation" in topics and "legal_action" not in topics


def test_a_step_done_before_the_next_stays_in_the_claim() -> None:
    # a bare 以后 is part of the claim (交给外包公司以后，对方可能家访)
    assert "legal_action" in topics_of("平台起诉以后，法院会冻结你的银行卡。")


@pytest.mark.parametrize(
    "sentence",
    [
        "资深团队代理信用卡停息分期，方案当天出，详询在线客服。",
        "网贷协商还款找我们，专业可靠，欢迎来电咨询。",
        "律师一对一帮你处理逾期起诉，欢迎咨询。",
    ],
)
def test_an_advert_with_an_enquiry_line_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == () and a.boilerplate == "call-to-action box"


def test_a_claim_about_asking_the_lender_keeps_its_topic() -> None:
    assert "negotiation" in topics_of("有困难的话，可以先打银行客服电话问问能不能分期。")


@pytest.mark.parametrize(
    "sentence",
    [
        "网友评论：我朋友的单位也被打过电话，后来投诉才停。",
        "热门评论：上门催收都是吓唬人的，别怕。",
        "读者留言：我的借呗逾期两个月，额度已经冻结了。",
    ],
)
def test_a_comment_block_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_comment_named_inside_a_sentence_is_still_a_claim() -> None:
    assert "legal_action" in topics_of("不少网友在评论区说，逾期三个月就被起诉了。")


@pytest.mark.parametrize(
    "sentence",
    [
        "贷款软件会把手机通讯录同步到自己的后台。",
        "注销账号以后，通讯录数据还留在平台后台。",
        "事后把手机里的联系人全删除了也没用。",
    ],
)
def test_contacts_copied_or_deleted_are_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_a_call_to_contacts_after_the_copy_stays_a_contact() -> None:
    assert "contacts_family" in topics_of("通讯录早就同步到后台了，逾期后催收照样会打给你的家人。")


# --- people with no part in the debt ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收人员不得向与债务无关的人透露欠款信息。",
        "正规机构不会去打扰不相关的人。",
        "把欠款的事告诉无关人员，属于违规催收。",
    ],
)
def test_people_with_no_part_in_the_debt_are_third_parties(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


def test_a_matter_with_no_part_in_the_debt_is_no_person() -> None:
    assert "contacts_family" not in topics_of("与债务无关的问题，客服一般不回答。")


# --- a negator inside a 的-phrase that names who -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("合同里没有另作约定的平台一般会直接去法院起诉。", "legal_action"),
        ("没有固定收入的借款人可以向银行申请延期还款。", "negotiation"),
        ("没有按时还款的借款人会被平台起诉。", "legal_action"),
    ],
)
def test_a_negator_naming_who_denies_nothing(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics and a.stance != "denies"


def test_a_negator_before_a_persons_relative_still_denies() -> None:
    # 你的家人 is a relative, not a party named by a 的-phrase
    a = analyse("正规平台不会把欠款的事告诉你的家人。")
    assert "contacts_family" in a.topics and a.stance == "denies"
    a = analyse("没有逾期的用户，平台不会催收，更不会起诉。")
    assert a.stance == "denies"
