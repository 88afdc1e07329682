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
