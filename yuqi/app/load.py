"""Loading finished spools into the warehouse, with the dedup and glyph-gap adapters it needs."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from pipeline.claim_families import assign_families, product_names
from pipeline.dedup import (
    DEFAULT_PARAMS,
    Assignment,
    ClusteredDoc,
    Clusterer,
    DedupInput,
    DedupParams,
    IndexEntry,
)
from pipeline.errors import RunError
from pipeline.faults import ENV as FAULT_ENV
from pipeline.faults import pause_point
from pipeline.glyph_gaps import GapFill, gap_context, likely_missing
from pipeline.spool import (
    DamagedSpoolError,
    check_spool_file,
    find_unreadable,
    finished_runs,
    read_manifest,
    spool_files,
)
from warehouse.cleaning import CrossDocRules
from warehouse.connect import (
    WarehouseError,
    is_disk_full,
    move_aside,
    open_reader,
    open_writer,
    warehouse_path,
)
from warehouse.families import KnownSentence, NewSentence
from warehouse.known import write_known_snapshot
from warehouse.load import (
    SPOOL_TABLES,
    DedupStore,
    IndexProbe,
    LoadResult,
    StepHook,
    load_run,
    loaded_run_ids,
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
        # Each new text is shingled once: its hashes and entry serve the lookup and placing.
        hashed = {doc.doc_id: clusterer.hashed(doc) for doc in new}
        entries = [hashed[doc.doc_id][1] for doc in new]
        live = [e for e in entries if e.exact_key is not None]
        probe = IndexProbe(
            simhashes=[e.simhash for e in live], radius=params.band_radius,
            bands=clusterer.band_specs, anchors=[a for e in live for a in e.anchors],
            max_posting=params.max_posting, exact_keys=[e.exact_key for e in live
                                                        if e.exact_key is not None],
        )
        for entry in store.lookup(probe):
            clusterer.add_indexed(entry, entry.founder)
        assignments = clusterer.assign_all(new, hashed)
        by_id = {e.doc_id: e for e in entries}
        return [(a, replace(by_id[a.doc_id], cluster_id=a.cluster_id)) for a in assignments]


assign_clusters = _WarehouseClusterer()

def assign_claim_families(known: Sequence[KnownSentence], new: Sequence[NewSentence]
                          ) -> list[KnownSentence]:
    """The warehouse's claim-family assigner (`warehouse.families.FamilyAssigner`):
    `pipeline.claim_families.assign_families` with the taxonomy's product names masked."""
    return assign_families(known, new, product_names())


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
    """Fault injection for tests: YUQI_PAUSE_AT=<step> stops the load before that step
    (pipeline.faults: `paused at <step>` on stderr, then it waits for stdin to close)."""
    return pause_point if os.environ.get(FAULT_ENV) else None


def _load_runs(con: Any, spool_dirs: list[Path], hook: StepHook | None, keep_going: bool
               ) -> tuple[list[LoadResult], list[str]]:
    """Load each finished spool; a damaged one is listed (with *keep_going*, any failure)."""
    results: list[LoadResult] = []
    problems: list[str] = []
    for spool_dir in spool_dirs:
        try:
            manifest = read_manifest(spool_dir)
            if manifest is None:
                continue
            files = {table: spool_files(spool_dir, table) for table in SPOOL_TABLES}
            for table, paths in files.items():
                for path in paths:
                    check_spool_file(path, table)
            try:
                results.append(load_run(con, files, manifest, assign_clusters, _seed, hook,
                                        cleaning=CROSS_DOC_RULES, fill_gap=fill_glyph_gap,
                                        dedup_params=asdict(assign_clusters.params),
                                        assign_families=assign_claim_families))
            except WarehouseError:
                # A file whose data is garbled fails inside DuckDB without its name.
                damaged = find_unreadable(p for paths in files.values() for p in paths)
                if damaged is not None:
                    raise damaged from None
                raise
        except DamagedSpoolError as exc:  # one bad run must not block the later ones
            problems.append(str(exc))
        except WarehouseError as exc:
            if not keep_going:
                raise
            problems.append(f"{spool_dir}: {exc}")
    return results, problems


def load_pending(data_dir: Path, lock_timeout: float = 30.0, rebuild: bool = False
                 ) -> list[LoadResult]:
    """Load every finished spool not yet in the warehouse, one transaction per run.

    With *rebuild*, every spool on disk is loaded into a new warehouse instead
    (`rebuild_warehouse`). A damaged spool is skipped, the others loaded, and the
    damage reported at the end (DamagedSpoolError).
    """
    if rebuild:
        return rebuild_warehouse(data_dir, lock_timeout)
    path = warehouse_path(data_dir)
    first_load = not path.exists()
    try:
        con = open_writer(path, lock_timeout)
        try:
            migrate(con)
            results, problems = _load_runs(con, finished_runs(data_dir / "spool"),
                                           _fault_hook(), keep_going=False)
            con.execute("CHECKPOINT")
            write_known_snapshot(con, path)
        finally:
            _close_quietly(con)
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        if first_load:  # nothing was there before: leave nothing half-written
            _remove_database(path)
            state = "no warehouse was written"
        else:  # a run that committed is in the WAL; DuckDB replays it at the next open
            state = "runs already committed are kept (the next open replays them)"
        raise WarehouseError(f"disk full: {path}: No space left on device; {state}; free "
                             f"space, then `yuqi load --data-dir {data_dir}`") from None
    if problems:
        loaded = sum(r.loaded for r in results)
        more = f" (and {len(problems) - 1} more damaged runs)" if len(problems) > 1 else ""
        raise DamagedSpoolError(f"loaded {loaded} runs; {problems[0]}{more}")
    return results


def _runs_held_by(path: Path) -> set[str] | None:
    """The run ids the warehouse at *path* holds; None when it cannot be read (damaged)."""
    if not path.exists():
        return set()
    try:
        con = open_reader(path)
    except WarehouseError:
        return None
    try:
        return loaded_run_ids(con)
    finally:
        con.close()


def rebuild_warehouse(data_dir: Path, lock_timeout: float = 30.0) -> list[LoadResult]:
    """Rebuild the warehouse from every spool on disk, swapping it in only when nothing is lost.

    The new warehouse is built beside the old one and checked: every finished spool
    loaded, and every run the old warehouse (when readable) held found again. Only then
    is the old file moved aside (kept, `.broken-<time>`) and the new one put in its
    place; otherwise the old file stays and RunError names what could not be read.
    """
    live = warehouse_path(data_dir)
    spool_root = data_dir / "spool"
    spools = finished_runs(spool_root)
    if not spools:
        raise RunError(f"{spool_root}: no finished spool to rebuild from; the warehouse is "
                       "unchanged")
    held = _runs_held_by(live)
    fresh = live.with_name(f"{live.name}.rebuild-{os.getpid()}")
    _remove_database(fresh)
    con = open_writer(fresh, lock_timeout)
    try:
        migrate(con)
        results, problems = _load_runs(con, spools, None, keep_going=True)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    missing = sorted((held or set()) - {r.run_id for r in results})
    problems += [f"run {run_id} is in the warehouse but has no readable spool under "
                 f"{spool_root}" for run_id in missing]
    if problems:
        _remove_database(fresh)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise RunError(f"rebuild stopped, the warehouse is unchanged: {problems[0]}{more}")
    moved = move_aside(live)
    if moved is not None:
        print(f"moved the old warehouse to {moved}", file=sys.stderr)
    os.replace(fresh, live)
    con = open_writer(live, lock_timeout)
    try:
        write_known_snapshot(con, live)
    finally:
        con.close()
    return results


def _close_quietly(con: Any) -> None:
    """Close a connection; after a fatal error (a checkpoint on a full disk) the close may
    raise too, and must not hide that error."""
    with contextlib.suppress(Exception):  # the connection is unusable; the first error counts
        con.close()


def _remove_database(path: Path) -> None:
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
