"""The safe SQL door behind `yuqi sql`: untrusted, read-only, bounded queries.

Three fences, each enough on its own for what it guards:

- What may run: the statement is parsed by DuckDB itself and must serialize as
  one plain SELECT (`json_serialize_sql`); `EXPLAIN` only of such a SELECT. The
  parse tree is walked for functions that reveal paths or settings
  (`duckdb_settings()`, `current_setting`, `duckdb_databases()`...) or run SQL
  held in a string (`query()`), which are refused. Nothing can create an object.
- What the connection may do: read-only, external access off (no file reads,
  COPY, ATTACH, INSTALL/LOAD), configuration locked, no temp directory (a
  query that would spill fails instead of filling the disk beside the
  warehouse), `memory_limit` and two threads.
- What the process may take: the query runs in a child process whose address
  space is capped (RLIMIT_AS) at the memory limit plus what the interpreter
  already maps, so allocations DuckDB does not count (huge lists, strings) fail
  there; DuckDB is interrupted at the time limit, and the child is killed if it
  has not answered shortly after.
"""

from __future__ import annotations

import contextlib
import json
import math
import multiprocessing
import re
import resource
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import duckdb

from pipeline.errors import UsageError
from warehouse.connect import WarehouseError, describe_open_error

#: Table and scalar functions that reveal file paths, settings or secrets, or run SQL
#: given as a string (which would slip past the parse-tree check).
DENIED_FUNCTIONS = frozenset({
    "current_setting", "duckdb_settings", "duckdb_databases", "duckdb_extensions",
    "duckdb_temporary_files", "duckdb_secrets", "which_secret", "duckdb_logs",
    "duckdb_log_contexts", "duckdb_external_file_cache", "getenv", "query", "query_table",
    "json_execute_serialized_sql", "json_deserialize_sql",
})
DENIED_PREFIXES = ("pragma_",)
#: Seconds the child gets after the time limit to stop by itself before it is killed.
KILL_GRACE = 3.0
#: Address space allowed above the interpreter's own at the start of the query.
AS_HEADROOM = 256 * 1024 * 1024
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?i?B)?\s*$", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
_LEADING_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.DOTALL)
_EXPLAIN = re.compile(r"^EXPLAIN\s+(?:\(\s*[^)]*\)\s*|ANALYZE\s+)?", re.IGNORECASE)


class UnsafeQueryError(UsageError, ValueError):
    """The query is not allowed through the SQL door, or it broke one of the door's limits."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Column names and rows of a query."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


def parse_size(text: str) -> int:
    """Bytes in a DuckDB-style size such as `1GB`, `512MiB` or `800000000`.

    Why: the same limit is given to DuckDB and to the operating system, so it is
    read once here and refused when it is not a size.
    """
    match = _SIZE_RE.match(text)
    if not match:
        raise UnsafeQueryError(f"--memory-limit takes a size such as 1GB or 512MB, got {text!r}")
    number, unit = float(match.group(1)), (match.group(2) or "B").lower()
    size = int(number * _UNITS[unit])
    if size < 16 * 2**20:
        raise UnsafeQueryError(f"--memory-limit must be at least 16MB, got {text!r}")
    return size


def check_timeout(timeout: float) -> None:
    """Refuse a time limit that is not a finite, positive number of seconds."""
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        raise UnsafeQueryError(f"--timeout takes a positive number of seconds, got {timeout!r}")


def open_sandboxed(path: Path, memory_limit: str = "1GB") -> duckdb.DuckDBPyConnection:
    """A read-only, no-file-access, no-spill, locked-configuration connection to the warehouse."""
    if not path.exists():
        raise WarehouseError(f"{path}: no warehouse here; run `yuqi crawl` or `yuqi demo` first")
    config: dict[str, Any] = {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": memory_limit,
        "threads": 2,
        "temp_directory": "",
        "lock_configuration": True,
    }
    try:
        return duckdb.connect(str(path), read_only=True, config=config)
    except duckdb.Error as exc:
        raise describe_open_error(path, exc) from None


def _function_names(tree: Any) -> Iterator[str]:
    """Every function and table name in a `json_serialize_sql` parse tree.

    Table names count too: `FROM pragma_database_list` calls the table function.
    """
    if isinstance(tree, dict):
        for key in ("function_name", "table_name"):
            name = tree.get(key)
            if isinstance(name, str):
                yield name.lower()
        for value in tree.values():
            yield from _function_names(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _function_names(value)


def _serialized_select(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, Any] | None:
    row = con.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    tree = json.loads(row[0]) if row else {"error": True}
    return None if tree.get("error") else dict(tree)


def check_statement(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise UnsafeQueryError unless *sql* is one SELECT (or EXPLAIN of one), no denied function.

    Why: DuckDB's own parser decides, so comments, quoting and case tricks
    change nothing; the check runs before the query touches any data.
    """
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise UnsafeQueryError(f"SQL does not parse: {str(exc).splitlines()[0]}") from None
    if len(statements) != 1:
        raise UnsafeQueryError(f"give exactly one statement, got {len(statements)}")
    statement = statements[0]
    body = statement.query
    if statement.type == duckdb.StatementType.EXPLAIN:
        body = _EXPLAIN.sub("", _LEADING_COMMENTS.sub("", body), count=1)
    elif statement.type != duckdb.StatementType.SELECT:
        raise UnsafeQueryError(f"only SELECT queries are allowed here, not {statement.type.name}")
    tree = _serialized_select(con, body)
    if tree is None:
        raise UnsafeQueryError("only SELECT queries (and EXPLAIN of a SELECT) are allowed here")
    for name in _function_names(tree):
        if name in DENIED_FUNCTIONS or name.startswith(DENIED_PREFIXES):
            raise UnsafeQueryError(f"{name}() is not available through `yuqi sql`")


def _address_space_now() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _cap_address_space(limit: int) -> None:
    """Cap this process's address space at what it maps now plus *limit* (Linux)."""
    now = _address_space_now()
    if now:
        cap = now + limit + AS_HEADROOM
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _child(conn: Connection, path: str, sql: str, timeout: float, memory_limit: str,
           limit: int, max_rows: int) -> None:
    """Run the query in this (child) process and send ("ok"|"unsafe"|"warehouse", payload)."""
    try:
        con = open_sandboxed(Path(path), memory_limit)
    except WarehouseError as exc:
        conn.send(("warehouse", str(exc)))
        return
    try:
        check_statement(con, sql)
        _cap_address_space(limit)
        timer = threading.Timer(timeout, con.interrupt)
        timer.start()
        try:
            cur = con.execute(sql)
            columns = [d[0] for d in cur.description or []]
            rows = cur.fetchmany(max_rows)
        finally:
            timer.cancel()
        conn.send(("ok", (columns, rows)))
    except UnsafeQueryError as exc:
        conn.send(("unsafe", str(exc)))
    except duckdb.InterruptException:
        conn.send(("unsafe", f"query interrupted after the {timeout:g}s limit"))
    except MemoryError:
        conn.send(("unsafe", f"query ran out of its {memory_limit} memory limit"))
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "Out of Memory" in first or "could not allocate" in first.lower():
            first = f"query ran out of its {memory_limit} memory limit ({first})"
        conn.send(("unsafe", first))
    finally:
        con.close()


def run_query(
    path: Path, sql: str, timeout: float = 30.0, memory_limit: str = "1GB", max_rows: int = 100_000
) -> QueryResult:
    """Run one untrusted read-only statement and return its first *max_rows* rows.

    The query runs in a child process bounded in memory and time (module doc);
    whatever it does, this process gets rows or an UnsafeQueryError.
    """
    check_timeout(timeout)
    limit = parse_size(memory_limit)
    if not path.exists():
        raise WarehouseError(f"{path}: no warehouse here; run `yuqi crawl` or `yuqi demo` first")
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, daemon=True,
                       args=(sender, str(path), sql, timeout, memory_limit, limit, max_rows))
    proc.start()
    sender.close()
    answer: tuple[str, Any] | None = None
    try:
        if not receiver.poll(timeout + KILL_GRACE):
            raise UnsafeQueryError(f"query stopped after the {timeout:g}s limit")
        with contextlib.suppress(EOFError):
            answer = receiver.recv()
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receiver.close()
    if answer is None:
        raise UnsafeQueryError(f"query ended without an answer (exit status {proc.exitcode}); "
                               f"it most likely broke its {memory_limit} memory limit")
    kind, payload = answer
    if kind == "warehouse":
        raise WarehouseError(payload)
    if kind == "unsafe":
        raise UnsafeQueryError(payload)
    columns, rows = payload
    return QueryResult(columns, rows)
