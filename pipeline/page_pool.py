"""The stages of a live crawl on worker processes: one pool per crawl process, shared by
every site's crawler.

The crawl process keeps Scrapy, the WARC archive and the spool (one writer per spool);
each article's CPU work (decode, extract, clean, fingerprint, claims: `page_result`)
runs in a worker. A worker that dies (kill -9, a crash, the memory cap) breaks the pool:
the pages it held are tried once more on a fresh pool, then dropped with reason
`worker_died`; the crawl never hangs and never loses a page silently.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipeline.page import page_result
from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig
from pipeline.stages import PageResult

logger = logging.getLogger(__name__)

#: PageResult.dropped of a page whose worker died twice.
WORKER_DIED = "worker_died"

#: Tests: a worker handling a page whose URL contains this kills itself (kill -9) once,
#: the first time (a marker file in YUQI_POOL_KILL_DIR remembers it), or every time when
#: YUQI_POOL_KILL_DIR is "always".
KILL_ENV = "YUQI_POOL_KILL"
KILL_DIR_ENV = "YUQI_POOL_KILL_DIR"


def _watch_parent(crawl_pid: int) -> None:
    """Worker initializer: end this worker when the crawl process is gone (kill -9).

    A pool's workers otherwise outlive a killed parent (they hold their own queue's write
    end, so they never see EOF) and keep its stdout and stderr open.
    """
    def watch() -> None:
        while not _gone(crawl_pid):
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="yuqi-parent-watch", daemon=True).start()


def _gone(pid: int) -> bool:
    """True when process *pid* has ended (a zombie not yet reaped counts as ended)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone, or the pid was reused by another
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[-1].split()[0] == b"Z"
    except OSError:
        return False  # no /proc here: os.kill is all there is


def _ready() -> int:
    """A worker's first job: nothing, so that it is started (and the stages imported)."""
    return os.getpid()


def _work(raw: RawPage, config: SiteConfig) -> PageResult:
    """The worker's job: one page through the stages."""
    marker = os.environ.get(KILL_ENV)
    if marker and marker in raw.url:
        if os.environ.get(KILL_DIR_ENV) == "always":
            os.kill(os.getpid(), 9)
        flag = os.path.join(os.environ.get(KILL_DIR_ENV, "."), "yuqi-pool-killed")
        try:
            fd = os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            pass
        else:
            os.close(fd)
            os.kill(os.getpid(), 9)
    return page_result(raw, config)


class PagePool:
    """A process pool for `page_result`, awaited from the crawl's asyncio loop."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            return self._executor_locked()

    def _executor_locked(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers fork from a clean server that imported the stages once
            # (no Scrapy, reactor or thread of the crawl process inherited).
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["pipeline.page_pool"])
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=_watch_parent,
                                             initargs=(os.getpid(),))
        return self._pool

    def start(self) -> None:
        """Start the workers in a background thread, so the first pages do not wait for
        them and the crawl's event loop is never blocked by their start (the forkserver
        imports the stages once, about a second)."""
        threading.Thread(target=self._warm, name="yuqi-pool-start", daemon=True).start()

    def _warm(self) -> None:
        try:
            executor = self._executor()
            for future in [executor.submit(_ready) for _ in range(self.workers)]:
                future.result()
        except Exception:  # a start that fails shows again, named, on the first page
            logger.debug("starting the stages workers failed", exc_info=True)

    def _replace(self, generation: int) -> None:
        """Start a fresh pool after a death (once per broken pool, however many pages saw it)."""
        if generation == self._generation and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            self._generation += 1

    async def run(self, raw: RawPage, config: SiteConfig) -> PageResult:
        """The page's result from a worker; a page whose worker died twice is dropped."""
        for attempt in (1, 2):
            generation = self._generation
            try:
                future = self._executor().submit(_work, raw, config)
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                self._replace(generation)
                if attempt == 1:
                    logger.warning("a stages worker died; retrying %s on a fresh pool", raw.url)
        logger.error("a stages worker died twice on %s; page dropped (worker_died)", raw.url)
        return PageResult(None, (), WORKER_DIED)

    def close(self) -> None:
        """Stop the workers (the crawl calls this when every site has finished)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


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
