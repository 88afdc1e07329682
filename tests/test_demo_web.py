"""The bundled demo web: real HTTP on 127.0.0.1, checked against its own ground truth."""

from __future__ import annotations

import ast
import html
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
from demo.truth import truth_records

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


def fetch(url: str, method: str = "GET", headers: dict[str, str] | None = None
          ) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request (HTTP errors are returned, not raised)."""
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), err.read()


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer(port=0) as srv:
        yield srv


@pytest.fixture(scope="module")
def truth(server: DemoServer) -> list[dict[str, object]]:
    return list(truth_records(server.base_url))


@pytest.fixture(scope="module")
def pages(truth: list[dict[str, object]]) -> dict[str, str]:
    """Decoded HTML of every article page, keyed by URL."""
    out = {}
    for rec in truth:
        status, _, body = fetch(str(rec["url"]))
        assert status == 200, rec["url"]
        out[str(rec["url"])] = body.decode(str(rec["encoding"]))
    return out


def by_site(truth: list[dict[str, object]]) -> dict[str, set[str]]:
    sites: dict[str, set[str]] = defaultdict(set)
    for rec in truth:
        sites[str(rec["site"])].add(str(rec["url"]))
    return sites


def test_size_and_truth_shape(truth: list[dict[str, object]]) -> None:
    assert len(truth) >= 60
    assert len(by_site(truth)) >= 4
    assert len({rec["cluster"] for rec in truth}) >= 24
    for rec in truth:
        assert set(rec) == TRUTH_KEYS
        assert (rec["created_day"], rec["edited_day"], rec["deleted_day"]) == (0, None, None)
    assert len({rec["url"] for rec in truth}) == len(truth)


def test_same_seed_gives_identical_bodies(truth: list[dict[str, object]]) -> None:
    paths = [urlsplit(str(rec["url"])).path for rec in truth[::5]]
    paths += ["/", "/robots.txt", "/farm-a/", "/farm-b/list/2.html", "/farm-c/sitemap.xml"]
    host = {"Host": "demo.example:8080"}
    with DemoServer(seed=7) as one, DemoServer(seed=7) as two, DemoServer(seed=8) as other:
        differs = 0
        for path in paths:
            a = fetch(one.base_url + path, headers=host)[2]
            b = fetch(two.base_url + path, headers=host)[2]
            assert a == b, path
            differs += fetch(other.base_url + path, headers=host)[2] != a
        assert differs > 0  # the seed really drives the content


def test_gbk_site(truth: list[dict[str, object]]) -> None:
    rec = next(r for r in truth if r["site"] == "farm-b")
    assert rec["encoding"] == "gb18030"
    status, headers, body = fetch(str(rec["url"]))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=gbk"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    page = body.decode("gb18030")
    assert '<meta charset="gb2312">' in page
    assert body.decode("gbk") == page  # only characters that exist in GBK
    assert html.escape(str(rec["title"])) in page


def test_mobile_site_declares_charset_only_in_meta(truth: list[dict[str, object]]) -> None:
    rec = next(r for r in truth if r["site"] == "farm-d")
    _, headers, body = fetch(str(rec["url"]))
    assert headers["Content-Type"] == "text/html"
    assert 'content="text/html; charset=utf-8"' in body.decode("utf-8")


def test_sitemaps_list_exactly_the_articles(server: DemoServer,
                                            truth: list[dict[str, object]]) -> None:
    for site, urls in by_site(truth).items():
        status, headers, body = fetch(f"{server.base_url}/{site}/sitemap.xml")
        assert status == 200
        assert headers["Content-Type"].startswith("application/xml")
        listed = set(re.findall(r"<loc>([^<]+)</loc>", body.decode("utf-8")))
        assert listed == urls


def test_articles_reachable_from_list_pages(server: DemoServer,
                                            truth: list[dict[str, object]]) -> None:
    for site, urls in by_site(truth).items():
        home = f"{server.base_url}/{site}/"
        article_re = re.compile(rf"^/{site}/a/\d+\.html$")
        list_re = re.compile(rf"^/{site}/(list/\d+\.html)?$")
        seen, queue, found = {home}, [home], set()
        while queue:
            url = queue.pop()
            status, _, body = fetch(url)
            assert status == 200, url
            text = body.decode("gb18030" if site == "farm-b" else "utf-8")
            items = 0
            for href in HREF_RE.findall(text):
                target = urljoin(url, html.unescape(href))
                path = urlsplit(target).path
                if article_re.match(path):
                    found.add(target)
                    items += 1
                elif list_re.match(path) and target not in seen:
                    seen.add(target)
                    queue.append(target)
            assert 1 <= items <= 10
        assert found == urls
        assert len(seen) >= 2  # paginated: 8-10 articles a page


def test_list_pages_link_next_and_prev(server: DemoServer) -> None:
    _, _, first = fetch(f"{server.base_url}/farm-c/")
    _, _, second = fetch(f"{server.base_url}/farm-c/list/2.html")
    assert 'rel="next" href="/farm-c/list/2.html"' in first.decode("utf-8")
    assert 'rel="prev" href="/farm-c/"' in second.decode("utf-8")
    assert 'rel="prev"' not in first.decode("utf-8")


def test_reposts_share_a_cluster_across_sites(truth: list[dict[str, object]]) -> None:
    clusters: dict[str, list[dict[str, object]]] = defaultdict(list)
    for rec in truth:
        clusters[str(rec["cluster"])].append(rec)
    reposted = {c: recs for c, recs in clusters.items() if len(recs) >= 2}
    assert len(reposted) >= 6
    assert len(clusters) - len(reposted) >= 1  # some articles are never reposted
    edited = 0
    for recs in reposted.values():
        sites = [r["site"] for r in recs]
        assert len(set(sites)) == len(sites)  # reposts live on other sites
        edited += len({r["text"] for r in recs}) > 1
    assert edited >= 6  # reposts are edited, not only copied
    swapped = [recs for recs in reposted.values() if len({r["title"] for r in recs}) > 1]
    assert swapped  # some reposts swap the product
    # different clusters never share a whole text, though they may share sentences
    texts = {str(r["text"]): r["cluster"] for r in truth}
    assert len(texts) >= len(clusters)
    sentences: dict[str, set[object]] = defaultdict(set)
    for rec in truth:
        for sentence in re.findall(r"[^。？！\n]+[。？！]", str(rec["text"])):
            sentences[sentence].add(rec["cluster"])
    assert any(len(c) >= 2 for s, c in sentences.items() if "小编" not in s)  # hard negatives


def test_product_swap_relabels_claims(truth: list[dict[str, object]]) -> None:
    for rec in truth:
        for claim in rec["claims"]:  # type: ignore[attr-defined]
            named = {p for p, aliases in PRODUCT_ALIASES.items()
                     if any(a in claim["text"] for a in aliases)}
            assert set(claim["products"]) == named, claim
    # a swapped repost carries the new product in its labels, not the old one
    by_cluster: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for rec in truth:
        labelled = {p for c in rec["claims"] for p in c["products"]}  # type: ignore[attr-defined]
        by_cluster[str(rec["cluster"])][str(rec["url"])] = labelled
    assert any(len({frozenset(v) for v in urls.values()}) > 1 for urls in by_cluster.values())


def test_page_shows_text_teasers_and_noise(truth: list[dict[str, object]],
                                           pages: dict[str, str]) -> None:
    some_daoyu = False
    for rec in truth:
        page = html.unescape(pages[str(rec["url"])])
        text = str(rec["text"])
        assert f">{rec['title']}</h1>" in page
        assert f'<link rel="canonical" href="{rec["url"]}">' in page
        for line in text.split("\n"):
            assert line and line in page, (rec["url"], line)
        teasers = rec["teasers"]
        assert isinstance(teasers, list) and 4 <= len(teasers) <= 8
        for teaser in teasers:
            assert teaser in page
            assert teaser.endswith(("...", "…"))
            assert teaser.rstrip(".…").removeprefix("小编导语：") not in text
            some_daoyu |= teaser.startswith("小编导语")
        noise = rec["noise"]
        assert isinstance(noise, list) and noise
        assert "浏览" in noise[0]  # the info line
        for item in noise:
            assert item in page and item not in text
    assert some_daoyu


def test_body_container_quirks(truth: list[dict[str, object]], pages: dict[str, str]) -> None:
    a = pages[next(str(r["url"]) for r in truth if r["site"] == "farm-a")]
    content = a.split('<div class="art-content">', 1)[1]
    assert content.index('<div class="related-art">') < content.index('<div class="sidebar">')
    assert "本站部分文字内容、图片由网友投稿，如侵权请联系删除" in content.split("related-art")[0]
    b = pages[next(str(r["url"]) for r in truth if r["site"] == "farm-b")]
    assert b.index('<div class="content">') < b.index('加微信') < b.index('class="likearticle"')
    c = pages[next(str(r["url"]) for r in truth if r["site"] == "farm-c")]
    assert c.index('<div class="entry-content">') < c.index('<div class="related-posts">')
    assert re.search(r"浏览 \d+ 次", c)
    d = pages[next(str(r["url"]) for r in truth if r["site"] == "farm-d")]
    assert d.index("最佳答案") < d.index("其他回答")


def test_claim_labels_use_domain_vocabulary(truth: list[dict[str, object]]) -> None:
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
    # sources contradict each other
    assert {"denies", "conditional"} <= stances["contacts_family"]
    assert {"affirms", "denies"} <= stances["legal_action"]
    # filler sentences exist: not every sentence is a claim
    assert any(len(rec["claims"]) < str(rec["text"]).count("。") for rec in truth)  # type: ignore[arg-type]


def test_unknown_paths_404(server: DemoServer) -> None:
    for path in ("/nope", "/farm-a/a/1.html", "/farm-z/", "/farm-a/list/99.html",
                 "/farm-a/admin/", "/farm-b/a/abc.html", "/farm-a/list/0.html",
                 "/farm-a/list/01.html"):
        status, headers, body = fetch(server.base_url + path)
        assert status == 404, path
        assert headers["Content-Type"].startswith("text/html")
        assert b"404" in body and int(headers["Content-Length"]) == len(body)


def test_robots_and_index(server: DemoServer) -> None:
    _, _, robots = fetch(server.base_url + "/robots.txt")
    lines = robots.decode("utf-8").splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /farm-a/admin/" in lines
    assert f"Sitemap: {server.base_url}/farm-b/sitemap.xml" in lines
    _, _, index = fetch(server.base_url + "/")
    for name in ("farm-a", "farm-b", "farm-c", "farm-d"):
        assert f'href="/{name}/"' in index.decode("utf-8")


def test_absolute_urls_follow_the_host_header(server: DemoServer) -> None:
    _, _, body = fetch(server.base_url + "/farm-a/sitemap.xml", headers={"Host": "x.test:9"})
    assert body.decode("utf-8").count("<loc>http://x.test:9/farm-a/a/") >= 8


def test_article_headers_head_and_conditional_get(truth: list[dict[str, object]]) -> None:
    url = str(truth[0]["url"])
    status, headers, body = fetch(url)
    assert status == 200
    assert int(headers["Content-Length"]) == len(body)
    assert headers["ETag"] and headers["Last-Modified"].endswith("GMT")
    status, head_headers, head_body = fetch(url, method="HEAD")
    assert status == 200 and head_body == b""
    assert head_headers["Content-Length"] == headers["Content-Length"]
    assert fetch(url, headers={"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(url, headers={"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(url, headers={"If-None-Match": '"stale"'})[0] == 200


def test_site_configs_match_the_served_sites(server: DemoServer,
                                             truth: list[dict[str, object]]) -> None:
    configs = site_configs(server.base_url)
    assert [c["name"] for c in configs] == sorted(by_site(truth))
    for config in configs:
        assert set(config) == CONFIG_KEYS
        assert config["allowed_domains"] == ["127.0.0.1"]
        assert config["allow_private"] is True and config["encoding"] == ""
        assert config["drop_selectors"]
        for url in config["start_urls"] + config["sitemaps"]:  # type: ignore[operator]
            assert fetch(url)[0] == 200
        pattern = re.compile(str(config["article_pattern"]))
        for rec in truth:
            path = urlsplit(str(rec["url"])).path
            assert bool(pattern.search(path)) == (rec["site"] == config["name"])
        follow = [re.compile(p) for p in config["follow_patterns"]]  # type: ignore[attr-defined]
        assert any(p.search(f"/{config['name']}/list/2.html") for p in follow)
        assert not any(p.search(f"/{config['name']}/a/1.html") for p in follow)


def test_demo_imports_only_the_standard_library() -> None:
    for path in DEMO_DIR.glob("*.py"):
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


def test_cli_prints_base_url_and_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "demo", "--port", "0"],
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
