"""The short summary a finished `yuqi demo` or crawl prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console

from warehouse.connect import open_reader, warehouse_path
from warehouse.stats import warehouse_counts


def print_summary(console: Console, data_dir: Path, stats: dict[str, Any], reports: list[Path]
                  ) -> None:
    """Pages fetched, documents, clusters, claims, and where the warehouse and report are.

    *stats* is the run's stats as a crawl returns them (`summary` from pipeline.stats).
    """
    con = open_reader(warehouse_path(data_dir))
    try:
        counts = warehouse_counts(con)
    finally:
        con.close()
    # Every response the crawl archived: a URL fetched twice in a run (a robots.txt shared by
    # the sites of one host) counts twice here, once in the report's "pages fetched".
    console.print(f"responses archived: {stats.get('summary', {}).get('responses', 0)}")
    console.print(f"documents:          {counts['documents']}")
    console.print(f"duplicate clusters: {counts['duplicate_clusters']} "
                  f"({counts['clusters']} independent sources)")
    console.print(f"claims:             {counts['claims']}")
    console.print(f"warehouse:          {warehouse_path(data_dir)}")
    for path in reports:
        console.print(f"report:             {path}")
