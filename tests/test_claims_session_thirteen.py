"""Session thirteen (coordinator): classes found by blind probes 390 on.

Each class has sentences of its own and a near miss that keeps the old reading.
Collection-call accounts (probe 390): a collector's remark named and given after a colon
(回她一句：…, 撂下话：…) is the collector's words, the call is the claim; a collector's
words run on into a clause that opens with the threat's next step (下次就…, 否则…); a rule in
plain words (不许) is normative, and its sanction on whoever breaks it (违者按投诉处理) is no
complaint; a frequency word on a source's saying (组长常说，X) is no hedge of X.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse

# -- a collector's remark after a colon -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员回了他一句：不还钱就让你全家都知道。",
        "对方在电话里撂下话：明天之前不处理就起诉你。",
        "那个催收员甩下一句：有本事你就去报警。",
    ],
)
def test_a_collectors_remark_after_a_colon_is_the_call(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)
    assert a.stance == "affirms"


def test_an_author_colon_keeps_its_claims() -> None:
    # near miss: the author's own list after a colon is no collector's remark
    a = analyse("逾期以后催收会做三件事：打电话、发短信、联系家人。")
    assert "contacts_family" in a.topics


# -- a collector's words run on into the threat's next step -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员说这是本周第三次打给你了，下次就直接上门。",
        "对方说今天必须还一半，否则马上起诉。",
        "催收说已经给了你很多次机会，到时候别怪他们联系你单位。",
    ],
)
def test_a_collectors_next_step_is_more_of_his_words(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ("debtor_contact",)


def test_the_authors_clause_after_a_collectors_words_is_read() -> None:
    # near miss: the author answers in the next clause; his denial is his claim
    a = analyse("催收员说要起诉我，其实根本没有立案。")
    assert "legal_action" in a.topics


# -- a rule in plain words, and its sanction ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "公司规定晚上十点以后不许给借款人打电话，违者按投诉处理。",
        "平台不许催收员联系借款人的同事，违反者按客诉记录。",
        "行业公约不许催收人员冒充公检法，违者一律按举报处理。",
    ],
)
def test_a_plain_rule_is_normative_and_its_sanction_no_complaint(sentence: str) -> None:
    a = analyse(sentence)
    assert a.modality == "normative"
    assert "complaints_rights" not in a.topics
    assert a.stance == "denies"


def test_a_borrowers_complaint_stays() -> None:
    # near miss: the borrower who complains, no rule's sanction
    a = analyse("催收半夜打电话骚扰，借款人可以向银保监投诉。")
    assert "complaints_rights" in a.topics


# -- a frequency word on a source's saying ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我师傅常说，打给家人只是吓唬一下。",
        "带我的老催收经常说，打给紧急联系人就是为了施压。",
        "律师朋友总说，几千块的欠款银行不会去起诉。",
    ],
)
def test_a_sources_habit_of_saying_is_no_hedge(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.hedge == "none"


def test_a_quoted_saying_keeps_its_frequency() -> None:
    # near miss: the saying set apart is the act, its 常 its hedge
    a = analyse("冒充催收的骗子常说“今天不还就抓你”，然后让你转账。")
    assert a.hedge == "frequency"
