"""Rule words that state no rule (session nine): 应 inside 应诉 (answering a lawsuit), and a
rule word opening a 的-phrase that names who (必须到庭的被告…). Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "收到传票以后，很多被告并不会到庭应诉。",
        "必须到庭的被告两次传唤都不来，法院还可以拘传。",
        "应当到庭的当事人缺席，法院照样可以判决。",
    ],
)
def test_rule_word_naming_who_or_in_another_word_is_no_rule(text: str) -> None:
    a = analyse(text)
    assert "legal_action" in a.topics
    assert a.modality == "descriptive"


@pytest.mark.parametrize(
    "text",
    [
        # the rule word after its subject: the 的-phrase is the object
        "催收人员不得骚扰与债务无关的人。",
        # the rule word opens the sentence and states the rule itself
        "必须在收到传票后十五日内提交答辩状。",
    ],
)
def test_rule_word_stating_a_rule_stays_normative(text: str) -> None:
    assert analyse(text).modality == "normative"
