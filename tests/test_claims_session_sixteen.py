"""Session sixteen: classes found in real product explainers (安逸花, 分期乐, 360借条, 抖音月付)
and pages on letters sent home.

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- few people or cases, with an adverb between, deny the event -------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("真的走到被银行起诉那一步的人其实并不多。", "legal_action"),
        ("网贷逾期被判刑的实际上很少。", "criminal_risk"),
        ("催收员真跑到老家去的情况其实并不多。", "home_visit"),
    ],
)
def test_few_with_an_adverb_between_deny(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_many_people_sued_still_affirms() -> None:
    # near miss: no rarity word after the cue
    a = analyse("逾期后被起诉的人其实越来越多了。")
    assert "legal_action" in a.topics
    assert a.stance == "affirms"


# -- giving up forbidden urges the act ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "别放弃和银行协商，多沟通几次总能谈出个分期方案。",
        "千万不要轻易放弃申请个性化分期。",
        "就算第一次被拒了，也不要放弃协商还款。",
    ],
)
def test_do_not_give_up_negotiating_affirms(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.stance == "affirms"
    assert a.modality == "advice"


def test_a_lender_that_gives_up_nothing_is_no_advice() -> None:
    # near miss: no prohibitive, 放弃 is the lender's and stays negated
    a = analyse("银行不会放弃起诉的权利。")
    assert a.modality != "advice"


# -- caps said with 不能超过 and a count are rules, and no overdue span -------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("上门走访的工作人员人数不能超过两个。", "home_visit"),
        ("一天之内打给借款人的催收电话不能超过三次。", "debtor_contact"),
        ("催收员每天联系本人的电话不能超过3次。", "debtor_contact"),
    ],
)
def test_a_cap_with_a_count_is_a_rule(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.modality == "normative"
    assert a.threshold is None


def test_an_overdue_cap_keeps_its_span() -> None:
    # near miss: 逾期 before the span, which counts days overdue, not calls
    span = days_of("逾期不能超过三天，否则就会上报征信。")
    assert span is not None
    assert span[2] == "overdue"


# -- a collection firm from outside is an agency ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期两个月后，案子会交给外面的催收公司，也可能有人上门。",
        "拖久了银行会请外部的催收团队来处理，甚至上门。",
        "网贷逾期半年，平台把账转给了外边的催收机构，还有人上门。",
    ],
)
def test_an_outside_collector_is_outsourcing(sentence: str) -> None:
    a = analyse(sentence)
    assert "third_party_agency" in a.topics
    assert "home_visit" in a.topics


def test_a_lenders_own_collectors_are_no_agency() -> None:
    # near miss: the lender's own staff
    assert "third_party_agency" not in analyse("逾期以后，银行内部的催收人员会上门。").topics


# -- a committee that issues papers is no contact ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "带上村委会盖章的收入证明，去银行谈分期更容易通过。",
        "居委会开具的困难证明可以作为协商还款的材料。",
        "先去村委会开一份证明，再和平台协商延期。",
    ],
)
def test_a_committee_issuing_papers_is_no_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert "contacts_family" not in a.topics


def test_a_collector_at_the_committee_is_a_contact() -> None:
    # near miss: the collector goes to the committee about the debt
    assert "contacts_family" in analyse("催收员找到村委会，让他们转告你还钱。").topics


# -- a letter checked with the lender for being its own is an impostor check ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "收到催收函，先打银行客服核实是不是银行真的发出的。",
        "对方寄来的律师函，最好找平台确认是否真的委托过律所。",
        "收到这种短信，先核实是否真的是平台发的。",
    ],
)
def test_checking_a_letter_is_genuine_is_impostor_talk(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_a_check_of_the_amount_is_no_impostor_talk() -> None:
    # near miss: checking what is owed, not who sent it
    assert "fake_collection" not in analyse("收到催收函，先核实一下上面的欠款金额。").topics


# -- a call or paper received with 后, then the reader's first act, is advice ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "家里人接到催收电话后，先把录音保存好，再去投诉。",
        "收到律师函后，先打银行官方客服核实真假。",
        "接到起诉短信后，先去12368查一下有没有立案。",
    ],
)
def test_first_act_after_a_call_received_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_lenders_steps_after_a_call_stay_descriptive() -> None:
    # near miss: what the lender does next, with its own subject
    assert analyse("银行打完电话后，会先发一条短信提醒。").modality == "descriptive"


# -- a day of a timeline is a row, not a numbered heading ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "day"),
    [
        ("第5天：逾期信息报送到人行征信", "credit_report", 5),
        ("第45天：花呗被停用", "account_impact", 45),
        ("第60天:案件转交外包公司", "third_party_agency", 60),
    ],
)
def test_a_day_row_of_a_timeline_is_a_claim(sentence: str, topic: str, day: int) -> None:
    assert topic in topics_of(sentence)
    assert days_of(sentence) == (day, day, "overdue")


def test_a_numbered_point_is_still_a_heading() -> None:
    # near miss: 第二点 names a section
    assert analyse("第二点：征信记录").topics == ()


# -- an overdue span followed by 过后 is open --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("逾期两个月过后，平台大概率会起诉。", 60),
        ("逾期15天过后，案子会交给第三方催收。", 15),
        ("逾期半年过后，欠款可能被转让给资产公司。", 182),
    ],
)
def test_a_span_then_guohou_is_open(sentence: str, low: int) -> None:
    assert days_of(sentence) == (low, None, "overdue")


# -- the day pointed at (那一天) is no span of one day -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台会自逾期那一天起计收罚息。",
        "从逾期的那一天开始，罚息就按日累计。",
        "逾期这一天起，违约金就开始算了。",
    ],
)
def test_the_day_pointed_at_is_no_span(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert a.threshold is None


def test_one_day_overdue_keeps_its_span() -> None:
    # near miss: a day counted, not pointed at
    assert days_of("逾期一天就会开始计收罚息。") == (1, 1, "overdue")


# -- words said inside a concession end where the author resumes -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "哪怕对方说下周就起诉，也别放弃协商。",
        "就算催收员说马上立案了也一定要坚持协商分期。",
        "即使对方说马上就起诉，也不要放弃协商还款。",
    ],
)
def test_the_author_resumes_after_words_said_in_a_concession(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.modality == "advice"


def test_words_said_outside_a_concession_run_to_the_clause_end() -> None:
    # near miss: no concession, the collector's words run on and are set apart
    assert "legal_action" not in analyse("对方说下周就起诉也没用。").topics


# -- a fear told with nothing against it is no claim --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "不少人担心欠了网贷会被抓去坐牢。",
        "很多借款人担心平台会给父母打电话。",
        "我怕银行哪天真的派人上门。",
    ],
)
def test_a_fear_told_is_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_fear_corrected_is_a_rejected_belief() -> None:
    # near miss: the author corrects the fear, which denies it
    a = analyse("不少人担心欠了网贷会坐牢，其实这是民事纠纷。")
    assert "criminal_risk" in a.topics
    assert a.stance == "denies"


def test_telling_the_reader_not_to_fear_denies() -> None:
    # near miss: 不用担心 has no person who fears; it is advice that the event won't come
    a = analyse("欠款只有几千块，不用担心会被起诉。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


# -- a contact who will not receive calls is denied ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "只要按时还款，紧急联系人不会接听到任何催收电话。",
        "正常还款的话，家人不会接听到任何催收电话。",
        "逾期一两天，联系人一般不会接听到催收来电。",
    ],
)
def test_a_contact_not_receiving_calls_is_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


# -- the reader may call the police; what to try to get -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "碰到暴力催收可以直接报警。",
        "催收员上门闹事，借款人可报警处理。",
        "对方辱骂恐吓的，可以选择报警。",
    ],
)
def test_the_police_may_be_called_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    ["争取一到两周的延期还款", "争取减免一部分罚息", "争取和银行签订分期协议"],
)
def test_what_to_try_to_get_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_what_a_lender_tries_is_no_advice() -> None:
    # near miss: 争取 not opening the item
    assert analyse("银行也会争取在诉前和你达成分期协议。").modality != "advice"


# -- collection counted per day is contact with the borrower -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "每日催收不能超过三次。",
        "同一家平台每天催收的次数是有上限的。",
        "一天催收十几次，已经算骚扰了。",
    ],
)
def test_collection_per_day_is_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


# -- the day after the due date as the time the lender acts names no grace -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台一般在还款日次日上午发出第一条提醒短信。",
        "还款日的第二天，系统会自动拨打语音提醒电话。",
        "到了还款日后一天，客服就会打电话过来。",
    ],
)
def test_the_day_after_the_due_date_names_no_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "overdue_grace" not in a.topics


def test_counted_overdue_the_day_after_keeps_the_grace_topic() -> None:
    # near miss: 算逾期 says there is no grace
    assert "overdue_grace" in analyse("还款日次日还没还上就算逾期。").topics


# -- a script's quoted words and words named as pressure content are set apart ------------------


@pytest.mark.parametrize(
    ("sentence", "unsaid"),
    [
        ("系统会自动外呼，话术模板为“今天不处理将上报征信”。", "credit_report"),
        ("语音电话的话术是“逾期将被起诉”，其实只是提醒。", "legal_action"),
        ("人工催收的电话里会加入“罚息翻倍”“联系家人”等施压内容。", "penalty_fees"),
    ],
)
def test_a_scripts_words_are_set_apart(sentence: str, unsaid: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert unsaid not in a.topics


# -- a power to freeze is no phone permission; an authority with power states no rule -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "网贷平台并没有冻结借款人银行卡的权限。",
        "催收公司根本没有冻结你账户的权限。",
        "第三方支付平台没有冻结权限，只有法院可以。",
    ],
)
def test_no_power_to_freeze_denies_the_freeze(sentence: str) -> None:
    a = analyse(sentence)
    assert "account_impact" in a.topics
    assert a.stance == "denies"


def test_a_phone_permission_is_still_no_account_impact() -> None:
    # near miss: an app's location permission
    assert "account_impact" not in analyse("把这个借款软件的通讯录权限关掉就行。").topics


@pytest.mark.parametrize(
    "sentence",
    ["能查封房产的只有法院这类有权的机关。", "冻结存款要由有权机关依法办理。"],
)
def test_an_authority_with_power_is_no_rule(sentence: str) -> None:
    assert analyse(sentence).modality == "descriptive"


def test_users_chief_worry_is_no_claim() -> None:
    assert analyse("不少网贷用户最担心逾期以后银行卡被冻结。").topics == ()


# -- 别 inside a word (识别, 区别) is no "don't" -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "对方要你报银行卡密码、做人脸识别这类事，就是冒充的。",
        "法院对恶意拖欠和确实困难的会区别看待，一般都会先调解。",
        "平台会根据逾期天数的类别等因素决定是否上报征信。",
    ],
)
def test_bie_inside_a_word_is_no_prohibitive(sentence: str) -> None:
    assert analyse(sentence).modality != "advice"


def test_do_not_wait_is_still_advice() -> None:
    # near miss: 别等 as a prohibitive
    assert analyse("别等传票寄到家里，现在就去和银行协商分期。").modality == "advice"


# -- violent means and leaked privacy named -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台有权催收，但不能用暴力手段。",
        "催收人员不得采取非法手段讨债。",
        "催收员同样不能随意泄露欠款人的个人隐私。",
    ],
)
def test_unlawful_means_denied_are_rights(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.stance == "denies"


def test_means_used_affirm_the_abuse() -> None:
    # near miss: the means were used
    a = analyse("有的催收公司用暴力手段逼人还钱。")
    assert "complaints_rights" in a.topics
    assert a.stance == "affirms"


# -- the reader sent to complain, as the answer to a case -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "要是催收打到你单位，那你就去银保监会投诉他们，让他们长点记性。",
        "如果催收骚扰你的家人，那就去举报，别客气。",
        "对方爆了你的通讯录，你就去投诉，保留好证据。",
    ],
)
def test_the_reader_sent_to_complain_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.modality == "advice"


def test_the_biggest_worry_named_is_no_claim() -> None:
    assert analyse("很多人逾期后最大的顾虑就是催收打电话给爸妈。").topics == ()


# -- a span not gone past: the negation is the span's --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "只要还没超过诉讼时效，平台照样能起诉你。",
        "没有超过三年时效的，银行仍然可以起诉。",
        "欠款没有超出时效，对方依旧可以申请强制执行。",
    ],
)
def test_a_span_not_gone_past_leaves_the_event(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance != "denies"


def test_a_denial_after_the_span_still_denies() -> None:
    # near miss: the event has a negation of its own
    a = analyse("逾期没有超过一个月，一般不会被起诉。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人长期未被催收后，突然就被起诉了。",
        "两年都没被催收过，结果收到了法院的传票。",
        "一直没有被催收，后来平台直接申请了强制执行。",
    ],
)
def test_not_collected_from_denies_nothing_after(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance != "denies"


# -- limitation periods and a creditor's right are no overdue spans or borrower's rights ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "只要平台发过律师函，时效就会重新计算三年。",
        "对方起诉以后，时效中断，重新算三年。",
        "债权的最长保护期是二十年，过了就不能再起诉。",
    ],
)
def test_a_limitation_period_is_no_overdue_span(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.threshold is None


def test_a_creditors_right_lapsing_is_no_borrowers_right() -> None:
    assert "complaints_rights" not in analyse("二十年一过，债权人的这项权利也就消灭了。").topics


def test_the_borrowers_right_named_stays() -> None:
    # near miss: the borrower's right to complain
    assert "complaints_rights" in analyse("借款人有投诉违规催收的权利。").topics


# -- logging in to look something up is advice; a relative's call put first is no collection ----


@pytest.mark.parametrize(
    "sentence",
    ["登录征信中心的网站，查一下有没有逾期记录。", "登录银行App，看看罚息是怎么算的。"],
)
def test_logging_in_to_check_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    ["我妈电话打过来，问我是不是欠了钱。", "我爸电话打了过来，劈头就问我欠了多少。"],
)
def test_a_relatives_call_put_first_is_no_collection(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" not in a.topics
    assert "contacts_family" not in a.topics


# -- a child's exam or enlistment names no contact; news announced is no message -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "父母有逾期记录，一般不会让子女失去公务员考试资格。",
        "父母上了征信黑名单，孩子参军会不会受影响？",
        "父亲欠网贷不还，会不会影响儿子考公录用？",
    ],
)
def test_a_childs_exam_or_enlistment_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


def test_news_announced_is_no_message() -> None:
    a = analyse("说个好消息：小额的水电费欠费不再直接报送征信了。")
    assert "credit_report" in a.topics
    assert "debtor_contact" not in a.topics


def test_a_message_after_its_noun_is_still_set_apart() -> None:
    # near miss: an SMS quoted after its noun and a colon
    a = analyse("收到一条消息：三天内不还款就起诉。")
    assert "legal_action" not in a.topics


# -- rarity after 的 with a usual-ness word; credit repaired by the borrower -----------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("小额网贷真派人上门的一般不多。", "home_visit"),
        ("为几千块钱起诉借款人的通常很少。", "legal_action"),
        ("打到单位领导那里的一般不多。", "contacts_family"),
    ],
)
def test_few_after_de_with_usually_deny(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


@pytest.mark.parametrize(
    "sentence",
    [
        "非恶意逾期的，可以向银行提出异议，申请征信修复。",
        "主动修复征信的办法只有一个：结清以后按时还款，等不良记录过期。",
        "自行修复征信要靠时间，五年后不良记录自动消除。",
    ],
)
def test_credit_repaired_by_the_borrower_is_no_scam(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" not in a.topics
    assert "credit_report" in a.topics


def test_a_paid_repair_firm_is_still_a_scam() -> None:
    # near miss: a firm charging for it
    assert "debt_help_scam" in analyse("有的征信修复机构收费几千，声称能申请征信修复。").topics


# -- words holding 应 or 不当 that are neither rule nor negation ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "语音机器人能自动外呼，还有智能应答功能。",
        "催收系统会根据借款人的回答随机应变，调整催收电话的话术。",
    ],
)
def test_answering_is_no_rule(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert a.modality == "descriptive"


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员话术不当、频繁骚扰，很容易招来投诉。",
        "电话催收方式不当的，借款人可以向监管部门投诉。",
        "平台处理不当，导致大量用户投诉暴力催收。",
    ],
)
def test_improper_is_no_negation(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.stance != "denies"


def test_talks_with_the_collector_opening_a_sentence_are_advice() -> None:
    assert analyse("和催收人员协商一个能承受的还款方案。").modality == "advice"


def test_a_collector_who_negotiated_is_no_advice() -> None:
    # near miss: the collector is the subject
    assert analyse("催收员与借款人协商了一个还款方案。").modality == "descriptive"


# -- found by the helper-written blind probes (probe415-417) -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "空调坏了可以预约厂家上门维修，一般当天就到。",
        "快递公司提供上门取件，下单后两小时内有人来。",
        "旧家电回收平台支持免费上门回收。",
    ],
)
def test_a_service_at_the_door_is_no_visit(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_collector_at_the_door_stays_a_visit() -> None:
    # near miss: the same words with a debt
    assert "home_visit" in analyse("催收员说欠款再不还就上门服务，其实就是上门催收。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "公司每个月都会把员工的工资和个税信息上报税务局。",
        "单位要按时给职工上报社保缴费基数。",
    ],
)
def test_a_payroll_filing_is_no_credit_report(sentence: str) -> None:
    assert "credit_report" not in analyse(sentence).topics


def test_a_lender_reporting_stays_a_credit_report() -> None:
    # near miss: the lender reports the overdue
    assert "credit_report" in analyse("平台会把逾期信息上报给征信中心。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "消费分期的手续费，有的银行按月收，有的一次性收。",
        "申请账单分期以后，每期要多付一点手续费。",
    ],
)
def test_a_cards_instalment_feature_is_no_negotiation(sentence: str) -> None:
    assert "negotiation" not in analyse(sentence).topics


def test_instalments_agreed_after_an_overdue_stay_negotiation() -> None:
    # near miss: the plan agreed because the borrower cannot pay
    assert "negotiation" in analyse("逾期还不上，可以跟银行协商把欠款做账单分期。").topics


@pytest.mark.parametrize(
    ("sentence", "unsaid"),
    [
        ("催收短信的内容大意是：明天不还就派人去你单位。", "contacts_family"),
        ("那条短信大意是三天内不还款就起诉。", "legal_action"),
    ],
)
def test_the_gist_of_a_message_is_set_apart(sentence: str, unsaid: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert unsaid not in a.topics


def test_wariness_for_every_such_case_is_advice() -> None:
    a = analyse("凡是自称能消除逾期记录的，都要警惕是骗子。")
    assert a.modality == "advice"


# -- guarantors' and debt-sale pages ------------------------------------------------------------


def test_a_contracts_terms_in_black_and_white_are_no_message() -> None:
    a = analyse("贷款合同上白纸黑字写着“担保人一并偿还”。")
    assert "debtor_contact" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "贷款一直不还，银行最终会通过司法途径追讨。",
        "走司法途径之前，银行一般会先发律师函。",
    ],
)
def test_the_judicial_route_is_legal_action(sentence: str) -> None:
    assert "legal_action" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "这家资产管理公司根本没在银保监会备案。",
        "正规的催收公司都在监管部门登记在册。",
    ],
)
def test_a_firm_registered_with_a_regulator_is_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in analyse(sentence).topics


def test_a_complaint_to_the_regulator_stays() -> None:
    # near miss: the reader complains there
    assert "complaints_rights" in analyse("可以向银保监会投诉这家公司没有备案还乱催收。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "因为没注意催收短信，他一直不知道债权已经转让了。",
        "很多人没留意银行发来的还款提醒短信。",
    ],
)
def test_a_message_not_noticed_still_came(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert a.stance != "denies"


def test_room_to_spare_is_no_grace_period() -> None:
    assert "overdue_grace" not in analyse("从逾期到被起诉，中间其实还有很大的缓冲空间。").topics


def test_you_must_know_is_no_rule() -> None:
    a = analyse("债权转让以后，这几点变化你必须知道：催收公司可能会上门。")
    assert a.modality != "normative"


# -- found by the second helper's blind probes (probe418-420) ------------------------------------


def test_a_clerk_signing_at_home_is_no_visit() -> None:
    assert "home_visit" not in analyse("办信用卡时，银行工作人员可以上门面签。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "平台有权把逾期债权转让给第三方公司，但要通知借款人。",
        "银行把坏账打包卖给第三方机构，是很常见的做法。",
    ],
)
def test_the_buyer_of_a_sold_debt_is_no_agency(sentence: str) -> None:
    a = analyse(sentence)
    assert "bad_debt_transfer" in a.topics
    assert "third_party_agency" not in a.topics


def test_a_debt_handed_to_a_third_party_to_collect_stays_an_agency() -> None:
    # near miss: handed over to collect, not sold
    assert "third_party_agency" in analyse("逾期三个月后，银行会把案子交给第三方催收。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "我的卡是有宽限期的，过了还款日才把钱还上，也没算逾期。",
        "这家银行是给宽限期的，我过了还款日才还进去，没有影响征信。",
    ],
)
def test_cai_of_a_late_act_is_no_only_if(sentence: str) -> None:
    assert analyse(sentence).stance != "conditional"


def test_only_if_cai_stays_a_condition() -> None:
    # near miss: 的，才 of a case
    assert analyse("恶意透支金额较大的，才会构成犯罪。").stance == "conditional"


@pytest.mark.parametrize(
    "sentence",
    [
        "把催收的通话录音备份到电脑里，按日期命名。",
        "把聊天截图都存到云盘上，以备投诉时使用。",
    ],
)
def test_a_ba_clause_keeping_evidence_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_ba_phrase_as_subject_is_no_advice() -> None:
    # near miss: 把…转到 names the swindle, it tells the reader nothing to do
    assert analyse("把钱转到所谓的安全账户，是冒充客服的骗子最常用的套路。").modality != "advice"


# -- a stage label before its colon keeps its span beside a letter the stage sends ---------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("15-30天：电话催收加密，可能寄出律师函", 15, 30),
        ("31-60天：委托律师发送律师函", 31, 60),
    ],
)
def test_a_stage_label_keeps_its_span_beside_a_letter(sentence: str, low: int, high: int) -> None:
    assert days_of(sentence) == (low, high, "overdue")


def test_a_letters_own_deadline_is_still_no_span() -> None:
    # near miss: no stage label; the days are the letter's deadline
    assert analyse("律师函上写着要求7日内还清欠款。").threshold is None


def test_repair_that_takes_five_years_is_no_scam() -> None:
    assert "debt_help_scam" not in analyse("逾期以后征信修复需要五年时间，没有捷径。").topics


# -- a case named as its own clause (…的情况下，) is a condition ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("欠款金额大、又长期失联的情况下，催收人员会上门。", "home_visit"),
        ("借款人明确拒绝还款的情况下，银行会起诉。", "legal_action"),
    ],
)
def test_a_case_named_as_its_own_clause_is_a_condition(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "conditional"


def test_the_usual_case_with_de_is_a_hedge_not_a_condition() -> None:
    a = analyse("正常的情况下，银行不会派人上门。")
    assert a.stance == "denies"
    assert a.hedge == "frequency"


# -- police and reports pages ---------------------------------------------------------------------


def test_an_area_code_explained_is_no_call() -> None:
    assert analyse("0571是杭州的电话区号。").topics == ()


def test_calls_from_one_prefix_stay_calls() -> None:
    # near miss: calls that came
    assert "debtor_contact" in analyse("同一个号段的电话一上午打来了十几个。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人以为欠网贷不还就会被警察抓，错！",
        "不少人觉得逾期一天就会上门催收，大错！",
    ],
)
def test_a_belief_answered_with_wrong_is_rejected(sentence: str) -> None:
    assert analyse(sentence).stance == "denies"


def test_a_belief_confirmed_with_right_is_not_rejected() -> None:
    # near miss: 没错 confirms
    assert analyse("很多人以为逾期会上征信，没错！").stance != "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "建议前台直接回复“查无此人”或“私人欠款与本公司无关”。",
        "接到电话可以回答“我不认识这个人”、“以后别再打来”。",
    ],
)
def test_a_reply_quoted_is_set_apart(sentence: str) -> None:
    assert analyse(sentence).modality != "normative"


def test_asking_someone_for_help_after_a_case_is_advice() -> None:
    a = analyse("若家人被催收骚扰，可请他们配合录音，留下证据。")
    assert a.modality == "advice"


# -- the two channels named as the means used; "not even one" names no case ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "派人上门的情况很少，绝大多数机构还是靠电话和短信。",
        "外访基本没有，都是短信、电话在催。",
    ],
)
def test_channels_named_beside_a_visit_are_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "home_visit" in a.topics
    assert "debtor_contact" in a.topics


def test_not_even_one_visit_is_no_case() -> None:
    a = analyse("欠了半年也没碰到过一个上门的，全是电话和短信。")
    assert "home_visit" in a.topics
    assert "debtor_contact" in a.topics


def test_a_case_clause_still_frames_the_rest() -> None:
    # near miss: 的-clause naming the case, no "not even one"
    a = analyse("催收人员上门辱骂借款人的，会被拘留。")
    assert "home_visit" not in a.topics


# -- guarantors' repayments (代偿) pages ---------------------------------------------------------


def test_a_saying_going_round_then_cold_water_is_rejected() -> None:
    a = analyse("网上流传着“小额网贷不上征信”的说法，这里要泼盆冷水：正规平台的逾期都会上报。")
    assert "credit_report" in a.topics
    assert a.stance == "affirms"


def test_the_customer_in_person_is_contact() -> None:
    a = analyse("一般情况下，银行只会联系逾期客户本人。")
    assert "debtor_contact" in a.topics


@pytest.mark.parametrize(
    "sentence",
    ["逾期以后，平台给的借款额度减少了一大半。", "有过逾期的账户，额度降低是常有的事。"],
)
def test_a_limit_cut_said_plainly_is_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_a_pages_rhetorical_must_is_no_rule() -> None:
    assert analyse("这里必须提醒大家：逾期记录会保留五年。").modality != "normative"


# -- pages on lenders that closed down -----------------------------------------------------------


def test_a_collection_notice_received_is_contact() -> None:
    assert "debtor_contact" in analyse("三个月后，很多人收到了新债主的催收通知。").topics


def test_a_lenders_notice_on_handling_its_debts_is_no_scam() -> None:
    assert "debt_help_scam" not in analyse("平台停业前会公告后续的债务处理事宜。").topics


def test_a_paid_debt_handler_stays_a_scam() -> None:
    # near miss: a firm selling "debt handling"
    assert "debt_help_scam" in analyse("有的债务处理公司收了钱就失联。").topics


@pytest.mark.parametrize(
    "sentence",
    ["那家网贷平台去年被强制关停了。", "平台暴雷后被关停，APP也打不开了。"],
)
def test_a_platform_shut_down_is_no_account_impact(sentence: str) -> None:
    assert "account_impact" not in analyse(sentence).topics


def test_an_account_shut_stays_an_account_impact() -> None:
    # near miss: the borrower's account
    assert "account_impact" in analyse("逾期以后，我的借款账户被关停了。").topics


# -- mortgage pages: timeline rows that open with an open span; not answering on purpose ---------


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("半年以上银行会去法院起诉", 182),
        ("三个月以上：银行会安排人员上门", 90),
    ],
)
def test_a_row_opening_with_an_open_span_carries_it(sentence: str, low: int) -> None:
    assert days_of(sentence) == (low, None, "overdue")


def test_do_not_refuse_calls_on_purpose_urges_answering() -> None:
    a = analyse("千万不要故意不接催收电话，否则会被认定为恶意逾期。")
    assert "debtor_contact" in a.topics
    assert a.stance == "affirms"
    assert a.modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    ["银行有权上门催收，这是催收的基本手段之一。", "外访人员上门前会先核对借款人的基本信息。"],
)
def test_a_basic_means_or_fact_is_no_hedge(sentence: str) -> None:
    assert analyse(sentence).hedge == "none"


# -- found by the third helper's blind probes (probe421-423) -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "房东同意把下个月的房租宽限一周。",
        "几个业主一起起诉了物业公司，要求退还多收的费用。",
        "他因为打架被行政拘留了五天。",
    ],
)
def test_a_line_about_another_matter_is_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_rent_debt_to_a_landlord_still_names_a_debt() -> None:
    # near miss: a debt is named (欠), the rule stands aside
    assert analyse("房东说欠的房租再不交就去法院起诉我。").topics != ()


def test_a_landlord_checking_a_credit_report_keeps_it() -> None:
    assert "credit_report" in analyse("有些房东签合同前会让租客提供信用报告。").topics


def test_a_call_to_book_an_installation_is_no_collection() -> None:
    assert "debtor_contact" not in analyse("空调送到以后，安装师傅会提前电话预约上门时间。").topics


# -- found by the fourth helper's blind probes (probe424-426) ------------------------------------


def test_not_even_one_in_ten_denies() -> None:
    a = analyse("真正闹到法院的，连一成都不到。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_a_person_described_by_lost_touch_denies_no_contact() -> None:
    a = analyse("催收会把通讯录打一遍，连好多年没联系的老同学都接到了电话。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


@pytest.mark.parametrize(
    "sentence",
    ["各家银行的信用卡分期手续费差别很大，办之前先问清楚。", "这张卡每年刷满六次，年费就能免掉。"],
)
def test_a_cards_fees_are_no_negotiation(sentence: str) -> None:
    assert "negotiation" not in analyse(sentence).topics


def test_a_waiver_after_an_overdue_stays_negotiation() -> None:
    # near miss: penalty interest waived after talks
    assert "negotiation" in analyse("逾期后跟银行协商，减免了一部分罚息。").topics
