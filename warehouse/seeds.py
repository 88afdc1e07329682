"""Seed tables: topics and products (from the tagger's data), reference rules and topic events
(our data files).

Refreshed inside every load's transaction, so the tables always match the
data files of the code that loaded the claims.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import duckdb

from pipeline.claims.taxonomy import TOPIC_IDS
from pipeline.normalize import to_traditional
from warehouse.connect import WarehouseError

RULES_FILE = "seeds/reference_rules.toml"
TOPIC_NAMES_FILE = "seeds/topic_names.toml"
EVENTS_FILE = "seeds/topic_events.toml"
_CONFIDENCE = {"high", "medium", "low"}
_CONFLICTS = {"affirms", "denies", "threshold"}
_ANCHORS = {"overdue", "retention", "installment"}


@dataclass(frozen=True, slots=True)
class ReferenceRule:
    """One row of `reference_rules`."""

    rule_id: str
    topic: str
    products: tuple[str, ...]
    statement: str
    statement_zh: str | None
    source: str
    article: str | None
    confidence: str
    conflicts_with: str | None
    anchor: str | None
    min_days: int | None
    max_days: int | None
    note: str | None
    agree_cues: tuple[str, ...] = ()
    violation_cues: tuple[str, ...] = ()


def _cue_list(value: Any, where: str) -> tuple[str, ...]:
    """A list of non-empty cue strings, with the Traditional-script form of each added."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise WarehouseError(f"{where}: must be a list of non-empty strings")
    return tuple(dict.fromkeys(form for cue in value for form in (cue, to_traditional(cue))))


def _rule(raw: dict[str, Any], where: str, violation_framing: tuple[str, ...] = ()
          ) -> ReferenceRule:
    def text(key: str, required: bool = False) -> str | None:
        value = raw.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value:
            raise WarehouseError(f"{where}.{key}: must be a non-empty string")
        return value

    def days(key: str) -> int | None:
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            raise WarehouseError(f"{where}.{key}: must be a whole number of days >= 0")
        return value

    unknown = sorted(set(raw) - {"id", "topic", "products", "statement", "statement_zh",
                                 "source", "article", "confidence", "conflicts_with", "anchor",
                                 "min_days", "max_days", "note", "agrees_if", "violation_if"})
    if unknown:
        raise WarehouseError(f"{where}.{unknown[0]}: unknown key")
    products = raw.get("products", [])
    if not isinstance(products, list) or not all(isinstance(p, str) for p in products):
        raise WarehouseError(f"{where}.products: must be a list of strings")
    confidence = text("confidence", True)
    if confidence not in _CONFIDENCE:
        raise WarehouseError(f"{where}.confidence: must be one of {sorted(_CONFIDENCE)}")
    conflicts = text("conflicts_with")
    if conflicts is not None and conflicts not in _CONFLICTS:
        raise WarehouseError(f"{where}.conflicts_with: must be one of {sorted(_CONFLICTS)}")
    anchor = text("anchor")
    if anchor is not None and anchor not in _ANCHORS:
        raise WarehouseError(f"{where}.anchor: must be one of {sorted(_ANCHORS)}")
    min_days, max_days = days("min_days"), days("max_days")
    if conflicts == "threshold" and (anchor is None or (min_days is None and max_days is None)):
        raise WarehouseError(f"{where}.conflicts_with: a threshold rule needs anchor and days")
    agree = _cue_list(raw.get("agrees_if", []), f"{where}.agrees_if")
    violation = _cue_list(raw.get("violation_if", []), f"{where}.violation_if")
    return ReferenceRule(
        agree_cues=agree, violation_cues=(*violation_framing, *violation),
        rule_id=str(text("id", True)), topic=str(text("topic", True)), products=tuple(products),
        statement=str(text("statement", True)), statement_zh=text("statement_zh"),
        source=str(text("source", True)), article=text("article"), confidence=confidence,
        conflicts_with=conflicts, anchor=anchor, min_days=min_days, max_days=max_days,
        note=text("note"),
    )


def parse_rules(toml_text: str, source: str = RULES_FILE) -> list[ReferenceRule]:
    """Parse and validate reference rules; errors name the file, the rule and the key."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{source}: invalid TOML: {exc}") from None
    rows = data.get("rule")
    if not isinstance(rows, list) or not rows:
        raise WarehouseError(f"{source}: rule: expected [[rule]] tables")
    framing = data.get("framing", {})
    if not isinstance(framing, dict) or set(framing) - {"violation"}:
        raise WarehouseError(f"{source}: framing: expected a table with the key violation")
    violation = _cue_list(framing.get("violation", []), f"{source}: framing.violation")
    rules = [_rule(raw, f"{source}: rule[{i}]", violation) for i, raw in enumerate(rows)]
    ids = [r.rule_id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise WarehouseError(f"{source}: rule id '{dupes[0]}' is used twice")
    return rules


def reference_rules() -> list[ReferenceRule]:
    """The reference rules shipped with yuqi."""
    text = resources.files("warehouse").joinpath(RULES_FILE).read_text("utf-8")
    return parse_rules(text)


def parse_topic_names(toml_text: str, source: str = TOPIC_NAMES_FILE
                      ) -> dict[str, tuple[str, str]]:
    """Topic id -> (Chinese name, English gloss); errors name the file and the key."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{source}: invalid TOML: {exc}") from None
    names = {}
    for topic, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != {"zh", "en"} or not all(
                isinstance(v, str) and v.strip() for v in entry.values()):
            raise WarehouseError(f"{source}: {topic}: expected zh = \"...\" and en = \"...\"")
        names[topic] = (str(entry["zh"]).strip(), str(entry["en"]).strip())
    return names


def topic_names() -> dict[str, tuple[str, str]]:
    """The topic names shipped with yuqi."""
    text = resources.files("warehouse").joinpath(TOPIC_NAMES_FILE).read_text("utf-8")
    return parse_topic_names(text, f"warehouse/{TOPIC_NAMES_FILE}")


@dataclass(frozen=True, slots=True)
class TopicEvent:
    """One row of `topic_events`: an event of a topic and the words that name it."""

    topic: str
    event: str
    name_zh: str
    triggers: tuple[str, ...]  # Simplified and Traditional forms
    over: tuple[str, ...] = ()  # events of the topic it overrides when both are named


def parse_topic_events(toml_text: str, source: str = EVENTS_FILE) -> list[TopicEvent]:
    """Parse and validate topic events; errors name the file, the event and the key."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{source}: invalid TOML: {exc}") from None
    rows = data.get("event")
    if set(data) - {"event", "markers"} or not isinstance(rows, list) or not rows:
        raise WarehouseError(f"{source}: event: expected [[event]] tables and [markers]")
    events: list[TopicEvent] = []
    for i, raw in enumerate(rows):
        where = f"{source}: event[{i}]"
        if not isinstance(raw, dict):
            raise WarehouseError(f"{where}: expected a table")
        unknown = sorted(set(raw) - {"topic", "id", "name_zh", "triggers", "over"})
        if unknown:
            raise WarehouseError(f"{where}.{unknown[0]}: unknown key")
        for key in ("topic", "id", "name_zh"):
            if not isinstance(raw.get(key), str) or not str(raw[key]).strip():
                raise WarehouseError(f"{where}.{key}: must be a non-empty string")
        if raw["topic"] not in TOPIC_IDS:
            raise WarehouseError(f"{where}.topic: unknown topic '{raw['topic']}'")
        triggers = _cue_list(raw.get("triggers"), f"{where}.triggers")
        if not triggers:
            raise WarehouseError(f"{where}.triggers: must name at least one word")
        over = raw.get("over", [])
        if not isinstance(over, list) or not all(isinstance(o, str) and o for o in over):
            raise WarehouseError(f"{where}.over: must be a list of event ids")
        events.append(TopicEvent(str(raw["topic"]), str(raw["id"]), str(raw["name_zh"]),
                                 triggers, tuple(over)))
    keys = [(e.topic, e.event) for e in events]
    for i, e in enumerate(events):
        missing = [o for o in e.over if (e.topic, o) not in keys or o == e.event]
        if missing:
            raise WarehouseError(f"{source}: event[{i}].over: '{missing[0]}' is no other "
                                 f"event of topic '{e.topic}'")
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise WarehouseError(f"{source}: event '{dupes[0][1]}' of topic '{dupes[0][0]}' is "
                             "defined twice")
    return events


MARKER_KINDS = ("definition", "condition", "anecdote", "timing", "partial")


def parse_markers(toml_text: str, source: str = EVENTS_FILE) -> dict[str, tuple[str, ...]]:
    """The [markers] table: kind -> words (Traditional forms added); errors name the key."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{source}: invalid TOML: {exc}") from None
    raw = data.get("markers", {})
    if not isinstance(raw, dict) or set(raw) != set(MARKER_KINDS):
        raise WarehouseError(f"{source}: markers: expected the keys {', '.join(MARKER_KINDS)}")
    return {kind: _cue_list(raw[kind], f"{source}: markers.{kind}") for kind in MARKER_KINDS}


def proposition_markers() -> dict[str, tuple[str, ...]]:
    """The definition, condition, anecdote, timing and partial markers shipped with yuqi."""
    text = resources.files("warehouse").joinpath(EVENTS_FILE).read_text("utf-8")
    return parse_markers(text, f"warehouse/{EVENTS_FILE}")


def claim_markers(kind: str, text: str, markers: Mapping[str, tuple[str, ...]]
                  ) -> tuple[str, ...]:
    """The markers of *kind* a sentence holds (sorted), as the claim_markers macro finds them."""
    return tuple(sorted({w for w in markers[kind] if w in text}))


def topic_events() -> list[TopicEvent]:
    """The topic events shipped with yuqi."""
    text = resources.files("warehouse").joinpath(EVENTS_FILE).read_text("utf-8")
    return parse_topic_events(text, f"warehouse/{EVENTS_FILE}")


def claim_events(topic: str, text: str, events: Sequence[TopicEvent]) -> tuple[str, ...]:
    """The events of *topic* a sentence names (sorted), as the warehouse's claim_events
    macro finds them: the answers eval computes the truth's events with it."""
    named = [e for e in events if e.topic == topic and any(t in text for t in e.triggers)]
    overridden = {o for e in named for o in e.over}
    return tuple(sorted({e.event for e in named if e.event not in overridden}))


def events_comparable(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two claims' events on a topic are about the same thing: they overlap, or neither
    names one (the events_comparable macro of migration 0021)."""
    return (not a and not b) or bool(set(a) & set(b))


def refresh_seed_tables(
    con: duckdb.DuckDBPyConnection,
    topics: Sequence[dict[str, Any]],
    products: Sequence[dict[str, Any]],
    tagger_version: str,
) -> None:
    """Replace topics, products, reference_rules, topic_events and proposition_markers
    (inside the load's transaction)."""
    con.execute("DELETE FROM topics")
    con.execute("DELETE FROM products")
    con.execute("DELETE FROM reference_rules")
    con.execute("DELETE FROM topic_events")
    con.execute("DELETE FROM proposition_markers")
    if topics:
        names = topic_names()
        con.executemany(
            "INSERT INTO topics (id, description, cues, tagger_version, name_zh, name_en)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(t["id"], t.get("description"), list(t.get("cues", [])), tagger_version,
              *names.get(t["id"], (None, None))) for t in topics],
        )
    if products:
        con.executemany(
            "INSERT INTO products VALUES (?, ?, ?)",
            [(p["canonical"], list(p.get("aliases", [])), tagger_version) for p in products],
        )
    con.executemany(
        "INSERT INTO reference_rules (rule_id, topic, products, statement, statement_zh, source,"
        " article, confidence, conflicts_with, anchor, min_days, max_days, note, agree_cues,"
        " violation_cues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.rule_id, r.topic, list(r.products), r.statement, r.statement_zh, r.source,
          r.article, r.confidence, r.conflicts_with, r.anchor, r.min_days, r.max_days, r.note,
          list(r.agree_cues), list(r.violation_cues))
         for r in reference_rules()],
    )
    con.executemany(
        "INSERT INTO topic_events (topic, event, name_zh, triggers, over)"
        " VALUES (?, ?, ?, ?, ?)",
        [(e.topic, e.event, e.name_zh, list(e.triggers), list(e.over))
         for e in topic_events()],
    )
    con.executemany("INSERT INTO proposition_markers (kind, words) VALUES (?, ?)",
                    [(k, list(v)) for k, v in proposition_markers().items()])
