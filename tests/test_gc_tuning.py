"""The crawl's garbage-collector settings (spiders.gc_tuning): set for the crawl, restored after."""

from __future__ import annotations

import gc
import weakref

import pytest

from spiders.gc_tuning import CRAWL_YOUNG_THRESHOLD, crawl_gc


class _Node:
    """A container that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def test_crawl_raises_the_young_threshold_and_freezes_what_exists() -> None:
    before = gc.get_threshold()
    survivor = _Node()  # alive when the crawl starts: frozen with everything else
    with crawl_gc():
        assert gc.get_threshold()[0] == max(CRAWL_YOUNG_THRESHOLD, before[0])
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > 0
        assert gc.is_tracked(survivor)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_settings_come_back_when_the_crawl_raises() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), crawl_gc():
        raise RuntimeError("crawl failed")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_cycles_made_during_the_crawl_are_still_collected() -> None:
    with crawl_gc():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        watch = weakref.ref(a)
        del a, b
        gc.collect()
        assert watch() is None


def test_a_larger_threshold_already_set_is_kept() -> None:
    before = gc.get_threshold()
    gc.set_threshold(CRAWL_YOUNG_THRESHOLD * 2, *before[1:])
    try:
        with crawl_gc():
            assert gc.get_threshold()[0] == CRAWL_YOUNG_THRESHOLD * 2
    finally:
        gc.set_threshold(*before)
