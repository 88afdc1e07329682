"""Session fourteen (coordinator): classes found in real explainer pages (借呗 lawsuits,
花呗 and the family, 美团 visit messages, fraud and prison, SMS checks).

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse, tag_document

# -- 说明 after a speaker is an explanation, no words quoted ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "还不上的时候，可以在客服来电时同对方说明情况，申请协商延期还款。",
        "接到电话别躲，跟对方说明收入断了，争取分期还款。",
        "可以主动跟催收说明自己的困难，争取协商分期。",
    ],
)
def test_explaining_to_the_other_side_is_no_reported_speech(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.modality == "advice"


def test_words_said_about_tomorrow_stay_reported() -> None:
    # near miss: 说明天 is 说 + 明天, the collector's words: the call is the claim
    a = analyse("有读者留言说，催收说明天就去他单位。")
    assert a.topics == ("debtor_contact",)


# -- the customer addressed as the reader ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "如果一时周转不开，客户可以联系平台协商延期还款。",
        "遇到暴力催收，消费者可以向金融监管部门投诉。",
        "客户可以主动申请个性化分期，把每月还款压低一些。",
    ],
)
def test_the_customer_told_what_to_do_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_the_lender_who_may_sue_stays_descriptive() -> None:
    # near miss: the lender is the one who may act
    assert analyse("逾期时间太长的话，平台可以向法院起诉借款人。").modality == "descriptive"


# -- 应 / 应当 after the reader in the second person ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "接到自称法院的催收电话，您应先挂断，再打官方号码核实。",
        "你应当把每一次通话都录下来，留作投诉的证据。",
        "大家应保持冷静，别被短信里的上门两个字吓住。",
    ],
)
def test_should_addressed_to_the_reader_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_borrowers_duty_stays_a_rule() -> None:
    # near miss: 借款人应当 states the contract's duty, not advice to the reader
    assert analyse("借款人应当按合同约定按期还款，否则平台可以起诉。").modality == "normative"


# -- a grace named 缓冲期 before its span -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("这个平台的还款缓冲期大概是5天，过了才算逾期。", 5),
        ("信用卡的缓冲期一般为3天。", 3),
        ("白条的缓冲期只有1天，第二天就算逾期了。", 1),
    ],
)
def test_a_buffer_period_before_its_span_is_a_grace(sentence: str, days: int) -> None:
    a = analyse(sentence)
    assert a.topics[0] == "overdue_grace"
    assert a.threshold is not None
    assert (a.threshold.anchor, a.threshold.min_days, a.threshold.max_days) == (
        "overdue", days, days)


def test_a_deferral_granted_after_a_call_is_no_overdue_grace() -> None:
    # near miss: a span before 缓冲期, granted after the borrower calls: a deferral
    a = analyse("打客服电话说明失业了，这家平台一般能给7到20天的缓冲期。")
    assert "overdue_grace" not in a.topics
    assert a.threshold is None or a.threshold.anchor != "overdue"


# -- channels listed as methods ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期后平台会用电话、短信、上门几种方式来催收。",
        "外包的催收公司一般采用短信、电话、上门外访几种手段。",
        "催收员可能通过短信、微信、上门这些途径找到你。",
    ],
)
def test_a_channel_listed_among_methods_counts(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "home_visit" in a.topics


def test_a_listed_channel_to_the_family_stays_the_familys() -> None:
    # near miss: the channels reach the family; the family is the claim
    a = analyse("催收公司会用电话、短信这类方式联系借款人的父母。")
    assert "contacts_family" in a.topics
    assert "debtor_contact" not in a.topics


# -- the borrower named as whom collection aims at --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "按照平台的说法，催收的主要对象是借款人自己。",
        "前两个月主要催本人，一般不会找到家里去。",
        "正规平台的催收对象是欠款人，不是他的亲戚朋友。",
    ],
)
def test_collection_aimed_at_the_borrower_is_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


# -- a case opened for fraud is criminal ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "透支数额太大又拒不还款的，可能被以信用卡诈骗立案。",
        "一旦达到标准，公安机关会按诈骗罪立案侦查。",
        "恶意逃债被警方按诈骗案立案的，就不是民事纠纷了。",
    ],
)
def test_a_fraud_case_opened_is_criminal_risk(sentence: str) -> None:
    assert analyse(sentence).topics[0] == "criminal_risk"


def test_a_court_case_opened_stays_a_lawsuit() -> None:
    # near miss: a court opening a civil case
    assert analyse("法院受理以后会立案，再给你寄传票。").topics == ("legal_action",)


def test_a_breach_of_contract_denies_criminal_risk() -> None:
    a = analyse("网贷说到底是借贷合同，拖着不还顶多算民事违约。")
    assert a.topics == ("criminal_risk",)
    assert a.stance == "denies"


# -- fraudsters sending the threats play the collector ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "只有骗子才会一上来就发短信威胁第二天上门。",
        "诈骗分子常用恐吓的话术，说不还就抓人。",
        "这种催收短信多半是骗子发来吓唬人的。",
    ],
)
def test_fraudsters_threatening_are_impostors(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert "debt_help_scam" not in a.topics


def test_a_fraudster_selling_a_service_stays_a_debt_help_scam() -> None:
    # near miss: the fraudster offers a paid negotiation, no threat
    assert "debt_help_scam" in analyse("骗子往往打着协商还款的旗号先收一笔服务费。").topics


# -- pressure put on the debtor through relatives ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "案子转给外包公司以后，不排除对方通过亲属施加压力。",
        "有的催收会通过家人施加压力，逼借款人还钱。",
        "个别催收员专门给亲属施加压力。",
    ],
)
def test_pressure_through_relatives_is_contacting_them(sentence: str) -> None:
    assert "contacts_family" in analyse(sentence).topics


def test_relatives_merely_affected_are_not_contacted() -> None:
    # near miss: the family affected by the record, no one reaching them
    assert "contacts_family" not in analyse("逾期记录多了，会影响到家人办贷款吗？").topics


# -- after a conceded hardship, the reader told what to do ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "即使暂时还不上，每月保持一两次通话，免得平台去联系你家人。",
        "哪怕一时拿不出钱，保持联系，别让催收去找你家里人。",
        "即便暂时无力还款，保持通讯畅通，别让催收找到你单位。",
    ],
)
def test_after_a_conceded_hardship_the_reader_is_told(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_concession_before_a_fact_stays_descriptive() -> None:
    # near miss: after the concession a fact about the record, nothing to do
    assert analyse("即使没有被起诉，逾期记录也会上征信。").modality == "descriptive"


# -- 上 before 信用卡 is no credit record -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "大体上信用卡的催收分短信、电话、上门几种。",
        "基本上信用卡逾期三天以内银行都会先发短信提醒。",
        "总体上信用卡欠款的催收比网贷温和。",
    ],
)
def test_a_word_ending_in_shang_before_the_card_is_no_record(sentence: str) -> None:
    assert "credit_report" not in analyse(sentence).topics


def test_the_record_named_plainly_stays() -> None:
    # near miss: 会上信用 is the credit record
    assert "credit_report" in analyse("协商延期以后，这笔欠款仍然会上信用记录。").topics


# -- a reminder's words to someone in the story -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "头一个月的电话还算客气，只是提醒他账单已经过期，需要尽快处理。",
        "客服每天发消息提醒她，要尽快把欠款还上。",
        "催收员头一回打电话只是提醒他要尽快把这期还上。",
    ],
)
def test_a_reminders_words_are_not_the_authors_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "descriptive"


def test_the_authors_own_reminder_stays_advice() -> None:
    # near miss: 提醒大家 is the author speaking to the reader
    assert analyse("在这里提醒大家，接到催收电话要尽快核实对方身份。").modality == "advice"


# -- 应 opening the clause after the reader's occasion ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "当收到所谓的律师函时，首先应核实发函律所是否存在。",
        "接到自称法院的电话，应当先挂断再打官方号码查询。",
        "如果遇到催收辱骂家人，应当保存录音并向监管部门投诉。",
    ],
)
def test_should_after_the_readers_occasion_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_should_after_a_laws_case_stays_a_rule() -> None:
    # near miss: …的，应当认定为… is the law's case and its rule
    a = analyse("经两次催收后超过三个月仍不归还的，应当认定为恶意透支。")
    assert a.modality == "normative"


# -- wariness asked of the reader with 必须 ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "律师函上的律所查不到的，多半是伪造的，必须引起警惕。",
        "对方要求转账到个人账户的，必须提高警惕，这是冒充催收的骗局。",
        "陌生号码发来的法院短信必须警惕，很可能是假的。",
    ],
)
def test_wariness_with_bixu_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_collectors_duty_with_bixu_stays_a_rule() -> None:
    # near miss: what the collector must do is a rule
    assert analyse("上门催收的人员必须出示工作证件。").modality == "normative"


# -- 说不定…呢 is an exclamation, no question -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "态度诚恳一点，说不定平台还能多宽限你几天呢！",
        "主动打个电话，没准还能申请到分期呢。",
        "现在去协商，说不准还能免掉一部分罚息呢！",
    ],
)
def test_perhaps_with_a_final_ne_is_no_question(sentence: str) -> None:
    a = analyse(sentence)
    assert a.stance != "question"
    assert a.hedge == "possibility"


def test_a_final_ne_asks_without_perhaps() -> None:
    # near miss: 会不会…呢？ asks
    assert analyse("逾期以后平台会不会多宽限几天呢？").stance == "question"


# -- 不是X而是Y in one clause affirms Y ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("过了三十天打来的就不是银行客服了而是外包催收公司。", "third_party_agency"),
        ("这时候找你的并不是银行而是外包的催收机构。", "third_party_agency"),
        ("寄到家里的不是普通信件而是法院的传票。", "legal_action"),
    ],
)
def test_a_correction_in_the_clause_affirms_what_follows(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance != "denies"


def test_a_plain_denial_stays() -> None:
    # near miss: no 而是, the denial stands
    assert analyse("打来电话的并不是第三方催收公司。").stance == "denies"


# -- reaching a range keeps both ends ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("当逾期达到5-7天时，多数平台会转人工催收。", 5, 7),
        ("逾期达到30到60天，催收公司就会介入。", 30, 60),
        ("欠款逾期到了10至15天，客服会开始打电话。", 10, 15),
    ],
)
def test_reaching_a_range_is_within_it(sentence: str, low: int, high: int) -> None:
    th = analyse(sentence).threshold
    assert th is not None
    assert (th.min_days, th.max_days) == (low, high)


def test_reaching_a_single_span_is_its_minimum() -> None:
    # near miss: 达到30天 is 30 days or more
    th = analyse("逾期达到30天就会被报送征信。").threshold
    assert th is not None
    assert (th.min_days, th.max_days) == (30, None)


# -- the lender talking to the borrower first, collection started -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "刚逾期那几天，平台一般只想先跟你本人沟通。",
        "这家平台通常在逾期十天后才开始催收。",
        "账单逾期满一周，系统会自动启动催收流程。",
    ],
)
def test_talking_to_the_borrower_or_starting_collection_is_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


# -- the reader's difficulty as a case, then the instruction ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "如有困难，及时联系客服申请延期还款。",
        "如果有困难，主动联系平台协商分期。",
        "确有困难的，尽快向银行申请个性化分期。",
    ],
)
def test_after_the_readers_difficulty_the_reader_is_told(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


# -- a rule against threats denies the abuse --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "按规定，催收人员不得威胁恐吓借款人。",
        "自律公约要求，催收员严禁威胁恐吓债务人及其家属。",
        "催收员不能威胁恐吓借款人，只能说明欠款和后果。",
    ],
)
def test_a_rule_against_threats_denies_abuse(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.stance == "denies"
    assert a.modality == "normative"


def test_a_threat_narrated_stays_the_call() -> None:
    # near miss: a threat told as it happened is the call, no rule
    a = analyse("催收员在电话里威胁恐吓我。")
    assert a.topics == ("debtor_contact",)


# -- the right to buy limited is an account impact --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期后平台可能会限制你的购买权限。",
        "账单一直不还，购买权限会被暂停。",
        "美团对逾期用户会采取限制措施，比如限制购买权限。",
    ],
)
def test_the_right_to_buy_limited_is_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_a_phone_permission_stays_no_account() -> None:
    # near miss: a phone's location permission switched off
    assert "account_impact" not in analyse("把这个软件的定位权限关掉就不会被读取位置。").topics


# -- a long condition runs to the clause that opens with 那 ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "要是有陌生人半夜上门，说自己是法院执行局派来的，或者在楼道贴你的欠款单，那就属于违法。",
        "要是对方上门时自称是公安，还说要带走你，或者堵着门不走，那十有八九是假的。",
        "如果有陌生人到单位找你，说自己是法院的，或者拿出所谓的拘留通知，那多半是冒充的。",
    ],
)
def test_a_long_condition_keeps_its_clauses_together(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert "legal_action" not in a.topics
    assert a.stance == "conditional"


def test_a_short_condition_stays_one_clause() -> None:
    # near miss: one condition clause, then the main clause names its topic
    a = analyse("如果有人上门催收，可以要求对方出示工作证。")
    assert "home_visit" in a.topics


# -- collectors at the door, face to face -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "外访的人出现在欠款人家门口时，谁都会觉得难堪。",
        "外访员到了借款人所在地，会先核实身份再谈。",
        "委外公司的人会和借款人面对面沟通，了解他为什么不还。",
    ],
)
def test_collectors_at_the_door_are_a_visit(sentence: str) -> None:
    assert "home_visit" in analyse(sentence).topics


# -- the debt made public or the name harmed, and the freedom restricted ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收时不得以损害借款人名誉的方式施压。",
        "催收机构不得采用公布欠款信息的手段逼债。",
        "不得限制借款人的人身自由，比如非法拘禁。",
    ],
)
def test_rules_against_abuse_deny_it(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("complaints_rights",)
    assert a.stance == "denies"


def test_borrowing_limited_stays_an_account_impact() -> None:
    # near miss: the borrowing function limited is the account's
    assert analyse("逾期以后平台会限制借款功能。").topics == ("account_impact",)


# -- 可以 after a means defined ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "上门催收是一种很直接的催收手段，可以给借款人很大的压力。",
        "律师函是一种常见的催收方式，可以让借款人重视起来。",
        "电话催收属于一种成本很低的方法，可以覆盖大量逾期用户。",
    ],
)
def test_what_a_means_can_do_is_descriptive(sentence: str) -> None:
    assert analyse(sentence).modality == "descriptive"


def test_after_a_plain_fact_the_reader_may() -> None:
    # near miss: the clause before defines no means; 可以 is the reader's
    assert analyse("逾期是一种很常见的情况，可以主动联系平台协商分期。").modality == "advice"


# -- a notice judged fake outright (probe 400) ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "没有案号、没有法院公章的“传票”，基本可以断定是假的。",
        "只写着“已移交法务部”却没有任何案件信息的短信，一律是假的。",
        "让你点链接交“诉讼保全费”的通知，必然是假的。",
    ],
)
def test_a_notice_judged_fake_is_fake_collection(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("fake_collection",)
    assert a.stance == "affirms"


# -- the easiest way named is advice ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "开庭前还清欠款再请银行撤诉，是最省事的办法。",
        "直接打官方客服问清楚有没有被起诉，是最简单的办法。",
        "跟平台协商个性化分期，往往是最有效的办法。",
    ],
)
def test_the_easiest_way_named_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


# -- a court's officer serving papers is no visit ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "法院的传票一般邮寄，也可能派人送达。",
        "起诉书副本会由法院派专人送达到被告手上。",
        "真正的传票由法院邮寄或者派人送达。",
    ],
)
def test_a_court_serving_papers_is_no_visit(sentence: str) -> None:
    assert "home_visit" not in analyse(sentence).topics


def test_a_lender_sending_someone_stays_a_visit() -> None:
    # near miss: the lender sends someone to the borrower's home
    assert "home_visit" in analyse("平台会派人上门核实情况。").topics


# -- a denial with its own object denies nothing before it (probe 401) -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "花钱找中介代办延期，要先交一笔服务费，银行那边可能根本没收到申请。",
        "交了两千块服务费给代办公司，平台那边压根没接到任何材料。",
        "找中介办停息挂账，钱交了，银行却从来没收到过申请。",
    ],
)
def test_a_denial_with_its_own_object_stays_in_its_clause(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" in a.topics
    assert a.stance != "denies"


def test_a_bare_denial_still_reaches_back() -> None:
    # near miss: 一般接不到 has no object; it denies the calls the clause before names
    a = analyse("很多人担心家人会接到催收电话，其实一般接不到。")
    assert a.stance == "denies"


# -- a waiver promised by a self-styled partner for a fee ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人自称是银行合作的律所，说交三千块就能帮你把罚息全免掉。",
        "对方自称跟平台有合作，先交五百就能帮你免掉违约金。",
        "一个自称金融顾问的人说，他能帮你把滞纳金全部减免。",
    ],
)
def test_a_waiver_promised_for_a_fee_is_a_scam(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" in a.topics
    assert "penalty_fees" not in a.topics


def test_the_lenders_own_waiver_stays() -> None:
    # near miss: the bank itself may waive part of the penalty interest
    assert "penalty_fees" in analyse("银行可以帮你把罚息减免一部分。").topics


# -- 对象 as a target, not a partner ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "家访的对象通常包括客户经理和委托的外访人员。",
        "上门催收的主要对象是长期失联的借款人。",
        "电话催收对象一般是逾期三十天以内的用户。",
    ],
)
def test_a_target_named_object_is_no_partner(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


def test_a_partner_called_stays_family() -> None:
    # near miss: 我对象 is the partner, reached by the collector
    assert "contacts_family" in analyse("催收打电话给我对象，说我欠了钱。").topics


# -- asking the visitor for papers is advice --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "外访人员上门时，要求对方出示银行的授权文件和工作证。",
        "要求对方提供催收委托书，核实是不是银行委托的催收公司。",
        "有人上门时，要求对方出示身份证件并记下工号。",
    ],
)
def test_asking_for_papers_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


# -- a collection stage reached after a span --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("满60天就进入全面催收阶段，外访会多起来。", 60),
        ("90天以后进入法务催收阶段，可能收到律师函。", 90),
        ("到第30天就进入人工催收阶段，电话会多起来。", 30),
    ],
)
def test_a_stage_after_a_span_is_overdue(sentence: str, days: int) -> None:
    th = analyse(sentence).threshold
    assert th is not None
    assert th.anchor == "overdue"
    assert th.min_days == days


# -- real pages on 微粒贷, 分期乐, 安逸花 messages --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "也不能排除有人冒充平台发假短信的可能。",
        "无法排除骗子冒充客服打电话的可能性。",
        "不能排除有诈骗分子冒充银行发送虚假短信。",
    ],
)
def test_cannot_rule_out_is_a_possibility(sentence: str) -> None:
    a = analyse(sentence)
    assert a.stance == "affirms"
    assert a.hedge == "possibility"


@pytest.mark.parametrize(
    "sentence",
    [
        "要是陌生号码一直打电话骚扰，可以直接拉黑。",
        "催收电话太多的话，把号码拉黑也不会有别的影响。",
        "对方一直发短信，拉黑对方就清净了。",
    ],
)
def test_blocking_a_number_is_no_blacklist(sentence: str) -> None:
    assert "credit_report" not in analyse(sentence).topics


def test_being_blacklisted_stays_a_record() -> None:
    # near miss: the borrower blacklisted by the lender
    assert "credit_report" in analyse("逾期会被平台拉黑，以后借不到钱。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "假短信的措辞通常很粗糙，还会带一个链接。",
        "这种虚假短信一般不会写出你的借款编号。",
        "假的催收短信常常冒出一个陌生的还款账户。",
    ],
)
def test_fake_messages_named_are_fake_collection(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("平台一般在逾期3到15天内开始打电话催收。", 3, 15),
        ("逾期5至10天以内，多是系统自动提醒。", 5, 10),
        ("逾期7-30天内联系不上本人，才会打给家人。", 7, 30),
    ],
)
def test_a_range_with_nei_keeps_both_ends(sentence: str, low: int, high: int) -> None:
    th = analyse(sentence).threshold
    assert th is not None
    assert (th.min_days, th.max_days) == (low, high)


def test_a_plain_span_with_nei_is_a_maximum() -> None:
    # near miss: 三天内 is at most three days
    th = analyse("逾期三天内一般不会上征信。").threshold
    assert th is not None
    assert (th.min_days, th.max_days) == (None, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "所谓的“起诉短信”，多半是催收的施压话术。",
        "短信里说马上起诉，其实是标准化施压的一部分。",
        "动不动就说要起诉你，这是典型的恐吓话术。",
    ],
)
def test_a_lawsuit_message_called_pressure_talk_is_the_message(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "legal_action" not in a.topics


def test_a_lawsuit_as_the_last_means_stays() -> None:
    # near miss: a real lawsuit named as a means of pressure is still a lawsuit
    assert "legal_action" in analyse("逾期后银行起诉是一种施压手段，也是最后的手段。").topics


# -- genuine lawsuit notices told apart from fake ones ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "真起诉通知绝不会让你在短信里填银行卡密码。",
        "真正的起诉文书一定有案号，可以上法院网站查询。",
        "虚假的起诉短信往往带着一个陌生链接。",
    ],
)
def test_genuine_notices_told_apart_are_fake_collection(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_a_lawsuit_really_filed_stays_a_lawsuit() -> None:
    # near miss: 真的起诉了 tells that a lawsuit was filed
    assert analyse("银行真的起诉了，法院会寄传票。").topics == ("legal_action",)


# -- a short answer after a yes/no question of its line (probe 402) ---------------------------


def _claims_of(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(c.text, c.topics, c.stance) for c in tag_document("d", text)]


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("问：借呗逾期会不会打通讯录？答：正规渠道一般不会。", "contacts_family", "denies"),
        ("花呗逾期会有人上门吗？一般不会，除非欠得特别多。", "home_visit", "denies"),
        ("欠网贷会坐牢吗？当然不会。", "criminal_risk", "denies"),
        ("逾期会被起诉吗？会的，金额大了就会。", "legal_action", "affirms"),
    ],
)
def test_a_short_answer_states_the_questions_topic(text: str, topic: str, stance: str) -> None:
    claims = _claims_of(text)
    assert len(claims) == 2
    assert claims[0][2] == "question"
    assert claims[1][1] == (topic,)
    assert claims[1][2] == stance


def test_a_reply_that_answers_nothing_stays_no_claim() -> None:
    # near miss: 我也不知道 opens with no answer word
    claims = _claims_of("借呗会起诉吗？我也不知道。")
    assert len(claims) == 1
    assert claims[0][2] == "question"


# -- a rumour and a banned practice, said after the cue ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "所谓逾期就爆通讯录，基本是谣传。",
        "说借呗会上门催收，纯属谣传。",
        "群发短信给借款人通讯录的做法，早就被明令禁止了。",
    ],
)
def test_a_rumour_or_a_ban_after_the_cue_denies_it(sentence: str) -> None:
    assert analyse(sentence).stance == "denies"


# -- WeChat friends --------------------------------------------------------------------------


def test_wechat_friends_left_alone_deny_contact() -> None:
    a = analyse("微信好友一般不会被打扰，平台拿不到你的聊天记录。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"


def test_wechat_friends_messaged_are_contacted() -> None:
    assert analyse("催收给我的微信好友挨个发消息。").topics == ("contacts_family",)


def test_wechat_friends_named_without_an_act_are_no_claim() -> None:
    # near miss: no one reaches them
    assert analyse("我的微信好友都不知道我欠钱。").topics == ()


# -- a condition word inside a phrase describing a role ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "紧急联系人只是在联系不上借款人时的备用渠道，不用替他还钱。",
        "这个号码只是在借款人失联时的备用联系方式，平台不会随便打给紧急联系人。",
        "家人只是在联系不上本人时的一个联系渠道，不承担还款责任。",
    ],
)
def test_a_condition_word_naming_a_role_sets_no_condition(sentence: str) -> None:
    assert analyse(sentence).stance != "conditional"


def test_a_condition_clause_stays_a_condition() -> None:
    # near miss: 在联系不上借款人时，… is the claim's condition
    assert analyse("在联系不上借款人时，平台会打给紧急联系人。").stance == "conditional"


# -- a card closed in plain words; a freeze that is not a court's -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期三个月以上还不接银行电话，信用卡就会被封。",
        "拖得太久，这张卡会被封掉。",
        "连续几期不还，额度清零，卡被封。",
    ],
)
def test_a_card_closed_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_a_freeze_not_by_a_court_is_no_lawsuit() -> None:
    a = analyse("非司法冻结的情况下，还清欠款后可以申请恢复额度。")
    assert "legal_action" not in a.topics
    assert "account_impact" in a.topics


def test_a_court_freeze_stays_a_lawsuit() -> None:
    # near miss: a court's freeze is enforcement
    assert analyse("法院司法冻结了他名下的银行卡。").topics == ("legal_action",)


# -- unrelated people named as a noun; a co-borrowing agreement -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "骚扰无关第三人：频繁打家人电话、打到家人单位。",
        "有的催收专找无关人员施压，比如你的同学和邻居。",
        "催收员挨个给无关的第三人打电话。",
    ],
)
def test_unrelated_people_named_deny_nothing(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


def test_unrelated_said_after_the_cue_still_denies() -> None:
    # near miss: 与通讯录无关 denies the address book
    assert analyse("这次逾期和通讯录无关，不会被爆。").stance == "denies"


def test_a_co_borrowing_agreement_is_no_negotiated_plan() -> None:
    a = analyse("父母当初在共同还款协议上签了字的，也得跟着还。")
    assert "negotiation" not in a.topics


def test_a_new_plan_signed_stays_negotiation() -> None:
    # near miss: a repayment agreement reached after negotiating
    assert "negotiation" in analyse("和银行协商以后签了新的还款协议。").topics


# -- a chance put as relatively low ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "金条欠款才几百块，被告上法庭的概率相对较低。",
        "小额网贷上门催收的几率相对较低。",
        "刚逾期几天就被起诉的概率极低。",
    ],
)
def test_a_relatively_low_chance_is_rarity(sentence: str) -> None:
    a = analyse(sentence)
    assert a.stance == "denies"
    assert a.hedge == "frequency"


# -- a cleft (X的，是Y) is no case clause (probe 403) -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("真正可能坐牢的，是有钱还却拒不执行判决的人。", "criminal_risk"),
        ("最容易被上门催收的，是欠款金额大又联系不上的人。", "home_visit"),
        ("最后真被起诉的，是那些一分钱都不还的借款人。", "legal_action"),
    ],
)
def test_a_cleft_keeps_the_topic_of_its_first_clause(sentence: str, topic: str) -> None:
    assert topic in analyse(sentence).topics


def test_a_case_clause_stays_a_case() -> None:
    # near miss: …的，会被拘留 -- the first clause describes the case
    assert analyse("催收人员上门辱骂借款人的，会被拘留。").topics == ("complaints_rights",)
