"""Issue 15: answers that survive a careful reader. One definition of a source and its net
stance; contradictions only between comparable claims of different sources; a page that
says both sides is a self-contradiction, not a pair. Real warehouse files, loaded from spools
written as the crawl writes them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline.records import Claim
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

# Unrelated texts and fingerprints, so no two documents are near-duplicates.
TEXTS = [(f"第{i}篇：" + body * 4, simhash) for i, (body, simhash) in enumerate([
    ("花呗逾期以后平台会先发短信，然后打电话提醒，长期不还才会委托外包公司。", 0x0F0F0F0F0F0F0F0F),
    ("借呗的额度冻结以后要等还清欠款，再过一段时间才可能恢复使用。", 0xF0F0F0F0F0F0F0F0),
    ("信用卡逾期的罚息按日计算，违约金按最低还款额未还部分收取。", 0x00FF00FF00FF00FF),
    ("网贷协商还款要准备收入证明和困难说明，主动联系官方客服。", 0xFF00FF00FF00FF00),
])]


def _doc(i: int, site: str = "farm-a") -> object:
    text, simhash = TEXTS[i]
    return make_document(f"d{i}", "run1", text, simhash=simhash, site=site)


def _claim(doc: str, idx: int, text: str, stance: str, **kw: object) -> Claim:
    return replace(make_claim(doc, idx, text, stance), **kw)  # type: ignore[arg-type]


def _load(tmp_path: Path, docs: list[object], claims: list[Claim]) -> duckdb.DuckDBPyConnection:
    write_spool(tmp_path, "run1", docs, claims)  # type: ignore[arg-type]
    load_pending(tmp_path)
    return duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)


@pytest.mark.slow
def test_a_source_counts_once_per_topic_with_its_net_stance(tmp_path: Path) -> None:
    con = _load(tmp_path, [_doc(0), _doc(1), _doc(2)], [
        _claim("d0", 0, "花呗逾期会联系家人。", "affirms"),
        _claim("d0", 1, "花呗逾期不会联系家人。", "denies"),         # d0: both -> mixed
        _claim("d1", 0, "花呗逾期一般会联系家人。", "affirms", hedge="frequency"),
        _claim("d1", 1, "如果失联，花呗会联系家人。", "conditional"),  # d1: affirms
        _claim("d2", 0, "花呗逾期很少联系家人。", "denies"),
        _claim("d2", 1, "若长期失联，才会联系家人。", "conditional"),  # d2: conditional
    ])
    shares = dict(con.execute("SELECT stance, sources FROM v_topic_stance "
                              "WHERE topic = 'contacts_family' AND modality = 'descriptive'"
                              ).fetchall())
    assert shares == {"mixed": 1, "affirms": 1, "conditional": 1}
    sources = con.execute("SELECT count(DISTINCT cluster_id) FROM v_independent_claim_topics "
                          "WHERE topic = 'contacts_family'").fetchone()
    assert sources is not None and sum(shares.values()) == sources[0] == 3


@pytest.mark.slow
def test_only_comparable_claims_of_different_sources_contradict(tmp_path: Path) -> None:
    con = _load(tmp_path, [_doc(0), _doc(1), _doc(2), _doc(3)], [
        _claim("d0", 0, "花呗逾期会联系家人。", "affirms"),
        _claim("d1", 0, "花呗逾期不会联系家人。", "denies"),
        # "may" against "usually not": both can be true
        _claim("d2", 0, "花呗逾期有可能联系家人。", "affirms", hedge="possibility"),
        _claim("d3", 0, "花呗逾期一般不会联系家人。", "denies", hedge="frequency"),
        # a duration against none: a threshold disagreement, not a contradiction
        _claim("d3", 1, "花呗逾期一天不会联系家人。", "denies", min_days=1, max_days=1),
    ])
    pairs = set(con.execute("SELECT affirm_text, deny_text FROM v_contradictions").fetchall())
    assert ("花呗逾期会联系家人。", "花呗逾期不会联系家人。") in pairs
    assert ("花呗逾期会联系家人。", "花呗逾期一般不会联系家人。") in pairs
    assert ("花呗逾期有可能联系家人。", "花呗逾期不会联系家人。") in pairs
    assert ("花呗逾期有可能联系家人。", "花呗逾期一般不会联系家人。") not in pairs
    assert not any(deny == "花呗逾期一天不会联系家人。" for _, deny in pairs)


@pytest.mark.slow
def test_a_page_that_says_both_is_a_self_contradiction_not_a_pair(tmp_path: Path) -> None:
    con = _load(tmp_path, [_doc(0), _doc(1)], [
        _claim("d0", 0, "正规平台一般不会联系你的家人。", "denies", hedge="frequency"),
        _claim("d0", 1, "但催收公司可能会联系家人。", "affirms", hedge="possibility"),
        # another event of the same topic (a different cue word) is no self-contradiction
        _claim("d1", 0, "平台不会联系你的家人。", "denies"),
        _claim("d1", 1, "逾期后会打电话到单位。", "affirms",
               cues=("topic:contacts_family:单位",)),
    ])
    found = con.execute("SELECT doc_id, topic, affirm_text, deny_text FROM v_self_contradictions"
                        ).fetchall()
    assert found == [("d0", "contacts_family", "但催收公司可能会联系家人。",
                      "正规平台一般不会联系你的家人。")]
    pairs = set(con.execute("SELECT affirm_text, deny_text FROM v_contradictions").fetchall())
    assert ("但催收公司可能会联系家人。", "正规平台一般不会联系你的家人。") not in pairs
    assert ("但催收公司可能会联系家人。", "平台不会联系你的家人。") in pairs  # two sources


@pytest.mark.slow
def test_a_claim_that_agrees_with_a_rule_or_reports_a_violation_is_no_conflict(
        tmp_path: Path) -> None:
    con = _load(tmp_path, [_doc(0), _doc(1), _doc(2), _doc(3)], [
        # presents contacting relatives as what lenders do: a conflict
        _claim("d0", 0, "逾期三个月后，平台会给你的家人打电话。", "affirms", products=()),
        # agrees with the no-disclosure rule although it affirms contact
        _claim("d1", 0, "联系紧急联系人时，催收员不会透露你欠了多少钱。", "affirms", products=()),
        # Traditional script: the cue list carries both forms
        _claim("d2", 0, "聯繫緊急聯繫人時，催收員不會透露欠款金額。", "affirms", products=()),
        # reports the practice as wrong: a reported violation
        _claim("d3", 0, "同事也接到了催收电话，这种骚扰让人抬不起头。", "affirms", products=()),
    ])
    conflicts = {t for (t,) in con.execute("SELECT text FROM v_rule_conflicts").fetchall()}
    assert conflicts == {"逾期三个月后，平台会给你的家人打电话。"}
    reported = {t for (t,) in con.execute("SELECT text FROM v_reported_violations").fetchall()}
    assert reported == {"同事也接到了催收电话，这种骚扰让人抬不起头。"}
