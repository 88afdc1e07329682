"""Issue 20: the per-site scorecard and the by-month trend view, recomputed in Python from
the base tables (documents, clusters, claims) of a real demo crawl, not from the views."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pytest

from tests.helpers import EARLIEST_CLAIMS_SQL
from warehouse.connect import warehouse_path


@pytest.fixture(scope="module")
def con(demo_run: tuple[Path, str]) -> duckdb.DuckDBPyConnection:
    data, _ = demo_run
    return duckdb.connect(str(warehouse_path(data)), read_only=True)


def _direct_scorecard(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, object]]:
    docs = {doc_id: (site, status) for doc_id, site, status in con.execute(
        "SELECT doc_id, site, status FROM documents").fetchall()}
    canonical = dict(con.execute("SELECT doc_id, canonical_doc_id FROM clusters").fetchall())
    card: dict[str, dict[str, object]] = defaultdict(lambda: {
        "documents": 0, "originals": 0, "copies": 0, "copied_by_others": 0,
        "copied_from": Counter(), "claims": 0})
    for doc_id, (site, status) in docs.items():
        if status == "gone":
            continue
        row = card[site]
        founder = canonical.get(doc_id) or doc_id
        row["documents"] = int(str(row["documents"])) + 1
        if founder == doc_id:
            row["originals"] = int(str(row["originals"])) + 1
            continue
        row["copies"] = int(str(row["copies"])) + 1
        origin = docs[founder][0]
        if origin != site:
            copied_from = row["copied_from"]
            assert isinstance(copied_from, Counter)
            copied_from[origin] += 1
            card[origin]["copied_by_others"] = int(str(card[origin]["copied_by_others"])) + 1
    for doc_id, in con.execute(
            "SELECT c.doc_id FROM claims c, documents d WHERE d.doc_id = c.doc_id "
            "AND d.version = c.version AND d.status <> 'gone'").fetchall():
        site = docs[doc_id][0]
        card[site]["claims"] = int(str(card[site]["claims"])) + 1
    return {site: row for site, row in card.items() if int(str(row["documents"]))}


def test_scorecard_matches_a_direct_count(con: duckdb.DuckDBPyConnection) -> None:
    direct = _direct_scorecard(con)
    rows = con.execute("SELECT site, documents, originals, copies, copied_by_others, claims, "
                       "copied_from, copy_share FROM v_site_scorecard").fetchall()
    assert {r[0] for r in rows} == set(direct)
    assert any(r[3] for r in rows), "the demo web reposts articles: some site has copies"
    for site, documents, originals, copies, by_others, claims, copied_from, share in rows:
        want = direct[site]
        assert (documents, originals, copies, by_others, claims) == (
            want["documents"], want["originals"], want["copies"], want["copied_by_others"],
            want["claims"]), site
        counter = want["copied_from"]
        assert isinstance(counter, Counter)
        assert copied_from == [f"{s} ({n})" for s, n in
                               sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))], site
        assert share == pytest.approx(copies / documents, abs=0.001)


def test_by_month_trend_adds_up_to_the_sources_of_each_month(
        con: duckdb.DuckDBPyConnection) -> None:
    months = con.execute("SELECT count(DISTINCT month) FROM v_topic_stance_by_month").fetchone()
    assert months is not None and months[0] >= 2
    # sources per month and topic, straight from the base tables (a family counts for its
    # earliest copy, as everywhere)
    direct = {(m, t): n for m, t, n in con.execute(EARLIEST_CLAIMS_SQL + """
        SELECT CAST(date_trunc('month', coalesce(published, CAST(first_seen AS DATE))) AS DATE),
               t.topic, count(DISTINCT source)
        FROM earliest, unnest(topics) AS t(topic)
        WHERE modality = 'descriptive' AND stance IN ('affirms', 'conditional', 'denies')
        GROUP BY ALL""").fetchall()}
    summed = {(m, t): int(n) for m, t, n in con.execute(
        "SELECT month, topic, sum(sources) FROM v_topic_stance_by_month GROUP BY ALL"
    ).fetchall()}
    assert summed == direct
