"""The stages of a live crawl on worker processes: one pool per crawl process, shared by
every site's crawler.

The crawl process keeps Scrapy, the WARC archive and the spool (one writer per spool);
each article's CPU work (decode, extract, clean, fingerprint, claims: `page_result`)
runs in a worker, which sends back the page's spool rows (`page_rows_result`), so the
crawl process only appends them. A worker that dies (kill -9, a crash, the memory cap) costs at most
the pages it held (two at most): each is tried once more, alone, on a fresh worker, then
dropped with reason `worker_died`; the crawl never hangs and never loses a page silently.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import threading
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from pipeline.page import PageRowsResult, unpack_page_rows_result
from pipeline.page_worker import KILL_DIR_ENV, KILL_ENV, WORKER_DIED, fault_settings, serve
from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.stages_server import stages_context

__all__ = ["KILL_DIR_ENV", "KILL_ENV", "WORKER_DIED", "PagePool", "close_shared_pool",
           "shared_pool", "usable_cores"]

logger = logging.getLogger(__name__)

#: Pages a worker holds at once: the one it works on and the next, already in its pipe, so
#: it never waits for the crawl process between two pages.
IN_FLIGHT = 2
#: A page bigger than this goes only to an idle worker (which is reading its pipe): a write
#: to a busy worker's full pipe would block the crawl's event loop.
QUEUED_BYTES = 64 * 1024


@dataclass(eq=False, slots=True)
class _Job:
    """A page on its way through the pool: its pickled payload and the crawl's future."""

    payload: bytes
    url: str
    future: asyncio.Future[PageRowsResult]
    attempt: int = 1


@dataclass(eq=False, slots=True)
class _Worker:
    """One worker process, the crawl's end of its pipe and the jobs it holds, oldest first
    (a worker answers in order)."""

    process: BaseProcess
    conn: Connection
    jobs: deque[_Job] = field(default_factory=deque)

    def takes(self, job: _Job) -> bool:
        """True when this worker may be sent *job* now."""
        if not self.jobs:
            return True
        if job.attempt > 1 or self.jobs[0].attempt > 1 or len(job.payload) > QUEUED_BYTES:
            return False  # a retried page runs alone: a second death is its own
        return len(self.jobs) < IN_FLIGHT


class PagePool:
    """Worker processes for `page_result`, driven from the crawl's asyncio event loop.

    The crawl process only pickles a page into a worker's pipe and reads the result when
    the pipe is readable (a reader on the event loop): no helper thread, so the crawl's
    one thread never waits for another to hand back the GIL (`ProcessPoolExecutor` woke
    its manager thread on every page, about a millisecond of the crawl's time each).
    Pages queue in the crawl process (Scrapy's scraper slot bounds how many) and go to the
    first worker with room; each worker holds at most `IN_FLIGHT`.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        # forkserver: workers fork from a clean server that imported the stages once
        # (no Scrapy, reactor or thread of the crawl process inherited) and did their
        # first-use setup once (pipeline.stages_warmup), so no worker pays it again; the
        # crawl command may have started it already (pipeline.stages_server).
        self._context = stages_context()
        self._idle: list[_Worker] = []  # started, not yet on an event loop
        self._live: list[_Worker] = []
        self._pending: deque[_Job] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()
        self._started = threading.Event()  # clear while `start` starts the workers
        self._started.set()
        # per site config, its pickle (sent with each page: pickling it each time cost the
        # crawl process about 6 us a page); keyed by identity, the config kept alive
        self._blobs: dict[int, tuple[SiteConfig, bytes]] = {}

    def _config_blob(self, config: SiteConfig) -> bytes:
        known = self._blobs.get(id(config))
        if known is None or known[0] is not config:
            known = self._blobs[id(config)] = (
                config, pickle.dumps(config, protocol=pickle.HIGHEST_PROTOCOL))
        return known[1]

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=serve,
                                        args=(theirs, os.getpid(), fault_settings()),
                                        name="yuqi-stages", daemon=True)
        process.start()
        theirs.close()  # the worker holds the other end: its death is an EOF here
        return _Worker(process, ours)

    def start(self) -> None:
        """Start the workers in a background thread, so the first pages do not wait for
        them and the crawl's event loop is never blocked by their start (the forkserver
        imports the stages once, about a second)."""
        self._started.clear()
        threading.Thread(target=self._warm, name="yuqi-pool-start", daemon=True).start()

    def _warm(self) -> None:
        try:
            workers = [self._spawn() for _ in range(self.workers)]
            with self._lock:
                self._idle.extend(workers)
        except Exception:  # a start that fails is retried, named, on the first page
            logger.debug("starting the stages workers failed", exc_info=True)
        finally:
            self._started.set()

    def _attach(self, worker: _Worker) -> None:
        assert self._loop is not None
        self._loop.add_reader(worker.conn.fileno(), self._readable, worker)
        self._live.append(worker)

    async def _bind(self) -> None:
        """Adopt the running event loop; workers started in the background join it."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            if self._loop is not None:
                self._stop_workers()  # another loop (a second asyncio.run): start afresh
            self._loop = loop
        if not self._started.is_set():
            await loop.run_in_executor(None, self._started.wait)
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            self._attach(worker)

    def _dispatch(self) -> None:
        """Send queued pages to the workers with room (starting workers that are missing)."""
        while self._pending and self._pending[0].future.done():
            self._pending.popleft()  # its crawl gave up waiting
        while len(self._live) < self.workers and self._pending:
            self._attach(self._spawn())
        for worker in self._live:
            while self._pending and worker.takes(self._pending[0]):
                job = self._pending.popleft()
                if job.future.done():
                    continue
                try:
                    worker.conn.send_bytes(job.payload)
                except OSError:  # the worker is gone: its EOF is handled by the reader
                    self._pending.appendleft(job)
                    break
                worker.jobs.append(job)

    def _readable(self, worker: _Worker) -> None:
        """A worker answered (or died)."""
        try:
            data = worker.conn.recv_bytes()
        except (EOFError, OSError):
            self._died(worker)
        else:
            job = worker.jobs.popleft()
            if not job.future.done():
                job.future.set_result(unpack_page_rows_result(data))
        self._dispatch()

    def _died(self, worker: _Worker) -> None:
        """A worker's pipe closed: its pages go first in line for a fresh worker once, then
        are dropped as `WORKER_DIED`."""
        self._drop(worker)
        for job in reversed(worker.jobs):
            if job.future.done():
                continue
            if job.attempt == 1:
                logger.warning("a stages worker died; retrying %s on a fresh worker", job.url)
                job.attempt = 2
                self._pending.appendleft(job)
            else:
                logger.error("a stages worker died twice on %s; page dropped (worker_died)",
                             job.url)
                job.future.set_result(PageRowsResult(None, WORKER_DIED))
        worker.jobs.clear()

    def _drop(self, worker: _Worker) -> None:
        if worker in self._live:
            self._live.remove(worker)
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(worker.conn.fileno())
        worker.conn.close()
        worker.process.join(timeout=0)  # reaped now if it has ended (never waits)

    async def run(self, raw: RawPage, config: SiteConfig) -> PageRowsResult:
        """The page's result (its spool rows) from a worker; a page whose worker died twice
        is dropped."""
        await self._bind()
        assert self._loop is not None
        job = _Job(pickle.dumps((raw, self._config_blob(config)),
                                protocol=pickle.HIGHEST_PROTOCOL),
                   raw.url, self._loop.create_future())
        self._pending.append(job)
        self._dispatch()
        return await job.future

    def _stop_workers(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in [*self._live, *idle]:
            if worker in self._live:
                self._drop(worker)
            else:
                worker.conn.close()
            for job in worker.jobs:
                job.future.cancel()
        for worker in [*self._live, *idle]:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=5)
        self._live = []
        for job in self._pending:
            job.future.cancel()
        self._pending.clear()

    def close(self) -> None:
        """Stop the workers (the crawl calls this when every site has finished): each sees
        its pipe close and ends after its page."""
        self._started.wait(timeout=30)
        self._stop_workers()


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS says): the
    default number of workers."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


_shared: PagePool | None = None


def shared_pool(workers: int) -> PagePool:
    """This process's pool (created on first use): every site's crawler shares it."""
    global _shared
    if _shared is None or _shared.workers != workers:
        if _shared is not None:
            _shared.close()
        _shared = PagePool(workers)
        _shared.start()
    return _shared


def close_shared_pool() -> None:
    """Stop this process's pool, if one was started."""
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
