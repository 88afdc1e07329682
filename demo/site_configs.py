"""Crawl configs for the demo sites, in the same keys a user writes in spiders/sites/*.toml.

Built from the site records so they always match what the server serves.
The drop selectors are what a user would write after looking at each
template: the teaser block, the disclaimer / CTA boxes, the info line.
"""

from __future__ import annotations

from demo.sites import SITES

DROP_SELECTORS: dict[str, list[str]] = {
    "pboot": [".related-art", ".disclaimer", ".art-info", ".sidebar"],
    "dede": [".likearticle", ".cta-box", ".info", ".context"],
    "wordpress": [".related-posts", ".entry-meta", ".entry-footer", ".widget"],
    "qa": [".m-related", ".cta-box", ".tip", ".other-answers", ".q-info"],
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
            "article_pattern": rf"^/{name}/a/\d+\.html$",
            "follow_patterns": [rf"^/{name}/$", rf"^/{name}/list/\d+\.html$"],
            "deny_patterns": [],
            "max_depth": 10,
            "max_pages": 5000,
            "drop_selectors": list(DROP_SELECTORS[site.template]),
            "encoding": "",
            "allow_private": True,
            "politeness": {"delay": 0.0, "concurrency": 8},
        })
    return configs
