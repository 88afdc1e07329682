"""What the warehouse knows about already-fetched article URLs (for incremental recrawl)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.records import KnownPage
from warehouse.connect import open_reader

# The validators of each article URL's latest 200 response, for URLs whose latest fetch
# (200 or 304) says they still exist; a URL that went 404/410 is requested afresh.
_KNOWN_SQL = """
WITH ok AS (
    SELECT site, url, etag, last_modified, sitemap_lastmod, warc_record_id, fetched_at
    FROM fetches
    WHERE status = 200 AND is_article AND site IN (SELECT unnest(?::VARCHAR[]))
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
), latest AS (
    SELECT url, status, sitemap_lastmod, fetched_at
    FROM fetches
    WHERE is_article AND site IN (SELECT unnest(?::VARCHAR[]))
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
)
SELECT ok.site, ok.url, ok.etag, ok.last_modified,
       coalesce(latest.sitemap_lastmod, ok.sitemap_lastmod), ok.warc_record_id,
       strftime(ok.fetched_at, '%Y-%m-%dT%H:%M:%SZ'),
       strftime(latest.fetched_at, '%Y-%m-%dT%H:%M:%SZ')
FROM ok JOIN latest USING (url)
WHERE latest.status IN (200, 304)
"""


def known_pages(path: Path, sites: Sequence[str]) -> list[KnownPage]:
    """Known article URLs of *sites* with their validators; empty when there is no warehouse."""
    if not path.exists():
        return []
    con = open_reader(path)
    try:
        has_table = con.execute(
            "SELECT count(*) FROM information_schema.columns"
            " WHERE table_name = 'fetches' AND column_name = 'sitemap_lastmod'"
        ).fetchone()
        if not has_table or not has_table[0]:
            return []  # made before migration 0004; the next load migrates it
        rows = con.execute(_KNOWN_SQL, [list(sites), list(sites)]).fetchall()
    finally:
        con.close()
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return [KnownPage(site=str(r[0]), url=str(r[1]), etag=text(r[2]), last_modified=text(r[3]),
                      sitemap_lastmod=text(r[4]), warc_record_id=text(r[5]),
                      fetched_at=str(r[6]), checked_at=str(r[7])) for r in rows]
