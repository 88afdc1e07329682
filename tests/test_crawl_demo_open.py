"""The acceptance crawl: the demo web with configs that follow every link (no follow or deny
patterns), so only the crawler's own rules keep it polite and bounded. Every article is
fetched once, no robots-disallowed URL is requested, traps are cut off, and every WARC
record reads back."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

import duckdb
import pytest
from warcio.archiveiterator import ArchiveIterator

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from demo.truth import truth_records
from pipeline.urls import url_key
from tests.cli import run_yuqi

pytestmark = pytest.mark.crawl

SITES = ("farm-b", "farm-c", "farm-f")  # DedeCMS (301 chains, /plus/), WordPress, portal (?sid=)


@pytest.fixture(scope="module")
def open_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Crawl three demo sites with follow-everything configs; return paths asked for."""
    root = tmp_path_factory.mktemp("open")
    sites, data = root / "sites", root / "data"
    server = DemoServer(port=0, size=400)
    asked: Counter[str] = Counter()
    lock = threading.Lock()
    respond = server.web.respond

    def counting(target: str, headers: dict[str, str]) -> Any:
        with lock:
            asked[target] += 1
        return respond(target, headers)

    server.web.respond = counting  # type: ignore[method-assign]
    with server:
        write_site_configs(server.base_url, sites)
        for path in sites.glob("*.toml"):
            if path.stem not in SITES:
                path.unlink()
                continue
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not ln.startswith(("follow_patterns", "deny_patterns"))]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        proc = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(data),
                        timeout=900)
        base = server.base_url
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {"data": data, "asked": asked, "base": base}


def test_every_article_fetched_exactly_once(open_crawl: dict[str, Any]) -> None:
    base = open_crawl["base"]
    truth = {str(r["url"]) for r in truth_records(base, size=400)
             if any(f"/{s}/" in str(r["url"]) for s in SITES)}
    con = duckdb.connect(str(open_crawl["data"] / "warehouse.duckdb"), read_only=True)
    rows = con.execute("SELECT final_url FROM fetches WHERE status = 200 AND is_article"
                       ).fetchall()
    docs = {str(u) for (u,) in con.execute("SELECT url FROM documents").fetchall()}
    con.close()
    per_key = Counter(url_key(str(u)) for (u,) in rows)
    assert {url_key(u) for u in truth} <= set(per_key)
    assert max(per_key.values()) == 1, [k for k, n in per_key.items() if n > 1][:5]
    assert truth <= docs


def test_no_disallowed_path_and_traps_cut_off(open_crawl: dict[str, Any]) -> None:
    asked: Counter[str] = open_crawl["asked"]
    assert not [p for p in asked if "/admin/" in p]
    assert not [p for p in asked if "/plus/" in p]  # Disallow: /farm-b/plus/
    for site in SITES:
        calendar = [p for p in asked if p.startswith(f"/{site}/date/")]
        # An endless calendar (prev/next month links from every entry month), bounded by
        # max_depth = 10 beyond the months the site links to: finite, not the 1000s it offers.
        assert len(calendar) <= 60, (site, len(calendar))


def test_every_warc_record_reads_back(open_crawl: dict[str, Any]) -> None:
    files = sorted((open_crawl["data"] / "archive").rglob("*.warc.gz"))
    assert files
    kinds: Counter[str] = Counter()
    for path in files:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                record.content_stream().read()
                kinds[record.rec_type] += 1
    assert kinds["response"] > 0
    assert kinds["request"] == kinds["response"] + kinds["revisit"]
