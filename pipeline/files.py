"""Writing files so that a crash or a full disk leaves the old file or the whole new one.

Every file yuqi writes for someone to read later (reports, exports, manifests)
goes to a temp name in the same folder, is fsynced, and is renamed over the
target; a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import glob
import os
import shutil
from pathlib import Path

from pipeline.faults import pause_point

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def fsync_path(path: Path) -> None:
    """Flush *path* (a file, or a folder's entries) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace *path* by *data* in one step: temp file, fsync, rename, fsync the folder."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_path(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot, so the caller falls back to two renames."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _recover(target: Path) -> None:
    """Undo what a crash in an earlier `replace_folder` left: put a retired copy back when
    *target* is missing, and remove stale staging and retired folders.

    Only one process writes a given folder (the data dir lock), so every sibling found
    here belongs to a process that died.
    """
    siblings = sorted(target.parent.glob(f".{glob.escape(target.name)}.*.old"))
    if not target.exists() and siblings:
        os.replace(siblings.pop(), target)
    for stale in [*siblings, *target.parent.glob(f".{glob.escape(target.name)}.*.new")]:
        shutil.rmtree(stale, ignore_errors=True)


def replace_folder(source: Path, target: Path) -> None:
    """Make *target* a copy of folder *source*; *target* is at every moment whole.

    The copy is built beside *target* and exchanged with it in one atomic rename
    (renameat2), so a crash or a full disk at any point leaves the previous *target*
    or the new one, never a mix; where the exchange is not supported, two renames are
    used and the next call restores the previous copy after a crash between them.
    """
    _recover(target)
    staging = target.with_name(f".{target.name}.{os.getpid()}.new")
    retired = target.with_name(f".{target.name}.{os.getpid()}.old")
    try:
        shutil.copytree(source, staging)
        for item in staging.iterdir():
            fsync_path(item)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pause_point("replace_folder")
    if target.is_symlink() or target.is_file():
        target.unlink()
    if target.is_dir() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous copy
    else:
        if target.exists():
            os.replace(target, retired)
        os.replace(staging, target)
        shutil.rmtree(retired, ignore_errors=True)
    fsync_path(target.parent)
