"""The eval gate: every figure `python -m evals` measures is held to a floor in floors.toml.

`python -m evals` (``make eval``) prints each report, gathers the figures
that have ground truth into one dict (figure name -> value in [0, 1], higher
is better; names from the helpers below) and hands it to `run_gate`, whose
return value is the exit status: 1 when a figure is below its floor, or when
a floor has no measured figure (its set was skipped: a missing ``--shared``
folder fails the gate rather than passing it silently). Figures without a
floor are printed, not gated.

floors.toml has two tables: ``[fast]``, figures measured without the shared
folder (``python -m evals --fast``, ``make eval-fast``, run by ``make test``
and CI), and ``[shared]``, figures that need ``../shared/eval``
(``make eval`` checks both). The file's header says how a floor is set, raised
and (never silently) lowered.
"""

from __future__ import annotations

import statistics
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FLOORS_PATH = Path(__file__).with_name("floors.toml")
GROUPS = ("fast", "shared")
#: Float noise allowed when a figure equals its floor.
EPSILON = 1e-9


class FloorsError(ValueError):
    """floors.toml is malformed (unknown table, a floor that is not a number in [0, 1])."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """One floor and the figure measured for it (None: not measured)."""

    name: str
    floor: float
    figure: float | None

    @property
    def ok(self) -> bool:
        """True when the figure was measured and is at or above the floor."""
        return self.figure is not None and self.figure + EPSILON >= self.floor


def load_floors(path: Path = FLOORS_PATH, *, fast: bool = False) -> dict[str, float]:
    """The floors to check: the ``[fast]`` table, plus ``[shared]`` unless *fast*."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FloorsError(f"{path}: {exc}") from exc
    unknown = set(data) - set(GROUPS)
    if unknown:
        raise FloorsError(f"{path}: unknown table(s) {sorted(unknown)}; use {list(GROUPS)}")
    floors: dict[str, float] = {}
    for group in GROUPS[:1] if fast else GROUPS:
        table = data.get(group, {})
        if not isinstance(table, dict):
            raise FloorsError(f"{path}: [{group}] must be a table of figure = floor")
        for name, floor in table.items():
            if isinstance(floor, bool) or not isinstance(floor, int | float) \
                    or not 0 <= floor <= 1:
                raise FloorsError(f"{path}: [{group}] {name} = {floor!r}: a floor is a "
                                  "number from 0 to 1")
            floors[name] = float(floor)
    return floors


def check(figures: Mapping[str, float], floors: Mapping[str, float]) -> list[Verdict]:
    """One verdict per floor, in the floors' order."""
    return [Verdict(name, floor, figures.get(name)) for name, floor in floors.items()]


def format_verdicts(verdicts: list[Verdict], figures: Mapping[str, float]) -> str:
    """The gate's table: each floor, its figure and PASS / FAIL / MISSING; then ungated ones."""
    width = max([len(v.name) for v in verdicts] + [len(n) for n in figures] + [6])
    lines = [f"eval gate (evals/floors.toml): {len(verdicts)} floors",
             f"  {'figure':<{width}}  {'value':>6}  {'floor':>6}"]
    for v in verdicts:
        value = "-" if v.figure is None else f"{v.figure:.3f}"
        status = "ok" if v.ok else ("MISSING: not measured (its set was skipped; is --shared "
                                    "right?)" if v.figure is None else "FAIL: below its floor")
        lines.append(f"  {v.name:<{width}}  {value:>6}  {v.floor:>6.3f}  {status}")
    gated = {v.name for v in verdicts}
    for name in sorted(set(figures) - gated):
        lines.append(f"  {name:<{width}}  {figures[name]:>6.3f}  {'-':>6}  (no floor)")
    failed = [v for v in verdicts if not v.ok]
    lines.append(f"eval gate: {'FAILED, ' + str(len(failed)) + ' of ' if failed else 'passed, '}"
                 f"{len(verdicts)} floors{' not met' if failed else ''}")
    return "\n".join(lines)


def run_gate(figures: Mapping[str, float], *, fast: bool = False, path: Path = FLOORS_PATH,
             say: Callable[[str], Any] = print) -> int:
    """Check *figures* against the floors in *path*, print the table; 0 passed, 1 failed."""
    verdicts = check(figures, load_floors(path, fast=fast))
    say(format_verdicts(verdicts, figures))
    return 0 if all(v.ok for v in verdicts) else 1


# ------------------------------------------------------------------ figure names


def claim_figures(set_name: str, metrics: Mapping[str, Any]) -> dict[str, float]:
    """The gated figures of one claims set (a `claims_eval.compute_metrics` dict)."""
    prefix = f"claims.{set_name}."
    return {
        prefix + "topic_micro_f1": float(metrics["topic_micro"]["f1"]),
        prefix + "stance_accuracy": float(metrics["stance_accuracy"]),
        prefix + "modality_accuracy": float(metrics["modality_accuracy"]),
        prefix + "hedge_accuracy": float(metrics["hedge_accuracy"]),
        prefix + "product_micro_f1": float(metrics["product_micro"]["f1"]),
        prefix + "threshold_accuracy": float(metrics["threshold_accuracy"]),
    }


def answer_figures(result: Mapping[str, Any]) -> dict[str, float]:
    """The gated figures of `answers_eval.report`: the report's answers against the truth's.

    The stance-share error (points, lower is better) is gated as 1 - error/100, so that
    every figure is "higher is better": 0.97 means within 3 points on every gated topic.
    """
    return {
        "answers.stance_shares_within": 1 - float(result["share_max_error_points"]) / 100,
        "answers.contradiction_precision": float(result["pair_precision"]),
        "answers.contradiction_recall": float(result["pair_recall"]),
        "answers.rule_conflict_precision": float(result["rule_conflict_precision"]),
        "answers.threshold_list_agreement": float(result["threshold_agreement"]),
        "answers.self_contradiction_precision": float(result["self_precision"]),
        "answers.self_contradiction_recall": float(result["self_recall"]),
    }


def extraction_figures(means: Mapping[str, float]) -> dict[str, float]:
    """The gated figure of `extraction_eval.report` (empty when it scored no page)."""
    if "yuqi_mean" not in means:
        return {}
    return {"extraction_zh.char_f1_mean": float(means["yuqi_mean"])}


def demo_web_figures(scores: Any) -> dict[str, float]:
    """The gated figures of yuqi's `demo_eval.Scores` on the demo web (leaks as clean shares)."""
    pages = len(scores.f1)
    return {
        "demo_web.char_f1_mean": statistics.mean(scores.f1.values()),
        "demo_web.char_f1_worst_page": min(scores.f1.values()),
        "demo_web.pages_without_teaser_leak": 1 - scores.pages_with_teasers / pages,
        "demo_web.pages_without_noise_leak": 1 - scores.pages_with_noise / pages,
        "demo_web.dedup_pair_precision": float(scores.dedup_precision),
        "demo_web.dedup_pair_recall": float(scores.dedup_recall),
        "demo_web.real_style_repost_precision": float(scores.real_style_precision),
        "demo_web.real_style_repost_recall": float(scores.real_style_recall),
        "demo_web.claim_topic_f1": float(scores.topic_f1),
        "demo_web.stance_accuracy": float(scores.stance_accuracy),
    }
