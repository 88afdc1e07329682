"""Round tagger-u (coordinator): whole real-style pages read sentence by sentence.

Each class has sentences of its own and a near miss that keeps the old reading:
a numbered short phrase heading the paragraph under it (1、逾期1个月内) is a
section, not a claim borrowing the topics of the paragraph before; a summary
label (摘要：, 导读：) is transparent; the article announcing what it will
discuss (本文将探讨…) is no claim; 声称 takes the topic of whoever speaks; the
borrower's own absence or silence (不在家, 不回复) is a condition, not a
denial; the borrower telling the employer (向单位领导说明情况, 未及时告知单位)
reaches no one; a due date run past (最后还款日超过三天) is where the count
starts, no grace period; a seller of debt services speaking is the scam; 对象 as
whom a rule applies is no partner; the reader told not to avoid the calls (不要忽视
催收电话) is no denial of them; a list item takes the topics of the clause that
announces the list (…采取以下手段：), not of a clause before it; the lender upholding
its own rights (平台…维护自己的权益) is no complaint; a limit cut with its owner
between (降低客户的额度) is an account impact.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from pipeline.claims.document import tag_document
from pipeline.claims.segment import segment
from tests.helpers import topics_of

# -- a numbered stage heading heads its paragraph -------------------------------------------

STAGES = (
    "借呗逾期以后，处理大致分三个阶段：\n"
    "1、逾期一周以内\n"
    "这时候平台一般只发短信、打电话给本人，提醒尽快还上。\n"
    "2、逾期一到两个月\n"
    "催收开始变得频繁，有的会联系紧急联系人。\n"
    "3、逾期半年以上\n"
    "平台可能把账户交给律所，准备起诉。\n"
)


def test_numbered_stage_headings_become_sections_not_claims() -> None:
    segs = segment(STAGES)
    texts = [s.text for s in segs]
    assert not any(t.startswith("逾期") and len(t) <= 10 for t in texts)
    sections = {s.section for s in segs}
    assert any("逾期一到两个月" in sec for sec in sections)
    claims = tag_document("d", STAGES)
    assert not any(c.text in ("逾期一周以内", "逾期一到两个月", "逾期半年以上") for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "信用卡逾期后银行会怎么做？\n1. 逾期三天内\n多数银行只发短信提醒。\n",
        "网贷催收一般有这几步：\n（1）委外阶段\n平台会把账转给第三方公司去催。\n",
        "下面分情况说。\n① 金额较小\n平台通常不会为了几百块去起诉。\n",
    ],
)
def test_a_numbered_phrase_over_prose_is_a_heading(text: str) -> None:
    heading = text.splitlines()[1]
    assert all(s.kind == "sentence" for s in segment(text))
    assert all(heading[-4:] in s.section for s in segment(text)[1:])


def test_near_miss_a_run_of_short_items_stays_a_list() -> None:
    text = ("以下情况容易被起诉：\n1、逾期超过九十天\n2、欠款金额超过五万\n"
            "满足其中一条，平台就可能起诉。\n")
    items = [s for s in segment(text) if s.kind == "item"]
    assert [s.text for s in items] == ["逾期超过九十天", "欠款金额超过五万"]


def test_near_miss_an_item_that_says_something_stays_an_item() -> None:
    text = "逾期后果有这些：\n1、一直打催收电话，有时一天二十多个。\n平台也会发短信。\n"
    assert any(s.kind == "item" for s in segment(text))


# -- a summary label is transparent ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("摘要：信用卡逾期后，银行一般不会直接给家人打电话。", "contacts_family"),
        ("导读：网贷逾期三个月以上，平台多半会委托第三方公司催收。", "third_party_agency"),
        ("本文要点：借呗逾期超过90天，有可能被起诉。", "legal_action"),
    ],
)
def test_a_summary_label_keeps_the_claim_after_it(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


def test_near_miss_a_topic_label_still_announces() -> None:
    assert topics_of("本期话题：逾期以后家人会不会被骚扰") == set()


# -- the article announcing what it will discuss --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "本文将探讨催收打到单位的法律边界，以及借款人该如何应对。",
        "简介：本文将逐一解答信用卡欠款被起诉后的每个环节。",
        "这篇文章将剖析上门催收背后的逻辑和借款人的权利。",
    ],
)
def test_the_article_announcing_its_discussion_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_finding_of_the_article_is_a_claim() -> None:
    assert "legal_action" in topics_of("本文统计的案例里，多数平台在逾期半年后才起诉。")


# -- 声称: whoever speaks decides the topic of quoting ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员打来电话，声称今晚就派人去你老家。",
        "有的催收人员声称马上要来单位找你领导。",
        "催收公司的人在微信上声称已经到了你家楼下。",
    ],
)
def test_a_collectors_claim_is_a_contact(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "fake_collection" not in topics
    assert topics


@pytest.mark.parametrize(
    "sentence",
    [
        "网上有人声称逾期三个月必定会被上门。",
        "拍一张楼道的照片发过来，声称马上就敲门。",
    ],
)
def test_a_claim_nobody_makes_to_the_borrower_is_no_impostor(sentence: str) -> None:
    assert "fake_collection" not in topics_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("骗子声称自己是法院的工作人员，要求你立刻转账。", "fake_collection"),
        ("有人冒充平台客服，声称可以帮你注销账户。", "fake_collection"),
        ("某些法务公司声称能帮你和银行协商停息挂账。", "debt_help_scam"),
    ],
)
def test_near_miss_an_impostors_or_sellers_claim_keeps_its_topic(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


# -- the borrower's absence or silence is a condition ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("借款人不在家的时候，催收也会上门。", "home_visit"),
        ("借款人一直不回复、不配合，催收就会去找他的家人。", "contacts_family"),
        ("人不在本地，催收照样会打电话给你父母。", "contacts_family"),
    ],
)
def test_the_borrowers_absence_is_no_denial(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance != "denies"


def test_near_miss_a_collectors_refusal_keeps_its_denial() -> None:
    a = analyse("正规平台一般不会派人上门。")
    assert "home_visit" in a.topics
    assert a.stance == "denies"


# -- the borrower telling the employer reaches no one ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "主动向单位领导解释清楚缘由，省得被误会。",
        "有的借款人未及时告知单位自己欠了钱，外包公司就钻这个信息不对称的空子，压力只好来自单位。",
        "最好主动告知家人，免得他们从别人那里听说。",
    ],
)
def test_the_borrower_telling_the_employer_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "催收打电话给我单位领导，说我欠钱不还。",
        "我填的是室友的号码，结果他就接到了催收电话。",
        "填过的联系人，催收都会联系一遍。",
    ],
)
def test_near_miss_a_collector_reaching_them_stays_a_contact(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


# -- a due date run past marks where the count starts ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "最后还款日超过三天，贷款机构就会打电话催收。",
        "到期日已经超过一个月了，平台开始联系我的家人。",
        "还款日超过十天没还，银行把账转给了外包公司。",
    ],
)
def test_a_due_date_run_past_names_no_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" not in a.topics
    assert a.topics
    assert a.threshold is not None and a.threshold.min_days is not None


def test_near_miss_a_due_date_with_a_grace_keeps_it() -> None:
    assert "overdue_grace" in topics_of("还款日后三天内还上，不会被记为逾期。")


# -- a seller of debt services speaking is the scam -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "还有一些机构四处拉客，声称交钱就能做信用修复。",
        "一家机构介绍，可以把罚息、违约金全部减免，只还本金。",
        "中介称个人自己申请很难通过，最好交给他们处理。",
    ],
)
def test_a_sellers_words_are_the_scam(sentence: str) -> None:
    topics = topics_of(sentence)
    assert topics == {"debt_help_scam"}


def test_near_miss_the_lenders_service_line_keeps_its_offer() -> None:
    topics = topics_of("客服介绍，逾期后可以申请分期。")
    assert "negotiation" in topics
    assert "debt_help_scam" not in topics


# -- 对象 as whom a rule applies to is no partner -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这次信用修复的适用对象为2020年以后产生的小额逾期记录。",
        "起诉对象是借款人本人，不会牵扯到担保以外的人。",
        "这类贷款的服务对象主要是个体工商户。",
    ],
)
def test_whom_a_rule_applies_to_is_no_partner(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_near_miss_a_partner_called_stays_a_contact() -> None:
    assert "contacts_family" in topics_of("我对象接到了催收打来的电话。")


# -- the reader told not to avoid something ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("千万不要无视催收电话，最好及时回个话。", "debtor_contact"),
        ("别挂断催收员的电话，耐心说明情况。", "debtor_contact"),
        ("切勿躲避法院寄来的传票。", "legal_action"),
    ],
)
def test_a_prohibited_avoidance_affirms_what_is_avoided(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance != "denies"
    assert a.modality == "advice"


def test_near_miss_a_denial_that_names_an_avoidance_keeps_it() -> None:
    a = analyse("平台不会因为你拉黑电话就上门。")
    assert "home_visit" in a.topics
    assert a.stance == "denies"


# -- a list item takes the topics of the announcing clause ----------------------------------

LEAD_IN = (
    "京东白条欠款一般不会有人找上门，用户拖欠之后，平台通常会用下列办法：\n"
    "1、降低客户的信用评分。\n"
    "2、调整客户的借款通道。\n"
)


def test_items_do_not_take_a_topic_from_before_the_announcing_clause() -> None:
    claims = tag_document("d", LEAD_IN)
    items = [c for c in claims if c.text.startswith(("降低", "调整"))]
    assert not any("home_visit" in c.topics for c in items)


@pytest.mark.parametrize(
    "text",
    [
        "信用卡逾期九十天以上，银行会采取以下措施：\n1、起诉到法院。\n2、申请强制执行。\n",
        "网贷逾期以后，催收会用如下几种方式：\n1、打电话给本人。\n2、发短信提醒。\n",
    ],
)
def test_near_miss_items_keep_their_own_topics(text: str) -> None:
    claims = tag_document("d", text)
    assert sum(1 for c in claims if c.topics) >= 2


def test_near_miss_a_lead_in_without_announcing_words_lends_its_topic() -> None:
    text = "逾期以后，催收可能会联系你的亲友，比如：\n1、父母\n2、配偶\n"
    claims = tag_document("d", text)
    assert any("contacts_family" in c.topics for c in claims if c.text in ("父母", "配偶"))


# -- the lender upholding its own rights ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "借款人逾期以后，平台往往会采取各种手段来维护自身的权益。",
        "催了几轮还收不回钱，贷款机构便会拿出法律武器来维护自身权益。",
        "为了维护自己的权益，债权人可以要求借款人提前还款。",
    ],
)
def test_the_lender_upholding_its_rights_is_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "借款人可以向银行投诉，维护自身的合法权益。",
        "遇到暴力催收，要学会维护自己的权益。",
    ],
)
def test_near_miss_the_borrower_upholding_rights_is_a_complaint(sentence: str) -> None:
    assert "complaints_rights" in topics_of(sentence)


# -- a limit cut with its owner between -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期一次，银行就可能减少你的信用卡额度。",
        "平台会降低客户的借款额度。",
        "逾期后系统会降低你的微信分。",
    ],
)
def test_a_limit_cut_with_its_owner_between_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_near_miss_a_limit_named_is_no_impact() -> None:
    assert "account_impact" not in topics_of("申请时填写的额度越高越好。")


# -- overdue counted once the grace has run out -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "借呗给了两天的宽限期，超过这个期限还没还上就视为逾期。",
        "多数银行给两天宽限期，过了宽限期还没还才算作逾期。",
        "这家银行有三天容时，宽限期一过就记为逾期。",
    ],
)
def test_overdue_after_a_named_grace_affirms_the_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics
    assert a.stance != "denies"


def test_near_miss_overdue_with_no_grace_named_denies_it() -> None:
    a = analyse("网贷平台没有宽限期，过了还款日就算逾期。")
    assert a.stance == "denies"


# -- a rumour that claims is a belief named false ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("网上的谣言声称，借呗逾期会把你的通讯录公开给所有联系人。", "contacts_family"),
        ("有传言声称逾期三天就会被起诉。", "legal_action"),
        ("网上有谣言声称，逾期以后催收会直接上门。", "home_visit"),
    ],
)
def test_a_rumour_that_claims_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_near_miss_an_impostor_who_claims_stays_fake_collection() -> None:
    assert "fake_collection" in topics_of("骗子声称自己是法院的工作人员。")


# -- the same number dialled, as a rule on calls names it -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "新规明确，一天内同一个号码最多只能拨打6次。",
        "电话未接通时，对同一联系方式单日拨打不得超过六次。",
        "同一号码每天打给借款人不能超过三次。",
    ],
)
def test_the_same_number_dialled_is_a_call_to_the_borrower(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_near_miss_the_borrower_dialling_the_service_line_is_no_call() -> None:
    assert "debtor_contact" not in topics_of("我反复拨打客服电话都没人接。")


# -- a reminder the reader sets up; a notice made up; the repair policy; a bluff called -----


@pytest.mark.parametrize(
    "sentence",
    [
        "你可以在APP里设置还款提醒，避免忘记还款。",
        "不少信用卡APP带还款提醒，自己在设置里打开就行。",
        "记得打开花呗的消息提醒，到期前会收到通知。",
    ],
)
def test_a_reminder_the_reader_sets_up_is_no_call(sentence: str) -> None:
    assert "debtor_contact" not in topics_of(sentence)


def test_near_miss_the_lenders_reminder_stays_a_call() -> None:
    assert "debtor_contact" in topics_of("平台会在还款日前一天发短信提醒你还款。")


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期后收到的“立案通知”短信，其实都是催收编出来的。",
        "所谓的法院传票截图，是对方瞎编的。",
        "那份“起诉通知书”是催收公司捏造出来的，法院根本没有立案。",
    ],
)
def test_a_notice_made_up_by_the_collector_is_fake_collection(sentence: str) -> None:
    assert "fake_collection" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "这次征信修复政策的适用对象，是单笔不超过一万元的小额逾期。",
        "按照征信修复政策，还清后的小额逾期记录会被消除。",
    ],
)
def test_the_repair_named_as_a_policy_is_the_credit_record(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "credit_report" in topics
    assert "debt_help_scam" not in topics


def test_near_miss_a_paid_repair_stays_the_scam() -> None:
    assert "debt_help_scam" in topics_of("花钱找人做征信修复都是骗局。")


@pytest.mark.parametrize(
    "sentence",
    [
        "有传言声称借呗逾期一天就会被起诉，这完全是吓唬人的说法。",
        "网上说逾期三天就上门，纯属吓唬。",
    ],
)
def test_a_belief_called_a_bluff_is_denied_once(sentence: str) -> None:
    assert analyse(sentence).stance == "denies"


# -- a 是…的 predicate says something itself, it names no case --------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("那份起诉通知书是催收公司捏造出来的，法院根本没有立案。", "fake_collection"),
        ("原则上银行是愿意坐下来谈分期的，毕竟起诉对双方都有成本。", "negotiation"),
        ("单位电话是我自己填在借款资料里的，所以催收打过去也不算违规。", "contacts_family"),
    ],
)
def test_a_copular_first_clause_keeps_its_cues(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


def test_near_miss_a_case_clause_still_describes_the_case() -> None:
    topics = topics_of("催收人员上门辱骂借款人的，会被拘留。")
    assert "criminal_risk" in topics or "complaints_rights" in topics
    assert "home_visit" not in topics
