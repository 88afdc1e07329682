"""A hostile page through the whole pipeline (crawl, extract, tag, load, report) stays inert.

The page's article text carries `<script>`, `<img onerror>` and `javascript:` links, as
text and as markup; trafilatura passes such text through (RELIABILITY.md item 29). The
rendered report, opened in headless Chromium, must show it as text only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.chromium import INSTALL_HINT, chromium_binary, open_page
from tests.cli import run_yuqi
from tests.hostile_server import HostileServer, Route

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "javascript:alert(1)"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HOSTILE_ARTICLE = (
    "<html><head><meta charset='utf-8'>"
    f"<title>花呗逾期会打通讯录吗{_esc(SCRIPT)}</title></head><body>"
    f"<article><h1>花呗逾期会打通讯录吗{_esc(SCRIPT)}</h1>"
    f"<p>花呗逾期之后，平台会联系家人{_esc(SCRIPT)}。</p>"
    f"<p>借呗逾期超过三个月可能会被起诉{_esc(IMG)}。</p>"
    f"<p>网贷逾期后催收公司会上门，详情见{JS_LINK}。</p>"
    f"<p>正规平台一般不会联系通讯录<a href='{JS_LINK}'>点击查看</a>。</p>"
    f"<script>alert(2)</script><img src=x onerror=alert(3)>"
    + "<p>花呗逾期之后，正规平台一般不会联系家人，但逾期超过三个月可能会被起诉。</p>" * 4
    + "</article></body></html>"
)


def site_config(base_url: str) -> str:
    """A crawl config for the hostile server's site (loopback allowed, no delay)."""
    return (f'name = "evil"\nstart_urls = ["{base_url}/"]\n'
            'allowed_domains = ["127.0.0.1"]\narticle_pattern = \'^/a/\\d+\\.html$\'\n'
            "max_depth = 2\nallow_private = true\n[politeness]\ndelay = 0\nconcurrency = 2\n")


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Crawl the hostile page with `yuqi crawl` (which loads), then `yuqi report`."""
    tmp = tmp_path_factory.mktemp("hostile")
    sites = tmp / "sites"
    sites.mkdir()
    data = tmp / "data"
    with HostileServer(routes={"/a/1.html": Route(body=HOSTILE_ARTICLE.encode("utf-8"))}
                       ) as server:
        (sites / "evil.toml").write_text(site_config(server.base_url), encoding="utf-8")
        crawl = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(data),
                         timeout=300)
        assert "/a/1.html" in server.requests
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    report = run_yuqi("report", "--data-dir", str(data))
    assert report.returncode == 0, report.stderr[-2000:]
    return data / "reports" / "latest"


def test_hostile_text_reaches_the_markdown_inert(hostile_report: Path) -> None:
    md = (hostile_report / "report.md").read_text(encoding="utf-8")
    assert "alert(1)" in md  # the hostile sentences made it through the pipeline
    assert "<script" not in md.lower() and "<img" not in md.lower()
    assert "](javascript:" not in md


@pytest.mark.browser
def test_hostile_page_is_inert_in_chromium(hostile_report: Path) -> None:
    if chromium_binary() is None:
        pytest.skip(INSTALL_HINT)
    page = open_page(hostile_report / "report.html")
    tree = lxml_html.fromstring(page.dom)
    text = tree.text_content()
    # The hostile markup is in the report, as text (so the checks below are not vacuous).
    assert SCRIPT in text and IMG in text and JS_LINK in text
    assert tree.xpath("//script") == []
    assert tree.xpath("//img | //iframe | //object | //embed | //form") == []
    on_attrs = [(el.tag, name) for el in tree.iter() if isinstance(el.tag, str)
                for name in el.attrib if name.lower().startswith("on")]
    assert on_attrs == []
    for el in tree.xpath("//*[@href]"):
        href = el.get("href")
        assert href.startswith(("http://", "https://", "#")), href
        if not href.startswith("#"):
            assert set(el.get("rel", "").split()) >= {"noopener", "noreferrer", "nofollow"}
    assert not [e for e in page.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert page.requests == [(hostile_report / "report.html").resolve().as_uri()]
