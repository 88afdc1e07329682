"""Exporting the warehouse as Parquet files, for pandas, Polars or Spark users."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from pipeline.faults import pause_point
from pipeline.files import atomic_write_text, fsync_path
from warehouse.connect import WarehouseError, open_reader
from warehouse.dictionary import Relation, relations, render_markdown

#: Written last into the export folder: the export is complete when it is there.
MANIFEST_FILE = "export.json"

#: The data dictionary of the exported warehouse, written beside the Parquet files.
DICTIONARY_FILE = "schema.md"

#: Parquet key-value metadata keys: the relation's comment, and each column's.
COMMENT_KEY = "yuqi:comment"
COLUMN_KEY_PREFIX = "yuqi:column:"


def _kv_metadata(relation: Relation) -> str:
    """A DuckDB struct literal carrying the relation's and its columns' comments."""
    pairs = [(COMMENT_KEY, relation.comment or "")]
    pairs += [(COLUMN_KEY_PREFIX + c.name, c.comment or "") for c in relation.columns]

    def lit(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    return "{" + ", ".join(f"{lit(k)}: {lit(v)}" for k, v in pairs) + "}"


def export_parquet(db_path: Path, out_dir: Path) -> list[Path]:
    """Write every table and view to `out_dir/<name>.parquet`; return the files.

    The views carry the business logic (independence, families, contradictions), so
    Parquet users get the same answers as SQL users. Table, view and column comments
    go into each file's key-value metadata (`yuqi:comment`, `yuqi:column:<name>`) and
    into `schema.md`, the data dictionary of the export. Each file is written to a
    temp name and renamed; `export.json` (names, row counts)
    is written last, so a folder without it is an export that did not finish, and
    nothing half-written is left behind when it fails (a full disk).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MANIFEST_FILE).unlink(missing_ok=True)
    for stale in out_dir.glob("*.parquet.tmp"):  # a killed export's unfinished file
        stale.unlink()
    con = open_reader(db_path)
    written: list[Path] = []
    counts: dict[str, int] = {}
    tmp: Path | None = None
    try:
        for relation in relations(con):
            name = relation.name
            target = out_dir / f"{name}.parquet"
            tmp = target.with_name(target.name + ".tmp")
            con.execute(f'COPY (SELECT * FROM "{name}") TO ? (FORMAT parquet, '
                        f"COMPRESSION zstd, KV_METADATA {_kv_metadata(relation)})", [str(tmp)])
            fsync_path(tmp)
            tmp.replace(target)
            tmp = None
            row = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            counts[name] = int(row[0]) if row else 0
            written.append(target)
            pause_point("export_file")
        atomic_write_text(out_dir / DICTIONARY_FILE,
                          render_markdown(con, f"Export of {db_path.name}"))
    except (duckdb.Error, OSError) as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise WarehouseError(f"{out_dir}: export did not finish ({first}); "
                             f"{len(written)} files written, no {MANIFEST_FILE}") from None
    finally:
        con.close()
    atomic_write_text(out_dir / MANIFEST_FILE, json.dumps(
        {"complete": True, "warehouse": db_path.name, "dictionary": DICTIONARY_FILE,
         "rows": counts}, indent=1) + "\n")
    return written
