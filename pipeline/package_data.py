"""Package data as real files, also when yuqi is imported from a zip (a scrapyd egg).

scrapyd runs a project from the egg it was given, a zip file; code that reads its
data files through a filesystem path then finds nothing. `package_dir` returns the
package folder itself when it is on disk, and otherwise a private copy of its files.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                _copy_tree(entry, target / entry.name)
        elif entry.is_file():
            (target / entry.name).write_bytes(entry.read_bytes())


@cache
def package_dir(package: str, *parts: str) -> Path:
    """A directory on disk holding *package*'s folder *parts* (e.g. `("data",)`).

    On disk this is the folder itself (edits show at once); inside a zip the folder is
    copied once per process to a temporary directory removed at exit.
    """
    root = resources.files(package).joinpath(*parts) if parts else resources.files(package)
    if isinstance(root, Path):
        return root
    copy = Path(tempfile.mkdtemp(prefix=f"yuqi-{package}-"))
    atexit.register(shutil.rmtree, copy, ignore_errors=True)
    _copy_tree(root, copy)
    return copy
