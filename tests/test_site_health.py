"""Issue 18: site health. Each site is checked against its own history after `yuqi run`;
a broken site makes the run exit 3 with alerts naming it, stored in the warehouse, written to
status.json and shown at the top of the report; the demo web's normal day-to-day edits and
deletions raise no alert."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from pipeline.health import SiteRun, check_site, site_run
from pipeline.stat_keys import ScrapyStat, Stat, StatGroup
from tests.cli import run_yuqi
from tests.hostile_server import ARTICLE, HostileServer, Route
from tests.webhook import recording_webhook

USUAL = SiteRun("r0", "farm-x", responses=60, documents=50, unchanged=0, claims=500,
                dropped=2, errors=0, robots_disallowed=0)


def _checks(run: SiteRun, history: list[SiteRun]) -> set[str]:
    return {a.check for a in check_site(run, history)}


def test_a_site_in_line_with_its_history_raises_nothing() -> None:
    day1 = replace(USUAL, run_id="r1", documents=12, unchanged=36, claims=130)
    assert _checks(day1, [USUAL]) == set()
    assert _checks(replace(USUAL, documents=3, claims=20), []) == set()  # small and new


def test_each_kind_of_breakage_is_named_with_its_figure_and_baseline() -> None:
    assert _checks(replace(USUAL, documents=0, claims=0, dropped=0), [USUAL]) == {"no_articles"}
    robots = replace(USUAL, responses=1, documents=0, claims=0, dropped=0, robots_disallowed=40)
    alert = check_site(robots, [USUAL])[0]
    assert alert.check == "robots_refuse_all" and "farm-x" in alert.message
    shells = replace(USUAL, documents=10, dropped=40, claims=100)
    found = check_site(shells, [USUAL])
    assert {a.check for a in found} == {"extraction_collapse"}
    assert found[0].figure == 0.8 and found[0].baseline == pytest.approx(2 / 52)
    assert _checks(replace(USUAL, claims=100), [USUAL]) == {"claims_collapse"}
    assert _checks(replace(USUAL, errors=40), [USUAL]) == {"error_spike"}
    assert _checks(replace(USUAL, documents=20, claims=200), [USUAL]) == {"article_drop"}
    moved = check_site(replace(USUAL, entry_failures=1, entry_failed="http://x/: 404"), [USUAL])
    assert [(a.check, a.figure, a.baseline) for a in moved] == [("entry_failed", 1, 0)]
    assert "http://x/: 404" in moved[0].message
    always = replace(USUAL, entry_failures=1)  # a sitemap that has always failed: no news
    assert _checks(always, [always, always]) == set()


def test_stats_are_read_from_the_stat_keys() -> None:
    run = site_run("r", "s", {Stat.ARCHIVED: 10, Stat.DOCUMENTS: 7, Stat.UNCHANGED: 2,
                              Stat.CLAIMS: 70, StatGroup.DROPPED.key("no_text"): 3,
                              ScrapyStat.STATUS_PREFIX + "503": 4,
                              ScrapyStat.STATUS_PREFIX + "404": 9,
                              ScrapyStat.EXCEPTION_COUNT: 1})
    assert (run.articles, run.dropped, run.errors) == (12, 3, 5)


def _run(sites: Path, data: Path) -> tuple[int, str]:
    proc = run_yuqi("run", "--sites-dir", str(sites), "--data-dir", str(data), timeout=600)
    return proc.returncode, proc.stderr


@pytest.mark.slow
def test_yuqi_run_exits_3_naming_broken_sites_and_0_on_a_normal_day(tmp_path: Path) -> None:
    sites, data = tmp_path / "sites", tmp_path / "data"
    data.mkdir()
    with recording_webhook() as (url, posts):
        (data / "alerts.toml").write_text(f'[webhook]\nurl = "{url}"\n', encoding="utf-8")
        with DemoServer(port=0, size=60, day=0) as server:
            port = server.port
            write_site_configs(server.base_url, sites)
            code, stderr = _run(sites, data)
            assert code == 0, stderr[-2000:]
        with DemoServer(port=port, size=60, day=1):
            code, stderr = _run(sites, data)  # new, edited and deleted articles: no alarm
            assert code == 0, stderr[-2000:]
            assert posts == []
            broken = sites / "farm-a.toml"
            broken.write_text(re.sub(r"(?m)^article_pattern = .*$",
                                     "article_pattern = '^/nothing-matches-this/$'",
                                     broken.read_text(encoding="utf-8")), encoding="utf-8")
            moved = sites / "farm-b.toml"  # its start URL now answers 404
            moved.write_text(re.sub(r"(?m)^start_urls = \[\"([^\"]+?)/?\"\]",
                                    r'start_urls = ["\1/moved-away/"]',
                                    moved.read_text(encoding="utf-8")), encoding="utf-8")
            assert "/moved-away/" in moved.read_text(encoding="utf-8")
            code, stderr = _run(sites, data)
    assert code == 3, stderr[-2000:]
    assert len(posts) == 1 and posts[0]["json"]["status"] == "alerts"
    assert sorted(a["site"] for a in posts[0]["json"]["alerts"]) == ["farm-a", "farm-b"]
    assert "farm-a" in stderr and "no article fetched" in stderr
    assert "farm-b" in stderr and "/moved-away/: 404" in stderr
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    rows = con.execute("SELECT run_id, site, \"check\", severity FROM v_site_health "
                       "ORDER BY site").fetchall()
    con.close()
    assert [(s, c, v) for _, s, c, v in rows] == [("farm-a", "no_articles", "error"),
                                                  ("farm-b", "entry_failed", "error")]
    status = json.loads((data / "runs" / rows[0][0] / "status.json").read_text("utf-8"))
    assert status["healthy"] is False and status["alerts"][0]["site"] == "farm-a"
    html = (data / "reports" / "latest" / "report.html").read_text(encoding="utf-8")
    assert 'id="site-health"' in html and 'data-site="farm-a"' in html
    log = (data / "runs" / rows[0][0] / "yuqi.log").read_text(encoding="utf-8")
    assert "farm-a" in log and "Spider opened" in log  # the run's log, Scrapy's lines too


def test_the_systemd_units_in_the_repo_verify(tmp_path: Path) -> None:
    import shutil
    import subprocess

    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    units = Path(__file__).resolve().parents[1] / "docs" / "systemd"
    service = (units / "yuqi.service").read_text(encoding="utf-8")
    assert "SuccessExitStatus=3 75" in service
    # the unit names a deployment path; verify it with a command that exists here
    (tmp_path / "yuqi.service").write_text(
        re.sub(r"ExecStart=\S+", "ExecStart=/bin/true", service), encoding="utf-8")
    shutil.copy(units / "yuqi.timer", tmp_path / "yuqi.timer")
    proc = subprocess.run([analyze, "verify", str(tmp_path / "yuqi.service"),
                           str(tmp_path / "yuqi.timer")], capture_output=True, text=True,
                          check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "yuqi" not in proc.stderr, proc.stderr


def _site(tmp_path: Path, base: str) -> Path:
    sites = tmp_path / "sites"
    sites.mkdir(exist_ok=True)
    (sites / "hostile.toml").write_text(
        f'name = "hostile"\nstart_urls = ["{base}/"]\nallowed_domains = ["127.0.0.1"]\n'
        "article_pattern = '^/a/\\d+\\.html$'\nmax_depth = 2\nallow_private = true\n"
        "[politeness]\ndelay = 0\nconcurrency = 4\n", encoding="utf-8")
    return sites


def _articles(n: int, shell: bool) -> dict[str, Route | Callable[[str], Route]]:
    index = "".join(f"<a href='/a/{i}.html'>{i}</a>" for i in range(n))
    routes: dict[str, Route | Callable[[str], Route]] = {
        "/": Route(body=f"<html><body>{index}</body></html>".encode())}
    page = ("<html><head><title>x</title></head><body><div id='app'></div>"
            "<script src='/app.js'></script></body></html>" if shell else ARTICLE)
    for i in range(n):
        body = page if shell else page.replace("</article>", f"<p>这是第{i}篇问答。</p></article>")
        routes[f"/a/{i}.html"] = Route(body=body.encode("utf-8"))
    return routes


@pytest.mark.crawl
def test_pages_turned_into_javascript_shells_are_an_extraction_collapse(tmp_path: Path
                                                                          ) -> None:
    data = tmp_path / "data"
    with HostileServer(routes=_articles(12, shell=False)) as server:
        sites = _site(tmp_path, server.base_url)
        code, stderr = _run(sites, data)
        assert code == 0, stderr[-2000:]
        server.routes.update(_articles(12, shell=True))
        code, stderr = _run(sites, data)
    assert code == 3, stderr[-2000:]
    assert "hostile" in stderr and "extraction dropped" in stderr


@pytest.mark.crawl
def test_a_site_whose_robots_txt_refuses_everything_is_named(tmp_path: Path) -> None:
    refuse = Route(headers=[("Content-Type", "text/plain")], body=b"User-agent: *\nDisallow: /\n")
    with HostileServer(routes={"/robots.txt": refuse, **_articles(3, shell=False)}) as server:
        code, stderr = _run(_site(tmp_path, server.base_url), tmp_path / "data")
    assert code == 3, stderr[-2000:]
    assert "hostile: robots.txt refused every request" in " ".join(stderr.split())
