"""Extraction: drop selectors on the parsed tree, cleaning rules, junk flagged not raised."""

from __future__ import annotations

import pytest

from pipeline.clean import clean_paragraphs
from pipeline.extract import ExtractConfig, extract_html
from tests.fixtures import load_case

BODY = [
    "花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。",
    "如果逾期超过三个月仍然没有还款，平台可能会把账单委托给第三方催收公司处理。",
    "建议大家遇到还款困难时，主动联系官方客服协商还款，不要相信代办停息挂账的广告。",
]
TEASER = "小编导语：借呗逾期多久会被起诉？很多人都想知道这个问题的答案……"


def farm_page(extra_in_body: str = "") -> bytes:
    """The farm page of the `farm-related-teasers` fixture, *extra_in_body* before its teasers."""
    html = load_case("farm-related-teasers").body.decode("utf-8")
    assert all(p in html for p in BODY) and TEASER in html
    return html.replace('<div class="related-art">',
                        extra_in_body + '<div class="related-art">', 1).encode()


def test_main_text_is_extracted() -> None:
    result = extract_html(farm_page(), "http://127.0.0.1/a/1.html")
    for p in BODY:
        assert p in result.paragraphs
    assert result.title == "花呗逾期会打通讯录吗"


def test_drop_selectors_remove_blocks_before_extraction() -> None:
    plain = extract_html(farm_page())
    dropped = extract_html(farm_page(), config=ExtractConfig(drop_selectors=(".related-art",)))
    assert "related-art" not in dropped.text
    assert all("网贷逾期会上门吗" not in p for p in dropped.paragraphs)
    assert all(p in dropped.paragraphs for p in BODY)
    assert len(dropped.removals) <= len(plain.removals)


def test_teasers_in_the_body_container_are_cleaned_and_recorded() -> None:
    result = extract_html(farm_page())
    assert TEASER not in result.text
    assert any(r.rule == "teaser" for r in result.removals)


def test_cta_and_disclaimer_are_removed_with_their_rule() -> None:
    extra = ("<p>本站部分文字内容、图片由网友投稿，如侵权请联系删除。</p>"
             "<p>债务逾期怎么办？加微信 abc123 免费咨询。</p>")
    result = extract_html(farm_page(extra))
    rules = {r.rule for r in result.removals}
    assert {"disclaimer", "cta"} <= rules
    assert "网友投稿" not in result.text and "加微信" not in result.text


@pytest.mark.parametrize(
    "junk",
    [b"", b"<html/>", b"\x00\x01\x02binary\xff\xfe" * 50, b"<html><body>\x00</body></html>",
     b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4],
)
def test_junk_is_flagged_not_raised(junk: bytes) -> None:
    result = extract_html(junk)
    assert result.flags
    assert not result.paragraphs or "short_text" in result.flags


def test_clean_paragraphs_keeps_ordinary_sentences() -> None:
    kept, removed = clean_paragraphs(BODY)
    assert kept == tuple(BODY) and removed == ()


P = "<p>花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。</p>"


@pytest.mark.parametrize(
    ("html", "flag"),
    [
        ("<html><body>" + "<div>" * 5_000 + P + "</div>" * 5_000 + "</body></html>", "too_deep"),
        ("<html><body>" + "<div>" * 100_000 + P + "</div>" * 100_000 + "</body></html>",
         "too_deep"),
        ("<html><body><div>" + P * 80_000 + "</div></body></html>", "too_large"),
        ("<html><body><div>" + P * 30_000 + "</div></body></html>", "too_many_elements"),
        ("<html><body><p>" + "逾" * 3_400_000 + "</p></body></html>", "too_large"),
        ("<html><body><p>" + "逾" * 1_500_000 + "</p></body></html>", "huge_text_node"),
    ],
    ids=["nested-5k", "nested-100k", "80k-paragraphs", "30k-paragraphs", "10mb-text-node",
         "4mb-text-node"],
)
def test_huge_and_deep_pages_are_flagged_not_extracted(html: str, flag: str) -> None:
    result = extract_html(html.encode())
    assert result.paragraphs == ()
    assert result.flags[-1] in {flag, "no_text", "short_text"}
    assert flag in result.flags or flag == "no_text"


def test_the_time_limit_stops_extraction_and_flags_the_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import pipeline.extract as ex

    def slow(*args: object, **kwargs: object) -> None:
        deadline = time.monotonic() + 2  # a stuck extractor, bounded if the limit never fires
        while time.monotonic() < deadline:
            pass

    monkeypatch.setattr(ex.trafilatura, "bare_extraction", slow)
    result = extract_html(farm_page(), config=ExtractConfig(time_limit=0.05))
    assert result.flags[-1] == "timeout" and result.paragraphs == ()


INTRO = "很多朋友在使用花呗的时候，难免会遇到资金周转不开的情况，今天就来详细说一说。"


def test_section_headings_between_kept_paragraphs_are_restored() -> None:
    page = load_case("qa-section-headings").body
    assert INTRO.encode() in page
    result = extract_html(page)
    for i, p in enumerate(BODY, 1):
        heading = f"{i}、{p[:12]}"
        assert heading in result.paragraphs
        assert result.paragraphs.index(heading) + 1 == result.paragraphs.index(p)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<body><div>提问时间：2023-03-19 来源：借贷问答</div></body>", "2023-03-19"),
        ("<body><span>发布日期: 2021年5月3日</span></body>", "2021-05-03"),
        ("<body><span>时间：2023-02-30</span></body>", None),
        ("<body><span>小贷 · 2023-08-16 · 浏览 24920</span></body>", "2023-08-16"),
        ("<body><div>上岸哥 发表于 2023-05-28 16:29 浏览(88)</div></body>", "2023-05-28"),
        ("<body><div>發布時間：2023-07-06 作者：管理員</div></body>", "2023-07-06"),
        ("<body><td>NEWS.EXAMPLE.CN  2003年11月12日16:36 晚报</td></body>", "2003-11-12"),
        ("<body><p>2021-05-03</p><p>Copyright 2019-2024</p></body>", None),
        ("<body><p>本站于2021-05-03上线</p></body>", None),
        ("<head><meta content='时间：2020-01-02'></head><body>正文</body>", None),
    ],
)
def test_labelled_date_on_the_info_line(html: str, expected: str | None) -> None:
    from pipeline.extract import labelled_date

    assert labelled_date(html) == expected


NARRATIVE = "年过五十，她觉得自己的教师生涯很快就要告一段落了。谁承想，老教师也能跨界，一路前行……"


def test_a_lone_narrative_ellipsis_is_kept_but_teaser_runs_are_not() -> None:
    kept, removed = clean_paragraphs([BODY[0], NARRATIVE, BODY[1]])
    assert NARRATIVE in kept and removed == ()
    runs = [BODY[0], "借呗逾期多久会被起诉？很多人都想知道……", "网贷逾期会上门吗？今天来说说……"]
    kept, removed = clean_paragraphs(runs)
    assert kept == (BODY[0],) and [r.rule for r in removed] == ["teaser", "teaser"]
    kept, removed = clean_paragraphs([BODY[0], "网贷逾期会上门吗？今天来说说..."])
    assert kept == (BODY[0],) and removed[0].rule == "teaser"


@pytest.mark.slow
def test_page_metadata_equals_trafilaturas_on_the_fields_yuqi_stores() -> None:
    """pipeline/metadata.py skips categories, tags, licence and the body search for an author;
    the other fields yuqi stores are the same."""
    from copy import deepcopy
    from datetime import date
    from pathlib import Path

    from lxml import html as lxml_html
    from trafilatura.metadata import extract_metadata

    from bench.pipeline_vs_trafilatura import _pages
    from pipeline.decode import decode_html
    from pipeline.extract import DATE_OPTIONS
    from pipeline.metadata import page_metadata

    bodies = [(p.body, p.url) for p in _pages()[::10]]
    bodies += [(f.read_bytes(), "") for f in sorted(
        (Path(__file__).parent / "fixtures" / "extract").rglob("*.html"))]
    params = {**DATE_OPTIONS, "max_date": date.today().isoformat()}
    fields = ("title", "date", "sitename", "url")
    compared = 0
    for body, url in bodies:
        tree = lxml_html.document_fromstring(decode_html(body, "").text or "<html></html>")
        ours = page_metadata(deepcopy(tree), url or None, dict(params))
        theirs = extract_metadata(deepcopy(tree), url or None, dict(params))
        assert [getattr(ours, f) for f in fields] == [getattr(theirs, f) for f in fields], url
        # the author: trafilatura's, or none where only its body search found one
        assert ours.author in (None, theirs.author), url
        compared += bool(ours.title)
    assert compared >= 40
