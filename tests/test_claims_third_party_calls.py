"""Probes 286-287 (session nine): a call about someone else's debt reaches a contact, a bank's
report to the police is the borrower's criminal risk, a blocked number comes back as another.
Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "那阵子天天有人打电话问我是不是某某的朋友。",
        "他爸一连几天接到电话，都是催儿子还网贷的。",
        "接到这种电话，不要替借款人承认任何欠款。",
    ],
)
def test_a_call_about_someone_elses_debt_reaches_a_contact(text: str) -> None:
    a = analyse(text)
    assert "contacts_family" in a.topics
    assert "debtor_contact" not in a.topics


def test_a_call_about_ones_own_debt_stays_with_the_borrower() -> None:
    # the near miss: the one called is the borrower
    assert analyse("催收每天打电话给我，让我赶紧还钱。").topics == ("debtor_contact",)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("持卡人被银行报案以后，警方会先找他了解情况。", "criminal_risk"),
        # the near miss: the reader reporting a violent collector to the police
        ("遇到暴力催收，可以直接打110报案。", "complaints_rights"),
    ],
)
def test_who_reports_to_the_police(text: str, topic: str) -> None:
    assert analyse(text).topics == (topic,)


def test_a_blocked_number_replaced_is_a_call() -> None:
    assert analyse("刚拉黑一个号码，没过多久又换了个号码打过来。").topics == ("debtor_contact",)
