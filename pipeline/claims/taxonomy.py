"""Load and validate the tagger's data files (topics, products, lexicon, thresholds).

The files live in ``pipeline/claims/data/`` as TOML so that the warehouse can
load the same ``topics`` and ``products`` tables the tagger uses. Every file is
validated on load; a problem raises ``ValueError`` naming the file and the key.
All strings are normalized (NFKC, Traditional -> Simplified) on load so they
match the normalized sentence text.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.normalize import normalize_text
from pipeline.package_data import package_dir

DATA_DIR = package_dir("pipeline.claims.data")
DATA_FILES = ("topics.toml", "products.toml", "negation.toml", "thresholds.toml", "senses.toml")

#: The topic ids of the DOMAIN.md contract.
TOPIC_IDS = (
    "overdue_grace",
    "credit_report",
    "penalty_fees",
    "debtor_contact",
    "contacts_family",
    "third_party_agency",
    "home_visit",
    "legal_action",
    "criminal_risk",
    "negotiation",
    "complaints_rights",
    "account_impact",
    "debt_help_scam",
    "fake_collection",
    "bad_debt_transfer",
)
POLARITIES = ("affirm", "invert", "neutral")
ANCHORS = ("overdue", "retention", "installment")


#: Stands for a word a glyph-gap site stripped ("打 吗" is matched as "打□吗").
GAP_MARK = "□"

#: Separates the two parts of a gapped cue ("额度…恢复"): NFKC turns "…" into "...".
GAP = "..."


@dataclass(frozen=True, slots=True)
class Cue:
    """One topic cue: matched text, the topic it evidences, its polarity and strength.

    A *weak* cue (a bare channel word such as 电话 or 短信) evidences its topic
    only when no ordinary cue of any topic is in the sentence. A cue whose text
    holds "..." (written "…" in the data) is *gapped*: both parts must occur in
    order in one clause, at most ``MAX_GAP`` characters apart.
    """

    text: str
    topic: str
    polarity: str  # affirm | invert | neutral
    weak: bool = False

    @property
    def gapped(self) -> bool:
        """True for a two-part cue such as 额度…恢复."""
        return GAP in self.text

    @property
    def display(self) -> str:
        """The cue as a reader would write it (gap shown as …)."""
        return self.text.replace(GAP, "…")


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic of the DOMAIN.md vocabulary with its cue data."""

    id: str
    description: str
    cues: tuple[Cue, ...]
    blockers: tuple[str, ...]
    suppresses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Product:
    """A canonical product name and the aliases that name it."""

    canonical: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Negation, question, condition, modality and hedge word lists."""

    negators: tuple[str, ...]
    post_negators: tuple[str, ...]  # deny the cues before them (与通讯录无关)
    post_rarity: tuple[str, ...]  # deny them with a frequency hedge (上门并不常见)
    # 确实有，但比例很低: an event granted, then called rare after a contrast word
    existence_grants: tuple[str, ...]
    post_bluff: tuple[str, ...]  # deny a threatened event, not its message (只是吓唬人的)
    # a receiver who gets nothing (家人不会接到电话): deny the cues before and after (round y)
    post_receiving: tuple[str, ...]
    post_refusals: tuple[str, ...]  # a request turned down (每次都被拒): deny refusal_topics only
    refusal_topics: tuple[str, ...]  # the topics whose event is a request (negotiation)
    # a record not left or shown, after it (征信上不会留下痕迹): deny record_topics only
    post_records: tuple[str, ...]
    record_topics: tuple[str, ...]  # the topics whose event is a record kept (credit_report)
    copular_negators: tuple[str, ...]  # 不是说…不会: a double negation across the cues
    negated_verbs: tuple[str, ...]  # verbs a negator aims at (不会…消失: it stays; 别…当真)
    contrast_openers: tuple[str, ...]  # a lone denial after these does not reach back (但…不受影响)
    request_heads: tuple[str, ...]  # a lone denial after these is a consequence (申请…会被拒)
    relative_heads: tuple[str, ...]  # 没有约定的平台: a negator in a 的-phrase before these
    relative_possessors: tuple[str, ...]  # 你的家人: a possessive, no 的-phrase describing who
    relative_prepositions: tuple[str, ...]  # 不得向…的家属: the verb's object, no 的-phrase
    case_clause: bool  # a first clause ending in 的 is circumstance when the rest has a topic
    case_ends: tuple[str, ...]  # the ends of such a first clause (的, 判决前)
    false_negations: tuple[str, ...]
    question_markers: tuple[str, ...]
    question_finals: tuple[str, ...]
    question_embedders: tuple[str, ...]  # 查看有没有…: the question is embedded
    # a clause's words before the question word ending in 问 (她…问能不能分期) embed it, unless
    # they end in one of these (请问, 想问: the writer asks) (round z1)
    asked_blockers: tuple[str, ...]
    rhetorical: tuple[str, ...]  # 难道/怎么可能…: a question that asserts, no question
    conditions: tuple[str, ...]
    condition_blockers: tuple[str, ...]
    protasis: tuple[str, ...]
    whoever: tuple[str, ...]  # after 只要 in its clause: "whoever", no condition
    whoever_next: tuple[str, ...]  # 只要…的，挨个…: early in the next clause, "whoever"
    # a cause clause (因为/由于 X): an out-of-reach marker in it is the stated cause, no condition
    causes: tuple[str, ...]
    out_of_reach: tuple[str, ...]
    consequents: tuple[str, ...]  # 就/会...: a protasis clause without them is a bare condition
    # a clause opening with one of these goes on with the condition before it (如果X，或者Y，就Z)
    protasis_continues: tuple[str, ...]
    # nouns opening with an imperative verb (保存期限): no instruction
    imperative_nouns: tuple[str, ...]
    # a rule word inside a 的-phrase before one of these names who, no rule (必须到庭的被告)
    modal_relative_heads: tuple[str, ...]
    normative: tuple[str, ...]
    advice: tuple[str, ...]
    modality_blockers: tuple[str, ...]
    reader_can: tuple[str, ...]
    reader_subjects: tuple[str, ...]
    # 应/应当 right after the reader addressed in the second person is advice (您应保持冷静)
    reader_should: tuple[str, ...]
    second_person: tuple[str, ...]
    reader_occasions: tuple[str, ...]  # a first clause of the reader's occasion (当收到…时)
    reader_adverbs: tuple[str, ...]
    reader_objects: tuple[str, ...]  # after 可以 in its clause: an authority acts on someone
    reader_when: tuple[str, ...]  # ends of a 被… time clause before 可以 (被起诉后可以…)
    reader_acts: tuple[str, ...]  # the reader's own acts opening such a clause (还款后可以…)
    quantifiers: tuple[str, ...]  # 部分/有些 before an institution subject (部分银行在…后，可以…)
    should: tuple[str, ...]  # 应该-like words: normative when a duty_subject precedes
    duty_subjects: tuple[str, ...]  # lenders and collectors (催收方应该…: a duty)
    # after 应该: a guess, no duty (银行应该不会马上起诉) (round t)
    should_guess: tuple[str, ...]
    lender_modals: tuple[str, ...]  # a lender's modal verb whose subject carries to a next 可以
    rule_sources: tuple[str, ...]  # a first clause naming a rule (根据公约，…)
    rule_leads: tuple[str, ...]  # ...opening with 根据 / 按照
    rule_ends: tuple[str, ...]  # ...or ending with 规定 / 要求
    rule_duties: tuple[str, ...]  # the duty words of the clause after it (不能, 只能, 要)
    rule_duty_blockers: tuple[str, ...]  # hold a duty word and are none (只要, 要是)
    imperative: tuple[str, ...]  # sentence-initial verbs addressed to the reader: advice
    imperative_main: tuple[str, ...]  # the same at the start of the last (main) clause
    circumstance: tuple[str, ...]  # 遇到X，先截图…: the clause after it is read as a sentence start
    circumstance_ends: tuple[str, ...]  # 通话前先告诉…: what follows the first of these, likewise
    # 你要是还不上就主动打客服…: the reader's case as a condition; its main clause, likewise
    reader_conditions: tuple[str, ...]
    reader_condition_verbs: tuple[str, ...]  # 主动打客服…: an instruction after such a case only
    hedge_frequency: tuple[str, ...]
    hedge_possibility: tuple[str, ...]
    hedge_blockers: tuple[str, ...]
    contrast: tuple[str, ...] = ()  # a clause opening with these is set against the one before
    # possibility words that say one thing does not imply another (不代表, 不能保证): in a
    # clause holding none of the claim's cues they comment on a premise, no hedge of the claim
    not_implying: tuple[str, ...] = ()
    # a request made of someone else (请他帮忙转告, 请对方…): no instruction to the reader
    others_asked: tuple[str, ...] = ()
    # a power or duty word (有权, 无权) speaks of its own clause's subject: normative only
    # in a clause that holds the claim's cue (村委会没有权力替平台要债 is no rule on the contact)
    power_words: tuple[str, ...] = ()
    # the reader's own avoidance (忽视, 挂断, 躲避) after a prohibitive (不要, 别, 切勿): the
    # prohibitive aims at the reader's act, the calls or the summons stay real
    avoidance_verbs: tuple[str, ...] = ()
    prohibitives: tuple[str, ...] = ()
    # 会不会被上门，主要看…: a whether-clause answered by a clause that names what it depends on
    whether: tuple[str, ...] = ()  # the whether words of the first clause (会不会, 是否)
    depends: tuple[str, ...] = ()  # the opening of a later clause (主要看, 取决于)
    # the same said inside the whether's own clause (视情况决定是否, 是否…要视具体情况而定)
    depends_here: tuple[str, ...] = ()
    # a first clause that only names who advises (律师提醒，遇到…先录音): the clause after
    # it is read as the sentence start (session eleven)
    adviser_leads: tuple[str, ...] = ()
    time_clause_marks: tuple[str, ...] = ()  # 转让之后…，先去核实: the second clause instructs
    # a later clause opening with these says what to look for (…，看这一期有没有逾期)
    purpose_embedders: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ThresholdLexicon:
    """Anchor keywords, exclusions and min/max modifiers for durations."""

    anchors: tuple[tuple[str, tuple[str, ...]], ...]
    anchor_blockers: tuple[str, ...]  # hold an anchor word but are none (部分, 分钟)
    exclude: tuple[str, ...]
    lookback: tuple[str, ...]  # 近半年: a look-back window, no threshold
    min_suffixes: tuple[str, ...]
    max_suffixes: tuple[str, ...]
    min_prefixes: tuple[str, ...]
    max_prefixes: tuple[str, ...]
    # a limit word, then a modal or the verb the duration measures (最长能往后延3个月): max only
    limit_words: tuple[str, ...] = ()
    limit_bridges: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Everything the tagger reads from its data files, plus their content hash."""

    topics: tuple[Topic, ...]
    products: tuple[Product, ...]
    lexicon: Lexicon
    thresholds: ThresholdLexicon
    data_hash: str
    glyph_gaps: tuple[str, ...] = ()  # words sites strip; cues holding them get a □ variant

    def topic(self, topic_id: str) -> Topic:
        """Return the topic called *topic_id* (KeyError if unknown)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)


def _fail(file: str, key: str, problem: str) -> ValueError:
    return ValueError(f"{file}: {key}: {problem}")


def _table(data: dict[str, Any], key: str, file: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise _fail(file, key, "expected a table")
    return value


def _string(data: dict[str, Any], key: str, file: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, f"{where}{key}", "expected a non-empty string")
    return value.strip()


def _strings(
    data: dict[str, Any], key: str, file: str, where: str = "", *, required: bool = True
) -> tuple[str, ...]:
    """Read a list of non-empty strings, normalized for matching."""
    if key not in data:
        if required:
            raise _fail(file, f"{where}{key}", "missing list of strings")
        return ()
    value = data[key]
    if not isinstance(value, list):
        raise _fail(file, f"{where}{key}", "expected a list of strings")
    out: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _fail(file, f"{where}{key}[{i}]", "expected a non-empty string")
        out.append(normalize_text(item))
    return tuple(out)


def _parse_topics(data: dict[str, Any]) -> tuple[Topic, ...]:
    file = "topics.toml"
    raw = data.get("topic")
    if not isinstance(raw, list) or not raw:
        raise _fail(file, "topic", "expected an array of [[topic]] tables")
    topics: list[Topic] = []
    seen_cues: dict[str, str] = {}
    for i, entry in enumerate(raw):
        where = f"topic[{i}]."
        if not isinstance(entry, dict):
            raise _fail(file, f"topic[{i}]", "expected a table")
        tid = _string(entry, "id", file, where)
        if tid not in TOPIC_IDS:
            raise _fail(file, f"{where}id", f"unknown topic id {tid!r} (not in DOMAIN.md)")
        if any(t.id == tid for t in topics):
            raise _fail(file, f"{where}id", f"duplicate topic id {tid!r}")
        where = f"topic[{i}]({tid})."
        description = _string(entry, "description", file, where)
        raw_cues = entry.get("cues")
        if not isinstance(raw_cues, list) or not raw_cues:
            raise _fail(file, f"{where}cues", "expected a non-empty list")
        cues: list[Cue] = []
        for j, item in enumerate(raw_cues):
            key = f"{where}cues[{j}]"
            weak = False
            if isinstance(item, str):
                text, polarity = item, "affirm"
            elif isinstance(item, dict):
                text = _string(item, "text", file, f"{key}.")
                polarity = item.get("polarity", "affirm")
                if polarity not in POLARITIES:
                    raise _fail(file, f"{key}.polarity", f"expected one of {POLARITIES}")
                weak = item.get("weak", False)
                if not isinstance(weak, bool):
                    raise _fail(file, f"{key}.weak", "expected true or false")
                extra = set(item) - {"text", "polarity", "weak"}
                if extra:
                    raise _fail(file, f"{key}", f"unknown keys {sorted(extra)}")
            else:
                raise _fail(file, key, "expected a string or {text, polarity} table")
            text = normalize_text(text)
            if not text:
                raise _fail(file, key, "empty cue")
            if GAP in text and (text.count(GAP) != 1 or text.startswith(GAP)
                                or text.endswith(GAP)):  # fmt: skip
                raise _fail(file, key, "a gapped cue is exactly two parts: 'A…B'")
            if text in seen_cues:
                raise _fail(file, key, f"cue {text!r} already used by topic {seen_cues[text]!r}")
            seen_cues[text] = tid
            cues.append(Cue(text=text, topic=tid, polarity=str(polarity), weak=weak))
        blockers = _strings(entry, "blockers", file, where, required=False)
        suppresses = _strings(entry, "suppresses", file, where, required=False)
        topics.append(Topic(tid, description, tuple(cues), blockers, suppresses))
    ids = {t.id for t in topics}
    for i, topic in enumerate(topics):
        for j, other in enumerate(topic.suppresses):
            if other not in ids:
                raise _fail(file, f"topic[{i}]({topic.id}).suppresses[{j}]", f"unknown {other!r}")
    return tuple(topics)


def _parse_products(data: dict[str, Any]) -> tuple[Product, ...]:
    file = "products.toml"
    raw = data.get("product")
    if not isinstance(raw, list) or not raw:
        raise _fail(file, "product", "expected an array of [[product]] tables")
    products: list[Product] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise _fail(file, f"product[{i}]", "expected a table")
        canonical = _string(entry, "canonical", file, f"product[{i}].")
        where = f"product[{i}]({canonical})."
        aliases = _strings(entry, "aliases", file, where)
        for j, alias in enumerate((normalize_text(canonical), *aliases)):
            key = f"{where}aliases[{j - 1}]" if j else f"{where}canonical"
            if alias in seen and seen[alias] != canonical:
                raise _fail(file, key, f"{alias!r} already names {seen[alias]!r}")
            seen[alias] = canonical
        products.append(Product(canonical, tuple(dict.fromkeys(aliases))))
    return tuple(products)


def _parse_lexicon(data: dict[str, Any]) -> Lexicon:
    file = "negation.toml"
    modality = _table(data, "modality", file)
    hedge = _table(data, "hedge", file)
    return Lexicon(
        negators=_strings(data, "negators", file),
        post_negators=_strings(data, "post_negators", file, required=False),
        post_rarity=_strings(data, "post_rarity", file, required=False),
        existence_grants=_strings(data, "existence_grants", file, required=False),
        post_bluff=_strings(data, "post_bluff", file, required=False),
        post_receiving=_strings(data, "post_receiving", file, required=False),
        post_refusals=_strings(data, "post_refusals", file, required=False),
        refusal_topics=_strings(data, "refusal_topics", file, required=False),
        post_records=_strings(data, "post_records", file, required=False),
        record_topics=_strings(data, "record_topics", file, required=False),
        negated_verbs=_strings(data, "negated_verbs", file, required=False),
        avoidance_verbs=_strings(data, "avoidance_verbs", file, required=False),
        prohibitives=_strings(data, "prohibitives", file, required=False),
        copular_negators=_strings(data, "copular_negators", file, required=False),
        contrast_openers=_strings(data, "contrast_openers", file, required=False),
        request_heads=_strings(data, "request_heads", file, required=False),
        relative_heads=_strings(data, "relative_heads", file, required=False),
        relative_possessors=_strings(data, "relative_possessors", file, required=False),
        relative_prepositions=_strings(data, "relative_prepositions", file, required=False),
        case_clause=bool(data.get("case_clause", False)),
        case_ends=_strings(data, "case_ends", file, required=False) or ("的",),
        false_negations=_strings(data, "false_negations", file),
        question_markers=_strings(data, "question_markers", file),
        question_finals=_strings(data, "question_finals", file),
        question_embedders=_strings(data, "question_embedders", file, required=False),
        purpose_embedders=_strings(data, "purpose_embedders", file, required=False),
        asked_blockers=_strings(data, "asked_blockers", file, required=False),
        rhetorical=_strings(data, "rhetorical", file, required=False),
        conditions=_strings(data, "conditions", file),
        condition_blockers=_strings(data, "condition_blockers", file, required=False),
        protasis=_strings(data, "protasis", file, required=False),
        whoever=_strings(data, "whoever", file, required=False),
        whoever_next=_strings(data, "whoever_next", file, required=False),
        causes=_strings(data, "causes", file, required=False),
        out_of_reach=_strings(data, "out_of_reach", file, required=False),
        consequents=_strings(data, "consequents", file, required=False),
        protasis_continues=_strings(data, "protasis_continues", file, required=False),
        imperative_nouns=_strings(modality, "imperative_nouns", file, "modality.", required=False),
        modal_relative_heads=_strings(data, "modal_relative_heads", file, required=False),
        normative=_strings(modality, "normative", file, "modality."),
        advice=_strings(modality, "advice", file, "modality."),
        modality_blockers=_strings(modality, "blockers", file, "modality.", required=False),
        reader_can=_strings(modality, "reader_can", file, "modality."),
        reader_subjects=_strings(modality, "reader_subjects", file, "modality."),
        reader_should=_strings(modality, "reader_should", file, "modality.", required=False),
        second_person=_strings(modality, "second_person", file, "modality.", required=False),
        reader_occasions=_strings(modality, "reader_occasions", file, "modality.",
                                  required=False),
        reader_adverbs=_strings(modality, "reader_adverbs", file, "modality.", required=False),
        reader_objects=_strings(modality, "reader_objects", file, "modality.", required=False),
        reader_when=_strings(modality, "reader_when", file, "modality.", required=False),
        reader_acts=_strings(modality, "reader_acts", file, "modality.", required=False),
        quantifiers=_strings(modality, "quantifiers", file, "modality.", required=False),
        should=_strings(modality, "should", file, "modality.", required=False),
        duty_subjects=_strings(modality, "duty_subjects", file, "modality.", required=False),
        should_guess=_strings(modality, "should_guess", file, "modality.", required=False),
        lender_modals=_strings(modality, "lender_modals", file, "modality.", required=False),
        power_words=_strings(modality, "power_words", file, "modality.", required=False),
        whether=_strings(data, "whether", file, required=False),
        depends=_strings(data, "depends", file, required=False),
        depends_here=_strings(data, "depends_here", file, required=False),
        rule_sources=_strings(modality, "rule_sources", file, "modality.", required=False),
        rule_leads=_strings(modality, "rule_leads", file, "modality.", required=False),
        rule_ends=_strings(modality, "rule_ends", file, "modality.", required=False),
        rule_duties=_strings(modality, "rule_duties", file, "modality.", required=False),
        rule_duty_blockers=_strings(modality, "rule_duty_blockers", file, "modality.",
                                    required=False),
        imperative=_strings(modality, "imperative", file, "modality.", required=False),
        imperative_main=_strings(modality, "imperative_main", file, "modality.", required=False),
        others_asked=_strings(modality, "others_asked", file, "modality.", required=False),
        circumstance=_strings(modality, "circumstance", file, "modality.", required=False),
        circumstance_ends=_strings(modality, "circumstance_ends", file, "modality.",
                                   required=False),
        reader_conditions=_strings(modality, "reader_conditions", file, "modality.",
                                   required=False),
        reader_condition_verbs=_strings(modality, "reader_condition_verbs", file, "modality.",
                                        required=False),
        adviser_leads=_strings(modality, "adviser_leads", file, "modality.", required=False),
        time_clause_marks=_strings(modality, "time_clause_marks", file, "modality.",
                                   required=False),
        hedge_frequency=_strings(hedge, "frequency", file, "hedge."),
        hedge_possibility=_strings(hedge, "possibility", file, "hedge."),
        hedge_blockers=_strings(hedge, "blockers", file, "hedge.", required=False),
        contrast=_strings(hedge, "contrast", file, "hedge.", required=False),
        not_implying=_strings(hedge, "not_implying", file, "hedge.", required=False),
    )


def _parse_thresholds(data: dict[str, Any]) -> ThresholdLexicon:
    file = "thresholds.toml"
    anchors_raw = _table(data, "anchors", file)
    for key in anchors_raw:
        if key not in ANCHORS:
            raise _fail(file, f"anchors.{key}", f"unknown anchor (expected one of {ANCHORS})")
    anchors = tuple((a, _strings(anchors_raw, a, file, "anchors.")) for a in ANCHORS)
    return ThresholdLexicon(
        anchors=anchors,
        anchor_blockers=_strings(data, "anchor_blockers", file, required=False),
        exclude=_strings(data, "exclude", file),
        lookback=_strings(data, "lookback", file, required=False),
        min_suffixes=_strings(data, "min_suffixes", file),
        max_suffixes=_strings(data, "max_suffixes", file),
        min_prefixes=_strings(data, "min_prefixes", file),
        max_prefixes=_strings(data, "max_prefixes", file),
        limit_words=_strings(data, "limit_words", file, required=False),
        limit_bridges=_strings(data, "limit_bridges", file, required=False),
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ValueError(f"{path.name}: file missing in {path.parent}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: invalid TOML: {exc}") from exc


def data_hash(data_dir: Path = DATA_DIR) -> str:
    """Short SHA-1 over the data files, so any data change changes TAGGER_VERSION."""
    digest = hashlib.sha1()
    for name in DATA_FILES:
        path = data_dir / name
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:8]


def parse_taxonomy(data_dir: Path) -> Taxonomy:
    """Parse and validate the four data files in *data_dir* (uncached).

    Raises ValueError naming the file and the offending key, so a bad edit
    fails loudly at load time instead of silently changing tags.
    """
    topics_data = _read_toml(data_dir / "topics.toml")
    topics = _parse_topics(topics_data)
    lexicon = _parse_lexicon(_read_toml(data_dir / "negation.toml"))
    ids = {topic.id for topic in topics}
    for key in ("refusal_topics", "record_topics"):
        for i, topic_id in enumerate(getattr(lexicon, key)):
            if topic_id not in ids:
                raise _fail("negation.toml", f"{key}[{i}]", f"unknown topic {topic_id!r}")
    return Taxonomy(
        topics=topics,
        glyph_gaps=_strings(topics_data, "glyph_gaps", "topics.toml", required=False),
        products=_parse_products(_read_toml(data_dir / "products.toml")),
        lexicon=lexicon,
        thresholds=_parse_thresholds(_read_toml(data_dir / "thresholds.toml")),
        data_hash=data_hash(data_dir),
    )


def taxonomy_rows(
    data_dir: Path | str | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for the warehouse's ``topics`` and ``products`` tables.

    Topic rows are ``{id, description, cues}`` (cue strings as written, a gapped
    cue shown as "A…B"; weak and polarity flags stay in the data file); product
    rows are ``{canonical, aliases}`` with aliases as written in the data
    (花唄 stays Traditional). Stamp them with ``TAGGER_VERSION``.
    """
    directory = Path(data_dir) if data_dir is not None else DATA_DIR
    tax = load_taxonomy(directory)
    topics = [
        {"id": t.id, "description": t.description, "cues": [c.display for c in t.cues]}
        for t in tax.topics
    ]
    raw = _read_toml(directory / "products.toml")["product"]
    products = [
        {"canonical": str(entry["canonical"]).strip(),
         "aliases": list(dict.fromkeys(str(a).strip() for a in entry["aliases"]))}
        for entry in raw
    ]  # fmt: skip
    return topics, products


@lru_cache(maxsize=8)
def _cached(data_dir: str) -> Taxonomy:
    return parse_taxonomy(Path(data_dir))


def load_taxonomy(data_dir: Path | str | None = None) -> Taxonomy:
    """Return the parsed, validated data files (cached per directory).

    The default directory is the package's own ``data/``; tests and the
    warehouse may pass another directory holding the same file names.
    """
    return _cached(str(Path(data_dir) if data_dir is not None else DATA_DIR))
