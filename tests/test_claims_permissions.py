"""A borrowing permission or entry paused or shut is an account impact (session nine);
a phone's permission switched off is not. Sentences written for this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "备用金逾期会让借呗的借款权限被暂停。",
        "逾期不还，网商贷、借呗这些借款入口都会被关掉。",
        "还款前平台会先冻结你的支用权限。",
    ],
)
def test_borrowing_permission_shut_is_account_impact(text: str) -> None:
    assert "account_impact" in analyse(text).topics


def test_a_phone_permission_is_no_account() -> None:
    # the near miss: a phone setting's permission switched off
    assert analyse("在手机设置里把这个软件的通讯录权限关掉就行。").topics == ()
