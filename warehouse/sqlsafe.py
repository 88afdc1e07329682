"""The safe SQL door behind `yuqi sql`: untrusted, read-only, bounded queries.

The connection is read-only with external access off and its configuration
locked, so file reads (read_csv('/etc/passwd')), COPY ... TO, ATTACH,
INSTALL/LOAD and SET all fail; only SELECT-like statements are accepted at
all, with a memory cap and a wall-clock limit (the query is interrupted).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.errors import UsageError
from warehouse.connect import WarehouseError, describe_open_error

_ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class UnsafeQueryError(UsageError, ValueError):
    """The query is not allowed through the SQL door."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Column names and rows of a query."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


def open_sandboxed(path: Path, memory_limit: str = "1GB") -> duckdb.DuckDBPyConnection:
    """A read-only, no-file-access, locked-configuration connection to the warehouse."""
    if not path.exists():
        raise WarehouseError(f"{path}: no warehouse here; run `yuqi crawl` or `yuqi demo` first")
    config: dict[str, Any] = {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": memory_limit,
        "threads": 2,
        "lock_configuration": True,
    }
    try:
        return duckdb.connect(str(path), read_only=True, config=config)
    except duckdb.Error as exc:
        raise describe_open_error(path, exc) from None


def run_query(
    path: Path, sql: str, timeout: float = 30.0, memory_limit: str = "1GB", max_rows: int = 100_000
) -> QueryResult:
    """Run one untrusted read-only statement and return its first *max_rows* rows."""
    con = open_sandboxed(path, memory_limit)
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise UnsafeQueryError(f"SQL does not parse: {exc}") from None
        if len(statements) != 1:
            raise UnsafeQueryError(f"give exactly one statement, got {len(statements)}")
        stmt_type = statements[0].type
        if stmt_type not in _ALLOWED:
            raise UnsafeQueryError(f"only SELECT queries are allowed here, not {stmt_type.name}")
        timer = threading.Timer(timeout, con.interrupt)
        timer.start()
        try:
            cur = con.execute(sql)
            columns = [d[0] for d in cur.description or []]
            rows = cur.fetchmany(max_rows)
        except duckdb.InterruptException:
            raise UnsafeQueryError(f"query interrupted after the {timeout:.0f}s limit") from None
        except duckdb.Error as exc:
            raise UnsafeQueryError(str(exc).splitlines()[0]) from None
        finally:
            timer.cancel()
        return QueryResult(columns, rows)
    finally:
        con.close()
