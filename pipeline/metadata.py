"""Page metadata (title, date, author, site name): trafilatura's own steps, only those yuqi uses.

`trafilatura.bare_extraction(with_metadata=True)` also searches categories, tags and
the licence, which yuqi never stores (about a tenth of the extraction's cost on the
demo pages). This runs the same steps in the same order as trafilatura's
`extract_metadata` without those three (nor the host name, not stored either), and takes
the author from the meta tags and JSON-LD only: trafilatura's search of the page body
for a byline (a copy of the tree, then about twenty element tests per element, regex ones
in Python) was two thirds of
this step's cost and found no author on the 400 demo pages and two on the 40
extraction-zh pages, one of them wrong (a "该作者文章" link) and one the name inside
forum rank text. Title, date, site name and URL are trafilatura's (tests/test_extract.py
compares them on every demo and fixture page).
"""

from __future__ import annotations

import logging
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

logger = logging.getLogger(__name__)


def page_metadata(tree: HtmlElement, url: str | None, date_params: dict[str, Any]) -> Document:
    """The metadata trafilatura would give *tree* (run on the tree before extraction, as
    trafilatura does), without categories, tags and licence, and with the author from
    meta tags and JSON-LD only (no byline search in the body)."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # trafilatura's JSON-LD reader has its own bugs; it logs too
        logger.debug("JSON-LD metadata skipped: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    # (trafilatura sets metadata.hostname here; yuqi stores no host name, so it is skipped)
    metadata.date = find_date(tree, **{**date_params, "url": metadata.url})
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename \
                and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        match = META_URL.match(metadata.url)
        if match:
            metadata.sitename = match[1]
    metadata.filedate = date_params.get("max_date")
    metadata.clean_and_trim()
    return metadata
