"""Claim families in the warehouse: which (sentence, labels) belongs to which family.

The assignment itself is pure Python (``pipeline.claim_families``, wired in by the
application as a `FamilyAssigner`); this module reads the sentences that have no family
yet, with the families already known for the same labels, and writes the answer into
``claim_families``. Run inside the load's transaction and after a retag.

Exact copies are placed here, set-based: when the spool carries each claim's family
text (written by the crawl), new sentences are grouped by labels and family text; a
group whose text a stored family of the same labels has joins that family, any other
group sends one representative (its earliest) to the assigner and its other members
take the representative's family. Only those representatives, and sentences from older
spools, reach Python. A load whose staged claims are its documents' current claims
reads them from the spool (``staged_current``), not back from ``claims``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb
import pyarrow as pa

# (sentence_sha1, signature, family_id, family_text) of a sentence already in a family
KnownSentence = tuple[str, str, str, str]
# (sentence_sha1, signature, text, family text or "" to compute it from the text) of a
# sentence to place, earliest copy first; the text is "" when the family text is given
NewSentence = tuple[str, str, str, str]
# -> (sentence_sha1, signature, family_id, family_text) for each new sentence
FamilyAssigner = Callable[[Sequence[KnownSentence], Sequence[NewSentence]],
                          list[KnownSentence]]

_SIGNATURE = "claim_signature(c.topics, c.stance, c.modality, c.hedge, c.min_days, c.max_days)"

# Earliest first, as an arg_min key: publication date (none: last), first seen, sentence.
_EARLIEST = ("(published IS NULL, coalesce(published, DATE '0001-01-01'), first_seen IS NULL,"
             " coalesce(first_seen, TIMESTAMP '0001-01-01'), sentence_sha1)")


def _stored_claims(scope: str, staged: bool) -> str:
    """The current claims to place (sentence_sha1, signature, text, doc_id, idx, published,
    first_seen, family_text), read back from `claims`; with *staged*, the family texts the
    staged spool carries."""
    staged_join = ("LEFT JOIN stg_claims s ON s.doc_id = c.doc_id AND s.idx = c.idx"
                   " AND coalesce(s.part, 0) = c.part" if staged else "")
    staged_text = "s.family_text" if staged else "CAST(NULL AS VARCHAR)"
    return f"""
        SELECT c.sentence_sha1, {_SIGNATURE} AS signature, c.text, c.doc_id, c.idx,
               d.published, d.first_seen, {staged_text} AS family_text
        FROM claims c
        JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
        {staged_join}
        WHERE c.sentence_sha1 IS NOT NULL {scope}"""


def _staged_claims(docs_sql: str, dropped_sql: str | None) -> str:
    """The same columns straight from the staged spool (stg_claims) of the documents in
    *docs_sql*, less the claims in *dropped_sql* (doc_id, idx, part): no second read of
    the claims the load just wrote. The signature is the spooled one (made by the crawl,
    `pipeline.claim_families.label_signature`), computed here for older spools."""
    dropped = ("" if dropped_sql is None else
               f"ANTI JOIN ({dropped_sql}) x ON x.doc_id = c.doc_id AND x.idx = c.idx"
               " AND x.part = coalesce(c.part, 0)")
    return f"""
        SELECT c.sentence_sha1, coalesce(c.signature, {_SIGNATURE}) AS signature, c.text,
               c.doc_id, c.idx, d.published, d.first_seen, c.family_text
        FROM stg_claims c
        JOIN (SELECT doc_id, published, first_seen FROM documents
              WHERE doc_id IN ({docs_sql})) d ON d.doc_id = c.doc_id
        {dropped}
        WHERE c.sentence_sha1 IS NOT NULL"""


def _new_sentences(con: duckdb.DuckDBPyConnection, fresh_sql: str,
                   with_text: bool = True) -> None:
    """Fill temp table fam_new: one row per new (sentence, labels) among *fresh_sql*'s
    claims, with its earliest copy's order, and the family text the spool carries or,
    when it carries none, the earliest copy's text to compute it from (only the family
    text is compared: every copy of one normalized sentence has the same).

    Without *with_text* (every claim of *fresh_sql* carries its family text) the text
    column is NULL: picking the earliest copy's text costs a fifth of the grouping.
    """
    text = ("arg_min(k.text, (coalesce(k.published, DATE '9999-12-31'), k.first_seen,"
            " k.doc_id, k.idx)) FILTER (WHERE k.family_text IS NULL)"
            if with_text else "CAST(NULL AS VARCHAR)")
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE fam_new AS
        WITH fresh AS ({fresh_sql})
        SELECT k.sentence_sha1, k.signature, {text} AS text,
               max(k.family_text) AS family_text,
               min(k.published) AS published, min(k.first_seen) AS first_seen
        FROM fresh k
        ANTI JOIN claim_families f
               ON f.sentence_sha1 = k.sentence_sha1 AND f.signature = k.signature
        GROUP BY k.sentence_sha1, k.signature
        """
    )


def assign_new_families(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner,
                        docs_sql: str | None = None, *, staged_current: bool = False,
                        dropped_sql: str | None = None) -> int:
    """Give every current (sentence, labels) without a family one; return how many.

    With *docs_sql* (a query of doc_ids: the documents a load wrote, whose spool is
    staged as stg_claims) only their claims are read, unless no family is stored yet
    and other claims are (the first load after the upgrade reads every claim); a retag
    reads every claim. *staged_current* says the staged claims of those documents are
    their current claims row for row (no page fetched twice), except those *dropped_sql*
    lists (doc_id, idx, part: dropped as boilerplate): they are then read from the spool.
    New sentences are placed earliest copy first (publication date, then first seen), so
    a family's id is its earliest sentence, as in v_independent_claims.
    """
    with_text = True
    if docs_sql is None:
        fresh = _stored_claims("", staged=False)
    elif con.execute("SELECT count(*) FROM claim_families").fetchall() == [(0,)] and \
            con.execute(f"SELECT count(*) FROM (SELECT 1 FROM claims WHERE doc_id NOT IN"
                        f" ({docs_sql}) LIMIT 1)").fetchall() != [(0,)]:
        fresh = _stored_claims("", staged=True)
    elif staged_current:
        fresh = _staged_claims(docs_sql, dropped_sql)
        with_text = _staged_without_family_text(con)
    else:
        fresh = _stored_claims(f"AND c.doc_id IN ({docs_sql})", staged=True)
    _new_sentences(con, fresh, with_text)
    try:
        return _place(con, assign)
    finally:
        con.execute("DROP TABLE IF EXISTS fam_new")


def _staged_without_family_text(con: duckdb.DuckDBPyConnection) -> bool:
    """True when some staged claim with a sentence lacks its family text (a spool written
    before `claims.family_text`): only then does the grouping pick texts to compute it."""
    rows = con.execute("SELECT count(*) FROM stg_claims"
                       " WHERE family_text IS NULL AND sentence_sha1 IS NOT NULL").fetchall()
    return bool(rows and rows[0][0])


def _place(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner) -> int:
    # 1. New sentences with a family text, by (labels, family text): a group whose text a
    #    stored family with its labels has joins that family (the smallest id when several
    #    do); the others send their earliest sentence to the assigner.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE fam_group AS
        WITH groups AS (
            SELECT signature, family_text,
                   arg_min(sentence_sha1, {_EARLIEST}) AS rep_sha1
            FROM fam_new WHERE family_text IS NOT NULL
            GROUP BY signature, family_text
        )
        SELECT g.signature, g.family_text, g.rep_sha1, s.family_id
        FROM groups g
        LEFT JOIN (SELECT f.signature, f.family_text, min(f.family_id) AS family_id
                   FROM claim_families f SEMI JOIN groups g
                     ON g.signature = f.signature AND g.family_text = f.family_text
                   GROUP BY f.signature, f.family_text) s
               ON s.signature = g.signature AND s.family_text = g.family_text
        """
    )
    # 2. The representatives, and sentences without a family text (older spools, retag),
    #    each its own representative: earliest first, to the assigner.
    reps = con.execute(
        """
        SELECT n.sentence_sha1, n.signature, coalesce(n.text, ''), coalesce(n.family_text, '')
        FROM fam_new n
        LEFT JOIN fam_group g ON g.signature = n.signature AND g.family_text = n.family_text
        WHERE n.family_text IS NULL OR (g.family_id IS NULL AND g.rep_sha1 = n.sentence_sha1)
        ORDER BY n.published NULLS LAST, n.first_seen, n.sentence_sha1, n.signature
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
        # 3. One insert: each new sentence with its group's family (stored, or its
        #    representative's), or, without a family text, the family the assigner gave it.
        con.execute(
            """
            INSERT INTO claim_families
            WITH group_family AS (
                SELECT g.signature, g.family_text, coalesce(g.family_id, p.family_id) AS family_id
                FROM fam_group g
                LEFT JOIN placed_families p
                       ON g.family_id IS NULL AND p.sentence_sha1 = g.rep_sha1
                      AND p.signature = g.signature
            )
            SELECT n.sentence_sha1, n.signature, coalesce(g.family_id, p.family_id),
                   coalesce(n.family_text, p.family_text)
            FROM fam_new n
            LEFT JOIN group_family g
                   ON g.signature = n.signature AND g.family_text = n.family_text
            LEFT JOIN placed_families p
                   ON n.family_text IS NULL AND p.sentence_sha1 = n.sentence_sha1
                  AND p.signature = n.signature
            """
        )
        count = con.execute("SELECT count(*) FROM fam_new").fetchall()
    finally:
        con.unregister("placed_families")
        con.execute("DROP TABLE IF EXISTS fam_group")
    return int(count[0][0]) if count else 0
