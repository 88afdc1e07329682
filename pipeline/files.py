"""Writing files so that a crash or a full disk leaves the old file or the whole new one.

Every file yuqi writes for someone to read later (reports, exports, manifests)
goes to a temp name in the same folder, is fsynced, and is renamed over the
target; a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path


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


def replace_folder(source: Path, target: Path) -> None:
    """Make *target* a copy of folder *source*; *target* is at every moment absent or whole.

    The copy is built beside *target* and swapped in with two renames, so a
    crash or a full disk midway leaves the previous *target* intact.
    """
    staging = target.with_name(f".{target.name}.{os.getpid()}.new")
    retired = target.with_name(f".{target.name}.{os.getpid()}.old")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        shutil.copytree(source, staging)
        for item in staging.iterdir():
            fsync_path(item)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    fsync_path(target.parent)
    shutil.rmtree(retired, ignore_errors=True)
