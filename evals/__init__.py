"""Evaluation scripts (run with ``python -m evals.<name>``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def demo_web_main(report: Callable[[int, int], Any], description: str | None) -> None:
    """Command-line entry of an eval over the demo web: `--size N --day N`, then *report*."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", type=int, default=400, help="articles on day 0")
    parser.add_argument("--day", type=int, default=0, help="simulated day of the web")
    args = parser.parse_args()
    report(args.size, args.day)
