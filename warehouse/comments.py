"""Column comments of the views (and a few table comments): data, applied after migrating.

`CREATE OR REPLACE VIEW` drops a view's column comments, so they cannot live in
the migration that creates the view: a later migration redefining it would lose
them without a trace. They live in `warehouse/comments.toml` and are applied
whenever the schema is brought up to date (`warehouse.migrate.migrate`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import duckdb

from warehouse.connect import WarehouseError

COMMENTS_FILE = "comments.toml"


@dataclass(frozen=True, slots=True)
class RelationComments:
    """The comments `comments.toml` gives one table or view."""

    name: str
    kind: str  # "table" or "view"
    comment: str | None = None
    inherit_from: tuple[str, ...] = ()
    columns: Mapping[str, str] = field(default_factory=dict)


def _strings(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()):
        raise WarehouseError(f"{where}: must be a table of column = \"comment\" strings")
    return dict(value)


def _relation(name: str, kind: str, raw: Any, where: str) -> RelationComments:
    if not isinstance(raw, dict):
        raise WarehouseError(f"{where}: must be a table")
    allowed = {"comment", "columns"} | ({"from"} if kind == "view" else set())
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise WarehouseError(f"{where}.{unknown[0]}: unknown key")
    comment = raw.get("comment")
    if comment is not None and (not isinstance(comment, str) or not comment.strip()):
        raise WarehouseError(f"{where}.comment: must be a non-empty string")
    inherit = raw.get("from", [])
    if not isinstance(inherit, list) or not all(isinstance(t, str) for t in inherit):
        raise WarehouseError(f"{where}.from: must be a list of table names")
    return RelationComments(name, kind, comment, tuple(inherit),
                            _strings(raw.get("columns", {}), f"{where}.columns"))


def parse_comments(toml_text: str, source: str = COMMENTS_FILE) -> list[RelationComments]:
    """Parse and validate the comments file; errors name the file and the key."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{source}: invalid TOML: {exc}") from None
    unknown = sorted(set(data) - {"tables", "views"})
    if unknown:
        raise WarehouseError(f"{source}: {unknown[0]}: unknown key (expected tables, views)")
    found: list[RelationComments] = []
    for section, kind in (("tables", "table"), ("views", "view")):
        entries = data.get(section, {})
        if not isinstance(entries, dict):
            raise WarehouseError(f"{source}: {section}: must be a table of [{section}.<name>]")
        found.extend(_relation(name, kind, raw, f"{source}: {section}.{name}")
                     for name, raw in entries.items())
    return found


def shipped_comments() -> list[RelationComments]:
    """The comments file shipped with yuqi."""
    text = resources.files("warehouse").joinpath(COMMENTS_FILE).read_text("utf-8")
    return parse_comments(text, f"warehouse/{COMMENTS_FILE}")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str | None]:
    """Column name -> comment of one table or view of the main schema, in column order.

    A view's column list in the catalog is the one it had when created (a `c.*` view
    does not show columns its table gained later) until the view is bound again, so
    the view is bound first.
    """
    if con.execute("SELECT 1 FROM duckdb_views() WHERE database_name = current_database() "
                   "AND schema_name = 'main' AND view_name = ?", [relation]).fetchone():
        con.execute(f"SELECT * FROM {_quote(relation)} LIMIT 0").fetchall()
    rows = con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE database_name = "
        "current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [relation]).fetchall()
    return {str(name): (str(comment) if comment else None) for name, comment in rows}


def resolved_column_comments(con: duckdb.DuckDBPyConnection,
                             entry: RelationComments) -> dict[str, str]:
    """The comment each column of `entry`'s relation gets: its own entry, else inherited.

    Columns the relation does not have are left out (the dictionary test reports them).
    """
    present = _columns(con, entry.name)
    sources = [_columns(con, table) for table in entry.inherit_from]
    resolved: dict[str, str] = {}
    for column in present:
        text = entry.columns.get(column)
        if text is None:
            text = next((src[column] for src in sources if src.get(column)), None)
        if text is not None:
            resolved[column] = text
    return resolved


def apply_comments(con: duckdb.DuckDBPyConnection,
                   entries: list[RelationComments] | None = None) -> None:
    """Set the table, view and column comments of `comments.toml` on a migrated warehouse.

    Relations the warehouse does not have are skipped, so an older or newer schema
    still opens; the dictionary test keeps the file and the schema in step.
    """
    for entry in shipped_comments() if entries is None else entries:
        present = _columns(con, entry.name)
        if not present:
            continue
        if entry.comment is not None and entry.comment != _relation_comment(con, entry):
            con.execute(f"COMMENT ON {entry.kind.upper()} {_quote(entry.name)} IS "
                        f"{_literal(entry.comment)}")
        for column, text in resolved_column_comments(con, entry).items():
            if present.get(column) != text:
                con.execute(f"COMMENT ON COLUMN {_quote(entry.name)}.{_quote(column)} IS "
                            f"{_literal(text)}")


def _relation_comment(con: duckdb.DuckDBPyConnection, entry: RelationComments) -> str | None:
    catalog = "duckdb_tables()" if entry.kind == "table" else "duckdb_views()"
    name = "table_name" if entry.kind == "table" else "view_name"
    row = con.execute(f"SELECT comment FROM {catalog} WHERE database_name = current_database() "
                      f"AND schema_name = 'main' AND {name} = ?", [entry.name]).fetchone()
    return str(row[0]) if row and row[0] else None
