"""The one link extractor (pipeline.links), as the spider and the resumed crawl's replay use it.

`<a>` and `<area>` hrefs, resolved against `<base href>`, each once; the spider
then applies the site's follow rules; the replay that rebuilds a killed crawl's
frontier finds the same links in the archived page.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from scrapy.http import HtmlResponse, Request

from pipeline.links import base_url, has_extension, page_links, parse_html
from pipeline.siteconfig import Politeness, SiteConfig
from pipeline.warc import WarcArchive
from spiders.context import RunContext
from spiders.generic import GenericSpider
from yuqi.app.replay import rebuild_site

PAGE_URL = "http://farm.test/list/p1.html"
BASED = b"""<html><head><base href="/mirror/"></head><body>
<a href="a/1.html">one</a>
<a href=" a/1.html ">one again</a>
<map name="m"><area href="a/2.html" alt="two"></map>
<a href="http://other.test/a/3.html">elsewhere</a>
<a href="#top">anchor</a><a href="javascript:void(0)">js</a><a href="mailto:x@farm.test">m</a>
<a href="ftp://farm.test/f">ftp</a><a>no href</a><a href="">empty</a>
<a href="img/photo.JPG">photo</a>
</body></html>"""
EXPECTED = ["http://farm.test/mirror/a/1.html", "http://farm.test/mirror/a/2.html",
            "http://other.test/a/3.html", "http://farm.test/mirror/img/photo.JPG"]


def _root(body: bytes = BASED) -> etree._Element:
    root = parse_html(body)
    assert root is not None
    return root


def test_links_resolve_against_base_href_and_include_area() -> None:
    assert list(page_links(_root(), PAGE_URL)) == EXPECTED


def test_without_base_href_links_resolve_against_the_page() -> None:
    root = _root(b'<p><a href="a/1.html">x</a><a href="/a/2.html">y</a></p>')
    assert base_url(root, PAGE_URL) == PAGE_URL
    assert list(page_links(root, PAGE_URL)) == ["http://farm.test/list/a/1.html",
                                                 "http://farm.test/a/2.html"]


def test_an_absolute_base_href_and_junk_input() -> None:
    root = _root(b'<head><base href="https://cdn.farm.test/x/"></head><a href="y.html">y</a>')
    assert base_url(root, PAGE_URL) == "https://cdn.farm.test/x/"
    assert list(page_links(root, PAGE_URL)) == ["https://cdn.farm.test/x/y.html"]
    assert parse_html(b"") is None


def test_has_extension() -> None:
    assert has_extension("http://farm.test/img/photo.JPG", {"jpg"})
    assert not has_extension("http://farm.test/a/1.html", {"jpg"})
    assert not has_extension("http://farm.test/v1.2/page", {"2"})
    assert not has_extension("http://farm.test/jpg", {"jpg"})


CONFIG = SiteConfig(name="farm-a", start_urls=("http://farm.test/",),
                    allowed_domains=("farm.test",), article_pattern=r"/a/\d+\.html$",
                    follow_patterns=(r"/list/", r"/mirror/"), politeness=Politeness(0, 1))


def test_the_spider_follows_what_the_extractor_finds(tmp_path: Path) -> None:
    ctx = RunContext(run_id="r1", data_dir=tmp_path, config=CONFIG)
    spider = GenericSpider(CONFIG, ctx)
    response = HtmlResponse(PAGE_URL, body=BASED, encoding="utf-8", request=Request(PAGE_URL))
    followed = list(spider._page_links(response))
    ctx.close()
    # The follow rules pick from the extractor's links: photo.JPG matches a follow pattern
    # but has an ignored extension; the other host is left to host_allowed, as before.
    assert followed == ["http://farm.test/mirror/a/1.html", "http://farm.test/mirror/a/2.html",
                        "http://other.test/a/3.html"]


def test_a_resumed_crawl_finds_the_same_links_in_the_archive(tmp_path: Path) -> None:
    run_id = "20260101T000000Z-abcd"
    archive = WarcArchive(tmp_path, run_id, "farm-a")
    archive.write_pair(url=PAGE_URL, method="GET", request_headers=[], status=200, reason="",
                       response_headers=[("Content-Type", "text/html")], body=BASED,
                       fetched_at="2026-01-01T00:00:00.000000Z")
    archive.close()
    point = rebuild_site(tmp_path, run_id, CONFIG)
    assert list(point.links) == EXPECTED


def test_no_spider_callback_is_a_generator_returning_a_value() -> None:
    """Scrapy's own check of this (WARN_ON_GENERATOR_RETURN_VALUE) is off in the crawl, where
    it re-parsed the callbacks' source for every response; it runs here once instead."""
    from scrapy.utils.misc import is_generator_with_return_value

    from spiders.settings import BASE_SETTINGS

    assert BASE_SETTINGS["WARN_ON_GENERATOR_RETURN_VALUE"] is False
    for callback in (GenericSpider.parse, GenericSpider.parse_sitemap, GenericSpider.start):
        assert not is_generator_with_return_value(callback)
