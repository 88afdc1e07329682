"""The crawl process's garbage collector, set for a long-running event loop.

Measured on the crawl bench (`python -m bench crawl_vs_scrapy`, 475 pages, gc callbacks in
the crawl process): Python's default threshold (a young-generation pass every 700 new
container objects) ran about 130 young and 12 middle passes and one full pass over the
135k objects Scrapy, Twisted and the stages import, 0.14-0.19 s of the crawl process's
1.8-2.3 s of CPU. That process is the crawl's serial part (the event loop that downloads,
archives and hands pages to the stages workers), so every second it spends there is a
second of the crawl. A young generation of 5000 made 35 young passes and 3 middle ones,
0.04-0.06 s: most requests, responses and items die by reference counting before a pass
sees them. Freezing what exists when the crawl starts (modules, settings, spiders) keeps
the full passes of a long crawl from walking those objects again and again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["CRAWL_YOUNG_THRESHOLD", "crawl_gc"]

#: New container objects between two young-generation passes during a crawl (default 700).
CRAWL_YOUNG_THRESHOLD = 5000


@contextlib.contextmanager
def crawl_gc() -> Iterator[None]:
    """Run the block (a crawl) with a larger young generation and the objects alive at
    its start frozen; the collector's thresholds and frozen set are restored after."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(CRAWL_YOUNG_THRESHOLD, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
