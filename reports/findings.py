"""The report's "What we found": a few plain sentences, numbers inline, each linking to its
section, so the weekly reader learns what matters before any table.

Built only from what the report's queries already returned (the gathered context), so
every number in a finding is one the section it links to shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DISAGREEMENT_MIN_SOURCES = 5  # a topic needs this many sources to be called disputed
# A topic is called disputed when at least this many sources stand on its smaller side.
DISAGREEMENT_MIN_MINORITY = 2
TOP_TOPICS = 3
NAMED_ARTICLES = 3  # articles named per kind of change


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence of the findings block, the section it comes from, and its figures."""

    kind: str
    text: str
    href: str
    figures: Mapping[str, Any]
    chart: Any = None  # an inline SVG (Markup) shown under the sentence, when it has one


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def disagreement(shares: Mapping[str, int]) -> float:
    """How many sources stand on the smaller side of a topic: those saying it happens
    (affirms, conditional) against those saying it does not (denies); a source that says
    both (mixed) counts half on each side. 0 means every source agrees."""
    yes = shares.get("affirms", 0) + shares.get("conditional", 0) + shares.get("mixed", 0) / 2
    no = shares.get("denies", 0) + shares.get("mixed", 0) / 2
    return min(yes, no)


def _disputed(topics: Sequence[Mapping[str, Any]], label: Any) -> list[Finding]:
    ranked = sorted((t for t in topics if t["total"] >= DISAGREEMENT_MIN_SOURCES),
                    key=lambda t: (-disagreement(t["shares"]), -t["total"], t["id"]))
    found = []
    for t in ranked[:TOP_TOPICS]:
        if disagreement(t["shares"]) < DISAGREEMENT_MIN_MINORITY:
            break
        pct = t["percent"]
        found.append(Finding(
            "disputed_topic",
            f"Sources disagree on {label(t['id'])}: of {_plural(t['total'], 'source')}, "
            f"{pct['affirms']}% say it happens, {pct['conditional']}% only under a condition, "
            f"{pct['denies']}% say it does not, {pct['mixed']}% say both.",
            f"#topic-{t['id']}", {"topic": t["id"], "sources": t["total"], **t["shares"]},
            t.get("bar")))
    return found


def _widest_threshold(topics: Sequence[Mapping[str, Any]], label: Any) -> list[Finding]:
    spreads = [s for t in topics for s in t["thresholds"]
               if s["anchor"] == "overdue" and s["sources"] >= 2 and s["longest"] is not None
               and s["shortest"] is not None and s["longest"] > s["shortest"]]
    if not spreads:
        return []
    widest = max(spreads, key=lambda s: (s["longest"] - s["shortest"], s["sources"], s["topic"]))
    return [Finding(
        "threshold_spread",
        f"The widest disagreement on timing: for {label(widest['topic'])}, "
        f"{_plural(widest['sources'], 'source')} name from {widest['shortest']} to "
        f"{widest['longest']} days overdue (median {widest['median']}).",
        f"#topic-{widest['topic']}",
        {"topic": widest["topic"], "sources": widest["sources"],
         "shortest": widest["shortest"], "longest": widest["longest"]})]


def build_findings(context: Mapping[str, Any]) -> list[Finding]:
    """The findings of a gathered report context, most important first."""
    names: Mapping[str, str] = context.get("topic_names", {})

    def label(topic: str) -> str:
        return f"{names[topic]} {topic}" if topic in names else topic

    found = []
    health = context.get("site_health") or []
    if health:
        sites = sorted({str(h["site"]) for h in health})
        found.append(Finding(
            "site_health", f"{_plural(len(sites), 'site')} look broken or much thinner than "
            f"usual this run: {', '.join(sites)}.", "#site-health",
            {"sites": len(sites), "alerts": len(health)}))
    found += _disputed(context["topics"], label) + _widest_threshold(context["topics"], label)
    pairs = context["contradictions"]
    if pairs:
        top = pairs[0]
        found.append(Finding(
            "contradictions",
            f"Independent sources contradict each other on {_plural(len(pairs), 'topic')} and "
            f"product{'s' if len(pairs) != 1 else ''}; the sharpest: {label(top['topic'])}"
            f"{' for ' + top['product'] if top['product'] else ''}, affirmed by "
            f"{_plural(top['affirm_sources'], 'source')} and denied by "
            f"{_plural(top['deny_sources'], 'source')}.",
            "#contradictions", {"groups": len(pairs), "topic": top["topic"]}))
    selfs = context["self_contradictions_total"]
    if selfs:
        found.append(Finding(
            "self_contradictions",
            f"{_plural(selfs, 'source')} contradict themselves on one page (affirm and deny "
            "the same event).", "#self-contradictions", {"sources": selfs}))
    conflicts = sum(int(r["sources"]) for r in context["rules"])
    if conflicts or context["violations_total"]:
        found.append(Finding(
            "rules",
            f"{_plural(conflicts, 'source')} present what a rule forbids as what happens "
            f"({_plural(len(context['rules']), 'rule')}); "
            f"{_plural(context['violations_total'], 'source')} report such practices as "
            "violations.", "#rules",
            {"conflict_sources": conflicts, "rules": len(context["rules"]),
             "violation_sources": context["violations_total"]}))
    found += _changes(context, label)
    return found


def _changes(context: Mapping[str, Any], label: Any) -> list[Finding]:
    latest, previous = context.get("latest"), context.get("previous")
    if not latest:
        return []
    if not previous:
        return [Finding("first_run", "This is the first run in this warehouse: nothing to "
                        "compare with yet.", "#changes", {})]
    changes = context["changes"]
    counts = {k: int(changes[k]["total"]) if k in changes else 0
              for k in ("new", "edited", "gone")}
    text = (f"Since the previous run: {_plural(counts['new'], 'new article')}, "
            f"{counts['edited']} edited, {counts['gone']} vanished; "
            f"{_plural(int(context['new_claims_total']), 'new claim')}.")
    for kind, label_ in (("new", "New"), ("edited", "Edited"), ("gone", "Vanished")):
        titles = [str(r.get("title") or r.get("url")) for r in
                  (changes[kind]["rows"] if kind in changes else [])][:NAMED_ARTICLES]
        if titles:
            more = counts[kind] - len(titles)
            text += (f" {label_}: " + "; ".join(f"“{t}”" for t in titles)
                     + (f" and {more} more" if more > 0 else "") + ".")
    found = [Finding("changes", text, "#changes", {**counts,
                                                  "new_claims": context["new_claims_total"]})]
    if context["shifts"]:
        shift = context["shifts"][0]
        stance = max(shift["delta"], key=lambda s: (abs(shift["delta"][s]), s))
        found.append(Finding(
            "stance_shift",
            f"Biggest stance shift: {label(shift['topic'])}, {stance} "
            f"{shift['before']['percent'][stance]}% -> {shift['now']['percent'][stance]}% "
            f"({shift['delta'][stance]:+d} points).", "#changes",
            {"topic": shift["topic"], "stance": stance, "delta": shift["delta"][stance]}))
    if context["sites_gone"]:
        sites = sorted({str(r["site"]) for r in context["sites_gone"]})
        found.append(Finding("sites_gone", f"Sites that returned nothing this run: "
                             f"{', '.join(sites)}.", "#changes", {"sites": sites}))
    return found
