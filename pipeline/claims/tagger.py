"""Tag every sentence of a document in the DOMAIN.md claim vocabulary.

Segmentation runs on the original text; matching runs on normalized text
(NFKC + Traditional -> Simplified) so 花唄 and 電話 tag like 花呗 and 电话;
quotes keep the original sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.claims.match import Matchers, build_matchers
from pipeline.claims.segment import segment
from pipeline.claims.stance import (
    TopicEvidence,
    condition_cues,
    decide_stance,
    detect_hedge,
    detect_modality,
    protasis_clauses,
    question_cue,
    select_topics,
    supporting,
    topic_evidence,
    topic_hits,
)
from pipeline.claims.taxonomy import GAP, GAP_MARK, Taxonomy, load_taxonomy
from pipeline.claims.thresholds import Threshold, extract_threshold
from pipeline.normalize import normalize_text, sha1_hex
from pipeline.records import Claim

BASE_VERSION = "tagger-0.2.0"


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


#: Prefix of a cue that came from a list item's lead-in, not from the item.
CONTEXT_MARK = "lead-in:"
_PINYIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])\(([a-zü\u00e0-\u01dc]+)\)")
_GLYPH_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff,.;:!?，。；：！？])")


def tagging_text(sentence: str) -> str:
    """The text the tagger matches on: normalized, pinyin leftovers dropped, gaps marked.

    normalize_text (NFKC, Traditional -> Simplified, spaces collapsed, ASCII
    lower-case), then a romanisation left after a character (規(guī)定) is
    removed, and a space between two Chinese characters -- never a word
    boundary in Chinese, but what a glyph-gap site leaves where it stripped
    电话 -- becomes GAP_MARK.
    """
    return _mark_gaps(normalize_text(sentence))


def _mark_gaps(norm: str) -> str:
    """tagging_text's steps after normalize_text."""
    if "(" in norm:
        norm = _PINYIN_RE.sub("", norm)
    if " " in norm:
        norm = _GLYPH_GAP_RE.sub(GAP_MARK, norm)
    return norm


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the tagger decided about one sentence, with the evidence for each label."""

    normalized: str  # normalize_text(sentence): what sentence_sha1 hashes
    norm: str  # tagging_text(sentence): what the cues are matched on
    topics: tuple[str, ...]
    evidence: tuple[TopicEvidence, ...]  # all topic cue occurrences, in order
    dropped: dict[str, str]  # topic -> why it was dropped (weak cue / suppressed by X)
    stance: str | None
    question: str | None
    conditions: tuple[str, ...]
    modality: str | None
    modality_cue: str | None
    hedge: str | None
    hedge_cue: str | None
    products: tuple[str, ...]
    product_cues: tuple[str, ...]
    threshold: Threshold | None

    def cues(self) -> tuple[str, ...]:
        """The claim's cue strings: topic:T:cue, neg:W, question:Q, cond:C, modality:M:W,
        hedge:W, product:P:alias, threshold:anchor:text."""
        cues: list[str] = []
        if self.topics:
            for ev in supporting(list(self.evidence), list(self.topics)):
                cues.append(f"topic:{ev.topic}:{ev.cue.replace(GAP, '…')}")
                if ev.negator:
                    cues.append(f"neg:{ev.negator}")
            if self.question is not None:
                cues.append(f"question:{self.question}")
            cues += [f"cond:{c}" for c in self.conditions]
            if self.threshold is not None and self.threshold.anchor == "overdue":
                cues.append(f"cond:threshold:{self.threshold.text}")
            if self.modality_cue:
                cues.append(f"modality:{self.modality}:{self.modality_cue}")
            if self.hedge_cue:
                cues.append(f"hedge:{self.hedge_cue}")
        cues += self.product_cues
        if self.threshold is not None:
            cues.append(f"threshold:{self.threshold.anchor}:{self.threshold.text}")
        return tuple(dict.fromkeys(cues))


    def why(self) -> list[str]:
        """Human-readable reasons for every label, one short line each."""
        lines: list[str] = []
        counted = supporting(list(self.evidence), list(self.topics))
        for topic in self.topics:
            cues = [ev for ev in counted if ev.topic == topic]
            words = "、".join(dict.fromkeys(ev.cue.replace(GAP, "…") for ev in cues))
            words = words.replace(CONTEXT_MARK, "(lead-in) ")
            lines.append(f"topic {topic}: cue {words}")
        for topic, reason in self.dropped.items():
            lines.append(f"not {topic}: {reason}")
        if not self.topics:
            lines.append("no topic cue: not a claim")
        if self.stance is not None:
            lines.append(f"stance {self.stance}: {self._stance_reason(counted)}")
        if self.modality is not None:
            reason = f"cue {self.modality_cue}" if self.modality_cue else (
                "a question" if self.question else "no rule or advice word")
            lines.append(f"modality {self.modality}: {reason}")
        if self.hedge is not None:
            lines.append(f"hedge {self.hedge}: " + (
                f"cue {self.hedge_cue}" if self.hedge_cue else "no hedge word"))
        for cue in self.product_cues:
            _, canonical, alias = cue.split(":", 2)
            lines.append(f"product {canonical}: named as {alias}")
        if self.threshold is not None:
            th = self.threshold
            if th.max_days is None:
                span = f">= {th.min_days}"
            elif th.min_days is None:
                span = f"<= {th.max_days}"
            else:
                span = f"{th.min_days}..{th.max_days}"
            lines.append(f"threshold {th.anchor} {span} days: from {th.text}")
        return lines

    def _stance_reason(self, counted: list[TopicEvidence]) -> str:
        if self.question is not None:
            return f"question cue {self.question}"
        if self.stance == "denies":
            for ev in counted:
                if ev.denies and ev.negator:
                    cue = ev.cue.replace(CONTEXT_MARK, "(lead-in) ")
                    return f"negator {ev.negator} before cue {cue} in the same clause"
                if ev.denies:
                    return f"cue {ev.cue} carries inverted polarity"
        if self.stance == "conditional":
            if self.conditions:
                return "condition " + "、".join(self.conditions)
            if self.threshold is not None:
                return f"overdue threshold {self.threshold.text}"
        reasons = []
        for ev in counted:
            if ev.negator and not ev.denies:
                reasons.append(f"negator {ev.negator} meets inverted cue {ev.cue}")
        return "; ".join(reasons) or "no question, negator or condition"


def explain(sentence: str) -> list[str]:
    """Why the tagger labels *sentence* as it does (for ``yuqi claims --explain``)."""
    return analyse(sentence).why()


def analyse(sentence: str, context: str = "") -> Analysis:
    """Tag one sentence (original text) and keep the evidence behind every label.

    *context* is the lead-in of a list item (以下情况不会被起诉：). An item
    with no topic cue of its own takes the topics, and the negation, of its
    lead-in; everything else (question, conditions, modality, hedge, products,
    threshold) stays the item's own.
    """
    engine = _engine()
    tax, matchers = engine.tax, engine.matchers
    normalized = normalize_text(sentence)
    norm = _mark_gaps(normalized)
    products, product_cues = products_in(norm, matchers)
    threshold = extract_threshold(norm, tax.thresholds, matchers)
    background = protasis_clauses(norm, matchers, tax.lexicon)
    evidence = topic_evidence(norm, topic_hits(norm, matchers), background)
    topics = select_topics(evidence, tax)
    if not topics and context:
        lead = tagging_text(context)
        lead_evidence = topic_evidence(lead, topic_hits(lead, matchers))
        lead_topics = select_topics(lead_evidence, tax)
        if lead_topics:
            evidence = [replace(ev, cue=f"{CONTEXT_MARK}{ev.cue}") for ev in lead_evidence]
            topics = lead_topics
    dropped: dict[str, str] = {}
    for ev in evidence:
        if ev.topic in topics or ev.topic in dropped:
            continue
        by = [t for t in topics if ev.topic in tax.topic(t).suppresses]
        if by:
            dropped[ev.topic] = f"suppressed by {by[0]}"
        elif ev.background:
            dropped[ev.topic] = f"{ev.cue} is in the condition clause; the main clause has a topic"
        elif ev.weak:
            dropped[ev.topic] = f"weak cue {ev.cue} (a more specific cue is present)"
    stance = modality = hedge = q = mod_cue = hedge_cue = None
    conds: list[str] = []
    if topics:
        q = question_cue(norm, matchers, tax.lexicon)
        conds = condition_cues(norm, matchers)
        overdue = threshold is not None and threshold.anchor == "overdue"
        stance = decide_stance(
            question=q is not None, evidence=evidence, topics=topics,
            conditional=bool(conds) or overdue,
        )  # fmt: skip
        modality, mod_cue = detect_modality(norm, matchers, tax.lexicon, question=q is not None)
        hedge, hedge_cue = detect_hedge(norm, matchers)
    return Analysis(
        normalized=normalized, norm=norm, topics=tuple(topics), evidence=tuple(evidence),
        dropped=dropped,
        stance=stance, question=q, conditions=tuple(conds), modality=modality,
        modality_cue=mod_cue, hedge=hedge, hedge_cue=hedge_cue, products=products,
        product_cues=tuple(product_cues), threshold=threshold,
    )  # fmt: skip


def tag_sentence(doc_id: str, idx: int, section: str, sentence: str, context: str = "") -> Claim:
    """Tag one sentence (original text) and return its Claim (topics may be empty).

    *context*: a list item's lead-in sentence (see ``analyse``).
    """
    return _claim(doc_id, idx, section, sentence, analyse(sentence, context))


def _claim(doc_id: str, idx: int, section: str, sentence: str, a: Analysis) -> Claim:
    th = a.threshold
    return Claim(
        doc_id=doc_id,
        idx=idx,
        section=section,
        text=sentence,
        topics=a.topics,
        stance=a.stance,
        modality=a.modality,
        hedge=a.hedge,
        products=a.products,
        min_days=th.min_days if th else None,
        max_days=th.max_days if th else None,
        anchor=th.anchor if th else None,
        cues=a.cues(),
        sentence_sha1=sha1_hex(a.normalized),
        tagger_version=_engine().version,
    )


def explain_document(
    doc_id: str, text: str, *, include_non_claims: bool = False
) -> list[tuple[Claim, list[str]]]:
    """Like ``tag_document``, each claim paired with its ``why`` lines (``--explain``)."""
    out: list[tuple[Claim, list[str]]] = []
    for idx, seg in enumerate(segment(text)):
        a = analyse(seg.text, seg.context)
        if a.topics or include_non_claims:
            why = a.why()
            if seg.context and any(ev.cue.startswith(CONTEXT_MARK) for ev in a.evidence):
                why.insert(0, f"list item without its own topic cue: topics from its lead-in "
                              f"{seg.context}")  # fmt: skip
            out.append((_claim(doc_id, idx, seg.section, seg.text, a), why))
    return out


def tag_document(doc_id: str, text: str, *, include_non_claims: bool = False) -> list[Claim]:
    """Tag every sentence / list item of *text*; return claims in document order.

    ``idx`` is the position among all segmented sentences, so claim ids are the
    same whether or not non-claims are included. Non-claims (no topic) are
    returned only with *include_non_claims*, with products and thresholds filled.
    """
    out: list[Claim] = []
    for idx, seg in enumerate(segment(text)):
        claim = tag_sentence(doc_id, idx, seg.section, seg.text, seg.context)
        if claim.topics or include_non_claims:
            out.append(claim)
    return out
