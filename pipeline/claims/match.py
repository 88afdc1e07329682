"""Aho-Corasick cue matching (leftmost-longest, non-overlapping).

Every word list of the tagger is compiled into a ``Matcher``. A scan walks the
normalized sentence left to right and, at each position, keeps the longest
entry that starts there; its characters are then consumed. So a longer entry
hides the shorter entries inside it: 不良记录 is a credit_report cue, not the
negator 不; 不得不 is no negation; 信用卡诈骗罪 is not the product cue 信用卡 in
the topic scan. Entries carry *roles*; a string listed in several lists gets
all their roles, and the role ``block`` marks look-alikes that mean nothing.

Gapped entries ("A...B", written "A…B" in the data) are not in the automaton:
``scan_gapped`` finds A followed by B within a bounded gap, so 额度…恢复 matches
额度一般会在24小时内恢复 and 只有…才 spans the two clauses of 只有X，才Y.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from pipeline.claims.taxonomy import GAP, GAP_MARK, Taxonomy

#: (kind, value, extra), e.g. ("topic", "contacts_family", "affirm"), ("neg", "", "").
Role = tuple[str, str, str]
BLOCK: Role = ("block", "", "")
WEAK: Role = ("weak", "", "")


@dataclass(frozen=True, slots=True)
class Hit:
    """One matched entry: character span [start, end) in the scanned text."""

    start: int
    end: int
    text: str
    roles: tuple[Role, ...]

    def has(self, kind: str) -> bool:
        """True when one of this entry's roles is of *kind*."""
        for role in self.roles:  # noqa: SIM110 (a loop is 5x faster than any(genexpr))
            if role[0] == kind:
                return True
        return False

    def role(self, kind: str) -> Role | None:
        """The first role of *kind*, or None."""
        for role in self.roles:
            if role[0] == kind:
                return role
        return None


class Matcher:
    """A leftmost-longest Aho-Corasick matcher over (text, role) entries."""

    def __init__(self, entries: Iterable[tuple[str, Role]]) -> None:
        """Compile *entries*; roles of duplicate texts are merged (block loses)."""
        merged: dict[str, list[Role]] = {}
        gapped: dict[str, list[Role]] = {}
        for text, role in entries:
            if not text:
                continue
            roles = (gapped if GAP in text else merged).setdefault(text, [])
            if role not in roles:
                roles.append(role)
        self._gapped: list[tuple[str, str, str, tuple[Role, ...]]] = []
        for text, roles in gapped.items():
            head, tail = text.split(GAP, 1)
            self._gapped.append((text, head, tail, tuple(roles)))
        # the heads of gapped entries in one automaton: a scan finds them in one pass
        self._heads: ahocorasick.Automaton | None = None
        if self._gapped:
            by_head: dict[str, list[int]] = {}
            for i, (_, head, _, _) in enumerate(self._gapped):
                by_head.setdefault(head, []).append(i)
            heads = ahocorasick.Automaton()
            for head, indices in by_head.items():
                heads.add_word(head, (head, tuple(indices)))
            heads.make_automaton()
            self._heads = heads
        self._automaton: ahocorasick.Automaton | None = None
        if merged:
            automaton = ahocorasick.Automaton()
            for text, roles in merged.items():
                real = [r for r in roles if r != BLOCK] or [BLOCK]
                automaton.add_word(text, (text, tuple(real)))
            automaton.make_automaton()
            self._automaton = automaton

    def scan(self, text: str) -> list[Hit]:
        """All leftmost-longest, non-overlapping hits in *text*, in order.

        Built from every match rather than pyahocorasick's ``iter_long``: that one does not
        fall back to a shorter entry starting inside a longer candidate that fails (entries
        一次都没见过 and 都没有 made it miss the 没 of 一次都没上过门), so a new entry could
        silently hide another's hits.
        """
        if self._automaton is None or not text:
            return []
        longest: dict[int, tuple[str, tuple[Role, ...]]] = {}
        for end, (word, roles) in self._automaton.iter(text):
            start = end - len(word) + 1
            held = longest.get(start)
            if held is None or len(word) > len(held[0]):
                longest[start] = (word, roles)
        hits: list[Hit] = []
        free = 0
        for start in sorted(longest):
            if start >= free:
                word, roles = longest[start]
                hits.append(Hit(start, start + len(word), word, roles))
                free = start + len(word)
        return hits

    def scan_gapped(
        self, text: str, *, max_gap: int, breaks: frozenset[str] = frozenset()
    ) -> list[Hit]:
        """Hits of the gapped entries: head, then tail at most *max_gap* characters later.

        No character of *breaks* may stand in the gap (clause-scoped cues pass
        the clause breaks; sentence-scoped pairs such as 只有…才 pass none).
        """
        hits: list[Hit] = []
        if self._heads is None or not text:
            return hits
        starts: dict[int, list[int]] = {}  # entry -> positions of its head, in order
        for end, (head, indices) in self._heads.iter(text):
            for i in indices:
                starts.setdefault(i, []).append(end - len(head) + 1)
        for i in sorted(starts):
            word, head, tail, roles = self._gapped[i]
            for pos in starts[i]:
                gap_start = pos + len(head)
                window = text[gap_start : gap_start + max_gap + len(tail)]
                found = window.find(tail)
                if found >= 0 and not any(ch in breaks for ch in window[:found]):
                    end = gap_start + found + len(tail)
                    hits.append(Hit(pos, end, word, roles))
                    break
        return hits

    def find(self, text: str, kind: str) -> list[Hit]:
        """Hits in *text* that carry a role of *kind* (blocked look-alikes dropped)."""
        return [hit for hit in self.scan(text) if hit.has(kind)]


@dataclass(frozen=True, slots=True)
class Matchers:
    """The compiled matchers of one taxonomy."""

    topics: Matcher  # topic cues + negators + look-alikes (one scan: negation scope)
    products: Matcher
    hedges: Matcher
    modality: Matcher
    conditions: Matcher
    questions: Matcher
    anchors: Matcher
    exclude: Matcher


def glyph_gap_variants(
    entries: list[tuple[str, Role]], words: tuple[str, ...]
) -> list[tuple[str, Role]]:
    """Entries holding a stripped word (电话) again, with the word as GAP_MARK.

    An entry that is only the word itself gets no variant: a lone gap says
    too little to be a cue.
    """
    out: list[tuple[str, Role]] = []
    for text, role in entries:
        for word in words:
            if word in text and text != word:
                out.append((text.replace(word, GAP_MARK), role))
    return out


def emphatic_variants(
    entries: list[tuple[str, Role]], negators: tuple[str, ...]
) -> list[tuple[str, Role]]:
    """Entries again behind each negator ending in the negation the entry opens with.

    Matching is leftmost-longest, so in 记录并不会有什么影响 the negator 并不
    would take the 不 of the after-cue denial 不会有什么影响 and leave it
    unread; the variant 并不会有什么影响 keeps the denial whole (so do
    并没有关系 and 并无关).
    """
    out: list[tuple[str, Role]] = []
    for text, role in entries:
        # only a shared negation (不, 没有, 无): 不是 + 是谣言 would turn a rejection
        # into its opposite (不是谣言)
        if not text or text[0] not in "不没无":
            continue
        for neg in negators:
            overlap = next((k for k in range(min(len(neg), len(text)) - 1, 0, -1)
                            if neg[-k:] == text[:k]), 0)
            if overlap:
                out.append((neg[:-overlap] + text, role))
    return out


def build_matchers(tax: Taxonomy) -> Matchers:
    """Compile every word list of *tax* into matchers."""
    lex = tax.lexicon
    topic_entries: list[tuple[str, Role]] = []
    for topic in tax.topics:
        topic_entries += [(c.text, ("topic", c.topic, c.polarity)) for c in topic.cues]
        topic_entries += [(c.text, WEAK) for c in topic.cues if c.weak]
        topic_entries += [(b, BLOCK) for b in topic.blockers]
    topic_entries += [(n, ("neg", "", "")) for n in lex.negators]
    topic_entries += [(n, ("postneg", "deny", "")) for n in lex.post_negators]
    topic_entries += [(n, ("postneg", "rare", "")) for n in lex.post_rarity]
    topic_entries += [(n, ("postneg", "bluff", "")) for n in lex.post_bluff]
    topic_entries += [(n, ("postneg", "receive", "")) for n in lex.post_receiving]
    topic_entries += [(n, ("postneg", "refuse", "")) for n in lex.post_refusals]
    topic_entries += [(n, ("postneg", "record", "")) for n in lex.post_records]
    topic_entries += emphatic_variants(
        [e for e in topic_entries if e[1][0] == "postneg"], lex.negators
    )
    topic_entries += [(n, ("aimed", "", "")) for n in lex.negated_verbs]
    topic_entries += [(n, ("avoid", "", "")) for n in lex.avoidance_verbs]
    topic_entries += [(n, ("copular", "", "")) for n in lex.copular_negators]
    topic_entries += glyph_gap_variants(topic_entries, tax.glyph_gaps)
    topic_entries += [(f, BLOCK) for f in lex.false_negations]
    topic_entries += [(q, BLOCK) for q in lex.question_markers]
    # condition words are never cues and must not lend a character to a
    # look-alike: 只要不是 is 只要 + 不是, not 只 + 要不 + 是
    topic_entries += [(c, BLOCK) for c in (*lex.conditions, *lex.protasis) if GAP not in c]
    product_entries: list[tuple[str, Role]] = []
    for product in tax.products:
        for alias in (product.canonical, *product.aliases):
            product_entries.append((alias, ("product", product.canonical, alias)))
            topic_entries.append((alias, BLOCK))
    hedge_entries: list[tuple[str, Role]] = [
        *((w, ("hedge", "frequency", "")) for w in lex.hedge_frequency),
        *((w, ("hedge", "possibility", "")) for w in lex.hedge_possibility),
        *((w, BLOCK) for w in lex.hedge_blockers),
    ]
    modality_entries: list[tuple[str, Role]] = [
        *((w, ("modality", "normative", "")) for w in lex.normative),
        *((w, ("modality", "advice", "")) for w in lex.advice),
        *((w, BLOCK) for w in lex.modality_blockers),
    ]
    condition_entries: list[tuple[str, Role]] = [
        *((w, ("cond", "", "")) for w in lex.conditions),
        *((w, BLOCK) for w in lex.condition_blockers),
    ]
    th = tax.thresholds
    anchor_entries: list[tuple[str, Role]] = [
        (w, ("anchor", name, "")) for name, words in th.anchors for w in words]
    anchor_entries += [(w, BLOCK) for w in th.anchor_blockers]
    return Matchers(
        topics=Matcher(topic_entries),
        products=Matcher(product_entries),
        hedges=Matcher(hedge_entries),
        modality=Matcher(modality_entries),
        conditions=Matcher(condition_entries),
        questions=Matcher((w, ("question", "", "")) for w in lex.question_markers),
        anchors=Matcher(anchor_entries),
        exclude=Matcher((w, ("exclude", "", "")) for w in th.exclude),
    )
