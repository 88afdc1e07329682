"""Round tagger-y (coordinator): a broad sweep of ordinary farm pages.

Each class has sentences of its own and a near miss that keeps the old reading:
a verb asked both ways (给不给分期, 起不起诉, 有没有上门) asks whether and denies
nothing; threat words named before their frame (以起诉、坐牢之类的话来吓唬欠款人)
are the collector's, the threatening is the claim (debtor_contact), denied when a
rule forbids it (不得以…等话术威胁); an act not worth its cost to whoever would
take it (为几千块钱打官司并不划算) does not happen; a limit taken back (额度被收回)
is an account impact; how often collection reaches the borrower (催收频率) is a
contact.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a verb asked both ways asks whether; its 不 / 没 denies nothing ---------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("银行会看你的收入情况，再决定给不给你做个性化分期。", "negotiation"),
        ("至于起不起诉，平台会先看欠款金额和你的还款态度。", "legal_action"),
        ("网贷公司会根据逾期时长决定派不派人上门。", "home_visit"),
    ],
)
def test_a_verb_asked_both_ways_denies_nothing(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance != "denies"


def test_a_plain_negation_beside_a_verb_still_denies() -> None:
    # near miss: 不给 alone, not 给不给
    a = analyse("银行一般不给逾期超过半年的客户做个性化分期。")
    assert "negotiation" in a.topics
    assert a.stance == "denies"


# -- threat words named before their frame are the collector's ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有的催收员爱用抓人坐牢、冻结银行卡之类的话来吓唬欠款人。",
        "催收打电话时常拿起诉、上门这样的话逼你尽快还钱。",
        "有些催收员会用曝光通讯录等话术威胁借款人。",
    ],
)
def test_framed_threat_words_are_the_collectors(sentence: str) -> None:
    assert topics_of(sentence) == {"debtor_contact"}
    assert analyse(sentence).stance == "affirms"


@pytest.mark.parametrize(
    "sentence",
    [
        "催收人员不得以上门、曝光隐私等话术威胁借款人。",
        "监管明确规定，严禁用坐牢、抓人之类的话恐吓欠款人。",
        "催收员不能拿起诉这样的话来吓唬你。",
    ],
)
def test_framed_threat_words_forbidden_deny_the_threatening(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)
    assert a.stance == "denies"


def test_a_pretext_without_a_threat_keeps_its_events() -> None:
    # near miss: 以上门核实为由 names no threat words; the visit is real
    assert "home_visit" in topics_of("催收公司以上门核实为由，派人到借款人家里了解情况。")


# -- an act not worth its cost does not happen ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("为了一千多块钱去打官司，对平台来说并不划算。", "legal_action"),
        ("专门派人跑外地上门催几千块钱，根本划不来。", "home_visit"),
        ("银行为这点小钱起诉持卡人，实在得不偿失。", "legal_action"),
    ],
)
def test_an_act_not_worth_its_cost_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_worth_it_said_of_the_reader_is_no_denial() -> None:
    # near miss: 值得 without a negation affirms
    a = analyse("虽然麻烦一点，主动跟银行协商分期还是值得一试的。")
    assert "negotiation" in a.topics
    assert a.stance != "denies"


# -- a limit taken back; how often collection reaches the borrower ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期以后，借呗的额度可能会被平台收回。",
        "连续逾期两期，银行就会收回你的信用卡额度。",
        "晚还几天，白条额度就被收回了，暂时用不了。",
    ],
)
def test_a_limit_taken_back_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_money_taken_back_is_no_account_impact() -> None:
    # near miss: the lender taking back its money (收回欠款) is no limit
    assert "account_impact" not in topics_of("平台想尽办法收回欠款，这很正常。")


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期超过一个月，催收频率会明显提高。",
        "到了M2阶段，催收的频次一天能有好几次。",
        "不同平台的催收频率差别很大，有的每天一次，有的一周一次。",
    ],
)
def test_how_often_collection_reaches_the_borrower_is_a_contact(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_collection_alone_is_still_no_topic() -> None:
    # near miss: the bare word 催收 gives no topic (DOMAIN.md)
    assert topics_of("逾期以后就会进入催收阶段。") == set()


# -- after probe262: a platform's own score lowered, an account back in use, calls that keep
# coming, what it depends on said with how much ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期以后，平台给你的信用分会被拉低，下次借款额度也少了。",
        "拖欠几期之后，美团会降低你的信用分。",
        "还清以后，冻结的账户过几天就能恢复使用。",
    ],
)
def test_a_platform_score_lowered_or_an_account_restored_is_an_account_impact(
    sentence: str,
) -> None:
    assert "account_impact" in topics_of(sentence)


def test_a_credit_bureau_score_is_no_platform_score() -> None:
    # near miss: the score on the credit report stays the credit report's
    assert topics_of("征信报告上的信用评分下降，贷款利率会上浮。") == {"credit_report"}


@pytest.mark.parametrize(
    "sentence",
    [
        "不管怎么解释，催收的电话还是一个接一个。",
        "换了号码也没用，电话照样一个接一个打过来。",
        "那段时间，电话一个接着一个，根本没法上班。",
    ],
)
def test_calls_that_keep_coming_are_a_contact(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_things_one_after_another_are_no_calls() -> None:
    # near miss: problems coming one after another are no calls
    assert "debtor_contact" not in topics_of("逾期以后，各种麻烦一个接一个。")


@pytest.mark.parametrize(
    "sentence",
    [
        "银行会不会起诉，很大程度上取决于欠款金额。",
        "催收会不会上门，往往取决于你欠的是哪家平台。",
        "能不能协商成功，很大程度上要看你的还款诚意。",
    ],
)
def test_whether_answered_by_how_much_it_depends_is_conditional(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "conditional"


def test_a_statement_followed_by_what_it_depends_on_keeps_its_stance() -> None:
    # near miss: no whether-clause before the dependence (round s kept this reading)
    a = analyse("银行一般不会马上起诉，很大程度上取决于欠款金额。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


# -- after probe263: a collector's words with a few words before 说, a lawyer's collection
# letter, the reader keeping the due date in mind, a fee's period ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "对方一接通就说要去你爸妈家里坐着等。",
        "催收员每次打来都说再不还钱就去你单位。",
        "对方在电话里称已经把材料交给法院了。",
    ],
)
def test_a_collectors_words_after_a_short_gap_are_reported(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)
    assert a.stance == "affirms"


def test_a_collector_explaining_is_no_quote() -> None:
    # near miss: 说明 is no say-word; 自称 stays the impostor lead of its own
    assert topics_of("对方自称法院的工作人员，要求把钱转到指定账户。") == {"fake_collection"}


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期三个月以上，银行可能委托律所寄送催收函。",
        "案子转到律师事务所以后，会由律所给你寄催收函。",
        "有的网贷公司会让合作律师发催收函，语气比短信严厉得多。",
    ],
)
def test_a_collection_letter_from_a_lawyer_is_legal_action(sentence: str) -> None:
    assert "legal_action" in topics_of(sentence)
    assert "debtor_contact" not in topics_of(sentence)


def test_a_lenders_own_collection_letter_stays_a_message() -> None:
    # near miss: no lawyer in the clause
    assert "debtor_contact" in topics_of("逾期一个月后，银行会给你寄一封催收函。")


@pytest.mark.parametrize(
    "sentence",
    [
        "平时记好每张卡的还款日，免得逾期了才后悔。",
        "一定要牢记自己的还款日，别因为忘了而逾期。",
        "多留意一下借呗的还款日，逾期一天都不划算。",
    ],
)
def test_the_reader_keeping_the_due_date_in_mind_is_no_grace_claim(sentence: str) -> None:
    assert "overdue_grace" not in topics_of(sentence)


def test_a_due_date_run_past_stays_a_grace_claim() -> None:
    # near miss: no reminder to the reader, a rule about the date
    assert "overdue_grace" in topics_of("过了还款日当天24点还没还，就算逾期。")


@pytest.mark.parametrize(
    "sentence",
    [
        "白条的违约金一天是未还金额的万分之七。",
        "罚息每天按欠款的万分之五计算，直到还清为止。",
        "滞纳金每天收取应还金额的千分之一。",
    ],
)
def test_a_fees_period_is_no_overdue_threshold(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert a.threshold is None or a.threshold.anchor != "overdue"


def test_an_overdue_day_before_the_fee_keeps_its_threshold() -> None:
    # near miss: 逾期一天 is overdue, the fee's rate after it is another clause
    a = analyse("逾期一天，罚息每天按万分之五算。")
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (1, 1)


def test_a_collectors_way_of_putting_it_is_no_quote() -> None:
    # near miss: 说法 is a noun (a table heading naming the collector's claims)
    assert topics_of("表格：催收员的说法｜真实情况｜对方目的") == set()


# -- after probe264: two conditions listed with 、, a product's use restricted, a risk-control
# system as a noun, mediation outside the courts, a request the
# lender will not grant, interest waived and the rest split again ----------------------------


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("逾期超过30天、累计三次以上的，平台一般不再同意减免。", 30),
        ("逾期满60天、欠款五万以上的，银行就可能起诉。", 60),
        ("逾期超过90天、催收两次以上仍不还的，可能构成恶意透支。", 90),
    ],
)
def test_an_overdue_span_listed_with_a_count_keeps_its_threshold(sentence: str, low: int) -> None:
    a = analyse(sentence)
    assert a.threshold is not None
    assert a.threshold.min_days == low


def test_a_duration_followed_by_a_count_is_still_a_frequency() -> None:
    # near miss: 一天打三次 counts calls, no overdue span
    a = analyse("催收一天打三次电话，已经算骚扰了。")
    assert a.threshold is None or a.threshold.anchor != "overdue"


@pytest.mark.parametrize(
    "sentence",
    [
        "借呗逾期以后，花呗也会跟着被限制使用。",
        "信用卡一逾期，名下其他卡可能也被限制使用。",
        "白条还没还清，金条就被限制使用了。",
    ],
)
def test_a_use_restricted_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_a_risk_control_system_as_a_noun_is_no_account_impact() -> None:
    # near miss of 被风控 (an account under risk control)
    assert "account_impact" not in topics_of("这类申请往往被风控系统自动打回。")


@pytest.mark.parametrize(
    "sentence",
    [
        "协商不成，还可以到金融纠纷调解平台申请调解。",
        "借款人可以向当地人民调解委员会申请调解。",
        "有的调解组织可以帮借款人和平台调解还款方案。",
    ],
)
def test_mediation_outside_the_courts_is_no_lawsuit(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "legal_action" not in topics
    assert "negotiation" in topics


def test_a_courts_pre_litigation_mediation_stays_legal_action() -> None:
    assert "legal_action" in topics_of("起诉之后，法院一般会先安排诉前调解。")


@pytest.mark.parametrize(
    "sentence",
    [
        "一上来就要求免掉全部利息，平台不可能答应。",
        "只还本金不还利息的方案，银行不会答应。",
        "想让平台免掉利息，它多半不会同意。",
    ],
)
def test_a_request_the_lender_will_not_grant_is_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.stance == "denies"


def test_the_rest_split_again_is_negotiation() -> None:
    assert "negotiation" in topics_of("先还三成本金，剩下的再分六期。")


# -- after probe265: a limitation period, debtors sued in a batch, a denied premise before
# 不代表, few with 一般 between, calls that do not stop, without permission --------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "欠款纠纷的诉讼时效一般是三年。",
        "民事案件的诉讼时效从逾期那天开始算。",
        "只要银行每年都催过，诉讼时效就会中断。",
    ],
)
def test_a_limitation_period_is_no_lawsuit_or_crime(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "legal_action" not in topics
    assert "criminal_risk" not in topics


def test_a_civil_case_still_denies_a_crime() -> None:
    # near miss: 民事案件 alone keeps its inverted reading
    a = analyse("信用卡逾期属于民事案件，不会坐牢。")
    assert "criminal_risk" in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "有的银行会把同一批欠款人打包，集中向法院起诉。",
        "小贷公司喜欢把几十个借款人打包批量起诉。",
        "网贷平台有时会把欠款人打包，一起起诉到同一个法院。",
    ],
)
def test_debtors_sued_in_a_batch_are_no_debt_sale(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "legal_action" in topics
    assert "bad_debt_transfer" not in topics


def test_a_debt_bundled_and_sold_stays_a_debt_sale() -> None:
    assert "bad_debt_transfer" in topics_of("平台把坏账打包卖给资产管理公司。")


@pytest.mark.parametrize(
    ("sentence", "topic", "premise"),
    [
        ("没被起诉不代表这笔账就没事了，征信上的记录一直都在。", "credit_report", "legal_action"),
        ("没上门不等于不会联系家人，通讯录里的人还是会接到电话。", "contacts_family", "home_visit"),
        ("没收到律师函并不意味着平台放弃了，罚息照样每天在算。", "penalty_fees", "legal_action"),
    ],
)
def test_a_denied_premise_before_a_weakener_is_no_claim(
    sentence: str, topic: str, premise: str
) -> None:
    topics = topics_of(sentence)
    assert topic in topics
    assert premise not in topics


def test_an_affirmed_cue_before_a_weakener_keeps_its_topic() -> None:
    # near miss: 收到律师函 is not denied, y007's reading stays
    assert "legal_action" in topics_of("收到律师函不等于被起诉了。")


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("网贷平台大多在外地，上门催收的情况一般不多。", "home_visit"),
        ("真正被起诉的借款人通常并不多。", "legal_action"),
        ("打到单位去的情况一般不多见。", "contacts_family"),
    ],
)
def test_few_with_how_usual_between_denies(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "催收电话不会因为你换了工作就停下来。",
        "就算投诉了，短信催收也不会马上停下。",
        "还没还清之前，催收电话是不会停下来的。",
    ],
)
def test_calls_that_do_not_stop_are_affirmed(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert a.stance != "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "未经允许闯进借款人家里，属于违法催收。",
        "催收人员未经同意到单位找人，这种情况确实存在。",
        "未经授权上门拍照的，可以报警处理。",
    ],
)
def test_without_permission_denies_nothing(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "denies"


def test_a_rule_without_consent_still_denies() -> None:
    # near miss: 不得 after 未经同意 keeps the rule's denial
    a = analyse("未经本人同意，催收人员不得联系借款人的亲友。")
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


# -- a cause closed by its result (不会因为X就Y): X is circumstance ------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "cause"),
    [
        ("催收电话也不会因为银行迟迟没起诉就停下来。", "debtor_contact", "legal_action"),
        ("征信记录不会因为你投诉了催收就被删掉。", "credit_report", "complaints_rights"),
        ("平台不会因为你拉黑了客服电话就免掉罚息。", "penalty_fees", "debtor_contact"),
    ],
)
def test_a_cause_closed_by_its_result_is_circumstance(
    sentence: str, topic: str, cause: str
) -> None:
    topics = topics_of(sentence)
    assert topic in topics
    assert cause not in topics


def test_a_cause_running_to_the_clause_end_keeps_its_event() -> None:
    # near miss: no result after the cause in its clause; the event is the cause's (r194)
    assert "criminal_risk" in topics_of("因为网贷逾期真的被抓去坐牢的，少之又少。")


# -- after probe266: a receiver who gets nothing, 本人才可以, 要警惕, a repair through inside
# access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "家人一般不会接到催收电话。",
        "只要按时还了最低还款，同事就不会收到任何短信。",
        "我欠了半年，紧急联系人从来没接到过电话。",
    ],
)
def test_a_receiver_who_gets_nothing_denies_the_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


def test_a_receiver_who_gets_the_call_affirms_it() -> None:
    # near miss: no negator before 接到
    a = analyse("逾期一个月以后，家人也接到了催收电话。")
    assert "contacts_family" in a.topics
    assert a.stance != "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "只有记录真的报错了，本人才可以向征信中心提出异议。",
        "确实有困难的，持卡人才可以申请停息挂账。",
        "材料齐全了，你才可以去银行申请个性化分期。",
    ],
)
def test_the_reader_who_can_only_then_is_advised(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "陌生号码自称是平台法务的，要警惕是冒充的。",
        "收到带链接的催收短信，要小心是诈骗。",
        "对方让你转账到个人账户，要提高警惕。",
    ],
)
def test_wariness_asked_of_the_reader_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality == "advice"


def test_a_repair_through_inside_access_is_a_paid_service() -> None:
    assert "debt_help_scam" in topics_of("所谓的内部通道修复，大多是教人编理由去申诉。")


# -- after probe267: an ordinal month is that month's span ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("逾期进入第二个月，催收力度明显加大。", (31, 60)),
        ("逾期第一个月，一般只产生罚息。", (1, 30)),
        ("信用卡逾期到第三个月，银行就可能委外催收。", (61, 90)),
    ],
)
def test_an_ordinal_month_is_that_months_span(sentence: str, days: tuple[int, int]) -> None:
    a = analyse(sentence)
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == days


def test_an_ordinal_day_stays_one_day() -> None:
    # near miss: 第18天 names a single day (DOMAIN.md)
    a = analyse("逾期第18天，平台会打给紧急联系人。")
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (18, 18)


# -- after probe268: self-talk, more time or part paid first, a quick fix sold, 先通过 ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "缓口气，告诉自己：不过是一条催收短信。",
        "先冷静下来，对自己说：律师函不是传票。",
        "心里告诉自己：上门催收的事大多不会发生。",
    ],
)
def test_words_said_to_oneself_are_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_words_a_collector_says_stay_reported() -> None:
    # near miss: a collector speaking keeps the act of quoting
    assert topics_of("催收员在电话里称明天就去你家。") == {"debtor_contact"}


@pytest.mark.parametrize(
    "sentence",
    [
        "态度诚恳的，平台往往愿意多给一些时间。",
        "实在周转不开，可以先还一部分，表明还款的诚意。",
        "跟客服讲明情况，对方一般会多给几天。",
    ],
)
def test_more_time_or_part_paid_first_is_negotiation(sentence: str) -> None:
    assert "negotiation" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "不要轻信网上所谓快速解决逾期的办法。",
        "号称能一键上岸的中介，收了钱就消失。",
        "那些承诺三天快速处理逾期的广告，基本都是骗局。",
    ],
)
def test_a_quick_fix_sold_for_the_overdue_is_a_paid_service(sentence: str) -> None:
    assert "debt_help_scam" in topics_of(sentence)


def test_checking_first_through_the_official_line_is_advice() -> None:
    a = analyse("收到自称律所的起诉短信，先通过平台官方客服核实真假。")
    assert a.modality == "advice"


# -- after probe250-251 (read once round y was merged): a pause or split in plain words, a
# crime of refusing a judgment, channels named as all there is, a swindler's message or code,
# negotiating for a cut, asking whether ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "跟客服商量一下，看能不能缓一缓再还。",
        "剩下的钱可以申请拆成几期还。",
        "平台同意把欠款拆成六期还。",
    ],
)
def test_a_pause_or_split_in_plain_words_is_negotiation(sentence: str) -> None:
    assert "negotiation" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "有钱不还、情节严重的，可能构成拒不执行判决、裁定罪。",
        "被执行人转移财产逃避执行，涉嫌拒不执行判决裁定罪。",
        "拒不执行判决、裁定罪最高可以判七年。",
    ],
)
def test_the_crime_of_refusing_a_judgment_is_criminal_risk(sentence: str) -> None:
    assert "criminal_risk" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "平台的催收一般只是发短信、打电话，不会上门。",
        "银行前两个月只会打电话提醒，不会找到单位去。",
        "大平台基本只发短信，很少人工打电话。",
    ],
)
def test_channels_named_as_all_there_is_are_a_claim(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "说要公开你隐私的短信，多半是骗子发的。",
        "正经的借贷平台从来不会发短信找你索要验证码。",
        "对方一上来就问你要验证码的，直接挂掉。",
    ],
)
def test_a_swindlers_message_or_code_request_is_fake_collection(sentence: str) -> None:
    assert "fake_collection" in topics_of(sentence)


def test_a_lenders_own_sms_stays_a_contact() -> None:
    # near miss: a reminder SMS with no swindler and no code asked for
    assert topics_of("平台会先发短信提醒你还款。") == {"debtor_contact"}


def test_negotiating_for_a_cut_is_a_paid_service() -> None:
    assert "debt_help_scam" in topics_of("代谈信用卡的机构先收咨询费，谈成了再按减免金额抽成。")


def test_the_reader_told_to_ask_whether_is_no_question() -> None:
    a = analyse("先打客服电话讲明困难，问问能不能缓一缓。")
    assert "negotiation" in a.topics
    assert a.stance != "question"


# -- after probe269 (a first-person story): the instalments owed, a phone ringing all day, a
# relative calling the borrower, a visit ever made, 不同意, cards stopped, a life's time ------


@pytest.mark.parametrize(
    "sentence",
    [
        "毕业第二年，我的工资还不够还每个月的分期。",
        "那时候每个月的分期都要拆东墙补西墙。",
        "光是还分期就占了工资的一大半。",
    ],
)
def test_the_instalments_owed_are_no_negotiated_plan(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" not in a.topics
    assert a.threshold is None


def test_a_plan_of_instalments_agreed_stays_negotiation() -> None:
    assert "negotiation" in topics_of("跟银行协商以后，剩下的欠款可以分期还。")


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期第三天，我的手机就开始一天响十几次。",
        "那几天手机响个不停，全是陌生号码。",
        "从早到晚电话一直响，我都不敢开机了。",
    ],
)
def test_a_phone_ringing_all_day_is_a_contact(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_a_relative_calling_the_borrower_is_no_collection_call() -> None:
    assert topics_of("表姐打电话问我是不是出了什么事。") == set()


def test_a_call_to_the_relative_stays_a_contact() -> None:
    assert "contacts_family" in topics_of("后来他们开始打给我的紧急联系人。")


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("但到现在，也没有人真的去过我老家。", "home_visit"),
        ("也有一家死活不同意协商，说只能一次性还清。", "negotiation"),
        ("银行不同意减免罚息。", "negotiation"),
    ],
)
def test_a_visit_never_made_or_a_refusal_denies(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_different_is_still_no_negator() -> None:
    # near miss: 不同 (different) is no negation
    a = analyse("不同平台的协商政策差别很大。")
    assert a.stance != "denies"


def test_cards_all_stopped_are_an_account_impact() -> None:
    assert "account_impact" in topics_of("那段时间征信花了，信用卡全被停了。")


# -- after probe270 (account freezes): a fear put first about the account, an account preserved
# by the court, the reader negotiating --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人最怕的，是网贷逾期以后微信突然不能用了。",
        "借款人最担心的，往往是支付宝被冻结。",
        "大家最害怕的，是银行卡突然被停用。",
    ],
)
def test_a_fear_put_first_about_the_account_is_no_claim(sentence: str) -> None:
    assert "account_impact" not in topics_of(sentence)


def test_an_account_frozen_after_overdue_stays_an_impact() -> None:
    assert "account_impact" in topics_of("借呗逾期以后，额度会被冻结。")


@pytest.mark.parametrize(
    "sentence",
    [
        "被保全以后，微信里的钱转不出去，红包也发不了。",
        "账户一旦被保全，里面的钱就动不了了。",
        "起诉前申请财产保全，法院会先冻结对方账户。",
    ],
)
def test_an_account_preserved_by_the_court_is_legal_action(sentence: str) -> None:
    assert "legal_action" in topics_of(sentence)


def test_the_reader_negotiating_is_advised() -> None:
    a = analyse("协商的时候可以提出只还本金，罚息分期。")
    assert "negotiation" in a.topics
    assert a.modality == "advice"


# -- the context words of every sense found by one compiled search, as word by word ------------


def test_a_senses_context_search_equals_the_word_by_word_test() -> None:
    import re

    from pipeline.claims.senses import _CLAUSE_END, _CONTEXT_GAP, _context_pattern, load_senses
    from pipeline.claims.taxonomy import GAP

    def word_by_word(scope: str, words: tuple[str, ...]) -> bool:
        for word in words:
            if GAP not in word:
                if word in scope:
                    return True
                continue
            head, tail = word.split(GAP, 1)
            gap = f"[^{re.escape(_CLAUSE_END)}]{{0,{_CONTEXT_GAP}}}?"
            if re.search(re.escape(head) + gap + re.escape(tail), scope):
                return True
        return False

    senses = load_senses()
    scopes = [rule.example for rule in senses.senses] + [
        "给客服打了三次电话，对方说可以协商。", "催收打到单位去了", ""]
    checked = 0
    for rule in senses.senses:
        pattern = _context_pattern(rule.context)
        for scope in scopes:
            found = pattern is not None and pattern.search(scope) is not None
            assert found == word_by_word(scope, rule.context), (rule.name, scope)
            checked += 1
    assert checked > 1000


# -- after probe271: a person named as the topic of the next clause, a card back in use --------


@pytest.mark.parametrize(
    "sentence",
    [
        "对借款人的紧急联系人，一天最多只能联系一次。",
        "借款时填的两三个紧急联系人，逾期后都可能接到电话。",
        "至于你的同事，催收一般不会主动打扰。",
    ],
)
def test_a_person_named_as_the_topic_of_the_next_clause_is_reached_there(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


def test_a_person_named_with_no_act_after_stays_no_contact() -> None:
    # near miss: the next clause does nothing to the person named
    assert "contacts_family" not in topics_of("我的紧急联系人，填的是我表哥。")


@pytest.mark.parametrize(
    "sentence",
    [
        "非恶意的短期逾期，结清以后卡片一般马上就能恢复正常。",
        "欠款还清后，信用卡过几天就恢复正常了。",
        "把欠款补上，卡片当天就能恢复正常使用。",
    ],
)
def test_a_card_back_in_use_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


# -- after probe272 (negotiating with a lender): a deal reached or signed, a term stretched, no
# guarantee, the due date as a deadline for the reader, 没想到 ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "通常只有真的遇到重病这类困难，才有机会谈下来。",
        "一旦签了新的还款协议，就得按新计划还。",
        "一般能争取到的是延长三到六个月。",
    ],
)
def test_a_deal_reached_signed_or_a_term_stretched_is_negotiation(sentence: str) -> None:
    assert "negotiation" in topics_of(sentence)


def test_a_products_own_terms_are_no_negotiation() -> None:
    # near miss: a loan product's longest term (qa021)
    assert "negotiation" not in topics_of("本车贷产品最长可分60期，支持随时提前还款。")


def test_no_guarantee_is_a_possibility_hedge() -> None:
    a = analyse("协商这条路并不保证走得通。")
    assert "negotiation" in a.topics
    assert a.hedge == "possibility"
    assert a.stance != "denies"


def test_the_due_date_as_the_readers_deadline_is_no_grace_claim() -> None:
    assert "overdue_grace" not in topics_of("最好在还款日之前就主动联系客服，别等逾期了再说。")


def test_a_due_date_rule_stays_a_grace_claim() -> None:
    assert "overdue_grace" in topics_of("还款日之后三天内还上，不算逾期。")


def test_unexpectedly_denies_nothing() -> None:
    a = analyse("没想到第一次打电话就谈成了分期。")
    assert "negotiation" in a.topics
    assert a.stance != "denies"


# -- after probe273 (travel bans): tickets that cannot be bought, consumption limited with its
# owner between, the court's public list, a court deciding -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("一般的网贷拖欠，并不会让你买不了机票。", "denies"),
        ("放贷的平台没有限制你消费的权力。", "denies"),
        ("出门前可以先上中国执行信息公开网查一下自己。", "affirms"),
    ],
)
def test_travel_bans_in_plain_words_are_legal_action(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance == stance


def test_a_trip_of_ones_own_is_no_travel_ban() -> None:
    # near miss: a story of one's own trip (qe051)
    assert topics_of("出差坐不了高铁的那段时间，我只能坐大巴。") == set()


def test_a_court_deciding_is_no_advice_to_the_reader() -> None:
    a = analyse("法院认为你可能跑去国外躲债的，也可以直接限制出境。")
    assert "legal_action" in a.topics
    assert a.modality != "advice"


# -- after probe274 (a collector's own account): a fear of what is met, never once gone, money
# that cannot be got back ------------------------------------------------------------------------


def test_a_fear_of_what_is_met_is_no_claim() -> None:
    assert "debtor_contact" not in topics_of("他最怕遇到的，是那种一接电话就哭的老人。")


@pytest.mark.parametrize(
    "sentence",
    [
        "上门这种事，他干了三年一次都没去过。",
        "上门催收这回事，那家平台一次也没去过。",
        "外访上门的事，我欠了两年他们从来没去过。",
    ],
)
def test_never_once_gone_denies_the_visit(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "银行内部先轮几遍催收，确认收不回来才交给外包。",
        "钱收不回来的时候，平台就会委托律所起诉。",
        "实在要不回来，银行才会考虑把坏账打包卖掉。",
    ],
)
def test_money_that_cannot_be_got_back_denies_no_next_step(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "denies"


# -- after probe275: the borrower in person sought out, a product back in use --------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "刚拖欠的那几天，平台基本只找你本人。",
        "前两个月银行一般只联系你本人。",
        "催收一般会先找借款人本人。",
    ],
)
def test_the_borrower_sought_out_in_person_is_a_contact(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_a_product_back_in_use_is_an_account_impact() -> None:
    assert "account_impact" in topics_of("还清欠款以后，花呗一般过几天就能重新使用。")


# -- after probe276 (Taiwan card debt, Traditional script): negotiation as a time frame or a
# record, the regulator as where to complain, a deadline named, refusing outright ----------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("協商期間，催收電話不但沒停，反而打得更勤。", "debtor_contact"),
        ("不過協商紀錄會在聯徵上註記，幾年內很難再辦卡。", "credit_report"),
        ("借呗的额度在协商期间通常是冻结的。", "account_impact"),
    ],
)
def test_negotiation_as_a_time_frame_or_record_is_no_claim(sentence: str, topic: str) -> None:
    topics = topics_of(sentence)
    assert topic in topics
    assert "negotiation" not in topics


def test_negotiating_itself_stays_negotiation() -> None:
    assert "negotiation" in topics_of("卡債可以先跟銀行協商分期。")


@pytest.mark.parametrize(
    "sentence",
    [
        "遇到半夜打來辱罵的，可以向金管會申訴。",
        "催收騷擾家人，可以向金管會檢舉。",
        "被威脅的話，可以向主管機關申訴。",
    ],
)
def test_a_regulator_as_where_to_complain_is_complaints(sentence: str) -> None:
    assert "complaints_rights" in topics_of(sentence)


def test_a_deadline_named_is_no_instalment_term() -> None:
    a = analyse("銀行寄來的律師函，通常會給七天的期限請你聯絡。")
    assert "legal_action" in a.topics
    assert a.threshold is None


def test_refusing_outright_is_an_instruction() -> None:
    a = analyse("要你先匯保證金到個人帳戶才幫你協商的，一律拒絕。")
    assert "debt_help_scam" in a.topics
    assert a.modality == "advice"
