"""senses.toml: every context filter and boilerplate rule runs on the example written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.claims import analyse
from pipeline.claims.senses import Boilerplate, Sense, load_senses, parse_senses

SENSES = load_senses()


@pytest.mark.parametrize("rule", SENSES.senses, ids=lambda r: r.name)
def test_each_sense_rule_gives_its_expected_topics(rule: Sense) -> None:
    a = analyse(rule.example)
    assert set(a.topics) == set(rule.expect)
    assert rule.name in " ".join(a.dropped.values())


@pytest.mark.parametrize("rule", SENSES.boilerplate, ids=lambda r: r.name)
def test_each_boilerplate_rule_matches_its_example(rule: Boilerplate) -> None:
    a = analyse(rule.example)
    assert a.boilerplate == rule.name and a.topics == ()


def test_variant_characters_map_one_to_one() -> None:
    assert all(len(k) == 1 and len(v) == 1 for k, v in SENSES.variants.items())
    assert analyse("壹般不會上門").hedge == "frequency"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ('[[sense]]\nname = "x"\ntopic = "nope"\ncontext = ["a"]\nscope = "clause"\n'
         'action = "drop"\nexample = "e"\nexpect = []\n', "unknown topic"),
        ('[[sense]]\nname = "x"\ntopic = "home_visit"\ncontext = ["a"]\nscope = "page"\n'
         'action = "drop"\nexample = "e"\nexpect = []\n', "scope"),
        ('[[boilerplate]]\nname = "x"\npattern = "("\nexample = "e"\n', "invalid regular"),
        ('[[boilerplate]]\nname = "x"\npattern = "a"\nexample = "e"\noutside_quotes = "yes"\n',
         r"boilerplate\[0\]\.outside_quotes: expected true or false"),
        ('[clauses]\nad_topic = "adverts"\n', r"clauses\.ad_topic: unknown topic"),
        ('[variants]\n"壹" = "一二"\n', "one character"),
    ],
)
def test_a_bad_senses_file_fails_naming_the_key(tmp_path: Path, edit: str, message: str) -> None:
    path = tmp_path / "senses.toml"
    path.write_text(edit, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        parse_senses(path)
