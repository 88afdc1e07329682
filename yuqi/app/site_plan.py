"""Which site configs a crawl takes, and what a config check finds before anything is fetched.

`yuqi crawl` without `--site` crawls the enabled configs and names the disabled
ones it skips; naming a disabled site with `--site` is the explicit choice to
crawl it anyway. `yuqi crawl --check` validates the configs and prints this plan
without fetching anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.siteconfig import SiteConfig
from pipeline.urls import allowed_domains, host_allowed

# Gentler than this is what a config for a real (not loopback) site should be.
MIN_REAL_DELAY = 2.0
MAX_REAL_CONCURRENCY = 1


@dataclass
class CrawlPlan:
    """The configs to crawl, the disabled ones skipped, and the disabled ones named anyway."""

    chosen: list[SiteConfig] = field(default_factory=list)
    skipped: list[SiteConfig] = field(default_factory=list)
    forced: list[SiteConfig] = field(default_factory=list)


def plan_sites(configs: list[SiteConfig], names: list[str] | None) -> CrawlPlan:
    """Split *configs* (already narrowed to *names* when given) into crawled and skipped.

    With *names*, every named config is crawled, a disabled one included (listed in
    `forced` so the command can say so); without, disabled configs are skipped.
    """
    plan = CrawlPlan()
    for cfg in configs:
        if cfg.enabled:
            plan.chosen.append(cfg)
        elif names:
            plan.chosen.append(cfg)
            plan.forced.append(cfg)
        else:
            plan.skipped.append(cfg)
    return plan


def _anchored_on_path(pattern: str) -> bool:
    return pattern.startswith(("^/", "^\\/"))


def config_warnings(cfg: SiteConfig) -> list[str]:
    """What a valid config would still get wrong when crawled, one line each (empty: none).

    Start URLs or sitemaps on hosts outside `allowed_domains`; patterns anchored with
    `^/` (the link extractor searches absolute URLs, so such links are never followed);
    politeness faster than one request per 2 s, or more than one in flight, for a real
    site (configs with `allow_private` are local webs and exempt).
    """
    where = cfg.source or cfg.name
    found: list[str] = []
    domains = allowed_domains(cfg.allowed_domains)
    for key, urls in (("start_urls", cfg.start_urls), ("sitemaps", cfg.sitemaps)):
        for url in urls:
            if not host_allowed(url, domains):
                found.append(f"{where}: {key}: {urlsplit(url).hostname} is not in "
                             "allowed_domains; its links would not be followed")
    for key, patterns in (("article_pattern", (cfg.article_pattern,)),
                          ("follow_patterns", cfg.follow_patterns)):
        for pattern in patterns:
            if _anchored_on_path(pattern):
                found.append(f"{where}: {key}: {pattern!r} is anchored with ^/, but links are "
                             "matched as absolute URLs; start it with ^(?:https?://[^/?#]+)?")
    if not cfg.allow_private and (cfg.politeness.delay < MIN_REAL_DELAY
                                  or cfg.politeness.concurrency > MAX_REAL_CONCURRENCY):
        found.append(f"{where}: politeness: delay {cfg.politeness.delay:g} s and concurrency "
                     f"{cfg.politeness.concurrency} are fast for a real site (use delay >= "
                     f"{MIN_REAL_DELAY:g}, concurrency {MAX_REAL_CONCURRENCY})")
    return found
