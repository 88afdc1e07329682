"""Round z2 (session eleven): classes found by blind probes 320 on, Q&A threads and help centres.

Each class has sentences of its own and a near miss that keeps the old reading: a denial closed
by the assertive 的 (一般不会起诉的，…) names no case; "nothing on the record" said in chat
(征信上啥记录都没有) denies after the cue; a help centre's words for an account out of use or a
limit touched (将无法正常使用, 还能接着用吗, 影响…的额度); a help centre's 如您 is a condition;
a permission in a system (没有权限) is no rule; handing to the lender's partners with words
between, in-laws reached, 电联 and an app's push; N个来月 and a next-day restore after
repayment; a deferral granted in chat words (给延了); where the reader may apply (可在…申请); a
record deleted in chat words (没法…删掉); rarity in idioms (凤毛麟角); the phone not answering,
then 才 (打不通才会); the threatened visitor who never showed up (一个都没露面); the rest split
into instalments (剩下的分六期); dialect 莫慌 as advice and 晚个两三天 as a span; a help centre
contacting the reader (与您联系); the home phone (家里电话); Q&A typos for products and the
bureau (借贝, 花被逾期, 上正信); a record said to be clean (征信干干净净); 八成 before a verb as a
possibility; 要小心 and 赶紧想办法 as advice; a loan refused after the record (贷款批不下来) is
no denial of the record; a message or pop-up reminder (通知中心里弹消息提醒); a stranger calling
himself the platform's official staff (自称是平台官方); a reply's 加我V as a call-to-action box,
and a stranger's account (陌生微信号) or someone who added the teller (有人加我微信) as none; the
family sought out (找到家人头上) as no visit.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a denial closed by the assertive 的 is no case clause ------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("这点钱平台一般不会起诉的，金额太小，打官司还得倒贴。", "legal_action"),
        ("几千块的网贷不可能上门的，真上门了差旅费都回不来。", "home_visit"),
        ("银行通常不会爆通讯录的，正规机构打给家人也要担风险。", "contacts_family"),
    ],
)
def test_a_denial_closed_by_assertive_de_keeps_its_denial(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_case_clause_ending_in_de_stays_the_circumstance() -> None:
    # near miss: 上门辱骂借款人的 names the case, the claim is the detention that follows
    a = analyse("催收人员上门辱骂借款人的，会被公安机关依法拘留。")
    assert "home_visit" not in a.topics


# -- nothing on the record, said in chat, after the cue ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "亲测花呗晚了一天，征信上啥记录都没有。",
        "我查了征信报告，什么记录都没有，放心吧。",
        "借呗晚还三天，人行征信里啥也没显示。",
    ],
)
def test_nothing_on_the_record_denies_the_report(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance == "denies"


def test_a_record_that_shows_is_no_denial() -> None:
    # near miss: the record is there
    a = analyse("亲测花呗晚了五天，征信上已经有一条逾期记录了。")
    assert "credit_report" in a.topics
    assert a.stance != "denies"


# -- a help centre's words for an account out of use or a limit touched ----------------------


@pytest.mark.parametrize(
    "sentence, stance",
    [
        ("逾期欠款还清之前，月付将无法正常使用。", "affirms"),
        ("白条逾期了还能接着用吗？", "question"),
        ("花呗逾期一般不会影响借呗的额度。", "denies"),
    ],
)
def test_help_centre_account_words(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert "account_impact" in a.topics
    assert a.stance == stance


def test_an_effect_on_a_contract_is_no_account_impact() -> None:
    # near miss: 影响 with no limit after it
    a = analyse("花呗逾期不会影响你和平台签的借款合同。")
    assert "account_impact" not in a.topics


# -- a help centre's 如您 / 如你 is a condition --------------------------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("如您已结清全部欠款，不良记录将自结清之日起保留五年。", "credit_report"),
        ("如你逾期未还，平台会按日收取违约金。", "penalty_fees"),
        ("如你的欠款已经逾期，平台会把它转交第三方催收公司。", "third_party_agency"),
    ],
)
def test_help_centre_conditions(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "conditional"


def test_as_you_said_is_no_condition() -> None:
    # near miss: 如你所说 agrees with the reader, it sets no condition
    a = analyse("如你所说，逾期之后平台会收取罚息。")
    assert "penalty_fees" in a.topics
    assert a.stance == "affirms"


# -- a permission in a system is no rule -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "客服说他们没有权限撤销逾期记录，只能等五年后自动消除。",
        "我们这边没有权限帮您减免罚息，请您谅解。",
        "只有后台有权限修改征信上报的数据。",
    ],
)
def test_a_system_permission_is_no_rule(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality != "normative"


def test_a_lenders_right_stays_a_rule() -> None:
    # near miss: 有权 of the law
    a = analyse("借款人逾期后，银行有权向法院提起诉讼。")
    assert "legal_action" in a.topics
    assert a.modality == "normative"


# -- contact words of chat and help pages ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("逾期满三个月的账户，会被移交给第三方合作机构处理。", "third_party_agency"),
        ("催收找不到我，直接打到我娘家去了。", "contacts_family"),
        ("我们不会向与欠款无关的第三方透露您的借款信息。", "contacts_family"),
        ("逾期头几天主要是App推送和短信提醒。", "debtor_contact"),
    ],
)
def test_contact_words_of_chat_and_help_pages(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics


def test_a_partner_list_is_no_agency() -> None:
    # near miss: the partners named with no hand-over
    a = analyse("平台的合作机构名单可以在官网上查到。")
    assert "third_party_agency" not in a.topics


# -- thresholds: N个来月, a next-day restore after repayment -----------------------------------


@pytest.mark.parametrize(
    "sentence, days",
    [
        ("美团月付拖了一个来月，催收就开始打紧急联系人了。", 30),
        ("借呗逾期两个来月，平台把案子交给了外包公司。", 60),
        ("白条逾期三个来月以后，有人收到了起诉短信。", 90),
    ],
)
def test_about_n_months(sentence: str, days: int) -> None:
    a = analyse(sentence)
    assert a.threshold is not None
    assert a.threshold.min_days == days


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期后月付功能会暂停，还清后次日恢复。",
        "借呗额度冻结以后，结清后隔天恢复使用。",
        "逾期后花呗暂停使用，结清次日系统自动恢复。",
    ],
)
def test_a_restore_after_repayment_is_no_threshold(sentence: str) -> None:
    a = analyse(sentence)
    assert "account_impact" in a.topics
    assert a.threshold is None or a.threshold.anchor is None


def test_the_day_after_the_due_date_stays_a_threshold() -> None:
    # near miss: 逾期次日 is the first overdue day
    a = analyse("逾期次日就会开始收取罚息。")
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (1, 1)


# -- a deferral granted in chat words ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我打客服说了家里的情况，人家给延了一个星期。",
        "催收那边人还不错，帮我延了十天。",
        "客服那边又延了半个月，总算缓过来了。",
    ],
)
def test_a_deferral_granted_in_chat_words(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics


def test_a_delayed_flight_is_no_deferral() -> None:
    # near miss: 延误 is no deferral of a debt
    a = analyse("航班延误了半天，我在机场坐了一下午。")
    assert "negotiation" not in a.topics


# -- where the reader may apply ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "确实还不上的用户，可在App内申请延期还款。",
        "您可在线申请个性化分期方案。",
        "持卡人可在信用卡中心官网提交协商还款申请。",
    ],
)
def test_where_the_reader_may_apply_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.modality == "advice"


def test_what_a_lender_may_do_is_no_advice() -> None:
    # near miss: the bank as the subject of 可在
    a = analyse("银行可在借款人逾期三个月后提起诉讼。")
    assert "legal_action" in a.topics
    assert a.modality != "advice"


# -- a record deleted, negated, in chat words -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "客服说没法帮我把逾期记录删掉。",
        "银行也不能把征信上的不良记录删了。",
        "谁也没办法把逾期记录撤掉。",
    ],
)
def test_a_record_that_cannot_be_deleted_stays(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance != "denies"


def test_no_record_at_all_is_still_a_denial() -> None:
    # near miss: the negator before the record, no removal verb
    a = analyse("晚还一天，征信上不会有逾期记录。")
    assert "credit_report" in a.topics
    assert a.stance == "denies"


# -- rarity in idioms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("因为几千块网贷被判刑的，屈指可数。", "criminal_risk"),
        ("真派人去老家家访的，凤毛麟角。", "home_visit"),
        ("小额欠款被银行起诉的寥寥无几。", "legal_action"),
    ],
)
def test_rarity_idioms_deny_with_a_frequency_hedge(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_an_event_said_to_be_common_stays_affirmed() -> None:
    # near miss: no rarity word after the event
    a = analyse("因为几千块网贷被判刑的，每年都有好几起。")
    assert "criminal_risk" in a.topics
    assert a.stance == "affirms"


# -- the borrower's phone not answering, then 才 ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台一般先找本人，打不通才会联系紧急联系人。",
        "本人电话一直打不通，催收才会打给家里人。",
        "借款人不接电话才会轮到通讯录里的朋友。",
    ],
)
def test_not_answering_then_cai_is_a_condition(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == "conditional"


def test_a_phone_that_did_not_answer_in_a_story_is_no_condition() -> None:
    # near miss: no 才, a story of what happened
    a = analyse("我的电话那几天一直打不通，催收就打给了我妈。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


# -- the threatened visitor who never showed up -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员说下周要来家访，结果一个都没露面。",
        "说好的上门，到现在连人影都没见着。",
        "他们天天说要来，其实一次都没露过面。",
    ],
)
def test_a_visitor_who_never_showed_up_denies_the_visit(sentence: str) -> None:
    a = analyse(sentence)
    assert "home_visit" in a.topics
    assert a.stance == "denies"


def test_a_visitor_who_came_affirms_the_visit() -> None:
    # near miss: 露面 affirmed
    a = analyse("催收员上个月真的上门了，还在楼下等了一下午。")
    assert "home_visit" in a.topics
    assert a.stance == "affirms"


# -- the rest split into instalments ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台同意我先还一半，剩下的分十二期。",
        "银行说可以先还部分欠款，剩余的分二十四期慢慢还。",
        "客服给的方案是先还一半，余下的分六期。",
    ],
)
def test_part_paid_and_the_rest_split_is_negotiation(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics


def test_a_half_of_something_else_is_no_plan() -> None:
    # near miss: 一半 of the callers, no repayment
    a = analyse("催收电话有一半是机器人打的。")
    assert "negotiation" not in a.topics


# -- dialect 莫 as advice, 晚个 + a span -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, days",
    [
        ("妹子莫慌，花呗晚个一两天一般不会上征信。", (1, 2)),
        ("莫怕，借呗晚个三天也就是收几条短信。", (3, 3)),
        ("老乡莫急，信用卡迟个两三天，银行一般只打本人电话。", (2, 3)),
    ],
)
def test_dialect_advice_and_a_span_with_a_measure_word(
    sentence: str, days: tuple[int, int]
) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality == "advice"
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == days


def test_mo_of_an_idiom_is_no_advice() -> None:
    # near miss: 莫名 is no 莫慌
    a = analyse("莫名其妙收到一条催收短信，说我借呗逾期了。")
    assert a.modality != "advice"


# -- a help centre contacting the reader, the home phone ----------------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("我们只会通过您预留的手机号与您联系。", "debtor_contact"),
        ("逾期后工作人员会和您联系，核实还款安排。", "debtor_contact"),
        ("逾期两个月了，也没人打过我家里电话。", "contacts_family"),
    ],
)
def test_help_centre_contact_and_the_home_phone(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics


def test_a_family_contact_outweighs_the_weak_reader_contact() -> None:
    # near miss: the family named beside the weak 与您联系
    a = analyse("联系不上本人时，我们会与您的紧急联系人联系。")
    assert "contacts_family" in a.topics
    assert "debtor_contact" not in a.topics


# -- Q&A typos for products and the bureau --------------------------------------------------


@pytest.mark.parametrize(
    "sentence, product, topic",
    [
        ("借贝晚还两天，催收电话就来了。", "借呗", "debtor_contact"),
        ("花被逾期一周，芝麻分掉了不少。", "花呗", "account_impact"),
        ("借被逾期会上正信吗？", "借呗", "credit_report"),
    ],
)
def test_qa_typos(sentence: str, product: str, topic: str) -> None:
    a = analyse(sentence)
    assert product in a.products
    assert topic in a.topics


def test_a_quilt_is_no_product() -> None:
    # near miss: 花被子 is a quilt
    a = analyse("逾期那段时间，我连买床花被子的钱都没有。")
    assert "花呗" not in a.products


# -- a record said to be clean ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我借呗晚还过两天，征信干干净净。",
        "查了一下人行征信，干干净净的。",
        "放心，花呗晚还一天，征信报告还是干干净净。",
    ],
)
def test_a_clean_record_denies_the_report(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance == "denies"


def test_a_clean_room_is_no_claim() -> None:
    # near miss: no record word before 干干净净
    a = analyse("出租屋收拾得干干净净，催收上门也没找到人。")
    assert a.stance != "denies" or "credit_report" not in a.topics


# -- 八成 before a verb, 要小心 and 赶紧想办法 --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "你这种情况八成要被起诉了。",
        "这条短信八成是骗子发的，别理它。",
        "逾期这么久，八成会被爆通讯录。",
    ],
)
def test_bacheng_before_a_verb_is_a_possibility(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.hedge == "possibility"


def test_bacheng_of_lenders_stays_a_frequency() -> None:
    # near miss: 八成的平台 is a share
    a = analyse("逾期头三天，八成的平台只会联系借款人本人。")
    assert a.hedge == "frequency"


@pytest.mark.parametrize(
    "sentence",
    [
        "信用卡欠得多要小心，可能会被认定恶意透支。",
        "逾期超过三个月就要当心被起诉了。",
        "都快被爆通讯录了，赶紧想办法还上吧。",
    ],
)
def test_take_care_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality == "advice"


def test_care_in_a_description_is_no_advice() -> None:
    # near miss: 小心 of the collector's manner
    a = analyse("催收员说话都小心翼翼的，生怕被投诉。")
    assert a.modality != "advice"


# -- a loan refused after the record ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "征信上有逾期记录，贷款基本批不下来。",
        "有了不良记录以后，贷款很可能会被拒绝。",
        "征信花了，贷款大多批不下来。",
    ],
)
def test_a_loan_refused_after_the_record_keeps_the_record(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance != "denies"


def test_a_plan_refused_stays_denied() -> None:
    # near miss: a repayment plan asked for and refused (refusal_topics)
    a = analyse("我申请了个性化分期，银行那边批不下来。")
    assert "negotiation" in a.topics
    assert a.stance == "denies"


# -- a message or pop-up reminder -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期后系统会先在App的通知中心里弹消息提醒。",
        "月付逾期第一天，一般只有消息提醒。",
        "借呗逾期后首页会出现弹窗提醒还款。",
    ],
)
def test_a_message_or_popup_reminder_is_a_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics


def test_a_reminder_set_by_the_reader_is_no_contact() -> None:
    # near miss: the reader's own calendar reminder (还款提醒 of the reader is sensed away)
    a = analyse("建议在手机日历里给自己设个还款日闹钟。")
    assert "debtor_contact" not in a.topics


# -- a stranger calling himself the platform's official staff ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人加我微信，自称是平台官方，让我把钱转给他。",
        "对方自称官方客服，说可以帮我消除逾期记录。",
        "一个自称是借呗官方人员的人打来电话，要我下载一个App。",
    ],
)
def test_a_stranger_claiming_to_be_official_is_an_impostor(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics


def test_the_official_line_is_no_impostor() -> None:
    # near miss: the platform's official hotline named by the reader
    a = analyse("有疑问可以拨打平台的官方客服热线核实。")
    assert "fake_collection" not in a.topics


# -- a reply's 加我V is a call-to-action box ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "加我V，教你怎么跟平台谈停息挂账。",
        "需要协商还款的加我薇信，免费指导。",
        "想上岸的朋友加我v，一对一帮你分析。",
    ],
)
def test_a_replys_add_me_is_a_cta(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ()


def test_a_vip_account_is_no_cta() -> None:
    # near miss: 加我vip群 is not the box's v; the claim stays
    a = analyse("逾期以后平台会暂停你的vip会员资格。")
    assert "account_impact" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "欠款刚逾期，就有个陌生微信号申请好友，自称官方催收专员。",
        "有人加我微信，自称是平台官方，让我把钱转给他。",
        "催收加我微信以后，自称官方人员，发来一张假律师函。",
    ],
)
def test_a_strangers_account_is_no_cta(sentence: str) -> None:
    a = analyse(sentence)
    assert a.boilerplate is None
    assert "fake_collection" in a.topics


def test_my_account_number_stays_a_cta() -> None:
    # near miss: the writer's own account given out
    a = analyse("债务协商请加我的微信号，一对一指导。")
    assert a.topics == ()


# -- the family sought out is no visit --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "放心借找到家人头上的并不多见。",
        "催收要是找到家里人那儿，你就被动了。",
        "网贷逾期三个月，催收找到家人了。",
    ],
)
def test_the_family_sought_out_is_no_visit(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert "home_visit" not in a.topics


def test_found_at_home_stays_a_visit() -> None:
    # near miss: 找到家 of the home itself
    a = analyse("催收员照着地址找到家里来了。")
    assert "home_visit" in a.topics
