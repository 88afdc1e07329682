"""The readability guard: skipping trafilatura's readability comparison changes no result."""

from __future__ import annotations

import sys
from copy import deepcopy
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import trafilatura.core
import trafilatura.external
from lxml.etree import tostring
from trafilatura.settings import Extractor
from trafilatura.utils import trim

from demo.truth import truth_records
from demo.web import DemoWeb
from pipeline import readability_guard
from pipeline.extract import extract_html, trafilatura_options
from pipeline.readability_guard import (
    YuqiExtractor,
    kept_texts,
    readability_bound,
    readability_cannot_win,
    text_bound,
)

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "extract").rglob("*.html"))


def _demo_pages(count: int) -> list[tuple[str, bytes]]:
    web = DemoWeb()
    pages = []
    for record in list(truth_records("http://127.0.0.1:8080"))[:count]:
        url = str(record["url"])
        resp = web.respond(url.split("127.0.0.1:8080", 1)[1], {"Host": "127.0.0.1:8080"})
        pages.append((url, resp.body))
    return pages


def _readability_text(raw_tree: Any) -> str:
    algo = trafilatura.external.try_readability(deepcopy(raw_tree))
    return trim(tostring(algo, method="text", encoding="utf-8").decode("utf-8"))


def test_the_bound_holds_and_a_skipped_comparison_keeps_trafilaturas_choice(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int, int | None]] = []
    original = trafilatura.external.compare_extraction

    def checked(cleaned: Any, raw: Any, body: Any, text: str, options: Any) -> Any:
        skip = readability_cannot_win(body, text, raw, options)
        bound = readability_bound(raw)
        length = len(_readability_text(raw))
        full = original(deepcopy(cleaned), deepcopy(raw), deepcopy(body), text, options)
        guarded = readability_guard.compare_extraction(cleaned, raw, body, text, options)
        if skip:  # readability would have kept trafilatura's own body and text
            assert guarded[1] == full[1] == text
            assert tostring(guarded[0]) == tostring(full[0])
        seen.append((skip, length, bound))
        return guarded

    monkeypatch.setattr(trafilatura.core, "compare_extraction", checked)
    pages = [(str(path), path.read_bytes()) for path in FIXTURES] + _demo_pages(60)
    for url, body in pages:
        extract_html(body, url)
    assert any(skip for skip, _, _ in seen) and not all(skip for skip, _, _ in seen)
    assert all(bound is None or length <= bound for _, length, bound in seen)


def test_extraction_is_the_same_with_and_without_the_guard(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [(str(path), path.read_bytes()) for path in FIXTURES] + _demo_pages(40)
    guarded = [extract_html(body, url) for url, body in pages]
    monkeypatch.setattr(trafilatura.core, "compare_extraction",
                        trafilatura.external.compare_extraction)
    assert [extract_html(body, url) for url, body in pages] == guarded


def test_a_raw_text_element_that_could_grow_leaves_the_page_unbounded() -> None:
    page = "<html><body><p>{}</p><noscript>{}</noscript></body></html>"
    assert readability_bound(lxml.html.fromstring(page.format("正文" * 50, "a"))) is not None
    assert readability_bound(lxml.html.fromstring(page.format("正文" * 50, "a&amp;b"))) is None
    with_child = lxml.html.fromstring("<html><body><textarea>x</textarea></body></html>")
    with_child.find(".//textarea").append(lxml.html.Element("b"))
    assert readability_bound(with_child) is None


def test_the_bound_counts_whitespace_runs_and_a_video_iframe() -> None:
    tree = lxml.html.fromstring(
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<p>a  b\n c</p><script>var x=1;</script>tail"
        '<iframe src="https://www.youtube.com/embed/x"></iframe></body></html>')
    # "t a b c tail" (12 characters), +6 for " VIDEO"
    assert readability_bound(tree) == 12 + 6


def test_only_yuqis_calls_are_guarded_and_recall_is_never_skipped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    options = trafilatura_options("http://example.com/a")
    assert type(options) is YuqiExtractor
    tree = lxml.html.fromstring("<html><body><p>x</p></body></html>")
    body = lxml.html.fromstring("<body><p>a long text</p></body>")
    assert readability_cannot_win(body, "a long text", tree, options)
    options.focus = "recall"
    assert not readability_cannot_win(body, "a long text", tree, options)
    assert not readability_cannot_win(body, "", tree, trafilatura_options(None))
    plain = Extractor(output_format="python")
    calls: list[Any] = []
    monkeypatch.setattr(readability_guard, "_compare_extraction",
                        lambda *args: calls.append(args[1]) or (body, ""))
    readability_guard.compare_extraction(tree, tree, body, "a long text", plain)
    readability_guard.compare_extraction(tree, tree, body, "a long text",
                                         trafilatura_options(None))
    assert calls[0] is tree and calls[1] is not tree and len(calls[1]) == 0


def test_a_settled_escalation_measure_is_never_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where `compare_extraction` settles the page measure, the true `html2txt` is within the
    bound (so the escalation test is False either way); the answers equal the unguarded ones."""
    baseline_module = sys.modules["trafilatura.baseline"]
    seen: list[bool] = []

    def checked(tree: Any, clean: bool = True) -> str:
        settled = readability_guard._state.share_reached
        full = baseline_module.html2txt(tree, clean)
        assert len(full) <= text_bound(kept_texts(tree))
        answer = readability_guard.html2txt(tree, clean)
        assert answer == ("" if settled else full)
        seen.append(settled)
        return answer

    monkeypatch.setattr(trafilatura.core, "html2txt", checked)
    pages = [(str(path), path.read_bytes()) for path in FIXTURES] + _demo_pages(40)
    guarded = [extract_html(body, url) for url, body in pages]
    assert any(seen)
    monkeypatch.setattr(trafilatura.core, "html2txt", baseline_module.html2txt)
    monkeypatch.setattr(trafilatura.core, "compare_extraction",
                        trafilatura.external.compare_extraction)
    assert [extract_html(body, url) for url, body in pages] == guarded


def test_a_plain_trafilatura_call_measures_the_page_itself() -> None:
    tree = lxml.html.fromstring("<html><body><p>正文</p></body></html>")
    readability_guard._state.share_reached = True
    body = lxml.html.fromstring("<body><p>正文</p></body>")
    readability_guard.compare_extraction(tree, tree, body, "正文",
                                         Extractor(output_format="python"))
    assert readability_guard.html2txt(tree) == "正文"
