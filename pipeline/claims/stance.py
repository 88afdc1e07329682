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

import re
from dataclasses import dataclass, replace

from pipeline.claims.match import BLOCK, Hit, Matchers
from pipeline.claims.prefilter import holds_any
from pipeline.claims.taxonomy import GAP, Lexicon, Taxonomy

#: What stands for a clause set apart before reading (a concession, reported words): the
#: same length as the words, none of them matched (pipeline.claims.clauses.mask).
MASK = "〓"

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
    # why the cue is circumstance, not claim: "" (it is the claim), "protasis"
    # (如果X，Y: X), "concession" (即使X，Y: X) or "belief" (很多人以为X，其实…)
    background: str = ""
    start: int = -1  # where the cue starts in the normalized sentence
    flipped: bool = False  # stated in a belief the author rejects: read the opposite
    rare: bool = False  # denied by a rarity word after it (并不常见, 较为罕见)

    @property
    def denies(self) -> bool:
        """True when this occurrence says the topic's event does not happen."""
        if self.polarity == "neutral":
            return False
        negated = self.negator is not None
        return (negated != (self.polarity == "invert")) != self.flipped


_BREAK_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")


def clause_index(text: str) -> list[int]:
    """Clause number of every character (clause breaks belong to the clause they end)."""
    out = [0] * len(text)
    clause = 0
    for i, ch in enumerate(text):
        out[i] = clause
        if ch in CLAUSE_BREAKS:
            clause += 1
    return out


def clause_text(text: str, clause_of: list[int], clause: int) -> str:
    """The characters of *text* in clause number *clause* (``clause_of`` is
    ``clause_index(text)``; empty when there is no such clause)."""
    return "".join(ch for ch, c in zip(text, clause_of, strict=True) if c == clause)


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding *pos* starts (just after the clause break before it)."""
    while pos > 0 and text[pos - 1] not in CLAUSE_BREAKS:
        pos -= 1
    return pos


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding *pos* ends (at the next clause break, or the text's end)."""
    if pos >= 0:  # one compiled search, not a test per character
        found = _BREAK_RE.search(text, pos)
        return found.start() if found is not None else max(pos, len(text))
    while pos < len(text) and text[pos] not in CLAUSE_BREAKS:
        pos += 1
    return pos


#: Topics whose event is a message to the borrower, or the forging or impersonating that
#: carries it: a bluff predicate (只是吓唬人) denies the threatened event, not these.
MESSAGE_TOPICS = frozenset({"debtor_contact", "fake_collection"})

#: What 无关 names when it describes people (无关第三人, 无关人员): no denial.
_UNRELATED_PEOPLE = ("第三", "人员", "的人", "的第三", "人士", "人")

#: What opens a clause that gives an example of the clause before it (…，例如…).
_EXAMPLE_OPENERS = ("例如", "比如", "譬如", "诸如")

#: What a denial is corrected by in its own clause (不是X而是Y): Y is affirmed (session
#: fourteen).
_CORRECTION = "而是"

MAX_GAP = 10  # characters allowed between the two parts of a gapped topic cue


def _topics_of(hit: Hit) -> frozenset[str]:
    """The topic ids a hit is a cue of (empty for negators and look-alikes)."""
    return frozenset(role[1] for role in hit.roles if role[0] == "topic")


def _a_not_a(text: str, hit: Hit) -> bool:
    """A negator inside a verb asked both ways (给不给分期, 起不起诉, 有没有上门): the clause
    asks whether, it denies nothing (round y)."""
    if not hit.has("neg") or hit.text[0] not in "不没" or hit.start == 0:
        return False
    after = hit.start + 1
    return after < len(text) and text[hit.start - 1] == text[after]


def topic_hits(text: str, matchers: Matchers) -> list[Hit]:
    """Topic-scan hits of *text* plus gapped-cue hits, ordered by where they end.

    Ordering by end puts a negator inside a gapped cue's gap before the cue,
    so 额度不会恢复 negates 额度…恢复.
    """
    hits = [h for h in matchers.topics.scan(text) if not _a_not_a(text, h)]
    gapped = matchers.topics.scan_gapped(text, max_gap=MAX_GAP, breaks=CLAUSE_BREAKS)
    if gapped:
        # a gapped cue ending inside a look-alike is no cue (打…电话 in 拨打客服电话)
        blocked = [(h.start, h.end) for h in hits if h.roles == (BLOCK,)]
        # (unless the look-alike is the tail itself: 停掉…信用卡 ends in the product name)
        gapped = [g for g in gapped if not any(
            s < g.end <= e and s < g.end - len(g.text.split(GAP, 1)[1]) for s, e in blocked)]
        # a gapped cue starting inside a longer cue is that cue's (到 of 打电话到单位)
        plain = [(h.start, h.end) for h in hits if h.has("topic")]
        gapped = [g for g in gapped if not any(
            s <= g.start < e and e - s > len(g.text.split(GAP, 1)[0]) for s, e in plain)]
        # words inside a gapped cue's second part belong to it (没 of 入口…没了), but a
        # cue of another topic keeps its own (上门 of 委托…上门 is also a visit)
        tails = [(g.end - len(g.text.split(GAP, 1)[1]), g.end, _topics_of(g)) for g in gapped]
        # so do the words of its first part (没 of 没法再用…付款, round r)
        tails += [(g.start, g.start + len(g.text.split(GAP, 1)[0]), _topics_of(g)) for g in gapped]
        hits = [h for h in hits if not any(
            s <= h.start and h.end <= e and not (_topics_of(h) - own) for s, e, own in tails)]
    if gapped:
        hits = sorted(hits + gapped, key=lambda h: (h.end, h.start))
    return hits


def _means_whoever(text: str, hit: Hit, lex: Lexicon) -> bool:
    """只要 meaning "whoever" (只要有号码的都会打, 只要是手机里的号码; 只要你手机里存了的，
    挨个都打了): no condition."""
    if hit.text != "只要":
        return False
    end = clause_end(text, hit.end)
    if any(w in text[hit.end : end] for w in lex.whoever):
        return True
    body = text[hit.end : end].rstrip(",，、 ")
    # (the next clause's subject may stand first: 催收挨个都打了)
    head = text[end:].lstrip(",，、 ")[:8]
    # (只要是…的人，都有可能…: the person named after the 的 is the same whoever; session nineteen)
    return body.endswith(("的", "的人", "的号码")) and any(w in head for w in lex.whoever_next)


def _stated_cause(text: str, hit: Hit, lex: Lexicon) -> bool:
    """An out-of-reach marker inside a cause clause (因为长期联系不上本人，催收员转而打给了
    他的同事): the borrower's being out of reach is told as what happened, no condition."""
    if hit.text not in lex.out_of_reach:
        return False
    start = clause_start(text, hit.start)
    return any(w in text[start : hit.start] for w in lex.causes)


#: What opens the main clause after a long condition (如果…，…，或者…，那…).
_THEN_OPENERS = ("那么", "那就", "那")


def protasis_clauses(text: str, matchers: Matchers, lex: Lexicon) -> frozenset[int]:
    """Clause numbers of condition clauses (如果/一旦/...的话 ...) that another clause follows.

    A 只要 that means "whoever" opens no condition clause: its cues are the claim's own.
    """
    hits = [h for h in matchers.conditions.find(text, "cond")
            if h.text in lex.protasis and not _means_whoever(text, h, lex)]
    if not hits:
        return frozenset()
    clauses = clause_index(text)
    last = clauses[-1]  # a closing 。 belongs to the clause it ends
    out = {clauses[h.start] for h in hits if clauses[h.start] < last}
    if lex.protasis_continues:  # 如果X，或者Y，就Z: Y is the condition too
        starts = {c: text[i:].lstrip() for i, c in reversed(list(enumerate(clauses)))
                  if i == 0 or clauses[i - 1] != c}  # fmt: skip
        for c in sorted(out):
            nxt = c + 1
            while nxt < last and nxt not in out and starts.get(nxt, "").startswith(
                    lex.protasis_continues):  # fmt: skip
                out.add(nxt)
                nxt += 1
            # 如果有人敲你家门，说自己是…，或者…，那妥妥违法了: the clauses up to the one that
            # opens with 那 / 那么 (at most three on) all state the condition (session fourteen)
            then = next((k for k in range(nxt + 1, min(nxt + 3, last) + 1)
                         if starts.get(k, "").startswith(_THEN_OPENERS)), None)
            if then is not None and any(starts.get(k, "").startswith(lex.protasis_continues)
                                        for k in range(nxt, then)):
                out.update(range(nxt, then))
    for h in hits:  # a last clause that is only a condition (如果平台没有宽限期的话)
        rest = "".join(ch for i, ch in enumerate(text) if i >= h.end and clauses[i] == last)
        if clauses[h.start] == last and not any(w in rest for w in lex.consequents):
            out.add(last)
    return frozenset(out)


#: Words right before an after-cue denial that deny it in turn (并非不会发生, 不是没有的).
_DENIAL_DENIED = ("并非", "并不是", "不是", "也不是", "绝非")


def topic_evidence(
    text: str, hits: list[Hit], background: frozenset[int] = frozenset(),
    contrast: tuple[str, ...] = (), refusal_topics: tuple[str, ...] = (),
    record_topics: tuple[str, ...] = (),
    request_heads: tuple[str, ...] = (), relative_heads: tuple[str, ...] = (),
    prohibitives: tuple[str, ...] = (), relative_possessors: tuple[str, ...] = (),
    relative_prepositions: tuple[str, ...] = (),
) -> list[TopicEvidence]:
    """Topic cue occurrences in *hits* with the negator (same clause, before) scoping each.

    The first negator of a clause scopes over every later cue of that clause;
    a denial or rarity word *after* cues (与通讯录无关, 上门并不常见) denies
    the cues before it in its clause; cues in a clause of *background* (a
    protasis) are marked background. A denial standing alone in a clause that opens
    with a *contrast* word (…都关了，但余额不受影响) is set against the clause before and
    does not reach back to deny it. A refusal (每次都被拒) denies only cues of
    *refusal_topics* (a request), never what follows it; a record not left (不会留下痕迹)
    only cues of *record_topics*. A lone denial in a clause whose
    head names a new request (*request_heads*: 以后申请信用卡会被拒) is a consequence and
    reaches back only to a request of *refusal_topics*. A negator inside a 的-phrase that
    names who (没有约定的平台, *relative_heads*) describes them and denies nothing after it
    (not after one of *relative_possessors*, 你的家人, nor when one of *relative_prepositions*
    follows the negator, 不得向…的家属: a possessive or the verb's object).
    One of *prohibitives* (不要, 切勿) before the reader's avoidance (忽视, 躲避) aims at it.
    """
    if not hits:
        return []
    clauses = clause_index(text)
    evidence: list[TopicEvidence] = []
    first_neg: dict[int, str] = {}
    neg_at: dict[int, int] = {}  # where the clause's first negator ends
    cancelled = _double_negations(hits, clauses) | _stacked_negations(text, hits, clauses)
    for n, hit in enumerate(hits):
        if n in cancelled:
            continue
        clause = clauses[hit.start]
        post = hit.role("postneg")
        if post is not None and text[: hit.start].endswith(_DENIAL_DENIED):
            continue  # 上门并非不会发生: the denial itself denied (session eighteen)
        if post is not None and text.startswith(_UNRELATED_PEOPLE, hit.end) \
                and hit.text.endswith("无关"):
            continue  # 骚扰无关第三人: unrelated people named, nothing denied (session fourteen)
        # a denial or rarity word denies what follows it when a cue follows (基本没有上门这一说)
        cue_after = post is not None and post[1] not in ("refuse", "record") and any(
            clauses[h.start] == clause and h.has("topic") for h in hits[n + 1 :])
        if cue_after:
            first_neg.setdefault(clause, hit.text)
            if post is not None and post[1] == "receive":
                # 家人一般不会接到催收电话: the person before is not reached either
                for i, ev in enumerate(evidence):
                    if ev.negator is None and clauses[ev.start] == clause:
                        evidence[i] = replace(ev, negator=hit.text)
            continue
        if post is not None:
            # a bluff denies the threatened event, never the message (a call, an SMS)
            aimed = [i for i, ev in enumerate(evidence) if ev.negator is None
                     and not (post[1] == "bluff" and ev.topic in MESSAGE_TOPICS)
                     and (post[1] != "refuse" or ev.topic in refusal_topics)
                     and (post[1] != "record" or ev.topic in record_topics)]  # fmt: skip
            targets = [i for i in aimed if clauses[evidence[i].start] == clause
                       and not _request_between(text, evidence[i], hit, request_heads,
                                                refusal_topics)]
            if not targets and not any(clauses[ev.start] == clause for ev in evidence) \
                    and not _opens_with(text, clauses, clause, contrast) \
                    and not _own_subject(text, clauses, hit) \
                    and not (post[1] == "receive" and _own_object(text, hit)):
                # 被抓去坐牢的，少之又少: a predicate clause of its own denies the clause before
                request = _head(text, clauses, hit)
                consequence = any(w in request for w in request_heads)
                targets = [i for i in aimed if clauses[evidence[i].start] == clause - 1
                           and not (consequence and evidence[i].topic not in refusal_topics)]
            for i in targets:
                evidence[i] = replace(evidence[i], negator=hit.text, rare=post[1] == "rare")
            continue
        if hit.has("neg") and not _aims_elsewhere(text, hits, n, clauses, prohibitives) \
                and not _in_relative(text, hits, n, clauses, relative_heads,
                                     relative_possessors, relative_prepositions):
            if clause not in first_neg:
                neg_at[clause] = hit.end
            first_neg.setdefault(clause, hit.text)
        role = hit.role("topic")
        if role is not None and clause not in first_neg and clause - 1 in first_neg \
                and text[clause_start(text, hit.start):].lstrip().startswith(_EXAMPLE_OPENERS):
            # 不得限制借款人的人身自由，比如非法拘禁: the example is what the rule forbids
            # (session fourteen)
            first_neg[clause] = first_neg[clause - 1]
            neg_at[clause] = clause_start(text, hit.start)
        if role is not None:
            negator = first_neg.get(clause)
            if negator is not None and _CORRECTION in text[neg_at.get(clause, 0) : hit.start]:
                negator = None  # 就不是银行客服了而是外包催收公司: 而是 ends the denial
            evidence.append(TopicEvidence(
                role[1], hit.text, role[2], negator, hit.has("weak"),
                "protasis" if clause in background else "", hit.start))  # fmt: skip
    return evidence


def _request_between(text: str, ev: TopicEvidence, hit: Hit, request_heads: tuple[str, ...],
                     refusal_topics: tuple[str, ...]) -> bool:
    """True when a new request stands between the cue and the denial after it (这种征信去申请
    房贷基本会被拒): the refusal is the request's, a consequence of the cue, which it does not
    deny; a request of *refusal_topics* (申请分期会被拒) is what is refused (session nineteen)."""
    if ev.topic in refusal_topics or ev.start >= hit.start:
        return False
    between = text[ev.start + len(ev.cue) : hit.start]
    return any(w in between for w in request_heads)


def _opens_with(text: str, clauses: list[int], clause: int, words: tuple[str, ...]) -> bool:
    """True when clause number *clause* of *text* opens with one of *words* (但, 不过)."""
    start = clauses.index(clause) if clause in clauses else len(text)
    return bool(words) and text[start:].lstrip().startswith(words)


def _double_negations(hits: list[Hit], clauses: list[int]) -> frozenset[int]:
    """Indices of hits that cancel out: a copular negator (不是说) and the next negation of
    its clause (不会, 不会发生) when a topic cue follows the copular one in that clause
    (也不是说上门催收就绝对不会发生, 不是说欠了钱就不会被起诉: it may happen)."""
    cues = [(h.start, h.end) for h in hits if h.has("topic")]
    out: set[int] = set()
    for i, first in enumerate(hits):
        if not first.has("copular"):
            continue
        for j in range(i + 1, len(hits)):
            later = hits[j]
            if clauses[later.start] != clauses[first.start]:
                break
            post = later.role("postneg")
            if later.has("neg") or (post is not None and post[1] == "deny"):
                clause = clauses[first.start]
                if any(first.end <= s and clauses[s] == clause for s, _ in cues):
                    out.update((i, j))
                break
    return frozenset(out)


# "no X is such that not": 没有哪家…不, 没有谁…不 (every one does)
UNIVERSAL_NEGATION = ("哪", "谁", "一家", "一个", "任何")
# the second negation of a stacked pair: a plain "not" of the event (不是不会, 没有…不)
PLAIN_NEGATORS = ("不", "不会", "没", "没有", "不能", "不可能", "不是")


def _stacked_negations(text: str, hits: list[Hit], clauses: list[int]) -> frozenset[int]:
    """Indices of two negators that cancel out before a topic cue of their clause: a
    negator standing right against another (不是不会上门, 不可能不上征信, 没有不报送的) or a
    negated "which / who" whose predicate is negated again (没有哪家机构是不报送的: every
    one reports). Both affirm the cue after them. Negators apart on other verbs (不会因为你
    没有还款就上门) and a "without" (不会未经预约到访) do not cancel."""
    cues = [h.start for h in hits if h.has("topic")]
    out: set[int] = set()
    for i, first in enumerate(hits):
        if not first.has("neg") or i in out:
            continue
        clause = clauses[first.start]
        for j in range(i + 1, len(hits)):
            later = hits[j]
            if clauses[later.start] != clause or later.has("topic"):
                break
            if not later.has("neg"):
                continue
            if later.text not in PLAIN_NEGATORS:
                break  # 不会未经预约直接到访: 未经 is "without", no second denial
            gap = text[first.end:later.start]
            universal = first.text in ("没有", "没") and gap.startswith(UNIVERSAL_NEGATION) \
                and len(gap) <= 10
            if (len(gap) == 0 or universal) and any(
                    later.end <= s and clauses[s] == clause for s in cues):
                out.update((i, j))
            break
    return frozenset(out)


def _aims_elsewhere(text: str, hits: list[Hit], n: int, clauses: list[int],
                    prohibitives: tuple[str, ...] = ()) -> bool:
    """True when a verb the negator ``hits[n]`` aims at (消失, 删除, 当真) follows it in its
    clause, outside every topic cue: the negation is of that verb, not of the cues between
    (黑名单不会随着征信记录到期而消失 keeps the record; 不会停止催收 is a cue of its own).
    A prohibitive (*prohibitives*: 不要, 切勿) also aims at the reader's avoidance (不要忽视
    催收电话: the calls are real). A verb inside a 的-phrase whose head is a topic cue (不要
    相信那些自称能帮忙消除逾期记录的中介) only describes that head: the negator reaches the
    head, not the verb."""
    clause = clauses[hits[n].start]
    cues = [(h.start, h.end) for h in hits if h.has("topic")]
    prohibits = hits[n].text in prohibitives
    return any(
        ((h.has("aimed") and not _in_headed_phrase(text, h.end, clause, clauses, cues))
         or (prohibits and h.has("avoid")))  # 别挂断催收员的电话: the 的 is the object's
        and h.start >= hits[n].end and clauses[h.start] == clause
        and not any(s < h.end and h.start < e for s, e in cues)
        for h in hits[n + 1 :])  # fmt: skip


def _in_headed_phrase(text: str, pos: int, clause: int, clauses: list[int],
                      cues: list[tuple[int, int]]) -> bool:
    """True when a 的 after *pos* in its clause is followed right away by a topic cue (the
    head noun the phrase describes: …消除逾期记录的中介)."""
    for i in range(pos, len(text)):
        if clauses[i] != clause:
            return False
        if text[i] == "的" and any(s == i + 1 for s, _ in cues):
            return True
    return False


#: How far a negator may stand before the 的 of the phrase it sits in (没有约定的平台).
_RELATIVE_SPAN = 6


def _in_relative(text: str, hits: list[Hit], n: int, clauses: list[int],
                 heads: tuple[str, ...], possessors: tuple[str, ...] = (),
                 prepositions: tuple[str, ...] = ()) -> bool:
    """True when the negator ``hits[n]`` sits in a 的-phrase naming who (没有约定的平台, 没有
    收入的借款人): a 的 follows it within a few characters of its clause, no topic cue
    between, and one of *heads* right after the 的. The phrase describes the subject; the
    negation does not reach the claim that follows (没有约定的平台只能去法院起诉)."""
    if not heads:
        return False
    neg = hits[n]
    clause = clauses[neg.start]
    end = min(len(text), neg.end + _RELATIVE_SPAN)
    for i in range(neg.end, end):
        if clauses[i] != clause:
            return False
        if any(h.start <= i < h.end and h.has("topic") for h in hits[n + 1 :]):
            return False
        if text[i] == "的":
            # 告诉你的家人, 不可以跟借款人的家属说: a possessive after a pronoun or a
            # preposition's object, no phrase describing the person (session nineteen)
            return text.startswith(heads, i + 1) and not text[:i].endswith(possessors) \
                and not text.startswith(prepositions, neg.end)
    return False


def _head(text: str, clauses: list[int], hit: Hit) -> str:
    """The words of *hit*'s clause before it."""
    start = hit.start
    while start > 0 and clauses[start - 1] == clauses[hit.start]:
        start -= 1
    return text[start : hit.start]


def _own_subject(text: str, clauses: list[int], hit: Hit) -> bool:
    """True when the rarity word's clause names its own subject, a 的-phrase before it
    (当场能拿到钱的很少): the rarity is about that subject, not the clause before.
    A bare predicate (，少之又少) or one pointing back (这种情况很少) is not."""
    start = hit.start
    while start > 0 and clauses[start - 1] == clauses[hit.start]:
        start -= 1
    head = text[start : hit.start].strip()
    return head.endswith("的") and not any(w in head for w in _ANAPHORA)


def _own_object(text: str, hit: Hit) -> bool:
    """True when the denial word has an object of its own after it in its clause (银行那边
    根本没收到申请): it denies that, not the clause before (session fourteen). Asked of the
    not-received words only: a rarity word's verb may follow it (只有极少数会干)."""
    rest = text[hit.end : clause_end(text, hit.end)]
    return bool(rest.strip(" 了过的呢啊吧呀。.!！?？…"))


#: Words that point back to the clause before (这种情况很少, 此类的很少).
_ANAPHORA = ("这", "此", "那", "该", "上述", "以上")


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


#: A short bracketed tag closing a line (（已解决）, 【已采纳】, [悬赏10分]): a Q&A page's status
#: of the question, not more of the sentence.
_STATUS_TAG = re.compile(r"[(（【\[][^()（）【】\[\]]{1,8}[)）】\]]\s*$")


#: A forum poster's plea after the question (…会上征信吗，急！！ / …吗？在线等): the question
#: stays the sentence's (round z3).
_PLEA_TAIL = re.compile(
    r"[,，、?？]\s*(?:急+|急急急|在线等|在线等急|求解答?|求助|求大神|求指点|谢谢(?:大家|各位)?|万分感谢"
    # asking for others' experience (有没有人谈成过停息挂账的，求分享经验🙏) (session twelve)
    r"|求分享(?:经验|一下)?|求告知|求指教|求科普"
    # how urgent, said with a degree word (在线等挺急的, 真的很急) (session eighteen)
    r"|(?:在线等)?(?:挺|很|好|真的很|真的挺|比较|特别)急的?(?:啊|呀)?|在线等(?:挺|很|好)?急的?)"
    r"[!！。.~～…\U0001F300-\U0001FAFF\u2600-\u27BF]*\s*$"
)


def _asked(before: str, lex: Lexicon) -> bool:
    """True when *before* (a clause up to its question word) ends in 问 said of someone who
    asked (她鼓起勇气打电话，问能不能分期): the question is told, not asked of the reader.
    请问 / 想问 / 问一问 (``asked_blockers``) are the writer's own question."""
    stripped = before.rstrip(" ")
    return stripped.endswith("问") and not stripped.endswith(lex.asked_blockers)


#: Opening quotation marks and the mark that closes each.
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』"}
_QUOTE_OPENERS = tuple(QUOTE_PAIRS)
_QUOTE_CLOSERS = tuple(QUOTE_PAIRS.values())


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each closed quotation in *text*, the marks included: words there are
    shown or reported, not the sentence's own."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = QUOTE_PAIRS.get(text[i])
        end = text.find(close, i + 1) if close else -1
        if end > i:
            spans.append((i, end + 1))
            i = end + 1
        else:
            i += 1
    return spans


def question_cue(text: str, matchers: Matchers, lex: Lexicon) -> str | None:
    """The question cue of *text* ("?", a final 吗, or 会不会 ...), or None."""
    stripped = text.rstrip(_TRAILING)
    ended = text.rstrip(" 。.!！")
    if ended.endswith(("”?", "”？", "」?", "」？")):
        # 一开口就问“你跟某某是亲戚吧”“她欠的钱你管不管”？: the mark after the quote is the quote's
        ended = ended[:-1]
    cut = len(ended)
    while ended[:cut].endswith(_QUOTE_CLOSERS):
        # 第一句就是“你好，方便聊聊吗？”: a question quoted at the end is the speaker's, not
        # the author's; the author's words before it (and before any quote just before it:
        # 问“…”“…”) decide (session thirteen)
        opened = max(ended.rfind(q, 0, cut) for q in _QUOTE_OPENERS)
        if opened <= 0 or any(c in ended[opened + 1 : cut - 1] for c in _QUOTE_CLOSERS):
            break
        cut = opened
    if cut < len(ended):
        text = text[:cut]
        stripped = text.rstrip(_TRAILING)
    if any(word in text for word in lex.rhetorical):
        return None  # 难道…吗？ / 怎么可能…？: it asserts the opposite (its word denies)
    if _STATUS_TAG.sub("", text).rstrip(" \"'”’」』)）").endswith("?"):
        return "?"  # a title with a status tag after it (…怎么办？（已解决）) still asks
    if stripped and stripped[-1] in lex.question_finals:
        if stripped[-1] == "呢" and any(w in text for w in _MAYBE_WORDS):
            return None  # 说不定还能给你宽限几天呢！: an exclamation (session fourteen)
        if stripped[-1] == "呢" and "以为" in text[clause_start(text, len(stripped) - 1):]:
            return None  # 我还以为得好几百呢。: what the teller had thought (session seventeen)
        if stripped[-1] == "么" and stripped.endswith(_NOT_PARTICLE_ME):
            return None  # 去交什么“保全费”。: 什么 and 这么 end a statement, no particle 么
        return stripped[-1]
    pleaded = _PLEA_TAIL.sub("", text)
    if pleaded != text:
        asked = pleaded.rstrip(_TRAILING)
        if text[len(pleaded) : len(pleaded) + 1] in "?？":
            return "?"  # …吗？急
        if asked and asked[-1] in lex.question_finals:
            return asked[-1]  # …会上征信吗，急！！
        text, stripped = pleaded, asked  # the plea is no answer to the question before it
    for hit in matchers.questions.find(text, "question"):
        start = clause_start(text, hit.start)
        if any(verb in text[start : hit.start] for verb in lex.question_embedders):
            continue  # 查看有没有连三累六: an embedded question, not the sentence's
        if start > 0 and text[start : hit.start].lstrip(" ").startswith(lex.purpose_embedders):
            continue  # 记得查一下征信，看这一期有没有…: a later clause says what to look for
        if _asked(text[start : hit.start], lex):
            continue  # 给客服打电话，问能不能分期: someone asked whether, told
        end = clause_end(stripped, hit.end)
        if hit.text == "有没有" and "都" in stripped[hit.end + 1 : end]:
            continue  # 有没有用过校园贷都不会影响征信: whether or not, no question
        if stripped[end:].strip("".join(CLAUSE_BREAKS) + " "):
            continue  # 会不会上门，要看平台: a question clause the sentence goes on to answer
        if lex.depends and any(d in stripped[hit.end : end] for d in lex.depends):
            continue  # 能不能恢复也要看…: the whether is what its own clause weighs (round z6)
        return hit.text
    return None


def condition_cues(text: str, matchers: Matchers, lex: Lexicon | None = None) -> list[str]:
    """Condition markers present in *text* (blocked look-alikes removed).

    Gapped markers 只有…才, 必须…才 and 的时候…才会 may span clauses of the sentence; the
    other gapped markers (在…情况下) stay in one clause, and one whose matched
    text holds a condition blocker (在正常情况下: a hedge) is dropped. 只要
    meaning "whoever" (只要有号码的都会打) is no condition.
    """
    found: list[str] = []
    for hit in matchers.conditions.find(text, "cond"):
        if lex is not None and (_means_whoever(text, hit, lex) or _stated_cause(text, hit, lex)):
            continue
        if _names_a_role(text, hit):
            continue
        found.append(hit.text)
    blockers = lex.condition_blockers if lex is not None else ()
    for hit in matchers.conditions.scan_gapped(text, max_gap=len(text)):
        span = text[hit.start : hit.end]
        if not hit.text.endswith(("才", "才会", "才能", "才可能")) and any(ch in CLAUSE_BREAKS
                                                             for ch in span):
            continue
        if any(b in span for b in blockers):
            continue
        if hit.text.endswith("才") and any(
                b.startswith("才") and text.startswith(b, hit.end - 1) for b in blockers):
            continue  # 过了还款日才把钱还进去: 才 of a late act (session sixteen)
        found.append(hit.text.replace(GAP, "…"))
    if lex is not None and lex.whether and (lex.depends or lex.depends_here):
        dep = _whether_depends(text, lex)
        if dep:
            found.append(dep)
    return found


#: A time phrase that ends in a noun it describes (在联系不上借款人时的备用渠道).
_ROLE_TIMES = ("时的", "时候的", "之时的")


def _names_a_role(text: str, hit: Hit) -> bool:
    """The condition word stands in a phrase that describes a noun (紧急联系人只是在联系不上借款
    人时的备用渠道): it names a role, it sets no condition on the claim (session fourteen)."""
    if "在" not in text[max(0, hit.start - 8) : hit.start]:
        return False
    rest = text[hit.end : clause_end(text, hit.end)]
    return any(t in rest for t in _ROLE_TIMES)


#: Words that set a whether aside (不管会不会, 至于能不能): what follows holds either way.
_REGARDLESS = ("不管", "无论", "不论", "至于")


def _whether_depends(text: str, lex: Lexicon) -> str | None:
    """会不会被上门，主要看…: a clause asking whether, the next clause opening with what it
    depends on. The marker found (会不会…主要看), or None."""
    if not holds_any(lex.whether, text):
        return None  # no clause asks whether
    start = 0
    word: str | None = None
    while start < len(text):
        end = clause_end(text, start)
        clause = text[start:end].lstrip(" ")
        if word is not None:
            dep = next((d for d in lex.depends if clause.startswith(d)), None)
            if dep:
                return f"{word}…{dep}"
        word = next((w for w in lex.whether if w in clause), None)
        if word is not None and start == 0 and not any(r in clause for r in _REGARDLESS):
            # in the sentence's first clause (发卡行会视情况决定要不要给你办分期, 会不会被起诉
            # 要视具体情况而定): what it depends on named before or after the whether; not a whether
            # weighed in a later clause beside the claim (…并没有义务同意，能否谈成因人而异)
            # (session twenty-three)
            dep = next((d for d in lex.depends_here if d in clause), None)
            if dep:
                return f"{word}…{dep}"
        if word is not None and any(e in clause[: clause.find(word)]
                                    for e in lex.question_embedders):
            word = None  # 至于会不会上门 / 不管会不会: embedded already, kept as it was
        start = end + 1
    return None


#: Parts of the after-cue words that call a saying untrue (这种说法并不真实, 纯属谣言, 没那回事):
#: a saying rejected so is denied, condition and all, like a belief flipped (session eighteen).
_SAYING_REJECTIONS = ("真实", "属实", "谣言", "谣传", "那回事", "这回事", "没有依据", "法律依据")


def _rejects_a_saying(negator: str | None) -> bool:
    """True when *negator* calls what was said untrue, not merely the event absent."""
    return negator is not None and any(w in negator for w in _SAYING_REJECTIONS)


def decide_stance(
    *, question: bool, evidence: list[TopicEvidence], topics: list[str], conditional: bool
) -> str:
    """Apply the precedence question > denies > conditional > affirms."""
    if question:
        return "question"
    support = supporting(evidence, topics)
    # a rejected belief denies even when it held a condition (网上说只要…就会给分期，这种说法
    #并不靠谱: the author denies the promise, condition and all)
    if any(ev.denies and (ev.background != "protasis" or ev.flipped
                          or _rejects_a_saying(ev.negator)) for ev in support):
        return "denies"
    # a denial inside 如果…: 如果没有宽限期，… states a condition, not a denial
    if conditional or any(ev.denies for ev in support):
        return "conditional"
    return "affirms"


#: Perhaps-words before a final 呢 make it an exclamation, no question (说不定…呢).
_MAYBE_WORDS = ("说不定", "说不准", "没准", "指不定")
#: Words ending in 么 that are no question particle (the sentence ends with no ？): 交什么,
#: 这么, 那么, 怎么 (session seventeen).
_NOT_PARTICLE_ME = ("什么", "这么", "那么", "怎么", "多么", "要么")


def _clause_head(text: str, pos: int, lex: Lexicon) -> tuple[int, str]:
    """(start of the clause holding *pos*, what stands in it before *pos*), the reader
    adverbs (也, 就, 其实 ...) at its end taken off: who the modal word at *pos* is about."""
    start = clause_start(text, pos)
    before = text[start:pos].strip()
    changed = True
    while changed and before:
        changed = False
        for adverb in lex.reader_adverbs:
            if before.endswith(adverb):
                before = before[: -len(adverb)].strip()
                changed = True
    return start, before


#: Before 可以: what still works as before (仍然可以正常使用), an ability, no suggestion.
_STILL = ("仍然", "仍", "依然", "照样", "照常", "依旧", "还是")


def _reader_can(text: str, lex: Lexicon) -> str | None:
    """The 可以-like word whose subject is the reader (clause start or 你/借款人 ...).

    Not when the rest of its clause has the act done to someone (可以…对其拘留):
    then an authority is the subject, and the sentence describes what it can do.
    """
    for word in lex.reader_can:
        pos = text.find(word)
        while pos >= 0:
            if any(len(b) > len(word) and text.startswith(b, pos)
                   for b in lex.modality_blockers):
                # 这点大家可以放心: a reassurance, no act the reader may take (session
                # seventeen)
                pos = text.find(word, pos + 1)
                continue
            start, before = _clause_head(text, pos, lex)
            end = clause_end(text, pos + len(word))
            if not text[pos + len(word) : end].strip(" 的啊呀吧呢了"):
                # 答：可以，开庭前后都能和解: a 可以 that is its whole clause answers yes (律师：
                # 可以的，… too: session thirteen)
                pos = text.find(word, pos + 1)
                continue
            acts_on = any(obj in text[pos:end] for obj in lex.reader_objects)
            # 被起诉后可以… / 还款后可以…: a time clause of what befalls the reader, or of
            # the reader's own act, names the reader as the subject
            befalls = (before.startswith(("被", *lex.reader_acts))
                       and before.endswith(lex.reader_when))
            carried = not before and start > 0 and (
                _institution_then_time(text, lex) or _lender_subject_before(text, start, lex)
                or _defined_before(text, start))
            # 遇到这种情况可以…: whoever meets the circumstance is the reader, unless a lender
            # or a court stands in it (遇到借款人失联时平台可以…)
            met = (before.startswith(lex.circumstance)
                   and not any(s in before for s in lex.duty_subjects))
            # 客户还可直接拨打…: an adverb between the reader and the word (还, 也) (session
            # fifteen)
            subject = before.rstrip("还也就则都")
            reader = ((not before and not carried) or subject.endswith(lex.reader_subjects)
                      or befalls or met)
            # 余额支付仍然可以正常使用: what still works, no suggestion (session fifteen)
            ability = text.startswith("正常", pos + len(word)) or before.endswith(_STILL)
            if reader and not acts_on and not ability:
                return word
            pos = text.find(word, pos + 1)
    return None


def _reader_told(text: str, pos: int, lex: Lexicon) -> bool:
    """The 应 / 应当 at *pos* tells the reader: its subject is 你/您/大家, or it opens the
    clause right after a clause of the reader's occasion (当接到所谓的法院来电时，首先应核实
    对方身份), where the reader is the one it speaks to (a law's case, …的，应当…, is no
    occasion)."""
    start, before = _clause_head(text, pos, lex)
    if before.endswith(lex.second_person):
        return True
    if before not in ("", "首", "首先", "第一步", "则", "就", "那就", "那么就") or start == 0:
        return False  # (首先 loses 先 as an adverb)
    previous = text[clause_start(text, start - 1) : start - 1].lstrip(" \"'“「(")
    # …的时候 / 当收到… (the reader's occasion), or 如果借款人… (the reader's own case: 如果借款人
    # 接到假传票，则应留存证据) (session fifteen)
    return previous.startswith(lex.reader_occasions) or (
        bool(lex.reader_conditions) and previous.startswith(lex.reader_conditions))


#: A clause defining a means (外访是一种相当直接的催收方式): a clause-initial 可以 after
#: it says what the means can do, not what the reader may (session fourteen).
_DEFINITIONS = ("是一种", "是一个", "属于一种", "作为一种")
_MEANS = ("方式", "手段", "措施", "方法", "途径", "办法", "工具")


def _defined_before(text: str, start: int) -> bool:
    """The clause ending just before *start* defines a means (X是一种…方式)."""
    before = text[clause_start(text, start - 1) : start - 1].rstrip(" ")
    return any(d in before for d in _DEFINITIONS) and before.endswith(_MEANS)


def _institution_then_time(text: str, lex: Lexicon) -> bool:
    """The first clause is an institution and a time phrase only (部分银行在协商成功后，…):
    its subject carries over to a clause-initial 可以 that follows."""
    end = next((i for i, ch in enumerate(text) if ch in CLAUSE_BREAKS), len(text))
    first = text[:end].strip()
    for quantifier in lex.quantifiers:
        if first.startswith(quantifier):
            first = first[len(quantifier):]
            break
    subject = next((s for s in lex.duty_subjects if first.startswith(s)), None)
    if subject is None:
        return False
    rest = first[len(subject):]
    return rest.startswith("在") and rest.endswith(lex.reader_when)


def _lender_subject_before(text: str, start: int, lex: Lexicon) -> bool:
    """The clause before *start* has a lender or a collector as its subject, after at
    most a time phrase (逾期后债权人不用起诉，可以直接申请执行): the clause-initial 可以
    that follows is its act, not the reader's."""
    end = start - 1
    begin = clause_start(text, end)
    clause = text[begin:end].strip()
    for when in lex.reader_when:
        cut = clause.find(when)
        if cut >= 0 and not clause.startswith(lex.duty_subjects):
            clause = clause[cut + len(when):]
            break
    if not clause.startswith(lex.duty_subjects):
        return False
    # …or a time clause of the lender's own act (银行起诉拿到支付命令后，就可以申请执行)
    return any(m in clause for m in lex.lender_modals) or clause.endswith(lex.reader_when)


def _rule_then_duty(text: str, lex: Lexicon) -> str | None:
    """A first clause that names a rule (根据公约 / 按照监管规定 / 监管明确要求), then a duty
    word in a later clause (催收人员不能…, 银行只能…, 外访人员要…): the rule's content,
    normative."""
    if not holds_any(lex.rule_sources, text):
        return None  # no rule named anywhere, so none in the first clause
    end = next((i for i, ch in enumerate(text) if ch in CLAUSE_BREAKS), -1)
    if end < 0:
        return None
    first = text[:end].strip()
    if not any(src in first for src in lex.rule_sources):
        return None
    if not (first.startswith(lex.rule_leads) or first.endswith(lex.rule_ends)):
        return None
    rest = text[end + 1 :]
    for word in lex.rule_duty_blockers:
        rest = rest.replace(word, "□" * len(word))
    return next((verb for verb in lex.rule_duties if verb in rest), None)


def _institution_should(text: str, lex: Lexicon) -> str | None:
    """应该 whose subject is a lender or a collector (催收方应该先联系本人): a duty, normative.

    应该 addressed to the reader stays advice (你应该尽快还款)."""
    for word in lex.should:
        pos = text.find(word)
        while pos >= 0:
            _, before = _clause_head(text, pos, lex)
            guess = text.startswith(lex.should_guess, pos + len(word))
            if before and before.endswith(lex.duty_subjects) and not guess:
                return word
            pos = text.find(word, pos + 1)
    return None


def _names_who(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the rule word at *start*..*end* opens its clause inside a 的-phrase naming
    who or what (**必须**到庭的**被告**两次传唤都不来): nothing before it in its clause, and a 的
    within ten characters after it, followed by one of ``lex.modal_relative_heads``. Not a
    rule word after its subject (催收人员不得骚扰与债务无关的人: the 的-phrase is the object)."""
    if text[clause_start(text, start) : start].strip(" \"'“「("):
        return False
    for i in range(end, min(end + 10, len(text))):
        if text[i] in CLAUSE_BREAKS:
            return False
        if text[i] == "的":
            return text.startswith(lex.modal_relative_heads, i + 1)
    return False


_LEAD_BREAKS = (",", "，", ":", "：")


def past_adviser_lead(text: str, lex: Lexicon) -> tuple[str, int]:
    """*text* after an opening clause that only names who advises (律师提醒，遇到…先录音),
    and how many clauses were passed (0 or 1): the advice starts after the lead."""
    opening = text.lstrip(" \"'“「(")
    for lead in lex.adviser_leads:
        if opening.startswith(lead) and opening[len(lead) : len(lead) + 1] in _LEAD_BREAKS:
            return opening[len(lead) + 1 :].lstrip(" \"'“「("), 1
    return text, 0


#: A list item's marker as the tagging text writes it (① -> "1 ", 2. , 第一，, 第二步：).
_LIST_LEAD_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、)）]\s*|\d{1,2}\s+|第[一二三四五六七八九十]{1,2}[步点条]?\s*[,，、:：]\s*)")


def detect_modality(
    text: str, matchers: Matchers, lex: Lexicon, *, question: bool,
    foreign_clauses: frozenset[int] = frozenset(),
) -> tuple[str, str | None]:
    """(modality, cue): normative > advice > descriptive; questions are descriptive.

    Normative also from gapped rules (拥有…权利); advice also from an
    imperative verb that opens the sentence (保留证据, 立即联系平台, 警惕…).
    A power word (有权, 无权: ``lex.power_words``) speaks of its own clause's
    subject: in one of *foreign_clauses* (clauses whose cue was read as no
    party of the claim: 村委会没有权力替平台要债) it makes no rule of the claim.
    """
    if question:
        return "descriptive", None
    hits = matchers.modality.find(text, "modality")
    hits += matchers.modality.scan_gapped(text, max_gap=12, breaks=CLAUSE_BREAKS)
    if foreign_clauses and lex.power_words:
        clause_of = clause_index(text)
        hits = [h for h in hits if h.text not in lex.power_words
                or clause_of[min(h.start, len(text) - 1)] not in foreign_clauses]
    for level in ("normative", "advice"):
        for hit in hits:
            role = hit.role("modality")
            if not role or role[1] != level:
                continue
            if level == "normative" and _names_who(text, hit.start, hit.end, lex):
                continue  # 必须到庭的被告…: the phrase names who, no rule
            if level == "normative" and hit.text in lex.reader_should \
                    and _reader_told(text, hit.start, lex):
                return "advice", hit.text  # 您应保持冷静: the reader told (session fourteen)
            return level, hit.text.replace(GAP, "…")
    duty = _institution_should(text, lex)
    if duty:
        return "normative", duty
    ruled = _rule_then_duty(text, lex)
    if ruled:
        return "normative", ruled
    can = _reader_can(text, lex)
    if can:
        return "advice", can
    last = text.rstrip(_TRAILING)
    cut = max((last.rfind(ch) for ch in CLAUSE_BREAKS), default=-1)
    heads = [(text.lstrip(" \"'“「("), lex.imperative),
             (last[cut + 1 :].lstrip(" \"'“「("), lex.imperative_main)]
    opening, passed = past_adviser_lead(text, lex)
    opening = opening.lstrip(" \"'“「(")
    unlisted = _LIST_LEAD_RE.sub("", opening, count=1)
    if unlisted != opening:
        # ① 该接的电话照接 / 第一，申请前先备好材料: a list item's marker comes before the
        # instruction (session twenty-four)
        opening = unlisted
        heads.append((opening, lex.imperative))
    if opening.startswith(MASK):
        # 即使一时还不上，每月保持…: after a conceded clause the reader is told what to do
        # (session fourteen)
        masked = opening.lstrip(MASK)
        if masked[:1] in CLAUSE_BREAKS:
            heads.append((masked[1:].lstrip(" \"'“「("), lex.imperative))
    if passed:
        # 首先，看看受案的法院管不管得着: after a lead clause the reader's instruction opens
        heads.append((opening, lex.imperative))
    if opening.startswith(lex.circumstance):
        # 遇到爆通讯录，先截图保存…: after the circumstance the reader is told what to do
        first = min((i for i, ch in enumerate(opening) if ch in CLAUSE_BREAKS), default=-1)
        if first >= 0:
            # the clause after it is a main clause (遇到辱骂的催收，要保留录音，再去投诉)
            # (session nineteen)
            heads.append((opening[first + 1 :].lstrip(" \"'“「("),
                          lex.imperative + lex.imperative_main))
    if lex.reader_conditions and opening.startswith(lex.reader_conditions):
        # 你要是还不上就主动打客服…: after the reader's own case, what the reader is told to do
        first = min((i for i, ch in enumerate(opening) if ch in CLAUSE_BREAKS), default=-1)
        if first >= 0:
            heads.append((opening[first + 1 :].lstrip(" \"'“「(就"),
                          lex.imperative + lex.reader_condition_verbs))
        then = opening.find("就", 0, first if first >= 0 else len(opening))
        if then > 0:
            heads.append((opening[then + 1 :], lex.imperative + lex.reader_condition_verbs))
    first_clause = opening[: clause_end(opening, 0)]
    if (lex.time_clause_marks and any(m in first_clause for m in lex.time_clause_marks)) or (
            first_clause.rstrip(" ,，").endswith(lex.circumstance_ends)
            and len(first_clause) < len(opening.rstrip(_TRAILING))):
        # (有人上门时，要求对方出示证件: a first clause ending in 时 sets the time too; session
        # fourteen)
        # 转让之后再收到催款，先去原平台核实: after the time clause the reader is told what to do
        second = opening[len(first_clause) + 1 :]
        if second.strip():
            heads.append((second.lstrip(" \"'“「("), lex.imperative))
    for end in lex.circumstance_ends:
        cut_at = first_clause.find(end)
        if cut_at > 0:
            # 和催收通话前先告诉对方…: after the time word the reader is told what to do; in a
            # one-clause sentence what follows it is the main clause too (协商前把流水准备好)
            verbs = lex.imperative if first_clause != opening.rstrip(_TRAILING) else (
                lex.imperative + lex.imperative_main)
            heads.append((first_clause[cut_at + len(end) :], verbs))
            break
    for head, verbs in heads:  # the sentence start, or the main (last) clause
        if head.startswith(lex.others_asked):
            continue  # 请他帮忙转告: what the collector asks of the contact
        if lex.imperative_nouns and head.startswith(lex.imperative_nouns):
            continue  # 保存期限从…起计算: a noun, no instruction
        if lex.modality_blockers and head.startswith(lex.modality_blockers):
            continue  # 别的平台也会拒绝…: 别 of 别的 is no prohibitive (session eleven)
        if not head.startswith(verbs):
            continue  # no verb opens it (one test of them all before the loop over them)
        for verb in verbs:
            if head.startswith(verb) and (verb != "把" or _ba_instruction(head)):
                return "advice", verb
    return "descriptive", None


#: A 把-clause is an instruction when it ends with the state the reader is to bring about
#: (把录音保存好, 把材料准备齐全), not when it describes a step (把欠款挂起来分期偿还).
_BA_RESULTS = ("好", "清楚", "齐", "齐全", "下来")
#: ...or when its first clause keeps something somewhere (把录音备份到云盘，注明日期) (session
#: sixteen).
_BA_KEEP_RE = re.compile("(?:保存|备份|存|存放|上传|拷贝|打印)(?:到|在|进)")


def _ba_instruction(head: str) -> bool:
    """A 把-clause that tells the reader what to do: it ends with the state to bring about, or
    its first clause keeps something somewhere (``_BA_KEEP_RE``)."""
    if head.rstrip(_TRAILING).endswith(_BA_RESULTS):
        return True
    return _BA_KEEP_RE.search(head[: clause_end(head, 0)]) is not None


#: A clause opening that points back at what was said before (这也不意味着…): what follows is
#: an inference drawn from it, not more of the claim (session thirteen).
POINTER_OPENERS = ("这", "但这", "不过这", "可这", "然而这", "当然这")


def detect_hedge(text: str, matchers: Matchers, cue_at: tuple[int, ...] = (),
                 not_implying: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """(hedge, cue): the first frequency / possibility word, else ("none", None).

    A word of *not_implying* (不代表, 不能保证) in a clause that holds none of the claim's cues
    (at offsets *cue_at*) gives way to a hedge in a clause that does: 第一次被拒不代表没希望，
    …换个客服往往就松口了 is hedged by 往往, the word of the clause that says what happens."""
    found = [(role[1], hit) for hit in matchers.hedges.find(text, "hedge")
             if (role := hit.role("hedge"))]
    if not found:
        return "none", None
    kind, first = found[0]
    if cue_at and first.text in not_implying:
        clause_of = clause_index(text)
        held = {clause_of[i] for i in cue_at if 0 <= i < len(text)}
        if clause_of[first.start] not in held:
            later = next(((k, h) for k, h in found[1:] if clause_of[h.start] in held), None)
            if later is None and text[clause_start(text, first.start) :].startswith(
                    POINTER_OPENERS):  # fmt: skip
                # 这也不意味着…可以放着不管，罚息每天都在涨: the word weighs an inference the
                # author turns down, pointed back at with 这, not the claim (session thirteen)
                return "none", None
            if later is not None:
                kind, first = later
    return kind, first.text
