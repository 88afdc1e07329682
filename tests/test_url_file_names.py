"""RELIABILITY case 30: no file name is derived from a URL.

A real crawl of pages whose URLs carry `..%2F` path traversal, an encoded NUL, a
backslash and a 300-byte name, then a load, a report and an export: every file yuqi
writes stays under the data directory, and every name is one of yuqi's own patterns
(site name, run id, counter, table name), never a piece of a URL.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli import run_yuqi
from tests.hostile_server import ARTICLE, HostileServer, Route

pytestmark = pytest.mark.crawl

HOSTILE = (
    "/a/..%2F..%2F..%2F..%2Fescape.html",
    "/a/%2e%2e%2f%2e%2e%2fdotdot.html",
    "/a/%00nul.html",
    "/a/..%5C..%5Cbackslash.html",
    "/a/" + "x" * 300 + ".html",
)
# Names yuqi gives files: WARC files, spool parts, manifests, logs, the warehouse, reports.
OWN_NAME = re.compile(
    r"^(?:[a-z0-9.-]+-\d{5}\.warc\.gz|[a-z0-9.-]+\.[a-z_]+\.\d{5}\.parquet|manifest\.json|"
    r"yuqi\.(?:log|lock)|status\.json|warehouse\.duckdb(?:\.wal)?|known\.parquet|"
    r"[a-z_0-9]+\.(?:parquet|html|md|json|csv|sql|txt)|\d{8}T\d{6}Z-[0-9a-f]{4}|"
    r"archive|spool|runs|reports|jobs|latest|export|data|[a-z0-9_.-]{1,64})$")


def test_hostile_urls_never_name_a_file(tmp_path: Path) -> None:
    sites, data = tmp_path / "sites", tmp_path / "data"
    sites.mkdir()
    routes: dict[str, Route | object] = {p: Route(200, body=ARTICLE.encode("utf-8"))
                                         for p in HOSTILE}
    with HostileServer(extra_links=HOSTILE, routes=routes) as server:  # type: ignore[arg-type]
        (sites / "hostile.toml").write_text(
            f'name = "hostile"\nstart_urls = ["{server.base_url}/"]\n'
            'allowed_domains = ["127.0.0.1"]\narticle_pattern = \'^/a/.+\\.html$\'\n'
            'deny_patterns = ["/loop/"]\nallow_private = true\n'
            "[politeness]\ndelay = 0\nconcurrency = 4\n", encoding="utf-8")
        crawled = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(data),
                           timeout=300)
        requested = list(server.requests)
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    assert sum(1 for p in requested if p.startswith("/a/") and p != "/a/1.html") >= 3
    report = run_yuqi("report", "--data-dir", str(data))
    assert report.returncode == 0, report.stderr[-2000:]
    export = run_yuqi("export", "--data-dir", str(data), "--out", str(data / "export"))
    assert export.returncode == 0, export.stderr[-2000:]
    written = [p for p in tmp_path.rglob("*") if sites not in p.parents and p != sites]
    assert written
    for path in written:
        assert path.resolve().is_relative_to(data.resolve()), path
        assert OWN_NAME.match(path.name), path
        assert not re.search(r"escape|dotdot|nul|backslash|xxxxxxxx", path.name), path
    assert not list(tmp_path.parent.glob("escape*")) and not list(tmp_path.glob("escape*"))
