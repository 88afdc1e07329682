"""Exporting the warehouse as Parquet files, for pandas, Polars or Spark users."""

from __future__ import annotations

from pathlib import Path

from warehouse.connect import open_reader

# Views worth taking along: they carry the business logic (independence, families).
EXPORTED_VIEWS = ("v_claims", "v_independent_claims", "v_topic_stance", "v_thresholds",
                  "v_contradictions", "v_changes", "v_rule_conflicts")


def export_parquet(db_path: Path, out_dir: Path) -> list[Path]:
    """Write every table and the main views to `out_dir/<name>.parquet`; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    con = open_reader(db_path)
    try:
        tables = [name for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            " AND schema_name = 'main' ORDER BY table_name").fetchall()]
        written = []
        for name in [*tables, *EXPORTED_VIEWS]:
            target = out_dir / f"{name}.parquet"
            tmp = target.with_name(target.name + ".tmp")
            con.execute(f'COPY (SELECT * FROM "{name}") TO ? (FORMAT parquet, '
                        "COMPRESSION zstd)", [str(tmp)])
            tmp.replace(target)
            written.append(target)
        return written
    finally:
        con.close()
