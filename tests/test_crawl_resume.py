"""Kill-and-resume: a crawl stopped mid-way and resumed fetches every article, and fetches
it once after a clean stop (SIGTERM); after SIGKILL it rebuilds its progress from the WARC
archive instead of trusting Scrapy's job directory, and never skips a page silently."""

from __future__ import annotations

import signal
import subprocess
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
from warcio.archiveiterator import ArchiveIterator

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from demo.truth import truth_records
from pipeline.siteconfig import load_site_configs
from pipeline.spool import read_manifest
from tests.cli import ROOT, run_yuqi, yuqi_command
from yuqi.app.provenance import site_config_hashes

SITES = ("farm-a", "farm-c")
STOP_AFTER = 12  # article requests served before the crawl is stopped


class CountingServer:
    """The demo web, counting GETs per path, with an event once enough articles were asked for."""

    def __init__(self) -> None:
        self.server = DemoServer(port=0, size=400)
        self.paths: Counter[str] = Counter()
        self.enough = threading.Event()
        self._lock = threading.Lock()
        respond = self.server.web.respond

        def counting(target: str, headers: dict[str, str]) -> Any:
            with self._lock:
                self.paths[target] += 1
                if sum(n for p, n in self.paths.items() if "/a/" in p) >= STOP_AFTER:
                    self.enough.set()
            return respond(target, headers)

        self.server.web.respond = counting  # type: ignore[method-assign]

    def __enter__(self) -> CountingServer:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()


def _setup(tmp_path: Path, base_url: str) -> tuple[Path, Path]:
    sites = tmp_path / "sites"
    write_site_configs(base_url, sites)
    for path in sites.glob("*.toml"):
        if path.stem not in SITES:
            path.unlink()
        else:  # slow enough to be stopped mid-way
            text = path.read_text(encoding="utf-8")
            text = text.replace("delay = 0.0", "delay = 0.05").replace("concurrency = 8",
                                                                       "concurrency = 2")
            path.write_text(text, encoding="utf-8")
    return sites, tmp_path / "data"


def _crawl_and_stop(sites: Path, data: Path, web: CountingServer, sig: int
                    ) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen([*yuqi_command(), "crawl", "--sites-dir", str(sites),
                             "--data-dir", str(data)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert web.enough.wait(timeout=300), "the crawl never reached the articles"
        proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def _article_truth(base_url: str) -> set[str]:
    return {r["url"] for r in truth_records(base_url, size=400)
            if any(f"/{s}/" in str(r["url"]) for s in SITES)}


def _documents(data: Path) -> set[str]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return {str(u) for (u,) in con.execute("SELECT url FROM documents").fetchall()}
    finally:
        con.close()


def test_sigterm_then_resume_fetches_every_article_exactly_once(tmp_path: Path) -> None:
    with CountingServer() as web:
        sites, data = _setup(tmp_path, web.server.base_url)
        stopped = _crawl_and_stop(sites, data, web, signal.SIGTERM)
        assert stopped.returncode == 1, stopped.stderr[-2000:]
        assert "--resume" in stopped.stderr
        assert not list((data / "spool").glob("*/manifest.json")), "a stopped run is unfinished"
        resumed = run_yuqi("crawl", "--resume", "--sites-dir", str(sites), "--data-dir",
                           str(data), timeout=600)
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        paths = dict(web.paths)
        base = web.server.base_url
    truth = _article_truth(base)
    fetched = {base + p: n for p, n in paths.items() if base + p in truth}
    assert set(fetched) == truth
    assert max(fetched.values()) == 1, {u: n for u, n in fetched.items() if n > 1}
    assert truth <= _documents(data)
    assert not (data / "jobs" / "run.json").exists()
    # The run's manifest names every site's config, those finished in the first part too.
    manifests = [m for m in map(read_manifest, (data / "spool").iterdir()) if m is not None]
    assert len(manifests) == 1
    assert manifests[0]["versions"]["site_configs"] == site_config_hashes(
        load_site_configs(sites))


def test_sigkill_then_resume_recovers_from_the_archive(tmp_path: Path) -> None:
    with CountingServer() as web:
        sites, data = _setup(tmp_path, web.server.base_url)
        killed = _crawl_and_stop(sites, data, web, signal.SIGKILL)
        assert killed.returncode == -signal.SIGKILL
        resumed = run_yuqi("crawl", "--resume", "--sites-dir", str(sites), "--data-dir",
                           str(data), timeout=600)
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        assert "did not stop cleanly" in resumed.stderr
        paths = dict(web.paths)
        base = web.server.base_url
    truth = _article_truth(base)
    fetched = {base + p: n for p, n in paths.items() if base + p in truth}
    assert set(fetched) == truth
    twice = [u for u, n in fetched.items() if n > 1]
    assert len(twice) <= 4, twice  # only those in flight at the kill
    assert truth <= _documents(data)
    # The record the kill cut off was removed: the whole archive reads back cleanly.
    for path in (data / "archive").rglob("*.warc.gz"):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                record.content_stream().read()


def test_resume_without_an_unfinished_run_is_a_clear_error(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    write_site_configs("http://127.0.0.1:9", sites)
    proc = run_yuqi("crawl", "--resume", "--sites-dir", str(sites), "--data-dir",
                    str(tmp_path / "data"))
    assert proc.returncode == 2
    assert "no unfinished crawl to resume" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_stopped_part_keeps_its_fetches(tmp_path: Path) -> None:
    with CountingServer() as web:
        sites, data = _setup(tmp_path, web.server.base_url)
        stopped = _crawl_and_stop(sites, data, web, signal.SIGTERM)
    assert stopped.returncode == 1
    spool = next((data / "spool").iterdir())
    assert list(spool.glob("*.fetches.*.parquet")), "the stopped part's rows were flushed"
    assert list((data / "archive" / spool.name).glob("*.warc.gz"))
    assert (data / "jobs" / "farm-a" / "yuqi-stopped-cleanly").exists()
