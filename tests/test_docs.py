"""Docs that cannot rot: the README quotes the cookbook files that a test runs, and names
every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import invoke_yuqi
from yuqi.cli import app

ROOT = Path(__file__).resolve().parents[1]
COOKBOOK = sorted((ROOT / "warehouse" / "cookbook").glob("*.sql"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_there_are_at_least_eight_cookbook_questions() -> None:
    assert len(COOKBOOK) >= 8
    for path in COOKBOOK:
        assert path.read_text(encoding="utf-8").startswith("-- "), f"{path.name}: no question"


@pytest.mark.parametrize("path", COOKBOOK, ids=lambda p: p.name)
def test_cookbook_query_is_in_the_readme_and_runs(path: Path, demo_run: tuple[Path, str]
                                                  ) -> None:
    sql = path.read_text(encoding="utf-8").rstrip()
    assert sql in README
    data, _ = demo_run
    proc = invoke_yuqi("sql", "--data-dir", str(data), "--format", "json", "-", input_text=sql)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert isinstance(rows, list)
    assert rows, f"{path.name} answers nothing on the demo warehouse"


def test_every_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in
             app.registered_commands]
    assert names
    for name in names:
        assert f"yuqi {name}" in README, f"`yuqi {name}` is not in the README"
