"""The records that flow between stages.

Every stage takes and returns these frozen dataclasses, so the same code runs
inside a Scrapy crawl and over archived WARC files (`yuqi process`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

_R = TypeVar("_R")


def pickled_by_fields(cls: type[_R]) -> type[_R]:
    """Class decorator for a frozen slots dataclass: pickle it as ``cls(*field values)``.

    The dataclass default (``__getstate__``/``__setstate__``) calls ``fields()`` and
    ``object.__setattr__`` per field in Python: a page's result (a document and its claims)
    took about 125 us to pickle in a worker and 85 us to unpickle in the crawl process,
    this 40 and 55 (pipeline/page_pool.py sends every page and result through a pipe).
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values: Callable[[Any], tuple[Any, ...]] = (
        operator.attrgetter(*names) if len(names) > 1
        else lambda record: (getattr(record, names[0]),))

    def __reduce__(self: Any) -> tuple[type[_R], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RawPage:
    """One fetched HTTP response, as archived, before any decoding."""

    run_id: str
    site: str
    url: str
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: str  # ISO 8601, UTC
    warc_file: str = ""
    warc_offset: int = -1
    warc_record_id: str = ""

    def header(self, name: str) -> str:
        """Return the first header called *name* (case-insensitive), or ""."""
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return ""


@dataclass(frozen=True, slots=True)
class Fetch:
    """One archived HTTP response, article or not: a row of the spool's `fetches` table.

    Built by `pipeline.fetch.build_fetch`, from the live response and from its WARC
    record alike. `url` is the canonical URL first requested (before redirects);
    the header values are the last of their name, as Scrapy's `Headers.get` gives.
    """

    run_id: str
    url: str
    final_url: str
    site: str
    status: int
    fetched_at: str  # ISO 8601, UTC
    etag: str | None
    last_modified: str | None
    content_type: str | None
    is_article: bool  # the final URL matches the site's article pattern
    warc_file: str
    warc_offset: int
    warc_record_id: str
    content_sha1: str  # of the body as archived (before Content-Encoding decoding)
    sitemap_lastmod: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Removal:
    """A block our cleaning removed from the extracted text, and why."""

    rule: str
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    """The main text of one article page, decoded, extracted and fingerprinted."""

    doc_id: str
    run_id: str
    site: str
    url: str
    final_url: str
    title: str
    published: str | None
    author: str | None
    sitename: str | None
    text: str
    paragraphs: tuple[str, ...]
    encoding: str
    flags: tuple[str, ...]
    text_norm_sha1: str
    simhash: int
    extractor_version: str
    fetched_at: str
    content_sha1: str
    warc_file: str = ""
    warc_offset: int = -1
    warc_record_id: str = ""
    removals: tuple[Removal, ...] = field(default=())
    # Normalized text (pipeline.normalize.normalize_text) for matching, kept beside `text`;
    # None from callers that predate it (the warehouse stores NULL).
    text_norm: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence or list item of main text, tagged in the DOMAIN.md vocabulary.

    A sentence with no topic is not a claim; it is only emitted on request
    (`yuqi claims --all`) and never stored.
    """

    doc_id: str
    idx: int
    section: str
    text: str
    topics: tuple[str, ...]
    stance: str | None
    modality: str | None
    hedge: str | None
    products: tuple[str, ...]
    min_days: int | None
    max_days: int | None
    anchor: str | None
    cues: tuple[str, ...]
    sentence_sha1: str
    tagger_version: str
    # 0; 1 for the second claim of one sentence (虽然一般不会X，但可能会X gives two)
    part: int = 0
    # the sentence asserts a concession and contradicts it (both of its claims carry it);
    # a document with such a claim contradicts itself (DOMAIN.md "Real pages")
    self_contradicting: bool = False
    # pipeline.claim_families.family_text of the sentence (set by the page stage, in the
    # worker; "" where a claim is made elsewhere and the spool writer computes it)
    family_text: str = ""

    @property
    def claim_id(self) -> str:
        """Id within the document's current text; the warehouse adds the version."""
        return f"{self.doc_id}:{self.idx}" + (f".{self.part}" if self.part else "")


@dataclass(frozen=True, slots=True)
class KnownPage:
    """What the warehouse knows about an article URL, for a conditional re-fetch.

    `etag`/`last_modified` are the validators of the last 200 response;
    `sitemap_lastmod` is the sitemap date it was listed with then; the WARC
    record of that response is what a 304 revisit record refers to;
    `checked_at` (the last 200 or 304) drives the site's recrawl interval.
    """

    site: str
    url: str
    etag: str | None
    last_modified: str | None
    sitemap_lastmod: str | None
    warc_record_id: str | None
    fetched_at: str
    checked_at: str = ""  # the latest fetch, 200 or 304 (UTC, ISO)


@dataclass(frozen=True)
class ResumePoint:
    """What a site's crawl rebuilt from its WARC archive after an unclean stop.

    `done_keys`: url_keys of the article URLs already archived (not requested
    again); `links`: the links found in archived pages, to rebuild the frontier.
    """

    done_keys: frozenset[str]
    links: tuple[str, ...]
