"""robots.txt (RFC 9309) and per-host politeness, checked with real `yuqi crawl` runs.

Each crawl test writes a site config pointing at a local HostileServer and runs
the `yuqi crawl` command in a subprocess; the server records every request (path,
arrival time, requests in flight) and the run's manifest holds the crawl stats.
"""

from __future__ import annotations

import json
import statistics
import threading
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pyarrow.parquet as pq
import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from pipeline.records import RawPage
from pipeline.siteconfig import Politeness, SiteConfig
from pipeline.stat_keys import Stat
from spiders.context import RunContext
from spiders.generic import GenericSpider
from spiders.politeness import retry_after_seconds
from spiders.robots import ROBOTS_MAX_BYTES, decode_robots, robots_agent
from spiders.settings import BASE_SETTINGS
from tests.cli import run_yuqi
from tests.hostile_server import ARTICLE, HostileServer, Route, RouteTable

# Server-side arrival times carry some scheduling noise (thread start, accept):
# the gaps asserted below are the crawler's minimum minus this much.
CLOCK_SLACK = 0.03

TEXT = [("Content-Type", "text/plain; charset=utf-8")]


def robots(text: str, status: int = 200) -> Route:
    """A robots.txt route answering *text*."""
    return Route(status=status, headers=TEXT, body=text.encode())


def crawl(tmp_path: Path, server: HostileServer, *, delay: float = 0.0, concurrency: int = 4,
          start_paths: tuple[str, ...] = ("/",)) -> CompletedProcess[str]:
    """Run `yuqi crawl` (no warehouse load) over *server* with the given politeness."""
    sites = tmp_path / "sites"
    sites.mkdir(exist_ok=True)
    starts = ", ".join(f'"{server.base_url}{p}"' for p in start_paths)
    (sites / "robots.toml").write_text(
        f'name = "robots"\nstart_urls = [{starts}]\n'
        'allowed_domains = ["127.0.0.1"]\narticle_pattern = \'^/a/\\d+\\.html$\'\n'
        "max_depth = 3\nallow_private = true\n"
        f"[politeness]\ndelay = {delay}\nconcurrency = {concurrency}\n",
        encoding="utf-8")
    return run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(tmp_path / "d"),
                    "--no-load", timeout=300)


def run_stats(tmp_path: Path) -> dict[str, Any]:
    """The crawl stats summed over sites, from the run's manifest."""
    manifest = json.loads(next((tmp_path / "d" / "spool").glob("*/manifest.json")).read_text())
    stats: dict[str, Any] = manifest["stats"]["total"]
    return stats


def spooled(tmp_path: Path, table: str) -> list[dict[str, Any]]:
    """Every row of spool *table* the run wrote."""
    rows: list[dict[str, Any]] = []
    for path in sorted((tmp_path / "d" / "spool").glob(f"*/*.{table}.*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def document_paths(tmp_path: Path) -> list[str]:
    """The URL paths of the documents (extracted article pages) the run stored."""
    return ["/" + row["url"].split("/", 3)[3] for row in spooled(tmp_path, "documents")]


def gaps(server: HostileServer) -> list[float]:
    """Seconds between consecutive request arrivals at the server."""
    times = [t for t, _ in server.timed]
    return [b - a for a, b in zip(times, times[1:], strict=False)]


# --- robots.txt ---------------------------------------------------------------------------


@pytest.mark.crawl
def test_disallow_for_our_product_token_is_honoured(tmp_path: Path) -> None:
    # Groups named after words of our full User-Agent ("github", "crawler") must not
    # apply to us, and our own group wins over "*".
    rules = ("User-agent: github\nDisallow: /\n\nUser-agent: crawler\nDisallow: /\n\n"
             "User-agent: *\nDisallow: /\n\nUser-agent: yuqi\nDisallow: /a/\n")
    with HostileServer(routes={"/robots.txt": robots(rules)}) as server:
        proc = crawl(tmp_path, server)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/" in requests and "/loop/" in requests
    assert not [p for p in requests if p.startswith("/a/")]
    assert run_stats(tmp_path)[Stat.ROBOTS_DISALLOWED] >= 1


@pytest.mark.crawl
def test_robots_404_allows_everything(tmp_path: Path) -> None:
    with HostileServer(routes={"/robots.txt": Route(status=404, body=b"no such file")}) as server:
        proc = crawl(tmp_path, server)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/a/1.html" in requests
    stats = run_stats(tmp_path)
    assert stats[Stat.ROBOTS_UNAVAILABLE] == 1
    assert Stat.ROBOTS_DISALLOWED not in stats
    assert Stat.ROBOTS_UNREACHABLE not in stats
    assert document_paths(tmp_path) == ["/a/1.html"]


@pytest.mark.crawl
@pytest.mark.parametrize("status", [500, 503])
def test_robots_5xx_disallows_the_whole_host(tmp_path: Path, status: int) -> None:
    with HostileServer(routes={"/robots.txt": Route(status=status, body=b"down")}) as server:
        proc = crawl(tmp_path, server, start_paths=("/", "/a/1.html"))
        requests = list(server.requests)
    # robots.txt itself was fetched (and retried) but nothing else on the host.
    assert requests and set(requests) == {"/robots.txt"}
    assert len(requests) <= 1 + int(BASE_SETTINGS["RETRY_TIMES"])
    stats = run_stats(tmp_path)
    assert stats[Stat.ROBOTS_UNREACHABLE] == 2  # both start URLs refused
    assert Stat.DOCUMENTS not in stats
    # One log line for the host, naming the reason.
    assert proc.stderr.count("unreachable (HTTP") == 1, proc.stderr[-2000:]
    assert f"HTTP {status}" in proc.stderr
    # The robots.txt answers are archived as fetches, so the run is not "empty".
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {row["status"] for row in spooled(tmp_path, "fetches")} == {status}


@pytest.mark.crawl
def test_robots_timeout_disallows_the_whole_host(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def hang(path: str) -> Route:
        release.wait()  # never answers until the test is done with the crawl
        return robots("User-agent: *\nAllow: /\n")

    monkeypatch.setenv("YUQI_DOWNLOAD_TIMEOUT", "1")
    with HostileServer(routes={"/robots.txt": hang}) as server:
        try:
            proc = crawl(tmp_path, server, start_paths=("/", "/a/1.html"))
            requests = list(server.requests)
        finally:
            release.set()
    assert requests and set(requests) == {"/robots.txt"}
    assert run_stats(tmp_path)[Stat.ROBOTS_UNREACHABLE] == 2
    assert proc.stderr.count("unreachable (") == 1, proc.stderr[-2000:]
    # Nothing answered at all: the run fetched nothing and says so.
    assert proc.returncode == 1
    assert "fetched nothing" in proc.stderr


@pytest.mark.crawl
def test_robots_redirect_is_followed(tmp_path: Path) -> None:
    routes: RouteTable = {
        "/robots.txt": Route(status=301, headers=[("Location", "/robots-moved.txt")]),
        "/robots-moved.txt": robots("User-agent: *\nDisallow: /a/\n"),
    }
    with HostileServer(routes=routes) as server:
        proc = crawl(tmp_path, server)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/robots-moved.txt" in requests and "/" in requests
    assert "/a/1.html" not in requests
    assert run_stats(tmp_path)[Stat.ROBOTS_DISALLOWED] >= 1


@pytest.mark.crawl
def test_oversize_robots_is_read_up_to_500_kib(tmp_path: Path) -> None:
    def body() -> Iterator[bytes]:
        yield b"User-agent: *\nDisallow: /loop/\n"
        line = b"# " + b"x" * 1021 + b"\n"
        for _ in range(600):  # 600 KiB of comments, streamed without a length
            yield line
        yield b"Disallow: /a/\n"  # past the 500 KiB everyone must read: ignored

    routes: RouteTable = {"/robots.txt": Route(headers=TEXT, chunks=body)}
    with HostileServer(routes=routes) as server:
        proc = crawl(tmp_path, server)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/a/1.html" in requests
    assert not [p for p in requests if p.startswith("/loop/")]
    assert run_stats(tmp_path)[Stat.ROBOTS_TRUNCATED] == 1


@pytest.mark.crawl
def test_crawl_delay_is_kept_as_the_minimum_gap(tmp_path: Path) -> None:
    # A configured delay turns AutoThrottle on; it must not lower the Crawl-delay.
    crawl_delay = 0.5
    rules = f"User-agent: *\nCrawl-delay: {crawl_delay}\nDisallow: /loop/\n"
    with HostileServer(extra_links=("/a/2.html", "/a/3.html"),
                       routes={"/robots.txt": robots(rules)}) as server:
        proc = crawl(tmp_path, server, delay=0.05, concurrency=2)
        arrivals = gaps(server)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert run_stats(tmp_path)[Stat.ROBOTS_CRAWL_DELAY] == crawl_delay
    assert len(arrivals) >= 4
    # One late arrival (a busy machine delays the server's accept) shortens the next gap
    # and lengthens its own, so single gaps measured at the server wander: the gaps keep
    # the delay on average, and none comes near the configured 0.05 s that an ignored
    # Crawl-delay would give.
    assert sum(arrivals) / len(arrivals) >= 0.9 * crawl_delay, arrivals
    assert min(arrivals) >= 0.5 * crawl_delay - CLOCK_SLACK, arrivals


@pytest.mark.crawl
def test_crawl_delay_is_capped(tmp_path: Path) -> None:
    with HostileServer(routes={"/robots.txt": robots("User-agent: *\nCrawl-delay: 86400\n"
                                                     "Disallow: /\n")}) as server:
        crawl(tmp_path, server)
    assert run_stats(tmp_path)[Stat.ROBOTS_CRAWL_DELAY] == 60.0


# --- politeness ---------------------------------------------------------------------------


@pytest.mark.crawl
def test_in_flight_requests_never_exceed_the_configured_concurrency(tmp_path: Path) -> None:
    concurrency, pages = 2, 6
    links = tuple(f"/p/{i}" for i in range(pages))
    server = HostileServer(extra_links=links)

    def gate(path: str) -> Route:
        # Hold each page until `concurrency` requests are in flight (or every page has
        # arrived): a crawler allowing more would be caught with more in flight.
        with server.lock:
            server.lock.wait_for(
                lambda: server.inflight >= concurrency
                or sum(p.startswith("/p/") for p in server.requests) == pages,
                timeout=30)
        return Route(body=b"<html><body>page</body></html>")

    for link in links:
        server.routes[link] = gate
    with server:
        proc = crawl(tmp_path, server, delay=0, concurrency=concurrency)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert sum(p.startswith("/p/") for p in requests) == pages
    assert server.max_inflight == concurrency


@pytest.mark.crawl
def test_configured_delay_spaces_requests(tmp_path: Path) -> None:
    delay = 0.2
    with HostileServer(extra_links=tuple(f"/a/{i}.html" for i in range(2, 6))) as server:
        proc = crawl(tmp_path, server, delay=delay, concurrency=2)
        arrivals = gaps(server)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(arrivals) >= 5
    # Scrapy randomizes each gap between 0.5x and 1.5x the delay. The server stamps a
    # request when its thread handles it, so on a starved machine one late stamp can
    # squeeze a single gap (0.01 s seen at load average 8); the median gap cannot be
    # squeezed that way, and without the delay it is near zero.
    assert statistics.median(arrivals) >= 0.5 * delay - CLOCK_SLACK, arrivals


@pytest.mark.crawl
def test_429_retry_after_backs_off_then_fetches(tmp_path: Path) -> None:
    calls: list[str] = []

    def limited(path: str) -> Route:
        calls.append(path)
        if len(calls) == 1:
            return Route(status=429, headers=[("Retry-After", "1")], body=b"slow down")
        return Route(body=ARTICLE.encode())

    with HostileServer(routes={"/a/1.html": limited}) as server:
        proc = crawl(tmp_path, server, delay=0)
        timed = [t for t, p in server.timed if p == "/a/1.html"]
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(timed) == 2
    assert timed[1] - timed[0] >= 1.0 - CLOCK_SLACK
    assert run_stats(tmp_path)[Stat.BACKOFF_RETRY_AFTER] == 1
    # The 429 answer is never an article; the later 200 is, once.
    assert document_paths(tmp_path) == ["/a/1.html"]


@pytest.mark.crawl
def test_persistent_429_and_5xx_are_given_up_and_never_stored(tmp_path: Path) -> None:
    routes: RouteTable = {
        "/a/1.html": Route(status=429, headers=[("Retry-After", "0")], body=ARTICLE.encode()),
        "/a/2.html": Route(status=503, body=ARTICLE.encode()),
        "/a/3.html": Route(body=ARTICLE.encode()),
    }
    with HostileServer(extra_links=("/a/2.html", "/a/3.html"),
                       routes=routes) as server:
        proc = crawl(tmp_path, server)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    tries = 1 + int(BASE_SETTINGS["RETRY_TIMES"])
    assert requests.count("/a/1.html") == tries
    assert requests.count("/a/2.html") == tries
    assert document_paths(tmp_path) == ["/a/3.html"]
    fetched = {(row["url"].rsplit("/", 1)[-1], row["status"]) for row in spooled(tmp_path,
                                                                                 "fetches")}
    assert ("1.html", 429) in fetched and ("2.html", 503) in fetched


# --- units --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [200, 429, 500, 503])
def test_parse_yields_an_article_only_for_status_200(tmp_path: Path, status: int) -> None:
    config = SiteConfig(name="unit", start_urls=("http://example.com/",),
                        allowed_domains=("example.com",), article_pattern=r"^/a/\d+\.html$",
                        politeness=Politeness(0, 1))
    ctx = RunContext(run_id="r1", data_dir=tmp_path, config=config)
    spider = GenericSpider(config, ctx)
    url = "http://example.com/a/1.html"
    response = HtmlResponse(url, status=status, body=ARTICLE.encode(), encoding="utf-8",
                            request=Request(url))
    pages = [item for item in spider.parse(response) if isinstance(item, RawPage)]
    ctx.close()
    assert len(pages) == (1 if status == 200 else 0)


def test_robots_agent_is_the_product_token() -> None:
    assert robots_agent(Settings(BASE_SETTINGS)) == "yuqi"
    assert robots_agent(Settings({**BASE_SETTINGS, "ROBOTSTXT_USER_AGENT": "yuqibot"})) == "yuqibot"


def test_decode_robots_cuts_at_500_kib() -> None:
    text, cut = decode_robots(b"\xef\xbb\xbfUser-agent: *\n" + b"#" * ROBOTS_MAX_BYTES)
    assert cut and text.startswith("User-agent")
    assert len(text.encode()) <= ROBOTS_MAX_BYTES
    assert decode_robots(b"User-agent: *\n") == ("User-agent: *\n", False)


def test_retry_after_parses_seconds_and_dates() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, 0, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds("Thu, 01 Jan 2026 00:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Wed, 31 Dec 2025 00:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
