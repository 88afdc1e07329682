"""Reports: counts and stance shares from the warehouse, hostile text made inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import UsageError
from reports.build import ReportFilters, build_report
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

TEXT_A = "\n".join(["花呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。"] * 4)
TEXT_B = "\n".join(["借呗逾期多久会被起诉？借款合同约定了管辖法院，金额较大才会起诉。"] * 4)
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    docs = [
        make_document("d1", "run1", TEXT_A),
        make_document("d2", "run1", TEXT_B, url="javascript:alert(1)"),
    ]
    claims = [
        make_claim("d1", 0, "正规平台不会联系家人。", "denies"),
        make_claim("d2", 0, EVIL, "affirms"),
    ]
    write_spool(data, "run1", docs, claims)
    load_pending(data)
    return data


def test_html_and_markdown_are_written_with_latest_copy(data_dir: Path) -> None:
    paths = build_report(warehouse_path(data_dir), data_dir / "reports", ["html", "md"],
                         ReportFilters())
    assert {p.name for p in paths} == {"report.html", "report.md"}
    assert all(p.parent == data_dir / "reports" / "latest" for p in paths)
    assert (data_dir / "reports" / "run1" / "report.html").exists()
    html = (data_dir / "reports" / "latest" / "report.html").read_text(encoding="utf-8")
    assert "contacts_family" in html
    # one affirming and one denying independent source: 50% each
    assert html.count("(50%)") == 2


def test_scraped_markup_is_inert(data_dir: Path) -> None:
    build_report(warehouse_path(data_dir), data_dir / "reports", ["html", "md"], ReportFilters())
    html = (data_dir / "reports" / "latest" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert re.search(r'http-equiv="Content-Security-Policy" content="default-src \'none\'', html)
    for href in re.findall(r'href="([^"]+)"', html):
        assert href.startswith(("http://", "https://", "#"))
    md = (data_dir / "reports" / "latest" / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md


def test_filters_are_bound_not_interpolated(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such product"):  # refused before any query
        build_report(warehouse_path(data_dir), data_dir / "reports", ["md"],
                     ReportFilters(product="' OR 1=1 --", site="%"), tmp_path / "out")
    assert not (tmp_path / "out").exists()
    paths = build_report(warehouse_path(data_dir), data_dir / "reports", ["md"],
                         ReportFilters(site="farm-a"), tmp_path / "out2")
    assert "| Claims | 2 |" in paths[0].read_text(encoding="utf-8")
