"""Issue 19: the stages of a live crawl on worker processes (`yuqi crawl --workers N`).

The crawl process keeps Scrapy, the WARC archive and the spool; the pages' CPU work runs
in a pool. The rows must equal the inline path's, and a worker killed mid-page costs no
page: the page is retried once on a fresh pool.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from tests.cli import run_yuqi

pytestmark = pytest.mark.crawl


def _rows(data: Path) -> dict[str, object]:
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        stats = json.loads(con.execute("SELECT stats FROM crawl_runs").fetchone()[0])  # type: ignore[index]
        return {
            "documents": set(con.execute("SELECT url, title, text, simhash FROM documents")
                             .fetchall()),
            "claims": set(con.execute(
                "SELECT d.url, c.idx, c.text, c.topics::VARCHAR, c.stance, c.modality, c.hedge,"
                " c.min_days, c.max_days FROM claims c JOIN documents d USING (doc_id)")
                .fetchall()),
            "removals": set(con.execute("SELECT doc_id, rule, text FROM removals").fetchall()),
            "summary": stats["summary"],
        }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The same small demo web crawled inline, on 2 workers, and on 2 workers of which
    one is killed (kill -9) on its first article page."""
    root = tmp_path_factory.mktemp("pool")
    out: dict[str, dict[str, object]] = {}
    with DemoServer(port=0, size=60, day=0) as server:
        write_site_configs(server.base_url, root / "sites")
        for name, workers, env in (("inline", "0", {}), ("pool", "2", {}),
                                   ("killed", "2", {"YUQI_POOL_KILL": "/a/",
                                                    "YUQI_POOL_KILL_DIR": str(root)})):
            proc = run_yuqi("crawl", "--sites-dir", str(root / "sites"), "--data-dir",
                            str(root / name), "--workers", workers, env=env)
            assert proc.returncode == 0, proc.stderr[-2000:]
            out[name] = _rows(root / name)
    assert (root / "yuqi-pool-killed").exists()  # the kill did happen
    return out


def test_the_pool_gives_the_inline_rows(crawled: dict[str, dict[str, object]]) -> None:
    inline, pool = crawled["inline"], crawled["pool"]
    assert inline["documents"] and inline["claims"]
    for key in ("documents", "claims", "removals", "summary"):
        assert pool[key] == inline[key], key


def test_a_killed_worker_loses_no_page(crawled: dict[str, dict[str, object]]) -> None:
    inline, killed = crawled["inline"], crawled["killed"]
    for key in ("documents", "claims", "removals", "summary"):
        assert killed[key] == inline[key], key


@pytest.mark.slow
def test_a_page_whose_worker_dies_twice_is_dropped_and_counted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No hang and no silent loss: a page that kills its worker on the retry too is
    dropped with reason worker_died, counted like any other drop."""
    import asyncio

    from pipeline.page import record_page_rows
    from pipeline.page_pool import WORKER_DIED, PagePool
    from pipeline.records import RawPage
    from pipeline.siteconfig import site_config_from_mapping
    from pipeline.stat_keys import StatGroup
    from pipeline.stats import CounterStats

    monkeypatch.setenv("YUQI_POOL_KILL", "/a/9")
    monkeypatch.setenv("YUQI_POOL_KILL_DIR", "always")
    config = site_config_from_mapping({"name": "farm-x", "start_urls": ["http://x.test/"],
                                       "article_pattern": r"/a/\d+\.html$"})
    raw = RawPage("r", "farm-x", "http://x.test/a/9.html", "http://x.test/a/9.html", 200,
                  (("Content-Type", "text/html; charset=utf-8"),), b"<html></html>", "")
    pool = PagePool(1)
    try:
        result = asyncio.run(pool.run(raw, config))
    finally:
        pool.close()
    assert result.rows is None and result.dropped == WORKER_DIED
    stats = CounterStats()
    record_page_rows(result, None, stats)  # type: ignore[arg-type]  # no sink needed for a drop
    assert dict(stats.counts) == {StatGroup.DROPPED.key(WORKER_DIED): 1}


@pytest.mark.slow
def test_a_page_queued_behind_a_killer_page_is_not_dropped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker holds two pages; when a page kills it every time, the page queued behind it
    is retried alone and gets its own result: only the killer is dropped as worker_died."""
    import asyncio

    from pipeline.page_pool import WORKER_DIED, PagePool
    from pipeline.records import RawPage
    from pipeline.siteconfig import site_config_from_mapping

    monkeypatch.setenv("YUQI_POOL_KILL", "/a/9")
    monkeypatch.setenv("YUQI_POOL_KILL_DIR", "always")
    config = site_config_from_mapping({"name": "farm-x", "start_urls": ["http://x.test/"],
                                       "article_pattern": r"/a/\d+\.html$"})
    body = ("<html><body><article><p>" + "花呗逾期以后平台会先发短信提醒还款。" * 8
            + "</p></article></body></html>").encode()

    def page(n: int) -> RawPage:
        url = f"http://x.test/a/{n}.html"
        return RawPage("r", "farm-x", url, url, 200,
                       (("Content-Type", "text/html; charset=utf-8"),), body, "")

    async def both(pool: PagePool) -> list[object]:
        return list(await asyncio.gather(pool.run(page(9), config), pool.run(page(1), config)))

    pool = PagePool(1)
    try:
        killer, innocent = asyncio.run(both(pool))
    finally:
        pool.close()
    assert killer.dropped == WORKER_DIED  # type: ignore[attr-defined]
    assert innocent.rows is not None  # type: ignore[attr-defined]


@pytest.mark.slow
def test_fault_settings_reach_workers_of_a_forkserver_started_before_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker takes the fault-injection variables from the pool's process when it starts,
    not from the forkserver's environment, which an earlier pool in this process may have
    fixed before the variables were set (the forkserver is one per process)."""
    import asyncio

    from pipeline.page_pool import WORKER_DIED, PagePool
    from pipeline.records import RawPage
    from pipeline.siteconfig import site_config_from_mapping

    config = site_config_from_mapping({"name": "farm-x", "start_urls": ["http://x.test/"],
                                       "article_pattern": r"/a/\d+\.html$"})

    def page(n: int) -> RawPage:
        return RawPage("r", "farm-x", f"http://x.test/a/{n}.html", f"http://x.test/a/{n}.html",
                       200, (("Content-Type", "text/html; charset=utf-8"),), b"<html></html>",
                       "")

    monkeypatch.delenv("YUQI_POOL_KILL", raising=False)
    monkeypatch.delenv("YUQI_POOL_KILL_DIR", raising=False)
    first = PagePool(1)
    try:
        before = asyncio.run(first.run(page(7), config))  # the forkserver runs from here on
    finally:
        first.close()
    monkeypatch.setenv("YUQI_POOL_KILL", "/a/8")
    monkeypatch.setenv("YUQI_POOL_KILL_DIR", "always")
    second = PagePool(1)
    try:
        after = asyncio.run(second.run(page(8), config))
    finally:
        second.close()
    assert before.dropped != WORKER_DIED
    assert after.rows is None and after.dropped == WORKER_DIED
