"""Normalized text for matching: NFKC, pinyin glosses dropped, Simplified script."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.fingerprint import fingerprint_text
from pipeline.normalize import (
    nfkc,
    normalize_text,
    normalize_with_offsets,
    sha1_hex,
    strip_pinyin_glosses,
)


@pytest.mark.parametrize(
    ("mirror", "original"),
    [
        ("根據相關規(guī)定，催(cuī)收不得騷擾家人", "根据相关规定，催收不得骚扰家人"),
        ("根据规（guī）定协（xié）商还款", "根据规定协商还款"),
        ("債(zhài)務", "债务"),
        ("规(gui1)定", "规定"),
    ],
)
def test_pinyin_glosses_are_removed(mirror: str, original: str) -> None:
    assert normalize_text(mirror) == normalize_text(original)
    assert sha1_hex(fingerprint_text(mirror)) == sha1_hex(fingerprint_text(original))


@pytest.mark.parametrize("text", ["方案(a)比较好", "附件(b)", "花呗(huabei)", "ABC(xié)"])
def test_brackets_that_are_not_glosses_stay(text: str) -> None:
    assert "(" in normalize_text(text)


def test_strip_keeps_the_script() -> None:
    assert strip_pinyin_glosses("根據相關規(guī)定") == "根據相關規定"


_NFKC_ALPHABET = "".join(chr(c) for c in [*range(0x20, 0x7F), *range(0xFF00, 0xFF70),
                                          *range(0x300, 0x370), *range(0x3000, 0x3100),
                                          *range(0x1100, 0x1120), *range(0xAC00, 0xAC10),
                                          0x2026, 0x2160, 0x2460, 0xFE30, 0x4E00, 0x82B1])


@given(st.text(alphabet=_NFKC_ALPHABET, max_size=12))
def test_the_fast_nfkc_equals_unicodedata(text: str) -> None:
    """Fullwidth forms mapped first, then the quick check: the same result as NFKC."""
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_invisible_characters_inside_words_are_dropped_with_offsets_kept() -> None:
    text = "借\u200b呗逾期\u00ad会打\u2060通讯录吗\ufeff"
    assert normalize_text(text) == "借呗逾期会打通讯录吗"
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize_text(text)
    assert [text[i] for i in offsets] == list(norm)


_LINE_ALPHABET = st.sampled_from([*"規定債務后後發髮裡面乾隆皇帝ΣσAbc1２３ａ（）(guī)",
                                  *"\u0301\u200b\u3000 ，。\u00a0\ufb01\u2460\r\t"])


@pytest.mark.parametrize("text", [
    "乾\n隆皇帝", "乾隆\n",  # 乾隆 is a phrase OpenCC keeps whole; 乾 alone becomes 干
    "頭\n髮", "規\n(guī)定", "AΣ\nΣb", "e\n\u0301x", "ａ\u3000\nｂ", "借\u200b\n呗", "",
])
def test_fingerprint_text_is_the_same_from_normalized_lines(text: str) -> None:
    """The page stage takes the fingerprint text from the stored line-by-line normalization
    (pipeline.stages): no normalization step may read across a line break."""
    from pipeline.fingerprint import content_only
    from pipeline.stages import normalized_lines

    assert content_only(normalized_lines(text)) == fingerprint_text(text)


@given(st.lists(st.text(alphabet=_LINE_ALPHABET, max_size=8), max_size=5))
def test_fingerprint_text_from_lines_on_any_lines(lines: list[str]) -> None:
    """The same on random lines of the hard characters (OpenCC phrases, sigma, marks)."""
    from pipeline.fingerprint import content_only
    from pipeline.stages import normalized_lines

    text = "\n".join(lines)
    assert content_only(normalized_lines(text)) == fingerprint_text(text)
