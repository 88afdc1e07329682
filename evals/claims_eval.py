"""Score the claim tagger against a gold JSONL file (``make eval``).

Usage::

    python -m evals.claims_eval --gold /work/shared/eval/claims-dev.jsonl [--direct] [--json]
    python -m evals.claims_eval --sets [--shared ../shared] [--direct] [--json]

``--sets`` scores the four sets ``make eval`` reports: the shared dev set
(``<shared>/eval/claims-dev.jsonl``, skipped when absent), both halves of the
real-style set in ``evals/claims-real/`` and the demo web truth. The error
list of the real-style test half is never printed (see its README).

By default every gold line is fed as ``{"id", "text"}`` JSONL to ONE
``python -m yuqi claims --all --format jsonl`` subprocess; ``--direct``
calls ``pipeline.claims.tag_document`` in-process instead. The claims of each
id are merged (union of topics and products; stance, modality and hedge from
the first claim with topics; the first threshold found), then scored: per-topic
precision / recall, topic micro-F1, stance / modality / hedge accuracy where the
gold topics are non-empty, product micro-F1 and threshold match (min and max
each within one day, same anchor). Lines that carry a ``phenomenon`` (the
real-style set) are also counted per phenomenon. Always exits 0: this is a
report, not a gate.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
CLI_COMMAND = ["-m", "yuqi", "claims", "--all", "--format", "jsonl"]
TOLERANCE_DAYS = 1
DEMO_BASE = "http://127.0.0.1:8080"

Record = dict[str, Any]

#: The sets of ``--sets`` / ``make eval``, in print order, with their titles.
SET_TITLES = {
    "shared_dev": "shared dev set (shared/eval/claims-dev.jsonl)",
    "real_dev": "real-style set, dev half (evals/claims-real/dev.jsonl)",
    "real_test": "real-style set, test half (evals/claims-real/test.jsonl)",
    "demo_truth": "demo web truth (demo.truth, tagged in-process)",
}
#: Sets whose error list is never shown: they are scored, not studied.
SEALED_SETS = frozenset({"real_test"})


def load_gold(path: Path) -> list[Record]:
    """Read the gold JSONL file (one labelled sentence a line, blank lines skipped)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _claim_to_record(claim: Any) -> Record:
    return {
        "id": claim.doc_id,
        "idx": claim.idx,
        "text": claim.text,
        "section": claim.section,
        "topics": list(claim.topics),
        "stance": claim.stance,
        "modality": claim.modality,
        "hedge": claim.hedge,
        "products": list(claim.products),
        "threshold": {
            "min_days": claim.min_days,
            "max_days": claim.max_days,
            "anchor": claim.anchor,
        },
        "cues": list(claim.cues),
    }


def predict_direct(gold: list[Record]) -> list[Record]:
    """Tag every gold text in-process with tag_document (include_non_claims=True)."""
    from pipeline.claims import tag_document

    out: list[Record] = []
    for row in gold:
        out += [
            _claim_to_record(c)
            for c in tag_document(row["id"], row["text"], include_non_claims=True)
        ]
    return out


def predict_cli(gold: list[Record]) -> list[Record]:
    """Tag every gold text with one ``yuqi claims`` subprocess (JSONL in and out)."""
    payload = "".join(
        json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False) + "\n"
        for row in gold
    )
    proc = subprocess.run(
        [sys.executable, *CLI_COMMAND],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"claims CLI failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def merge_claims(claims: Iterable[Record]) -> dict[str, Record]:
    """Merge the claims of each id into one prediction (see module docstring)."""
    merged: dict[str, Record] = {}
    for claim in sorted(claims, key=lambda c: (str(c["id"]), int(c.get("idx", 0)))):
        m = merged.setdefault(
            str(claim["id"]),
            {"topics": [], "products": [], "stance": None, "modality": None, "hedge": None,
             "threshold": None},
        )  # fmt: skip
        topics = claim.get("topics") or []
        for t in topics:
            if t not in m["topics"]:
                m["topics"].append(t)
        for p in claim.get("products") or []:
            if p not in m["products"]:
                m["products"].append(p)
        if topics and m["stance"] is None:
            m["stance"], m["modality"], m["hedge"] = (
                claim.get("stance"), claim.get("modality"), claim.get("hedge"),
            )  # fmt: skip
        th = claim.get("threshold") or {}
        if m["threshold"] is None and th.get("anchor") is not None:
            m["threshold"] = th
    return merged


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(int(a) - int(b)) <= TOLERANCE_DAYS


def threshold_match(gold: Record | None, pred: Record | None) -> bool:
    """True when both are empty, or min and max are each within one day and anchors agree."""
    g_anchor = (gold or {}).get("anchor")
    p_anchor = (pred or {}).get("anchor")
    if g_anchor is None or p_anchor is None:
        return g_anchor is None and p_anchor is None
    assert gold is not None and pred is not None
    return (
        g_anchor == p_anchor
        and _close(gold.get("min_days"), pred.get("min_days"))
        and _close(gold.get("max_days"), pred.get("max_days"))
    )


def _error(row: Record, wrong: list[str], pred: Record) -> dict[str, Any]:
    keys = ("topics", "stance", "modality", "hedge", "products", "threshold")
    return {"id": row["id"], "text": row.get("text", ""), "wrong": wrong,
            "gold": {k: row.get(k) for k in keys}, "pred": pred}


def compute_metrics(gold: list[Record], claims: Iterable[Record]) -> dict[str, Any]:
    """Score predicted *claims* (CLI JSONL records) against *gold*; returns a metrics dict."""
    pred = merge_claims(claims)
    empty: Record = {"topics": [], "products": [], "stance": None, "modality": None,
                     "hedge": None, "threshold": None}  # fmt: skip
    topic_counts: dict[str, list[int]] = {}
    prod = [0, 0, 0]
    label_hits = {"stance": 0, "modality": 0, "hedge": 0}
    labelled = 0
    th_all = th_scored = th_gold_hit = th_gold = th_pred_hit = th_pred = 0
    errors: list[dict[str, Any]] = []
    for row in gold:
        p = pred.get(str(row["id"]), empty)
        g_topics, p_topics = set(row.get("topics") or []), set(p["topics"])
        for t in g_topics | p_topics:
            c = topic_counts.setdefault(t, [0, 0, 0])
            c[0 if t in g_topics and t in p_topics else 1 if t in p_topics else 2] += 1
        wrong: list[str] = []
        if g_topics != p_topics:
            wrong.append("topics")
        if row.get("products") is not None:  # None: products not labelled for this row
            g_prod, p_prod = set(row["products"]), set(p["products"])
            prod[0] += len(g_prod & p_prod)
            prod[1] += len(p_prod - g_prod)
            prod[2] += len(g_prod - p_prod)
            if g_prod != p_prod:
                wrong.append("products")
        if g_topics:
            labelled += 1
            for key in label_hits:
                if row.get(key) == p[key]:
                    label_hits[key] += 1
                else:
                    wrong.append(key)
        if "threshold" not in row:  # threshold not labelled for this row
            if wrong:
                errors.append(_error(row, wrong, p))
            continue
        th_scored += 1
        g_th = row.get("threshold")
        ok = threshold_match(g_th, p["threshold"])
        th_all += ok
        if (g_th or {}).get("anchor") is not None:
            th_gold += 1
            th_gold_hit += ok
        if (p["threshold"] or {}).get("anchor") is not None:
            th_pred += 1
            th_pred_hit += ok
        if not ok:
            wrong.append("threshold")
        if wrong:
            errors.append(_error(row, wrong, p))
    per_topic = {t: _prf(*c) for t, c in sorted(topic_counts.items())}
    per_phenomenon = phenomenon_scores(gold, errors)
    totals = [sum(c[i] for c in topic_counts.values()) for i in range(3)]
    n = len(gold)
    return {
        "n": n,
        "labelled": labelled,
        "per_topic": per_topic,
        "topic_micro": _prf(*totals),
        "stance_accuracy": label_hits["stance"] / labelled if labelled else 0.0,
        "modality_accuracy": label_hits["modality"] / labelled if labelled else 0.0,
        "hedge_accuracy": label_hits["hedge"] / labelled if labelled else 0.0,
        "product_micro": _prf(*prod),
        "threshold_accuracy": th_all / th_scored if th_scored else 0.0,
        "threshold_recall": th_gold_hit / th_gold if th_gold else 0.0,
        "threshold_precision": th_pred_hit / th_pred if th_pred else 0.0,
        "per_phenomenon": per_phenomenon,
        "errors": errors,
    }


def phenomenon_scores(gold: list[Record], errors: list[dict[str, Any]]) -> dict[str, Any]:
    """Per ``phenomenon`` of the gold rows: lines, lines scored right on every field, the share.

    A line is right when it has no entry in *errors* (compute_metrics' list).
    Rows without a ``phenomenon`` are not counted; no such rows: an empty dict.
    """
    wrong = {str(e["id"]) for e in errors}
    counts: dict[str, list[int]] = {}
    for row in gold:
        phenomenon = row.get("phenomenon")
        if phenomenon is None:
            continue
        c = counts.setdefault(str(phenomenon), [0, 0])
        c[0] += 1
        c[1] += str(row["id"]) not in wrong
    return {ph: {"n": n, "right": right, "accuracy": right / n}
            for ph, (n, right) in sorted(counts.items())}  # fmt: skip


def demo_gold_and_claims(
    base_url: str = DEMO_BASE, *, seed: int = 7
) -> tuple[list[Record], list[Record]]:
    """Gold rows and predicted claims for the demo web truth (in-process tagging).

    Each truth article's ``text`` is tagged with ``tag_document`` (non-claims
    included). An emitted sentence is matched to a truth claim of the same
    article by its text (the n-th repeat to the n-th repeat). Truth claims
    keep every label; emitted sentences that are not truth claims are gold
    non-claims whose products and threshold are unlabelled (not scored);
    truth claims the segmenter never emitted count as misses.
    """
    from demo.truth import truth_records
    from pipeline.claims import tag_document

    gold: list[Record] = []
    claims: list[Record] = []
    for a, record in enumerate(truth_records(base_url, seed=seed)):
        wanted: dict[str, list[str]] = {}
        truth_claims: list[Record] = list(record["claims"])  # type: ignore[call-overload]
        for k, truth in enumerate(truth_claims):
            row_id = f"demo{a:03d}:{k}"
            gold.append({"id": row_id, **truth})
            wanted.setdefault(_sentence_key(str(truth["text"])), []).append(row_id)
        for claim in tag_document(f"demo{a:03d}", str(record["text"]), include_non_claims=True):
            ids = wanted.get(_sentence_key(claim.text))
            if ids:
                row_id = ids.pop(0)
            else:
                row_id = f"demo{a:03d}:x{claim.idx}"
                gold.append({"id": row_id, "text": claim.text, "topics": [], "stance": None,
                             "modality": None, "hedge": None, "products": None})  # fmt: skip
            claims.append({**_claim_to_record(claim), "id": row_id})
    return gold, claims


def _sentence_key(text: str) -> str:
    return "".join(text.split())


def evaluate(gold: list[Record], *, direct: bool = False) -> dict[str, Any]:
    """Tag *gold* (in-process or via the CLI) and return compute_metrics' dict."""
    claims = predict_direct(gold) if direct else predict_cli(gold)
    return compute_metrics(gold, claims)


def format_report(metrics: dict[str, Any], *, show_errors: bool = False) -> str:
    """Human-readable report of a metrics dict."""
    lines = [f"claims eval: {metrics['n']} sentences, {metrics['labelled']} with gold topics", ""]
    lines.append(f"{'topic':<20} {'prec':>6} {'rec':>6} {'f1':>6}  tp/fp/fn")
    for topic, s in metrics["per_topic"].items():
        lines.append(
            f"{topic:<20} {s['precision']:6.2f} {s['recall']:6.2f} {s['f1']:6.2f}"
            f"  {s['tp']}/{s['fp']}/{s['fn']}"
        )
    tm, pm = metrics["topic_micro"], metrics["product_micro"]
    lines += [
        "",
        f"topic micro   P {tm['precision']:.3f}  R {tm['recall']:.3f}  F1 {tm['f1']:.3f}",
        f"stance acc    {metrics['stance_accuracy']:.3f}",
        f"modality acc  {metrics['modality_accuracy']:.3f}",
        f"hedge acc     {metrics['hedge_accuracy']:.3f}",
        f"product micro P {pm['precision']:.3f}  R {pm['recall']:.3f}  F1 {pm['f1']:.3f}",
        f"threshold     acc {metrics['threshold_accuracy']:.3f}"
        f"  recall {metrics['threshold_recall']:.3f}"
        f"  precision {metrics['threshold_precision']:.3f}",
    ]
    if metrics.get("per_phenomenon"):
        lines += ["", f"{'phenomenon':<28} {'lines':>5} {'right':>5} {'share':>6}"]
        for ph, c in metrics["per_phenomenon"].items():
            lines.append(f"{ph:<28} {c['n']:>5} {c['right']:>5} {c['accuracy']:6.2f}")
    if show_errors:
        lines.append("")
        for err in metrics["errors"]:
            lines.append(f"{err['id']} {','.join(err['wrong'])}: {err['text']}")
            lines.append(f"    gold {json.dumps(err['gold'], ensure_ascii=False)}")
            lines.append(f"    pred {json.dumps(err['pred'], ensure_ascii=False)}")
    return "\n".join(lines)


def _evaluate_or_fallback(gold: list[Record], *, direct: bool) -> dict[str, Any]:
    """evaluate(); if the CLI cannot run, say so on stderr and score in-process."""
    try:
        return evaluate(gold, direct=direct)
    except RuntimeError as exc:
        print(f"claims: {exc}; scoring in-process instead (--direct)", file=sys.stderr)
        return evaluate(gold, direct=True)


def gold_sets(shared_gold: Path | None) -> dict[str, Path]:
    """The gold files of the sets that exist: shared dev (when given and present), real halves."""
    from evals.claims_real import DEV_PATH, TEST_PATH

    paths = {"shared_dev": shared_gold, "real_dev": DEV_PATH, "real_test": TEST_PATH}
    return {name: p for name, p in paths.items() if p is not None and p.exists()}


def score_sets(shared_gold: Path | None, *, direct: bool = False,
               demo: bool = True) -> dict[str, dict[str, Any]]:
    """Metrics of every set ``make eval`` reports, keyed as in SET_TITLES (absent files left out).

    *shared_gold* is ``<shared>/eval/claims-dev.jsonl``; the real-style halves
    come from the repository; the demo web truth is tagged in-process unless
    *demo* is false.
    """
    results = {name: _evaluate_or_fallback(load_gold(path), direct=direct)
               for name, path in gold_sets(shared_gold).items()}  # fmt: skip
    if demo:
        results["demo_truth"] = compute_metrics(*demo_gold_and_claims())
    return results


def sets_json(results: dict[str, dict[str, Any]], *, show_errors: bool = False) -> dict[str, Any]:
    """*results* made fit for ``--json``: each set's error list becomes ``error_count``.

    With *show_errors* the list is kept too, except for SEALED_SETS.
    """
    out: dict[str, Any] = {}
    for name, metrics in results.items():
        m = {k: v for k, v in metrics.items() if k != "errors"}
        m["error_count"] = len(metrics["errors"])
        if show_errors and name not in SEALED_SETS:
            m["errors"] = metrics["errors"]
        out[name] = m
    return out


def is_sealed(path: Path) -> bool:
    """True for the gold file of a sealed set (the real-style test half)."""
    from evals.claims_real import TEST_PATH

    return path.resolve() == TEST_PATH.resolve()


def format_summary(results: dict[str, dict[str, Any]]) -> str:
    """The headline figures of every scored set side by side (one column a set)."""
    names = [n for n in SET_TITLES if n in results]
    rows: list[tuple[str, Any]] = [
        ("sentences", lambda m: str(m["n"])),
        ("with gold topics", lambda m: str(m["labelled"])),
        ("topic micro-F1", lambda m: f"{m['topic_micro']['f1']:.3f}"),
        ("stance accuracy", lambda m: f"{m['stance_accuracy']:.3f}"),
        ("modality accuracy", lambda m: f"{m['modality_accuracy']:.3f}"),
        ("hedge accuracy", lambda m: f"{m['hedge_accuracy']:.3f}"),
        ("product micro-F1", lambda m: f"{m['product_micro']['f1']:.3f}"),
        ("threshold exact (1 day)", lambda m: f"{m['threshold_accuracy']:.3f}"),
    ]
    lines = ["claims: summary", f"  {'':26}" + "".join(f"{n:>12}" for n in names)]
    for label, fmt in rows:
        lines.append(f"  {label:26}" + "".join(f"{fmt(results[n]):>12}" for n in names))
    return "\n".join(lines)


def run_sets_and_print(shared_gold: Path | None, *, direct: bool = False,
                       show_errors: bool = False) -> dict[str, dict[str, Any]]:
    """Score every set (see score_sets), print a report per set and the summary; return them.

    Used by ``python -m evals``. The test half's errors are never listed.
    """
    results = score_sets(shared_gold, direct=direct)
    if shared_gold is not None and "shared_dev" not in results:
        print(f"claims (shared dev set): skipped ({shared_gold} not found)")
    for name, metrics in results.items():
        print(f"claims: {SET_TITLES[name]}")
        print(format_report(metrics, show_errors=show_errors and name not in SEALED_SETS))
        print("")
    print(format_summary(results))
    return results


def run_and_print(gold_path: Path, *, direct: bool = False, show_errors: bool = False) -> int:
    """Score every set with *gold_path* as the shared dev set and print them; returns 0."""
    run_sets_and_print(gold_path, direct=direct, show_errors=show_errors)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; prints the report and returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, help="gold JSONL file")
    parser.add_argument("--demo", action="store_true", help="score the demo web truth")
    parser.add_argument("--sets", action="store_true",
                        help="score the shared dev set, both real-style halves and the demo truth")
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="shared folder for --sets (its eval/claims-dev.jsonl)")
    parser.add_argument("--direct", action="store_true", help="call tag_document in-process")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--errors", action="store_true", help="list the sentences scored wrong")
    args = parser.parse_args(argv)
    if args.sets:
        shared_gold = args.shared / "eval" / "claims-dev.jsonl"
        if args.json:
            results = score_sets(shared_gold, direct=args.direct)
            print(json.dumps(sets_json(results, show_errors=args.errors), ensure_ascii=False,
                             indent=2))
        else:
            run_sets_and_print(shared_gold, direct=args.direct, show_errors=args.errors)
        return 0
    if args.demo:
        metrics = compute_metrics(*demo_gold_and_claims())
    elif args.gold is not None:
        metrics = evaluate(load_gold(args.gold), direct=args.direct)
        if is_sealed(args.gold):
            if args.errors:
                print("the test half's errors are not listed (evals/claims-real/README.md)",
                      file=sys.stderr)
            args.errors = False
            metrics = sets_json({"real_test": metrics})["real_test"]
            metrics["errors"] = []
    else:
        parser.error("give --gold FILE, --demo or --sets")
    if args.json:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    else:
        print(format_report(metrics, show_errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
