"""Claims conventions added in session twenty-four (sentences written for these tests, each
keeping a phenomenon seen on real farm pages)."""

from __future__ import annotations

import pytest

from pipeline.claims.document import tag_document
from pipeline.claims.tagger import analyse
from pipeline.records import Claim


def _answer(text: str) -> Claim:
    """The claim of the answer in *text* (a question, then its answer): two claims, the
    first the question."""
    claims = tag_document("d", text, include_non_claims=True)
    assert len(claims) == 2
    assert claims[0].stance == "question"
    return claims[1]


# -- a bare answer with its subject, its condition, or a denial after the (question's) cue --


@pytest.mark.parametrize(
    ("text", "topic", "stance", "hedge"),
    [
        # the lender named before yes or no (used to have no topic: one lead word only)
        ("借呗逾期了催收会上门吗？正规平台基本不会这么做。", "home_visit", "denies", "frequency"),
        ("微粒贷逾期会被起诉吗？银行通常不会。", "legal_action", "denies", "frequency"),
        ("花呗逾期会上征信吗？大部分平台都会。", "credit_report", "affirms", "frequency"),
        # the condition first, yes or no in the next clause (its 不是 is the condition's)
        ("欠信用卡会坐牢吗？只要不是故意透支不还，一般不会。", "criminal_risk", "denies",
         "frequency"),
        ("逾期会打给紧急联系人吗？要是一直联系不上你，就可能会。", "contacts_family",
         "conditional", "possibility"),
        # a rarity word after the (question's) cue denies, as it does after a cue of its own
        ("逾期后会被爆通讯录吗？这种情况其实很少。", "contacts_family", "denies", "frequency"),
    ],
)
def test_an_answer_with_its_subject_or_condition_takes_the_question(
        text: str, topic: str, stance: str, hedge: str) -> None:
    answer = _answer(text)
    assert answer.topics == (topic,)
    assert answer.stance == stance
    assert answer.hedge == hedge


def test_a_remark_after_a_question_is_no_answer() -> None:
    # 很多人都会问 holds 都会 but answers nothing
    assert _answer("逾期会被起诉吗？这个问题很多人都会问。").topics == ()


# -- "not every" with 也 before it is a possibility, not a denial --------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("也不是每个逾期的人都会被起诉。", "legal_action"),
        ("也并不是所有平台都会爆通讯录。", "contacts_family"),
    ],
)
def test_not_every_after_ye_is_a_possibility(text: str, topic: str) -> None:
    a = analyse(text)
    assert a.topics == (topic,)
    assert (a.stance, a.hedge) == ("affirms", "possibility")


def test_ye_with_a_plain_negator_still_denies() -> None:
    a = analyse("逾期后也不会马上被起诉。")
    assert (a.topics, a.stance) == (("legal_action",), "denies")


# -- cues ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["白条逾期后额度会被降为零。", "逾期几天额度就直接降至五百了。"])
def test_a_limit_brought_down_to_a_level_is_account_impact(text: str) -> None:
    a = analyse(text)
    assert a.topics == ("account_impact",)
    assert a.stance == "affirms"


def test_how_often_the_borrower_is_contacted_is_debtor_contact() -> None:
    # 联系借款人的 stops the cue (…的家人 is someone else); 的次数 is still the borrower
    a = analyse("催收每天联系借款人的次数有严格限制。")
    assert a.topics == ("debtor_contact",)
    other = analyse("催收不得联系借款人的家人。")
    assert other.topics == ("contacts_family",)
    assert other.stance == "denies"


def test_the_borrower_sought_in_person_with_a_word_between() -> None:
    a = analyse("逾期头几天一般只会找本人。")
    assert a.topics == ("debtor_contact",)


# -- an overdue span, then 且 and a count of reminders: the span stays --------------------


def test_a_span_and_a_count_joined_by_qie_are_two_conditions() -> None:
    a = analyse("逾期超过两个月且经三次催收仍未还款的，平台可能会起诉。")
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.max_days) == (60, None)
    assert a.stance == "conditional"


def test_a_count_right_after_a_span_is_still_a_frequency() -> None:
    assert analyse("逾期后催收一天打三次电话。").threshold is None


# -- the borrower's own fear, then corrected: a belief the author rejects -----------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the fear senses used to drop the cue, so these had no topic
        ("我当时最怕的就是被爆通讯录，其实平台根本不敢这么做。", "contacts_family"),
        ("我最担心的是被起诉，实际上银行很少起诉小额欠款。", "legal_action"),
        ("那几个月我天天提心吊胆，生怕有人找上门来，其实根本没人来。", "home_visit"),
        ("我最怕征信出问题，事实上逾期两天并不会上报。", "credit_report"),
    ],
)
def test_a_fear_the_author_corrects_is_denied(text: str, topic: str) -> None:
    a = analyse(text)
    assert a.topics == (topic,)
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "text",
    [
        # a fear told with nothing said against it stays no claim
        "那段时间我最怕的就是被起诉，天天失眠。",
        "我最担心的是催收打电话告诉单位领导。",
    ],
)
def test_a_fear_alone_is_still_no_claim(text: str) -> None:
    assert analyse(text).topics == ()


# -- 才 of coming to know late, and the author's verdict after reported words -------------


def test_coming_to_know_late_is_no_condition() -> None:
    a = analyse("对方自称是某某法院的，让我加他微信处理案件，后来才知道是诈骗。")
    assert a.topics == ("fake_collection",)
    assert a.stance == "affirms"
    # the 的，…才 of an only-if case stays a condition
    b = analyse("逾期超过三个月的，才会被起诉。")
    assert (b.topics, b.stance) == (("legal_action",), "conditional")


def test_the_authors_verdict_after_a_call_is_not_the_callers_words() -> None:
    a = analyse("有人打电话说是银保监会的，说我的贷款要注销，要求转账，这是诈骗。")
    assert a.topics == ("fake_collection",)
    # with no verdict the sentence tells of the call
    assert analyse("有人打电话说是银保监会的，说我的贷款要注销，要求转账。").topics == (
        "debtor_contact",)


# -- words met in the session's blind probes (probe640-643) --------------------------------


def test_being_told_is_no_defendant_and_not_qualifying_is_a_refusal() -> None:
    a = analyse("我找花呗客服申请过两次分期还款，两次都被告知不符合条件。")
    assert a.topics == ("negotiation",)  # 被告知 holds 被告, no lawsuit
    assert a.stance == "denies"


@pytest.mark.parametrize(("text", "topic"), [
    ("逾期后平台真的派人到家里的情况极为少见。", "home_visit"),
    ("打电话到借款人单位的做法较为少见。", "contacts_family"),
])
def test_rarity_with_more_degree_words_denies(text: str, topic: str) -> None:
    a = analyse(text)
    assert (a.topics, a.stance, a.hedge) == ((topic,), "denies", "frequency")


@pytest.mark.parametrize(("text", "topic"), [
    ("白条逾期以后，小白信用分会往下掉。", "account_impact"),
    ("對方拿著本票去法院聲請本票裁定，就能強制執行。", "legal_action"),
    ("間銀行撇咗帳之後會將筆數賣畀資產公司。", "bad_debt_transfer"),
])
def test_more_words_for_the_score_a_ruling_and_a_write_off(text: str, topic: str) -> None:
    assert topic in analyse(text).topics


@pytest.mark.parametrize(("text", "hedge"), [
    ("委外催收的时间点各家不同，常见的是逾期15天或30天。", "frequency"),
    ("催收短信里常见“即将起诉”这类字眼。", "frequency"),
    ("逾期以后转给外包公司催收的情况很常见。", "frequency"),
    ("呢啲財務公司好多時會打去你公司。", "frequency"),
    # the most common one named, and a FAQ's heading: no frequency
    ("最常见的施压方式是打电话给你的父母。", "none"),
    ("常见问题：逾期一天会上征信吗？", "none"),
])
def test_what_is_common_is_a_frequency(text: str, hedge: str) -> None:
    assert analyse(text).hedge == hedge


def test_a_window_of_hours_names_no_overdue_day() -> None:
    a = analyse("催收只能在早上八点到晚上九点之间打电话，晚上九点后到隔天早上八点前都不能打。")
    assert a.threshold is None
    # the next day's deadline alone is still the first day overdue
    b = analyse("在还款日次日24点前还清，就不会报送征信。")
    assert b.threshold is not None and (b.threshold.min_days, b.threshold.max_days) == (1, 1)


# -- question-and-answer lines (probe640) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        # Traditional script: the answer's 不會 and the question's 會不會…嗎 were not read
        ("問：網貸逾期會不會打電話到公司？答：一般不會，除非一直聯繫不上你。", "contacts_family",
         "denies"),
        # a labelled "it depends" answer (the label hid the depends words)
        ("问：招行信用卡逾期会被起诉吗？答：这要看欠了多少钱。", "legal_action", "conditional"),
        # the answer calls the question's premise false
        ("问：花呗逾期一天就会上征信吗？答：不少人都这么想，其实这是个误区。", "credit_report",
         "denies"),
    ],
)
def test_more_answer_forms_take_the_question(text: str, topic: str, stance: str) -> None:
    answer = _answer(text)
    assert answer.topics == (topic,)
    assert answer.stance == stance


def test_an_answer_that_opens_by_saying_it_depends_is_conditional() -> None:
    answer = _answer("信用卡逾期后银行肯谈分期吗？因人而异，收入证明齐全的比较好谈。")
    assert answer.topics == ("negotiation",)
    assert answer.stance == "conditional"
    # an answer with its own topic and no depends words keeps its stance
    plain = _answer("借呗逾期以后能协商分期吗？能，拿出困难证明就更容易谈成。")
    assert plain.stance == "affirms"


def test_days_in_an_answer_to_how_many_days_overdue_are_days_overdue() -> None:
    answer = _answer("问：网贷逾期几天会联系你的亲友？答：各平台说法不一，常见的是一周或半个月。")
    assert answer.topics == ("contacts_family",)
    assert (answer.min_days, answer.max_days, answer.anchor) == (7, 15, "overdue")
    assert answer.stance == "conditional"  # 说法不一 (it varies) denies nothing


@pytest.mark.parametrize(
    ("text", "topics", "stance"),
    [
        # -- first wave
        # a handful counted after the event
        ("群里上百个逾期的，真被起诉的没几个。", ("legal_action",), "denies"),
        # the writer's own case against a belief
        ("不少人以为欠信用卡会坐牢，可我欠了三年，从来没人抓过我。", ("criminal_risk",),
         "denies"),
        # a step that cannot deal with the debt
        ("民间借贷的欠款，前置协商是处理不到的。", ("negotiation",), "denies"),
        # a private card named with 的
        ("有个自称平台催收的人让我把钱转到他个人的银行卡上。", ("fake_collection",), "affirms"),
        # Hong Kong's 打去你屋企 (read as 打到你家里) is a call to the home, no visit
        ("啲收數佬會打去你屋企問你屋企人。", ("contacts_family",), "affirms"),
        # the message's lines pointed at are quoted, the sending is the claim
        ("短信来来去去就是“马上起诉”“冻结账户”这几句。", ("debtor_contact",), "affirms"),
        # a fact granted with 也没 inside 虽然's clause gives no claim of its own
        ("虽然至今也没收到传票，但报告上早就有了逾期记录。", ("credit_report",), "affirms"),
        # the granted clause's 没 does not negate the claim after 也
        ("即使没被起诉也照样会上征信。", ("credit_report",), "affirms"),
        # any workplace number at all: 只要 is no condition
        ("只要是申请时留过的单位电话，全都可能接到催收来电。", ("contacts_family",), "affirms"),
        # checked and confirmed, the case between: a condition
        ("经银行审核确认确有困难后，可以给予三个月的延期。", ("negotiation",), "conditional"),
        # -- second wave
        # 马上报警 holds 上报: no credit report
        ("一旦发现有人冒充法院催收，建议马上报警。", ("fake_collection",), "conditional"),
        ("被人骗了钱要早上报警。", (), None),
        # the collection business handed to a firm, and what regulators require
        ("银行不得把催收业务交给没有资质的公司。", ("third_party_agency",), "denies"),
        # a private card said plainly
        ("正规机构都不会让你把欠款还到个人银行卡上。", ("fake_collection",), "denies"),
        # anything with a number stored, any relative named: 只要 is no condition
        ("只要是通讯录上有名字的，催收都会挨个联系。", ("contacts_family",), "affirms"),
        ("只要是资料里写了电话的亲友，催收都会联系一遍。", ("contacts_family",), "affirms"),
        # -- third wave: a spun copy's words
        # a spun copy's 过期 for 逾期, 告状 / 吃官司 for a lawsuit, 能够会 for 可能会, 家眷, 洽商
        ("信誉卡過期會不會被銀行告狀？", ("legal_action",), "question"),
        ("网贷过期超过三个月，平台就会向法院提起诉讼。", ("legal_action",), "conditional"),
        ("信誉卡过期不代表一定会吃官司。", ("legal_action",), "affirms"),
        ("分期乐过期才二十来天，家眷就被打了电话。", ("contacts_family",), "conditional"),
        ("别轻信收费代办洽商分期的中介。", ("debt_help_scam",), "denies"),
        # -- third wave
        # a handful never seen, a share under two in ten
        ("真被银行起诉的，我在群里待了几年也没见过几个。", ("legal_action",), "denies"),
        ("真正被平台告上法庭的连两成都不到。", ("legal_action",), "denies"),
        # a belief mocked, a belief held by 好多人
        ("有人说欠白条要蹲监狱，笑死，哪有那么夸张。", ("criminal_risk",), "denies"),
        ("好多人以为晚还两天征信就花了，其实压根没那么快。", ("credit_report",), "denies"),
        # -- fourth wave
        ("尽管催收在短信里常说要派人过去，真正有人到家的其实相当少见。", ("home_visit",), "denies"),
        ("正规机构通常不会把欠款的事告诉借款人的朋友。", ("contacts_family",), "denies"),
        ("比起房贷，网贷真被告上法院的要少得多。", ("legal_action",), "denies"),
        ("信用卡欠款一直沒還，會不會因此留下案底？", ("criminal_risk",), "question"),
        ("欠钱超过一定期限（比如五个月）还不还，银行就会转给外包公司。", ("third_party_agency",),
         "conditional"),
        ("经平台核实确属失业后，欠款最多能分36期偿还。", ("negotiation",), "conditional"),
    ],
)
def test_topics_and_stance_of_the_probe_classes(text: str, topics: tuple[str, ...],
                                                stance: str | None) -> None:
    a = analyse(text)
    assert (a.topics, a.stance) == (topics, stance)


def test_instalments_chosen_when_borrowing_are_no_negotiation() -> None:
    assert analyse("这款产品借款时最长可以选择24期分期。").topics == ()
    assert analyse("逾期以后可以跟银行申请分期还款。").topics == ("negotiation",)


def test_time_a_letter_sets_aside_is_no_record_kept() -> None:
    a = analyse("律师函上一般会留出5天时间让你联系处理。")
    assert a.threshold is None
    kept = analyse("还清后逾期记录还会保留五年。").threshold
    assert kept is not None and (kept.min_days, kept.anchor) == (1825, "retention")


def test_the_repayment_period_stretched_is_an_instalment_span() -> None:
    a = analyse("銀行一般肯同你協商，將還款期拉長到四年。")
    assert a.threshold is not None
    assert (a.threshold.min_days, a.threshold.anchor) == (1460, "installment")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("监管要求放贷机构对合作的催收公司负责。", "normative"),
        # the rule cited as the ground of a practice, and a punishment the law allows
        ("按照监管要求，我们只和借款人本人联系。", "descriptive"),
        ("假扮警察吓唬借款人的催收员，可以依照治安管理处罚法给予拘留。", "descriptive"),
    ],
)
def test_rules_required_cited_and_allowed(text: str, modality: str) -> None:
    assert analyse(text).modality == modality


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("这笔卡债拖了两年半以上都没还，银行多半已经核销。", (912, None)),
        ("借呗拖了30来天，公司领导就接到了催收电话。", (30, 30)),
        ("五年期满后，逾期信息会自动清除。", (1825, None)),
        ("只要没拖过二十天，多数银行不会报送征信。", (None, 20)),
        ("无论拖了5天、20天还是40天，正规平台都不会叫你把钱打到个人银行卡。", (5, 40)),
    ],
)
def test_more_span_forms(text: str, days: tuple[int | None, int | None]) -> None:
    th = analyse(text).threshold
    assert th is not None and (th.min_days, th.max_days) == days


def test_not_even_one_day_and_a_product_named_with_fenqi_stay_no_span() -> None:
    assert analyse("这家平台一天宽限都没有。").threshold is None
    assert analyse("一位分期乐用户说他一天里被催收打了三十多次电话。").threshold is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("逾期当天到第4天：一般只有短信提醒。", (0, 4)),
        ("逾期第5到第12天，会有人工电话打过来。", (5, 12)),
        # the older forms keep their readings
        ("逾期第1、3、7天会收到短信。", (1, 7)),
        ("逾期3到5天会有电话。", (3, 5)),
    ],
)
def test_a_range_of_days_with_di_on_both_ends(text: str, days: tuple[int, int]) -> None:
    th = analyse(text).threshold
    assert th is not None and (th.min_days, th.max_days) == days


def test_what_a_legal_firms_letter_does_not_mean_names_a_real_lawsuit() -> None:
    a = analyse("接到法务公司打来的电话，并不意味着银行已经把你告到法院。")
    assert "legal_action" in a.topics
    assert a.hedge == "possibility"
    # the firm alone is still no lawsuit
    assert "legal_action" not in analyse("那些法务公司的人并不能代理诉讼。").topics


@pytest.mark.parametrize(
    ("text", "stance", "days"),
    [
        ("问：拖了四五个月，会被寄律师函吗？答：有可能。", "conditional", (120, 150)),
        ("问：美团月付拖了十来天会被告吗？答：这么短一般不会。", "denies", (10, 10)),
        ("信用卡拖进M3以后会交给外包催收吗？不少银行到了这一步会委托第三方公司。",
         "conditional", (61, 90)),
    ],
)
def test_an_answer_takes_the_overdue_span_its_question_names(
        text: str, stance: str, days: tuple[int, int]) -> None:
    answer = _answer(text)
    assert answer.stance == stance
    assert (answer.min_days, answer.max_days, answer.anchor) == (*days, "overdue")


def test_an_answer_on_another_topic_takes_no_span() -> None:
    answer = _answer("借呗逾期三个月会被起诉吗？不会，但征信肯定会受影响。")
    assert answer.topics == ("credit_report",)
    assert answer.min_days is None and answer.max_days is None


@pytest.mark.parametrize(
    "text",
    [
        "坏账核销是银行内部的做法，并不代表这笔欠款就被免除了。",
        "这笔账核销了，并不意味着你就不用还了。",
    ],
)
def test_what_a_write_off_does_not_mean_keeps_the_write_off(text: str) -> None:
    a = analyse(text)
    assert a.topics == ("bad_debt_transfer",)  # not the waiver it does not mean
    assert a.stance == "affirms"


def test_a_limit_not_restored_and_a_suggested_question() -> None:
    a = analyse("在还清欠款之前，平台暂时无法为你恢复额度。")
    assert (a.topics, a.stance) == (("account_impact",), "affirms")
    assert analyse("您可能想问：花呗逾期会不会被上报征信？").topics == ()
    # a waiver named after a negotiation is still one
    assert "negotiation" in analyse("协商成功并不代表罚息会被免除。").topics


def test_a_spun_may_is_a_possibility_not_advice() -> None:
    a = analyse("花呗过期以后假如联系不上本人，平台能够会找紧急联系人。")
    assert (a.hedge, a.modality) == ("possibility", "descriptive")
    # expired papers stay expired
    assert analyse("身份证过期以后要及时去换。").topics == ()


def test_a_record_hanging_on_the_file_is_kept_and_a_box_stays_a_box() -> None:
    th = analyse("即便没被起诉，不良记录照样会在报告上挂五年。").threshold
    assert th is not None and th.anchor == "retention"
    assert analyse("请加我微信咨询债务优化。").topics == ()


@pytest.mark.parametrize(
    ("text", "topics", "modality"),
    [
        # a list item's marker before the instruction
        ("① 该接的电话照接，也要让对方知道你在想办法。", ("debtor_contact",), "advice"),
        ("第二，打电话申请分期之前，先备好病历一类的证明。", ("negotiation",), "advice"),
        ("② 催收人员上门时，先请对方出示工作证。", ("home_visit",), "advice"),
        # a descriptive list item stays descriptive
        ("2. 平台会先打电话提醒。", ("debtor_contact",), "descriptive"),
    ],
)
def test_an_instruction_after_a_list_marker_is_advice(text: str, topics: tuple[str, ...],
                                                      modality: str) -> None:
    claims = tag_document("d", text)
    assert len(claims) == 1
    assert (claims[0].topics, claims[0].modality) == (topics, modality)


def test_a_decrease_is_no_rarity_and_a_products_own_terms_no_plan() -> None:
    assert analyse("过年那几天催收电话通常会少很多。").stance == "affirms"
    assert analyse("这款产品借款最长可分20期偿还。").topics == ()


def test_a_lawyers_letters_deadline_is_no_span() -> None:
    a = analyse("平台寄来的律师函，通常会留7天左右的宽限期。")
    assert a.topics == ("legal_action",)
    assert a.threshold is None and a.stance == "affirms"
    # an overdue span before the letter still counts, and a product's grace period too
    b = analyse("逾期90天后一般会收到律师函。")
    assert b.threshold is not None and b.threshold.min_days == 90
    c = analyse("花呗有三天的还款宽限期。")
    assert c.threshold is not None and (c.threshold.min_days, c.threshold.max_days) == (3, 3)
