"""Site configurations: one TOML file per content-farm site, validated on load.

A bad config is a user error: `ConfigError` names the file, the key and
what is wrong, and the CLI turns it into exit status 2.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.errors import UsageError
from pipeline.versioning import stable_hash

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class ConfigError(UsageError, ValueError):
    """A site config (or another data file) is invalid; the message names file and key."""


@dataclass(frozen=True, slots=True)
class Politeness:
    """How gently to crawl one site."""

    delay: float = 1.0
    concurrency: int = 2


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything the generic spider and the extractor need to know about one site."""

    name: str
    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    article_pattern: str = ""
    follow_patterns: tuple[str, ...] = ()
    deny_patterns: tuple[str, ...] = ()
    max_depth: int = 10
    max_pages: int = 5000
    drop_selectors: tuple[str, ...] = ()
    encoding: str = ""
    allow_private: bool = False
    politeness: Politeness = field(default_factory=Politeness)
    # Hours before a known article is checked again (0 = every crawl, conditionally).
    recrawl_interval: float = 0.0
    # False: `yuqi crawl` skips the site unless `--site` names it; the reason says why.
    enabled: bool = True
    disabled_reason: str = ""
    source: str = ""

    def is_article(self, url: str) -> bool:
        """True when *url*'s path+query matches the article pattern."""
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        return bool(re.search(self.article_pattern, target))


def config_hash(config: SiteConfig) -> str:
    """A stable short hash of the parsed config (every setting, drop_selectors included; not
    the file it came from), recorded per site in each run's manifest and `crawl_runs` row."""
    settings = asdict(config)
    settings.pop("source")
    return stable_hash(settings, 12)


_LIST_KEYS = ("start_urls", "sitemaps", "allowed_domains", "follow_patterns", "deny_patterns",
              "drop_selectors")
_KNOWN = {
    "name", "article_pattern", "max_depth", "max_pages", "encoding", "allow_private",
    "politeness", "recrawl_interval", "enabled", "disabled_reason", *_LIST_KEYS,
}


def _err(source: str, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{source}: key '{key}': {problem}")


def _str_list(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(source, key, "must be a list of strings")
    return tuple(value)


def _regex(pattern: str, key: str, source: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _err(source, key, f"invalid regex {pattern!r}: {exc}") from None


def _int(data: Mapping[str, Any], key: str, default: int, source: str, minimum: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _err(source, key, f"must be an integer >= {minimum}, got {value!r}")
    return value


def _enabled(data: Mapping[str, Any], source: str) -> tuple[bool, str]:
    """`enabled` and `disabled_reason`: a disabled site must say why, an enabled one must not."""
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise _err(source, "enabled", "must be true or false")
    reason = data.get("disabled_reason", "")
    if not isinstance(reason, str) or "\n" in reason:
        raise _err(source, "disabled_reason", "must be a one-line string")
    if not enabled and not reason.strip():
        raise _err(source, "disabled_reason", "say why the site is disabled (enabled = false)")
    if enabled and reason:
        raise _err(source, "disabled_reason", "only for a disabled site (enabled = false)")
    return enabled, reason.strip()


def site_config_from_mapping(data: Mapping[str, Any], source: str = "<config>") -> SiteConfig:
    """Validate a parsed config mapping; raise ConfigError naming *source* and the key."""
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise _err(source, unknown[0], "unknown key")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise _err(source, "name", "must be a lower-case name like 'farm-a'")
    lists = {key: _str_list(data, key, source) for key in _LIST_KEYS}
    if not lists["start_urls"] and not lists["sitemaps"]:
        raise _err(source, "start_urls", "give at least one start URL or sitemap")
    for key in ("start_urls", "sitemaps"):
        for url in lists[key]:
            if urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).hostname:
                raise _err(source, key, f"not an http(s) URL: {url!r}")
    article = data.get("article_pattern")
    if not isinstance(article, str) or not article:
        raise _err(source, "article_pattern", "must be a non-empty regex string")
    _regex(article, "article_pattern", source)
    for key in ("follow_patterns", "deny_patterns"):
        for pattern in lists[key]:
            _regex(pattern, key, source)
    for sel in lists["drop_selectors"]:
        try:
            from lxml.cssselect import CSSSelector

            CSSSelector(sel)
        except Exception as exc:  # cssselect raises several parse error types
            raise _err(source, "drop_selectors", f"invalid CSS selector {sel!r}: {exc}") from None
    encoding = data.get("encoding", "")
    if not isinstance(encoding, str):
        raise _err(source, "encoding", "must be a string")
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise _err(source, "encoding", f"unknown encoding {encoding!r}") from None
    allow_private = data.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise _err(source, "allow_private", "must be true or false")
    pol = data.get("politeness", {})
    if not isinstance(pol, dict):
        raise _err(source, "politeness", "must be a table")
    bad = sorted(set(pol) - {"delay", "concurrency"})
    if bad:
        raise _err(source, f"politeness.{bad[0]}", "unknown key")
    delay = pol.get("delay", 1.0)
    if isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0:
        raise _err(source, "politeness.delay", f"must be a number >= 0, got {delay!r}")
    concurrency = _int(pol, "concurrency", 2, source + " [politeness]", 1)
    recrawl = data.get("recrawl_interval", 0.0)
    if isinstance(recrawl, bool) or not isinstance(recrawl, int | float) or recrawl < 0:
        raise _err(source, "recrawl_interval", f"must be a number of hours >= 0, got {recrawl!r}")
    enabled, disabled_reason = _enabled(data, source)
    return SiteConfig(
        name=name,
        enabled=enabled,
        disabled_reason=disabled_reason,
        article_pattern=article,
        max_depth=_int(data, "max_depth", 10, source, 0),
        max_pages=_int(data, "max_pages", 5000, source, 1),
        encoding=encoding,
        allow_private=allow_private,
        politeness=Politeness(float(delay), concurrency),
        recrawl_interval=float(recrawl),
        source=source,
        **lists,
    )


def load_site_config(path: Path) -> SiteConfig:
    """Read and validate one `<name>.toml` site config."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    return site_config_from_mapping(data, str(path))


def load_site_configs(sites_dir: Path, names: list[str] | None = None) -> list[SiteConfig]:
    """Load every config in *sites_dir* (or only *names*); duplicate names are an error."""
    if not sites_dir.is_dir():
        raise ConfigError(f"{sites_dir}: sites directory not found")
    configs = [load_site_config(p) for p in sorted(sites_dir.glob("*.toml"))]
    seen: dict[str, str] = {}
    for cfg in configs:
        if cfg.name in seen:
            raise ConfigError(
                f"{cfg.source}: key 'name': '{cfg.name}' already used by {seen[cfg.name]}"
            )
        seen[cfg.name] = cfg.source
    if names:
        missing = sorted(set(names) - set(seen))
        if missing:
            raise ConfigError(f"{sites_dir}: no site config named '{missing[0]}'")
        configs = [c for c in configs if c.name in names]
    return configs
