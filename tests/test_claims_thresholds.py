"""Overdue thresholds -> days (pipeline.claims.thresholds)."""

from __future__ import annotations

import pytest

from pipeline.claims.match import build_matchers
from pipeline.claims.taxonomy import load_taxonomy
from pipeline.claims.thresholds import cn_number, extract_threshold, parse_number
from pipeline.normalize import normalize_text

Expected = tuple[int | None, int | None, str] | None


def threshold(text: str) -> Expected:
    tax = load_taxonomy()
    th = extract_threshold(normalize_text(text), tax.thresholds, build_matchers(tax))
    return None if th is None else (th.min_days, th.max_days, th.anchor)


@pytest.mark.parametrize(
    ("text", "value"),
    [("三", 3), ("十", 10), ("十五", 15), ("二十", 20), ("一百八十", 180), ("两", 2),
     ("45", 45), ("几", None), ("三个", None)],
)  # fmt: skip
def test_cn_number(text: str, value: int | None) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("两三", (2, 3)), ("三五", (3, 5)), ("一两", (1, 2)), ("十几", (11, 19)),
     ("二十几", (21, 29)), ("1-2", (1, 2)), ("1.5", (1.5, 1.5)), ("半", (0.5, 0.5)),
     ("二十三", (23, 23)), ("几", None), ("几十", None), ("五三", None)],
)  # fmt: skip
def test_parse_number(text: str, value: tuple[float, float] | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare durations: min = max
        ("网贷逾期5天会怎样", (5, 5, "overdue")),
        ("逾期第二十天会上门", (20, 20, "overdue")),
        ("逾期第二十天开始上门", (20, 20, "overdue")),  # 开始 is no min-only word
        ("罚息从逾期第一天开始计算", (1, 1, "overdue")),
        ("拖欠两个月左右就会被催", (60, 60, "overdue")),
        ("晚还一周，平台就会打电话", (7, 7, "overdue")),
        # Chinese ranges (never "23个月")
        ("逾期两三个月会被起诉吗", (60, 90, "overdue")),
        ("逾期三五天问题不大", (3, 5, "overdue")),
        ("逾期十几天就联系家人", (11, 19, "overdue")),
        ("拖了一两个月", (30, 60, "overdue")),
        ("逾期2-4天只发短信", (2, 4, "overdue")),
        ("逾期10天到20天之间", (10, 20, "overdue")),
        # half years and years
        ("逾期半年会被起诉", (182, 182, "overdue")),
        ("逾期一年半以上", (547, None, "overdue")),
        ("逾期1.5年", (547, 547, "overdue")),
        ("拖欠一年", (365, 365, "overdue")),
        ("逾期半个月", (15, 15, "overdue")),
        # min-only and max-only words
        ("逾期超过两个月", (60, None, "overdue")),
        ("逾期45天以上", (45, None, "overdue")),
        ("逾期满30天", (30, None, "overdue")),
        ("逾期7天后开始外访", (7, None, "overdue")),
        ("逾期第5天起每天催收", (5, None, "overdue")),
        ("逾期五天内还上", (None, 5, "overdue")),
        ("逾期10天以内", (None, 10, "overdue")),
        ("逾期不到一个月", (None, 30, "overdue")),
        ("逾期不超过3天", (None, 3, "overdue")),
        # M buckets
        ("逾期m1阶段只发短信", (1, 30, "overdue")),
        ("进入M5后会被起诉", (121, 150, "overdue")),
        ("M2以上的账户会委外", (61, None, "overdue")),
        # Traditional script and full-width digits
        ("逾期超過兩個月", (60, None, "overdue")),
        ("逾期１５天", (15, 15, "overdue")),
        # other anchors
        ("不良记录会保留5年", (1825, 1825, "retention")),
        ("结清满五年后删除", (1825, None, "retention")),
        ("个性化分期最长可分5年", (1825, 1825, "installment")),
        ("协商后的还款期限不超过3年", (None, 1095, "installment")),
    ],
)
def test_thresholds(text: str, expected: Expected) -> None:
    assert threshold(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "催收每天打5次电话",  # frequency
        "一天打了十几个电话",  # count, no anchor
        "可以分24期还款",  # instalment count
        "免息期最长50天",  # duration about something else
        "逾期几天没关系",  # vague
        "长期逾期的后果",  # vague
        "每3天催一次逾期款",  # frequency
        "2024年3月5日逾期了",  # dates
        "逾期后额度会冻结30天",  # excluded clause word
        "花呗额度有1.5万",  # money
        "催收时间是8:00到22:00",  # clock times
    ],
)
def test_not_thresholds(text: str) -> None:
    assert threshold(text) is None


def test_first_anchored_duration_wins() -> None:
    assert threshold("逾期超过90天的记录会保存5年") == (90, None, "overdue")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 头 names the first span of the overdue: its maximum
        ("逾期头一周只会发短信", (None, 7, "overdue")),
        ("逾期头两个月一般不会起诉", (None, 60, "overdue")),
        ("逾期的头三天还有人工提醒", (None, 3, "overdue")),
        # a later date agreed is a deferral: installment anchor
        ("客服同意我延后一周还", (7, 7, "installment")),
        ("平台答应推迟两个月再还", (60, 60, "installment")),
        ("银行同意延后半个月还款", (15, 15, "installment")),
    ],
)
def test_first_spans_and_deferrals(text: str, expected: Expected) -> None:
    assert threshold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("逾期七八十天的时候会转给外包", (70, 80, "overdue")),
        ("逾期二三十天就会打给家里", (20, 30, "overdue")),
        ("逾期四五十天后会收到律师函", (40, None, "overdue")),
    ],
)
def test_two_tens_in_a_row_are_a_range(text: str, expected: Expected) -> None:
    assert threshold(text) == expected


@pytest.mark.parametrize(("text", "value"), [("七八十", (70, 80)), ("二三十", (20, 30)),
                                             ("三五十", None)])
def test_parse_number_tens_ranges(text: str, value: tuple[float, float] | None) -> None:
    assert parse_number(text) == value
