"""Claims conventions added in session twenty-three (sentences written for these tests, each
keeping a phenomenon seen on real farm pages)."""

from __future__ import annotations

import pytest

from pipeline.claims.document import tag_document
from pipeline.claims.tagger import analyse
from pipeline.records import Claim


def _answer(text: str) -> Claim:
    """The claim of the answer in *text* (a question, then its answer): two claims, the
    first the question."""
    claims = tag_document("d", text)
    assert len(claims) == 2
    assert claims[0].stance == "question"
    return claims[1]

# -- a labelled answer after a yes/no question: 答案是：不会 / 答案：不会的 / 答案是否定的 ------


@pytest.mark.parametrize(
    ("text", "topic", "stance", "hedge"),
    [
        # the label's colon used to end the answer's first clause before its 不会
        ("逾期后催收会打给我爸妈吗？答案是：不会。", "contacts_family", "denies", "none"),
        ("欠网贷会被抓去坐牢吗？答案是：大多数情况下不会。", "criminal_risk", "denies",
         "frequency"),
        ("信用卡逾期会被起诉吗？答案为：一般不会，除非金额很大。", "legal_action", "denies",
         "frequency"),
        # 答案 with a colon and no 是 used to leave the answer without a topic
        ("借呗逾期了会有人上门吗？答案：不会的。", "home_visit", "denies", "none"),
        # no in so many words
        ("通讯录里的人都会接到电话吗？答案是否定的。", "contacts_family", "denies", "none"),
        ("美团逾期会影响征信吗？答案是否定的，前提是三天内还上。", "credit_report", "denies",
         "none"),
        # yes stays yes
        ("逾期太久会被起诉吗？答案是肯定的。", "legal_action", "affirms", "none"),
        ("催收会打电话到单位吗？答案是：会的。", "contacts_family", "affirms", "none"),
    ],
)
def test_a_labelled_answer_takes_the_question_and_says_yes_or_no(
        text: str, topic: str, stance: str, hedge: str) -> None:
    answer = _answer(text)
    assert answer.topics == (topic,)
    assert answer.stance == stance
    assert answer.hedge == hedge


@pytest.mark.parametrize(
    "text",
    [
        # not after a question: the label alone lends no topic and no denial
        "很多人担心会被起诉。答案是否定的。",
        # 答案 opening a sentence that is not an answer
        "借呗逾期会被起诉吗？答案在文章最后。",
    ],
)
def test_no_answer_without_a_question_before_it(text: str) -> None:
    claims = tag_document("d", text, include_non_claims=True)
    assert not any(c.stance == "denies" and c.idx == 1 for c in claims)


# -- a call to the workplace or the family home is a third-party contact, not a visit -------


@pytest.mark.parametrize(
    "sentence",
    [
        # the collector named before the call used to take its 打电话 (催收会打电话, a call to
        # the borrower) and leave 到单位 to read as a visit
        "催收会打电话到单位吗？",
        "逾期两个月后，催收也会打电话到公司。",
        "催收还会打电话到学校找老师。",
        "催收会打电话到家里，让家人帮忙还。",
        "他们会打电话到家里问你的情况。",
        "上个月催收把电话打到家里了。",
    ],
)
def test_a_call_to_the_workplace_or_home_reaches_third_parties(sentence: str) -> None:
    a = analyse(sentence)
    assert "contacts_family" in a.topics
    assert "home_visit" not in a.topics and "debtor_contact" not in a.topics


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("催收人员到单位找我了。", "home_visit"),
        ("催收会打电话到你手机上。", "debtor_contact"),
        ("催收也会打电话，但不至于上门。", "debtor_contact"),
    ],
)
def test_visits_and_calls_to_the_borrower_stay_what_they_were(sentence: str, topic: str
                                                             ) -> None:
    assert topic in analyse(sentence).topics


# -- whether it happens and what that depends on, in one clause: a condition ------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("发卡行会视情况决定要不要给你办分期。", "negotiation"),
        ("会不会被起诉要视具体情况而定。", "legal_action"),
        ("能不能协商成功主要取决于你的还款意愿。", "negotiation"),
        # in two clauses it already was
        ("会不会派人上门，还得看你的具体情况。", "home_visit"),
    ],
)
def test_a_whether_weighed_in_its_own_clause_is_a_condition(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "conditional"


@pytest.mark.parametrize(
    "sentence",
    [
        # set aside: it holds either way
        "不管会不会被起诉，都要看你自己怎么处理。",
        # a decision with nothing it depends on
        "银行会决定是否起诉。",
        # a check the reader is told to make (需要看 holds 要看, which only opens a later clause)
        "你需要看一下征信报告上是否有逾期记录。",
        # a whether weighed in a later clause, beside the claim of the first
        "放款方没有义务一定批你的分期，能不能谈下来因人而异。",
    ],
)
def test_a_whether_set_aside_or_decided_stays_as_it_was(sentence: str) -> None:
    assert analyse(sentence).stance == "affirms"


# -- an answer that says it depends, after a yes/no or "when" question: conditional -----------


@pytest.mark.parametrize(
    ("text", "topic", "condition"),
    [
        ("借呗逾期会被起诉吗？要看欠款金额。", "legal_action", "要看"),
        ("欠网贷会有人上门吗？这得看情况。", "home_visit", "得看"),
        ("逾期几天会上征信？这个因平台而异。", "credit_report", "因平台而异"),
        # its 没有 denies nothing: there is no fixed time, so it depends
        ("逾期多久会被起诉？没有固定的时间。", "legal_action", "没有固定"),
        ("催收会联系我家人吗？主要取决于你欠的是哪家。", "contacts_family", "主要取决于"),
    ],
)
def test_an_answer_that_it_depends_is_a_condition(text: str, topic: str, condition: str
                                                   ) -> None:
    answer = _answer(text)
    assert answer.topics == (topic,)
    assert answer.stance == "conditional"
    assert f"cond:{condition}" in answer.cues


@pytest.mark.parametrize(
    "text",
    [
        # not a yes/no or "when" question: the answer says how, not whether
        "逾期了怎么办？要看你的具体情况。",
        # no question before it
        "很多人担心会被起诉。要看欠款金额。",
        # 要看清楚: look closely, advice, not what it depends on
        "借呗逾期会被起诉吗？要看清楚合同条款。",
    ],
)
def test_it_depends_after_no_yes_no_question_lends_no_topic(text: str) -> None:
    claims = tag_document("d", text, include_non_claims=True)
    assert not [c for c in claims if c.idx == 1 and c.topics]
