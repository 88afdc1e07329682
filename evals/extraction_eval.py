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


def _size(bag: Counter[str]) -> int:
    return sum(bag.values())


@dataclass(frozen=True, slots=True)
class PageScore:
    """F1 of both extractors on one page, and what our output missed and kept.

    `missed` is the share of the gold characters absent from our output,
    `extra` the share of our output's characters absent from the gold;
    `removed_truth` maps each cleaning rule to the gold characters found in
    the blocks it removed (truth the rule ate); `flags` are the page's flags.
    """

    page: str
    yuqi: float
    baseline: float
    missed: float = 0.0
    extra: float = 0.0
    removed_truth: tuple[tuple[str, int], ...] = ()
    flags: tuple[str, ...] = ()
    removed: tuple[tuple[str, int, int], ...] = ()  # (rule, blocks, characters) removed

    def removed_line(self) -> str:
        """What cleaning and the boilerplate filter removed, per rule (blocks, characters)."""
        return ", ".join(f"{rule} {blocks} ({chars} chars)"
                         for rule, blocks, chars in self.removed) or "nothing"

    def reason(self) -> str:
        """One computed line saying why the page scores low."""
        parts = [f"missed {self.missed:.0%} of the gold",
                 f"{self.extra:.0%} of output not gold" if self.extra or self.missed < 1
                 else "empty output"]
        if self.removed_truth:
            parts.append("cleaning removed gold text: " + ", ".join(
                f"{rule} {chars} chars" for rule, chars in self.removed_truth))
        if self.baseline - self.yuqi > 0.02:
            parts.append(f"plain trafilatura better by {self.baseline - self.yuqi:.2f}")
        if self.flags:
            parts.append("flags " + " ".join(f for f in self.flags
                                             if not f.startswith("glyph_gap:")))
        return "; ".join(parts)


def removed_truth(removed: list[tuple[str, str]], gold: str) -> tuple[tuple[str, int], ...]:
    """Per cleaning rule, how many characters of removed blocks are gold text.

    A removed block counts when at least half of its characters (as a bag) are
    in the gold, i.e. the rule most likely cut real content rather than boilerplate.
    """
    ref = char_bag(gold)
    eaten: Counter[str] = Counter()
    for rule, text in removed:
        bag = char_bag(text)
        if bag and _size(bag & ref) * 2 >= _size(bag) and _squash(text) in _squash(gold):
            eaten[rule] += _size(bag)
    return tuple(sorted(eaten.items(), key=lambda kv: -kv[1]))


def _squash(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in {"L", "N"})


def page_score(page: str, ours: str, base: str, gold: str,
               removed: list[tuple[str, str]], flags: tuple[str, ...]) -> PageScore:
    """Score one page: F1 of both outputs, missed and extra shares, truth eaten by cleaning."""
    out, ref = char_bag(ours), char_bag(gold)
    overlap = _size(out & ref)
    blocks: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for rule, text in removed:
        blocks[rule] += 1
        chars[rule] += _size(char_bag(text))
    return PageScore(
        page, char_f1(ours, gold), char_f1(base, gold),
        missed=1 - overlap / _size(ref) if _size(ref) else 0.0,
        extra=1 - overlap / _size(out) if _size(out) else 0.0,
        removed_truth=removed_truth(removed, gold), flags=flags,
        removed=tuple((rule, blocks[rule], chars[rule]) for rule, _ in chars.most_common()))


def score_pages(root: Path) -> list[PageScore]:
    """Score every page under `root/original` against `root/cleaned`."""
    scores = []
    for html_path in sorted((root / "original").glob("*.html")):
        gold_path = root / "cleaned" / (html_path.stem + ".txt")
        if not gold_path.exists():
            continue
        gold = gold_path.read_text(encoding="utf-8", errors="replace")
        body = html_path.read_bytes()
        ours = extract_html(body)
        declared = decode_html(body).text
        base = trafilatura.extract(declared, deduplicate=False, include_comments=False) or ""
        scores.append(page_score(html_path.stem, ours.text, base, gold,
                                 [(r.rule, r.text) for r in ours.removals], ours.flags))
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
    print("  worst 5 pages (yuqi / plain F1: why)")
    for s in worst:
        print(f"    {s.page[:8]} {s.yuqi:.2f}/{s.baseline:.2f}: {s.reason()}")
        print(f"             removed: {s.removed_line()}")
    below = [s for s in scores if s.baseline - s.yuqi > 0.01]
    print(f"  pages more than 0.01 below plain trafilatura: {len(below)}" + "".join(
        f"  {s.page[:8]} {s.yuqi:.2f}/{s.baseline:.2f}" for s in below))
    eaten: Counter[str] = Counter()
    for s in scores:
        eaten.update(dict(s.removed_truth))
    print("  gold characters removed by cleaning rules: " + (
        ", ".join(f"{rule} {n}" for rule, n in eaten.most_common()) or "none"))
    return {"yuqi_mean": statistics.mean(ours), "baseline_mean": statistics.mean(base)}


def main() -> None:
    """Command-line entry: `python -m evals.extraction_eval --root DIR`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, required=True)
    report(parser.parse_args().root)


if __name__ == "__main__":
    main()
