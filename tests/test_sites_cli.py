"""`yuqi site new|check` and `yuqi crawl --check`, offline (the demo web on 127.0.0.1 only)."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from demo.server import DemoServer
from demo.site_configs import config_toml, site_configs
from pipeline.siteconfig import ConfigError, load_site_config, load_site_configs
from tests.cli import run_yuqi
from tests.test_siteconfig import GOOD, write
from yuqi.app.site_plan import plan_sites

ROOT = Path(__file__).resolve().parents[1]


# --- the enabled / disabled_reason keys, and which sites a crawl takes ---------------------

@pytest.mark.parametrize(("extra", "key"), [
    ("enabled = false", "disabled_reason"),
    ("enabled = false\ndisabled_reason = '  '", "disabled_reason"),
    ("disabled_reason = 'why'", "disabled_reason"),
    ("enabled = 'no'", "enabled"),
])
def test_enabled_keys_are_validated(tmp_path: Path, extra: str, key: str) -> None:
    path = write(tmp_path, GOOD.replace("max_depth = 10", f"max_depth = 10\n{extra}"))
    with pytest.raises(ConfigError, match=f"key '{key}'"):
        load_site_config(path)


def disabled_config(tmp_path: Path, name: str = "farm-b") -> Path:
    text = GOOD.replace('name = "farm-a"', f'name = "{name}"').replace(
        "max_depth = 10", "max_depth = 10\nenabled = false\ndisabled_reason = 'not checked'")
    return write(tmp_path, text, f"{name}.toml")


def test_plan_skips_disabled_sites_unless_named(tmp_path: Path) -> None:
    enabled = load_site_config(write(tmp_path, GOOD))
    disabled = load_site_config(disabled_config(tmp_path))
    assert disabled.disabled_reason == "not checked" and not disabled.enabled
    plan = plan_sites([enabled, disabled], None)
    assert plan.chosen == [enabled] and plan.skipped == [disabled] and plan.forced == []
    named = plan_sites([disabled], ["farm-b"])
    assert named.chosen == [disabled] and named.forced == [disabled] and named.skipped == []


def test_crawl_check_validates_the_starter_set_and_fetches_nothing(tmp_path: Path) -> None:
    proc = run_yuqi("crawl", "--check", "--sites-dir", "spiders/sites", "--data-dir",
                    str(tmp_path / "d"))
    assert proc.returncode == 0, proc.stderr
    configs = load_site_configs(ROOT / "spiders" / "sites")
    on = sum(c.enabled for c in configs)
    off = len(configs) - on
    assert re.search(rf"{len(configs)} site config\(s\) valid .*: {on} would be crawled, "
                     rf"{off} disabled, 0 warning\(s\); nothing fetched", proc.stdout)
    assert f"skipping {off} disabled site(s)" in proc.stderr
    assert len(re.findall(r"^ok  ", proc.stdout, re.MULTILINE)) == on
    assert not (tmp_path / "d").exists()


def test_crawl_check_passes_for_each_shipped_site_named() -> None:
    configs = load_site_configs(ROOT / "spiders" / "sites")
    names = [a for c in configs for a in ("--site", c.name)]
    proc = run_yuqi("crawl", "--check", "--sites-dir", "spiders/sites", *names)
    assert proc.returncode == 0, proc.stderr
    assert f"{len(configs)} would be crawled, 0 disabled, 0 warning(s)" in proc.stdout
    assert proc.stderr.count("but --site names it: taken") == sum(not c.enabled for c in configs)


def test_crawl_check_names_a_disabled_site_and_a_bad_config(tmp_path: Path) -> None:
    disabled_config(tmp_path)
    proc = run_yuqi("crawl", "--check", "--sites-dir", str(tmp_path), "--site", "farm-b")
    assert proc.returncode == 0, proc.stderr
    assert "farm-b: disabled (not checked), but --site names it" in proc.stderr
    assert "1 would be crawled" in proc.stdout
    only_disabled = run_yuqi("crawl", "--sites-dir", str(tmp_path), "--data-dir",
                             str(tmp_path / "d"))
    assert only_disabled.returncode == 2
    assert "every site config is disabled" in only_disabled.stderr
    write(tmp_path, GOOD.replace("max_pages = 5000", "max_pages = 0"), "farm-c.toml")
    bad = run_yuqi("crawl", "--check", "--sites-dir", str(tmp_path))
    assert bad.returncode == 2 and "farm-c.toml: key 'max_pages'" in bad.stderr


def test_crawl_check_warns_about_anchors_and_haste(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("'/a/\\d+\\.html$'", "'^/a/\\d+\\.html$'"))
    proc = run_yuqi("crawl", "--check", "--sites-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "article_pattern: '^/a/" in proc.stderr and "anchored with ^/" in proc.stderr
    assert "politeness: delay 1 s and concurrency 2 are fast for a real site" in proc.stderr
    assert "2 warning(s)" in proc.stdout


# --- yuqi site new ----------------------------------------------------------------------

def test_site_new_writes_a_config_that_loads_and_matches(tmp_path: Path) -> None:
    articles = ["https://www.tttti.com/a/201952.html", "http://www.tttti.com/a/194845.html"]
    lists = ["http://www.tttti.com/tags/105443.html", "https://tttti.com/tags/31332.html"]
    args = ["site", "new", *articles, *(a for u in lists for a in ("--list", u)),
            "--out", str(tmp_path)]
    proc = run_yuqi(*args)
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {tmp_path / 'tttti.com.toml'}" in proc.stdout
    assert "articles matched 2 of 2" in proc.stdout
    assert "matched as articles: 0, not followed: 0" in proc.stdout
    cfg = load_site_config(tmp_path / "tttti.com.toml")
    assert cfg.enabled and cfg.politeness.delay >= 2 and cfg.politeness.concurrency == 1
    assert all(cfg.is_article(u) for u in articles)
    assert not any(cfg.is_article(u) for u in lists)
    assert cfg.start_urls == tuple(lists)
    again = run_yuqi(*args)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert run_yuqi(*args, "--force").returncode == 0


def test_site_new_prints_toml_with_dash_and_refuses_bad_input(tmp_path: Path) -> None:
    printed = run_yuqi("site", "new", "https://futurio.cn/10955.html", "--name", "futurio",
                       "--out", "-")
    assert printed.returncode == 0, printed.stderr
    assert "name = 'futurio'" in printed.stdout and "article_pattern" in printed.stdout
    assert list(tmp_path.iterdir()) == []
    mixed = run_yuqi("site", "new", "https://a.cn/1.html", "https://b.cn/2.html", "--out",
                     str(tmp_path))
    assert mixed.returncode == 2 and "https://b.cn/2.html: not on the site" in mixed.stderr
    bad_name = run_yuqi("site", "new", "https://a.cn/1.html", "--name", "../x", "--out",
                        str(tmp_path))
    assert bad_name.returncode == 2 and "key 'name'" in bad_name.stderr
    assert list(tmp_path.iterdir()) == []


# --- yuqi site check on saved demo-web pages ---------------------------------------------

@pytest.fixture(scope="module")
def saved_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """A few farm-a pages of the demo web saved as files (wget-mirror layout), its config,
    and the base URL. The server is stopped before the tests run: the check is offline."""
    root = tmp_path_factory.mktemp("saved")
    pages, sites = root / "pages", root / "sites"
    sites.mkdir()
    with DemoServer(port=0, size=200) as server:
        base = server.base_url
        config = next(c for c in site_configs(base) if c["name"] == "farm-a")
        (sites / "farm-a.toml").write_text(config_toml(config), encoding="utf-8")
        home = urllib.request.urlopen(f"{base}/farm-a/", timeout=10).read()
        links = sorted(set(re.findall(rb"/farm-a/a/\d+\.html", home)))[:3]
        lists = sorted(set(re.findall(rb"/farm-a/list/\d+\.html", home)))[:1]
        assert len(links) == 3 and len(lists) == 1
        for path in [*lists, *links]:
            target = pages / path.decode().lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(urllib.request.urlopen(base + path.decode(), timeout=10).read())
        (pages / "farm-a" / "index.html").write_bytes(home)
    yield pages, sites, base


def test_site_check_reports_each_saved_page(saved_demo: tuple[Path, Path, str]) -> None:
    pages, sites, base = saved_demo
    proc = run_yuqi("site", "check", "farm-a", "--sites-dir", str(sites), "--html", str(pages))
    assert proc.returncode == 0, proc.stderr
    articles = re.findall(r"^article  (\S+)", proc.stdout, re.MULTILINE)
    assert len(articles) == 3 and all(re.fullmatch(
        re.escape(base) + r"/farm-a/a/\d+\.html", u) for u in articles)
    assert len(re.findall(r"^other    \S+  \[farm-a/(index|list/\d+)\.html\] \(not an article; "
                          r"followed for links\)$", proc.stdout, re.MULTILINE)) == 2
    assert len(re.findall(r"^  kept \d+ paragraph", proc.stdout, re.MULTILINE)) == 3
    assert re.search(r"^  drop \.related-art: [1-9]\d* element", proc.stdout, re.MULTILINE)
    assert re.search(r"^  claims: [1-9]", proc.stdout, re.MULTILINE)
    assert re.search(r"^farm-a: 5 saved page\(s\), 3 article\(s\), 3 document\(s\), "
                     r"[1-9]\d* claim\(s\)", proc.stdout, re.MULTILINE)


def test_site_check_fails_when_the_pattern_matches_nothing(
        saved_demo: tuple[Path, Path, str], tmp_path: Path) -> None:
    pages, sites, _ = saved_demo
    text = (sites / "farm-a.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^article_pattern = .*$", "article_pattern = '/nothing/\\\\d+\\\\.html$'",
                  text)
    (tmp_path / "farm-a.toml").write_text(text, encoding="utf-8")
    proc = run_yuqi("site", "check", "farm-a", "--sites-dir", str(tmp_path), "--html", str(pages))
    assert proc.returncode == 1
    assert "matches none of the 5 saved pages" in proc.stderr
    assert "0 article(s)" in proc.stdout


def test_site_check_reads_a_warc_file(saved_demo: tuple[Path, Path, str], tmp_path: Path
                                      ) -> None:
    pages, sites, base = saved_demo
    warc = tmp_path / "saved.warc.gz"
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for path in sorted(pages.rglob("*.html")):
            url = f"{base}/{path.relative_to(pages).as_posix()}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=path.open("rb"), http_headers=headers))
    proc = run_yuqi("site", "check", "farm-a", "--sites-dir", str(sites), "--warc", str(warc))
    assert proc.returncode == 0, proc.stderr
    assert "farm-a: 5 saved page(s), 3 article(s), 3 document(s)" in proc.stdout
    assert "saved.warc.gz@" in proc.stdout


def test_site_check_needs_exactly_one_source(saved_demo: tuple[Path, Path, str]) -> None:
    pages, sites, _ = saved_demo
    neither = run_yuqi("site", "check", "farm-a", "--sites-dir", str(sites))
    assert neither.returncode == 2 and "give one of --html DIR or --warc FILE" in neither.stderr
    empty = run_yuqi("site", "check", "farm-a", "--sites-dir", str(sites), "--html",
                     str(sites))
    assert empty.returncode == 2 and "no saved pages" in empty.stderr
