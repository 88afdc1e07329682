"""SSRF guard in a real crawl: with allow_private, only the start URL's host *and port*."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import run_yuqi
from tests.hostile_server import HostileServer


def test_other_loopback_ports_and_private_addresses_are_refused(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    with HostileServer() as canary:
        targets = (f"{canary.base_url}/steal", "http://169.254.169.254/latest/meta-data/",
                   "http://[::1]:1/x", "http://2130706433/x", "file:///etc/passwd")
        with HostileServer(extra_links=targets) as server:
            (sites / "farm.toml").write_text(
                f'name = "farm"\nstart_urls = ["{server.base_url}/"]\n'
                'allowed_domains = []\narticle_pattern = \'^/a/\\d+\\.html$\'\n'
                'deny_patterns = ["/loop/"]\nallow_private = true\n'
                "[politeness]\ndelay = 0\nconcurrency = 4\n", encoding="utf-8")
            proc = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir",
                            str(tmp_path / "d"), "--no-load", timeout=300)
            fetched = list(server.requests)
        stolen = list(canary.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/a/1.html" in fetched
    assert stolen == []
    manifest = json.loads(next((tmp_path / "d" / "spool").glob("*/manifest.json")).read_text())
    assert manifest["stats"]["total"].get("yuqi/refused/private_address", 0) >= 2
