"""Stat keys are constants (pipeline.stat_keys), and the run summary is computed once.

A misspelt stat name must fail loudly: code names `Stat.X` or builds a key from a
`StatGroup`, and no module but the constants module writes a `yuqi/...` string.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from pipeline.stat_keys import PREFIX, ScrapyStat, Stat, StatGroup, all_stat_keys, short_name
from pipeline.stats import CounterStats, refusals, run_summary
from spiders.stats_adapter import ScrapyStats

ROOT = Path(__file__).resolve().parents[1]
CONSTANTS = ROOT / "pipeline" / "stat_keys.py"
# A quoted stat name: the prefix right after a quote, then a letter or a format field (not
# the User-Agent's product token, whose version follows the prefix).
BARE_KEY = re.compile(r"""["']""" + re.escape(PREFIX) + "[a-z_{]")
SCANNED = ("*.py", "*.sql")


def bare_stat_names(root: Path) -> list[str]:
    """`path:line` of every quoted `yuqi/...` stat name under *root*, but the constants."""
    found = []
    for pattern in SCANNED:
        for path in sorted(root.rglob(pattern)):
            rel = path.relative_to(root)
            if rel.parts[0].startswith(".") or path == CONSTANTS:
                continue
            for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if BARE_KEY.search(line):
                    found.append(f"{rel}:{lineno}")
    return found


def test_no_bare_stat_names_outside_the_constants_module() -> None:
    assert bare_stat_names(ROOT) == []


def test_the_scan_finds_a_bare_stat_name(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(f'stats.inc_value(f"{PREFIX}dropped/{{reason}}")\n'
                                   f'UA = "{PREFIX}0.1 (+https://example.org)"\n',
                                   encoding="utf-8")
    (tmp_path / "q.sql").write_text(f"WHERE starts_with(key, '{PREFIX}refused/')\n",
                                    encoding="utf-8")
    assert bare_stat_names(tmp_path) == ["m.py:1", "q.sql:1"]


def test_a_misspelt_key_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = Stat.ARCHVIED  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = StatGroup.DROPED  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        StatGroup.DROPPED.key("")
    with pytest.raises(TypeError):
        Stat()


def test_the_keys_are_well_formed_and_distinct() -> None:
    keys = [v for k, v in vars(Stat).items() if k.isupper()]
    assert len(keys) == len(set(keys)) == len(all_stat_keys())
    assert all(re.fullmatch(re.escape(PREFIX) + r"[a-z_]+(/[a-z_]+)?", k) for k in keys), keys
    groups = {g.value for g in StatGroup}
    for key in keys:
        if key.count("/") == 2:  # a member of a family has its group's prefix
            assert key[:key.rindex("/") + 1] in groups, key
    assert all(g.startswith(PREFIX) and g.endswith("/") for g in groups)
    assert StatGroup.DROPPED.key("no_text") == PREFIX + "dropped/no_text"
    assert StatGroup.REFUSED.reason(Stat.REFUSED_SCHEME) == "scheme"
    assert StatGroup.ROBOTS.reason(Stat.REFUSED_SCHEME) is None
    assert short_name(Stat.ROBOTS_UNREACHABLE) == "robots/unreachable"


def test_run_summary_of_a_crawl() -> None:
    total = {
        Stat.ARCHIVED: 10, Stat.UNCHANGED: 3, Stat.SKIPPED_SITEMAP_UNCHANGED: 2,
        Stat.DOCUMENTS: 5, Stat.CLAIMS: 40, ScrapyStat.RESPONSE_BYTES: 9000,
        Stat.REFUSED_PRIVATE_ADDRESS: 2, StatGroup.REFUSED.key("trap_segments"): 1,
        Stat.ROBOTS_DISALLOWED: 4, Stat.ROBOTS_REQUESTED: 9,
        StatGroup.DROPPED.key("no_text"): 1,
        ScrapyStat.STATUS_PREFIX + "404": 2, ScrapyStat.STATUS_PREFIX + "200": 7,
        ScrapyStat.EXCEPTION_TYPE_PREFIX + "twisted.internet.error.TimeoutError": 1,
    }
    assert run_summary(total) == {
        "responses": 10, "downloaded": 7, "unchanged": 5, "refused": 7,
        "errors": {"dropped/no_text": 1, "http_404": 2, "TimeoutError": 1},
        "bytes": 9000, "documents": 5, "claims": 40,
    }
    assert refusals(total) == {Stat.REFUSED_PRIVATE_ADDRESS: 2,
                               StatGroup.REFUSED.key("trap_segments"): 1,
                               Stat.ROBOTS_DISALLOWED: 4}


def test_counter_stats_is_a_stat_collector() -> None:
    stats = CounterStats()
    stats.inc(Stat.DOCUMENTS)
    stats.inc(Stat.CLAIMS, 3)
    stats.set(Stat.ROBOTS_CRAWL_DELAY, 2.5)
    assert stats.get(Stat.CLAIMS) == 3 and stats.get(Stat.ARCHIVED, 0) == 0
    assert stats.counts == Counter({Stat.DOCUMENTS: 1, Stat.CLAIMS: 3,
                                    Stat.ROBOTS_CRAWL_DELAY: 2.5})
    assert run_summary(stats.counts)["documents"] == 1


def test_scrapy_stats_through_the_adapter() -> None:
    scrapy_stats = MemoryStatsCollector(get_crawler())
    stats = ScrapyStats(scrapy_stats)
    stats.inc(Stat.ARCHIVED)
    stats.inc(Stat.ARCHIVED, 2)
    stats.set(Stat.ROBOTS_CRAWL_DELAY, 1.5)
    assert stats.get(Stat.ARCHIVED) == 3 and stats.get(Stat.CLAIMS, 0) == 0
    assert scrapy_stats.get_stats() == {Stat.ARCHIVED: 3, Stat.ROBOTS_CRAWL_DELAY: 1.5}
