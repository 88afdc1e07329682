"""docs/reliability.md maps every reliability case to the tests that cover it: no case may be
missing, and every test it names must exist (a renamed test breaks the map, not silently)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = 40


def _rows() -> dict[int, str]:
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    return {int(m.group(1)): m.group(2)
            for m in re.finditer(r"^\| *(\d+) \|[^|]*\| (.*) \|$", text, re.M)}


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def test_every_case_has_a_row() -> None:
    assert sorted(_rows()) == list(range(1, CASES + 1))


def test_every_named_test_exists_and_no_case_is_open() -> None:
    rows = _rows()
    missing = []
    for case, cell in rows.items():
        for file, name in re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", cell):
            path = ROOT / file
            if not path.exists() or name not in _defined(path):
                missing.append(f"case {case}: {file}::{name}")
    assert missing == []
    uncovered = [case for case, cell in rows.items() if "::" not in cell]
    assert uncovered == []  # every case has a dedicated test
