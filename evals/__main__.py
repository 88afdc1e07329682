"""`make eval`: every quality figure yuqi has ground truth for, printed side by side.

Reads the evaluation data in the shared folder (`--shared`, default ../shared);
a missing set is reported and skipped, never an error. The claim tagger is
scored on four sets: the shared dev set, both halves of the real-style set in
``evals/claims-real/`` (needs no shared folder) and the demo web truth.
``--json`` prints only the claim figures of those sets, as one JSON object.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> None:
    """Run each evaluation whose data is present."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--json", action="store_true",
                        help="print the claim figures of every set as JSON, nothing else")
    args = parser.parse_args()
    eval_dir = args.shared / "eval"
    gold = eval_dir / "claims-dev.jsonl"

    if args.json:
        from evals.claims_eval import score_sets, sets_json

        print(json.dumps(sets_json(score_sets(gold)), ensure_ascii=False, indent=2))
        return

    extraction_root = eval_dir / "extraction-zh"
    if extraction_root.is_dir():
        from evals.extraction_eval import report

        report(extraction_root)
    else:
        print(f"extraction: skipped ({extraction_root} not found)")

    from evals.claims_eval import run_sets_and_print

    run_sets_and_print(gold)

    from evals.demo_eval import run_and_print as demo_web_eval

    demo_web_eval()

    from evals.dedup_eval import run_and_print as dedup_eval

    dedup_eval()


if __name__ == "__main__":
    main()
