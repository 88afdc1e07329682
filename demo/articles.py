"""The bank of article plans: what each demo article says, sentence by sentence, with labels.

Plans live in ``articles.txt`` next to this module (its header documents the
format), so growing the bank means writing text, not code. A plan is a list of
blocks (headings and paragraphs); every sentence carries the claim labels of
DOMAIN.md, written by hand. Reposts are made from a plan with small *edits*
(``demo.edits``) so that an article and its reposts share labels by construction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from demo import vocab

_BANK_FILE = "articles.txt"
_MIN_PARAGRAPHS, _MAX_PARAGRAPHS = 5, 12
_MIN_SENTENCES, _MAX_SENTENCES = 2, 6
_SENTENCE_END = ("。", "？", "！")
_THRESHOLD_RE = re.compile(r"^d=(\d*)(-?)(\d*)(?:@(\w+))?$")

class BankError(ValueError):
    """The article bank or a repost edit is malformed; the message names the line or edit."""


@dataclass(frozen=True)
class Threshold:
    """An overdue (or retention / installment) duration in days; all None when absent."""

    min_days: int | None = None
    max_days: int | None = None
    anchor: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The truth-record form: ``{min_days, max_days, anchor}``."""
        return {"min_days": self.min_days, "max_days": self.max_days, "anchor": self.anchor}


@dataclass(frozen=True)
class Labels:
    """The labels of a sentence's second claim (a concession and its opposite: 虽然一般不会
    X，但可能会X says two things, DOMAIN.md "Concession")."""

    topics: tuple[str, ...]
    stance: str
    modality: str
    hedge: str
    threshold: Threshold


@dataclass(frozen=True)
class Sentence:
    """One sentence of main text with its hand-written claim labels (no topics: filler)."""

    text: str
    topics: tuple[str, ...] = ()
    stance: str = "affirms"
    modality: str = "descriptive"
    hedge: str = "none"
    threshold: Threshold = Threshold()
    origin: str = ""
    second: Labels | None = None  # the main clause's claim after an asserted concession

    @property
    def is_claim(self) -> bool:
        """A sentence is a claim exactly when it has at least one topic."""
        return bool(self.topics)

    @property
    def products(self) -> list[str]:
        """Canonical products named in the text (derived, so product swaps relabel).

        Read from ``origin`` (the Simplified, gap-free text the labels were written
        for) when a site transform changed what is shown.
        """
        return vocab.find_products(self.origin or self.text)

    def claim_dicts(self) -> list[dict[str, object]]:
        """The truth-record form of this sentence's claims, keys as in DOMAIN.md: one, or
        two for an asserted concession (the concession first, as the tagger's parts)."""
        parts = [Labels(self.topics, self.stance, self.modality, self.hedge, self.threshold)]
        if self.second is not None:
            parts.append(self.second)
        return [{"text": self.text, "topics": list(p.topics), "stance": p.stance,
                 "modality": p.modality, "hedge": p.hedge, "products": self.products,
                 "threshold": p.threshold.as_dict()} for p in parts]


@dataclass(frozen=True)
class Heading:
    """A section heading (h2 or h3); shown as its own line of main text, never a claim."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: sentences rendered together in one ``<p>``."""

    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        """The paragraph as shown on the page (Chinese sentences join without spaces)."""
        return "".join(s.text for s in self.sentences)


Block = Heading | Paragraph


@dataclass(frozen=True)
class ArticlePlan:
    """One article: a key (the repost cluster id), a category, a title and its blocks."""

    key: str
    category: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraph blocks, in order (edits index into this list)."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def lines(self) -> list[str]:
        """Main text, one line per heading or paragraph, as the page shows it."""
        return [b.text for b in self.blocks]

    def sentences(self) -> list[Sentence]:
        """Every sentence of every paragraph, in reading order."""
        return [s for p in self.paragraphs for s in p.sentences]

    def claims(self) -> list[Sentence]:
        """The sentences that are claims (have topics)."""
        return [s for s in self.sentences() if s.is_claim]


# ----------------------------------------------------------------- parsing


def _parse_threshold(token: str, where: str) -> Threshold:
    match = _THRESHOLD_RE.match(token)
    if not match:
        raise BankError(f"{where}: bad threshold {token!r}")
    low, dash, high, anchor = match.groups()
    anchor = anchor or "overdue"
    if anchor not in vocab.ANCHORS:
        raise BankError(f"{where}: unknown anchor {anchor!r}")
    if not dash:
        if high or not low:
            raise BankError(f"{where}: bad threshold {token!r}")
        return Threshold(int(low), int(low), anchor)
    if not low and not high:
        raise BankError(f"{where}: empty threshold {token!r}")
    min_days = int(low) if low else None
    max_days = int(high) if high else None
    if min_days is not None and max_days is not None and min_days > max_days:
        raise BankError(f"{where}: min > max in {token!r}")
    return Threshold(min_days, max_days, anchor)


def parse_sentence(line: str, where: str = "<sentence>") -> Sentence:
    """Parse ``text``, ``text | labels`` or ``text | labels || labels`` (an asserted
    concession: two claims) into a Sentence, validating every label token."""
    text, _, label_part = line.partition(" | ")
    text = text.strip()
    if not text.endswith(_SENTENCE_END):
        raise BankError(f"{where}: sentence must end with 。？！: {text!r}")
    if "|" in text:
        raise BankError(f"{where}: stray '|' in {text!r}")
    first, sep, second = label_part.partition(" || ")
    if sep and ("|" in second or not second.strip()):
        raise BankError(f"{where}: want 'text | labels || labels'")
    sentence = _labelled(text, first, where)
    if not sep:
        return sentence
    other = _labelled(text, second, where)
    if not sentence.topics or not other.topics:
        raise BankError(f"{where}: both claims of a concession need a topic")
    return replace(sentence, second=Labels(other.topics, other.stance, other.modality,
                                           other.hedge, other.threshold))


def _labelled(text: str, label_part: str, where: str) -> Sentence:
    """*text* with the claim labels of one label group."""
    topics: list[str] = []
    stance = modality = hedge = None
    threshold = Threshold()
    for token in label_part.split():
        if token in vocab.TOPICS:
            topics.append(token)
        elif token in vocab.STANCES:
            stance = token
        elif token in vocab.MODALITIES:
            modality = token
        elif token in vocab.HEDGES:
            hedge = token
        elif token.startswith("d="):
            threshold = _parse_threshold(token, where)
        else:
            raise BankError(f"{where}: unknown label {token!r}")
    if label_part.strip() and not topics:
        raise BankError(f"{where}: labels without a topic")
    is_question = text.endswith("？")
    if topics and is_question and stance not in (None, "question"):
        raise BankError(f"{where}: a question must have stance question")
    if topics and not is_question and stance == "question":
        raise BankError(f"{where}: stance question needs a sentence ending with ？")
    default_stance = "question" if is_question else "affirms"
    return Sentence(
        text=text,
        topics=tuple(topics),
        stance=stance or default_stance,
        modality=modality or "descriptive",
        hedge=hedge or "none",
        threshold=threshold,
    )


def check_plan(plan: ArticlePlan, where: str) -> None:
    """Raise BankError when *plan* breaks the bank rules (paragraph and sentence counts, GBK)."""
    paragraphs = plan.paragraphs
    if not _MIN_PARAGRAPHS <= len(paragraphs) <= _MAX_PARAGRAPHS:
        raise BankError(f"{where}: {len(paragraphs)} paragraphs, want 5-12")
    for para in paragraphs:
        if not _MIN_SENTENCES <= len(para.sentences) <= _MAX_SENTENCES:
            raise BankError(f"{where}: paragraph with {len(para.sentences)} sentences")
    for line in (plan.title, *plan.lines()):
        try:
            line.encode("gbk")
        except UnicodeEncodeError as exc:
            raise BankError(f"{where}: not encodable in GBK: {line!r}") from exc


def parse_bank(text: str) -> dict[str, ArticlePlan]:
    """Parse the whole bank text into plans keyed by article key (see articles.txt header)."""
    plans: dict[str, ArticlePlan] = {}
    header: tuple[str, str, str, int] | None = None
    blocks: list[Block] = []
    sentences: list[Sentence] = []

    def flush_paragraph() -> None:
        if sentences:
            blocks.append(Paragraph(tuple(sentences)))
            sentences.clear()

    def flush_article() -> None:
        flush_paragraph()
        if header is None:
            return
        key, category, title, lineno = header
        if key in plans:
            raise BankError(f"line {lineno}: duplicate key {key!r}")
        plan = ArticlePlan(key, category, title, tuple(blocks))
        check_plan(plan, f"article {key!r} (line {lineno})")
        plans[key] = plan
        blocks.clear()

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"line {lineno}"
        if line.startswith("%"):
            continue
        if line.startswith("==="):
            flush_article()
            parts = [p.strip() for p in line[3:].split("|")]
            if len(parts) != 3 or not all(parts):
                raise BankError(f"{where}: want '=== key | category | title'")
            header = (parts[0], parts[1], parts[2], lineno)
        elif not line:
            flush_paragraph()
        elif header is None:
            raise BankError(f"{where}: text before the first article")
        elif line.startswith("#"):
            flush_paragraph()
            level = len(line) - len(line.lstrip("#"))
            if level not in (2, 3):
                raise BankError(f"{where}: headings are '## ' or '### '")
            blocks.append(Heading(level, line[level:].strip()))
        else:
            sentences.append(parse_sentence(line, where))
    flush_article()
    return plans


@functools.cache
def load_bank() -> dict[str, ArticlePlan]:
    """All article plans of the bundled bank, parsed once and validated."""
    text = resources.files("demo").joinpath(_BANK_FILE).read_text(encoding="utf-8")
    return parse_bank(text)


def plans_by_keys(keys: Sequence[str]) -> list[ArticlePlan]:
    """The plans for *keys*, in that order (BankError for an unknown key)."""
    bank = load_bank()
    missing = [k for k in keys if k not in bank]
    if missing:
        raise BankError(f"unknown article keys: {missing}")
    return [bank[k] for k in keys]
