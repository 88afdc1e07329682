"""Real crawls against hostile responses (RELIABILITY.md items 1-5, 7, 19, 32).

Each test runs `yuqi crawl` against a local HostileServer whose extra routes
misbehave, then checks that the crawl ended normally, that the bad target was
dropped and counted in the manifest stats, that no document came from it, and
that the crawl's peak memory (`memusage/max`) stayed bounded.
"""

from __future__ import annotations

import gzip
import json
import struct
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli
import pyarrow.parquet as pq
import pytest

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

from pipeline.stat_keys import Stat
from tests.cli import run_yuqi
from tests.hostile_server import ARTICLE, HostileServer, Route

MiB = 1 << 20
ZEROS = b"\0" * MiB
MEMORY_BOUND = 300 * MiB
RETRY_TIMES = 2  # spiders/settings.py


def zero_deflate(mib: int) -> bytes:
    """A raw deflate stream of *mib* MiB of zeros, built from one compressed MiB.

    A full flush resets the compressor, so the compressed MiB can simply be repeated.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = comp.compress(ZEROS) + comp.flush(zlib.Z_FULL_FLUSH)
    return segment * mib + comp.flush()


def zero_gzip(mib: int) -> bytes:
    """A valid gzip file (right CRC and size) that inflates to *mib* MiB of zeros."""
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(ZEROS, crc)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + zero_deflate(mib)
            + struct.pack("<II", crc, (mib * MiB) & 0xFFFFFFFF))


def zero_zlib(mib: int) -> bytes:
    """HTTP "deflate" (zlib-wrapped) of *mib* MiB of zeros (Adler-32 of n zeros: n mod 65521, 1)."""
    adler = (((mib * MiB) % 65521) << 16) | 1
    return b"\x78\xda" + zero_deflate(mib) + struct.pack(">I", adler)


def zero_brotli(mib: int) -> bytes:
    """Brotli of *mib* MiB of zeros, compressed a MiB at a time."""
    comp = brotli.Compressor(quality=1)
    return b"".join([comp.process(ZEROS) for _ in range(mib)] + [comp.finish()])


def zero_zstd(mib: int) -> bytes:
    """Zstandard of *mib* MiB of zeros, compressed a MiB at a time."""
    comp = zstd.ZstdCompressor(level=1)
    return b"".join([comp.compress(ZEROS) for _ in range(mib)] + [comp.flush()])


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    """Content-Encoding name -> a body inflating to 1 GiB (made once per module)."""
    return {"gzip": zero_gzip(1024), "deflate": zero_zlib(1024), "br": zero_brotli(1024),
            "zstd": zero_zstd(1024)}


@dataclass
class Crawl:
    """What one `yuqi crawl` did: exit status, output, requests seen, stats, documents."""

    returncode: int
    stderr: str
    requests: list[str]
    stats: dict[str, Any]
    document_urls: set[str]
    base_url: str

    def fetched(self, path: str) -> int:
        """How many times the server was asked for *path*."""
        return self.requests.count(path)

    def has_document(self, path: str) -> bool:
        """True when a document was spooled for base_url + *path*."""
        return self.base_url + path in self.document_urls


def run_crawl(tmp_path: Path, server: HostileServer, links: tuple[str, ...] = (),
              sitemaps: tuple[str, ...] = (), start: tuple[str, ...] = ("/",),
              concurrency: int = 4) -> Crawl:
    """Crawl *server* (already started) with a site config linking *links* from `/`."""
    server_links = tuple(f"<a href='{u}'>x</a>" for u in links)
    server.routes.setdefault("/", Route(body=(
        "<html><body><a href='/a/1.html'>a</a>" + "".join(server_links) + "</body></html>"
    ).encode()))
    sites = tmp_path / "sites"
    sites.mkdir()
    urls = lambda paths: ", ".join(f'"{server.base_url}{p}"' for p in paths)  # noqa: E731
    (sites / "hostile.toml").write_text(
        f'name = "hostile"\nstart_urls = [{urls(start)}]\nsitemaps = [{urls(sitemaps)}]\n'
        'allowed_domains = ["127.0.0.1"]\narticle_pattern = \'^/a/\\d+\\.html$\'\n'
        "allow_private = true\n"
        f"[politeness]\ndelay = 0\nconcurrency = {concurrency}\n", encoding="utf-8")
    data = tmp_path / "d"
    proc = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(data), "--no-load",
                    timeout=240)
    manifest = json.loads(next((data / "spool").glob("*/manifest.json")).read_text())
    urls_seen: set[str] = set()
    for path in (data / "spool").glob("*/*.documents.*.parquet"):
        urls_seen.update(str(u) for u in pq.read_table(path, columns=["url"])["url"].to_pylist())
    return Crawl(proc.returncode, proc.stderr, list(server.requests),
                 manifest["stats"]["total"], urls_seen, server.base_url)


def assert_healthy(crawl: Crawl) -> None:
    """The crawl exited 0, still stored the normal article, and its peak RSS stayed bounded."""
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert crawl.fetched("/a/1.html") >= 1
    assert crawl.has_document("/a/1.html")
    assert 0 < crawl.stats["memusage/max"] < MEMORY_BOUND, crawl.stats["memusage/max"]


ENCODED = {"gzip": "/a/11.html", "deflate": "/a/12.html", "br": "/a/13.html",
           "zstd": "/a/14.html"}


@pytest.fixture(scope="module")
def bomb_crawl(tmp_path_factory: pytest.TempPathFactory, bombs: dict[str, bytes]) -> Crawl:
    """One crawl serving a 1 GiB Content-Encoding bomb per encoding."""
    routes: dict[str, Route | Any] = {
        path: Route(headers=[("Content-Encoding", enc)], body=bombs[enc])
        for enc, path in ENCODED.items()
    }
    with HostileServer(routes=routes) as server:
        return run_crawl(tmp_path_factory.mktemp("bombs"), server, links=tuple(ENCODED.values()))


def test_bombs_are_about_a_mib_each(bombs: dict[str, bytes]) -> None:
    # The decoders under test must face real 1 GiB bombs served within DOWNLOAD_MAXSIZE.
    assert all(len(body) < 2 * MiB for body in bombs.values())
    d = zlib.decompressobj()
    assert len(d.decompress(bombs["deflate"], 20 * MiB)) == 20 * MiB


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_content_encoding_bomb_is_dropped_at_the_cap(bomb_crawl: Crawl, encoding: str) -> None:
    path = ENCODED[encoding]
    assert_healthy(bomb_crawl)
    assert bomb_crawl.fetched(path) == 1  # dropped, not retried
    assert not bomb_crawl.has_document(path)
    assert bomb_crawl.stats.get(Stat.DROPPED_TOO_LARGE) == len(ENCODED)
    # Scrapy's log line names the response it ignored at DOWNLOAD_MAXSIZE.
    assert any(path in line and "DOWNLOAD_MAXSIZE" in line
               for line in bomb_crawl.stderr.splitlines()), bomb_crawl.stderr[-3000:]


def test_gzip_without_encoding_and_nested_gzip_are_never_inflated(tmp_path: Path) -> None:
    bomb = zero_gzip(600)
    sitemap = (b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
               b"sitemap/0.9'><url><loc>%s/a/29.html</loc></url></urlset>")
    with HostileServer() as server:
        inner = sitemap % server.base_url.encode()
        server.routes.update({
            "/a/21.html": Route(body=bomb),  # text/html, no Content-Encoding
            "/a/22.html": Route(headers=[("Content-Encoding", "gzip")], body=gzip.compress(bomb)),
            "/big.xml.gz": Route(headers=[("Content-Type", "application/x-gzip")], body=bomb),
            "/nested.xml.gz": Route(headers=[("Content-Type", "application/x-gzip")],
                                    body=gzip.compress(gzip.compress(inner))),
            "/encoded.xml.gz": Route(headers=[("Content-Type", "application/x-gzip"),
                                              ("Content-Encoding", "gzip")],
                                     body=gzip.compress(bomb)),
            "/ok.xml.gz": Route(headers=[("Content-Type", "application/x-gzip")],
                                body=gzip.compress(inner.replace(b"/a/29", b"/a/28"))),
            "/a/28.html": Route(body=ARTICLE.replace("花呗", "借呗").encode()),
        })
        crawl = run_crawl(tmp_path, server, links=("/a/21.html", "/a/22.html"),
                          sitemaps=("/big.xml.gz", "/nested.xml.gz", "/encoded.xml.gz",
                                    "/ok.xml.gz"))
    assert_healthy(crawl)
    assert crawl.stats.get(Stat.SKIPPED_BINARY_BODY) == 2
    assert not crawl.has_document("/a/21.html") and not crawl.has_document("/a/22.html")
    assert crawl.stats.get(Stat.SITEMAP_TOO_LARGE) == 2  # plain and Content-Encoded bomb
    assert crawl.stats.get(Stat.SITEMAP_NESTED_GZIP) == 1
    assert crawl.fetched("/a/29.html") == 0
    assert crawl.has_document("/a/28.html")  # a normal gzip sitemap still works


def test_sitemap_entities_are_neither_expanded_nor_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("41", encoding="ascii")  # read, it would make /a/41.html
    laughs = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    with HostileServer() as server:
        base = server.base_url
        bomb = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY lol0 "lol">{laughs}]>'
                f"{urlset}<url><loc>{base}/a/&lol9;.html</loc></url></urlset>")
        xxe = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">'
               f'<!ENTITY net SYSTEM "{base}/canary">]>{urlset}'
               f"<url><loc>{base}/a/&xxe;.html</loc></url>"
               f"<url><loc>{base}/a/&net;.html</loc></url>"
               f"<url><loc>{base}/a/42.html</loc></url></urlset>")
        xml = [("Content-Type", "application/xml")]
        server.routes.update({
            "/laughs.xml": Route(headers=xml, body=bomb.encode()),
            "/xxe.xml": Route(headers=xml, body=xxe.encode()),
            "/a/41.html": Route(body=ARTICLE.encode()),
            "/a/42.html": Route(body=ARTICLE.replace("花呗", "微粒贷").encode()),
        })
        crawl = run_crawl(tmp_path, server, sitemaps=("/laughs.xml", "/xxe.xml"))
    assert_healthy(crawl)
    assert crawl.fetched("/laughs.xml") == 1 and crawl.fetched("/xxe.xml") == 1
    assert crawl.has_document("/a/42.html")  # the sitemap with external entities was parsed
    assert crawl.fetched("/a/41.html") == 0  # the file:// entity was not read
    assert crawl.fetched("/canary") == 0  # nor the network entity fetched
    assert not any("lol" in p for p in crawl.requests)  # lxml abandons the entity bomb
    assert max(len(p) for p in crawl.requests) < 200


def test_endless_chunked_body_is_cut_and_the_next_url_crawled(tmp_path: Path) -> None:
    def endless() -> Iterator[bytes]:
        chunk = b"<p>" + "逾期".encode() * 4000 + b"</p>"
        while True:
            yield chunk

    with HostileServer(routes={"/a/51.html": Route(chunks=endless)}) as server:
        crawl = run_crawl(tmp_path, server, start=("/a/51.html", "/"), concurrency=1)
    assert_healthy(crawl)
    assert crawl.fetched("/a/51.html") == 1
    assert crawl.requests.index("/a/51.html") < crawl.requests.index("/a/1.html")
    assert crawl.stats.get(Stat.DROPPED_TOO_LARGE) == 1
    assert not crawl.has_document("/a/51.html")


def test_slow_servers_time_out_with_bounded_retries(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YUQI_DOWNLOAD_TIMEOUT", "1")
    with HostileServer() as server:
        closing = server.closing

        def silent() -> Iterator[bytes]:
            closing.wait()  # headers sent, then nothing until the test ends
            yield b""

        def drip() -> Iterator[bytes]:
            yield b"<html><body>"
            while not closing.wait(0.1):
                yield b"."

        server.routes.update({
            "/a/61.html": Route(headers=[("Content-Length", "5000")], chunks=silent),
            "/a/62.html": Route(chunks=drip),
        })
        crawl = run_crawl(tmp_path, server, links=("/a/61.html", "/a/62.html"))
    assert_healthy(crawl)
    for path in ("/a/61.html", "/a/62.html"):
        assert crawl.fetched(path) == 1 + RETRY_TIMES
        assert not crawl.has_document(path)
    assert crawl.stats.get("retry/max_reached") == 2
    assert crawl.stats.get(
        "downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError") == 6


def test_dropped_connection_and_bad_gzip_are_retried_then_dropped(tmp_path: Path) -> None:
    page = ARTICLE.replace("花呗", "网贷").encode()
    good = gzip.compress(page)
    bad_crc = good[:-8] + bytes(b ^ 0xFF for b in good[-8:-4]) + good[-4:]
    routes: dict[str, Route | Any] = {
        "/a/71.html": Route(headers=[("Content-Length", str(len(page)))],
                            body=page[: len(page) // 2]),
        "/a/72.html": Route(headers=[("Content-Encoding", "gzip")], body=bad_crc),
        "/a/73.html": Route(headers=[("Content-Encoding", "gzip")], body=good[: len(good) // 2]),
        "/a/74.html": Route(headers=[("Content-Encoding", "gzip")], body=good),
    }
    with HostileServer(routes=routes) as server:
        crawl = run_crawl(tmp_path, server, links=tuple(routes))
    assert_healthy(crawl)
    for path in ("/a/71.html", "/a/72.html", "/a/73.html"):
        assert crawl.fetched(path) == 1 + RETRY_TIMES
        assert not crawl.has_document(path)
    assert crawl.stats.get(Stat.DROPPED_BAD_ENCODING) == 2
    assert crawl.stats.get("retry/reason_count/bad_encoding") == 2 * RETRY_TIMES
    assert crawl.stats.get(
        "retry/reason_count/scrapy.exceptions.ResponseDataLossError") == RETRY_TIMES
    assert crawl.has_document("/a/74.html")  # a sound gzip body is still decoded


def test_redirect_loops_long_chains_and_other_schemes_are_stopped(tmp_path: Path) -> None:
    def chain(path: str) -> Route:
        n = int(path.rsplit("/", 1)[1])
        return Route(status=302, headers=[("Location", f"/r/{n + 1}")])

    targets = {"/a/84.html": "file:///etc/passwd", "/a/85.html": "ftp://127.0.0.1/x",
               "/a/86.html": "data:text/html,<p>hi</p>"}
    routes: dict[str, Route | Any] = {
        f"/r/{n}": chain for n in range(30)
    }
    routes["/a/82.html"] = Route(status=301, headers=[("Location", "/a/83.html")])
    routes["/a/83.html"] = Route(status=302, headers=[("Location", "/a/82.html")])
    for path, target in targets.items():
        routes[path] = Route(status=302, headers=[("Location", target)])
    with HostileServer(routes=routes) as server:
        crawl = run_crawl(tmp_path, server, links=("/r/0", "/a/82.html", *targets))
    assert_healthy(crawl)
    chain_hits = [p for p in crawl.requests if p.startswith("/r/")]
    assert len(chain_hits) == 1 + 5  # REDIRECT_MAX_TIMES
    assert crawl.stats.get(Stat.DROPPED_REDIRECT_LIMIT) == 1
    assert crawl.fetched("/a/82.html") <= 2 and crawl.fetched("/a/83.html") <= 2
    assert crawl.stats.get(Stat.REFUSED_SCHEME) == len(targets)
    assert not any(crawl.has_document(p) for p in targets)


def test_non_html_responses_are_skipped_before_parsing(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    routes: dict[str, Route | Any] = {
        "/a/91.html": Route(headers=[("Content-Type", "image/png")], body=png),
        "/a/92.html": Route(headers=[("Content-Type", "application/pdf")],
                            body=b"%PDF-1.7\n" + ARTICLE.encode()),
        "/a/93.html": Route(headers=[("Content-Type", "application/octet-stream")],
                            body=ARTICLE.encode()),
        "/a/94.html": Route(headers=[("Content-Type", "application/json")],
                            body=json.dumps({"html": ARTICLE}).encode()),
        "/a/95.html": Route(body=png),  # binary served as text/html
        "/a/96.html": Route(body=b"<html>\x00\x01\x02" + ARTICLE.encode()),
        "/a/97.html": Route(body=ARTICLE.replace("花呗", "信用卡").encode()),
        "/robots.txt": Route(headers=[("Content-Type", "text/plain")],
                             body=b"User-agent: *\nDisallow: /private/\n"),
    }
    with HostileServer(routes=routes) as server:
        server.routes["/sitemap.xml"] = Route(
            headers=[("Content-Type", "application/xml")],
            body=(b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>"
                  + server.base_url.encode() + b"/a/97.html</loc></url></urlset>"))
        crawl = run_crawl(tmp_path, server, sitemaps=("/sitemap.xml",),
                          links=(*[f"/a/{n}.html" for n in range(91, 97)], "/private/x"))
    assert_healthy(crawl)
    assert crawl.stats.get(Stat.SKIPPED_NOT_HTML) == 4
    assert crawl.stats.get(Stat.SKIPPED_BINARY_BODY) == 2
    assert not any(crawl.has_document(f"/a/{n}.html") for n in range(91, 97))
    assert crawl.has_document("/a/97.html")  # the XML sitemap passed the gate
    assert crawl.fetched("/private/x") == 0  # robots.txt (text/plain) passed and was obeyed
    assert "log_count/ERROR" not in crawl.stats, crawl.stderr[-3000:]
    assert Stat.DROPPED_STAGE_ERROR not in crawl.stats


def test_memory_limit_is_set_to_close_the_spider() -> None:
    from spiders.settings import BASE_SETTINGS

    assert BASE_SETTINGS["MEMUSAGE_ENABLED"] is True
    assert 512 <= BASE_SETTINGS["MEMUSAGE_LIMIT_MB"] <= 4096
    assert BASE_SETTINGS["MEMUSAGE_CHECK_INTERVAL_SECONDS"] <= 10
