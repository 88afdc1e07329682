"""Extraction quality on the real Chinese pages of `extraction-zh`: character-bag F1.

Scores yuqi's extraction (bytes in, our decoding) beside plain trafilatura on
text decoded by the declared charset, on the same pages.
"""

from __future__ import annotations

import argparse
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from pipeline.decode import decode_html
from pipeline.extract import extract_html


def char_bag(text: str) -> Counter[str]:
    """CJK characters, letters and digits of *text* (whitespace and punctuation ignored)."""
    return Counter(ch for ch in text if unicodedata.category(ch)[0] in {"L", "N"})


def char_f1(output: str, gold: str) -> float:
    """Character-bag F1 of an extraction against gold text."""
    out, ref = char_bag(output), char_bag(gold)
    overlap = sum((out & ref).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(out.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True, slots=True)
class PageScore:
    """F1 of both extractors on one page."""

    page: str
    yuqi: float
    baseline: float


def score_pages(root: Path) -> list[PageScore]:
    """Score every page under `root/original` against `root/cleaned`."""
    scores = []
    for html_path in sorted((root / "original").glob("*.html")):
        gold_path = root / "cleaned" / (html_path.stem + ".txt")
        if not gold_path.exists():
            continue
        gold = gold_path.read_text(encoding="utf-8", errors="replace")
        body = html_path.read_bytes()
        ours = extract_html(body).text
        declared = decode_html(body).text
        base = trafilatura.extract(declared, deduplicate=False, include_comments=False) or ""
        scores.append(PageScore(html_path.stem, char_f1(ours, gold), char_f1(base, gold)))
    return scores


def report(root: Path) -> dict[str, float]:
    """Print mean/median/worst-5 F1 for yuqi and plain trafilatura; return the means."""
    scores = score_pages(root)
    if not scores:
        print(f"extraction: no pages under {root}")
        return {}
    ours = [s.yuqi for s in scores]
    base = [s.baseline for s in scores]
    print(f"extraction-zh ({len(scores)} pages), character-bag F1")
    print(f"  yuqi                 mean {statistics.mean(ours):.3f}  median "
          f"{statistics.median(ours):.3f}")
    print(f"  plain trafilatura    mean {statistics.mean(base):.3f}  median "
          f"{statistics.median(base):.3f}")
    worst = sorted(scores, key=lambda s: s.yuqi)[:5]
    print("  worst 5 (yuqi / plain): " + ", ".join(
        f"{s.page[:8]} {s.yuqi:.2f}/{s.baseline:.2f}" for s in worst))
    return {"yuqi_mean": statistics.mean(ours), "baseline_mean": statistics.mean(base)}


def main() -> None:
    """Command-line entry: `python -m evals.extraction_eval --root DIR`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, required=True)
    report(parser.parse_args().root)


if __name__ == "__main__":
    main()
