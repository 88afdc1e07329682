"""`make eval`: every quality figure yuqi has ground truth for, printed side by side, then gated.

Reads the evaluation data in the shared folder (`--shared`, default ../shared).
The claim tagger is scored on four sets: the shared dev set, both halves of the
real-style set in ``evals/claims-real/`` (needs no shared folder) and the demo
web truth. The figures are then held to their floors in evals/floors.toml
(evals/gate.py): the command exits 1 when a figure is below its floor, or when
a floor has no figure because its set was missing. `--fast` runs only what
needs no shared folder (the demo web, the real-style claim sets, the demo
claim truth; `make eval-fast`, part of `make test` and CI) and checks only the
`[fast]` floors. ``--json`` prints only the claim figures of those sets, as
one JSON object, and gates nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evals.gate import answer_figures, claim_figures, demo_web_figures, extraction_figures, run_gate


def collect_figures(shared: Path, *, fast: bool = False) -> dict[str, float]:
    """Run each evaluation whose data is present, print its report; return the gated figures."""
    figures: dict[str, float] = {}
    eval_dir = shared / "eval"

    extraction_root = eval_dir / "extraction-zh"
    if fast:
        pass
    elif extraction_root.is_dir():
        from evals.extraction_eval import report

        figures.update(extraction_figures(report(extraction_root)))
    else:
        print(f"extraction: skipped ({extraction_root} not found)")

    from evals.claims_eval import run_sets_and_print

    gold = None if fast else eval_dir / "claims-dev.jsonl"
    for set_name, metrics in run_sets_and_print(gold).items():
        figures.update(claim_figures(set_name, metrics))

    from evals.demo_eval import report as demo_web_report

    figures.update(demo_web_figures(demo_web_report(baseline=not fast)["yuqi"]))

    if not fast:
        from evals.dedup_eval import run_and_print as dedup_eval

        dedup_eval()

        from evals.answers_eval import run_and_print as answers_eval

        figures.update(answer_figures(answers_eval()))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the evaluations, then the gate; returns the exit status (0 passed, 1 failed)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--fast", action="store_true",
                        help="only the figures that need no shared folder, and their floors")
    parser.add_argument("--json", action="store_true",
                        help="print the claim figures of every set as JSON, nothing else")
    args = parser.parse_args(argv)

    if args.json:
        from evals.claims_eval import score_sets, sets_json

        gold = None if args.fast else args.shared / "eval" / "claims-dev.jsonl"
        print(json.dumps(sets_json(score_sets(gold)), ensure_ascii=False, indent=2))
        return 0

    figures = collect_figures(args.shared, fast=args.fast)
    print("")
    return run_gate(figures, fast=args.fast)


if __name__ == "__main__":
    sys.exit(main())
