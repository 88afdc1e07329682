"""A real crawl into an endless `/loop/loop/...` trap ends, refusing the trap URLs."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.stat_keys import StatGroup
from tests.cli import run_yuqi
from tests.hostile_server import HostileServer


def test_crawl_stops_at_repeated_segments(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    with HostileServer() as server:
        (sites / "trap.toml").write_text(
            f'name = "trap"\nstart_urls = ["{server.base_url}/"]\n'
            'allowed_domains = ["127.0.0.1"]\narticle_pattern = \'^/a/\\d+\\.html$\'\n'
            "max_depth = 50\nallow_private = true\n[politeness]\ndelay = 0\nconcurrency = 4\n",
            encoding="utf-8")
        proc = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(tmp_path / "d"),
                        "--no-load", timeout=300)
        requests = list(server.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/a/1.html" in requests
    loops = [p for p in requests if p.startswith("/loop/")]
    assert loops and max(p.count("loop") for p in loops) <= 2
    manifest = json.loads(next((tmp_path / "d" / "spool").glob("*/manifest.json")).read_text())
    assert manifest["stats"]["total"][StatGroup.REFUSED.key("trap_segment_repeats")] >= 1
