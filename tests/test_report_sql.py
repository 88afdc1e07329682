"""Figures match SQL: the report's numbers, recomputed with direct queries over the tables.

The direct queries below follow DOMAIN.md §3 from the base tables (claims, documents,
clusters), not the report's queries or the warehouse views: a sentence family counts once
(its earliest copy), a duplicate cluster is one source, questions are left out, only
descriptive claims are compared, and the two warning topics get no stance shares.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
from lxml import html as lxml_html

from pipeline.errors import UsageError
from reports.build import ReportFilters, build_report
from tests.helpers import EARLIEST_CLAIMS_SQL
from warehouse.connect import warehouse_path

DIRECT_SHARES = EARLIEST_CLAIMS_SQL + """
SELECT DISTINCT t.topic, e.source, e.stance
FROM earliest e, unnest(e.topics) AS t(topic)
WHERE e.modality = 'descriptive' AND e.stance IN ('affirms', 'conditional', 'denies')
  AND (? IS NULL OR list_contains(e.products, ?))
"""
WARNING_TOPICS = {"debt_help_scam", "fake_collection"}


def _net(stances: set[str]) -> str:
    """A source's net stance on a topic, as the README defines it."""
    if {"affirms", "denies"} <= stances:
        return "mixed"
    return next(s for s in ("affirms", "conditional", "denies") if s in stances)


def _direct(db: Path, product: str | None = None) -> dict[str, dict[str, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(DIRECT_SHARES, [product, product]).fetchall()
    finally:
        con.close()
    said: dict[tuple[str, str], set[str]] = defaultdict(set)
    for topic, source, stance in rows:
        if topic not in WARNING_TOPICS:
            said[(topic, source)].add(stance)
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (topic, _), stances in said.items():
        out[topic][_net(stances)] += 1
    return {topic: dict(counts) for topic, counts in out.items()}


def _rendered(html_path: Path) -> tuple[dict[str, dict[str, int]], lxml_html.HtmlElement]:
    tree = lxml_html.fromstring(html_path.read_text(encoding="utf-8"))
    table: dict[str, dict[str, int]] = {}
    for row in tree.xpath("//table[@id='stance-table']//tr[@data-topic]"):
        cells = row.xpath("./td[@data-stance]")
        table[row.get("data-topic")] = {c.get("data-stance"): int(c.get("data-sources"))
                                        for c in cells if int(c.get("data-sources"))}
        for cell in cells:  # the visible text says the same as the attribute
            n = int(cell.get("data-sources"))
            total = sum(int(c.get("data-sources")) for c in cells)
            assert cell.text_content().strip() == f"{n} ({round(100 * n / total)}%)"
    return table, tree


@pytest.fixture(scope="module")
def demo_db(demo_run: tuple[Path, str]) -> Path:
    """The demo warehouse file."""
    return warehouse_path(demo_run[0])


def test_stance_shares_match_a_direct_query(demo_db: Path, tmp_path: Path) -> None:
    out = build_report(demo_db, tmp_path, ["html", "md"], ReportFilters(), tmp_path / "r")
    html_path = next(p for p in out if p.suffix == ".html")
    table, tree = _rendered(html_path)
    direct = _direct(demo_db)
    assert len(direct) >= 8
    assert table == direct
    # the charts carry the same numbers
    for topic, shares in direct.items():
        rects = tree.xpath(f"//div[@class='chart' and @data-topic='{topic}']//rect[@data-stance]")
        assert {r.get("data-stance"): int(r.get("data-sources")) for r in rects} == shares
    # and so does the Markdown table
    md = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    for topic, shares in direct.items():
        row = re.search(rf"^\| (?:\S+ )?{topic} \| (\d+) \(\d+%\) \| (\d+) \(\d+%\) \| "
                        rf"(\d+) \(\d+%\) \| (\d+) \(\d+%\) \| (\d+) \|", md, re.M)
        assert row, topic
        assert [int(x) for x in row.groups()] == [shares.get(s, 0) for s in (
            "affirms", "conditional", "denies", "mixed")] + [sum(shares.values())]


def test_product_filter_matches_a_direct_query(demo_db: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        product = con.execute(
            "SELECT p FROM claims, unnest(products) AS u(p) GROUP BY p ORDER BY count(*) DESC, p"
            " LIMIT 1").fetchall()[0][0]
    finally:
        con.close()
    out = build_report(demo_db, tmp_path, ["html"], ReportFilters(product=product),
                       tmp_path / "r")
    table, tree = _rendered(out[0])
    direct = _direct(demo_db, product)
    assert direct and direct != _direct(demo_db)
    assert table == direct
    assert f"product={product}" in tree.xpath("string(//span[@id='filters'])")


def test_quality_figures_match_the_flags(demo_db: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        flags = [f for (fl,) in con.execute("SELECT flags FROM documents").fetchall()
                 for f in (fl or [])]
        versions = con.execute(
            "SELECT (SELECT list(DISTINCT extractor_version) FROM documents),"
            " (SELECT list(DISTINCT tagger_version) FROM claims)").fetchall()[0]
    finally:
        con.close()
    gaps = sum(int(f.split(":", 1)[1]) for f in flags if f.startswith("glyph_gap_count:"))
    gap_docs = sum(1 for f in flags if f.startswith("glyph_gap_count:"))
    repaired = sum(1 for f in flags if f.startswith("encoding_repaired:"))
    out = build_report(demo_db, tmp_path, ["html"], ReportFilters(), tmp_path / "r")
    tree = lxml_html.fromstring(out[0].read_text(encoding="utf-8"))
    cells = {row.xpath("string(./th)"): row.xpath("string(./td)")
             for row in tree.xpath("//table[@id='flags']//tr")}
    assert gaps > 0 and repaired > 0
    assert int(cells["Glyph gaps found"]) == gaps
    assert int(cells["Documents with glyph gaps found"]) == gap_docs
    assert sum(int(v) for k, v in cells.items() if k.startswith("Encoding repaired:")) == repaired
    assert tree.xpath("string(//span[@id='extractor-version'])") == ", ".join(sorted(versions[0]))
    assert tree.xpath("string(//span[@id='tagger-version'])") == ", ".join(sorted(versions[1]))


def test_contradiction_pairs_are_real_contradictions(demo_db: Path, tmp_path: Path) -> None:
    out = build_report(demo_db, tmp_path, ["html"], ReportFilters(), tmp_path / "r")
    tree = lxml_html.fromstring(out[0].read_text(encoding="utf-8"))
    shown = [(q.get("data-affirm-claim"), q.get("data-deny-claim"))
             for q in tree.xpath("//section[@id='contradictions']//div[@data-pair]")]
    assert shown
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        # both claims descriptive, opposite stances (an affirmation may be conditional on an
        # overdue duration only), a shared topic, overlapping product scope (the same product
        # or one side names none), different duplicate clusters
        for affirm, deny in shown:
            rows = con.execute("""
                SELECT a.stance = 'affirms' OR (a.stance = 'conditional'
                                                AND a.anchor = 'overdue'),
                       b.stance, a.modality, b.modality,
                       len(list_intersect(a.topics, b.topics)) > 0,
                       coalesce(ka.cluster_id, 'c-' || a.doc_id)
                         <> coalesce(kb.cluster_id, 'c-' || b.doc_id),
                       len(a.products) = 0 OR len(b.products) = 0
                         OR len(list_intersect(a.products, b.products)) > 0
                FROM claims a, claims b
                LEFT JOIN clusters ka ON ka.doc_id = a.doc_id
                LEFT JOIN clusters kb ON kb.doc_id = b.doc_id
                WHERE a.claim_id = ? AND b.claim_id = ?""", [affirm, deny]).fetchall()
            assert rows == [(True, "denies", "descriptive", "descriptive", True, True,
                             True)], (affirm, deny)
    finally:
        con.close()


def test_sql_injection_in_filters_matches_nothing(demo_db: Path, tmp_path: Path) -> None:
    hostile = (ReportFilters(product="' OR 1=1 --"), ReportFilters(site="%"),
               ReportFilters(topic="_"))
    for filters in hostile:  # unknown names are refused before any report query runs
        with pytest.raises(UsageError, match="no such"):
            build_report(demo_db, tmp_path, ["md"], filters, tmp_path / "r")
    # ... and the report queries bind them as values all the same.
    from reports.build import run_query

    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        con.execute(Path(__file__).resolve().parents[1].joinpath(
            "reports", "macros.sql").read_text(encoding="utf-8"))
        for filters in hostile:
            params = {**filters.params(), "run": None, "previous": None}
            assert run_query(con, "overview", params)[0]["claims"] == 0
    finally:
        con.close()
    with pytest.raises(UsageError, match="--since"):
        build_report(demo_db, tmp_path, ["md"], ReportFilters(since="yesterday'--"),
                     tmp_path / "r")


def test_findings_numbers_match_direct_queries(demo_db: Path, tmp_path: Path) -> None:
    out = build_report(demo_db, tmp_path, ["html"], ReportFilters(), tmp_path / "r")
    tree = lxml_html.fromstring(out[0].read_text(encoding="utf-8"))
    findings = tree.xpath("//section[@id='findings']//li[@data-finding]")
    assert findings, "the report opens with findings"
    first_section = tree.xpath("//section[@data-section]")[0]
    assert first_section.get("id") == "findings"
    direct = _direct(demo_db)
    disputed = [f for f in findings if f.get("data-finding") == "disputed_topic"]
    assert disputed
    for item in disputed:
        shares = direct[item.get("data-topic")]
        assert int(item.get("data-sources")) == sum(shares.values())
        for stance in ("affirms", "conditional", "denies", "mixed"):
            assert int(item.get(f"data-{stance}")) == shares.get(stance, 0)
        assert f"of {sum(shares.values())} sources" in item.text_content()
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        spread = {topic: (n, lo, hi) for topic, n, lo, hi in con.execute("""
            SELECT t.topic, count(DISTINCT coalesce(k.cluster_id, 'c-' || c.doc_id)),
                   min(coalesce(c.min_days, c.max_days)), max(coalesce(c.min_days, c.max_days))
            FROM claims c JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
            LEFT JOIN clusters k ON k.doc_id = c.doc_id, unnest(c.topics) AS t(topic)
            WHERE c.anchor = 'overdue' AND c.stance IN ('affirms', 'conditional', 'denies')
            GROUP BY ALL""").fetchall()}
        rule_sources = con.execute(
            "SELECT count(DISTINCT (rule_id, cluster_id)) FROM v_rule_conflicts").fetchone()
    finally:
        con.close()
    for item in findings:
        if item.get("data-finding") == "threshold_spread":
            _, lo, hi = spread[item.get("data-topic")]
            assert (int(item.get("data-shortest")), int(item.get("data-longest"))) == (lo, hi)
        if item.get("data-finding") == "rules":
            assert rule_sources is not None
            assert int(item.get("data-conflict-sources")) == rule_sources[0]


def test_trend_charts_and_scorecard_match_the_views(demo_db: Path, tmp_path: Path) -> None:
    out = build_report(demo_db, tmp_path, ["html"], ReportFilters(), tmp_path / "r")
    tree = lxml_html.fromstring(out[0].read_text(encoding="utf-8"))
    trends = tree.xpath("//div[@class='trend']")
    assert trends
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        for trend in trends:
            topic = trend.get("data-topic")
            want = {(str(m)[:7], s): int(n) for m, s, n in con.execute(
                "SELECT month, stance, sources FROM v_topic_stance_by_month WHERE topic = ?",
                [topic]).fetchall()}
            got = {(r.get("data-month"), r.get("data-stance")): int(r.get("data-sources"))
                   for r in trend.xpath(".//rect[@data-month]")}
            assert got == want, topic
        card = {r[0]: r[1:] for r in con.execute(
            "SELECT site, documents, originals, copies FROM v_site_scorecard").fetchall()}
    finally:
        con.close()
    rows = tree.xpath("//table[@id='scorecard']//tr[@data-site]")
    assert {r.get("data-site") for r in rows} == set(card)
    for row in rows:
        assert tuple(int(row.get(f"data-{k}")) for k in ("documents", "originals", "copies")) \
            == card[row.get("data-site")]


def test_the_days_sources_name_match_a_direct_query(demo_db: Path, tmp_path: Path) -> None:
    out = build_report(demo_db, tmp_path, ["html"], ReportFilters(), tmp_path / "r")
    tree = lxml_html.fromstring(out[0].read_text(encoding="utf-8"))
    lines = tree.xpath("//p[@class='days']")
    assert lines
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        for line in lines:
            want = [(int(d), int(n)) for d, n in con.execute(
                "SELECT coalesce(min_days, max_days) AS d, count(DISTINCT cluster_id) "
                "FROM v_independent_claim_topics WHERE topic = ? AND anchor = ? "
                "AND stance IN ('affirms', 'denies', 'conditional') "
                "AND (min_days IS NOT NULL OR max_days IS NOT NULL) GROUP BY d ORDER BY d",
                [line.get("data-topic"), line.get("data-anchor")]).fetchall()]
            got = [(int(s.get("data-days")), int(s.get("data-sources")))
                   for s in line.xpath("./span[@data-days]")]
            assert got == want, line.get("data-topic")
    finally:
        con.close()
