"""The eval gate: `python -m evals` exits 1 when a figure falls below its floor in floors.toml.

Figures are injected (a stub in place of the evaluations); no eval runs here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import evals.__main__ as evals_main
from evals.gate import (
    FLOORS_PATH,
    FloorsError,
    answer_figures,
    claim_figures,
    demo_web_figures,
    load_floors,
    run_gate,
)


def _passing(fast: bool) -> dict[str, float]:
    """Every pinned figure exactly at its floor (the lowest that passes)."""
    return dict(load_floors(fast=fast))


def _stub(monkeypatch: pytest.MonkeyPatch, figures: dict[str, float]) -> list[bool]:
    calls: list[bool] = []

    def collect(_shared: Path, *, fast: bool = False) -> dict[str, float]:
        calls.append(fast)
        return figures

    monkeypatch.setattr(evals_main, "collect_figures", collect)
    return calls


def test_the_gate_passes_figures_at_their_floors(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    calls = _stub(monkeypatch, _passing(fast=False))
    assert evals_main.main(["--shared", "/nonexistent"]) == 0
    assert calls == [False]
    assert "eval gate: passed" in capsys.readouterr().out


@pytest.mark.parametrize("fast", [False, True])
def test_a_figure_below_its_floor_fails_the_eval(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 fast: bool) -> None:
    figures = _passing(fast)
    figures["demo_web.char_f1_mean"] -= 0.001
    calls = _stub(monkeypatch, figures)
    argv = ["--fast"] if fast else []
    assert evals_main.main(argv) == 1
    assert calls == [fast]
    out = capsys.readouterr().out
    failing = [line for line in out.splitlines() if "FAIL: below its floor" in line]
    assert len(failing) == 1 and "demo_web.char_f1_mean" in failing[0]
    assert "eval gate: FAILED, 1 of" in out


def test_a_floor_without_a_measured_figure_fails(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    figures = _passing(fast=False)
    del figures["extraction_zh.char_f1_mean"]  # as when ../shared/eval is missing
    _stub(monkeypatch, figures)
    assert evals_main.main([]) == 1
    assert "MISSING" in capsys.readouterr().out


def test_the_fast_gate_checks_only_fast_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, full = load_floors(fast=True), load_floors(fast=False)
    assert fast and set(fast) < set(full)
    assert not any(name.startswith(("extraction_zh.", "claims.shared_dev.")) for name in fast)
    _stub(monkeypatch, _passing(fast=True))
    assert evals_main.main(["--fast"]) == 0


def test_figures_without_a_floor_are_shown_not_gated(tmp_path: Path) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text('[fast]\n"a" = 0.5\n', encoding="utf-8")
    said: list[str] = []
    assert run_gate({"a": 0.5, "b": 0.1}, fast=True, path=floors, say=said.append) == 0
    assert "(no floor)" in said[0] and " b " in said[0]


@pytest.mark.parametrize(("text", "fragment"), [
    ('[fast]\n"a" = 1.5\n', "a number from 0 to 1"),
    ('[fast]\n"a" = "high"\n', "a number from 0 to 1"),
    ('[nightly]\n"a" = 0.5\n', "unknown table"),
    ('[fast]\n"a" = \n', "floors.toml"),
])
def test_a_malformed_floors_file_is_an_error(tmp_path: Path, text: str, fragment: str) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text(text, encoding="utf-8")
    with pytest.raises(FloorsError, match=fragment):
        load_floors(floors)


def test_every_pinned_floor_names_a_figure_the_evals_produce() -> None:
    metrics = {"topic_micro": {"f1": 1.0}, "product_micro": {"f1": 1.0},
               "stance_accuracy": 1.0, "modality_accuracy": 1.0, "hedge_accuracy": 1.0,
               "threshold_accuracy": 1.0}

    class Scores:
        f1 = {"u": 1.0}
        pages_with_teasers = pages_with_noise = 0
        dedup_precision = dedup_recall = topic_f1 = stance_accuracy = 1.0
        real_style_precision = real_style_recall = 1.0

    answers = {"share_max_error_points": 0.0, "pair_precision": 1.0, "pair_recall": 1.0,
               "rule_conflict_precision": 1.0, "threshold_agreement": 1.0,
               "self_precision": 1.0, "self_recall": 1.0}
    names = {"extraction_zh.char_f1_mean", *demo_web_figures(Scores()),
             *answer_figures(answers)}
    for set_name in ("shared_dev", "real_dev", "real_test", "demo_truth"):
        names |= set(claim_figures(set_name, metrics))
    assert set(load_floors(FLOORS_PATH)) <= names
