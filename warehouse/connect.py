"""Opening the warehouse file: one writer, retried while another process holds the lock."""

from __future__ import annotations

import errno
import random
import re
import time
from pathlib import Path

import duckdb

from pipeline.errors import RunError

WAREHOUSE_FILE = "warehouse.duckdb"
#: The storage format a new warehouse file is written in: DuckDB 1.0 and later read it
#: (analysts' tools lag behind); the setting only matters when the file is created.
STORAGE_COMPATIBILITY = "v1.0.0"
_PID_RE = re.compile(r"PID (\d+)")


class WarehouseError(RunError, RuntimeError):
    """The warehouse cannot be opened or loaded; the message says why in one line."""


def rebuild_hint(path: Path) -> str:
    """How to recover a damaged warehouse: rebuild it from the spool kept on disk."""
    return (f"move it aside or run `yuqi load --rebuild --data-dir {path.parent}` to rebuild it "
            "from the spool")


def describe_open_error(path: Path, exc: Exception) -> WarehouseError:
    """A one-line WarehouseError for a file DuckDB cannot open, with the recovery path."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "not a valid DuckDB database file" in first or "orrupt" in first:
        return WarehouseError(f"{path}: damaged warehouse file ({first}); {rebuild_hint(path)}")
    return WarehouseError(f"{path}: cannot open warehouse: {first}")


def is_disk_full(exc: BaseException) -> bool:
    """True when *exc* (a DuckDB error, an OSError, or a WarehouseError quoting one) says the
    disk or quota is full: DuckDB reports it only in its message."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc)
    return "No space left on device" in text or "Disk quota exceeded" in text


def warehouse_path(data_dir: Path) -> Path:
    """Where the warehouse file of a data directory lives."""
    return data_dir / WAREHOUSE_FILE


class WarehouseLocked(WarehouseError):
    """Another process holds the warehouse's write lock (a load, a retag, a DuckDB client)."""


def _connect(path: Path, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """Connect, retrying with backoff for up to *lock_timeout* s while another process holds it."""
    deadline = time.monotonic() + lock_timeout
    wait = 0.1
    while True:
        try:
            config: dict[str, str | bool | int | float | list[str]] = {} if read_only else {
                "storage_compatibility_version": STORAGE_COMPATIBILITY}
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except (duckdb.SerializationException, duckdb.InternalException) as exc:
            raise describe_open_error(path, exc) from None
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise describe_open_error(path, exc) from None
            if time.monotonic() >= deadline:
                pid = _PID_RE.search(message)
                holder = f"process {pid.group(1)}" if pid else "another process"
                raise WarehouseLocked(
                    f"{path}: warehouse is locked by {holder}; gave up after {lock_timeout:.0f}s"
                ) from None
            time.sleep(min(wait, max(0.0, deadline - time.monotonic())))
            wait = min(wait * 2, 2.0) * (0.8 + 0.4 * random.random())
        except duckdb.Error as exc:
            raise describe_open_error(path, exc) from None


def open_writer(path: Path, lock_timeout: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, retrying with backoff while another process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return _connect(path, False, lock_timeout)


def open_reader(path: Path, lock_timeout: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open an existing warehouse read-only (reports and trusted tooling).

    DuckDB refuses a reader while another process writes; with *lock_timeout*
    the open is retried that long, else `WarehouseLocked` is raised at once.
    """
    if not path.exists():
        raise WarehouseError(f"{path}: no warehouse here; run `yuqi crawl` or `yuqi demo` first")
    return _connect(path, True, lock_timeout)


def move_aside(path: Path) -> Path | None:
    """Rename a (damaged) warehouse file and its WAL out of the way; return the new name."""
    if not path.exists():
        return None
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    target = path.with_name(f"{path.name}.broken-{stamp}")
    path.rename(target)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.rename(target.with_name(target.name + ".wal"))
    return target
