"""Building the report: read-only queries -> Jinja2 templates -> report.html / report.md.

Numbers come from SQL over the warehouse views (reports/queries/*.sql, filters bound as
parameters, never interpolated); this module only groups, orders and formats them. All
scraped text is autoescaped in HTML, links are http(s) only, and the page loads nothing.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.errors import UsageError
from pipeline.faults import pause_point
from pipeline.files import atomic_write_text, replace_folder
from pipeline.stat_keys import StatGroup
from reports.charts import DAY_BUCKETS, STANCE_COLOURS, day_histogram, month_columns, stance_bar
from reports.findings import build_findings
from warehouse.connect import WarehouseError, open_reader

STANCES = ("affirms", "conditional", "denies")
# A source's net stance (migration 0016's net_stance): a source that affirms and denies a
# topic counts once, as mixed, so the shares of a topic add up to its sources.
SHARE_STANCES = (*STANCES, "mixed")
# DOMAIN.md §2: these two topics are shown as warnings with quotes, not as stance shares.
WARNING_TOPICS = ("debt_help_scam", "fake_collection")
SECTIONS = ("overview", "topics", "contradictions", "rules", "sites", "changes", "quality")
TREND_TOPICS = 6  # small multiples shown: the topics with the most sources
BREAKDOWN_ROWS = 8  # products / sites shown per topic, most sources first
_PARAM_RE = re.compile(r"\$([a-z_]+)")
_COMMENT_RE = re.compile(r"--[^\n]*")


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """Optional restrictions of a report (None = everything)."""

    product: str | None = None
    topic: str | None = None
    site: str | None = None
    since: str | None = None

    def check(self) -> None:
        """Raise UsageError unless `since` is an ISO date or timestamp (a usage error)."""
        if self.since is None:
            return
        try:
            datetime.fromisoformat(self.since)
        except ValueError:
            raise UsageError(
                f"--since takes a date such as 2026-01-31, got {self.since!r}") from None

    def params(self) -> dict[str, Any]:
        """The filters as named query parameters."""
        return {"product": self.product, "topic": self.topic, "site": self.site,
                "since": self.since}

    def describe(self) -> str:
        """The filters in force, for the report header ('' when none)."""
        return " ".join(f"{k}={v}" for k, v in self.params().items() if v is not None)


def _sql(name: str) -> str:
    return resources.files("reports").joinpath("queries", f"{name}.sql").read_text("utf-8")


def query_names() -> list[str]:
    """The report's own SQL files (reports/queries/*.sql), by name."""
    folder = resources.files("reports").joinpath("queries")
    return sorted(p.name.removesuffix(".sql") for p in folder.iterdir()
                  if p.name.endswith(".sql"))


def run_query(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]
              ) -> list[dict[str, Any]]:
    """Run one report query, binding only the parameters it names; rows as dicts.

    Why: every filter reaches SQL as a bound value (a `' OR 1=1 --` product is just a
    product nobody sells), and DuckDB refuses parameters a statement does not use.
    """
    sql = _sql(name)
    wanted = set(_PARAM_RE.findall(_COMMENT_RE.sub("", sql)))
    cur = con.execute(sql, {k: params.get(k) for k in sorted(wanted)})
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def safe_href(url: str | None) -> str | None:
    """The URL if it is http(s), else None (javascript:, data: and the like become plain text)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    return url if scheme in {"http", "https"} else None


def _pct(n: int, total: int) -> int:
    return round(100 * n / total) if total else 0


def _shares(counts: dict[str, int]) -> dict[str, Any]:
    total = sum(counts.get(s, 0) for s in SHARE_STANCES)
    return {
        "total": total,
        "shares": {s: counts.get(s, 0) for s in SHARE_STANCES},
        "percent": {s: _pct(counts.get(s, 0), total) for s in SHARE_STANCES},
    }


def _linked(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    row[f"{prefix}href"] = safe_href(row.get(f"{prefix}url"))
    return row


def _breakdown(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    """Per topic: the stance shares of each product or site, most sources first."""
    per: dict[str, dict[Any, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for r in rows:
        per[r["topic"]][r[key]][r["stance"]] = int(r["sources"])
    out: dict[str, list[dict[str, Any]]] = {}
    for topic, groups in per.items():
        items = []
        for name, counts in groups.items():
            item = _shares(counts)
            item["name"] = name
            item["bar"] = stance_bar(counts, height=12, label=f"{topic} {name or ''}")
            items.append(item)
        items.sort(key=lambda i: (-i["total"], str(i["name"] or "\uffff")))
        out[topic] = items
    return out


def _topics(q: dict[str, list[dict[str, Any]]]) -> tuple[list[dict[str, Any]],
                                                         list[dict[str, Any]]]:
    """Stance topics (descriptive shares, charts, breakdowns, quotes) and warning topics."""
    descriptive: dict[str, dict[str, int]] = defaultdict(dict)
    other: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for r in q["stance"]:
        if r["modality"] == "descriptive":
            descriptive[r["topic"]][r["stance"]] = int(r["sources"])
        else:
            other[r["topic"]][(r["modality"], r["stance"])] = int(r["sources"])
    quotes: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for r in q["quotes"]:
        quotes[r["topic"]][r["stance"]].append(_linked(r))
    hist: dict[tuple[str, str], list[int]] = {}
    for r in q["thresholds"]:
        counts = hist.setdefault((r["topic"], r["anchor"]), [0] * len(DAY_BUCKETS))
        counts[int(r["bucket"]) - 1] = int(r["sources"])
    named: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for r in q.get("threshold_days", []):
        named[(r["topic"], r["anchor"])].append((int(r["days"]), int(r["sources"])))
    spreads: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in q["threshold_spread"]:
        for side in ("low_quote", "high_quote"):
            r[side] = _linked(dict(r[side]))
        r["buckets"] = list(zip(DAY_BUCKETS, hist.get((r["topic"], r["anchor"]), []),
                                strict=False))
        r["days"] = named.get((r["topic"], r["anchor"]), [])
        r["chart"] = day_histogram(hist.get((r["topic"], r["anchor"]), [0] * len(DAY_BUCKETS)),
                                   f"{r['topic']}: days cited ({r['anchor']})")
        spreads[r["topic"]].append(r)
    by_product = _breakdown(q["stance_by_product"], "product")
    by_site = _breakdown(q["stance_by_site"], "site")
    described = {r["id"]: r["description"] for r in q["topics"]}
    names = set(descriptive) | set(other) | set(quotes) | set(spreads)
    stance_topics: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for topic in names:
        item = _shares(descriptive.get(topic, {}))
        item.update({
            "id": topic,
            "description": described.get(topic),
            "bar": stance_bar(descriptive.get(topic, {}), label=f"{topic} stance shares"),
            "other": sorted((m, s, n) for (m, s), n in other.get(topic, {}).items()),
            "quotes": {s: quotes[topic].get(s, []) for s in STANCES},
            "thresholds": spreads.get(topic, []),
            "by_product": by_product.get(topic, [])[:BREAKDOWN_ROWS],
            "by_product_more": max(0, len(by_product.get(topic, [])) - BREAKDOWN_ROWS),
            "by_site": by_site.get(topic, [])[:BREAKDOWN_ROWS],
            "by_site_more": max(0, len(by_site.get(topic, [])) - BREAKDOWN_ROWS),
        })
        (warnings if topic in WARNING_TOPICS else stance_topics).append(item)
    stance_topics.sort(key=lambda t: (-t["total"], t["id"]))
    warnings.sort(key=lambda t: t["id"])
    return stance_topics, warnings


def _trends(rows: list[dict[str, Any]], topics: list[dict[str, Any]]
            ) -> list[dict[str, Any]]:
    """Small multiples: per big topic, a column per month split by net stance."""
    months = sorted({str(r["month"]) for r in rows})
    per: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for r in rows:
        per[r["topic"]][str(r["month"])][r["stance"]] = int(r["sources"])
    out = []
    for t in topics[:TREND_TOPICS]:
        series = per.get(t["id"], {})
        if series:
            out.append({"id": t["id"], "months": len(series),
                        "series": [(m, {s: series[m].get(s, 0) for s in SHARE_STANCES})
                                   for m in sorted(series)],
                        "chart": month_columns(months, series, f"{t['id']}: stance by month")})
    return out


def _contradictions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Example pairs grouped by topic and product, in the query's order."""
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    for r in rows:
        key = (r["topic"], r["product"])
        group = groups.setdefault(key, {"topic": r["topic"], "product": r["product"],
                                        "affirm_sources": r["affirm_sources"],
                                        "deny_sources": r["deny_sources"], "pairs": []})
        group["pairs"].append(_linked(_linked(r, "affirm_"), "deny_"))
    return list(groups.values())


def _rules(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes grouped by the reference rule they contradict."""
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        group = groups.setdefault(r["rule_id"], {k: r[k] for k in (
            "rule_id", "topic", "rule_products", "source", "article", "confidence", "statement",
            "statement_zh", "conflicts_with", "rule_anchor", "rule_min_days", "rule_max_days",
            "note", "sources")} | {"quotes": []})
        group["quotes"].append(_linked(r))
    return list(groups.values())


def _shifts(rows: list[dict[str, Any]], run: str | None, previous: str | None
            ) -> list[dict[str, Any]]:
    """Per topic: stance shares after the previous run and after this one, change in points."""
    if previous is None:
        return []
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: {"now": {}, "before": {}})
    for r in rows:
        side = "now" if r["as_of_run"] == run else "before"
        counts[r["topic"]][side][r["stance"]] = int(r["sources"])
    out = []
    for topic in sorted(counts):
        now, before = _shares(counts[topic]["now"]), _shares(counts[topic]["before"])
        delta = {s: now["percent"][s] - before["percent"][s] for s in SHARE_STANCES}
        changed = any(now["shares"][s] != before["shares"][s] for s in SHARE_STANCES)
        if changed:
            out.append({"topic": topic, "now": now, "before": before, "delta": delta,
                        "moved": max(abs(d) for d in delta.values())})
    out.sort(key=lambda s: (-s["moved"], s["topic"]))
    return out


def _counters(rows: list[dict[str, Any]], run: str | None) -> list[dict[str, Any]]:
    """Crawl counters pivoted to this run / previous run, grouped by kind."""
    per: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = r["key"]
        kind = ("extraction drop" if key.startswith(StatGroup.DROPPED.value)
                else "crawl guard refusal" if key.startswith(StatGroup.REFUSED.value)
                else "robots.txt")
        item = per.setdefault(key, {"key": key, "kind": kind, "now": None, "before": None})
        value = r["value"]
        shown = int(value) if value is not None and float(value).is_integer() else value
        item["now" if r["run_id"] == run else "before"] = shown
    order = {"extraction drop": 0, "crawl guard refusal": 1, "robots.txt": 2}
    return sorted(per.values(), key=lambda i: (order[i["kind"]], i["key"]))


# The stat-key families the counters table shows (pipeline.stat_keys), bound as parameters.
COUNTER_PREFIXES = {"dropped_prefix": StatGroup.DROPPED.value,
                    "refused_prefix": StatGroup.REFUSED.value,
                    "robots_prefix": StatGroup.ROBOTS.value}

REPORT_QUERIES = ("overview", "stance", "stance_by_product", "stance_by_site", "thresholds",
                  "threshold_spread", "quotes", "topics", "contradictions", "rules", "changes",
                  "new_claims", "stance_runs", "sites_gone", "removals", "flags", "encodings",
                  "counters", "self_contradictions", "violations", "site_health", "trends",
                  "site_scorecard", "threshold_days")


def check_filter_names(con: duckdb.DuckDBPyConnection, filters: ReportFilters
                       ) -> ReportFilters:
    """The filters with aliases made canonical (花唄 -> 花呗); UsageError for unknown names.

    Why: a typo (`--product 花被`) must not produce an empty report that looks like an
    answer; the error suggests the nearest known names.
    """
    known: dict[str, dict[str, str]] = {}
    for row in run_query(con, "filter_names", {}):
        known.setdefault(row["kind"], {})[row["name"]] = row["means"]
    for kind in ("topic", "product", "site"):
        value = getattr(filters, kind)
        names = known.get(kind, {})
        if value is None:
            continue
        if value in names:
            filters = dataclasses.replace(filters, **{kind: names[value]})
            continue
        canonical = sorted(set(names.values()))
        near = difflib.get_close_matches(value, list(names), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(dict.fromkeys(names[n] for n in near))}?" \
            if near else ""
        listing = ", ".join(canonical[:30]) + (", ..." if len(canonical) > 30 else "")
        raise UsageError(f"--{kind} {value!r}: no such {kind} in the warehouse{hint} "
                         f"(known: {listing or 'none yet'})")
    return filters


def run_queries(con: duckdb.DuckDBPyConnection, filters: ReportFilters
                ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """Run every report query; return their rows by name and the parameters bound.

    Why separate from gather(): `make bench` times the SQL alone against the whole report.
    """
    filters.check()
    if not run_query(con, "views_present", {})[0]["present"]:
        raise WarehouseError("the warehouse predates the report views (migration 0006); run "
                             "`yuqi load --data-dir DIR` once to upgrade it")
    # The shared filter (a temporary macro: allowed on the read-only connection, gone with it).
    filters = check_filter_names(con, filters)
    con.execute(resources.files("reports").joinpath("macros.sql").read_text("utf-8"))
    params = filters.params()
    runs = run_query(con, "runs", params)
    params["run"] = runs[0]["run_id"] if runs else None
    params["previous"] = runs[1]["run_id"] if len(runs) > 1 else None
    params.update(COUNTER_PREFIXES)
    q = {name: run_query(con, name, params) for name in REPORT_QUERIES}
    q["runs"] = runs
    return q, params


def gather(con: duckdb.DuckDBPyConnection, filters: ReportFilters) -> dict[str, Any]:
    """Run the report queries (parameters bound, never interpolated) and shape the results."""
    q, params = run_queries(con, filters)
    latest = q["runs"][0] if q["runs"] else None
    previous = q["runs"][1] if len(q["runs"]) > 1 else None
    overview = q["overview"][0]
    overview["latest_run"] = params["run"]
    topics, warnings = _topics(q)
    changes: dict[str, dict[str, Any]] = {}
    for r in q["changes"]:
        group = changes.setdefault(r["change"], {"total": r["total"], "rows": []})
        group["rows"].append(_linked(r))
    flags = {r["kind"]: r for r in q["flags"]}
    context: dict[str, Any] = {
        "overview": overview,
        "versions": {"extractor_versions": overview["extractor_versions"],
                     "tagger_versions": overview["tagger_versions"]},
        "latest": latest,
        "previous": previous,
        "topics": topics,
        "warnings": warnings,
        "contradictions": _contradictions(q["contradictions"]),
        "self_contradictions": [_linked(r) for r in q["self_contradictions"]],
        "self_contradictions_total": (q["self_contradictions"][0]["total"]
                                      if q["self_contradictions"] else 0),
        "rules": _rules(q["rules"]),
        "violations": [_linked(r) for r in q["violations"]],
        "site_health": q["site_health"],
        "trends": _trends(q["trends"], topics),
        "scorecard": q["site_scorecard"],
        "violations_total": q["violations"][0]["total"] if q["violations"] else 0,
        "changes": changes,
        "new_claims": [_linked(r) for r in q["new_claims"]],
        "new_claims_total": q["new_claims"][0]["total"] if q["new_claims"] else 0,
        "shifts": _shifts(q["stance_runs"], params["run"], params["previous"]),
        "sites_gone": q["sites_gone"],
        "removals": q["removals"],
        "flags": flags,
        "glyph_gaps": flags.get("glyph_gap_count"),
        "encoding_repairs": q["encodings"],
        "counters": _counters(q["counters"], params["run"]),
        "filters": filters,
        "filter_text": filters.describe(),
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "stances": STANCES,
        "share_stances": SHARE_STANCES,
        "colours": STANCE_COLOURS,
        "sections": SECTIONS,
    }
    names = {str(r["id"]): str(r["name_zh"]) for r in q["topics"] if r.get("name_zh")}
    context["topic_names"] = names
    context["topic_label"] = {t: f"{name} {t}" for t, name in names.items()}
    context["findings"] = build_findings(context)
    return context


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"),
                                     default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
# What makes a line start a heading, list, rule or quote: escaped when scraped text starts so.
_MD_LEADING_MARK = re.compile(r"^([#+=~-])")
_MD_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def md_cell(value: object) -> str:
    """Scraped text made inert in Markdown: one line, no tags, no link or emphasis syntax."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LEADING_MARK.sub(r"\\\1", text)
    return _MD_LEADING_NUMBER.sub(r"\1\\\2", text)


def md_code(value: object) -> str:
    """A technical value (record id, encoding change) as a Markdown code span: shown as
    typed (`<urn:uuid:...>`, `utf-8->gb18030`), never read as HTML or entities."""
    text = " ".join(("" if value is None else str(value)).split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def counted(value: object, noun: str) -> str:
    """`1 day`, `3 days`, `1 independent source`: a count with its noun in the right number."""
    return f"{value} {noun}" if value == 1 else f"{value} {noun}s"


def _fmt_days(value: object) -> str:
    return "–" if value is None else f"{value}"


def _fmt_ts(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "?" if value is None else str(value)


def render(context: dict[str, Any], fmt: str) -> str:
    """Render one format (html or md) of the report from a gather() context."""
    env = _env()
    env.filters["md"] = md_cell
    env.filters["days"] = _fmt_days
    env.filters["n"] = counted
    env.filters["code"] = md_code
    env.filters["ts"] = _fmt_ts
    return env.get_template(f"report.{fmt}.j2").render(**context)


def build_report(
    db_path: Path,
    reports_root: Path,
    formats: list[str],
    filters: ReportFilters,
    out_dir: Path | None = None,
) -> list[Path]:
    """Write the report files for the latest run and refresh `reports/latest/`.

    Why a copy, not a symlink, for `latest`: it opens the same way on every platform and
    survives the run folder being pruned. Every file is written whole (temp name, fsync,
    rename) and `latest/` is swapped in whole, so a full disk or a crash midway leaves
    the previous report readable.
    """
    filters.check()
    con = open_reader(db_path)
    try:
        context = gather(con, filters)
    finally:
        con.close()
    run_id = context["overview"]["latest_run"] or "no-run"
    target = out_dir or reports_root / str(run_id)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = target / f"report.{fmt}"
        atomic_write_text(path, render(context, fmt))
        written.append(path)
        pause_point("report_file")
    if out_dir is None:
        latest = reports_root / "latest"
        replace_folder(target, latest)
        written = [latest / p.name for p in written]
    return written

