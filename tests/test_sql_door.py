"""`yuqi sql` is safe for untrusted SQL: read-only, no files, no config changes, bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from warehouse.sqlsafe import UnsafeQueryError, run_query
from yuqi.app.load import load_pending

TEXT = "\n".join(["花呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。"] * 4)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    write_spool(data, "run1", [make_document("d1", "run1", TEXT)], [make_claim("d1", 0, "x")])
    load_pending(data)
    return warehouse_path(data)


def test_select_works(db: Path) -> None:
    result = run_query(db, "SELECT count(*) AS n FROM claims")
    assert result.columns == ["n"] and result.rows == [(1,)]


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        "COPY claims TO '/tmp/yuqi-leak.csv'",
        "ATTACH '/tmp/yuqi-other.duckdb' AS other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET memory_limit = '100GB'",
        "SET enable_external_access = true",
        "DELETE FROM claims",
        "CREATE TABLE t AS SELECT 1",
        "SELECT 1; SELECT 2",
        "PRAGMA enable_profiling",
    ],
)
def test_dangerous_statements_are_refused(db: Path, sql: str) -> None:
    with pytest.raises(UnsafeQueryError):
        run_query(db, sql)
    assert not Path("/tmp/yuqi-leak.csv").exists()
    assert run_query(db, "SELECT count(*) FROM claims").rows == [(1,)]


def test_runaway_query_is_interrupted(db: Path) -> None:
    with pytest.raises(UnsafeQueryError, match="interrupted"):
        run_query(db, "SELECT count(*) FROM range(1000000000000) a", timeout=0.5)


# Queries that used to escape the limits: DuckDB does not count huge lists and strings
# against memory_limit, and a spilling sort wrote gigabytes beside the warehouse.
RUNAWAYS = [
    "SELECT len(range(0, 500000000))",
    "SELECT len(list_sort(range(300000000)))",
    "SELECT length(repeat('x', 2000000000))",
    "SELECT * FROM range(200000000) r ORDER BY random()",
]
_MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print(r.returncode)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.stderr.write(r.stderr)\n"
)


@pytest.mark.parametrize("sql", RUNAWAYS)
def test_runaway_queries_stay_within_memory_time_and_disk(db: Path, sql: str) -> None:
    """Each ends with a one-line error, peak RSS under the memory cap + 300 MB, no file written.

    (How soon it ends is a bench matter; the run is bounded here only as a hang guard.)
    """
    import subprocess
    import sys

    from tests.cli import yuqi_command

    before = sorted(p.name for p in db.parent.rglob("*"))
    timeout, limit_mb = 8, 256
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *yuqi_command(), "sql", sql, "--data-dir",
         str(db.parent), "--timeout", str(timeout), "--memory-limit", f"{limit_mb}MB"],
        capture_output=True, text=True, timeout=timeout + 60,
    )
    code, peak_kb = (int(v) for v in proc.stdout.split())
    assert code == 2, proc.stderr
    assert proc.stderr.startswith("yuqi: error: ") and len(proc.stderr.strip().splitlines()) == 1
    assert peak_kb / 1024 < limit_mb + 300
    assert sorted(p.name for p in db.parent.rglob("*")) == before


@pytest.mark.parametrize("sql", [
    "SELECT * FROM duckdb_settings()",
    "SELECT current_setting('temp_directory')",
    "SELECT path FROM duckdb_databases()",
    "select * from DUCKDB_SETTINGS() /* case and comments */",
    "SELECT * FROM query('SELECT * FROM duckdb_settings()')",
    "SELECT * FROM pragma_database_list",
    "EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1",
    "EXPLAIN CREATE TABLE t (a INT)",
    "CREATE TEMP TABLE t AS SELECT 1",
    "CREATE MACRO m() AS 1",
])
def test_paths_settings_and_object_creation_are_refused(db: Path, sql: str) -> None:
    with pytest.raises(UnsafeQueryError):
        run_query(db, sql)


def test_explain_of_a_select_and_the_catalog_stay_available(db: Path) -> None:
    assert run_query(db, "EXPLAIN SELECT count(*) FROM claims").rows
    tables = {r[0] for r in run_query(db, "SELECT table_name FROM duckdb_tables()").rows}
    assert "claims" in tables


@pytest.mark.parametrize("timeout", [float("inf"), float("nan"), 0.0, -1.0])
def test_timeout_must_be_finite_and_positive(db: Path, timeout: float) -> None:
    with pytest.raises(UnsafeQueryError, match="--timeout"):
        run_query(db, "SELECT 1", timeout=timeout)


@pytest.mark.parametrize("limit", ["lots", "1XB", "1KB"])
def test_memory_limit_must_be_a_size(db: Path, limit: str) -> None:
    with pytest.raises(UnsafeQueryError, match="--memory-limit"):
        run_query(db, "SELECT 1", memory_limit=limit)


def test_sql_file_may_start_with_comments(db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from yuqi.cli import app

    query = tmp_path / "q.sql"
    query.write_text("-- how many claims?\n/* a block comment */\nSELECT count(*) AS n "
                     "FROM claims\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sql", "-f", str(query), "--data-dir", str(db.parent),
                                      "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "n\n1\n"
    both = CliRunner().invoke(app, ["sql", "SELECT 1", "-f", str(query), "--data-dir",
                                    str(db.parent)])
    assert both.exit_code == 2 and "either" in both.stderr


@pytest.mark.parametrize("cookbook", sorted((Path(__file__).resolve().parents[1] / "warehouse"
                                             / "cookbook").glob("*.sql")), ids=lambda p: p.name)
def test_every_cookbook_file_runs_through_sql_f(db: Path, cookbook: Path) -> None:
    from typer.testing import CliRunner

    from yuqi.cli import app

    result = CliRunner().invoke(app, ["sql", "-f", str(cookbook), "--data-dir", str(db.parent),
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
