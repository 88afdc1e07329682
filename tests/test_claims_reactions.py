"""A person's reaction to an event met is no claim that the event happens (session nine).

The blind errors of probes 180-276 had non-claims given a topic as a fifth of their lines;
many were a scene and a feeling: 一听说要被起诉，整个人都懵了 tells how someone felt on
hearing of a lawsuit, not that lawsuits come. Sentences written for this file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "很多人一听说要被起诉，整个人都懵了。",
        "一想到征信花了，他好几天都吃不下饭。",
        "第一次接到催收电话的时候，我手心全是汗。",
        "说实话，谁收到这种催收短信心里都会发慌。",
        "一打开手机看到满屏的催收短信，她脑子一片空白。",
    ],
)
def test_reaction_to_an_event_met_is_no_claim(text: str) -> None:
    a = analyse(text)
    assert a.topics == ()
    assert a.stance is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a clause after the reaction asserts the event again
        ("家里老人接到催收电话后吓得睡不着，这正是催收想要的效果。", "contacts_family"),
        # a prohibitive before the reaction word: advice about the call, still a claim
        ("接到催收电话的时候千万别慌了神。", "debtor_contact"),
        # a relative who reacts was reached: the family's call is the news
        ("看到通讯录里的朋友都被打了电话，她觉得特别丢人。", "contacts_family"),
        # no trigger: the event is stated, the feeling is its result
        ("逾期以后催收每天打电话，很多人因此失眠。", "debtor_contact"),
    ],
)
def test_reaction_near_misses_keep_the_event(text: str, topic: str) -> None:
    assert topic in analyse(text).topics


def test_reaction_keeps_names_known_topics(tmp_path: Path) -> None:
    # configuration is data, validated on load: a misspelt topic names file and key
    from pipeline.claims.senses import load_senses
    from pipeline.claims.taxonomy import DATA_DIR

    for f in Path(DATA_DIR).glob("*.toml"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "senses.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'reaction_keeps = ["contacts_family"]', 'reaction_keeps = ["contact_family"]'),
        encoding="utf-8")  # fmt: skip
    with pytest.raises(ValueError, match="senses.toml: clauses.reaction_keeps"):
        load_senses(str(tmp_path))


def test_explanation_names_the_reaction() -> None:
    # the cue set aside is explained, not reported as "no topic cue"
    why = " ".join(analyse("很多人一听说要被起诉，整个人都懵了。").why())
    assert "not legal_action" in why and "reacts to" in why
