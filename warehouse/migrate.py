"""Numbered SQL migrations, each applied with its bookkeeping row in one transaction."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from warehouse.comments import COMMENTS_FILE, apply_comments
from warehouse.connect import WarehouseError

_NAME_RE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One migration file: its number, name, SQL and checksum."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        """SHA-256 of the SQL text; an applied migration must never change."""
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def available_migrations() -> list[Migration]:
    """The migrations shipped in `warehouse/migrations/`, in order."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _NAME_RE.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


#: schema_migrations row that records the comments applied (not a migration file).
COMMENTS_VERSION = 0


def _comments_checksum() -> str:
    """SHA-256 over comments.toml and every migration: what the applied comments depend on."""
    digest = hashlib.sha256(resources.files("warehouse").joinpath(COMMENTS_FILE).read_bytes())
    for mig in available_migrations():
        digest.update(mig.checksum.encode("ascii"))
    return digest.hexdigest()


def _commented_columns(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(comment) FROM duckdb_columns() WHERE database_name = "
                      "current_database() AND schema_name = 'main'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations; refuse if an applied one was edited. Returns versions applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR, checksum VARCHAR, applied_at TIMESTAMP)"
    )
    applied = {
        int(v): str(c) for v, c in con.execute(
            "SELECT version, checksum FROM schema_migrations").fetchall()
    }
    done = []
    for mig in available_migrations():
        if mig.version in applied:
            if applied[mig.version] != mig.checksum:
                raise WarehouseError(
                    f"migration {mig.version:04d}_{mig.name}.sql changed after it was applied "
                    "to this warehouse (made by another yuqi version); rebuild it from the "
                    "spool with `yuqi load --rebuild`"
                )
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?, now()::TIMESTAMP)",
                [mig.version, mig.name, mig.checksum],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(mig.version)
    # The comments of comments.toml, re-applied only when that file or the schema changed:
    # comparing every view's columns costs a third of a second, on every command.
    # The count of commented columns is in the record too: a view redefined by hand (which
    # drops its column comments) gets them back.
    comments = _comments_checksum()
    if done or applied.get(COMMENTS_VERSION) != f"{comments}:{_commented_columns(con)}":
        con.execute("BEGIN TRANSACTION")
        try:
            apply_comments(con)
            con.execute("INSERT OR REPLACE INTO schema_migrations "
                        "VALUES (?, 'comments', ?, now()::TIMESTAMP)",
                        [COMMENTS_VERSION, f"{comments}:{_commented_columns(con)}"])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return done
