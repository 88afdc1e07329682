"""Extraction never raises: one test per failure class seen on real pages, and the fuzzer."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.extract as ex
from pipeline.decode import decode_html
from pipeline.extract import extract_html, extract_strict
from pipeline.records import RawPage
from pipeline.stages import process_page
from tests.cli import run_yuqi

BODY = [
    "花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。",
    "如果逾期超过三个月仍然没有还款，平台可能会把账单委托给第三方催收公司处理。",
    "建议大家遇到还款困难时，主动联系官方客服协商还款，不要相信代办停息挂账的广告。",
]


def _page(body: str, charset: str = "utf-8") -> str:
    return (f"<html><head><meta charset='{charset}'><title>花呗逾期会打通讯录吗</title></head>"
            f"<body><div class='answer'>{body}</div></body></html>")


def test_headings_with_comment_neighbours() -> None:
    """Old portal templates put <!-- --> between elements; a heading's neighbour was one."""
    body = "".join(f"<!-- s{i} --><h2>{i}、{p[:10]}</h2><!-- e{i} --><p>{p}</p>"
                   for i, p in enumerate(BODY, 1))
    result = extract_strict(_page("<p>开头先说几句。</p>" + body).encode())
    for p in BODY:
        assert p in result.paragraphs


def test_comment_at_the_start_of_a_list_item() -> None:
    """A comment (or a PI, parsed as one) opening an <li> crashed trafilatura's list writer."""
    items = "".join(f"<li><!-- c --><?pi x?>{p}</li>" for p in BODY)
    result = extract_strict(_page(f"<p>{BODY[0]}</p><ul>{items}</ul>").encode())
    assert BODY[1] in result.text


@pytest.mark.parametrize("page", [b"<!-- only a comment -->", b"<?xml version='1.0'?><!-- c -->",
                                  b"<![CDATA[ nothing ]]>", b"<?php echo 1; ?>"],
                         ids=["comment", "xml-decl-comment", "cdata", "pi"])
def test_a_page_that_is_only_a_comment(page: bytes) -> None:
    result = extract_strict(page)
    assert result.paragraphs == () and result.flags


def test_a_page_whose_root_is_a_comment() -> None:
    """A comment before (and after) <html>: the document's first node is no element."""
    page = "<!-- saved from url=(0042) --><!-- x -->" + _page(
        "".join(f"<p>{p}</p>" for p in BODY)) + "<!-- end -->"
    result = extract_strict(page.encode())
    assert all(p in result.paragraphs for p in BODY)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_page_without_bom(codec: str) -> None:
    page = _page("".join(f"<p>{p}</p>" for p in BODY)).encode(codec)
    result = extract_strict(page)
    assert result.encoding == codec
    assert all(p in result.paragraphs for p in BODY)


def test_a_br_only_page_keeps_its_paragraphs() -> None:
    td = "<br><br>".join(BODY)
    page = _page(f"<table><tr><td>{td}</td></tr></table>").encode()
    result = extract_strict(page)
    assert [p for p in result.paragraphs if p in BODY] == BODY


def test_a_page_mixing_utf8_and_gbk_is_decoded_not_dropped() -> None:
    head = _page(f"<p>{BODY[0]}</p>").split("</div>")[0].encode("utf-8")
    tail = f"<p>{BODY[1]}</p><p>{BODY[2]}</p></div></body></html>".encode("gbk")
    decoded = decode_html(head + tail)
    assert all(p in decoded.text for p in BODY)
    result = extract_strict(head + tail)
    assert "binary_content" not in result.flags
    assert all(p in result.paragraphs for p in BODY)


def test_an_unexpected_error_becomes_a_drop_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(ex.trafilatura, "bare_extraction", broken)
    page = _page("".join(f"<p>{p}</p>" for p in BODY)).encode()
    result = extract_html(page)
    assert result.paragraphs == () and result.flags[-1] == "extract_error:KeyError"
    raw = RawPage("r1", "s", "http://127.0.0.1/a/1.html", "http://127.0.0.1/a/1.html", 200,
                  (("Content-Type", "text/html; charset=utf-8"),), page, "2024-01-01T00:00:00Z")
    assert process_page(raw, ex.ExtractConfig()).dropped == "extract_error:KeyError"


def test_an_error_in_a_later_stage_is_a_drop_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.stages as stages

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError

    monkeypatch.setattr(stages, "tag_document", broken)
    page = _page("".join(f"<p>{p}</p>" for p in BODY)).encode()
    raw = RawPage("r1", "s", "http://127.0.0.1/a/1.html", "http://127.0.0.1/a/1.html", 200,
                  (), page, "2024-01-01T00:00:00Z")
    result = process_page(raw, ex.ExtractConfig())
    assert result.document is None and result.dropped == "extract_error:RecursionError"


@pytest.mark.slow
@pytest.mark.parametrize("body", [b"", b"<!-- c -->", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4],
                         ids=["empty", "comment", "binary"])
def test_cli_extract_bad_input_is_one_line_exit_1(tmp_path: Path, body: bytes) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(body)
    proc = run_yuqi("extract", str(page), "--format", "json")
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no main text" in lines[0] and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_fuzz_300_mutants_raise_nothing() -> None:
    """A fixed-seed fuzz run over the demo pages: no mutant makes extraction or tagging raise."""
    from bench.fuzz_extract import demo_seeds, fuzz

    report = fuzz(demo_seeds(), 300, seed=16)
    assert report.mutants == 300
    assert report.exception_count == 0, dict(report.exceptions)


def test_control_characters_in_text_beside_a_dropped_block() -> None:
    """The fuzzer's find: lxml refused a tail holding \\x0b when a drop selector moved it."""
    page = _page("<p class='ad'>广告</p>\x0b\x1f尾巴" + "".join(f"<p>{p}</p>" for p in BODY))
    result = extract_strict(page.encode(), config=ex.ExtractConfig(drop_selectors=(".ad",)))
    assert all(p in result.paragraphs for p in BODY)
