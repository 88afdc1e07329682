"""Dedup thresholds vs pairwise precision/recall on the demo web's truth clusters.

Extracts every live demo page as ``evals.demo_eval`` does, then clusters the
texts with ``pipeline.dedup.Clusterer`` under a grid of parameters (shingle
size n, simhash band radius, anchors, confirmation thresholds) and prints
pairwise precision/recall against the truth clusters, beside simhash alone at
Hamming distance 3 with the package's default features (``Simhash(text)``).
Also prints how far apart same-cluster and different-cluster pairs are
(Jaccard, containment, simhash distance), which is what the thresholds sit in.

Usage: ``python -m evals.dedup_eval [--size N] [--day N]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

from simhash import Simhash

from demo.truth import truth_records
from demo.web import DemoWeb
from evals import demo_web_main
from evals.demo_eval import (
    BASE,
    REAL_STYLE_EDITS,
    Record,
    edit_kind,
    extract_all,
    pair_scores,
)
from pipeline.dedup import DEFAULT_PARAMS, Clusterer, DedupInput, DedupParams, overlap
from pipeline.fingerprint import hamming, shingle_hashes, simhash_of_hashes


def _inputs(texts: dict[str, str], truth: Sequence[Record]) -> list[DedupInput]:
    return [DedupInput(str(r["url"]), texts[str(r["url"])], str(r["published"])) for r in truth]


def clusterer_scores(texts: dict[str, str], truth: Sequence[Record], params: DedupParams
                     ) -> tuple[float, float]:
    """Pairwise (precision, recall) of the clusterer with *params*."""
    got = {a.doc_id: a.cluster_id for a in Clusterer(params).assign_all(_inputs(texts, truth))}
    return pair_scores(got, {str(r["url"]): str(r["cluster"]) for r in truth})


def simhash_baseline(texts: dict[str, str], truth: Sequence[Record], radius: int = 3
                     ) -> tuple[float, float]:
    """Simhash alone: ``Simhash(text)`` defaults, join the first older doc within *radius*."""
    placed: list[tuple[int, str]] = []
    got: dict[str, str] = {}
    for doc in sorted(_inputs(texts, truth), key=lambda d: (d.published or "9999", d.doc_id)):
        fp = int(Simhash(doc.text).value)
        cluster = next((c for h, c in placed if hamming(fp, h) <= radius), f"c-{doc.doc_id}")
        placed.append((fp, cluster))
        got[doc.doc_id] = cluster
    return pair_scores(got, {str(r["url"]): str(r["cluster"]) for r in truth})


def separation(texts: dict[str, str], truth: Sequence[Record], n: int) -> str:
    """One line: the worst same-cluster pair and the closest different-cluster pair."""
    docs = [(str(r["cluster"]), shingle_hashes(texts[str(r["url"])], n)) for r in truth]
    fps = [simhash_of_hashes(h) for _, h in docs]
    same: list[tuple[float, float, int]] = []
    diff: list[tuple[float, float, int]] = []
    for i, j in combinations(range(len(docs)), 2):
        jac, con = overlap(docs[i][1], docs[j][1])
        (same if docs[i][0] == docs[j][0] else diff).append((jac, con, hamming(fps[i], fps[j])))
    d3 = sum(d <= 3 for _, _, d in same) / max(len(same), 1)
    return (f"n={n}: same-cluster pairs {len(same)}: Jaccard min {min(s[0] for s in same):.2f}, "
            f"containment min {min(s[1] for s in same):.2f}, simhash dist max "
            f"{max(s[2] for s in same)} (within 3: {d3:.2f}); different pairs {len(diff)}: "
            f"Jaccard max {max(s[0] for s in diff):.2f}, containment max "
            f"{max(s[1] for s in diff):.2f}, simhash dist min {min(s[2] for s in diff)}")


GRID: list[tuple[str, DedupParams]] = [
    ("chosen (defaults)", DEFAULT_PARAMS),
    ("n=3", replace(DEFAULT_PARAMS, shingle_size=3)),
    ("n=5", replace(DEFAULT_PARAMS, shingle_size=5)),
    ("simhash bands only r=3", replace(DEFAULT_PARAMS, anchors=0)),
    ("simhash bands only r=7", replace(DEFAULT_PARAMS, anchors=0, band_radius=7)),
    ("simhash bands only r=15", replace(DEFAULT_PARAMS, anchors=0, band_radius=15)),
    ("anchors=8", replace(DEFAULT_PARAMS, anchors=8)),
    ("anchors=16 shared>=3", replace(DEFAULT_PARAMS, min_shared_anchors=3)),
    ("anchors=32", replace(DEFAULT_PARAMS, anchors=32)),
    ("J>=0.3 C>=0.5", replace(DEFAULT_PARAMS, min_jaccard=0.3, min_containment=0.5)),
    ("J>=0.4 C>=0.6", replace(DEFAULT_PARAMS, min_jaccard=0.4, min_containment=0.6)),
    ("J>=0.6 C>=0.9", replace(DEFAULT_PARAMS, min_jaccard=0.6, min_containment=0.9)),
    ("J>=0.7 C>=0.95", replace(DEFAULT_PARAMS, min_jaccard=0.7, min_containment=0.95)),
    ("J>=0.8 C>=1.0", replace(DEFAULT_PARAMS, min_jaccard=0.8, min_containment=1.0)),
    ("no sentence stage", replace(DEFAULT_PARAMS, min_sentence_coverage=2.0)),
    ("sentence cover >= 0.65", replace(DEFAULT_PARAMS, min_sentence_coverage=0.65)),
    ("sentence cover >= 0.85", replace(DEFAULT_PARAMS, min_sentence_coverage=0.85)),
]
def repost_recall(texts: dict[str, str], truth: Sequence[Record], params: DedupParams
                  ) -> dict[str, tuple[int, int]]:
    """Per edit kind: (reposts in the cluster of a truth mate, reposts) under *params*.

    A repost counts as found when the clusterer put it with at least one page of its
    truth cluster: what makes it count once as a source.
    """
    got = {a.doc_id: a.cluster_id for a in Clusterer(params).assign_all(_inputs(texts, truth))}
    members: dict[str, list[str]] = {}
    for r in truth:
        members.setdefault(str(r["cluster"]), []).append(str(r["url"]))
    out: dict[str, tuple[int, int]] = {}
    for r in truth:
        url = str(r["url"])
        mates = [m for m in members[str(r["cluster"])] if m != url]
        if not r.get("edits") or not mates:
            continue
        kind = edit_kind(r)
        found, total = out.get(kind, (0, 0))
        out[kind] = (found + any(got[m] == got[url] for m in mates), total + 1)
    return out


def report(size: int = 400, day: int = 0) -> None:
    """Extract the demo web once and print the parameter grid's precision/recall."""
    web = DemoWeb(size=size, day=day)
    truth = [r for r in truth_records(BASE, size=size, day=day, corpus=web.corpus)
             if r["deleted_day"] is None]
    texts, _ = extract_all(web, truth)
    print(f"dedup on the demo web (size {size}, day {day}): {len(truth)} pages, "
          f"{len({r['cluster'] for r in truth})} truth clusters; pairwise P/R")
    for n in (3, 4, 5):
        print("  " + separation(texts, truth, n))
    print(f"  {'setting':26}{'n':>3}{'band r':>8}{'anchors':>8}{'J>=':>6}{'C>=':>6}"
          f"{'precision':>11}{'recall':>8}")
    for label, p in GRID:
        prec, rec = clusterer_scores(texts, truth, p)
        print(f"  {label:26}{p.shingle_size:>3}{p.band_radius:>8}"
              f"{str(p.anchors) + '/' + str(p.min_shared_anchors):>8}"
              f"{p.min_jaccard:>6.2f}{p.min_containment:>6.2f}{prec:>11.3f}{rec:>8.3f}")
    prec, rec = simhash_baseline(texts, truth)
    print(f"  {'simhash alone, dist<=3':26}{'Simhash(text) defaults':>37}{prec:>11.3f}{rec:>8.3f}")
    print("  reposts clustered with their story, by edit kind (found/reposts):")
    for label, p in (("chosen (defaults)", DEFAULT_PARAMS), GRID[-3]):
        recall = repost_recall(texts, truth, p)
        cells = "  ".join(f"{k} {recall[k][0]}/{recall[k][1]}"
                          for k in ("plain", *REAL_STYLE_EDITS) if k in recall)
        print(f"    {label:24}{cells}")


def run_and_print() -> None:
    """Entry for ``python -m evals``."""
    report()


def main() -> None:
    """Command-line entry: ``python -m evals.dedup_eval [--size N] [--day N]``."""
    demo_web_main(report, __doc__)


if __name__ == "__main__":
    main()
