"""Per-page pipeline cost relative to bare trafilatura, on the demo web's pages.

Absolute times on shared machines are noise, so every figure is a ratio of
two measurements taken in this process, on the same pages, interleaved: whole rounds
(wall time, the goal's figure), and page by page in CPU time (this thread's), which
other jobs on the machine move far less (rounds within 2-3% at load average 3.5, where
the round ratios ranged 1.2-2.7).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import trafilatura

from demo.truth import truth_records
from demo.web import DemoWeb
from pipeline.claims.tagger import clear_tag_cache
from pipeline.decode import decode_html
from pipeline.extract import ExtractConfig
from pipeline.records import RawPage
from pipeline.stages import process_page

BASE = "http://127.0.0.1:8080"
ROUNDS = 5


def _pages() -> list[RawPage]:
    web = DemoWeb()
    pages = []
    for record in truth_records(BASE):
        url = str(record["url"])
        resp = web.respond(urlsplit(url).path, {"Host": "127.0.0.1:8080"})
        pages.append(RawPage("bench", str(record["site"]), url, url, resp.status,
                             tuple(resp.headers), resp.body, "2026-01-01T00:00:00Z"))
    return pages


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _page_interleaved(pages: list[RawPage], texts: list[str], config: ExtractConfig) -> float:
    """Our CPU time over bare trafilatura's, the two alternating page by page (one round)."""
    clear_tag_cache()
    ours = bare = 0.0
    for page, text in zip(pages, texts, strict=True):
        start = time.thread_time()
        trafilatura.extract(text, deduplicate=False)
        middle = time.thread_time()
        process_page(page, config)
        end = time.thread_time()
        bare += middle - start
        ours += end - middle
    return ours / bare


def run() -> None:
    """Print the pipeline/trafilatura time ratio (median of interleaved rounds)."""
    pages = _pages()
    texts = [decode_html(p.body, p.header("Content-Type")).text for p in pages]
    config = ExtractConfig()

    def bare() -> None:
        for text in texts:
            trafilatura.extract(text, deduplicate=False)

    def ours() -> None:
        clear_tag_cache()  # a first pass: no sentence remembered from the previous round
        for page in pages:
            process_page(page, config)

    bare()
    ours()  # warm caches (taxonomy, OpenCC) before timing
    ratios = []
    for _ in range(ROUNDS):
        ratios.append(_time(ours) / _time(bare))
    print(f"pipeline per page (decode+extract+clean+fingerprint+claims) vs bare trafilatura, "
          f"{len(pages)} demo pages, {ROUNDS} rounds:")
    print(f"  ratio median {statistics.median(ratios):.2f}  "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
    cpu = [_page_interleaved(pages, texts, config) for _ in range(ROUNDS)]
    print(f"  CPU time, page by page: median {statistics.median(cpu):.3f}  "
          f"(min {min(cpu):.3f}, max {max(cpu):.3f})")


if __name__ == "__main__":
    run()
