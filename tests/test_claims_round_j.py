"""Round tagger-j (probe110-112, ids qj): timelines and processes.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: a span given by its two ends (快的…慢的…, 短则…长则…) is
one range; a hedge or a copula between 逾期 and its duration (逾期一般在两个月
左右) keeps the tie, so a lawyer's letter received then is no letter's
deadline; a reminder call or a person's call named as a stage is a call to the
borrower; a stage that is skipped (跳过委外, 省去上门) does not happen; a due
date that only marks where a count starts (还款日过后第N天, 从账单日算起) names
no grace period.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a span given by its two ends ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("从逾期到上门外访，快的二十天，慢的要三个月。", (20, 90)),
        ("逾期后转给催收公司，短则一周，长则一个月。", (7, 30)),
        ("逾期到收到法院传票，少则两个月，多则一年。", (60, 365)),
    ],
)
def test_a_span_given_by_its_two_ends_is_one_range(
    sentence: str, days: tuple[int, int]
) -> None:
    th = analyse(sentence).threshold
    assert th is not None and (th.min_days, th.max_days) == days


def test_two_spans_of_two_events_stay_apart() -> None:
    # near miss: two stages, each with its own time, is no range; the first span is taken
    th = analyse("逾期15天转外包，逾期三个月以后起诉。").threshold
    assert th is not None and (th.min_days, th.max_days) == (15, 15)


# -- a hedge between 逾期 and its duration keeps the tie ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("信用卡逾期一般在两个月左右会收到律师函。", (60, 60)),
        ("网贷逾期通常是半年以上才会发律师函。", (182, None)),
        ("逾期大概四个月的时候，我收到了一封律师函。", (120, 120)),
    ],
)
def test_a_hedge_between_the_overdue_and_its_span_keeps_the_overdue_time(
    sentence: str, days: tuple[int | None, int | None]
) -> None:
    a = analyse(sentence)
    assert a.threshold is not None and a.threshold.anchor == "overdue"
    assert (a.threshold.min_days, a.threshold.max_days) == days
    assert a.stance == "conditional"


def test_a_letters_own_deadline_is_still_no_threshold() -> None:
    # near miss: the deadline a lawyer's letter sets is no overdue time
    assert analyse("律师函要求欠款人在七日内联系处理。").threshold is None


# -- a reminder call or a person's call named as a stage is a call to the borrower ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "刚逾期那几天，只会接到几个提醒电话。",
        "机器催了一周没结果，就换成人工电话。",
        "第一轮是AI语音，提醒你当天把钱还上。",
    ],
)
def test_a_reminder_or_human_call_is_debtor_contact(sentence: str) -> None:
    assert "debtor_contact" in analyse(sentence).topics


def test_a_reminder_call_to_the_family_stays_contacts_family() -> None:
    # near miss: the reminder call placed to the family is no call to the borrower
    assert analyse("催收会给家人打提醒电话，说你欠钱不还。").topics == ("contacts_family",)


# -- a stage that is skipped does not happen -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "gone"),
    [
        ("部分消费金融公司会绕过委外环节，自己的法务直接起诉。", "third_party_agency"),
        ("金额不大的账单，平台通常省去上门这一步，改发律师函。", "home_visit"),
        ("有的银行不经过外包催收，逾期三个月就直接起诉。", "third_party_agency"),
    ],
)
def test_a_skipped_stage_gives_no_topic(sentence: str, gone: str) -> None:
    a = analyse(sentence)
    assert gone not in a.topics and "legal_action" in a.topics


def test_a_stage_that_is_reached_keeps_its_topic() -> None:
    # near miss: the outsourcing happens first, then the lawsuit
    assert "third_party_agency" in analyse("银行会先委外催收，然后再起诉。").topics


# -- a due date that only marks where a count starts or ends -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "还款日过后第5天还没还，平台就会把逾期报送征信。",
        "最后还款日之后第10天，催收电话就会打过来。",
        "信用卡从账单日起算，二十来天后就是最后还款日。",
    ],
)
def test_a_due_date_marking_a_count_is_no_grace_period(sentence: str) -> None:
    assert "overdue_grace" not in analyse(sentence).topics


def test_a_due_date_with_a_grace_word_stays_a_grace_period() -> None:
    # near miss: days after the due date that do not count as overdue are a grace period
    a = analyse("还款日后三天内还上，不算逾期。")
    assert a.topics == ("overdue_grace",) and a.stance != "denies"


# -- the first step of a sequence is its own event -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收一般先打电话给你本人，然后再打给你的家人。",
        "平台首先发短信提醒，接着才会联系紧急联系人。",
        "先是机器人电话，随后才轮到通讯录里的亲友。",
    ],
)
def test_the_first_steps_call_is_to_the_borrower(sentence: str) -> None:
    assert set(analyse(sentence).topics) >= {"debtor_contact", "contacts_family"}


def test_a_call_to_the_family_within_one_step_stays_contacts_family() -> None:
    # near miss: 先 and 再 order the calls, both made to other people
    assert analyse("催收先打你家人的电话，再打你同事的电话。").topics == ("contacts_family",)
