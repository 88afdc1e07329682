"""Round tagger-v: a broad sweep over ordinary farm pages (probes 220-222).

Each class has sentences of its own and a near miss that keeps the old reading:
an overdue run past a span, or a condition that it
is (逾期过了两个月, 一旦过了60天), gives a minimum, while 才过了两天 (only two days had
passed) and 已经过了三个月 (how long it is now) keep the point; a denial of any impact with a
"none at all" word (不会受到任何影响, 不受任何影响) denies the cue before it, across the
comma of a topic put first (家人的征信，不会因为你的逾期受到任何影响); the police
taking the borrower away (被警察带走) is an arrest, not a car taken away or a collector
arrested.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- 过了 N after the overdue or a condition: a minimum ----------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("逾期过了三个月，银行基本都会把卡停掉。", (90, None, "overdue")),
        ("一旦过了45天还没还，平台就会上报征信。", (45, None, "overdue")),
        ("信用卡逾期只要过了半年，银行就可能起诉。", (182, None, "overdue")),
        ("如果过了15天还不还，额度会被冻结。", (15, None, "overdue")),
    ],
)
def test_run_past_a_span_is_a_minimum(text: str, days: tuple[int, int | None, str]) -> None:
    assert days_of(text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("逾期才过了两天，催收就打电话到我单位了。", (2, 2, "overdue")),
        ("逾期已经过了三个月，银行还没有起诉。", (90, 90, "overdue")),
    ],
)
def test_only_so_long_keeps_the_point_near_miss(
        text: str, days: tuple[int, int, str]) -> None:  # fmt: skip
    assert days_of(text) == days


# -- "no impact at all" after the cue denies it -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("家人的征信，不会因为你的逾期受到任何影响。", "credit_report"),
        ("你的芝麻分，不会受到什么影响。", "account_impact"),
        ("当天还上的话，征信不受任何影响。", "credit_report"),
        ("配偶的信用报告不会有任何影响。", "credit_report"),
    ],
)
def test_no_impact_at_all_denies(text: str, topic: str) -> None:
    a = analyse(text)
    assert topic in topics_of(text)
    assert a.stance == "denies"


@pytest.mark.parametrize(
    "text",
    ["逾期之后，征信多少会受到一些影响。", "连续逾期会让征信受到很大影响。"],
)
def test_some_impact_keeps_its_affirmation_near_miss(text: str) -> None:
    assert analyse(text).stance == "affirms"


# -- the police taking the borrower away is an arrest -----------------------------------------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("欠信用卡不还，会不会被公安带走？", "question"),
        ("恶意透支数额大的，可能直接被民警带走。", "affirms"),
        ("网贷逾期一般不会被警察带走。", "denies"),
    ],
)
def test_taken_away_by_the_police_is_criminal_risk(text: str, stance: str) -> None:
    assert topics_of(text) == {"criminal_risk"}
    assert analyse(text).stance == stance


def test_a_car_taken_away_or_a_collector_arrested_near_miss() -> None:
    assert "criminal_risk" not in topics_of("催收员把抵押的车带走了。")
    assert topics_of("警察带走了那个暴力催收的人。") == {"complaints_rights"}
