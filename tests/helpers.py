"""Test helpers: records and spools built in code (no network)."""

from __future__ import annotations

from pathlib import Path

from pipeline.claims import analyse
from pipeline.records import Claim, Document, Fetch, Removal
from pipeline.spool import SpoolWriter, write_manifest

# Independent of the warehouse's views: the current claims with their source (cluster)
# and claim family, and each family's earliest copy ("earliest"), from the base tables;
# the family signature is spelled out here rather than taken from the claim_signature macro.
EARLIEST_CLAIMS_SQL = """
WITH current AS (
    SELECT c.*, d.published, d.first_seen, d.site,
           coalesce(k.cluster_id, 'c-' || c.doc_id) AS source,
           -- a family is its id and its labels (one sentence can found two)
           coalesce(f.family_id, c.sentence_sha1) || '|' || s.signature AS family
    FROM claims c
    CROSS JOIN LATERAL (
        SELECT concat_ws('|', array_to_string(list_sort(c.topics), ','),
                         coalesce(c.stance, ''), coalesce(c.modality, ''),
                         coalesce(c.hedge, ''), coalesce(CAST(c.min_days AS VARCHAR), ''),
                         coalesce(CAST(c.max_days AS VARCHAR), '')) AS signature) s
    JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
    LEFT JOIN clusters k ON k.doc_id = c.doc_id
    LEFT JOIN claim_family_links f
           ON f.signature = s.signature AND f.family_text = c.family_text
),
earliest AS (
    SELECT * FROM current
    QUALIFY row_number() OVER (PARTITION BY family
                               ORDER BY published NULLS LAST, first_seen, doc_id, idx) = 1
)
"""


def make_document(doc_id: str, run_id: str, text: str, *, simhash: int = 12345,
                  site: str = "farm-a", url: str | None = None) -> Document:
    """A document record with plausible defaults."""
    return Document(
        doc_id=doc_id, run_id=run_id, site=site, url=url or f"http://127.0.0.1/{doc_id}.html",
        final_url=url or f"http://127.0.0.1/{doc_id}.html", title=f"title {doc_id}",
        published="2026-01-02", author=None, sitename=None, text=text,
        paragraphs=tuple(text.splitlines()), encoding="utf-8", flags=(),
        text_norm_sha1="x", simhash=simhash, extractor_version="test",
        fetched_at="2026-11-29T00:00:00Z", content_sha1="y", warc_file="archive/r/x.warc.gz",
        warc_offset=0, warc_record_id="<urn:uuid:1>",
        removals=(Removal("teaser", "小编导语……"),),
    )


def make_claim(doc_id: str, idx: int, text: str, stance: str = "affirms",
               topics: tuple[str, ...] = ("contacts_family",)) -> Claim:
    """A claim record with plausible defaults."""
    return Claim(
        doc_id=doc_id, idx=idx, section="", text=text, topics=topics, stance=stance,
        modality="descriptive", hedge="none", products=("花呗",), min_days=None,
        max_days=None, anchor=None, cues=("topic:contacts_family:家人",),
        sentence_sha1=f"sha-{text}", tagger_version="test",
    )


def make_fetch(run_id: str, url: str, *, status: int = 200, site: str = "farm-a",
               fetched_at: str = "2026-11-29T00:00:00Z", warc_file: str = "archive/x.warc.gz",
               warc_record_id: str = "<urn:uuid:1>", content_sha1: str = "y") -> Fetch:
    """A fetch record of an article URL (no redirect, no validators) with plausible defaults."""
    return Fetch(
        run_id=run_id, url=url, final_url=url, site=site, status=status, fetched_at=fetched_at,
        etag=None, last_modified=None, content_type="text/html", is_article=True,
        warc_file=warc_file, warc_offset=0, warc_record_id=warc_record_id,
        content_sha1=content_sha1,
    )


def write_spool(data_dir: Path, run_id: str, docs: list[Document], claims: list[Claim],
                fetches: list[tuple[str, int]] = ()) -> Path:  # type: ignore[assignment]
    """Write a finished run's spool (documents, claims, extra (url, status) fetches)."""
    spool_dir = data_dir / "spool" / run_id
    with SpoolWriter(spool_dir, "farm-a") as spool:
        for url, status in fetches:
            spool.write_fetch(make_fetch(run_id, url, status=status,
                                         fetched_at="2026-11-30T00:00:00Z",
                                         warc_file="archive/x.warc.gz",
                                         warc_record_id="<urn:uuid:2>", content_sha1="z"))
        for doc in docs:
            spool.write_fetch(make_fetch(run_id, doc.url, site=doc.site,
                                         warc_file=doc.warc_file,
                                         warc_record_id=doc.warc_record_id))
            spool.write_document(doc)
        for claim in claims:
            spool.write_claim(claim)
    write_manifest(spool_dir, {"run_id": run_id, "started_at": "2026-11-29T00:00:00",
                               "finished_at": "2026-11-29T00:01:00", "stats": {"n": 1}})
    return spool_dir


def topics_of(sentence: str) -> set[str]:
    """The topics the tagger gives one sentence, as a set (order is not part of a claim)."""
    return set(analyse(sentence).topics)


def days_of(sentence: str) -> tuple[int | None, int | None, str | None] | None:
    """The threshold the tagger gives one sentence as (min_days, max_days, anchor), or None."""
    th = analyse(sentence).threshold
    return None if th is None else (th.min_days, th.max_days, th.anchor)
