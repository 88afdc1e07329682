"""Data checks: queries that must return no rows on a healthy warehouse.

Run by the tests after loads (and usable by operators: `yuqi sql` each query).
"""

from __future__ import annotations

import duckdb

CHECKS: dict[str, str] = {
    "claim ids are unique":
        "SELECT claim_id FROM claims GROUP BY claim_id HAVING count(*) > 1",
    # keys the loader keeps by construction (no PRIMARY KEY since migration 0025)
    "document ids are unique":
        "SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1",
    "document versions are unique":
        "SELECT doc_id, version FROM document_versions GROUP BY ALL HAVING count(*) > 1",
    "paragraph positions are unique":
        "SELECT doc_id, idx FROM paragraphs GROUP BY ALL HAVING count(*) > 1",
    "each document is in one cluster":
        "SELECT doc_id FROM clusters GROUP BY doc_id HAVING count(*) > 1",
    "every claim belongs to a document version":
        "SELECT c.claim_id FROM claims c ANTI JOIN document_versions v"
        " ON v.doc_id = c.doc_id AND v.version = c.version",
    "every document has its current version":
        "SELECT d.doc_id FROM documents d ANTI JOIN document_versions v"
        " ON v.doc_id = d.doc_id AND v.version = d.version",
    "every document is clustered":
        "SELECT doc_id FROM documents ANTI JOIN clusters USING (doc_id)",
    "every paragraph belongs to a document":
        "SELECT doc_id FROM paragraphs ANTI JOIN documents USING (doc_id)",
    "fingerprints of real texts are non-zero":
        "SELECT doc_id FROM documents WHERE simhash = 0 AND length(text) > 200",
}


def failing_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Name -> number of offending rows, for every check that fails."""
    failures = {}
    for name, sql in CHECKS.items():
        row = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        if row and row[0]:
            failures[name] = int(row[0])
    return failures
