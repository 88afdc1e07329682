"""The answer-level evaluation computes the truth's answers with the report's definitions."""

from __future__ import annotations

from dataclasses import replace

from evals.answers_eval import (
    Answers,
    Family,
    compare,
    conflicts_with,
    truth_families,
    truth_pairs,
    truth_self_contradictions,
    truth_shares,
    truth_thresholds,
)
from evals.gate import answer_figures
from warehouse.seeds import ReferenceRule

BASE = Family("k", "c1", ("contacts_family",), "affirms", "descriptive", "none", (), None,
              None, None)


def _record(url: str, cluster: str, published: str, *claims: dict[str, object]
            ) -> dict[str, object]:
    return {"url": url, "cluster": cluster, "published": published, "deleted_day": None,
            "claims": list(claims)}


def _claim(text: str, stance: str, **kw: object) -> dict[str, object]:
    return {"text": text, "topics": ["contacts_family"], "stance": stance,
            "modality": "descriptive", "hedge": "none", "products": [],
            "threshold": {"min_days": None, "max_days": None, "anchor": None}} | kw


def test_a_family_counts_for_its_earliest_copy_and_sources_net_their_stances() -> None:
    families = truth_families([
        _record("http://x/b.html", "c2", "2024-02-01", _claim("会联系家人。", "affirms")),
        _record("http://x/a.html", "c1", "2024-01-01", _claim("会聯系家人。", "affirms"),
                _claim("不会联系家人。", "denies")),
        _record("http://x/c.html", "c3", "2024-03-01", _claim("如果失联会联系家人。",
                                                             "conditional")),
    ])
    assert {f.key: f.cluster for f in families}["会联系家人。"] == "c1"  # Traditional copy first
    assert truth_shares(families) == {"contacts_family": {
        "affirms": 0, "conditional": 1, "denies": 0, "mixed": 1}}


def test_truth_pairs_follow_the_contradiction_rules() -> None:
    may = replace(BASE, key="may", hedge="possibility")
    usually_not = replace(BASE, key="usually-not", cluster="c2", stance="denies",
                          hedge="frequency")
    never = replace(BASE, key="never", cluster="c3", stance="denies")
    one_day = replace(BASE, key="one-day", cluster="c4", stance="denies", min_days=1,
                      max_days=1)
    same_source = replace(BASE, key="same", cluster="c1", stance="denies")
    pairs = truth_pairs([may, usually_not, never, one_day, same_source])
    assert pairs == {("contacts_family", None, "may", "never")}


def test_rule_conflicts_by_truth_labels() -> None:
    rule = ReferenceRule("r1", "contacts_family", (), "s", None, "src", None, "high", "affirms",
                         None, None, None, None)
    assert conflicts_with(rule, BASE)
    assert not conflicts_with(rule, replace(BASE, stance="denies"))
    assert not conflicts_with(rule, replace(BASE, modality="normative"))
    days = ReferenceRule("r2", "credit_report", (), "s", None, "src", None, "high", "threshold",
                         "retention", 1825, 1825, None)
    kept = replace(BASE, topics=("credit_report",), anchor="retention")
    assert conflicts_with(days, replace(kept, min_days=1095, max_days=1095))
    assert not conflicts_with(days, replace(kept, min_days=1825, max_days=1825))


def test_compare_and_the_gated_figures() -> None:
    families = [BASE, replace(BASE, key="n", cluster="c2", stance="denies")]
    got = Answers({"contacts_family": {"affirms": 1, "conditional": 0, "denies": 0,
                                       "mixed": 0}},
                  {("contacts_family", None, "k", "n"), ("contacts_family", None, "x", "n")},
                  [], {})
    result = compare(got, families)
    assert result["pair_precision"] == 0.5 and result["pair_recall"] == 1.0
    # one topic, 2 truth sources: below the gated minimum, so no share error is gated
    assert result["topics"]["contacts_family"]["max_error_points"] == 50.0
    assert answer_figures(result)["answers.stance_shares_within"] == 1.0


def test_truth_threshold_lists_count_sources_per_duration() -> None:
    day = replace(BASE, topics=("credit_report",), stance="conditional", anchor="overdue",
                  min_days=1, max_days=1)
    families = [day, replace(day, key="b", cluster="c2"), replace(day, key="c", cluster="c2"),
                replace(day, key="d", cluster="c3", min_days=None, max_days=30),
                replace(day, key="q", cluster="c4", stance="question")]
    assert truth_thresholds(families) == {("credit_report", "overdue", 1): 2,
                                          ("credit_report", "overdue", 30): 1}


def test_truth_self_contradictions_need_the_same_proposition_on_one_page() -> None:
    records = [
        _record("http://x/a.html", "c1", "2024-01-01",
                _claim("正规平台一般不会联系家人。", "denies", hedge="frequency"),
                _claim("但催收公司可能会联系家人。", "affirms", hedge="possibility")),
        # another event of the topic (workplace against family): not the same proposition
        _record("http://x/b.html", "c2", "2024-01-01", _claim("平台不会联系家人。", "denies"),
                _claim("逾期后会打电话到单位。", "affirms")),
    ]
    assert truth_self_contradictions(records) == {("/a.html", "contacts_family")}
