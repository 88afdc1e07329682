"""Package boundaries (ARCHITECTURE §2), enforced on the import statements of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must never import
FORBIDDEN: dict[str, set[str]] = {
    "pipeline": {"scrapy", "twisted", "duckdb", "spiders", "warehouse", "reports", "demo"},
    "warehouse": {"scrapy", "twisted", "spiders", "reports", "demo"},
    "reports": {"scrapy", "twisted", "spiders", "demo", "pipeline"},
    "demo": {"pipeline", "spiders", "warehouse", "reports", "scrapy", "duckdb"},
    "spiders": {"duckdb", "warehouse", "reports", "demo"},
}
# The CLI is the one composition root: it may import everything.
EXEMPT = ("pipeline/cli/",)


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
            rel = path.relative_to(ROOT).as_posix()
            if not rel.startswith(EXEMPT):
                found.append((package, path))
    return found


@pytest.mark.parametrize(("package", "path"), _modules(), ids=lambda v: str(v))
def test_module_respects_package_boundaries(package: str, path: Path) -> None:
    bad = _imports(path) & FORBIDDEN[package]
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_warehouse_uses_only_records_from_pipeline() -> None:
    for path in (ROOT / "warehouse").rglob("*.py"):
        pipeline_imports = {n for n in _imports(path) if n.startswith("pipeline.")}
        assert pipeline_imports <= {"pipeline.records"}, f"{path} imports {pipeline_imports}"


def test_boundary_check_detects_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import duckdb\nfrom scrapy.http import Response\n", encoding="utf-8")
    assert {"duckdb", "scrapy"} <= _imports(bad)
