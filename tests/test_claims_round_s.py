"""Round tagger-s (probe190-192, ids qs): question-and-answer pages and threads.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its reading: a rhetorical 哪有/哪会 question denies, 哪里有 still asks
where; what a collector said on a call to a relative named between 打 and 电话
is reported speech (the call is the claim); a verb of ending inside a 的-phrase
describes its head and does not take the negation away from it; a limit stopped
with words between (把额度停了) is account impact; a waiver told with 了 and the
fee after it (免了一半的违约金) is negotiation.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a rhetorical 哪有 / 哪会 question denies ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("才晚了几天，哪有平台会为这点钱去法院起诉的？", "legal_action"),
        ("欠的是消费贷，哪会有人因为这个被抓去坐牢？", "criminal_risk"),
        ("正规银行哪能随便派人上门堵你？", "home_visit"),
        ("白条晚还一天，哪里会上征信？", "credit_report"),
    ],
)
def test_a_rhetorical_where_question_denies(sentence: str, topic: str) -> None:
    claim = analyse(sentence)
    assert topic in claim.topics
    assert claim.stance == "denies"


def test_near_miss_asking_where_stays_a_question() -> None:
    claim = analyse("请问哪里有能投诉暴力催收的渠道？")
    assert "complaints_rights" in claim.topics
    assert claim.stance == "question"


# -- words said on a call to a relative named between 打 and 电话 -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "上周他们打了我舅舅的电话，说下个月就派人去家里。",
        "催收打了我爸的电话，说要是再不还就去法院起诉我。",
        "对方打了我同事的电话，说我涉嫌诈骗要被抓。",
    ],
)
def test_words_said_on_a_call_to_a_relative_are_reported(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "contacts_family" in topics
    assert not {"home_visit", "legal_action", "criminal_risk"} & set(topics)
    assert analyse(sentence).stance == "affirms"


def test_near_miss_a_lawyers_answer_after_a_call_word_is_no_call() -> None:
    # no call in the clause before: what the lawyer says is the claim
    topics = topics_of("律师的电话咨询里讲得很清楚：逾期超过三个月，平台可能会起诉。")
    assert "legal_action" in topics


# -- a verb of ending inside a 的-phrase that names its head ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "千万别信那些说能帮你删除逾期记录的中介。",
        "不要找那些自称可以帮忙消除不良记录的中介公司。",
        "别去相信所谓能一键清除征信污点的中介。",
    ],
)
def test_a_verb_inside_a_headed_phrase_leaves_the_negation_on_its_head(sentence: str) -> None:
    claim = analyse(sentence)
    assert "debt_help_scam" in claim.topics
    assert claim.stance == "denies"


def test_near_miss_a_negated_verb_of_ending_keeps_the_record() -> None:
    claim = analyse("还清以后，逾期记录也不会马上消失。")
    assert "credit_report" in claim.topics
    assert claim.stance == "affirms"


# -- a limit stopped with words between ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "晚还了一周，借呗就把我的额度停了。",
        "逾期以后平台会先把你的借款额度停掉。",
        "有的平台会直接停掉用户的全部额度。",
    ],
)
def test_a_limit_stopped_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_near_miss_a_limit_that_stays_is_no_account_impact() -> None:
    assert "account_impact" not in topics_of("我的额度停留在三千元，一直没有提高。")


# -- a waiver told with 了 and the fee after it ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "后来客服同意免了两个月的罚息。",
        "谈了三次，银行最后减了一半的违约金。",
        "平台免了全部的滞纳金，只让我还本金。",
    ],
)
def test_a_waiver_told_with_le_is_negotiation(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "negotiation" in topics
    assert "penalty_fees" in topics


def test_near_miss_an_interest_free_period_is_no_waiver() -> None:
    assert "negotiation" not in topics_of("花呗账单有一段免息期，按时还就不收利息。")


# -- a question title with a status tag after it still asks ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("借呗逾期半年会被起诉吗？（已解决）", "legal_action"),
        ("网贷逾期了催收会打给我爸妈吗？【已采纳】", "contacts_family"),
        ("信用卡逾期多久会被银行起诉？[悬赏20分]", "legal_action"),
    ],
)
def test_a_title_with_a_status_tag_still_asks(sentence: str, topic: str) -> None:
    claim = analyse(sentence)
    assert topic in claim.topics
    assert claim.stance == "question"


def test_near_miss_a_statement_with_a_bracketed_note_does_not_ask() -> None:
    claim = analyse("逾期记录会在征信上保留五年（从还清之日起算）。")
    assert "credit_report" in claim.topics
    assert claim.stance != "question"


# -- a Q&A page's controls: a report button and a link to the answer -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "举报",
        "举报该评论",
        "逾期后家人被骚扰怎么办？点击查看律师解答",
        "网贷协商失败了还能再谈吗？点此查看详情",
    ],
)
def test_qa_page_controls_are_no_claims(sentence: str) -> None:
    assert not topics_of(sentence)


def test_near_miss_reporting_a_collector_is_a_complaint() -> None:
    assert "complaints_rights" in topics_of("遇到暴力催收，可以向银保监会举报。")


# -- the lender's right to demand payment is no complaint ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "合同到期后，平台有权要求借款人一次还清。",
        "持卡人长期不还，发卡行有权要求其承担违约金。",
        "债权人有权要求保证人代为偿还欠款。",
    ],
)
def test_a_lenders_right_to_demand_is_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in topics_of(sentence)


def test_near_miss_the_borrowers_right_to_demand_stays_a_complaint() -> None:
    assert "complaints_rights" in topics_of("接到上门催收时，你有权要求对方出示工作证件。")


# -- a closed question or comment box of the page is no closed account -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "此问题已关闭，无法继续回答。",
        "抱歉，评论功能暂时关闭。",
        "本帖已被版主关闭。",
    ],
)
def test_a_closed_page_element_is_no_account_impact(sentence: str) -> None:
    assert "account_impact" not in topics_of(sentence)


def test_near_miss_a_closed_account_stays_account_impact() -> None:
    assert "account_impact" in topics_of("逾期太久，花呗被关闭了。")


# -- a visit to the borrower's hometown, the owner named -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "平台委托的人会不会去你老家？",
        "逾期半年后，外包公司的人真的去我老家找过我爸妈。",
        "听说他们会去他老家打听消息。",
    ],
)
def test_a_visit_to_the_hometown_is_a_home_visit(sentence: str) -> None:
    assert "home_visit" in topics_of(sentence)


def test_near_miss_the_borrower_going_home_is_no_visit() -> None:
    assert "home_visit" not in topics_of("过年我回了一趟老家，手机一直关机。")


def test_near_miss_a_call_to_the_hometown_is_no_visit() -> None:
    topics = topics_of("催收打到我老家的村委会，问我人在哪里。")
    assert "home_visit" not in topics


# -- no case ever witnessed, after the event -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("爆通讯录这种事，我身边一个都没见过。", "contacts_family"),
        ("因为几千块网贷坐牢的，我从来没听说过。", "criminal_risk"),
        ("所谓的上门外访，我从没见过。", "home_visit"),
    ],
)
def test_no_case_witnessed_denies(sentence: str, topic: str) -> None:
    claim = analyse(sentence)
    assert topic in claim.topics
    assert claim.stance == "denies"


def test_near_miss_a_case_witnessed_affirms() -> None:
    claim = analyse("上门催收这种事，我身边就见过两次。")
    assert "home_visit" in claim.topics
    assert claim.stance == "affirms"


# -- the reader named through their case is the subject of 可以 -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "你这种情况可以直接找银行申请个性化分期。",
        "您这个情况可以先向平台申请停息挂账。",
        "你的情况可以拨打12378投诉催收。",
    ],
)
def test_the_readers_case_with_can_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_near_miss_a_lenders_can_stays_descriptive() -> None:
    assert analyse("这种情况银行可以直接向法院起诉。").modality == "descriptive"


# -- a post reported to the site is no complaint ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "该评论已被多人举报，暂时无法显示。",
        "此回答涉嫌广告被投诉，现已删除。",
        "本帖因被举报正在审核中。",
    ],
)
def test_a_post_reported_to_the_site_is_no_complaint(sentence: str) -> None:
    assert "complaints_rights" not in topics_of(sentence)


def test_near_miss_a_collector_reported_is_a_complaint() -> None:
    assert "complaints_rights" in topics_of("催收员辱骂我家人，我已经向银保监会投诉了。")


# -- boxes of other questions and a lawyer's service lines -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "大家都在问：借呗逾期会不会上门？",
        "其他网友还在看：信用卡逾期多久会被起诉",
        "更多关于“网贷 协商”的问题",
        "本所专注办理催收投诉、停息挂账等案件",
        "擅长领域：债务纠纷、协商还款、刑事辩护",
    ],
)
def test_other_questions_and_service_lines_are_no_claims(sentence: str) -> None:
    assert not topics_of(sentence)


def test_near_miss_a_question_asked_by_everyone_is_a_claim() -> None:
    # no box label at the line's start: the writer reports what people ask, then answers
    claim = analyse("很多人都在问逾期会不会上门，其实正规平台很少上门。")
    assert "home_visit" in claim.topics


# -- whether it happens, answered by what it depends on --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("您好，逾期后是否会被起诉，主要取决于欠款金额。", "legal_action"),
        ("催收能不能打给你同事，要看你借款时留的是谁的号码。", "contacts_family"),
        ("会不会上门，关键看你所在的城市有没有外访团队。", "home_visit"),
    ],
)
def test_whether_then_depends_is_conditional(sentence: str, topic: str) -> None:
    claim = analyse(sentence)
    assert topic in claim.topics
    assert claim.stance == "conditional"


def test_near_miss_a_statement_then_depends_keeps_its_stance() -> None:
    # no whether-clause: the first clause states, the second only adds what matters
    claim = analyse("逾期后平台一般会先打电话催收，关键看你的还款态度。")
    assert claim.stance == "affirms"


def test_near_miss_a_whether_question_alone_stays_a_question() -> None:
    assert analyse("借呗逾期会不会被起诉？").stance == "question"
