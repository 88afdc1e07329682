"""Tag every sentence of a document in the DOMAIN.md claim vocabulary.

Segmentation runs on the original text; matching runs on normalized text
(NFKC + Traditional -> Simplified) so 花唄 and 電話 tag like 花呗 and 电话;
quotes keep the original sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.claims.match import Matchers, build_matchers
from pipeline.claims.segment import segment
from pipeline.claims.stance import (
    condition_cues,
    decide_stance,
    detect_hedge,
    detect_modality,
    question_cue,
    select_topics,
    topic_evidence,
)
from pipeline.claims.taxonomy import Taxonomy, load_taxonomy
from pipeline.claims.thresholds import extract_threshold
from pipeline.normalize import normalize_text, sha1_hex
from pipeline.records import Claim

BASE_VERSION = "tagger-0.1.0"


@dataclass(frozen=True, slots=True)
class _Engine:
    tax: Taxonomy
    matchers: Matchers
    version: str


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    tax = load_taxonomy()
    return _Engine(tax, build_matchers(tax), f"{BASE_VERSION}+{tax.data_hash}")


def tagger_version() -> str:
    """Version string: code version plus a short hash of the data files."""
    return _engine().version


def products_in(norm: str, matchers: Matchers) -> tuple[tuple[str, ...], list[str]]:
    """Canonical products named in normalized *norm*, and their cue strings."""
    products: list[str] = []
    cues: list[str] = []
    for hit in matchers.products.find(norm, "product"):
        role = hit.role("product")
        if role is None:
            continue
        if role[1] not in products:
            products.append(role[1])
        cue = f"product:{role[1]}:{role[2]}"
        if cue not in cues:
            cues.append(cue)
    return tuple(products), cues


def tag_sentence(doc_id: str, idx: int, section: str, sentence: str) -> Claim:
    """Tag one sentence (original text) and return its Claim (topics may be empty)."""
    engine = _engine()
    tax, matchers = engine.tax, engine.matchers
    norm = normalize_text(sentence)
    products, product_cues = products_in(norm, matchers)
    threshold = extract_threshold(norm, tax.thresholds, matchers)
    evidence = topic_evidence(norm, matchers.topics.scan(norm))
    topics = select_topics(evidence, tax)
    cues: list[str] = []
    stance = modality = hedge = None
    if topics:
        for ev in evidence:
            if ev.topic in topics:
                cues.append(f"topic:{ev.topic}:{ev.cue}")
                if ev.negator:
                    cues.append(f"neg:{ev.negator}")
        q = question_cue(norm, matchers, tax.lexicon)
        conds = condition_cues(norm, matchers)
        overdue = threshold is not None and threshold.anchor == "overdue"
        stance = decide_stance(
            question=q is not None, evidence=evidence, topics=topics,
            conditional=bool(conds) or overdue,
        )  # fmt: skip
        if q is not None:
            cues.append(f"question:{q}")
        cues += [f"cond:{c}" for c in conds]
        if overdue and threshold is not None:
            cues.append(f"cond:threshold:{threshold.text}")
        modality, mod_cue = detect_modality(norm, matchers, tax.lexicon, question=q is not None)
        if mod_cue:
            cues.append(f"modality:{modality}:{mod_cue}")
        hedge, hedge_cue = detect_hedge(norm, matchers)
        if hedge_cue:
            cues.append(f"hedge:{hedge_cue}")
    cues += product_cues
    if threshold is not None:
        cues.append(f"threshold:{threshold.anchor}:{threshold.text}")
    return Claim(
        doc_id=doc_id,
        idx=idx,
        section=section,
        text=sentence,
        topics=tuple(topics),
        stance=stance,
        modality=modality,
        hedge=hedge,
        products=products,
        min_days=threshold.min_days if threshold else None,
        max_days=threshold.max_days if threshold else None,
        anchor=threshold.anchor if threshold else None,
        cues=tuple(dict.fromkeys(cues)),
        sentence_sha1=sha1_hex(normalize_text(sentence)),
        tagger_version=engine.version,
    )


def tag_document(doc_id: str, text: str, *, include_non_claims: bool = False) -> list[Claim]:
    """Tag every sentence / list item of *text*; return claims in document order.

    ``idx`` is the position among all segmented sentences, so claim ids are the
    same whether or not non-claims are included. Non-claims (no topic) are
    returned only with *include_non_claims*, with products and thresholds filled.
    """
    out: list[Claim] = []
    for idx, seg in enumerate(segment(text)):
        claim = tag_sentence(doc_id, idx, seg.section, seg.text)
        if claim.topics or include_non_claims:
            out.append(claim)
    return out
