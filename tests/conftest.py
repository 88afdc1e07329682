"""Shared fixtures (one real `yuqi demo` run per test session) and the test markers.

Markers, registered in pyproject.toml (`--strict-markers`: a typo is an error):

- `crawl`: the test spawns a real Scrapy crawl (`yuqi crawl`, `yuqi demo`),
  itself or through a fixture;
- `browser`: the test opens headless Chromium;
- `slow`: anything else whose test function takes 0.5 s or more, all its
  parametrized cases and the module fixtures only it needs counted, measured
  with `pytest --durations=0` (a `yuqi` subprocess, the SQL door's child
  processes, a big corpus, a warehouse loaded several times).

`make unit` runs `-m "not crawl and not browser and not slow"`; `make test`
runs everything. A test that uses a fixture named in CRAWL_FIXTURES is marked
`crawl` here; `tests.cli.run_yuqi` and `tests.chromium.open_page` fail a test
that lacks the matching mark, so the fast set cannot quietly grow a crawl.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest

from tests.cli import CURRENT, run_yuqi

#: Fixtures that run a crawl (directly or through `demo_run`): their users are `crawl` tests.
CRAWL_FIXTURES = frozenset({"demo_run", "open_crawl", "bomb_crawl", "recrawled",
                            "hostile_report"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `crawl` every test that depends on a crawling fixture (directly or not)."""
    for item in items:
        if CRAWL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.crawl)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None
                            ) -> Generator[None, object, object]:
    """Remember the running test (setup, call, teardown) for `tests.cli.require_mark`."""
    CURRENT.append(item)
    try:
        return (yield)
    finally:
        CURRENT.remove(item)


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Run `yuqi demo` into a temporary data dir; return the dir and the printed summary."""
    data = tmp_path_factory.mktemp("demo") / "data"
    proc = run_yuqi("demo", "--data-dir", str(data), "--port", "0")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return data, proc.stdout
