"""Package boundaries (ARCHITECTURE §2), enforced on the import statements of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The import rule (ARCHITECTURE section 2):
#     yuqi -> {spiders, warehouse, reports, demo} -> pipeline,   demo never imports pipeline.
# `yuqi` is the one composition root and may import everything; below it, each
# package names the top-level modules it must never import. No exemptions.
UPPER = {"yuqi"}
FORBIDDEN: dict[str, set[str]] = {
    "pipeline": {"scrapy", "twisted", "duckdb", "spiders", "warehouse", "reports", "demo"} | UPPER,
    "warehouse": {"scrapy", "twisted", "spiders", "reports", "demo"} | UPPER,
    "reports": {"scrapy", "twisted", "spiders", "demo"} | UPPER,
    "demo": {"pipeline", "spiders", "warehouse", "reports", "scrapy", "duckdb"} | UPPER,
    "spiders": {"duckdb", "warehouse", "reports", "demo"} | UPPER,
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module == "pipeline" or node.module.startswith("pipeline."):
                names.add(node.module)
    return names


def _modules() -> list[tuple[str, Path]]:
    found = []
    for package in FORBIDDEN:
        for path in sorted((ROOT / package).rglob("*.py")):
            found.append((package, path))
    return found


@pytest.mark.parametrize(("package", "path"), _modules(), ids=lambda v: str(v))
def test_module_respects_package_boundaries(package: str, path: Path) -> None:
    bad = _imports(path) & FORBIDDEN[package]
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_every_package_is_ruled() -> None:
    """A new top-level package must be placed in the rule before it can import anything."""
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")}
    assert packages <= set(FORBIDDEN) | UPPER | {"tests", "bench", "evals"}, packages


def test_boundary_check_detects_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import duckdb\nfrom scrapy.http import Response\n", encoding="utf-8")
    assert {"duckdb", "scrapy"} <= _imports(bad)
