"""The spool: one folder of Parquet files per run, waiting to be loaded.

The crawl never opens the warehouse; each worker buffers its records and
writes them as complete Parquet files (`<worker>.<table>.<seq>.parquet`,
written to a temporary name and renamed, so a file is either whole or
absent). The short single-writer load reads a finished run's spool in one
transaction. A run is finished when its `manifest.json` exists (written
last); a crash loses at most the records still buffered, whose raw pages
are in the WARC archive.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import RunError
from pipeline.records import Claim, Document, Fetch
from pipeline.spool_rows import (
    COLUMNS,
    PageRows,
    Row,
    claim_row,
    document_row,
    fetch_row,
    page_rows,
    removal_rows,
)

MANIFEST = "manifest.json"
FLUSH_ROWS = 2000

_STR = pa.string()
_STRS = pa.list_(pa.string())

# The spool schema, written once: the load derives its DuckDB column types from it
# (warehouse/spool_columns.py), so a new column is added here and nowhere else.
SCHEMAS: dict[str, pa.Schema] = {
    "fetches": pa.schema([
        ("run_id", _STR), ("url", _STR), ("final_url", _STR), ("site", _STR),
        ("status", pa.int32()), ("fetched_at", _STR), ("etag", _STR), ("last_modified", _STR),
        ("content_type", _STR), ("is_article", pa.bool_()), ("warc_file", _STR),
        ("warc_offset", pa.int64()), ("warc_record_id", _STR), ("content_sha1", _STR),
        ("sitemap_lastmod", _STR),
    ]),
    "documents": pa.schema([
        ("doc_id", _STR), ("run_id", _STR), ("site", _STR), ("url", _STR), ("final_url", _STR),
        ("title", _STR), ("published", _STR), ("author", _STR), ("sitename", _STR),
        ("text", _STR), ("paragraphs", _STRS), ("encoding", _STR), ("flags", _STRS),
        ("text_norm_sha1", _STR), ("simhash", pa.uint64()), ("extractor_version", _STR),
        ("fetched_at", _STR), ("content_sha1", _STR), ("warc_file", _STR),
        ("warc_offset", pa.int64()), ("warc_record_id", _STR), ("text_norm", _STR),
    ]),
    "claims": pa.schema([
        ("doc_id", _STR), ("idx", pa.int32()), ("section", _STR),
        ("text", _STR), ("topics", _STRS), ("stance", _STR), ("modality", _STR),
        ("hedge", _STR), ("products", _STRS), ("min_days", pa.int32()),
        ("max_days", pa.int32()), ("anchor", _STR), ("cues", _STRS),
        ("sentence_sha1", _STR), ("tagger_version", _STR), ("part", pa.int16()),
        ("self_contradicting", pa.bool_()),
        # pipeline.claim_families.family_text of the sentence, so the load places exact
        # copies in SQL (NULL in spools written before it: the load computes it)
        ("family_text", _STR),
        # pipeline.claim_families.label_signature of the claim's labels, the warehouse's
        # claim_signature (NULL in spools written before it: the load computes it)
        ("signature", _STR),
    ]),
    "removals": pa.schema([("doc_id", _STR), ("run_id", _STR), ("rule", _STR), ("text", _STR)]),
}
TABLES = tuple(SCHEMAS)


# The row builders live in pipeline.spool_rows (no pyarrow there, for the workers).
assert {t: tuple(s.names) for t, s in SCHEMAS.items()} == COLUMNS, "spool_rows.COLUMNS"


def write_table_file(path: Path, table: str, rows: Sequence[Row]) -> None:
    """Write *rows* of spool *table* (tuples in SCHEMAS order) as one complete Parquet file
    (atomically)."""
    schema = SCHEMAS[table]
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    data = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema,
                                                                               strict=True)],
                                schema=schema)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(data, tmp, compression="zstd")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _next_seq(spool_dir: Path, worker: str, table: str) -> int:
    seqs = [int(p.name.rsplit(".", 2)[1]) for p in spool_dir.glob(f"{worker}.{table}.*.parquet")
            if p.name.rsplit(".", 2)[1].isdigit()]
    return max(seqs, default=-1) + 1


def discard_worker_files(spool_dir: Path, worker: str) -> int:
    """Delete one worker's spool files of an unfinished run (it is rebuilt from the WARC).

    Returns how many files were removed; half-written `.tmp` files go too.
    """
    removed = 0
    for path in [*spool_dir.glob(f"{worker}.*.parquet"), *spool_dir.glob(f"{worker}.*.tmp")]:
        path.unlink()
        removed += 1
    return removed


class SpoolWriter:
    """Buffers one worker's records and writes them as Parquet files in the run's spool."""

    def __init__(self, spool_dir: Path, worker: str, flush_rows: int = FLUSH_ROWS) -> None:
        spool_dir.mkdir(parents=True, exist_ok=True)
        self.dir = spool_dir
        self.worker = worker
        self.flush_rows = flush_rows
        self._buffers: dict[str, list[Row]] = {t: [] for t in TABLES}
        # A resumed run appends to its spool: continue after the files already there.
        self._seq = {t: _next_seq(spool_dir, worker, t) for t in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)

    def _add(self, table: str, row: Row) -> None:
        self._buffers[table].append(row)
        self.counts[table] += 1
        if len(self._buffers[table]) >= self.flush_rows:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._buffers[table]
        if not rows:
            return
        path = self.dir / f"{self.worker}.{table}.{self._seq[table]:05d}.parquet"
        write_table_file(path, table, rows)
        self._seq[table] += 1
        self._buffers[table] = []

    def write_fetch(self, fetch: Fetch) -> None:
        """Record one HTTP fetch (every response, article or not)."""
        self._add("fetches", fetch_row(fetch))

    def write_fetch_row(self, row: Row) -> None:
        """Record one HTTP fetch given as its spool row (`fetch_row`)."""
        self._add("fetches", row)

    def write_page(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Record a processed page: its document and claims (a `pipeline.page.PageSink`)."""
        return self.write_page_rows(page_rows(document, claims))

    def write_page_rows(self, rows: PageRows) -> bool:
        """Record a processed page given as its spool rows (`page_rows`): the same rows as
        `write_page` of its document and claims."""
        self._add("documents", rows.document)
        for row in rows.removals:
            self._add("removals", row)
        for row in rows.claims:
            self._add("claims", row)
        return True

    def write_document(self, doc: Document) -> None:
        """Record one extracted document and the blocks cleaning removed from it."""
        self._add("documents", document_row(doc))
        for row in removal_rows(doc):
            self._add("removals", row)

    def write_claim(self, claim: Claim) -> None:
        """Record one tagged claim."""
        self._add("claims", claim_row(claim))

    def close(self) -> None:
        """Write every buffered record."""
        for table in TABLES:
            self._flush(table)

    def __enter__(self) -> SpoolWriter:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def write_manifest(spool_dir: Path, manifest: dict[str, Any]) -> None:
    """Mark a run's spool complete (atomically: write then rename)."""
    spool_dir.mkdir(parents=True, exist_ok=True)
    tmp = spool_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, spool_dir / MANIFEST)


class DamagedSpoolError(RunError):
    """A spool file (the manifest, a Parquet file) cannot be read; the message names it."""


def read_manifest(spool_dir: Path) -> dict[str, Any] | None:
    """The manifest of a finished run's spool, or None if the run did not finish.

    A manifest that is not a JSON object with a string `run_id` (truncated,
    binary, `{}`) raises DamagedSpoolError naming the file and the way out.
    """
    path = spool_dir / MANIFEST
    if not path.exists():
        return None
    why = ""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        why = type(exc).__name__ if isinstance(exc, OSError) else "not JSON"
        data = None
    if not why:
        if not isinstance(data, dict):
            why = "not a JSON object"
        elif not isinstance(data.get("run_id"), str) or not data["run_id"]:
            why = "no run_id"
        elif not isinstance(data.get("stats", {}), dict):
            why = "stats is not an object"
    if why:
        raise DamagedSpoolError(
            f"{path}: damaged spool manifest ({why}); the run's rows are still in "
            f"{spool_dir}: restore the file, or move the folder away to skip that run")
    assert isinstance(data, dict)
    return data


def _kind(dtype: pa.DataType) -> str:
    """A column type's kind: what must agree between a spool file and SCHEMAS (an older
    yuqi's int64 for a uint64 column still loads; a string where a number belongs does not)."""
    if pa.types.is_string(dtype) or pa.types.is_large_string(dtype):
        return "string"
    if pa.types.is_integer(dtype):
        return "integer"
    if pa.types.is_list(dtype) or pa.types.is_large_list(dtype):
        return f"list of {_kind(dtype.value_type)}"
    return str(dtype)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _damaged(path: Path, why: str) -> DamagedSpoolError:
    return DamagedSpoolError(
        f"{path}: damaged spool file ({why}); restore it, or move its run's folder "
        f"{path.parent} away to skip that run (then `yuqi crawl` or `yuqi process "
        "--from-warc` to redo it)")


def check_spool_file(path: Path, table: str) -> None:
    """Raise DamagedSpoolError naming *path* unless it is Parquet whose columns have the
    kinds SCHEMAS gives *table* (read from the footer: cheap). Missing columns are an older
    yuqi's spool and load as NULL; extra ones a newer yuqi's, and are ignored."""
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        raise _damaged(path, f"not readable as Parquet: {_first_line(exc)}") from None
    expected = SCHEMAS[table]
    for field in schema:
        if field.name in expected.names:
            want = _kind(expected.field(field.name).type)
            if _kind(field.type) != want:
                raise _damaged(path, f"column {field.name} is {field.type}, expected {want}")


def find_unreadable(files: Iterable[Path]) -> DamagedSpoolError | None:
    """The first of *files* whose data cannot be read (after a load failed on them), as a
    DamagedSpoolError naming it; None when every file reads."""
    for path in files:
        try:
            pq.read_table(path)
        except (OSError, pa.ArrowException) as exc:
            return _damaged(path, f"unreadable data: {_first_line(exc)}")
    return None


def spool_files(spool_dir: Path, table: str) -> list[Path]:
    """The complete Parquet files of one table in a run's spool."""
    return sorted(spool_dir.glob(f"*.{table}.*.parquet"))


def finished_runs(spool_root: Path) -> list[Path]:
    """Spool folders whose run finished, oldest run id first."""
    if not spool_root.is_dir():
        return []
    return sorted(p for p in spool_root.iterdir() if p.is_dir() and (p / MANIFEST).exists())
