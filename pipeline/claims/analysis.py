"""What the tagger decided about one sentence, with the evidence and the reasons.

``Analysis`` is the tagger's full answer for one claim of a sentence: its
labels, every cue occurrence, why topics were set aside, and the clause split;
``cues()`` is what a Claim stores and ``why()`` what ``--explain`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.claims.stance import TopicEvidence, supporting
from pipeline.claims.taxonomy import GAP
from pipeline.claims.thresholds import Threshold

#: Prefix of a cue that came from a list item's lead-in, not from the item.
CONTEXT_MARK = "lead-in:"


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
    rejected: str = ""  # the next sentence rejects this belief (其实这是误解): its words

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
        if self.rejected:
            cues.append(f"belief-rejected:{self.rejected}")
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
        if self.rejected:
            lines.append(f"a belief the next sentence rejects ({self.rejected}): stance reversed")
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
