"""Meaning-over-surface data (``data/senses.toml``): variants, clause markers,
reported speech, context filters on cues and boilerplate lines.

Loaded and validated once; every rule keeps the example sentence it was
written for, so tests can run each one (DOMAIN.md "Real pages: meaning over
surface").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from pipeline.claims.prefilter import Prefilter
from pipeline.claims.stance import clause_text, quoted_spans
from pipeline.claims.taxonomy import DATA_DIR, GAP, TOPIC_IDS
from pipeline.normalize import normalize_text

FILE = "senses.toml"
ACTIONS = ("drop", "require")
#: "after": the rest of the cue's clause after the cue (村委会没有权力: the cue is the subject)
SCOPES = ("clause", "sentence", "after")


@dataclass(frozen=True, slots=True)
class Sense:
    """A context filter: cues of *topic* (or only *cues*) re-read when a context word is near."""

    name: str
    topic: str
    cues: tuple[str, ...]  # empty: every cue of the topic
    context: tuple[str, ...]
    scope: str  # clause | sentence | after (the rest of the clause after the cue)
    action: str  # drop | require | <topic id>
    example: str
    expect: tuple[str, ...]
    # strings that hold a context word and do not count as it (不收中介费 names no agent)
    unless: tuple[str, ...] = ()
    # scope clause: later clauses of the sentence holding one of these words (a pronoun
    # that refers back to the person named: 填的是室友的号码，结果他就接到了电话) are read
    # with the cue's clause
    follow: tuple[str, ...] = ()
    # the rule does not apply when the cue's clause (not the first) or a later one opens with
    # one of these (我最怕被爆通讯录，其实平台根本不敢这么做: the fear corrected) (session
    # twenty-four)
    corrected_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A template line (breadcrumb, info line, call-to-action box): no claim."""

    name: str
    pattern: re.Pattern[str]
    example: str
    whole_line: bool = False  # every sentence of the line is boilerplate (相关推荐：A？B？)
    # a match inside quotation marks does not count: the box's words quoted in a warning
    # (别信“免费咨询、全额退息”的广告) are the warning's object (session nineteen)
    outside_quotes: bool = False

    def matches(self, norm: str) -> bool:
        """True when the rule's pattern is found in *norm* (outside quotes, if so marked)."""
        if not self.outside_quotes:
            return self.pattern.search(norm) is not None
        quoted = quoted_spans(norm)
        return any(not any(a <= m.start() < b for a, b in quoted)
                   for m in self.pattern.finditer(norm))


@dataclass(frozen=True, slots=True)
class Senses:
    """Everything in senses.toml, validated and normalized."""

    variants: dict[str, str]
    concessive: tuple[str, ...]
    asserted: tuple[str, ...]
    resume: tuple[str, ...]
    belief: tuple[str, ...]
    weakeners: tuple[str, ...]  # X，并不意味着Y: X is a premise, a negation in Y cancels
    rejection: tuple[str, ...]
    reported: dict[str, str]  # lead word -> topic of the act of quoting
    continues: tuple[str, ...]  # leads whose words may run into the next clause (谎称)
    lead_blockers: tuple[str, ...]  # hold a lead word and quote nothing (收件人写的是)
    senses: tuple[Sense, ...]
    boilerplate: tuple[Boilerplate, ...]
    # the strings each boilerplate rule's matches require, found in one pass (set after init)
    boilerplate_filter: Prefilter | None = field(init=False, repr=False, compare=False,
                                                 default=None)
    variant_table: dict[int, str]
    respell: tuple[tuple[re.Pattern[str], str], ...] = ()  # misspellings fixed in context
    # the strings each respelling's matches require, found in one pass (set after init)
    respell_filter: Prefilter | None = field(init=False, repr=False, compare=False,
                                             default=None)
    regional: dict[str, str] | None = None  # Taiwan / Hong Kong word -> mainland word
    regional_re: re.Pattern[str] | None = None  # the keys of `regional`, longest first
    # after a closing quote: the quote is words shown on a wall or a sign (“严禁爆通讯录”的标语)
    shown: tuple[str, ...] = ()
    # concessive markers of an alternative the author turns down (与其X，不如Y): X gives no
    # topic even when Y has none (telling one's family oneself is no contact)
    turned_down: tuple[str, ...] = ()
    # a person's reaction (懵了, 发慌) to an event met after a trigger (一听说, 接到): the
    # event before the reaction word is no claim (``reaction_at``)
    reactions: tuple[str, ...] = ()
    reaction_triggers: tuple[str, ...] = ()
    reaction_blockers: tuple[str, ...] = ()
    reaction_keeps: tuple[str, ...] = ()  # topics a reaction leaves (the family was reached)
    # the narrator busy with something else when the event was met (收到短信的时候，我正蹲在
    # 工地门口): a scene, read as a reaction is (``reaction_at``) (round z1)
    scene_states: tuple[str, ...] = ()
    # callers on the line whose words after 说 are theirs (电话里还说…, 那头又说…): read with
    # the collector speakers (``clauses._speaker_say_spans``) (round z1)
    say_speakers: tuple[str, ...] = ()
    # a collection call's speaker named as a transcript's label (催收：…, 智能语音：…): the line
    # is the call's words (session eighteen)
    speaker_labels: tuple[str, ...] = ()
    said_continues: tuple[str, ...] = ()
    never_came: tuple[str, ...] = ()
    # the teller as the caller (我主动打给…，说…): a clause opening with 说 after it is no
    # reported speech (round z1)
    self_callers: tuple[str, ...] = ()
    # two named things told apart (罚息和违约金不是一回事): the clause names concepts
    distinctions: tuple[str, ...] = ()
    pairings: tuple[str, ...] = ()  # the word joining the two things (和, 跟, 与)
    # a distinction clause opening with these (这跟…) points back at a claim that stands
    pointed_pairs: tuple[str, ...] = ()
    # a clause holding one of these (a call made) and then a clause opening with 说: the
    # words said on the call are reported speech (催收打给我弟弟，说…)
    calls: tuple[str, ...] = ()
    # a warning not to believe before the reporting word in its clause (别信那些号称…的中介):
    # the act of quoting is denied
    disbelief: tuple[str, ...] = ()
    # a person's fear with nothing said against it (很多人担心X): X is set apart, no claim
    fears: tuple[str, ...] = ()
    fears_came_true: tuple[str, ...] = ()  # ...unless one of these follows (结果…真的打了)
    # a lead that names what follows false itself (误区一：X, 有一种谣言说X): X is a belief the
    # author rejects, with no rejection word after it
    false_leads: tuple[str, ...] = ()
    # a quoted claim opening the sentence, then one of these (“小额网贷不上征信”——错！): the
    # quote is a belief the author rejects
    quote_rejections: tuple[str, ...] = ()
    # a later clause confirming reported words (…说“X”，这倒是真的): X is the author's claim
    quote_confirmations: tuple[str, ...] = ()
    # concessive markers that are none when their clause ends the sentence (就算: 就 + 算)
    concessive_needs_main: tuple[str, ...] = ()
    # a clause opening with a word pointing back at what was said (这种说法) and rejecting it:
    # the clauses before it are a belief the author rejects
    belief_referents: tuple[str, ...] = ()
    # a clause ending with one of these names an alternative that changes nothing (转让也好，外包
    # 也罢，欠的钱一分不会少): its cues are background when the rest has cues (session eleven)
    alternatives: tuple[str, ...] = ()
    # a message named by what it says (所谓明天派人上门的短信): leads, then 的 + one of the nouns
    content_leads: tuple[str, ...] = ()
    content_nouns: tuple[str, ...] = ()
    # a seller's promise quoted and named as an advert (“保证不被告”之类的广告): the words after
    # the closing quote, and the topic of quoting it (session nineteen)
    ad_frames: tuple[str, ...] = ()
    ad_topic: str = ""
    # a message received and named by what it says (收到一条说要派人上门的短信): the receiving
    # verbs, the leads after them, and flat denials in a later clause that keep the old reading
    # (…的短信以后，去法院一问根本没有这个案子: the event named is denied, not set apart) (round z1)
    received_verbs: tuple[str, ...] = ()
    received_leads: tuple[str, ...] = ()
    received_denials: tuple[str, ...] = ()
    received_keeps: tuple[str, ...] = ()  # a swindle's marks: the message is read as before
    # a lead with no speaker of its own (声称): the speaker before it picks the topic
    speaker_leads: tuple[str, ...] = ()
    impostor_speakers: tuple[str, ...] = ()
    collector_speakers: tuple[str, ...] = ()
    seller_speakers: tuple[str, ...] = ()
    rumor_speakers: tuple[str, ...] = ()
    # words of a lead-in that announce the list after it (以下, 如下): items take the cues of
    # the announcing clause only
    list_announcers: tuple[str, ...] = ()
    # a message quoted after its noun and a colon (模板是：…) or after its 【sender】 (round t)
    message_nouns: tuple[str, ...] = ()
    # 按/照 before a message's say-word: "as it says", an adverb, no words quoted (round t)
    as_said: tuple[str, ...] = ()
    # the rules of each topic, in file order (apply_senses tries only the cue's topic's rules)
    by_topic: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    # threat words framed before the threat (以坐牢之类的话来吓唬): lead, frame, verb (round y)
    threat_leads: tuple[str, ...] = ()
    threat_frames: tuple[str, ...] = ()
    threat_verbs: tuple[str, ...] = ()

    def whole_line(self, name: str) -> bool:
        """True when the rule called *name* makes its whole line boilerplate."""
        return any(r.name == name and r.whole_line for r in self.boilerplate)

    def boilerplate_rule(self, norm: str) -> str | None:
        """Name of the boilerplate rule *norm* matches, or None.

        Each rule's own pattern is searched in turn: the rules joined into one alternation
        searched twice as slowly (it loses each pattern's literal prefix), and most lines
        match none.
        """
        prefilter = self.boilerplate_filter
        tried = prefilter.candidates(norm) if prefilter is not None else range(
            len(self.boilerplate))  # a rule whose required strings are missing is skipped
        for i in tried:
            rule = self.boilerplate[i]
            if rule.matches(norm):
                return rule.name
        return None

    def __post_init__(self) -> None:
        object.__setattr__(self, "boilerplate_filter",
                           Prefilter([rule.pattern for rule in self.boilerplate]))
        object.__setattr__(self, "respell_filter",
                           Prefilter([pattern for pattern, _fixed in self.respell]))


def _fail(key: str, problem: str) -> ValueError:
    return ValueError(f"{FILE}: {key}: {problem}")


def _words(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(f"{where}{key}", "expected a list of non-empty strings")
    return tuple(normalize_text(v) for v in value)


def _topic_map(data: dict[str, Any], key: str) -> dict[str, str]:
    raw = data.get(key, {})
    if not isinstance(raw, dict):
        raise _fail(key, "expected a table")
    out: dict[str, str] = {}
    for word, topic in raw.items():
        if topic not in TOPIC_IDS:
            raise _fail(f"{key}.{word}", f"unknown topic {topic!r}")
        out[normalize_text(word)] = str(topic)
    return out


def _sense(i: int, entry: dict[str, Any]) -> Sense:
    where = f"sense[{i}]."
    for key in ("name", "topic", "scope", "action", "example"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _fail(f"{where}{key}", "expected a non-empty string")
    topic, action, scope = entry["topic"], entry["action"], entry["scope"]
    if topic not in TOPIC_IDS:
        raise _fail(f"{where}topic", f"unknown topic {topic!r}")
    if action not in ACTIONS and action not in TOPIC_IDS:
        raise _fail(f"{where}action", f"expected one of {ACTIONS} or a topic id")
    if scope not in SCOPES:
        raise _fail(f"{where}scope", f"expected one of {SCOPES}")
    expect = entry.get("expect")
    if not isinstance(expect, list) or any(t not in TOPIC_IDS for t in expect):
        raise _fail(f"{where}expect", "expected a list of topic ids")
    context = _words(entry, "context", where)
    if not context:
        raise _fail(f"{where}context", "expected at least one context word")
    return Sense(str(entry["name"]), topic, _words(entry, "cues", where), context, scope,
                 action, str(entry["example"]), tuple(expect),
                 _words(entry, "unless", where), _words(entry, "follow", where),
                 _words(entry, "corrected_by", where))  # fmt: skip


def _boilerplate(i: int, entry: dict[str, Any]) -> Boilerplate:
    where = f"boilerplate[{i}]."
    for key in ("name", "pattern", "example"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _fail(f"{where}{key}", "expected a non-empty string")
    try:
        pattern = re.compile(entry["pattern"])
    except re.error as exc:
        raise _fail(f"{where}pattern", f"invalid regular expression: {exc}") from None
    flags = {}
    for key in ("whole_line", "outside_quotes"):
        flags[key] = entry.get(key, False)
        if not isinstance(flags[key], bool):
            raise _fail(f"{where}{key}", "expected true or false")
    return Boilerplate(str(entry["name"]), pattern, str(entry["example"]),
                       flags["whole_line"], flags["outside_quotes"])


def parse_senses(path: Path) -> Senses:
    """Parse and validate senses.toml at *path* (uncached); ValueError names the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValueError(f"{FILE}: file missing in {path.parent}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{FILE}: invalid TOML: {exc}") from exc
    variants_raw = data.get("variants", {})
    if not isinstance(variants_raw, dict):
        raise _fail("variants", "expected a table")
    variants: dict[str, str] = {}
    for src, dst in variants_raw.items():
        if len(src) != 1 or not isinstance(dst, str) or len(dst) != 1:
            raise _fail(f"variants.{src}", "expected one character mapped to one character")
        variants[src] = dst
    regional_raw = data.get("regional", {})
    if not isinstance(regional_raw, dict):
        raise _fail("regional", "expected a table")
    regional: dict[str, str] = {}
    for src, dst in regional_raw.items():
        key = normalize_text(src)
        # one character is allowed too: Cantonese 唔 is 不 except in the longer 唔好 (不要)
        if not isinstance(dst, str) or not key or len(normalize_text(dst)) != len(key):
            raise _fail(f"regional.{src}", "expected a word mapped to a word of its length")
        if key in regional:
            raise _fail(f"regional.{src}", "duplicate word")
        regional[key] = normalize_text(dst)
    regional_re = (re.compile("|".join(re.escape(w) for w in sorted(regional, key=len,
                   reverse=True))) if regional else None)  # fmt: skip
    clauses = data.get("clauses", {})
    if not isinstance(clauses, dict):
        raise _fail("clauses", "expected a table")
    senses = data.get("sense", [])
    boiler = data.get("boilerplate", [])
    if not isinstance(senses, list) or not isinstance(boiler, list):
        raise _fail("sense", "expected arrays of tables [[sense]] and [[boilerplate]]")
    rules = tuple(_boilerplate(i, e) for i, e in enumerate(boiler))
    respell_raw = data.get("respell", [])
    if not isinstance(respell_raw, list):
        raise _fail("respell", "expected an array of [[respell]] tables")
    respell: list[tuple[re.Pattern[str], str]] = []
    for i, entry in enumerate(respell_raw):
        if not isinstance(entry, dict) or not isinstance(entry.get("replace"), str):
            raise _fail(f"respell[{i}]", "expected {pattern, replace}")
        try:
            pattern = re.compile(str(entry.get("pattern", "")))
        except re.error as exc:
            raise _fail(f"respell[{i}].pattern", f"invalid regular expression: {exc}") from None
        respell.append((pattern, str(entry["replace"])))
    sense_rules = tuple(_sense(i, e) for i, e in enumerate(senses))
    for topic in _words(clauses, "reaction_keeps", "clauses."):
        if topic not in TOPIC_IDS:
            raise _fail("clauses.reaction_keeps", f"unknown topic {topic!r}")
    ad_topic = str(clauses.get("ad_topic", ""))
    if ad_topic and ad_topic not in TOPIC_IDS:
        raise _fail("clauses.ad_topic", f"unknown topic {ad_topic!r}")
    return Senses(
        respell=tuple(respell),
        variants=variants,
        concessive=_words(clauses, "concessive", "clauses."),
        concessive_needs_main=_words(clauses, "concessive_needs_main", "clauses."),
        asserted=_words(clauses, "asserted", "clauses."),
        resume=_words(clauses, "resume", "clauses."),
        belief=_words(clauses, "belief", "clauses."),
        weakeners=_words(clauses, "weakeners", "clauses."),
        rejection=_words(clauses, "rejection", "clauses."),
        reported=_topic_map(data, "reported"),
        continues=_words(clauses, "reported_continues", "clauses."),
        lead_blockers=_words(clauses, "reported_blockers", "clauses."),
        shown=_words(clauses, "shown_words", "clauses."),
        turned_down=_words(clauses, "turned_down", "clauses."),
        reactions=_words(clauses, "reactions", "clauses."),
        reaction_triggers=_words(clauses, "reaction_triggers", "clauses."),
        reaction_blockers=_words(clauses, "reaction_blockers", "clauses."),
        reaction_keeps=_words(clauses, "reaction_keeps", "clauses."),
        scene_states=_words(clauses, "scene_states", "clauses."),
        say_speakers=_words(clauses, "say_speakers", "clauses."),
        speaker_labels=_words(clauses, "speaker_labels", "clauses."),
        said_continues=_words(clauses, "said_continues", "clauses."),
        never_came=_words(clauses, "never_came", "clauses."),
        self_callers=_words(clauses, "self_callers", "clauses."),
        distinctions=_words(clauses, "distinctions", "clauses."),
        pairings=_words(clauses, "pairings", "clauses."),
        pointed_pairs=_words(clauses, "pointed_pairs", "clauses."),
        calls=_words(clauses, "reported_calls", "clauses."),
        disbelief=_words(clauses, "reported_disbelief", "clauses."),
        false_leads=_words(clauses, "false_leads", "clauses."),
        fears=_words(clauses, "fears", "clauses."),
        fears_came_true=_words(clauses, "fears_came_true", "clauses."),
        quote_rejections=_words(clauses, "quote_rejections", "clauses."),
        quote_confirmations=_words(clauses, "quote_confirmations", "clauses."),
        belief_referents=_words(clauses, "belief_referents", "clauses."),
        alternatives=_words(clauses, "alternatives", "clauses."),
        content_leads=_words(clauses, "content_leads", "clauses."),
        content_nouns=_words(clauses, "content_nouns", "clauses."),
        ad_frames=_words(clauses, "ad_frames", "clauses."),
        ad_topic=ad_topic,
        received_verbs=_words(clauses, "received_verbs", "clauses."),
        received_leads=_words(clauses, "received_leads", "clauses."),
        received_denials=_words(clauses, "received_denials", "clauses."),
        received_keeps=_words(clauses, "received_keeps", "clauses."),
        speaker_leads=_words(clauses, "speaker_leads", "clauses."),
        impostor_speakers=_words(clauses, "impostor_speakers", "clauses."),
        collector_speakers=_words(clauses, "collector_speakers", "clauses."),
        seller_speakers=_words(clauses, "seller_speakers", "clauses."),
        rumor_speakers=_words(clauses, "rumor_speakers", "clauses."),
        list_announcers=_words(clauses, "list_announcers", "clauses."),
        message_nouns=_words(clauses, "message_nouns", "clauses."),
        as_said=_words(clauses, "as_said", "clauses."),
        threat_leads=_words(clauses, "threat_leads", "clauses."),
        threat_frames=_words(clauses, "threat_frames", "clauses."),
        threat_verbs=_words(clauses, "threat_verbs", "clauses."),
        senses=sense_rules,
        by_topic=_by_topic(sense_rules),
        boilerplate=rules,
        variant_table=str.maketrans(variants),
        regional=regional,
        regional_re=regional_re,
    )


@lru_cache(maxsize=4)
def load_senses(data_dir: str | None = None) -> Senses:
    """The validated senses.toml of *data_dir* (default: the package's data), cached."""
    return parse_senses(Path(data_dir or DATA_DIR) / FILE)


def map_variants(norm: str, senses: Senses) -> str:
    """Replace variant characters (壹 -> 一, 妳 -> 你), Taiwan and Hong Kong words with
    their mainland words (迟缴 -> 逾期, 联征 -> 征信, 简讯 -> 短信) and misspellings in
    context (花呗预期三天 -> 逾期); a fix whose length differs from what it replaces is
    skipped, so offsets into the original hold."""
    if senses.variant_table:
        norm = norm.translate(senses.variant_table)
    if senses.regional_re is not None and senses.regional and senses.regional_re.search(norm):
        table = senses.regional
        norm = senses.regional_re.sub(lambda m: table[m.group(0)], norm)
    prefilter = senses.respell_filter
    if prefilter is None:
        return norm
    # in file order, only the respellings whose required strings the text holds; a fix
    # changes the text, so what the later ones may match is read again after it
    todo = prefilter.candidates(norm)
    k = 0
    while k < len(todo):
        pattern, fixed = senses.respell[todo[k]]
        fixed_text = pattern.sub(partial(_same_length, fixed), norm)
        if fixed_text != norm:
            norm = fixed_text
            todo = [j for j in prefilter.candidates(norm) if j > todo[k]]
            k = 0
            continue
        k += 1
    return norm


def _same_length(fixed: str, m: re.Match[str]) -> str:
    """*fixed* when it is as long as the match (offsets hold), else the match unchanged."""
    return fixed if len(m.group(0)) == len(fixed) else m.group(0)


def _later_clause_opens(norm: str, clause_of: list[int], start: int,
                        words: tuple[str, ...]) -> bool:
    """True when the clause holding *start* (not the sentence's first) or a later one opens
    with one of *words*."""
    if not 0 <= start < len(clause_of) or not any(w in norm for w in words):
        return False  # (most sentences hold none of the words: no walk over the clauses)
    clause = clause_of[start]
    return any(clause_of[i] >= clause and clause_of[i - 1] != clause_of[i]
               and norm[i:].lstrip().startswith(words) for i in range(1, len(norm)))


def _following(norm: str, clause_of: list[int], clause: int, words: tuple[str, ...]) -> str:
    """The later clauses of *norm* after *clause* that hold one of *words*, joined.

    The first of *words* in each clause is blanked: it refers back to the person (他, 催收
    as the subject of 催收都会联系一遍) and is no act of its own, so 催收公司利用这一点
    after a clause naming the employer reaches no one.
    """
    later: dict[int, list[str]] = {}
    for ch, c in zip(norm, clause_of, strict=True):
        if c > clause:
            later.setdefault(c, []).append(ch)
    out = []
    for text in ("".join(chars) for chars in later.values()):
        found = [(text.find(word), word) for word in words if word in text]
        if found:
            pos, word = min(found)
            out.append("\u3000" + text[:pos] + "\u3000" * len(word) + text[pos + len(word):])
    return "".join(out)


#: Characters allowed between the two parts of a gapped context word (给…客服打).
_CONTEXT_GAP = 8
_CLAUSE_END = "，。；！？,.;!?\u3000"


def _ends_its_clause(norm: str, clause_of: list[int], start: int, cue: str) -> bool:
    """True when only the clause break follows the (plain) cue in its clause."""
    if GAP in cue:
        return False
    end = start + len(cue)
    return end < len(norm) and norm[end] in _CLAUSE_END and norm[end] not in "。.!！?？" \
        and clause_of[end] == clause_of[start]


@lru_cache(maxsize=512)
def _context_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled search for any of the context *words* (the same test as `_holds` on each:
    a plain word anywhere, "a…b" as a then b a few characters apart); None for no words."""
    if not words:
        return None
    gap = f"[^{re.escape(_CLAUSE_END)}]{{0,{_CONTEXT_GAP}}}?"
    parts = []
    for word in words:
        if GAP in word:
            head, tail = word.split(GAP, 1)
            parts.append(re.escape(head) + gap + re.escape(tail))
        else:
            parts.append(re.escape(word))
    return re.compile("|".join(parts))


def compile_context_patterns(senses: Senses) -> int:
    """Compile every rule's context search now (what `apply_senses` otherwise compiles on
    the first sentence each rule reads); return how many patterns there are.

    For the stages' warm-up (pipeline.stages_warmup): a worker forked after it inherits
    the patterns instead of compiling a hundred or so of them on its first pages.
    """
    return len({_context_pattern(rule.context) for rule in senses.senses})


def _by_topic(rules: tuple[Sense, ...]) -> dict[str, tuple[Sense, ...]]:
    """The rules of each topic, in the order of the senses file."""
    index: dict[str, list[Sense]] = {}
    for rule in rules:
        index.setdefault(rule.topic, []).append(rule)
    return {topic: tuple(found) for topic, found in index.items()}


def apply_senses(
    norm: str, clause_of: list[int], evidence_topics: list[tuple[str, str, int]], senses: Senses
) -> list[tuple[str | None, str]]:
    """Re-read each (topic, cue, start) by the context filters.

    Returns, per input, (new topic or None to drop it, the rule name or "").
    """
    out: list[tuple[str | None, str]] = []
    clause_texts: dict[int, str] = {}
    for topic, cue, start in evidence_topics:
        result: tuple[str | None, str] = (topic, "")
        for rule in senses.by_topic.get(topic, ()):
            if rule.cues and cue not in rule.cues:
                continue
            if rule.corrected_by and _later_clause_opens(norm, clause_of, start,
                                                         rule.corrected_by):
                continue
            if rule.scope == "after" and 0 <= start < len(clause_of):
                begin = start + (len(cue) if GAP not in cue else 1)
                end = begin
                while end < len(norm) and clause_of[end] == clause_of[start]:
                    end += 1
                scope = norm[begin:end]
            elif rule.scope == "clause" and 0 <= start < len(clause_of):
                clause = clause_of[start]
                if clause not in clause_texts:
                    clause_texts[clause] = clause_text(norm, clause_of, clause)
                scope = clause_texts[clause]
                if rule.action == "require" and _ends_its_clause(norm, clause_of, start, cue):
                    # 对借款人的紧急联系人，一天最多只能联系一次: a clause that ends with the cue
                    # names what the next clause is about; the act a rule requires may be there
                    # (round y)
                    scope += "\u3000" + clause_text(norm, clause_of, clause + 1)
                if rule.follow:
                    scope += _following(norm, clause_of, clause, rule.follow)
            else:
                scope = norm
            for word in rule.unless:
                scope = scope.replace(word, "\u3000" * len(word))
            pattern = _context_pattern(rule.context)
            present = pattern is not None and pattern.search(scope) is not None
            if rule.action == "require":
                if not present:
                    result = (None, rule.name)
                    break
            elif present:
                result = (None if rule.action == "drop" else rule.action, rule.name)
                break
        out.append(result)
    return out
