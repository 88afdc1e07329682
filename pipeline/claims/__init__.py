"""Claim tagger: sentences of content-farm articles -> DOMAIN.md claim labels.

Public API:

- ``tag_document(doc_id, text, include_non_claims=False) -> list[Claim]``
- ``TAGGER_VERSION``: "tagger-<code version>+<hash of the data files>"
- ``load_taxonomy()``: the validated data files (topics, products, lexicon,
  thresholds).
- ``taxonomy_rows() -> (topic rows, product rows)`` for the warehouse's
  ``topics`` {id, description, cues} and ``products`` {canonical, aliases} tables.
- ``explain(sentence) -> list[str]``: the clause split, then which cue gave each label;
  ``explain_clauses(sentence)`` the clause split as {clause, role, labels};
  ``explain_document`` pairs every claim of a document with them (``--explain``).
- ``analyse(sentence) -> Analysis``: the labels with all their evidence, clause by
  clause; ``analyse_claims`` returns both claims of a sentence that has two.
"""

from __future__ import annotations

from pipeline.claims.analysis import Analysis
from pipeline.claims.document import explain_document, tag_document, tag_sentence
from pipeline.claims.tagger import (
    analyse,
    analyse_claims,
    explain,
    explain_clauses,
    tagger_version,
)
from pipeline.claims.taxonomy import Product, Taxonomy, Topic, load_taxonomy, taxonomy_rows

TAGGER_VERSION: str = tagger_version()

__all__ = [
    "TAGGER_VERSION",
    "Analysis",
    "analyse",
    "analyse_claims",
    "explain",
    "explain_clauses",
    "explain_document",
    "taxonomy_rows",
    "Product",
    "Taxonomy",
    "Topic",
    "load_taxonomy",
    "tag_document",
    "tag_sentence",
]
