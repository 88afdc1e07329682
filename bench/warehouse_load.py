"""Warehouse load throughput against DuckDB's own COPY FROM of the same Parquet files.

Builds a synthetic spool (100k documents, 1M claims; short texts), loads it
with yuqi's loader (staging, versioning, claims, paragraphs, one transaction;
clustering replaced by a trivial assigner, which the Dedup benchmark covers)
and, in the same run, copies the same Parquet files into plain tables with
`COPY ... FROM`. Also times `v_topic_stance` over the 1M claims against a plain
GROUP BY of the same claims.

Also prints the load's median seconds per step (stage, merge, cluster, families,
commit: `load_run`'s step hook). ``YUQI_BENCH_FAMILIES=0`` loads without the
claim-family step: the ratio the load would reach if placing families cost nothing.
``YUQI_BENCH_CLUSTERS=real`` clusters with the warehouse's own assigner (every synthetic
text is the same, so each document shingles its text and joins the first one's cluster).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.claim_families import (
    assign_families,
    family_text,
    label_signature,
    product_names,
)
from pipeline.dedup import Assignment, ClusteredDoc, DedupInput, IndexEntry
from pipeline.spool import SCHEMAS, write_manifest
from warehouse.load import ClusterAssigner, DedupStore, load_run
from warehouse.migrate import migrate

DOCS = int(os.environ.get("YUQI_BENCH_DOCS", "100000"))
CLAIMS_PER_DOC = 10
ROUNDS = int(os.environ.get("YUQI_BENCH_ROUNDS", "3"))
FAMILIES = os.environ.get("YUQI_BENCH_FAMILIES", "1") != "0"
# "real": cluster with the warehouse's own assigner (yuqi.app.load) instead of the stand-in.
REAL_CLUSTERS = os.environ.get("YUQI_BENCH_CLUSTERS", "") == "real"
TOPICS = ["contacts_family", "legal_action", "credit_report", "penalty_fees", "home_visit"]
STANCES = ["affirms", "denies", "conditional", "question"]


class _OwnClusters:
    """A trivial assigner: every document is its own cluster (the Dedup bench covers dedup)."""

    def index(self, docs: Sequence[ClusteredDoc]) -> list[IndexEntry]:
        """Nothing to look up later: empty index entries."""
        return [IndexEntry(d.doc_id, d.cluster_id, 0, None, ()) for d in docs]

    def assign(self, new: Sequence[DedupInput], store: DedupStore
               ) -> list[tuple[Assignment, IndexEntry]]:
        """Each new document founds its own cluster."""
        return [(Assignment(d.doc_id, f"c-{d.doc_id}", None, None, None, 0, d.doc_id, 0, 1.0),
                 IndexEntry(d.doc_id, f"c-{d.doc_id}", 0, None, ())) for d in new]


def _write_spool(spool: Path) -> tuple[Path, Path]:
    spool.mkdir(parents=True)
    ids = [f"d{i:07d}" for i in range(DOCS)]
    text = "花呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。" * 3
    docs = pa.table({
        "doc_id": ids, "run_id": ["bench"] * DOCS, "site": [f"s{i % 50}" for i in range(DOCS)],
        "url": [f"http://farm.test/{i}.html" for i in range(DOCS)], "final_url": [None] * DOCS,
        "title": ["t"] * DOCS, "published": ["2026-01-01"] * DOCS, "author": [None] * DOCS,
        "sitename": [None] * DOCS, "text": [text] * DOCS, "text_norm": [text] * DOCS,
        "paragraphs": [[text]] * DOCS,
        "encoding": ["utf-8"] * DOCS, "flags": [[]] * DOCS,
        "text_norm_sha1": [f"h{i}" for i in range(DOCS)],
        "simhash": pa.array([(i * 2654435761) % 2**64 for i in range(DOCS)], pa.uint64()),
        "extractor_version": ["x"] * DOCS, "fetched_at": ["2026-01-01T00:00:00Z"] * DOCS,
        "content_sha1": ["c"] * DOCS, "warc_file": ["a.warc.gz"] * DOCS,
        "warc_offset": pa.array([0] * DOCS, pa.int64()), "warc_record_id": ["<r>"] * DOCS,
    }, schema=SCHEMAS["documents"])
    n = DOCS * CLAIMS_PER_DOC
    claims = pa.table({
        "doc_id": [ids[i // CLAIMS_PER_DOC] for i in range(n)],
        "idx": pa.array([i % CLAIMS_PER_DOC for i in range(n)], pa.int32()),
        "section": [""] * n, "text": ["正规平台一般不会联系家人。"] * n,
        "topics": [[TOPICS[i % 5]] for i in range(n)], "stance": [STANCES[i % 4] for i in range(n)],
        "modality": ["descriptive"] * n, "hedge": ["none"] * n, "products": [["花呗"]] * n,
        "min_days": pa.array([None] * n, pa.int32()), "max_days": pa.array([None] * n, pa.int32()),
        "anchor": [None] * n, "cues": [["topic:x"]] * n,
        "sentence_sha1": [f"s{i % (n // 3)}" for i in range(n)], "tagger_version": ["t"] * n,
        "part": pa.array([0] * n, pa.int16()), "self_contradicting": [False] * n,
        # as the crawl's spool writer gives it (pipeline.spool.SpoolWriter.write_claim)
        "family_text": [family_text("正规平台一般不会联系家人。", product_names())] * n,
        "signature": [label_signature([TOPICS[i % 5]], STANCES[i % 4], "descriptive", "none",
                                      None, None) for i in range(n)],
    }, schema=SCHEMAS["claims"])
    docs_file, claims_file = spool / "w.documents.00000.parquet", spool / "w.claims.00000.parquet"
    pq.write_table(docs, docs_file)
    pq.write_table(claims, claims_file)
    write_manifest(spool, {"run_id": "bench"})
    return docs_file, claims_file


def _copy(root: Path, docs_file: Path, claims_file: Path) -> float:
    """Seconds DuckDB's COPY FROM takes to copy both Parquet files into plain tables."""
    con = duckdb.connect(str(root / "copy.duckdb"))
    migrate(con)
    start = time.perf_counter()
    con.execute("CREATE TABLE d AS SELECT * FROM documents LIMIT 0")
    con.execute("CREATE TABLE c AS SELECT * FROM claims LIMIT 0")
    con.execute("CREATE TABLE sd AS FROM read_parquet(?) LIMIT 0", [str(docs_file)])
    con.execute("CREATE TABLE sc AS FROM read_parquet(?) LIMIT 0", [str(claims_file)])
    con.execute(f"COPY sd FROM '{docs_file}' (FORMAT parquet)")
    con.execute(f"COPY sc FROM '{claims_file}' (FORMAT parquet)")
    seconds = time.perf_counter() - start
    con.close()
    return seconds


def _load(root: Path, docs_file: Path, claims_file: Path
          ) -> tuple[float, dict[str, float], duckdb.DuckDBPyConnection]:
    """Seconds yuqi's loader takes on the same files, the seconds of each of its steps,
    and the loaded warehouse (open)."""
    con = duckdb.connect(str(root / "yuqi.duckdb"))
    migrate(con)
    marks: list[tuple[str, float]] = []
    assigner: ClusterAssigner = _OwnClusters()
    if REAL_CLUSTERS:
        from yuqi.app.load import assign_clusters
        assigner = assign_clusters
    start = time.perf_counter()
    load_run(con, {"documents": [docs_file], "claims": [claims_file]},
             {"run_id": "bench"}, assigner,
             on_step=lambda name: marks.append((name, time.perf_counter())),
             assign_families=(lambda known, new: assign_families(known, new, product_names()))
             if FAMILIES else None)
    end = time.perf_counter()
    marks.append(("end", end))
    steps = {name: later - at for (name, at), (_, later) in
             zip(marks, marks[1:], strict=False)}
    return end - start, steps, con


def run() -> None:
    """Print load rows/s for yuqi's loader and for COPY FROM and their ratio (the median
    of ``ROUNDS`` rounds, each copying and loading into fresh databases side by side)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        docs_file, claims_file = _write_spool(root / "spool")
        rows = DOCS * (1 + CLAIMS_PER_DOC)
        rounds: list[tuple[float, float]] = []
        steps: list[dict[str, float]] = []
        for n in range(ROUNDS):
            for name in ("copy.duckdb", "yuqi.duckdb"):
                (root / name).unlink(missing_ok=True)
                (root / f"{name}.wal").unlink(missing_ok=True)
            copy_s = _copy(root, docs_file, claims_file)
            load_s, round_steps, con = _load(root, docs_file, claims_file)
            rounds.append((copy_s, load_s))
            steps.append(round_steps)
            if n < ROUNDS - 1:
                con.close()

        start = time.perf_counter()
        con.execute("SELECT * FROM v_topic_stance").fetchall()
        view_s = time.perf_counter() - start
        start = time.perf_counter()
        con.execute("SELECT t, stance, count(*) FROM (SELECT unnest(topics) t, stance FROM claims)"
                    " GROUP BY ALL").fetchall()
        plain_s = time.perf_counter() - start
        con.close()

    ratios = sorted(copy_s / load_s for copy_s, load_s in rounds)
    copy_s, load_s = sorted(rounds, key=lambda r: r[0] / r[1])[len(rounds) // 2]
    print(f"load of {DOCS:,} documents + {DOCS * CLAIMS_PER_DOC:,} claims from Parquet"
          f" (median of {ROUNDS} rounds):")
    print(f"  COPY FROM        {rows / copy_s:12,.0f} rows/s")
    print(f"  yuqi load_run    {rows / load_s:12,.0f} rows/s   ratio {copy_s / load_s:.2f} "
          f"(rounds {ratios[0]:.2f}-{ratios[-1]:.2f}; target >= 0.5)")
    print("  yuqi load steps  " + ", ".join(
        f"{name} {sorted(r.get(name, 0.0) for r in steps)[len(steps) // 2]:.2f}"
        for name in steps[0]) + " s (medians)"
          + ("" if FAMILIES else "; claim families off (YUQI_BENCH_FAMILIES=0)")
          + ("; real clustering (YUQI_BENCH_CLUSTERS=real)" if REAL_CLUSTERS else ""))
    print(f"v_topic_stance over {DOCS * CLAIMS_PER_DOC:,} claims: {view_s / plain_s:.1f}x a plain "
          "GROUP BY of the same claims (families and clusters make the difference)")


if __name__ == "__main__":
    run()
