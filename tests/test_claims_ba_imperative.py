"""A subjectless 把-clause ending with the state to bring about tells the reader what to do
(session nine): 协商前把流水和收入证明准备好 is advice. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "协商前把近三个月的银行流水、收入证明准备好。",
        "接到催收电话以后，把通话录音保存好。",
        "申请停息挂账之前，把困难证明和收入材料准备齐全。",
    ],
)
def test_ba_instruction_is_advice(text: str) -> None:
    a = analyse(text)
    assert a.topics
    assert a.modality == "advice"


@pytest.mark.parametrize(
    "text",
    [
        # a step of a definition: 把欠款挂起来 describes what the bank does
        "停息挂账是指银行同意停止计算利息，把欠款挂起来分期偿还。",
        # a 把-phrase as the subject of a longer sentence
        "把钱转到所谓的安全账户，是骗子最常用的套路。",
        # a time clause: what follows is what happens
        "把执行款一次性交清以后，一般三个工作日内就能申请解除限制消费。",
    ],
)
def test_ba_description_stays_descriptive(text: str) -> None:
    a = analyse(text)
    assert a.topics
    assert a.modality == "descriptive"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a noun opening with an imperative verb names a period: no instruction
        ("保存期限从不良行为终止之日起计算。", "descriptive"),
        ("保留年限从结清之日算起，逾期记录满五年才会删除。", "descriptive"),
        # the near miss: the verb itself opens the sentence
        ("保存好催收的通话录音，投诉时用得上。", "advice"),
    ],
)
def test_imperative_verb_or_noun(text: str, modality: str) -> None:
    assert analyse(text).modality == modality
