"""Session thirteen (coordinator): classes found by blind probes 390 on.

Each class has sentences of its own and a near miss that keeps the old reading.
Collection-call accounts (probe 390): a collector's remark named and given after a colon
(回她一句：…, 撂下话：…) is the collector's words, the call is the claim; a collector's
words run on into a clause that opens with the threat's next step (下次就…, 否则…); a rule in
plain words (不许) is normative, and its sanction on whoever breaks it (违者按投诉处理) is no
complaint; a frequency word on a source's saying (组长常说，X) is no hedge of X.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a collector's remark after a colon -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员回了他一句：不还钱就让你全家都知道。",
        "对方在电话里撂下话：明天之前不处理就起诉你。",
        "那个催收员甩下一句：有本事你就去报警。",
    ],
)
def test_a_collectors_remark_after_a_colon_is_the_call(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)
    assert a.stance == "affirms"


def test_an_author_colon_keeps_its_claims() -> None:
    # near miss: the author's own list after a colon is no collector's remark
    a = analyse("逾期以后催收会做三件事：打电话、发短信、联系家人。")
    assert "contacts_family" in a.topics


# -- a collector's words run on into the threat's next step -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员说这是本周第三次打给你了，下次就直接上门。",
        "对方说今天必须还一半，否则马上起诉。",
        "催收说已经给了你很多次机会，到时候别怪他们联系你单位。",
    ],
)
def test_a_collectors_next_step_is_more_of_his_words(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)


def test_the_authors_clause_after_a_collectors_words_is_read() -> None:
    # near miss: the author answers in the next clause; his denial is his claim
    a = analyse("催收员说要起诉我，其实根本没有立案。")
    assert "legal_action" in a.topics


# -- a rule in plain words, and its sanction ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "公司规定晚上十点以后不许给借款人打电话，违者按投诉处理。",
        "平台不许催收员联系借款人的同事，违反者按客诉记录。",
        "行业公约不许催收人员冒充公检法，违者一律按举报处理。",
    ],
)
def test_a_plain_rule_is_normative_and_its_sanction_no_complaint(sentence: str) -> None:
    a = analyse(sentence)
    assert a.modality == "normative"
    assert "complaints_rights" not in a.topics
    assert a.stance == "denies"


def test_a_borrowers_complaint_stays() -> None:
    # near miss: the borrower who complains, no rule's sanction
    a = analyse("催收半夜打电话骚扰，借款人可以向银保监投诉。")
    assert "complaints_rights" in a.topics


# -- a frequency word on a source's saying ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我师傅常说，打给家人只是吓唬一下。",
        "带我的老催收经常说，打给紧急联系人就是为了施压。",
        "律师朋友总说，几千块的欠款银行不会去起诉。",
    ],
)
def test_a_sources_habit_of_saying_is_no_hedge(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.hedge == "none"


def test_a_quoted_saying_keeps_its_frequency() -> None:
    # near miss: the saying set apart is the act, its 常 its hedge
    a = analyse("冒充催收的骗子常说“今天不还就抓你”，然后让你转账。")
    assert a.hedge == "frequency"


# Police anti-fraud notices (probe 391): a lender's staff played by a stranger (自称…客服,
# 假客服, 误以为是…工作人员) and the campus-loan "cancellation" they sell are impostors; the
# caller's words after a call and ，称 are set apart; a received call opens the reader's
# instruction (接到…的电话，一律挂断), as the police's lead does (警方表示，…); 有没有…都 is
# "whether or not", no question; 110 inside 96110 is no police call; an instalment loan left
# unpaid is the debt, no plan.


@pytest.mark.parametrize(
    "sentence",
    [
        "有人自称某银行信用卡中心的客服，说你的额度异常要马上处理。",
        "这些假客服会先报出你的姓名和学校，让你放下戒心。",
        "注销校园贷是近年最常见的电信诈骗手法之一。",
    ],
)
def test_a_stranger_playing_the_lenders_staff_is_an_impostor(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics


def test_the_lenders_own_staff_is_no_impostor() -> None:
    # near miss: the real customer service named, no one playing it
    a = analyse("我打给银行客服，对方说可以申请延期还款。")
    assert "fake_collection" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "一个陌生号码打来电话，称你的借款即将被移交法院。",
        "催收公司来电，称三天内不还就派人上门。",
    ],
)
def test_a_callers_words_after_a_comma_and_cheng_are_set_apart(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics or "third_party_agency" in a.topics
    assert not {"legal_action", "home_visit"} & set(a.topics)


def test_cheng_that_names_says_nothing() -> None:
    # near miss: 称为 names a thing; the claim after it is the author's
    a = analyse("银行把逾期九十天以上的欠款，称为不良贷款，会上报征信。")
    assert "credit_report" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "接到自称法院工作人员的电话，一律挂断，再打官方电话核实。",
        "警方表示，遇到冒充客服的电话，挂断后拨打官方热线核实。",
        "接到要求转账到个人账户的电话，直接挂断。",
    ],
)
def test_a_received_call_opens_the_readers_instruction(sentence: str) -> None:
    a = analyse(sentence)
    assert a.modality == "advice"
    assert "fake_collection" in a.topics


def test_a_received_call_told_as_a_story_stays_descriptive() -> None:
    # near miss: what happened after the call, no instruction
    a = analyse("接到催收电话的第二天，我妈也接到了电话。")
    assert a.modality == "descriptive"


@pytest.mark.parametrize(
    "sentence",
    [
        "只要按时还款，有没有用过分期都不会影响征信。",
        "不管有没有律师函，欠款都要还，逾期都会上征信。",
    ],
)
def test_whether_or_not_is_no_question(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance != "question"


def test_a_real_whether_question_stays() -> None:
    # near miss: an A-not-A with no 都 asks
    a = analyse("逾期一个月有没有上征信")
    assert a.stance == "question"


def test_a_longer_service_number_is_no_police_call() -> None:
    a = analyse("拿不准的时候可以拨打96110反诈专线咨询。")
    assert "complaints_rights" not in a.topics


def test_calling_110_stays_a_report() -> None:
    # near miss: 110 itself, called about a collector
    a = analyse("催收人员上门闹事，可以直接打110报警。")
    assert "complaints_rights" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "工作以后才想起，那笔分期一直没还，征信上已经有了逾期记录。",
        "上学时的一笔分期忘了还，现在征信上有逾期记录。",
    ],
)
def test_an_instalment_loan_left_unpaid_is_no_plan(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" not in a.topics
    assert "credit_report" in a.topics


def test_a_plan_asked_for_stays_negotiation() -> None:
    # near miss: a plan asked for after the overdue
    a = analyse("还不上的时候可以跟银行申请分期，减轻每月的压力。")
    assert "negotiation" in a.topics


# Overdue diaries (probe 392): calls named by the area codes they come from are calls; a
# relative or a school a collector uses as a threat (拿…说事) is the threat, no contact.


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期第五天，手机上全是外地区号的未接来电。",
        "一上午换了好几个城市的区号，全是来催的。",
        "各地区号轮番上阵，我干脆开了静音。",
    ],
)
def test_calls_named_by_area_codes_are_calls(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_an_area_code_dialled_is_no_call() -> None:
    # near miss: 区号 as part of dialling, nothing received
    assert analyse("打座机要在号码前面加上区号。").topics == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "催收拿我爸妈的身体说事，逼我今天就还。",
        "他们专门拿孩子的学校来吓唬人。",
        "催收员拿你老婆的单位做要挟，这已经越界了。",
    ],
)
def test_a_family_used_as_a_threat_is_the_threat(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert "contacts_family" not in a.topics


def test_calling_the_family_stays_a_contact() -> None:
    # near miss: the family called, not talked about
    assert "contacts_family" in analyse("催收直接打给了我爸妈，说我欠钱不还。").topics


# Video transcripts (probe 393): a sentence with no clause punctuation whose phrases are
# set off by spaces is a transcript, its spaces clause breaks (a glyph gap is one space in a
# punctuated sentence; a word-segmented copy has word-long pieces); someone who messaged
# the writer (有粉丝私信我说) is a source, no call-to-action box; 你就直接… after the other
# side's case tells the reader.


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期以后先别慌 我跟大家说一下 催收电话一天打十几个 可以向银保监投诉",
        "很多人关心这个问题 正规平台一般不会上门 更不会去你单位",
        "大家记住 催收打给你家里人 你就直接打12378",
    ],
)
def test_a_transcripts_spaces_are_clause_breaks(sentence: str) -> None:
    from pipeline.claims.tagger import tagging_text

    text = tagging_text(sentence)
    assert " " not in text and "□" not in text
    assert text.count(",") == sentence.count(" ")
    assert analyse(sentence).topics


def test_a_glyph_gap_in_a_punctuated_sentence_stays_a_gap() -> None:
    from pipeline.claims.tagger import tagging_text

    # near miss: a site stripped 电话 from a punctuated sentence
    assert "□" in tagging_text("花呗逾期了，催收会打 吗？")


def test_a_word_segmented_copy_is_no_transcript() -> None:
    from pipeline.claims.tagger import tagging_text

    # near miss: word-long pieces are a segmented copy; its spaces are dropped
    assert "," not in tagging_text("借款人 逾期 后 平台 会 上门 催收")


@pytest.mark.parametrize(
    "sentence",
    [
        "有粉丝私信我说，催收说明天就去他单位。",
        "昨天有网友私信我问，逾期三个月会不会被起诉。",
    ],
)
def test_someone_who_messaged_the_writer_is_no_cta(sentence: str) -> None:
    assert analyse(sentence).topics


def test_a_cta_to_message_the_writer_stays_boilerplate() -> None:
    # near miss: the box itself
    assert analyse("想了解停息挂账怎么办理，欢迎私信我。").topics == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "他要是敢给你家里人打电话，你就直接打12378投诉他。",
        "催收要是上门闹，你就直接报警。",
    ],
)
def test_you_just_go_ahead_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


# Machine-made SEO pages (probe 394): emoji are dropped before tagging (offsets kept for
# quotes); a fee charged by the overdue day (逾期1天收5元, 再加收) is a penalty; luck or manners
# gone bad (运气不好) deny nothing; 可以试试 tells the reader; a lender's services limited is
# account impact; what is said on a lender's calls being recorded is the call.


@pytest.mark.parametrize(
    "sentence",
    [
        "📌 还不上的时候可以试试申请分期。",
        "💳信用卡逾期三天以内还上，一般不会上征信😊",
        "逾期以后平台会先发短信提醒🔔，然后再打电话。",
    ],
)
def test_emoji_are_dropped_and_offsets_hold(sentence: str) -> None:
    from pipeline.claims.tagger import _tagging_text_with_offsets

    text, offsets = _tagging_text_with_offsets(sentence)
    assert len(text) == len(offsets)
    assert all(ord(ch) < 0x1F000 for ch in text)
    # every kept character comes from the original, in order
    assert offsets == sorted(offsets)
    assert analyse(sentence).topics


def test_an_emoji_opening_advice_keeps_it_advice() -> None:
    assert analyse("📌 还不上的时候可以试试申请分期。").modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期第1天收10元，第5天再加收20元。",
        "晚还一天收3元的逾期费用。",
        "超过还款日，每天额外加收欠款的万分之五。",
    ],
)
def test_a_fee_by_the_overdue_day_is_a_penalty(sentence: str) -> None:
    assert "penalty_fees" in analyse(sentence).topics


def test_a_price_without_overdue_is_no_penalty() -> None:
    # near miss: a price per day of a service, no overdue
    assert "penalty_fees" not in analyse("停车场一天收10元。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "运气好的话还清就能恢复，运气不好额度就直接被冻结了。",
        "客服态度不好，最后还是给我办了延期还款。",
    ],
)
def test_bad_luck_or_manners_deny_nothing(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


def test_a_plain_not_still_denies() -> None:
    # near miss: 不 before the event itself
    assert analyse("还清以后额度不会被冻结。").stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期严重的，借款、购物的服务都会被限制。",
        "逾期以后，花呗的付款功能会受限。",
    ],
)
def test_services_limited_are_account_impact(sentence: str) -> None:
    assert "account_impact" in analyse(sentence).topics


def test_the_lenders_recording_of_its_calls_is_the_call() -> None:
    a = analyse("接电话的时候说话要慎重，你说的每一个字都会被录音。")
    assert a.topics == ("debtor_contact",)


def test_the_borrowers_own_recording_stays_evidence() -> None:
    # near miss: the borrower records, for a complaint
    assert "complaints_rights" in analyse("遇到骂人的催收，记得录音留证。").topics


# The common explainer page (probe 395): an inference pointed back at and turned down (这也不
# 意味着…) lends the claim after it neither its hedge nor its duration; entrusted to a third
# party with 给 between is outsourcing.


@pytest.mark.parametrize(
    "sentence",
    [
        "这也不意味着逾期30天以内就可以不管，罚息每天都在累积。",
        "但这并不代表逾期一周内可以随便拖，征信照样会记录。",
    ],
)
def test_an_inference_turned_down_lends_no_hedge_or_duration(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.hedge == "none"
    assert a.threshold is None


def test_a_not_implying_word_on_the_event_keeps_its_possibility() -> None:
    # near miss: the weakened word speaks of the event itself
    assert analyse("扣了钱并不代表银行就不再催了，该打的电话一个也少不了。").hedge == "possibility"


def test_a_duration_before_not_implying_stays_the_claims() -> None:
    # near miss: no pointer back; the duration opens the claim
    a = analyse("逾期三天并不代表没事，罚息照样要付。")
    assert a.threshold is not None and a.threshold.min_days == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "委托给第三方以后，催收人员会打电话催你还款。",
        "银行把账委托给专业的第三方机构处理。",
    ],
)
def test_entrusted_to_a_third_party_is_outsourcing(sentence: str) -> None:
    assert "third_party_agency" in analyse(sentence).topics


# Real explainer pages read through the search corpus (no probe file): a lender that then
# may (即可以) gives no "just do it"; a reminder before the due date is no grace period; a
# "how long" answered as having no fixed time is no question; harm to the credit named with
# 对; the call named by its purpose with 的; "don't go by" (别看) is a concession, no
# instruction; shopping or borrowing limited is account impact.


def test_a_lender_that_then_may_is_descriptive() -> None:
    a = analyse("超过这个期限，银行即可以向法院提起诉讼。")
    assert a.topics == ("legal_action",)
    assert a.modality == "descriptive"


def test_just_do_it_stays_advice() -> None:
    # near miss: 即可 telling the reader what is enough
    assert analyse("还不上的话，联系客服申请延期还款即可。").modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "平台会在还款日之前发短信提醒你还钱。",
        "银行一般在还款日前三天打电话提醒。",
    ],
)
def test_a_reminder_before_the_due_date_is_no_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" not in a.topics
    assert "debtor_contact" in a.topics


def test_paying_before_the_due_date_keeps_what_counts() -> None:
    # near miss: what counts as overdue is said
    assert "overdue_grace" in analyse("在还款日前还上就不算逾期。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "欠信用卡拖多久会被告，其实并没有一个固定的期限。",
        "网贷逾期多久上门并没有明确的规定。",
    ],
)
def test_a_how_long_with_no_fixed_answer_is_no_question(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "question"


def test_a_how_long_asked_stays_a_question() -> None:
    assert analyse("信用卡逾期多久会被起诉").stance == "question"


@pytest.mark.parametrize(
    "sentence",
    [
        "一直拖着不还，会对你的信用造成很坏的影响。",
        "频繁逾期会对个人信用产生不良后果。",
    ],
)
def test_harm_to_the_credit_named_with_dui(sentence: str) -> None:
    assert "credit_report" in analyse(sentence).topics


def test_the_call_named_by_its_purpose() -> None:
    assert "debtor_contact" in analyse("逾期第二天就接到了催款的电话。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期后就会产生罚息，别看罚息不高，日积月累也不少。",
        "别看只是晚还了两天，征信上照样会有记录。",
    ],
)
def test_dont_go_by_is_a_concession_no_instruction(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.modality == "descriptive"
    assert a.stance != "denies"


def test_dont_wait_stays_advice() -> None:
    # near miss: 别等 turns down the event the reader waits for
    assert analyse("别等传票上门了，赶紧主动协商。").modality == "advice"


def test_shopping_limited_is_account_impact() -> None:
    assert "account_impact" in analyse("逾期严重的，平台就会限制购物和借款。").topics


# Real story pages read through the search corpus (no probe file): the words after a threat
# (话里全是威胁，说…) and the messages sorted by 有的说 are the caller's; a quote the segmenter
# cut goes on to its closing mark; a due date said to have passed is no grace claim; the call
# ended and the caller blocked (结束通话拉黑) is no blacklist.


@pytest.mark.parametrize(
    "sentence",
    [
        "对方语气很凶，满口威胁，说再不还钱就去找我父母。",
        "他收到好几条恐吓短信，有的说要上门，有的说要起诉，让他坐牢。",
    ],
)
def test_words_after_a_threat_or_sorted_messages_are_the_callers(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)


def test_the_authors_own_clause_after_a_threat_stays() -> None:
    # near miss: no 说 after the threat; the visit is the author's report
    assert "home_visit" in analyse("催收威胁了好几次，后来真的有人上门了。").topics


def test_a_quote_cut_by_the_segmenter_goes_on_to_its_close() -> None:
    assert analyse("你朋友欠了我们的钱，再不还我们就去他单位。”").topics == ()


def test_an_opened_and_closed_quote_is_no_continued_quote() -> None:
    # near miss: a quote opened and closed in the sentence is judged by the author
    a = analyse("“三天内上门”这种短信，多半是吓唬人的。")
    assert "home_visit" in a.topics


def test_a_due_date_said_to_have_passed_is_no_grace() -> None:
    a = analyse("客服打电话提醒他还款日期已过，请尽快处理。")
    assert "overdue_grace" not in a.topics


def test_the_call_ended_and_blocked_is_no_blacklist() -> None:
    a = analyse("他继续结束通话拉黑，这几个电话肯定全是网贷打来的。")
    assert "credit_report" not in a.topics


def test_being_blacklisted_stays_the_credit_file() -> None:
    # near miss: the borrower blacklisted by lenders
    assert "credit_report" in analyse("逾期太久会被各大平台拉黑，以后很难再借到钱。").topics


# Real debt-help scam pages read through the search corpus (no probe file): those who make a
# trade of arranging plans (专门办理停息挂账的人) are the paid service; being pursued by law
# (法律追讨) is legal action; 不明 (unknown) denies nothing.


@pytest.mark.parametrize(
    "sentence",
    [
        "那些专门办理停息挂账的人，大多没有任何资质。",
        "网上有人说可以帮人办理个性化分期，收费三千起。",
    ],
)
def test_a_trade_in_arranging_plans_is_the_paid_service(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" in a.topics
    assert "negotiation" not in a.topics


def test_the_borrower_arranging_his_own_plan_stays_negotiation() -> None:
    # near miss: the borrower applies himself
    assert "negotiation" in analyse("我自己打电话给银行，办理了停息挂账。").topics


def test_pursued_by_law_is_legal_action() -> None:
    assert "legal_action" in analyse("不还的话，最后还会遭遇法律追讨。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "通过来历不明的第三方机构操作，风险很大。",
        "一些身份不明的催收人员会上门骚扰。",
    ],
)
def test_unknown_denies_nothing(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


# Real card-lawsuit pages read through the search corpus (no probe file): a lender's right to
# take legal action (法律行动); a law's threshold (…以上即可立案) gives no advice; leniency sought
# from the bank (争取银行给予宽限) is negotiation, no grace period.


def test_legal_action_named_as_such() -> None:
    assert "legal_action" in analyse("一直拖着不还，贷款机构有权对你采取法律行动。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "恶意透支五万元以上即可立案。",
        "催了两回还拖过三个月的，即可认定为恶意透支。",
    ],
)
def test_a_laws_threshold_is_no_advice(sentence: str) -> None:
    assert analyse(sentence).modality != "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "主动联系银行说明情况，争取银行给予宽限。",
        "可以向平台申请宽限几天，一般都会同意。",
    ],
)
def test_leniency_sought_is_negotiation(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert "overdue_grace" not in a.topics


def test_a_grace_period_stays_a_grace_period() -> None:
    # near miss: the lender's own grace days
    assert "overdue_grace" in analyse("招行信用卡有三天的还款宽限期。").topics


# Real visit pages read through the search corpus (no probe file): an item's advice label
# (不要提供虚假信息：…) names no message; a question quoted at the end of a sentence is the
# speaker's, not the author's; callers at the door (门口站着…的人) are a visit.


def test_an_advice_label_names_no_message() -> None:
    a = analyse("不要提供虚假信息：申请网贷时如实填写，以免被平台拉进黑名单。")
    assert "credit_report" in a.topics
    assert "debtor_contact" not in a.topics


def test_a_message_after_its_noun_and_colon_stays_a_message() -> None:
    # near miss: the message itself after its noun
    a = analyse("催收短信的内容一般是：三天内不还款将移交法院。")
    assert a.topics == ("debtor_contact",)


@pytest.mark.parametrize(
    "sentence",
    [
        "律所的人打电话过来，开口第一句就是“你好，方便聊聊你的欠款吗？”",
        "客服最后问了我一句“您看这个分期方案可以吗？”",
    ],
)
def test_a_question_quoted_at_the_end_is_not_the_authors(sentence: str) -> None:
    assert analyse(sentence).stance != "question"


def test_the_authors_own_question_stays() -> None:
    # near miss: the author asks, the quote is inside
    assert analyse("收到“上门通知”的短信，真的会有人上门吗？").stance == "question"


def test_callers_at_the_door_are_a_visit() -> None:
    a = analyse("晚上刚到家，门口站着两个拎着公文包的人，说是来谈还款的。")
    assert "home_visit" in a.topics


# Real negotiation pages read through the search corpus (no probe file): a rule against
# collecting from third parties (不得向任何第三方催收) names the people, no agency; an agent
# named only as what not to rely on (而非依赖中介) leaves the borrower's own plan.


@pytest.mark.parametrize(
    "sentence",
    [
        "贷款机构不得向借款人以外的第三方催收。",
        "平台只能向借款人本人催收，不能向无关第三方催收。",
    ],
)
def test_collecting_from_third_parties_names_people(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert "third_party_agency" not in a.topics


def test_a_collection_firm_stays_an_agency() -> None:
    # near miss: the lender hands the account to a firm
    assert "third_party_agency" in analyse("银行会把逾期账户交给第三方催收公司。").topics


def test_an_agent_named_only_as_what_not_to_rely_on() -> None:
    a = analyse("想协商分期就自己去跟银行谈，而非依赖中介。")
    assert "negotiation" in a.topics
    assert "debt_help_scam" not in a.topics


def test_an_agent_offering_the_plan_stays_the_scam() -> None:
    # near miss: the agent offers it
    assert "debt_help_scam" in analyse("有中介声称收费就能帮你协商分期。").topics


# Real credit-report pages read through the search corpus (no probe file): a record said not
# to be removed (不会删除, 删不掉, 无限期保留) stays, an affirmation; a debt not yet settled
# (没有结清的) denies nothing.


@pytest.mark.parametrize(
    "sentence",
    [
        "只要欠款没还清，系统就不会删除那条逾期记录。",
        "欠款一直不还，征信上的逾期记录就永远删不掉。",
        "欠着一直不还的话，这条记录会无限期保留下去。",
    ],
)
def test_a_record_not_removed_stays(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance != "denies"


def test_a_record_not_reported_is_still_denied() -> None:
    # near miss: the reporting itself denied
    assert analyse("逾期一两天一般不会上报征信。").stance == "denies"


def test_an_unsettled_debt_denies_nothing() -> None:
    a = analyse("没有结清的那几笔逾期，记录会一直挂在征信上。")
    assert a.topics == ("credit_report",)
    assert a.stance == "affirms"


# Real address-book pages read through the search corpus (no probe file): third parties with
# nothing to do with the debt (与债务无关的第三方) are people; a question mark right after a
# closing quote belongs to the quoted question.


def test_third_parties_unrelated_to_the_debt_are_people() -> None:
    a = analyse("按规定，催收员不许去骚扰与债务无关的第三方。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"


def test_a_question_mark_after_a_quote_is_the_quotes() -> None:
    a = analyse("我表姐半夜接到个电话，对方上来就问“你认识某某吧”“她欠的钱你替她还不还”？")
    assert a.stance != "question"
    assert "contacts_family" in a.topics


def test_a_quoted_word_inside_the_authors_question_stays_a_question() -> None:
    # near miss: the author asks, a word in quotes inside
    assert analyse("网贷逾期会不会“上门”？").stance == "question"


# Interviews and Q&A pages (probe 396): a bare 可以的 answers yes (no advice); a negator before
# 就 (尚未就…作出回应) is the later verb's; 一定先 tells the reader; paying someone to get a
# plan done (交了钱找人就能办) is the paid service.


def test_a_bare_yes_with_de_is_no_advice() -> None:
    a = analyse("律师：可以的，立案以后法院通常还会组织调解。")
    assert a.modality == "descriptive"


def test_can_with_the_reader_as_subject_stays_advice() -> None:
    # near miss: 可以 opens an instruction
    assert analyse("可以先跟银行协商分期，再慢慢还。").modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "截至发稿时，涉事平台尚未就催收投诉作出回应。",
        "银行并未就协商分期的申请给出答复。",
    ],
)
def test_a_negator_before_jiu_is_the_later_verbs(sentence: str) -> None:
    assert analyse(sentence).stance == "affirms"


def test_a_plain_not_yet_still_denies() -> None:
    # near miss: 尚未 right before the event
    assert analyse("这笔欠款目前尚未上报征信。").stance == "denies"


def test_first_without_fail_is_advice() -> None:
    assert analyse("律师提醒：接到自称法院的电话，一定先打12368核实。").modality == "advice"


def test_paying_someone_to_get_a_plan_done_is_the_paid_service() -> None:
    a = analyse("停息挂账是不是交了钱找人就能办？")
    assert "debt_help_scam" in a.topics


# A threat, then a later clause saying it never came (probe 392's left line, taken up): the
# threat's words stay set apart and the call is a claim; the event it named is denied.


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("有一家在电话里说三天内派人去我家，结果半个月过去了也没见人影。", "home_visit"),
        ("催收员说下周就起诉我，到现在也没收到传票。", "legal_action"),
    ],
)
def test_a_threat_that_never_came_denies_its_event(sentence: str, event: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert event in a.topics
    assert a.stance == "denies"


def test_a_threat_with_no_outcome_stays_a_call() -> None:
    # near miss: nothing said about whether it came
    a = analyse("有一家在电话里说三天内派人去我家。")
    assert a.topics == ("debtor_contact",)
    assert a.stance == "affirms"


# Real pay-later pages read through the search corpus (no probe file): a try that failed (未果)
# and "not said outright" (并没有明确表示) deny nothing; harm to the credit standing named with
# 对 (对…信用状况造成影响); dedicated staff pressing every day (专人…催收) is collection by
# call; the lender's own partners (平台或合作方) are no one the borrower knows.


@pytest.mark.parametrize(
    "sentence",
    [
        "打了几轮电话都未果，平台就把这笔账转给了第三方催收机构。",
        "平台并没有明确表示会不会联系家属，可实际上多半会打。",
    ],
)
def test_a_failed_try_or_an_unsaid_policy_denies_nothing(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


def test_harm_to_the_credit_standing() -> None:
    a = analyse("即使没有上征信，逾期也可能对你的信用状况造成影响。")
    assert "credit_report" in a.topics
    assert a.stance != "denies"


def test_dedicated_staff_pressing_every_day() -> None:
    assert "debtor_contact" in analyse("过了宽限那几天，就有专人天天来催收。").topics


def test_the_lenders_partners_are_no_contacts() -> None:
    a = analyse("平台或合作方可能会把相关信息共享给征信机构。")
    assert "contacts_family" not in a.topics


def test_the_borrowers_partners_called_stay_contacts() -> None:
    # near miss: the borrower's own business partners
    assert "contacts_family" in analyse("催收电话打到了他的合作方那里。").topics


# Real lawyer's-letter pages read through the search corpus (no probe file): a letter judged
# fake (律师函很可能是假的) is an impostor's mark; a message received and its words after ，说是
# are the message's; the case handed to a law firm is legal action.


def test_a_letter_judged_fake_is_an_impostors_mark() -> None:
    a = analyse("如果律所信息对不上，那这封律师函很可能是假的。")
    assert "fake_collection" in a.topics
    assert "legal_action" not in a.topics


def test_a_letter_judged_real_stays_a_letter() -> None:
    # near miss: the real letter
    assert "legal_action" in analyse("正规律所寄出的律师函会加盖律所公章。").topics


def test_a_received_messages_words_after_shuo_shi() -> None:
    a = analyse("隔了两天她收到一条短信，说是月底前不还就寄律师函。")
    assert a.topics == ("debtor_contact",)


def test_the_case_handed_to_a_law_firm() -> None:
    assert "legal_action" in analyse("拖久了，平台会把这类欠款交给律师事务所处理。").topics


# Real card-contact pages read through the search corpus (no probe file): the address book
# said not to have been blown up, after it (通讯录也没有被爆), denies the contact.


@pytest.mark.parametrize(
    "sentence",
    [
        "我主动联系银行说明情况，问题很快解决了，通讯录也没有被爆。",
        "逾期两个月了，通讯录到现在都没被爆。",
    ],
)
def test_the_address_book_not_blown_up(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == "denies"


def test_the_address_book_blown_up_stays_affirmed() -> None:
    # near miss: it was
    assert analyse("逾期第三天，通讯录就被爆了。").stance != "denies"


# Real remote-lawsuit pages read through the search corpus (no probe file): an answer's wait
# and a court's filing deadline are no overdue spans (逾期提出 is the filing's lateness); a
# step's ordinal as its own clause (首先，查看…) opens the reader's instruction; "not right
# away" (并不是一上来就…，通常是在…才会…) denies the timing, not the event.


@pytest.mark.parametrize(
    "sentence",
    [
        "去人民银行递交异议申请，通常两周上下就会给出答复。",
        "管辖异议要在拿到起诉状副本起十五日内提出，否则逾期提出法院不再理会。",
    ],
)
def test_a_wait_or_a_filing_deadline_is_no_overdue_span(sentence: str) -> None:
    a = analyse(sentence)
    assert a.threshold is None or a.threshold.anchor != "overdue"


def test_an_overdue_span_stays() -> None:
    # near miss: the debt's own overdue days
    a = analyse("逾期15天以后，平台会把账户交给第三方催收。")
    assert a.threshold is not None and a.threshold.anchor == "overdue"


def test_a_steps_ordinal_opens_the_instruction() -> None:
    assert analyse("首先，查看受理法院有没有管辖权。").modality == "advice"


def test_not_right_away_denies_the_timing() -> None:
    a = analyse("银行并不是一上来就打官司，通常是逾期超过90天、多次催收无效后才会起诉。")
    assert "legal_action" in a.topics
    assert a.stance != "denies"


# Debtors' group chats (probe 397): a chat turn's speaker and time (阿杰 21:22 …) are dropped
# before tagging, offsets kept; a call come in (又来一个电话，说…) sets its words apart; the
# thing to keep named first (录音留好) tells the reader.


def test_a_chat_turns_name_and_time_are_dropped() -> None:
    from pipeline.claims.tagger import _tagging_text_with_offsets

    sentence = "老周 21:25 录音留好，真骂人了就打12378"
    text, offsets = _tagging_text_with_offsets(sentence)
    assert text.startswith("录音留好")
    assert sentence[offsets[0]] == "录"
    a = analyse(sentence)
    assert a.modality == "advice"
    assert "complaints_rights" in a.topics


def test_a_clock_inside_a_sentence_stays() -> None:
    from pipeline.claims.tagger import tagging_text

    # near miss: a time that opens no chat turn
    assert "点" in tagging_text("催收电话晚上22:00以后就不能打了。")


def test_a_call_come_in_sets_its_words_apart() -> None:
    a = analyse("刚才又来一个电话，说明天上午十点前不还就移交法务。")
    assert a.topics == ("debtor_contact",)


# Real pay-later negotiation pages read through the search corpus (no probe file): the
# repayment term lengthened (延长还款期限) is negotiation.


@pytest.mark.parametrize(
    "sentence",
    [
        "跟客服说明困难后，对方也许会答应延长还款期限。",
        "银行最后答应把还款时间延长两个月。",
    ],
)
def test_a_lengthened_term_is_negotiation(sentence: str) -> None:
    assert "negotiation" in analyse(sentence).topics


# Real pay-later (白条) pages read through the search corpus (no probe file): a guess (应是) is
# no rule; the whole debt asked at once by any lender is the contract, no complaint; an
# account locked and no longer usable is account impact; a product's own service fee is no
# debt-help service.


def test_a_guess_is_no_rule() -> None:
    a = analyse("拖到第十天电话就来了（应是外包的人打的），口气很硬，没有商量的余地。")
    assert a.modality != "normative"


def test_a_lenders_right_to_the_whole_debt_is_no_complaint() -> None:
    a = analyse("逾期算违约，所以平台有权要求把剩下的欠款一次性还清。")
    assert "complaints_rights" not in a.topics


def test_an_account_locked_is_account_impact() -> None:
    a = analyse("逾期之后系统会锁定账户，额度不能再使用。")
    assert "account_impact" in a.topics


def test_a_products_own_service_fee_is_no_debt_help() -> None:
    a = analyse("除日服务费外，系统还会按日加收违约金。")
    assert "debt_help_scam" not in a.topics
    assert "penalty_fees" in a.topics


def test_a_debt_services_fee_stays_the_scam() -> None:
    # near miss: a fee paid to an agent
    assert "debt_help_scam" in analyse("这些中介先收取服务费，再帮你去跟银行谈。").topics
