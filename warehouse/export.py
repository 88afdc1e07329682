"""Exporting the warehouse as Parquet files, for pandas, Polars or Spark users."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from pipeline.files import atomic_write_text, fsync_path
from warehouse.connect import WarehouseError, open_reader

# Views worth taking along: they carry the business logic (independence, families).
EXPORTED_VIEWS = ("v_claims", "v_independent_claims", "v_topic_stance", "v_thresholds",
                  "v_contradictions", "v_changes", "v_rule_conflicts")


#: Written last into the export folder: the export is complete when it is there.
MANIFEST_FILE = "export.json"


def export_parquet(db_path: Path, out_dir: Path) -> list[Path]:
    """Write every table and the main views to `out_dir/<name>.parquet`; return the files.

    Each file is written to a temp name and renamed; `export.json` (names, row counts)
    is written last, so a folder without it is an export that did not finish, and
    nothing half-written is left behind when it fails (a full disk).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MANIFEST_FILE).unlink(missing_ok=True)
    con = open_reader(db_path)
    written: list[Path] = []
    counts: dict[str, int] = {}
    tmp: Path | None = None
    try:
        tables = [name for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            " AND schema_name = 'main' ORDER BY table_name").fetchall()]
        for name in [*tables, *EXPORTED_VIEWS]:
            target = out_dir / f"{name}.parquet"
            tmp = target.with_name(target.name + ".tmp")
            con.execute(f'COPY (SELECT * FROM "{name}") TO ? (FORMAT parquet, '
                        "COMPRESSION zstd)", [str(tmp)])
            fsync_path(tmp)
            tmp.replace(target)
            tmp = None
            row = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            counts[name] = int(row[0]) if row else 0
            written.append(target)
    except (duckdb.Error, OSError) as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise WarehouseError(f"{out_dir}: export did not finish ({first}); "
                             f"{len(written)} files written, no {MANIFEST_FILE}") from None
    finally:
        con.close()
    atomic_write_text(out_dir / MANIFEST_FILE, json.dumps(
        {"complete": True, "warehouse": db_path.name, "rows": counts}, indent=1) + "\n")
    return written
