"""Normalized text for matching: NFKC, pinyin glosses dropped, Simplified script."""

from __future__ import annotations

import pytest

from pipeline.fingerprint import fingerprint_text
from pipeline.normalize import normalize_text, sha1_hex, strip_pinyin_glosses


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
