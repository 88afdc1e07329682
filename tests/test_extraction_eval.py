"""The extraction eval's per-page reasons are computed from the outputs."""

from __future__ import annotations

from evals.extraction_eval import page_score

GOLD = "花呗逾期之后会先短信提醒。逾期三个月可能委托第三方催收。"


def test_reason_counts_missed_extra_and_truth_eaten_by_a_rule() -> None:
    ours = "花呗逾期之后会先短信提醒。相关阅读：借呗怎么还"
    eaten = "逾期三个月可能委托第三方催收。"
    score = page_score("p", ours, ours, GOLD, [("teaser", eaten), ("cta", "加微信abc")], ())
    assert score.removed_truth == (("teaser", len(eaten) - 1),)  # the 。 is not counted
    assert 0.4 < score.missed < 0.6 and 0.3 < score.extra < 0.5
    assert "teaser" in score.reason() and "cta" not in score.reason()


def test_empty_output_is_said_so() -> None:
    score = page_score("p", "", "", GOLD, [], ("no_text",))
    assert score.missed == 1.0 and "empty output" in score.reason() and "no_text" in score.reason()


def test_what_was_removed_is_listed_per_rule() -> None:
    score = page_score("p", GOLD, GOLD, GOLD, [("cta", "加微信abc"), ("cta", "扫码"),
                                               ("title", "标题")], ())
    assert score.removed == (("cta", 2, 8), ("title", 1, 2))
    assert score.removed_line() == "cta 2 (8 chars), title 1 (2 chars)"
