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
from typing import Protocol

from pipeline.extract import ExtractConfig
from pipeline.rawpage import is_article_page
from pipeline.records import Claim, Document, Fetch, RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.stages import PageResult, process_page
from pipeline.stat_keys import Stat, StatGroup
from pipeline.stats import StatCollector

__all__ = ["NOT_ARTICLE", "STAGE_ERROR", "PageSink", "is_article_fetch", "record_fetch",
           "run_page"]

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


def run_page(raw: RawPage, config: SiteConfig, sink: PageSink, stats: StatCollector
             ) -> PageResult:
    """Extract, fingerprint and tag one page of *config*'s site into *sink*, counting the outcome.

    A page that is no article (pipeline.rawpage.is_article_page) is counted as
    skipped; a page the stages drop is counted under its reason; a page a stage
    raises on is logged and counted, never fatal (one bad page must not stop a run).
    Returns the stages' result (`dropped` names why there is no document).
    """
    if not is_article_page(config, raw):
        stats.inc(Stat.SKIPPED_NOT_ARTICLE)
        return PageResult(None, (), NOT_ARTICLE)
    try:
        result = process_page(raw, ExtractConfig(config.drop_selectors, config.encoding))
    except Exception:  # one bad page must not stop the crawl or the replay
        logger.exception("stages failed on %s", raw.url)
        stats.inc(Stat.DROPPED_STAGE_ERROR)
        return PageResult(None, (), STAGE_ERROR)
    if result.document is None:
        stats.inc(StatGroup.DROPPED.key(result.dropped or "no_text"))
        return result
    if sink.write_page(result.document, result.claims):
        stats.inc(Stat.DOCUMENTS)
        stats.inc(Stat.CLAIMS, len(result.claims))
    return result
