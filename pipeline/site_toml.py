"""A site config draft and its TOML text: what `yuqi site new` writes, with comments.

Pure (no I/O). The defaults are deliberately gentle for real sites: one request
in flight, at least 3 s apart (robots.txt `Crawl-delay` can only lengthen it), a
small page cap per run, and a week between re-checks of a known article.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.site_infer import Inferred, site_name

DEFAULT_DELAY = 3.0  # seconds between requests to one site
DEFAULT_CONCURRENCY = 1
DEFAULT_MAX_PAGES = 300  # responses per run
DEFAULT_MAX_DEPTH = 3
DEFAULT_RECRAWL_HOURS = 168.0  # a known article is checked again after a week
COMMENT_WIDTH = 96


@dataclass(frozen=True, slots=True)
class ConfigDraft:
    """A site config before it is written: the keys of spiders/sites/<name>.toml plus comments."""

    name: str
    start_urls: tuple[str, ...]
    sitemaps: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    article_pattern: str
    follow_patterns: tuple[str, ...] = ()
    drop_selectors: tuple[str, ...] = ()
    max_depth: int = DEFAULT_MAX_DEPTH
    max_pages: int = DEFAULT_MAX_PAGES
    delay: float = DEFAULT_DELAY
    concurrency: int = DEFAULT_CONCURRENCY
    recrawl_interval: float = DEFAULT_RECRAWL_HOURS
    enabled: bool = True
    disabled_reason: str = ""
    comments: tuple[str, ...] = field(default=())


def draft_from_inferred(inferred: Inferred, articles: Sequence[str],
                        lists: Sequence[str] = ()) -> ConfigDraft:
    """A draft holding what `infer_site` found, its comment naming the example URLs."""
    comments = ["Written by `yuqi site new` from these example URLs:",
                *(f"  article  {u}" for u in articles), *(f"  list     {u}" for u in lists),
                f"Follow patterns: {inferred.follow_source}.",
                "Tune with `yuqi site check NAME --html DIR` on saved pages before crawling;",
                "respect the site's terms and robots.txt."]
    return ConfigDraft(
        name=inferred.name,
        start_urls=inferred.start_urls,
        sitemaps=inferred.sitemaps,
        allowed_domains=(site_name(inferred.hosts[0]),),
        article_pattern=inferred.article_pattern,
        follow_patterns=inferred.follow_patterns,
        comments=tuple(comments),
    )


def _string(value: str) -> str:
    """A TOML string: literal ('...') when possible, so regex backslashes stay readable."""
    if "'" not in value and "\n" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _strings(values: Sequence[str]) -> str:
    if not values:
        return "[]"
    if len(values) == 1:
        return f"[{_string(values[0])}]"
    return "[\n" + "".join(f"    {_string(v)},\n" for v in values) + "]"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def render_toml(draft: ConfigDraft) -> str:
    """The draft as commented TOML text, in the key order of the README's example."""
    lines = [f"# {part}".rstrip() for c in draft.comments
             for part in (textwrap.wrap(c, COMMENT_WIDTH, break_long_words=False,
                                        break_on_hyphens=False) or [""])
             ] if draft.comments else []
    lines += [
        f"name = {_string(draft.name)}",
        f"enabled = {'true' if draft.enabled else 'false'}",
    ]
    if not draft.enabled:
        lines.append(f"disabled_reason = {_string(draft.disabled_reason)}")
    lines += [
        f"start_urls = {_strings(draft.start_urls)}",
        f"sitemaps = {_strings(draft.sitemaps)}  # robots.txt: the sitemaps it names",
        f"allowed_domains = {_strings(draft.allowed_domains)}",
        f"article_pattern = {_string(draft.article_pattern)}",
        f"follow_patterns = {_strings(draft.follow_patterns)}",
        f"drop_selectors = {_strings(draft.drop_selectors)}",
        f"max_depth = {draft.max_depth}",
        f"max_pages = {draft.max_pages}",
        f"recrawl_interval = {_number(draft.recrawl_interval)}  # hours",
        "",
        "[politeness]",
        f"delay = {_number(draft.delay)}",
        f"concurrency = {draft.concurrency}",
    ]
    return "\n".join(lines) + "\n"
