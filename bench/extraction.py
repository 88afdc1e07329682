"""Our whole extract stage vs bare ``trafilatura.extract``, on the demo web's pages.

Ours: ``extract_html`` on the response bytes with the site's drop selectors
(decode + guards + drop selectors + trafilatura with metadata + cleaning).
Bare: ``trafilatura.extract`` on the same pages' decoded text (decoding not
counted, metadata off: its defaults). Interleaved rounds; the figure is a ratio.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import trafilatura

from demo.site_configs import site_configs
from demo.truth import truth_records
from demo.web import DemoWeb
from pipeline.decode import decode_html
from pipeline.extract import ExtractConfig, extract_html

BASE = "http://127.0.0.1:8080"
ROUNDS = 5
TARGET = 1.3


def _pages() -> list[tuple[bytes, str, str, ExtractConfig]]:
    web = DemoWeb()
    configs = {str(c["name"]): c for c in site_configs(BASE)}
    pages = []
    for record in truth_records(BASE, corpus=web.corpus):
        if record["deleted_day"] is not None:
            continue
        url = str(record["url"])
        resp = web.respond(urlsplit(url).path, {"Host": "127.0.0.1:8080"})
        config = configs[str(record["site"])]
        drops = tuple(str(x) for x in config["drop_selectors"])  # type: ignore[attr-defined]
        pages.append((resp.body, url, resp.header("Content-Type") or "",
                      ExtractConfig(drops, str(config["encoding"]))))
    return pages


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run() -> None:
    """Print the extract-stage / bare-trafilatura time ratio (median of interleaved rounds)."""
    pages = _pages()
    texts = [decode_html(body, ctype).text for body, _, ctype, _ in pages]

    def bare() -> None:
        for text in texts:
            trafilatura.extract(text, deduplicate=False)

    def ours() -> None:
        for body, url, ctype, config in pages:
            extract_html(body, url, ctype, config)

    bare()
    ours()  # warm up
    times = [(_time(ours), _time(bare)) for _ in range(ROUNDS)]
    ratios = [o / b for o, b in times]
    bare_rate = len(pages) / statistics.median(b for _, b in times)
    ours_rate = len(pages) / statistics.median(o for o, _ in times)
    print(f"extract stage (decode+guards+drop+trafilatura+metadata+clean) vs bare "
          f"trafilatura.extract, {len(pages)} demo pages, {ROUNDS} rounds:")
    print(f"  {ours_rate:.0f} vs {bare_rate:.0f} pages/s; ratio median "
          f"{statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}); "
          f"target <= {TARGET}")


if __name__ == "__main__":
    run()
