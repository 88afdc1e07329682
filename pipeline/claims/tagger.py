"""Tag one sentence in the DOMAIN.md claim vocabulary, clause by clause.

Matching runs on normalized text (NFKC, Traditional -> Simplified, pinyin
glosses dropped, variant characters mapped) so 花唄 and 電話 tag like 花呗 and
电话; reported speech is masked first (its span kept in offsets of the
original); clause roles (condition, concession, premise, rejected belief)
decide which cues are the claim; context filters re-read cues in another
sense. Whole documents: ``pipeline.claims.document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.claims.analysis import CONTEXT_MARK, Analysis
from pipeline.claims.clauses import (
    MASK,
    QUOTE_MARKS,
    Span,
    alternation,
    belief_span,
    concessive_spans,
    mask,
    reported_spans,
)
from pipeline.claims.match import Hit, Matchers, build_matchers
from pipeline.claims.memo import forget
from pipeline.claims.segment import heading_level
from pipeline.claims.senses import Senses, apply_senses, load_senses, map_variants
from pipeline.claims.stance import (
    CLAUSE_BREAKS,
    MESSAGE_TOPICS,
    POINTER_OPENERS,
    TopicEvidence,
    clause_end,
    clause_index,
    clause_start,
    clause_text,
    condition_cues,
    counted,
    decide_stance,
    detect_hedge,
    detect_modality,
    past_adviser_lead,
    protasis_clauses,
    question_cue,
    select_topics,
    supporting,
    topic_evidence,
    topic_hits,
)
from pipeline.claims.taxonomy import GAP, GAP_MARK, Taxonomy, load_taxonomy
from pipeline.claims.thresholds import extract_threshold
from pipeline.normalize import drop_matches, normalize_text, normalize_with_offsets

BASE_VERSION = "tagger-0.3.20"


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


_PINYIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])\(([a-zü\u00e0-\u01dc]+)\)")
_GLYPH_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff,.;:!?，。；：！？])")
# Letter-spaced text (逾 期 后 平 台 一 般 会 …): three or more single characters in a row,
# each set off by a space. A glyph gap is one space between words (打 吗), never a run of
# lone characters, so the spaces of such a run are dropped, not marked as gaps.
_SPACED_TOKEN = "[\u4e00-\u9fff,.;:!?。、]"
_LETTER_SPACED_RE = re.compile(f"(?<!{_SPACED_TOKEN}){_SPACED_TOKEN}(?: {_SPACED_TOKEN}"
                               f"(?!{_SPACED_TOKEN})){{2,}}")  # fmt: skip


# A space between two Chinese characters.
_HAN_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
# A glyph-gap site strips one or two words of a sentence; three or more spaces between
# characters, with words of a few characters between them, are a word-segmented copy
# (借款人 逾期 后 平台 会 上门 催收), not gaps.
_SEGMENTED_SPACES = 3
_SEGMENTED_WORD = 4  # characters per space-separated piece, at most, on average


@lru_cache(maxsize=1)
def _cue_bigrams() -> frozenset[str]:
    """Every pair of adjacent characters inside a topic cue, product alias or hedge word:
    a space between such a pair (上征 信, 催 收) sits inside a word, not where one was cut."""
    tax = _engine().tax
    words = [cue.text for topic in tax.topics for cue in topic.cues]
    words += [alias for product in tax.products for alias in product.aliases]
    words += [*tax.lexicon.hedge_frequency, *tax.lexicon.hedge_possibility]
    return frozenset(piece[i : i + 2] for word in words for piece in word.split(GAP)
                     for i in range(len(piece) - 1)
                     if all("\u4e00" <= ch <= "\u9fff" for ch in piece[i : i + 2]))  # fmt: skip


def _word_spaces(norm: str) -> set[int]:
    """Indices of the spaces of *norm* that separate no words cut out: those inside
    letter-spaced runs, all of a word-segmented copy's, and those inside a cue word."""
    spaces = {i for m in _LETTER_SPACED_RE.finditer(norm)
              for i in range(m.start(), m.end()) if norm[i] == " "}  # fmt: skip
    between = [m.start() for m in _HAN_SPACE_RE.finditer(norm) if m.start() not in spaces]
    han = sum(1 for ch in norm if "\u4e00" <= ch <= "\u9fff")
    if len(between) >= _SEGMENTED_SPACES and han <= _SEGMENTED_WORD * (len(between) + 1):
        return spaces.union(between)
    bigrams = _cue_bigrams()
    return spaces.union(i for i in between if norm[i - 1] + norm[i + 1] in bigrams)


#: The colon of a clock time (22:00, 8:30).
_CLOCK_RE = re.compile(r"(?<=\d):(?=\d)")


#: Emoji and pictographs (😱, 💳, 📌, ‼️) decorate a farm page's clauses; they carry no word and
#: would stand between a sentence's start and its first verb (📌 还不上的时候可以…), so the
#: tagger drops them (session thirteen).
_EMOJI_RE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u203C\u2049\uFE0F"
                       "\u20E3]+")


def _has_emoji(norm: str) -> bool:
    """True when *norm* holds a character of the emoji ranges (a cheap test first)."""
    return not norm.isascii() and _EMOJI_RE.search(norm) is not None


#: Clause punctuation: a sentence holding none, with spaces between its phrases, is a spoken
#: transcript pasted as text.
_CLAUSE_PUNCT = frozenset(",.;:!?，。；：！？、")


def _pause_commas(norm: str) -> str:
    """*norm* with the spaces of a transcript read as clause breaks (网贷逾期了千万不要慌 今天
    说两点 第一 一般不会上门): two or more spaces between Chinese characters, no clause
    punctuation at all and phrases longer than a word-segmented copy's. A glyph-gap site
    strips a word from a punctuated sentence, so its gaps stay gaps. Same length: offsets
    hold (session thirteen)."""
    if any(ch in _CLAUSE_PUNCT for ch in norm):
        return norm
    between = [m.start() for m in _HAN_SPACE_RE.finditer(norm)]
    if len(between) < 2:
        return norm
    han = sum(1 for ch in norm if "\u4e00" <= ch <= "\u9fff")
    if len(between) >= _SEGMENTED_SPACES and han <= _SEGMENTED_WORD * (len(between) + 1):
        return norm  # a word-segmented copy (借款人 逾期 后 平台 会 上门)
    at = set(between)
    return "".join("," if i in at else ch for i, ch in enumerate(norm))


def tagging_text(sentence: str) -> str:
    """The text the tagger matches on: normalized, pinyin leftovers dropped, gaps marked.

    normalize_text (NFKC, Traditional -> Simplified, spaces collapsed, ASCII
    lower-case), then a romanisation left after a character (規(guī)定) is
    removed, a space between two Chinese characters -- never a word
    boundary in Chinese, but what a glyph-gap site leaves where it stripped
    电话 -- becomes GAP_MARK, and variant characters (壹般, 妳) are mapped.
    """
    return _tagging_text_with_offsets(sentence)[0]


#: A chat turn's speaker and time before its words (阿杰 21:22 刚才又来一个电话…): the page
#: pasted a group chat; the name and the clock are no part of the sentence (session thirteen).
_CHAT_TURN_RE = re.compile(r"^[\u4e00-\u9fffa-z]{1,8} \d{1,2}:\d{2}(?::\d{2})? ")


def _tagging_text_with_offsets(sentence: str) -> tuple[str, list[int]]:
    """tagging_text and, per character, its index in *sentence* (quotes use the original)."""
    norm, offsets = normalize_with_offsets(sentence)
    if ":" in norm and _CHAT_TURN_RE.match(norm):
        norm, offsets = drop_matches(norm, offsets, _CHAT_TURN_RE)
    if ":" in norm:
        # a clock time (22:00) is no clause break: its colon reads as 点 (one character for one)
        norm = _CLOCK_RE.sub("点", norm)
    if "(" in norm:
        norm, offsets = drop_matches(norm, offsets, _PINYIN_RE)
    if _has_emoji(norm):
        norm, offsets = drop_matches(norm, offsets, _EMOJI_RE)
        norm, offsets = norm.strip(), offsets[len(norm) - len(norm.lstrip()) :][: len(norm.strip())]
    if " " in norm:
        norm = _pause_commas(norm)
    if " " in norm:
        spaced = _word_spaces(norm)
        if spaced:
            offsets = [o for i, o in enumerate(offsets) if i not in spaced]
            norm = "".join(ch for i, ch in enumerate(norm) if i not in spaced)
        norm = _GLYPH_GAP_RE.sub(GAP_MARK, norm)
    return map_variants(norm, load_senses()), offsets


def _mark_gaps(norm: str) -> str:
    """tagging_text's steps after normalize_text."""
    if ":" in norm and _CHAT_TURN_RE.match(norm):
        norm = _CHAT_TURN_RE.sub("", norm, count=1)
    if ":" in norm:
        norm = _CLOCK_RE.sub("点", norm)
    if "(" in norm:
        norm = _PINYIN_RE.sub("", norm)
    if _has_emoji(norm):
        norm = _EMOJI_RE.sub("", norm).strip()
    if " " in norm:
        norm = _pause_commas(norm)
    if " " in norm:
        spaced = _word_spaces(norm)
        if spaced:
            norm = "".join(ch for i, ch in enumerate(norm) if i not in spaced)
        norm = _GLYPH_GAP_RE.sub(GAP_MARK, norm)
    return map_variants(norm, load_senses())


def explain_clauses(sentence: str) -> list[dict[str, str]]:
    """The clause split of *sentence* and what the cues of each clause said.

    One {"clause", "role", "labels"} per clause, role one of main, condition,
    concession, rejected belief, reported; for ``yuqi claims --explain``.
    """
    return [{"clause": text, "role": role, "labels": said}
            for text, role, said in analyse(sentence).clauses]  # fmt: skip


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


# Sentences tagged lately, and their claims: content farms repeat sentences across reposts
# and stock phrases (on the demo web 6,298 segments hold 1,618 distinct sentence/lead-in
# pairs), and tagging is a pure function of the sentence, its lead-in and the data files.
TAG_CACHE_SIZE = 8192


def analyse_claims(sentence: str, context: str = "", *, explain: bool = True) -> list[Analysis]:
    """The claims of one sentence (see ``_analyse_claims``), remembered for the last
    ``TAG_CACHE_SIZE`` distinct sentences: a repeated sentence costs a lookup."""
    return list(_remembered_claims(sentence, context, explain))


@lru_cache(maxsize=TAG_CACHE_SIZE)
def _remembered_claims(sentence: str, context: str, explain: bool) -> tuple[Analysis, ...]:
    return tuple(_analyse_claims(sentence, context, explain=explain))


def clear_tag_cache() -> None:
    """Forget remembered sentences (benchmarks measure a first pass with it)."""
    _remembered_claims.cache_clear()
    _SAME_NORMALIZED.clear()
    forget()


# The claims of a sentence with no reported speech are a function of its normalized text
# (the original only places a quote's offsets), so the variants of one sentence a repost
# makes (full- or half-width punctuation, Traditional script: on the demo web 454 of 1,679
# distinct sentences) share them. Keyed by (normalized text, lead-in, explain).
_SAME_NORMALIZED: dict[tuple[str, str, bool], tuple[Analysis, ...]] = {}


def _same_normalized(key: tuple[str, str, bool], spans: list[Span],
                     claims: list[Analysis]) -> list[Analysis]:
    """*claims*, remembered under *key* when the sentence has no reported speech (*spans*)."""
    if not spans:
        if len(_SAME_NORMALIZED) >= TAG_CACHE_SIZE:
            _SAME_NORMALIZED.clear()
        _SAME_NORMALIZED[key] = tuple(claims)
    return claims


def _analyse_claims(sentence: str, context: str = "", *, explain: bool = True
                    ) -> list[Analysis]:
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
    same = (normalized, context, explain)
    if same in _SAME_NORMALIZED:  # a variant of a sentence tagged lately
        return list(_SAME_NORMALIZED[same])
    norm0 = _mark_gaps(normalized)
    spans = _confirmed_dropped(norm0, reported_spans(norm0, senses), senses)
    if "#" in norm0:
        spans = _with_hashtags(norm0, spans)
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
        return _same_normalized(same, spans, [whole])
    conc, main = split
    keep_conc = "".join(ch if conc.holds(i) or ch in CLAUSE_BREAKS else MASK
                        for i, ch in enumerate(norm))  # fmt: skip
    keep_main = mask(norm, [conc])
    first = _analyse_norm(normalized, norm0, keep_conc, "", senses, spans, reported, boiler,
                          explain=False)  # fmt: skip
    second = _analyse_norm(normalized, norm0, keep_main, "", senses, spans, reported, boiler,
                           explain=False)  # fmt: skip
    return _same_normalized(same, spans, [
        replace(first, self_contradicting=True, clauses=whole.clauses),
        replace(second, self_contradicting=True, part=1, clauses=whole.clauses)])


#: A hashtag (#网贷逾期#, #暴力催收#): a post's label, no claim of its own.
_HASHTAG_RE = re.compile(r"#[^#\s]{1,24}#")


def _with_hashtags(norm: str, spans: list[Span]) -> list[Span]:
    """*spans* plus the hashtags of *norm* outside them, set apart with no topic: a tag
    files a post under a subject (#暴力催收# 今天又被爆通讯录了), it says nothing happened.
    Products are read on the whole sentence, so a tag still names its product."""
    tags = [Span(m.start(), m.end(), "hashtag") for m in _HASHTAG_RE.finditer(norm)
            if not any(sp.start < m.end() and m.start() < sp.end for sp in spans)]
    return sorted(spans + tags, key=lambda sp: sp.start) if tags else spans


def _confirmed_dropped(norm: str, spans: list[Span], senses: Senses) -> list[Span]:
    """*spans* less reported words a later clause confirms (点赞过万的那条说“逾期不还不会坐牢”，
    这倒是真的): the author makes them a claim of the sentence."""
    if not spans or not senses.quote_confirmations:
        return spans
    clause_of = clause_index(norm)
    kept = []
    for sp in spans:
        at = [i for w in senses.quote_confirmations if (i := norm.find(w, sp.end)) >= 0]
        if at and sp.end > 0 and clause_of[min(at)] > clause_of[sp.end - 1]:
            continue
        kept.append(sp)
    return kept


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
    for conc in concessive_spans(norm, senses, _engine().tax.lexicon.modality_blockers):
        if conc.marker not in senses.asserted:
            continue
        inside = [ev for ev in whole.evidence if conc.holds(ev.start) and not ev.weak]
        outside = [ev for ev in whole.evidence
                   if not conc.holds(ev.start) and not ev.background and not ev.weak]
        # the same event both ways: the same cue, or a usual rule in the concession (虽然一般
        # 不会上门，但也可能派人核实); not another event of the topic (虽然没够上刑事立案的标准，
        # 催收员还是被派出所罚了款: a lesser punishment, no contradiction) (session eleven)
        usual = any(w in norm[conc.start : conc.end] for w in _engine().tax.lexicon.hedge_frequency)
        for ev in inside:  # 虽然一般不会X (denies)，但可能会X (affirms)
            other = [o for o in outside if o.topic == ev.topic]
            if (ev.denies and other and not any(o.denies for o in other)
                    and (usual or any(o.cue == ev.cue for o in other))):
                return conc, Span(conc.end, len(norm), "")
    return None


#: After 并不代表 / 并不意味着: the debt said gone (免除, 消失, 一笔勾销): what a write-off does not
#: mean; the write-off before it is the claim (session twenty-four).
_DEBT_GONE = ("免除", "消失", "一笔勾销", "不用还", "不需要还", "不必还", "清零", "免掉")
_KEPT_BY_DEBT_GONE = frozenset({"bad_debt_transfer"})


def _negator_granted(norm: str, ev: TopicEvidence, sp: Span) -> bool:
    """True when *ev*'s negator stands only inside the concessive span *sp*, which ends
    before the cue: it negates what is granted, not the cue."""
    if ev.negator is None:
        return False
    return (sp.end <= ev.start and norm.find(ev.negator, sp.start, sp.end) >= 0
            and norm.find(ev.negator, sp.end, ev.start) < 0)


def _clause_roles(
    norm: str, evidence: list[TopicEvidence], senses: Senses
) -> tuple[list[TopicEvidence], list[Span], Span | None, dict[str, str]]:
    """Mark cues inside concessive spans and rejected beliefs (see ``analyse_claims``).

    Cues a reaction or a distinction sets aside are left out; the last value says why, by
    topic, for the explanation."""
    conc = concessive_spans(norm, senses, _engine().tax.lexicon.modality_blockers)
    belief = belief_span(norm, senses)
    weakener = alternation(senses.weakeners)
    found = weakener.search(norm) if weakener is not None else None
    weak_at = found.start() if found is not None else -1
    clause_of = clause_index(norm) if weak_at >= 0 else []
    reaction = reaction_at(norm, senses)
    # a scene (我正在…) rather than a reaction: its own clause's cues are the scene's too
    scene = reaction >= 0 and norm.startswith(senses.scene_states, reaction)
    told_apart = distinction_clause(norm, senses)
    clause_no = clause_index(norm) if told_apart[0] >= 0 else []
    out: list[TopicEvidence] = []
    set_aside: dict[str, str] = {}
    for ev in evidence:
        if any(sp.holds(ev.start) and sp.marker in senses.turned_down for sp in conc):
            continue  # 与其等催收打给你爸妈，不如…: the alternative turned down says nothing
        if scene and ev.start > reaction:
            # 电话打进来的时候，他正拿着手机教母亲拍视频: what the scene holds is no claim
            set_aside.setdefault(ev.topic, f"{ev.cue} is part of a scene: no claim")
            continue
        if 0 <= ev.start < reaction and ev.topic not in senses.reaction_keeps:
            # 一听说要被起诉，整个人都懵了: what someone met, not a claim that it happens
            felt = next((w for w in (*senses.reactions, *senses.scene_states)
                         if norm.startswith(w, reaction)), "")
            set_aside.setdefault(ev.topic, f"{ev.cue} is what someone reacts to ({felt}): "
                                           "no claim")
            continue
        if (told_apart[0] >= 0 and 0 <= ev.start < len(clause_no)
                and clause_no[ev.start] <= told_apart[0]
                and not (ev.start < told_apart[1]
                         and norm.startswith((*_BELIEF_POINTERS, *senses.pointed_pairs),
                                             told_apart[1]))
                and not _named_again(norm, ev, told_apart, clause_no)):  # fmt: skip
            # 罚息和违约金不是一回事: concepts told apart, nothing said to happen
            set_aside.setdefault(ev.topic, f"{ev.cue} names a concept told apart from "
                                           "another: no claim")
            continue
        if ev.negator is not None and any(_negator_granted(norm, ev, sp) for sp in conc):
            # 即使没被起诉也会上征信: the 没 is the granted clause's, not the claim's (the two
            # share a clause when 也 resumes without a comma) (session twenty-four)
            ev = replace(ev, negator=None)
        if any(sp.holds(ev.start) for sp in conc):
            ev = replace(ev, background="concession")
        elif weak_at >= 0 and ev.topic in _KEPT_BY_DEBT_GONE and ev.start < weak_at and any(
                w in norm[weak_at:] for w in _DEBT_GONE):
            pass  # 账户核销只是内部处理，并不代表欠款被免除: the write-off is the claim (the debt
            # stays), as 坏账核销并不代表债务消失 in one clause (session twenty-four)
        elif weak_at >= 0 and ev.topic not in _KEPT_BY_DEBT_GONE and ev.start > weak_at and any(
                ev.cue.startswith(w) or w.startswith(ev.cue) for w in _DEBT_GONE) and any(
                e.topic in _KEPT_BY_DEBT_GONE and e.start < weak_at for e in evidence):
            continue  # …并不代表欠款被免除: the waiver is what it does not mean, no negotiation
        elif weak_at >= 0 and (clause_of[ev.start] < clause_of[weak_at] or (
                ev.start < weak_at and ev.negator is not None
                and clause_of[ev.start] == clause_of[weak_at])):
            # X，并不意味着Y: X is the premise; so is a denied X right before it (没被起诉不代表
            # 没事了, round y)
            ev = replace(ev, background="concession")
        elif weak_at >= 0 and ev.start > weak_at and clause_of[ev.start] == clause_of[weak_at]:
            ev = replace(ev, negator=None)  # 不意味着不会起诉: the negations cancel
        out.append(ev)
    out = _case_clause(norm, out, senses)
    out = _alternative_clauses(norm, out, senses)
    if "因为" in norm or "由于" in norm:
        causes = [m.span(1) for m in _CAUSE_RE.finditer(norm)]
        out = [replace(ev, background="cause")
               if not ev.background and any(s <= ev.start < e for s, e in causes) else ev
               for ev in out]  # fmt: skip
    if belief is not None:
        rest = [ev for ev in out if not belief.holds(ev.start) and not ev.background]
        out = [
            ev if not belief.holds(ev.start) or _denied_by_correction(norm, ev, belief)
            or _believed_gone(norm, ev, belief)
            else replace(ev, background="belief") if rest
            else replace(ev, flipped=True)
            for ev in out
        ]
    return out, conc, belief, set_aside


#: A clause opening with one of these points back at what the clause before said.
_BELIEF_POINTERS = ("这是把", "这是将", "这就是把", "那是把", "其实是把", "这其实是把", "这是错把")


def distinction_clause(norm: str, senses: Senses) -> tuple[int, int, int]:
    """Where two named things are told apart (罚息和违约金**不是一回事**; 协商还款和停息挂账，
    说的其实是**两件事**): (clause number, start of the first thing, the pairing word), or
    (-1, -1, -1). A pairing word (和, 跟, 与) must stand before the distinction word in its
    clause or the clause before it; the cues of those clauses name concepts and give no
    topic, a later clause keeps its own, and its 前者 / 后者 points at one of the two."""
    clauses: list[int] | None = None
    for word in senses.distinctions:
        at = norm.find(word)
        if at < 0:
            continue
        if clauses is None:
            clauses = clause_index(norm)
        here = clauses[at]
        start = next((i for i in range(at) if clauses[i] == here), at)
        # 有文章说X，这是把A和B混为一谈了: the clause points back at a belief it rejects; the
        # clause before is that belief, not one of the two things (round z6)
        back = norm.startswith(_BELIEF_POINTERS, start)
        # 银行会先降额，这跟冻结储蓄卡不是一回事: 这 is the claim before, set against a third
        # thing named here; that claim stands (session nineteen)
        back = back or norm.startswith(senses.pointed_pairs, start)
        reach = [i for i in range(at) if clauses[i] == here or (clauses[i] == here - 1
                                                                  and not back)]
        if not reach:
            continue
        pairs = [norm.find(p, reach[0], at) for p in senses.pairings]
        pair = min((i for i in pairs if i >= 0), default=-1)
        if pair >= 0:
            return here, reach[0], pair
    return -1, -1, -1


def _named_again(norm: str, ev: TopicEvidence, told_apart: tuple[int, int, int],
                 clause_no: list[int]) -> bool:
    """True when a clause after the distinction points back at *ev*'s thing (失信记录和征信不良
    记录是两码事，前者要等欠款还清才会撤下: 前者 is the first thing, its cue counts)."""
    clause, first, pair = told_apart
    later = norm[next((i for i, c in enumerate(clause_no) if c > clause), len(norm)):]
    if first <= ev.start < pair:
        return "前者" in later
    return ev.start > pair and "后者" in later


_CLAUSE_ENDS = frozenset(",，;；:：")
_CLOSERS = " 。.!！?？…\"'”’」』)）"


#: 不是A，而是/只是B: the author corrects what something is (外访不是上门讨债，只是核实一下住址).
_CORRECTION_RE = re.compile(r"(?:并不是|不是|并非)([^,，。;；!！?？]{1,24})[,，]\s*"
                            r"(?:而是|只是|仅仅是|只不过是|只不过|其实是)")


#: A charge no longer made under one name, replaced by another (不收滞纳金了，换成了违约金)
#: (session seventeen).
_REPLACED_RE = re.compile(r"(?:不再收|不收|取消了|取消)([^,，。;；!！?？]{1,16}?)了?[,，]\s*"
                          r"(?:改成|换成|改为|改收|变成|转为)")


#: A negated cause, a comma, then its result (不会因为你晚还了两天，就把…告诉同事) (session
#: seventeen).
_NOT_BECAUSE_RE = re.compile(r"(不会|并不会|不会仅仅|不会单单|不得|不能|不可|不应)"
                             # …or a rule's "not on X alone" (不得仅凭没按时还款，就认定…)
                             # (session eighteen)
                             r"(?:仅仅|单单|仅|只|单)?(?:因为|因|凭|依据|根据)"
                             r"[^,，。;；!！?？]{1,24}[,，]\s*"
                             r"(就[^,，。;；!！?？]*)")


def _corrected_descriptions(norm: str, evidence: list[TopicEvidence]) -> list[TopicEvidence]:
    """A cue inside the A of 不是A，而是B, whose topic the sentence names outside A with no
    negation, describes the event the wrong way and does not deny it: 外访不是上门讨债，只是
    核实一下住址 affirms the visit (session nine; the set's precedent qi009, qp012, qz310).
    So does a charge renamed (不收滞纳金了，换成了违约金: a fee is still charged). A negated
    cause's 就-result past a comma is denied (不会因为…，就告诉朋友)."""
    for m in _NOT_BECAUSE_RE.finditer(norm):
        # 平台不会因为你迟了两天还款，就把这事告诉你的同事: the negation before 因为 is the
        # result's, past the comma (session seventeen)
        low, high = m.span(2)
        evidence = [replace(ev, negator=m.group(1))
                    if low <= ev.start < high and ev.negator is None else ev for ev in evidence]
    # a charge replaced by another way of charging (取消了全额罚息，改成按未还金额计息)
    # goes on under its new terms, whether or not the new one is named by a cue
    replaced = [m.span(1) for m in _REPLACED_RE.finditer(norm)]
    evidence = [replace(ev, negator=None) if any(s <= ev.start < e for s, e in replaced)
                and ev.negator is not None and ev.topic == "penalty_fees" else ev
                for ev in evidence]  # fmt: skip
    spans = [m.span(1) for m in _CORRECTION_RE.finditer(norm)]
    if not spans:
        return evidence
    inside = [any(s <= ev.start < e for s, e in spans) for ev in evidence]
    named = {ev.topic for ev, held in zip(evidence, inside, strict=True)
             if not held and not ev.denies and not ev.background}  # fmt: skip
    return [replace(ev, negator=None) if held and ev.negator is not None and ev.topic in named
            else ev for ev, held in zip(evidence, inside, strict=True)]  # fmt: skip


#: A small share said with a number (仅2%的逾期用户, 只有0.7%的案件): at most ten percent.
_SMALL_SHARE_RE = re.compile(r"(?:仅有|仅占|只有|只占|仅)约?(\d+(?:\.\d+)?)\s*%")
_SMALL_SHARE_MAX = 10.0


def _small_share(norm: str, evidence: list[TopicEvidence]) -> list[TopicEvidence]:
    """Cues of a clause that puts their event at a small share (仅2%的逾期用户会被上门催收,
    仅1.5%的案子最后走到诉讼) are denied with a frequency hedge, as a rarity word
    would (不到10%) (session fifteen)."""
    shares = [m for m in _SMALL_SHARE_RE.finditer(norm)
              if float(m.group(1)) <= _SMALL_SHARE_MAX]
    if not shares:
        return evidence
    clause_of = clause_index(norm)
    return _denied_as_rare(evidence, clause_of, {clause_of[m.start()]: m.group(0) for m in shares})


def _denied_as_rare(evidence: list[TopicEvidence], clause_of: list[int],
                    rare_word: dict[int, str]) -> list[TopicEvidence]:
    """*evidence* with each undenied affirming cue of a clause in *rare_word* denied by that
    clause's rarity word, a frequency hedge to come (``rare``)."""
    return [replace(ev, negator=rare_word[clause_of[ev.start]], rare=True)
            if 0 <= ev.start < len(clause_of) and clause_of[ev.start] in rare_word
            and ev.negator is None and ev.polarity == "affirm" else ev
            for ev in evidence]  # fmt: skip


def _granted_then_rare(norm: str, evidence: list[TopicEvidence], tax: Taxonomy
                       ) -> list[TopicEvidence]:
    """Cues of a clause that grants an event exists (…确实有, …不是没有) followed by a clause
    that opens with a contrast word and calls it rare (但比例非常低, 不过真的很少) are denied with
    a frequency hedge, as a rarity word after them in their own clause would (session nine)."""
    lex = tax.lexicon
    if not lex.existence_grants or not any(w in norm for w in lex.contrast_openers):
        return evidence
    clause_of = clause_index(norm)
    rare_word: dict[int, str] = {}
    for c in range(clause_of[-1] if clause_of else 0):
        granted = clause_text(norm, clause_of, c).rstrip(" ,，;；。!！")
        after = clause_text(norm, clause_of, c + 1).lstrip()
        if not granted.endswith(lex.existence_grants) or not after.startswith(
                lex.contrast_openers):  # fmt: skip
            continue
        if any(0 <= ev.start < len(clause_of) and clause_of[ev.start] == c + 1 for ev in evidence):
            continue  # the contrast clause names an event of its own
        word = next((w for w in lex.post_rarity if w in after), None)
        if word is not None:
            rare_word[c] = word
            if c > 0 and not any(0 <= ev.start < len(clause_of) and clause_of[ev.start] == c
                                 for ev in evidence):
                # 至于上门催收，虽说存在这种可能性，但…很少见: a grant that points
                # back (这种可能性) grants the event named in the clause before (session fifteen)
                rare_word[c - 1] = word
    if not rare_word:
        return evidence
    return _denied_as_rare(evidence, clause_of, rare_word)


#: A perfective receipt (收到了律师函, 接到过电话): the teller tells an event that happened, which
#: a reaction after it does not turn into a mere scene (session seventeen).
_TOLD_EVENTS = ("收到了", "接到了", "收到过", "接到过")


def reaction_at(norm: str, senses: Senses) -> int:
    """Where a person's reaction to an event met begins (一听说要被起诉，整个人都**懵了**;
    谁接到这种短信心里都会**发慌**), or -1: a reaction word after a trigger (一听说, 接到, 的时候)
    in the sentence's last clause, with no prohibitive right before it (不要慌了手脚 is
    advice). The cues before it are what the person met, not the author's claim that it
    happens; a clause after the reaction (这也是施压的手段) asserts the event again."""
    if not any(t in norm for t in senses.reaction_triggers):
        return -1  # no trigger anywhere: no reaction can follow one (a cheap precheck)
    if any(t in norm for t in _TOLD_EVENTS):
        return -1  # 第一次收到了律师函，吓得好几天吃不下饭: the event told happened
    found = -1
    for word in (*senses.reactions, *senses.scene_states):
        at = norm.find(word)
        if at < 0 or (found >= 0 and at >= found):
            continue
        if any(b in norm[clause_start(norm, at) : at][-4:] for b in senses.reaction_blockers):
            continue
        if any(ch in _CLAUSE_ENDS for ch in norm[at:].rstrip(_CLOSERS)):
            continue  # 接到电话会吓得睡不着，这也是施压的手段: a clause after it asserts the event
        if any(t in norm[:at] for t in senses.reaction_triggers):
            found = at
    return found


#: A cause closed by its result within the clause (不会因为银行没起诉就停下来, 因为几千块钱而
#: 起诉): the cause's cues are circumstance, as a condition clause's are (round y). Not a cause
#: running to the clause end (因为网贷逾期真的被抓去坐牢的，少之又少: the event is the cause's).
_CAUSE_RE = re.compile(r"(?:因为|由于)([^,，。;；:：!！?？]{1,20}?)(?:就|而|才)")


def _alternative_clauses(norm: str, evidence: list[TopicEvidence],
                         senses: Senses) -> list[TopicEvidence]:
    """转让也好，外包也罢，欠的钱一分不会少: the alternatives that change nothing are background
    when the rest of the sentence has a cue of its own (session eleven)."""
    if not senses.alternatives or not any(w in norm for w in senses.alternatives):
        return evidence
    clause_of = clause_index(norm)
    named = {c for c in set(clause_of) if clause_text(norm, clause_of, c).rstrip(
        "".join(CLAUSE_BREAKS) + " ").endswith(senses.alternatives)}
    inside = [ev for ev in evidence if 0 <= ev.start < len(clause_of)
              and clause_of[ev.start] in named and not ev.background]
    if not inside or not any(ev not in inside and not ev.background and not ev.weak
                             for ev in evidence):
        return evidence
    return [replace(ev, background="concession") if ev in inside else ev for ev in evidence]


#: Verbs that make a believed record or debt gone (以为还清了逾期记录就会马上消失).
_GONE = ("消失", "消除", "删除", "清除", "抹掉", "抹去", "消掉", "删掉")
#: The author's correction saying the record stays (其实还要再留五年).
_KEPT = ("还要再留", "还要留", "还会留", "还要保留", "还会保留", "还要保存", "还会保存", "还要等",
         "还得等", "要再挂", "还要挂", "还会挂")


def _believed_gone(norm: str, ev: TopicEvidence, belief: Span) -> bool:
    """True when the belief is that the cue's record is gone and the author's correction says
    it stays (很多人以为还清了逾期记录就会马上消失，其实还要再留五年): the belief denies the
    record already, the correction keeps it; flipping the cue would deny it (round z6)."""
    if ev.negator is not None or not any(word in norm[belief.end :] for word in _KEPT):
        return False  # (误区：还清后记录马上就会被删掉 with no correction: qp041 reads it denied)
    rest = norm[ev.start + len(ev.cue) : belief.end]
    return any(word in rest for word in _GONE)


def _denied_by_correction(norm: str, ev: TopicEvidence, belief: Span) -> bool:
    """True when the author's correction itself denies the believed event (有人觉得会上门，
    事实上这种情况少之又少): reading the belief reversed as well would deny it twice."""
    if ev.negator is None:
        return False
    end = belief.end
    return norm.find(ev.negator, end) >= 0 and norm.find(ev.negator, belief.start, end) < 0


#: A 是 opening a 是…的 predicate (那份通知是催收编出来的), not 凡是 / 只要是 / 要是 (whoever,
#: if) or 自称是 (claiming to be); 就是 / 都是 with a short predicate ending the clause (一看就是
#: P的) too (session fifteen).
_COPULAR_DE = re.compile(r"(?<![凡要若但还总就也都称])是(?!否)|(?:就|都|也)是[^,的]{1,4}的$")
# 一般不会起诉的，…: a denial closed by the assertive 的 says something itself, it names no
# case (round z2); 不会…的 with no other 的 between.
_ASSERTIVE_DE = re.compile(r"(?:不会|不可能|不至于)[^,的]*的$")


#: "Not even one" in a 的-clause (没接到过一个上门的, 一次都没…过的): a statement, no case.
_NOT_EVEN_ONE = re.compile("(?:没|没有|未)[^,的]{0,4}(?:过)?一(?:个|次|回|通)")


def _case_clause(norm: str, evidence: list[TopicEvidence], senses: Senses) -> list[TopicEvidence]:
    """催收人员上门辱骂借款人的，会被拘留: a first clause ending in 的 describes the case;
    when the rest of the sentence has cues of its own, the case's cues are circumstance.
    A bare weak word in the rest (凡是自称催收、让你转到私人账户的，一律挂掉电话: the 电话 is
    the reader's) does not outweigh an ordinary cue of the case (round r)."""
    if not _engine().tax.lexicon.case_clause:
        return evidence
    first_end = norm.find(",")
    if first_end <= 0 or not norm[:first_end].endswith(_engine().tax.lexicon.case_ends):
        return evidence
    if _ASSERTIVE_DE.search(norm[:first_end]):
        return evidence
    if norm[first_end + 1 :].lstrip().startswith("是"):
        # 真正可能坐牢的，是拒不执行判决的人: a cleft, the 的-clause is what is said of the
        # people the rest names, no case (session fourteen)
        return evidence
    if _COPULAR_DE.search(norm[:first_end]) and not norm[first_end + 1 :].lstrip().startswith(
            ("不是", "而不是", "并不是", "并非")):
        # 通知书是催收公司捏造出来的，… / 银行是愿意谈分期的，…: a 是…的 predicate says
        # something itself, it names no case. In 是A的，不是B的 (家人是自己发现的，不是催收
        # 告诉他们的) the contrast denies B: A stays the circumstance.
        return evidence
    if _NOT_EVEN_ONE.search(norm[:first_end]) and any(
            0 <= ev.start < first_end and ev.negator is not None for ev in evidence):
        # 逾期三个月了还没接到过一个上门的，都是电话和短信: "not even one" states what never
        # came; it names no case (session sixteen)
        return evidence
    rest = [ev for ev in evidence if ev.start > first_end and not ev.background]
    # a case clause with a cue of its own and only weak cues after it keeps its cues; not a
    # 是A的，不是B contrast (家人是自己发现我欠网贷的，不是催收打电话告诉他们的, qg008)
    case_strong = not _COPULAR_DE.search(norm[:first_end]) and any(
        0 <= ev.start < first_end and not ev.background and not ev.weak for ev in evidence)
    if not rest or (case_strong and all(ev.weak for ev in rest)):
        return evidence
    return [replace(ev, background="case") if 0 <= ev.start < first_end and not ev.background
            else ev for ev in evidence]  # fmt: skip


#: What opens an answer after a question (答：一般不会。, 答案是：不会。), the longer first: a
#: colon after the label is the label's (the answer's first clause is what follows it).
_ANSWER_LABELS = ("答案是：", "答案是:", "答案为：", "答案为:", "答案：", "答案:", "答：", "答:",
                  "回答：", "回答:", "答案是", "答案为", "a：", "a:")
#: A labelled answer that says no in words (答案是否定的): it denies the question's event.
_ANSWER_NO = "否定"
#: What opens an answer's condition (只要不是恶意的，一般不会): yes or no is in the next clause.
_ANSWER_CONDITIONS = ("只要", "如果", "若", "除非", "要是", "只有", "假如")


def _answer_negator(norm: str, hits: list[Hit], context: str) -> str | None:
    """The negator that opens a bare answer to the question *context* (借呗会打通讯录吗？
    答：正规渠道一般不会。): the answer denies the question's event (session fourteen).

    Only for a question lead; only a negator in the answer's first clause, or the clause
    after the condition it opens with (只要不是恶意拖欠，一般不会), with no topic cue of its
    own there (a list item's lead-in lends its cues as they are). A denial or rarity word
    that stands after a cue (不会这么做, 这种情况很少) counts too: the cue is the question's,
    before it."""
    if not context.rstrip().endswith(("?", "？", "吗", "呢")):
        return None
    start = 0
    for label in _ANSWER_LABELS:
        if norm.startswith(label):
            start = len(label)
            break
    if start and norm.startswith(_ANSWER_NO, start):
        return _ANSWER_NO
    if norm.startswith(_ANSWER_CONDITIONS, start):
        start = min(clause_end(norm, start) + 1, len(norm))
    end = clause_end(norm, start)
    for hit in hits:
        if hit.has("topic") and start <= hit.start < end:
            return None
    return next((h.text for h in hits if (h.has("neg") or h.has("postneg"))
                 and start <= h.start < end), None)


def _lead_evidence(context: str, matchers: Matchers, senses: Senses) -> list[TopicEvidence]:
    """The topic cues a list item takes from its lead-in: those of the clause that announces
    the list (平台往往会采取以下手段：) and after it, each read by the context filters.

    微粒贷一般不会找上门，平台会采取以下手段： -- the items are the measures, not visits.
    A lead-in that announces nothing in words (催收会联系你的家人，比如：) lends all its cues.
    """
    lead = tagging_text(context)
    evidence = topic_evidence(lead, topic_hits(lead, matchers))
    at = max((lead.rfind(w) for w in senses.list_announcers), default=-1)
    if at >= 0:
        begin = clause_start(lead, at)
        evidence = [ev for ev in evidence if ev.start >= begin]
    return _apply_sense_rules(lead, evidence, senses)[0]


#: Parts of after-cue words that call a thing fake or a bluff (是假的, 吓唬人): said of a cue
#: read as an impostor's, they tell of the impostor, not against it.
_FALSITY_WORDS = ("假", "吓唬", "唬人", "话术")


def _apply_sense_rules(
    norm: str, evidence: list[TopicEvidence], senses: Senses
) -> tuple[list[TopicEvidence], dict[str, str], frozenset[int]]:
    """Context filters (senses.toml): retarget or drop cues read in another sense.

    Also returns where cues were dropped by what their clause says of them as a subject
    (scope ``after``: 村委会没有权力…): such a clause's power words are not the claim's.
    """
    if not evidence or not senses.senses:
        return evidence, {}, frozenset()
    after_rules = {rule.name for rule in senses.senses if rule.scope == "after"}
    subjects: set[int] = set()
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
            if rule in after_rules:
                subjects.add(ev.start)
        else:
            notes.setdefault(ev.topic, f"cue {ev.cue} is {topic} here ({rule})")
            negator = ev.negator
            if topic == "fake_collection" and negator is not None \
                    and any(w in negator for w in _FALSITY_WORDS):
                # 这种“传票”多半是假的: called fake, the paper is the impostor's
                # act, no denial of it (session eighteen)
                negator = None
            out.append(replace(ev, topic=topic, negator=negator))
    return out, notes, frozenset(subjects)


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
        if text.strip("".join(CLAUSE_BREAKS) + " "):
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


def _hedge_scope(
    text: str, support: list[TopicEvidence], stance: str, contrast: tuple[str, ...]
) -> str:
    """The text a denial's hedge is read from: clauses holding only affirmed cues are
    left out when the denial is set against them (催收电话一般很多，但不会上门: 一般 does
    not hedge the denial); a plain sequence shares its hedge (银行一般先打电话，不会马上
    起诉: 一般 covers both steps)."""
    if stance != "denies":
        return text
    clause_of = clause_index(text)
    denying = {clause_of[ev.start] for ev in support if ev.denies and 0 <= ev.start < len(text)}
    other = {clause_of[ev.start] for ev in support
             if not ev.denies and 0 <= ev.start < len(text)} - denying  # fmt: skip
    clause_text: dict[int, str] = {}
    for i, ch in enumerate(text):
        clause_text[clause_of[i]] = clause_text.get(clause_of[i], "") + ch
    contrasted = any(clause_text.get(c, "").lstrip().startswith(contrast) for c in denying)
    if not other or not contrasted:
        return text
    return "".join(MASK if clause_of[i] in other and ch not in CLAUSE_BREAKS else ch
                   for i, ch in enumerate(text))  # fmt: skip


#: Topics of quoted words that make the quote a scam's promise (帮你停息挂账).
_PROMISE_TOPICS = frozenset({"negotiation", "debt_help_scam"})
#: Quote marks dropped from reported words before their cues are read (能帮你“搞定”催收).
_SCARE_QUOTES = str.maketrans("", "", QUOTE_MARKS)
#: A promise to wipe the credit file (声称可以删除真实的逾期记录): a paid repair's (session
#: fifteen).
_DELETE_PROMISE = re.compile(r"(?:删除|删掉|消除|洗白|铲除|抹掉|清除).{0,8}(?:记录|逾期|征信)")


def _quoting_topic(quoted: str, before: str, marker: str, default: str, matchers: Matchers,
                   senses: Senses) -> str:
    """The topic of quoting *quoted*: a promise of debt relief is debt_help_scam,
    an impostor's claim fake_collection; a lead with no speaker of its own (声称) takes
    the topic of whoever speaks in *before* (an impostor, a collector, a seller of debt
    services, or no topic);
    else the lead word's *default*."""
    # scare quotes inside the words (能帮你“搞定”催收) split no cue (session fifteen)
    plain = quoted.translate(_SCARE_QUOTES)
    said = {role[1] for hit in matchers.topics.scan(plain) if (role := hit.role("topic"))}
    if marker == "says" and "debt_help_scam" not in said:
        # a collector on the line offering instalments (专员在电话里还说…可以帮我办分期) speaks
        # for the lender: the call is the claim, no scam's promise
        return default
    # a collector's words on relief (不先还两千就不给你申请减免) speak for the lender, no
    # seller's promise (session eighteen)
    collector = any(w in before for w in senses.collector_speakers) \
        and not any(w in before for w in senses.impostor_speakers)
    if (said & _PROMISE_TOPICS or _DELETE_PROMISE.search(plain)) \
            and not (collector and "debt_help_scam" not in said):
        return "debt_help_scam"
    if collector and default == "fake_collection":
        return "debtor_contact"  # a collector's lie (催收员谎称已移交法院) is the call, no impostor
    if marker in senses.speaker_leads:
        if any(w in before for w in senses.impostor_speakers):
            return default
        if any(w in before for w in senses.collector_speakers):
            return "debtor_contact"
        if any(w in before for w in senses.seller_speakers):
            return "debt_help_scam"
        return ""
    return default


#: The steps of a sequence (先是AI语音打电话，再由人工接手，接着联系家人): the call of the
#: first step is made to the borrower, an event of its own, though a later step reaches
#: the family; suppression (a call to the family is no call to the borrower) stays within
#: one step.
_FIRST_STEP = ("先是", "首先", "先")
_LATER_STEP = ("再", "然后", "接着", "之后", "随后", "最后", "其次", "后面")


def _held_back(evidence: list[TopicEvidence], tax: Taxonomy) -> set[str]:
    """The topics that the ordinary (not weak) cues' topics suppress (a call to the family
    holds back the call to the borrower)."""
    present = {ev.topic for ev in evidence if not ev.weak}
    return {s for t in present for s in tax.topic(t).suppresses}


def _step_channels(norm: str, evidence: list[TopicEvidence],
                   tax: Taxonomy) -> list[TopicEvidence]:
    """A bare channel word (a weak cue: 打电话, 短信) that is the whole of a sequence's step
    (先是客服打电话，然后委外公司介入) names a call of its own, to the borrower: it counts
    beside the other steps' topics. A channel word sharing its step with another cue
    (第三方催收公司打电话) stays weak, and so does one in a sentence that reaches the
    family (先群发短信给借款人，再群发给亲友: the set reads the family as the claim)."""
    if not any(ev.weak for ev in evidence):
        return evidence
    held = _held_back(evidence, tax)
    clause_of = clause_index(norm)
    steps = (*_FIRST_STEP, *_LATER_STEP)
    out: list[TopicEvidence] = []
    for ev in evidence:
        if ev.weak and ev.topic not in held and not ev.background and 0 <= ev.start < len(norm):
            c = clause_of[ev.start]
            c0 = clause_start(norm, ev.start)
            alone = not any(o is not ev and 0 <= o.start < len(norm) and clause_of[o.start] == c
                            for o in evidence)  # fmt: skip
            if alone and any(w in norm[c0 : ev.start] for w in steps):
                ev = replace(ev, weak=False)
        out.append(ev)
    return out


#: What closes a list of collection methods (用电话、短信、上门几种方式来催收).
_METHOD_HEADS = ("方式", "手段", "途径", "渠道", "形式", "措施")
_LIST_MARKS = "、"


def _listed_channels(norm: str, evidence: list[TopicEvidence],
                     tax: Taxonomy) -> list[TopicEvidence]:
    """A bare channel word (a weak cue: 电话, 短信) that is an item of a list of methods
    (用电话、短信、上门几种方式来催收) names a method of its own beside the others: it
    counts. Not when a topic that holds it back is present (用电话、短信这类方式联系家人:
    the set reads the family as the claim) (session fourteen)."""
    if not any(ev.weak for ev in evidence):
        return evidence
    held = _held_back(evidence, tax)
    out: list[TopicEvidence] = []
    for ev in evidence:
        stop = ev.start + len(ev.cue)
        if ev.weak and ev.topic not in held and not ev.background \
                and ev.start >= 0 and norm[ev.start : stop] == ev.cue:
            before = norm[: ev.start].rstrip(" ")
            after = norm[stop:].lstrip(" ")
            listed = before.endswith(_LIST_MARKS) or after.startswith(_LIST_MARKS)
            tail = norm[stop : clause_end(norm, stop)]
            if listed and (any(h in tail for h in _METHOD_HEADS)
                           or _listed_after_methods(norm, ev.start)):
                ev = replace(ev, weak=False)
        out.append(ev)
    return out


#: What opens a clause listing examples (包括电话、短信等).
_EXAMPLE_LIST_OPENERS = ("包括", "包含", "比如", "例如", "像是", "如")


def _listed_after_methods(norm: str, pos: int) -> bool:
    """The list holding *pos* opens its clause with 包括 / 比如 right after a clause that
    names the methods (会用多种方式催收，包括电话、短信) (session fifteen)."""
    start = clause_start(norm, pos)
    if start == 0 or not norm[start:pos].lstrip(" ").startswith(_EXAMPLE_LIST_OPENERS):
        return False
    previous = norm[clause_start(norm, start - 1) : start]
    return any(h in previous for h in _METHOD_HEADS)


def _first_step_topics(norm: str, evidence: list[TopicEvidence], topics: list[str],
                       tax: Taxonomy) -> list[str]:
    """*topics* with a suppressed topic put back when its cue is in a sequence's first
    step (先…) and every cue of the suppressing topics in a later step (再/然后/接着…)."""
    kept = counted(evidence)
    back: list[str] = []
    for ev in kept:
        if ev.topic in topics or ev.topic in back or not 0 <= ev.start < len(norm):
            continue
        by = [t for t in topics if ev.topic in tax.topic(t).suppresses]
        if not by:
            continue
        c0, c1 = clause_start(norm, ev.start), clause_end(norm, ev.start)
        if not any(w in norm[c0 : ev.start + len(ev.cue)] for w in _FIRST_STEP):  # 先打电话
            continue
        later = [e.start for e in kept if e.topic in by]
        if later and min(later) > c1 and any(
                w in norm[c1 : min(later)] for w in _LATER_STEP):  # fmt: skip
            back.append(ev.topic)
    if not back:
        return topics
    first = {t: min(e.start for e in kept if e.topic == t) for t in [*topics, *back]}
    return sorted([*topics, *back], key=lambda t: first[t])


def _heading_shape(line: str) -> bool:
    """*line* has a numbered heading's shape (一、…, （二）…, 3.1 …): with no topic it names
    a section, and a duration in it (逾期半年以上) is no claim's threshold. A plain short
    line (逾期1-2天问题不大) keeps its duration."""
    level = heading_level(line.strip())
    return level is not None and level >= 1


def _disbelieved(norm: str, start: int, senses: Senses) -> str | None:
    """The warning not to believe (别信, 不要相信) before reported words in their clause."""
    head = norm[clause_start(norm, start) : start]
    return next((w for w in senses.disbelief if w in head), None)


# a first clause naming what the reader suffers, as a time (被催收电话轰炸时, 被爆通讯录的时候)
def _threat_negator(norm: str, start: int, matchers: Matchers) -> str | None:
    """A negator before framed threat words in their clause (不得以上门等话术威胁借款人):
    the threatening is what the rule forbids, so the act of quoting is denied (round y)."""
    before = norm[clause_start(norm, start) : start]
    return next((h.text for h in matchers.topics.scan(before) if h.has("neg")), None)


_SUFFERED_RE = re.compile(r"^\s*被[^,，。;；:：]{1,16}(时|的时候)\s*[,，]")
# warnings keep their topic in the circumstance (遇到冒充律师的催收，请先拨打官方客服核实)
_WARNING_TOPICS = ("fake_collection", "debt_help_scam")


def _circumstance_clause(norm: str, hits: list[Hit], matchers: Matchers,
                         tax: Taxonomy) -> frozenset[int]:
    """The opening circumstance of an instruction (round t): {0} or nothing.

    遇到爆通讯录，先截图…再投诉 / 被电话轰炸时，记得…投诉: the first clause sets the scene,
    the reader is told what to do after it; when the instruction names a topic of its own,
    the scene's cues are background (as a condition clause's are) and give no topic.
    """
    opening, scene = past_adviser_lead(norm, tax.lexicon)  # 律师提醒，遇到…，先录音
    opening = opening.lstrip(" \"'“「(")
    if not (opening.startswith(tax.lexicon.circumstance) or _SUFFERED_RE.match(opening)):
        return frozenset()
    clauses = clause_index(norm)
    if not clauses or clauses[-1] <= scene:
        return frozenset()
    first = [h for h in hits if h.has("topic") and clauses[h.start] == scene]
    if not first or any(r[1] in _WARNING_TOPICS for h in first for r in h.roles
                        if r[0] == "topic"):
        return frozenset()
    if detect_modality(norm, matchers, tax.lexicon, question=False)[0] != "advice":
        return frozenset()
    return frozenset({scene})


def _unfulfilled_threats(norm0: str, spans: list[Span], matchers: Matchers,
                         senses: Senses) -> list[TopicEvidence]:
    """The events a collector's threat named, denied when a later clause says it never came
    true (说今天不还就派人去我老家，结果一个月过去了也没见人影: home_visit denied); the threat's
    words stay set apart, so the call remains a claim of its own (session thirteen)."""
    if not spans or not senses.never_came or not any(w in norm0 for w in senses.never_came):
        return []
    clause_of = clause_index(norm0)
    out: list[TopicEvidence] = []
    for sp in spans:
        if sp.topic != "debtor_contact" or not 0 < sp.end < len(norm0):
            continue
        word = next((w for w in senses.never_came
                     if (i := norm0.find(w, sp.end)) >= 0
                     and clause_of[i] > clause_of[sp.end - 1]), None)  # fmt: skip
        if word is None:
            continue
        for hit in topic_hits(norm0[sp.start : sp.end], matchers):
            role = hit.role("topic")
            if role is None or role[1] in MESSAGE_TOPICS:
                continue
            out.append(TopicEvidence(role[1], hit.text, role[2], word, hit.has("weak"), "",
                                     sp.start + hit.start))
    return out


def _not_implied_premise(norm: str, hits: list[Hit], words: tuple[str, ...]) -> Span | None:
    """The clause of a "does not imply" word (不意味着, 不代表), pointing back with 这, that holds
    no topic cue while another clause does (这也不意味着逾期60天以内就可以放着不管，罚息每天都在
    涨): an inference the author turns down, whose duration is no claim's threshold (session
    thirteen)."""
    if not words or not any(w in norm for w in words):
        return None
    at = min((i for w in words if (i := norm.find(w)) >= 0), default=-1)
    start, end = clause_start(norm, at), clause_end(norm, at)
    if not norm[start:].startswith(POINTER_OPENERS):
        return None  # 逾期三天并不代表没事，罚息照样要付: the duration is the claim's
    cued = [h.start for h in hits if h.has("topic")]
    if not cued or any(start <= i < end for i in cued):
        return None
    return Span(start, end, "not implied")


def _analyse_norm(
    normalized: str, norm0: str, norm: str, context: str, senses: Senses,
    spans: list[Span], reported: tuple[tuple[int, int, str], ...], boiler: str | None,
    *, explain: bool = True,
) -> Analysis:
    """One claim's labels from the masked tagging text *norm* (``analyse_claims``)."""
    engine = _engine()
    tax, matchers = engine.tax, engine.matchers
    products, product_cues = products_in(norm0, matchers)
    hits = topic_hits(norm, matchers)
    premise = _not_implied_premise(norm, hits, tax.lexicon.not_implying)
    threshold = extract_threshold(mask(norm, [premise]) if premise else norm, tax.thresholds,
                                  matchers)
    if not explain and not context and not any(h.has("topic") for h in hits) and not any(
            sp.topic for sp in spans):  # fmt: skip
        # no cue and no reported speech that gives one: a non-claim (products, threshold)
        return Analysis(
            normalized=normalized, norm=norm, topics=(), evidence=(), dropped={}, stance=None,
            question=None, conditions=(), modality=None, modality_cue=None, hedge=None,
            hedge_cue=None, products=products, product_cues=tuple(product_cues),
            threshold=None if boiler is not None or _heading_shape(normalized) else threshold,
            reported=reported,
            boilerplate=boiler,
        )  # fmt: skip
    background = protasis_clauses(norm, matchers, tax.lexicon)
    background |= _circumstance_clause(norm, hits, matchers, tax)
    evidence = topic_evidence(
        norm, hits, background, tax.lexicon.contrast_openers, tax.lexicon.refusal_topics,
        tax.lexicon.record_topics,
        tax.lexicon.request_heads, tax.lexicon.relative_heads, tax.lexicon.prohibitives,
        tax.lexicon.relative_possessors, tax.lexicon.relative_prepositions)
    evidence, conc, belief, set_aside = _clause_roles(norm, evidence, senses)
    evidence += _unfulfilled_threats(norm0, spans, matchers, senses)
    # context words are read on the unmasked sentence: an actor may be named in a quote
    before_senses = {(ev.topic, ev.cue) for ev in evidence}
    evidence, sense_notes, sensed_out = _apply_sense_rules(norm0, evidence, senses)
    # the cues a sense read in another sense (dropped or retargeted), by topic
    sensed_away = before_senses - {(ev.topic, ev.cue) for ev in evidence}
    evidence = _step_channels(norm, evidence, tax)
    evidence = _listed_channels(norm, evidence, tax)
    evidence = _corrected_descriptions(norm, evidence)
    evidence = _granted_then_rare(norm, evidence, tax)
    evidence = _small_share(norm, evidence)
    clauses = _clause_lines(norm, evidence, background, conc, belief) if explain else ()
    dropped: dict[str, str] = dict(sense_notes)
    if boiler is not None:
        for ev in evidence:
            dropped.setdefault(ev.topic, f"boilerplate line ({boiler})")
        evidence, threshold = [], None
    topics = _first_step_topics(norm, evidence, select_topics(evidence, tax), tax)
    for topic, why in set_aside.items():
        if topic not in topics:
            dropped.setdefault(topic, why)
    if boiler is None:
        for sp in spans:
            if not sp.topic:
                continue
            # the act of quoting is the topic: an impostor's or a seller's words always,
            # a collector's threat (内容大致是：…) when the sentence names nothing else
            topic = _quoting_topic(norm0[sp.start : sp.end], norm0[: sp.start], sp.marker,
                                   sp.topic, matchers, senses)
            if not topic:
                continue  # 网上有人声称…: words nobody in the story says to the borrower
            if topic in sense_notes and sp.topic == topic:
                continue  # the call itself was read in another sense (a hiring call)
            if (sp.topic, sp.marker) in sensed_away:
                continue  # the lead word itself read in another sense (伪造的贫困证明: the
                # borrower's forgery, no forged message quoted) (session eighteen)
            # (also beside the threatened event a later clause says never came: both claims)
            unfulfilled = any(sp.holds(ev.start) and ev.negator in senses.never_came
                              for ev in evidence)
            if topic != "debtor_contact" or not topics or unfulfilled:
                negator = _disbelieved(norm0, sp.start, senses)
                if negator is None and sp.marker == "threat words":
                    negator = _threat_negator(norm, sp.start, matchers)
                evidence.append(TopicEvidence(topic, f"reported:{sp.marker}", "affirm",
                                              negator, start=sp.start))  # fmt: skip
                topics = select_topics(evidence, tax)
                break
    if not topics and context:
        lead_evidence = _lead_evidence(context, matchers, senses)
        lead_topics = select_topics(lead_evidence, tax)
        if lead_topics and boiler is None:
            answer = _answer_negator(norm, hits, context)
            evidence = [replace(ev, cue=f"{CONTEXT_MARK}{ev.cue}",
                                negator=answer or ev.negator) for ev in lead_evidence]
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
        elif ev.background == "cause":
            dropped[ev.topic] = f"{ev.cue} is in a cause clause (因为…就); the result has a topic"
        elif ev.background == "case":
            dropped[ev.topic] = f"{ev.cue} describes the case (…的，); the rest has a topic"
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
        # a rejected belief's own condition (很多人以为只要…就不会…，其实这是误解) is
        # rejected with it: the author's claim is the belief reversed, with no condition
        rejected_only = belief is not None and bool(support) and all(ev.flipped for ev in support)
        conds = condition_cues(mask(scoped, [belief]) if rejected_only and belief else scoped,
                               matchers, tax.lexicon)
        overdue = threshold is not None and threshold.anchor == "overdue"
        stance = decide_stance(
            question=q is not None, evidence=evidence, topics=topics,
            conditional=bool(conds) or overdue,
        )  # fmt: skip
        # a clause whose only cues were read as no party of the claim (村委会没有权力…)
        clause_of = clause_index(norm)
        kept = {clause_of[ev.start] for ev in support if 0 <= ev.start < len(norm)}
        foreign = frozenset(clause_of[s] for s in sensed_out if 0 <= s < len(norm)) - kept
        # the rule or advice words of a rejected belief are the belief's (很多人以为平台不能派人
        # 上门，其实这是个误解: no rule is stated)
        modality, mod_cue = detect_modality(
            mask(scoped, [belief]) if rejected_only and belief else scoped, matchers,
            tax.lexicon, question=q is not None, foreign_clauses=foreign)  # fmt: skip
        if modality == "descriptive" and q is None:
            # 别等传票上门，…: the event set aside was the reader's to not wait for
            # (not 别看, "don't go by": a concession, no instruction)
            told = next((sp.marker for sp in main_conc if sp.marker in senses.turned_down
                         and sp.marker.startswith(tax.lexicon.prohibitives)), None)
            if told is not None:
                modality, mod_cue = "advice", told
        hedge, hedge_cue = detect_hedge(
            _hedge_scope(scoped, support, stance, tax.lexicon.contrast), matchers,
            tuple(ev.start for ev in support), tax.lexicon.not_implying)
        if hedge == "none" and any(ev.rare for ev in support):
            hedge, hedge_cue = "frequency", next(ev.negator for ev in support if ev.rare)
    if not topics and _heading_shape(normalized):
        threshold = None  # 三、逾期半年以上可能出现的情况: a section's name, no claim's duration
    return Analysis(
        normalized=normalized, norm=norm, topics=tuple(topics), evidence=tuple(evidence),
        dropped=dropped,
        stance=stance, question=q, conditions=tuple(conds), modality=modality,
        modality_cue=mod_cue, hedge=hedge, hedge_cue=hedge_cue, products=products,
        product_cues=tuple(product_cues), threshold=threshold, clauses=clauses,
        reported=reported, boilerplate=boiler,
    )  # fmt: skip


