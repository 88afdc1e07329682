"""不是A，而是/只是B corrects how an event is described; it does not deny the event (session nine).

外访不是上门讨债，只是核实一下住址: the visit happens, it is only called something else. A
cue in A denies nothing when the sentence names its topic outside A without a negation
(the set's precedent: qi009, qp012, qz310). Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("外访不是上门讨债，只是核实一下你的住址和还款能力。", "home_visit"),
        ("银行的外访并不是上门要债，而是确认你人还在不在本地。", "home_visit"),
        ("律师函不是马上起诉的意思，只是起诉前的一道提醒。", "legal_action"),
    ],
)
def test_a_corrected_description_affirms_the_event(text: str, topic: str) -> None:
    a = analyse(text)
    assert topic in a.topics
    assert a.stance == "affirms"


def test_nothing_outside_the_correction_keeps_the_denial() -> None:
    # the visit is named only inside A: 不是上门, 而是打电话 denies the visit
    a = analyse("催收一般不是上门，而是打电话。")
    assert "home_visit" in a.topics
    assert a.stance == "denies"
