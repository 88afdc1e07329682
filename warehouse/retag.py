"""Re-tagging stored documents: replace the current version's claims in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.cleaning import drop_boilerplate_claims
from warehouse.connect import WarehouseError
from warehouse.families import FamilyAssigner, assign_new_families
from warehouse.load import CLAIM_ID_SQL

CLAIM_COLUMNS = ("doc_id", "idx", "section", "text", "topics", "stance", "modality", "hedge",
                 "products", "min_days", "max_days", "anchor", "cues", "sentence_sha1",
                 "tagger_version", "part", "self_contradicting")


def current_texts(con: duckdb.DuckDBPyConnection, batch: int = 1000
                  ) -> Iterator[list[tuple[str, int, str]]]:
    """(doc_id, version, text) of every document's current version, in batches."""
    cur = con.execute("SELECT doc_id, version, text FROM documents ORDER BY doc_id")
    while rows := cur.fetchmany(batch):
        yield [(str(d), int(v), str(t or "")) for d, v, t in rows]


def count_documents(con: duckdb.DuckDBPyConnection) -> int:
    """How many documents the warehouse holds."""
    row = con.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0]) if row else 0


def replace_current_claims(
    con: duckdb.DuckDBPyConnection,
    claims: Iterable[dict[str, Any]],
    schema: pa.Schema,
    assign_families: FamilyAssigner | None = None,
) -> int:
    """Swap every current version's claims for *claims* atomically; return how many kept.

    Claims whose sentence lies only in boilerplate paragraphs (cross-document cleaning)
    are dropped again, as the load drops them; with *assign_families*, claims whose
    labels and family text have no family yet get one, as a load gives them (a claim
    without a family text gets it computed from its sentence).
    """
    table = pa.Table.from_pylist(list(claims), schema=schema)
    # A family text the tagger's rows carry (as the spool does); "" or none is computed by
    # the family step from the sentence.
    family_text = ("nullif(r.family_text, '')" if "family_text" in schema.names
                   else "CAST(NULL AS VARCHAR)")
    con.register("retagged", table)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "DELETE FROM claims WHERE (doc_id, version) IN"
            " (SELECT (doc_id, version) FROM documents)"
        )
        con.execute(
            f"""
            INSERT INTO claims
            SELECT {CLAIM_ID_SQL.format(c="r", v="d.version")}, r.doc_id, d.version, r.idx,
                   r.section, r.text, r.topics, r.stance, r.modality, r.hedge, r.products,
                   r.min_days, r.max_days, r.anchor, r.cues, r.sentence_sha1, r.tagger_version,
                   coalesce(r.part, 0), coalesce(r.self_contradicting, false), {family_text}
            FROM retagged r JOIN documents d USING (doc_id)
            """
        )
        dropped = drop_boilerplate_claims(con, "SELECT doc_id FROM documents")
        if assign_families is not None:
            assign_new_families(con, assign_families)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise WarehouseError(f"re-tagging failed, warehouse unchanged: {exc}") from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("retagged")
    return table.num_rows - dropped


def retag_all(
    con: duckdb.DuckDBPyConnection,
    tag: Callable[[str, str], list[dict[str, Any]]],
    schema: pa.Schema,
    progress: Callable[[int], None] | None = None,
    assign_families: FamilyAssigner | None = None,
) -> int:
    """Tag every current document text with *tag* and replace the claims in one transaction."""
    rows: list[dict[str, Any]] = []
    for batch in current_texts(con):
        for doc_id, _version, text in batch:
            rows.extend(tag(doc_id, text))
        if progress is not None:
            progress(len(batch))
    return replace_current_claims(con, rows, schema, assign_families)
