"""Session eleven (coordinator): classes found by blind probes 330 on.

Each class has sentences of its own and a near miss that keeps the old reading.
News reports on collection crackdowns (probe 330): a collector charged with 寻衅滋事
or fined by the police is the borrower's protection (complaints_rights); a judgment
cited as the source of a report (判决书里提到，…) is no lawsuit; a collection firm
named as someone's workplace is no outsourcing; a concession that names another
event of the topic (虽然没够上刑事立案的标准，…还是被罚了款) is no self-contradiction;
an adviser's lead clause (律师提醒，遇到…，先录音…) leaves the advice after it;
根据规定 … 才可以 states a rule.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse, analyse_claims

# -- a collector charged or fined is the borrower's protection -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那几个天天打电话骂人的催收员，后来都被按寻衅滋事处理了。",
        "警方通报，这个催收团伙的十一名成员因寻衅滋事被批捕。",
        "骚扰借款人家属的催收员被派出所罚了五百元。",
    ],
)
def test_a_collector_charged_or_fined_is_the_borrowers_protection(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert "criminal_risk" not in a.topics


def test_the_borrowers_own_arrest_stays_criminal_risk() -> None:
    # near miss: no collector in the sentence
    a = analyse("恶意透支信用卡数额较大的，可能会被公安机关刑拘。")
    assert "criminal_risk" in a.topics
    assert "complaints_rights" not in a.topics


# -- a judgment cited as a source is no lawsuit ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "判决书里提到，这伙人曾把欠款人的照片发给他的亲戚。",
        "裁判文书显示：该公司员工多次打电话到借款人单位。",
        "一审判决认定，被告人长期给欠款人的同事群发短信。",
    ],
)
def test_a_judgment_cited_as_a_source_is_no_lawsuit(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" not in a.topics
    assert "contacts_family" in a.topics


def test_the_readers_own_judgment_stays_a_lawsuit() -> None:
    # near miss: the judgment is the reader's, in one clause with what it orders
    a = analyse("判决书显示你需要在十日内还清全部欠款。")
    assert "legal_action" in a.topics


# -- a collection firm as someone's workplace is no outsourcing ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "老周在一家催收公司上过两年班，他说真派人上门的很少。",
        "一位在催收公司干过的朋友说，上门基本都是吓唬人。",
        "他以前在催收公司做过，知道那些话术都是背出来的模板，上门的极少。",
    ],
)
def test_a_collection_firm_as_a_workplace_is_no_outsourcing(sentence: str) -> None:
    a = analyse(sentence)
    assert "third_party_agency" not in a.topics
    assert "home_visit" in a.topics


def test_a_firm_that_takes_over_the_debt_stays_outsourcing() -> None:
    # near miss: the firm is where the debt goes
    a = analyse("逾期三个月后，银行会把账户交给催收公司处理。")
    assert "third_party_agency" in a.topics


# -- a concession naming another event of the topic is no self-contradiction -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "虽然没够上刑事立案的标准，那名催收员还是被派出所罚了款。",
        "尽管没有被追究刑事责任，那个催收员最后还是被治安处罚了。",
    ],
)
def test_a_lesser_punishment_after_a_concession_is_one_claim(sentence: str) -> None:
    claims = analyse_claims(sentence)
    assert len(claims) == 1
    assert claims[0].stance == "affirms"
    assert "complaints_rights" in claims[0].topics


def test_the_usual_rule_and_its_exception_stay_two_claims() -> None:
    # near miss: the same event both ways, the concession holding a usual rule
    claims = analyse_claims("虽然平台一般不会上门，但欠得多的也可能派人上门。")
    assert len(claims) == 2
    assert all(c.self_contradicting for c in claims)


# -- an adviser's lead clause leaves the advice after it -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "律师提醒，遇到骂人的催收电话，先录音，再向监管部门投诉。",
        "民警提示：碰到自称网警的催收短信，先别回复，直接打110核实。",
        "温馨提示，遇到上门堵人的情况，先报警，再保留好视频证据。",
    ],
)
def test_an_adviser_lead_leaves_the_advice_after_it(sentence: str) -> None:
    a = analyse(sentence)
    assert a.modality == "advice"
    assert "debtor_contact" not in a.topics
    assert "home_visit" not in a.topics


def test_a_report_after_an_adviser_lead_stays_descriptive() -> None:
    # near miss: the lead is followed by what happens, no instruction
    a = analyse("律师提醒，逾期三个月以上的信用卡很可能被银行起诉。")
    assert a.modality == "descriptive"
    assert "legal_action" in a.topics


# -- a rule's 才可以 is normative ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "根据规定，逾期超过90天的账户才可以委托外部催收机构。",
        "按照监管要求，取得借款人同意后才能联系其紧急联系人。",
        "依照规定，经过法院判决后才允许强制执行借款人的财产。",
    ],
)
def test_a_rule_then_only_then_allowed_is_normative(sentence: str) -> None:
    assert analyse(sentence).modality == "normative"


def test_a_plain_only_then_is_descriptive() -> None:
    # near miss: no rule named before it
    a = analyse("一般逾期超过90天，银行才会把账户委托给外部催收机构。")
    assert a.modality == "descriptive"


# -- 别 as "other" is no prohibitive -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人以为把工资卡换到别家银行就安全了，其实法院执行时照样查得到。",
        "钱转到别处也没用，法院强制执行时一样能查到。",
        "欠款转到别家机构以后，一般会由外包公司接手催收。",
    ],
)
def test_another_bank_is_no_prohibitive(sentence: str) -> None:
    assert analyse(sentence).modality == "descriptive"


def test_a_real_prohibitive_stays_advice() -> None:
    # near miss: 别 before a verb
    assert analyse("别把工资卡里的钱全取走，法院执行时一样会查。").modality == "advice"


# -- a message judged no fraud ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "收到“已扣收欠款两千元”的短信别慌，这是银行按合同扣款，并不是诈骗。",
        "银行按合同从你的储蓄卡里扣款，不属于诈骗。",
        "发卡行打来的核对电话是正常流程，并不是诈骗。",
    ],
)
def test_a_message_judged_no_fraud_denies_the_impostor(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("fake_collection",)
    assert a.stance == "denies"


def test_the_borrowers_own_non_fraud_is_criminal_risk() -> None:
    a = analyse("只是暂时还不上信用卡，并不是诈骗。")
    assert "criminal_risk" in a.topics
    assert "fake_collection" not in a.topics


def test_a_real_contact_keeps_its_topic_beside_a_belief() -> None:
    # near miss: the calls are real; someone came to believe it was no fraud
    a = analyse("好几家公司轮流打电话给他母亲，她这才相信不是诈骗。")
    assert "contacts_family" in a.topics
    assert "fake_collection" not in a.topics


# -- a later clause saying what to look for embeds its question -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "扣款以后记得查一下征信，看这一期有没有被记成逾期。",
        "还清以后过两个月再打一份信用报告，看上面是不是已经更新了。",
        "协商成功后留意一下账单，看罚息有没有真的停掉。",
    ],
)
def test_a_purpose_clause_embeds_its_question(sentence: str) -> None:
    assert analyse(sentence).stance != "question"


def test_a_first_clause_that_asks_stays_a_question() -> None:
    # near miss: the question opens the sentence
    assert analyse("看这种情况会不会被起诉？").stance == "question"


# -- comparisons between products (probe 332) ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "网贷晚还几天会影响信用吗？",
        "花呗预期两三天会不会影响个人信用？",
        "逾期一次，信用受影响是肯定的。",
    ],
)
def test_the_credit_named_plainly_is_the_credit_file(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_the_credit_card_is_not_the_credit() -> None:
    # near miss: 影响信用卡额度 is the card's limit
    assert "credit_report" not in analyse("逾期会不会影响信用卡额度？").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "小额网贷一般不会起诉，顶多打打电话。",
        "同样是逾期，银行更容易起诉，网贷平台反倒多是打电话。",
        "这种小平台无非是打电话吓唬人，不会真的上门。",
    ],
)
def test_calls_as_the_least_a_lender_does_are_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_the_borrower_calling_the_service_line_is_no_contact() -> None:
    # near miss: the reader is the one who calls
    a = analyse("还不上的话，可以先给客服打打电话，问问能不能延期。")
    assert "debtor_contact" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "抖音月付逾期后，买东西就没法先用后付了。",
        "美团月付逾期以后，点外卖就不能先用后付了。",
        "逾期没还清之前，账户无法先用后付。",
    ],
)
def test_pay_later_cut_is_an_account_impact(sentence: str) -> None:
    a = analyse(sentence)
    assert "account_impact" in a.topics
    assert a.stance != "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "花呗分期跟白条分期的手续费算法不太一样。",
        "借呗分期和信用卡分期不一样，逾期后罚息的算法也不同。",
    ],
)
def test_a_products_instalment_feature_is_no_plan(sentence: str) -> None:
    assert "negotiation" not in analyse(sentence).topics


def test_an_instalment_plan_asked_for_stays_negotiation() -> None:
    # near miss: the plan is negotiated after the overdue
    assert "negotiation" in analyse("还不上的话，可以跟银行协商信用卡分期还款。").topics


# -- debt sales in plain and trade words (probe 333) -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台把收不回来的借款打折甩卖给了收账的公司。",
        "有家公司花一折多的价钱买下了这批欠款。",
        "债主换了人以后，还款账户也跟着变了。",
        "这个债权包最后被一家外省的公司拍走了。",
    ],
)
def test_a_debt_sale_in_plain_words(sentence: str) -> None:
    assert "bad_debt_transfer" in analyse(sentence).topics


def test_a_case_passed_between_collectors_is_no_sale() -> None:
    # near miss: 转手 of a case, not of the debt
    assert "bad_debt_transfer" not in analyse("一个案子转手的催收越多，回款就越难。").topics


def test_a_forged_notice_of_sale_is_an_impostor_only() -> None:
    a = analyse("那份债权转让通知上的公章是假的，这就是个骗局。")
    assert a.topics == ("fake_collection",)


@pytest.mark.parametrize(
    "sentence",
    [
        "转让也好，外包也罢，欠的钱一分不会少，利息还在照算。",
        "起诉也好，不起诉也罢，逾期的利息都会继续计息下去。",
    ],
)
def test_alternatives_that_change_nothing_are_background(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("penalty_fees",)


def test_a_lone_alternative_keeps_its_topic() -> None:
    # near miss: nothing else in the sentence names a topic
    assert "legal_action" in analyse("起诉也好，调解也罢，都得本人出面。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "欠款转手以后，新东家一天几十个电话打过来。",
        "那段时间每天十几个电话，工作都没法做。",
    ],
)
def test_calls_counted_by_the_day_are_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "转让之后再收到催款，先去原平台核实清楚，再决定把钱还给谁。",
        "还清以后过一个月，先去查一下征信有没有更新。",
    ],
)
def test_a_time_clause_then_an_instruction_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_another_platform_after_a_time_clause_is_no_instruction() -> None:
    # near miss: 别的平台 opens the second clause
    a = analyse("被拉进风控名单以后，别的平台也会陆续拒绝你的借款申请。")
    assert a.modality == "descriptive"


# -- grace periods and due dates (probe 334) ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "碰上春节长假，还款日一般会挪到节后第一个工作日。",
        "有的银行规定节假日顺延，放假期间到期的不算晚还。",
    ],
)
def test_the_due_date_moved_past_a_holiday_is_a_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics
    assert a.stance != "denies"


@pytest.mark.parametrize(
    "sentence",
    ["哪怕只晚了一天，系统也会判定为逾期。", "扣款失败没补上的，当天就判为逾期。"],
)
def test_judged_overdue_denies_a_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "千万别把宽限期当成可以随便拖的理由，过了那几天照样上征信。",
        "不要把容时服务看作免息，过了那几天一样要算罚息。",
    ],
)
def test_taking_a_grace_for_something_else_keeps_it(sentence: str) -> None:
    a = analyse(sentence)
    assert a.stance != "denies"
    assert a.modality == "advice"


def test_a_prohibitive_on_the_grace_itself_denies() -> None:
    # near miss: no verb of taking it for something else
    assert analyse("千万别指望网贷会给宽限期。").stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "想知道有没有宽限期，最稳妥的办法是直接问发卡行。",
        "保险起见，收到债权转让的通知可以向原平台核实。",
    ],
)
def test_the_safest_way_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_another_bank_is_no_negator() -> None:
    # near miss of the 别家 blocker: the stance stays affirms
    a = analyse("换到别家银行的卡上，法院执行时照样查得到。")
    assert a.stance == "affirms"


# -- a machine-spun copy's swapped trade words (probe 335) -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("信誉记载一旦呈现污点，往后请求房贷都会受阻。", "credit_report"),
        ("超期记载在征信陈述上会保存五年。", "credit_report"),
        ("花呗超期后，支付宝的部分功用会被约束运用。", "account_impact"),
        ("负债人长期不履约的，法庭可以强制履行其名下产业。", "legal_action"),
    ],
)
def test_a_spun_copys_words_are_read_as_the_trade_words(sentence: str, topic: str) -> None:
    assert topic in analyse(sentence).topics


def test_a_spun_civil_dispute_denies_criminal_risk() -> None:
    a = analyse("网络贷款超期不还不会坐牢，这属于民事胶葛。")
    assert a.topics == ("criminal_risk",)
    assert a.stance == "denies"


def test_a_plain_expiry_is_no_overdue() -> None:
    # near miss: 超期 of something else (a parcel kept too long) names no overdue
    assert analyse("快递在驿站超期存放会被退回。").topics == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "碰到暴力催款，能够向金融监管部门投诉。",
        "假如收到自称讼师的短信，要先核实对方身份。",
    ],
)
def test_a_spun_instruction_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_an_impostors_condition_is_no_instruction() -> None:
    # near miss: 要先交…才能 is what the impostor demands
    a = analyse("诈骗分子常冒充法院的人，说银行卡被查封了，要先交保证金才能解封。")
    assert a.modality == "descriptive"


# -- job ads and career pages for collectors (probe 336) ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "诚聘电话催收专员若干名，底薪四千加提成，上不封顶。",
        "任职要求：中专以上学历，普通话标准，能接受晚班。",
        "应聘者须无犯罪记录、个人征信良好。",
        "入职后有一周带薪培训，重点讲合规话术和录音规范。",
    ],
)
def test_a_job_posting_line_is_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_employers_checking_credit_stays_a_claim() -> None:
    # near miss: applicants named, no job-ad format
    a = analyse("大部分公司入职时并不会查应聘者的征信。")
    assert "credit_report" in a.topics


def test_a_listed_duty_stays_a_claim() -> None:
    a = analyse("岗位职责：按分配名单逐一致电逾期客户，提醒其按时还款。")
    assert "debtor_contact" in a.topics


@pytest.mark.parametrize(
    "sentence",
    ["组长每天要抽查组员的通话录音。", "质检部门会随机监听催收员的录音，看有没有违规。"],
)
def test_a_firms_own_checks_on_recordings_are_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in analyse(sentence).topics


def test_the_borrowers_recording_stays_evidence() -> None:
    # near miss: the borrower records the call
    assert "complaints_rights" in analyse("接到辱骂电话时记得全程录音，留作证据。").topics


def test_a_company_red_line_is_a_rule() -> None:
    a = analyse("公司红线写得明明白白：晚上九点以后不许再往外打催收电话。")
    assert a.modality == "normative"
    assert a.stance == "denies"


def test_a_cap_on_contacts_in_a_day_is_no_overdue_threshold() -> None:
    a = analyse("同一个欠款人，一天之内最多只能联系三回。")
    assert "debtor_contact" in a.topics
    assert a.threshold is None


# -- notice and message templates (probe 337) --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "如您在本月25日前仍未还清，我行将委托第三方机构协助催收。",
        "如仍未处理，我司将把逾期信息报送征信系统。",
    ],
)
def test_a_notices_if_is_a_condition(sentence: str) -> None:
    assert analyse(sentence).stance == "conditional"


def test_an_example_with_ru_is_no_condition() -> None:
    # near miss: 例如 holds 如 but sets no condition
    assert analyse("很多平台会委托外包公司催收，例如一些小贷公司。").stance != "conditional"


@pytest.mark.parametrize(
    "sentence",
    ["温馨提示：还款日当天24点前到账均视为按时还款。", "还款日当天还上的，算按时还款。"],
)
def test_paid_on_time_in_a_notices_words_is_a_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics
    assert a.stance == "affirms"


@pytest.mark.parametrize(
    "sentence",
    [
        "本行工作人员不会以任何理由要求您提供银行卡密码或验证码。",
        "我司从未委托任何个人收取欠款，请勿向陌生账户转账。",
    ],
)
def test_an_official_line_on_impostors_denies(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("fake_collection",)
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "网上流传的这类“司法催告函”模板，多半是催收公司自己拼凑的。",
        "所谓的起诉通知书，大多是催收公司自己打印出来的，法院并不知情。",
    ],
)
def test_a_notice_the_collector_faked_is_an_impostors(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("fake_collection",)


def test_a_notice_disclaimer_is_no_claim() -> None:
    assert analyse("本短信仅为还款提醒，并非法律文书，请以法院正式送达为准。").topics == ()


def test_a_claim_with_a_trailing_qualifier_stays() -> None:
    # near miss: 具体以…为准 after the claim keeps it
    a = analyse("一般来说，信用卡都有1到3天的还款宽限期，但具体以发卡行规定为准。")
    assert "overdue_grace" in a.topics


# -- statute explainers (probe 338) ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "按照司法解释，恶意透支数额达到五万元以上的，才够得上立案的标准。",
        "各地法院对恶意透支的认定尺度并不完全一样。",
    ],
)
def test_a_criminal_threshold_or_court_is_no_lawsuit(sentence: str) -> None:
    a = analyse(sentence)
    assert "criminal_risk" in a.topics
    assert "legal_action" not in a.topics


def test_a_civil_court_stays_a_lawsuit() -> None:
    # near miss: no crime named
    assert "legal_action" in analyse("各地法院对网贷纠纷的立案速度不太一样。").topics


def test_an_agencys_bad_record_is_no_credit_file() -> None:
    a = analyse("监管办法要求发卡银行不得委托有不良记录的催收机构。")
    assert "credit_report" not in a.topics
    assert "third_party_agency" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "根据该公约，催收时不得向债务人以外的人透露债务信息。",
        "按规定，催收人员不能把欠款情况告诉借款人以外的人。",
    ],
)
def test_anyone_but_the_debtor_is_a_third_party(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


def test_a_laws_sanction_after_the_law_is_a_rule() -> None:
    a = analyse("治安管理处罚法规定，多次发送恐吓信息干扰他人生活的，可以处五日以下拘留。")
    assert a.modality == "normative"


def test_a_sanction_described_stays_descriptive() -> None:
    # near miss: no law named as the rule's source
    a = analyse("多次发恐吓短信的催收员，可能被处以五到十五日的拘留。")
    assert a.modality == "descriptive"


# -- abusive means named are illegal collection (the demo web's rule line) ---------------------


@pytest.mark.parametrize(
    "sentence",
    ["根据相关规定，催收人员不得使用侮辱、恐吓等手段。", "催收时使用辱骂、恐吓的方式，属于违规。"],
)
def test_abusive_means_named_are_illegal_collection(sentence: str) -> None:
    assert "complaints_rights" in analyse(sentence).topics


def test_a_limit_paused_with_its_owner_between() -> None:
    a = analyse("如您逾期后仍未还清，平台将暂停您的借款额度。")
    assert a.topics == ("account_impact",)
    assert a.stance == "conditional"


# -- loan contract clauses (probe 339) ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "贷款人可以委托第三方机构进行催收，由此产生的费用由借款人承担。",
        "催收过程中产生的费用由借款人负担。",
    ],
)
def test_collection_costs_charged_to_the_borrower_are_fees(sentence: str) -> None:
    assert "penalty_fees" in analyse(sentence).topics


def test_checking_with_the_employer_reaches_it() -> None:
    a = analyse("借款人失联的，贷款人可向其工作单位核实联系方式。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "conditional"


def test_an_employer_merely_named_is_no_contact() -> None:
    # near miss: the employer is named, nobody reaches it
    assert "contacts_family" not in analyse("借款人的工作单位越稳定，额度通常越高。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "即便合同里有授权条款，催收也不能向紧急联系人透露具体欠款金额。",
        "贷款人不能把借款人的欠款情况告诉其同事。",
    ],
)
def test_a_collector_or_lender_who_may_not_states_a_rule(sentence: str) -> None:
    assert analyse(sentence).modality == "normative"
