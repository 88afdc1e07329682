"""Scoring of the claim sets `make eval` reports, and the real-style set's split rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.claims_eval import (
    compute_metrics,
    format_report,
    format_summary,
    gold_sets,
    main,
    phenomenon_scores,
    sets_json,
)
from evals.claims_real import (
    DEV_PATH,
    PHENOMENA,
    TEST_PATH,
    check_halves,
    load_rows,
    row_problems,
    split_rows,
)

NO_TH = {"min_days": None, "max_days": None, "anchor": None}


def gold_row(rid: str, topics: list[str], phenomenon: str = "plain", **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": rid, "text": f"句子{rid}", "topics": topics,
        "stance": "affirms" if topics else None,
        "modality": "descriptive" if topics else None,
        "hedge": "none" if topics else None,
        "products": [], "threshold": dict(NO_TH),
        "query": "花呗逾期 通讯录", "phenomenon": phenomenon, "note": "test line",
    }  # fmt: skip
    row.update(kw)
    return row


def claim(rid: str, topics: list[str], idx: int = 0, **kw: Any) -> dict[str, Any]:
    c: dict[str, Any] = {"id": rid, "idx": idx, "topics": topics, "stance": "affirms",
                         "modality": "descriptive", "hedge": "none", "products": [],
                         "threshold": dict(NO_TH)}  # fmt: skip
    c.update(kw)
    return c


def test_per_topic_precision_recall_by_hand() -> None:
    # a: gold {credit_report}, pred {credit_report, penalty_fees}
    # b: gold {credit_report, home_visit}, pred {home_visit}
    # c: gold {}, pred {home_visit}
    # d: gold {penalty_fees}, pred {} (nothing emitted)
    gold = [gold_row("a", ["credit_report"]), gold_row("b", ["credit_report", "home_visit"]),
            gold_row("c", [], "non_claim"), gold_row("d", ["penalty_fees"], "threshold")]
    pred = [claim("a", ["credit_report"]), claim("a", ["penalty_fees"], idx=1),
            claim("b", ["home_visit"], stance="denies"), claim("c", ["home_visit"])]
    m = compute_metrics(gold, pred)
    cr, hv, pf = (m["per_topic"][t] for t in ("credit_report", "home_visit", "penalty_fees"))
    # credit_report: tp a, fn b -> P 1/1, R 1/2
    assert (cr["tp"], cr["fp"], cr["fn"]) == (1, 0, 1)
    assert cr["precision"] == 1.0 and cr["recall"] == 0.5 and cr["f1"] == pytest.approx(2 / 3)
    # home_visit: tp b, fp c -> P 1/2, R 1/1
    assert (hv["tp"], hv["fp"], hv["fn"]) == (1, 1, 0)
    assert hv["precision"] == 0.5 and hv["recall"] == 1.0
    # penalty_fees: fp a, fn d -> P 0, R 0, F1 0
    assert (pf["tp"], pf["fp"], pf["fn"]) == (0, 1, 1) and pf["f1"] == 0.0
    micro = m["topic_micro"]  # tp 2, fp 2, fn 2
    assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 2, 2) and micro["f1"] == 0.5
    # stance over the 3 gold claims: a right, b wrong (denies), d wrong (no prediction)
    assert m["labelled"] == 3 and m["stance_accuracy"] == pytest.approx(1 / 3)
    # every line has a wrong topic set, so no phenomenon has a line right
    assert m["per_phenomenon"] == {
        "non_claim": {"n": 1, "right": 0, "accuracy": 0.0},
        "plain": {"n": 2, "right": 0, "accuracy": 0.0},
        "threshold": {"n": 1, "right": 0, "accuracy": 0.0},
    }


def test_phenomenon_scores_counts_lines_without_errors() -> None:
    gold = [gold_row("a", ["credit_report"], "concession"),
            gold_row("b", ["credit_report"], "concession"),
            gold_row("c", [], "non_claim"), {"id": "x", "text": "无", "topics": []}]
    scores = phenomenon_scores(gold, [{"id": "b", "wrong": ["stance"]}])
    assert scores["concession"] == {"n": 2, "right": 1, "accuracy": 0.5}
    assert scores["non_claim"]["right"] == 1
    assert set(scores) == {"concession", "non_claim"}  # the row without a phenomenon is skipped


def test_sets_json_seals_the_test_half_and_summary_has_every_set() -> None:
    gold = [gold_row("a", ["credit_report"])]
    bad = compute_metrics(gold, [claim("a", ["home_visit"])])
    results = {"real_dev": bad, "real_test": bad}
    out = json.loads(json.dumps(sets_json(results, show_errors=True)))
    assert out["real_dev"]["error_count"] == 1 and out["real_dev"]["errors"][0]["id"] == "a"
    assert out["real_test"]["error_count"] == 1 and "errors" not in out["real_test"]
    assert "errors" not in sets_json(results)["real_dev"]
    summary = format_summary(results)
    assert "real_dev" in summary and "real_test" in summary and "demo_truth" not in summary
    assert "topic micro-F1" in summary and "0.000" in summary
    assert "phenomenon" in format_report(bad)


def test_gold_test_half_never_prints_its_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gold", str(TEST_PATH), "--direct", "--errors", "--json"]) == 0
    captured = capsys.readouterr()
    metrics = json.loads(captured.out)
    assert metrics["n"] == len(load_rows(TEST_PATH)) and metrics["errors"] == []
    assert "not listed" in captured.err
    assert not any(row["text"] in captured.out for row in load_rows(TEST_PATH))


# ---------------------------------------------------------------- the real-style set


def test_split_rule_is_stable_and_stratified() -> None:
    rows = [gold_row(f"r{i:03d}", [], "non_claim" if i % 3 else "plain") for i in range(1, 10)]
    dev, test = split_rows(rows)
    # per phenomenon in id order: dev, test, dev, ...
    # (non_claim: r001 r002 r004 r005 r007 r008; plain: r003 r006 r009)
    assert [r["id"] for r in dev] == ["r001", "r003", "r004", "r007", "r009"]
    plain = [r["id"] for r in rows if r["phenomenon"] == "plain"]  # r003 r006 r009
    assert [r["id"] for r in dev if r["phenomenon"] == "plain"] == [plain[0], plain[2]]
    assert [r["id"] for r in test if r["phenomenon"] == "plain"] == [plain[1]]
    more = [*rows, gold_row("r010", [], "plain"), gold_row("r011", [], "non_claim")]
    dev2, test2 = split_rows(more)
    assert {r["id"] for r in dev} <= {r["id"] for r in dev2}  # growing moves no old line
    assert {r["id"] for r in test} <= {r["id"] for r in test2}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"topics": ["grace"]}, "unknown topic grace"),
        ({"products": ["支付宝"]}, "unknown product 支付宝"),
        ({"stance": "maybe"}, "bad stance"),
        ({"phenomenon": "other"}, "unknown phenomenon other"),
        ({"threshold": {"min_days": 90, "max_days": 30, "anchor": "overdue"}},
         "min_days > max_days"),
        ({"threshold": {"min_days": 90, "max_days": None, "anchor": None}},
         "days without an anchor"),
        ({"note": " "}, "empty query or note"),
    ],
)  # fmt: skip
def test_row_problems_catches_bad_labels(change: dict[str, Any], problem: str) -> None:
    assert row_problems(gold_row("a", ["credit_report"])) == []
    row = {**gold_row("a", ["credit_report"]), **change}
    assert any(p.startswith(problem) for p in row_problems(row))


def test_non_claim_must_have_null_labels() -> None:
    row = gold_row("a", [], "non_claim", stance="affirms")
    assert row_problems(row) == ["stance must be null on a non-claim"]


def test_committed_halves_are_valid_and_cover_every_phenomenon() -> None:
    dev, test = load_rows(DEV_PATH), load_rows(TEST_PATH)
    assert check_halves(dev, test) == []
    assert len(dev) + len(test) >= 260
    for phenomenon in PHENOMENA:
        assert any(r["phenomenon"] == phenomenon for r in dev), phenomenon
        assert any(r["phenomenon"] == phenomenon for r in test), phenomenon
    non_claims = sum(not r["topics"] for r in dev + test) / len(dev + test)
    assert 0.10 <= non_claims <= 0.25


def test_gold_sets_skip_a_missing_shared_file(tmp_path: Path) -> None:
    assert list(gold_sets(tmp_path / "claims-dev.jsonl")) == ["real_dev", "real_test"]
    shared = tmp_path / "claims-dev.jsonl"
    shared.write_text("", encoding="utf-8")
    assert list(gold_sets(shared)) == ["shared_dev", "real_dev", "real_test"]
    assert list(gold_sets(None)) == ["real_dev", "real_test"]
