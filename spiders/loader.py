"""Site configs as Scrapy spiders, so Scrapy's own tools run yuqi crawls.

With this loader (settings.SPIDER_LOADER_CLASS, found through scrapy.cfg or a
scrapyd egg's entry point), `scrapy list` lists the site configs and
`scrapy crawl <site>` crawls one, writing WARC and spool as `yuqi crawl --no-load`
does. Settings: YUQI_SITES_DIR (default: the configs shipped in spiders/sites),
YUQI_DATA_DIR (default: ./data), YUQI_LOCK_WAIT (seconds to wait for a busy data dir).
"""

from __future__ import annotations

import builtins
import logging
from pathlib import Path
from typing import Any, ClassVar, Protocol, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from pipeline.package_data import package_dir
from pipeline.siteconfig import ConfigError, SiteConfig, load_site_config
from pipeline.stat_keys import Stat
from pipeline.urls import host_allowed
from spiders.context import RunContext
from spiders.generic import GenericSpider
from spiders.settings import site_settings
from spiders.stats_adapter import plain_stats

logger = logging.getLogger(__name__)


class NativeRun(Protocol):
    """What the spider needs from the application for a crawl Scrapy started itself
    (implemented by yuqi.app.scrapy_native.NativeRun, named by the YUQI_NATIVE_RUN setting)."""

    def open(self) -> RunContext:
        """Take the data dir and return the context the crawl writes through."""

    def close(self, stats: dict[str, Any], reason: str) -> None:
        """Finish the run (manifest when it finished) and release the data dir."""


class SiteSpider(GenericSpider):
    """One site config as a spider class; `SiteSpiderLoader.load` makes one per site."""

    site_config: ClassVar[SiteConfig]
    native_run: NativeRun | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Build the spider; without a `ctx` (Scrapy's `crawl` command, scrapyd) the
        application opens the run: data dir lock, run id, known pages, run log."""
        if "ctx" in kwargs:
            return super().from_crawler(crawler, *args, config=cls.site_config, **kwargs)
        settings = crawler.settings
        factory = load_object(settings.get("YUQI_NATIVE_RUN"))
        run: NativeRun = factory(cls.site_config, Path(settings.get("YUQI_DATA_DIR")),
                                 settings.getfloat("YUQI_LOCK_WAIT"))
        ctx = run.open()
        try:
            spider = super().from_crawler(crawler, *args, config=cls.site_config, ctx=ctx,
                                          **kwargs)
        except BaseException:
            run.close({}, "spider_error")
            raise
        spider.native_run = run
        return spider

    async def closed(self, reason: str) -> None:
        """Flush archive and spool, then (also when the flush failed) let the application
        finish the run."""
        try:
            await super().closed(reason)
        finally:
            if self.native_run is not None:
                stats = plain_stats(self.crawler.stats)
                self.native_run.close(stats, str(stats.get(Stat.WRITE_STOP) or reason))


class SiteSpiderLoader:
    """Scrapy's spider loader over yuqi's site configs (one spider per `<name>.toml`)."""

    def __init__(self, sites_dir: Path) -> None:
        self.sites_dir = sites_dir
        self._configs: dict[str, SiteConfig] | None = None

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        """Read the sites folder from YUQI_SITES_DIR (Scrapy's loader protocol)."""
        configured = settings.get("YUQI_SITES_DIR")
        return cls(Path(configured) if configured else package_dir("spiders", "sites"))

    def _all(self) -> dict[str, SiteConfig]:
        if self._configs is None:
            if not self.sites_dir.is_dir():
                raise ConfigError(f"{self.sites_dir}: sites directory not found "
                                  "(setting YUQI_SITES_DIR)")
            configs: dict[str, SiteConfig] = {}
            for path in sorted(self.sites_dir.glob("*.toml")):
                try:
                    config = load_site_config(path)
                except ConfigError as exc:
                    logger.error("skipping site config: %s", exc)
                    continue
                configs.setdefault(config.name, config)
            self._configs = configs
        return self._configs

    def list(self) -> list[str]:
        """Every site name, sorted."""
        return sorted(self._all())

    def load(self, spider_name: str) -> type[Spider]:
        """The spider class of site *spider_name*; KeyError when no config has that name."""
        config = self._all().get(spider_name)
        if config is None:
            raise KeyError(f"Spider not found: {spider_name} (no site config of that name in "
                           f"{self.sites_dir})")
        return type(f"SiteSpider_{config.name}", (SiteSpider,), {
            "name": config.name,
            "site_config": config,
            "custom_settings": site_settings(config),
        })

    def find_by_request(self, request: Request) -> builtins.list[str]:
        """The sites whose allowed domains hold the request's host."""
        return [name for name, config in sorted(self._all().items())
                if host_allowed(request.url, tuple(d.lower().lstrip(".")
                                                   for d in config.allowed_domains))]
