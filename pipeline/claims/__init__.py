"""Claim tagger: sentences of content-farm articles -> DOMAIN.md claim labels.

Public API:

- ``tag_document(doc_id, text, include_non_claims=False) -> list[Claim]``
- ``TAGGER_VERSION``: "tagger-<code version>+<hash of the data files>"
- ``load_taxonomy()``: the validated data files (topics, products, lexicon,
  thresholds) for the warehouse's ``topics`` / ``products`` tables.
"""

from __future__ import annotations

from pipeline.claims.tagger import tag_document, tag_sentence, tagger_version
from pipeline.claims.taxonomy import Product, Taxonomy, Topic, load_taxonomy

TAGGER_VERSION: str = tagger_version()

__all__ = [
    "TAGGER_VERSION",
    "Product",
    "Taxonomy",
    "Topic",
    "load_taxonomy",
    "tag_document",
    "tag_sentence",
]
