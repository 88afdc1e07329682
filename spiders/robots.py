"""robots.txt as RFC 9309 says, replacing Scrapy's RobotsTxtMiddleware.

Scrapy's middleware treats a robots.txt it could not get (5xx, timeout, refused
connection) as "allow everything". RFC 9309 section 2.3.1 says the opposite:

* 2xx: parse it (at most the first 500 KiB) and obey it for our product token;
* redirects: followed (RedirectMiddleware, at most five hops); if they cannot be
  followed the file counts as unavailable;
* 4xx (401 and 403 included): unavailable, everything is allowed;
* 5xx, a network error or a timeout: unreachable, the whole host is disallowed for
  this run. Every refused request is counted as `yuqi/robots/unreachable` and the
  host is logged once with the reason.

A Crawl-delay in the group that applies to us becomes a floor on the host's
downloader slot delay (spiders.politeness), recorded as `yuqi/robots/crawl_delay`.
Requests refused by a Disallow rule are counted as `yuqi/robots/disallowed`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from protego import Protego
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured, StopDownload
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from pipeline.stat_keys import Stat
from spiders.politeness import SlotPolicy

logger = logging.getLogger(__name__)

ROBOTS_MAX_BYTES = 500 * 1024
"""RFC 9309 2.5: crawlers must parse at least 500 KiB; we parse exactly that much."""

ROBOTS_PRIORITY = 1000
ROBOTS_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class HostRobots:
    """What robots.txt says for one origin: rules to obey, allow-all, or unreachable."""

    parser: Protego | None = None
    unreachable: str = ""

    def allows(self, url: str, agent: str) -> bool:
        """True when *agent* may fetch *url* (always for allow-all, never for unreachable)."""
        if self.unreachable:
            return False
        return self.parser is None or self.parser.can_fetch(url, agent)


def robots_agent(settings: BaseSettings) -> str:
    """Our product token for robots.txt groups: ROBOTSTXT_USER_AGENT, else USER_AGENT's first word.

    Protego matches a group name anywhere in the string it is given at a word
    boundary, so the full User-Agent (token/version, then "(+https://github.com/...;
    research crawler)") would wrongly pick up groups named "github" or "crawler".
    """
    agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or "yuqi"
    token = str(agent).strip().split("/", 1)[0].split(None, 1)
    return token[0] if token else "yuqi"


def decode_robots(body: bytes) -> tuple[str, bool]:
    """The text of a robots.txt body cut to ROBOTS_MAX_BYTES, and whether it was cut."""
    cut = len(body) > ROBOTS_MAX_BYTES
    text = body[:ROBOTS_MAX_BYTES].decode("utf-8", "ignore")
    return text.removeprefix("\ufeff"), cut


class RobotsMiddleware:
    """Downloader middleware obeying robots.txt per origin, RFC 9309 style (see module doc)."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.agent = robots_agent(crawler.settings)
        self.policy = SlotPolicy.for_crawler(crawler)
        self._hosts: dict[str, HostRobots] = {}
        self._waiting: dict[str, list[Deferred[HostRobots]]] = {}
        crawler.signals.connect(self._bytes_received, signal=signals.bytes_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsMiddleware:
        """Build from the crawler (Scrapy component protocol)."""
        return cls(crawler)

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    async def process_request(self, request: Request) -> None:
        """Refuse (IgnoreRequest, counted) a request robots.txt disallows or whose host is
        unreachable; let everything else through."""
        if request.meta.get("dont_obey_robotstxt"):
            return
        parts = urlparse_cached(request)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            return  # the guard refuses these
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._hosts.get(origin)
        if robots is None:
            robots = await self._robots_for(origin, request)
        if robots.unreachable:
            self._inc(Stat.ROBOTS_UNREACHABLE)
            raise IgnoreRequest(f"robots.txt unreachable: {robots.unreachable}")
        if not robots.allows(request.url, self.agent):
            self._inc(Stat.ROBOTS_DISALLOWED)
            logger.info("robots.txt disallows %s", request.url)
            raise IgnoreRequest("forbidden by robots.txt")

    async def _robots_for(self, origin: str, request: Request) -> HostRobots:
        """Fetch and interpret the origin's robots.txt once; concurrent callers wait for it."""
        if origin in self._waiting:
            waiter: Deferred[HostRobots] = Deferred()
            self._waiting[origin].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self._waiting[origin] = []
        try:
            robots = await self._fetch(origin, request)
        except Exception as exc:  # never leave waiters hanging
            robots = HostRobots(unreachable=f"{type(exc).__name__}: {exc}")
        self._hosts[origin] = robots
        if robots.unreachable:
            logger.warning("robots.txt of %s unreachable (%s): no request to this host is "
                           "made in this run (RFC 9309)", origin, robots.unreachable)
        for waiter in self._waiting.pop(origin):
            waiter.callback(robots)
        return robots

    async def _fetch(self, origin: str, request: Request) -> HostRobots:
        engine = self.crawler.engine
        assert engine is not None
        robots_request = Request(
            f"{origin}/robots.txt",
            priority=ROBOTS_PRIORITY,
            meta={"dont_obey_robotstxt": True, "yuqi_robots": True,
                  "redirect_ttl": ROBOTS_MAX_REDIRECTS},
            callback=NO_CALLBACK,
        )
        self._inc(Stat.ROBOTS_REQUESTED)
        try:
            response = await engine.download_async(robots_request)
        except IgnoreRequest as exc:
            # Too many redirects, or a redirect the guard refused: RFC 9309 lets us
            # treat the file as unavailable.
            logger.info("robots.txt of %s not fetched (%s): treated as unavailable", origin, exc)
            self._inc(Stat.ROBOTS_UNAVAILABLE)
            return HostRobots()
        except Exception as exc:
            return HostRobots(unreachable=f"{type(exc).__name__}: {exc}" if str(exc)
                              else type(exc).__name__)
        return self._interpret(origin, request, response)

    def _interpret(self, origin: str, request: Request, response: Response) -> HostRobots:
        status = response.status
        if status >= 500 or status < 200:
            return HostRobots(unreachable=f"HTTP {status}")
        if status >= 300:
            # 4xx, or a redirect RedirectMiddleware could not follow (no Location).
            self._inc(Stat.ROBOTS_UNAVAILABLE)
            return HostRobots()
        text, cut = decode_robots(response.body)
        if cut or "download_stopped" in response.flags:
            self._inc(Stat.ROBOTS_TRUNCATED)
            logger.warning("robots.txt of %s is larger than %d bytes: only the start is read",
                           origin, ROBOTS_MAX_BYTES)
        parser = Protego.parse(text)
        delay = parser.crawl_delay(self.agent)
        if delay:
            key = self.policy.slot_key(request)
            if key is not None:
                floor = self.policy.set_floor(key, float(delay))
                if self.crawler.stats is not None and floor:
                    self.crawler.stats.max_value(Stat.ROBOTS_CRAWL_DELAY, floor)
        return HostRobots(parser=parser)

    def _bytes_received(self, data: bytes, request: Request, spider: Spider) -> None:
        """Stop reading a robots.txt body once more than ROBOTS_MAX_BYTES arrived."""
        if not request.meta.get("yuqi_robots"):
            return
        seen = int(request.meta.get("yuqi_robots_bytes", 0)) + len(data)
        request.meta["yuqi_robots_bytes"] = seen
        if seen > ROBOTS_MAX_BYTES:
            raise StopDownload(fail=False)
