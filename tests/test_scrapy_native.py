"""Issue 18 item 7: Scrapy-native. From the project root `scrapy list` lists the site
configs and `scrapy crawl <site>` writes WARC and spool as `yuqi crawl --no-load` does; the
project deploys to a real scrapyd with scrapyd-deploy and a scheduled job's spool loads."""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import duckdb
import pytest

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from pipeline.siteconfig import load_site_configs
from pipeline.spool import read_manifest
from tests.cli import ROOT, run_yuqi
from yuqi.app.lock import hold_data_dir

BIN = Path(sys.executable).parent
SITE = "farm-a"


def _scrapy(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "scrapy"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env={**os.environ, **(env or {})})


def _rows(data: Path) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    """Documents (url, text) and claims (url, sentence, topics, stance) of a loaded warehouse."""
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        docs = set(con.execute("SELECT url, text FROM documents").fetchall())
        claims = set(con.execute(
            "SELECT d.url, c.text, list_sort(c.topics)::VARCHAR, c.stance "
            "FROM claims c JOIN documents d USING (doc_id)").fetchall())
    return docs, claims


@pytest.fixture(scope="module")
def demo_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small demo web and site configs pointing at it."""
    sites = tmp_path_factory.mktemp("native") / "sites"
    with DemoServer(port=0, size=30, day=0) as server:
        write_site_configs(server.base_url, sites)
        yield sites


@pytest.mark.slow
def test_scrapy_list_names_every_site_config() -> None:
    proc = _scrapy("list")
    assert proc.returncode == 0, proc.stderr[-2000:]
    expected = sorted(c.name for c in load_site_configs(ROOT / "spiders" / "sites"))
    assert proc.stdout.split() == expected


@pytest.mark.slow
def test_scrapy_list_reads_the_sites_dir_setting(tmp_path: Path) -> None:
    write_site_configs("http://127.0.0.1:9/", tmp_path)
    proc = _scrapy("list", "-s", f"YUQI_SITES_DIR={tmp_path}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == sorted(c.name for c in load_site_configs(tmp_path))
    missing = _scrapy("crawl", "no-such-site", "-s", f"YUQI_SITES_DIR={tmp_path}")
    assert missing.returncode != 0 and "no-such-site" in missing.stderr


@pytest.mark.crawl
def test_scrapy_crawl_spools_what_yuqi_crawl_spools(demo_sites: Path, tmp_path: Path) -> None:
    native, yuqi = tmp_path / "native", tmp_path / "yuqi"
    proc = _scrapy("crawl", SITE, "-s", f"YUQI_SITES_DIR={demo_sites}",
                   "-s", f"YUQI_DATA_DIR={native}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    (spool,) = (native / "spool").iterdir()
    manifest = read_manifest(spool)
    assert manifest is not None and manifest["sites"] == [SITE]
    assert list((native / "archive" / spool.name).glob(f"{SITE}-*.warc.gz"))
    crawled = run_yuqi("crawl", "--site", SITE, "--no-load", "--sites-dir", str(demo_sites),
                       "--data-dir", str(yuqi))
    assert crawled.returncode == 0, crawled.stderr[-3000:]
    for data in (native, yuqi):
        loaded = run_yuqi("load", "--data-dir", str(data))
        assert loaded.returncode == 0, loaded.stderr[-3000:]
    native_docs, native_claims = _rows(native)
    yuqi_docs, yuqi_claims = _rows(yuqi)
    assert native_docs and native_claims
    assert native_docs == yuqi_docs
    assert native_claims == yuqi_claims


@pytest.mark.crawl
def test_scrapy_crawl_leaves_a_held_data_dir_untouched(demo_sites: Path, tmp_path: Path
                                                       ) -> None:
    data = tmp_path / "data"
    with hold_data_dir(data, "load"):
        proc = _scrapy("crawl", SITE, "-s", f"YUQI_SITES_DIR={demo_sites}",
                       "-s", f"YUQI_DATA_DIR={data}")
    assert proc.returncode != 0
    assert "data dir held by yuqi load" in proc.stderr
    assert not (data / "spool").exists() and not (data / "archive").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, data: list[tuple[str, str]] | None = None) -> dict[str, object]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url, body, timeout=30) as response:
        return dict(json.loads(response.read()))


def _wait_for_line(stream: IO[bytes], needle: str, timeout: float, also: str = ""
                   ) -> str | None:
    """Read *stream* line by line until one holds *needle* (and *also*); None when the
    stream ends or *timeout* seconds pass first (select on the pipe: no sleeping)."""
    deadline = time.monotonic() + timeout
    buffered = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([stream], [], [], left)[0]:
            return None
        chunk = os.read(stream.fileno(), 65536)
        if not chunk:
            return None
        buffered += chunk
        *lines, buffered = buffered.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace")
            if needle in line and also in line:
                return line


def _copy_project(target: Path) -> None:
    """What a user's checkout holds for a deploy: project files and the packages."""
    target.mkdir()
    for name in ("scrapy.cfg", "setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, target / name)
    for package in ("yuqi", "pipeline", "spiders", "warehouse", "reports", "demo"):
        shutil.copytree(ROOT / package, target / package,
                        ignore=shutil.ignore_patterns("__pycache__"))


@pytest.mark.crawl
def test_scrapyd_deploy_and_schedule_give_a_loadable_spool(demo_sites: Path, tmp_path: Path
                                                           ) -> None:
    project, home, data = tmp_path / "project", tmp_path / "scrapyd", tmp_path / "data"
    _copy_project(project)
    port = _free_port()
    cfg = project / "scrapy.cfg"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        "http://localhost:6800/", f"http://127.0.0.1:{port}/"), encoding="utf-8")
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home}/eggs\n"
        f"logs_dir = {home}/logs\nitems_dir =\ndbs_dir = {home}/dbs\nmax_proc = 1\n"
        "poll_interval = 0.2\n", encoding="utf-8")
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "YUQI_SITES_DIR": str(demo_sites), "YUQI_DATA_DIR": str(data)}
    with subprocess.Popen([str(BIN / "scrapyd")], cwd=home, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) as server:
        try:
            assert server.stdout is not None
            if _wait_for_line(server.stdout, f"Site starting on {port}", 60) is None:
                pytest.skip("scrapyd could not start on 127.0.0.1")
            assert _get(base + "daemonstatus.json")["status"] == "ok"
            deploy = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=project,
                                    capture_output=True, text=True, timeout=300)
            assert deploy.returncode == 0, deploy.stderr[-2000:]
            assert '"status": "ok"' in deploy.stdout
            assert _get(base + "listspiders.json?project=yuqi")["spiders"] == sorted(
                c.name for c in load_site_configs(demo_sites))
            job = _get(base + "schedule.json", [("project", "yuqi"), ("spider", SITE)])
            assert job["status"] == "ok", job
            # scrapyd logs the end of every job it launched: wait for ours.
            done = _wait_for_line(server.stdout, f"job='{job['jobid']}'", 300,
                                  also="Process finished")
            assert done is not None, "the scheduled job did not finish within 300 s"
            finished = _get(base + "listjobs.json?project=yuqi")["finished"]
            assert isinstance(finished, list)
            assert any(j["id"] == job["jobid"] for j in finished), finished
        finally:
            server.terminate()
            server.wait(timeout=60)
    (spool,) = (data / "spool").iterdir()
    assert read_manifest(spool) is not None, sorted(p.name for p in spool.iterdir())
    loaded = run_yuqi("load", "--data-dir", str(data))
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    docs, claims = _rows(data)
    assert docs and claims


def test_package_data_is_read_from_a_zipped_package(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A scrapyd egg is a zip: package data must still be readable as files."""
    import zipfile

    from pipeline.package_data import package_dir

    egg = tmp_path / "zipped.egg"
    with zipfile.ZipFile(egg, "w") as zf:
        zf.writestr("zippedpkg/__init__.py", "")
        zf.writestr("zippedpkg/data/rules.toml", "answer = 42\n")
        zf.writestr("zippedpkg/data/nested/more.txt", "借呗")
    monkeypatch.syspath_prepend(str(egg))
    folder = package_dir("zippedpkg", "data")
    assert not str(folder).startswith(str(egg))
    assert (folder / "rules.toml").read_text(encoding="utf-8") == "answer = 42\n"
    assert (folder / "nested" / "more.txt").read_text(encoding="utf-8") == "借呗"
