"""Re-tagging every stored document with the current tagger, in one transaction."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from warehouse.connect import open_writer, warehouse_path
from warehouse.migrate import migrate


def retag_warehouse(data_dir: Path, lock_timeout: float = 30.0) -> tuple[int, str]:
    """Re-tag every current document text; replace all current claims in one transaction."""
    from dataclasses import asdict

    from rich.progress import Progress

    from pipeline.claim_families import family_text, product_names
    from pipeline.claims import TAGGER_VERSION, tag_document
    from pipeline.spool import SCHEMAS
    from warehouse.retag import count_documents, retag_all
    from yuqi.app.load import assign_claim_families

    def tag(doc_id: str, text: str) -> list[dict[str, Any]]:
        rows = []
        for claim in tag_document(doc_id, text):
            row = asdict(claim)
            for key in ("topics", "products", "cues"):
                row[key] = list(row[key])
            # as the spool writes it: each claim finds its family by labels and this text
            row["family_text"] = claim.family_text or family_text(claim.text, product_names())
            rows.append(row)
        return rows

    con = open_writer(warehouse_path(data_dir), lock_timeout)
    try:
        migrate(con)
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("re-tagging", total=count_documents(con))
            count = retag_all(con, tag, SCHEMAS["claims"],
                              lambda n: progress.advance(task, n), assign_claim_families)
        con.execute("CHECKPOINT")
        return count, TAGGER_VERSION
    finally:
        con.close()
