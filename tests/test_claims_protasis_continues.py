"""A condition goes on across a clause that opens with 或者 / 并且 (session nine).

除非是恶意骗贷，或者法院判了还拒不执行，否则不会被追究刑责: both alternatives are the
exception, the claim is the criminal risk only. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    ("text", "topics", "stance"),
    [
        ("除非是恶意骗贷，或者法院判了还拒不执行，否则不会被追究刑责。",
         ("criminal_risk",), "denies"),
        ("如果被起诉了，或者被列为失信，征信上也会留下记录。", ("credit_report",), "conditional"),
        ("一旦上了征信，并且催收已经打给家人，平台就可能起诉。", ("legal_action",), "conditional"),
    ],
)
def test_alternatives_of_a_condition_are_circumstance(
        text: str, topics: tuple[str, ...], stance: str) -> None:
    a = analyse(text)
    assert a.topics == topics
    assert a.stance == stance


def test_or_without_a_condition_keeps_both_claims() -> None:
    # no condition before 或者: both events are said to happen
    a = analyse("逾期太久会上征信，或者被平台起诉。")
    assert set(a.topics) == {"credit_report", "legal_action"}
