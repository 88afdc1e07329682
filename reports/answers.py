"""The report's answers as plain rows, for checking them against a ground truth.

Reads the same views the report reads (read-only): net stance shares per topic, the
contradiction pairs, the rule conflicts, the durations sources name, the self-contradicting
pages, and the order the warehouse gives same-day copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reports.build import run_query
from warehouse.connect import open_reader


@dataclass(frozen=True, slots=True)
class ReportAnswers:
    """Rows of the answers the report shows, before any comparison."""

    shares: list[tuple[str, str, int]]  # (topic, net stance, sources), descriptive claims
    pairs: list[tuple[str, str | None, str, str]]  # (topic, product, affirming, denying text)
    conflicts: list[tuple[str, str]]  # (rule_id, claim text)
    documents: list[tuple[str, str, str]]  # (url, first seen, doc_id)
    families: tuple[int, int] = (0, 0)  # (exact sentences, claim families) of current claims
    lineage: tuple[tuple[str, str], ...] = ()  # (url, source url) of v_section_lineage
    thresholds: tuple[tuple[str, str, int, int], ...] = ()  # (topic, anchor, days, sources)
    self_contradictions: tuple[tuple[str, str], ...] = ()  # (url, topic)


def read_answers(db: Path) -> ReportAnswers:
    """The answers in the warehouse file *db*, from the report's views."""
    con = open_reader(db)
    try:
        shares = [(str(t), str(s), int(n)) for t, s, n in con.execute(
            "SELECT topic, stance, sources FROM v_topic_stance WHERE modality = 'descriptive'"
        ).fetchall()]
        pairs = [(str(t), p, str(a), str(d)) for t, p, a, d in con.execute(
            "SELECT topic, product, affirm_text, deny_text FROM v_contradictions").fetchall()]
        conflicts = [(str(r), str(t)) for r, t in con.execute(
            "SELECT DISTINCT rule_id, text FROM v_rule_conflicts").fetchall()]
        documents = [(str(u), str(f), str(d)) for u, f, d in con.execute(
            "SELECT url, first_seen, doc_id FROM documents").fetchall()]
        row = con.execute("SELECT (SELECT count(DISTINCT sentence_sha1) FROM v_claims),"
                          " (SELECT count(*) FROM v_independent_claims)").fetchone()
        families = (int(row[0]), int(row[1])) if row else (0, 0)
        lineage = tuple((str(u), str(s)) for u, s in con.execute(
            "SELECT url, source_url FROM v_section_lineage").fetchall())
        # the threshold chart's figures: the report's own query, unfiltered
        con.execute(resources.files("reports").joinpath("macros.sql").read_text("utf-8"))
        thresholds = tuple((str(r["topic"]), str(r["anchor"]), int(r["days"]), int(r["sources"]))
                           for r in run_query(con, "threshold_days", {}))
        selfs = tuple((str(u), str(t)) for u, t in con.execute(
            "SELECT url, topic FROM v_self_contradictions").fetchall())
    finally:
        con.close()
    return ReportAnswers(shares, pairs, conflicts, documents, families, lineage, thresholds,
                         selfs)
