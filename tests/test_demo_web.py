"""The bundled demo web: real HTTP on 127.0.0.1, checked against its own ground truth."""

from __future__ import annotations

import ast
import gzip
import html
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from demo.server import DemoServer
from demo.site_configs import site_configs
from demo.sites import SITES_BY_NAME
from demo.truth import truth_records
from demo.web import DemoWeb
from pipeline.normalize import to_simplified
from spiders.settings import USER_AGENT
from tests.cli import invoke_yuqi

# The label vocabulary of /work/shared/DOMAIN.md, written out independently of demo/vocab.py.
TOPICS = {
    "overdue_grace", "credit_report", "penalty_fees", "debtor_contact", "contacts_family",
    "third_party_agency", "home_visit", "legal_action", "criminal_risk", "negotiation",
    "complaints_rights", "account_impact", "debt_help_scam", "fake_collection",
    "bad_debt_transfer",
}
STANCES = {"affirms", "denies", "conditional", "question"}
MODALITIES = {"descriptive", "normative", "advice"}
HEDGES = {"none", "possibility", "frequency"}
ANCHORS = {"overdue", "retention", "installment"}
PRODUCT_ALIASES = {
    "花呗": ["花呗", "蚂蚁花呗", "支付宝花呗", "花唄"],
    "借呗": ["借呗", "蚂蚁借呗", "借唄"],
    "京东白条": ["京东白条", "白条"],
    "京东金条": ["京东金条", "金条"],
    "微粒贷": ["微粒贷"],
    "网商贷": ["网商贷"],
    "信用卡": ["信用卡", "卡债"],
    "美团月付": ["美团月付"],
    "美团借钱": ["美团借钱"],
    "抖音月付": ["抖音月付"],
    "放心借": ["放心借"],
    "度小满": ["度小满", "有钱花"],
    "招联": ["招联", "好期贷"],
    "安逸花": ["安逸花", "马上消费"],
    "360借条": ["360借条", "奇富借条"],
    "分期乐": ["分期乐"],
    "还呗": ["还呗"],
    "建行快贷": ["建行快贷"],
    "云闪付": ["云闪付"],
    "网贷": ["网贷", "网络贷款", "网上贷款"],
}
TRUTH_KEYS = {
    "url", "site", "title", "text", "teasers", "noise", "encoding", "cluster", "claims",
    "created_day", "edited_day", "deleted_day",
}
CONFIG_KEYS = {
    "name", "start_urls", "sitemaps", "allowed_domains", "article_pattern", "follow_patterns",
    "deny_patterns", "max_depth", "max_pages", "drop_selectors", "encoding", "allow_private",
    "politeness",
}
HREF_RE = re.compile(r'href="([^"]+)"')
DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"
YUQI_UA = USER_AGENT  # what a yuqi crawl sends

Record = dict[str, object]


def fetch(url: str, method: str = "GET", headers: dict[str, str] | None = None
          ) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request (HTTP errors and redirects are returned)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with opener.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), err.read()


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer(port=0) as srv:
        yield srv


@pytest.fixture(scope="module")
def truth(server: DemoServer) -> list[Record]:
    return list(truth_records(server.base_url, corpus=server.web.corpus))


@pytest.fixture(scope="module")
def pages(truth: list[Record]) -> dict[str, str]:
    """Decoded HTML of every article page, keyed by URL."""
    out = {}
    for rec in truth:
        status, _, body = fetch(str(rec["url"]))
        assert status == 200, rec["url"]
        out[str(rec["url"])] = body.decode(str(rec["encoding"]))
    return out


def by_site(truth: list[Record]) -> dict[str, set[str]]:
    sites: dict[str, set[str]] = defaultdict(set)
    for rec in truth:
        sites[str(rec["site"])].add(str(rec["url"]))
    return sites


def path_of(rec: Record) -> str:
    return urlsplit(str(rec["url"])).path


# ------------------------------------------------------------------ truth and content


def test_size_and_truth_shape(truth: list[Record]) -> None:
    assert len(truth) >= 400
    assert len(by_site(truth)) >= 8
    assert len({rec["cluster"] for rec in truth}) >= 100
    for rec in truth:
        assert set(rec) >= TRUTH_KEYS
        assert (rec["created_day"], rec["edited_day"], rec["deleted_day"]) == (0, None, None)
        json.dumps(rec, ensure_ascii=False)  # JSON-ready
    assert len({rec["url"] for rec in truth}) == len(truth)


@pytest.mark.slow
def test_page_shows_text_teasers_and_noise(truth: list[Record], pages: dict[str, str]) -> None:
    some_daoyu = teased = 0
    for rec in truth:
        page = html.unescape(pages[str(rec["url"])])
        text = str(rec["text"])
        assert f">{rec['title']}</h" in page
        assert f'<link rel="canonical" href="{rec["url"]}">' in page
        for line in text.split("\n"):
            assert line and line == line.strip() and line in page, (rec["url"], line)
        teasers = rec["teasers"]
        assert isinstance(teasers, list) and len(teasers) <= 8
        teased += len(teasers) >= 4
        for teaser in teasers:
            assert teaser in page
            assert teaser.endswith(("...", "…"))
            assert teaser.rstrip(".…").split("：")[-1] not in text
            some_daoyu += teaser.startswith("小编导语")
        noise = rec["noise"]
        assert isinstance(noise, list) and noise
        assert "浏览" in noise[0] or "瀏覽" in noise[0]  # the info line
        for item in noise:
            assert item in page and item not in text
    assert some_daoyu and teased >= 0.8 * len(truth)


@pytest.mark.slow
def test_body_container_quirks(truth: list[Record], pages: dict[str, str]) -> None:
    def first(site: str) -> str:
        return pages[next(str(r["url"]) for r in truth if r["site"] == site)]

    a = first("farm-a")
    content = a.split('<div class="art-content">', 1)[1]
    assert content.index('<div class="related-art">') < content.index('<div class="sidebar">')
    assert "本站部分文字内容、图片由网友投稿，如侵权请联系删除" in content.split("related-art")[0]
    b = first("farm-b")
    assert b.index('<div class="content">') < b.index("加微信") < b.index('class="likearticle"')
    c = first("farm-c")
    assert c.index('<div class="entry-content">') < c.index('<div class="related-posts">')
    assert re.search(r"浏览 \d+ 次", c) and 'class="comment-list"' in c
    d = first("farm-d")
    assert d.index("最佳答案") < d.index("其他回答")
    e = first("farm-e")  # the CTA is a bare <p> inside the body
    assert re.search(r'<div class="m-body" id="artbody">.*<p>[^<]*加微信[^<]*</p>\n</div>', e, re.S)
    f = first("farm-f")
    assert "天气预报" in f and "/farm-f/tianqi/" in f
    i = first("farm-i")
    body = i.split('<div class="article-body">', 1)[1]
    assert '<div class="related">' in body  # teasers inside the body container


def test_claim_labels_use_domain_vocabulary(truth: list[Record]) -> None:
    stances: dict[str, set[str]] = defaultdict(set)
    for rec in truth:
        claims = rec["claims"]
        assert isinstance(claims, list)
        for claim in claims:
            assert set(claim) == {"text", "topics", "stance", "modality", "hedge", "products",
                                  "threshold"}
            assert claim["text"] in str(rec["text"])
            assert claim["topics"] and set(claim["topics"]) <= TOPICS
            assert claim["stance"] in STANCES
            assert claim["modality"] in MODALITIES
            assert claim["hedge"] in HEDGES
            assert set(claim["products"]) <= set(PRODUCT_ALIASES)
            assert (claim["stance"] == "question") == claim["text"].endswith("？")
            th = claim["threshold"]
            assert set(th) == {"min_days", "max_days", "anchor"}
            if th["anchor"] is None:
                assert th["min_days"] is None and th["max_days"] is None
            else:
                assert th["anchor"] in ANCHORS
                assert th["min_days"] is not None or th["max_days"] is not None
                if th["min_days"] is not None and th["max_days"] is not None:
                    assert th["min_days"] <= th["max_days"]
            for topic in claim["topics"]:
                stances[topic].add(claim["stance"])
    assert set(stances) == TOPICS  # every topic occurs
    assert {"denies", "conditional"} <= stances["contacts_family"]
    assert {"affirms", "denies"} <= stances["legal_action"]
    assert any(len(rec["claims"]) < str(rec["text"]).count("。")  # type: ignore[arg-type]
               for rec in truth)  # filler sentences exist


def test_product_labels_follow_the_text(truth: list[Record]) -> None:
    for rec in truth:
        if rec["site"] == "farm-i":  # Traditional script: labels come from the source text
            continue
        for claim in rec["claims"]:  # type: ignore[attr-defined]
            # A Traditional-script repost (edit trad:0) names its products in Traditional.
            shown = to_simplified(claim["text"])
            named = {p for p, aliases in PRODUCT_ALIASES.items()
                     if any(a in shown for a in aliases)}
            assert set(claim["products"]) == named, claim
    by_cluster: dict[str, set[frozenset[str]]] = defaultdict(set)
    for rec in truth:
        labelled = frozenset(p for c in rec["claims"] for p in c["products"])  # type: ignore
        by_cluster[str(rec["cluster"])].add(labelled)
    assert any(len(v) > 1 for v in by_cluster.values())  # a swapped repost relabels


def test_reposts_and_hard_negatives(truth: list[Record]) -> None:
    clusters: dict[str, list[Record]] = defaultdict(list)
    for rec in truth:
        clusters[str(rec["cluster"])].append(rec)
    reposted = {c: recs for c, recs in clusters.items() if len(recs) >= 2}
    assert len(reposted) >= 60 and len(clusters) - len(reposted) >= 20
    edited = swapped = 0
    for recs in reposted.values():
        sites = [r["site"] for r in recs]
        assert len(set(sites)) == len(sites)  # reposts live on other sites
        edited += len({r["text"] for r in recs}) > 1
        swapped += len({r["title"] for r in recs if r["site"] != "farm-i"}) > 1
    assert edited >= 0.8 * len(reposted) and swapped >= 5
    texts: dict[str, set[object]] = defaultdict(set)
    for rec in truth:
        texts[str(rec["text"])].add(rec["cluster"])
    assert all(len(c) == 1 for c in texts.values())  # a whole text never spans two clusters
    assert len(texts) >= 0.95 * len(truth)  # few verbatim copies
    sentences: dict[str, set[object]] = defaultdict(set)
    for rec in truth:
        for sentence in re.findall(r"[^。？！\n]+[。？！]", str(rec["text"])):
            sentences[sentence].add(rec["cluster"])
    shared = [s for s, c in sentences.items() if len(c) >= 2 and "小编" not in s]
    assert len(shared) >= 50  # different articles share sentences: hard negatives


@pytest.mark.slow
def test_glyph_gap_site(truth: list[Record], pages: dict[str, str]) -> None:
    gapped = [r for r in truth if r["site"] == "farm-h"]
    for rec in gapped:
        body = pages[str(rec["url"])]
        assert "电话" not in body and "题" not in body
    with_gaps = [r for r in gapped if r["glyph_gaps"]]
    assert with_gaps and all(set(r["glyph_gaps"]) <= {"电话", "题"}  # type: ignore[arg-type]
                             for r in with_gaps)
    assert all(not r["glyph_gaps"] for r in truth if r["site"] != "farm-h")
    # a repost elsewhere still has the word the gap site stripped
    clusters = defaultdict(list)
    for rec in truth:
        clusters[rec["cluster"]].append(rec)
    assert any(any("电话" in str(o["text"]) for o in clusters[r["cluster"]] if o is not r)
               for r in with_gaps if "电话" in r["glyph_gaps"])  # type: ignore[operator]


def test_traditional_mirror_site(truth: list[Record]) -> None:
    mirror = [r for r in truth if r["site"] == "farm-i"]
    joined = "\n".join(str(r["text"]) for r in mirror)
    assert "逾期" in joined and "還款" in joined and "还款" not in joined
    assert re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", joined)  # 規(guī)定
    products = {p for r in mirror for c in r["claims"] for p in c["products"]}  # type: ignore
    assert products and products <= set(PRODUCT_ALIASES)  # canonical (Simplified) names


# ------------------------------------------------------------------ bytes on the wire


@pytest.mark.slow
def test_same_seed_gives_identical_bytes(truth: list[Record]) -> None:
    paths = [path_of(rec) for rec in truth[::7]]
    paths += ["/", "/robots.txt", "/sitemap_index.xml", "/farm-a/", "/farm-b/list/2.html",
              "/farm-c/sitemap.xml", "/farm-c/sitemap-1.xml.gz", "/farm-f/?sid=abc"]
    host = {"Host": "demo.example:8080"}
    with DemoServer(seed=7) as one, DemoServer(seed=7) as two, DemoServer(seed=8) as other:
        differs = 0
        for path in paths:
            a = fetch(one.base_url + path, headers=host)
            b = fetch(two.base_url + path, headers=host)
            assert a[0] == 200 and a[2] == b[2], path
            assert a[1].get("ETag") == b[1].get("ETag")
            differs += fetch(other.base_url + path, headers=host)[2] != a[2]
        assert differs > len(paths) // 2  # the seed really drives the content


def test_gbk_site(truth: list[Record]) -> None:
    rec = next(r for r in truth if r["site"] == "farm-b")
    assert rec["encoding"] == "gbk"
    status, headers, body = fetch(str(rec["url"]))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=gbk"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    page = body.decode("gbk")
    assert '<meta charset="gb2312">' in page
    assert html.escape(str(rec["title"])) in page


def test_gb18030_site_with_wrong_meta(truth: list[Record]) -> None:
    rec = next(r for r in truth if r["site"] == "farm-g")
    assert rec["encoding"] == "gb18030"
    status, headers, body = fetch(str(rec["url"]))
    assert status == 200 and headers["Content-Type"] == "text/html"
    for wrong in ("utf-8", "gbk"):  # the meta's claim, and GBK without the 4-byte characters
        with pytest.raises(UnicodeDecodeError):
            body.decode(wrong)
    page = body.decode("gb18030")
    assert '<meta charset="utf-8">' in page and "𠮷" in page and "䶮" in page
    assert html.escape(str(rec["title"])) in page


def test_charset_only_in_meta_and_nowhere(truth: list[Record]) -> None:
    rec = next(r for r in truth if r["site"] == "farm-d")
    _, headers, body = fetch(str(rec["url"]))
    assert headers["Content-Type"] == "text/html"
    assert 'content="text/html; charset=utf-8"' in body.decode("utf-8")
    rec = next(r for r in truth if r["site"] == "farm-e")
    _, headers, body = fetch(str(rec["url"]))
    assert headers["Content-Type"] == "text/html"
    assert b"charset" not in body.lower() and body.decode("utf-8")


def test_article_headers_head_and_conditional_get(truth: list[Record]) -> None:
    url = str(truth[0]["url"])
    status, headers, body = fetch(url)
    assert status == 200
    assert int(headers["Content-Length"]) == len(body)
    assert headers["ETag"] and headers["Last-Modified"].endswith("GMT")
    status, head_headers, head_body = fetch(url, method="HEAD")
    assert status == 200 and head_body == b""
    assert head_headers["Content-Length"] == headers["Content-Length"]
    status, not_modified, empty = fetch(url, headers={"If-None-Match": headers["ETag"]})
    assert (status, empty, not_modified["ETag"]) == (304, b"", headers["ETag"])
    assert fetch(url, headers={"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(url, headers={"If-None-Match": '"stale"'})[0] == 200
    assert fetch(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


# ------------------------------------------------------------------ time


def _change_day(size: int) -> int:
    """A day d such that day d+1 brings new, edited and deleted articles."""
    for day in range(10):
        recs = list(truth_records("http://x", size=size, day=day + 1))
        kinds = [sum(r[k] == day + 1 for r in recs)
                 for k in ("created_day", "edited_day", "deleted_day")]
        if all(kinds):
            return day
    raise AssertionError("no day with new, edited and deleted articles")


@pytest.mark.slow
def test_next_day_differs_exactly_as_the_truth_says() -> None:
    size = 160
    day = _change_day(size)
    with DemoServer(day=day, size=size) as before, DemoServer(day=day + 1, size=size) as after:
        old = {path_of(r): r for r in truth_records(before.base_url, size=size, day=day)}
        new = {path_of(r): r for r in truth_records(after.base_url, size=size, day=day + 1)}
        assert set(old) < set(new)
        seen: dict[str, int] = defaultdict(int)
        host = {"Host": "demo.test:8080"}
        for path, rec in new.items():
            s0, h0, b0 = fetch(before.base_url + path, headers=host)
            s1, h1, b1 = fetch(after.base_url + path, headers=host)
            if rec["created_day"] == day + 1:
                assert path not in old and s0 == 404 and s1 == 200
                kind = "new"
            elif rec["deleted_day"] == day + 1:
                assert s0 == 200 and s1 in (404, 410)
                kind = "deleted"
            elif rec["deleted_day"] is not None:
                assert s0 == s1 and s1 in (404, 410)
                kind = "gone"
            elif rec["edited_day"] == day + 1:
                assert s0 == s1 == 200 and b0 != b1 and h0["ETag"] != h1["ETag"]
                assert rec["text"] != old[path]["text"]
                assert str(rec["text"]).startswith(str(old[path]["text"]))  # an update appended
                assert h1["Last-Modified"] != h0["Last-Modified"]
                cond = fetch(after.base_url + path, headers={**host, "If-None-Match": h0["ETag"]})
                assert cond[0] == 200
                kind = "edited"
            else:
                assert s0 == s1 == 200 and b0 == b1 and rec["text"] == old[path]["text"]
                cond = fetch(after.base_url + path, headers={**host, "If-None-Match": h0["ETag"]})
                assert cond[0] == 304
                kind = "same"
            seen[kind] += 1
        assert seen["new"] and seen["edited"] and seen["deleted"] and seen["same"]
        # the sitemaps follow: exactly the live articles of day+1
        live = {str(r["url"]) for r in new.values() if r["deleted_day"] is None}
        assert set(sitemap_urls(after.base_url + "/sitemap_index.xml")) == live


# ------------------------------------------------------------------ crawl surface


def sitemap_urls(url: str) -> list[str]:
    """Every URL reached from a sitemap (index) URL, parsed with Scrapy's own parser."""
    from scrapy.utils.sitemap import Sitemap

    status, _, body = fetch(url)
    assert status == 200
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    sitemap = Sitemap(body)
    locs = [entry["loc"] for entry in sitemap]
    if sitemap.type == "sitemapindex":
        assert all(loc.endswith(".xml.gz") for loc in locs)
        return [u for loc in locs for u in sitemap_urls(loc)]
    assert sitemap.type == "urlset"
    return locs


def test_sitemaps_parse_with_scrapy_and_list_exactly_the_articles(
        server: DemoServer, truth: list[Record]) -> None:
    for site, urls in by_site(truth).items():
        listed = sitemap_urls(f"{server.base_url}/{site}/sitemap.xml")
        assert len(listed) == len(set(listed)) and set(listed) == urls
    everything = sitemap_urls(f"{server.base_url}/sitemap_index.xml")
    assert set(everything) == {str(r["url"]) for r in truth}
    status, headers, body = fetch(f"{server.base_url}/farm-a/sitemap-1.xml.gz")
    assert headers["Content-Type"] == "application/x-gzip"
    assert gzip.decompress(body).startswith(b"<?xml")


def test_robots_txt_parses_with_scrapy(server: DemoServer) -> None:
    from scrapy.robotstxt import ProtegoRobotParser

    status, _, body = fetch(server.base_url + "/robots.txt")
    assert status == 200
    robots = ProtegoRobotParser(body, None)
    base = server.base_url
    assert robots.allowed(f"{base}/farm-a/a/1021.html", YUQI_UA)
    assert not robots.allowed(f"{base}/farm-a/admin/login.php", YUQI_UA)
    assert not robots.allowed(f"{base}/farm-b/plus/view.php?aid=3307", YUQI_UA)
    assert not robots.allowed(f"{base}/farm-a/a/1021.html", "AhrefsBot")
    delay = robots.rp.crawl_delay(YUQI_UA)
    assert delay is not None and 0 < delay <= 0.02
    assert robots.rp.crawl_delay("Baiduspider") == 5
    sitemaps = list(robots.rp.sitemaps)
    assert f"{base}/sitemap_index.xml" in sitemaps and f"{base}/farm-i/sitemap.xml" in sitemaps


def test_articles_reachable_from_list_pages(server: DemoServer, truth: list[Record]) -> None:
    for site, urls in by_site(truth).items():
        home = f"{server.base_url}/{site}/"
        article_re = re.compile(rf"^/{site}/{SITES_BY_NAME[site].article_dir}/\d+\.html$")
        list_re = re.compile(rf"^/{site}/(list/\d+\.html)?$")
        seen, queue, found = {home}, [home], set()
        while queue:
            url = queue.pop()
            status, _, body = fetch(url)
            assert status == 200, url
            for href in HREF_RE.findall(body.decode(SITES_BY_NAME[site].codec)):
                target = urljoin(url, html.unescape(href))
                parts = urlsplit(target)
                if article_re.match(parts.path):
                    found.add(f"{parts.scheme}://{parts.netloc}{parts.path}")
                elif list_re.match(parts.path) and parts.path not in seen:
                    seen.add(parts.path)
                    queue.append(f"{server.base_url}{parts.path}")
        assert found == urls
        assert len(seen) >= 3  # paginated


def test_redirects_duplicates_and_errors(server: DemoServer, truth: list[Record]) -> None:
    base = server.base_url
    b = next(r for r in truth if r["site"] == "farm-b")
    aid = path_of(b).rsplit("/", 1)[1].removesuffix(".html")
    status, headers, _ = fetch(f"{base}/farm-b/plus/view.php?aid={aid}")
    assert status == 301 and headers["Location"].endswith(f"/farm-b/archives/{aid}.html")
    status, headers, _ = fetch(headers["Location"])
    assert status == 301 and headers["Location"] == b["url"]  # a two-hop chain
    c = next(r for r in truth if r["site"] == "farm-c")
    cid = path_of(c).rsplit("/", 1)[1].removesuffix(".html")
    assert fetch(f"{base}/farm-c/?p={cid}")[1]["Location"] == c["url"]
    status, headers, _ = fetch(str(c["url"]) + "/")
    assert status == 301 and headers["Location"] == c["url"]
    a = next(r for r in truth if r["site"] == "farm-a")
    clean = fetch(str(a["url"]))[2]
    assert fetch(str(a["url"]) + "?utm_source=wechat&utm_medium=share")[2] == clean
    assert fetch(str(a["url"]) + "/")[2] == clean  # a duplicate URL, same canonical link
    assert fetch(f"{base}/farm-b/plus/count.php?view=yes&aid={aid}")[0] == 500
    for path in ("/nope", "/farm-a/a/1.html", "/farm-z/", "/farm-a/list/99.html",
                 "/farm-a/admin/", "/farm-b/a/abc.html", "/farm-a/list/0.html",
                 "/farm-a/list/01.html", "/farm-f/a/120400.html", "/farm-c/date/2024/13/"):
        status, headers, body = fetch(base + path)
        assert status == 404, path
        assert b"404" in body and int(headers["Content-Length"]) == len(body)


def test_slow_search_pages_are_marked_slow() -> None:
    web = DemoWeb()
    slow = web.respond("/farm-a/search/?q=花呗", {})
    assert slow.status == 200 and 0 < slow.delay <= 2
    assert web.respond("/farm-a/", {}).delay == 0


def test_crawl_traps_are_endless(server: DemoServer) -> None:
    url = f"{server.base_url}/farm-c/date/2024/06/"
    visited = set()
    for _ in range(30):  # the calendar never runs out of "next month"
        status, _, body = fetch(url)
        assert status == 200 and url not in visited
        visited.add(url)
        nxt = re.findall(r'href="([^"]+/date/\d+/\d+/)">\d+月 &raquo;', body.decode())
        url = urljoin(url, nxt[0])
    sids: set[str] = set()
    url = f"{server.base_url}/farm-f/"
    for _ in range(5):  # every portal page links with a new session id
        body = fetch(url)[2].decode()
        links = re.findall(r'href="(/farm-f/list/\d+\.html\?sid=(\w+))"', body)
        assert links and links[0][1] not in sids
        sids.add(links[0][1])
        url = server.base_url + links[0][0]


def test_absolute_urls_follow_the_host_header(server: DemoServer) -> None:
    body = fetch(server.base_url + "/farm-a/sitemap.xml", headers={"Host": "x.test:9"})[2]
    assert "<loc>http://x.test:9/farm-a/sitemap-1.xml.gz</loc>" in body.decode("utf-8")


# ------------------------------------------------------------------ scale


def test_large_size_serves_a_high_id_lazily() -> None:
    web = DemoWeb(size=100_000)
    slot = web.layout.slot(99_987)
    resp = web.respond(slot.path, {})
    assert resp.status == 200
    assert web.corpus.built <= 20  # the page and its neighbours, not 100,000 articles
    assert web.layout.blocks_built <= 60
    assert web.respond(web.layout.slot(100_050).path, {}).status == 404  # not created yet
    later = DemoWeb(size=100_000, day=30)
    assert later.respond(web.layout.slot(100_050).path, {}).status in (200, 404, 410)
    small = DemoWeb(size=50)
    assert small.layout.slot(10) == web.layout.slot(10)  # size does not reshuffle the web


@pytest.mark.slow
def test_truth_matches_size_and_day() -> None:
    for size, day in ((30, 0), (30, 3), (400, 0)):
        recs = list(truth_records("http://x", size=size, day=day))
        per_day = max(1, size // 40)
        assert len(recs) == size + day * per_day
        assert sum(r["created_day"] == 0 for r in recs) == size


# ------------------------------------------------------------------ configs and code


def test_site_configs_match_the_served_sites(server: DemoServer, truth: list[Record]) -> None:
    configs = site_configs(server.base_url)
    assert [c["name"] for c in configs] == sorted(by_site(truth))
    for config in configs:
        name = config["name"]
        assert set(config) == CONFIG_KEYS
        assert config["allow_private"] is True and config["encoding"] == ""
        assert config["drop_selectors"]
        for url in config["start_urls"] + config["sitemaps"]:  # type: ignore[operator]
            assert fetch(url)[0] == 200
        article = re.compile(str(config["article_pattern"]))
        follow = [re.compile(p) for p in config["follow_patterns"]]  # type: ignore[attr-defined]
        deny = [re.compile(p) for p in config["deny_patterns"]]  # type: ignore[attr-defined]
        for rec in truth:
            url = str(rec["url"])
            mine = rec["site"] == name
            # the spider searches absolute URLs (link extractor) and paths (is_article)
            assert bool(article.search(url)) == mine and bool(article.search(path_of(rec))) == mine
            for variant in (url + "?utm_source=x", url + "/", url + "?sid=abc"):
                assert not article.search(variant) or any(d.search(variant) for d in deny)
        for path in (f"/{name}/", f"/{name}/list/2.html"):
            assert any(p.search(server.base_url + path) for p in follow)
        for trap in (f"/{name}/date/2024/06/", f"/{name}/list/2.html?sid=abc",
                     f"/{name}/search/?q=x", f"/{name}/archives/1.html"):
            url = server.base_url + trap
            assert not any(p.search(url) for p in follow) or any(d.search(url) for d in deny)


@pytest.mark.slow
def test_demo_imports_only_the_standard_library() -> None:
    files = list(DEMO_DIR.rglob("*.py"))
    assert len(files) >= 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top == "demo" or top in sys.stdlib_module_names, (path.name, name)


# ------------------------------------------------------------------ commands


def test_python_m_demo_prints_base_url_and_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "demo", "--port", "0", "--size", "40", "--day", "1"],
        cwd=DEMO_DIR.parent, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        assert fetch(base + "/")[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_serve_demo_command_prints_base_url_first() -> None:
    from tests.cli import ROOT, yuqi_command

    proc = subprocess.Popen([*yuqi_command(), "serve-demo", "--port", "0", "--size", "60"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        urls = [r["url"] for r in truth_records(base, size=60)]
        assert len(urls) == 60 and fetch(str(urls[-1]))[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("args", [
    ["serve-demo", "--port", "70000"], ["serve-demo", "--day", "-1"],
    ["serve-demo", "--size", "0"], ["demo-truth", "--out", "x.jsonl", "--size", "-5"],
    ["demo-truth"], ["demo-truth", "--out", "x.jsonl", "--base-url", "ftp://host"],
    ["demo-truth", "--out", "/nonexistent-dir/x.jsonl"],
])
def test_bad_demo_arguments_exit_2_with_one_line(args: list[str]) -> None:
    proc = invoke_yuqi(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "error" in proc.stderr


def test_python_m_demo_bad_arguments_exit_2() -> None:
    proc = subprocess.run([sys.executable, "-m", "demo", "--size", "0"], cwd=DEMO_DIR.parent,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_demo_truth_command_writes_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "truth.jsonl"
    proc = invoke_yuqi("demo-truth", "--day", "2", "--size", "80", "--out", str(out),
                       "--base-url", "http://127.0.0.1:9999")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = list(truth_records("http://127.0.0.1:9999", size=80, day=2))
    assert lines == json.loads(json.dumps(expected, ensure_ascii=False))
    assert len(lines) == 80 + 2 * 2
    assert all(line["url"].startswith("http://127.0.0.1:9999/farm-") for line in lines)
    default = invoke_yuqi("demo-truth", "--size", "10", "--out", str(out))
    assert default.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["url"].startswith(
        "http://127.0.0.1:8080/")
