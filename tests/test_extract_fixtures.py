"""Golden extraction fixtures: every field of every case in tests/fixtures/extract/.

A failure means the extractor's output for that page changed. If the change is
wanted, run `make fixtures` (`python -m tests.fixtures regen`) and review the
expected.json diff in the same commit.
"""

from __future__ import annotations

import pytest

from demo.templates import TEMPLATES
from tests.fixtures import FIELDS, case_names, extract_case, load_case

CASES = case_names()


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", CASES)
def test_extraction_matches_the_reviewed_output(name: str, field: str) -> None:
    expected = load_case(name).expected()
    assert extract_case(name)[field] == expected[field], (
        f"{name}: {field} changed; if intended, `make fixtures` and review the diff")


def test_every_demo_template_has_a_case() -> None:
    assert {f"demo-{t}" for t in TEMPLATES} <= set(CASES)


def test_the_failure_classes_have_cases() -> None:
    wanted = {"comments-between-elements", "dede-td-br", "gbk-meta-gb2312", "gbk-declared-utf8",
              "no-charset-gb18030", "traditional-pinyin", "teasers-in-body",
              "disclaimer-cta-comments", "glyph-gaps"}
    assert wanted <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_each_case_says_what_it_is_and_how_it_was_served(name: str) -> None:
    case = load_case(name)
    meta = (case.folder / "meta.json").read_text(encoding="utf-8")
    assert '"about"' in meta and case.url.startswith("http://127.0.0.1")
    assert set(case.expected()) == set(FIELDS)
