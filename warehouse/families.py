"""Claim families in the warehouse: which (sentence, labels) belongs to which family.

The assignment itself is pure Python (``pipeline.claim_families``, wired in by the
application as a `FamilyAssigner`); this module reads the sentences that have no family
yet, with the families already known for the same labels, and writes the answer into
``claim_families``. Run inside the load's transaction and after a retag.

Exact copies are placed here, set-based: when the spool carries each claim's family
text (written by the crawl), a new sentence whose labels and family text equal a stored
family's joins it, and new sentences sharing labels and family text send one
representative (their earliest) to the assigner. Only those representatives, and
sentences from older spools, reach Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb
import pyarrow as pa

# (sentence_sha1, signature, family_id, family_text) of a sentence already in a family
KnownSentence = tuple[str, str, str, str]
# (sentence_sha1, signature, text, family text or "" to compute) of a sentence to place,
# earliest copy first
NewSentence = tuple[str, str, str, str]
# -> (sentence_sha1, signature, family_id, family_text) for each new sentence
FamilyAssigner = Callable[[Sequence[KnownSentence], Sequence[NewSentence]],
                          list[KnownSentence]]

_SIGNATURE = "claim_signature(c.topics, c.stance, c.modality, c.hedge, c.min_days, c.max_days)"


def _new_sentences(con: duckdb.DuckDBPyConnection, scope: str, staged: bool) -> None:
    """Fill temp table fam_new: one row per new (sentence, labels), with its earliest copy's
    text and order, and the family text the spool carries (NULL when it does not)."""
    staged_join = ("LEFT JOIN stg_claims s ON s.doc_id = c.doc_id AND s.idx = c.idx"
                   " AND coalesce(s.part, 0) = c.part" if staged else "")
    staged_text = "s.family_text" if staged else "CAST(NULL AS VARCHAR)"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE fam_new AS
        WITH fresh AS (
            SELECT c.sentence_sha1, {_SIGNATURE} AS signature, c.text, c.doc_id, c.idx,
                   d.published, d.first_seen, {staged_text} AS family_text
            FROM claims c
            JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
            {staged_join}
            WHERE c.sentence_sha1 IS NOT NULL {scope}
        )
        SELECT k.sentence_sha1, k.signature,
               arg_min(k.text, (coalesce(k.published, DATE '9999-12-31'), k.first_seen,
                                k.doc_id, k.idx)) AS text,
               max(k.family_text) AS family_text,
               min(k.published) AS published, min(k.first_seen) AS first_seen
        FROM fresh k
        ANTI JOIN claim_families f
               ON f.sentence_sha1 = k.sentence_sha1 AND f.signature = k.signature
        GROUP BY k.sentence_sha1, k.signature
        """
    )


def assign_new_families(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner,
                        docs_sql: str | None = None) -> int:
    """Give every current (sentence, labels) without a family one; return how many.

    With *docs_sql* (a query of doc_ids: the documents a load wrote, whose spool is
    staged as stg_claims) only their claims are read, unless no family is stored yet
    (the first load after the upgrade reads every claim); a retag reads every claim.
    New sentences are placed earliest copy first (publication date, then first seen), so
    a family's id is its earliest sentence, as in v_independent_claims.
    """
    scope = ""
    if docs_sql is not None and con.execute("SELECT count(*) FROM claim_families"
                                            ).fetchall() != [(0,)]:
        scope = f"AND c.doc_id IN ({docs_sql})"
    _new_sentences(con, scope, staged=docs_sql is not None)
    try:
        return _place(con, assign)
    finally:
        con.execute("DROP TABLE IF EXISTS fam_new")


def _place(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner) -> int:
    # 1. An exact copy of a stored family's text, with its labels, joins that family.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE fam_exact AS
        SELECT n.sentence_sha1, n.signature, min(f.family_id) AS family_id, n.family_text
        FROM fam_new n JOIN claim_families f
          ON f.signature = n.signature AND f.family_text = n.family_text
        GROUP BY n.sentence_sha1, n.signature, n.family_text
        """
    )
    # 2. The rest: one representative per (labels, family text), earliest first; rows
    #    without a family text (older spools, retag) are their own representatives.
    reps = con.execute(
        """
        WITH rest AS (
            SELECT n.* FROM fam_new n
            ANTI JOIN fam_exact e
                   ON e.sentence_sha1 = n.sentence_sha1 AND e.signature = n.signature
        ),
        ranked AS (
            SELECT *, row_number() OVER (
                PARTITION BY signature, coalesce(family_text, 'sha:' || sentence_sha1)
                ORDER BY published NULLS LAST, first_seen, sentence_sha1) AS rn
            FROM rest
        )
        SELECT sentence_sha1, signature, text, coalesce(family_text, '')
        FROM ranked WHERE rn = 1
        ORDER BY published NULLS LAST, first_seen, sentence_sha1, signature
        """
    ).fetchall()
    placed: list[KnownSentence] = []
    if reps:
        signatures = pa.table({"signature": sorted({str(r[1]) for r in reps})})
        con.register("new_signatures", signatures)
        try:
            known = con.execute(
                "SELECT sentence_sha1, signature, family_id, family_text FROM claim_families"
                " WHERE signature IN (SELECT signature FROM new_signatures)"
                " ORDER BY family_id, sentence_sha1"
            ).fetchall()
        finally:
            con.unregister("new_signatures")
        placed = assign([(str(a), str(b), str(c), str(d)) for a, b, c, d in known],
                        [(str(a), str(b), str(c), str(d)) for a, b, c, d in reps])
    table = pa.table({name: [row[i] for row in placed] for i, name in
                      enumerate(("sentence_sha1", "signature", "family_id", "family_text"))},
                     schema=pa.schema([(n, pa.string()) for n in
                                       ("sentence_sha1", "signature", "family_id",
                                        "family_text")]))
    con.register("placed_families", table)
    try:
        con.execute("INSERT INTO claim_families SELECT * FROM fam_exact")
        con.execute("INSERT INTO claim_families SELECT * FROM placed_families")
        # 3. The other members of each representative's group take its family.
        con.execute(
            """
            INSERT INTO claim_families
            SELECT n.sentence_sha1, n.signature, min(p.family_id), n.family_text
            FROM fam_new n
            JOIN placed_families p
              ON p.signature = n.signature AND p.family_text = n.family_text
            ANTI JOIN (SELECT sentence_sha1, signature FROM fam_exact
                       UNION ALL SELECT sentence_sha1, signature FROM placed_families) f
                   ON f.sentence_sha1 = n.sentence_sha1 AND f.signature = n.signature
            GROUP BY n.sentence_sha1, n.signature, n.family_text
            """
        )
        count = con.execute("SELECT count(*) FROM fam_new").fetchall()
    finally:
        con.unregister("placed_families")
        con.execute("DROP TABLE IF EXISTS fam_exact")
    return int(count[0][0]) if count else 0
