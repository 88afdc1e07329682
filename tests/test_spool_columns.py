"""The spool schema is written once (pipeline.spool); the warehouse derives its DuckDB types."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from pipeline.spool import SCHEMAS, TABLES, write_table_file
from warehouse.load import SPOOL_TABLES
from warehouse.spool_columns import (
    SPOOL_COLUMNS,
    UnmappedArrowType,
    duckdb_columns,
    duckdb_type,
)


def test_every_spool_column_maps_to_a_duckdb_type() -> None:
    assert SPOOL_TABLES == TABLES
    for table, schema in SCHEMAS.items():
        assert [name for name, _ in SPOOL_COLUMNS[table]] == schema.names
        assert all(typ for _, typ in SPOOL_COLUMNS[table])


@pytest.mark.parametrize("table", TABLES)
def test_derived_types_are_what_duckdb_reads_from_the_spool(tmp_path: Path, table: str) -> None:
    """DuckDB reading a spool file sees exactly the derived column types."""
    path = tmp_path / f"w.{table}.00000.parquet"
    write_table_file(path, table, [])
    con = duckdb.connect()
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    assert tuple((str(r[0]), str(r[1])) for r in described) == SPOOL_COLUMNS[table]


def test_known_types_and_lists() -> None:
    assert duckdb_type(pa.uint64()) == "UBIGINT"
    assert duckdb_type(pa.list_(pa.string())) == "VARCHAR[]"
    schema = pa.schema([("a", pa.int32()), ("b", pa.list_(pa.int64()))])
    assert duckdb_columns(schema) == (("a", "INTEGER"), ("b", "BIGINT[]"))


def test_an_unmapped_type_is_an_error() -> None:
    with pytest.raises(UnmappedArrowType, match="decimal"):
        duckdb_type(pa.decimal128(10, 2))


def test_spool_rows_hold_every_field_of_the_records(tmp_path: Path) -> None:
    """The writer's rows (pipeline.spool_rows: tuples in column order) store what `asdict` gave:
    every field of a document, its removals, a claim and a fetch, read back from Parquet."""
    from dataclasses import asdict, replace

    import pyarrow.parquet as pq

    from pipeline.spool import SpoolWriter
    from tests.helpers import make_claim, make_document, make_fetch

    doc = replace(make_document("d1", "r1", "第一段\n第二段"), text_norm="第一段\n第二段")
    claim = replace(make_claim("d1", 0, "花呗逾期会打电话给家人"),
                    family_text="P逾期会打电话给家人")
    fetch = make_fetch("r1", doc.url)
    with SpoolWriter(tmp_path, "w") as spool:
        spool.write_fetch(fetch)
        spool.write_page(doc, [claim])

    def read(table: str) -> list[dict[str, object]]:
        return pq.read_table(next(tmp_path.glob(f"w.{table}.*.parquet"))).to_pylist()

    expected_doc = asdict(doc)
    removals = expected_doc.pop("removals")
    assert read("documents") == [{**expected_doc, "paragraphs": list(doc.paragraphs),
                                  "flags": list(doc.flags)}]
    assert read("removals") == [{"doc_id": "d1", "run_id": "r1", **r} for r in removals]
    claims = read("claims")
    # the spool adds the label signature; tests/test_claim_families.py checks it against
    # the warehouse's claim_signature macro
    assert all(row.pop("signature") for row in claims)
    assert claims == [{**asdict(claim), "topics": list(claim.topics),
                       "products": list(claim.products), "cues": list(claim.cues)}]
    assert read("fetches") == [asdict(fetch)]


def test_site_rows_pack_and_unpack_as_they_were() -> None:
    """A replay worker's rows reach its parent unchanged: tuples stay tuples, pages'
    rows PageRows, booleans booleans; a value marshal cannot take goes by pickle."""
    from datetime import date

    from pipeline.spool_rows import PageRows, pack_site_rows, unpack_site_rows

    page = PageRows("d1", ("d1", "花呗逾期", (), None, 3, True),
                    (("d1", 0, "催收会打电话吗？", ("contacts_family",), False),), ())
    fetch = ("r1", "http://127.0.0.1/a/1.html", None, 200, False, -1)
    rows = [("farm-a", fetch), ("farm-a", page), ("farm-b", ())]
    packed = pack_site_rows(rows)
    back = unpack_site_rows(packed)
    assert back == rows
    assert isinstance(back[1][1], PageRows) and not isinstance(back[0][1], PageRows)
    assert [type(v) for v in back[0][1]] == [type(v) for v in fetch]
    odd = [("farm-a", ("r1", date(2026, 1, 2)))]
    packed_odd = pack_site_rows(odd)
    assert packed_odd[:1] != packed[:1]  # the other format
    assert unpack_site_rows(packed_odd) == odd
    assert unpack_site_rows(pack_site_rows([])) == []


def test_a_page_result_packs_and_unpacks_as_it_was() -> None:
    """What a crawl's stages worker sends back reaches the crawl process unchanged."""
    from pipeline.page import PageRowsResult, pack_page_rows_result, unpack_page_rows_result
    from pipeline.spool_rows import PageRows

    rows = PageRows("d1", ("d1", "借呗", ("p1", "p2"), None, 7, False),
                    (("d1", 0, "会起诉吗", ("legal_action",)),), (("d1", "teaser", "相关推荐"),))
    for result in (PageRowsResult(rows), PageRowsResult(rows, "short_text"),
                   PageRowsResult(None, "not_article")):
        back = unpack_page_rows_result(pack_page_rows_result(result))
        assert back == result
        assert (back.rows is None) == (result.rows is None)
        assert back.rows is None or isinstance(back.rows, PageRows)
