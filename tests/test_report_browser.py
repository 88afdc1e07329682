"""The demo report opened in headless Chromium: every section, no network, fits a phone.

Skipped with an install hint when Chromium is missing (`.ci/run` installs it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from lxml import html as lxml_html

from reports.build import SECTIONS, ReportFilters, build_report
from tests.chromium import INSTALL_HINT, PageResult, chromium_binary, open_page
from warehouse.connect import warehouse_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_report(demo_run: tuple[Path, str]) -> tuple[Path, Path]:
    """The demo warehouse's report, written as `yuqi report` writes it; (data dir, html)."""
    data, _ = demo_run
    paths = build_report(warehouse_path(data), data / "reports", ["html", "md"],
                         ReportFilters())
    html = next(p for p in paths if p.suffix == ".html")
    return data, html


@pytest.fixture(scope="module")
def page(demo_report: tuple[Path, Path]) -> PageResult:
    """The demo report as headless Chromium rendered it on a phone-sized screen."""
    if chromium_binary() is None:
        pytest.skip(INSTALL_HINT)
    return open_page(demo_report[1])


def _latest_run(data: Path) -> str:
    con = duckdb.connect(str(warehouse_path(data)), read_only=True)
    try:
        rows = con.execute(
            "SELECT run_id FROM crawl_runs ORDER BY started_at DESC LIMIT 1").fetchall()
    finally:
        con.close()
    return str(rows[0][0])


def test_every_section_is_rendered_with_content(page: PageResult) -> None:
    tree = lxml_html.fromstring(page.dom)
    for section in SECTIONS:
        found = tree.xpath(f"//section[@id='{section}']")
        assert len(found) == 1, section
        assert found[0].xpath(".//h2"), section
        assert len(found[0].text_content().strip()) > 80, section
    # topics: stance charts as inline SVG with their figures, duration histograms, quotes
    assert tree.xpath("//section[@id='topics']//svg[contains(@class,'bar')]//rect[@data-stance]")
    assert tree.xpath("//section[@id='topics']//svg[contains(@class,'hist')]//rect[@data-bucket]")
    quotes = tree.xpath("//section[@id='topics']//blockquote[.//a]")
    assert quotes
    for quote in quotes:
        assert ".warc" in quote.text_content() and "urn:uuid:" in quote.text_content()
    assert tree.xpath("//section[@id='contradictions']//blockquote[contains(@class,'denies')]")
    assert tree.xpath("//section[@id='rules']//div[@data-rule]")
    assert tree.xpath("//table[@id='run-comparison']")
    assert tree.xpath("//table[@id='counters']//tr[@data-key]")


def test_page_loads_nothing_and_fits_a_phone(page: PageResult,
                                             demo_report: tuple[Path, Path]) -> None:
    assert page.requests == [demo_report[1].resolve().as_uri()]
    assert not [m for m in page.messages if "Content Security Policy" in m or "Refused" in m]
    assert page.scroll_width <= page.viewport_width  # no sideways scrolling on a phone
    tree = lxml_html.fromstring(page.dom)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]
    assert tree.xpath("//script | //link[@rel='stylesheet'] | //iframe | //object") == []
    for el in tree.xpath("//*[@src]"):
        assert el.get("src").startswith("data:"), el.get("src")
    links = tree.xpath("//*[@href]")
    assert len(links) > 20
    for el in links:
        href = el.get("href")
        assert href.startswith(("#", "http://", "https://")), href
        if not href.startswith("#"):
            assert set(el.get("rel", "").split()) >= {"noopener", "noreferrer", "nofollow"}


def test_screenshot_is_saved(page: PageResult, demo_report: tuple[Path, Path],
                             tmp_path: Path) -> None:
    assert page.screenshot.startswith(b"\x89PNG\r\n\x1a\n") and len(page.screenshot) > 10_000
    artifact = tmp_path / "report.png"
    artifact.write_bytes(page.screenshot)
    data, _ = demo_report
    run_dir = data / "reports" / _latest_run(data)
    assert run_dir.is_dir()
    shutil.copyfile(artifact, run_dir / "report.png")
    assert (run_dir / "report.png").read_bytes() == page.screenshot


# Where the findings block and the first chart sit on a 1,280-pixel-wide screen.
_TOP_OF_PAGE = """JSON.stringify({
  findings: document.getElementById('findings').getBoundingClientRect().toJSON(),
  items: document.querySelectorAll('#findings li[data-finding]').length,
  chart: document.querySelector('.chart svg').getBoundingClientRect().toJSON()})"""


def test_the_top_of_the_page_shows_the_findings_and_the_first_chart(
        demo_report: tuple[Path, Path]) -> None:
    if chromium_binary() is None:
        pytest.skip(INSTALL_HINT)
    import json

    desk = open_page(demo_report[1], width=1280, height=2000, probe=_TOP_OF_PAGE)
    where = json.loads(desk.probe)
    assert where["items"] >= 3
    assert where["findings"]["top"] < where["chart"]["top"]
    assert where["findings"]["bottom"] <= 2000 and where["chart"]["bottom"] <= 2000
    assert desk.screenshot.startswith(b"\x89PNG")
    assert int.from_bytes(desk.screenshot[16:20], "big") == 1280  # PNG width (IHDR)
    phone = open_page(demo_report[1], probe=_TOP_OF_PAGE)
    assert phone.scroll_width <= phone.viewport_width
    assert json.loads(phone.probe)["findings"]["right"] <= phone.viewport_width
