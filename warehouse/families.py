"""Claim families in the warehouse: which (sentence, labels) belongs to which family.

The assignment itself is pure Python (``pipeline.claim_families``, wired in by the
application as a `FamilyAssigner`); this module reads the sentences that have no family
yet, with the families already known for the same labels, and writes the answer into
``claim_families``. Run inside the load's transaction and after a retag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb
import pyarrow as pa

# (sentence_sha1, signature, family_id, family_text) of a sentence already in a family
KnownSentence = tuple[str, str, str, str]
# (sentence_sha1, signature, text) of a sentence to place, earliest copy first
NewSentence = tuple[str, str, str]
# -> (sentence_sha1, signature, family_id, family_text) for each new sentence
FamilyAssigner = Callable[[Sequence[KnownSentence], Sequence[NewSentence]],
                          list[KnownSentence]]

_SIGNATURE = "claim_signature(c.topics, c.stance, c.modality, c.hedge, c.min_days, c.max_days)"


def assign_new_families(con: duckdb.DuckDBPyConnection, assign: FamilyAssigner,
                        docs_sql: str | None = None) -> int:
    """Give every current (sentence, labels) without a family one; return how many.

    With *docs_sql* (a query of doc_ids: the documents a load wrote) only their claims
    are read, unless no family is stored yet (the first load after the upgrade reads
    every claim); a retag reads every claim.

    New sentences come earliest copy first (publication date, then first seen), so a
    family's id is its earliest sentence, as in v_independent_claims; one normalized
    sentence with several label sets (other pages tagged it otherwise) is read once.
    """
    scope = ""
    if docs_sql is not None and con.execute("SELECT count(*) FROM claim_families"
                                            ).fetchone() != (0,):
        scope = f"AND c.doc_id IN ({docs_sql})"
    new = con.execute(
        f"""
        WITH fresh AS (
            SELECT c.sentence_sha1, {_SIGNATURE} AS signature, c.text, c.doc_id, c.idx
            FROM claims c
            JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
            WHERE c.sentence_sha1 IS NOT NULL {scope}
        ),
        missing AS (
            SELECT * FROM fresh k
            ANTI JOIN claim_families f
                   ON f.sentence_sha1 = k.sentence_sha1 AND f.signature = k.signature
        )
        SELECT m.sentence_sha1,
               first(m.text ORDER BY d.published NULLS LAST, d.first_seen, m.doc_id, m.idx),
               list(DISTINCT m.signature ORDER BY m.signature)
        FROM missing m JOIN documents d ON d.doc_id = m.doc_id
        GROUP BY m.sentence_sha1
        ORDER BY min(d.published) NULLS LAST, min(d.first_seen), m.sentence_sha1
        """
    ).fetchall()
    if not new:
        return 0
    signatures = pa.table({"signature": sorted({str(sig) for row in new for sig in row[2]})})
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
                    [(str(key), str(sig), str(text)) for key, text, sigs in new for sig in sigs])
    table = pa.table({name: [row[i] for row in placed] for i, name in
                      enumerate(("sentence_sha1", "signature", "family_id", "family_text"))})
    con.register("placed_families", table)
    try:
        con.execute("INSERT INTO claim_families SELECT * FROM placed_families")
    finally:
        con.unregister("placed_families")
    return len(placed)
