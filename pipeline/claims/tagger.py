"""Tag every sentence of a document in the DOMAIN.md claim vocabulary.

Segmentation runs on the original text; matching runs on normalized text
(NFKC + Traditional -> Simplified) so 花唄 and 電話 tag like 花呗 and 电话;
quotes keep the original sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.claims.clauses import (
    MASK,
    Span,
    belief_span,
    concessive_spans,
    mask,
    reported_spans,
)
from pipeline.claims.match import Matchers, build_matchers
from pipeline.claims.segment import segment
from pipeline.claims.senses import Senses, apply_senses, load_senses, map_variants
from pipeline.claims.stance import (
    CLAUSE_BREAKS,
    TopicEvidence,
    clause_index,
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
from pipeline.normalize import drop_matches, normalize_text, normalize_with_offsets, sha1_hex
from pipeline.records import Claim

BASE_VERSION = "tagger-0.3.0"


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
    removed, a space between two Chinese characters -- never a word
    boundary in Chinese, but what a glyph-gap site leaves where it stripped
    电话 -- becomes GAP_MARK, and variant characters (壹般, 妳) are mapped.
    """
    return _tagging_text_with_offsets(sentence)[0]


def _tagging_text_with_offsets(sentence: str) -> tuple[str, list[int]]:
    """tagging_text and, per character, its index in *sentence* (quotes use the original)."""
    norm, offsets = normalize_with_offsets(sentence)
    if "(" in norm:
        norm, offsets = drop_matches(norm, offsets, _PINYIN_RE)
    if " " in norm:
        norm = _GLYPH_GAP_RE.sub(GAP_MARK, norm)
    return map_variants(norm, load_senses()), offsets


def _mark_gaps(norm: str) -> str:
    """tagging_text's steps after normalize_text."""
    if "(" in norm:
        norm = _PINYIN_RE.sub("", norm)
    if " " in norm:
        norm = _GLYPH_GAP_RE.sub(GAP_MARK, norm)
    return map_variants(norm, load_senses())


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
    # clause by clause: (clause text, role, what its cues said), for explanations
    clauses: tuple[tuple[str, str, str], ...] = ()
    # reported speech set apart: (start, end) in the ORIGINAL sentence, and its lead word
    reported: tuple[tuple[int, int, str], ...] = ()
    boilerplate: str | None = None  # the template rule the line matched (no claim)
    self_contradicting: bool = False  # one of the two claims of 虽然一般不会X，但可能会X
    part: int = 0  # 0, or 1 for the second claim of such a sentence

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
        cues += [f"reported:{lead}" for _, _, lead in self.reported]
        if self.self_contradicting:
            cues.append("concession:self-contradicting")
        return tuple(dict.fromkeys(cues))


    def why(self) -> list[str]:
        """Human-readable reasons for every label, one short line each."""
        lines: list[str] = []
        shown = self.clauses if len(self.clauses) > 1 else ()  # one clause: nothing to split
        for i, (text, role, said) in enumerate(shown):
            lines.append(f"clause {i + 1} [{role}] {text}" + (f": {said}" if said else ""))
        for start, end, lead in self.reported:
            lines.append(f"reported speech after {lead} set apart (original [{start}:{end}])")
        if self.boilerplate:
            lines.append(f"boilerplate line ({self.boilerplate}): no claim")
        if self.self_contradicting:
            lines.append("concession asserted and contradicted: two claims, "
                         "document marked self-contradicting")  # fmt: skip
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


def analyse(sentence: str, context: str = "", *, explain: bool = True) -> Analysis:
    """Tag one sentence (original text) and keep the evidence behind every label.

    *context* is the lead-in of a list item (以下情况不会被起诉：). An item
    with no topic cue of its own takes the topics, and the negation, of its
    lead-in; everything else (question, conditions, modality, hedge, products,
    threshold) stays the item's own. A sentence that yields two claims
    (虽然一般不会X，但可能会X) returns the first; see ``analyse_claims``.
    """
    return analyse_claims(sentence, context, explain=explain)[0]


def analyse_claims(sentence: str, context: str = "", *, explain: bool = True) -> list[Analysis]:
    """The claims of one sentence: one Analysis, or two for an asserted concession.

    Reported speech is masked first (its offsets kept in the original); then
    clause roles (protasis, concession, rejected belief) decide which cues
    are the claim. When an asserted concessive clause (虽然/尽管 X) and the
    main clause speak of the same topic with opposite polarity, each is its
    own claim and both are marked self-contradicting. *explain* False skips the
    clause-by-clause lines (``Analysis.clauses``), which only explanations show.
    """
    senses = load_senses()
    normalized = normalize_text(sentence)
    norm0 = _mark_gaps(normalized)
    spans = reported_spans(norm0, senses)
    reported: tuple[tuple[int, int, str], ...] = ()
    if spans:  # offsets into the original are only needed to quote what was set apart
        norm_o, offsets = _tagging_text_with_offsets(sentence)
        if norm_o == norm0:
            reported = tuple(_original_span(sentence, offsets, sp) for sp in spans)
    norm = mask(norm0, spans)
    boiler = senses.boilerplate_rule(norm0)
    whole = _analyse_norm(normalized, norm0, norm, context, senses, spans, reported, boiler,
                          explain=explain)  # fmt: skip
    split = _contradicting_concession(norm, whole, senses)
    if split is None:
        return [whole]
    conc, main = split
    keep_conc = "".join(ch if conc.holds(i) or ch in CLAUSE_BREAKS else MASK
                        for i, ch in enumerate(norm))  # fmt: skip
    keep_main = mask(norm, [conc])
    first = _analyse_norm(normalized, norm0, keep_conc, "", senses, spans, reported, boiler,
                          explain=False)  # fmt: skip
    second = _analyse_norm(normalized, norm0, keep_main, "", senses, spans, reported, boiler,
                           explain=False)  # fmt: skip
    return [replace(first, self_contradicting=True, clauses=whole.clauses),
            replace(second, self_contradicting=True, part=1, clauses=whole.clauses)]


def _original_span(sentence: str, offsets: list[int], span: Span) -> tuple[int, int, str]:
    """(start, end) of a normalized span in the original sentence, and its lead word."""
    if not offsets or span.start >= len(offsets):
        return (len(sentence), len(sentence), span.marker)
    start = offsets[span.start]
    end = offsets[min(span.end, len(offsets)) - 1] + 1
    return (start, end, span.marker)


def _contradicting_concession(
    norm: str, whole: Analysis, senses: Senses
) -> tuple[Span, Span] | None:
    """The asserted concessive span whose topic the main clause states the other way."""
    for conc in concessive_spans(norm, senses):
        if conc.marker not in senses.asserted:
            continue
        inside = [ev for ev in whole.evidence if conc.holds(ev.start) and not ev.weak]
        outside = [ev for ev in whole.evidence
                   if not conc.holds(ev.start) and not ev.background and not ev.weak]
        for ev in inside:  # 虽然一般不会X (denies)，但可能会X (affirms)
            other = [o for o in outside if o.topic == ev.topic]
            if ev.denies and other and not any(o.denies for o in other):
                return conc, Span(conc.end, len(norm), "")
    return None


def _clause_roles(
    norm: str, evidence: list[TopicEvidence], senses: Senses
) -> tuple[list[TopicEvidence], list[Span], Span | None]:
    """Mark cues inside concessive spans and rejected beliefs (see ``analyse_claims``)."""
    conc = concessive_spans(norm, senses)
    belief = belief_span(norm, senses)
    weak_at = min((p for w in senses.weakeners if (p := norm.find(w)) >= 0), default=-1)
    clause_of = clause_index(norm) if weak_at >= 0 else []
    out: list[TopicEvidence] = []
    for ev in evidence:
        if any(sp.holds(ev.start) for sp in conc):
            ev = replace(ev, background="concession")
        elif weak_at >= 0 and clause_of[ev.start] < clause_of[weak_at]:
            ev = replace(ev, background="concession")  # X，并不意味着Y: X is the premise
        elif weak_at >= 0 and ev.start > weak_at and clause_of[ev.start] == clause_of[weak_at]:
            ev = replace(ev, negator=None)  # 不意味着不会起诉: the negations cancel
        out.append(ev)
    if belief is not None:
        rest = [ev for ev in out if not belief.holds(ev.start) and not ev.background]
        out = [
            ev if not belief.holds(ev.start)
            else replace(ev, background="belief") if rest
            else replace(ev, flipped=True)
            for ev in out
        ]
    return out, conc, belief


def _apply_sense_rules(
    norm: str, evidence: list[TopicEvidence], senses: Senses
) -> tuple[list[TopicEvidence], dict[str, str]]:
    """Context filters (senses.toml): retarget or drop cues read in another sense."""
    if not evidence or not senses.senses:
        return evidence, {}
    clause_of = clause_index(norm)
    results = apply_senses(norm, clause_of, [(ev.topic, ev.cue, ev.start) for ev in evidence],
                           senses)  # fmt: skip
    out: list[TopicEvidence] = []
    notes: dict[str, str] = {}
    for ev, (topic, rule) in zip(evidence, results, strict=True):
        if not rule:
            out.append(ev)
        elif topic is None:
            notes.setdefault(ev.topic, f"cue {ev.cue} read in another sense ({rule})")
        else:
            notes.setdefault(ev.topic, f"cue {ev.cue} is {topic} here ({rule})")
            out.append(replace(ev, topic=topic))
    return out, notes


def _clause_lines(norm: str, evidence: list[TopicEvidence], background: frozenset[int],
                  conc: list[Span], belief: Span | None) -> tuple[tuple[str, str, str], ...]:
    """(clause text, role, what its cues said) for every clause of *norm*."""
    lines: list[tuple[str, str, str]] = []
    clause_of = clause_index(norm)
    start = 0
    for i in range(len(norm) + 1):
        if i < len(norm) and norm[i] not in CLAUSE_BREAKS:
            continue
        text = norm[start : i + 1].strip()
        if text.strip("".join(CLAUSE_BREAKS) + MASK + " "):
            number = clause_of[start] if start < len(clause_of) else 0
            if MASK in text and not text.replace(MASK, "").strip("".join(CLAUSE_BREAKS) + " "):
                role = "reported"
            elif any(start <= sp.start <= i for sp in conc):
                role = "concession"
            elif belief is not None and start <= belief.start <= i:
                role = "rejected belief"
            elif number in background:
                role = "condition"
            else:
                role = "main"
            said = [f"{ev.topic}{' denied by ' + ev.negator if ev.negator else ''} ({ev.cue})"
                    for ev in evidence if start <= ev.start <= i]  # fmt: skip
            lines.append((text.replace(MASK, "…"), role, "; ".join(said)))
        start = i + 1
    return tuple(lines)


#: Topics of quoted words that make the quote a scam's promise (帮你停息挂账).
_PROMISE_TOPICS = frozenset({"negotiation", "debt_help_scam"})


def _quoting_topic(quoted: str, default: str, matchers: Matchers) -> str:
    """The topic of quoting *quoted*: a promise of debt relief is debt_help_scam,
    an impostor's claim fake_collection; else the lead word's *default*."""
    said = {role[1] for hit in matchers.topics.scan(quoted) if (role := hit.role("topic"))}
    if said & _PROMISE_TOPICS:
        return "debt_help_scam"
    return default


def _analyse_norm(
    normalized: str, norm0: str, norm: str, context: str, senses: Senses,
    spans: list[Span], reported: tuple[tuple[int, int, str], ...], boiler: str | None,
    *, explain: bool = True,
) -> Analysis:
    """One claim's labels from the masked tagging text *norm* (``analyse_claims``)."""
    engine = _engine()
    tax, matchers = engine.tax, engine.matchers
    products, product_cues = products_in(norm0, matchers)
    threshold = extract_threshold(norm, tax.thresholds, matchers)
    background = protasis_clauses(norm, matchers, tax.lexicon)
    evidence = topic_evidence(norm, topic_hits(norm, matchers), background)
    evidence, conc, belief = _clause_roles(norm, evidence, senses)
    evidence, sense_notes = _apply_sense_rules(norm, evidence, senses)
    clauses = _clause_lines(norm, evidence, background, conc, belief) if explain else ()
    dropped: dict[str, str] = dict(sense_notes)
    if boiler is not None:
        for ev in evidence:
            dropped.setdefault(ev.topic, f"boilerplate line ({boiler})")
        evidence = []
    topics = select_topics(evidence, tax)
    if not topics and boiler is None:
        for sp in spans:
            if sp.topic:  # the act of quoting is the topic (谎称…, 内容大致是：…)
                topic = _quoting_topic(norm0[sp.start : sp.end], sp.topic, matchers)
                evidence.append(TopicEvidence(topic, f"reported:{sp.marker}", "affirm",
                                              None, start=sp.start))  # fmt: skip
                topics = select_topics(evidence, tax)
                break
    if not topics and context:
        lead = tagging_text(context)
        lead_evidence = topic_evidence(lead, topic_hits(lead, matchers))
        lead_topics = select_topics(lead_evidence, tax)
        if lead_topics and boiler is None:
            evidence = [replace(ev, cue=f"{CONTEXT_MARK}{ev.cue}") for ev in lead_evidence]
            topics = lead_topics
    for ev in evidence:
        if ev.topic in topics or ev.topic in dropped:
            continue
        by = [t for t in topics if ev.topic in tax.topic(t).suppresses]
        if by:
            dropped[ev.topic] = f"suppressed by {by[0]}"
        elif ev.background == "concession":
            dropped[ev.topic] = f"{ev.cue} is in a concessive clause; the author asserts the rest"
        elif ev.background == "belief":
            dropped[ev.topic] = f"{ev.cue} is in a belief the author rejects"
        elif ev.background:
            dropped[ev.topic] = f"{ev.cue} is in the condition clause; the main clause has a topic"
        elif ev.weak:
            dropped[ev.topic] = f"weak cue {ev.cue} (a more specific cue is present)"
    stance = modality = hedge = q = mod_cue = hedge_cue = None
    conds: list[str] = []
    if topics:
        support = supporting(evidence, topics)
        # words of a concessive clause do not label the main claim
        main_conc = [sp for sp in conc if not all(sp.holds(ev.start) for ev in support)]
        scoped = mask(norm, main_conc)
        q = question_cue(scoped, matchers, tax.lexicon)
        conds = condition_cues(scoped, matchers, tax.lexicon)
        overdue = threshold is not None and threshold.anchor == "overdue"
        stance = decide_stance(
            question=q is not None, evidence=evidence, topics=topics,
            conditional=bool(conds) or overdue,
        )  # fmt: skip
        modality, mod_cue = detect_modality(scoped, matchers, tax.lexicon, question=q is not None)
        hedge, hedge_cue = detect_hedge(scoped, matchers)
        if hedge == "none" and any(ev.rare for ev in support):
            hedge, hedge_cue = "frequency", next(ev.negator for ev in support if ev.rare)
    return Analysis(
        normalized=normalized, norm=norm, topics=tuple(topics), evidence=tuple(evidence),
        dropped=dropped,
        stance=stance, question=q, conditions=tuple(conds), modality=modality,
        modality_cue=mod_cue, hedge=hedge, hedge_cue=hedge_cue, products=products,
        product_cues=tuple(product_cues), threshold=threshold, clauses=clauses,
        reported=reported, boilerplate=boiler,
    )  # fmt: skip


def tag_sentence(doc_id: str, idx: int, section: str, sentence: str, context: str = "") -> Claim:
    """Tag one sentence (original text) and return its Claim (topics may be empty).

    *context*: a list item's lead-in sentence (see ``analyse``). A sentence
    with two claims returns the first; ``tag_document`` returns both.
    """
    return _claim(doc_id, idx, section, sentence, analyse(sentence, context, explain=False))


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
        part=a.part,
        self_contradicting=a.self_contradicting,
    )


def _carry_threshold(analyses: list[list[Analysis]], texts: list[str]) -> None:
    """A sentence cut at ；: the threshold of one half goes to the topic of the other.

    逾期超过90天；平台会委托第三方催收 -- the first half has the duration, the
    second the topic; the claim (second half) gets the threshold, and an
    overdue threshold makes an affirming claim conditional.
    """
    for i in range(len(analyses) - 1):
        if not texts[i].rstrip().endswith((";", "；")):
            continue
        a, b = analyses[i][0], analyses[i + 1][0]
        for giver, taker, pos in ((a, b, i + 1), (b, a, i)):
            if giver.threshold is None or giver.topics or not taker.topics or taker.threshold:
                continue
            th = giver.threshold
            stance = taker.stance
            if th.anchor == "overdue" and stance == "affirms":
                stance = "conditional"
            analyses[pos] = [replace(x, threshold=th, stance=stance if x.part == taker.part
                                     else x.stance) for x in analyses[pos]]  # fmt: skip
            break


def _boilerplate_lines(analyses: list[list[Analysis]], lines: list[int]) -> None:
    """A template line (相关推荐：A？B？) is boilerplate in all of its sentences."""
    template: dict[int, str] = {}
    senses = load_senses()
    for i, line in enumerate(lines):
        boiler = analyses[i][0].boilerplate
        if boiler is not None and line >= 0 and senses.whole_line(boiler):
            template.setdefault(line, boiler)
        elif line in template:
            a = analyses[i][0]
            dropped = {**a.dropped, **{t: f"boilerplate line ({template[line]})" for t in a.topics}}
            analyses[i] = [replace(a, topics=(), stance=None, modality=None, hedge=None,
                                   boilerplate=template[line], dropped=dropped)]  # fmt: skip


def _tagged(text: str, *, explain: bool) -> list[tuple[int, str, str, str, list[Analysis]]]:
    """(idx, section, sentence, lead-in, analyses) of every segment of *text*."""
    segs = segment(text)
    analyses = [analyse_claims(seg.text, seg.context, explain=explain) for seg in segs]
    _boilerplate_lines(analyses, [seg.line for seg in segs])
    _carry_threshold(analyses, [seg.text for seg in segs])
    return [(idx, seg.section, seg.text, seg.context, analyses[idx])
            for idx, seg in enumerate(segs)]  # fmt: skip


def explain_document(
    doc_id: str, text: str, *, include_non_claims: bool = False
) -> list[tuple[Claim, list[str]]]:
    """Like ``tag_document``, each claim paired with its ``why`` lines (``--explain``)."""
    out: list[tuple[Claim, list[str]]] = []
    for idx, section, sentence, context, parts in _tagged(text, explain=True):
        for a in parts:
            if a.topics or include_non_claims:
                why = a.why()
                if context and any(ev.cue.startswith(CONTEXT_MARK) for ev in a.evidence):
                    why.insert(0, f"list item without its own topic cue: topics from its lead-in "
                                  f"{context}")  # fmt: skip
                out.append((_claim(doc_id, idx, section, sentence, a), why))
    return out


def tag_document(doc_id: str, text: str, *, include_non_claims: bool = False) -> list[Claim]:
    """Tag every sentence / list item of *text*; return claims in document order.

    ``idx`` is the position among all segmented sentences, so claim ids are the
    same whether or not non-claims are included. Non-claims (no topic) are
    returned only with *include_non_claims*, with products and thresholds filled.
    A sentence that asserts a concession and contradicts it gives two claims
    (``part`` 0 and 1), both ``self_contradicting``.
    """
    out: list[Claim] = []
    for idx, section, sentence, _context, parts in _tagged(text, explain=False):
        for a in parts:
            if a.topics or include_non_claims:
                out.append(_claim(doc_id, idx, section, sentence, a))
    return out
