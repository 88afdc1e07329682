"""Round tagger-o (probe150-152, ids qo): long sentences and sentence pieces.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: the outcome a comparison sets the claim against (比起X，Y)
gives no topic, like 与其X; the lender reporting the borrower to the police
(银行报案) is criminal risk, not the reader's complaint; a practice stopped or
abolished after its cue (外访已经基本停止) is denied; a record kept for years
in "the report" named back (这类记录会在报告里保留五年) is the credit report; a bare
channel word that is a whole step of a sequence (先是银行打电话，接着委托催收公司) is a call to
the borrower, and 发短信提醒 is a strong cue; set phrases holding 不 (不知不觉, 不停) negate
nothing; out of reach told as the cause (由于借款人一直失联，…) is no condition; a numbered
heading with no topic has no threshold.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- the outcome a comparison turns down ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        ("比起被法院强制执行，早点跟银行谈分期要划算得多。", {"negotiation"}),
        ("相比于上门催收，平台现在更多是打电话催收。", {"debtor_contact"}),
        ("相较于被起诉，申请延期还款的麻烦小很多。", {"negotiation"}),
        ("比起家人被催收骚扰，自己先坦白反而更好。", set()),
    ],
)
def test_the_outcome_a_comparison_turns_down_gives_no_topic(
    sentence: str, topics: set[str]
) -> None:
    assert set(topics_of(sentence)) == topics


def test_near_miss_a_plain_comparison_keeps_its_cue() -> None:
    # 比起 after the cue compares two amounts: the fee before it is the claim
    assert topics_of("网贷的罚息比起银行要高出不少。") == {"penalty_fees"}
    assert topics_of("网贷的罚息比银行的罚息高出不少。") == {"penalty_fees"}


# -- the lender reporting the borrower to the police --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "持卡人长期失联又不还款，银行可能会向公安机关报案。",
        "催缴两次后仍不还，发卡行报案的话就会按信用卡诈骗立案。",
        "如果被认定为恶意透支，银行就会报案处理。",
    ],
)
def test_the_lender_reporting_to_the_police_is_criminal_risk(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "criminal_risk" in topics
    assert "complaints_rights" not in topics


def test_near_miss_the_reader_reporting_a_collector_keeps_complaints() -> None:
    # the reader goes to the police about the collector: recourse, not a crime risk
    assert topics_of("遇到催收员辱骂威胁，可以直接报警。") == {"complaints_rights"}
    # the lender named as the one complained to, not the one who reports
    assert topics_of("遇到暴力催收，可以向银行投诉或者报警。") == {"complaints_rights"}


# -- a practice stopped after its cue ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("上门催收这种做法，很多银行早已停止。", "home_visit"),
        ("至于委外催收，这家银行去年已经基本停止。", "third_party_agency"),
        ("爆通讯录的催收方式已经被叫停，正规平台不会再用。", "contacts_family"),
    ],
)
def test_a_practice_stopped_after_its_cue_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_near_miss_a_practice_that_goes_on_is_affirmed() -> None:
    a = analyse("上门催收在一些小平台仍然很常见。")
    assert a.topics == ("home_visit",)
    assert a.stance == "affirms"


# -- a record kept in "the report" named back ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这种逾期一旦留下，在报告里要保留整整五年。",
        "上面说的那条记录，会在报告中保存五年才消除。",
        "而且它在报告上会一直保留到结清后的第五年。",
    ],
)
def test_a_record_kept_in_the_report_is_the_credit_report(sentence: str) -> None:
    assert "credit_report" in topics_of(sentence)


def test_near_miss_a_report_of_figures_is_no_credit_report() -> None:
    # a published report, with the keeping said in another clause, keeps no one's record
    assert topics_of("这份行业报告里提到，平台的客服工单一般保存三年。") == set()


# -- the steps of a sequence ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        ("先是银行打电话，接着委托催收公司处理。", {"debtor_contact", "third_party_agency"}),
        ("首先会发短信，再过一个月就会寄出律师函。", {"debtor_contact", "legal_action"}),
        ("账单逾期后，接着客服打电话，最后才委托律所起诉。", {"debtor_contact", "legal_action"}),
    ],
)
def test_a_channel_word_that_is_a_whole_step_is_a_call_to_the_borrower(
    sentence: str, topics: set[str]
) -> None:
    assert topics_of(sentence) == topics


def test_near_miss_a_channel_word_sharing_its_step_stays_weak() -> None:
    # the outsourced agency's call is the agency's topic, not a separate call claim
    assert topics_of("逾期后先上门核实，然后外包公司会打电话。") == {
        "home_visit", "third_party_agency"}
    # a sequence that reaches the family: the family contact is the claim (qg042 precedent)
    assert topics_of("催收先群发短信给借款人，再群发给他的同学。") == {"contacts_family"}


# -- a reminder with its verb before it ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        ("还款日过后平台会发短信提醒，并开始收取罚息。", {"debtor_contact", "penalty_fees"}),
        ("如果只是晚了一天，一般只会打个电话提醒，不会上征信。",
         {"debtor_contact", "credit_report"}),
        ("逾期后银行会打电话提醒，罚息也从当天开始算。", {"debtor_contact", "penalty_fees"}),
    ],
)
def test_a_reminder_with_its_verb_is_a_call_to_the_borrower(
    sentence: str, topics: set[str]
) -> None:
    assert topics_of(sentence) == topics


def test_near_miss_a_message_kept_as_evidence_is_no_reminder() -> None:
    assert topics_of("保存好催收员发短信威胁的截图，可以作为投诉证据。") == {"complaints_rights"}


# -- set phrases holding 不 ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("很多人不知不觉中就上了征信黑名单。", "credit_report"),
        ("催收员不停地打电话到我单位。", "contacts_family"),
        ("催收员不分昼夜地打电话到我单位。", "contacts_family"),
    ],
)
def test_a_set_phrase_holding_bu_negates_nothing(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert a.topics == (topic,)
    assert a.stance == "affirms"


def test_near_miss_a_plain_negator_still_denies() -> None:
    a = analyse("正规平台不会联系你的家人。")
    assert a.topics == ("contacts_family",)
    assert a.stance == "denies"


# -- out of reach told as the cause ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("由于借款人一直失联，催收员只好打给了他的父母。", "contacts_family"),
        ("正是因为长期联系不上他，平台把账户交给了外包公司。", "third_party_agency"),
        ("因为借款人下落不明，法院最后采用了公告送达的方式开庭。", "legal_action"),
    ],
)
def test_out_of_reach_in_a_cause_clause_is_no_condition(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert a.topics == (topic,)
    assert a.stance == "affirms"


@pytest.mark.parametrize(
    "sentence",
    [
        "如果借款人长期失联，平台会联系紧急联系人。",
        "借款人失联的，平台会联系紧急联系人。",
        # 一旦 inside the cause clause is still a condition
        "因为一旦失联，平台就会联系紧急联系人。",
    ],
)
def test_near_miss_out_of_reach_as_a_condition_stays_conditional(sentence: str) -> None:
    assert analyse(sentence).stance == "conditional"


# -- a numbered heading's duration ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["二、逾期三个月以上会发生什么", "（三）逾期超过半年的处理办法", "四、逾期一年后的几种结局"],
)
def test_a_numbered_heading_without_a_topic_has_no_threshold(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ()
    assert a.threshold is None


def test_near_miss_a_plain_short_line_and_a_claim_keep_their_duration() -> None:
    assert analyse("逾期1-2天问题不大").threshold is not None
    th = analyse("四、逾期超过半年：平台可能会起诉").threshold
    assert th is not None and th.min_days == 182
