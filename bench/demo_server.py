"""The demo web alone vs a full crawl of the same pages: serving must not be the bottleneck.

Both measurements hit the same demo web process (``python -m demo --port 0``)
in this run: first a plain asyncio client (stdlib streams, keep-alive
connections, ``CONCURRENCY`` in flight) fetches every article page, list page
and sitemap of the default web; then the real crawl (``python -m yuqi
crawl --no-load`` over TOML configs written from ``demo.site_configs``) fetches
the same web, archives it and runs every pipeline stage. Prints pages/s of
each and their ratio (target: the server at least 5x faster).
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from demo.site_configs import site_configs
from demo.sites import SITES
from demo.truth import truth_records
from yuqi.app.demo_web import DemoWebProcess

CONCURRENCY = 16
ROUNDS = 3
REPO = Path(__file__).resolve().parent.parent


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def write_configs(base_url: str, folder: Path) -> None:
    """One ``<name>.toml`` per demo site, from ``demo.site_configs``."""
    for config in site_configs(base_url):
        lines, tables = [], []
        for key, value in config.items():
            if isinstance(value, dict):
                tables.append(f"[{key}]")
                tables += [f"{k} = {_toml_value(v)}" for k, v in value.items()]
            else:
                lines.append(f"{key} = {_toml_value(value)}")
        (folder / f"{config['name']}.toml").write_text("\n".join(lines + tables) + "\n",
                                                       encoding="utf-8")


def demo_paths(base_url: str) -> list[str]:
    """Every article, list page and sitemap the crawl fetches (paths)."""
    paths = [urlsplit(str(r["url"])).path for r in truth_records(base_url)]
    per_site: dict[str, int] = {}
    for path in paths:
        name = path.split("/")[1]
        per_site[name] = per_site.get(name, 0) + 1
    for site in SITES:
        pages = -(-per_site.get(site.name, 0) // site.page_size)
        paths += [site.list_path(n) for n in range(1, pages + 1)]
        paths += [site.sitemap_path, site.sitemap_part_path(1)]
    return ["/robots.txt", *paths]


async def _worker(host: str, port: int, queue: asyncio.Queue[str], sizes: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            try:
                path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: bench\r\n\r\n"
            writer.write(request.encode("utf-8"))
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            match = re.search(rb"(?i)content-length:\s*(\d+)", head)
            length = int(match.group(1)) if match else 0
            body = await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{path}: {head.splitlines()[0]!r}")
            sizes.append(len(body))
    finally:
        writer.close()


async def fetch_all(base_url: str, paths: list[str]) -> int:
    """Fetch *paths* with CONCURRENCY keep-alive connections; return the bytes read."""
    parts = urlsplit(base_url)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    sizes: list[int] = []
    await asyncio.gather(*(_worker(parts.hostname or "127.0.0.1", parts.port or 80, queue, sizes)
                           for _ in range(CONCURRENCY)))
    return sum(sizes)


def crawl(base_url: str) -> tuple[int, float]:
    """Run the real crawl in a subprocess; return (pages fetched, seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        sites = Path(tmp) / "sites"
        sites.mkdir()
        write_configs(base_url, sites)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "yuqi", "crawl", "--sites-dir", str(sites),
             "--data-dir", str(Path(tmp) / "data"), "--no-load"],
            cwd=REPO, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    match = re.search(r"(\d+) responses archived", proc.stdout)
    if proc.returncode != 0 or not match:
        raise RuntimeError(f"crawl failed ({proc.returncode}): {proc.stderr[-500:]}")
    return int(match.group(1)), elapsed


def run() -> None:
    """Print server-alone and full-crawl pages/s on the default demo web, and the ratio."""
    with DemoWebProcess(0) as web:
        paths = demo_paths(web.base_url)
        asyncio.run(fetch_all(web.base_url, paths))  # warm the server's page cache
        rates = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            asyncio.run(fetch_all(web.base_url, paths))
            rates.append(len(paths) / (time.perf_counter() - start))
        server_rate = sorted(rates)[len(rates) // 2]
        pages, seconds = crawl(web.base_url)
    crawl_rate = pages / seconds
    print(f"demo web, default size: {len(paths)} URLs (articles, list pages, sitemaps)")
    print(f"  server alone (asyncio client, {CONCURRENCY} connections, median of {ROUNDS}): "
          f"{server_rate:8.1f} pages/s")
    print(f"  full crawl (yuqi crawl --no-load, {pages} pages, {seconds:.1f} s):"
          f"      {crawl_rate:8.1f} pages/s")
    verdict = "ok" if server_rate >= 5 * crawl_rate else "BELOW TARGET"
    print(f"  ratio server/crawl: {server_rate / crawl_rate:.1f}x (target >= 5x: {verdict})")


if __name__ == "__main__":
    run()
