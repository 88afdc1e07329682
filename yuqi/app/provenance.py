"""What shaped a run's rows, recorded in its manifest (and from there in `crawl_runs`).

The extractor and tagger versions carry hashes of their rules and parameters; the
dedup and cross-document cleaning thresholds are recorded as they are; each site
config is recorded by a stable hash of its parsed settings (drop_selectors included).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from pipeline.claims import TAGGER_VERSION
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.siteconfig import SiteConfig, config_hash
from yuqi.app.load import CROSS_DOC_RULES, assign_clusters


def site_config_hashes(configs: Iterable[SiteConfig]) -> dict[str, str]:
    """Site name -> `config_hash` of its parsed config."""
    return {c.name: config_hash(c) for c in sorted(configs, key=lambda c: c.name)}


def run_versions(site_configs: Mapping[str, str]) -> dict[str, Any]:
    """The manifest's `versions` block: extractor and tagger versions, the dedup and
    cross-document cleaning parameters `yuqi load` uses, and the given site config hashes."""
    return {
        "extractor": EXTRACTOR_VERSION,
        "tagger": TAGGER_VERSION,
        "dedup": asdict(assign_clusters.params),
        "cleaning": asdict(CROSS_DOC_RULES),
        "site_configs": dict(sorted(site_configs.items())),
    }
