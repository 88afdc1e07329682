"""Cheap prechecks for the tagger's regular expressions: which strings a match needs.

Some rules of the tagger are regular expressions searched in turn on every sentence
(the boilerplate rules of senses.toml), and most sentences hold none of what a rule
looks for. ``required_literals`` reads a compiled pattern's syntax tree and returns
groups of literal strings such that every match holds at least one string of each
group (the literal runs and word alternatives every match passes through).
``Prefilter`` finds all those strings of a set of patterns in one Aho-Corasick pass,
so a caller searches only the patterns whose groups are all present: the result is
the same as searching every pattern, only cheaper. The analysis is conservative: a
part of a pattern it cannot read (case folding, a negated class, a lookaround, an
optional part) requires nothing, and a pattern that requires nothing is always
searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import ahocorasick

# The regular-expression parser of the standard library (re._parser since Python 3.11;
# typeshed does not describe it): its syntax tree is what the analysis reads.
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

#: A required group: every match holds at least one of these strings.
Group = frozenset[str]

#: A character class wider than this is no useful precheck (any Chinese character).
_MAX_CLASS = 64


def _class_strings(items: list[tuple[Any, Any]]) -> Group | None:
    """The characters of a class ``[...]`` made of literals and small ranges, else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(cp) for cp in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\d, \s), a wide range
            return None
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars)


def _selectivity(group: Group) -> tuple[int, int]:
    """Sort key, most selective first: longer shortest string, then fewer strings."""
    return (-min(len(s) for s in group), len(group))


def _best(groups: list[Group]) -> Group | None:
    """The most selective of *groups*, or None when there is none."""
    return min(groups, key=_selectivity) if groups else None


def _item_group(op: Any, av: Any) -> Group | None:
    """A group every match of one element (not a plain literal) satisfies, or None."""
    if op is _c.IN:
        return _class_strings(av)
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _best(_sequence_groups(sub))
    if op is _c.ATOMIC_GROUP:
        return _best(_sequence_groups(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _best(_sequence_groups(sub)) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            best = _best(_sequence_groups(alternative))
            if best is None:
                return None
            union |= best
        return frozenset(union)
    return None  # anchors, lookarounds, ANY, NOT_LITERAL, group references


def _sequence_groups(seq: Any) -> list[Group]:
    """The groups every match of the sequence *seq* satisfies: each run of literal
    characters is one string, each other element gives at most one group."""
    groups: list[Group] = []
    run: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append(frozenset({"".join(run)}))
            run = []
        group = _item_group(op, av)
        if group is not None:
            groups.append(group)
    if run:
        groups.append(frozenset({"".join(run)}))
    return groups


def required_literals(pattern: re.Pattern[str]) -> tuple[Group, ...]:
    """Groups of strings such that every match of *pattern* holds at least one string
    of each group, most selective first; empty when nothing is required (a pattern
    read with case folding, or one that may match the empty string)."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unreadable pattern is simply never skipped
        return ()
    groups = {group for group in _sequence_groups(tree) if "" not in group}
    return tuple(sorted(groups, key=lambda g: (_selectivity(g), sorted(g))))


class Prefilter:
    """Which of *patterns* a text may match, from the strings each one requires."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        """Read every pattern's required strings and compile them into one automaton."""
        self._needs = [required_literals(p) for p in patterns]
        words = sorted({w for needs in self._needs for group in needs for w in group})
        self._automaton: ahocorasick.Automaton | None = None
        if words:
            automaton = ahocorasick.Automaton()
            for word in words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self._automaton = automaton
        # each pattern filed under the strings of its most selective group (a text holding
        # none of them cannot match it); patterns that require nothing are always tried
        self._always = tuple(i for i, needs in enumerate(self._needs) if not needs)
        self._by_word: dict[str, list[int]] = {}
        for i, needs in enumerate(self._needs):
            for word in needs[0] if needs else ():
                self._by_word.setdefault(word, []).append(i)

    def present(self, text: str) -> frozenset[str]:
        """The required strings of any pattern that *text* holds (one pass)."""
        if self._automaton is None:
            return frozenset()
        return frozenset(word for _end, word in self._automaton.iter(text))

    def possible(self, index: int, present: frozenset[str]) -> bool:
        """False when a text holding just the strings *present* (see ``present``) cannot
        hold a match of pattern *index*; True when it may (search it)."""
        for group in self._needs[index]:  # noqa: SIM110 (a loop: no generator per rule)
            if group.isdisjoint(present):
                return False
        return True

    def candidates(self, text: str) -> list[int]:
        """Indices, in order, of the patterns *text* may match (each of the others lacks
        a string every one of its matches holds): the patterns worth searching."""
        if self._automaton is None:
            return list(self._always)
        present = self.present(text)
        found = set(self._always)
        for word in present:
            found.update(self._by_word.get(word, ()))
        return sorted(i for i in found if self.possible(i, present))


@lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled search for any of *words* (None for no words)."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words))


def holds_any(words: tuple[str, ...], text: str) -> bool:
    """``any(w in text for w in words)`` as one compiled search: a precheck for a rule
    that loops over its words only when one of them is there."""
    pattern = _any_of(words)
    return pattern is not None and pattern.search(text) is not None
