"""Session ten (coordinator): classes found by blind probes 290 on.

Each class has sentences of its own and a near miss that keeps the old reading:
a message or call judged a fraud (基本可以认定是诈骗, 属于诈骗信息) is an impostor
(fake_collection), while the borrower's own fraud (不还钱算不算诈骗) is criminal
risk and a paid service judged a fraud is a debt-help scam; the repayment pushed
back in plain words (把还款往后推三个月) is a deferral with the instalment anchor.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a message or call judged a fraud is an impostor ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "要是短信让你扫码缴纳“结案费”，基本可以断定这是诈骗。",
        "这种自称调解员、只留一个手机号的来电，多半属于诈骗。",
        "收到带网址的催款短信先别慌，那很可能是诈骗短信。",
    ],
)
def test_a_message_judged_a_fraud_is_an_impostor(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert "debtor_contact" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "欠了信用卡一直拖着不还钱，会不会被当成是诈骗？",
        "借款人借钱时就没打算还，才可能属于诈骗。",
    ],
)
def test_the_borrowers_own_fraud_is_criminal_risk(sentence: str) -> None:
    a = analyse(sentence)
    assert "criminal_risk" in a.topics
    assert "fake_collection" not in a.topics


def test_a_paid_service_judged_a_fraud_is_a_debt_help_scam() -> None:
    a = analyse("先收服务费再帮你上岸的机构，基本都是诈骗。")
    assert "debt_help_scam" in a.topics
    assert "fake_collection" not in a.topics


def test_a_plain_message_is_still_a_contact() -> None:
    # near miss: a message with no judgement of fraud
    a = analyse("逾期第二天平台就会发短信提醒你还款。")
    assert "debtor_contact" in a.topics
    assert "fake_collection" not in a.topics


# -- the repayment pushed back in plain words is a deferral ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("我跟客服商量，把这期还款往后推了两个月。", 60),
        ("平台同意把还款推后一个月，这期间不算逾期。", 30),
        ("实在周转不开，可以问问能不能把还款往后挪半个月。", 15),
    ],
)
def test_a_repayment_pushed_back_is_a_deferral(sentence: str, days: int) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.threshold is not None
    assert a.threshold.anchor == "installment"
    assert a.threshold.min_days == days == a.threshold.max_days


def test_a_date_pushed_back_by_a_holiday_is_no_deferral() -> None:
    # near miss: the due date moved by a holiday is a grace period, no plan agreed
    a = analyse("还款日赶上节假日的，会自动顺延到节后第一个工作日。")
    assert "negotiation" not in a.topics
    assert "overdue_grace" in a.topics


# -- a claim pointed back at and rejected (这种说法有点夸大) is a belief ------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("说借呗逾期一天就会被起诉，这种说法太夸张了。", "legal_action"),
        ("网上传逾期必爆通讯录，这个说法并不完全准确。", "contacts_family"),
        ("逾期两周催收就派人上门，这类说法言过其实。", "home_visit"),
    ],
)
def test_a_claim_pointed_back_at_and_rejected_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_practice_pointed_back_at_and_judged_is_still_affirmed() -> None:
    # near miss: 这种做法 judges what is done; it is no belief rejected
    a = analyse("逾期后平台会打电话给紧急联系人，这种做法有点过分。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


# -- 说不定 is a possibility, no denial ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "欠得多又一直拖着，银行说不定会起诉你。",
        "逾期时间长了，平台说不定会把账转给外包公司。",
    ],
)
def test_perhaps_is_a_possibility_not_a_denial(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "denies"
    assert a.hedge == "possibility"


# -- the debt left unpaid, then 才: only then -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "一直拖着不还，平台才可能把你告上法院。",
        "你长期不还，银行才会把账交给外包公司。",
    ],
)
def test_unpaid_then_only_then_is_a_condition(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "conditional"


def test_found_out_only_later_is_no_condition() -> None:
    # near miss: 才发现 tells when it was found out
    a = analyse("他一直不还，直到收到传票才发现被起诉了。")
    assert "legal_action" in a.topics
    assert a.stance != "conditional"


# -- probe 292: the reader who meets a circumstance, checking first, not waiting -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "遇到这种情况可以先录音，再向银保监会投诉。",
        "碰到催收半夜打电话骚扰，可以打12378反映。",
        "遇上冒充律师的来电，可以直接报警。",
    ],
)
def test_whoever_meets_the_circumstance_is_the_reader(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality == "advice"


def test_a_lender_meeting_the_circumstance_is_no_reader() -> None:
    # near miss: the bank stands in the circumstance clause; what it can do is descriptive
    a = analyse("遇到借款人失联时银行可以向法院起诉。")
    assert "legal_action" in a.topics
    assert a.modality == "descriptive"


def test_checking_a_notice_first_is_advice() -> None:
    a = analyse("收到银行的催收函，先核对一下上面的欠款金额。")
    assert a.modality == "advice"


@pytest.mark.parametrize(
    ("sentence", "kept", "waited_for"),
    [
        ("别等传票寄到家里，现在就去跟银行谈分期。", "negotiation", "legal_action"),
        ("不要等催收上门了才着急，先主动联系平台协商还款。", "negotiation", "home_visit"),
        ("千万别等法院立案，趁早和平台谈个还款计划。", "negotiation", "legal_action"),
    ],
)
def test_the_event_not_to_wait_for_is_no_claim(sentence: str, kept: str, waited_for: str) -> None:
    a = analyse(sentence)
    assert kept in a.topics
    assert waited_for not in a.topics
    assert a.modality == "advice"


def test_waiting_named_as_a_fact_keeps_the_event() -> None:
    # near miss: 等 as a plain verb of the lender (等逾期满90天再起诉) names the lawsuit
    a = analyse("平台通常会等逾期满90天再起诉。")
    assert "legal_action" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "有的催收会把欠款通知贴在借款人家门口。",
        "外访人员把催款单贴到了我家门上。",
    ],
)
def test_a_notice_posted_on_the_door_is_a_visit(sentence: str) -> None:
    assert "home_visit" in analyse(sentence).topics


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("催收把欠款的事群发给借款人的同事，这种做法涉嫌侵犯隐私。", "contacts_family"),
        ("在小区门口拉横幅、到家里堵人的行为，已经侵犯了隐私权。", "home_visit"),
    ],
)
def test_a_practice_judged_keeps_its_topic(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert "complaints_rights" not in a.topics


def test_a_judged_practice_with_a_complaint_keeps_the_complaint() -> None:
    # near miss: the reader is told where to complain
    a = analyse("这种做法侵犯了借款人的隐私权，可以向银保监会投诉。")
    assert "complaints_rights" in a.topics


# -- probe 293: collecting at night, money sent to a swindler, coming to know whether ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "监管要求晚上十点以后、早上八点以前都不得催收。",
        "按规定，22:00到次日8:00之间不能催收。",
        "正规机构不会搞深夜催收。",
    ],
)
def test_collecting_at_night_is_a_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert a.stance == "denies"


def test_bare_collection_without_hours_is_still_no_topic() -> None:
    # near miss: DOMAIN, the bare word 催收 gives no topic
    assert not analyse("逾期以后就会进入催收阶段。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "他听信了电话里的说法，把两万块转给骗子，再也要不回来。",
        "有人照着短信上的指示，把钱转进了骗子的账户。",
    ],
)
def test_money_sent_to_a_swindler_is_an_impostor(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_money_sent_to_a_debt_help_swindler_is_the_scam() -> None:
    # near miss: the swindler is a paid debt-help service
    a = analyse("交了服务费找中介代办停息挂账，钱转给骗子就再也找不到人了。")
    assert "debt_help_scam" in a.topics
    assert "fake_collection" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "打开征信报告看一看，就能知道有没有逾期记录。",
        "问一下客服就知道是不是已经上报征信了。",
    ],
)
def test_coming_to_know_whether_asks_nothing(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance != "question"


def test_a_real_whether_question_is_still_a_question() -> None:
    # near miss: no verb of knowing before 有没有
    a = analyse("网贷逾期一天有没有上征信？")
    assert a.stance == "question"


def test_looking_it_up_oneself_is_advice() -> None:
    a = analyse("查一下自己的征信报告，确认有没有逾期记录。")
    assert "credit_report" in a.topics
    assert a.modality == "advice"


# -- probe 294: dragged past a span, not even one day, 就 + 算 at the sentence end -----------


def test_dragged_past_a_span_is_a_minimum() -> None:
    a = analyse("网贷一般拖过五天就会被报送征信。")
    assert "credit_report" in a.topics
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (5, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "这家银行一天宽限都没有，到期没还就记逾期。",
        "有的网贷一天的宽限也没有，晚还一分钟都不行。",
    ],
)
def test_not_even_one_day_of_grace_is_no_span(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics
    assert a.threshold is None


def test_one_day_named_plainly_is_still_a_span() -> None:
    # near miss: 一天 with no "not even" after it
    a = analyse("逾期一天也会上征信。")
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (1, 1)


def test_then_it_counts_as_overdue_is_no_concession() -> None:
    # 过了零点就算逾期: 就 + 算逾期 ends the sentence
    a = analyse("过了还款日当天的零点就算逾期。")
    assert "overdue_grace" in a.topics
    assert a.stance == "denies"


def test_even_if_overdue_is_still_a_concession() -> None:
    # near miss: 就算 with a main clause after it concedes
    a = analyse("就算逾期了，也不会马上上征信。")
    assert "credit_report" in a.topics
    assert "overdue_grace" not in a.topics


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("有人以为小额欠款不会上征信，这种想法大错特错。", "credit_report"),
        ("总觉得平台不会真去起诉，这种观念是错的。", "legal_action"),
    ],
)
def test_a_thought_pointed_back_at_and_rejected_is_reversed(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "affirms"


@pytest.mark.parametrize(
    "sentence",
    [
        "因银行系统故障造成的逾期，可以申请消除记录。",
        "核实是误报以后，银行会帮你删除这条记录。",
    ],
)
def test_a_record_removed_is_the_credit_report(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_a_chat_log_deleted_is_no_credit_report() -> None:
    # near miss: 删除 of a chat log
    assert "credit_report" not in analyse("聊天记录删除了就找不回来了。").topics


# -- probe 295: a lender who may not, Taiwan words, a claim sold, the lender's own time -------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收人员不能向借款人的同事透露欠款情况。",
        "平台也不可以拿你的通讯录去群发催款短信。",
        "催收员不许冒充公安机关打电话。",
    ],
)
def test_a_lender_or_collector_who_may_not_states_a_rule(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality == "normative"


def test_the_reader_who_cannot_is_no_rule() -> None:
    # near miss: the reader is the subject of 不能
    a = analyse("欠了钱你也不能一直躲着，催收会打给你的紧急联系人。")
    assert "contacts_family" in a.topics
    assert a.modality != "normative"


def test_a_visit_to_the_home_in_taiwan_words_is_a_visit() -> None:
    assert "home_visit" in analyse("催收人員到府拜訪前，應先預約時間。").topics


@pytest.mark.parametrize(
    "sentence",
    ["债权卖掉以后，欠款并不会因此消失。", "银行把这笔债权卖了，接手的公司会继续催收。"],
)
def test_a_claim_sold_in_plain_words_is_a_debt_sale(sentence: str) -> None:
    assert "bad_debt_transfer" in analyse(sentence).topics


def test_a_welcome_to_call_box_is_no_claim() -> None:
    assert not analyse("有問題歡迎來電，律師會為您免費初步評估。").topics


def test_the_lenders_own_time_clause_carries_its_subject() -> None:
    a = analyse("银行拿到胜诉判决后，就可以申请强制执行。")
    assert "legal_action" in a.topics
    assert a.modality == "descriptive"


def test_the_readers_own_time_clause_is_still_advice() -> None:
    # near miss: the reader's act before 后
    a = analyse("你把欠款还清后，就可以申请开具结清证明，以后征信有争议时用得上。")
    assert a.modality == "advice"


# -- probe 296: what a message names, quoted --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收短信里提到的“即将起诉”，多半只是吓唬人。",
        "短信中写的“三天内派人上门”，其实是催收常用的套话。",
    ],
)
def test_words_a_message_names_are_quoted(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)


def test_the_authors_own_lawsuit_claim_after_a_message_stays() -> None:
    # near miss: the lawsuit named outside the quote is the author's
    a = analyse("短信里提到的“移交法务”是吓唬人的，真正起诉要先收到法院传票。")
    assert "legal_action" in a.topics


# -- probe 297: a court's view on whose debt it is --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "借款用于家庭日常生活的，法院一般会认定为夫妻共同债务。",
        "如果钱是一方拿去赌博输掉的，法院通常认定为个人债务。",
    ],
)
def test_a_courts_view_on_whose_debt_is_no_lawsuit(sentence: str) -> None:
    assert "legal_action" not in analyse(sentence).topics


def test_a_court_enforcing_against_joint_property_is_a_lawsuit() -> None:
    # near miss: the court acts on the property; enforcement is legal action
    assert "legal_action" in analyse("法院判决后，夫妻共同财产也可能被执行。").topics


# -- probe 298: what the case turns on, the police at the door, the intent to keep -----------


def test_what_the_case_turns_on_asks_nothing() -> None:
    a = analyse("是不是恶意透支，关键在于持卡人有没有还款的意愿。")
    assert "criminal_risk" in a.topics
    assert a.stance != "question"


@pytest.mark.parametrize(
    "sentence",
    [
        "警察上门的时候，数额巨大的恶意透支照样要追究刑责。",
        "经侦上门以后才还钱，也不一定能免于处罚。",
    ],
)
def test_the_police_at_the_door_are_no_collection_visit(sentence: str) -> None:
    a = analyse(sentence)
    assert "home_visit" not in a.topics
    assert "criminal_risk" in a.topics


def test_a_collector_at_the_door_is_still_a_visit() -> None:
    # near miss: no police word
    assert "home_visit" in analyse("外访人员上门的时候，要求对方出示工作证。").topics


def test_the_intent_to_keep_the_money_is_criminal_risk() -> None:
    assert "criminal_risk" in analyse("透支后换号躲起来的，容易被认定为非法占有。").topics


# -- probe 299: a rule said to be plain, 打 + the person, may lawfully refuse, a fee cut ------


def test_a_rule_said_to_be_plain_makes_the_duty_normative() -> None:
    a = analyse("监管文件写得很清楚，催收人员不能在夜里十点以后打电话。")
    assert "debtor_contact" in a.topics
    assert a.modality == "normative"


def test_calling_the_emergency_contact_without_gei_is_a_contact() -> None:
    a = analyse("有的平台逾期第二天就开始打紧急联系人。")
    assert "contacts_family" in a.topics


def test_an_emergency_contact_merely_filled_in_is_no_contact() -> None:
    # near miss: the person named, no act of reaching them
    assert "contacts_family" not in analyse("申请借款时要填写两位紧急联系人。").topics


@pytest.mark.parametrize(
    "sentence",
    ["年化超过36%的那部分利息，借款人可以不付。", "超出法定上限的罚息，你可以拒绝支付。"],
)
def test_what_the_borrower_may_lawfully_refuse_is_a_rule(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert a.stance == "denies"
    assert a.modality == "normative"


def test_a_fee_cut_told_after_it_is_a_negotiation() -> None:
    assert "negotiation" in analyse("跟平台谈了三次，罚息减掉了一半。").topics


def test_a_record_kept_as_evidence_is_a_complaint_matter() -> None:
    assert "complaints_rights" in analyse("通话录音要留好，这些都可以作为证据。").topics


# -- probe 310: tag and listing pages, a bare yes, gone to the home town ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "展开 借呗逾期多久会被起诉",
        "花呗逾期怎么办，关于花呗逾期怎么办的全部内容",
        "相关标签：逾期 催收 征信",
    ],
)
def test_a_listing_pages_label_is_no_claim(sentence: str) -> None:
    assert not analyse(sentence).topics


def test_a_question_line_of_its_own_is_still_a_question() -> None:
    # near miss: the same question without the listing's label
    a = analyse("借呗逾期多久会被起诉？")
    assert "legal_action" in a.topics
    assert a.stance == "question"


def test_a_bare_yes_is_no_advice() -> None:
    a = analyse("答：可以，判决前后都能和银行谈和解。")
    assert "negotiation" in a.topics
    assert a.modality == "descriptive"


def test_can_addressed_to_the_reader_is_still_advice() -> None:
    # near miss: 可以 with its act in the clause
    a = analyse("可以先跟银行申请个性化分期。")
    assert a.modality == "advice"


def test_gone_to_the_home_town_with_le_is_a_visit() -> None:
    assert "home_visit" in analyse("逾期才二十天，催收就去了我们老家。").topics


# -- probe 311: stage labels, business partners, whether one can still sue -------------------


@pytest.mark.parametrize(
    ("sentence", "lo", "hi"),
    [
        ("第1-7天：以短信和智能语音提醒为主。", 1, 7),
        ("第8-15天：人工客服开始打电话。", 8, 15),
        ("满两个月以后：可能转给外部催收机构。", 60, None),
    ],
)
def test_a_list_items_stage_label_is_an_overdue_span(sentence: str, lo: int,
                                                      hi: int | None) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days, a.threshold.anchor) == (lo, hi, "overdue")
    assert a.stance == "conditional"


def test_a_colon_after_a_span_of_something_else_is_no_stage() -> None:
    # near miss: the span after the colon keeps its own reading (免息期 is excluded)
    a = analyse("提醒：花呗的免息期最长41天，逾期会收罚息。")
    assert a.threshold is None


def test_business_partners_reached_are_contacts() -> None:
    assert "contacts_family" in analyse("催收把电话打到了他公司的合作伙伴那里。").topics


def test_whether_the_lender_can_still_sue_is_a_lawsuit_claim() -> None:
    a = analyse("欠款过了诉讼时效，平台就告不了了。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


def test_a_freeze_once_a_judgment_is_enforced_is_enforcement() -> None:
    a = analyse("判决生效后进入执行程序，微信零钱也可能被冻结。")
    assert "legal_action" in a.topics
    assert "account_impact" not in a.topics


def test_the_lender_taking_the_principal_only_is_a_negotiation() -> None:
    assert "negotiation" in analyse("有的平台愿意只收本金，罚息全免。").topics


# -- probe 312: staying away from the hearing, which court hears the case ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "不少人收到传票以后索性不去开庭。",
        "他没出庭，法院最后缺席判决了。",
    ],
)
def test_staying_away_from_the_hearing_denies_no_lawsuit(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance != "denies"


def test_a_lender_who_will_not_sue_is_still_denied() -> None:
    # near miss: the lender's 不会 before the lawsuit
    a = analyse("平台一般不会为几千块钱起诉借款人。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


def test_which_court_hears_the_case_is_a_lawsuit_matter() -> None:
    assert "legal_action" in analyse("借款合同里的管辖条款没有提示的，可能被认定无效。").topics


# -- the matcher: a failed longer candidate hides no shorter hit inside it ------------------


def test_a_failed_longer_candidate_hides_no_shorter_hit() -> None:
    from pipeline.claims.match import Matcher

    neg = ("neg", "", "")
    matcher = Matcher([("一次都没见过", neg), ("都没有,", neg), ("没", neg), ("上过门", neg)])
    words = [hit.text for hit in matcher.scan("我一次都没上过门。")]
    assert words == ["没", "上过门"]


def test_the_longest_entry_at_a_start_still_wins() -> None:
    from pipeline.claims.match import Matcher

    role = ("topic", "home_visit", "")
    matcher = Matcher([("上门", role), ("上门催收", role), ("催收", role)])
    assert [hit.text for hit in matcher.scan("会上门催收吗")] == ["上门催收"]


# -- probe 313: a spun copy's synonyms --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("被列进失期被履行人名单的，不能坐飞机。", "legal_action"),
        ("过期记录会在征信上保留五年。", "credit_report"),
        ("信誉卡过期两个月，银行会把账转给外包公司。", "third_party_agency"),
    ],
)
def test_a_spun_copys_synonyms_read_as_the_trade_words(sentence: str, topic: str) -> None:
    assert topic in analyse(sentence).topics


def test_a_spun_card_name_is_the_credit_card() -> None:
    assert "信用卡" in analyse("信誉卡过期三个月还不还，银行可能会起诉。").products


def test_expired_in_its_own_sense_stays() -> None:
    # near miss: 过期 of a coupon or a letter's deadline is no overdue
    from pipeline.claims.tagger import tagging_text

    assert "逾期" not in tagging_text("优惠券过期了就不能再用。")
    assert "逾期" not in tagging_text("律师函上写的期限过期后，对方也未必真的起诉。")
    assert "逾期" in tagging_text("过期记录会在征信上保留五年。")
