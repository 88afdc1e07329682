"""Shared fixtures: one real `yuqi demo` run per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run_yuqi


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Run `yuqi demo` into a temporary data dir; return the dir and the printed summary."""
    data = tmp_path_factory.mktemp("demo") / "data"
    proc = run_yuqi("demo", "--data-dir", str(data), "--port", "0")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return data, proc.stdout
