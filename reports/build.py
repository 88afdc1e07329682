"""Building the report: read-only queries -> Jinja2 templates -> report.html / report.md.

Numbers come from SQL over the warehouse; this module only shapes and formats
them. All scraped text is autoescaped in HTML and links are http(s) only.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from reports.charts import STANCE_COLOURS, stance_bar
from warehouse.connect import open_reader

STANCES = ("affirms", "conditional", "denies")


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """Optional restrictions of a report (None = everything)."""

    product: str | None = None
    topic: str | None = None
    site: str | None = None
    since: str | None = None


def _sql(name: str) -> str:
    return resources.files("reports").joinpath("queries", f"{name}.sql").read_text("utf-8")


def _rows(con: duckdb.DuckDBPyConnection, name: str) -> list[dict[str, Any]]:
    cur = con.execute(_sql(name))
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def safe_href(url: str | None) -> str | None:
    """The URL if it is http(s), else None (javascript:, data: and the like become plain text)."""
    if not url:
        return None
    return url if urlsplit(url).scheme in {"http", "https"} else None


def gather(con: duckdb.DuckDBPyConnection, filters: ReportFilters) -> dict[str, Any]:
    """Run the report queries (parameters bound, never interpolated) and shape the results."""
    con.execute(_sql("f_docs"), {"site": filters.site, "since": filters.since})
    con.execute(_sql("f_claims"), {"product": filters.product, "topic": filters.topic})
    overview = _rows(con, "overview")[0]
    shares: dict[str, dict[str, int]] = defaultdict(dict)
    for row in _rows(con, "topic_stance"):
        shares[row["topic"]][row["stance"]] = int(row["sources"])
    quotes: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(con, "quotes"):
        row["href"] = safe_href(row["url"])
        quotes[row["topic"]][row["stance"]].append(row)
    topics = []
    for topic in sorted(shares, key=lambda t: -sum(shares[t].values())):
        total = sum(shares[topic].values())
        topics.append({
            "id": topic,
            "total": total,
            "shares": {s: shares[topic].get(s, 0) for s in STANCES},
            "percent": {s: round(100 * shares[topic].get(s, 0) / total) for s in STANCES},
            "bar": stance_bar(shares[topic]),
            "quotes": {s: quotes[topic].get(s, []) for s in STANCES},
        })
    return {
        "overview": overview,
        "topics": topics,
        "quality": _rows(con, "quality"),
        "versions": _rows(con, "versions")[0],
        "filters": filters,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "stances": STANCES,
        "colours": STANCE_COLOURS,
    }


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"),
                                     default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _md_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def build_report(
    db_path: Path,
    reports_root: Path,
    formats: list[str],
    filters: ReportFilters,
    out_dir: Path | None = None,
) -> list[Path]:
    """Write the report files for the latest run and refresh `reports/latest/`."""
    con = open_reader(db_path)
    try:
        context = gather(con, filters)
    finally:
        con.close()
    run_id = context["overview"]["latest_run"] or "no-run"
    target = out_dir or reports_root / str(run_id)
    target.mkdir(parents=True, exist_ok=True)
    env = _env()
    env.filters["md"] = _md_cell
    written = []
    for fmt in formats:
        template = env.get_template(f"report.{fmt}.j2")
        path = target / f"report.{fmt}"
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(template.render(**context), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    if out_dir is None:
        latest = reports_root / "latest"
        if latest.is_symlink() or latest.is_file():
            latest.unlink()
        elif latest.is_dir():
            shutil.rmtree(latest)
        shutil.copytree(target, latest)
        written = [latest / p.name for p in written]
    return written
