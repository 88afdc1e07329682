"""The spool's columns as DuckDB types, derived from its one Arrow schema (pipeline.spool).

The spool schema is written once, in pyarrow; the load's staging views need
DuckDB column types (a spool written by an older yuqi lacks newer columns,
which are read as typed NULLs). This module maps the Arrow types the spool
uses onto DuckDB's; a type without a mapping is an error, so adding a column
of a new kind fails the tests instead of loading it wrongly.
"""

from __future__ import annotations

import pyarrow as pa

from pipeline.spool import SCHEMAS

_SCALARS: dict[pa.DataType, str] = {
    pa.string(): "VARCHAR",
    pa.large_string(): "VARCHAR",
    pa.bool_(): "BOOLEAN",
    pa.int8(): "TINYINT",
    pa.int16(): "SMALLINT",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.uint8(): "UTINYINT",
    pa.uint16(): "USMALLINT",
    pa.uint32(): "UINTEGER",
    pa.uint64(): "UBIGINT",
    pa.float32(): "FLOAT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
}


class UnmappedArrowType(TypeError):
    """An Arrow type with no DuckDB counterpart here (add it to the mapping)."""


def duckdb_type(arrow_type: pa.DataType) -> str:
    """The DuckDB type of an Arrow type (`list<string>` -> `VARCHAR[]`)."""
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return duckdb_type(arrow_type.value_type) + "[]"
    try:
        return _SCALARS[arrow_type]
    except KeyError:
        raise UnmappedArrowType(f"no DuckDB type for Arrow type {arrow_type}") from None


def duckdb_columns(schema: pa.Schema) -> tuple[tuple[str, str], ...]:
    """(name, DuckDB type) of every field of *schema*, in order."""
    return tuple((f.name, duckdb_type(f.type)) for f in schema)


#: Spool table -> its (column, DuckDB type) pairs, in schema order.
SPOOL_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    table: duckdb_columns(schema) for table, schema in SCHEMAS.items()
}
