"""Taggings shared between the worker processes of one stages pool, through a folder.

Content farms repeat sentences across sites (reposts, stock phrases). One process tags
a repeated sentence once (the tag cache); a pool's workers each tagged it again, since
each had its own cache: of the 1,276 sentences one of two workers tagged on the demo
archive, about 660 were ones the other had tagged already, and two workers spent about a
tenth more CPU than one on the same pages. Now each worker appends what it tagged to its
own file in the pool's folder after each task (`publish`) and takes what the others
appended before its next task (`absorb`): a sentence tagged by any worker costs the rest
a lookup.

A file is a sequence of chunks, each an 8-byte length and a pickle of
`tagger.take_new_tags()`. One writer per file and no lock: a reader takes whole chunks
only, so a chunk still being written is read next time, and one cut off by a worker's
death is never read. The exchange is an optimisation only: it never fails a task
(a folder that is gone or a chunk that does not read is skipped), and taggings are a
pure function of the sentence, its lead-in and the data files every worker shares, so
the rows are the same with it or without it.
"""

from __future__ import annotations

import logging
import os
import pickle
import struct
from pathlib import Path

from pipeline.claims.tagger import keep_new_tags, remember_tags, take_new_tags

logger = logging.getLogger(__name__)

_LENGTH = struct.Struct("<Q")
SUFFIX = ".tags"


class TagExchange:
    """One worker's side of a pool's tag exchange folder (its file: `<pid>.tags`)."""

    def __init__(self, folder: Path, name: str | None = None) -> None:
        self.folder = folder
        self.name = name or f"{os.getpid()}{SUFFIX}"
        self._read_to: dict[str, int] = {}  # per other worker's file: bytes taken
        keep_new_tags()

    def publish(self) -> int:
        """Append the sentences this process tagged since the last call to its file;
        return how many."""
        new = take_new_tags()
        if not new:
            return 0
        chunk = pickle.dumps(new, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with (self.folder / self.name).open("ab") as fh:
                fh.write(_LENGTH.pack(len(chunk)) + chunk)
        except OSError as exc:
            logger.debug("tag exchange %s: not published (%s)", self.folder, exc)
            return 0
        return len(new)

    def absorb(self) -> int:
        """Take the taggings the other workers published since the last call into this
        process's tagger (`tagger.remember_tags`); return how many."""
        taken = 0
        try:
            paths = [p for p in self.folder.iterdir()
                     if p.name.endswith(SUFFIX) and p.name != self.name]
        except OSError:
            return 0
        for path in paths:
            taken += self._absorb_file(path)
        return taken

    def _absorb_file(self, path: Path) -> int:
        start = self._read_to.get(path.name, 0)
        try:
            with path.open("rb") as fh:
                fh.seek(start)
                data = fh.read()
        except OSError:
            return 0
        taken = pos = 0
        while pos + _LENGTH.size <= len(data):
            (size,) = _LENGTH.unpack_from(data, pos)
            end = pos + _LENGTH.size + size
            if end > len(data):  # still being written, or cut off
                break
            try:
                results = pickle.loads(data[pos + _LENGTH.size:end])
            except Exception:  # a chunk that does not read: leave that file alone
                logger.debug("tag exchange %s: unreadable chunk at byte %d", path, start + pos)
                self._read_to[path.name] = 1 << 62
                return taken
            remember_tags(results)
            taken += len(results)
            pos = end
        self._read_to[path.name] = start + pos
        return taken


_JOINED: dict[Path, TagExchange] = {}


def joined(folder: Path) -> TagExchange:
    """This process's exchange over *folder* (made on first use: a pool worker calls this
    for every task)."""
    exchange = _JOINED.get(folder)
    if exchange is None:
        exchange = _JOINED[folder] = TagExchange(folder)
    return exchange
