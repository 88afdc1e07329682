"""Topic selection, negation scope, stance, modality and hedge of one sentence.

All functions take the normalized sentence. Rules (DOMAIN.md §2):

- A negator denies a topic cue only when it stands before the cue in the same
  clause (no ，；：。 between). Cues may carry inverted polarity (算逾期 denies
  a grace period; 不会被视为逾期 therefore affirms it) or none (还款日).
- Weak cues (bare channel words: 电话, 短信) count only when the sentence has
  no ordinary cue of any topic: 第三方催收电话 is about the agency, not a call
  to the borrower; 这些电话都是打给借款人自己的 still is.
- Stance precedence: question > denies > conditional > affirms. Conditional
  markers (如果/若/一旦/只要/除非/失联/的话, the pair 只有…才) or an overdue
  threshold.
- Modality: questions are descriptive; otherwise normative markers win over
  advice markers, and 可以 is advice only when the reader is its subject.
- Hedge: the first frequency or possibility word, else none.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.claims.match import Hit, Matchers
from pipeline.claims.taxonomy import GAP, Lexicon, Taxonomy

CLAUSE_BREAKS = frozenset(",;:，；：。!?！？\n")
_TRAILING = " 。.!！~～…\"'”’」』)）"


@dataclass(frozen=True, slots=True)
class TopicEvidence:
    """A topic cue occurrence with its effective polarity after negation."""

    topic: str
    cue: str
    polarity: str  # affirm | invert | neutral (from the data)
    negator: str | None  # the negator that scopes over it, if any
    weak: bool = False
    background: bool = False  # stands in a protasis (如果X，Y: X) followed by more text

    @property
    def denies(self) -> bool:
        """True when this occurrence says the topic's event does not happen."""
        if self.polarity == "neutral":
            return False
        negated = self.negator is not None
        return negated != (self.polarity == "invert")


def clause_index(text: str) -> list[int]:
    """Clause number of every character (clause breaks belong to the clause they end)."""
    out = [0] * len(text)
    clause = 0
    for i, ch in enumerate(text):
        out[i] = clause
        if ch in CLAUSE_BREAKS:
            clause += 1
    return out


MAX_GAP = 10  # characters allowed between the two parts of a gapped topic cue


def topic_hits(text: str, matchers: Matchers) -> list[Hit]:
    """Topic-scan hits of *text* plus gapped-cue hits, ordered by where they end.

    Ordering by end puts a negator inside a gapped cue's gap before the cue,
    so 额度不会恢复 negates 额度…恢复.
    """
    hits = matchers.topics.scan(text)
    gapped = matchers.topics.scan_gapped(text, max_gap=MAX_GAP, breaks=CLAUSE_BREAKS)
    if gapped:
        hits = sorted(hits + gapped, key=lambda h: (h.end, h.start))
    return hits


def protasis_clauses(text: str, matchers: Matchers, lex: Lexicon) -> frozenset[int]:
    """Clause numbers of condition clauses (如果/一旦/...的话 ...) that another clause follows."""
    starts = [h.start for h in matchers.conditions.find(text, "cond") if h.text in lex.protasis]
    if not starts:
        return frozenset()
    clauses = clause_index(text)
    last = clauses[-1]  # a closing 。 belongs to the clause it ends
    return frozenset(clauses[s] for s in starts if clauses[s] < last)


def topic_evidence(
    text: str, hits: list[Hit], background: frozenset[int] = frozenset()
) -> list[TopicEvidence]:
    """Topic cue occurrences in *hits* with the negator (same clause, before) scoping each.

    The first negator of a clause scopes over every later cue of that clause;
    cues in a clause of *background* (a protasis) are marked background.
    """
    if not hits:
        return []
    clauses = clause_index(text)
    evidence: list[TopicEvidence] = []
    first_neg: dict[int, str] = {}
    for hit in hits:
        clause = clauses[hit.start]
        if hit.has("neg"):
            first_neg.setdefault(clause, hit.text)
        role = hit.role("topic")
        if role is not None:
            evidence.append(TopicEvidence(role[1], hit.text, role[2], first_neg.get(clause),
                                          hit.has("weak"), clause in background))  # fmt: skip
    return evidence


def counted(evidence: list[TopicEvidence]) -> list[TopicEvidence]:
    """The evidence that counts: protasis cues only when the main clauses have none,
    then weak cues only when no ordinary cue is left."""
    main = [ev for ev in evidence if not ev.background]
    pool = main or evidence
    strong = [ev for ev in pool if not ev.weak]
    return strong or pool


def select_topics(evidence: list[TopicEvidence], tax: Taxonomy) -> list[str]:
    """Topics in order of first counted cue, minus suppressed topics.

    Protasis and weak cues are set aside as ``counted`` says; then a topic is
    dropped when another present topic suppresses it (contacts_family
    suppresses debtor_contact: a call to the family is not a call to the borrower).
    """
    ordered: list[str] = []
    for ev in counted(evidence):
        if ev.topic not in ordered:
            ordered.append(ev.topic)
    suppressed = {s for t in ordered for s in tax.topic(t).suppresses}
    return [t for t in ordered if t not in suppressed]


def supporting(evidence: list[TopicEvidence], topics: list[str]) -> list[TopicEvidence]:
    """The evidence that gave *topics* (see ``counted``)."""
    return [ev for ev in counted(evidence) if ev.topic in topics]


def question_cue(text: str, matchers: Matchers, lex: Lexicon) -> str | None:
    """The question cue of *text* ("?", a final 吗, or 会不会 ...), or None."""
    stripped = text.rstrip(_TRAILING)
    if text.rstrip(" \"'”’」』)）").endswith("?"):
        return "?"
    if stripped and stripped[-1] in lex.question_finals:
        return stripped[-1]
    hits = matchers.questions.find(text, "question")
    return hits[0].text if hits else None


def condition_cues(text: str, matchers: Matchers) -> list[str]:
    """Condition markers present in *text* (blocked look-alikes removed).

    Gapped markers (只有…才) may span clauses of the sentence.
    """
    found = [hit.text for hit in matchers.conditions.find(text, "cond")]
    found += [hit.text.replace(GAP, "…")
              for hit in matchers.conditions.scan_gapped(text, max_gap=len(text))]  # fmt: skip
    return found


def decide_stance(
    *, question: bool, evidence: list[TopicEvidence], topics: list[str], conditional: bool
) -> str:
    """Apply the precedence question > denies > conditional > affirms."""
    if question:
        return "question"
    if any(ev.denies for ev in supporting(evidence, topics)):
        return "denies"
    if conditional:
        return "conditional"
    return "affirms"


def _reader_can(text: str, lex: Lexicon) -> str | None:
    """The 可以-like word whose subject is the reader (clause start or 你/借款人 ...)."""
    for word in lex.reader_can:
        pos = text.find(word)
        while pos >= 0:
            start = pos
            while start > 0 and text[start - 1] not in CLAUSE_BREAKS:
                start -= 1
            before = text[start:pos].strip()
            changed = True
            while changed and before:
                changed = False
                for adverb in lex.reader_adverbs:
                    if before.endswith(adverb):
                        before = before[: -len(adverb)].strip()
                        changed = True
            if not before or before.endswith(lex.reader_subjects):
                return word
            pos = text.find(word, pos + 1)
    return None


def detect_modality(
    text: str, matchers: Matchers, lex: Lexicon, *, question: bool
) -> tuple[str, str | None]:
    """(modality, cue): normative > advice > descriptive; questions are descriptive."""
    if question:
        return "descriptive", None
    hits = matchers.modality.find(text, "modality")
    for level in ("normative", "advice"):
        for hit in hits:
            role = hit.role("modality")
            if role and role[1] == level:
                return level, hit.text
    can = _reader_can(text, lex)
    if can:
        return "advice", can
    return "descriptive", None


def detect_hedge(text: str, matchers: Matchers) -> tuple[str, str | None]:
    """(hedge, cue): the first frequency / possibility word, else ("none", None)."""
    for hit in matchers.hedges.find(text, "hedge"):
        role = hit.role("hedge")
        if role:
            return role[1], hit.text
    return "none", None
