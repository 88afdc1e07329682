"""Session twelve (coordinator): classes found by blind probes 350 on.

Each class has sentences of its own and a near miss that keeps the old reading.
Negotiation scripts (probe 350): a lender that will not take up a request (不接受协商)
denies it; a rejected belief denies even when it held a condition (网上说只要…就会…，这种
说法并不靠谱); the monthly payment lowered, part of a fee cut, the rest talked over and a
lender giving way (让步, 松口) are negotiation; papers got ready and a call recorded from the
start (准备一份…, 全程录音…) open advice; a small part of the debt paid is an amount, no
frequency; a "does not imply" word in a clause without the claim's cue gives way to the
hedge of the clause that holds it.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a lender that will not take up a request -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有些银行对几千块的欠款根本不接受协商。",
        "这家平台明确表示不接受个性化分期的申请。",
        "逾期太久的账户，银行一般不予接受延期还款。",
    ],
)
def test_a_request_not_taken_up_is_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.stance == "denies"


def test_a_call_not_answered_still_holds_its_call() -> None:
    # near miss: 不接 (not answering) stays no negation
    a = analyse("他连续三天不接催收电话，家里人就开始接到电话了。")
    assert a.stance != "denies"


# -- a rejected belief with a condition inside -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "网上说只要说自己失业了银行就会给分期，这种说法并不靠谱。",
        "有人说只要逾期就一定会被起诉，这种说法有点夸大。",
        "很多人以为只要还了最低还款就不会上征信，其实这是误解。",
    ],
)
def test_a_rejected_belief_with_a_condition_is_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance in ("denies", "affirms")
    assert a.stance != "conditional"


def test_a_condition_not_rejected_stays_conditional() -> None:
    # near miss: the same promise, told by the author, is a condition
    a = analyse("只要说明自己失业了，银行一般就会同意分期。")
    assert "negotiation" in a.topics
    assert a.stance == "conditional"


# -- negotiation in other words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("打给客服说明情况以后，申请把月供降下来一点。", "negotiation"),
        ("跟银行磨了半天，对方才同意减掉一部分违约金。", "negotiation"),
        ("先还两千块表个态度，剩下的怎么分再慢慢商量。", "negotiation"),
        ("逾期时间短的时候去谈，平台一般更容易让步。", "negotiation"),
        ("头两次客服都说不行，第三次换了个人才松口。", "negotiation"),
    ],
)
def test_negotiation_in_other_words(sentence: str, topic: str) -> None:
    assert topic in analyse(sentence).topics


def test_a_weak_word_gives_way_to_a_more_specific_cue() -> None:
    # near miss: 让步 is weak; beside a collector's visit it adds no negotiation
    a = analyse("催收员上门以后态度强硬，一步也不让步。")
    assert "home_visit" in a.topics
    assert "negotiation" not in a.topics


# -- papers got ready, a call recorded from the start: advice ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "准备一份近半年的工资流水，申请分期时银行会要。",
        "准备好病历和失业证明，再打电话申请延期还款。",
        "全程录音，催收员说了什么过分的话都能拿去投诉。",
    ],
)
def test_papers_got_ready_or_a_call_recorded_open_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_collectors_own_recording_stays_descriptive() -> None:
    # near miss: the recording is the collector's protocol, not the reader's act
    a = analyse("正规机构上门时会全程录音录像。")
    assert a.modality == "descriptive"


# -- a small part of the debt paid is an amount -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "可以先还一小部分表示诚意，再跟银行谈分期。",
        "我当时先还上一小部分，剩下的分了十二期。",
    ],
)
def test_a_small_part_paid_is_no_frequency(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.hedge != "frequency"


def test_a_small_share_of_cases_stays_frequency() -> None:
    # near miss: a small share of borrowers is rarity
    assert analyse("真正被银行起诉的只是一小部分人。").hedge == "frequency"


# -- "does not imply" gives way to the claim's own hedge ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "第一次被拒不代表没希望，隔段时间再打，客服往往就会同意分期。",
        "一次没谈成不意味着没戏，银行通常会给第二次协商的机会。",
    ],
)
def test_not_implying_gives_way_to_the_claims_hedge(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.hedge == "frequency"


def test_not_implying_alone_stays_possibility() -> None:
    # near miss: with no other hedge it still hedges (扣了钱并不代表…，电话一个也少不了)
    a = analyse("还了一部分并不代表银行就不催了，该打的电话照样会打。")
    assert a.hedge == "possibility"


# -- Hong Kong pages: Cantonese function words (probe 351) -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        ("佢哋一般唔會打畀你屋企人。", "contacts_family", "denies"),
        ("銀行已經將我張卡嘅欠款轉咗畀收數公司。", "third_party_agency", "affirms"),
        ("收數公司唔可以喺半夜打電話畀你同事。", "contacts_family", "denies"),
    ],
)
def test_cantonese_function_words_are_read(sentence: str, topic: str, stance: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == stance


@pytest.mark.parametrize(
    "sentence",
    [
        "如果有人上門淋紅油，即刻報警，唔好同佢哋講數。",
        "收到追數電話唔好驚，記住要錄音。",
    ],
)
def test_cantonese_prohibitive_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_cantonese_not_good_is_no_prohibitive_in_mandarin() -> None:
    # near miss: Mandarin 不好 (not easy) stays no advice
    assert analyse("这种情况银行也不好直接起诉。").modality != "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "遲還紀錄會喺TU留低五年。",
        "TU評級跌咗之後，申請新卡都會被拒。",
    ],
)
def test_tu_is_the_credit_bureau(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_tu_inside_a_word_is_no_bureau() -> None:
    # near miss: the letters inside an English word name nothing
    assert "credit_report" not in analyse("网上的tutorial教你怎么跟银行协商分期。").topics


# -- suing you in plain words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "銀行唔會因為你遲咗幾日就即刻告你。",
        "欠网贷五千块，平台真的会告我吗？",
        "拖了两年，信用卡中心终于去法院告他了。",
    ],
)
def test_suing_you_in_plain_words(sentence: str) -> None:
    assert "legal_action" in analyse(sentence).topics


def test_a_warning_to_you_is_no_lawsuit() -> None:
    # near miss: 警告你 holds 告你
    assert "legal_action" not in analyse("催收员在电话里警告你别再躲了。").topics


# -- Hong Kong repayment plans; interest frozen is no account frozen ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "同銀行傾還款安排嘅時候，記住要攞書面確認。",
        "申请个人自愿安排以后，利息会冻结，欠款分几年还。",
        "银行的债务舒缓计划可以把几张卡的欠款合成一笔慢慢还。",
    ],
)
def test_hong_kong_repayment_plans_are_negotiation(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert "account_impact" not in a.topics


def test_a_frozen_account_stays_account_impact() -> None:
    # near miss: the account, not the interest, is frozen
    assert "account_impact" in analyse("逾期以后借呗额度会被冻结。").topics


# -- a collector's criminal intimidation is the borrower's protection ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "追數嘅人喺門口大嗌，可能已經觸犯刑事恐嚇。",
        "催收员半夜发恐吓短信，情节严重的可以按刑事恐吓处理。",
    ],
)
def test_criminal_intimidation_by_a_collector_is_complaints(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert "criminal_risk" not in a.topics


def test_the_borrowers_own_crime_stays_criminal_risk() -> None:
    # near miss: the borrower's malicious overdraft is a criminal risk
    assert "criminal_risk" in analyse("恶意透支达到一定金额会被追究刑事责任。").topics


# -- Cantonese bluffs and shares -----------------------------------------------------------------


def test_a_cantonese_bluff_denies_the_threatened_visit() -> None:
    a = analyse("上門呢啲講法，其實都係嚇你。")
    assert "home_visit" in a.topics
    assert a.stance == "denies"


def test_nine_in_ten_is_frequency() -> None:
    a = analyse("收到要你過數去私人戶口嘅追數訊息，十居其九係騙案。")
    assert a.hedge == "frequency"


# -- an agency an impostor claims to be -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "收到自稱收數公司嘅WhatsApp，叫你即刻過數去私人戶口，一定係騙案。",
        "有骗子冒充催收公司打电话，让人把钱转到个人账户。",
    ],
)
def test_an_agency_an_impostor_claims_to_be_is_no_outsourcing(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert "third_party_agency" not in a.topics


def test_an_agency_that_poses_as_someone_else_keeps_its_topic() -> None:
    # near miss: the agency is real and poses as the bank's staff (na035)
    assert "third_party_agency" in analyse("有些讨债公司冒充银行外访人员上门。").topics


# -- the nearest anchor word before a duration says what it measures -------------------------


def test_years_to_repay_are_an_instalment_span() -> None:
    a = analyse("申请个人自愿安排以后，欠款分五至八年慢慢还。")
    assert a.threshold is not None
    assert a.threshold.anchor == "installment"


def test_an_overdue_span_after_a_debt_word_stays_overdue() -> None:
    # near miss: 逾期 right before the days
    a = analyse("欠款逾期超过90天，银行会把账户交给催收公司。")
    assert a.threshold is not None
    assert a.threshold.anchor == "overdue"


# -- common FAQ pages (probe 352) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "由于各种原因，部分借款人会出现逾期还款的情况。",
        "部分用户逾期还款以后才想起来看账单。",
    ],
)
def test_a_split_is_not_read_across_part_and_late_repayment(sentence: str) -> None:
    assert "negotiation" not in analyse(sentence).topics


def test_a_debt_split_into_instalments_stays_negotiation() -> None:
    # near miss: 分…期还 with the count between
    assert "negotiation" in analyse("银行同意把剩下的欠款分12期还。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "平台会把逾期情况上报征信，同时计算逾期罚息。",
        "银行按天计算逾期利息，拖得越久越多。",
    ],
)
def test_computing_the_overdue_fee_counts_nothing_as_overdue(sentence: str) -> None:
    assert "overdue_grace" not in analyse(sentence).topics


def test_counting_as_overdue_stays_a_grace_denied() -> None:
    # near miss: 算逾期 said of the repayment
    a = analyse("还款日过了一天没还，就算逾期了。")
    assert "overdue_grace" in a.topics
    assert a.stance in ("denies", "conditional")


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期还款会产生额外的费用，拖得越久越多。",
        "晚还几天就会产生额外费用，这部分钱是躲不掉的。",
    ],
)
def test_extra_costs_of_repaying_late_are_fees(sentence: str) -> None:
    assert "penalty_fees" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "我国法律并未规定网贷逾期后必须进行上门。",
        "监管并没有规定逾期多少天就一定要起诉。",
    ],
)
def test_a_rule_not_laid_down_denies_nothing(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "denies"


def test_a_rule_that_forbids_still_denies() -> None:
    # near miss: the rule is laid down and forbids the visit
    a = analyse("相关规定明确，催收人员不得在夜间上门。")
    assert "home_visit" in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "根据统计，家访多发生在逾期三个月以后。",
        "起诉多见于欠款金额较大、长期失联的情况。",
    ],
)
def test_mostly_happening_at_a_time_is_frequency(sentence: str) -> None:
    assert analyse(sentence).hedge == "frequency"


@pytest.mark.parametrize(
    "sentence",
    [
        "借款人最好主动把逾期的事告诉家里人，别等家人从别人那里听说。",
        "跟家人坦白欠款的事，寻求家人的支持，比一个人硬扛强。",
    ],
)
def test_the_borrower_telling_the_family_is_no_collectors_contact(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


def test_a_collector_telling_the_family_keeps_its_topic() -> None:
    # near miss: the collector tells the family
    assert "contacts_family" in analyse("催收员直接把他欠款的事告诉了他家人。").topics


# -- myth-busting lists (probe 353) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("“网贷逾期不会上征信”——错！", "affirms"),
        ("“逾期一天就会被起诉”——不对，", "denies"),
        ("「逾期三天就会派人上门」——谣言，", "denies"),
    ],
)
def test_a_quote_judged_false_is_a_rejected_belief(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == stance


def test_a_quote_with_no_verdict_keeps_its_reading() -> None:
    # near miss: a quote the author does not judge
    a = analyse("“网贷逾期不会上征信”，这是客服的原话。")
    assert a.stance != "affirms"


@pytest.mark.parametrize(
    "sentence",
    [
        "“注销信用卡就能把逾期记录一起删掉”——不对，记录照样保留五年。",
        "还清以后，记录依然保留五年，到期才会自动删除。",
        "逾期满90天后，基本只能等五年让记录自动消失。",
    ],
)
def test_a_record_kept_or_wiped_in_plain_words(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人把“黑名单”和“失信被执行人”当成一回事，其实两者差别很大。",
        "不少人把征信上的不良记录和法院的失信名单看成一回事。",
    ],
)
def test_concepts_taken_for_one_are_told_apart(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_one_concept_named_alone_keeps_its_topic() -> None:
    # near miss: nothing told apart
    assert "legal_action" in analyse("被列为失信被执行人以后不能坐高铁。").topics


# -- family liability and a deceased borrower's debts (probe 354) -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "父母欠的网贷属于他们个人的债务，成年子女没有替他们还钱的法律义务。",
        "子女只在继承到的遗产价值以内替父母清偿债务。",
        "孩子欠的钱，父母没有法定的代偿义务。",
    ],
)
def test_a_relatives_duty_to_pay_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


def test_parents_called_for_a_childs_debt_stay_a_contact() -> None:
    # near miss: the parents are reached
    assert "contacts_family" in analyse("催收员天天打电话给他父母，让二老替他还钱。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "法院判决里写明，父亲欠下的钱跟儿子没关系，银行要求儿子连带还款被驳回了。",
        "这起案子里，法院认为母亲的欠款与子女无关。",
    ],
)
def test_a_courts_view_on_a_relatives_liability_is_no_lawsuit(sentence: str) -> None:
    assert "legal_action" not in analyse(sentence).topics


def test_a_lawsuit_against_the_borrower_stays_one() -> None:
    # near miss: the borrower is sued
    assert "legal_action" in analyse("拖了两年以后，银行把他告上了法庭。").topics


def test_a_label_in_a_poster_is_no_courts_list() -> None:
    a = analyse("向老人张贴“老赖父母”之类的海报，已经属于侵犯人格尊严的违法催收。")
    assert "complaints_rights" in a.topics
    assert "legal_action" not in a.topics


def test_a_court_listing_of_a_defaulter_stays_legal_action() -> None:
    # near miss: listed by the court
    assert "legal_action" in analyse("被法院列为老赖以后，坐飞机高铁都会受限。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "有的催收员一大早就去敲他们家的门，说儿子不还钱就别想出门。",
        "那两个人天天来敲门，邻居都知道他欠钱了。",
    ],
)
def test_knocking_at_the_door_is_a_visit_and_its_words_are_reported(sentence: str) -> None:
    a = analyse(sentence)
    assert "home_visit" in a.topics
    assert a.modality == "descriptive"


@pytest.mark.parametrize(
    "sentence",
    [
        "老人去世以后，平台还在给他的手机发逾期提醒。",
        "每到月初就会收到一条催款提醒。",
    ],
)
def test_a_reminder_of_the_overdue_is_a_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "遇到催收上门逼老人签字，家人可以直接报警。",
        "催收打给去世借款人的亲属要钱，亲属完全可以拒绝。",
    ],
)
def test_the_family_told_what_it_may_do_is_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.modality == "advice"


def test_a_lender_that_may_reach_the_family_stays_descriptive() -> None:
    # near miss: 可以 of the lender, not of the family
    assert analyse("借款人失联的，平台可以联系其紧急联系人。").modality != "advice"


# -- comment sections (probe 355) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有没有人跟银行谈成过停息挂账的，求分享经验🙏",
        "有没有人被催收打过单位电话的，求告知",
    ],
)
def test_a_question_closed_by_a_plea_stays_a_question(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "question"


def test_a_question_the_sentence_answers_is_no_question() -> None:
    # near miss: the clause after the question answers it
    a = analyse("会不会上门，主要看欠款金额和平台。")
    assert a.stance != "question"


@pytest.mark.parametrize(
    "sentence",
    [
        "我的经验是别躲，躲得越狠打得越凶。",
        "越不接，他们打得越勤。",
    ],
)
def test_calls_that_grow_with_hiding_are_a_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "你这种情况赶紧找平台客服申请延期，拖下去罚息更多。",
        "赶紧申请个性化分期，别等到被起诉。",
    ],
)
def test_going_to_the_lender_at_once_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_a_lender_acting_at_once_stays_descriptive() -> None:
    # near miss: 赶紧 of the lender's act, no instruction
    assert analyse("平台发现逾期以后会马上打电话提醒。").modality == "descriptive"


# -- fee calculators (probe 356) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "只要在宽限期内还上，罚息一分都不会收。",
        "这种情况下违约金是不会收取的。",
        "信用卡的全额罚息已经在2017年取消了。",
    ],
)
def test_a_fee_not_charged_said_after_it_is_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert a.stance == "denies"


def test_a_fee_charged_said_after_it_stays_affirmed() -> None:
    # near miss: the fee is charged
    a = analyse("逾期以后罚息照样会收，这笔钱躲不掉。")
    assert "penalty_fees" in a.topics
    assert a.stance == "affirms"


def test_a_belief_that_fees_exclude_each_other_is_rejected() -> None:
    a = analyse("违约金和罚息不能同时收，这个说法并不对，很多平台两样都收。")
    assert a.stance == "affirms"


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人只看到每天几块钱的罚息，没算过一年下来利滚利有多少。",
        "我从来没想过会被起诉，直到收到了法院的传票。",
    ],
)
def test_never_reckoned_or_foreseen_denies_nothing(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "denies"


def test_no_fee_at_all_stays_denied() -> None:
    # near miss: the fee itself is denied
    a = analyse("还款日当天还上的，没有罚息。")
    assert a.stance == "denies"


# -- social posts (probe 357) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("#网贷逾期# #暴力催收# 今天又被爆通讯录了，同事都收到了短信。", "complaints_rights"),
        ("#反催收# 这个话题下面一半是求助，一半是卖课的。", "debt_help_scam"),
        ("#征信#", "credit_report"),
    ],
)
def test_a_hashtag_is_a_label_no_claim(sentence: str, absent: str) -> None:
    assert absent not in analyse(sentence).topics


def test_a_hashtag_still_names_its_product() -> None:
    a = analyse("#花呗逾期# 客服说逾期后额度会先冻结。")
    assert "花呗" in a.products
    assert "account_impact" in a.topics


def test_the_same_words_outside_a_hashtag_keep_their_topic() -> None:
    # near miss: no hash marks
    assert "complaints_rights" in analyse("遇到暴力催收，可以打12378投诉。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "[图片] 催收发来的“律师函”，一看就是PS的。",
        "这张法院传票明显是P出来的，案号都对不上。",
    ],
)
def test_a_notice_made_in_an_image_editor_is_fake(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert "legal_action" not in a.topics


def test_the_next_day_after_repayment_is_no_threshold() -> None:
    a = analyse("客服说逾期后额度会先冻结，还清后第二天恢复。")
    assert a.threshold is None


def test_the_second_day_overdue_stays_a_threshold() -> None:
    # near miss: the day counts the overdue
    a = analyse("逾期第二天就会有人工打电话来催。")
    assert a.threshold is not None
    assert a.threshold.anchor == "overdue"


@pytest.mark.parametrize(
    "sentence",
    [
        "点赞过万的那条说“逾期不还不会坐牢”，这倒是真的。",
        "有人说“网贷逾期不会上门”，这话没错，正规平台确实不上门。",
    ],
)
def test_quoted_words_the_author_confirms_are_a_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "denies"


def test_quoted_words_left_unjudged_stay_set_apart() -> None:
    # near miss: the words are only reported
    a = analyse("催收在电话里说“明天就上门”。")
    assert "home_visit" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "视频号直播间里的“债务规划师”，张口就说能帮你全免罚息，别信。",
        "自称债务规划的机构说能帮你停息挂账，先收三千块。",
    ],
)
def test_a_planner_selling_waivers_is_a_debt_help_scam(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" in a.topics
    assert "negotiation" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "今天银行终于同意分36期了！",
        "磨了一个月，平台才答应分24期还本金。",
    ],
)
def test_a_split_agreed_is_negotiation(sentence: str) -> None:
    assert "negotiation" in analyse(sentence).topics


def test_unlawfully_obtained_contacts_are_complaints() -> None:
    assert "complaints_rights" in analyse("有催收公司非法获取借款人的通讯录。").topics


# -- glossary pages (probe 358) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "“连三累六”是审批时常用的说法，指连续三期或累计六期逾期。",
        "呆账是指借款逾期很久、银行认为基本收不回来的贷款。",
    ],
)
def test_a_term_in_use_and_a_degree_are_no_frequency(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.hedge != "frequency"


def test_a_frequency_of_the_event_stays_a_hedge() -> None:
    # near miss: 基本 of how often
    assert analyse("正规平台基本不会上门。").hedge == "frequency"


@pytest.mark.parametrize(
    "sentence",
    [
        "容时和宽限期意思差不多，但各家银行的叫法不同。",
        "外访和上门催收其实是一个意思。",
    ],
)
def test_two_names_for_one_thing_are_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_glossary_label_is_no_claim() -> None:
    assert analyse("名词解释：恶意透支").topics == ()


def test_a_term_in_a_sentence_stays_a_claim() -> None:
    # near miss: the term in a sentence that says what happens
    assert "criminal_risk" in analyse("恶意透支达到一定金额会被追究刑事责任。").topics


def test_a_reports_field_values_are_no_write_off() -> None:
    a = analyse("征信报告里的“账户状态”一栏，会显示正常、逾期、呆账等字样。")
    assert "credit_report" in a.topics
    assert "bad_debt_transfer" not in a.topics


def test_a_debt_turned_bad_stays_a_write_off() -> None:
    # near miss: the debt itself becomes bad
    assert "bad_debt_transfer" in analyse("逾期超过半年的欠款会被银行转为呆账。").topics


# -- hardship application letters (probe 359) ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "恳请贵行考虑本人的实际困难，暂停计收罚息和违约金。",
        "银行同意在分期期间暂停计息。",
    ],
)
def test_a_charge_paused_is_negotiation(sentence: str) -> None:
    assert "negotiation" in analyse(sentence).topics


def test_a_letters_pledge_of_truth_is_no_lawsuit() -> None:
    assert "legal_action" not in analyse("以上情况属实，如有虚假，本人愿承担法律责任。").topics


def test_a_borrowers_legal_liability_stays_legal_action() -> None:
    # near miss: the liability the lender will pursue
    assert "legal_action" in analyse("长期拖欠不还，借款人要承担相应的法律责任。").topics


def test_the_reader_chasing_the_lender_is_no_collection_call() -> None:
    a = analyse("申请书寄出后一般十五个工作日内会有回复，没消息可以打电话催一下。")
    assert "debtor_contact" not in a.topics


def test_a_collectors_call_stays_a_contact() -> None:
    # near miss: the lender calls the borrower
    assert "debtor_contact" in analyse("逾期第二天平台就会打电话催收。").topics


# -- classes seen on real pages read through the search corpus (no probe file) -------------------


def test_the_lenders_own_rights_are_no_complaint() -> None:
    a = analyse("但是平台还是要维护自身的权益，会督促客户尽快还款。")
    assert "complaints_rights" not in a.topics


def test_the_borrowers_rights_stay_complaints() -> None:
    # near miss: the borrower's rights
    assert "complaints_rights" in analyse("遇到暴力催收，借款人要维护自己的合法权益。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "网商贷协商延期还款后仍然会上信用。",
        "逾期超过三天就会上报信用系统。",
    ],
)
def test_the_credit_record_named_plainly(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_an_online_credit_loan_names_no_record() -> None:
    # near miss: 线上信用贷款 holds 上信用
    assert "credit_report" not in analyse("这是一款纯线上信用贷款，最高额度二十万。").topics


def test_having_to_wait_until_is_no_rule() -> None:
    a = analyse("必须等用户还清逾期的欠款，逾期记录才会在5年以后自动删除。")
    assert a.modality != "normative"
    assert a.stance == "conditional"


def test_a_rule_with_must_stays_normative() -> None:
    # near miss: 必须 of a duty
    assert analyse("催收人员上门时必须出示工作证。").modality == "normative"


@pytest.mark.parametrize(
    "sentence",
    [
        "短期逾期的，一般为系统自动提醒。",
        "逾期当天会收到系统提醒，第二天开始有人工电话。",
    ],
)
def test_reminders_sent_by_the_system_are_a_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_abusive_means_named_in_a_rule_are_complaints() -> None:
    a = analyse("法律规定催收行为不得涉及人身威胁、非法拘禁等。")
    assert "complaints_rights" in a.topics
    assert a.modality == "normative"


def test_keeping_calm_told_to_the_reader_is_advice() -> None:
    assert analyse("面对上门，借款人要保持冷静，理性对待。").modality == "advice"


def test_a_rejected_beliefs_rule_word_states_no_rule() -> None:
    a = analyse("很多人以为网络贷款平台不能像银行那样派人上门，其实这是个误解。")
    assert "home_visit" in a.topics
    assert a.modality == "descriptive"


def test_a_rule_the_author_states_stays_normative() -> None:
    # near miss: the same rule word outside a belief
    assert analyse("催收人员不能在晚上十点以后上门。").modality == "normative"


@pytest.mark.parametrize(
    "sentence",
    [
        "平安普惠上门催收的概率较低。",
        "真正被起诉的几率比较低。",
    ],
)
def test_a_chance_put_as_low_denies(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_a_relative_introduced_as_a_storys_subject_is_no_contact() -> None:
    a = analyse("我有个亲戚就因为逃避催收电话，逾期越拖越久。")
    assert "contacts_family" not in a.topics
    assert "debtor_contact" in a.topics


def test_a_relative_who_is_called_stays_a_contact() -> None:
    # near miss: the relative is reached
    assert "contacts_family" in analyse("催收打电话给我亲戚，说我欠钱不还。").topics


def test_a_relative_who_hands_in_papers_is_no_contact() -> None:
    a = analyse("若家属能提供死亡证明，平台可核实后终止催收。")
    assert "contacts_family" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "银行催收电话不绝，家里人都快被逼疯了。",
        "电话一天到晚响个不停。",
    ],
)
def test_endless_calls_are_no_denial(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


def test_a_duty_wrongly_believed_is_no_rule() -> None:
    a = analyse("舆论压力常让子女误以为必须替父母还钱，其实催收电话打给子女本身就违规。")
    assert a.modality != "normative"


@pytest.mark.parametrize(
    "sentence",
    [
        "代偿之后，由保险公司来向借款人进行催收。",
        "收数公司有权联系你追讨欠款，但手法必须合法。",
    ],
)
def test_collection_aimed_at_the_borrower_is_a_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "尽量避免在催收电话里谈还款方案。",
        "要避免找中介代办停息挂账。",
    ],
)
def test_the_reader_told_to_stay_off_something_is_advice_denied(sentence: str) -> None:
    a = analyse(sentence)
    assert a.modality == "advice"
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期可能导致提额受限、部分产品暂停新申请。",
        "长期不还，信用分数下降是肯定的。",
    ],
)
def test_a_limit_not_raised_or_a_score_falling_is_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_the_lenders_risk_of_bad_debt_writes_nothing_off() -> None:
    a = analyse("银行通常愿意给予一定的还款安排，尽量降低坏账风险。")
    assert "bad_debt_transfer" not in a.topics


def test_a_belief_called_mistaken_is_rejected() -> None:
    a = analyse("很多人误以为逾期一天就会被起诉，其实这是误解。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


def test_wiped_after_years_the_record_unnamed() -> None:
    assert "credit_report" in analyse("逾期90天后，只能等待5年自动消除。").topics
