"""pipeline.claims.prefilter: the strings a pattern's matches require, and the boilerplate
search it gates (same rule named as searching every pattern in turn)."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

import pytest

from pipeline.claims.prefilter import Prefilter, holds_any, required_literals
from pipeline.claims.senses import _same_length, load_senses, map_variants
from pipeline.claims.stance import CLAUSE_BREAKS, clause_end
from pipeline.claims.tagger import tagging_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("pattern", "groups"),
    [
        ("首页>", [{"首页>"}]),
        ("(小编|我们)[^,]{0,10}(聊聊|说说)", [{"小编", "我们"}, {"聊聊", "说说"}]),
        ("^第[一二]条", [{"第"}, {"条"}, {"一", "二"}]),
        ("a(?:bc)+d", [{"bc"}, {"a"}, {"d"}]),
        ("(ab|c)?x", [{"x"}]),
    ],
)
def test_required_literals(pattern: str, groups: list[set[str]]) -> None:
    assert sorted(map(sorted, required_literals(re.compile(pattern)))) == sorted(
        map(sorted, groups))


@pytest.mark.parametrize("pattern", ["(?i)abc", "a*", "(ab|)c?", "x?y*", r"\d+", "[^,]+"])
def test_what_cannot_be_read_requires_nothing(pattern: str) -> None:
    assert required_literals(re.compile(pattern)) == ()


def test_prefilter_never_skips_a_pattern_that_matches() -> None:
    patterns = [re.compile(p) for p in (
        "首页|主页", "(关于)[^。]{2,5}的(通知|说明)$", "^(作者|来源)\\s*:", "a(b|c)d", "x|",
        "[0-9]+条", "(?:举报)?(回答|评论)")]
    prefilter = Prefilter(patterns)
    texts = ["首页", "关于逾期的通知", "作者:小王", "abd", "acd", "ad", "", "x", "12条",
             "评论", "举报", "随便一句话"]
    for text in texts:
        present = prefilter.present(text)
        for i, pattern in enumerate(patterns):
            if pattern.search(text):
                assert prefilter.possible(i, present), (pattern.pattern, text)


def test_candidates_are_the_possible_patterns_in_order() -> None:
    patterns = [re.compile(p) for p in (
        "首页|主页", "x|", "(关于)[^。]{2,5}的(通知|说明)$", "a(b|c)d", "[0-9]+条", "主页")]
    prefilter = Prefilter(patterns)
    for text in ("首页", "主页 abd", "关于逾期的通知", "", "12条 acd", "随便一句话"):
        present = prefilter.present(text)
        expected = [i for i in range(len(patterns)) if prefilter.possible(i, present)]
        assert prefilter.candidates(text) == expected, text
        assert 1 in expected  # a pattern that requires nothing is always tried
        for i, pattern in enumerate(patterns):
            if pattern.search(text):
                assert i in expected, (pattern.pattern, text)


def test_map_variants_equals_every_respelling_in_turn() -> None:
    senses = load_senses()
    lines = [tagging_text(t) for t in _lines()]
    assert senses.respell  # the data fixes misspellings: the gated path is exercised
    changed = 0
    regional = senses.regional or {}
    for norm in lines:
        text = norm.translate(senses.variant_table)
        if senses.regional_re is not None and regional:
            text = senses.regional_re.sub(lambda m: regional[m.group(0)], text)
        for pattern, fixed in senses.respell:
            text = pattern.sub(partial(_same_length, fixed), text)
        assert map_variants(norm, senses) == text, norm
        changed += text != norm
    assert changed > 0


def _lines() -> list[str]:
    paths = [ROOT / "evals" / "claims-real" / "dev.jsonl",
             *sorted((ROOT / "evals" / "claims-real").glob("probe*.jsonl"))]
    return [json.loads(line)["text"] for path in paths
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_boilerplate_rule_is_the_first_rule_that_matches() -> None:
    senses = load_senses()
    lines = [tagging_text(t) for t in _lines()] + [
        tagging_text(rule.example) for rule in senses.boilerplate]
    for norm in lines:
        first = next((r.name for r in senses.boilerplate if r.matches(norm)), None)
        assert senses.boilerplate_rule(norm) == first, norm


def test_holds_any_is_any_word_in_text() -> None:
    words = ("会不会", "是否", "a.b", "")
    for text in ("会不会上门", "是否", "axb", "a.b", "无关"):
        assert holds_any(words, text) == any(w in text for w in words)
    assert not holds_any(("会不会", "是否"), "无关") and not holds_any((), "x")


def test_clause_end_is_the_first_break_at_or_after_pos() -> None:
    def by_hand(text: str, pos: int) -> int:
        while pos < len(text) and text[pos] not in CLAUSE_BREAKS:
            pos += 1
        return pos

    for text in ("", "逾期，会", "a,b;c", "无断句", "，，", "x。"):
        for pos in range(-len(text), len(text) + 3):
            assert clause_end(text, pos) == by_hand(text, pos), (text, pos)
