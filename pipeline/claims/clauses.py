"""Clause roles of one normalized sentence: reported speech, concession, rejected belief.

- Reported speech (谎称…, 内容大致是：…, a quote after 说/：) is *masked*:
  its characters become ``MASK`` so no cue, negator or modality word inside
  it is read as the author's; the span keeps its place, so offsets hold.
- A concessive span (即使/虽然/尽管 X) runs from the marker to the end of
  its clause or to a resuming word (也, 仍, 但 ...): X gives no claim of its
  own, except in 虽然一般不会X，但可能会X (see ``tagger``).
- A belief the author rejects (很多人以为X，其实这是误解) is the span from
  the belief marker to the clause that rejects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.claims.prefilter import holds_any
from pipeline.claims.senses import Senses
from pipeline.claims.stance import MASK, clause_end, clause_start

_OPEN_QUOTES = "\"“「『'‘"
_QUOTE_OPEN_RE = re.compile("[\"“「『'‘]")
_CLOSE_QUOTES = {"\"": "\"", "“": "”", "「": "」", "『": "』", "'": "'", "‘": "’"}
_OPENERS = {close: open_ for open_, close in _CLOSE_QUOTES.items()}
#: Every quote mark, opening and closing.
QUOTE_MARKS = _OPEN_QUOTES + "".join(_CLOSE_QUOTES.values())
# A clause opening with one of these is the speaker's act, not more of the reported words.
_ACTS = ("要求", "让", "并", "然后", "再", "诱导", "骗", "以此", "逼", "目的", "实际上", "其实",
         # the author's own voice resuming (…扬言要上门，真正派人到家的情况相当少见) (session
         # twenty-four)
         "真正", "事实上", "不过",
         "但", "可", "这", "此时", "目前", "最好", "建议", "千万", "一定", "切记", "请", "大家",
         "你", "借款人", "先", "别", "不要", "应", "可以", "要及时", "记得", "务必")
# A lead inside a 的-phrase names the speaker (那些声称能帮你停息挂账的中介，基本都是骗子):
# the clause after it is the author's predicate about that speaker, not more words.
_SPEAKER_HEADS = ("的中介", "的人", "的公司", "的机构", "的平台", "的团队", "的广告", "的网站",
                  "的骗子", "的律所", "的工作室", "的账号", "的群", "的客服")
_QUOTE_LEADS = ("说", "称", "道", "写", ":", "：", "提到", "表示", "提示", "警告", "通知", "写着",
                "显示", "内容是", "内容为",
                # a script's words (话术模板为“…”) and a reply given (直接回复“该员工已离职”)
                # (session sixteen)
                "话术为", "话术是", "模板为", "模板是", "回复", "回答", "答复")


@dataclass(frozen=True, slots=True)
class Span:
    """A character span [start, end) of the normalized sentence and what marked it."""

    start: int
    end: int
    marker: str
    topic: str = ""  # for reported speech: the topic of the act of quoting

    def holds(self, pos: int) -> bool:
        """True when *pos* lies inside the span."""
        return self.start <= pos < self.end


# List numbering before an item's label, and the advice words that open a label (不要提供虚假
# 信息：…) rather than name a message
_ITEM_MARKS = "0123456789.、)） -一二三四五六七八九十（("
_LABEL_ADVICE = ("不要", "别", "切勿", "千万", "注意", "请勿", "避免", "谨防", "警惕", "小心")
# A clause naming a threat, before the words said (话里全是威胁，说…)
_THREATS = ("威胁", "恐吓", "吓唬")
# 称 opening words that say nothing (称为, 称作, 称得上, 称之为)
_NOT_SAID = ("称为", "称作", "称得上", "称之为", "称不上", "称心")
# who a caller at the door says he is (…敲门，说自己是法院执行局的): his identity, read by the
# impostor cues, no words set apart (session fourteen)
_SELF_NAMED = ("说自己是", "称自己是", "说自己就是")
# 说 opening words that quote nothing (说白了, 说实话, 说到底, 说明)
_SAY_IDIOMS = ("说白了", "说实话", "说真的", "说到底", "说起来", "说明", "说句", "说不定", "说来")


def _speaker_label(norm: str, senses: Senses) -> Span | None:
    """催收：…: a transcript line whose label names the collection call's speaker; the rest of
    the sentence is the call's words (session eighteen)."""
    head = norm.lstrip()
    for label in senses.speaker_labels:
        if head.startswith(label) and head[len(label) : len(label) + 1] in (":", "："):
            start = len(norm) - len(head) + len(label) + 1
            end = len(norm.rstrip("。.!！?？ "))
            return Span(start, end, label, "debtor_contact") if end > start else None
    return None


def reported_spans(norm: str, senses: Senses) -> list[Span]:
    """Spans of reported words: after a lead word (to its clause end or closing quote),
    and quotes opened right after 说/称/提到/：."""
    spans: list[Span] = []
    label = _speaker_label(norm, senses)
    if label is not None:
        return [label]
    lead_re = _lead_pattern(senses)
    for m in lead_re.finditer(norm) if lead_re is not None else ():
        lead, pos = m.group(0), m.start()
        if any(b.find(lead) >= 0 and norm.startswith(b, pos - b.find(lead))
               for b in senses.lead_blockers):
            continue  # 收件人写的是我爸的名字: an addressee, no words quoted
        if lead in senses.speaker_leads and any(
                w in norm[clause_start(norm, pos) : pos] for w in senses.rumor_speakers):
            continue  # 谣言声称X: X is a belief named false, read by the false leads
        if _as_said(norm, pos, lead, senses):
            continue  # 按短信里说的派人上门: "as the message says", no words quoted
        if lead.endswith(("说", "称")) and not norm.startswith("说明天", m.end() - 1) and (
                norm.startswith(_SAY_IDIOMS, m.end() - 1)
                or norm.startswith(_NOT_SAID, m.end() - 1)):
            continue  # 同对方说明情况: 说明 (explain), no words quoted (session fourteen)
        topic = senses.reported[lead]
        start = m.end()
        while start < len(norm) and norm[start] in " :：":
            start += 1
        if lead.endswith(("说", "称", "介绍")) and norm[start : start + 1] in (",", "，"):
            # 恐吓说，欠钱不还要坐牢 / 一家机构介绍，可以…: the words run to the sentence end
            spans.append(Span(start + 1, len(norm.rstrip("。.!！")), lead, topic))
            continue
        if start < len(norm) and norm[start] in _OPEN_QUOTES:
            close = norm.find(_CLOSE_QUOTES[norm[start]], start + 1)
            if close > 0 and _rejected_quote(norm, start, close, senses):
                continue  # 很多人说“…”，这种说法几乎不会发生: a belief, read as one
            end = close + 1 if close > 0 else len(norm)
            if close > 0 and senses.shown and norm.startswith(senses.shown, end):
                topic = ""  # 写着“…”的横幅: words on a banner, not a message sent
        else:
            end = clause_end(norm, start)
            if norm[pos + len(lead) : start].strip(" ") in (":", "："):
                # 内容大致是：起诉、上门 -- a list after a colon runs to the sentence end
                end = len(norm.rstrip("。.!！"))
            # 谎称你涉嫌诈骗，要被拘留: a claim's words may run one clause on, unless
            # the speaker acts there (要求转账) or the author speaks again (先别慌)
            if lead in senses.continues and end < len(norm) - 1 and norm[end] in ",，" \
                    and not norm.startswith(_ACTS, end + 1) \
                    and not norm[start:end].endswith(_SPEAKER_HEADS):  # fmt: skip
                end = clause_end(norm, end + 1)
            elif topic == "debtor_contact" and lead.endswith(("说", "称")):
                end = _said_continues(norm, end, senses)
            end = _resumed_after_concession(norm, pos, start, end, senses)
            if end < len(norm) and norm[end] in ",，" and norm[end - 1] == "的":
                # 伪造法律文书的，可以举报: the 的 closing a case is no word said (session
                # seventeen); the case reads as one
                end -= 1
        # 结果是伪造的 / 这话是谎称的: the lead word is the predicate, no words follow
        if end > start and norm[start:end].strip("的了呢吧。.!！ "):
            spans.append(Span(start, end, lead, topic))
    for i, ch in enumerate(norm):
        # 催收打给我弟弟，说我再不还就起诉我: a clause opening with 说 after a clause that
        # holds a call reports what was said on the call (to the sentence end); so does 有的说
        # after the messages it sorts (连着收到几条吓人的短信，有的说派人来家里，有的说告上
        # 法庭) and 说 after a threat (话里全是威胁，说…) (session thirteen)
        if ch != "," or not norm.startswith(("说", "称", "有的说"), i + 1):
            continue
        said = 4 if norm.startswith("有的说", i + 1) else 2
        if norm.startswith(_SAY_IDIOMS, i + 1) and not norm.startswith("说明天", i + 1):
            continue
        if norm.startswith((*_NOT_SAID, *_SELF_NAMED), i + 1):
            continue  # 称为 / 称得上: naming, no words said; 说自己是: who he says he is
        if any(sp.holds(i + 1) for sp in spans):
            continue
        before = norm[norm.rfind(",", 0, i) + 1 : i]
        if any(word in before for word in senses.self_callers):
            continue  # 我主动打给那家，说钱一定还: the teller's own words (round z1)
        if senses.calls and any(word in before for word in (*senses.calls, *_THREATS)):
            end = len(norm.rstrip("。.!！"))
            # …，说要帮他注销借呗，结果被骗了两万: the narration resumes (session fifteen)
            resume = _NARRATION_RE.search(norm, i + said)
            if resume is not None:
                end = resume.start()
            if end > i + said:
                spans.append(Span(i + said, end, "说", "debtor_contact"))
    spans += _speaker_say_spans(norm, senses, spans)
    spans += _fear_spans(norm, senses, spans)
    spans += _content_spans(norm, senses, spans)
    spans += _received_content_spans(norm, senses, spans)
    spans += _message_spans(norm, senses, spans)
    spans += _threat_word_spans(norm, senses, spans)
    for m in _QUOTE_OPEN_RE.finditer(norm):
        i = m.start()
        if any(sp.holds(i) for sp in spans):
            continue
        close = norm.find(_CLOSE_QUOTES[norm[i]], i + 1)
        if close <= i:
            continue
        if _rejected_quote(norm, i, close, senses):
            # 网上传的“晚一天就告你”这种说法，根本不会发生: the quote is the belief the
            # author rejects, read as one (its events denied), not words set apart (session
            # seventeen)
            continue
        if i and norm[:i].endswith(_QUOTE_LEADS):
            if senses.lead_blockers and norm[:i].endswith(tuple(senses.lead_blockers)):
                continue  # 账户状态一栏写着“呆账”: a field of a record shown, no words quoted
            spans.append(Span(i, close + 1, norm[i - 1]))
        elif (prev := _quote_before(spans, norm, i)) is not None:
            # 回复“查无此人”或“私人欠款与本公司无关”: a second quote joined to one set apart is
            # the same speaker's words (session sixteen)
            spans.append(Span(i, close + 1, prev.marker, prev.topic))
        elif senses.ad_frames and norm.startswith(senses.ad_frames, close + 1):
            # 别信“代理协商、保证不被起诉”之类的广告: a seller's promise quoted; quoting the
            # advert is the claim (the debt-help offer), not the events it promises (session
            # nineteen)
            spans.append(Span(i, close + 1, "quoted advert", senses.ad_topic))
        elif senses.shown and norm.startswith(senses.shown, close + 1):
            # “严禁爆通讯录”的标语: words shown on a wall or a sign, no act of quoting
            spans.append(Span(i, close + 1, "shown"))
        elif (frame := _wording_frame(norm, close + 1)) is not None:
            # 常听到“明天去你单位”这类施压话术, 不会出现“坐牢”“全家”之类的字眼:
            # quoted words named as wording are mentioned, not used; a threat's wording
            # (施压/恐吓/威胁 before the noun) is the collector's act of threatening (session
            # fifteen)
            threat = any(v in frame for v in senses.threat_verbs)
            spans.append(Span(i, close + 1, "threat words" if threat else "shown",
                              "debtor_contact" if threat else ""))
        elif (senses.content_nouns and not norm[:i].endswith(senses.content_leads)
              and norm.startswith(tuple("的" + n for n in senses.content_nouns), close + 1)):
            # 收到“三天内起诉”的短信: a message named by its quoted words; sending it is
            # the claim (debtor_contact), the event it names is not (round r); 所谓“…”的短信
            # is left to the so-called sense (a fake paper, qb024)
            spans.append(Span(i, close + 1, "quoted message", "debtor_contact"))
    for open_q, close_q in (("“", "”"), ("「", "」"), ("『", "』")):
        # 他在我们这里借了钱，不然我们会登门拜访。” -- a quote the segmenter cut at its ？ goes
        # on in this sentence: the words up to its closing mark are still the speaker's
        # (session thirteen)
        close = norm.find(close_q)
        if close > 0 and norm.rfind(open_q, 0, close) < 0 \
                and not any(sp.holds(close) for sp in spans):  # fmt: skip
            spans.append(Span(0, close + 1, "quote continued"))
    return sorted(spans, key=lambda s: s.start)


#: Words that join two quotes of one list (“A”或“B”, “A”、“B”).
_QUOTE_JOINS = ("", "或", "或者", "、", "和", "及")


def _quote_before(spans: list[Span], norm: str, at: int) -> Span | None:
    """The quote set apart that ends just before *at*, joined to it by one of _QUOTE_JOINS
    (“A”或“B”), or None."""
    for sp in spans:
        if sp.end <= at and norm[sp.end - 1 : sp.end] in _CLOSE_QUOTES.values() \
                and norm[sp.end : at].strip() in _QUOTE_JOINS:
            return sp
    return None


def _rejected_quote(norm: str, start: int, close: int, senses: Senses) -> bool:
    """True when the quote from *start* to *close* is a saying the rest of the sentence rejects
    (几乎不会发生, 纯属瞎说, 是不存在的): named so after it (“…”这种说法) or told as a belief
    before it (网上流传的“…”): a belief, not words set apart."""
    after = norm[close + 1 :].lstrip(",， ")
    if not holds_any(senses.rejection, after):
        return False
    if senses.belief_referents and after.startswith(senses.belief_referents):
        return True
    return norm[:start].rstrip("的 ").endswith(senses.belief) if senses.belief else False


#: A clause where the teller's narration resumes after a caller's words (，结果…, ，后来…),
#: or the teller asks whether the words are true (，这条到底是真的吗？) (session seventeen).
_NARRATION_RE = re.compile(
    "[,，](?=结果|后来|最后|最终|没想到|谁知|这玩意|这东西|这是真|这到底|到底是真|到底真|真的假的"
    "|是真的吗|是不是真的"
    # the author's verdict on the call (…，要求转账，这是诈骗) (session twenty-four)
    "|这是诈骗|这是骗|这就是诈骗|这就是骗|这都是骗|这是典型|这明显是|这些都是骗|千万别|千万不要)")


#: A collector as the speaker, up to six characters, then the say-word (对方一开口就说要…,
#: 催收员每次都说…, 催收打电话来说…): the words after it are the collector's (round y).
_SAY_GAP = r"[^,，。;；:：!！?？“”\"]{0,6}?"


@lru_cache(maxsize=4)
def _speaker_say_pattern(speakers: tuple[str, ...]) -> re.Pattern[str] | None:
    """A collector speaker, a short gap and 说 (or 里称) (None for no speakers)."""
    alt = alternation(speakers)
    if alt is None:
        return None
    idioms = "|".join(w[1:] for w in _SAY_IDIOMS if w.startswith("说"))
    # 称 only after the call or message it is said in (电话里称); 自称 / 声称 are leads of their own
    # 说法 / 说辞 / 说服 are nouns or other verbs (催收的说法)
    # a remark named and then given after a colon (回她一句：…, 撂下话：…) (session thirteen)
    return re.compile(f"(?:{alt.pattern}){_SAY_GAP}(?:说(?!{idioms}|的|过的|法|辞|服|教|情)"
                      f"|(?<=[里中])称|(?:一句话|一句|句话|狠话|话)\\s*[:：])")


def _speaker_say_spans(norm: str, senses: Senses, spans: list[Span]) -> list[Span]:
    """Words a collector says with a few words between speaker and 说 (对方一开口就说要联系你
    爱人的娘家): reported to the clause end; the act of saying them is debtor_contact."""
    if "说" not in norm and "称" not in norm and "话" not in norm and "句" not in norm:
        return []
    pattern = _speaker_say_pattern((*senses.collector_speakers, *senses.say_speakers, "对方"))
    if pattern is None:
        return []
    out: list[Span] = []
    for m in pattern.finditer(norm):
        start = m.end()
        if any(sp.holds(start) or sp.holds(m.start()) for sp in spans + out):
            continue
        if norm[start : start + 1] in (",", "，"):
            # 那位顾问在电话里还说，不满意的话可以上门: the words run to the sentence end, as
            # after a lead's 说 and a comma (恐吓说，…) (round z1)
            start, end = start + 1, len(norm.rstrip("。.!！"))
        elif norm[start - 1 : start] in (":", "："):
            # 催收员回她一句：…, 在电话里撂下话：… -- the words after the colon, to the closing
            # quote or the sentence end (session thirteen)
            while start < len(norm) and norm[start] == " ":
                start += 1
            close = (norm.find(_CLOSE_QUOTES[norm[start]], start + 1)
                     if start < len(norm) and norm[start] in _OPEN_QUOTES else -1)
            end = close + 1 if close > 0 else len(norm.rstrip("。.!！"))
        else:
            end = _said_continues(norm, clause_end(norm, start), senses)
            end = _resumed_after_concession(norm, m.start(), start, end, senses)
        if end - start >= 2:
            out.append(Span(start, end, "says", "debtor_contact"))
    return out


def _fear_spans(norm: str, senses: Senses, spans: list[Span]) -> list[Span]:
    """What a person fears (很多人会担心家里人被骚扰), to its clause end, when nothing after it
    in the sentence speaks against it or tells it came true: a fear is no claim that the event
    happens. A fear the author corrects (他怕…，其实…) is left to ``belief_span`` (session
    sixteen)."""
    pattern = alternation(senses.fears)
    if pattern is None:
        return []
    rejection_re = alternation(senses.rejection)
    out: list[Span] = []
    for m in pattern.finditer(norm):
        if any(sp.holds(m.start()) for sp in spans + out):
            continue
        if rejection_re is not None and rejection_re.search(norm, m.end()) is not None:
            break  # corrected: a belief the author rejects
        end = clause_end(norm, m.end())
        if any(norm.find(w, end) >= 0 for w in senses.fears_came_true):
            break  # 我怕…，结果他们真的打了: the fear came true, the event is told
        if end - m.end() >= 2:
            out.append(Span(m.end(), end, m.group(0)))
    return out


def _resumed_after_concession(norm: str, speaker: int, start: int, end: int,
                              senses: Senses) -> int:
    """The end of words said inside a concession (哪怕对方说要起诉了也别放弃): the author's
    clause resumes at a resuming word (也), as the concession itself ends there (session
    sixteen); else *end*."""
    lead = norm[clause_start(norm, speaker) : speaker]
    if not any(word in lead for word in senses.concessive):
        return end
    for word in senses.resume:
        at = norm.find(word, start + 1, end)
        if at > 0:
            end = min(end, at)
    return end


def _said_continues(norm: str, end: int, senses: Senses) -> int:
    """The end of a collector's words: one clause further when the next clause opens with
    the threat's next step (``senses.said_continues``: 下次就…, 否则…), else *end*."""
    if end < len(norm) - 1 and norm[end] in ",，" \
            and norm.startswith(senses.said_continues, end + 1):
        return clause_end(norm, end + 1)
    return end


def _as_said(norm: str, pos: int, lead: str, senses: Senses) -> bool:
    """按/照 (``senses.as_said``) before a say-word ending in 的 (four characters between)."""
    ends_in_de = lead.endswith("的") or norm.startswith("的", pos + len(lead))
    if not senses.as_said or not ends_in_de:
        return False
    before = norm[clause_start(norm, pos) : pos]
    # the speaker or the message may stand between (按催收电话里说的, 照短信上说的)
    return any(word in before[-(len(word) + 4) :] for word in senses.as_said)


def _content_spans(norm: str, senses: Senses, spans: list[Span]) -> list[Span]:
    """A message named by what it says (所谓明天派人上门的短信): its words, set apart.

    The words run from the lead to 的 + a message noun in the same clause; the act of
    sending the message is the claim (debtor_contact), the event it names is not.
    """
    out: list[Span] = []
    lead_re = alternation(senses.content_leads)
    if lead_re is None or not senses.content_nouns:
        return out
    for m in lead_re.finditer(norm):
        if any(sp.holds(m.start()) for sp in spans + out):
            continue
        end = clause_end(norm, m.end())
        de = min((i for noun in senses.content_nouns
                  if (i := norm.find("的" + noun, m.end(), end)) > m.end()), default=-1)
        if de > m.end() and norm[m.end() : de].strip(" “”\"") and norm[m.end()] not in _OPEN_QUOTES:
            out.append(Span(m.end(), de, m.group(0), "debtor_contact"))
    return out


#: How many characters may stand between a receiving verb and the lead (一条, 过一封, 了那条).
_RECEIVED_GAP = 4


def _received_content_spans(norm: str, senses: Senses, spans: list[Span]) -> list[Span]:
    """A message received and named by what it says (收到一条说要派人到单位核实的短信, 接到那条让你
    去户籍地报备的短信): from the lead to 的 + a message noun, set apart; receiving it is the
    claim (debtor_contact), the event it names is not (round z1).

    Only after a receiving verb a few characters before the lead in its clause: a class of
    messages judged (那些说要上门的短信都是吓唬人的, qc028) keeps its event. Not when a later
    clause denies flatly (…的短信以后，一问根本没有这个案子): the event named is what is denied;
    nor when the sentence marks a swindle (转到私人账户, 骗子: ``received_keeps``).
    """
    if not senses.received_leads or not any(v in norm for v in senses.received_verbs):
        return []
    if any(w in norm for w in senses.received_keeps):
        return []  # 收到让你转到私人账户的短信，一定是骗子: the request marks an impostor
    lead_re = alternation(senses.received_leads)
    if lead_re is None:
        return []
    out: list[Span] = []
    for m in lead_re.finditer(norm):
        if any(sp.holds(m.start()) for sp in spans + out):
            continue
        start = clause_start(norm, m.start())
        before = norm[max(start, m.start() - len(max(senses.received_verbs, key=len))
                          - _RECEIVED_GAP) : m.start()]
        if not any(before.rfind(v) >= 0 and len(before) - before.rfind(v) - len(v) <= _RECEIVED_GAP
                   for v in senses.received_verbs):
            continue
        end = clause_end(norm, m.end())
        de = min((i for noun in senses.content_nouns
                  if (i := norm.find("的" + noun, m.end(), end)) > m.end()), default=-1)
        if de <= m.end():
            continue
        if any(w in norm[end:] for w in senses.received_denials):
            continue  # the event the message names is denied later: keep it
        out.append(Span(m.start(), de, m.group(0), "debtor_contact"))
    return out


# after a message noun: an optional copula or 如下 and a colon (模板是：, 短信原文如下：)
_MESSAGE_COLON = r"(内容)?(大概|大致|一般|通常|往往|大多|基本)?(是|为|如下|写道)?\s*[:：]"
# the message's content named after its noun, with or without a colon (…短信，内容是…)
_MESSAGE_CONTENT = r"内容(大概|大致|一般|通常|基本)?(是|为)\s*[:：]?"
# a sender's signature: 【…】 right after a colon or an opening quote
_SIGNATURE_RE = re.compile(r"[:：“\"「]\s*(【[^】]{1,12}】)")


@lru_cache(maxsize=4)
def _message_patterns(nouns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The compiled colon and content patterns after the message nouns (None for none)."""
    alt = alternation(nouns)
    if alt is None:
        return None
    # (not news announced, 有个好消息：…, session sixteen)
    return (re.compile(f"(?<![好坏])(?:{alt.pattern}){_MESSAGE_COLON}"),
            re.compile(f"(?:{alt.pattern})[^。!?！？]{{0,12}}?{_MESSAGE_CONTENT}"))


def _message_spans(norm: str, senses: Senses, spans: list[Span]) -> list[Span]:
    """A message quoted after its noun and a colon, or after its 【sender】 (round t).

    The words run to the closing quote when a quote opens them, else to the sentence end;
    the act of quoting is the claim (debtor_contact), the events the message names are not.
    """
    out: list[Span] = []
    sentence_end = len(norm.rstrip("。.!！"))
    starts: list[int] = []
    if "【" in norm:
        starts += [m.start(1) for m in _SIGNATURE_RE.finditer(norm)]
    if ":" in norm or "：" in norm or "内容" in norm:
        patterns = _message_patterns(senses.message_nouns)
        if patterns is not None:
            colon_re, content_re = patterns
            # not a list item's advice label (不要提供虚假信息：…): a step, no message (session
            # thirteen)
            starts += [m.end() for m in colon_re.finditer(norm)
                       if not norm[clause_start(norm, m.start()) : m.start()].lstrip(
                           _ITEM_MARKS).startswith(_LABEL_ADVICE)]
            # 收到一条催收短信，内容是让我三天内还款: the message's content after its noun
            starts += [m.end() for m in content_re.finditer(norm)]
    if not starts:
        return out
    for start in sorted(set(starts)):
        if any(sp.holds(start) or sp.holds(max(start - 1, 0)) for sp in spans + out):
            continue
        while start < len(norm) and norm[start] == " ":
            start += 1
        end = sentence_end
        if start < len(norm) and norm[start] in _OPEN_QUOTES:
            close = norm.find(_CLOSE_QUOTES[norm[start]], start + 1)
            end = close + 1 if close > 0 else end
        elif start and norm[start - 1] in _OPEN_QUOTES:
            close = norm.find(_CLOSE_QUOTES[norm[start - 1]], start)
            end = close if close > 0 else end
        if end - start >= 4:
            out.append(Span(start, end, "message:", "debtor_contact"))
    return out


@lru_cache(maxsize=4)
def _threat_pattern(leads: tuple[str, ...], frames: tuple[str, ...],
                    verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """Lead, the words with their frame (group 1, within one clause; the frame's 的话 is no
    condition), then a threat verb within four characters (None when a list is empty)."""
    lead, frame, verb = alternation(leads), alternation(frames), alternation(verbs)
    if lead is None or frame is None or verb is None:
        return None
    return re.compile(f"(?:{lead.pattern})([^,，。;；:：!！?？]{{2,30}}?(?:{frame.pattern}))"
                      f"[^,，。;；]{{0,4}}?(?:{verb.pattern})")


def _wording_frame(norm: str, after: int) -> str | None:
    """The frame naming quoted words as wording (等恐吓字眼, 这类施压话术) when one follows
    the quote closed before *after*, past any further quotes of the same list (“黑名单”
    “影响子女”等字眼); None otherwise."""
    while after < len(norm) and norm[after] in "、 " + _OPEN_QUOTES:
        if norm[after] in _OPEN_QUOTES:
            close = norm.find(_CLOSE_QUOTES[norm[after]], after + 1)
            if close < 0:
                return None
            after = close
        after += 1
    m = _WORDING_FRAME_RE.match(norm, after) or _THREAT_AFTER_RE.match(norm, after)
    return m.group(0) if m else None


# a threat verb right after the quoted words (骗子一开口就拿“上门”威胁)
_THREAT_AFTER_RE = re.compile("(?:来|去|进行)?(?:恐吓|威胁|吓唬)")
# 等 / 这类 / 之类的 …, an optional threat word, then a noun for wording (字眼, 话术, 说法, 施压
# 内容) or for a name used (以“咨询服务”“纠纷调解”之类的名义开公司)
_WORDING_FRAME_RE = re.compile(
    "(?:等|这类|这种|这样的|之类的?|一类)的?(?:恐吓|威胁|施压|吓人|吓唬人?的?)?"
    "(?:字眼|话术|说法|词汇|字样|词语|措辞|用语|话|名义|名目|旗号|幌子|内容)")


def _threat_word_spans(norm: str, senses: Senses, spans: list[Span]) -> list[Span]:
    """Threat words named before their frame (以起诉、坐牢之类的话来吓唬欠款人): the words are
    the collector's, the act of threatening is the claim (debtor_contact) (round y)."""
    pattern = _threat_pattern(senses.threat_leads, senses.threat_frames, senses.threat_verbs)
    if pattern is None or not any(v in norm for v in senses.threat_verbs):
        return []
    return [Span(m.start(1), m.end(1), "threat words", "debtor_contact")
            for m in pattern.finditer(norm) if not any(sp.holds(m.start(1)) for sp in spans)]


@lru_cache(maxsize=64)
def alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled alternation of *words*, longest first (None for no words)."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _lead_pattern(senses: Senses) -> re.Pattern[str] | None:
    """One compiled alternation of the reported-speech lead words (longest first)."""
    return alternation(tuple(senses.reported))


def mask(norm: str, spans: list[Span]) -> str:
    """*norm* with every character of *spans* replaced by MASK (same length)."""
    if not spans:
        return norm
    chars = list(norm)
    for span in spans:
        for i in range(span.start, min(span.end, len(chars))):
            chars[i] = MASK
    return "".join(chars)


def _inside_word(norm: str, at: int, words: tuple[str, ...]) -> bool:
    """True when the character at *at* is a later character of one of *words* standing there
    (the 别 of 识别 or 区别)."""
    ch = norm[at]
    return any((k := w.find(ch)) > 0 and norm.startswith(w, at - k) for w in words)


#: The second half of 与其X，不如Y: without one, 与其 is 与 + 其 (与其协商, "negotiate with
#: them") (session eighteen).
_RATHER_WORDS = ("不如", "宁可", "宁愿", "不若", "还是")


def concessive_spans(norm: str, senses: Senses, words: tuple[str, ...] = ()) -> list[Span]:
    """即使/虽然/尽管 X spans: from the marker to its clause end or a resuming word.

    *words* are words that hold a prohibitive 别 (the modality blockers: 识别, 区别, 特别…): a
    别-marker inside one of them (人脸识别等, 区别看待) is no "don't" (session sixteen)."""
    pattern = alternation(senses.concessive)
    if pattern is None:
        return []
    spans: list[Span] = []
    for m in pattern.finditer(norm):
        if m.group(0).startswith("别") and _inside_word(norm, m.start(), words):
            continue
        body = m.end()
        end = clause_end(norm, body)
        if m.group(0) in senses.concessive_needs_main and (
                not norm[end:].strip("，,;；。.!！?？ ")
                or not any(w in norm[body:] for w in senses.resume)):
            # 过了零点就算逾期。 (the sentence ends) and 长期不还就算诈骗，这是吓人 (no 也 after
            # it, session eighteen): 就 + 算, no concession before a claim
            continue
        if m.group(0) == "与其" and not any(w in norm[body:] for w in _RATHER_WORDS):
            continue  # 银行可以与其协商: 与 + 其 ("with them"), no alternative turned down
        for word in senses.resume:
            at = norm.find(word, body + 1, end)
            if at > 0 and not (m.group(0) in _GRANTED_FACT and word in ("也", "都")
                               and norm.startswith("没", at + 1)):
                end = min(end, at)
        spans.append(Span(m.start(), end, m.group(0)))
    return spans


#: Concessions that grant a fact (虽然到现在也没被起诉，但…): a 也没 / 都没 inside their clause
#: is the fact's own "still not", no resumed main clause as after 即使 X 也 Y (session
#: twenty-four).
_GRANTED_FACT = ("虽然", "虽说", "尽管")


def belief_span(norm: str, senses: Senses) -> Span | None:
    """The belief an author rejects (很多人以为X，其实这是误解): X's span, or None."""
    belief = alternation(senses.belief)
    m = belief.search(norm) if belief is not None else None
    rejection_re = alternation(senses.rejection)
    found = None
    if m is not None:
        found = rejection_re.search(norm, m.end()) if rejection_re is not None else None
    if found is None:
        named = _named_false(norm, senses, rejection_re)
        if named is None:
            named = _quoted_false(norm, senses)
        return named if named is not None else _referred_false(norm, senses, rejection_re)
    body = m.end() if m is not None else 0
    # (a rejection that opens with its clause break, ,错!, rejects the clause before it too)
    rejection = found.start() + (1 if found.group(0).startswith(",") else 0)
    end = max(body, clause_start(norm, rejection))
    if end <= body:
        end = rejection
    return Span(m.start() if m is not None else 0, end, m.group(0) if m is not None else "")


def _referred_false(norm: str, senses: Senses, rejection_re: re.Pattern[str] | None) -> Span | None:
    """说X就一定上门，这种说法有点夸大: a clause opening with a word that points back at what
    was said (这种说法) and rejecting it names the clauses before it false; they are the belief."""
    referent = alternation(senses.belief_referents)
    if referent is None or rejection_re is None:
        return None
    for m in referent.finditer(norm):
        start = clause_start(norm, m.start())
        opened = _quote_closed_before(norm, m.start())
        if opened >= 0 and rejection_re.search(norm, m.end(), len(norm)) is not None:
            # 网上传的“欠五千就坐牢”这种说法纯属瞎说: the quote is the belief (session
            # seventeen)
            return Span(opened, m.start(), m.group(0))
        if start == 0 or m.start() - start > 2:
            continue  # the referent opens its clause (at most 其实, 但 before it)
        if rejection_re.search(norm, m.end(), clause_end(norm, m.end())) is not None:
            return Span(0, start, m.group(0))
    return None


def _quote_closed_before(norm: str, pos: int) -> int:
    """Where the quote closing right before *pos* opens (“…”这种说法), or -1."""
    opener = _OPENERS.get(norm[pos - 1]) if pos > 0 else None
    return -1 if opener is None else norm.rfind(opener, 0, pos - 1)


#: A quoted claim opening a sentence and what may stand between it and its verdict (——错！).
_OPENING_QUOTE_RE = re.compile(r"^\s*[“\"「『]([^”\"」』]{2,60})[”\"」』]\s*[—–\-:：,，!！\s]*")


def _quoted_false(norm: str, senses: Senses) -> Span | None:
    """“小额网贷不上征信”——错！现在…: a quote opening the sentence and judged false right
    after it (*senses.quote_rejections*) is a belief the author rejects; the quote is its span."""
    m = _OPENING_QUOTE_RE.match(norm)
    if m is None or not senses.quote_rejections:
        return None
    if not norm.startswith(senses.quote_rejections, m.end()):
        return None
    return Span(m.start(1), m.end(1), "quoted")


def _named_false(norm: str, senses: Senses, rejection_re: re.Pattern[str] | None) -> Span | None:
    """误区一：X / 有一种谣言说X: the lead names X false itself; X runs to the author's
    correction (其实…) or the sentence end."""
    lead = alternation(senses.false_leads)
    m = lead.search(norm) if lead is not None else None
    if m is None:
        return None
    found = rejection_re.search(norm, m.end()) if rejection_re is not None else None
    end = found.start() if found is not None else len(norm)
    return Span(m.start(), end, m.group(0)) if end > m.end() else None
