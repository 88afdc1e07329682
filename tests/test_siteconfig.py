"""Site configs: the documented keys load; every mistake names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.siteconfig import ConfigError, load_site_config, load_site_configs

GOOD = """
name = "farm-a"
start_urls = ["http://127.0.0.1:8080/"]
sitemaps = []
allowed_domains = ["127.0.0.1"]
article_pattern = '/a/\\d+\\.html$'
follow_patterns = ['/list/']
deny_patterns = []
max_depth = 10
max_pages = 5000
drop_selectors = [".related-art"]
encoding = ""
allow_private = false
[politeness]
delay = 1.0
concurrency = 2
"""


def write(tmp_path: Path, text: str, name: str = "farm-a.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_documented_example_loads(tmp_path: Path) -> None:
    cfg = load_site_config(write(tmp_path, GOOD))
    assert cfg.name == "farm-a"
    assert cfg.politeness.concurrency == 2 and cfg.politeness.delay == 1.0
    assert cfg.is_article("http://127.0.0.1:8080/a/12.html")
    assert not cfg.is_article("http://127.0.0.1:8080/list/2.html")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('article_pattern = \'/a/\\d+\\.html$\'', "article_pattern = '(['", "article_pattern"),
        ("max_depth = 10", "max_depth = -1", "max_depth"),
        ("max_pages = 5000", 'max_pages = "many"', "max_pages"),
        ('drop_selectors = [".related-art"]', 'drop_selectors = ["div[[["]', "drop_selectors"),
        ('encoding = ""', 'encoding = "klingon"', "encoding"),
        ("allow_private = false", 'allow_private = "yes"', "allow_private"),
        ("delay = 1.0", "delay = -2", "politeness.delay"),
        ("concurrency = 2", "concurrency = 0", "concurrency"),
        ('start_urls = ["http://127.0.0.1:8080/"]', 'start_urls = ["file:///etc/passwd"]',
         "start_urls"),
        ('name = "farm-a"', 'name = "Farm A!"', "name"),
        ("deny_patterns = []", "deny_patterns = [3]", "deny_patterns"),
        ("max_depth = 10", "max_depth = 10\ncolour = 'red'", "colour"),
        ("max_depth = 10", "max_depth = 10\nrecrawl_interval = -1", "recrawl_interval"),
        ("max_depth = 10", "max_depth = 10\nrecrawl_interval = '1d'", "recrawl_interval"),
    ],
)
def test_bad_value_names_file_and_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_site_config(path)
    message = str(info.value)
    assert str(path) in message and key in message
    assert "\n" not in message


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "name = ")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_site_config(path)


def test_duplicate_names_and_unknown_site_are_errors(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "one.toml")
    write(tmp_path, GOOD, "two.toml")
    with pytest.raises(ConfigError, match="already used"):
        load_site_configs(tmp_path)
    (tmp_path / "two.toml").unlink()
    with pytest.raises(ConfigError, match="no site config named 'nope'"):
        load_site_configs(tmp_path, ["nope"])
    assert [c.name for c in load_site_configs(tmp_path, ["farm-a"])] == ["farm-a"]
