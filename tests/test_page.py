"""One way through a page (pipeline.page, pipeline.fetch): the steps crawl and replay share.

`run_page` takes an article through the stages into a sink and counts each
outcome; `build_fetch` builds the fetch row. The spider's item pipeline and the
replay both call them; the last test checks no other module runs the stages.
"""

from __future__ import annotations

import ast
import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest

import pipeline.page
from pipeline.extract import ExtractConfig
from pipeline.fetch import build_fetch, last_header
from pipeline.page import NOT_ARTICLE, STAGE_ERROR, is_article_fetch, record_fetch, run_page
from pipeline.rawpage import build_raw_page
from pipeline.records import Claim, Document, Fetch, RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.stat_keys import Stat, StatGroup
from pipeline.stats import CounterStats
from tests.helpers import make_fetch

ROOT = Path(__file__).resolve().parents[1]
CONFIG = SiteConfig(name="farm-a", start_urls=("http://farm.test/",),
                    allowed_domains=("farm.test",), article_pattern=r"/a/\d+\.html$")
ARTICLE = ("<html><head><title>网贷逾期</title></head><body><article>"
           + "<p>网贷逾期以后，催收会不会打电话给家人？很多借款人都关心这个问题。</p>" * 6
           + "</article></body></html>").encode()
HTML = [("Content-Type", "text/html; charset=utf-8")]


class ListSink:
    """A page sink that keeps what it is given (and can decline pages)."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.fetches: list[Fetch] = []
        self.pages: list[tuple[Document, tuple[Claim, ...]]] = []

    def write_fetch(self, fetch: Fetch) -> None:
        self.fetches.append(fetch)

    def write_page(self, document: Document, claims: Sequence[Claim]) -> bool:
        if self.accept:
            self.pages.append((document, tuple(claims)))
        return self.accept


@pytest.fixture(autouse=True)
def _no_wall_clock_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests count outcomes: a busy machine must not turn a page into a `timeout` drop
    (the extractor's wall-clock limit, tested in test_extract)."""
    monkeypatch.setattr(pipeline.page, "ExtractConfig",
                        functools.partial(ExtractConfig, time_limit=0))


def _page(url: str = "http://farm.test/a/1.html", status: int = 200,
          headers: list[tuple[str, str]] = HTML, body: bytes = ARTICLE) -> RawPage:
    return build_raw_page(CONFIG, "r1", url, url, status, headers, body, "2026-01-01T00:00:00Z")


def test_an_article_is_spooled_and_counted() -> None:
    sink, stats = ListSink(), CounterStats()
    result = run_page(_page(), CONFIG, sink, stats)
    assert result.document is not None and result.dropped is None
    assert [doc.doc_id for doc, _ in sink.pages] == [result.document.doc_id]
    assert sink.pages[0][1] == result.claims and result.claims
    assert stats.counts == {Stat.DOCUMENTS: 1, Stat.CLAIMS: len(result.claims)}


@pytest.mark.parametrize(("status", "headers"), [
    (404, HTML),
    (200, [("Content-Type", "application/pdf")]),
])
def test_a_page_that_is_no_article_is_skipped_and_counted(
        status: int, headers: list[tuple[str, str]]) -> None:
    sink, stats = ListSink(), CounterStats()
    result = run_page(_page(status=status, headers=headers), CONFIG, sink, stats)
    assert result.document is None and result.dropped == NOT_ARTICLE
    assert sink.pages == []
    assert stats.counts == {Stat.SKIPPED_NOT_ARTICLE: 1}


def test_a_page_without_text_is_dropped_under_its_reason() -> None:
    sink, stats = ListSink(), CounterStats()
    result = run_page(_page(body=b"<html><body></body></html>"), CONFIG, sink, stats)
    assert result.document is None and result.dropped
    assert sink.pages == []
    assert stats.counts == {StatGroup.DROPPED.key(result.dropped): 1}


def test_a_stage_error_is_counted_never_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr(pipeline.page, "process_page", boom)
    sink, stats = ListSink(), CounterStats()
    result = run_page(_page(), CONFIG, sink, stats)
    assert result.dropped == STAGE_ERROR and result.document is None
    assert stats.counts == {Stat.DROPPED_STAGE_ERROR: 1}


def test_an_error_inside_extraction_is_a_counted_drop_reason(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: an unexpected error in a stage is `extract_error:<type>`, not a traceback."""
    import pipeline.extract

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("a parser corner")

    monkeypatch.setattr(pipeline.extract.trafilatura, "bare_extraction", broken)
    sink, stats = ListSink(), CounterStats()
    result = run_page(_page(), CONFIG, sink, stats)
    assert result.document is None and result.dropped == "extract_error:KeyError"
    assert stats.counts == {StatGroup.DROPPED.key("extract_error:KeyError"): 1}


def test_a_page_the_sink_declines_is_not_counted() -> None:
    sink, stats = ListSink(accept=False), CounterStats()
    result = run_page(_page(), CONFIG, sink, stats)
    assert result.document is not None
    assert sink.pages == [] and stats.counts == {}


def test_record_fetch_spools_and_counts_the_response() -> None:
    sink, stats = ListSink(), CounterStats()
    fetch = make_fetch("r1", "http://farm.test/a/1.html")
    record_fetch(fetch, sink, stats)
    assert sink.fetches == [fetch]
    assert stats.get(Stat.ARCHIVED) == 1


def test_the_article_decision_of_a_response() -> None:
    assert is_article_fetch(CONFIG, "http://farm.test/a/1.html", 200)
    assert not is_article_fetch(CONFIG, "http://farm.test/a/1.html", 304)
    assert not is_article_fetch(CONFIG, "http://farm.test/list/1.html", 200)


def test_build_fetch_keys_by_the_first_url_and_takes_the_last_header() -> None:
    body = b"\x1f\x8b gzip bytes as archived"
    fetch = build_fetch(
        CONFIG, run_id="r1", first_url="http://FARM.test/a/7.html?utm_source=x",
        final_url="http://farm.test/a/9.html", status=200,
        headers=[("ETag", '"v1"'), ("etag", '"v2"'), ("Last-Modified", ""),
                 ("Content-Type", "text/html")],
        body=body, fetched_at="2026-01-01T00:00:00Z", warc_file="archive/r1/x.warc.gz",
        warc_offset=12, warc_record_id="<urn:uuid:3>", sitemap_lastmod="2025-12-31",
    )
    assert fetch == Fetch(
        run_id="r1", url="http://farm.test/a/7.html", final_url="http://farm.test/a/9.html",
        site="farm-a", status=200, fetched_at="2026-01-01T00:00:00Z", etag='"v2"',
        last_modified=None, content_type="text/html", is_article=True,
        warc_file="archive/r1/x.warc.gz", warc_offset=12, warc_record_id="<urn:uuid:3>",
        content_sha1=hashlib.sha1(body).hexdigest(), sitemap_lastmod="2025-12-31",
    )
    assert last_header([("A", "1")], "b") is None


@pytest.mark.slow
def test_only_the_page_runner_calls_the_stages() -> None:
    """The crawl and the replay reach `process_page` only through `run_page`."""
    callers = []
    for package in ("spiders", "yuqi", "pipeline", "warehouse", "reports"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
            if "process_page" in names:
                callers.append(path.relative_to(ROOT).as_posix())
    assert callers == ["pipeline/page.py"]
