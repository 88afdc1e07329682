"""Claim families in the warehouse: which (labels, family text) belongs to which family.

The assignment itself is pure Python (``pipeline.claim_families``, wired in by the
application as a `FamilyAssigner`); this module reads the claims whose (labels, family
text) has no family yet, with the families already known for the same labels, and writes
the answer into ``claim_family_links``, one row per (labels, family text). Each claim
carries its family text (``claims.family_text``, from the spool), so its family is the
link of its labels and text: nothing is written per sentence. Run inside the load's
transaction and after a retag.

Exact copies are placed here, set-based: new claims are grouped by labels and family
text; a group whose (labels, text) is linked already has its family, any other group
sends one representative (its earliest claim's sentence) to the assigner and its link
takes the representative's family. Only those representatives, and sentences without a
family text (older spools, older claims), reach Python; the latter get theirs written
onto their claims. A load whose staged claims are its documents' current claims reads
them from the spool (``staged_current``), not back from ``claims``.
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

# Earliest first: publication date (none: last), first seen (none: last), sentence; as one
# struct, whose `min` gives the earliest claim's sentence and dates in one aggregate (three
# arg_mins over a 1M-claim load cost about twice as much).
_EARLIEST_STRUCT = ("{'no_published': published IS NULL,"
                    " 'published': coalesce(published, DATE '0001-01-01'),"
                    " 'no_first_seen': first_seen IS NULL,"
                    " 'first_seen': coalesce(first_seen, TIMESTAMP '0001-01-01'),"
                    " 'sentence_sha1': sentence_sha1}")


def _stored_claims(scope: str) -> str:
    """The current claims to place (sentence_sha1, signature, text, doc_id, idx, published,
    first_seen, family_text), read back from `claims`."""
    return f"""
        SELECT c.sentence_sha1, {_SIGNATURE} AS signature, c.text, c.doc_id, c.idx,
               d.published, d.first_seen, c.family_text
        FROM claims c
        JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
        WHERE c.sentence_sha1 IS NOT NULL {scope}"""


def _staged_claims(docs_sql: str, dropped_sql: str | None, signed: bool = False) -> str:
    """The same columns straight from the staged spool (stg_claims) of the documents in
    *docs_sql*, less the claims in *dropped_sql* (doc_id, idx, part): no second read of
    the claims the load just wrote. The signature is the spooled one (made by the crawl,
    `pipeline.claim_families.label_signature`), computed here for older spools; *signed*
    says every staged claim has it (the labels are then not read at all: computing the
    fallback for 1M claims cost about a third of this read)."""
    dropped = ("" if dropped_sql is None else
               f"ANTI JOIN ({dropped_sql}) x ON x.doc_id = c.doc_id AND x.idx = c.idx"
               " AND x.part = coalesce(c.part, 0)")
    signature = "c.signature" if signed else f"coalesce(c.signature, {_SIGNATURE})"
    return f"""
        SELECT c.sentence_sha1, {signature} AS signature, c.text,
               c.doc_id, c.idx, d.published, d.first_seen, c.family_text
        FROM stg_claims c
        JOIN (SELECT doc_id, published, first_seen FROM documents
              WHERE doc_id IN ({docs_sql})) d ON d.doc_id = c.doc_id
        {dropped}
        WHERE c.sentence_sha1 IS NOT NULL"""


def _new_groups(con: duckdb.DuckDBPyConnection, fresh_sql: str) -> None:
    """Fill temp table fam_group: one row per (labels, family text) among *fresh_sql*'s
    claims that no link has yet, with its representative: the sentence of its earliest
    claim, and that claim's dates (the order the assigner places it in)."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE fam_group AS
        WITH fresh AS ({fresh_sql}),
        todo AS (
            SELECT k.sentence_sha1, k.signature, k.family_text, k.published, k.first_seen
            FROM fresh k
            ANTI JOIN claim_family_links l
                   ON l.signature = k.signature AND l.family_text = k.family_text
            WHERE k.family_text IS NOT NULL
        )
        SELECT signature, family_text, first.sentence_sha1 AS rep_sha1,
               CASE WHEN NOT first.no_published THEN first.published END AS published,
               CASE WHEN NOT first.no_first_seen THEN first.first_seen END AS first_seen
        FROM (
            SELECT signature, family_text, min({_EARLIEST_STRUCT}) AS first
            FROM todo
            GROUP BY signature, family_text
        )
        """
    )


def _untexted(con: duckdb.DuckDBPyConnection, fresh_sql: str) -> None:
    """Fill temp table fam_untexted: one row per (sentence, labels) among *fresh_sql*'s
    claims without a family text (a spool written before `claims.family_text`, claims
    stored before migration 0024 that were never placed), with its earliest copy's text to
    compute the family text from."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE fam_untexted AS
        WITH fresh AS ({fresh_sql})
        SELECT k.sentence_sha1, k.signature,
               arg_min(k.text, (coalesce(k.published, DATE '9999-12-31'), k.first_seen,
                                k.doc_id, k.idx)) AS text,
               min(k.published) AS published, min(k.first_seen) AS first_seen
        FROM fresh k
        WHERE k.family_text IS NULL
        GROUP BY k.sentence_sha1, k.signature
        """
    )


def assign_new_families(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner,
                        docs_sql: str | None = None, *, staged_current: bool = False,
                        dropped_sql: str | None = None) -> int:
    """Link every current claim's (labels, family text) without a family to one, and give
    claims without a family text theirs; return how many links were added.

    With *docs_sql* (a query of doc_ids: the documents a load wrote, whose spool is
    staged as stg_claims) only their claims are read, unless no family is linked yet
    and other claims are stored (the first load after the upgrade reads every claim); a
    retag reads every claim. *staged_current* says the staged claims of those documents
    are their current claims row for row (no page fetched twice), except those
    *dropped_sql* lists (doc_id, idx, part: dropped as boilerplate): they are then read
    from the spool. New texts are placed earliest claim first (publication date, then
    first seen), so a family's id is its earliest sentence, as in v_independent_claims.
    """
    untexted = True
    if docs_sql is None or (
            con.execute("SELECT count(*) FROM claim_family_links").fetchall() == [(0,)]
            and con.execute(f"SELECT count(*) FROM (SELECT 1 FROM claims WHERE doc_id NOT IN"
                            f" ({docs_sql}) LIMIT 1)").fetchall() != [(0,)]):
        fresh = _stored_claims("")
    elif staged_current:
        untexted, unsigned = _staged_without(con)
        fresh = _staged_claims(docs_sql, dropped_sql, signed=not unsigned)
    else:
        fresh = _stored_claims(f"AND c.doc_id IN ({docs_sql})")
    _new_groups(con, fresh)
    if untexted:
        _untexted(con, fresh)
    else:
        con.execute("CREATE OR REPLACE TEMP TABLE fam_untexted AS SELECT"
                    " CAST(NULL AS VARCHAR) AS sentence_sha1, CAST(NULL AS VARCHAR) AS signature,"
                    " CAST(NULL AS VARCHAR) AS text, CAST(NULL AS DATE) AS published,"
                    " CAST(NULL AS TIMESTAMP) AS first_seen LIMIT 0")
    try:
        return _place(con, assign)
    finally:
        con.execute("DROP TABLE IF EXISTS fam_group")
        con.execute("DROP TABLE IF EXISTS fam_untexted")


def _staged_without(con: duckdb.DuckDBPyConnection) -> tuple[bool, bool]:
    """Whether some staged claim with a sentence lacks its family text, and whether some
    lacks its signature (a spool written before `claims.family_text` or before the spooled
    signature): only then are sentences read to compute the one, or labels the other."""
    row = con.execute("SELECT count(*) FILTER (WHERE family_text IS NULL),"
                      " count(*) FILTER (WHERE signature IS NULL) FROM stg_claims"
                      " WHERE sentence_sha1 IS NOT NULL").fetchone()
    return bool(row and row[0]), bool(row and row[1])


_PLACED_COLUMNS = ("sentence_sha1", "signature", "family_id", "family_text")


def _place(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner) -> int:
    # 1. The representatives of the new groups (their family text given) and the sentences
    #    without one (each its own representative): earliest first, to the assigner.
    reps = con.execute(
        """
        SELECT sentence_sha1, signature, text, family_text FROM (
            SELECT rep_sha1 AS sentence_sha1, signature, '' AS text, family_text,
                   published, first_seen
            FROM fam_group
            UNION ALL
            SELECT sentence_sha1, signature, coalesce(text, ''), '', published, first_seen
            FROM fam_untexted
        )
        ORDER BY published NULLS LAST, first_seen, sentence_sha1, signature
        """
    ).fetchall()
    if not reps:
        return 0
    signatures = pa.table({"signature": sorted({str(r[1]) for r in reps})})
    con.register("new_signatures", signatures)
    try:
        known = con.execute(
            "SELECT sentence_sha1, signature, family_id, family_text FROM claim_family_links"
            " WHERE signature IN (SELECT signature FROM new_signatures)"
            " ORDER BY family_id, sentence_sha1"
        ).fetchall()
    finally:
        con.unregister("new_signatures")
    placed = assign([(str(a), str(b), str(c), str(d)) for a, b, c, d in known],
                    [(str(a), str(b), str(c), str(d)) for a, b, c, d in reps])
    columns: dict[str, pa.Array] = {
        name: pa.array([row[i] for row in placed], pa.string())
        for i, name in enumerate(_PLACED_COLUMNS)}
    columns["ord"] = pa.array(range(len(placed)), pa.int64())
    con.register("placed_families", pa.table(columns))
    try:
        # 2. One link per new (labels, family text): the family of its first placed sentence
        #    (the assigner gives one text one family).
        added = con.execute(
            """
            INSERT INTO claim_family_links
            SELECT p.signature, p.family_text, arg_min(p.family_id, p.ord),
                   arg_min(p.sentence_sha1, p.ord)
            FROM placed_families p
            ANTI JOIN claim_family_links l
                   ON l.signature = p.signature AND l.family_text = p.family_text
            GROUP BY p.signature, p.family_text
            """
        ).fetchall()
        # 3. Claims without a family text get the one their sentence was placed with.
        if con.execute("SELECT count(*) FROM fam_untexted").fetchall() != [(0,)]:
            con.execute(
                f"""
                UPDATE claims SET family_text = p.family_text
                FROM (SELECT sentence_sha1, signature, arg_min(family_text, ord) AS family_text
                      FROM placed_families GROUP BY sentence_sha1, signature) p
                WHERE claims.family_text IS NULL AND p.sentence_sha1 = claims.sentence_sha1
                  AND p.signature = {_SIGNATURE.replace("c.", "claims.")}
                """
            )
    finally:
        con.unregister("placed_families")
    return int(added[0][0]) if added else 0
