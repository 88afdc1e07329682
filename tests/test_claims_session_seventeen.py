"""Session seventeen: classes found by three helper sessions' blind lines (first-person posts,
product rules, lawyers' and anti-fraud articles; probe427-435) and the real pages behind them.

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- a belief set right: more leads and rejections; 殊不知 is no negation ----------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        ("有的人以为网贷不还最多就是接几个电话，殊不知拖久了平台会把你告上法庭。", "legal_action",
         "affirms"),
        ("有些人觉得晚还两天不算逾期，这纯属瞎说，银行过了还款日就记逾期。", "overdue_grace",
         "denies"),
        ("评论区说逾期一年就会被抓，这是误解，欠钱属于民事纠纷。", "criminal_risk", "denies"),
    ],
)
def test_a_belief_set_right_is_read_reversed(sentence: str, topic: str, stance: str) -> None:
    a = analyse(sentence)
    assert a.topics == (topic,)
    assert a.stance == stance


def test_little_does_one_know_denies_nothing() -> None:
    # 殊不知 holds 不 but opens the author's correction: the lawsuit after it is affirmed
    sentence = "殊不知逾期超过三个月，平台就会起诉。"
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance == "conditional"
    assert days_of(sentence) == (90, None, "overdue")


# -- a quoted saying the sentence rejects is a belief, not words set apart ---------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("很多人说“逾期三天就爆通讯录”，这种说法几乎不会发生。", "contacts_family"),
        ("网上传的“欠五千就坐牢”这种说法纯属瞎说。", "criminal_risk"),
    ],
)
def test_a_rejected_quoted_saying_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_quoted_saying_nobody_rejects_stays_set_apart() -> None:
    # near miss: no rejection word, the quoted threat is mentioned, not the author's claim
    a = analyse("经常能听到“明天就上门”这种说法，催收拿它来施压。")
    assert "home_visit" not in a.topics


# -- a caller's very words; the teller asking whether a message is true ------------------------


def test_the_callers_very_words_are_the_act_of_quoting() -> None:
    a = analyse("对方在电话里的原话是：周五前不还就派人去你老家。")
    assert a.topics == ("debtor_contact",)
    assert a.stance == "affirms"


def test_asking_whether_the_message_is_true_is_a_question() -> None:
    a = analyse("收到一条短信说下周开庭，这东西到底是真的吗？")
    assert "debtor_contact" in a.topics
    assert a.stance == "question"


def test_the_story_resuming_after_the_message_is_no_question() -> None:
    # near miss: the narration resumes with 结果, nothing is asked
    a = analyse("收到一条短信说下周开庭，结果什么都没发生。")
    assert a.stance == "affirms"


# -- 呢 after what one had thought, 什么 at a statement's end: no question ---------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("罚息一天才几分钱，我还以为要几百块呢。", "penalty_fees"),
        ("正规法院绝不会叫你往陌生账户里转什么“诉讼费”。", "fake_collection"),
    ],
)
def test_statements_ending_in_ne_or_shenme_are_no_questions(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance != "question"


def test_a_final_ne_after_a_question_still_asks() -> None:
    a = analyse("逾期以后催收到底会不会上门呢")
    assert a.stance == "question"


# -- who is named: a friend who works in collection, a borrower blocked by the other side -------


def test_a_friend_who_works_in_collection_is_no_contact() -> None:
    a = analyse("我同学在催收公司上班，他讲他们基本不上门。")
    assert a.topics == ("home_visit",)
    assert a.stance == "denies"


def test_a_friend_who_got_the_call_is_a_contact() -> None:
    # near miss: the friend received the collector's call
    a = analyse("我朋友接到了催收打来的电话，问我是不是欠了钱。")
    assert "contacts_family" in a.topics


def test_blocked_by_the_other_side_is_no_blacklist() -> None:
    a = analyse("我交了两千块定金，对方就把我拉黑了。")
    assert "credit_report" not in a.topics


def test_a_platform_blacklisting_the_borrower_stays_the_credit_file() -> None:
    # near miss: the platform puts the borrower on its blacklist
    assert "credit_report" in topics_of("逾期两年的用户，平台会把你拉黑。")


# -- cues: the front desk, the debtor by the law's word, a locked entry, a private card ---------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("有个贷款公司打电话到前台找他，全公司都知道了。", "contacts_family"),
        ("催收不得在晚上九点以后联系债务人。", "debtor_contact"),
        ("逾期后借款入口就被锁住了。", "account_impact"),
        ("逾期后余额宝里的钱会被直接扣走吗？", "account_impact"),
        ("正规平台都不会让你把钱转到某个个人名下的账户。", "fake_collection"),
    ],
)
def test_new_cues(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


# -- nothing at all after the cue; a request answered "not supported" ---------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("我逾期半个月，征信上什么不良记录都没有。", "credit_report"),
        ("逾期二十多天了，催收电话一个都没打来过。", "debtor_contact"),
        ("我在app上申请了个性化分期，系统提示不支持。", "negotiation"),
    ],
)
def test_nothing_after_the_cue_denies(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_not_supported_before_the_request_still_denies() -> None:
    a = analyse("已逾期的账单暂不支持申请延期还款。")
    assert a.topics == ("negotiation",)
    assert a.stance == "denies"


# -- a freeze lifted only later, a day counted overdue only later -------------------------------


def test_a_freeze_lifted_after_repayment_affirms_the_freeze() -> None:
    a = analyse("额度冻结以后，要等还清后才能解冻。")
    assert a.topics == ("account_impact",)
    assert a.stance == "affirms"


def test_applying_to_unfreeze_after_repaying_keeps_its_denial() -> None:
    # near miss: no freeze told before, the unfreeze is what the reader can get
    a = analyse("把欠款还清以后打客服电话就能申请解冻。")
    assert a.stance == "denies"


def test_counted_overdue_only_from_a_later_day_is_a_grace() -> None:
    a = analyse("账单日后拖到第五天才算逾期，前四天都是宽限。")
    assert a.topics == ("overdue_grace",)
    assert a.stance == "conditional"


def test_counted_overdue_only_when_nothing_was_paid_keeps_its_denial() -> None:
    # near miss: no day before 才, the condition is the minimum left unpaid
    a = analyse("连最低还款都没还，才会被算逾期。")
    assert a.stance == "denies"


# -- thresholds: owed for a full span; a failed deduction negates nothing after it ----------


def test_owed_for_a_full_span_is_an_overdue_minimum() -> None:
    sentence = "房贷欠满两个月，银行就会起诉。"
    assert "legal_action" in topics_of(sentence)
    assert days_of(sentence) == (60, None, "overdue")


def test_a_failed_deduction_does_not_negate_the_overdue() -> None:
    a = analyse("还款日那天卡里没扣上款就直接记逾期了。")
    assert a.topics == ("overdue_grace",)
    assert a.stance == "denies"


# -- an amount that ranges is no negation; remembering is advice; 即可生效 is the law's ----------


def test_a_fine_that_ranges_is_not_denied() -> None:
    a = analyse("信用卡恶意透支情节严重的，法院会判处五千到十万元不等的罚金。")
    assert "criminal_risk" in a.topics
    assert a.stance == "affirms"


def test_told_to_remember_is_advice() -> None:
    a = analyse("各位记住，接到威胁电话先录音，再去12378投诉。")
    assert a.topics == ("complaints_rights",)
    assert a.modality == "advice"


def test_what_takes_effect_once_notified_is_no_advice() -> None:
    a = analyse("债权转让后，只要书面通知借款人即可生效。")
    assert "bad_debt_transfer" in a.topics
    assert a.modality == "descriptive"


# -- other matters than a debt; a collection firm played by a swindler -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "上周网购的衣服退货没人管，我打电话投诉了两次。",
        "单位把一批报废的电脑做了资产核销。",
        "银行会参考申请人的工作单位来评估额度。",
    ],
)
def test_lines_about_other_matters_are_no_claims(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_call_to_the_workplace_stays_a_contact() -> None:
    # near miss: the workplace is where the call goes
    assert "contacts_family" in topics_of("催收会打电话到你的工作单位。")


def test_a_firm_played_by_a_swindler_is_no_agency() -> None:
    a = analyse("有些骗子会假扮成银行委托的讨债公司，要求当天转账。")
    assert a.topics == ("fake_collection",)


def test_a_firm_that_poses_as_the_bank_is_still_an_agency() -> None:
    # near miss: the firm acts (讨债公司冒充…), it is not the one played
    assert {"third_party_agency", "fake_collection"} <= topics_of(
        "讨债公司冒充银行外访人员上门要钱。")


def test_the_sayings_listed_from_the_calls_are_the_act_of_quoting() -> None:
    a = analyse("催收电话里常见的几种说法：马上立案、通知村委、上门走访。")
    assert a.topics == ("debtor_contact",)


# -- an event told as received, then the fright; the old folks worried; a fee renamed -----------


def test_a_letter_received_then_a_fright_is_told_as_an_event() -> None:
    sentence = "借呗逾期两个多月的时候，我第一次收到了律师函，吓得好几天吃不下饭。"
    a = analyse(sentence)
    assert a.topics == ("legal_action",)
    assert a.stance == "conditional"


def test_a_letter_met_in_general_then_a_fright_stays_a_scene() -> None:
    # near miss: no perfective receipt, the fright is what people feel on meeting it
    assert analyse("很多人一收到律师函就吓得睡不着。").topics == ()


def test_the_old_folks_worried_are_no_contact() -> None:
    assert "contacts_family" not in topics_of("家里老人为这笔欠款天天睡不好。")


def test_the_old_folks_called_are_a_contact() -> None:
    # near miss: the call reaches them
    assert "contacts_family" in topics_of("催收打电话给家里老人，老人吓坏了。")


def test_a_fee_renamed_is_still_charged() -> None:
    a = analyse("这家银行早就不收滞纳金了，换成了违约金，按未还部分的5%收。")
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


def test_a_fee_no_longer_charged_is_denied() -> None:
    # near miss: nothing replaces it
    a = analyse("这家银行早就不收滞纳金了。")
    assert a.stance == "denies"


# -- spun copies' synonyms and Hong Kong words mapped back --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("用信誉卡透支以后，银行催了两回还是逾越三个月没还，就可能算歹意透支。", "criminal_risk"),
        ("花呗过期不还，芝麻信誉分就会跌。", "account_impact"),
        ("借呗超期以后，平台大要率会把账户交给第三方收集机构。", "third_party_agency"),
        ("平台通常不会径直联络借款人的亲眷。", "contacts_family"),
        ("遲交卡數一日，銀行就會收逾期費用。", "penalty_fees"),
        ("逾期以后白条的支付功能会被关停。", "account_impact"),
    ],
)
def test_spun_and_regional_words_are_read(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


def test_a_span_said_with_a_spun_word_keeps_its_operator() -> None:
    sentence = "用信誉卡透支以后，银行催了两回还是逾越三个月没还，就可能算歹意透支。"
    assert days_of(sentence) == (90, None, "overdue")


# -- page furniture and other matters ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "图书馆借的书逾期一周要罚两块钱，不会上征信。",
        "物业费拖了两个月没交，管家说要上门来催。",
        "放债人牌照号码：0000/25，借钱要谨慎。",
        "报销单和借款单都得在季度末前交到财务部核销。",
        "温馨提示：有任何疑问请拨打本站热线，顾问老师免费为你解答。",
        "案号：（2025）某0203民初1234号 案由：金融借款合同纠纷 审判法院：某市中级人民法院",
    ],
)
def test_furniture_and_other_matters_are_no_claims(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_library_fine_beside_a_loan_stays_a_claim() -> None:
    # near miss: a lender is named, the line is about the loan
    assert "penalty_fees" in topics_of("网贷不像图书馆借书，逾期一天就要收罚息。")


# -- who acts and what is named -------------------------------------------------------------------


def test_a_firm_a_swindler_claims_to_be_is_no_agency() -> None:
    a = analyse("有骗子自称是催收公司的员工，让你把钱转到他卡上。")
    assert a.topics == ("fake_collection",)


def test_a_debt_sold_on_to_a_third_party_reaches_no_contact() -> None:
    assert topics_of("资产管理公司收购的不良贷款，不能再转让给其他第三人。") == {
        "bad_debt_transfer"}


def test_a_complaint_quoted_as_a_report_is_what_happened() -> None:
    a = analyse("一位用户在投诉里写道，逾期第二天她同事就接到了催收电话。")
    assert a.topics == ("contacts_family",)


def test_complaining_to_the_regulator_stays_a_complaint() -> None:
    # near miss: the complaint is the act told
    assert "complaints_rights" in topics_of("被骚扰以后，可以向12378投诉。")


# -- advice, retention, a negated cause, a rejected quoted rumour, fines by the day ----------------


def test_may_take_the_first_step_is_advice() -> None:
    a = analyse("实在还不上的话，可主动联系客服申请延期还款。")
    assert a.topics == ("negotiation",)
    assert a.modality == "advice"


def test_kept_a_full_span_is_retention() -> None:
    assert days_of("逾期记录会在信用报告里留足五年。") == (1825, 1825, "retention")


def test_a_negated_cause_denies_its_result_past_the_comma() -> None:
    a = analyse("银行不会因为你迟了两天还款，就把这事告诉你的同事。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"


def test_a_cause_that_is_not_negated_keeps_its_result() -> None:
    # near miss: no negator before 因为
    a = analyse("平台因为你晚还了两个月，就把这事告诉了你的同事。")
    assert "contacts_family" in a.topics
    assert a.stance != "denies"


def test_a_rumour_quoted_after_its_lead_and_called_nonexistent_is_denied() -> None:
    a = analyse("网上传言的“逾期三天就上门”，在正规机构根本不存在。")
    assert a.topics == ("home_visit",)
    assert a.stance == "denies"


def test_a_fine_by_the_day_said_with_fa() -> None:
    assert "penalty_fees" in topics_of("有的网贷逾期一天罚五十。")


# -- a limit not restored, a home entered, a fee added on top -----------------------------------


def test_a_limit_not_restored_affirms_the_freeze() -> None:
    a = analyse("借呗结清以后额度暂不支持恢复。")
    assert a.topics == ("account_impact",)
    assert a.stance == "affirms"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("催收人员未经允许不得进入借款人的住所。", "home_visit"),
        ("不得以任何名义额外收取催收费用。", "penalty_fees"),
    ],
)
def test_rules_on_entering_homes_and_extra_fees_deny(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert a.topics == (topic,)
    assert a.stance == "denies"
    assert a.modality == "normative"


def test_a_shop_card_frozen_and_rent_paid_late_are_other_matters() -> None:
    assert analyse("健身卡半年没用被商家冻结了，要本人去前台办解冻。").topics == ()
    assert analyse("合同写明房租每晚交一天，租客要多付五十元违约金。").topics == ()


def test_wages_frozen_beside_rent_stay_enforcement() -> None:
    # near miss: the court froze the wages, the rent is the hardship
    assert "legal_action" in topics_of("法院冻结了他的工资，这个月房租都交不上了。")


# -- a stage row with a dash range, a judgment's time to pay, steps of a how-to ------------------


def test_a_range_written_with_a_dash_keeps_both_ends() -> None:
    assert days_of("第三阶段（逾期61—90天）：会委托第三方公司催收。") == (61, 90, "overdue")


def test_the_time_a_judgment_gives_to_pay_is_no_overdue_span() -> None:
    sentence = "判决生效以后一般有十五天的履行期，到期还不还的，原告可以申请强制执行。"
    assert "legal_action" in topics_of(sentence)
    assert days_of(sentence) in (None, (None, None, None))


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("第一步：备好身份证和收入证明，再给银行客服打电话申请停息挂账。", "negotiation"),
        ("找对地方投诉：网贷的问题可以找当地的金融监管局。", "complaints_rights"),
    ],
)
def test_steps_of_a_how_to_are_advice(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.modality == "advice"


# -- a product's instalment terms, a divorce case, the front desk visited, calls in a window ------


def test_a_products_instalment_terms_are_no_plan() -> None:
    assert "negotiation" not in topics_of("花呗分期可以选3期、6期或12期，每期收一点手续费。")


def test_a_divorce_case_is_another_matter() -> None:
    assert analyse("离婚案件一般在立案后半年内审结。").topics == ()


def test_someone_come_to_the_front_desk_is_a_visit() -> None:
    assert "home_visit" in topics_of("欠了三个多月，居然有人直接找到我们公司前台来了。")


def test_calls_placed_in_a_forbidden_window_are_denied() -> None:
    a = analyse("催收电话不得在晚上九点到次日早上八点之间拨打。")
    assert a.topics == ("debtor_contact",)
    assert a.stance == "denies"
    assert a.modality == "normative"


# -- a case closed by 的 after a forged paper; callers acting for the bank; a law-firm source -----


def test_a_case_ending_in_de_after_a_forgery_is_circumstance() -> None:
    a = analyse("催收爆你通讯录或者伪造法院文书的，可以向监管部门举报。")
    assert "complaints_rights" in a.topics
    assert "contacts_family" not in a.topics


def test_callers_who_say_they_act_for_the_bank_are_an_agency() -> None:
    assert "third_party_agency" in topics_of("打电话来的人都说是受银行委托的，口气特别凶。")


def test_a_law_firm_letter_sent_for_the_platform_is_no_agency() -> None:
    # near miss: the firm sends a letter on the platform's behalf
    assert "third_party_agency" not in topics_of("这封律师函是律所受平台委托发出的。")


def test_someone_working_at_a_law_firm_is_no_lawsuit() -> None:
    assert analyse("我表姐在律所上班，她说最近来问网贷的人特别多。").topics == ()


# -- paid "rights protection" agents, a court's text message, a company's own sanction -----------


def test_a_paid_rights_protection_agent_is_a_scam_service() -> None:
    a = analyse("别信那些收费的“代理维权”公司，钱交了人就跑了。")
    assert a.topics == ("debt_help_scam",)


def test_a_courts_text_message_is_the_lawsuit_not_a_collection_call() -> None:
    assert topics_of("法院立案以后，会通过12368给被告发短信告知案号。") == {"legal_action"}


def test_a_collectors_text_message_stays_a_contact() -> None:
    # near miss: no court, the collector's message
    assert "debtor_contact" in topics_of("催收会先给借款人发短信提醒还款。")


def test_a_companys_own_sanction_is_no_advice() -> None:
    a = analyse("平台表示，如发现员工私自上门，立即开除。")
    assert "home_visit" in a.topics
    assert a.modality != "advice"


# -- spoken style: a host's calls and sign-offs, nobody does it, reassurance, bloggers' claims ----


@pytest.mark.parametrize(
    "sentence",
    [
        "想学怎么跟银行谈分期的，扣个666，下期视频手把手教。",
        "今天就先聊到这儿，罚息怎么算咱们下期再聊。",
        "我家的冰箱是分期付的，每个月还三百。",
    ],
)
def test_a_hosts_calls_and_a_purchase_in_instalments_are_no_claims(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_livestream_room_named_in_a_warning_stays_a_claim() -> None:
    # near miss: the room is where the scam is sold, no call to the audience
    assert "debt_help_scam" in topics_of("主播提醒：直播间里卖“上岸课程”的都是割韭菜。")


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("正规平台逾期一周就去打你同事电话的，基本是没有的。", "contacts_family"),
        ("网贷逾期跟坐牢八竿子打不着，只要不是骗贷。", "criminal_risk"),
        ("有的博主说逾期后微信零钱也会被冻住，这个纯属瞎扯。", "account_impact"),
    ],
)
def test_nobody_does_it_and_a_bloggers_claim_called_nonsense_deny(sentence: str,
                                                                  topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_not_complying_with_a_judgment_is_a_condition_not_a_denial() -> None:
    a = analyse("法院判了还不执行就会成为老赖，上失信被执行人名单。")
    assert a.topics == ("legal_action",)
    assert a.stance != "denies"


def test_a_reassurance_to_the_audience_is_no_advice() -> None:
    a = analyse("还款日当天还上不算逾期，这点大家可以放心。")
    assert a.topics == ("overdue_grace",)
    assert a.modality == "descriptive"


def test_cases_bundled_and_outsourced_are_an_agency_not_a_sale() -> None:
    assert topics_of("逾期三个月以后，银行会把案子打包委外给催收公司。") == {"third_party_agency"}


def test_debts_bundled_and_bought_stay_a_sale() -> None:
    # near miss: the bundle is sold
    assert "bad_debt_transfer" in topics_of("资产公司会把逾期债权打包买走。")


# -- not found on the report, said after it; all day long is no span -----------------------------


def test_not_found_on_the_report_said_after_it_denies() -> None:
    a = analyse("我借呗晚还了两天，后来去查，征信上也查不到任何记录。")
    assert "credit_report" in a.topics
    assert a.stance == "denies"


def test_all_day_long_is_no_overdue_span() -> None:
    sentence = "那几个月催收的电话一天到晚打个不停。"
    assert "debtor_contact" in topics_of(sentence)
    assert days_of(sentence) in (None, (None, None, None))


def test_a_single_day_late_keeps_its_span() -> None:
    # near miss: 一天 after 逾期 is the span
    assert days_of("逾期一天就会上征信。") == (1, 1, "overdue")


# -- the form's emergency contact reached; a scam's price named as its condition ----------------


def test_the_forms_emergency_contact_reached_is_a_contact() -> None:
    a = analyse("逾期半个月以上，平台可能会联系申请时填写的紧急联系人。")
    assert a.topics == ("contacts_family",)


def test_the_forms_emergency_contact_defined_is_no_contact() -> None:
    # near miss: only the form is described
    assert analyse("紧急联系人是借款时填写的。").topics == ()


def test_a_scams_price_is_no_condition() -> None:
    a = analyse("一个号称法务团队的人说能把罚息全免了，前提是先交两千定金。")
    assert a.topics == ("debt_help_scam",)
    assert a.stance == "affirms"


def test_a_real_precondition_stays_a_condition() -> None:
    # near miss: the bank's own requirement
    assert analyse("个性化分期能批下来，前提是你有稳定收入。").stance == "conditional"


def test_a_dash_range_within_keeps_both_ends() -> None:
    # the range kept whole before 内 is read with the same separators as the range itself
    assert days_of("逾期3—15天内还清，银行一般不会上报。") == (3, 15, "overdue")
