"""Getting out of debt by oneself, and money lost to a scam (session nine).

强行上岸 is the borrower stopping new loans to face the lenders: what he negotiates is his
own, no paid service. 交给中介的钱拿不回 is the loss a scam causes: 不 in the potential
complement denies nothing. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "强行上岸之后，可以挨个跟平台谈分期，把月供降到自己还得起的水平。",
        "决定强制上岸以后，我给每个平台都打了电话申请延期。",
        "主动上岸的人，最好自己跟银行谈分期。",
    ],
)
def test_getting_out_by_oneself_is_the_borrowers_negotiation(text: str) -> None:
    a = analyse(text)
    assert "negotiation" in a.topics
    assert "debt_help_scam" not in a.topics


@pytest.mark.parametrize(
    "text",
    [
        "协商没成的人，往往也拿不回之前交给中介的钱。",
        "找中介上岸，交的钱多半退不回来。",
        "交了服务费的代理机构一跑路，钱就再也要不回了。",
    ],
)
def test_money_lost_to_a_scam_affirms_the_scam(text: str) -> None:
    a = analyse(text)
    assert "debt_help_scam" in a.topics
    assert a.stance == "affirms"


def test_a_warning_against_a_paid_service_still_denies() -> None:
    # the near miss: 强行上岸 named, but the sentence warns against a paid agent
    a = analyse("想强行上岸的话，千万别找收费的代理机构帮你谈。")
    assert "debt_help_scam" in a.topics
    assert a.stance == "denies"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("自称平台外访的人上门，拿不出证件的多半是假冒的。", "fake_collection"),
        ("上门的人要是拿不出工作证和委托书，八成是冒充的。", "fake_collection"),
        ("对方拿不出委托书的，借款人有权拒绝与其交谈。", "complaints_rights"),
    ],
)
def test_someone_unable_to_show_papers_is_the_case(text: str, topic: str) -> None:
    # 拿不出 names what the visitor cannot show: the case, no denial of what is said of him
    a = analyse(text)
    assert topic in a.topics
    assert a.stance != "denies"
