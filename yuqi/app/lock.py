"""One writer per data directory: an OS file lock that a kill -9 frees.

Every command that writes into a data directory (run, crawl, load, process,
demo, report's `latest/`) holds `<data-dir>/yuqi.lock` with `fcntl.flock` while
it works. A second writer is refused at once (exit 75, EX_TEMPFAIL) naming the
holder, or waits with `--wait`; readers (`yuqi sql`, a report written
elsewhere) never take it. The lock is released by the kernel when the holder
exits, however it exits, so a stale lock file never blocks anyone.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pipeline.errors import YuqiError

LOCK_FILE = "yuqi.lock"
#: sysexits.h EX_TEMPFAIL: try again later (what cron wrappers and systemd understand).
EXIT_BUSY = 75
_held: dict[Path, int] = {}  # lock path -> depth, for nested holds in one process


class DataDirBusy(YuqiError):
    """Another yuqi process holds the data directory (exit 75)."""

    exit_code = EXIT_BUSY


def lock_path(data_dir: Path) -> Path:
    """Where the data directory's lock file lives."""
    return data_dir / LOCK_FILE


def lock_holder(data_dir: Path) -> str:
    """Who holds (or last held) the lock, as `yuqi <command> (pid N, since T)`."""
    try:
        info = json.loads(lock_path(data_dir).read_text(encoding="utf-8"))
        return f"yuqi {info['command']} (pid {info['pid']}, since {info['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another yuqi process"


def current_holder(data_dir: Path) -> str | None:
    """Who holds the data dir right now (None: nobody), without waiting for it.

    Probes with a shared lock for an instant: a writer's exclusive lock makes it fail.
    """
    path = lock_path(data_dir)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return lock_holder(data_dir)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def hold_data_dir(data_dir: Path, command: str, wait: float = 0.0, create: bool = True
                  ) -> Iterator[None]:
    """Hold *data_dir* for *command* for the duration of the block.

    Raises DataDirBusy at once when another process holds it, or after *wait*
    seconds of retrying. Nested holds in one process (crawl, then its load) are free.
    Without *create*, a data dir that does not exist is left alone (nothing to guard;
    the command reports the missing folder itself).
    """
    if not create and not data_dir.is_dir():
        yield
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    path = lock_path(data_dir).resolve()
    if path in _held:
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, wait)
        delay = 0.05
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise DataDirBusy(f"{data_dir}: data dir held by {lock_holder(data_dir)}; "
                                  "try again later, or give --wait SECONDS")
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 1.0)
        info = {"command": command, "pid": os.getpid(),
                "since": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        _held[path] = 1
        try:
            yield
        finally:
            del _held[path]
    finally:
        os.close(fd)  # closing the descriptor releases the flock
