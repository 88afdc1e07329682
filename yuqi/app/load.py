"""Loading finished spools into the warehouse, with the dedup and glyph-gap adapters it needs."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from pipeline.dedup import (
    DEFAULT_PARAMS,
    Assignment,
    ClusteredDoc,
    Clusterer,
    DedupInput,
    DedupParams,
    IndexEntry,
)
from pipeline.glyph_gaps import GapFill, gap_context, likely_missing
from pipeline.spool import (
    finished_runs,
    read_manifest,
    spool_files,
)
from warehouse.cleaning import CrossDocRules
from warehouse.connect import move_aside, open_writer, warehouse_path
from warehouse.known import write_known_snapshot
from warehouse.load import (
    SPOOL_TABLES,
    DedupStore,
    IndexProbe,
    LoadResult,
    StepHook,
    load_run,
)
from warehouse.migrate import migrate


class _WarehouseClusterer:
    """The warehouse's cluster assigner (`warehouse.load.ClusterAssigner`): the same
    `Clusterer` as `yuqi dedup`, fed from the stored dedup index instead of every text."""

    def __init__(self, params: DedupParams = DEFAULT_PARAMS) -> None:
        self.params = params

    def index(self, docs: Sequence[ClusteredDoc]) -> list[IndexEntry]:
        """Index entries of clustered documents, from their texts."""
        clusterer = Clusterer(self.params)
        return [clusterer.entry_of_text(d.doc_id, d.cluster_id, d.text) for d in docs]

    def assign(self, new: Sequence[DedupInput], store: DedupStore
               ) -> list[tuple[Assignment, IndexEntry]]:
        """Cluster *new* against the index entries the store finds within their reach."""
        clusterer = Clusterer(self.params, fetch_texts=store.texts)
        params = self.params
        entries = [clusterer.entry_of_text(doc.doc_id, "", doc.text) for doc in new]
        live = [e for e in entries if e.exact_key is not None]
        probe = IndexProbe(
            simhashes=[e.simhash for e in live], radius=params.band_radius,
            bands=clusterer.band_specs, anchors=[a for e in live for a in e.anchors],
            max_posting=params.max_posting, exact_keys=[e.exact_key for e in live
                                                        if e.exact_key is not None],
        )
        for entry in store.lookup(probe):
            clusterer.add_indexed(entry, entry.founder)
        assignments = clusterer.assign_all(new)
        by_id = {e.doc_id: e for e in entries}
        return [(a, replace(by_id[a.doc_id], cluster_id=a.cluster_id)) for a in assignments]


assign_clusters = _WarehouseClusterer()

#: Cross-document cleaning as every `yuqi load` runs it (thresholds: `CrossDocRules`).
CROSS_DOC_RULES = CrossDocRules()


def fill_glyph_gap(text: str, offset: int, mates: Sequence[tuple[str, str]]) -> GapFill:
    """The warehouse's glyph-gap filler (`warehouse.cleaning.GapFiller`): the context of
    the gap at *offset* of *text* and the first word a cluster mate (doc_id, text), in the
    order given, has there, with that mate's id; no word and no mate when none has it.

    Pure, so the load stays deterministic; the stored text is never changed.
    """
    context = gap_context(text, offset)
    for mate_id, mate_text in mates:
        word = likely_missing(context, mate_text)
        if word:
            return GapFill(context, word, mate_id)
    return GapFill(context)


def _seed(con: Any) -> None:
    """Refresh the topics, products and reference_rules tables from the data files."""
    from pipeline.claims import TAGGER_VERSION, taxonomy_rows
    from warehouse.seeds import refresh_seed_tables

    topics, products = taxonomy_rows()
    refresh_seed_tables(con, topics, products, TAGGER_VERSION)


def _fault_hook() -> StepHook | None:
    """Fault injection for tests: YUQI_LOAD_PAUSE_AT=<step> stops the load before that step.

    The process prints `paused at <step>` on stderr and waits for standard input
    to close, so a test can kill it mid-transaction without timing guesses.
    """
    pause_at = os.environ.get("YUQI_LOAD_PAUSE_AT")
    if not pause_at:
        return None

    def hook(step: str) -> None:
        if step == pause_at:
            print(f"paused at {step}", file=sys.stderr, flush=True)
            sys.stdin.read()

    return hook


def load_pending(data_dir: Path, lock_timeout: float = 30.0, rebuild: bool = False
                 ) -> list[LoadResult]:
    """Load every finished spool not yet in the warehouse, one transaction per run.

    With *rebuild*, a damaged warehouse file is first moved aside and every
    spool on disk is loaded into a new one.
    """
    if rebuild:
        moved = move_aside(warehouse_path(data_dir))
        if moved is not None:
            print(f"moved the old warehouse to {moved}", file=sys.stderr)
    con = open_writer(warehouse_path(data_dir), lock_timeout)
    try:
        migrate(con)
        hook = _fault_hook()
        results = []
        for spool_dir in finished_runs(data_dir / "spool"):
            manifest = read_manifest(spool_dir)
            if manifest is None:
                continue
            files = {table: spool_files(spool_dir, table) for table in SPOOL_TABLES}
            results.append(load_run(con, files, manifest, assign_clusters, _seed, hook,
                                    cleaning=CROSS_DOC_RULES, fill_gap=fill_glyph_gap,
                                    dedup_params=asdict(assign_clusters.params)))
        con.execute("CHECKPOINT")
        write_known_snapshot(con, warehouse_path(data_dir))
        return results
    finally:
        con.close()
