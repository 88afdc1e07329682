"""Where every article of the demo web lives and when: slots, stories, sites and days.

The web is an endless sequence of article *slots* n = 0, 1, 2, ... The first
``size`` slots exist on day 0; after that ``per_day`` new slots appear each
day. Slots come in blocks of ``BLOCK``: a block's seeded RNG splits it into
*stories* (a story is one duplicate cluster: an original and its reposts on
other sites) and places each copy on a site. So slot n is computed from
(seed, n) alone, without building any other block, and a web of 100,000
articles costs nothing until a page is asked for.

Each slot also has a life: some pages are edited on a later day (an update
paragraph appended), some deleted (404 or 410 from then on).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

from demo.articles import load_bank
from demo.sites import SITES, Site

BLOCK = 10
DAY0 = dt.datetime(2024, 6, 1, 8, 0, tzinfo=dt.UTC)
_STORY_SIZES = ((1, 30), (2, 30), (3, 20), (4, 12), (5, 5), (6, 3))
_BANK_STORY_SIZES = ((2, 15), (3, 35), (4, 25), (5, 15), (6, 10))
_EDIT_SHARE, _EDIT_WITHIN = 0.10, 10
_DELETE_SHARE, _DELETE_WITHIN = 0.05, 20


def rng_for(seed: int, *parts: object) -> random.Random:
    """A Random seeded from *seed* and *parts* (stable across runs and platforms)."""
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def _weighted(rng: random.Random, table: tuple[tuple[int, int], ...]) -> int:
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


@dataclass(frozen=True)
class Slot:
    """One article slot: its site, its story (cluster) and place in it, and when it appeared."""

    n: int
    site: Site
    story: str
    bank_key: str | None
    copy: int
    published: dt.datetime
    created_day: int
    edited_day: int | None
    deleted_day: int | None
    gone_status: int

    @property
    def article_id(self) -> int:
        """The id in the page URL (unique per site: the site's first id plus the slot)."""
        return self.site.id_start + self.n

    @property
    def path(self) -> str:
        """URL path of the article."""
        return self.site.article_path(self.article_id)

    def exists(self, day: int) -> bool:
        """Created by *day* (it may since have been deleted)."""
        return self.created_day <= day

    def live(self, day: int) -> bool:
        """Created by *day* and not deleted by then."""
        return self.exists(day) and (self.deleted_day is None or self.deleted_day > day)

    def edited(self, day: int) -> bool:
        """True when the page shows its later edit on *day*."""
        return self.edited_day is not None and self.edited_day <= day

    def modified(self, day: int) -> dt.datetime:
        """When the page last changed as seen on *day* (the Last-Modified time)."""
        if self.edited(day) and self.edited_day is not None:
            return DAY0 + dt.timedelta(days=self.edited_day, hours=1, minutes=self.n % 60)
        return self.published


class Layout:
    """The slot plan for one (seed, size): pure and lazy; counts the blocks it computed."""

    def __init__(self, seed: int = 7, size: int = 400) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self.seed = seed
        self.size = size
        self.per_day = max(1, size // 40)
        self.blocks_built = 0
        bank = sorted(load_bank())
        rng_for(seed, "bank-order").shuffle(bank)
        self._bank_keys = tuple(bank)

    @property
    def bank_keys(self) -> tuple[str, ...]:
        """The bank articles in the order their stories appear (block b has bank_keys[b])."""
        return self._bank_keys

    def limit(self, day: int) -> int:
        """Number of slots created by *day* (slots 0 .. limit-1 exist)."""
        return self.size + max(0, day) * self.per_day

    def created_day(self, n: int) -> int:
        """The day slot *n* appears on."""
        return 0 if n < self.size else 1 + (n - self.size) // self.per_day

    def slot(self, n: int) -> Slot:
        """Slot *n* (any n >= 0, created or not yet)."""
        return self._block(n // BLOCK)[n % BLOCK]

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one Layout per web, kept for its life
    def _block(self, b: int) -> tuple[Slot, ...]:
        self.blocks_built += 1
        rng = rng_for(self.seed, "block", b)
        sizes: list[int] = []
        if b < len(self._bank_keys):
            sizes.append(_weighted(rng, _BANK_STORY_SIZES))
        while sum(sizes) < BLOCK:
            sizes.append(min(_weighted(rng, _STORY_SIZES), BLOCK - sum(sizes)))
        labels = [j for j, k in enumerate(sizes) for _ in range(k)]
        rng.shuffle(labels)
        sites = [rng.sample(SITES, k) for k in sizes]
        bases = [DAY0 - dt.timedelta(days=rng.randint(130, 900), minutes=rng.randint(0, 900))
                 for _ in sizes]
        gaps = [[dt.timedelta(days=rng.randint(1, 20), minutes=rng.randint(0, 900))
                 for _ in range(k)] for k in sizes]
        seen: dict[int, int] = {}
        slots = []
        for offset, j in enumerate(labels):
            n = b * BLOCK + offset
            copy = seen[j] = seen.get(j, -1) + 1
            bank_key = self._bank_keys[b] if j == 0 and b < len(self._bank_keys) else None
            slots.append(self._make(n, sites[j][copy], bank_key or f"mix-{b}-{j}", bank_key,
                                    copy, bases[j] + sum(gaps[j][:copy + 1], dt.timedelta())))
        return tuple(slots)

    def _make(self, n: int, site: Site, story: str, bank_key: str | None, copy: int,
              story_date: dt.datetime) -> Slot:
        created = self.created_day(n)
        if created > 0:
            step = 600 // self.per_day or 1
            published = DAY0 + dt.timedelta(days=created, minutes=((n - self.size)
                                                                   % self.per_day) * step)
        else:
            published = story_date
        life = rng_for(self.seed, "life", n)
        edited = created + life.randint(1, _EDIT_WITHIN) if life.random() < _EDIT_SHARE else None
        deleted = (created + life.randint(1, _DELETE_WITHIN)
                   if life.random() < _DELETE_SHARE else None)
        if edited is not None and deleted is not None and edited >= deleted:
            edited = None
        gone = 410 if life.random() < 0.4 else 404
        return Slot(n, site, story, bank_key, copy, published, created, edited, deleted, gone)

    def site_of_id(self, site: Site, article_id: int) -> Slot | None:
        """The slot shown at *site*'s *article_id*, or None when that id is not one of its."""
        n = article_id - site.id_start
        if n < 0:
            return None
        slot = self.slot(n)
        return slot if slot.site == site else None

    @functools.lru_cache(maxsize=64)  # noqa: B019
    def site_slots(self, site_name: str, day: int) -> tuple[Slot, ...]:
        """Live slots of the site on *day*, newest first (the order of its list pages)."""
        found = [s for n in range(self.limit(day)) if (s := self.slot(n)).site.name == site_name
                 and s.live(day)]
        return tuple(sorted(found, key=lambda s: (s.published, s.n), reverse=True))

    def older_on_site(self, slot: Slot, want: int, window: int = 400) -> list[Slot]:
        """Up to *want* slots of the same site created before *slot*, nearest first."""
        found: list[Slot] = []
        for n in range(slot.n - 1, max(-1, slot.n - window), -1):
            other = self.slot(n)
            if other.site == slot.site:
                found.append(other)
                if len(found) == want:
                    break
        return found
