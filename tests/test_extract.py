"""Extraction: drop selectors on the parsed tree, cleaning rules, junk flagged not raised."""

from __future__ import annotations

import pytest

from pipeline.clean import clean_paragraphs
from pipeline.extract import ExtractConfig, extract_html

BODY = [
    "花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。",
    "如果逾期超过三个月仍然没有还款，平台可能会把账单委托给第三方催收公司处理。",
    "建议大家遇到还款困难时，主动联系官方客服协商还款，不要相信代办停息挂账的广告。",
]
TEASER = "小编导语：借呗逾期多久会被起诉？很多人都想知道这个问题的答案……"


def farm_page(extra_in_body: str = "") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<html><head><meta charset="utf-8"><title>花呗逾期会打通讯录吗</title></head>
<body><div class="nav">首页 > 网贷知识</div>
<div class="art-content"><h1>花呗逾期会打通讯录吗</h1>{paras}{extra_in_body}
<div class="related-art"><p>{TEASER}</p><p>网贷逾期会上门吗？今天来说说...</p></div>
</div><div class="footer">版权所有</div></body></html>""".encode()


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
