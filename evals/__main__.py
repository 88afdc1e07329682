"""`make eval`: every quality figure yuqi has ground truth for, printed side by side.

Reads the evaluation data in the shared folder (`--shared`, default ../shared);
a missing set is reported and skipped, never an error.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    """Run each evaluation whose data is present."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    eval_dir = args.shared / "eval"

    extraction_root = eval_dir / "extraction-zh"
    if extraction_root.is_dir():
        from evals.extraction_eval import report

        report(extraction_root)
    else:
        print(f"extraction: skipped ({extraction_root} not found)")

    gold = eval_dir / "claims-dev.jsonl"
    if gold.exists():
        from evals.claims_eval import run_and_print

        run_and_print(gold)
    else:
        print(f"claims: skipped ({gold} not found)")

    from evals.demo_eval import run_and_print as demo_web_eval

    demo_web_eval()

    from evals.dedup_eval import run_and_print as dedup_eval

    dedup_eval()


if __name__ == "__main__":
    main()
