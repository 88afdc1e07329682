"""Crawl configs for the demo sites, in the same keys a user writes in spiders/sites/*.toml.

Built from the site records so they always match what the server serves.
The drop selectors are what a user would write after looking at each
template: teaser blocks, disclaimer / CTA boxes, info lines, comments.

The patterns keep the crawl (which also has its own trap guards) small and on
the canonical URLs: it follows only list pages and articles whose URL ends in the
canonical form (so ``?utm_source=``, ``?sid=``, trailing-slash variants, the
301 chains, the calendar and the search pages are never requested), and the
sitemaps list every live article under its canonical URL. Patterns are
searched in absolute URLs by the link extractor and in path+query by
``SiteConfig.is_article``, so they are anchored on the path, not with ``^``.
"""

from __future__ import annotations

import json
from pathlib import Path

from demo.sites import SITES

DROP_SELECTORS: dict[str, list[str]] = {
    "pboot": [".related-art", ".disclaimer", ".art-info", ".sidebar"],
    "dede": [".likearticle", ".cta-box", ".info", ".context", ".permalink"],
    "wordpress": [".related-posts", ".entry-meta", ".entry-footer", ".widget", ".comments-area"],
    "qa": [".m-related", ".cta-box", ".tip", ".other-answers", ".q-info"],
    "mobile": [".m-meta", ".m-more", ".m-banner", ".m-rec"],
    "portal": [".weather", ".crumb", ".detail-info", ".detail-related", ".side"],
    "empire": [".info", ".pagelink", ".otherlink", ".posi"],
    "zblog": [".post-meta", ".post-related", ".msglist"],
    "mirror": [".meta", ".related"],
    "tablebr": [".info", ".position"],
}


def site_configs(base_url: str) -> list[dict[str, object]]:
    """One crawl-config dict per demo site, with absolute URLs under *base_url*."""
    base = base_url.rstrip("/")
    configs: list[dict[str, object]] = []
    for site in SITES:
        name = site.name
        configs.append({
            "name": name,
            "start_urls": [f"{base}{site.prefix}"],
            "sitemaps": [f"{base}{site.sitemap_path}"],
            "allowed_domains": ["127.0.0.1"],
            "article_pattern": rf"/{name}/{site.article_dir}/\d+\.html$",
            "follow_patterns": [rf"/{name}/$", rf"/{name}/list/\d+\.html$"],
            "deny_patterns": [r"[?&](sid|utm_[a-z]+)=", r"/date/\d+/", r"/search/",
                              r"/plus/", r"/archives/"],
            "max_depth": 10,
            "max_pages": 5000,
            "drop_selectors": list(DROP_SELECTORS[site.template]),
            "encoding": "",
            "allow_private": True,
            "politeness": {"delay": 0.0, "concurrency": 8},
        })
    return configs


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def config_toml(config: dict[str, object]) -> str:
    """One site config as the TOML text a user would keep in spiders/sites/<name>.toml."""
    lines: list[str] = []
    tables: list[str] = []
    for key, value in config.items():
        if isinstance(value, dict):
            tables.append(f"\n[{key}]")
            tables.extend(f"{k} = {_toml_value(v)}" for k, v in value.items())
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines + tables) + "\n"


def write_site_configs(base_url: str, folder: Path) -> list[Path]:
    """Write one `<name>.toml` per demo site served at *base_url* into *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for config in site_configs(base_url):
        path = folder / f"{config['name']}.toml"
        path.write_text(config_toml(config), encoding="utf-8")
        paths.append(path)
    return paths
