"""A stages worker's side of the crawl's pool (pipeline.page_pool): its loop over its pipe.

Apart from pipeline.page_pool (no asyncio here): the pool's forkserver imports this
module, not the pool's, so it never imports asyncio, which no worker uses.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from multiprocessing.connection import Connection

from pipeline.page import PageRowsResult, pack_page_rows_result, page_rows_result
from pipeline.records import RawPage
from pipeline.siteconfig import SiteConfig

#: PageRowsResult.dropped of a page whose worker died twice.
WORKER_DIED = "worker_died"

#: Tests: a worker handling a page whose URL contains this kills itself (kill -9) once,
#: the first time (a marker file in YUQI_POOL_KILL_DIR remembers it), or every time when
#: YUQI_POOL_KILL_DIR is "always". Read in the pool's process when it starts a worker
#: (`fault_settings`), not in the worker: the forkserver keeps the environment it started
#: with, which an earlier pool in the same process may have started before the variables
#: were set.
KILL_ENV = "YUQI_POOL_KILL"
KILL_DIR_ENV = "YUQI_POOL_KILL_DIR"


def fault_settings() -> dict[str, str]:
    """This process's fault-injection variables, to hand to a worker it starts."""
    return {name: os.environ[name] for name in (KILL_ENV, KILL_DIR_ENV) if name in os.environ}


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


def serve(conn: Connection, crawl_pid: int, faults: dict[str, str] | None = None) -> None:
    """A worker's loop: a pickled (RawPage, pickled SiteConfig) in, its PageRowsResult out
    (`pack_page_rows_result`), until the crawl closes its end of the pipe (or ends:
    `_watch_parent`). The site config comes pickled once per site (`PagePool._config_blob`)
    and is unpickled once per worker. *faults*: the crawl process's `fault_settings`."""
    _watch_parent(crawl_pid)
    configs: dict[bytes, SiteConfig] = {}
    while True:
        try:
            payload = conn.recv_bytes()
        except (EOFError, OSError):
            return
        raw, blob = pickle.loads(payload)
        config = configs.get(blob)
        if config is None:
            config = configs[blob] = pickle.loads(blob)
        conn.send_bytes(pack_page_rows_result(_work(raw, config, faults or {})))


def _work(raw: RawPage, config: SiteConfig, faults: dict[str, str]) -> PageRowsResult:
    """The worker's job: one page through the stages."""
    marker = faults.get(KILL_ENV)
    if marker and marker in raw.url:
        if faults.get(KILL_DIR_ENV) == "always":
            os.kill(os.getpid(), 9)
        flag = os.path.join(faults.get(KILL_DIR_ENV, "."), "yuqi-pool-killed")
        try:
            fd = os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            pass
        else:
            os.close(fd)
            os.kill(os.getpid(), 9)
    return page_rows_result(raw, config)
