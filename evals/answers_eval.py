"""Answer-level evaluation: what the report says on the demo web, against the same answer
computed from the demo web's truth (issue 15).

Runs `yuqi demo` into a temporary data directory (a real crawl, load and report), then
reads the answers from the warehouse views the report reads, and computes each answer
again from the truth records (truth clusters, truth claim labels) with the same
definitions (README "What the figures mean"):

- stance shares per topic: a source (truth cluster) counts once per topic with its net
  stance over its descriptive claim families, a family counting for its earliest copy;
  figure: the largest error in percentage points over topics with >= 10 truth sources;
- contradiction pairs (topic, product, affirming sentence, denying sentence): precision
  and recall against the pairs the truth labels give under the same rules (different
  sources, hedges that clash, the same proposition: overlapping product scope, comparable
  durations, events, stated conditions and timing from warehouse/seeds/topic_events.toml);
- threshold lists: the (topic, anchor, days) entries of the threshold chart with the number
  of sources naming each; figure: the share of entries with the same count;
- self-contradicting pages: (page, topic) pairs, precision and recall;
- rule conflicts: precision, a reported conflict being right when the sentence's truth
  labels conflict with the same rule.

Usage: ``python -m evals.answers_eval`` (part of ``make eval``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from demo.truth import truth_records
from pipeline.claim_families import (
    FamilyIndex,
    FamilyMember,
    family_text,
    label_signature,
    product_names,
)
from pipeline.normalize import normalize_text
from reports.answers import read_answers
from reports.build import SHARE_STANCES, WARNING_TOPICS
from warehouse.connect import warehouse_path
from warehouse.seeds import (
    ReferenceRule,
    TopicEvent,
    claim_events,
    claim_markers,
    events_comparable,
    proposition_markers,
    reference_rules,
    topic_events,
)

MIN_SOURCES = 10  # topics with fewer truth sources are printed, not gated


@dataclass(frozen=True, slots=True)
class Family:
    """One claim family of the truth: its earliest copy's labels and truth cluster."""

    key: str
    cluster: str
    topics: tuple[str, ...]
    stance: str
    modality: str
    hedge: str
    products: tuple[str, ...]
    min_days: int | None
    max_days: int | None
    anchor: str | None
    text: str = ""  # the earliest copy's sentence as published (events are read from it)


def _key(text: str) -> str:
    return normalize_text(text).strip()


def _family(rec: Mapping[str, Any], claim: Mapping[str, Any]) -> Family:
    """A truth claim of a truth page, as a Family (its own, before families merge)."""
    threshold = claim.get("threshold") or {}
    return Family(_key(str(claim["text"])), str(rec["cluster"]), tuple(claim["topics"]),
                  str(claim["stance"]), str(claim["modality"]), str(claim["hedge"]),
                  tuple(claim.get("products") or ()), threshold.get("min_days"),
                  threshold.get("max_days"), threshold.get("anchor"), str(claim["text"]))


def truth_families(records: Iterable[Mapping[str, Any]],
                   ties: Mapping[str, tuple[str, str]] | None = None) -> list[Family]:
    """Every truth claim family, attributed to the truth cluster of its earliest copy.

    Families are fuzzy as in the warehouse (pipeline.claim_families: the same truth
    labels, texts with product names masked that differ by small edits), placed earliest
    copy first. "Earliest" is by publication day, as the warehouse stores it (a DATE);
    copies published the same day are ordered as the warehouse orders them, by *ties*
    (URL path -> (first seen, doc id)): which of two same-day copies counts is a
    convention, not something the truth knows.
    """
    copies: list[tuple[tuple[str, ...], Family, str]] = []
    for rec in records:
        if rec.get("deleted_day") is not None:
            continue
        path = urlsplit(str(rec["url"])).path
        order = (str(rec["published"])[:10], *(ties or {}).get(path, ("", path)))
        for claim in rec["claims"]:
            fam = _family(rec, claim)
            copies.append((order, fam, str(claim["text"])))
    copies.sort(key=lambda c: c[0])
    index = FamilyIndex()
    aliases = product_names()
    earliest: dict[str, Family] = {}
    for _, fam, text in copies:
        signature = label_signature(fam.topics, fam.stance, fam.modality, fam.hedge,
                                    fam.min_days, fam.max_days)
        family = index.place(FamilyMember(fam.key, signature, family_text(text, aliases)))
        earliest.setdefault(f"{family}|{signature}", fam)  # a family is (id, labels)
    return list(earliest.values())


def net_stance(stances: set[str]) -> str:
    """The README's net stance of a source on a topic."""
    if {"affirms", "denies"} <= stances:
        return "mixed"
    return next(s for s in ("affirms", "conditional", "denies") if s in stances)


def truth_shares(families: Sequence[Family]) -> dict[str, dict[str, int]]:
    """Sources per topic and net stance (descriptive families, warning topics left out)."""
    said: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fam in families:
        if fam.modality != "descriptive" or fam.stance not in ("affirms", "conditional",
                                                                "denies"):
            continue
        for topic in fam.topics:
            if topic not in WARNING_TOPICS:
                said[(topic, fam.cluster)].add(fam.stance)
    shares: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SHARE_STANCES, 0))
    for (topic, _), stances in said.items():
        shares[topic][net_stance(stances)] += 1
    return dict(shares)


def _durations_overlap(a: Family, b: Family) -> bool:
    """durations_comparable of migration 0016: neither names one, or both and they overlap."""
    a_has = a.min_days is not None or a.max_days is not None
    b_has = b.min_days is not None or b.max_days is not None
    if not a_has and not b_has:
        return True
    if a_has != b_has:
        return False
    big = 2**31 - 1
    return ((a.min_days or 0) <= (big if b.max_days is None else b.max_days)
            and (b.min_days or 0) <= (big if a.max_days is None else a.max_days))


def _products_overlap(a: Family, b: Family, markers: Mapping[str, tuple[str, ...]]) -> bool:
    """Overlapping product scope: they share a product, or one side names none and does
    not speak of some lenders only while the other names one (same_proposition, 0021)."""
    def general(x: Family, other: Family) -> bool:
        return not x.products and not (other.products
                                       and claim_markers("partial", x.text, markers))
    return general(a, b) or general(b, a) or bool(set(a.products) & set(b.products))


def _comparable(a: Family, b: Family, markers: Mapping[str, tuple[str, ...]]) -> bool:
    """hedges_clash (an anecdote counting as a possibility, migration 0021) and
    durations_comparable."""
    a_hedge = a.hedge
    if a_hedge == "none" and claim_markers("anecdote", a.text, markers):
        a_hedge = "possibility"
    if a_hedge == "possibility" and b.hedge == "frequency":
        return False
    return _durations_overlap(a, b)


def _compared(fam: Family, markers: Mapping[str, tuple[str, ...]]) -> Family | None:
    """The family as v_claim_propositions compares it (a claim conditional only on an
    overdue duration affirms for it), or None when it is not compared (not descriptive,
    no affirmation or denial, a definition)."""
    if (fam.stance == "conditional" and fam.anchor == "overdue"
            and (fam.min_days is not None or fam.max_days is not None)
            and not claim_markers("condition", fam.text, markers)):
        fam = replace(fam, stance="affirms")
    if (fam.modality != "descriptive" or fam.stance not in ("affirms", "denies")
            or claim_markers("definition", fam.text, markers)):
        return None
    return fam


def _same_proposition(topic: str, a: Family, d: Family, events: Sequence[TopicEvent],
                      markers: Mapping[str, tuple[str, ...]]) -> bool:
    """events_comparable (events, stated conditions) and timing_comparable of migration
    0021, for an affirming family *a* and a denying family *d*."""
    deny_timing = set(claim_markers("timing", d.text, markers))
    return (events_comparable(claim_events(topic, a.text, events),
                              claim_events(topic, d.text, events))
            and events_comparable(claim_markers("condition", a.text, markers),
                                  claim_markers("condition", d.text, markers))
            and (not deny_timing
                 or bool(deny_timing & set(claim_markers("timing", a.text, markers)))))


def truth_pairs(families: Sequence[Family], events: Sequence[TopicEvent] | None = None
                ) -> set[tuple[str, str | None, str, str]]:
    """(topic, product, affirming key, denying key) of every truth contradiction: the same
    rules as v_contradictions, events (*events*, the shipped ones by default) included."""
    known = topic_events() if events is None else events
    markers = proposition_markers()
    sides: dict[tuple[str, str], list[Family]] = defaultdict(list)
    for family in families:
        fam = _compared(family, markers)
        if fam is None:
            continue
        for topic in fam.topics:
            if topic not in WARNING_TOPICS:  # quoted, never compared (migration 0021)
                sides[(topic, fam.stance)].append(fam)
    pairs = set()
    for (topic, stance), affirming in sides.items():
        if stance != "affirms":
            continue
        for a in affirming:
            for d in sides.get((topic, "denies"), []):
                if (a.cluster == d.cluster or not _comparable(a, d, markers)
                        or not _same_proposition(topic, a, d, known, markers)):
                    continue
                if not _products_overlap(a, d, markers):
                    continue
                for pa in a.products or (None,):
                    for pd in d.products or (None,):
                        if pa is None or pd is None or pa == pd:
                            pairs.add((topic, pa or pd, a.key, d.key))
    return pairs


def truth_thresholds(families: Sequence[Family]) -> dict[tuple[str, str, int], int]:
    """(topic, anchor, days) -> truth sources naming that duration, as the report's
    threshold chart counts them (reports/queries/threshold_days.sql)."""
    said: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for fam in families:
        days = fam.min_days if fam.min_days is not None else fam.max_days
        if (fam.stance in ("affirms", "denies", "conditional") and fam.anchor is not None
                and days is not None):
            for topic in fam.topics:
                said[(topic, fam.anchor, days)].add(fam.cluster)
    return {key: len(clusters) for key, clusters in said.items()}


def truth_self_contradictions(records: Iterable[Mapping[str, Any]],
                              events: Sequence[TopicEvent] | None = None
                              ) -> set[tuple[str, str]]:
    """(URL path, topic) of every live truth page that affirms and denies the same
    proposition (v_self_contradictions: any hedges, overlapping products)."""
    known = topic_events() if events is None else events
    markers = proposition_markers()
    found = set()
    for rec in records:
        if rec.get("deleted_day") is not None:
            continue
        sides: dict[tuple[str, str], list[Family]] = defaultdict(list)
        for claim in rec["claims"]:
            fam = _compared(_family(rec, claim), markers)
            if fam is None:
                continue
            for topic in fam.topics:
                if topic not in WARNING_TOPICS:
                    sides[(topic, fam.stance)].append(fam)
        for (topic, stance), affirming in sides.items():
            if stance == "affirms" and any(
                    _durations_overlap(a, d) and _products_overlap(a, d, markers)
                    and _same_proposition(topic, a, d, known, markers)
                    for a in affirming for d in sides.get((topic, "denies"), [])):
                found.add((urlsplit(str(rec["url"])).path, topic))
    return found


def conflicts_with(rule: ReferenceRule, fam: Family) -> bool:
    """Whether a family's truth labels conflict with *rule*, as v_rule_conflicts decides."""
    if rule.topic not in fam.topics or fam.modality != "descriptive":
        return False
    if any(cue in fam.key for cue in (*rule.agree_cues, *rule.violation_cues)):
        return False  # agrees with the rule, or reports a violation (migration 0017)
    if rule.products and not set(rule.products) & set(fam.products):
        return False
    if rule.conflicts_with in ("affirms", "denies"):
        return fam.stance == rule.conflicts_with
    if fam.anchor != rule.anchor or fam.stance == "question":
        return False
    low = fam.max_days if fam.max_days is not None else fam.min_days
    high = fam.min_days if fam.min_days is not None else fam.max_days
    return ((low is not None and low < (rule.min_days if rule.min_days is not None else -1))
            or (high is not None and high > (rule.max_days if rule.max_days is not None
                                             else 2**31 - 1)))


@dataclass(frozen=True, slots=True)
class Answers:
    """What the warehouse (the report's views) answers."""

    shares: dict[str, dict[str, int]]
    pairs: set[tuple[str, str | None, str, str]]
    conflicts: list[tuple[str, str]]  # (rule_id, sentence key)
    ties: dict[str, tuple[str, str]]  # URL path -> (first seen, doc id): same-day order
    families: tuple[int, int] = (0, 0)  # (exact sentences, fuzzy claim families)
    lineage: tuple[tuple[str, str], ...] = ()  # (path, source path) of v_section_lineage
    thresholds: dict[tuple[str, str, int], int] | None = None  # (topic, anchor, days) -> sources
    self_contradictions: frozenset[tuple[str, str]] = frozenset()  # (URL path, topic)


def warehouse_answers(db: Path) -> Answers:
    """The report's answers (reports.answers), keyed for comparison with the truth."""
    rows = read_answers(db)
    shares: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SHARE_STANCES, 0))
    for topic, stance, n in rows.shares:
        if topic not in WARNING_TOPICS:
            shares[topic][stance] = n
    return Answers(dict(shares), {(t, p, _key(a), _key(d)) for t, p, a, d in rows.pairs},
                   [(r, _key(t)) for r, t in rows.conflicts],
                   {urlsplit(u).path: (f, d) for u, f, d in rows.documents}, rows.families,
                   tuple((urlsplit(u).path, urlsplit(v).path) for u, v in rows.lineage),
                   {(t, a, d): n for t, a, d, n in rows.thresholds},
                   frozenset((urlsplit(u).path, t) for u, t in rows.self_contradictions))


def _pct(counts: Mapping[str, int], stance: str) -> float:
    total = sum(counts.values())
    return 100.0 * counts.get(stance, 0) / total if total else 0.0


def compare(got: Answers, families: Sequence[Family],
            records: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """Per-topic share errors, pair precision/recall, threshold-list agreement,
    self-contradicting pages against those of the truth *records*, rule-conflict
    precision."""
    truth = truth_shares(families)
    topics = {}
    for topic, counts in sorted(truth.items()):
        mine = got.shares.get(topic, dict.fromkeys(SHARE_STANCES, 0))
        error = max(abs(_pct(mine, s) - _pct(counts, s)) for s in SHARE_STANCES)
        topics[topic] = {"truth_sources": sum(counts.values()),
                         "sources": sum(mine.values()), "max_error_points": error}
    gated = [t["max_error_points"] for t in topics.values() if t["truth_sources"] >= MIN_SOURCES]
    want = truth_pairs(families)
    hit = got.pairs & want
    by_key = {f.key: f for f in families}
    rules = {r.rule_id: r for r in reference_rules()}
    right = sum(1 for rule_id, key in got.conflicts
                if key in by_key and rule_id in rules and conflicts_with(rules[rule_id],
                                                                         by_key[key]))
    selfs = truth_self_contradictions(records)
    self_hit = got.self_contradictions & selfs
    want_days = truth_thresholds(families)
    got_days = got.thresholds or {}
    entries = set(want_days) | set(got_days)
    same_days = sum(1 for k in entries if want_days.get(k) == got_days.get(k))
    return {
        "topics": topics,
        "share_max_error_points": max(gated) if gated else 0.0,
        "threshold_agreement": same_days / len(entries) if entries else 1.0,
        "self_contradictions": (len(got.self_contradictions), len(selfs), len(self_hit)),
        "self_precision": (len(self_hit) / len(got.self_contradictions)
                           if got.self_contradictions else 1.0),
        "self_recall": len(self_hit) / len(selfs) if selfs else 1.0,
        "thresholds": (len(got_days), len(want_days), same_days),
        "pair_precision": len(hit) / len(got.pairs) if got.pairs else 1.0,
        "pair_recall": len(hit) / len(want) if want else 1.0,
        "pairs": (len(got.pairs), len(want), len(hit)),
        "rule_conflict_precision": right / len(got.conflicts) if got.conflicts else 1.0,
        "rule_conflicts": (len(got.conflicts), right),
        "families": got.families,
    }


def run_demo(data_dir: Path) -> Path:
    """`yuqi demo` into *data_dir* (a real crawl of the demo web); the warehouse file."""
    proc = subprocess.run([sys.executable, "-m", "yuqi", "demo", "--data-dir", str(data_dir),
                           "--port", "0"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"yuqi demo failed ({proc.returncode}): {proc.stderr[-500:]}")
    return warehouse_path(data_dir)


def report() -> dict[str, Any]:
    """Run the demo job and compare its answers with the truth's."""
    with tempfile.TemporaryDirectory(prefix="yuqi-answers-") as tmp:
        db = run_demo(Path(tmp) / "data")
        got = warehouse_answers(db)
    records: list[Mapping[str, Any]] = list(truth_records("http://127.0.0.1"))
    result = compare(got, truth_families(records, got.ties), records)
    result["truth_families"] = (len(exact_keys(records)), len(truth_families(records, got.ties)))
    result["lineage"] = lineage_found(got.lineage, records)
    return result


def lineage_found(lineage: Iterable[tuple[str, str]], records: Sequence[Mapping[str, Any]]
                  ) -> tuple[int, int, int]:
    """(cluster pairs reported, truth composites, truth composites found): a composite is
    found when the report's section lineage links its cluster with the one it copies."""
    cluster = {urlsplit(str(r["url"])).path: str(r["cluster"]) for r in records}
    got = {frozenset((cluster[a], cluster[b])) for a, b in lineage if a in cluster and b in cluster}
    want = {frozenset((str(r["cluster"]), str(r["lineage"][0]))) for r in records
            if r.get("lineage") and r.get("deleted_day") is None}
    return len(got), len(want), len(got & want)


def exact_keys(records: Iterable[Mapping[str, Any]]) -> set[str]:
    """The truth's exact claim families: distinct normalized sentences of live pages."""
    return {_key(str(c["text"])) for r in records if r.get("deleted_day") is None
            for c in r["claims"]}


def run_and_print() -> dict[str, Any]:
    """Print the answer-level figures; return them."""
    result = report()
    print("answers (demo web, day 0): the report's answers vs the same answers from the truth")
    print(f"  {'topic':<20} {'truth sources':>13} {'sources':>8} {'max share error':>16}")
    for topic, row in result["topics"].items():
        gated = "" if row["truth_sources"] >= MIN_SOURCES else "  (not gated: < 10 sources)"
        print(f"  {topic:<20} {row['truth_sources']:>13} {row['sources']:>8} "
              f"{row['max_error_points']:>13.1f} pt{gated}")
    got, want, hit = result["pairs"]
    print(f"  stance shares: largest error {result['share_max_error_points']:.1f} points "
          f"(topics with >= {MIN_SOURCES} truth sources)")
    print(f"  contradiction pairs: {got} reported, {want} in the truth, {hit} both: precision "
          f"{result['pair_precision']:.3f}, recall {result['pair_recall']:.3f}")
    shown, truth, same = result["thresholds"]
    print(f"  threshold lists: {shown} (topic, anchor, days) entries reported, {truth} in the "
          f"truth, {same} with the same source count: agreement "
          f"{result['threshold_agreement']:.3f}")
    shown, truth, same = result["self_contradictions"]
    print(f"  self-contradicting pages (page, topic): {shown} reported, {truth} in the truth, "
          f"{same} both: precision {result['self_precision']:.3f}, recall "
          f"{result['self_recall']:.3f}")
    exact, fuzzy = result["families"]
    t_exact, t_fuzzy = result["truth_families"]
    print(f"  claim families: {exact} exact sentences -> {fuzzy} fuzzy families "
          f"(truth: {t_exact} -> {t_fuzzy})")
    pairs, composites, found = result["lineage"]
    print(f"  section lineage: {pairs} source pairs reported; {found} of {composites} composite "
          "stories linked to the story they copy (the other pairs share sections the "
          "generator stitched)")
    shown, right = result["rule_conflicts"]
    print(f"  rule conflicts: {shown} reported, {right} right by the truth labels: precision "
          f"{result['rule_conflict_precision']:.3f}")
    return result


if __name__ == "__main__":
    run_and_print()
