"""Spool rows: a record's values in its spool table's column order, as tuples.

Built where a page is processed (a stages worker, a replay worker) so the spool's one
writer (pipeline.spool.SpoolWriter) only appends them, and pickled through a pipe
cheaper than the records. No pyarrow here: the stages pool's forkserver imports this
module and never needs Arrow (pipeline.spool checks that COLUMNS names its SCHEMAS).
"""

from __future__ import annotations

import marshal
import operator
import pickle
from collections.abc import Sequence
from typing import Any, NamedTuple

from pipeline.claim_families import family_text, label_signature, product_names
from pipeline.records import Claim, Document, Fetch

#: One spool row: the values of its table's columns, in COLUMNS order.
Row = tuple[Any, ...]

#: Each spool table's columns, in order (pipeline.spool.SCHEMAS gives their types).
COLUMNS: dict[str, tuple[str, ...]] = {
    "fetches": ("run_id", "url", "final_url", "site", "status", "fetched_at", "etag",
                "last_modified", "content_type", "is_article", "warc_file", "warc_offset",
                "warc_record_id", "content_sha1", "sitemap_lastmod"),
    "documents": ("doc_id", "run_id", "site", "url", "final_url", "title", "published",
                  "author", "sitename", "text", "paragraphs", "encoding", "flags",
                  "text_norm_sha1", "simhash", "extractor_version", "fetched_at",
                  "content_sha1", "warc_file", "warc_offset", "warc_record_id", "text_norm"),
    "claims": ("doc_id", "idx", "section", "text", "topics", "stance", "modality", "hedge",
               "products", "min_days", "max_days", "anchor", "cues", "sentence_sha1",
               "tagger_version", "part", "self_contradicting", "family_text", "signature"),
    "removals": ("doc_id", "run_id", "rule", "text"),
}

_FETCH_VALUES = operator.attrgetter(*COLUMNS["fetches"])
_DOC_VALUES = operator.attrgetter(*COLUMNS["documents"])
# a claim's columns but the last, the label signature the spool adds
_CLAIM_VALUES = operator.attrgetter(*COLUMNS["claims"][:-1])
_FAMILY_TEXT_AT = COLUMNS["claims"].index("family_text")


def fetch_row(fetch: Fetch) -> Row:
    """The spool row of one fetch."""
    return _FETCH_VALUES(fetch)


def document_row(doc: Document) -> Row:
    """The spool row of one document (its removals are rows of their own table)."""
    return _DOC_VALUES(doc)


def removal_rows(doc: Document) -> list[Row]:
    """The spool rows of the blocks cleaning removed from *doc*."""
    return [(doc.doc_id, doc.run_id, r.rule, r.text) for r in doc.removals]


def claim_row(claim: Claim) -> Row:
    """The spool row of one tagged claim: its fields, the family text (computed when the
    claim has none) and the label signature."""
    values = list(_CLAIM_VALUES(claim))
    if not claim.family_text:
        values[_FAMILY_TEXT_AT] = family_text(claim.text, product_names())
    values.append(label_signature(claim.topics, claim.stance, claim.modality, claim.hedge,
                                  claim.min_days, claim.max_days))
    return tuple(values)


class PageRows(NamedTuple):
    """A processed page as spool rows: its document's id and row, its claims' and its
    removals' rows (a named tuple: it pickles as cheaply as a tuple)."""

    doc_id: str
    document: Row
    claims: tuple[Row, ...]
    removals: tuple[Row, ...]


def page_rows(document: Document, claims: Sequence[Claim]) -> PageRows:
    """The spool rows of a processed page (what `SpoolWriter.write_page` writes)."""
    return PageRows(document.doc_id, document_row(document),
                    tuple(claim_row(c) for c in claims), tuple(removal_rows(document)))


#: A fetch's row or a page's rows, with the site they belong to (a replay worker's output).
SiteRows = tuple[str, "Row | PageRows"]


def pack_plain(value: Any) -> bytes:
    """*value* as bytes for another process of this same interpreter (a worker's answer to
    the process that writes the spool). Rows are plain values (str, int, bool, None,
    tuples), which `marshal` loads about five times as fast as pickle: the demo archive's
    475 pages of rows (3 MB) in 0.009 s instead of 0.045 s, in the one process that writes
    the spool while the workers go on. A value marshal cannot take is pickled instead."""
    try:
        return b"m" + marshal.dumps(value)
    except ValueError:  # "unmarshallable object": a value other than the plain kinds
        return b"p" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpack_plain(packed: bytes) -> Any:
    """The value `pack_plain` packed."""
    body = memoryview(packed)[1:]
    return marshal.loads(body) if packed[:1] == b"m" else pickle.loads(body)


def pack_site_rows(rows: Sequence[SiteRows]) -> bytes:
    """A replay worker's rows (`pack_plain`), pages' rows marked as such."""
    return pack_plain([(site, isinstance(row, PageRows), tuple(row)) for site, row in rows])


def unpack_site_rows(packed: bytes) -> list[SiteRows]:
    """The rows `pack_site_rows` packed, pages' rows as PageRows again."""
    return [(site, PageRows(*row) if is_page else row)
            for site, is_page, row in unpack_plain(packed)]
