"""Score the current pipeline on the demo web against its ground truth (``make eval``).

In-process and deterministic: every live article of the default demo web
(day 0, size 400) is answered by ``DemoWeb.respond`` and extracted as the crawl
does it (``pipeline.extract.extract_html`` with the site's drop selectors from
``demo.site_configs``). Beside it, plain trafilatura on the same bytes decoded
by ``pipeline.decode.decode_html``. For both it prints:

- extraction character-bag F1 (mean, worst 5 pages), as in ``extraction_eval``
- teaser and noise leakage (truth strings found in the output)
- dedup pairwise precision / recall (``pipeline.dedup.Clusterer`` on the texts)
- claim topic micro-F1 and stance accuracy (``pipeline.claims.tag_document`` on
  the text, claims matched to truth claims by sentence text)
- claims whose text starts with one of the page's headings (a heading glued
  onto the next sentence; the truth's headings are its lines without
  sentence-ending punctuation)

Usage: ``python -m evals.demo_eval [--size N] [--day N]``.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from urllib.parse import urlsplit

import trafilatura

from demo.site_configs import site_configs
from demo.truth import truth_records
from demo.web import DemoWeb
from evals import demo_web_main
from evals.extraction_eval import char_f1
from pipeline.claims import tag_document
from pipeline.decode import decode_html
from pipeline.dedup import Clusterer, DedupInput
from pipeline.extract import ExtractConfig, extract_html

BASE = "http://127.0.0.1:8080"
HOST = {"Host": "127.0.0.1:8080"}

Record = dict[str, object]


@dataclass
class Scores:
    """Every figure for one extractor."""

    f1: dict[str, float] = field(default_factory=dict)
    teasers_leaked: int = 0
    pages_with_teasers: int = 0
    noise_leaked: int = 0
    pages_with_noise: int = 0
    dedup_precision: float = 0.0
    dedup_recall: float = 0.0
    # pairs with a real-style repost (spun, Traditional, truncated: demo.edits) on one side
    real_style_precision: float = 0.0
    real_style_recall: float = 0.0
    topic_f1: float = 0.0
    stance_accuracy: float = 0.0
    stance_matched: int = 0
    heading_claims: int = 0


def _squash(text: str) -> str:
    return "".join(text.split())


def _core(teaser: str) -> str:
    return teaser.rstrip(".…").split("：", 1)[-1]


def leakage(texts: dict[str, str], truth: Sequence[Record], key: str, core: bool
            ) -> tuple[int, int]:
    """(strings leaked, pages with a leak) of the truth's *key* list in the outputs."""
    leaked = pages = 0
    for rec in truth:
        out = _squash(texts[str(rec["url"])])
        items = rec[key]
        assert isinstance(items, list)
        found = sum(1 for item in items if _squash(_core(item) if core else item) in out)
        leaked += found
        pages += found > 0
    return leaked, pages


def pair_scores(predicted: dict[str, str], truth: dict[str, str],
                only: set[str] | None = None) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the truth clusters
    (with *only*, over the pairs with at least one document of *only*)."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(truth), 2):
        if only is not None and a not in only and b not in only:
            continue
        same_pred, same_true = predicted[a] == predicted[b], truth[a] == truth[b]
        tp += same_pred and same_true
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


# The repost edits that copy like real farms do (demo.edits): spinning, Traditional, truncation.
REAL_STYLE_EDITS = ("respin", "trad", "head", "tail")


def edit_kind(rec: Record) -> str:
    """The real-style edit kind of a truth page (its first real-style edit), or "plain"."""
    ops = [str(e).partition(":")[0] for e in rec.get("edits") or []]  # type: ignore[attr-defined]
    return next((op for op in ops if op in REAL_STYLE_EDITS), "plain")


def cluster(texts: dict[str, str], truth: Sequence[Record]) -> dict[str, str]:
    """The pipeline's clusters for the extracted texts (oldest first, as the load does)."""
    inputs = [DedupInput(str(r["url"]), texts[str(r["url"])], str(r["published"]))
              for r in truth]
    return {a.doc_id: a.cluster_id for a in Clusterer().assign_all(inputs)}


def claim_scores(texts: dict[str, str], truth: Sequence[Record]) -> tuple[float, float, int]:
    """Topic micro-F1 over sentences, stance accuracy on matched claims, and matches."""
    tp = fp = fn = stance_ok = matched = 0
    for rec in truth:
        url = str(rec["url"])
        gold: dict[str, dict[str, object]] = {}
        for claim in rec["claims"]:  # type: ignore[attr-defined]
            gold[_squash(claim["text"])] = claim
        predicted = {_squash(c.text): c for c in tag_document(url, texts[url])}
        for sentence in set(gold) | set(predicted):
            want = set(gold[sentence]["topics"]) if sentence in gold else set()  # type: ignore
            got = set(predicted[sentence].topics) if sentence in predicted else set()
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
            if sentence in gold and sentence in predicted:
                matched += 1
                stance_ok += predicted[sentence].stance == gold[sentence]["stance"]
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, (stance_ok / matched if matched else 0.0), matched


def truth_headings(rec: Record) -> list[str]:
    """The truth's heading lines (squashed): lines with no sentence-ending punctuation."""
    return [_squash(line) for line in str(rec["text"]).split("\n")
            if line.strip() and not line.rstrip().endswith(("。", "！", "？", "…", "”", "）"))]


def heading_claims(texts: dict[str, str], truth: Sequence[Record]) -> int:
    """Tagged claims whose text starts with a heading of the page (a heading glued on)."""
    glued = 0
    for rec in truth:
        url = str(rec["url"])
        heads = [h for h in truth_headings(rec) if h]
        for claim in tag_document(url, texts[url]):
            text = _squash(claim.text)
            glued += any(text.startswith(h) and len(text) > len(h) for h in heads)
    return glued


def score(texts: dict[str, str], truth: Sequence[Record]) -> Scores:
    """All figures for one extractor's outputs (url -> text)."""
    s = Scores()
    f1 = {str(r["url"]): char_f1(texts[str(r["url"])], str(r["text"])) for r in truth}
    s.f1 = f1
    s.teasers_leaked, s.pages_with_teasers = leakage(texts, truth, "teasers", core=True)
    s.noise_leaked, s.pages_with_noise = leakage(texts, truth, "noise", core=False)
    clusters = cluster(texts, truth)
    truth_clusters = {str(r["url"]): str(r["cluster"]) for r in truth}
    s.dedup_precision, s.dedup_recall = pair_scores(clusters, truth_clusters)
    s.real_style_precision, s.real_style_recall = pair_scores(
        clusters, truth_clusters, {str(r["url"]) for r in truth if edit_kind(r) != "plain"})
    s.topic_f1, s.stance_accuracy, s.stance_matched = claim_scores(texts, truth)
    s.heading_claims = heading_claims(texts, truth)
    return s


def extract_all(web: DemoWeb, truth: Iterable[Record], *, baseline: bool = True,
                removed_truth: Counter[str] | None = None
                ) -> tuple[dict[str, str], dict[str, str]]:
    """(ours, plain trafilatura) main text of every truth page, keyed by URL.

    Without *baseline* plain trafilatura is not run and its dict is empty. When
    *removed_truth* is given, it counts per cleaning rule the truth characters inside
    the blocks our cleaning removed (truth lines cut as boilerplate).
    """
    configs = {str(c["name"]): c for c in site_configs(BASE)}
    ours, plain = {}, {}
    for rec in truth:
        url = str(rec["url"])
        resp = web.respond(urlsplit(url).path, HOST)
        content_type = resp.header("Content-Type") or ""
        config = configs[str(rec["site"])]
        drops = tuple(str(x) for x in config["drop_selectors"])  # type: ignore[attr-defined]
        extracted = extract_html(resp.body, url, content_type,
                                 ExtractConfig(drops, str(config["encoding"])))
        ours[url] = extracted.text
        if removed_truth is not None:
            lines = {_squash(line) for line in str(rec["text"]).split("\n") if line.strip()}
            for removal in extracted.removals:
                if _squash(removal.text) in lines:
                    removed_truth[removal.rule] += len(_squash(removal.text))
        if not baseline:
            continue
        decoded = decode_html(resp.body, content_type).text
        plain[url] = trafilatura.extract(decoded, deduplicate=False) or ""
    return ours, plain


def _count(items: object) -> int:
    return len(items) if isinstance(items, list) else 0


def _by_site(f1: dict[str, float], truth: Sequence[Record]) -> dict[str, float]:
    sites: dict[str, list[float]] = defaultdict(list)
    for rec in truth:
        sites[str(rec["site"])].append(f1[str(rec["url"])])
    return {k: statistics.mean(v) for k, v in sorted(sites.items())}


def report(size: int = 400, day: int = 0, *, baseline: bool = True) -> dict[str, Scores]:
    """Score both extractors on the demo web and print the figures side by side.

    Without *baseline* only yuqi is scored (`python -m evals --fast`).
    """
    web = DemoWeb(size=size, day=day)
    truth = [r for r in truth_records(BASE, size=size, day=day, corpus=web.corpus)
             if r["deleted_day"] is None]
    eaten: Counter[str] = Counter()
    ours_text, plain_text = extract_all(web, truth, baseline=baseline, removed_truth=eaten)
    results = {"yuqi": score(ours_text, truth)}
    if baseline:
        results["plain trafilatura"] = score(plain_text, truth)
    clusters = len({r["cluster"] for r in truth})
    counts = {k: sum(_count(r[k]) for r in truth) for k in ("teasers", "noise", "claims")}
    print(f"demo web (size {size}, day {day}): {len(truth)} article pages, {clusters} clusters, "
          f"{counts['teasers']} teasers, {counts['noise']} noise strings, "
          f"{counts['claims']} claims")
    names = list(results)
    widths = {"yuqi": 12, "plain trafilatura": 20}
    print(f"  {'':28}" + "".join(f"{n:>{widths[n]}}" for n in names))
    rows = [
        ("char-F1 mean", lambda s: f"{statistics.mean(s.f1.values()):.3f}"),
        ("char-F1 worst page", lambda s: f"{min(s.f1.values()):.3f}"),
        ("teasers leaked (pages)", lambda s: f"{s.teasers_leaked} ({s.pages_with_teasers})"),
        ("noise leaked (pages)", lambda s: f"{s.noise_leaked} ({s.pages_with_noise})"),
        ("dedup pair precision", lambda s: f"{s.dedup_precision:.3f}"),
        ("dedup pair recall", lambda s: f"{s.dedup_recall:.3f}"),
        ("  real-style reposts P", lambda s: f"{s.real_style_precision:.3f}"),
        ("  real-style reposts R", lambda s: f"{s.real_style_recall:.3f}"),
        ("claim topic micro-F1", lambda s: f"{s.topic_f1:.3f}"),
        ("stance accuracy (matched)", lambda s: f"{s.stance_accuracy:.3f} ({s.stance_matched})"),
        ("claims starting w/ heading", lambda s: f"{s.heading_claims}"),
    ]
    for label, fmt in rows:
        print(f"  {label:28}" + "".join(f"{fmt(results[n]):>{widths[n]}}" for n in names))
    print("  truth characters removed by cleaning: " + (
        ", ".join(f"{rule} {n}" for rule, n in eaten.most_common()) or "none"))
    ours = results["yuqi"]
    plain = results.get("plain trafilatura")
    worst = sorted(ours.f1.items(), key=lambda kv: kv[1])[:5]
    if plain is None:
        print("  worst 5 pages (yuqi): " + ", ".join(
            f"{urlsplit(u).path} {v:.2f}" for u, v in worst))
        return results
    print("  worst 5 pages (yuqi / plain): " + ", ".join(
        f"{urlsplit(u).path} {v:.2f}/{plain.f1[u]:.2f}" for u, v in worst))
    print("  char-F1 by site (yuqi / plain): " + ", ".join(
        f"{k} {v:.2f}/{_by_site(plain.f1, truth)[k]:.2f}"
        for k, v in _by_site(ours.f1, truth).items()))
    return results


def run_and_print() -> None:
    """Entry for ``python -m evals``: the default demo web, day 0."""
    report()


def main() -> None:
    """Command-line entry: ``python -m evals.demo_eval [--size N] [--day N]``."""
    demo_web_main(report, __doc__)


if __name__ == "__main__":
    main()
