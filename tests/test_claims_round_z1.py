"""Round z1 (session ten): classes found by blind probes 300 on, story and account pages.

Each class has sentences of its own and a near miss that keeps the old reading: a story's
"never once" after the event (一次都没有过) and a means not even needed (都用不上) deny it;
a number or a collector calling with no call word (号码又打了进来, 催收天天打) is a call, and
a 没有 describing the number (没有归属地的号码) denies nothing; the narrator busy with
something else when a message came (收到短信的时候，我正在…) is a scene, no claim; a caller's
words after 电话里…说 or 那头…说 are reported; cases handed out (分下来) give no instalment.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- never once, a means not needed: denied after the cue ---------------------------------


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("逾期这两年，说要来家访的一次都没有过。", "home_visit"),
        ("我被催了大半年，找到单位去的一回也没有过。", "home_visit"),
        ("那阵子连打给紧急联系人都用不上，本人就主动还了。", "contacts_family"),
    ],
)
def test_never_once_after_the_event_denies_it(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_no_need_to_panic_is_no_denial_of_the_call() -> None:
    # near miss: 用不着 before another verb is about panic, the call still comes
    a = analyse("接到催收电话都用不着慌，先问清楚是哪家平台。")
    assert "debtor_contact" in a.topics
    assert a.stance != "denies"


# -- a number or a collector calling with no call word -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "半夜一点，那个陌生号码又打了进来，问我到底什么时候还。",
        "那家平台的催收天天打，一天能打七八遍。",
        "刚挂断没两分钟，又打进来一个外地的号。",
    ],
)
def test_a_number_calling_is_a_call(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert a.stance == "affirms"


def test_a_number_described_with_no_is_no_denial() -> None:
    a = analyse("一个没有备注的号码又打了进来，张口就报我的身份证号。")
    assert "debtor_contact" in a.topics
    assert a.stance == "affirms"


def test_money_sent_in_is_no_call() -> None:
    # near miss: 打进来 of money (放款打进来) names no call
    a = analyse("借款申请通过后，钱当天就打到了银行卡上。")
    assert "debtor_contact" not in a.topics


# -- a scene: the narrator busy when the message came ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "收到那条催款短信的时候，我正在给孩子开家长会。",
        "第一次接到催收电话的时候，手机在抽屉里震，我还在上班。",
        "看到短信那一刻，我正坐在回老家的大巴上。",
    ],
)
def test_the_narrator_busy_when_a_message_came_is_a_scene(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_scene_followed_by_a_claim_keeps_it() -> None:
    # near miss: a clause after the scene asserts the event again
    a = analyse("收到短信的时候我正在开会，这种短信逾期第二天就会发。")
    assert "debtor_contact" in a.topics


def test_a_relative_busy_when_called_was_still_reached() -> None:
    a = analyse("催收打给我妈的时候，她正在菜市场买菜。")
    assert "contacts_family" in a.topics


# -- a caller's words on the line are reported ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那位专员在电话里还说，实在困难的话可以派人上门帮我办分期。",
        "电话那头又说，如果今天还不上，明天就去我单位。",
        "那人在电话中补了一句，说不还的话就起诉我。",
    ],
)
def test_a_callers_words_are_reported(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)
    assert a.stance == "affirms"


def test_the_authors_own_claim_after_a_call_is_not_reported() -> None:
    # near miss: no say-word, the author's condition stays
    a = analyse("电话里态度再凶，只要你不回应，他们也不能上门。")
    assert "home_visit" in a.topics


# -- cases handed out are no instalment -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我在催收公司干了三年，案子都是银行分下来的。",
        "每个月分给我们组的信用卡案子有两百多件，每件最多跟三个月。",
        "这批逾期两年的账分配到外包公司手里。",
    ],
)
def test_cases_handed_out_give_no_instalment(sentence: str) -> None:
    th = analyse(sentence).threshold
    assert th is None or th.anchor != "installment"


def test_an_instalment_term_keeps_its_days() -> None:
    th = analyse("协商成功后，剩下的欠款可以分五年还。").threshold
    assert th is not None and th.anchor == "installment" and th.min_days == 1825


# -- probe301: 只要是…的我都 (anything at all), someone asked whether ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那阵子只要是陌生号码打来的电话我都接。",
        "只要是催收打来的她都直接挂掉。",
        "只要是平台打来的他都按掉。",
    ],
)
def test_whoever_with_the_doer_between_is_no_condition(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert a.stance != "conditional"


def test_a_real_only_if_stays_a_condition() -> None:
    # near miss: 只要 with a consequence, no "anything at all"
    assert analyse("只要逾期超过三天，催收电话就会打过来。").stance == "conditional"


@pytest.mark.parametrize(
    "sentence",
    [
        "他给银行打了个电话，问能不能把剩下的欠款分成三年还。",
        "我找到平台的在线客服，问可不可以先停息再分期。",
        "她托朋友去问有没有办法协商只还本金。",
    ],
)
def test_someone_asked_whether_is_told_not_asked(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert a.stance != "question"


def test_the_writer_asking_whether_is_a_question() -> None:
    # near miss: 请问 is the writer's own question
    assert analyse("请问能不能跟银行协商分期").stance == "question"


# -- a call about my friend, every number blocked, the parents as senders ------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那阵子总有人打来，说联系不上我那个发小，让我帮着找找。",
        "催收打来好几次，说联系不上我同学，我也只能说不知道。",
        "陌生号码打过来，问我认不认识一个姓王的。",
    ],
)
def test_a_call_about_my_friend_reaches_a_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert "debtor_contact" not in a.topics


def test_a_collector_who_cannot_reach_me_calls_me_in_the_end() -> None:
    # near miss: the narrator himself is the borrower
    assert "debtor_contact" in analyse("催收打来说联系不上我，以后会一直打。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "就算你把号码全拉黑，对方也会换着号码打过来。",
        "我把那几个号都拉黑了，第二天照样换着号打。",
        "号码全部拉黑以后，催收又换着号打进来。",
    ],
)
def test_every_number_blocked_is_no_blacklist(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" not in a.topics
    assert "debtor_contact" in a.topics


def test_a_credit_blacklist_stays() -> None:
    # near miss: 拉黑 of the credit file
    assert "credit_report" in analyse("逾期太久会被银行拉黑，以后很难再贷款。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "那几天我连爸妈打来的电话都不敢接。",
        "老婆发来的消息，他一条都没回。",
        "手机里全是家里人发来的语音，她一条都不敢点。",
    ],
)
def test_a_relative_as_the_sender_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in analyse(sentence).topics


def test_a_relative_reached_by_the_collector_stays() -> None:
    a = analyse("催收把我的欠款截图发给了我爸妈。")
    assert "contacts_family" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "正规平台一般只打本人，不会乱打你家里人。",
        "催收没办法了就开始乱打通讯录里的朋友。",
        "他们连打你老婆的手机都敢。",
    ],
)
def test_a_call_with_the_person_as_object_reaches_them(sentence: str) -> None:
    assert "contacts_family" in analyse(sentence).topics


# -- probe302: a message received and named by what it says --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "昨天收到一条说要派专人去我老家走访的短信，我没当回事。",
        "他接到一个让你三天内去派出所说明情况的电话，吓得一夜没合眼。",
        "我也收到过一条说会联系公司领导的信息。",
    ],
)
def test_a_message_received_named_by_its_words_is_a_contact(sentence: str) -> None:
    a = analyse(sentence)
    assert "debtor_contact" in a.topics
    assert not {"home_visit", "contacts_family"} & set(a.topics)


def test_a_class_of_messages_judged_keeps_its_event() -> None:
    # near miss (qc028's shape): no receiving verb, the judged event stays
    a = analyse("那些说要上门的短信都是吓唬人的，根本没有人来过。")
    assert "home_visit" in a.topics


def test_a_message_whose_event_is_denied_later_keeps_it() -> None:
    a = analyse("收到那条说要上门核实的短信以后，我在家等了一周，根本没有人来。")
    assert "home_visit" in a.topics


def test_a_message_marked_a_swindle_keeps_the_impostor() -> None:
    a = analyse("收到让你把钱转到私人账户才能销案的短信，一定是骗子。")
    assert "fake_collection" in a.topics


# -- an ultimatum, a stare after the call, only a few times, an amount short ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收给她下了最后通牒：明天中午前不还，就上门找她。",
        "对方撂下狠话：再不接电话就去你单位。",
        "那人放了狠话：这周不还就起诉。",
    ],
)
def test_an_ultimatum_is_the_collectors_words(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)


@pytest.mark.parametrize(
    "sentence",
    [
        "挂了电话，我对着催收短信发了好一会儿呆。",
        "放下电话，她看着那条律师函的照片愣了半天。",
        "挂断电话以后，他盯着催款通知书发呆。",
    ],
)
def test_a_stare_after_the_call_is_a_scene(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_a_claim_after_the_call_stays() -> None:
    # near miss: no reaction word, the call's content is told
    a = analyse("挂了电话没多久，催收又发来短信催我还款。")
    assert "debtor_contact" in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "干了这么多年，真上门的外访一个月也轮不到几次。",
        "起诉这种事，一年也没几回。",
        "爆通讯录的情况，我们组一个季度没几次。",
    ],
)
def test_only_a_few_times_is_rare(sentence: str) -> None:
    a = analyse(sentence)
    assert a.stance == "denies"
    assert a.hedge == "frequency"


@pytest.mark.parametrize(
    "sentence",
    [
        "回款不够指标就得留下来接着打电话催。",
        "证据不够的话，法院会要求补充材料再立案。",
        "钱不够还的时候，可以先跟平台协商分期。",
    ],
)
def test_an_amount_short_is_no_denial(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


# -- probe303: the teller as the caller, ready to talk terms, at the door, a scene's cues ----


@pytest.mark.parametrize(
    "sentence",
    [
        "后来我主动打给那家平台，说钱肯定还，希望能办个分期慢慢还。",
        "我打给银行客服，说想申请个性化分期。",
        "我拨通了催收的电话，说这个月先还一部分。",
    ],
)
def test_the_tellers_own_words_after_a_call_are_his_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics


def test_a_collectors_call_then_his_words_stay_reported() -> None:
    # near miss: the collector calls, his threat is words
    a = analyse("催收打给我弟弟，说我再不还就要起诉我。")
    assert "legal_action" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "对方一听我愿意还，马上说一切都好商量。",
        "客服说罚息的事可以商量，先把本金还上。",
        "只要你有还款的诚意，利息什么的都能商量。",
    ],
)
def test_ready_to_talk_terms_is_negotiation(sentence: str) -> None:
    assert "negotiation" in analyse(sentence).topics


def test_talking_it_over_with_family_is_no_negotiation() -> None:
    assert "negotiation" not in analyse("这件事我得先跟家里人商量一下。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "那天催债的人就在楼下喊我的名字。",
        "好几个人堵在楼下不让我出门。",
        "催收人员没有任何权力进你家门。",
    ],
)
def test_collectors_at_the_flat_are_a_visit(sentence: str) -> None:
    assert "home_visit" in analyse(sentence).topics


def test_a_neighbour_below_is_no_visit() -> None:
    assert "home_visit" not in analyse("住在楼下的邻居也借过网贷。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "催收电话打进来的时候，他正拿着手机给家人拍照。",
        "接到那条短信的时候，她正陪着老公在医院排队。",
        "收到律师函的时候，我正准备去单位上班。",
    ],
)
def test_a_scenes_own_cues_give_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()


# -- probe304: more than N months, reminders switched off, lenders faced one by one -----------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("我逾期两个多月了，还没接到过上门的通知。", 60),
        ("拖了五个多月，平台把账转给了外包。", 150),
        ("信用卡逾期三个多月了，银行还在打电话。", 90),
    ],
)
def test_more_than_n_months_is_open_above(sentence: str, days: int) -> None:
    th = analyse(sentence).threshold
    assert th is not None and th.max_days is None
    assert abs((th.min_days or 0) - days) <= 1


def test_within_a_month_and_more_keeps_its_maximum() -> None:
    th = analyse("逾期一个多月内还清，对征信影响不大。").threshold
    assert th is not None and th.min_days is None and th.max_days is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "后来我把还款提醒全关了，眼不见为净。",
        "她干脆把还款提醒都关掉，每天自己记账。",
        "我关掉了提醒，结果忘了还款日。",
    ],
)
def test_reminders_switched_off_are_no_contact_nor_account(sentence: str) -> None:
    a = analyse(sentence)
    assert "account_impact" not in a.topics
    assert "debtor_contact" not in a.topics


def test_an_account_shut_stays() -> None:
    assert "account_impact" in analyse("逾期以后平台直接把我的借款额度关了。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "我的办法是先列个清单，再一家一家打电话谈。",
        "她把欠款按利息排了序，挨个去谈。",
        "真正让我上岸的，是一家家坐下来跟平台谈。",
    ],
)
def test_lenders_faced_one_by_one_is_negotiation(sentence: str) -> None:
    a = analyse(sentence)
    assert "negotiation" in a.topics
    assert "debt_help_scam" not in a.topics


@pytest.mark.parametrize(
    "sentence",
    [
        "别信那些说能帮你“一键停催”的人。",
        "网上有人打广告包停催，交了钱就拉黑你。",
        "号称能帮你三天内停催的，都是骗钱的。",
    ],
)
def test_a_pause_sold_as_a_service_is_a_scam(sentence: str) -> None:
    assert "debt_help_scam" in analyse(sentence).topics


def test_a_pause_the_lender_grants_is_negotiation() -> None:
    a = analyse("跟平台协商后，对方同意停催一个月。")
    assert "negotiation" in a.topics
    assert "debt_help_scam" not in a.topics


# -- probe305: the due date moved, a visit ever made, looking back, a dream ----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "客服答应把我这期的还款日往后挪十天。",
        "银行同意这个月的还款日延后两周。",
        "平台把我的还款日推后了一个月，不算逾期。",
    ],
)
def test_the_due_date_moved_is_a_deferral(sentence: str) -> None:
    assert "negotiation" in analyse(sentence).topics


def test_a_due_date_named_in_a_description_stays_no_deferral() -> None:
    assert "negotiation" not in analyse("每个月的还款日是15号，记得提前还。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "我欠了三年，也没见谁真的来过我家。",
        "说是要上门，到现在一个人都没来过家里。",
        "催收从来没有上过我家。",
    ],
)
def test_a_visit_ever_made_to_the_home_is_a_visit(sentence: str) -> None:
    a = analyse(sentence)
    assert "home_visit" in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "sentence",
    [
        "上岸以后回头看，最难的是第一次打电话跟平台谈。",
        "上岸后回头想想，协商其实没那么可怕。",
        "我上岸靠的是一家家跟平台协商。",
    ],
)
def test_looking_back_after_the_finish_is_no_paid_service(sentence: str) -> None:
    a = analyse(sentence)
    assert "debt_help_scam" not in a.topics


def test_a_paid_landing_stays_a_scam() -> None:
    assert "debt_help_scam" in analyse("交五千块包上岸的机构，十有八九是骗子。").topics


@pytest.mark.parametrize(
    "sentence",
    [
        "那阵子一合眼就梦见催收堵在门口。",
        "晚上睡着了又梦到法院的传票寄到家里。",
        "做梦总梦见有人来家访。",
    ],
)
def test_a_dream_is_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()
