"""The link caches of a crawl (perf8): same links, same follow decisions, same counts.

`pipeline.links.page_links` remembers `urljoin` answers for hrefs from the root or
absolute http(s) ones by the base's scheme and host; `GenericSpider._follow` remembers
its answer per link. Both must give what the uncached code gave, on every page, in any
order, also when the caches are full of other pages' answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree
from scrapy.http import HtmlResponse, Request
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

import pipeline.links as links
import spiders.generic as generic
from pipeline.links import base_url, page_links, parse_html
from pipeline.siteconfig import Politeness, SiteConfig
from pipeline.stat_keys import Stat
from spiders.context import RunContext
from spiders.generic import GenericSpider

HREFS = ["/a/1.html", "/a/../b/2.html", "/a/./3.html?x=1#f", "//cdn.farm.test/a/4.html",
         "http://farm.test/a/5.html", "https://farm.test/a/6.html", "http:///a/7.html",
         "http://farm.test", "http://farm.test/a/8.html?", "/a/9.html;p=1", "/",
         "a/10.html", "../a/11.html", "?page=2", "http:a/12.html", "https:/a/13.html",
         "HTTP://farm.test/a/14.html", "/a/15 16.html", "/%E9%80%BE/17.html"]
PAGES = ["http://farm.test/list/p1.html", "http://farm.test/list/deep/p2.html?q=1",
         "https://farm.test/list/p3.html", "http://other.test:8080/x/y/p4.html",
         "http://farm.test/list/p1.html;s=1"]
BASES = ["", "/mirror/", "https://cdn.farm.test/x/", "http://farm.test:81/z/"]


def _reference(root: etree._Element, page_url: str) -> Iterator[str]:
    """`page_links` as it was before the cache: urljoin of every href."""
    base = base_url(root, page_url)
    seen: set[str] = set()
    for element in root.iter("a", "area"):
        href = (element.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        absolute = urljoin(base, href)
        if absolute in seen or not absolute.startswith(("http://", "https://")):
            continue
        seen.add(absolute)
        yield absolute


def _page(base_href: str) -> bytes:
    head = f'<head><base href="{base_href}"></head>' if base_href else "<head></head>"
    anchors = "".join(f'<a href="{h}">x</a>' for h in HREFS)
    return f"<html>{head}<body>{anchors}<area href='/a/1.html'></body></html>".encode()


def test_page_links_equal_urljoin_on_every_page_and_base() -> None:
    links._rooted.clear()
    for _ in range(2):  # the second pass answers from the cache the first one filled
        for page_url in PAGES:
            for base_href in BASES:
                root = parse_html(_page(base_href))
                assert root is not None
                got = list(page_links(root, page_url))
                assert got == list(_reference(root, page_url)), (page_url, base_href)
    assert links._rooted  # the cache was used


def test_the_rooted_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(links, "_ROOTED_CACHE_SIZE", 3)
    links._rooted.clear()
    root = parse_html(_page(""))
    assert root is not None
    assert list(page_links(root, PAGES[0])) == list(_reference(root, PAGES[0]))
    assert len(links._rooted) <= 3


CONFIG = SiteConfig(name="farm-a", start_urls=("http://farm.test/",),
                    allowed_domains=("farm.test",), article_pattern=r"/a/\d+\.html$",
                    follow_patterns=(r"/list/",), deny_patterns=(r"/list/private/",),
                    politeness=Politeness(0, 1))
LINKS = ["http://farm.test/list/p2.html?utm_source=x&b=2&a=1",  # followed, canonicalized
         "http://farm.test/a/3.html",                            # the article pattern
         "http://farm.test/list/photo.jpg",                      # an ignored extension
         "http://farm.test/list/private/p.html",                 # denied
         "http://farm.test/about.html",                          # no pattern matches
         "http://farm.test:notaport/list/p9.html"]               # junk: counted
EXPECTED = ["http://farm.test/list/p2.html?a=1&b=2", "http://farm.test/a/3.html",
            None, None, None, None]


@pytest.fixture
def spider(tmp_path: Path) -> Iterator[GenericSpider]:
    crawler = get_crawler(GenericSpider)
    if crawler.stats is None:
        crawler.stats = MemoryStatsCollector(crawler)
    ctx = RunContext(run_id="r1", data_dir=tmp_path, config=CONFIG)
    spider = GenericSpider(CONFIG, ctx)
    spider.crawler = crawler
    yield spider
    ctx.close()


def _bad_links(spider: GenericSpider) -> int:
    assert spider.crawler.stats is not None
    return int(spider.crawler.stats.get_value(Stat.BAD_LINK, 0))


def test_follow_answers_the_same_every_time_and_counts_junk_each_time(
        spider: GenericSpider) -> None:
    assert [spider._follow(link) for link in LINKS] == EXPECTED
    assert _bad_links(spider) == 1
    assert [spider._follow(link) for link in LINKS] == EXPECTED  # from the cache now
    assert _bad_links(spider) == 2  # the junk link met twice is counted twice, as before
    assert set(spider._followed) == set(LINKS)


def test_follow_cache_is_bounded(spider: GenericSpider, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generic, "FOLLOW_CACHE_SIZE", 2)
    for _ in range(2):
        assert [spider._follow(link) for link in LINKS] == EXPECTED
        assert len(spider._followed) <= 2


def test_the_spider_yields_each_link_once_per_page(spider: GenericSpider) -> None:
    body = "".join(f'<a href="{link}">x</a>' for link in [*LINKS, *LINKS]).encode()
    url = "http://farm.test/list/p1.html"
    response = HtmlResponse(url, body=b"<html><body>" + body + b"</body></html>",
                            encoding="utf-8", request=Request(url))
    followed = list(spider._page_links(response))
    assert followed == [u for u in EXPECTED if u is not None]
    assert _bad_links(spider) == 1
