"""Building the RawPage of an archived response, the same way live and on replay.

The spider (spiders/generic.py) and `yuqi process --from-warc`
(yuqi/app/replay.py) both call `build_raw_page` and `is_article_page`,
so a re-run over the WARC archive sees exactly the pages the crawl saw:
the same canonical URL (rel=canonical honoured when its host is allowed),
the same header pairs and the same article decision.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.urls import allowed_domains, canonical_url, declared_canonical, host_allowed
from pipeline.warc import HOP_BY_HOP

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
BINARY_MAGIC = (
    b"\x1f\x8b",  # gzip
    b"\x28\xb5\x2f\xfd",  # zstd
    b"PK\x03\x04",  # zip, docx, apk
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"RIFF",  # WebP, WAV, AVI
    b"\x00\x00\x00",  # MP4/HEIF box headers
)


def looks_binary(body: bytes) -> bool:
    """True for a body no HTML page starts with: a compressed or media magic number, or NULs."""
    head = body[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text (with a BOM) has NULs
    return head.startswith(BINARY_MAGIC) or b"\x00" in head


def media_type(content_type: str) -> str:
    """The media type of a Content-Type value ('text/html'), lower case; '' when absent."""
    return content_type.split(";", 1)[0].strip().lower()


def not_html_reason(content_type: str, body: bytes) -> str | None:
    """Why a response is not an HTML page, or None when it is one (an HTML media type, or
    none, and a body that is not binary): `not_html` for another media type,
    `binary_body` for a binary body whatever the header says.

    The crawl's content gate (spiders/content_mw.py) drops pages for these reasons, and
    `is_article_page` (live and on replay) refuses them.
    """
    kind = media_type(content_type)
    if kind and kind not in HTML_TYPES:
        return "not_html"
    if looks_binary(body):
        return "binary_body"
    return None


def is_html_response(content_type: str, body: bytes) -> bool:
    """True for an HTML page (`not_html_reason` finds nothing against it)."""
    return not_html_reason(content_type, body) is None


def is_article_page(config: SiteConfig, page: RawPage) -> bool:
    """The article decision: the final URL matches the site's article pattern, status 200, HTML.

    Only such pages go through the stages, live (spiders/stages_pipeline.py) and on replay.
    """
    return (page.status == 200 and config.is_article(page.final_url)
            and is_html_response(page.header("Content-Type"), page.body))


def header_pairs(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Response headers as stored in a RawPage: (name, value) pairs, hop-by-hop ones dropped."""
    return tuple((k, v) for k, v in pairs if k.lower() not in HOP_BY_HOP)


def page_url(config: SiteConfig, first_url: str, final_url: str, body: bytes) -> str:
    """The document URL of a response: the canonical first requested URL, or the page's own
    `<link rel="canonical">` when its host is allowed (a mirror path becomes the same document).
    """
    url = canonical_url(first_url)
    declared = declared_canonical(body, final_url)
    if declared and declared != url and host_allowed(declared,
                                                     allowed_domains(config.allowed_domains)):
        return declared
    return url


def build_raw_page(
    config: SiteConfig,
    run_id: str,
    first_url: str,
    final_url: str,
    status: int,
    headers: Iterable[tuple[str, str]],
    body: bytes,
    fetched_at: str,
    warc_file: str = "",
    warc_offset: int = -1,
    warc_record_id: str = "",
) -> RawPage:
    """The RawPage of one (decoded) response, from plain values (no Scrapy, no warcio).

    *first_url* is the URL first requested (before redirects), *body* the body after
    Content-Encoding decoding, *headers* the response's header pairs (latin-1 text).
    """
    return RawPage(
        run_id=run_id,
        site=config.name,
        url=page_url(config, first_url, final_url, body),
        final_url=final_url,
        status=status,
        headers=header_pairs(headers),
        body=body,
        fetched_at=fetched_at,
        warc_file=warc_file,
        warc_offset=warc_offset,
        warc_record_id=warc_record_id,
    )
