"""A new warehouse is written in the storage format DuckDB 1.x reads (analysts' tools lag)."""

from __future__ import annotations

import struct
from pathlib import Path

from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

# DuckDB's main header: 8-byte checksum, b"DUCK", then the storage version number.
# 64 is the number every DuckDB 1.x release reads; DuckDB 2.0's own format says 999.
DUCKDB_1_STORAGE = 64


def test_a_new_warehouse_is_readable_by_duckdb_1(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", "花呗逾期会打电话。\n" * 4)],
                [make_claim("d1", 0, "x")])
    load_pending(tmp_path)
    head = warehouse_path(tmp_path).read_bytes()[:20]
    assert head[8:12] == b"DUCK"
    assert struct.unpack("<Q", head[12:20])[0] == DUCKDB_1_STORAGE
