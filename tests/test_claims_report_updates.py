"""Probes 284-285 (session nine): a credit report's update named without 征信, a repair
bought, and words that look like a visit or a relative but are not. Sentences written for
this file."""

from __future__ import annotations

import pytest

from pipeline.claims import analyse


@pytest.mark.parametrize(
    "text",
    [
        "我上个月把欠款全部还清，这个月查报告才显示结清。",
        "如果机构半年才报一次，结清状态就要等很久才会变。",
        "还款记录上传以后，第二天就能查到。",
    ],
)
def test_report_update_is_credit_report(text: str) -> None:
    assert "credit_report" in analyse(text).topics


def test_a_report_of_another_kind_is_no_credit_report() -> None:
    assert analyse("体检报告上显示一切正常。").topics == ()


def test_a_repair_bought_is_a_debt_help_scam() -> None:
    a = analyse("想让逾期记录早点消失，花钱找人修复是没用的。")
    assert a.topics == ("debt_help_scam",)


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("逾期一周没还，催收电话就找上门来了。", "debtor_contact", "home_visit"),
        ("平台总部收到大量投诉后，派人去催收分公司调查。", "complaints_rights", "home_visit"),
        ("单亲妈妈在电话那头哭着说自己每月只挣两千。", "debtor_contact", "contacts_family"),
    ],
)
def test_figures_of_speech_and_descriptors(text: str, kept: str, gone: str) -> None:
    a = analyse(text)
    assert kept in a.topics
    assert gone not in a.topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the near misses: a real visit, a real relative called
        ("逾期三个月，催收公司真的派人找上门了。", "home_visit"),
        ("催收打电话给我妈妈，说我欠钱不还。", "contacts_family"),
    ],
)
def test_real_visits_and_relatives_stay(text: str, topic: str) -> None:
    assert topic in analyse(text).topics


def test_more_time_begged_and_refused_denies_negotiation() -> None:
    a = analyse("对方再宽限两天的请求，催收员一口回绝了。")
    assert a.topics == ("negotiation",)
    assert a.stance == "denies"
