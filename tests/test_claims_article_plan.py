"""An article laying out its parts names them before their count (session nine).

本文将从征信、起诉、催收三个方面展开 announces the text's plan; the parts are topics the text
will treat, not claims. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "本文将从征信、起诉、催收三个方面展开。",
        "下面就从逾期多久会上征信、会不会被起诉两个问题来回答。",
        "接下来从上门催收和爆通讯录两个角度来分析。",
    ],
)
def test_plan_naming_its_parts_is_no_claim(text: str) -> None:
    a = analyse(text)
    assert a.topics == ()
    assert a.boilerplate is not None


def test_a_case_named_with_a_count_is_still_a_claim() -> None:
    # 3个月 counts months, not parts: the sentence says what a bank does
    a = analyse("下面从逾期3个月的情况来说，银行一般会委外催收。")
    assert a.topics == ("third_party_agency",)
    assert a.boilerplate is None
