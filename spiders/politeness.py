"""Per-host politeness on Scrapy's downloader slots: delay floors and Retry-After back-off.

Scrapy spaces requests per downloader slot (one slot per host name). Two things
here adjust a slot while the crawl runs:

* a delay floor (a robots.txt Crawl-delay, see spiders.robots): the slot's delay
  is kept at or above it, and its random jitter is narrowed so that even the
  shortest randomized gap is at least the floor. AutoThrottle recomputes slot
  delays on every response and would lower it again, so the floor is re-applied
  right after AutoThrottle's adjustment, before the slot dispatches its next request
  (and again whenever a request reaches a slot, so a re-created slot keeps it);
* a pause (a 429 or 503 response with Retry-After): the slot sends nothing for
  that many seconds (capped), then RetryMiddleware's retry goes out.

One `SlotPolicy` exists per crawler (`SlotPolicy.for_crawler`); it is also an
extension so Retry-After is honoured even when robots.txt is not obeyed.
"""

from __future__ import annotations

import logging
import weakref
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import Request, Spider, signals
from scrapy.core.downloader import Downloader, Slot
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.asyncio import call_later

from pipeline.stat_keys import Stat

logger = logging.getLogger(__name__)

CRAWL_DELAY_CAP = 60.0
"""The longest Crawl-delay honoured, in seconds (a larger one is capped to this)."""

RETRY_AFTER_CAP = 60.0
"""Default longest Retry-After pause, in seconds (setting YUQI_RETRY_AFTER_MAX)."""

BACKOFF_STATUSES = frozenset({429, 503})

_POLICIES: weakref.WeakKeyDictionary[Crawler, SlotPolicy] = weakref.WeakKeyDictionary()


def retry_after_seconds(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header value (delta-seconds or an HTTP date).

    None when the header is missing or unparsable; a date in the past gives 0.
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class SlotPolicy:
    """Keeps per-slot delay floors and applies Retry-After pauses to downloader slots."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.floors: dict[str, float] = {}
        self.retry_after_cap = crawler.settings.getfloat("YUQI_RETRY_AFTER_MAX", RETRY_AFTER_CAP)
        # Connected at spider_opened, i.e. after every component built with the crawler
        # (AutoThrottle included) connected its own handler: receivers run in connection
        # order, so the floor is restored after AutoThrottle changed the delay.
        crawler.signals.connect(self._spider_opened, signal=signals.spider_opened)

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> SlotPolicy:
        """The crawler's one policy, created on first use."""
        policy = _POLICIES.get(crawler)
        if policy is None:
            policy = _POLICIES[crawler] = cls(crawler)
        return policy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SlotPolicy:
        """Build (or reuse) the crawler's policy (Scrapy extension protocol)."""
        return cls.for_crawler(crawler)

    def _spider_opened(self, spider: Spider) -> None:
        self.crawler.signals.connect(self._response_downloaded,
                                     signal=signals.response_downloaded)
        self.crawler.signals.connect(self._request_reached_downloader,
                                     signal=signals.request_reached_downloader)

    def _request_reached_downloader(self, request: Request, spider: Spider) -> None:
        # Sent once the request has its slot and before the slot dispatches anything: a
        # slot re-created after idling (Scrapy drops idle slots) gets its floor back here.
        key = request.meta.get(Downloader.DOWNLOAD_SLOT)
        if key is not None:
            self.apply_floor(key)

    def _downloader(self) -> Downloader | None:
        engine = self.crawler.engine
        return engine.downloader if engine is not None else None

    def slot_key(self, request: Request) -> str | None:
        """The downloader slot key *request* goes to (None before the engine exists)."""
        downloader = self._downloader()
        return downloader.get_slot_key(request) if downloader is not None else None

    def set_floor(self, key: str, seconds: float) -> float:
        """Keep slot *key*'s delay at least *seconds* (capped at CRAWL_DELAY_CAP); returns it."""
        floor = min(max(seconds, 0.0), CRAWL_DELAY_CAP)
        if floor <= 0:
            return 0.0
        self.floors[key] = max(floor, self.floors.get(key, 0.0))
        self.apply_floor(key)
        return self.floors[key]

    def apply_floor(self, key: str) -> None:
        """Raise slot *key*'s delay to its floor; narrow its jitter so no gap falls below it."""
        floor = self.floors.get(key)
        downloader = self._downloader()
        if not floor or downloader is None:
            return
        slot: Slot | None = downloader.slots.get(key)
        if slot is None:
            return
        slot.delay = max(slot.delay, floor)
        if slot.jitter and slot.delay * (1 - slot.jitter) < floor:
            slot.jitter = max(0.0, 1 - floor / slot.delay)

    def pause(self, key: str, seconds: float) -> None:
        """Send nothing more from slot *key* for *seconds*; queued requests wait, then go."""
        downloader = self._downloader()
        if downloader is None or seconds <= 0:
            return
        slot = downloader.slots.get(key)
        if slot is None:
            return
        if slot.latercall is not None:
            slot.latercall.cancel()
        # While latercall is set the slot dispatches nothing; when it fires, the slot
        # re-checks its own delay before sending (Downloader._process_queue).
        slot.latercall = call_later(seconds, downloader._latercall, slot)
        slot.lastseen = max(slot.lastseen, monotonic() + seconds - slot.delay)

    def _response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        key = request.meta.get(Downloader.DOWNLOAD_SLOT)
        if key is None:
            return
        self.apply_floor(key)
        if response.status not in BACKOFF_STATUSES:
            return
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return
        wait = min(wait, self.retry_after_cap)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value(Stat.BACKOFF_RETRY_AFTER)
            stats.max_value(Stat.BACKOFF_RETRY_AFTER_MAX_S, wait)
        logger.warning("%s answered %d with Retry-After: backing off host %s for %.1fs",
                       response.url, response.status, key, wait)
        self.pause(key, wait)
