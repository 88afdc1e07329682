"""Round tagger-i (probe100-102, ids qi): stance, hedge and conditions.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


def _stance(sentence: str, topic: str) -> str | None:
    a = analyse(sentence)
    assert topic in a.topics, (sentence, a.topics)
    return a.stance


# -- two negations that cancel before the cue: the event is affirmed ---------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # a negator right against another (不是不会, 不可能不, 没有不)
        ("欠款拖得久了，催收也不是不会上门。", "home_visit"),
        ("欠了这么大一笔信用卡，银行不可能不起诉。", "legal_action"),
        # a negated "which / who" whose predicate is negated again: every one does
        ("没有哪家银行是不上报征信的。", "credit_report"),
        ("没有谁逾期了是不被催收电话找上门的。", "debtor_contact"),
    ],
)
def test_stacked_negations_affirm(sentence: str, topic: str) -> None:
    assert _stance(sentence, topic) == "affirms"


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        # near misses: negators apart, on other verbs, keep the denial
        ("平台不会因为你没有按时还款就上门。", "home_visit"),
        ("逾期了也不会上门，这一点不用担心。", "home_visit"),
        ("没有律师函的话，银行一般不会起诉。", "legal_action"),
    ],
)
def test_negations_apart_still_deny(sentence: str, topic: str) -> None:
    assert _stance(sentence, topic) == "denies"
