"""One way through a page: the per-response steps the live crawl and the WARC replay share.

`record_fetch` spools the fetch row of every archived response; `run_page` takes
an article's RawPage through the stages (pipeline.stages.process_page), writes
its document and claims to a sink and counts each outcome. The spider's item
pipeline (spiders/stages_pipeline.py) and `yuqi process --from-warc`
(yuqi/app/replay.py) both call these, so a replay gives the crawl's rows and
counters by construction, not because a test keeps two copies equal.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from pipeline.extract import ExtractConfig
from pipeline.rawpage import is_article_page
from pipeline.records import Claim, Document, Fetch, RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.spool_rows import PageRows, pack_plain, page_rows, unpack_plain
from pipeline.stages import PageResult, process_page
from pipeline.stat_keys import Stat, StatGroup
from pipeline.stats import StatCollector

__all__ = ["NOT_ARTICLE", "STAGE_ERROR", "PageRowsResult", "PageSink", "RowsSink",
           "is_article_fetch", "page_result", "page_rows_result", "record_fetch", "record_page",
           "record_page_rows", "run_page"]

logger = logging.getLogger(__name__)

# PageResult.dropped of a page that is no article, and of a page a stage raised on.
NOT_ARTICLE = "not_article"
STAGE_ERROR = "stage_error"


class PageSink(Protocol):
    """Where the rows of a page go (a `pipeline.spool.SpoolWriter`, or a filter over one)."""

    def write_fetch(self, fetch: Fetch) -> None:
        """Store the fetch row of one archived response."""

    def write_page(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Store a processed page; False when the sink declines it (then it is not counted)."""


class RowsSink(Protocol):
    """Where a page given as spool rows goes (a `pipeline.spool.SpoolWriter`)."""

    def write_page_rows(self, rows: PageRows) -> bool:
        """Store a processed page's rows; False when the sink declines them."""


class PageRowsResult(NamedTuple):
    """A processed page as its spool rows (`pipeline.spool_rows.page_rows`), or the reason
    it was dropped: what a stages worker sends back (a tuple pickles cheaper than the
    records, and the crawl process, the spool's one writer, only appends the rows)."""

    rows: PageRows | None
    dropped: str | None = None


def is_article_fetch(config: SiteConfig, final_url: str, status: int) -> bool:
    """True for a response that goes to the stages: a 200 whose final URL is an article's.

    The spider yields exactly these responses as RawPages; the replay builds RawPages
    for exactly these records. `run_page` then checks that the page is HTML.
    """
    return status == 200 and config.is_article(final_url)


def record_fetch(fetch: Fetch, sink: PageSink, stats: StatCollector) -> None:
    """Spool the fetch row of one archived response and count it as archived."""
    sink.write_fetch(fetch)
    stats.inc(Stat.ARCHIVED)


def page_result(raw: RawPage, config: SiteConfig) -> PageResult:
    """Extract, fingerprint and tag one page of *config*'s site (no side effects).

    What runs in a worker process when the stages run on a pool: a page that is no
    article (pipeline.rawpage.is_article_page) gives `NOT_ARTICLE`; a page a stage
    raises on is logged and gives `STAGE_ERROR`, never an exception (one bad page must
    not stop a run).
    """
    if not is_article_page(config, raw):
        return PageResult(None, (), NOT_ARTICLE)
    try:
        return process_page(raw, ExtractConfig(config.drop_selectors, config.encoding))
    except Exception:  # one bad page must not stop the crawl or the replay
        logger.exception("stages failed on %s", raw.url)
        return PageResult(None, (), STAGE_ERROR)


def pack_page_rows_result(result: PageRowsResult) -> bytes:
    """*result* as bytes for the crawl process (`pipeline.spool_rows.pack_plain`: loaded
    faster than its pickle)."""
    rows, dropped = result
    return pack_plain((None if rows is None else tuple(rows), dropped))


def unpack_page_rows_result(packed: bytes) -> PageRowsResult:
    """The PageRowsResult `pack_page_rows_result` packed."""
    rows, dropped = unpack_plain(packed)
    return PageRowsResult(None if rows is None else PageRows(*rows), dropped)


def page_rows_result(raw: RawPage, config: SiteConfig) -> PageRowsResult:
    """`page_result` as spool rows (what a stages worker computes for the crawl)."""
    result = page_result(raw, config)
    if result.document is None:
        return PageRowsResult(None, result.dropped)
    return PageRowsResult(page_rows(result.document, result.claims), result.dropped)


def _count_drop(dropped: str | None, stats: StatCollector) -> None:
    if dropped == NOT_ARTICLE:
        stats.inc(Stat.SKIPPED_NOT_ARTICLE)
    elif dropped == STAGE_ERROR:
        stats.inc(Stat.DROPPED_STAGE_ERROR)
    else:
        stats.inc(StatGroup.DROPPED.key(dropped or "no_text"))


def record_page(result: PageResult, sink: PageSink, stats: StatCollector) -> None:
    """Write a page's document and claims to *sink* and count the outcome (the spool's
    one writer does this, whichever process computed *result*)."""
    if result.document is None:
        _count_drop(result.dropped, stats)
    elif sink.write_page(result.document, result.claims):
        stats.inc(Stat.DOCUMENTS)
        stats.inc(Stat.CLAIMS, len(result.claims))


def record_page_rows(result: PageRowsResult, sink: RowsSink, stats: StatCollector) -> None:
    """`record_page` of a page given as spool rows (`page_rows_result`, from a worker):
    the same rows written and the same counts."""
    if result.rows is None:
        _count_drop(result.dropped, stats)
    elif sink.write_page_rows(result.rows):
        stats.inc(Stat.DOCUMENTS)
        stats.inc(Stat.CLAIMS, len(result.rows.claims))


def run_page(raw: RawPage, config: SiteConfig, sink: PageSink, stats: StatCollector
             ) -> PageResult:
    """Extract, fingerprint and tag one page of *config*'s site into *sink*, counting the
    outcome (`page_result` then `record_page`, in this process). Returns the stages'
    result (`dropped` names why there is no document)."""
    result = page_result(raw, config)
    record_page(result, sink, stats)
    return result
