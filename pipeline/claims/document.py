"""Tag a whole document: segments, claims per sentence, and what crosses sentences.

Per sentence the work is ``tagger.analyse_claims``; here: numbering
(``idx``, ``part``), a threshold carried across a `；` cut, template lines
that are boilerplate in all their sentences, and the Claim records.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.claims.analysis import CONTEXT_MARK, Analysis
from pipeline.claims.clauses import alternation
from pipeline.claims.segment import Segment, segment
from pipeline.claims.senses import load_senses
from pipeline.claims.tagger import (
    TAG_CACHE_SIZE,
    analyse,
    analyse_claims,
    tagger_version,
    tagging_text,
)
from pipeline.claims.taxonomy import load_taxonomy
from pipeline.normalize import sha1_hex
from pipeline.records import Claim


def tag_sentence(doc_id: str, idx: int, section: str, sentence: str, context: str = "") -> Claim:
    """Tag one sentence (original text) and return its Claim (topics may be empty).

    *context*: a list item's lead-in sentence (see ``analyse``). A sentence
    with two claims returns the first; ``tag_document`` returns both.
    """
    return _claim(doc_id, idx, section, sentence, analyse(sentence, context, explain=False))


# The stored fields of an Analysis (its cue strings and its sentence hash), kept for the
# analyses the tag cache hands out again: a sentence repeated across documents costs a
# lookup here too. Keyed by id() with the object itself held, so an id is never reused
# while its entry lives; an Analysis is frozen, so its fields never change.
_FIELDS: dict[int, tuple[Analysis, tuple[str, ...], str]] = {}


def _stored_fields(a: Analysis) -> tuple[tuple[str, ...], str]:
    """The cue strings and the sentence hash a Claim stores for *a*, computed once per
    Analysis object."""
    hit = _FIELDS.get(id(a))
    if hit is not None and hit[0] is a:
        return hit[1], hit[2]
    cues, sha1 = a.cues(), sha1_hex(a.normalized)
    if len(_FIELDS) >= TAG_CACHE_SIZE:
        _FIELDS.clear()
    _FIELDS[id(a)] = (a, cues, sha1)
    return cues, sha1


def _claim(doc_id: str, idx: int, section: str, sentence: str, a: Analysis) -> Claim:
    # A duration is the overdue threshold of a claim: a sentence that makes no claim
    # (拖到第二个月才着急的人不在少数) states none (DOMAIN.md: a non-claim has no
    # threshold). The analysis keeps it, for _carry_threshold and _answer_to_question.
    th = a.threshold if a.topics else None
    cues, sentence_sha1 = _stored_fields(a)
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
        cues=cues,
        sentence_sha1=sentence_sha1,
        tagger_version=tagger_version(),
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


# A heading that asks (how long, whether, how, what): 逾期多久上征信, 会不会被起诉, 怎么协商,
# 需要什么条件
_ASKS = re.compile(r"多久|多长时间|几天|几个月|什么|哪些|会不会|能不能|是否|吗|怎么|如何|[?？]$")


def _elliptical(a: Analysis) -> bool:
    """A clause that states an overdue duration and nothing it is about (一般逾期90天以上)."""
    return a.threshold is not None and a.threshold.anchor == "overdue" and not a.topics


# A bare duration answering "how long" (一般90天以后才会): a number and a unit of time
_DURATION = re.compile(r"[0-9一二两三四五六七八九十半几]+\s*(?:天|日|周|个月|月|年)")

#: A yes/no question (…吗？, 会不会…, 能不能…) and how long its bare answer may be.
_YES_NO = re.compile(r"吗\s*[?？]?\s*$|会不会|能不能|是不是|有没有|是否|可不可以|要不要")
#: A "when" question (逾期几天会打通讯录？), answered by 不一定 alone (it may or may not
#: happen): the same kind of answer (session fifteen).
_WHEN = re.compile(r"几天|多久|多长时间|什么时候|多少天|几个月|多少个月")
_SHORT_ANSWER = 40
#: How such an answer opens: an answer label, yes or no, or a hedge before it (一般不会);
#: yes or no may follow the condition it holds under (只要不是恶意骗贷，一般不会) and the lender
#: or the case it is about (正规平台一般不会这么做, 这种情况很少) (session twenty-four).
_ANSWER_OPEN = re.compile(
    r"(?:答|回答|答案)\s*[:：]|答案[是为]"
    r"|(?:(?:只要|如果|若|除非|要是|只有|假如)[^,，;；。?？]{1,16}[,，]\s*)?"
    r"(?:(?:正规的?|大部分|大多数|绝大多数|多数|有些|部分)?(?:网贷平台|贷款平台|平台|银行|金融机构"
    r"|持牌机构|机构|催收公司|催收方)|这种情况|这种事情?|对方)?"
    r"(?:(?:一般|通常|基本上?|大多数?情况下|正常情况下|正规(?:平台|渠道)?|其实|当然|肯定|绝对|也|都"
    r"|就|才|有可能|可能)\s*)"
    r"{0,2}(?:不会|会的|会|不一定|不是|是的|可以|不可以|不能|能|没有|很少|极少|不太会)")


#: After 要看 / 得看: looking at something closely, not depending on it (要看清楚合同条款).
_LOOK_CLOSELY = ("清楚", "一下", "仔细", "好")
#: What may stand before an answer's "it depends" (这个要看平台, 其实得看金额, 答：这要看金额,
#: 各家说法不一).
_DEPENDS_LEAD = re.compile(r"^(?:(?:答|回答|答案)\s*[:：]\s*)?"
                           r"(?:这个|这|那|其实|具体|各家|各平台)?\s*")
#: A short answer that calls the question's premise false (答：很多人都这么以为，其实这是个误解)
#: denies the question's event: senses.toml's rejection words, but for the bare corrections,
#: which may open any answer (答：其实会的) (session twenty-four).
_CORRECTIONS_ONLY = ("其实", "实际上", "事实上", "殊不知")


def _clause_break_after(text: str, words: str) -> bool:
    """True when *words* (found at the start of *text*, after its lead) end their clause:
    因人而异，… (the whole first clause says it depends), not 要看你有没有…."""
    at = text.find(words)
    rest = text[at + len(words) :].lstrip() if at >= 0 else ""
    return rest[:1] in (",", "，", ";", "；", "。", ":", "：")


def _rejects_premise(text: str) -> bool:
    """True when *text* calls what it answers false (其实这是个误解, 纯属谣言)."""
    return any(w in text for w in load_senses().rejection if w not in _CORRECTIONS_ONLY)


def _depends_answer(text: str) -> str | None:
    """The words a bare answer opens with when it says the answer depends (要看欠款金额,
    这个因平台而异, 没有固定的时间: negation.toml's `depends`), or None."""
    lex = load_taxonomy().lexicon
    body = _DEPENDS_LEAD.sub("", text.lstrip(), count=1)
    dep = next((d for d in (*lex.depends, *lex.depends_here) if body.startswith(d)), None)
    if dep is not None and body.startswith(_LOOK_CLOSELY, len(dep)):
        return None  # 要看清楚合同: look at it, advice, not what it depends on
    return dep



def _depending(claims: list[Analysis], dep: str) -> list[Analysis]:
    """*claims* of an answer that says the event depends on something: conditional, the
    depends words as their condition (a 没有 of 没有固定的时间 denies nothing)."""
    return [replace(a, stance="conditional", conditions=(*a.conditions, dep)) if a.topics else a
            for a in claims]


def _answer_to_question(segs: list[Segment], analyses: list[list[Analysis]],
                        explain: bool) -> None:
    """微粒贷逾期记录多久能消除？5年后才会自动消除。-- an answer with no topic cue of its own
    but a duration (the question asked "how long"), right after a question in its paragraph
    or opening the section under a question heading (一、逾期多久上征信), states the
    question's topic: it is tagged with the question as its lead-in. So is an elliptical
    overdue condition continuing a topical sentence of its paragraph (可以申请延期还款。
    一般要求逾期时间在90天以内。): the subject it leaves out is the one just named. So is a
    short answer that opens with yes, no or a hedge right after a yes/no question of its
    line (借呗会打通讯录吗？答：正规渠道一般不会。): its opening negator denies the event; one that
    says it depends (答：这要看…) is conditional, one that calls the premise false (其实这是个误解)
    denies, and an answer on the question's topic with no span of its own takes the overdue
    span the question names. Answers and questions are read in Simplified script (問…答 lines).
    """
    for i, seg in enumerate(segs):
        a = analyses[i][0]
        if a.boilerplate is not None or seg.context:
            continue
        after_question = (i > 0 and segs[i - 1].line == seg.line
                          and analyses[i - 1][0].stance == "question")
        # the regular expressions read Simplified text (問：…會不會…嗎？答：一般不會); only
        # answers and what they answer are read again
        text = tagging_text(seg.text).lstrip() if after_question else seg.text.lstrip()
        asked_text = tagging_text(segs[i - 1].text) if after_question else ""
        if a.topics:
            # 借呗逾期能协商减免罚息吗？因人而异，有诚意的更容易谈成。-- an answer that opens by
            # saying it depends is conditional though it names its topic (session twenty-four)
            if after_question and (_YES_NO.search(asked_text) or _WHEN.search(asked_text)) and (
                    dep := _depends_answer(text)) and _clause_break_after(text, dep):
                analyses[i] = _depending(analyses[i], dep)
            if after_question and _YES_NO.search(asked_text):
                analyses[i] = _asked_span(analyses[i], analyses[i - 1][0])
            continue
        if a.threshold is None and not _DURATION.search(seg.text):
            if not (after_question and len(seg.text) <= _SHORT_ANSWER):
                continue
            asked = segs[i - 1].text
            # 借呗逾期会被起诉吗？要看欠款金额。-- an answer that it depends: conditional, as
            # 会不会被起诉，要看金额 in one sentence (session twenty-three; labelled 答：这要看…
            # too, session twenty-four)
            if (_YES_NO.search(asked_text) or _WHEN.search(asked_text)) and (
                    dep := _depends_answer(text)):
                analyses[i] = _depending(analyse_claims(seg.text, asked, explain=explain), dep)
            # 逾期一天就会上征信吗？答：很多人都这么以为，其实这是个误解。-- the premise called
            # false: the question's event denied (session twenty-four)
            elif _YES_NO.search(asked_text) and _rejects_premise(text):
                analyses[i] = [replace(x, stance="denies") if x.topics else x
                               for x in analyse_claims(seg.text, asked, explain=explain)]
            # 借呗会打通讯录吗？答：正规渠道一般不会。-- a short answer right after a yes/no
            # question of its line states the question's topic (session fourteen)
            elif _ANSWER_OPEN.match(text) and (_YES_NO.search(asked_text) or (
                    _WHEN.search(asked_text) and text.startswith("不一定"))):
                analyses[i] = analyse_claims(seg.text, asked, explain=explain)
            if _YES_NO.search(asked_text):
                analyses[i] = _asked_span(analyses[i], analyses[i - 1][0])
            continue
        if i > 0 and segs[i - 1].line == seg.line:
            before = analyses[i - 1][0]
            carried = segs[i - 1].text.rstrip().endswith((";", "；"))  # _carry_threshold's
            asked = segs[i - 1].text if before.stance == "question" or (
                _elliptical(a) and before.topics and before.boilerplate is None
                and not carried) else ""
        else:  # the first sentence of its paragraph: the section heading asks
            heading = seg.section.rsplit(" > ", 1)[-1] if seg.section else ""
            asked = heading.rstrip("?？") + "？" if _ASKS.search(heading) else ""
        if not asked:
            continue
        lead = analyse(asked, explain=False)
        if lead.topics and (lead.stance == "question" or _elliptical(a)):
            analyses[i] = _overdue_answer(analyse_claims(seg.text, asked, explain=explain),
                                          text, tagging_text(asked), lead)


def _asked_span(claims: list[Analysis], question: Analysis) -> list[Analysis]:
    """*claims* of an answer to a yes/no question that names an overdue span (借呗欠了两三个月
    没还，会收到律师函吗？答：有可能。): an answer on the question's topic with no span of its own
    speaks of that span, so it takes it, and the overdue span makes it conditional as it would
    in one sentence (session twenty-four)."""
    th = question.threshold
    if th is None or th.anchor != "overdue":
        return claims
    return [replace(a, threshold=th, stance="conditional" if a.stance == "affirms" else a.stance)
            if a.topics and a.threshold is None and set(a.topics) & set(question.topics) else a
            for a in claims]


def _overdue_answer(claims: list[Analysis], text: str, asked: str, lead: Analysis
                    ) -> list[Analysis]:
    """*claims* of an answer to "after how many days overdue …？" whose own durations name
    no anchor (答：各家说法不一，常见的有7天、15天或30天): the days are days overdue, as the
    question asked, and an overdue threshold makes the claim conditional (session
    twenty-four)."""
    if lead.stance != "question" or not _WHEN.search(asked) or "逾期" not in asked:
        return claims
    if any(a.threshold is not None or not a.topics for a in claims):
        return claims
    th = analyse("逾期" + text, explain=False).threshold
    if th is None or th.anchor != "overdue":
        return claims
    return [replace(a, threshold=th, stance="conditional" if a.stance == "affirms" else a.stance)
            for a in claims]


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
                                   threshold=None, boilerplate=template[line],
                                   dropped=dropped)]  # fmt: skip


_REVERSED = {"affirms": "denies", "denies": "affirms"}


def _holds_any(words: tuple[str, ...], text: str) -> bool:
    """True when *text* holds one of *words* (one compiled search, not a test per word)."""
    pattern = alternation(words)
    return pattern is not None and pattern.search(text) is not None


def _rejected_beliefs(analyses: list[list[Analysis]]) -> None:
    """很多人以为X。其实这是误解。-- a belief stated in one sentence, rejected in the next:
    the belief's stance is reversed (the author states the opposite of X)."""
    senses = load_senses()
    for i in range(len(analyses) - 1):
        a = analyses[i][0]
        if a.stance not in _REVERSED or len(analyses[i]) > 1:
            continue
        norm = a.norm
        if not _holds_any(senses.belief, norm) or _holds_any(senses.rejection, norm):
            continue
        following = analyses[i + 1][0]
        rejection = next((r for r in senses.rejection if r in following.norm), "")
        if rejection and not following.topics:
            analyses[i] = [replace(a, stance=_REVERSED[a.stance], rejected=rejection)]


def _tagged(text: str, *, explain: bool) -> list[tuple[int, str, str, str, list[Analysis]]]:
    """(idx, section, sentence, lead-in, analyses) of every segment of *text*."""
    segs = segment(text)
    analyses = [analyse_claims(seg.text, seg.context, explain=explain) for seg in segs]
    _boilerplate_lines(analyses, [seg.line for seg in segs])
    _rejected_beliefs(analyses)
    _carry_threshold(analyses, [seg.text for seg in segs])
    _answer_to_question(segs, analyses, explain)
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
    returned only with *include_non_claims*, with products filled (no threshold: a
    duration is a claim's threshold, round v).
    A sentence that asserts a concession and contradicts it gives two claims
    (``part`` 0 and 1), both ``self_contradicting``.
    """
    out: list[Claim] = []
    for idx, section, sentence, _context, parts in _tagged(text, explain=False):
        for a in parts:
            if a.topics or include_non_claims:
                out.append(_claim(doc_id, idx, section, sentence, a))
    return out
