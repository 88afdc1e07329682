"""Round tagger-g (probe80-82, ids qg): who is merely named versus who is reached.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: people of the application form and of the borrower's life
named with no act of reaching them (an emergency contact filled in or defined,
a spouse who may owe, colleagues, relatives, the boss, a landlord); a person
being affected or the borrower telling family, which reach no one; an act that
stands in a later clause referring back to the person (他, 她, 对方); a visit to
the hometown versus a thing sent or a call made there; 到家人 is no visit.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- people merely named: no contacts_family ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # an emergency contact filled in or defined on the application
        "办信用卡时留的紧急联系人，最好是平时常联系的朋友。",
        "紧急联系人和担保人不一样，没有替人还款的义务。",
        "紧急联系人只是一种联系方式，不会因此背上债务。",
        # a spouse or co-borrower who may owe, colleagues, relatives, the boss, a landlord
        "老婆要不要一起承担，得看借的钱花在了哪里。",
        "过完年回老家，最怕亲戚问我一个月挣多少。",
        "同事们都以为我最近是在忙装修。",
        "我的房东是个热心人，还借过我五百块钱。",
        # a parent who does not know, family finding out by themselves
        "我妈到现在都不知道我在外面欠了钱。",
        "借呗逾期了，爸爸知道了怎么办？",
    ],
)
def test_a_person_merely_named_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the borrower as the teller, not the collector
        "这笔钱是姐姐帮我垫上的，我一直没告诉爸妈。",
        "我已经主动向家人坦白了欠款的事。",
        # being affected or dragged in reaches no one
        "很多人担心自己的逾期会牵连到父母。",
    ],
)
def test_the_borrower_telling_or_family_affected_is_no_contact(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # near misses: the same people reached keep the topic
        "催收给我填的紧急联系人连打了三天电话。",
        "催收打电话给我老婆，说我再不还就去起诉。",
        "平台会把逾期的事告诉你的同事和领导。",
        "催收甚至联系了我的房东，打听我住在哪一间。",
        "逾期以后，我妈接到了好几条催收短信。",
    ],
)
def test_a_person_reached_keeps_contacts_family(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


# -- the act in a later clause that refers back to the person ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "当初我填的是表哥的号码，后来催收天天给他打电话。",
        "共同还款人也在合同上签了字，银行可以直接找他要钱。",
        "我留的联系人是大学室友，没想到对方第二天就接到了催收电话。",
    ],
)
def test_an_act_referring_back_to_the_person_keeps_the_contact(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


def test_a_pronoun_with_no_act_gives_no_contact() -> None:
    # near miss: a later clause names him but nobody reaches him
    assert "contacts_family" not in topics_of("当初我填的是表哥的号码，他也同意了。")


# -- hometown: a visit versus a thing sent or a call made there ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收真的去我老家找过人。",
        "逾期一年多以后，有人跑到他老家打听他的下落。",
        "外包公司的人到我们老家找我爸妈要钱。",
    ],
)
def test_going_to_the_hometown_is_a_visit(sentence: str) -> None:
    assert "home_visit" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "催收把欠款截图发到老家的亲戚群里。",
        "他们把电话打到了老家的座机上。",
        "催收函寄到了我老家，是我爸签收的。",
    ],
)
def test_a_thing_sent_or_a_call_made_to_the_hometown_reaches_family_not_a_visit(
    sentence: str,
) -> None:
    topics = topics_of(sentence)
    assert "home_visit" not in topics
    assert "contacts_family" in topics


@pytest.mark.parametrize(
    "sentence",
    [
        "网贷逾期会不会影响到家人的工作？",
        "欠款的事最后还是传到家里人耳朵里了。",
        "信用卡逾期会波及到家庭成员的征信吗？",
    ],
)
def test_dao_jia_ren_is_no_visit(sentence: str) -> None:
    assert "home_visit" not in topics_of(sentence)


def test_a_visit_home_keeps_home_visit() -> None:
    # near miss: 到家 as a visit
    assert "home_visit" in topics_of("催收员昨天直接找到家里来了。")


# -- what the collector asks of a contact, and a question reported -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "联系不上借款人时，催收会打给紧急联系人，请他转告尽快还款。",
        "银行给他母亲寄了一封信，请她督促儿子还款。",
        "平台客服打到了单位，请对方帮忙带个话。",
    ],
)
def test_a_request_made_of_someone_else_is_no_advice(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.modality == "descriptive"


def test_a_request_to_the_reader_stays_advice() -> None:
    # near miss: 请 addressed to the reader
    a = analyse("如果催收打给你的家人，请马上保留录音。")
    assert a.modality == "advice"


@pytest.mark.parametrize(
    "sentence",
    [
        "催收打给了我的同事，问我是不是已经辞职了。",
        "有个自称调解员的人找到我爸，问他有没有办法替我还钱。",
        "催收打电话给邻居，打听我是不是搬走了。",
    ],
)
def test_a_question_reported_is_a_statement(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert a.stance == "affirms"


def test_a_question_asked_of_the_reader_stays_a_question() -> None:
    # near miss
    assert analyse("催收会不会打电话给我的同事？").stance == "question"


# -- the alternative turned down (与其X，不如Y) gives no topic -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "与其等着催收打电话给你老婆，不如今晚就跟她说实话。",
        "与其让平台联系你的同事，倒不如自己先想办法凑钱。",
        "与其担心催收找到你父母，还不如早点把情况讲清楚。",
    ],
)
def test_the_alternative_turned_down_is_no_claim(sentence: str) -> None:
    assert analyse(sentence).topics == ()


def test_the_alternative_taken_keeps_its_topic() -> None:
    # near miss: the clause taken has a topic of its own
    a = analyse("与其躲着不接电话，不如主动找平台协商还款。")
    assert a.topics == ("negotiation",)


# -- a co-borrower pressed for payment is reached -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "借款人不还，银行可以直接向共同借款人催收。",
        "他是共同还款人，逾期以后平台每天都给他打电话。",
        "催收打电话给共同借款人，要求他先垫上这期的钱。",
    ],
)
def test_a_co_borrower_reached_is_a_contact(sentence: str) -> None:
    assert "contacts_family" in topics_of(sentence)


def test_a_co_borrower_owing_is_no_contact() -> None:
    # near miss: liability only
    assert "contacts_family" not in topics_of("父母是共同借款人的，要和你一起承担还款责任。")


# -- the collector's own people are no contacts --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员的同事在隔壁工位上打着同样的电话。",
        "那个催收人员的老婆后来也劝他别干这行了。",
        "催收公司的领导每天早上开会排业绩。",
    ],
)
def test_the_collectors_own_people_are_no_contacts(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_the_borrowers_colleague_called_stays_a_contact() -> None:
    # near miss
    assert "contacts_family" in topics_of("催收员打电话到我同事那里，问我什么时候还钱。")


# -- a fear put first frames what follows --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "负债的人最怕的，不是被起诉，而是父母知道。",
        "很多人最担心的，不是征信，而是催收打到单位。",
        "逾期以后最害怕的，就是催收打电话给我妈。",
    ],
)
def test_a_fear_put_first_is_no_claim(sentence: str) -> None:
    topics = topics_of(sentence)
    assert not topics & {"legal_action", "contacts_family", "debtor_contact"}


def test_an_event_stated_after_a_fear_keeps_its_topic() -> None:
    # near miss: no fear frame, the call is stated
    assert "contacts_family" in topics_of("最后催收还是打电话给了我妈。")


# -- blocking a number, an idiom of distress, words said on a call -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我把催收的号码拉黑以后，清静了好几天。",
        "拉黑催收电话没用，他们会换号码继续打。",
        "把对方拉黑之后，他又用别的号码发短信。",
    ],
)
def test_blocking_a_number_is_no_credit_blacklist(sentence: str) -> None:
    assert "credit_report" not in topics_of(sentence)


def test_a_lender_blacklist_keeps_credit_report() -> None:
    # near miss
    assert "credit_report" in topics_of("逾期太久会被拉黑，征信上留下不良记录。")


@pytest.mark.parametrize(
    "sentence",
    [
        "催收在电话里对我说，不还钱就让我家里不得安宁。",
        "他在电话里跟我说，要让我天天不得安宁。",
        "对方在电话里对我说，三天内必须还清。",
    ],
)
def test_words_said_on_a_call_are_reported_and_no_rule(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)
    assert a.modality == "descriptive"


def test_a_rule_keeps_normative() -> None:
    # near miss: 不得 as a rule
    assert analyse("催收人员不得在晚上十点后给借款人打电话。").modality == "normative"


# -- not affected, with the cause put in between -------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("父母的征信不会因为子女的网贷逾期而受到影响。", "credit_report"),
        ("配偶的信用报告不会因为你欠信用卡而受影响。", "credit_report"),
        ("芝麻分不会因为晚还一两天就受到影响。", "account_impact"),
    ],
)
def test_not_affected_with_the_cause_between_denies(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_affected_with_the_cause_between_affirms() -> None:
    # near miss: no negator
    a = analyse("担保人的征信会因为借款人的逾期而受到影响。")
    assert "credit_report" in a.topics
    assert a.stance == "affirms"


# -- a call, then 说: the words said on the call are reported ------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("催收打电话给我爸，说再不还钱就去法院告我。", "contacts_family"),
        ("有人打给我表姐，说我已经被列入失信名单了。", "contacts_family"),
        ("催收员打到我手机上，说明天就要上门核实地址。", "debtor_contact"),
    ],
)
def test_words_said_after_a_call_are_reported(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert a.topics == (topic,)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # near misses: no call before 说, or 说 that quotes nothing
        ("律师朋友跟我讲，说逾期太久确实可能被起诉。", "legal_action"),
        ("催收打电话给我妈，说白了就是想给我施压。", "contacts_family"),
    ],
)
def test_say_without_a_call_or_as_an_idiom_is_not_reported(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)
