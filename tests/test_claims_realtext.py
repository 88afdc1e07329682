"""Issue 14: claims that hold on real farm text (DOMAIN.md "Real pages: meaning over surface").

Every sentence here was written for this file (none is copied from a page); the
expected labels follow DOMAIN.md's conventions, one class of the issue per test.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse, tag_document, tag_sentence
from pipeline.records import Claim


def tag(text: str) -> Claim:
    """The (first) claim of one sentence."""
    return tag_sentence("t", 0, "", text)


# ------------------------------------------------ 1. missing cues, paraphrases, slang, misspellings


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("欠款拖着不还，迟早会被拉进黑名单。", "credit_report"),
        ("逾期记录一旦留下，就成了信用污点。", "credit_report"),
        ("征信花了以后很难再办房贷。", "credit_report"),
        ("所谓的化债团队收了钱就不见人影。", "debt_help_scam"),
        ("一些上岸机构专门收割负债人群。", "debt_help_scam"),
        ("银行同意给我三个月的停催期。", "negotiation"),
        ("平台答应暂停催收一段时间。", "negotiation"),
        ("催收昨天直接打给我妈了。", "contacts_family"),
        ("他们连我爸的手机都打过了。", "contacts_family"),
        ("催收一天打了我十几个电话。", "debtor_contact"),
        ("逾期以后通迅录里的人都接到了骚扰。", "contacts_family"),
        ("欠钱不还并不会座牢。", "criminal_risk"),
        ("借呗逾期太久，支付宝可能把人告上法庭。", "legal_action"),
        ("账户被风控之后，借款入口就没了。", "account_impact"),
        ("对于长期逾期的账户，银行会委托外部机构处理。", "third_party_agency"),
    ],
)
def test_paraphrases_and_slang_find_their_topic(text: str, topic: str) -> None:
    assert topic in tag(text).topics


def test_a_customer_service_call_is_not_a_collection_call() -> None:
    assert tag("有疑问可以拨打银行的客服电话咨询。").topics == ()
    assert tag("遇到问题先打官方客服问清楚。").topics == ()
    assert "debtor_contact" in tag("催收打了我好几次电话。").topics


# --------------------------------------------------------------- 2. a cue in another sense


@pytest.mark.parametrize(
    ("text", "want", "not_want"),
    [
        ("某法务公司说能帮人协商减免利息。", "debt_help_scam", "negotiation"),
        ("那些法务公司根本不能代理诉讼。", "debt_help_scam", "legal_action"),
        ("信用卡诈骗罪可以并处罚金。", "criminal_risk", "penalty_fees"),
        ("暴力催收的催收员会被公安机关拘留。", "complaints_rights", "criminal_risk"),
        ("催收员泄露借款人信息被判刑了。", "complaints_rights", "criminal_risk"),
        ("律师函上写着十天宽限期，逾期不处理将起诉。", "legal_action", "overdue_grace"),
    ],
)
def test_a_cue_read_in_its_context(text: str, want: str, not_want: str) -> None:
    topics = tag(text).topics
    assert want in topics and not_want not in topics


def test_a_due_date_in_a_product_description_is_no_claim() -> None:
    assert tag("借呗的还款日固定为每月的借款日。").topics == ()
    assert tag("还款日可以在设置里修改。").topics == ()
    assert "overdue_grace" in tag("过了还款日还没还就算逾期。").topics


# ----------------------------------------------------------------------------- 3. thresholds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("逾期超3个月，银行就会起诉。", (90, None, "overdue")),
        ("逾期没有超过30天，一般不会上征信。", (None, 30, "overdue")),
        ("不良记录至少五年才会消除。", (1825, None, "retention")),
        ("逾期7天、15天或30天，各家平台上报的时间不同。", (7, 30, "overdue")),
        ("逾期次日就会开始计算罚息。", (1, 1, "overdue")),
        ("逾期第二天就有人打电话来了。", (1, 1, "overdue")),
        ("逾期当天就会收到提醒短信。", (0, 0, "overdue")),
        ("逾期一两个星期，催收就会联系家人。", (7, 14, "overdue")),
        ("逾期最快3天就会被上报征信。", (3, None, "overdue")),
        ("逾期一到两个月，银行会安排外访。", (30, 60, "overdue")),
        ("逾期超过一定期限（如三个月），银行会提起诉讼。", (90, None, "overdue")),
        ("平台同意暂停催收6个月。", (180, 180, "installment")),
        ("我申请到了三个月的停催期。", (90, 90, "installment")),
        ("个性化分期的期限最长为5年。", (None, 1825, "installment")),
    ],
)
def test_thresholds_on_real_pages(text: str, expected: tuple[object, object, object]) -> None:
    c = tag(text)
    assert (c.min_days, c.max_days, c.anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "恶意透支信用卡数额较大的，处五年以下有期徒刑。",
        "银行会查看近半年的征信查询记录。",
        "房贷审批主要看最近两年的征信。",
        "律师函一般会给出十五天的宽限期。",
    ],
)
def test_durations_that_are_no_overdue_threshold(text: str) -> None:
    c = tag(text)
    assert (c.min_days, c.max_days, c.anchor) == (None, None, None)


def test_a_table_row_of_the_collection_stages() -> None:
    c = tag("M2阶段：逾期31-60天，开始委外催收")
    assert (c.min_days, c.max_days, c.anchor) == (31, 60, "overdue")
    assert "third_party_agency" in c.topics


# ---------------------------------------------------------------------------- 4. scam framing


@pytest.mark.parametrize(
    "text",
    [
        "有些债务优化公司声称可以帮你停息挂账。",
        "骗子往往以协商还款为名收取前期费用。",
        "代理机构承诺全额减免罚息，前提是先交服务费。",
        "网上那些号称能洗白征信的中介都不可信。",
    ],
)
def test_an_offer_by_a_paid_service_is_debt_help_scam(text: str) -> None:
    topics = tag(text).topics
    assert "debt_help_scam" in topics
    assert "negotiation" not in topics and "credit_report" not in topics


def test_a_fake_lawyers_letter_is_fake_collection() -> None:
    for text in ("有人冒充律师事务所寄来假律师函。", "骗子伪造法院传票要求转账。",
                 "对方谎称你已被起诉，要求把钱转到个人账户。"):  # fmt: skip
        assert "fake_collection" in tag(text).topics


# -------------------------------------------------------------------------------- 5. modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("保留好每一次通话录音。", "advice"),
        ("立即联系平台说明情况，申请协商还款。", "advice"),
        ("警惕自称能消除逾期记录的人。", "advice"),
        ("遇到冒充法院的催收，请先拨打官方客服核实。", "advice"),
        ("催收人员应表明自己的身份。", "normative"),
        ("借款人拥有拒绝违规催收的权利。", "normative"),
        ("持卡人享有投诉的权利。", "normative"),
        ("银行可以把逾期信息报送征信系统。", "descriptive"),
        ("平台可以委托第三方催收。", "descriptive"),
        ("冒充客服的人会说“千万不要告诉家人”。", "descriptive"),
    ],
)
def test_modality_on_real_pages(text: str, modality: str) -> None:
    assert tag(text).modality == modality


def test_a_retention_clause_is_not_an_instruction() -> None:
    c = tag("账户核销后，征信上会显示呆账，保留5年。")
    assert c.modality == "descriptive"


# ---------------------------------------------------------------------- 6. negation elsewhere


@pytest.mark.parametrize(
    ("text", "stance", "hedge"),
    [
        ("不排除平台上门核实情况的可能。", "affirms", "possibility"),
        ("逾期不代表一定会被起诉。", "affirms", "possibility"),
        ("收到律师函并不意味着已经被起诉。", "affirms", "possibility"),
        ("额度被冻结后，平台暂不支持解除冻结。", "affirms", "none"),
        ("法律并没有明确规定逾期多久会被起诉。", "affirms", "none"),
        ("平台现在没有起诉你，不代表以后不会起诉。", "affirms", "possibility"),
        ("即使没有被起诉，逾期记录也会上征信。", "affirms", "none"),
        ("很多人以为网贷不会爆通讯录，其实这是个误区。", "affirms", "none"),
        ("不少人认为逾期会坐牢，其实这是误解。", "denies", "none"),
    ],
)
def test_negation_aimed_elsewhere(text: str, stance: str, hedge: str) -> None:
    c = tag(text)
    assert (c.stance, c.hedge) == (stance, hedge)


def test_the_premise_and_the_concession_give_no_topic() -> None:
    assert tag("即使没有被起诉，逾期记录也会上征信。").topics == ("credit_report",)
    assert tag("就算额度被冻结，罚息也照样计算。").topics == ("penalty_fees",)
    assert tag("平台没有起诉，不代表不会上报征信。").topics == ("credit_report",)


def test_no_grace_period_inside_if_is_a_condition() -> None:
    assert tag("如果平台没有宽限期的话。").stance == "conditional"
    assert tag("如果没有宽限期，逾期一天也会上征信。").topics == ("credit_report",)
    assert tag("假如银行不给宽限期。").stance == "conditional"


# --------------------------------------------------- 7. Traditional, pinyin glosses, variants


@pytest.mark.parametrize(
    ("text", "topics", "stance", "hedge"),
    [
        ("壹般妳逾期後不會被起訴。", ("legal_action",), "denies", "frequency"),
        ("網貸逾期會被上門催收嗎？", ("home_visit",), "question", "none"),
        ("逾期會上報徵信系統(xì tǒng)。", ("credit_report",), "affirms", "none"),
        ("逾期３個月後，銀行會委託第三方催收。", ("third_party_agency",), "conditional", "none"),
    ],
)
def test_normalized_text_is_matched(
    text: str, topics: tuple[str, ...], stance: str, hedge: str
) -> None:
    c = tag(text)
    assert (c.topics, c.stance, c.hedge) == (topics, stance, hedge)


def test_full_width_digits_give_the_threshold() -> None:
    c = tag("逾期９０天以上會被起訴。")
    assert (c.min_days, c.max_days) == (90, None)


# ------------------------------------------------------------- 8. denial or rarity after the cue


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("花呗逾期与通讯录无关。", "none"),
        ("说逾期必然会上门的说法纯属谣言。", "none"),
        ("网贷平台上门催收并不常见。", "frequency"),
        ("信用卡逾期被判刑的情况较为罕见。", "frequency"),
        ("真正走到起诉这一步的不到一成。", "frequency"),
        ("被抓去坐牢的，少之又少。", "frequency"),
        ("外访这种方式现在很少采用。", "frequency"),
    ],
)
def test_denial_or_rarity_after_the_cue(text: str, hedge: str) -> None:
    c = tag(text)
    assert (c.stance, c.hedge) == ("denies", hedge)


def test_a_negator_before_another_cue_still_denies_that_cue() -> None:
    c = tag("催收公司很少上门。")
    assert "home_visit" in c.topics and c.stance == "denies"
    assert tag("爆通讯录并不是谣言。").stance == "affirms"
    assert tag("正规平台基本没有上门这一说。").stance == "denies"


# ------------------------------------------------------------------------- 9. reported speech


@pytest.mark.parametrize(
    ("text", "topic", "absent"),
    [
        ("催收短信的内容大致是：起诉、上门、冻结账户。", "debtor_contact", "legal_action"),
        ("骗子谎称借款人涉嫌诈骗，要被拘留。", "fake_collection", "criminal_risk"),
        ("催收员在电话里恐吓说，不还钱就上门找你家人。", "debtor_contact", "home_visit"),
        ("短信里提到“三日内不处理将通知紧急联系人”。", "debtor_contact", "contacts_family"),
        ("这些广告宣称可以帮你停息挂账、减免罚息。", "debt_help_scam", "penalty_fees"),
    ],
)
def test_reported_words_are_not_the_authors_claim(text: str, topic: str, absent: str) -> None:
    c = tag(text)
    assert topic in c.topics and absent not in c.topics
    assert c.stance == "affirms"


def test_reported_speech_offsets_point_into_the_original() -> None:
    text = "騙子謊稱「您已被起訴」，要求轉賬。"
    a = analyse(text)
    (start, end, lead), = a.reported
    assert lead == "谎称"
    assert text[start:end] == "「您已被起訴」"


def test_reported_speech_offsets_skip_pinyin_glosses_and_full_width() -> None:
    text = "統(tǒng)計顯示，催收扬言：３天內上門。"
    (start, end, _), = analyse(text).reported
    assert text[start:end] == "３天內上門"
    text2 = "短信內容大致是：起訴、凍結賬戶"
    (s2, e2, _), = analyse(text2).reported
    assert text2[s2:e2] == "起訴、凍結賬戶"


def test_a_quote_in_a_quote_free_sentence_is_no_reported_speech() -> None:
    assert analyse("所谓“上门催收”其实很少见。").reported == ()


# -------------------------------------------------------------------- 10. hedges and conditions


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("催收电话常在下班时间打来。", "frequency"),
        ("外访多在逾期三个月以后。", "frequency"),
        ("起诉的多是金额较大的欠款。", "frequency"),
        ("银行极少真的起诉小额欠款。", "frequency"),
        ("即使一般不会上门，罚息也照常计算。", "none"),
        ("正常情况下不会上门。", "frequency"),
    ],
)
def test_hedges(text: str, hedge: str) -> None:
    assert tag(text).hedge == hedge


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("在借款人失去联系的情况下，平台会联系紧急联系人。", "conditional"),
        ("特殊情况下银行也会上门。", "conditional"),
        ("只有逾期金额较大，银行才会起诉。", "conditional"),
        ("必须经过法院判决，才能强制执行。", "conditional"),
        ("只要是通讯录里有号码的都会打。", "affirms"),
        ("只要有号码的人都会接到催收电话。", "affirms"),
        ("在正常情况下，平台不会爆通讯录。", "denies"),
    ],
)
def test_conditions(text: str, stance: str) -> None:
    assert tag(text).stance == stance


# --------------------------------------------------------------------- 11. a sentence cut at ；


def test_the_threshold_of_one_half_goes_to_the_topic_of_the_other() -> None:
    claims = tag_document("d", "对于逾期超过60天的账户；银行会委托外部机构进行催收。")
    assert len(claims) == 1
    c = claims[0]
    assert c.topics == ("third_party_agency",)
    assert (c.min_days, c.max_days, c.anchor, c.stance) == (60, None, "overdue", "conditional")


def test_the_topic_half_first_then_the_threshold_half() -> None:
    claims = tag_document("d", "银行会把账户交给催收公司；一般在逾期90天以后。")
    assert [(c.topics, c.min_days) for c in claims] == [(("third_party_agency",), 90)]


def test_two_halves_with_their_own_topics_keep_their_own() -> None:
    claims = tag_document("d", "逾期3天会上征信；逾期90天会被起诉。")
    assert [(c.topics, c.min_days) for c in claims] == [
        (("credit_report",), 3), (("legal_action",), 90)]


# --------------------------------------------------------------- 12. concession: two claims


def test_an_asserted_concession_that_is_contradicted_gives_two_claims() -> None:
    claims = tag_document("d", "虽然正规平台一般不会上门，但个别平台可能会派人上门。")
    assert [(c.topics, c.stance, c.hedge, c.part) for c in claims] == [
        (("home_visit",), "denies", "frequency", 0),
        (("home_visit",), "affirms", "possibility", 1),
    ]
    assert all(c.self_contradicting for c in claims)
    assert [c.claim_id for c in claims] == ["d:0", "d:0.1"]


@pytest.mark.parametrize(
    "text",
    [
        "虽然花呗一般不会爆通讯录，但也有可能会联系你的家人。",
        "尽管银行通常不会起诉，但欠款金额大的话可能会起诉。",
    ],
)
def test_more_self_contradicting_sentences(text: str) -> None:
    claims = tag_document("d", text)
    assert len(claims) == 2 and all(c.self_contradicting for c in claims)
    assert claims[0].stance == "denies" and claims[1].stance != "denies"


@pytest.mark.parametrize(
    "text",
    [
        "虽然逾期不会坐牢，但征信肯定会受影响。",  # another topic: the concession is no claim
        "尽管平台有你的通讯录，正规机构也不会随便打给你的朋友。",  # concession affirms
        "即使一般不会上门，也可能会打电话到单位。",  # 即使 is hypothetical
    ],
)
def test_other_concessions_give_one_claim(text: str) -> None:
    claims = tag_document("d", text)
    assert len(claims) == 1 and not claims[0].self_contradicting


# ----------------------------------------------------------------- 13. boilerplate lines


@pytest.mark.parametrize(
    "text",
    [
        "首页 > 网贷知识 > 逾期会被起诉吗",
        "作者：法务小李 发布时间：2025-03-02",
        "相关阅读：信用卡逾期多久会上门？",
        "停息挂账、债务优化，请添加微信一对一咨询",
        "本文内容由网友投稿，如有侵权请联系删除。",
    ],
)
def test_boilerplate_lines_carry_no_claim(text: str) -> None:
    a = analyse(text)
    assert a.topics == () and a.boilerplate is not None


def test_boilerplate_lines_keep_their_products() -> None:
    assert analyse("首页 > 花呗 > 花呗逾期会被起诉吗").products == ("花呗",)


def test_a_template_line_is_boilerplate_in_all_its_sentences() -> None:
    doc = "相关推荐：网贷逾期会上门吗？信用卡逾期会坐牢吗？\n逾期会上征信。"
    assert [c.text for c in tag_document("d", doc)] == ["逾期会上征信。"]
    cta = "停息挂账请加微信咨询。正规平台不会上门。"
    assert [c.topics for c in tag_document("d", cta)] == [("home_visit",)]


# ------------------------------------------------------------- more of the same classes


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("说逾期就上门，只是吓唬人的。", "denies"),
        ("所谓的“上门核实”，大多只是话术。", "denies"),
        ("爆通讯录的威胁多半是虚张声势。", "denies"),
    ],
)
def test_bluff_predicates_deny_what_they_follow(text: str, stance: str) -> None:
    assert tag(text).stance == stance


def test_table_rows_of_overdue_stages() -> None:
    doc = "| 逾期天数 | 处理方式 |\n| 1-30天 | 短信提醒 |\n| 91天以上 | 提起诉讼 |"
    rows = [(c.topics, c.min_days, c.max_days, c.anchor) for c in tag_document("d", doc)]
    assert rows == [(("debtor_contact",), 1, 30, "overdue"),
                    (("legal_action",), 91, None, "overdue")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("逾期超过五个自然日就会上报征信。", (5, None, "overdue")),
        ("逾期60天+会转交法务部门起诉。", (60, None, "overdue")),
        ("部分平台逾期7天就联系紧急联系人。", (7, 7, "overdue")),
    ],
)
def test_more_threshold_wordings(text: str, expected: tuple[object, object, object]) -> None:
    c = tag(text)
    assert (c.min_days, c.max_days, c.anchor) == expected


@pytest.mark.parametrize(
    ("text", "modality", "stance"),
    [
        ("你应该尽早和银行协商分期。", "advice", "affirms"),
        ("经法院判决后，银行可以申请强制执行。", "descriptive", "conditional"),
        ("借款人应该主动联系平台协商还款。", "advice", "affirms"),
    ],
)
def test_more_modality_and_conditions(text: str, modality: str, stance: str) -> None:
    c = tag(text)
    assert (c.modality, c.stance) == (modality, stance)


def test_explain_clauses_names_each_clause_role() -> None:
    from pipeline.claims import explain_clauses

    split = explain_clauses("虽然花呗一般不会上门，但如果长期失联，可能会派人上门。")
    assert [c["role"] for c in split] == ["concession", "condition", "main"]
    assert "home_visit denied by 不会" in split[0]["labels"]
    assert split[2]["labels"] == "home_visit (派人); home_visit (上门)"
    reported = explain_clauses("催收短信的内容大致是：起诉、上门、冻结账户。")
    assert [c["role"] for c in reported] == ["main", "reported"]


def test_paid_off_debt_retention() -> None:
    c = tag("还清欠款满5年后，不良记录会自动消除。")
    assert (c.min_days, c.max_days, c.anchor) == (1825, None, "retention")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("花呗预期三天就会上征信。", (3, 3, "overdue")),
        ("信用卡预期超过90天会被起诉。", (90, None, "overdue")),
        ("平台的收益超出预期，逾期率却在上升。", (None, None, None)),
    ],
)
def test_the_misspelling_yuqi_is_read_in_context(
    text: str, expected: tuple[object, object, object]
) -> None:
    c = tag(text)
    assert (c.min_days, c.max_days, c.anchor) == expected


def test_a_belief_rejected_by_the_next_sentence_is_reversed() -> None:
    doc = "很多人以为网贷逾期会坐牢。其实这是一个误区。"
    (c,) = tag_document("d", doc)
    assert (c.topics, c.stance) == (("criminal_risk",), "denies")
    doc2 = "不少人认为网贷不会爆通讯录。这种想法是错误的。"
    assert [x.stance for x in tag_document("d", doc2)] == ["affirms"]
    doc3 = "很多人以为逾期会上门。其实上门的情况很少。"  # the next sentence is its own claim
    assert [x.stance for x in tag_document("d", doc3)] == ["affirms", "denies"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("至于会不会上门，要看平台的规定。", "affirms"),
        ("逾期多久会上征信，各家平台的规定并不相同。", "affirms"),
        ("逾期了怎么办，会不会被起诉？", "question"),
        ("银行会查看你的征信上有没有逾期记录。", "affirms"),
    ],
)
def test_a_question_clause_the_sentence_answers_is_no_question(text: str, stance: str) -> None:
    assert tag(text).stance == stance


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("催收电话一般很多，但不会上门。", "none"),  # 一般 hedges the calls, not the denial
        ("一般来说，平台不会上门。", "frequency"),  # a clause with no cue hedges the claim
        ("正规平台一般不会上门，也不会起诉。", "frequency"),
    ],
)
def test_a_denials_hedge_comes_from_its_own_clause(text: str, hedge: str) -> None:
    c = tag(text)
    assert (c.stance, c.hedge) == ("denies", hedge)


@pytest.mark.parametrize(
    ("text", "topic", "modality"),
    [
        ("催收机构有义务保护借款人隐私，不得泄露给第三方。", "contacts_family", "normative"),
        ("催收人员上门时须出示工作证件。", "home_visit", "normative"),
        ("信用卡中心只能向持卡人本人催收。", "debtor_contact", "descriptive"),
    ],
)
def test_duties_and_the_borrower_himself(text: str, topic: str, modality: str) -> None:
    c = tag(text)
    assert topic in c.topics and c.modality == modality


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("逾期后会产生高额利息。", "penalty_fees"),
        ("欠网贷不还不会蹲大牢。", "criminal_risk"),
        ("花呗逾期后被关了。", "account_impact"),
        ("催收员会去你家门口堵人。", "home_visit"),
        ("有的催收会派人到老家打听情况。", "home_visit"),
    ],
)
def test_more_colloquial_names(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(
    ("text", "topics", "stance"),
    [
        # a bluff denies the threatened event, not the message that carries it
        ("催收短信大多是吓唬人的，不用太紧张。", ("debtor_contact",), "affirms"),
        ("催收说要上门，其实只是吓唬人的话。", ("debtor_contact",), "affirms"),
        ("说要派人上门，多半是虚张声势。", ("home_visit",), "denies"),
        # a first clause ending in 的 describes the case when the rest has its own topic
        ("催收人员上门闹事的，可以直接报警。", ("complaints_rights",), "affirms"),
        ("被抓去坐牢的，少之又少。", ("criminal_risk",), "denies"),
        # the words of a collection message kept as evidence are no contact claim
        ("记得截图保存催收短信，作为投诉的证据。", ("complaints_rights",), "affirms"),
    ],
)
def test_bluffs_cases_and_evidence(text: str, topics: tuple[str, ...], stance: str) -> None:
    c = tag(text)
    assert (c.topics, c.stance) == (topics, stance)


# ------------------------------------------------ probe round (a fresh held-out probe, then fixed)


@pytest.mark.parametrize("text", [
    "借款人联系不上的时候，催收员才会去打紧急联系人的电话。",
    "逾期超过三个月时，银行才会考虑起诉。",
    "只有在多次催收无果的时候，平台才能把欠款委托给外包公司。",
])
def test_a_time_clause_before_cai_hui_is_a_condition(text: str) -> None:
    assert tag(text).stance == "conditional"


@pytest.mark.parametrize("text", [
    "等到要办房贷的时候，才发现征信上有逾期记录。",
    "到了申请车贷的时候才知道自己上了征信。",
    "直到被起诉的时候，才意识到问题严重。",
])
def test_cai_faxian_is_when_it_was_found_not_a_condition(text: str) -> None:
    assert tag(text).stance == "affirms"


@pytest.mark.parametrize(("text", "topic"), [
    ("很多人以为借呗逾期会坐牢，其实欠钱不还属于民事纠纷。", "criminal_risk"),
    ("不少人认为欠网贷会被抓去坐牢，实际上这是民事纠纷。", "criminal_risk"),
    ("有人觉得催收一定会上门，事实上这种情况少之又少。", "home_visit"),
])
def test_a_belief_followed_by_the_authors_correction_is_rejected(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics and claim.stance == "denies"


@pytest.mark.parametrize("text", [
    "上门催收不能在晚上十点后到访。",
    "催收人员不得在休息时间到访借款人住处。",
    "银行的外访人员一般不会未经预约直接到访。",
])
def test_daofang_is_a_visit(text: str) -> None:
    claim = tag(text)
    assert claim.topics == ("home_visit",) and claim.stance == "denies"


@pytest.mark.parametrize("text", [
    "点击下方按钮，免费领取专属债务优化方案。",
    "免费测评你的负债情况，立即领取停息挂账方案。",
    "点击链接，免费获取协商还款攻略。",
])
def test_call_to_action_lines_carry_no_claim(text: str) -> None:
    assert tag(text).topics == ()


# ------------------------------------- second blind probe (p051-p130): the classes it showed


@pytest.mark.parametrize(("text", "topic"), [
    ("催收连我在外地的堂哥都找到了。", "contacts_family"),
    ("她说舅舅前天接到一个讨债的电话。", "contacts_family"),
    ("平台把催款短信发给了我的亲朋好友。", "contacts_family"),
    ("催收会挨个拨打手机里的联系人。", "contacts_family"),
    ("逾期半年后，银行委托了专门的外勤人员跟进。", "third_party_agency"),
])
def test_named_relatives_phone_contacts_and_entrusted_staff(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "topics"), [
    ("农商行委托外访人员去他老家找过两次。", ("home_visit", "third_party_agency")),
    ("银行可能委托催收人员上门面谈。", ("home_visit", "third_party_agency")),
    ("消金公司有时委托合作人员到借款人单位外访。", ("home_visit", "third_party_agency")),
])
def test_an_entrusted_visit_is_a_visit_by_an_agency(text: str, topics: tuple[str, ...]) -> None:
    assert set(topics) <= set(tag(text).topics)


@pytest.mark.parametrize(("text", "want", "not_want"), [
    ("拒不执行判决的，法院可以冻结被执行人的存款。", "legal_action", "account_impact"),
    ("进入强制执行程序后，名下财产会被冻结。", "legal_action", "account_impact"),
    ("法院已经冻结了他工资卡里的存款。", "legal_action", "account_impact"),
    ("联系客服说明困难后，平台同意给两周缓冲期。", "negotiation", "overdue_grace"),
    ("可以向银行申请一段缓冲时间再还。", "negotiation", "overdue_grace"),
    ("和平台协商后争取到了一个月的缓冲期。", "negotiation", "overdue_grace"),
])
def test_court_freezes_and_requested_breathing_space(text: str, want: str, not_want: str) -> None:
    topics = tag(text).topics
    assert want in topics
    assert not_want not in topics


def test_the_lenders_own_freeze_stays_account_impact() -> None:
    assert "account_impact" in tag("借呗逾期后额度会被冻结。").topics
    assert "overdue_grace" in tag("这张卡有三天的缓冲期，晚还一两天不算逾期。").topics


@pytest.mark.parametrize(("text", "modality"), [
    ("对暴力催收的人，公安机关可以依法对其罚款。", "descriptive"),
    ("情节严重的，可以对其处以拘留。", "descriptive"),
    ("催收员辱骂借款人的，可以依据治安管理处罚法将其处罚。", "descriptive"),
    ("遇到辱骂，可以向银保监部门投诉。", "advice"),
    ("催收录音和短信截图一定都要保存好。", "advice"),
    ("平台发来的通知都要保留好，以后投诉用得上。", "advice"),
    ("相关聊天记录要整理好，报案时带上。", "advice"),
    ("网上说借呗逾期三天上征信，这个说法不准确。", "descriptive"),
])
def test_who_can_and_object_first_imperatives(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(("text", "modality"), [
    ("马上给银行客服打电话，问清楚能不能分期。", "advice"),
    ("赶紧联系平台协商还款，说明自己的实际困难。", "advice"),
    ("马上向当地金融监管部门投诉这种催收。", "advice"),
    ("花呗逾期以后马上就会上征信。", "descriptive"),
    ("马上就要到还款日的时候，平台会发短信提醒借款人。", "descriptive"),
])
def test_right_away_with_an_act_tells_the_reader_what_to_do(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(("text", "modality"), [
    # after the reader's own act (还款后/还清之后), 可以 is addressed to the reader
    ("还款后可以联系客服说明情况，申请减免罚息。", "advice"),
    ("还清欠款之后可以申请恢复被冻结的额度。", "advice"),
    ("还上欠款后可以打客服电话申请减免部分罚息。", "advice"),
    # an institution and a time phrase first: 可以 is what the institution can do
    ("部分银行在协商成功后，可以暂停催收三个月。", "descriptive"),
    ("有些平台在确认借款人失联时，可以委托第三方催收公司。", "descriptive"),
    ("银行在审核通过后，可以为持卡人办理个性化分期。", "descriptive"),
    # the lender's act after the overdue period stays descriptive
    ("逾期90天后可以起诉借款人。", "descriptive"),
])
def test_who_can_after_a_time_clause(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(("text", "topic"), [
    ("网上说花呗逾期一天就会上征信，这个说法不准确。", "credit_report"),
    ("有说法称欠网贷会被拘留，这其实是误解。", "criminal_risk"),
    ("有人说逾期了平台一定会上门，这是谣言。", "home_visit"),
])
def test_a_reported_view_the_author_rejects_is_denied(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "denies"


@pytest.mark.parametrize("text", [
    "催收电话里说的“明天就派人去你家”，大多只是唬人。",
    "短信中说的“三天内冻结你名下账户”，别太当真。",
    "那条通知里所说的“立即起诉”，多半只是吓人。",
])
def test_words_quoted_after_li_shuo_de_are_not_claimed(text: str) -> None:
    claim = tag(text)
    assert claim.topics == ("debtor_contact",)
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "只要是你手机里的号码，他们都可能挨个打。",
    "只要是填过的联系人，催收都会联系一遍。",
    "只要是通讯录里存着的号码，都有可能接到催收电话。",
])
def test_zhiyao_shi_any_number_is_no_condition(text: str) -> None:
    claim = tag(text)
    assert "contacts_family" in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "有人冒充法院工作人员打电话，其实只是吓唬人。",
    "不少催收会伪造一份“立案通知书”，不过是虚张声势。",
    "假冒律师发来的消息，都是话术。",
])
def test_a_bluff_does_not_deny_the_forgery_or_the_impersonation(text: str) -> None:
    claim = tag(text)
    assert "fake_collection" in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "所谓代办停息挂账的中介，很多收了钱就失联。",
    "那些债务优化机构收完服务费便失联了。",
    "交了前期费用以后，对方随即失联，代办协商成了泡影。",
])
def test_a_scammer_vanishing_is_no_borrower_out_of_reach(text: str) -> None:
    claim = tag(text)
    assert "debt_help_scam" in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "网贷逾期后，平台通常先打电话提醒。",
    "逾期初期银行会先发短信，再安排人工跟进。",
    "金额小的话，催收一般先通过电话沟通。",
])
def test_the_first_step_is_a_call_to_the_borrower(text: str) -> None:
    assert "debtor_contact" in tag(text).topics


@pytest.mark.parametrize(("text", "modality"), [
    ("被起诉后可以申请法院调解，商量分期。", "advice"),
    ("被催收骚扰时可以打12378投诉。", "advice"),
    ("被爆通讯录以后可以报警处理。", "advice"),
    ("逾期三个月后银行可以起诉。", "descriptive"),
])
def test_a_passive_time_clause_before_keyi_names_the_reader(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(("text", "hedge"), [
    ("平台一般先发短信，不会马上上门。", "frequency"),
    ("银行通常先电话提醒，不会直接起诉。", "frequency"),
    ("催收电话通常很多，但是不会上门。", "none"),
    ("罚息一般每天都算，不过不会上门催收。", "none"),
])
def test_a_sequence_shares_its_hedge_a_contrast_does_not(text: str, hedge: str) -> None:
    claim = tag(text)
    assert (claim.stance, claim.hedge) == ("denies", hedge)


@pytest.mark.parametrize(("text", "topic"), [
    ("逾期两个月后，银行直接停掉了我的卡。", "account_impact"),
    ("白条的额度逾期后被冻住了。", "account_impact"),
    ("逾期没几天，整个账户就不能用了。", "account_impact"),
    ("逾期后借款资格会被暂停。", "account_impact"),
    ("借呗逾期以后会取消你的借款资格。", "account_impact"),
    ("催收把电话打到了我高中同学那里。", "contacts_family"),
    ("连我的发小都收到了催款短信。", "contacts_family"),
    ("逾期一个月左右，银行会寄来催款函。", "debtor_contact"),
    ("平台先给借款人发了一封催收函。", "debtor_contact"),
    ("客服同意我延后十天还。", "negotiation"),
    ("银行答应把这期推迟到月底还。", "negotiation"),
    ("跟平台沟通后，还款日往后推了一周。", "negotiation"),
])
def test_more_paraphrases_of_stops_contacts_letters_and_deferrals(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize("text", [
    "同学聚会时大家聊起了网贷。",
    "借款资格审核一般当天完成。",
    "我和发小一起去办了信用卡。",
])
def test_classmates_and_eligibility_alone_are_no_claim(text: str) -> None:
    assert tag(text).topics == ()


@pytest.mark.parametrize(("text", "topic"), [
    ("网贷逾期被判刑的几率基本为零。", "criminal_risk"),
    ("小额欠款被起诉的概率很小。", "legal_action"),
    ("催收真的上门的几率很低。", "home_visit"),
])
def test_a_chance_put_at_nothing_denies(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("denies", "frequency")


@pytest.mark.parametrize("text", [
    "催收在电话里威胁我，说再不还就派人去我公司。",
    "对方恐吓你，说明天就冻结你的微信，这种话不用怕。",
    "他们在电话里吓唬我，说要把我告上法庭。",
    "短信上写的是“三日后安排专人上门”。",
])
def test_a_threat_to_the_borrower_is_the_call_not_its_content(text: str) -> None:
    claim = tag(text)
    assert claim.topics == ("debtor_contact",)
    assert claim.min_days is None


@pytest.mark.parametrize(("text", "topic"), [
    ("网上有人打广告说可以帮忙协商停息。", "debt_help_scam"),
    ("某些机构打广告称能减免全部违约金。", "debt_help_scam"),
    ("那些打广告的说能一次性谈下分期，其实是收割。", "debt_help_scam"),
    ("别信短信里所谓的“法院传票”，先去官网查。", "fake_collection"),
    ("收到所谓“立案通知”，可以打法院电话核实。", "fake_collection"),
    ("那份伪造的起诉书只是吓人的。", "fake_collection"),
])
def test_advertised_relief_and_so_called_court_papers(text: str, topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert "negotiation" not in topics and "legal_action" not in topics


def test_a_lenders_own_advert_is_no_scam() -> None:
    assert "debt_help_scam" not in tag("银行会在宣传页上介绍分期优惠。").topics


@pytest.mark.parametrize(("text", "topic", "stance"), [
    ("银行暂时不会撤销对你的起诉。", "legal_action", "affirms"),
    ("平台不会轻易撤回已经提交的起诉。", "legal_action", "affirms"),
    ("还清欠款后银行一般会撤诉。", "legal_action", "denies"),
    ("平台还没有解除对账户的冻结。", "account_impact", "affirms"),
    ("结清以后，银行会解除对额度的冻结。", "account_impact", "denies"),
    ("目前还不能解除对借款资格的冻结。", "account_impact", "affirms"),
])
def test_undoing_a_lawsuit_or_a_freeze_inverts_it(text: str, topic: str, stance: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == stance


@pytest.mark.parametrize(("text", "modality"), [
    ("催收方应该先联系借款人本人。", "normative"),
    ("催收人员也应该表明身份。", "normative"),
    ("银行应该在上门前通知持卡人。", "normative"),
    ("你应该尽快联系平台协商还款。", "advice"),
    ("借款人应该保留催收录音。", "advice"),
])
def test_yinggai_after_a_lender_or_collector_is_a_duty(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(("text", "topic"), [
    ("金额较大又长期不还的，可能被追究刑责。", "criminal_risk"),
    ("恶意拖欠信用卡会承担刑责。", "criminal_risk"),
    ("逾期一个月后，催收开始打给家里。", "contacts_family"),
    ("他们把电话打到家里，我妈接的。", "contacts_family"),
])
def test_criminal_liability_and_calls_home(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("所谓“停息挂账包过”的说法，多半是收割。", "debt_help_scam", "negotiation"),
    ("承诺协商分期包过的，都是在收智商税。", "debt_help_scam", "negotiation"),
    ("自称债务顾问的人说能帮你谈下分期。", "debt_help_scam", "negotiation"),
])
def test_a_scams_sales_words_make_relief_a_scam(text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


@pytest.mark.parametrize(("text", "topic"), [
    ("上门催收的，十个里面不到一个。", "home_visit"),
    ("真走到起诉的，不到十分之一。", "legal_action"),
    ("被爆通讯录的，十个里不到一个。", "contacts_family"),
])
def test_fewer_than_one_in_ten_denies(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("denies", "frequency")


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("逾期罚金一般按日计算。", "penalty_fees", "criminal_risk"),
    ("花呗的逾期罚金每天都在涨。", "penalty_fees", "criminal_risk"),
    ("这笔罚金是按日息万分之五算的。", "penalty_fees", "criminal_risk"),
    ("信用卡诈骗数额较大的，并处罚金。", "criminal_risk", "penalty_fees"),
])
def test_a_fine_counted_by_the_day_is_a_penalty_fee(text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


@pytest.mark.parametrize(("text", "topic"), [
    ("催收找到了我老家的村委会。", "contacts_family"),
    ("对方打电话到社区居委会打听我。", "contacts_family"),
    ("我的欠款截图被发到了家族群里。", "contacts_family"),
    ("网贷大数据花了，很难再借到钱。", "credit_report"),
    ("逾期后网贷大数据会留下记录。", "credit_report"),
    ("一直逾期的话，大数据花了就很难下款。", "credit_report"),
])
def test_neighbourhood_parties_group_chats_and_big_data(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "stance"), [
    ("要是逾期超过三个月，银行就会起诉。", "conditional"),
    ("如遇催收辱骂，请立即向12378投诉。", "conditional"),
    ("要是平台上门催收，记得全程录音。", "conditional"),
    ("律师函主要是起到催告的作用。", "affirms"),
    ("通讯录被爆，重要的是保留证据去投诉。", "affirms"),
])
def test_yaoshi_and_ruyu_are_conditions_zhuyaoshi_is_not(text: str, stance: str) -> None:
    assert tag(text).stance == stance


@pytest.mark.parametrize(("text", "modality"), [
    ("逾期超过60天的，可以转让给资产管理公司。", "descriptive"),
    ("长期不还的账户，可以移交给外包机构。", "descriptive"),
    ("核销后的坏账，可以卖给第三方公司。", "descriptive"),
])
def test_keyi_with_the_debt_handed_on_is_no_advice(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("但是逾期记录会保存在平台内部，影响以后的借款额度。", "account_impact", "credit_report"),
    ("逾期信息会记在平台的内部系统里，以后再借款额度会变低。", "account_impact",
     "credit_report"),
    ("逾期记录会上报征信，在信用报告上保留五年。", "credit_report", "account_impact"),
])
def test_a_record_kept_inside_the_platform_is_no_credit_report(
        text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics and not_topic not in topics


@pytest.mark.parametrize(("text", "answer", "topic"), [
    # the question just before it, in the same paragraph
    ("借呗逾期多久会被起诉？一般90天以后才会。", "一般90天以后才会。", "legal_action"),
    # the question heading of its section
    ("一、信用卡逾期记录多久能消除\n结清欠款5年后才会消除。", "结清欠款5年后才会消除。",
     "credit_report"),
    ("二、网贷逾期几天会打电话给家人\n一般超过30天就有可能。", "一般超过30天就有可能。",
     "contacts_family"),
])
def test_an_answer_takes_the_topic_of_its_question(text: str, answer: str, topic: str) -> None:
    claims = {c.text: c for c in tag_document("d", text)}
    assert answer in claims and topic in claims[answer].topics


def test_an_answer_needs_a_question_and_a_duration() -> None:
    """A declarative heading lends no topic; a sentence without a duration takes none."""
    texts = ["一、催收人员不得骚扰家人\n3天以后再说。",
             "花呗逾期会被起诉吗？今天小编就来说一说。"]
    for text in texts:
        assert [c.text for c in tag_document("d", text) if not c.topics] == []
        assert all(c.text not in ("3天以后再说。", "今天小编就来说一说。")
                   for c in tag_document("d", text))


@pytest.mark.parametrize(("text", "elliptical", "topic"), [
    ("符合条件的用户，可以申请延期还款。一般要求逾期时间在90天以内。",
     "一般要求逾期时间在90天以内。", "negotiation"),
    ("花呗逾期是会上征信的。一般逾期3天以上才会上报。", "一般逾期3天以上才会上报。",
     "credit_report"),
    ("平台会联系借款人的紧急联系人。通常是逾期超过一个月以后。", "通常是逾期超过一个月以后。",
     "contacts_family"),
])
def test_an_elliptical_overdue_condition_continues_its_paragraphs_topic(
        text: str, elliptical: str, topic: str) -> None:
    """The subject an overdue condition leaves out is the one the sentence before named."""
    claims = {c.text: c for c in tag_document("d", text)}
    assert elliptical in claims and topic in claims[elliptical].topics


def test_only_an_overdue_condition_in_the_same_paragraph_continues() -> None:
    """A duration that is no overdue condition, or a new paragraph, takes no topic."""
    texts = ["平台会联系借款人的紧急联系人。我们3天后再来讲下一个问题。",
             "花呗逾期是会上征信的。\n一般要逾期3天以上。"]
    for text in texts:
        untagged = [c.text for c in tag_document("d", text, include_non_claims=True)
                    if not c.topics]
        assert len(untagged) == 1


# ------------------------------------- probe2 (2026-12-04): classes its blind errors showed


@pytest.mark.parametrize(("text", "topic"), [
    ("逾期头几天，平台只是打电话发短信提醒。", "debtor_contact"),
    ("催收员加你的微信以后，会天天发消息催。", "debtor_contact"),
    ("有个催收员加你微信，说要当面谈还款。", "debtor_contact"),
    ("催收真有人跑到他老家去问过。", "home_visit"),
    ("听说催收找到了他父母住的老家。", "home_visit"),
    ("数额巨大的，可能被判处五年以上有期徒刑。", "criminal_risk"),
    ("情节严重的会被判处徒刑。", "criminal_risk"),
])
def test_more_paraphrases_find_their_topic(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    # a debt-help service's private account or forged paper is its own scam
    ("代办中介收了钱，还让人把还款转进他们的私人账户。", "debt_help_scam", "fake_collection"),
    ("这家债务优化公司给客户看的协商结果其实是伪造的。", "debt_help_scam", "fake_collection"),
    ("所谓的法务收完服务费，给的还款凭证也是伪造的。", "debt_help_scam", "fake_collection"),
    # a freeze during enforcement is the court's, not the lender's account
    ("进入强制执行后，名下的银行卡余额会被冻结。", "legal_action", "account_impact"),
    ("成了被执行人以后，微信和支付宝里的钱都可能被冻结。", "legal_action", "account_impact"),
    ("法院申请执行阶段，账户里的存款会被冻结划扣。", "legal_action", "account_impact"),
    # a visit's protocol (全程录音录像) is no complaint or evidence
    ("上门人员必须全程录音，以备核查。", "home_visit", "complaints_rights"),
    ("外访时两个人同行，全程录音录像。", "home_visit", "complaints_rights"),
    ("正规上门催收会录音录像，留存工作记录。", "home_visit", "complaints_rights"),
    # a stranger offering 停息挂账 through inside access is a scam
    ("有陌生人说能帮你办停息挂账，别信。", "debt_help_scam", "negotiation"),
    ("号称有内部渠道可以申请全额停息的，都不靠谱。", "debt_help_scam", "negotiation"),
    ("对方说有内部关系，能跟银行协商只还本金。", "debt_help_scam", "negotiation"),
])
def test_senses_of_actors_and_context(text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


@pytest.mark.parametrize("text", [
    "填紧急联系人时尽量别填家人。",
    "紧急联系人怎么填才不会被打扰？",
    "很多人申请时不知道紧急联系人填谁，其实填同学也行。",
])
def test_filling_in_the_emergency_contact_form_is_no_claim(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize(("text", "topic", "stance"), [
    # 联系不上 (out of reach) is 失联: a condition, no denial
    ("借款人联系不上，平台才会找他的家人。", "contacts_family", "conditional"),
    ("实在联系不到本人，催收可能会打给紧急联系人。", "contacts_family", "conditional"),
    ("本人电话打不通、又找不到人，才会安排外访。", "home_visit", "conditional"),
    # a precondition, and a failed first step before 才
    ("银行同意停息挂账的前提是你能证明收入下降。", "negotiation", "conditional"),
    ("庭前调解不成才会进入审理程序，最后判决。", "legal_action", "conditional"),
    ("电话沟通失败后才会考虑上门。", "home_visit", "conditional"),
])
def test_out_of_reach_and_preconditions_are_conditions(text: str, topic: str, stance: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == stance


@pytest.mark.parametrize("text", [
    "交完服务费后，那个中介就联系不上了。",
    "钱一转过去，所谓的代办就再也联系不到了。",
    "收了定金后，债务优化公司的人便联系不上了。",
])
def test_a_vanished_scammer_is_no_condition(text: str) -> None:
    claim = tag(text)
    assert "debt_help_scam" in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize(("text", "topic"), [
    ("不是每个逾期的人都会被起诉。", "legal_action"),
    ("并非所有平台都会爆通讯录。", "contacts_family"),
    ("并不是每一个逾期的用户都会被上门。", "home_visit"),
])
def test_not_every_is_a_possibility_not_a_denial(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("affirms", "possibility")


@pytest.mark.parametrize(("text", "topic"), [
    ("借款人被拘留的情况相当少见。", "criminal_risk"),
    ("催收真跑去单位闹的情况并不多。", "home_visit"),
    ("小额网贷走到起诉这一步的，相当罕见。", "legal_action"),
])
def test_more_rarity_after_the_cue_denies(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("denies", "frequency")


@pytest.mark.parametrize("text", [
    "这类短信九成是群发的催收短信。",
    "催收打来的电话，十有八九只是提醒。",
    "逾期的人里，八九成会先收到短信提醒。",
])
def test_most_put_as_a_share_is_a_frequency_hedge(text: str) -> None:
    assert tag(text).hedge == "frequency"


@pytest.mark.parametrize(("text", "expected"), [
    # the second day of a date range is a calendar day, no duration
    ("账单日可以在每月1日到28日之间任选一天。", None),
    ("每月5号至20日都能在App里还款。", None),
    ("还款日一般设在每月10日-25日之间。", None),
    # the same span said again after a comma is no list (its 后 does not make it a minimum)
    ("不良记录会保存五年，五年后自动消除。", (1825, 1825, "retention")),
    ("逾期记录保留5年，5年以后才会删除。", (1825, 1825, "retention")),
    ("征信上的记录要保存两年，两年后就没了。", (730, 730, "retention")),
])
def test_date_ranges_and_repeated_spans(
    text: str, expected: tuple[object, object, object] | None
) -> None:
    c = tag(text)
    got = None if c.anchor is None and c.min_days is None and c.max_days is None else (
        c.min_days, c.max_days, c.anchor)
    assert got == expected


@pytest.mark.parametrize(("text", "stance"), [
    # a look-alike inside a gapped cue's tail is the tail's own word (停掉…信用卡)
    ("逾期太久，银行会直接停掉你的信用卡。", "affirms"),
    ("一般不会因为晚还一天就停掉信用卡。", "denies"),
    ("银行先降额，再停掉这张信用卡。", "affirms"),
])
def test_a_product_name_can_end_a_gapped_cue(text: str, stance: str) -> None:
    c = tag(text)
    assert "account_impact" in c.topics
    assert c.stance == stance


# ------------------------------------- probe3 (2026-12-04): classes its blind errors showed


@pytest.mark.parametrize(("text", "topic"), [
    ("催收多久联系家人，还得看你联系得上联系不上。", "contacts_family"),
    ("上不上门，主要看借款人联系得到联系不到。", "home_visit"),
    ("平台会不会起诉，跟你能不能联系上关系不大。", "legal_action"),
])
def test_either_way_reachable_is_no_condition(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance != "conditional"


@pytest.mark.parametrize(("text", "topic"), [
    ("银行评估之后会决定要不要起诉。", "legal_action"),
    ("平台会根据逾期金额考虑要不要上门。", "home_visit"),
    ("催收公司会看情况决定要不要联系家人。", "contacts_family"),
])
def test_deciding_an_alternative_is_no_question_advice_or_denial(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.modality) == ("affirms", "descriptive")


@pytest.mark.parametrize(("text", "topic"), [
    ("电话催收失败了，平台才会安排外访。", "home_visit"),
    ("多轮沟通无果之后，银行才会把案子交给委外公司。", "third_party_agency"),
    ("庭前调解谈不成，法院才会开庭审理。", "legal_action"),
])
def test_a_failed_step_before_cai_is_a_condition(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "conditional"


@pytest.mark.parametrize("text", [
    "这个阶段催收的对象只有借款人。",
    "银行沟通对象仅限于持卡人本人。",
    "联系的对象是借款人本人，不涉及其他人。",
])
def test_duixiang_as_addressee_is_no_partner(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize(("text", "topic"), [
    ("催收每天的拨打次数有上限。", "debtor_contact"),
    ("自律公约对每日联系次数做了限制。", "debtor_contact"),
    ("真正的法院通知会附上案号和法官姓名。", "fake_collection"),
    ("怎么看这条起诉短信是真的还是假的？", "fake_collection"),
    ("真正的调解短信一般来自12368。", "fake_collection"),
    ("借款利率超过LPR四倍的部分，法院不支持。", "penalty_fees"),
    ("约定的利息超过4倍LPR，多出来的可以不还。", "penalty_fees"),
    ("逾期利息加违约金合计超过LPR的四倍就不合法了。", "penalty_fees"),
])
def test_counts_of_calls_genuine_notices_and_the_interest_cap(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("外访员会拿着授权委托书上门。", "home_visit", "third_party_agency"),
    ("他们带着银行的委托书上门了解情况。", "home_visit", "third_party_agency"),
    ("对方拿着委托函上门核实地址。", "home_visit", "third_party_agency"),
    ("自称专业团队能帮你停息挂账的，大多是骗子。", "debt_help_scam", "third_party_agency"),
    ("这些专业团队收了服务费就不管了。", "debt_help_scam", "third_party_agency"),
    ("所谓专业团队帮你协商减免，其实是收钱办不成事。", "debt_help_scam", "third_party_agency"),
])
def test_a_letter_of_authority_and_a_paid_team(text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


@pytest.mark.parametrize(("text", "expected"), [
    ("逾期前两个月，银行主要是电话提醒本人。", (None, 60, "overdue")),
    ("逾期前十天一般只有短信提醒。", (None, 10, "overdue")),
    ("逾期的前三天，平台不会上报征信。", (None, 3, "overdue")),
    ("逾期第2、5、10天会分别发一次提醒短信。", (2, 10, "overdue")),
    ("平台会在逾期第1、7、30天发提醒短信。", (1, 30, "overdue")),
    ("还款日前一天会收到提醒。", None),
])
def test_the_first_span_of_the_overdue_and_a_list_of_days(
    text: str, expected: tuple[object, object, object] | None
) -> None:
    c = tag(text)
    got = None if c.anchor is None and c.min_days is None and c.max_days is None else (
        c.min_days, c.max_days, c.anchor)
    assert got == expected


@pytest.mark.parametrize(("text", "topic"), [
    ("遇到暴力催收，先报警，再向银保监投诉。", "complaints_rights"),
    ("碰到催收骚扰家人，先截图留证，然后投诉到平台。", "complaints_rights"),
    ("遇到冒充律师的来电，先挂断再打官方客服核实。", "fake_collection"),
])
def test_after_a_circumstance_the_reader_is_told_what_to_do(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.modality == "advice"


@pytest.mark.parametrize("text", [
    "超过LPR四倍的利息部分，法律不予保护。",
    "逾期利息和违约金过高的部分，不受法律保护。",
    "平台收取的高额罚息，法院不支持。",
])
def test_what_the_law_does_not_uphold_is_a_normative_denial(text: str) -> None:
    claim = tag(text)
    assert "penalty_fees" in claim.topics
    assert (claim.stance, claim.modality) == ("denies", "normative")


@pytest.mark.parametrize(("text", "modality"), [
    ("报警后警方会依法处理骚扰行为。", "descriptive"),
    ("遇到催收上门，很多人第一反应是害怕。", "descriptive"),
    ("先报警，再去平台投诉。", "advice"),
])
def test_report_to_police_is_advice_only_as_the_readers_act(text: str, modality: str) -> None:
    assert tag(text).modality == modality


# ------------------------------------- probe4 (2026-12-04): classes its blind errors showed


@pytest.mark.parametrize(("text", "topic"), [
    ("逾期一天，征信一般不会受到影响。", "credit_report"),
    ("晚还两天，芝麻分基本不受影响。", "account_impact"),
    ("只要在宽限期里还上，信用记录不会有什么影响。", "credit_report"),
])
def test_left_untouched_after_the_cue_denies(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "denies"


@pytest.mark.parametrize(("text", "topic"), [
    ("法律并没有规定逾期多少天就必须起诉。", "legal_action"),
    ("平台没有规定哪天开始联系家人。", "contacts_family"),
    ("银行并没有固定的上门时间表。", "home_visit"),
])
def test_no_rule_says_nothing_about_the_event(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance != "denies"


@pytest.mark.parametrize(("text", "topic"), [
    ("跟平台谈不拢，对方才会考虑起诉。", "legal_action"),
    ("电话催收无效，平台才会委托外访。", "home_visit"),
    ("多次提醒无效后才会联系紧急联系人。", "contacts_family"),
])
def test_a_failed_talk_before_cai_is_a_condition(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "conditional"


@pytest.mark.parametrize(("text", "topic"), [
    ("拒不履行判决的，会被列入失信人员名单。", "legal_action"),
    ("他因为欠钱不还被列进失信名单了。", "legal_action"),
    ("平台把他告上法院，要求归还本息。", "legal_action"),
    ("催收天天打单位电话找我。", "contacts_family"),
    ("催收员打到公司座机上，前台都知道了。", "contacts_family"),
    ("可以向银行申请开具非恶意逾期证明。", "credit_report"),
    ("暴力讨债情节严重的，构成催收非法债务罪。", "complaints_rights"),
])
def test_probe4_paraphrases(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("法院可以冻结被执行人的银行账户。", "legal_action", "account_impact"),
    ("执行局会依法冻结他名下的银行卡。", "legal_action", "account_impact"),
    ("判决后不还钱，法院会冻结账户里的钱。", "legal_action", "account_impact"),
    ("被催收骚扰的人可以起诉催收公司侵犯名誉权。", "complaints_rights", "legal_action"),
    ("有人把爆通讯录的平台告了，法院判它赔礼道歉。", "complaints_rights", "legal_action"),
    ("催收泄露隐私造成精神损害的，可以到法院要求赔偿。", "complaints_rights", "legal_action"),
])
def test_a_courts_freeze_and_suing_the_collector(text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


# ------------------------------------- probe6 (2026-12-04): classes its blind errors showed


@pytest.mark.parametrize(("text", "topic"), [
    ("小额欠款，平台一般懒得去告。", "legal_action"),
    ("几百块的账，银行懒得起诉。", "legal_action"),
    ("催收公司懒得上门，成本太高。", "home_visit"),
])
def test_not_bothering_to_is_a_denial(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "denies"


@pytest.mark.parametrize(("text", "topic"), [
    ("减免本金的请求，银行一般不会同意。", "negotiation"),
    ("征信差的人申请延期还款，多半会被拒绝。", "negotiation"),
    ("第二次申请停息挂账，很可能批不下来。", "negotiation"),
])
def test_a_request_turned_down_after_the_cue_denies(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "denies"


@pytest.mark.parametrize(("text", "topic"), [
    ("并不是谁都会被起诉的。", "legal_action"),
    ("个性化分期不是谁都能申请下来。", "negotiation"),
    ("并非谁都会被爆通讯录。", "contacts_family"),
])
def test_not_just_anyone_is_a_possibility(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("affirms", "possibility")


@pytest.mark.parametrize("text", [
    "我没有借过钱，却天天接到催收电话。",
    "明明没借钱，也收到了催收短信。",
    "没有借款却被打电话催收，可以直接报警。",
])
def test_a_negator_on_the_readers_own_act_denies_nothing(text: str) -> None:
    assert tag(text).stance != "denies"


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("催收员跑到他单位去要钱。", "home_visit", "contacts_family"),
    ("有人跑去欠款人的公司堵门。", "home_visit", "contacts_family"),
    ("讨债的跑到他家里去了。", "home_visit", None),
])
def test_running_over_in_person_is_a_visit(text: str, topic: str, not_topic: str | None) -> None:
    topics = tag(text).topics
    assert topic in topics
    if not_topic:
        assert not_topic not in topics


# ------------------------------------- probe7 (2026-12-04): classes its blind errors showed


@pytest.mark.parametrize("text", [
    "父母签过担保协议的，就得承担连带责任。",
    "借款用于家庭共同生活的，配偶也有还款责任。",
    "家属作为共同借款人，需要一起还。",
])
def test_a_relatives_liability_is_no_contact(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize(("text", "topic"), [
    ("催收把电话打到了我丈母娘那里。", "contacts_family"),
    ("他们连我岳父的号码都找到了。", "contacts_family"),
    ("催收往孩子学校寄了一封信。", "contacts_family"),
    ("催收给我寄了一张催缴函。", "debtor_contact"),
])
def test_in_laws_schools_and_dunning_letters(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("诈骗分子假冒法院工作人员打来电话。", "fake_collection", "debt_help_scam"),
    ("诈骗分子常冒充公检法，吓唬借款人转账。", "fake_collection", "debt_help_scam"),
    ("有诈骗分子冒充警察，说你的账户涉嫌洗钱。", "fake_collection", "debt_help_scam"),
    ("法院的工作人员可能上门送达判决书。", "legal_action", "home_visit"),
    ("传票一般邮寄，少数由法警上门送达。", "legal_action", "home_visit"),
    ("诉讼材料可以上门送达，也可以公告送达。", "legal_action", "home_visit"),
    ("骗贷数额较大的，公安会以贷款诈骗罪立案。", "criminal_risk", "legal_action"),
    ("信用卡诈骗罪的立案追诉标准是五万元。", "criminal_risk", "legal_action"),
    ("经侦立案以后，当事人可能被刑事拘留。", "criminal_risk", "legal_action"),
])
def test_impostor_police_court_delivery_and_criminal_filing(
    text: str, topic: str, not_topic: str
) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


@pytest.mark.parametrize("text", [
    "有人说花钱就能帮你删掉征信上的逾期。",
    "号称能删除逾期记录的，全是骗局。",
    "所谓帮你消除不良记录的机构，收了钱就跑。",
])
def test_a_paid_promise_to_wipe_the_record_is_a_scam(text: str) -> None:
    assert "debt_help_scam" in tag(text).topics


# ------------------------------------- probe8 (2026-12-04): classes its blind errors showed


@pytest.mark.parametrize("text", [
    "分期方案不合适，可以跟客服再谈。",
    "利息的事可以和银行谈。",
    "还款日能不能往后挪，得跟平台谈。",
])
def test_talking_terms_with_the_lender_is_negotiation(text: str) -> None:
    assert "negotiation" in tag(text).topics


@pytest.mark.parametrize(("text", "not_topic"), [
    ("短信里起诉、立案这类字眼，多半只是施压。", "legal_action"),
    ("催收信息里常有冻结账户之类的字样。", "account_impact"),
    ("上门、走访等词语在催收短信里很常见。", "home_visit"),
])
def test_threat_words_named_as_words_are_quoted(text: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert "debtor_contact" in topics
    assert not_topic not in topics


@pytest.mark.parametrize("text", [
    "有人以律所的名义群发催款短信。",
    "这些短信假借法院名义，其实是催收发的。",
    "冒用律师事务所名义的函件要当心。",
])
def test_acting_in_a_firms_or_courts_name_is_an_impostor(text: str) -> None:
    topics = tag(text).topics
    assert "fake_collection" in topics
    assert "legal_action" not in topics


@pytest.mark.parametrize("text", [
    "信用卡晚还一天，整笔账单都会全额计息。",
    "有的银行逾期后仍按全额罚息收取。",
    "部分银行已经取消了全额计息，只对未还部分计息。",
])
def test_whole_bill_interest_is_a_penalty(text: str) -> None:
    assert "penalty_fees" in tag(text).topics


# ------------------------------------------------ probe10 classes (notarised loans, arbitration,
# the interest cap, waivers, complaints; sentences written for this file)


@pytest.mark.parametrize(("text", "topics"), [
    ("借款合同做了赋强公证，出借人可以凭执行证书申请执行。", {"legal_action"}),
    ("办理强制执行公证以后，对方违约就能直接走执行程序。", {"legal_action"}),
    ("银行通常先给借款人寄一份催告函，再申请执行。", {"debtor_contact", "legal_action"}),
    ("平台寄来的书面催告，要求你十日内还清欠款。", {"debtor_contact"}),
])
def test_notarised_loans_and_formal_demands(text: str, topics: set[str]) -> None:
    assert topics <= set(tag(text).topics)


@pytest.mark.parametrize("text", [
    "签了仲裁条款的网贷，平台可以不经法院直接提起仲裁。",
    "公证过的借条，债权人不用起诉，直接就能申请强制执行。",
    "这种借款不经过法院审理，仲裁机构就能作出裁决。",
])
def test_a_route_without_a_court_is_no_denial(text: str) -> None:
    claim = tag(text)
    assert "legal_action" in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "爸妈欠了网贷，会不会连累孩子以后考编？",
    "欠钱不还只影响自己，一般不会影响到子女上学。",
    "有人担心父母的逾期会牵连子女的政审。",
])
def test_the_childs_review_or_school_is_no_contact(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize(("text", "hedge"), [
    ("借款利率超过24%的部分，法院一般不予支持。", "frequency"),
    ("综合年化超过36%的那部分，借款人有权拒绝支付。", "none"),
    ("超出24%的利息和罚息，法院通常不支持。", "frequency"),
])
def test_the_part_above_the_interest_cap_is_not_owed(text: str, hedge: str) -> None:
    claim = tag(text)
    assert tuple(claim.topics) == ("penalty_fees",)
    assert (claim.stance, claim.modality, claim.hedge) == ("denies", "normative", hedge)


@pytest.mark.parametrize(("text", "topic"), [
    ("这家网贷把服务费算进利息，年化其实超过了36%。", "debt_help_scam"),
    ("砍头息加上服务费，实际利率高得吓人。", "debt_help_scam"),
    ("信用卡分期期间有一期没还，银行会收滞纳金。", "negotiation"),
    ("手机是分期付款买的，逾期了会被收违约金。", "negotiation"),
])
def test_a_lenders_own_fee_or_instalments_are_no_scam_or_plan(text: str, topic: str) -> None:
    assert topic not in tag(text).topics


@pytest.mark.parametrize("text", [
    "银行最后同意免掉一半的罚息。",
    "客服答应免去这个月的滞纳金，本金照还。",
    "磨了好几次，平台才同意免掉逾期利息。",
])
def test_a_waiver_agreed_is_negotiation(text: str) -> None:
    assert {"negotiation", "penalty_fees"} <= set(tag(text).topics)


@pytest.mark.parametrize(("text", "modality"), [
    ("逾期后可以先跟平台申请延期还款。", "advice"),
    ("这种情况可以直接拨打12378投诉。", "advice"),
    ("投诉时要写明催收的时间和号码。", "advice"),
    ("逾期后债权人不用起诉，可以直接申请法院执行。", "descriptive"),
    ("公证后出借人无需打官司，可以直接申请强制执行。", "descriptive"),
    ("银行拒绝了协商申请，也可以过一阵子再提。", "advice"),
])
def test_who_the_can_or_must_is_addressed_to(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize("text", [
    "出借人一般先催告，催告无果才会申请执行。",
    "电话沟通无果后才会寄律师函。",
    "平台多次提醒无果，才会委托律师起诉。",
])
def test_an_unanswered_demand_before_cai_is_a_condition(text: str) -> None:
    assert tag(text).stance == "conditional"


# ------------------------------------------------ probe11 classes (travel bans, credit repair)


@pytest.mark.parametrize("text", [
    "成了失信被执行人以后，会被限制坐飞机和高铁。",
    "法院可以对拒不还款的被执行人限制出境。",
    "網貸逾期就會被限制坐火車的說法並不真實。",
    "被列入限制消费名单的人不能住星级酒店。",
])
def test_travel_and_spending_bans_are_enforcement(text: str) -> None:
    assert "legal_action" in tag(text).topics


@pytest.mark.parametrize(("text", "topic"), [
    ("这次一次性信用修复由征信中心统一处理。", "credit_report"),
    ("符合条件的小额逾期，可以享受信用修复政策。", "credit_report"),
    ("所谓的有偿信用修复公司，收了钱就失联。", "debt_help_scam"),
    ("花钱找中介做信用修复，十有八九被骗。", "debt_help_scam"),
])
def test_credit_repair_by_policy_or_for_a_fee(text: str, topic: str) -> None:
    assert topic in tag(text).topics


# ------------------------------------------------ left by the previous round: a rule clause,
# then its content; a limited frequency is no threshold


@pytest.mark.parametrize(("text", "stance"), [
    ("依据行业公约，催收员不能在节假日轰炸借款人。", "denies"),
    ("监管部门明确要求，外访人员只能找借款人本人。", "affirms"),
    ("按照指引的规定，上门催收需要两名以上工作人员。", "affirms"),
    ("根据自律公约，催收机构不可以向亲友透露欠款。", "denies"),
])
def test_the_content_of_a_named_rule_is_normative(text: str, stance: str) -> None:
    claim = tag(text)
    assert (claim.modality, claim.stance) == ("normative", stance)


@pytest.mark.parametrize("text", [
    "按照规定，只要逾期就会上报征信。",
    "按照平台的规定，逾期三天就会上征信。",
    "按照我的经验，银行一般先打电话。",
])
def test_a_rule_lead_without_a_duty_stays_descriptive(text: str) -> None:
    assert tag(text).modality == "descriptive"


@pytest.mark.parametrize("text", [
    "账单日一年一般只能改一次。",
    "停息挂账一年最多只能申请两次。",
    "还款日半年仅能调整一次。",
])
def test_a_limited_frequency_is_no_threshold(text: str) -> None:
    claim = tag(text)
    assert (claim.min_days, claim.max_days) == (None, None)


def test_an_overdue_span_before_a_limit_stays_a_threshold() -> None:
    claim = tag("逾期三天最多只会打几次电话。")
    assert (claim.min_days, claim.max_days) == (3, 3)


# ------------------------------------------------ probe12 classes (exposure, what cannot be
# prevented, basic needs, quarters)


@pytest.mark.parametrize("text", [
    "有的小平台会把借款人P图曝光，发到亲戚的手机上。",
    "催收把我的欠款截图发朋友圈，还艾特了我。",
    "正规平台一般不会P图群发借款人的照片。",
])
def test_exposure_to_others_is_a_third_party_contact(text: str) -> None:
    assert "contacts_family" in tag(text).topics


@pytest.mark.parametrize(("text", "topic"), [
    ("申请延期审理并不能阻止法院强制执行。", "legal_action"),
    ("长期拖着不还，最后无法避免被起诉。", "legal_action"),
    ("换了手机号也躲不掉上门催收。", "home_visit"),
])
def test_what_cannot_be_prevented_happens(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "存款被法院冻结后，银行会留下基本的生活费用。",
    "执行时要给被执行人保留基本生活所需。",
    "工资卡被法院冻结后，也会留出基本开支。",
])
def test_basic_needs_are_no_hedge(text: str) -> None:
    assert tag(text).hedge == "none"


@pytest.mark.parametrize(("text", "days"), [
    ("逾期超过一个季度，平台就会委外催收。", (90, None)),
    ("逾期满两个季度，银行大多会起诉。", (180, None)),
    ("逾期三个季度以上的账基本都会被核销。", (270, None)),
])
def test_quarters_are_three_months(text: str, days: tuple[int | None, int | None]) -> None:
    claim = tag(text)
    assert (claim.min_days, claim.max_days) == days


@pytest.mark.parametrize(("text", "topic", "not_topic"), [
    ("法院开庭前，双方还可以坐下来协商还款。", "negotiation", "legal_action"),
    ("起诉之前，平台一般会先打电话提醒本人。", "debtor_contact", "legal_action"),
    ("上报征信以前，银行会先发短信通知持卡人。", "debtor_contact", "credit_report"),
])
def test_a_time_before_an_event_is_circumstance(text: str, topic: str, not_topic: str) -> None:
    topics = tag(text).topics
    assert topic in topics
    assert not_topic not in topics


@pytest.mark.parametrize("text", [
    "判决之前，这笔钱你还是欠着的。",
    "开庭前律师会和你联系。",
    "被起诉以前，很多人都抱着侥幸心理。",
])
def test_a_before_clause_alone_keeps_its_topic(text: str) -> None:
    assert "legal_action" in tag(text).topics


# ------------------------------------------------ probe13 classes (cancelled cards, counting
# windows, words named in one clause)


@pytest.mark.parametrize("text", [
    "长期逾期的信用卡会被银行直接销卡。",
    "欠款太久，卡被注销了也很正常。",
    "银行注销了他的那张信用卡。",
])
def test_a_cancelled_card_is_account_impact(text: str) -> None:
    assert "account_impact" in tag(text).topics


@pytest.mark.parametrize("text", [
    "银行审批时看半年内逾期次数，超过三次基本会被拒。",
    "一年内逾期的次数太多，征信就花了。",
    "两年内累计逾期六次的，很难再贷款。",
])
def test_a_window_for_counting_overdues_is_no_threshold(text: str) -> None:
    claim = tag(text)
    assert (claim.min_days, claim.max_days) == (None, None)


@pytest.mark.parametrize(("text", "topic"), [
    ("短信里有“起诉”的字样，并不代表真的会被起诉。", "legal_action"),
    ("催收信息里带着冻结这类字眼，不意味着账户会被冻结。", "account_impact"),
    ("短信写着“上门”等词语，可也不排除真有人上门。", "home_visit"),
])
def test_words_named_in_one_clause_leave_the_next_clause_its_topic(text: str, topic: str) -> None:
    assert topic in tag(text).topics


# ------------------------------------------------ probe14 classes (the employer's own part,
# the automatic debit)


@pytest.mark.parametrize("text", [
    "欠了网贷，单位也照样给你缴纳社保。",
    "逾期和公司交不交五险一金没有关系。",
    "工作单位每月按时缴纳公积金，跟欠款无关。",
])
def test_the_employers_own_part_is_no_contact(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize("text", [
    "还款日当天系统会自动扣款，失败的话次日再扣。",
    "到期日扣款不成功的，第二天还会重新扣一次。",
    "还款日那天余额不足划扣失败，隔天会再划扣。",
])
def test_a_retried_automatic_debit_is_no_grace_claim_or_threshold(text: str) -> None:
    claim = tag(text)
    assert "overdue_grace" not in claim.topics
    assert (claim.min_days, claim.max_days) == (None, None)


# ------------------------------------------------ probe15 classes (debt stories)


@pytest.mark.parametrize("text", [
    "花钱买所谓的防爆通讯录服务，钱白交了。",
    "号称装了防爆系统就不会被爆通讯录，纯属骗钱。",
    "有人卖防爆服务，一个平台收三百。",
])
def test_a_paid_anti_exposure_service_is_a_scam(text: str) -> None:
    assert "debt_help_scam" in tag(text).topics


@pytest.mark.parametrize("text", [
    "负债上岸的第一步是停止以贷养贷。",
    "我的上岸日记记下了每一笔还款。",
    "坚持了三年，终于成功上岸。",
])
def test_getting_out_of_debt_oneself_is_no_scam(text: str) -> None:
    assert "debt_help_scam" not in tag(text).topics


@pytest.mark.parametrize("text", [
    "后来父母帮我还了一半的网贷。",
    "姐姐替我还了信用卡的最低还款。",
    "最后是家里人帮忙还上的。",
])
def test_a_relative_who_paid_is_no_contact(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize("text", [
    "接催收电话时先打开录音，留好证据。",
    "和催收通话前先告诉对方正在录音。",
    "对方上门之前先确认对方的工作证。",
])
def test_a_time_word_then_the_readers_act_is_advice(text: str) -> None:
    assert tag(text).modality == "advice"


# ------------------------------------------------ probe16 classes (hiring, addressees)


@pytest.mark.parametrize("text", [
    "应聘银行柜员，入职前一般要查征信。",
    "应届生办信用卡逾期，也会上征信。",
    "应急借的网贷逾期了，照样会上征信。",
])
def test_ying_of_a_job_or_a_graduate_is_no_rule(text: str) -> None:
    assert tag(text).modality != "normative"


@pytest.mark.parametrize("text", [
    "催收函寄到了老家，收件人写的是我妈的名字。",
    "律师函的收件人是借款人的父亲。",
    "快递单上收件人写的是我老公。",
])
def test_an_addressee_is_no_quoted_words(text: str) -> None:
    assert "contacts_family" in tag(text).topics


@pytest.mark.parametrize("text", [
    "有逾期记录的，有些单位背调时不会录用。",
    "单位做背景调查，一般会看征信报告。",
    "征信不好，国企单位可能不录用。",
])
def test_the_employer_checking_an_applicant_is_no_contact(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


def test_a_repeated_sentence_is_tagged_alike_and_callers_get_their_own_list() -> None:
    """The tag cache is invisible: the same claims for a repeat, and a caller that
    replaces an entry of its list does not change what the next caller gets."""
    from pipeline.claims.tagger import analyse_claims, clear_tag_cache

    text = "虽然网贷一般不会上门催收，但欠款多的也可能上门。"
    clear_tag_cache()
    first = analyse_claims(text, explain=False)
    first[0] = first[1]
    again = analyse_claims(text, explain=False)
    clear_tag_cache()
    fresh = analyse_claims(text, explain=False)
    assert [a.stance for a in again] == [a.stance for a in fresh] == ["denies", "affirms"]
    assert again == fresh


def test_a_claims_stored_fields_are_its_own_when_remembered_or_replaced() -> None:
    """The cue strings and the sentence hash a Claim stores are computed once per
    Analysis: a remembered Analysis gives what a fresh one gives, and an Analysis
    replaced with another threshold (a ；-cut carry) gets its own cue strings."""
    from dataclasses import replace

    from pipeline.claims.document import _stored_fields
    from pipeline.claims.tagger import analyse_claims, clear_tag_cache
    from pipeline.claims.thresholds import Threshold
    from pipeline.normalize import sha1_hex

    text = "逾期超过三个月，平台一般会委托第三方催收公司。"
    a = analyse_claims(text, explain=False)[0]
    assert _stored_fields(a) == (a.cues(), sha1_hex(a.normalized))
    assert _stored_fields(analyse_claims(text, explain=False)[0]) == _stored_fields(a)
    clear_tag_cache()
    fresh = analyse_claims(text, explain=False)[0]
    assert _stored_fields(fresh) == _stored_fields(a)
    one_day = Threshold(min_days=1, max_days=1, anchor="overdue", text="逾期一天")
    carried = replace(a, threshold=one_day)
    assert _stored_fields(carried)[0] == carried.cues() != a.cues()
