"""Crawl throughput: bare Scrapy vs yuqi's crawl, with and without extraction.

All three variants run against the same demo web process (``python -m demo
--size 400``) in this bench session, each in its own subprocess (Scrapy's
reactor cannot restart), with the same settings: politeness delay 0, no
autothrottle, ``CONCURRENCY`` requests per site, robots.txt obeyed, the same
timeouts, retries and user agent, and one crawler per site:

- (a) bare: a minimal ``scrapy.Spider`` (no yuqi middlewares or pipelines)
  that downloads exactly the URLs crawl (b) fetched, read from (b)'s fetch
  spool (``final_url``; redirects not followed, so each URL is fetched once);
- (b) yuqi, extraction off: ``run_crawl`` with ``ITEM_PIPELINES`` emptied, so
  the guard, WARC archiving and fetch spooling still run;
- (c) yuqi, full: ``run_crawl`` as ``yuqi crawl`` runs it, extraction on.

Pages/s is timed inside each subprocess from crawler creation to the reactor
stopping (imports excluded); with workers, the stages' forkserver is started where
`yuqi crawl` starts it, before Scrapy is imported, so its own imports and warm-up overlap
the crawl process's as in the command (started by the pool instead, inside the timed
crawl, that one second of CPU cost about 0.07 of the 2-worker ratio). ``ROUNDS`` rounds
run every variant once, in reverse order every other round; each pages/s figure is the
median over the rounds. Each ratio is the median of the rounds' own ratios (a variant
against the bare spider of the same round, a few seconds apart): this machine's speed
drifts by a third within a minute (the bare spider 377 -> 233 pages/s over six rounds),
which a ratio of medians taken over the whole run mixes in; the ratio of the medians and
the rounds' range are printed beside it. For each yuqi variant it also prints when the
last response came in, as a share of the crawl (the fetch spool's times): the rest is
pages waiting for a stages worker, then the close. Prints the ratios b/a (target >= 0.7)
and c/a. When b/a, or c/a with 2 workers, is below its target (or with
``YUQI_BENCH_PROFILE=1``), that variant is run once more under cProfile and its time is
printed by part (spider callbacks, scheduling, WARC and spool, guard, the pool, ...) with
the hottest functions.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any

SIZE = 400
CONCURRENCY = 16
ROUNDS = 5
TARGET = 0.7
REPO = Path(__file__).resolve().parent.parent

# The same for every variant (merged over yuqi's per-site settings as overrides).
COMMON_SETTINGS: dict[str, Any] = {
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "RETRY_TIMES": 2,
    "DOWNLOAD_DELAY": 0.0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": CONCURRENCY,
    "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
}
VARIANTS = ("bare", "noextract", "full", "full1", "full2")
# Extraction on, with the stages in the crawl process (full) or on 1 or 2 worker processes.
WORKERS = {"full": 0, "full1": 1, "full2": 2}
_SHORT = {"bare": "bare", "noextract": "extraction off", "full": "inline", "full1": "1 worker",
          "full2": "2 workers"}
POOL_TARGET = 0.55  # (c) with 2 workers against (a), on a 2-core machine (issue 19)


_COMPONENT_DICTS = ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS",
                    "ITEM_PIPELINES", "DOWNLOAD_HANDLERS")
_CLASS_SETTINGS = ("SCHEDULER", "DUPEFILTER_CLASS", "REQUEST_FINGERPRINTER_CLASS", "DOWNLOADER",
                   "STATS_CLASS", "SCHEDULER_PRIORITY_QUEUE", "SCHEDULER_DISK_QUEUE",
                   "SCHEDULER_MEMORY_QUEUE", "DOWNLOADER_HTTPCLIENTFACTORY",
                   "DOWNLOADER_CLIENTCONTEXTFACTORY", "ROBOTSTXT_PARSER", "LOG_FORMATTER")


def preload(settings: dict[str, Any]) -> None:
    """Import every component *settings* name, so the timed crawl excludes module imports."""
    from scrapy.settings import Settings
    from scrapy.utils.misc import load_object

    full = Settings(settings)
    paths: list[Any] = [full.get(name) for name in _CLASS_SETTINGS]
    for name in _COMPONENT_DICTS:
        components = full.getwithbase(name)
        paths += components.values() if name == "DOWNLOAD_HANDLERS" else components.keys()
    for path in paths:
        if isinstance(path, str) and "." in path:  # a placeholder ("SENTINEL") is no path
            load_object(path)


def _child_yuqi(base_url: str, data_dir: Path, extract: bool, workers: int = 0) -> dict[str, Any]:
    """Variant (b) or (c): run_crawl over the demo site configs; pages = archived responses."""
    if workers > 0:  # as `yuqi crawl` does: before Scrapy is imported (yuqi.app.crawl)
        from pipeline.stages_server import start_stages_server

        start_stages_server()
    from demo.site_configs import site_configs
    from pipeline.siteconfig import site_config_from_mapping
    from pipeline.stat_keys import Stat
    from spiders.crawl import run_crawl
    from spiders.settings import BASE_SETTINGS

    configs = [
        site_config_from_mapping({**c, "politeness": {"delay": 0.0, "concurrency": CONCURRENCY}})
        for c in site_configs(base_url)
    ]
    overrides = dict(COMMON_SETTINGS)
    if not extract:
        overrides["ITEM_PIPELINES"] = {}  # the spider's closed() still flushes WARC and spool
    overrides["YUQI_WORKERS"] = workers
    preload({**BASE_SETTINGS, **overrides})
    started = time.time()
    start = time.perf_counter()
    stats = run_crawl(configs, data_dir, "bench", overrides)
    seconds = time.perf_counter() - start
    last_fetch = max((datetime.fromisoformat(str(row["fetched_at"])).timestamp()
                      for row in spooled_fetches(data_dir, ["fetched_at"])), default=started)
    pages = sum(int(s.get(Stat.ARCHIVED, 0)) for s in stats.values())
    errors = sum(int(s.get("downloader/exception_count", 0)) for s in stats.values())
    requests = sum(int(s.get(key, 0)) for s in stats.values()
                   for key in ("scheduler/enqueued", "dupefilter/filtered", "offsite/filtered"))
    return {"pages": pages, "seconds": seconds, "errors": errors, "requests": requests,
            "downloading": min(seconds, last_fetch - started)}


def _child_bare(urls_file: Path) -> dict[str, Any]:
    """Variant (a): one bare crawler per site, each downloading its site's listed URLs."""
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.http import Response

    from spiders.settings import USER_AGENT

    class BareSpider(Spider):
        """Downloads a fixed URL list once each; no parsing, no following."""

        name = "bare"

        def __init__(self, urls: list[str], **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.urls = urls

        async def start(self) -> AsyncIterator[Request]:
            """Every listed URL, as is: no dupefilter, no redirects, any status kept."""
            for url in self.urls:
                yield Request(url, callback=self.parse, dont_filter=True,
                              meta={"dont_redirect": True, "handle_httpstatus_all": True})

        def parse(self, response: Response, **kwargs: Any) -> None:
            """Drop the response: the download is all that is measured."""

    per_site: dict[str, list[str]] = json.loads(urls_file.read_text(encoding="utf-8"))
    settings = {**COMMON_SETTINGS, "USER_AGENT": USER_AGENT}
    preload(settings)
    start = time.perf_counter()
    process = CrawlerProcess(settings)
    crawlers: list[Crawler] = []
    for site, urls in per_site.items():
        crawler = process.create_crawler(BareSpider)
        process.crawl(crawler, urls=urls, name=f"bare_{site}")
        crawlers.append(crawler)
    process.start()
    seconds = time.perf_counter() - start
    stats = [c.stats.get_stats() if c.stats else {} for c in crawlers]
    pages = sum(int(s.get("downloader/response_count", 0)) for s in stats)
    errors = sum(int(s.get("downloader/exception_count", 0)) for s in stats)
    return {"pages": pages, "seconds": seconds, "errors": errors}


def _child(argv: list[str]) -> None:
    """Subprocess entry: run one variant, print its result as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_vs_scrapy")
    parser.add_argument("variant", choices=VARIANTS)
    parser.add_argument("base_url")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--urls", type=Path)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    if args.variant == "bare":
        result = _child_bare(args.urls)
    else:
        result = _child_yuqi(args.base_url, args.data_dir, extract=args.variant != "noextract",
                             workers=WORKERS.get(args.variant, 0))
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    print(json.dumps(result), flush=True)


def _spawn(variant: str, base_url: str, data_dir: Path, urls: Path | None = None,
           profile: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.crawl_vs_scrapy", variant, base_url, str(data_dir)]
    if urls is not None:
        cmd += ["--urls", str(urls)]
    if profile is not None:
        cmd += ["--profile", str(profile)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{variant} crawl failed ({proc.returncode}): {proc.stderr[-800:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def spooled_fetches(data_dir: Path, columns: list[str]) -> list[dict[str, Any]]:
    """The fetch spool rows (only *columns*) of every run a yuqi crawl left in *data_dir*."""
    import pyarrow.parquet as pq

    from pipeline.spool import spool_files

    return [row for run in sorted((data_dir / "spool").glob("*"))
            for path in spool_files(run, "fetches")
            for row in pq.read_table(path, columns=columns).to_pylist()]


def fetched_urls(data_dir: Path) -> dict[str, list[str]]:
    """Per site, the final URL of every response a yuqi crawl spooled, robots.txt excluded.

    The bare spider obeys robots.txt itself, so it fetches those on its own.
    """
    per_site: dict[str, list[str]] = {}
    for row in spooled_fetches(data_dir, ["site", "final_url"]):
        if not str(row["final_url"]).endswith("/robots.txt"):
            per_site.setdefault(str(row["site"]), []).append(str(row["final_url"]))
    return per_site


# Where a yuqi crawl's time goes: (label, [(file suffix, function)]), cumulative times.
_PARTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("spider callbacks (link extraction, canonical URLs, RawPage)",
     (("spiders/generic.py", "parse"), ("spiders/generic.py", "parse_sitemap"))),
    ("scheduling the yielded requests (fingerprint, dupefilter)",
     (("scrapy/core/scheduler.py", "enqueue_request"),)),
    ("WARC writing + fetch spool rows (archive_mw)",
     (("spiders/archive_mw.py", "process_response"),)),
    ("request guard (guard.py)", (("spiders/guard.py", "process_request"),)),
    ("conditional requests (conditional.py)", (("spiders/conditional.py", "process_request"),)),
    ("progress display (progress.py)", (("spiders/progress.py", "_tick"),)),
    # The flush itself (Parquet files, fsyncs) runs on a thread since perf8: cProfile sees
    # the crawl's thread only, so this is what the close still costs the event loop.
    ("site close on the event loop (flush handed to a thread)",
     (("spiders/generic.py", "closed"),)),
    # Extraction on: process_item includes pickling and sending its page to a worker
    # (PagePool.run); _readable runs from the event loop (a result in, the next page out).
    ("stages: inline, or pickle + send to a worker; spool rows",
     (("spiders/stages_pipeline.py", "process_item"),)),
    ("stages pool: results in, next pages out (page_pool.py)",
     (("pipeline/page_pool.py", "_readable"),)),
    ("crawler and engine setup", (("scrapy/crawler.py", "_create_engine"),)),
)


def where_time_goes(profile: Path) -> list[tuple[str, float, float]]:
    """(part, seconds, share of run_crawl) for the parts of a profiled yuqi crawl."""
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]

    def cumulative(suffix: str, func: str) -> float:
        return sum(v[3] for (path, _, name), v in raw.items()
                   if name == func and path.replace("\\", "/").endswith(suffix))

    total = cumulative("spiders/crawl.py", "run_crawl") or 1.0
    parts = [(label, sum(cumulative(f, n) for f, n in funcs)) for label, funcs in _PARTS]
    return [(label, secs, secs / total) for label, secs in parts]


def _top_functions(profile: Path, limit: int = 8) -> str:
    out = StringIO()
    stats = pstats.Stats(str(profile), stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    return "\n".join("    " + ln for ln in lines[start:])


def run() -> None:
    """Print pages/s of bare Scrapy, yuqi without and with extraction, and the ratios."""
    from yuqi.app.demo_web import DemoWebProcess

    rates: dict[str, list[float]] = {v: [] for v in VARIANTS}
    # yuqi variants: the share of the crawl spent before its last response came in; the
    # rest is the stages' backlog (pages waiting for a worker) and the spool's close
    downloading: dict[str, list[float]] = {v: [] for v in VARIANTS}
    pages: dict[str, int] = {}
    requests = 0
    errors: dict[str, int] = dict.fromkeys(VARIANTS, 0)
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, DemoWebProcess(0, ["--size", str(SIZE)]) as web:
        root = Path(tmp)
        # Warm-up crawl (b): fills the server's caches and gives the URL list for (a).
        warm = root / "warm"
        _spawn("noextract", web.base_url, warm)
        per_site = fetched_urls(warm)
        if not per_site:
            raise RuntimeError("the yuqi crawl spooled no fetch rows")
        urls = root / "urls.json"
        urls.write_text(json.dumps(per_site), encoding="utf-8")
        for n in range(ROUNDS):
            for variant in VARIANTS if n % 2 == 0 else VARIANTS[::-1]:
                result = _spawn(variant, web.base_url, root / f"{variant}{n}", urls)
                rates[variant].append(result["pages"] / result["seconds"])
                if "downloading" in result:
                    downloading[variant].append(result["downloading"] / result["seconds"])
                pages[variant] = result["pages"]
                requests = max(requests, int(result.get("requests", 0)))
                errors[variant] += result["errors"]
        median = {v: statistics.median(r) for v, r in rates.items()}
        # per round, each variant against that round's bare spider
        paired = {v: sorted(r / b for r, b in zip(rates[v], rates["bare"], strict=True))
                  for v in VARIANTS}
        ratio = {v: statistics.median(p) for v, p in paired.items()}
        # Profiled once more (cProfile, in the crawl process only): (b) when it is below
        # target, (c) with 2 workers when it is; both with YUQI_BENCH_PROFILE=1.
        asked = bool(os.environ.get("YUQI_BENCH_PROFILE"))
        profiled: list[tuple[str, list[tuple[str, float, float]], str]] = []
        for variant, below in (("noextract", ratio["noextract"] < TARGET),
                               ("full2", ratio["full2"] < POOL_TARGET)):
            if below or asked:
                profile_path = root / f"{variant}.prof"
                _spawn(variant, web.base_url, root / f"profiled-{variant}", urls, profile_path)
                profiled.append((variant, where_time_goes(profile_path),
                                 _top_functions(profile_path)))
    listed = sum(len(u) for u in per_site.values())
    print(f"demo web, size {SIZE}: {listed} URLs + robots.txt, {len(per_site)} sites, "
          f"{CONCURRENCY} requests in flight per site, delay 0, median of {ROUNDS} rounds")
    labels = {"bare": "(a) bare Scrapy spider, same URL list",
              "noextract": "(b) yuqi crawl, extraction off    ",
              "full": "(c) yuqi crawl, extraction on     ",
              "full1": "(c) extraction on, --workers 1   ",
              "full2": "(c) extraction on, --workers 2   "}
    for variant in VARIANTS:
        note = f", {errors[variant]} download errors" if errors[variant] else ""
        print(f"  {labels[variant]} ({pages[variant]} pages): "
              f"{median[variant]:8.1f} pages/s{note}")

    def spread(variant: str) -> str:
        return (f"rounds {paired[variant][0]:.2f}-{paired[variant][-1]:.2f}, ratio of the "
                f"medians {median[variant] / median['bare']:.2f}")

    verdict = "ok" if ratio["noextract"] >= TARGET else "BELOW TARGET"
    print(f"  ratio b/a: {ratio['noextract']:.2f} (target >= {TARGET}: {verdict}; "
          f"{spread('noextract')})")
    print(f"  ratio c/a: {ratio['full']:.2f} (stages in the crawl process, --workers 0; "
          f"{spread('full')})")
    for variant in ("full1", "full2"):
        goal = (f"target >= {POOL_TARGET}: "
                f"{'ok' if ratio[variant] >= POOL_TARGET else 'BELOW TARGET'}; ") \
            if variant == "full2" else ""
        print(f"  ratio c/a with --workers {WORKERS[variant]}: {ratio[variant]:.2f} "
              f"({goal}{spread(variant)})")
    print("  last response in, as a share of the crawl (the rest: pages waiting for the "
          "stages, then the close): " + ", ".join(
              f"{_SHORT[v]} {statistics.median(downloading[v]):.0%}"
              for v in VARIANTS if downloading[v]))
    print(f"  (b) and (c) yield {requests} requests for {pages['noextract']} pages "
          "(the dupefilter drops the repeats); (a) yields one per page")
    for variant, parts, hot in profiled:
        print(f"  profile of {labels[variant].strip()} (cProfile of the crawl process, "
              "one more run), cumulative time by part:")
        for label, secs, share in parts:
            if variant == "noextract" and secs == 0.0:
                continue  # the pool and the stages pipeline do not run in (b)
            print(f"    {label:<60} {secs:6.2f} s {share:6.1%}")
        rest = 1 - sum(share for _, _, share in parts)
        print(f"    {'the rest: Scrapy engine, middleware chains, reactor':<60} {'':8} {rest:6.1%}")
        print("  top functions by own time:")
        print(hot)
    print(f"  bench wall time: {time.perf_counter() - wall:.0f} s")


if __name__ == "__main__":
    _child(sys.argv[1:])
