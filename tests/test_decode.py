"""Decoding table: declared charsets are candidates, verified before use."""

from __future__ import annotations

import pytest

from pipeline.decode import decode_html, han_plausibility

TEXT = ("花呗逾期会打通讯录吗？一般来说，正规平台不会随便联系你的家人和朋友，"
        "但是逾期时间长了，催收人员可能会联系紧急联系人，提醒你尽快还款。")


def page(meta: str = "") -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize(
    ("body", "content_type", "expected_codec"),
    [
        (page("utf-8").encode("gbk"), "text/html; charset=utf-8", "gb18030"),
        (page("utf-8").encode("gbk"), "text/html", "gb18030"),
        (page("gbk").encode("utf-8"), "text/html; charset=gbk", "utf-8"),
        (page().encode("gb18030"), "", "gb18030"),
        (page().encode("utf-8"), "", "utf-8"),
        (b"\xef\xbb\xbf" + page("gbk").encode("utf-8"), "", "utf-8"),
        (page("gb2312").encode("gb2312"), "text/html; charset=gb2312", "gb18030"),
    ],
    ids=["gbk-declared-utf8-header", "gbk-declared-utf8-meta", "utf8-declared-gbk",
         "gb18030-no-charset", "utf8-no-charset", "utf8-bom-meta-gbk", "gb2312-as-gb18030"],
)
def test_decoding_recovers_the_text(body: bytes, content_type: str, expected_codec: str) -> None:
    decoded = decode_html(body, content_type)
    assert TEXT in decoded.text
    assert decoded.encoding == expected_codec


def test_gb18030_four_byte_characters_survive() -> None:
    rare = "𠮷"  # outside the BMP: four bytes in GB18030
    body = page("gb18030").replace("花呗", "花呗" + rare).encode("gb18030")
    decoded = decode_html(body, "text/html; charset=gbk")
    assert rare in decoded.text


def test_override_wins_when_plausible() -> None:
    body = page("utf-8").encode("gbk")
    decoded = decode_html(body, "text/html; charset=utf-8", override="gbk")
    assert decoded.source == "override" and TEXT in decoded.text


def test_wrong_declaration_is_flagged_as_repaired() -> None:
    assert decode_html(page("utf-8").encode("gbk"), "text/html; charset=utf-8").repaired
    assert not decode_html(page("utf-8").encode("utf-8"), "text/html; charset=utf-8").repaired


def test_plausibility_separates_real_text_from_mojibake() -> None:
    mojibake = TEXT.encode("utf-8").decode("gbk", errors="ignore")
    assert han_plausibility(TEXT * 2) > 0.9
    assert han_plausibility(mojibake * 2) < 0.6
