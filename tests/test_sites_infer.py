"""Pattern inference (pipeline.site_infer): example URLs -> anchored URL patterns."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.site_infer import PATH_ANCHOR, infer_site, matches, section_pattern, url_pattern


def body(pattern: str) -> str:
    """The pattern without its anchors, to compare what was generalized."""
    assert pattern.startswith(PATH_ANCHOR) and pattern.endswith("$")
    return pattern[len(PATH_ANCHOR):-1]


@pytest.mark.parametrize(("urls", "expected"), [
    (["https://a.cn/info/gongshang/6336859.html", "https://a.cn/info/pufa/6699157.html"],
     r"/info/[a-z]+/\d+\.html"),
    (["http://a.cn/kx/202504/135541.html"], r"/kx/\d{6}/\d+\.html"),
    (["http://a.cn/jinrong/2023-10-10/33291.html"], r"/jinrong/\d{4}\-\d{2}\-\d{2}/\d+\.html"),
    (["https://a.cn/daikuan/bcfa5BAJpAVVTCgNSVg.html"], r"/daikuan/[A-Za-z0-9]+\.html"),
    (["https://a.cn/post/hua-bei-jie-bei-yu-qi.html"], r"/post/[a-z0-9]+(?:[-_][a-z0-9]+)*\.html"),
    (["https://a.cn/laws-1893982.html"], r"/laws\-\d+\.html"),
    (["http://a.cn/index.php?c=show&id=156998"], r"/index\.php\?c=show&id=\d+"),
    (["https://a.cn/special/23593909"], r"/special/\d+"),
    (["https://a.cn/ss/6fe86a8c7adf0c0166e71528cec460d0.html"], r"/ss/[0-9a-f]+\.html"),
])
def test_generalizes_ids_dates_and_slugs(urls: list[str], expected: str) -> None:
    pattern = url_pattern(urls)
    assert body(pattern) == expected
    assert all(matches(pattern, u) for u in urls)


def test_pattern_matches_both_absolute_urls_and_paths() -> None:
    pattern = url_pattern(["https://a.cn/info/x/1.html"])
    assert re.search(pattern, "https://a.cn/info/x/22.html")
    assert re.search(pattern, "/info/x/22.html")
    assert not re.search(pattern, "/info/x/22.html/evil")
    assert not re.search(pattern, "https://a.cn/other/info/x/22.html")


def test_several_shapes_become_an_alternation() -> None:
    urls = ["https://53761.com.cn/huankuan/1501.html", "https://53761.com.cn/shenka-2/56559.html",
            "https://www.53761.com.cn/zhixiao/gezhai/article/136934.html",
            "https://www.53761.com.cn/zhixiao/xingye/article/171109.html"]
    pattern = url_pattern(urls)
    assert all(matches(pattern, u) for u in urls)
    assert matches(pattern, "https://53761.com.cn/yuqinew/30647.html")
    assert not matches(pattern, "https://53761.com.cn/tags/5.html/x")


def test_a_clashing_list_url_gets_a_negative_lookahead() -> None:
    articles = ["http://a.cn/kongjianxinxi", "http://a.cn/duanxinzhenjia"]
    lists = ["http://a.cn/tagxianyonghoufu", "http://a.cn/tagwangdaiyuqi"]
    inferred = infer_site(articles, lists)
    assert not inferred.article_misses and not inferred.list_clashes
    assert matches(inferred.article_pattern, "http://a.cn/xinyongkayuqi")


def test_follow_patterns_come_from_lists_or_the_article_section() -> None:
    with_lists = infer_site(["https://www.t.com/a/201952.html"],
                            ["http://www.t.com/tags/105443.html", "https://t.com/tags/31332.html"])
    assert [body(p) for p in with_lists.follow_patterns] == [r"/tags/\d+\.html"]
    assert with_lists.start_urls == ("http://www.t.com/tags/105443.html",
                                     "https://t.com/tags/31332.html")
    section = section_pattern(["https://a.cn/info/x/1.html", "https://a.cn/info/y/2.html"])
    assert section == PATH_ANCHOR + "/info/"
    assert section_pattern(["https://a.cn/1.html"]) is None
    assert infer_site(["https://a.cn/1.html"]).follow_patterns == ()


def test_site_name_hosts_and_robots() -> None:
    inferred = infer_site(["https://www.a.cn/x/1.html", "http://a.cn/x/2.html"])
    assert inferred.name == "a.cn"
    assert inferred.sitemaps == ("https://www.a.cn/robots.txt", "http://a.cn/robots.txt")
    assert inferred.start_urls == ("https://www.a.cn/", "http://a.cn/")
    assert infer_site(["http://111613.com:6666/article/x/1.html"]).sitemaps == (
        "http://111613.com:6666/robots.txt",)


@pytest.mark.parametrize(("articles", "message"), [
    ([], "at least one"),
    (["ftp://a.cn/1.html"], "not an http(s) URL"),
    (["https://a.cn/1.html", "https://b.cn/2.html"], "https://b.cn/2.html"),
])
def test_bad_examples_are_refused(articles: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        infer_site(articles)


def test_query_only_and_trailing_slash_shapes() -> None:
    wordpress = url_pattern(["http://a.cn/?p=123", "http://a.cn/?p=4567"])
    assert body(wordpress) == r"/\?p=\d+"
    assert matches(wordpress, "http://a.cn/?p=9") and not matches(wordpress, "http://a.cn/?p=x")
    slash = url_pattern(["https://a.cn/news/123/"])
    assert body(slash) == r"/news/\d+/"
    assert not matches(slash, "https://a.cn/news/123")


_SEGMENT = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.~-]{0,14}", fullmatch=True)
_PATH = st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join)
_EXT = st.sampled_from(["", ".html", ".shtml", ".htm", ".php"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PATH, _EXT), min_size=1, max_size=6))
def test_any_examples_are_matched_by_their_pattern(paths: list[tuple[str, str]]) -> None:
    urls = [f"https://www.a.cn/{path}{ext}" for path, ext in paths]
    pattern = url_pattern(urls)
    missed = [u for u in urls if not matches(pattern, u)]
    assert not missed, (pattern, missed)
