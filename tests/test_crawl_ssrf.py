"""SSRF guard in a real crawl: with allow_private, only the start URL's host *and port*."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.stat_keys import Stat
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
    assert manifest["stats"]["total"].get(Stat.REFUSED_PRIVATE_ADDRESS, 0) >= 2


def _write_site(sites: Path, start: str, allow_private: bool, extra: str = "") -> None:
    sites.mkdir(exist_ok=True)
    (sites / "farm.toml").write_text(
        f'name = "farm"\nstart_urls = ["{start}"]\n'
        'allowed_domains = []\narticle_pattern = \'^/a/\\d+\\.html$\'\n'
        f'deny_patterns = ["/loop/"]\nallow_private = {str(allow_private).lower()}\n{extra}'
        "[politeness]\ndelay = 0\nconcurrency = 4\n", encoding="utf-8")


def _stats(data: Path) -> dict[str, int]:
    manifests = list((data / "spool").glob("*/manifest.json"))
    if not manifests:
        return {}
    return dict(json.loads(manifests[0].read_text())["stats"]["total"])


def test_redirects_and_meta_refresh_to_private_targets_are_refused(tmp_path: Path) -> None:
    from tests.hostile_server import Route

    with HostileServer() as canary:
        steal = f"{canary.base_url}/steal"
        routes = {
            "/r1": Route(302, [("Location", steal)]),
            "/r2": Route(301, [("Location", "http://169.254.169.254/latest/meta-data/")]),
            "/r3": Route(302, [("Location", "http://0x7f000001:1/x")]),
            "/m1": Route(200, body=f"<html><head><meta http-equiv='refresh' content='0;url="
                                   f"{steal}2'></head><body>x</body></html>".encode()),
        }
        forms = ("http://0177.0.0.1:1/x", "http://[::ffff:127.0.0.1]:1/x", "http://10.0.0.1/x",
                 "http://172.16.0.1/x", "http://192.168.0.1/x", "http://localhost:1/x")
        with HostileServer(extra_links=("/r1", "/r2", "/r3", "/m1", *forms),
                           routes=routes) as server:
            _write_site(tmp_path / "sites", f"{server.base_url}/", True)
            proc = run_yuqi("crawl", "--sites-dir", str(tmp_path / "sites"), "--data-dir",
                            str(tmp_path / "d"), "--no-load", timeout=300)
            fetched = list(server.requests)
        stolen = list(canary.requests)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"/r1", "/r2", "/r3", "/m1", "/a/1.html"} <= set(fetched)
    assert stolen == []
    stats = _stats(tmp_path / "d")
    # Three redirect targets, the meta refresh and six address forms: each refused, counted.
    assert stats.get(Stat.REFUSED_PRIVATE_ADDRESS, 0) >= 3 + 1 + len(forms)
    assert "guard refused" in proc.stderr


def test_without_allow_private_a_name_resolving_to_loopback_is_refused(tmp_path: Path) -> None:
    with HostileServer() as server:
        port = server.server.server_address[1]
        _write_site(tmp_path / "sites", f"http://localhost:{port}/", False)
        proc = run_yuqi("crawl", "--sites-dir", str(tmp_path / "sites"), "--data-dir",
                        str(tmp_path / "d"), "--no-load", timeout=300)
        fetched = list(server.requests)
    assert fetched == []
    assert proc.returncode == 1
    assert "fetched nothing: refused/private_address" in proc.stderr
    assert "allow_private = true" in proc.stderr
