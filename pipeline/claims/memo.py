"""Memos of the tagger's pure per-text helpers, forgotten together.

The tagger asks the same question of the same text several times while it reads one
sentence (the clause number of every character, a matcher's scan) and of the same
paragraph across reposts (its sentence split). ``remember`` wraps such a function in a
bounded cache and ``forget`` empties every one of them at once: ``clear_tag_cache``
calls it, so a benchmark's first pass never reuses a previous round's work.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])

_CLEARERS: list[Callable[[], None]] = []


def remember(maxsize: int = 8192) -> Callable[[F], F]:
    """Decorator: an ``lru_cache(maxsize)`` of a pure function, emptied by ``forget``."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CLEARERS.append(cached.cache_clear)
        return cast(F, cached)

    return wrap


def on_forget(clear: Callable[[], None]) -> None:
    """Have ``forget`` call *clear* too (a memo that is not an ``lru_cache``)."""
    _CLEARERS.append(clear)


def forget() -> None:
    """Empty every memo (the tag cache is being cleared)."""
    for clear in _CLEARERS:
        clear()
