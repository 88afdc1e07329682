"""The stages pool's forkserver: its context, and starting it early.

A crawl's stages workers (pipeline.page_pool) fork from a forkserver that imported the
stages and did their first-use setup once (pipeline.stages_warmup): about a second of
CPU. Started by the pool, that second fell inside the crawl, on the cores the first pages
need. `yuqi crawl` and `yuqi run` start it instead when the command starts, before the
crawl process imports Scrapy (another second), so the two overlap on a machine with two
cores or more and the workers are ready for the first page.

This module imports nothing heavy (no trafilatura, no Scrapy): importing it must not cost
what starting the server early saves.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from multiprocessing import forkserver
from multiprocessing.context import ForkServerContext

__all__ = ["STAGES_PRELOAD", "stages_context", "start_stages_server"]

#: What the forkserver imports before it forks any worker: the worker's loop (and with it
#: every stage) and the one-time warm-up.
STAGES_PRELOAD = ("pipeline.page_worker", "pipeline.stages_warmup")

# The modules the command's script imports (`start_stages_server`), preloaded as well.
_script_imports: tuple[str, ...] = ()


def stages_context() -> ForkServerContext:
    """The multiprocessing context the stages workers start from: a forkserver that
    preloads `STAGES_PRELOAD` (no Scrapy, reactor or thread of the crawl inherited) and
    what `start_stages_server` was told the command's script imports."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*STAGES_PRELOAD, *_script_imports])
    return context


def start_stages_server(script_imports: Sequence[str] = ()) -> None:
    """Start the stages' forkserver now, without waiting for its imports, so it warms up
    while the caller goes on (the pool's first worker waits for it, if it must).

    *script_imports*: the modules the process's main script imports (the `yuqi` command's
    script imports `yuqi.cli`). multiprocessing runs a main script again in every worker
    it starts, before the worker's own function; with its imports already done in the
    server, that costs each worker nothing instead of importing them afresh (for
    `yuqi.cli`: 57 ms of CPU and 7 MB of private memory a worker).

    Never raises: a server that cannot start now is started by the pool, as before.
    """
    global _script_imports
    _script_imports = tuple(script_imports)
    try:
        stages_context()
        forkserver.ensure_running()
    except (OSError, ValueError):  # the pool starts it (and names the error) itself
        pass
