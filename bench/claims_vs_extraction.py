"""Claim tagging cost relative to extraction, on the demo web's article pages.

Both are measured in this process on the same documents: extraction runs
``pipeline.extract.extract_html`` on each page's bytes; tagging runs
``pipeline.claims.tag_document`` (non-claims included, the most work) on the
main text that extraction produced. Rounds are interleaved and the figure is
the median ratio tagging / extraction (target: at most 0.3). Each tagging round starts
with an empty sentence cache (``clear_tag_cache``): what it saves is the sentences the
pages repeat among themselves, never a previous round's work.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from demo.truth import truth_records
from demo.web import DemoWeb
from pipeline.claims import tag_document
from pipeline.claims.tagger import clear_tag_cache
from pipeline.extract import extract_html

BASE = "http://127.0.0.1:8080"
ROUNDS = 5
TARGET = 0.3


def _pages() -> list[tuple[str, bytes, str]]:
    """(url, body, content type) of every truth article page of the demo web."""
    web = DemoWeb()
    pages = []
    for record in truth_records(BASE):
        url = str(record["url"])
        resp = web.respond(urlsplit(url).path, {"Host": "127.0.0.1:8080"})
        pages.append((url, resp.body, resp.header("Content-Type") or ""))
    return pages


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(rounds: int = ROUNDS) -> dict[str, float]:
    """Median, min and max tagging/extraction time ratio, plus the page and sentence counts."""
    pages = _pages()
    texts = [extract_html(body, url, ctype).text for url, body, ctype in pages]

    def extract() -> None:
        for url, body, ctype in pages:
            extract_html(body, url, ctype)

    def tag() -> int:
        clear_tag_cache()  # a first pass: only sentences repeated across the pages hit
        return sum(len(tag_document(str(i), t, include_non_claims=True))
                   for i, t in enumerate(texts))  # fmt: skip

    sentences = tag()  # warm caches (taxonomy, matchers, OpenCC) before timing
    extract()
    ratios = []
    for _ in range(rounds):
        ratios.append(_time(tag) / _time(extract))
    return {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios),
            "pages": float(len(pages)), "sentences": float(sentences)}  # fmt: skip


def run() -> None:
    """Print the claims-tagging / extraction cost ratio on the demo pages."""
    m = measure()
    verdict = "ok" if m["median"] <= TARGET else f"OVER the {TARGET}x target"
    print(f"claims tagging (tag_document, all sentences) vs extraction (extract_html), "
          f"{int(m['pages'])} demo pages, {int(m['sentences'])} sentences, {ROUNDS} rounds:")
    print(f"  ratio median {m['median']:.3f}x  (min {m['min']:.3f}, max {m['max']:.3f})  "
          f"target <= {TARGET}x: {verdict}")


if __name__ == "__main__":
    run()
