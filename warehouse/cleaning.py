"""Cross-document cleaning and glyph-gap mates, run inside the load's transaction.

Some boilerplate only shows across documents: a site's template paragraph (a
disclaimer, a call to action, a "more articles" line) repeated on many of its
pages, and a teaser, a paragraph of one article that is the beginning of
another article of the same site. Such paragraphs are marked in
`paragraphs.is_boilerplate` with the reason in `paragraphs.boilerplate_reason`
(never deleted); the claims whose sentence lies only in boilerplate are
deleted, and the text the clusterer fingerprints leaves boilerplate out
(`clean_text_sql`).

Glyph gaps found by the pipeline (``glyph_gap:<offset>`` flags) are looked up
in the document's near-duplicates after clustering, through an injected pure
function (`GapFiller`); what they have at that spot lands in `glyph_gaps`.
The stored text is never repaired.

Every SQL statement of these steps lives here; the policy figures come in a
frozen `CrossDocRules`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from pipeline.glyph_gaps import GapFill

# (document text, gap offset, cluster mates as (doc_id, text), best first) -> what they say.
GapFiller = Callable[[str, int, Sequence[tuple[str, str]]], GapFill]

#: At most this many cluster mates are read per document with glyph gaps (canonical first):
#: a repost cluster can hold hundreds of copies, and the first few that differ suffice.
MAX_GAP_MATES = 5


@dataclass(frozen=True, slots=True)
class CrossDocRules:
    """The thresholds of cross-document cleaning.

    Template: a paragraph is template boilerplate when it appears on at least
    ``max(template_min_pages, ceil(template_share * pages of the site))`` pages of its
    site. A CMS prints its template blocks on (nearly) every page, so their share is
    far above 10%; a sentence a farm copies into a handful of its articles is content
    (claim families already count it once) and stays well below it on any site of some
    size, while the floor of 3 means two pages sharing a paragraph (a two-part series,
    an article and its follow-up) never suffice on a small site. Pages are counted as
    distinct articles: documents already in one near-duplicate cluster, or with the same
    normalized text, count once, so a site's own reposts are not mistaken for a template.

    Teaser: a paragraph of document X is a teaser of document Y (same site) when, with a
    trailing ellipsis (… ... 。。。) and a short leading label (小编导语：, 相关阅读：) removed,
    it is a strict prefix of Y's text (boilerplate left out) of at least
    ``teaser_min_chars`` characters, or ``teaser_cut_min_chars`` when it ended in an
    ellipsis (cut off: strong evidence on its own) -- unless X itself begins the same way
    or also holds the second paragraph of a document it matched (then X shares or copies
    that text: not a teaser). Of several such Y, the earliest published is named.
    """

    template_min_pages: int = 3
    template_share: float = 0.10
    teaser_min_chars: int = 40
    teaser_cut_min_chars: int = 20


def clean_text_sql(doc_ids_sql: str) -> str:
    """SQL giving (doc_id, text) of the documents in *doc_ids_sql* (a query of doc_ids),
    boilerplate paragraphs left out: what fingerprints and the shingle check read.

    A document without a boilerplate paragraph gives its stored text unchanged (so a
    warehouse without cleaning clusters exactly as before); one made only of
    boilerplate gives ''.
    """
    return f"""
        SELECT d.doc_id,
               CASE WHEN b.doc_id IS NULL THEN coalesce(d.text, '')
                    ELSE coalesce(b.clean, '') END AS text
        FROM documents d
        LEFT JOIN (
            SELECT doc_id,
                   string_agg(text, chr(10) ORDER BY idx) FILTER (WHERE NOT is_boilerplate)
                       AS clean
            FROM paragraphs
            WHERE doc_id IN (SELECT doc_id FROM paragraphs WHERE is_boilerplate)
              AND doc_id IN ({doc_ids_sql})
            GROUP BY doc_id
        ) b USING (doc_id)
        WHERE d.doc_id IN ({doc_ids_sql})
    """


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _scope(con: duckdb.DuckDBPyConnection, sites_sql: str) -> None:
    """Temp table clean_scope: every document of the sites in *sites_sql*, with the key its
    page counts under (its cluster, else its normalized text, else itself)."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE clean_scope AS
        SELECT d.doc_id, d.site, d.published, d.first_seen,
               coalesce('c:' || k.cluster_id, 'n:' || d.text_norm_sha1, 'd:' || d.doc_id)
                   AS page_key
        FROM documents d LEFT JOIN clusters k USING (doc_id)
        WHERE d.site IN ({sites_sql})
        """
    )


def _apply_marks(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        UPDATE paragraphs SET is_boilerplate = true, boilerplate_reason = m.reason
        FROM clean_marks m WHERE paragraphs.doc_id = m.doc_id AND paragraphs.idx = m.idx
        """
    )


def _mark_templates(con: duckdb.DuckDBPyConnection, rules: CrossDocRules) -> int:
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE clean_marks AS
        WITH sizes AS (
            SELECT site, count(DISTINCT page_key) AS pages FROM clean_scope GROUP BY site
        ),
        repeated AS (
            SELECT s.site, p.sha1, count(DISTINCT s.page_key) AS pages
            FROM paragraphs p JOIN clean_scope s USING (doc_id)
            GROUP BY s.site, p.sha1
        )
        SELECT p.doc_id, p.idx, 'template' AS reason
        FROM paragraphs p
        JOIN clean_scope s USING (doc_id)
        JOIN repeated r ON r.site = s.site AND r.sha1 = p.sha1
        JOIN sizes z ON z.site = s.site
        WHERE NOT p.is_boilerplate AND length(trim(p.text)) > 0
          AND r.pages >= greatest({int(rules.template_min_pages)},
                                  ceil({float(rules.template_share)} * z.pages))
        """
    )
    marked = _count(con, "SELECT count(*) FROM clean_marks")
    if marked:
        _apply_marks(con)
    con.execute("CREATE OR REPLACE TEMP TABLE clean_marked AS SELECT doc_id FROM clean_marks")
    return marked


def _mark_teasers(con: duckdb.DuckDBPyConnection, rules: CrossDocRules) -> int:
    # Each document's head: its first two paragraphs that are not boilerplate, as text.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE clean_heads AS
        SELECT s.doc_id, s.site, s.published, s.first_seen,
               string_agg(p.text, chr(10) ORDER BY p.idx) AS head,
               min(p.idx) AS first_idx
        FROM clean_scope s
        JOIN (SELECT * FROM paragraphs WHERE NOT is_boilerplate
              QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY idx) <= 2) p
          USING (doc_id)
        GROUP BY s.doc_id, s.site, s.published, s.first_seen
        """
    )
    key = max(1, min(rules.teaser_min_chars, rules.teaser_cut_min_chars))
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE clean_marks AS
        WITH cand AS (
            SELECT p.doc_id, p.idx, s.site, trim(p.text) AS t,
                   regexp_matches(trim(p.text), '(…+|\\.{{3,}}|。{{3,}})$') AS cut
            FROM paragraphs p JOIN clean_scope s USING (doc_id)
            WHERE NOT p.is_boilerplate
        ),
        stripped AS (
            SELECT doc_id, idx, site, cut,
                   rtrim(regexp_replace(t, '(…+|\\.{{3,}}|。{{3,}})$', '')) AS core
            FROM cand
        ),
        variants AS (
            SELECT doc_id, idx, site, cut, core FROM stripped
            UNION ALL
            SELECT doc_id, idx, site, cut,
                   regexp_replace(core, '^[^：:\\s]{{1,6}}[：:]\\s*', '') AS core
            FROM stripped WHERE regexp_matches(core, '^[^：:\\s]{{1,6}}[：:]')
        ),
        long_enough AS (
            SELECT * FROM variants
            WHERE length(core) >= CASE WHEN cut THEN {int(rules.teaser_cut_min_chars)}
                                       ELSE {int(rules.teaser_min_chars)} END
        ),
        pairs AS (
            SELECT v.doc_id, v.idx, v.core, y.doc_id AS teaser_of, y.published, y.first_seen
            FROM long_enough v
            JOIN clean_heads y
              ON y.site = v.site AND left(y.head, {key}) = left(v.core, {key})
             AND y.doc_id <> v.doc_id
            JOIN clean_heads x ON x.doc_id = v.doc_id
            WHERE starts_with(y.head, v.core) AND length(y.head) > length(v.core)
              AND NOT starts_with(x.head, v.core)
        ),
        y_next AS (  -- the paragraph after each candidate Y's first one (not boilerplate)
            SELECT p.doc_id, p.sha1 FROM paragraphs p
            JOIN clean_heads h ON h.doc_id = p.doc_id
            WHERE p.idx > h.first_idx AND NOT p.is_boilerplate
              AND p.doc_id IN (SELECT teaser_of FROM pairs)
            QUALIFY row_number() OVER (PARTITION BY p.doc_id ORDER BY p.idx) = 1
        ),
        copies AS (  -- X holds the second paragraph of a Y it matched: X copies that text
            SELECT DISTINCT pr.doc_id, pr.idx FROM pairs pr
            JOIN y_next n ON n.doc_id = pr.teaser_of
            JOIN paragraphs xp ON xp.doc_id = pr.doc_id AND xp.sha1 = n.sha1
        )
        SELECT pr.doc_id, pr.idx, 'teaser_of:' || pr.teaser_of AS reason
        FROM pairs pr ANTI JOIN copies c ON c.doc_id = pr.doc_id AND c.idx = pr.idx
        QUALIFY row_number() OVER (PARTITION BY pr.doc_id, pr.idx
                                   ORDER BY pr.published NULLS LAST, pr.first_seen,
                                            pr.teaser_of) = 1
        """
    )
    marked = _count(con, "SELECT count(*) FROM clean_marks")
    if marked:
        _apply_marks(con)
        con.execute("INSERT INTO clean_marked SELECT doc_id FROM clean_marks")
    return marked


def drop_boilerplate_claims(con: duckdb.DuckDBPyConnection, doc_ids_sql: str) -> int:
    """Delete current claims of the documents in *doc_ids_sql* whose sentence lies only in
    boilerplate paragraphs; returns how many (listed in temp table clean_drop: claim_id,
    doc_id, idx, part, until the next call).

    A claim is placed by its text: it is dropped when some boilerplate paragraph of its
    document contains it and no other paragraph does (a sentence also found in the
    article body is kept). Claims of earlier versions are history and stay.
    """
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE clean_drop AS
        SELECT c.claim_id, c.doc_id, c.idx, c.part
        FROM claims c
        JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
        JOIN paragraphs p ON p.doc_id = c.doc_id AND contains(p.text, c.text)
        WHERE c.doc_id IN ({doc_ids_sql})
          AND c.doc_id IN (SELECT doc_id FROM paragraphs WHERE is_boilerplate)
        GROUP BY c.claim_id, c.doc_id, c.idx, c.part
        HAVING bool_and(p.is_boilerplate)
        """
    )
    dropped = _count(con, "SELECT count(*) FROM clean_drop")
    if dropped:
        con.execute("DELETE FROM claims WHERE claim_id IN (SELECT claim_id FROM clean_drop)")
    return dropped


def clean_sites(con: duckdb.DuckDBPyConnection, rules: CrossDocRules) -> dict[str, int]:
    """Mark template and teaser paragraphs over every document of the sites this load
    touched (temp table new_docs), and drop the claims they carried.

    Marks only grow: a paragraph marked by an earlier load stays marked (its claims are
    gone and its document was fingerprinted without it) until its document is reloaded
    with new paragraphs, which are judged afresh. Returns counts for the load's result.
    """
    _scope(con, "SELECT DISTINCT site FROM new_docs")
    templates = _mark_templates(con, rules)
    teasers = _mark_teasers(con, rules)
    dropped = drop_boilerplate_claims(
        con, "SELECT doc_id FROM clean_marked UNION SELECT doc_id FROM new_docs")
    return {"boilerplate_template": templates, "boilerplate_teaser": teasers,
            "claims_in_boilerplate": dropped}


def fill_glyph_gaps(con: duckdb.DuckDBPyConnection, fill: GapFiller) -> dict[str, int]:
    """Record, for documents with glyph-gap flags in clusters this load touched, what a
    cluster mate has at each gap (through *fill*); returns rows written and filled.

    A document's rows are rebuilt whenever it or a mate was (re)loaded: a new copy can
    fill an older document's gap. Documents without a mate get no rows.
    """
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE gap_docs AS
        SELECT d.doc_id, k.cluster_id, coalesce(d.text, '') AS text,
               [TRY_CAST(split_part(f, ':', 2) AS INTEGER)
                for f in d.flags if starts_with(f, 'glyph_gap:')] AS offsets
        FROM documents d JOIN clusters k USING (doc_id)
        WHERE k.cluster_id IN (SELECT cluster_id FROM clusters
                               WHERE doc_id IN (SELECT doc_id FROM new_docs))
          AND len([f for f in d.flags if starts_with(f, 'glyph_gap:')]) > 0
        """
    )
    con.execute("DELETE FROM glyph_gaps WHERE doc_id IN (SELECT doc_id FROM new_docs)"
                " OR doc_id IN (SELECT doc_id FROM gap_docs)")
    mates = con.execute(
        f"""
        SELECT g.doc_id, m.doc_id, coalesce(md.text, '')
        FROM gap_docs g
        JOIN clusters m ON m.cluster_id = g.cluster_id AND m.doc_id <> g.doc_id
        JOIN documents md ON md.doc_id = m.doc_id
        QUALIFY row_number() OVER (PARTITION BY g.doc_id
                                   ORDER BY (m.matched_doc_id IS NULL) DESC, md.first_seen,
                                            m.doc_id) <= {MAX_GAP_MATES}
        ORDER BY g.doc_id, (m.matched_doc_id IS NULL) DESC, md.first_seen, m.doc_id
        """
    ).fetchall()
    by_doc: dict[str, list[tuple[str, str]]] = {}
    for doc_id, mate_id, mate_text in mates:
        by_doc.setdefault(str(doc_id), []).append((str(mate_id), str(mate_text)))
    docs = con.execute("SELECT doc_id, text, offsets FROM gap_docs ORDER BY doc_id").fetchall()
    rows: list[tuple[str, int, str, str | None, str | None]] = []
    for doc_id, text, offsets in docs:
        doc_mates = by_doc.get(str(doc_id))
        if not doc_mates:
            continue
        for offset in sorted({int(o) for o in offsets if o is not None}):
            if 0 <= offset <= len(text):
                found = fill(str(text), offset, doc_mates)
                rows.append((str(doc_id), offset, found.context, found.likely_word,
                             found.mate_doc_id if found.likely_word else None))
    if rows:
        table = pa.table({
            "doc_id": pa.array([r[0] for r in rows], pa.string()),
            "offset": pa.array([r[1] for r in rows], pa.int32()),
            "context": pa.array([r[2] for r in rows], pa.string()),
            "likely_word": pa.array([r[3] for r in rows], pa.string()),
            "mate_doc_id": pa.array([r[4] for r in rows], pa.string()),
        })
        con.register("gap_rows", table)
        try:
            con.execute("INSERT INTO glyph_gaps SELECT * FROM gap_rows")
        finally:
            con.unregister("gap_rows")
    return {"glyph_gaps": len(rows), "glyph_gaps_filled": sum(1 for r in rows if r[3])}
