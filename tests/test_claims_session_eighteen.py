"""Session eighteen: classes found by helper sessions' blind lines (bank card rules, helper N's
probe457-459; then social posts, debt-relief pages, paraphrased rules, product FAQs, spun
copies and titles, probe460-477) and the real pages behind them.

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- an emphatic 并 before an after-cue denial keeps the denial whole ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "就晚了一两天，这点事对征信报告上的记录并不会有什么影响。",
        "逾期这件事跟家里人的通讯录并没有关系。",
        "上不上门跟你欠多少并无关。",
        "对芝麻分并不会受到影响，放心好了。",
    ],
)
def test_an_emphatic_denial_after_the_cue_denies(sentence: str) -> None:
    assert analyse(sentence).stance == "denies"


def test_the_plain_emphatic_negator_still_denies_what_follows() -> None:
    # near miss: 并不 before the cue denies it as before
    a = analyse("银行并不会因为晚还一天就上报征信。")
    assert a.topics == ("credit_report",)
    assert a.stance == "denies"


# -- a charge abolished and replaced by another way of charging goes on ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "好几家银行都已取消了全额罚息，改成只按剩下没还的金额计息。",
        "这家银行不再收滞纳金了，改成收违约金。",
    ],
)
def test_a_charge_replaced_is_still_charged(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


def test_a_charge_abolished_outright_is_denied() -> None:
    # near miss: nothing replaces it
    a = analyse("全额罚息在几年前就已经取消了。")
    assert a.topics == ("penalty_fees",)
    assert a.stance == "denies"


# -- a limit brought down, interest turning up on a bill ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期一个多月以后，银行把我的信用卡额度降到了五千。",
        "有的银行会直接把可用额度压下来。",
        "晚还几天，额度就被降了一半。",
    ],
)
def test_a_limit_brought_down_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "我就差了两块钱没还清，下个月账单上多出了二十多块利息。",
        "少还了一点点，银行多收了好几十的利息。",
    ],
)
def test_interest_turning_up_for_a_sum_left_unpaid_is_a_penalty(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


def test_a_later_bill_is_no_overdue_time() -> None:
    # the month names the bill, not how long the debt was overdue
    assert days_of("差了两块没还，结果第二个月的账单上多出了利息。") is None
    # near miss: a month overdue is a threshold
    assert days_of("逾期两个月以后，罚息会越滚越多。") == (60, None, "overdue")


# -- the borrower closing the account as a way out is no account closed -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "销户也抹不掉逾期记录，它会在征信上留足五年。",
        "有人以为销户就能把不良记录清掉，其实记录照样在。",
    ],
)
def test_closing_the_account_to_clear_a_record_is_no_account_impact(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "credit_report" in topics
    assert "account_impact" not in topics


def test_the_lender_closing_the_account_is_account_impact() -> None:
    # near miss: the bank closes it
    assert "account_impact" in topics_of("逾期太久的话，银行可能会直接给你销户。")


# -- a message said to be fake -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["这种短信基本都是假的，别理它。", "那条起诉通知多半是假的。"],
)
def test_a_message_said_to_be_fake_is_fake_collection(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert a.stance == "affirms"


# -- lines that say nothing of what a lender does ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "违约金和宽限期每家银行的规定都有差异，具体以银行客服的答复为准。",
        "不同平台的催收做法不尽相同，具体请以平台公告为准。",
        "经常有粉丝私信问我，花呗逾期会不会上门，其实……",
    ],
)
def test_a_varies_by_lender_line_or_a_cut_off_lead_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_told_question_with_its_answer_is_a_claim() -> None:
    # near miss: the answer follows
    a = analyse("经常有粉丝私信问我，花呗逾期会不会上门，其实正规的平台基本上都不会上门。")
    assert a.topics == ("home_visit",)
    assert a.stance == "denies"


# -- 与其 with no 不如 after it is 与 + 其, "with them" -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "持卡人确有困难的，银行可以与其协商分期还款。",
        "平台同意与其签订延期还款的协议。",
    ],
)
def test_with_them_is_no_alternative_turned_down(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.stance != "question"


def test_rather_than_still_turns_the_alternative_down() -> None:
    # near miss: 与其…不如 keeps the lawsuit out of the claim
    topics = topics_of("与其等着被平台起诉，不如现在就去协商。")
    assert "legal_action" not in topics
    assert "negotiation" in topics


# -- a collector's words about relief speak for the lender --------------------------------------


def test_a_collectors_words_about_relief_are_the_call() -> None:
    a = analyse("催收员在电话里说，不先还一半就不帮我申请减免。")
    assert "debt_help_scam" not in a.topics
    assert "debtor_contact" in a.topics


def test_a_self_styled_firms_words_about_relief_are_a_scam() -> None:
    # near miss: a seller of debt services promising relief
    assert "debt_help_scam" in topics_of("有个法务机构的人在电话里说，交三千就能帮我申请减免。")


# -- papers the borrower forges are no impostor's ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人拿伪造的收入证明去申请减免，结果被认定为诈骗。",
        "借款时伪造了身份信息的，才可能涉嫌诈骗。",
    ],
)
def test_a_borrowers_forged_papers_are_no_fake_collection(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "fake_collection" not in topics
    assert "debt_help_scam" not in topics
    assert "criminal_risk" in topics


def test_a_forged_lawyers_letter_is_fake_collection() -> None:
    # near miss: the collector's letter is what is forged
    assert "fake_collection" in topics_of("催收发来的那份律师函是伪造的。")


# -- a regulator named as the source of a rule is no complaint -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("按照监管部门的明确要求，晚上十点以后催收不能再打电话。", "debtor_contact"),
        ("根据互金协会发布的自律公约，借款人的同事不能被告知欠款。", "contacts_family"),
        ("银保监会发布的规定明确，银行委托的外包催收机构由银行负责管理。", "third_party_agency"),
    ],
)
def test_a_regulator_as_a_rules_source_is_no_complaint(sentence: str, topic: str) -> None:
    topics = topics_of(sentence)
    assert topic in topics
    assert "complaints_rights" not in topics


def test_a_regulator_as_where_to_complain_is_a_complaint() -> None:
    # near miss
    assert "complaints_rights" in topics_of("催收天天骚扰的话，可以向银保监会反映。")


# -- once found out, an amount reached first: conditions -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "一经发现借款人恶意转移财产，平台会马上起诉。",
        "欠款金额达到一万元以上，才有可能被起诉。",
    ],
)
def test_once_found_and_an_amount_reached_are_conditions(sentence: str) -> None:
    assert analyse(sentence).stance == "conditional"


def test_a_plain_statement_stays_affirmed() -> None:
    # near miss
    assert analyse("平台会起诉恶意转移财产的借款人。").stance == "affirms"


# -- what only the police or a court can do is no advice to the reader ---------------------------


def test_what_the_police_can_do_is_descriptive() -> None:
    a = analyse("透支数额较大的，公安机关可以依照信用卡诈骗罪立案侦查。")
    assert a.topics == ("criminal_risk",)
    assert a.modality == "descriptive"


def test_what_the_reader_can_do_is_advice() -> None:
    # near miss
    assert analyse("碰上暴力催收时，你可以直接报警。").modality == "advice"


# -- the crime of refusing a judgment, said short -------------------------------------------------


def test_refusing_a_judgment_as_a_crime_is_criminal_risk() -> None:
    topics = topics_of("明明有能力履行却一直拖着，可能会构成拒不执行判决罪。")
    assert "criminal_risk" in topics


# -- a rule's "not on X alone" reaches the result past the comma ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("不能仅凭一次逾期，就认定借款人是恶意透支。", "criminal_risk"),
        ("不得仅因借款人没接电话，就去联系他的同事。", "contacts_family"),
    ],
)
def test_not_on_one_ground_alone_denies_the_result(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_one_ground_enough_affirms() -> None:
    # near miss: no negation before the ground
    a = analyse("只凭一次逾期，就有可能会被认定成恶意透支。")
    assert "criminal_risk" in a.topics
    assert a.stance != "denies"


# -- a court ruling on how much of a charge stands is the charge's claim -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "超出法定上限的那部分罚息，法院不会支持。",
        "违约金约定得太高的，法院一般会予以调整。",
    ],
)
def test_a_court_ruling_on_a_charge_is_no_lawsuit(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "penalty_fees" in topics
    assert "legal_action" not in topics


def test_the_court_not_upholding_a_charge_denies_it() -> None:
    a = analyse("超出法定上限的那部分罚息，法院不会支持。")
    assert a.stance == "denies"


def test_a_lawsuit_named_keeps_legal_action() -> None:
    # near miss
    assert "legal_action" in topics_of("逾期半年以后，平台一般会向法院起诉。")


def test_the_term_of_a_benchmark_rate_is_no_overdue_time() -> None:
    assert days_of("罚息和违约金加起来，不能超过一年期LPR的四倍。") is None


# -- templates, cut-off leads and company news ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "延期还款申请（模板）：本人因失业暂时无力还款，申请延期____个月。",
        "导读：信用卡逾期后银行会不会找上门？很多人都在担心，那么…",
        "某集团的债务重组方案在债权人会议上获得通过，公司股票将复牌。",
    ],
)
def test_templates_cut_off_leads_and_company_news_are_no_claims(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_lead_that_ends_is_a_claim() -> None:
    # near miss: a summary line that says its answer
    a = analyse("导读：欠了网贷一般不会有人上门催收。")
    assert a.topics == ("home_visit",)
    assert a.stance == "denies"


def test_a_borrowers_debt_restructuring_is_negotiation() -> None:
    # near miss
    assert "negotiation" in topics_of("实在还不上，可以跟银行申请债务重组。")


# -- conditions that are none, and one that is --------------------------------------------------


def test_in_case_inside_an_amount_is_no_condition() -> None:
    a = analyse("罚息按每天万分之五算，借两万一个月也就三百块。")
    assert a.topics == ("penalty_fees",)
    assert a.stance == "affirms"


def test_in_case_said_as_such_is_a_condition() -> None:
    # near miss
    assert analyse("万一被起诉了，一定要按时出庭。").stance == "conditional"


def test_whoever_named_by_a_de_phrase_then_all_of_them_is_no_condition() -> None:
    a = analyse("只要你通讯录里存过的，催收挨个都打了电话。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


def test_only_if_with_its_result_stays_a_condition() -> None:
    # near miss
    assert analyse("只要逾期超过三天，就会上征信。").stance == "conditional"


def test_a_review_passed_first_is_a_condition_the_news_of_it_is_not() -> None:
    assert analyse("经贷款平台审核通过后，能延期一个月再还款。").stance == "conditional"
    # near miss: the review already passed is news, no condition
    assert analyse("您的延期申请已经审核通过了。").stance == "affirms"


def test_a_notices_numeral_days_after_overdue_are_a_span() -> None:
    assert days_of("逾期满三十日后，这条记录会由银行报送征信中心。") == (30, None, "overdue")
    # near miss: a day of the month
    assert days_of("每月三十日是这张卡的还款日。") is None


# -- who is reached, what is cut -----------------------------------------------------------------


def test_a_number_dialled_reaches_the_contact() -> None:
    assert "contacts_family" in topics_of("联系不上本人的，催收就会转拨你填的紧急联系人。")


def test_a_spun_word_for_the_emergency_contact_is_a_cue() -> None:
    a = analyse("逾期了平台是否会去联络紧急接洽人？")
    assert a.topics == ("contacts_family",)
    assert a.stance == "question"


@pytest.mark.parametrize(
    "sentence",
    ["逾期以后，微信零钱里的钱会被扣走吗？", "只要有一笔没还，月付这个付款方式就会被暂停。"],
)
def test_the_wallets_change_and_a_way_to_pay_are_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_an_instalment_app_is_no_negotiation() -> None:
    topics = topics_of("有些在校生用分期App借过钱，逾期后催收电话直接打给了父母。")
    assert "negotiation" not in topics
    assert "contacts_family" in topics


# -- a warning not to hand the money to a seller denies the act of quoting ------------------------


def test_a_warning_not_to_hand_money_to_a_seller_denies() -> None:
    a = analyse("千万别把钱交给声称能帮你办停息挂账的中介。")
    assert a.topics == ("debt_help_scam",)
    assert a.stance == "denies"


def test_a_seller_told_of_is_affirmed() -> None:
    # near miss
    a = analyse("有的中介声称能帮你办停息挂账。")
    assert a.topics == ("debt_help_scam",)
    assert a.stance == "affirms"


def test_a_collectors_own_lie_is_the_call() -> None:
    topics = topics_of("催收员在电话里谎称已经在走法律程序了。")
    assert "fake_collection" not in topics
    assert "debtor_contact" in topics


def test_an_impostors_lie_is_fake_collection() -> None:
    # near miss
    assert "fake_collection" in topics_of("有人冒充平台的人谎称已经立案了。")


# -- forum talk: pleas, slips, getting out of debt, private messages, warnings -------------------


def test_a_plea_with_a_degree_word_keeps_the_question() -> None:
    assert analyse("借呗逾期十天会被起诉吗，真的很急").stance == "question"


def test_chat_homophones_are_read_as_meant() -> None:
    a = analyse("信用卡逾期两天会上争信吗")
    assert a.topics == ("credit_report",)
    assert a.stance == "question"
    assert "花呗" in analyse("花被逾期三天会怎么样").products


def test_a_day_counted_from_getting_out_of_debt_is_no_scam() -> None:
    assert topics_of("上岸第十天，终于能睡个安稳觉了。") == set()
    # near miss: a seller of "getting out" services
    assert "debt_help_scam" in topics_of("那些所谓的上岸机构，大多收了钱就不管了。")


def test_a_private_message_offer_is_no_claim() -> None:
    assert topics_of("想协商分期的私我，免费帮你看方案。") == set()


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("说逾期就会被抓的都是吓人的，没那回事。", "criminal_risk"),
        ("家里人那边平台是不会去打扰的。", "contacts_family"),
        ("据说欠信用卡会被拘留，其实这个说法没有依据。", "criminal_risk"),
        ("误区二：逾期一天就会上征信的说法并不真实。", "credit_report"),
    ],
)
def test_more_rejections_and_after_cue_denials(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_hearsay_nobody_rejects_stays_affirmed() -> None:
    # near miss
    a = analyse("听说逾期三个月以后，平台会上门。")
    assert "home_visit" in a.topics
    assert a.stance != "denies"


def test_a_forum_warning_to_the_asker_is_advice() -> None:
    assert analyse("楼主小心，叫你转账到个人卡的都是冒充的。").modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    ["信用卡协商经验分享（附沟通模板）", "推荐阅读：网贷逾期｜信用卡协商｜征信修复"],
)
def test_a_title_with_a_template_and_a_labelled_menu_are_no_claims(sentence: str) -> None:
    assert topics_of(sentence) == set()


# -- a saying called untrue is denied, condition and all ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("网上传“只要逾期就会被抓进去坐牢”，这说法并不真实。", "criminal_risk"),
        ("有人说只要欠了钱平台就会上门，这纯属谣言。", "home_visit"),
    ],
)
def test_a_saying_with_a_condition_called_untrue_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_condition_nobody_rejects_stays_conditional() -> None:
    # near miss
    assert analyse("只要逾期超过九十天，平台就可能起诉。").stance == "conditional"


# -- Taiwan and Hong Kong words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        ("信用卡的欠款一時還不上，並不會因此被關起來。", "criminal_risk", "denies"),
        ("欠咗卡數會唔會坐監？", "criminal_risk", "question"),
        ("辦卡時用了假的財力證明，可能被依詐欺罪移送。", "criminal_risk", "affirms"),
        ("遇到催收半夜騷擾，可以向主管機關檢舉。", "complaints_rights", "affirms"),
    ],
)
def test_taiwan_and_hong_kong_words(sentence: str, topic: str, stance: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == stance


def test_a_line_sign_up_box_is_a_call_to_action() -> None:
    assert topics_of("加入LINE好友，免費幫你評估協商方案！") == set()


# -- the same words in other matters -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "宽带合约还没到期就解约，要交一笔违约金。",
        "房东遇到租客一直拖欠房租，也能委托催收公司出面追讨。",
        "下周二业务员要外访两家老客户，别忘了带样品。",
        "法院本月集中办结了一批欠农民工工资的执行案件。",
        "我们公司成立于2012年，注册资本一千万元，主营贷后提醒业务。",
        "买二手房的中介费由谁来付，买卖双方可以商量。",
        "这块地规划限高一百米，开发商不能突破。",
        "物业通知说，拖欠物业费的业主，管家会上门催缴。",
        "公司年底清账，把几笔收不上来的货款记成了坏账。",
        "自称网购平台客服的人说要给你办退款，这是常见的电信诈骗。",
        "小编总结：逾期了也别怕，主动去沟通才是上岸的正道。",
    ],
)
def test_other_matters_sharing_a_word_are_no_claims(sentence: str) -> None:
    assert topics_of(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("信用卡逾期以后，银行会按月收取违约金。", "penalty_fees"),
        ("银行一般会把逾期很久的账户委托给催收公司。", "third_party_agency"),
        ("逾期三个月以后，或许会有外访人员来家里。", "home_visit"),
        ("判决生效后还不还钱，法院可以强制执行。", "legal_action"),
        ("进了失信名单的人，会被法院限高。", "legal_action"),
        ("坏账核销是银行内部的一种财务处理。", "bad_debt_transfer"),
        ("有个自称平台客服的人要我把欠款打进他的个人账户。", "fake_collection"),
    ],
)
def test_the_debt_senses_keep_their_topics(sentence: str, topic: str) -> None:
    # near misses
    assert topic in topics_of(sentence)


# -- collectors' words and more cues -------------------------------------------------------------


def test_a_collectors_script_shown_as_an_example_is_the_call() -> None:
    a = analyse("常用话术示例：“您好，这里是某某金融，您的账单已经逾期，请今天处理。”")
    assert a.topics == ("debtor_contact",)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("进入M2以后，电催的语气会明显变硬。", "debtor_contact"),
        ("号码全部停机的客户，会转到失联修复组去找新号码。", "debtor_contact"),
        ("有的催收员会跑到欠款人家门口贴告示。", "home_visit"),
        ("这家信用管理公司接的都是银行的逾期单子。", "third_party_agency"),
        ("法院扣薪一般不会超过薪水的三分之一。", "legal_action"),
    ],
)
def test_collectors_words_and_more_cues(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


def test_people_with_nothing_to_do_with_the_debt_are_contacts() -> None:
    a = analyse("催收不准去找与欠款毫无关系的人。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"
    assert a.modality == "normative"


def test_should_not_in_a_rule_is_normative() -> None:
    assert analyse("对同一个号码，一天里拨打不宜超过五次。").modality == "normative"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("跟债务无关的人，催收一概不能找。", "contacts_family"),
        ("电话里口头答应的延期还款不算数。", "negotiation"),
        ("法院受理以后，催收电话一般都会停下来。", "debtor_contact"),
        ("真正被起诉的案子，一整年算下来也就百分之几。", "legal_action"),
    ],
)
def test_more_after_cue_denials_and_rarity(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_feigned_out_of_reach_is_no_condition() -> None:
    a = analyse("有些反催收群收了钱以后，就教人装失联、换手机号。")
    assert "debt_help_scam" in a.topics
    assert a.stance == "affirms"


def test_counted_musts_are_advice() -> None:
    assert analyse("遇到暴力催收，一要录音，二要向12378投诉。").modality == "advice"


def test_a_prison_term_and_the_same_day_are_no_thresholds() -> None:
    assert days_of("恶意透支数额巨大的，最高可判十年。") is None
    assert days_of("同一天里催收打了二十多个电话。") is None


def test_an_event_not_yet_reached_is_no_claim() -> None:
    topics = topics_of("还没等我跟平台谈分期，催收电话就打到了公司。")
    assert "negotiation" not in topics


# -- a self-styled legal team selling relief is the seller --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有个自称法务团队的人说，交两千服务费就能帮你停息挂账。",
        "对方自称是某律师事务所的，说先交一笔定金就能帮你减免一半罚息。",
    ],
)
def test_a_self_styled_legal_team_selling_relief_is_a_debt_help_scam(sentence: str) -> None:
    assert topics_of(sentence) == {"debt_help_scam"}


def test_a_self_styled_legal_department_threatening_is_an_impostor() -> None:
    # near miss: no relief sold
    assert "fake_collection" in topics_of("有个自称平台法务部的人打电话说要起诉我。")


# -- denials denied, rumours, rules forbidding, not worth their while ----------------------------


def test_a_denial_denied_is_no_denial() -> None:
    a = analyse("被起诉并非不会发生，欠得多的确实有。")
    assert "legal_action" in a.topics
    assert a.stance != "denies"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("说逾期就会坐牢，这纯属以讹传讹。", "criminal_risk"),
        ("把欠款的事告诉借款人的同事，是行业规范明令禁止的。", "contacts_family"),
        ("为了两千块钱，平台犯得着去法院起诉你吗？", "legal_action"),
        ("平台犯不着为几千块钱去起诉你。", "legal_action"),
        ("超过法定上限的违约金，法院原则上不予支持。", "penalty_fees"),
    ],
)
def test_more_ways_to_deny(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_court_not_upholding_a_fee_in_principle_is_no_lawsuit() -> None:
    assert "legal_action" not in topics_of("超过法定上限的违约金，法院原则上不予支持。")


def test_a_lease_penalty_cut_by_a_court_is_no_claim() -> None:
    assert topics_of("租赁合同里的违约金定得过高，承租人能请求法院适当减少。") == set()


def test_no_duty_to_agree_does_not_deny_the_agreement() -> None:
    a = analyse("平台并没有义务一定要同意你的延期申请。")
    assert a.topics == ("negotiation",)
    assert a.stance == "affirms"


def test_whether_answered_by_what_it_depends_on_after_a_plain_talk_opener() -> None:
    a = analyse("会不会找你家里人，说白了要看你自己还联系得上联系不上。")
    assert "contacts_family" in a.topics
    assert a.stance == "conditional"


def test_asking_a_contact_where_the_borrower_is_reaches_them() -> None:
    assert "contacts_family" in topics_of("平台可能会通过紧急联系人打听你的下落。")


def test_a_price_in_percent_is_no_rarity() -> None:
    # 百分之几 as the price of a debt sold, not how often it happens
    a = analyse("有的机构会把逾期半年以上的欠款按票面价格的百分之几打包卖给别人。")
    assert "bad_debt_transfer" in a.topics
    assert a.stance != "denies"


def test_an_adviser_wechat_box_is_a_call_to_action() -> None:
    assert topics_of("想做一对一的负债规划，可以添加顾问微信。") == set()


def test_a_caller_posing_as_the_banks_legal_department_is_an_impostor() -> None:
    a = analyse("有个自称是某银行卡中心法务的人要我把欠款打到他私人账户上。")
    assert "fake_collection" in a.topics


def test_a_service_asking_money_into_its_private_account_is_its_own_scam() -> None:
    # near miss: a debt-help seller's account, no impostor collector
    assert "fake_collection" not in topics_of("这类代办中介会让你把服务费转到他们的个人账户上。")


# -- transcripts, fears called needless, schools and parents -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收：你这个月再不还，我们就按流程往下走了。",
        "智能语音：您的账单已经逾期，请尽快还款，以免影响信用。",
        "对方：你今天必须给个准话，到底什么时候还。",
    ],
)
def test_a_transcripts_collector_line_is_the_call(sentence: str) -> None:
    assert topics_of(sentence) == {"debtor_contact"}


def test_a_lawyers_answer_label_is_no_transcript() -> None:
    # near miss: the label names no collection call's speaker
    assert "legal_action" in topics_of("律师：逾期太久不还，是可能被起诉的。")


def test_a_recording_as_a_transcripts_source_is_no_complaint() -> None:
    assert topics_of("下面这段对话是根据一段催收录音整理的。") == set()
    # near miss: a recording kept as evidence
    assert "complaints_rights" in topics_of("遇到辱骂一定要录音，再去投诉。")


def test_a_fear_called_needless_is_denied() -> None:
    a = analyse("有人担心一旦逾期就会被爆通讯录，其实这种担心是多余的。")
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


def test_outside_the_range_a_rule_allows_is_denied() -> None:
    a = analyse("按规定，借款人的同事不在催收可以联系的范围内。")
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


def test_jiu_suan_with_no_also_after_it_is_counts_as() -> None:
    a = analyse("长期不还就算诈骗，这种说法纯粹是在吓唬人。")
    assert "criminal_risk" in a.topics
    assert a.stance == "denies"
    # near miss: 就算…也 stays a concession
    b = analyse("就算逾期了也不会马上被起诉。")
    assert "legal_action" in b.topics
    assert b.stance == "denies"


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("经办银行通常不会撇开学生直接找家长要钱。", "denies"),
        ("分期平台逾期以后是否会打电话到学校？", "question"),
    ],
)
def test_schools_and_parents_of_students_are_contacts(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == stance


def test_a_parent_who_borrowed_is_no_contact() -> None:
    # near miss: 家长 as the borrower
    assert "contacts_family" not in topics_of("家长欠了网贷没还，会不会影响孩子考公务员？")


def test_a_visit_to_the_workplace_is_a_visit() -> None:
    assert "home_visit" in topics_of("欠得多又联系不上的，催收可能会到你上班的单位找人。")


def test_any_emergency_contact_at_all_is_no_condition() -> None:
    assert analyse("只要是你登记过的紧急联系人，催收员差不多都会打一遍。").stance == "affirms"


def test_buying_on_instalments_is_no_negotiation() -> None:
    assert topics_of("开学前很多学生用分期的方式买电脑。") == set()


def test_a_contracts_terms_are_no_message() -> None:
    a = analyse("合同上写的是日息千分之一，但高出法律保护上限的部分可以不还。")
    assert a.topics == ("penalty_fees",)
    assert a.stance == "denies"


def test_a_self_styled_debt_mediation_centre_is_a_seller() -> None:
    assert "debt_help_scam" in topics_of("有个自称债务调解中心的人说，交钱就能让平台停催。")


def test_what_a_rule_allows_only_in_a_case_is_normative() -> None:
    a = analyse("唯有欠款人彻底失联时，催收才被允许联系其家人。")
    assert a.modality == "normative"
    assert a.stance == "conditional"


def test_a_collector_who_should_not_is_normative() -> None:
    assert analyse("催收人员不该在半夜给借款人打电话。").modality == "normative"


def test_asking_the_caller_to_name_himself_first_is_advice() -> None:
    assert analyse("家人接到这种电话时，先让对方说出公司名称和工号。").modality == "advice"


def test_phone_collection_as_someones_job_is_no_call() -> None:
    topics = topics_of("一位做过五年电催的网友说，起诉的案子其实很少。")
    assert "debtor_contact" not in topics
    # near miss: phone collection as the act
    assert "debtor_contact" in topics_of("到了M2以后，电催会一天打好几次。")


# -- typical farm lines (fourth wave) ------------------------------------------------------------


def test_the_lender_putting_the_call_through_to_the_family_is_a_contact() -> None:
    a = analyse("通常平台并不会主动把催收电话打给欠款人的家里人。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"


def test_the_target_of_collection_is_no_partner() -> None:
    topics = topics_of("逾期头几天主要发短信提醒，对象只是借款人本人。")
    assert "contacts_family" not in topics
    assert "debtor_contact" in topics


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期才一个星期，七大姑八大姨全都收到了催款短信。",
        "有的催收员会打借款人公司的电话，说要核实在职情况。",
        "银行把催收函直接寄去了他上班的地方。",
    ],
)
def test_relatives_and_the_workplace_reached_are_contacts(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


def test_whoever_with_the_next_clauses_subject_and_adverbs_first() -> None:
    assert analyse("只要通讯录里存过号码的，催收可能挨个都打一遍。").stance == "affirms"


def test_a_day_as_the_unit_of_a_rate_is_no_threshold() -> None:
    a = analyse("罚息按日万分之五算，欠一万块一天会多出五块钱。")
    assert a.topics == ("penalty_fees",)
    assert a.threshold is None


def test_a_product_never_to_be_opened_again_is_account_impact() -> None:
    assert "account_impact" in topics_of("逾期太久的话，花呗可能再也开不了。")


def test_a_saying_called_out_of_date_is_rejected() -> None:
    a = analyse("有的老文章说网贷逾期不上征信，这个说法早就过时了。")
    assert "credit_report" in a.topics
    assert a.stance == "affirms"


def test_sued_in_plain_words_is_legal_action() -> None:
    a = analyse("欠了信用卡三万，银行是不是会直接把我告了？")
    assert a.topics == ("legal_action",)
    assert a.stance == "question"


def test_a_visit_to_the_office_to_corner_the_borrower_is_a_visit() -> None:
    a = analyse("网上说逾期了就会有人跑到公司堵你，这种说法不真实。")
    assert "home_visit" in a.topics
    assert a.stance == "denies"


def test_asked_whether_a_product_can_be_opened_again_is_account_impact() -> None:
    a = analyse("借呗还清以后，跟着被关的花呗还能再开吗？")
    assert a.topics == ("account_impact",)
    assert a.stance == "question"


def test_checking_whether_is_no_question() -> None:
    a = analyse("债权转让以后，建议查一份信用报告，核对债权人信息有没有更新。")
    assert a.stance != "question"


def test_a_fear_corrected_by_a_denial_is_denied() -> None:
    a = analyse("很多人担心一旦逾期就会被爆通讯录，可实际上催收跟你的通讯录没有什么关系。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"


def test_the_borrower_himself_reminded_is_a_call() -> None:
    assert "debtor_contact" in topics_of("刚逾期那几天，客服会客气地提醒本人尽快还款。")


def test_a_revolving_limit_back_after_repayment_is_no_claim() -> None:
    assert topics_of("这个产品的额度属于循环额度，每次按时还清后额度很快就恢复。") == set()
    # near miss: a frozen limit restored
    assert "account_impact" in topics_of("还清欠款以后，被冻结的额度会恢复。")


def test_the_messages_usual_words_listed_are_the_act_of_quoting() -> None:
    a = analyse("逾期后天天都能收到短信，内容无非是要起诉你、要上门、要冻结账户这些。")
    assert a.topics == ("debtor_contact",)


@pytest.mark.parametrize(
    "sentence",
    [
        "小编导语：网贷逾期以后到底会不会被起诉？借款人普遍很关心，下面一起来看看…",
        "小编导语：不少人网贷逾期后最怕被上门，那么到底多久会上门呢…",
    ],
)
def test_an_editors_lead_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_summary_label_that_states_its_answer_is_a_claim() -> None:
    # near miss: 导读 states the answer
    a = analyse("导读：欠了网贷一般不会有人上门催收。")
    assert a.topics == ("home_visit",)
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "通过短信发来的所谓“法院传票”，一般都是假的。",
        "冒充平台法务部门、打电话吓唬借款人的骗子可不少。",
    ],
)
def test_a_paper_called_fake_is_the_impostors_act(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert a.stance == "affirms"


# -- after the sixth wave: Hong Kong words, fees of paid agents, stalking ------------------------


def test_a_hong_kong_credit_report_is_the_credit_report() -> None:
    a = analyse("就算清咗數，拖欠紀錄都會喺信貸報告度留好幾年。")
    assert "credit_report" in a.topics


def test_a_hong_kong_write_off_is_a_debt_written_off() -> None:
    assert "bad_debt_transfer" in topics_of("卡數拖咗半年，銀行會將筆數撇賬。")


def test_a_consultants_fee_for_relief_is_a_debt_help_scam() -> None:
    assert "debt_help_scam" in topics_of("這類公司先收幾千塊顧問費，說能幫你談成分期。")


def test_calls_to_a_former_partner_are_no_collection() -> None:
    assert topics_of("他和女友分手以后，还天天打电话骚扰前女友。") == set()
    # near miss: a collector's calls
    assert "debtor_contact" in topics_of("催收员天天打电话骚扰借款人。")
