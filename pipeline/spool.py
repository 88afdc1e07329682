"""The spool: one folder of JSON-lines files per run, waiting to be loaded.

The crawl never opens the warehouse; it appends records here, and the
short single-writer load reads a finished run's spool in one transaction.
A run is finished when its `manifest.json` exists (written last).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from pipeline.records import Claim, Document

MANIFEST = "manifest.json"
TABLES = ("fetches", "documents", "claims", "removals")


class SpoolWriter:
    """Appends one worker's records to `spool/<run_id>/<worker>.<table>.jsonl`."""

    def __init__(self, spool_dir: Path, worker: str) -> None:
        spool_dir.mkdir(parents=True, exist_ok=True)
        self.dir = spool_dir
        self._files: dict[str, IO[str]] = {
            t: (spool_dir / f"{worker}.{t}.jsonl").open("a", encoding="utf-8") for t in TABLES
        }
        self.counts = dict.fromkeys(TABLES, 0)

    def _write(self, table: str, row: dict[str, Any]) -> None:
        self._files[table].write(json.dumps(row, ensure_ascii=False) + "\n")
        self.counts[table] += 1

    def write_fetch(self, row: dict[str, Any]) -> None:
        """Record one HTTP fetch (every response, article or not)."""
        self._write("fetches", row)

    def write_document(self, doc: Document) -> None:
        """Record one extracted document and the blocks cleaning removed from it."""
        row = asdict(doc)
        removals = row.pop("removals")
        row["simhash"] = str(doc.simhash)  # JSON readers may not keep 64-bit unsigned ints
        self._write("documents", row)
        for r in removals:
            self._write("removals", {"doc_id": doc.doc_id, "run_id": doc.run_id, **r})

    def write_claim(self, claim: Claim) -> None:
        """Record one tagged claim."""
        row = asdict(claim)
        row["claim_id"] = claim.claim_id
        self._write("claims", row)

    def close(self) -> None:
        """Flush and fsync every file (the load must see complete lines)."""
        for f in self._files.values():
            f.flush()
            os.fsync(f.fileno())
            f.close()

    def __enter__(self) -> SpoolWriter:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def write_manifest(spool_dir: Path, manifest: dict[str, Any]) -> None:
    """Mark a run's spool complete (atomically: write then rename)."""
    tmp = spool_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, spool_dir / MANIFEST)


def read_manifest(spool_dir: Path) -> dict[str, Any] | None:
    """The manifest of a finished run's spool, or None if the run did not finish."""
    path = spool_dir / MANIFEST
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def finished_runs(spool_root: Path) -> list[Path]:
    """Spool folders whose run finished, oldest run id first."""
    if not spool_root.is_dir():
        return []
    return sorted(p for p in spool_root.iterdir() if p.is_dir() and (p / MANIFEST).exists())
