"""Printing query results as a table, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# C0 and C1 control characters (but tab and newline), DEL and the bidi overrides: shown as
# escapes, so scraped text can never drive the terminal or reorder what is displayed.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f,
                                         *range(0x80, 0xa0)]}
_CONTROLS.update({c: f"\\u{c:04x}" for c in [*range(0x202a, 0x202f), *range(0x2066, 0x206a)]})


def shown_as_data(value: Any) -> Text:
    """A table cell that shows *value* literally: no Rich markup, no control characters."""
    return Text("NULL" if value is None else str(value).translate(_CONTROLS))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time | decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def print_rows(columns: list[str], rows: Sequence[tuple[Any, ...]], fmt: str, console: Console
               ) -> None:
    """Print rows in *fmt*: table (rich, long text wrapped), csv, json (one array) or jsonl."""
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    elif fmt == "json":
        data = [dict(zip(columns, (_jsonable(v) for v in row), strict=True)) for row in rows]
        print(json.dumps(data, ensure_ascii=False))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(dict(zip(columns, (_jsonable(v) for v in row), strict=True)),
                             ensure_ascii=False))
    else:
        table = Table(*columns)
        for column in table.columns:
            column.overflow = "fold"  # wrap long Chinese text instead of cutting it off
        for row in rows:
            table.add_row(*(shown_as_data(v) for v in row))
        console.print(table)
