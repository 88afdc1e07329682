"""`yuqi process --from-warc`: re-run the stages over the WARC archive into a new spool run.

The archive is the source of truth (ARCHITECTURE §1): this reads the archived
responses of one or more crawl runs, builds each RawPage exactly as the crawl
did (pipeline.rawpage), and hands each record to the same per-page steps as the
crawl (pipeline.page: the fetch row, then extract -> clean -> fingerprint ->
claims), writing a new, finished spool run. Improving the cleaner or the tagger
then never needs a recrawl.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.errors import YuqiError
from pipeline.fetch import build_fetch
from pipeline.links import page_links, parse_html
from pipeline.page import PageSink, is_article_fetch, record_fetch, run_page
from pipeline.rawpage import build_raw_page
from pipeline.records import Claim, Document, Fetch, ResumePoint
from pipeline.siteconfig import SiteConfig
from pipeline.spool import SpoolWriter, write_manifest
from pipeline.spool_rows import (
    PageRows,
    SiteRows,
    fetch_row,
    pack_site_rows,
    page_rows,
    unpack_site_rows,
)
from pipeline.stat_keys import Stat
from pipeline.stats import CounterStats, StatCollector, run_summary
from pipeline.urls import url_key
from pipeline.warc import (
    CUT_TAIL,
    ArchivedResponse,
    ContentDecodeError,
    CorruptRecord,
    WarcReadError,
    decode_content,
    member_offsets,
    read_warc,
)
from yuqi.app import COMMAND_SCRIPT_IMPORTS
from yuqi.app.provenance import run_versions, site_config_hashes

logger = logging.getLogger(__name__)


class ReplayError(YuqiError):
    """Replay cannot run or finish; the message names the file or folder, `code` the exit status.

    2: bad usage or configuration (no data dir, no archive, unknown run, no config for a
    site); 1: a run that failed (an unreadable WARC file).
    """

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.exit_code = code


@dataclass
class ReplayOutcome:
    """A finished replay: the new run, the runs it read, its spool and its counters."""

    run_id: str
    source_runs: list[str]
    spool_dir: Path
    stats: Counter[str] = field(default_factory=Counter)

    @property
    def summary(self) -> dict[str, Any]:
        """The run's headline counters (`pipeline.stats.run_summary`, as for a crawl)."""
        return run_summary(self.stats)


def archive_runs(data_dir: Path) -> list[str]:
    """Run ids with WARC files under `<data_dir>/archive`, oldest first (run ids sort by time)."""
    root = data_dir / "archive"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.warc.gz")))


def choose_runs(data_dir: Path, run: str | None, all_runs: bool) -> list[str]:
    """The runs to replay: *run*, every run, or (default) the latest; ReplayError if none."""
    if not data_dir.is_dir():
        raise ReplayError(f"{data_dir}: data directory not found", 2)
    runs = archive_runs(data_dir)
    if not runs:
        raise ReplayError(f"{data_dir / 'archive'}: no WARC archive to replay "
                          "(`yuqi crawl` writes one)", 2)
    if all_runs:
        return runs
    if run is None:
        return [runs[-1]]
    if run not in runs:
        raise ReplayError(f"{data_dir / 'archive' / run}: no WARC files for run {run!r} "
                          f"(runs: {', '.join(runs[-5:])})", 2)
    return [run]


def warc_files(data_dir: Path, run_ids: Iterable[str]) -> list[Path]:
    """The `.warc.gz` files of *run_ids*, in run then name order."""
    return [p for r in run_ids for p in sorted((data_dir / "archive" / r).glob("*.warc.gz"))]


def archive_bytes(files: Iterable[Path]) -> int:
    """The size of *files* on disk: the total of a replay's `on_bytes` progress."""
    return sum(_size(path) for path in files)


def _site_of(record: ArchivedResponse, path: Path) -> str:
    # Records written before Yuqi-Site existed: the file is named <site>-NNNNN.warc.gz.
    return record.site or file_site(path)


def file_site(path: Path) -> str:
    """The site a WARC file belongs to, by its name (`<site>-NNNNN.warc.gz`)."""
    return path.name.removesuffix(".warc.gz").rsplit("-", 1)[0]


#: Records (gzip members: a response and its request make two) per part of a WARC file
#: handed to a replay worker: small enough that the workers finish close together (a
#: whole file per task left one worker idle for most of a file at the end), large enough
#: that a task's overhead stays small beside its pages.
PART_RECORDS = 32


@dataclass(frozen=True, slots=True)
class WarcPart:
    """The records of one WARC file from byte *start* up to *end* (None: the file's end),
    whole records only: one task of the replay pool. `WarcPart(path)` is the whole file."""

    path: Path
    start: int = 0
    end: int | None = None

    @property
    def last(self) -> bool:
        """True for the part that ends its file (the whole file is one)."""
        return self.end is None

    @property
    def size(self) -> int:
        """The part's bytes in its file (a replay's progress: a file's parts add up to
        its size)."""
        return (_size(self.path) if self.end is None else self.end) - self.start


def split_file(path: Path, records: int = PART_RECORDS) -> list[WarcPart]:
    """*path* as parts of about *records* records each, in file order (`member_offsets`
    gives the boundaries); one part, the whole file, when it has no more or does not read
    cleanly to its end (read whole, its damage is handled and named as before)."""
    offsets = member_offsets(path)
    if offsets is None or len(offsets) <= records:
        return [WarcPart(path)]
    starts = offsets[::records]
    return [WarcPart(path, start, starts[i + 1] if i + 1 < len(starts) else None)
            for i, start in enumerate(starts)]


def _fetch(run_id: str, config: SiteConfig, record: ArchivedResponse) -> Fetch:
    """The fetch record of one archived response, as the crawl's archive middleware built it."""
    return build_fetch(
        config, run_id=run_id, first_url=record.request_url or record.target_uri,
        final_url=record.target_uri, status=record.status, headers=record.headers,
        body=record.body, fetched_at=record.date, warc_file=record.warc_file,
        warc_offset=record.offset, warc_record_id=record.record_id,
        sitemap_lastmod=record.sitemap_lastmod,
    )


class _NewestOnly:
    """A page sink over a site's spool that declines documents a newer run already wrote.

    `yuqi process --all-runs` replays the newest run first; an older fetch of the same
    document is counted as superseded instead of being spooled again.
    """

    def __init__(self, spool: SpoolWriter, newer_docs: set[str], written: set[str],
                 stats: StatCollector) -> None:
        self.spool = spool
        self.newer_docs = newer_docs
        self.written = written
        self.stats = stats

    def write_fetch(self, fetch: Fetch) -> None:
        """Spool the fetch row (every fetch is kept, superseded or not)."""
        self.spool.write_fetch(fetch)

    def write_page(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Spool the page unless a newer run holds its document (then count it, decline)."""
        if document.doc_id in self.newer_docs:
            self.stats.inc(Stat.SUPERSEDED)
            return False
        self.written.add(document.doc_id)
        return self.spool.write_page(document, claims)

    def write_page_rows(self, rows: PageRows) -> bool:
        """`write_page` of a page given as its spool rows (from a replay worker)."""
        if rows.doc_id in self.newer_docs:
            self.stats.inc(Stat.SUPERSEDED)
            return False
        self.written.add(rows.doc_id)
        return self.spool.write_page_rows(rows)


class _Replayer:
    """Writes one new spool run from archived records (one spool worker per site)."""

    def __init__(self, data_dir: Path, run_id: str, configs: Mapping[str, SiteConfig],
                 sites_dir: Path) -> None:
        self.data_dir = data_dir
        self.run_id = run_id
        self.configs = configs
        self.sites_dir = sites_dir
        self.spool_dir = data_dir / "spool" / run_id
        self.spools: dict[str, SpoolWriter] = {}
        self.stats = CounterStats()
        # doc_ids written from a newer run (--all-runs replays newest first): older fetches of
        # the same document are not spooled again.
        self.newer_docs: set[str] = set()
        # per site (by file name), the last of its files this replay reads (`plan_flushes`)
        self._last_file: dict[str, Path] = {}

    def plan_flushes(self, files: Sequence[Path]) -> None:
        """Note the last of each site's *files* (in the order they are replayed), so that
        site's spool is written as soon as that file is spooled (`_file_done`), while the
        other files are still being processed, instead of every site's at the end."""
        self._last_file = {file_site(path): path for path in files}

    def _file_done(self, path: Path) -> None:
        """After *path* was spooled: write its site's buffered rows when no file of that site
        is left. The same Parquet files as at the end (a site's rows are its own); a record
        of the site met later still goes to a further file of its spool."""
        site = file_site(path)
        if self._last_file.get(site) == path and site in self.spools:
            self.spools[site].close()

    def _spool(self, site: str) -> SpoolWriter:
        if site not in self.spools:
            self.spools[site] = SpoolWriter(self.spool_dir, site)
        return self.spools[site]

    def replay_run(self, files: list[Path], on_file: Callable[[Path], None],
                   workers: int = 0, on_bytes: Callable[[int], None] = lambda _n: None
                   ) -> None:
        """Replay the WARC files of one source run (*workers* > 0: on a process pool);
        *on_bytes* gets the archive bytes of each part or file as it is spooled."""
        written: set[str] = set()
        if workers > 0:
            for events in replay_on_pool(self, files, workers):
                self.apply(events, written)
                on_bytes(events.part.size)
                if events.part.last:
                    self._file_done(events.part.path)
                    on_file(events.part.path)
        else:
            for path in files:
                self._replay_file(WarcPart(path), written)
                self._file_done(path)
                on_bytes(_size(path))
                on_file(path)
        self.newer_docs |= written

    def apply(self, events: FileEvents, written: set[str]) -> None:
        """Spool what a worker read from one WARC file, in its order, as the inline path would."""
        if events.error is not None:
            raise ReplayError(*events.error)
        self.stats.counts.update(events.stats)
        for site, rows in events.events:
            if not isinstance(rows, PageRows):
                self._spool(site).write_fetch_row(rows)
                continue
            sink = _NewestOnly(self._spool(site), self.newer_docs, written, self.stats)
            if sink.write_page_rows(rows):
                self.stats.inc(Stat.DOCUMENTS)
                self.stats.inc(Stat.CLAIMS, len(rows.claims))

    def _replay_file(self, part: WarcPart, written: set[str], sink: PageSink | None = None
                     ) -> None:
        """Spool the records of *part* of a WARC file (`WarcPart(path)`: all of them)."""
        path = part.path
        name = path.relative_to(self.data_dir).as_posix()
        try:
            for item in read_warc(path, name, start=part.start, end=part.end):
                if isinstance(item, CorruptRecord):
                    logger.warning("%s: skipped a corrupt record at byte %d (%s)",
                                   path, item.offset, item.reason)
                    self.stats.inc(Stat.CORRUPT_RECORDS)
                    continue
                self._replay_record(path, item, written, sink)
        except WarcReadError as exc:
            raise ReplayError(str(exc), 1) from None
        if part.last:
            self.stats.inc(Stat.WARC_FILES)

    def _replay_record(self, path: Path, record: ArchivedResponse, written: set[str],
                       into: PageSink | None = None) -> bytes | None:
        """Spool one archived response as the crawl did (pipeline.page); return its decoded
        body, or None for a revisit record or an undecodable body."""
        site = _site_of(record, path)
        config = self.configs.get(site)
        if config is None:
            raise ReplayError(f"{path}: records of site {site!r}, but {self.sites_dir} has no "
                              "site config of that name (give --sites-dir)", 2)
        sink = into or _NewestOnly(self._spool(site), self.newer_docs, written, self.stats)
        record_fetch(_fetch(self.run_id, config, record), sink, self.stats)
        if record.rec_type == "revisit":
            self.stats.inc(Stat.UNCHANGED)
            return None
        try:
            body, headers = decode_content(record.body, record.headers)
        except ContentDecodeError as exc:
            logger.warning("%s: %s at byte %d: %s", path, record.target_uri, record.offset, exc)
            self.stats.inc(Stat.DROPPED_BAD_ENCODING)
            return None
        if is_article_fetch(config, record.target_uri, record.status):
            raw = build_raw_page(
                config, self.run_id, record.request_url or record.target_uri, record.target_uri,
                record.status, headers, body, record.date, record.warc_file, record.offset,
                record.record_id,
            )
            run_page(raw, config, sink, self.stats)
        return body

    def rebuild_file(self, path: Path, config: SiteConfig, done: set[str], links: list[str]
                     ) -> None:
        """Spool one WARC file of an unfinished run again, collecting what the crawl resumes
        from: the url_keys of archived articles (*done*) and the links of archived pages.

        A record cut off by the kill is removed from the end of the file, so the archive
        reads cleanly again.
        """
        name = path.relative_to(self.data_dir).as_posix()
        written: set[str] = set()
        cut_at: int | None = None
        for item in read_warc(path, name, tolerate_cut_tail=True):
            if isinstance(item, CorruptRecord):
                if item.reason == CUT_TAIL:
                    cut_at = item.offset
                else:
                    self.stats.inc(Stat.CORRUPT_RECORDS)
                continue
            body = self._replay_record(path, item, written)
            if config.is_article(item.target_uri):
                done.add(url_key(item.target_uri))
                if item.request_url:
                    done.add(url_key(item.request_url))
            if body is not None and item.rec_type == "response" and item.status == 200:
                root = parse_html(body)
                if root is not None:
                    links.extend(page_links(root, item.target_uri))
        if cut_at is not None:
            os.truncate(path, cut_at)

    def close(self) -> None:
        """Write every buffered spool row."""
        for spool in self.spools.values():
            spool.close()


@dataclass
class FileEvents:
    """What a worker read from one part of a WARC file: its spool rows in order (each with
    its site: a fetch's row, or a page's rows), packed (`pack_site_rows`), counters, or an
    error. Rows, not records: the worker builds them (`pipeline.spool.fetch_row`,
    `page_rows`), so the parent, which writes the spool alone, only appends them."""

    part: WarcPart
    packed: bytes
    stats: Counter[str]
    error: tuple[str, int] | None = None

    @property
    def events(self) -> list[SiteRows]:
        """The spool rows, each with its site, in the order the worker read them."""
        return unpack_site_rows(self.packed)


class _Recorder:
    """A PageSink that keeps the rows for the parent process, which alone writes the spool.

    It declines every page, so `run_page` counts no document: the parent counts one when
    its own sink (newest-only) takes it, exactly as the inline path does.
    """

    def __init__(self) -> None:
        self.events: list[SiteRows] = []

    def write_fetch(self, fetch: Fetch) -> None:
        """Keep the fetch row."""
        self.events.append((fetch.site, fetch_row(fetch)))

    def write_page(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Keep the page's rows; decline (the parent decides and counts)."""
        self.events.append((document.site, page_rows(document, claims)))
        return False


def _replay_file_events(data_dir: Path, run_id: str, configs: Mapping[str, SiteConfig],
                        sites_dir: Path, part: WarcPart) -> FileEvents:
    """Worker: run the stages over one part of a WARC file; return its rows instead of
    spooling them."""
    _fault_hook(part.path)
    replayer = _Replayer(data_dir, run_id, configs, sites_dir)
    recorder = _Recorder()
    try:
        replayer._replay_file(part, set(), recorder)
    except ReplayError as exc:
        return FileEvents(part, pack_site_rows([]), Counter(), (str(exc), exc.code))
    return FileEvents(part, pack_site_rows(recorder.events), Counter(replayer.stats.counts))


def _fault_hook(path: Path) -> None:
    """Fault injection for tests: YUQI_REPLAY_KILL=<WARC file name> kills the worker
    (SIGKILL) when it takes that file; with YUQI_REPLAY_KILL_ONCE=<marker path>, only the
    first time (the marker is created then), so the retry on a fresh pool succeeds."""
    if os.environ.get("YUQI_REPLAY_KILL") != path.name:
        return
    marker = os.environ.get("YUQI_REPLAY_KILL_ONCE")
    if marker:
        if Path(marker).exists():
            return
        Path(marker).touch()
    os.kill(os.getpid(), signal.SIGKILL)


def largest_first(files: Sequence[Path]) -> list[Path]:
    """*files* in the order a pool should start them: the largest first (so the last to
    finish are small ones and both workers end close together), each site's files still
    in their own order (they are spooled in that order)."""
    order = {path: i for i, path in enumerate(files)}
    by_size = sorted(files, key=lambda path: (-_size(path), order[path]))
    per_site: dict[str, deque[Path]] = {}
    for path in files:
        per_site.setdefault(file_site(path), deque()).append(path)
    return [per_site[file_site(path)].popleft() for path in by_size]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # the worker names it
        return 0


def replay_on_pool(replayer: _Replayer, files: list[Path], workers: int
                   ) -> Iterator[FileEvents]:
    """Yield the events of each part of *files* from a pool of *workers* processes, as
    parts finish, a site's parts in their order (a site's rows are spooled in file order,
    as inline; sites have their own spool files, so the order between sites changes no
    row).

    The largest files start first (`largest_first`), each split into parts of
    `PART_RECORDS` records (`split_file`, on a thread that scans the files ahead of the
    pool), so the workers share even the last file and end together. At most two parts
    per worker are started and not yet yielded (bounded memory). A worker that dies
    (kill -9, a crash, the memory cap) breaks the pool: the parts not yet yielded are tried
    once more on a fresh pool, one at a time, in file order; a second death ends the
    replay with an error naming that file, so no page is lost silently and nothing hangs.
    """
    pending = [WarcPart(path) for path in files]  # not yet yielded, in file order
    # forkserver: workers fork from a clean server that has imported the stages once (no
    # threads of this process inherited, no second import of trafilatura per worker) and
    # done their first-use setup once (pipeline.stages_warmup), not once per worker
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.stages", "yuqi.app.replay",
                                    "pipeline.stages_warmup", *COMMAND_SCRIPT_IMPORTS])
    order = largest_first(files)
    # record boundaries found on a thread, ahead of the pool (zlib inflates without the
    # GIL): a large file's scan must not hold up the parts the workers are waiting for
    scanner = ThreadPoolExecutor(1, thread_name_prefix="yuqi-warc-scan")
    scans = {path: scanner.submit(split_file, path) for path in order}
    try:
        yield from _run_pool(replayer, pending, order, scans, workers, context)
    finally:
        scanner.shutdown(wait=True, cancel_futures=True)


def _run_pool(replayer: _Replayer, pending: list[WarcPart], order: list[Path],
              scans: Mapping[Path, Future[list[WarcPart]]], workers: int,
              context: multiprocessing.context.BaseContext) -> Iterator[FileEvents]:
    """`replay_on_pool`'s loop over *pending* (updated as files are split and parts
    yielded); *order* is the files' start order, *scans* their parts once split."""
    retried = False
    while pending:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            # after a death, one part at a time: the next death names its file
            queue = deque(pending) if retried else deque(WarcPart(path) for path in order)
            in_flight = 1 if retried else 2 * workers
            running: dict[Future[FileEvents], WarcPart] = {}
            finished: dict[WarcPart, FileEvents] = {}
            configs = dict(replayer.configs)
            try:
                while queue or running or finished:
                    while queue and len(running) + len(finished) < in_flight:
                        part = queue.popleft()
                        if not retried and part == WarcPart(part.path):
                            part = _split_pending(part, scans[part.path].result(), pending,
                                                  queue)
                        running[pool.submit(
                            _replay_file_events, replayer.data_dir, replayer.run_id,
                            configs, replayer.sites_dir, part)] = part
                    if running:
                        done, _ = wait(running, return_when=FIRST_COMPLETED)
                        for future in sorted(done, key=lambda f: pending.index(running[f])):
                            finished[running.pop(future)] = future.result()
                    for part in _ready(pending, finished):
                        pending.remove(part)
                        yield finished.pop(part)
            except BrokenProcessPool:
                if retried:
                    raise ReplayError(f"{pending[0].path}: a replay worker died twice on this "
                                      "file (out of memory?); nothing was loaded", 1) from None
                logger.warning("a replay worker died; retrying %d file(s) on a fresh pool",
                               len({part.path for part in pending}))
                retried = True


def _split_pending(whole: WarcPart, parts: list[WarcPart], pending: list[WarcPart],
                   queue: deque[WarcPart]) -> WarcPart:
    """Put the whole file *whole*'s *parts* (`split_file`) in its place in *pending*, all
    but the first first in *queue*; return the first, to start now."""
    at = pending.index(whole)
    pending[at:at + 1] = parts
    queue.extendleft(reversed(parts[1:]))
    return parts[0]


def _ready(pending: list[WarcPart], finished: dict[WarcPart, FileEvents]) -> list[WarcPart]:
    """The finished parts that may be yielded now, in file order: those with no earlier
    part of their site still pending."""
    seen: set[str] = set()
    ready = []
    for part in pending:
        site = file_site(part.path)
        if part in finished and site not in seen:
            ready.append(part)
        seen.add(site)
    return ready


def replay(data_dir: Path, run_ids: list[str], configs: Mapping[str, SiteConfig],
           run_id: str, sites_dir: Path = Path("spiders/sites"),
           on_file: Callable[[Path], None] = lambda _p: None, workers: int = 0,
           on_bytes: Callable[[int], None] = lambda _n: None) -> ReplayOutcome:
    """Re-run the stages over the archive of *run_ids* into the new spool run *run_id*.

    The spool gets its manifest (so `yuqi load` takes it) only when every file was
    read; on any error the half-written spool folder is removed. With several runs,
    the newest fetch of a document wins (older ones are counted as superseded).
    *on_file* is called with each file once it is spooled, *on_bytes* with the archive
    bytes of each part of a file (on a pool) or each file (inline) as it is spooled:
    they add up to `archive_bytes` of the runs, for a progress bar that moves within
    large files.
    """
    started = datetime.now(UTC).isoformat()
    replayer = _Replayer(data_dir, run_id, configs, sites_dir)
    try:
        runs = [warc_files(data_dir, [source]) for source in sorted(run_ids, reverse=True)]
        replayer.plan_flushes([path for files in runs for path in files])
        for files in runs:
            replayer.replay_run(files, on_file, workers, on_bytes)
        replayer.close()
        stats = replayer.stats.counts
        write_manifest(replayer.spool_dir, {
            "run_id": run_id,
            "started_at": started,
            "finished_at": datetime.now(UTC).isoformat(),
            "status": "finished",
            "source": "warc:" + ",".join(sorted(run_ids)),
            "sites": sorted(replayer.spools),
            "stats": {"summary": run_summary(stats), "total": dict(stats),
                      "sources": sorted(run_ids)},
            "versions": run_versions(site_config_hashes(
                configs[site] for site in replayer.spools)),
        })
    except BaseException:
        shutil.rmtree(replayer.spool_dir, ignore_errors=True)
        raise
    return ReplayOutcome(run_id, sorted(run_ids), replayer.spool_dir, stats)


def rebuild_site(data_dir: Path, run_id: str, config: SiteConfig) -> ResumePoint:
    """Rebuild one site's spool rows of an unfinished run from its WARC files.

    Used after a crawl part that was killed without a clean stop: the spool's
    buffered rows were lost and Scrapy's job directory cannot be trusted, but
    every response that reached the archive is there. A record cut off by the
    kill is removed from the end of its file (so the archive reads cleanly
    again). Returns the article URLs already fetched and the links found in the
    archived pages, from which the crawl continues.
    """
    replayer = _Replayer(data_dir, run_id, {config.name: config}, Path("."))
    done: set[str] = set()
    links: list[str] = []
    archive_dir = data_dir / "archive" / run_id
    for path in sorted(archive_dir.glob(f"{config.name}-*.warc.gz")):
        replayer.rebuild_file(path, config, done, links)
    replayer.close()
    return ResumePoint(frozenset(done), tuple(dict.fromkeys(links)))
