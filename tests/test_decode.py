"""Decoding table (RELIABILITY 15): declared charsets are candidates, verified before use.

Every row decodes to exactly the page that was encoded, records the codec used,
and says whether the page's own declaration was overridden.
"""

from __future__ import annotations

import pytest

from pipeline.decode import decode_html, han_plausibility

TEXT = ("花呗逾期会打通讯录吗？一般来说，正规平台不会随便联系你的家人和朋友，"
        "但是逾期时间长了，催收人员可能会联系紧急联系人，提醒你尽快还款。")
# The same sentence in Traditional script, every character in Big5.
TRAD = ("花唄逾期會打通訊錄嗎？一般來說，正規平臺不會隨便聯繫你的家人和朋友，"
        "但是逾期時間長了，催收人員可能會聯繫緊急聯繫人，提醒你儘快還款。")
RARE = "𠮷𡈽"  # outside the BMP: four bytes each in GB18030, not in GBK


def page(meta: str = "", text: str = TEXT) -> str:
    """A small article page, with a meta charset when *meta* is given."""
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


BOM = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}

# id: (page html, codec its bytes are in, BOM codec or "", HTTP Content-Type,
#      expected codec, expected repair flag or None)
TABLE: dict[str, tuple[str, str, str, str, str, str | None]] = {
    "gbk-declared-utf8-header": (
        page(), "gbk", "", "text/html; charset=utf-8", "gb18030",
        "encoding_repaired:utf-8->gb18030"),
    "gbk-declared-utf8-meta": (
        page("utf-8"), "gbk", "", "text/html", "gb18030", "encoding_repaired:utf-8->gb18030"),
    "gbk-declared-utf8-both": (
        page("utf-8"), "gbk", "", "text/html; charset=utf-8", "gb18030",
        "encoding_repaired:utf-8->gb18030"),
    "utf8-declared-gbk-header": (
        page(), "utf-8", "", "text/html; charset=gbk", "utf-8",
        "encoding_repaired:gb18030->utf-8"),
    "utf8-declared-gbk-meta": (
        page("gbk"), "utf-8", "", "", "utf-8", "encoding_repaired:gb18030->utf-8"),
    "big5-declared-gb2312-meta": (
        page("gb2312", TRAD), "big5", "", "", "big5", "encoding_repaired:gb18030->big5"),
    "big5-declared-gb2312-header": (
        page("", TRAD), "big5", "", "text/html; charset=gb2312", "big5",
        "encoding_repaired:gb18030->big5"),
    "gb18030-four-byte-declared-gbk": (
        page("gbk", TEXT + RARE), "gb18030", "", "", "gb18030", None),
    "gb18030-four-byte-declared-utf8": (
        page("utf-8", TEXT + RARE), "gb18030", "", "", "gb18030",
        "encoding_repaired:utf-8->gb18030"),
    "gb18030-four-byte-no-charset": (page("", TEXT + RARE), "gb18030", "", "", "gb18030", None),
    "gbk-no-charset": (page(), "gbk", "", "", "gb18030", None),
    "utf8-no-charset": (page(), "utf-8", "", "", "utf-8", None),
    "big5-no-charset": (page("", TRAD), "big5", "", "", "big5", None),
    "gb2312-declared-read-as-gb18030": (
        page("gb2312"), "gb2312", "", "text/html; charset=gb2312", "gb18030", None),
    "utf8-bom-meta-gbk": (page("gbk"), "utf-8", "utf-8", "", "utf-8", None),
    "utf8-bom-header-gbk": (
        page(), "utf-8", "utf-8", "text/html; charset=gbk", "utf-8", None),
    "utf16le-bom": (page(), "utf-16-le", "utf-16-le", "", "utf-16-le", None),
    "utf16be-bom": (page(), "utf-16-be", "utf-16-be", "", "utf-16-be", None),
    "utf16le-bom-meta-gbk": (
        page("gbk"), "utf-16-le", "utf-16-le", "text/html; charset=gbk", "utf-16-le", None),
    "gbk-declared-latin1": (
        page("iso-8859-1"), "gbk", "", "text/html; charset=iso-8859-1", "gb18030",
        "encoding_repaired:cp1252->gb18030"),
}


@pytest.mark.parametrize("row", sorted(TABLE))
def test_decoding_table(row: str) -> None:
    html, codec, bom, content_type, expected_codec, expected_flag = TABLE[row]
    body = BOM.get(bom, b"") + html.encode(codec)
    decoded = decode_html(body, content_type)
    assert decoded.text == html
    assert decoded.encoding == expected_codec
    assert decoded.repair_flag == expected_flag
    assert decoded.repaired is (expected_flag is not None)


def test_big5_declared_big5_is_believed() -> None:
    html = page("big5", TRAD)
    decoded = decode_html(html.encode("big5"), "text/html; charset=big5")
    assert decoded.text == html and not decoded.repaired and decoded.source == "http"


def test_override_wins_when_plausible() -> None:
    html = page("utf-8")
    decoded = decode_html(html.encode("gbk"), "text/html; charset=utf-8", override="gbk")
    assert decoded.source == "override" and decoded.text == html
    assert decoded.repair_flag == "encoding_repaired:utf-8->gb18030"


def test_implausible_override_is_not_trusted() -> None:
    html = page()
    decoded = decode_html(html.encode("utf-8"), "", override="gbk")
    assert decoded.text == html and decoded.encoding == "utf-8"


def test_correct_declaration_is_not_a_repair() -> None:
    decoded = decode_html(page("utf-8").encode("utf-8"), "text/html; charset=utf-8")
    assert not decoded.repaired and decoded.repair_flag is None
    assert decoded.declared == "utf-8"


def test_repair_flag_reaches_the_extracted_document() -> None:
    from pipeline.extract import extract_html

    body = page("utf-8", TEXT * 3).encode("gbk")
    result = extract_html(body, content_type="text/html; charset=utf-8")
    assert "encoding_repaired:utf-8->gb18030" in result.flags
    assert result.encoding == "gb18030" and TEXT in result.text


def test_plausibility_separates_real_text_from_mojibake() -> None:
    assert han_plausibility(TEXT * 2) > 0.9
    assert han_plausibility(TRAD * 2) > 0.9
    # mojibake that decodes without a single U+FFFD
    big5_as_gb = (TRAD * 2).encode("big5").decode("gb18030")
    assert "\ufffd" not in big5_as_gb
    assert han_plausibility(big5_as_gb) < 0.75
    utf8_as_gbk = (TEXT * 2).encode("utf-8").decode("gbk", errors="ignore")
    assert han_plausibility(utf8_as_gbk) < 0.75


def test_a_few_corrupt_bytes_do_not_send_the_page_to_detection() -> None:
    html = page("gb2312", TEXT * 20)
    body = html.encode("gb18030")
    cut = body.index("还款".encode("gb18030"))
    corrupt = body[:cut] + b"\xff\xff" + body[cut + 2:]  # one character's bytes broken
    decoded = decode_html(corrupt, "")
    assert decoded.encoding == "gb18030" and decoded.source == "lenient"
    assert decoded.replaced == 2 and not decoded.repaired
    assert decoded.text.replace("\ufffd", "").count(TEXT) == 19


def test_plausibility_counts_exactly_the_common_characters() -> None:
    """The C-side count (a regex class) agrees with set membership on every Han code point,
    and the windowed sample is the first 4,000 Han characters whatever the window cuts."""
    from pipeline import decode

    han = "".join(chr(cp) for block in ((0x3400, 0x4DC0), (0x4E00, 0xA000))
                  for cp in range(*block))
    for common, pattern in ((decode._COMMON_SIMPLIFIED, decode._common_simplified),
                            (decode._COMMON_TRADITIONAL, decode._common_traditional)):
        assert decode._count(pattern, han) == sum(ch in common for ch in han)
    text = ("<p>" + "x" * (decode._window - 5) + TEXT * 100 + "</p>") * 3
    expected = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")[:decode._SAMPLE]
    assert decode._han_sample(text) == expected
