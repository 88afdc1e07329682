"""Incremental recrawl of the demo web: unchanged articles are not downloaded again; on the
next simulated day new and edited articles are fetched and deleted ones marked gone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import duckdb
import pytest

from demo.server import DemoServer
from demo.site_configs import write_site_configs
from demo.truth import truth_records
from pipeline.stat_keys import Stat
from tests.cli import run_yuqi

pytestmark = pytest.mark.crawl

SIZE = 60


def _crawl(sites: Path, data: Path) -> str:
    proc = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(data), timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def _latest_run(data: Path) -> str:
    runs = sorted(p.name for p in (data / "spool").iterdir() if (p / "manifest.json").exists())
    return runs[-1]


def _stats(data: Path, run_id: str) -> dict[str, int]:
    manifest = json.loads((data / "spool" / run_id / "manifest.json").read_text())
    return dict(manifest["stats"]["total"])


class Recrawl(NamedTuple):
    """The data dir, the demo web's base URL and the three run ids (day 0, day 0, day 1)."""

    data: Path
    base: str
    runs: list[str]


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory: pytest.TempPathFactory) -> Recrawl:
    """Crawl day 0 twice, then day 1, on one port; return what each run did."""
    root = tmp_path_factory.mktemp("recrawl")
    data, sites = root / "data", root / "sites"
    runs: list[str] = []
    with DemoServer(port=0, size=SIZE, day=0) as server:
        port = server.port
        base = server.base_url
        write_site_configs(base, sites)
        _crawl(sites, data)
        runs.append(_latest_run(data))
        report = run_yuqi("report", "--data-dir", str(data), "--out", str(root / "report-day0"))
        assert report.returncode == 0, report.stderr[-2000:]
        _crawl(sites, data)
        runs.append(_latest_run(data))
    with DemoServer(port=port, size=SIZE, day=1):
        _crawl(sites, data)
        runs.append(_latest_run(data))
        report = run_yuqi("report", "--data-dir", str(data), "--out", str(root / "report-day1"))
        assert report.returncode == 0, report.stderr[-2000:]
        # Fourth run: no sitemaps, a 24-hour recrawl interval: known articles are not asked for.
        for path in sites.glob("*.toml"):
            text = path.read_text(encoding="utf-8")
            text = "\n".join("sitemaps = []" if ln.startswith("sitemaps") else ln
                             for ln in text.splitlines())
            path.write_text(text.replace("[politeness]", "recrawl_interval = 24\n[politeness]"),
                            encoding="utf-8")
        _crawl(sites, data)
        runs.append(_latest_run(data))
    return Recrawl(data, base, runs)


def _query(data: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_second_crawl_downloads_no_unchanged_article(recrawled: Recrawl) -> None:
    data = recrawled.data
    first, second = recrawled.runs[:2]
    downloaded = _query(data, "SELECT count(*) FROM fetches WHERE run_id = ? AND is_article"
                              " AND status = 200", [second])[0][0]
    assert downloaded == 0
    stats = _stats(data, second)
    articles = _query(data, "SELECT count(DISTINCT url) FROM fetches WHERE run_id = ?"
                            " AND is_article AND status = 200", [first])[0][0]
    assert isinstance(articles, int) and articles > 0
    assert stats.get(Stat.UNCHANGED, 0) + stats.get(Stat.SKIPPED_SITEMAP_UNCHANGED, 0) \
        >= articles


def test_first_crawl_fetched_each_article_once(recrawled: Recrawl) -> None:
    data = recrawled.data
    first = recrawled.runs[0]
    truth = {r["url"] for r in truth_records(recrawled.base, size=SIZE, day=0)}
    rows = _query(data, "SELECT url, count(*) FROM fetches WHERE run_id = ? AND is_article"
                        " AND status = 200 GROUP BY url", [first])
    fetched = {str(u): int(str(n)) for u, n in rows}
    assert truth <= set(fetched)
    assert max(fetched.values()) == 1


def test_next_day_fetches_new_and_edited_and_marks_deleted_gone(
        recrawled: Recrawl) -> None:
    data = recrawled.data
    third = recrawled.runs[2]
    records = list(truth_records(recrawled.base, size=SIZE, day=1))
    new = {r["url"] for r in records if r["created_day"] == 1}
    edited = {r["url"] for r in records if r["edited_day"] == 1 and r["created_day"] < 1
              and r["deleted_day"] is None}
    deleted = {r["url"] for r in records if r["deleted_day"] == 1 and r["created_day"] < 1}
    assert new and edited and deleted, "the demo web's day 1 should have all three kinds"
    downloaded = {str(u) for (u,) in _query(
        data, "SELECT url FROM fetches WHERE run_id = ? AND is_article AND status = 200",
        [third])}
    assert new <= downloaded
    assert edited <= downloaded
    unchanged = {r["url"] for r in records if r["created_day"] < 1 and r["edited_day"] is None
                 and r["deleted_day"] is None}
    assert not (unchanged & downloaded)
    status = {str(u): (str(s), int(str(v))) for u, s, v in _query(
        data, "SELECT url, status, version FROM documents")}
    assert all(status[u][0] == "gone" for u in deleted if u in status)
    assert deleted & set(status)
    assert edited & set(status)
    assert all(status[u][1] >= 2 for u in edited if u in status)


def test_run_stats_are_queryable_in_crawl_runs(recrawled: Recrawl) -> None:
    data = recrawled.data
    second = recrawled.runs[1]
    manifest = _stats(data, second)
    rows = _query(data, "SELECT CAST(stats->'summary'->>'unchanged' AS INTEGER),"
                        " CAST(stats->'summary'->>'responses' AS INTEGER),"
                        " CAST(stats->'summary'->>'bytes' AS INTEGER)"
                        " FROM crawl_runs WHERE run_id = ?", [second])
    unchanged, responses, size = rows[0]
    assert unchanged == manifest.get(Stat.UNCHANGED, 0) + manifest.get(
        Stat.SKIPPED_SITEMAP_UNCHANGED, 0)
    assert isinstance(unchanged, int) and unchanged > 0
    assert responses == manifest[Stat.ARCHIVED]
    assert isinstance(size, int) and size > 0


def test_recrawl_interval_skips_recently_checked_articles(recrawled: Recrawl) -> None:
    data = recrawled.data
    fourth = recrawled.runs[3]
    asked = _query(data, "SELECT count(*) FROM fetches WHERE run_id = ? AND is_article"
                         " AND status IN (200, 304)", [fourth])[0][0]
    assert asked == 0
    live = _query(data, "SELECT count(*) FROM documents WHERE status = 'live'")[0][0]
    assert isinstance(live, int) and live > 0
    assert _stats(data, fourth).get(Stat.SKIPPED_RECENTLY_CHECKED, 0) >= live


def test_unchanged_articles_are_archived_as_revisits_referring_to_the_first_copy(
        recrawled: Recrawl) -> None:
    import re

    from warcio.archiveiterator import ArchiveIterator

    first, second = recrawled.runs[:2]
    first_ids = {str(r) for (r,) in _query(recrawled.data, "SELECT warc_record_id FROM fetches"
                                                          " WHERE run_id = ?", [first])}
    revisits = []
    for path in (recrawled.data / "archive" / second).glob("*.warc.gz"):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "revisit":
                    revisits.append(record.rec_headers)
    assert revisits
    for headers in revisits:
        assert headers.get_header("WARC-Refers-To") in first_ids
        date = headers.get_header("WARC-Refers-To-Date") or ""
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date), date


def test_day_one_report_lists_what_changed(recrawled: Recrawl) -> None:
    import re

    html = (recrawled.data.parent / "report-day1" / "report.html").read_text(encoding="utf-8")
    records = list(truth_records(recrawled.base, size=SIZE, day=1))
    docs = {str(u) for (u,) in _query(recrawled.data, "SELECT url FROM documents")}

    def shown(label: str) -> int:
        found = re.search(re.escape(label) + r'</th><td class="num">(\d+)<', html)
        assert found, label
        return int(found.group(1))

    new = {r["url"] for r in records if r["created_day"] == 1} & docs
    gone = {r["url"] for r in records if r["deleted_day"] == 1 and r["created_day"] < 1} & docs
    assert shown("New articles") == len(new) > 0
    assert shown("Vanished articles (404/410)") == len(gone) > 0
    edited_in_run = _query(recrawled.data, "SELECT count(*) FROM document_versions"
                                           " WHERE run_id = ? AND version > 1",
                           [recrawled.runs[2]])[0][0]
    assert shown("Edited articles") == edited_in_run
    assert isinstance(edited_in_run, int) and edited_in_run > 0
    for url in sorted(gone)[:5]:
        assert url.replace("&", "&amp;") in html


def _stance_table(path: Path) -> dict[str, dict[str, int]]:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(path.read_bytes())
    return {str(row.get("data-topic")): {str(c.get("data-stance")): int(c.get("data-sources"))
                                         for c in row.xpath("./td[@data-stance]")}
            for row in tree.xpath("//table[@id='stance-table']//tr[@data-topic]")}


def test_day_one_stance_shifts_match_the_two_reports(recrawled: Recrawl) -> None:
    import re

    from lxml import html as lxml_html

    root = recrawled.data.parent
    before = _stance_table(root / "report-day0" / "report.html")
    now = _stance_table(root / "report-day1" / "report.html")
    changed = {t for t in set(before) | set(now) if before.get(t) != now.get(t)
               and any(before.get(t, {}).get(s, 0) != now.get(t, {}).get(s, 0)
                       for s in set(before.get(t, {})) | set(now.get(t, {})))}
    assert changed, "day 1 of the demo web should move some topic's stance counts"
    tree = lxml_html.fromstring((root / "report-day1" / "report.html").read_bytes())
    header = [th.text_content().split()[0]
              for th in tree.xpath("//table[@id='stance-shifts']//tr[1]/th")[1:]]
    shown: dict[str, dict[str, tuple[int, int, int]]] = {}
    for row in tree.xpath("//table[@id='stance-shifts']//tr[@data-topic]"):
        cells = [c.text_content() for c in row.xpath("./td")[1:]]
        parsed = [re.search(r"(\d+)% → (\d+)% \(([+-]\d+)\)", c) for c in cells]
        shown[str(row.get("data-topic"))] = {
            stance: (int(m.group(1)), int(m.group(2)), int(m.group(3)))
            for stance, m in zip(header, parsed, strict=True) if m}
    assert set(shown) == changed

    def percent(table: dict[str, dict[str, int]], topic: str, stance: str) -> float:
        counts = table.get(topic, {})
        total = sum(counts.get(s, 0) for s in header)
        return 100 * counts.get(stance, 0) / total if total else 0.0

    for topic, cells in shown.items():
        assert set(cells) == set(header)
        for stance, (was, is_now, delta) in cells.items():
            assert abs(was - percent(before, topic, stance)) <= 1, (topic, stance)
            assert abs(is_now - percent(now, topic, stance)) <= 1, (topic, stance)
            assert delta == is_now - was


def test_day_one_findings_name_the_changes_and_the_shift(recrawled: Recrawl) -> None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(
        (recrawled.data.parent / "report-day1" / "report.html").read_bytes())
    findings = {li.get("data-finding"): li for li in
                tree.xpath("//section[@id='findings']//li[@data-finding]")}
    changes = findings["changes"]
    titles = dict(_query(recrawled.data,
                         "SELECT change, list(title ORDER BY url) FROM v_changes "
                         "WHERE run_id = ? GROUP BY change", [recrawled.runs[2]]))
    assert titles.get("new") and titles.get("gone")
    text = changes.text_content()
    for kind in ("new", "edited", "gone"):
        assert int(changes.get(f"data-{kind}")) == len(titles.get(kind, []))
        assert any(str(t) in text for t in titles.get(kind, [])) or not titles.get(kind)
    assert "stance_shift" in findings
    assert findings["stance_shift"].get("data-topic") in _stance_table(
        recrawled.data.parent / "report-day1" / "report.html")
