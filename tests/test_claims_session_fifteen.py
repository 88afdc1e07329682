"""Session fifteen: classes found in real explainer pages (SMS checks, collectors' scripts,
timelines of collection, debt fixers).

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse, tag_document
from tests.helpers import days_of

# -- quoted words named as wording are mentioned, not used -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unsaid"),
    [
        ("正规银行的短信不会出现“坐牢”“全家”之类的恐吓字眼。", "criminal_risk"),
        ("催收电话里常冒出“马上立案”这类施压话术。", "legal_action"),
        ("有的短信写满“限高”、“冻结”等吓人的字眼。", "legal_action"),
    ],
)
def test_quoted_wording_is_no_claim_of_its_event(sentence: str, unsaid: str) -> None:
    assert unsaid not in analyse(sentence).topics


def test_threat_talk_named_is_the_collectors_act() -> None:
    a = analyse("还不上的话，可能会听到“我们会去你老家”这类施压话术。")
    assert "debtor_contact" in a.topics
    assert "home_visit" not in a.topics


def test_a_quote_not_named_as_wording_keeps_its_event() -> None:
    # near miss: the letter's words, then the lawsuit that really came
    assert "legal_action" in analyse("律师函上写着“七日内还款”，之后银行真的起诉了。").topics


# -- a rule against personal attacks denies the abuse ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员不得对借款人进行人身攻击。",
        "按照公约，催收人员不能进行人身攻击。",
        "催收人员既不能泄露你的隐私，也不能进行人身攻击。",
    ],
)
def test_a_rule_against_personal_attacks_denies_abuse(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.stance == "denies"


def test_a_personal_attack_narrated_affirms() -> None:
    a = analyse("那个催收员在电话里对我进行人身攻击。")
    assert "complaints_rights" in a.topics
    assert a.stance == "affirms"


# -- a number on the phone's blacklist is no credit blacklist ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "可以把那些陌生号码加入黑名单。",
        "手机自带的来电黑名单能拦住一部分催收电话。",
        "我把催收的电话加入黑名单了。",
    ],
)
def test_a_phone_blacklist_is_no_credit_record(sentence: str) -> None:
    assert "credit_report" not in analyse(sentence).topics


def test_the_lenders_blacklist_stays_a_record() -> None:
    assert "credit_report" in analyse("逾期太久会被平台拉入黑名单。").topics


# -- the lender getting in touch with its client is a contact with the borrower ----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期第二天，客服就会与客户联系。",
        "银行通常先和持卡人联系，提醒尽快还款。",
        "催收员一般会先跟借款人联系，了解逾期原因。",
    ],
)
def test_the_lender_contacting_its_client_is_debtor_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_the_reader_contacting_an_account_manager_is_no_contact() -> None:
    # near miss: 与客户经理联系 is the reader calling the bank
    assert "debtor_contact" not in analyse("借款人可以主动与客户经理联系，说明困难。").topics


# -- checking that the caller is a genuine collector -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "接到电话，先弄清楚对方是不是真正的催收人员。",
        "上门的人要出示证件，确保对方是真正的催收员。",
        "要确认打来电话的是否是真正的催收公司。",
    ],
)
def test_checking_for_a_genuine_collector_is_about_impostors(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_what_genuine_collectors_do_is_no_check() -> None:
    # near miss: how real collectors behave, no one checked
    assert "fake_collection" not in analyse("真正的催收员一般会报出工号。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "接到催收电话时，首先要核实对方的身份。",
        "首先要确认短信里的欠款金额对不对。",
        "有人上门时，首先要问清对方是哪家公司的。",
    ],
)
def test_first_of_all_checking_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


# -- a collector posing as a legal department, a court or a lawyer -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有些催收员会假装成法院的人打电话。",
        "还有人假扮成律师，发短信说要起诉你。",
        "有的催收假装是法务部门，说你涉嫌诈骗。",
    ],
)
def test_posing_as_legal_staff_is_an_impostor(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_the_lenders_legal_department_stays_legal() -> None:
    a = analyse("逾期三个月后，银行的法务部门会发律师函。")
    assert "legal_action" in a.topics
    assert "fake_collection" not in a.topics


# -- a fear told, then corrected ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("她怕催收会打给她同事，但其实正规平台一般不会这样做。", "contacts_family"),
        ("我担心逾期了会有人上门，实际上这种情况很少。", "home_visit"),
        ("他担心催收会打给他爸妈，其实催收一般不会这么做。", "contacts_family"),
    ],
)
def test_a_fear_corrected_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_fear_that_came_true_affirms() -> None:
    # near miss: the feared call happened
    a = analyse("我怕催收会打给我爸妈，结果第二天他们真的打了。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


# -- a fixer who promises to make collection go away -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人号称能帮你“搞定”催收，收了钱就跑。",
        "网上那些说能摆平催收的，收了钱就消失。",
        "别信所谓的内部关系，花钱也删不了逾期记录。",
    ],
)
def test_a_fixer_for_collection_is_a_scam(sentence: str) -> None:
    assert "debt_help_scam" in analyse(sentence).topics


def test_getting_something_done_is_no_scam() -> None:
    assert analyse("这个问题我帮你搞定了。").topics == ()


# -- a timeline item opening with a range of days ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("1-3天短信和电话提醒，主要是平台内部催收", (1, 3)),
        ("16-30天外包催收公司介入", (16, 30)),
        ("4~7天人工催收开始打电话", (4, 7)),
    ],
)
def test_a_timeline_range_is_an_overdue_stage(sentence: str, days: tuple[int, int]) -> None:
    assert days_of(sentence) == (*days, "overdue")


def test_a_time_narrated_is_no_stage() -> None:
    # near miss: a month later in a story, no stage of a timeline
    assert analyse("一个月后，催收员打给了我的表姐。").threshold is None


# -- no waiver in fact --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "所谓的一次性结清减免，很多时候实际无减免。",
        "逾期罚息无任何减免，只能全额还。",
        "打了好几次电话，结果还是无减免。",
    ],
)
def test_no_waiver_denies(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.stance == "denies"


def test_a_waiver_granted_affirms() -> None:
    a = analyse("平台同意减免一半罚息。")
    assert "negotiation" in a.topics
    assert a.stance == "affirms"


# -- a message named by its quoted words and what it does ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "不少人都收到过类似“明天上门”的警示短信。",
        "她收到一条“三天后起诉”的提醒信息，吓得睡不着。",
        "很多借款人都收到过“派人去单位”的威胁短信。",
    ],
)
def test_a_message_named_by_its_words_is_the_message(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert not {"home_visit", "legal_action", "contacts_family"} & set(a.topics)


# -- a threat verb right after the quoted words ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unsaid"),
    [
        ("骗子才会一上来就发“上门”威胁。", "home_visit"),
        ("有的催收拿“起诉”来吓唬人。", "legal_action"),
        ("他们用“坐牢”恐吓借款人。", "criminal_risk"),
    ],
)
def test_quoted_words_then_a_threat_verb_are_set_apart(sentence: str, unsaid: str) -> None:
    assert unsaid not in analyse(sentence).topics


# -- abuse named with 谩骂 or as threatening means -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收机构不得谩骂、恐吓借款人。",
        "按规定，催收人员不得采用威胁手段催收债务。",
        "法律禁止催收员谩骂借款人的家属。",
    ],
)
def test_a_rule_against_abuse_named_with_other_words_denies(sentence: str) -> None:
    a = analyse(sentence)
    assert "complaints_rights" in a.topics
    assert a.stance == "denies"


# -- evidence kept in plain words ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "收到威胁短信，记得截图留个证据。",
        "通话时开着录音，留下证据再说。",
        "把催收的短信都存下来，留个证据总没错。",
    ],
)
def test_evidence_kept_in_plain_words_is_about_rights(sentence: str) -> None:
    assert "complaints_rights" in analyse(sentence).topics


# -- overdue only from a later date: a grace applies ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "比如10号的账单，到13号才正式算逾期。",
        "过了宽限期以后才会正式算逾期。",
        "还款日之后第三天才正式记为逾期。",
    ],
)
def test_overdue_only_later_affirms_a_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics
    assert a.stance != "denies"


def test_overdue_from_the_next_day_denies_a_grace() -> None:
    # near miss: overdue at once
    a = analyse("还款日第二天就算逾期。")
    assert "overdue_grace" in a.topics
    assert a.stance in ("denies", "conditional")


# -- a belief the writer almost fell for --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("我差点以为自己要坐牢了。", "criminal_risk"),
        ("她险些以为家里人都会被通知。", "contacts_family"),
        ("刚开始差点以为第二天就会被起诉。", "legal_action"),
    ],
)
def test_a_belief_almost_held_is_rejected(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


# -- the legal liability of whoever breaks a rule is no lawsuit ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "晚上十点后不得打催收电话，违反规定的要承担法律责任。",
        "暴力催收的人员，将被依法追究法律责任。",
        "催收员违反上述规定，可能面临法律责任。",
    ],
)
def test_a_rule_breakers_liability_is_no_lawsuit(sentence: str) -> None:
    assert "legal_action" not in analyse(sentence).topics


def test_the_borrowers_liability_stays_legal() -> None:
    # near miss: the borrower who refuses to pay is the one liable
    assert "legal_action" in analyse("如果拒不还款，借款人要承担法律责任。").topics


# -- improper means and the borrower's privacy -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收时不得使用恐吓、侮辱等手段。",
        "催收人员不得采取不当手段逼迫借款人。",
        "平台应当保护借款人的隐私，不得外泄。",
    ],
)
def test_improper_means_and_privacy_are_about_rights(sentence: str) -> None:
    assert "complaints_rights" in analyse(sentence).topics


# -- basic rights carry no hedge -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "夜里不能打催收电话，这是为了保障借款人的基本休息权利。",
        "催收员不得骚扰家属，要尊重他们的基本权利。",
        "深夜催收侵犯了借款人的基本权益，可以投诉。",
    ],
)
def test_basic_rights_are_no_frequency_hedge(sentence: str) -> None:
    assert analyse(sentence).hedge != "frequency"


def test_basically_stays_a_hedge() -> None:
    # near miss: 基本 as "mostly"
    assert analyse("银行基本不会上门催收。").hedge == "frequency"


# -- the emergency-contact form names no call, a later clause may ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "紧急联系人填的是他母亲，后来催收真的打给了他母亲。",
        "我的紧急联系人填的是我哥，后来催收打给了我哥。",
        "她填紧急联系人时写了老公，逾期一个月后催收就打给了她老公。",
    ],
)
def test_a_call_after_the_form_reaches_the_family(sentence: str) -> None:
    assert "contacts_family" in analyse(sentence).topics


def test_the_form_alone_calls_no_one() -> None:
    assert "contacts_family" not in analyse("紧急联系人填的是我爸，他到现在也不知道我欠钱。").topics


# -- misspellings of 冻结 and 骚扰 ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("逾期后平台会冻洁你的借款额度。", "account_impact"),
        ("额度被冻洁了，暂时用不了。", "account_impact"),
        ("正规平台一般不会搔扰你的通讯录联系人。", "contacts_family"),
    ],
)
def test_misspelt_words_are_read_as_meant(sentence: str, topic: str) -> None:
    assert topic in analyse(sentence).topics


# -- a stage started after a span, said by what starts ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("消费金融公司一般30天左右启动人工催收。", (30, 30)),
        ("有的网贷平台5天就联系紧急联系人。", (5, 5)),
        ("银行信用卡多在120天后转外包。", (120, None)),
    ],
)
def test_a_stage_started_after_a_span_is_overdue(sentence: str,
                                                 days: tuple[int, int | None]) -> None:
    assert days_of(sentence) == (*days, "overdue")


def test_a_span_of_manual_collection_is_no_stage() -> None:
    # near miss: how often calls come, no span of overdue
    assert analyse("人工催收每天会打三次电话。").threshold is None


# -- 不一定 answering a "when" question ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("网贷逾期几天会打给紧急联系人？不一定。", "contacts_family"),
        ("信用卡逾期多久会被起诉？不一定，要看银行。", "legal_action"),
        ("逾期多长时间会有人上门？不一定的。", "home_visit"),
    ],
)
def test_not_necessarily_answers_a_when_question(text: str, topic: str) -> None:
    claims = tag_document("d", text)
    assert len(claims) == 2
    assert claims[0].stance == "question"
    assert claims[1].topics == (topic,)
    assert claims[1].hedge == "possibility"


def test_another_answer_to_a_when_question_stays_no_claim() -> None:
    # near miss: a when-question's answer that is no 不一定 (一般不会很快 is no denial)
    assert len(tag_document("d", "逾期多久会被起诉？一般不会很快。")) == 1


# -- the borrower not complying with a judgment -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "如果借款人不执行判决，法院会强制执行。",
        "判决生效后借款人不履行判决的，银行可以申请强制执行。",
        "被告拒不履行判决，会被列为失信被执行人。",
    ],
)
def test_not_complying_with_a_judgment_is_no_denial(sentence: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics
    assert a.stance != "denies"


def test_a_judgment_not_given_denies() -> None:
    # near miss: the court gives no judgment
    a = analyse("这种小额欠款法院一般不会判决。")
    assert "legal_action" in a.topics
    assert a.stance == "denies"


# -- a lawyer's letter faked or used for fraud ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台自己打印的“律师函”，基本就是P的。",
        "那张传票一看就是P的，连法院名字都写错了。",
        "有骗子冒用律所名义，利用律师函进行诈骗。",
    ],
)
def test_a_faked_or_fraudulent_letter_is_an_impostors(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_a_genuine_letter_stays_legal() -> None:
    a = analyse("正规律所发来的律师函，格式都很规范。")
    assert "legal_action" in a.topics
    assert "fake_collection" not in a.topics


# -- the borrower's case, then what he should do ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "如果借款人收到的是假传票，则应保留证据并报警。",
        "若借款人遇到暴力催收，应及时录音取证。",
        "如果持卡人确实无力还款，就应主动联系银行协商。",
    ],
)
def test_should_after_the_borrowers_case_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_should_after_the_lenders_case_stays_a_rule() -> None:
    # near miss: the bank is the one who should act
    assert analyse("如果借款人逾期超过三个月，银行则应先发催收函。").modality == "normative"


# -- names a firm trades under are mentioned, not used --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unsaid"),
    [
        ("不少机构以“咨询服务”“纠纷调解”之类的名义开公司。", "legal_action"),
        ("有的公司打着“诉前调解”之类的旗号收费。", "legal_action"),
        ("他们用“停息挂账”等名目招揽客户。", "negotiation"),
    ],
)
def test_a_name_traded_under_is_no_claim_of_its_event(sentence: str, unsaid: str) -> None:
    assert unsaid not in analyse(sentence).topics


def test_a_quoted_service_named_plainly_keeps_its_event() -> None:
    # near miss: the court's own mediation, quoted but not a trade name
    assert "legal_action" in analyse("法院会先安排“诉前调解”，调解不成再开庭。").topics


# -- resolving debts sold as a service ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这家公司以“解债”为幌子骗钱。",
        "所谓的解债机构，收了钱就不见人影。",
        "对方要求预付费用，说交了钱才能帮你谈。",
    ],
)
def test_paid_debt_resolution_is_a_scam(sentence: str) -> None:
    assert "debt_help_scam" in analyse(sentence).topics


# -- a debt-service firm's own crime is not the borrower's -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "后来才弄清楚，那家法务公司因涉嫌犯罪被警方查处。",
        "这家债务优化公司涉嫌诈骗，老板已经被抓。",
        "该机构以“解债”为名骗取钱财，已被警方查处。",
    ],
)
def test_a_firms_crime_is_no_criminal_risk(sentence: str) -> None:
    a = analyse(sentence)
    assert "criminal_risk" not in a.topics
    assert "debt_help_scam" in a.topics


def test_the_borrowers_crime_stays_criminal() -> None:
    # near miss: the borrower is the one charged
    assert "criminal_risk" in analyse("恶意透支信用卡的人，可能涉嫌犯罪被立案侦查。").topics


# -- a scare at a word, then corrected ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("不少人一听到“上门催收”就睡不着，其实平台很少真的派人来。", "home_visit"),
        ("很多人一听说要被起诉就慌了，实际上小额欠款银行一般不会告。", "legal_action"),
        ("有人一听到催收要找家人就吓坏了，其实正规平台不会这么做。", "contacts_family"),
    ],
)
def test_a_scare_corrected_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_a_scare_acted_on_keeps_its_event() -> None:
    # near miss: no correction follows; the threat was real to the writer
    a = analyse("我一听到要爆通讯录，马上就去还了钱。")
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


# -- a cap or a permission set as a rule ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员每天给同一个人打电话，最多不能超过三次。",
        "按照公约，借款人失联时，催收才可以联系紧急联系人。",
        "经借款人同意后，方可联系其单位。",
    ],
)
def test_a_cap_or_permission_is_a_rule(sentence: str) -> None:
    assert analyse(sentence).modality == "normative"


def test_a_platforms_practice_only_then_is_no_rule() -> None:
    # near miss: what a platform does only in extreme cases, with no rule source, is practice
    a = analyse("平台只有在极端情况下才能联系紧急联系人。")
    assert a.modality == "descriptive"


def test_a_count_told_is_no_rule() -> None:
    # near miss: how many calls came, no rule
    assert analyse("那天催收给我打了不下十次电话。").modality == "descriptive"


# -- the reader's own approach to the lender ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "主动与银行协商个性化分期。",
        "主动跟平台申请延期还款，说明自己的困难。",
        "主动向客服申请停息挂账。",
    ],
)
def test_approaching_the_lender_oneself_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_the_lender_approaching_the_borrower_stays_descriptive() -> None:
    assert analyse("银行会主动与持卡人联系。").modality == "descriptive"


# -- a possibility granted, pointing back, then called rare --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("至于爆通讯录，虽然存在这种可能性，但实际上很少发生。", "contacts_family"),
        ("说到坐牢，理论上有这种可能，但真正判刑的极少。", "criminal_risk"),
        ("上门催收这件事，确实有这种可能性，不过并不常见。", "home_visit"),
    ],
)
def test_a_possibility_granted_then_rare_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_a_possibility_granted_and_kept_affirms() -> None:
    # near miss: no rarity after the grant
    a = analyse("至于爆通讯录，虽然不常规，但确实存在这种可能性。")
    assert "contacts_family" in a.topics
    assert a.stance != "denies"


# -- a chance put as small, with 就 or 也 between ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("只要积极配合还款，平台上门的可能性就较小。", "home_visit"),
        ("金额不大的话，被起诉的概率也很低。", "legal_action"),
        ("按时接电话，打给家人的可能性就很小。", "contacts_family"),
    ],
)
def test_a_small_chance_is_rarity(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


# -- what the reader may have heard is no hedge on the event ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "你可能听过“逾期就上门”的说法，但现实是正规平台极少派人上门。",
        "大家可能听说过爆通讯录，其实持牌机构很少这么做。",
        "你可能见过那种吓人的短信，实际上平台很少真的起诉。",
    ],
)
def test_what_the_reader_may_have_heard_lends_no_possibility(sentence: str) -> None:
    assert analyse(sentence).hedge == "frequency"


# -- 答案是 opens an answer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("网贷逾期会不会找到老家？答案是不一定。", "home_visit", "affirms"),
        ("欠花呗会坐牢吗？答案是不会。", "criminal_risk", "denies"),
        ("信用卡逾期会上征信吗？答案是会的。", "credit_report", "affirms"),
    ],
)
def test_an_answer_opened_with_the_answer_is(text: str, topic: str, stance: str) -> None:
    claims = tag_document("d", text)
    assert len(claims) == 2
    assert claims[1].topics == (topic,)
    assert claims[1].stance == stance


# -- channels listed after the methods are named --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台会用多种方式催收，包括电话、短信，严重的会起诉。",
        "银行会采取多种措施，比如电话、短信，还可能发律师函。",
        "催收手段很多，例如短信、电话，最后才是诉讼。",
    ],
)
def test_channels_listed_after_the_methods_count(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "legal_action" in a.topics


def test_a_channel_not_in_a_list_of_methods_stays_weak() -> None:
    # near miss: the call is how the lawsuit is announced, no method listed
    assert analyse("银行起诉前会打电话通知你。").topics == ("legal_action",)


# -- what still works is an ability, no suggestion ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "花呗逾期不会冻结支付宝账户，余额支付仍然可以正常使用。",
        "额度被冻结后，可以正常还款，只是不能再借。",
        "信用卡被停用了，储蓄卡照样可以用，不受影响。",
    ],
)
def test_what_still_works_is_descriptive(sentence: str) -> None:
    assert analyse(sentence).modality == "descriptive"


def test_what_the_reader_can_do_stays_advice() -> None:
    # near miss: a suggestion to the reader
    assert analyse("还不上的话，可以申请个性化分期。").modality == "advice"


# -- including but not limited to ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("平台可能会采取措施，包括但不限于降低额度、暂停借款。", "account_impact"),
        ("后果包括但不限于上征信、被起诉。", "legal_action"),
        ("催收方式不仅限于电话，还可能上门。", "home_visit"),
    ],
)
def test_not_limited_to_denies_nothing(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance != "denies"


# -- the reader told to act early, or straight away ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "借款人应尽早与客服联系，申请延期还款。",
        "还不上的话要尽早和银行协商分期。",
        "客户还可直接拨打客服电话申请延期还款。",
    ],
)
def test_early_or_direct_steps_are_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "只要贷款人同意，即可展期。",
        "银行审核通过后，即可延期还款。",
        "还清欠款后，即可解冻额度。",
    ],
)
def test_what_consent_brings_is_no_instruction(sentence: str) -> None:
    assert analyse(sentence).modality == "descriptive"


def test_the_court_acting_directly_stays_descriptive() -> None:
    assert analyse("法院可直接冻结借款人的银行账户。").modality == "descriptive"


# -- papers forged by the borrower, and a promise to wipe the record ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有的中介会教唆借款人伪造材料去申请停息挂账。",
        "那家债务优化机构让我伪造病历，说这样银行就会同意停催。",
        "他们要求你预付高额费用，再帮你编造理由去申诉。",
    ],
)
def test_forging_ones_own_papers_is_no_impostor(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" not in a.topics
    assert "debt_help_scam" in a.topics


def test_forged_court_papers_stay_an_impostors() -> None:
    assert "fake_collection" in analyse("催收公司伪造法院文书吓唬人。").topics


def test_the_borrowers_forgery_is_a_criminal_risk() -> None:
    assert "criminal_risk" in analyse("参与伪造材料的人，可能要承担刑事责任。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "凡是声称可以删除逾期记录的，都是骗局。",
        "网上有人宣称能消除征信上的逾期，千万别信。",
        "那些号称能把征信洗白的机构，收了钱就跑。",
    ],
)
def test_a_promise_to_wipe_the_record_is_a_scam(sentence: str) -> None:
    assert "debt_help_scam" in analyse(sentence).topics


# -- the reader told to call the lender again ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "银行不同意分期的话，可以多打几次电话，或者写书面申请。",
        "第一次申请延期没通过，可以多打几次客服试试。",
        "协商分期被拒了也别灰心，多打几个电话总有机会。",
    ],
)
def test_calling_the_lender_again_is_no_collection_call(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" not in a.topics
    assert "negotiation" in a.topics


# -- a teller's narration resumes after a caller's words -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人接到自称“平台客服”的电话，说能帮他注销账户，结果被骗了一万多。",
        "她接到一个陌生电话，说是银行的，结果被骗走了五千块。",
        "我接到自称客服的电话，说可以帮我提额，后来才知道上当受骗了。",
    ],
)
def test_a_call_that_ends_in_being_cheated_is_an_impostors(sentence: str) -> None:
    assert "fake_collection" in analyse(sentence).topics


def test_a_scam_with_a_fee_stays_the_paid_service() -> None:
    # near miss: a paid service is named, the weak word gives way
    a = analyse("交了五千服务费，说能帮我停息挂账，结果被骗了。")
    assert "debt_help_scam" in a.topics
    assert "fake_collection" not in a.topics


# -- the case named, then 这时候…才 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期很久又联系不上本人，这时候催收才有可能上门。",
        "欠款金额较大、拒不还款，这时银行才会起诉。",
        "平台多次提醒无果，在这种情况下才会联系紧急联系人。",
    ],
)
def test_then_only_makes_a_condition(sentence: str) -> None:
    assert analyse(sentence).stance == "conditional"


def test_found_out_only_then_is_no_condition() -> None:
    # near miss: 这时候才发现 tells when it was found out
    assert analyse("后来我这时候才发现催收打给了我妈。").stance == "affirms"


# -- the borrower told to repay, beside a stronger topic ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "债权转让以后，新的债权人会发短信通知你还款。",
        "资产管理公司买下欠款后，会打电话通知你还款。",
        "账户转给外包公司后，对方会通知您还款。",
    ],
)
def test_telling_the_borrower_to_repay_is_a_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_a_court_sms_about_a_hearing_is_no_collection_contact() -> None:
    assert "debtor_contact" not in analyse("法院会发短信通知你开庭时间。").topics


# -- evidence gathered first ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "先收集录音和聊天记录，然后向平台投诉。",
        "先整理好通话录音，再打12378反映。",
        "先把证据留好，然后再去报警。",
    ],
)
def test_gathering_evidence_first_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


# -- Taiwan card pages: late fees, stages by days, negative records -------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("5~7天內部評分調低，卡片先暫停使用", (5, 7)),
        ("30天以上通報聯徵，留下負面紀錄", (30, None)),
        ("8~29天記錄為逾期未繳，收取違約金", (8, 29)),
    ],
)
def test_a_stage_row_opening_with_days_is_overdue(sentence: str,
                                                   days: tuple[int, int | None]) -> None:
    assert days_of(sentence) == (*days, "overdue")


def test_days_to_arrive_are_no_stage() -> None:
    # near miss: days until a transfer arrives
    assert analyse("3-5天内到账，不影响征信。").threshold is None


@pytest.mark.parametrize(
    "sentence",
    [
        "遲繳一天內無罰金，但會開始計息。",
        "信用卡遲繳要付罰金，金額依銀行規定。",
        "繳款截止日後第二天起收取罰金。",
    ],
)
def test_a_card_late_fee_is_no_criminal_fine(sentence: str) -> None:
    a = analyse(sentence)
    assert "penalty_fees" in a.topics
    assert "criminal_risk" not in a.topics


def test_no_late_fee_denies() -> None:
    a = analyse("遲繳一天內無罰金，但會開始計息。")
    assert a.stance == "denies"


def test_a_criminal_fine_stays_criminal() -> None:
    # near miss: a court's fine with a prison term
    assert "criminal_risk" in analyse("恶意透支数额较大的，处五年以下有期徒刑，并处罚金。").topics


def test_a_negative_record_is_the_credit_file() -> None:
    a = analyse("這條負面紀錄將在聯徵中心保留七年。")
    assert "credit_report" in a.topics


# -- the address book in an app's feature is no contact being called --------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这款聊天软件可以导入手机本地通讯录，实现好友推荐。",
        "首次使用时需要授权通讯录权限，才能匹配手机联系人。",
        "新版本优化了通讯录同步的速度。",
    ],
)
def test_an_apps_address_book_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


@pytest.mark.parametrize(
    "sentence",
    [
        "通讯录里的朋友都接到了电话。",
        "拖了两个月，通讯录就被挨个打了一遍。",
        "积极协商可以延缓通讯录拨打的进程。",
    ],
)
def test_the_address_book_in_collection_stays_a_contact(sentence: str) -> None:
    assert "contacts_family" in analyse(sentence).topics


# -- a small share said with a number --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("平台的数据显示，仅3%的逾期用户会被上门催收。", "home_visit"),
        ("只有0.5%的逾期案件最后走到了起诉这一步。", "legal_action"),
        ("据统计，仅占1%的借款人遇到过爆通讯录。", "contacts_family"),
    ],
)
def test_a_small_share_is_rarity(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_a_large_share_is_no_rarity() -> None:
    # near miss: thirty percent is no rarity
    a = analyse("只有30%的人会被起诉。")
    assert a.stance == "affirms"


# -- a card locked or frozen -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "信用卡逾期了，银行一般不会直接锁定储蓄卡。",
        "逾期太久，本行的储蓄卡可能会被冻结。",
        "卡被锁了以后，只能还款不能消费。",
    ],
)
def test_a_card_locked_is_an_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_a_savings_card_frozen_by_a_court_is_enforcement() -> None:
    a = analyse("判决后还不还钱，法院可以冻结你名下的储蓄卡。")
    assert "legal_action" in a.topics
    assert "account_impact" not in a.topics
