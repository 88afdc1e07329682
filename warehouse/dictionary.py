"""The data dictionary: every table and view of the warehouse with its columns, types and comments.

Rendered from the warehouse's own COMMENTs, so the dictionary cannot drift from
the schema: `yuqi docs` writes it for the current code (docs/warehouse.md, checked
in CI to be current) and `yuqi export` writes one for the exported warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from warehouse.migrate import migrate


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table or view."""

    name: str
    type: str
    comment: str | None


@dataclass(frozen=True, slots=True)
class Relation:
    """One table or view with its comment and columns."""

    name: str
    kind: str  # "table" or "view"
    comment: str | None
    columns: tuple[Column, ...]


def relations(con: duckdb.DuckDBPyConnection) -> list[Relation]:
    """Every table, then every view, of the warehouse's main schema, by name."""
    listed = con.execute(
        "SELECT table_name, 'table', comment FROM duckdb_tables() WHERE database_name = "
        "current_database() AND schema_name = 'main' UNION ALL "
        "SELECT view_name, 'view', comment FROM duckdb_views() WHERE database_name = "
        "current_database() AND schema_name = 'main' AND NOT internal "
        "ORDER BY 2, 1").fetchall()
    found = []
    for name, kind, comment in listed:
        # DESCRIBE binds the relation: a view's catalog column list can be older than
        # what the view returns (see warehouse.comments._columns); comments by name.
        described = con.execute(f'DESCRIBE SELECT * FROM "{name}"').fetchall()
        comments = dict(con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE database_name = "
            "current_database() AND schema_name = 'main' AND table_name = ?", [name]).fetchall())
        columns = tuple(Column(str(row[0]), str(row[1]),
                               str(comments[row[0]]) if comments.get(row[0]) else None)
                        for row in described)
        found.append(Relation(str(name), str(kind), str(comment) if comment else None, columns))
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(con: duckdb.DuckDBPyConnection, title: str = "The yuqi warehouse") -> str:
    """The data dictionary of the warehouse behind `con`, as Markdown."""
    rels = relations(con)
    lines = [f"# {title}", "",
             "Every table and view, with its columns, DuckDB types and comments (from the",
             "warehouse's own `COMMENT`s; `yuqi docs` regenerates this file). Label values",
             "(topics, stances, products, thresholds) are explained in `docs/labels.md`.", ""]
    for kind, heading in (("table", "Tables"), ("view", "Views")):
        lines += [f"## {heading}", ""]
        lines += [f"- [`{r.name}`](#{r.name})" for r in rels if r.kind == kind]
        lines.append("")
        for rel in (r for r in rels if r.kind == kind):
            lines += [f"### {rel.name}", "", _cell(rel.comment or "(no comment)"), "",
                      "| column | type | meaning |", "|---|---|---|"]
            lines += [f"| `{c.name}` | `{_cell(c.type)}` | {_cell(c.comment or '')} |"
                      for c in rel.columns]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def current_schema_markdown() -> str:
    """The dictionary of a new warehouse made by this version of yuqi (no data needed)."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        return render_markdown(con)
    finally:
        con.close()
