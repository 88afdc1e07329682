"""The real-style claim set (``evals/claims-real/``): vocabulary checks and the split rule.

The set is written by hand after reading real content-farm pages (see
``evals/claims-real/README.md``). Each line has the gold fields of
``shared/eval/claims-dev.jsonl`` plus provenance: ``query`` (the search query
that led to the page), ``phenomenon`` (one of ``PHENOMENA``) and ``note``.

Split rule (deterministic, stable as the set grows): within each phenomenon,
lines in id order alternate dev, test, dev, test ... starting with dev. New
lines only ever get higher ids, so adding lines never moves an old one to the
other half, and every phenomenon with two or more lines is in both halves.

Usage::

    python -m evals.claims_real split ALL.jsonl   # writes dev.jsonl and test.jsonl
    python -m evals.claims_real check             # validates the committed halves
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REAL_DIR = Path(__file__).resolve().parent / "claims-real"
DEV_PATH = REAL_DIR / "dev.jsonl"
TEST_PATH = REAL_DIR / "test.jsonl"

#: Topic ids of the DOMAIN.md contract.
TOPICS = (
    "overdue_grace", "credit_report", "penalty_fees", "debtor_contact", "contacts_family",
    "third_party_agency", "home_visit", "legal_action", "criminal_risk", "negotiation",
    "complaints_rights", "account_impact", "debt_help_scam", "fake_collection",
    "bad_debt_transfer",
)  # fmt: skip
#: Canonical product names of the DOMAIN.md contract.
PRODUCTS = (
    "花呗", "借呗", "京东白条", "京东金条", "微粒贷", "网商贷", "信用卡", "美团月付",
    "美团借钱", "抖音月付", "放心借", "度小满", "招联", "安逸花", "360借条", "分期乐",
    "还呗", "建行快贷", "云闪付", "网贷",
)  # fmt: skip
STANCES = ("affirms", "denies", "conditional", "question")
MODALITIES = ("descriptive", "normative", "advice")
HEDGES = ("none", "possibility", "frequency")
ANCHORS = ("overdue", "retention", "installment")
#: The eleven classes of issue 14, plus concession, plain sentences and non-claims.
PHENOMENA = (
    "paraphrase", "other_sense", "threshold", "scam_framing", "modality",
    "negation_elsewhere", "traditional_pinyin_variant", "rarity_after_cue",
    "reported_speech", "hedge_condition", "semicolon_split", "concession", "plain",
    "non_claim",
)  # fmt: skip
FIELDS = ("id", "text", "topics", "stance", "modality", "hedge", "products", "threshold",
          "query", "phenomenon", "note")  # fmt: skip

Row = dict[str, Any]


def load_rows(path: Path) -> list[Row]:
    """Read a JSONL file of labelled sentences (blank lines skipped)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def row_problems(row: Row) -> list[str]:
    """Everything wrong with one line against the label vocabulary (empty list: valid)."""
    problems = [f"missing {key}" for key in FIELDS if key not in row]
    if problems:
        return problems
    topics, th = row["topics"], row["threshold"]
    if not isinstance(row["text"], str) or not row["text"].strip():
        problems.append("empty text")
    problems += [f"unknown topic {t}" for t in topics if t not in TOPICS]
    if len(set(topics)) != len(topics):
        problems.append("repeated topic")
    problems += [f"unknown product {p}" for p in row["products"] if p not in PRODUCTS]
    if row["phenomenon"] not in PHENOMENA:
        problems.append(f"unknown phenomenon {row['phenomenon']}")
    if not str(row["query"]).strip() or not str(row["note"]).strip():
        problems.append("empty query or note")
    if set(th) != {"min_days", "max_days", "anchor"}:
        problems.append("threshold needs min_days, max_days, anchor")
        return problems
    if topics:
        for key, allowed in (("stance", STANCES), ("modality", MODALITIES), ("hedge", HEDGES)):
            if row[key] not in allowed:
                problems.append(f"bad {key} {row[key]!r}")
    else:
        problems += [f"{k} must be null on a non-claim" for k in ("stance", "modality", "hedge")
                     if row[k] is not None]  # fmt: skip
        if th["anchor"] is not None:
            problems.append("a non-claim has no threshold")
    days = [d for d in (th["min_days"], th["max_days"]) if d is not None]
    if th["anchor"] is None and days:
        problems.append("days without an anchor")
    if th["anchor"] is not None:
        if th["anchor"] not in ANCHORS:
            problems.append(f"bad anchor {th['anchor']!r}")
        if not days:
            problems.append("an anchor without days")
        if any(not isinstance(d, int) or d < 0 for d in days):
            problems.append("days must be non-negative integers")
        elif len(days) == 2 and days[0] > days[1]:
            problems.append("min_days > max_days")
    return problems


def split_rows(rows: Iterable[Row]) -> tuple[list[Row], list[Row]]:
    """(dev, test) by the split rule: per phenomenon, in id order, dev/test alternately."""
    seen: Counter[str] = Counter()
    dev: list[Row] = []
    test: list[Row] = []
    for row in sorted(rows, key=lambda r: str(r["id"])):
        k = seen[row["phenomenon"]]
        seen[row["phenomenon"]] += 1
        (dev if k % 2 == 0 else test).append(row)
    return dev, test


def check_halves(dev: list[Row], test: list[Row]) -> list[str]:
    """Problems of a dev/test pair: invalid lines, repeated ids or texts, a broken split."""
    problems = [f"{r.get('id')}: {p}" for r in dev + test for p in row_problems(r)]
    ids = Counter(str(r.get("id")) for r in dev + test)
    texts = Counter(str(r.get("text")) for r in dev + test)
    problems += [f"repeated id {i}" for i, n in ids.items() if n > 1]
    problems += [f"repeated text {t}" for t, n in texts.items() if n > 1]
    if problems:
        return problems
    want_dev, want_test = split_rows(dev + test)
    if [r["id"] for r in want_dev] != sorted(r["id"] for r in dev) or [
        r["id"] for r in want_test
    ] != sorted(r["id"] for r in test):
        problems.append("the halves do not follow the split rule")
    return problems


def _write(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False) + "\n")


def summary(dev: list[Row], test: list[Row]) -> str:
    """A table of line counts per phenomenon and half, then per topic."""
    lines = [f"{'phenomenon':<28}{'dev':>5}{'test':>6}"]
    d, t = Counter(r["phenomenon"] for r in dev), Counter(r["phenomenon"] for r in test)
    for ph in PHENOMENA:
        lines.append(f"{ph:<28}{d[ph]:>5}{t[ph]:>6}")
    lines.append(f"{'total':<28}{len(dev):>5}{len(test):>6}")
    d = Counter(x for r in dev for x in r["topics"])
    t = Counter(x for r in test for x in r["topics"])
    lines.append("")
    lines.append(f"{'topic':<28}{'dev':>5}{'test':>6}")
    for topic in TOPICS:
        lines.append(f"{topic:<28}{d[topic]:>5}{t[topic]:>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``split ALL.jsonl`` writes the two halves; ``check`` validates them. Returns 0 or 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    split = sub.add_parser("split", help="split a full labelled file into the two halves")
    split.add_argument("source", type=Path)
    split.add_argument("--dev-only", action="store_true", help="write dev.jsonl only")
    sub.add_parser("check", help="validate dev.jsonl and test.jsonl and print the counts")
    args = parser.parse_args(argv)
    if args.command == "split":
        rows = load_rows(args.source)
        bad = [f"{r.get('id')}: {p}" for r in rows for p in row_problems(r)]
        if bad:
            print("\n".join(bad), file=sys.stderr)
            return 1
        dev, test = split_rows(rows)
        REAL_DIR.mkdir(parents=True, exist_ok=True)
        _write(DEV_PATH, dev)
        if not args.dev_only:
            _write(TEST_PATH, test)
        print(summary(dev, test))
        return 0
    dev = load_rows(DEV_PATH)
    test = load_rows(TEST_PATH) if TEST_PATH.exists() else []
    problems = check_halves(dev, test) if test else [
        f"{r.get('id')}: {p}" for r in dev for p in row_problems(r)]  # fmt: skip
    print("\n".join(problems) if problems else summary(dev, test))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
