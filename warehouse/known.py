"""What the warehouse knows about already-fetched article URLs (for incremental recrawl).

A crawl must start even while a load (or any writer) holds the warehouse: every
load ends by writing a snapshot of the known pages beside the warehouse
(`known_pages.parquet`, written to a temp name and renamed), and a crawl that
finds the warehouse locked reads that snapshot instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from pipeline.records import KnownPage
from warehouse.connect import WarehouseLocked, open_reader

SNAPSHOT_FILE = "known_pages.parquet"

# The validators of each article URL's latest 200 response, for URLs whose latest fetch
# (200 or 304) says they still exist; a URL that went 404/410 is requested afresh.
_KNOWN_SQL = """
WITH ok AS (
    SELECT site, url, etag, last_modified, sitemap_lastmod, warc_record_id, fetched_at
    FROM fetches
    WHERE status = 200 AND is_article AND (? IS NULL OR site IN (SELECT unnest(?::VARCHAR[])))
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
), latest AS (
    SELECT url, status, sitemap_lastmod, fetched_at
    FROM fetches
    WHERE is_article AND (? IS NULL OR site IN (SELECT unnest(?::VARCHAR[])))
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
)
SELECT ok.site, ok.url, ok.etag, ok.last_modified,
       coalesce(latest.sitemap_lastmod, ok.sitemap_lastmod) AS sitemap_lastmod,
       ok.warc_record_id,
       strftime(ok.fetched_at, '%Y-%m-%dT%H:%M:%SZ') AS fetched_at,
       strftime(latest.fetched_at, '%Y-%m-%dT%H:%M:%SZ') AS checked_at
FROM ok JOIN latest USING (url)
WHERE latest.status IN (200, 304)
"""


_SNAPSHOT_SQL = """
SELECT site, url, etag, last_modified, sitemap_lastmod, warc_record_id, fetched_at, checked_at
FROM read_parquet(?) WHERE site IN (SELECT unnest(?::VARCHAR[]))
"""


def snapshot_path(warehouse: Path) -> Path:
    """Where the known-pages snapshot of a warehouse file lives (beside it)."""
    return warehouse.with_name(SNAPSHOT_FILE)


def _has_fetch_validators(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.columns"
        " WHERE table_name = 'fetches' AND column_name = 'sitemap_lastmod'"
    ).fetchone()
    return bool(row and row[0])  # made before migration 0004: the next load migrates it


def write_known_snapshot(con: duckdb.DuckDBPyConnection, warehouse: Path) -> Path:
    """Write every site's known pages to the snapshot file, atomically (temp name, rename).

    Why: so that the next crawl can read them while another load holds the warehouse.
    """
    target = snapshot_path(warehouse)
    tmp = target.with_name(target.name + ".tmp")
    if _has_fetch_validators(con):
        con.execute(f"COPY ({_KNOWN_SQL}) TO '{_quoted(tmp)}' (FORMAT parquet)", [None, None, None,
                                                                                   None])
        tmp.replace(target)
    return target


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _rows_to_pages(rows: list[tuple[object, ...]]) -> list[KnownPage]:
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return [KnownPage(site=str(r[0]), url=str(r[1]), etag=text(r[2]), last_modified=text(r[3]),
                      sitemap_lastmod=text(r[4]), warc_record_id=text(r[5]),
                      fetched_at=str(r[6]), checked_at=str(r[7])) for r in rows]


def known_pages(path: Path, sites: Sequence[str], lock_timeout: float = 30.0
                ) -> list[KnownPage]:
    """Known article URLs of *sites* with their validators; empty when there is no warehouse.

    Read from the warehouse; when another process holds it, from the snapshot the
    last load wrote, or (no snapshot yet) after waiting up to *lock_timeout* s.
    """
    if not path.exists():
        return []
    try:
        con = open_reader(path)
    except WarehouseLocked:
        snapshot = snapshot_path(path)
        if snapshot.exists():
            with duckdb.connect(":memory:") as mem:
                return _rows_to_pages(mem.execute(_SNAPSHOT_SQL,
                                                  [str(snapshot), list(sites)]).fetchall())
        con = open_reader(path, lock_timeout)
    try:
        if not _has_fetch_validators(con):
            return []
        rows = con.execute(_KNOWN_SQL, [list(sites)] * 4).fetchall()
    finally:
        con.close()
    return _rows_to_pages(rows)
