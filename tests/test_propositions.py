"""Issue 15, item 2: two claims contradict only when they state the same proposition: the
same event (finer than the topic), the same stated condition or none, a timing a denial
names only against an affirmation naming it, overlapping product scope; definitions and
warnings are never compared, and an anecdote clashes only as a possibility would. Real
warehouse files, loaded from spools written as the crawl writes them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline.records import Claim
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import WarehouseError, warehouse_path
from warehouse.seeds import (
    claim_events,
    claim_markers,
    parse_markers,
    parse_topic_events,
    proposition_markers,
    topic_events,
)
from yuqi.app.load import load_pending

# Unrelated texts and far-apart fingerprints: every document is its own source.
BODIES = ["花呗逾期以后平台会先发短信提醒", "借呗额度冻结以后要等还清欠款",
          "信用卡罚息按日计算违约金另算", "网贷协商还款要准备收入证明",
          "美团月付逾期后会影响征信记录", "京东白条逾期会有客服来电",
          "微粒贷逾期以后利息会继续计算", "分期乐逾期以后可以申请延期"]


def _doc(i: int) -> object:
    simhash = int.from_bytes(bytes([(i * 37 + k * 91) % 256 for k in range(8)]), "big")
    return make_document(f"d{i}", "run1", f"第{i}篇：" + BODIES[i] * 6, simhash=simhash,
                         site=f"farm-{i}")


def _claim(doc: str, text: str, stance: str, topic: str = "credit_report",
           **kw: object) -> Claim:
    base = replace(make_claim(doc, 0, text, stance, topics=(topic,)), products=())
    return replace(base, **kw)  # type: ignore[arg-type]


def _pairs(tmp_path: Path, claims: list[Claim]) -> set[tuple[str, str]]:
    docs = sorted({c.doc_id for c in claims})
    write_spool(tmp_path, "run1", [_doc(int(d[1:])) for d in docs], claims)  # type: ignore[misc]
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    try:
        return set(con.execute("SELECT affirm_text, deny_text FROM v_contradictions").fetchall())
    finally:
        con.close()


@pytest.mark.slow
def test_claims_on_different_events_of_a_topic_do_not_contradict(tmp_path: Path) -> None:
    pairs = _pairs(tmp_path, [
        _claim("d0", "逾期后催收会打通讯录里的电话。", "affirms", "contacts_family"),
        _claim("d1", "逾期后平台不会联系你的单位。", "denies", "contacts_family"),
        _claim("d2", "逾期后一般不会爆通讯录。", "denies", "contacts_family"),
        _claim("d3", "逾期记录会保留5年。", "affirms"),
        _claim("d4", "逾期不会上征信。", "denies"),
    ])
    assert ("逾期后催收会打通讯录里的电话。", "逾期后一般不会爆通讯录。") in pairs  # address book
    assert ("逾期后催收会打通讯录里的电话。", "逾期后平台不会联系你的单位。") not in pairs
    assert ("逾期记录会保留5年。", "逾期不会上征信。") not in pairs  # retention vs reporting


@pytest.mark.slow
def test_definitions_conditions_anecdotes_and_timing_are_compared_as_they_mean(
        tmp_path: Path) -> None:
    pairs = _pairs(tmp_path, [
        _claim("d0", "逾期会被法院强制执行。", "affirms", "legal_action"),
        # what a lawyer's letter can do: a definition, not a denial of enforcement
        _claim("d1", "律师函本身并没有强制执行的效力。", "denies", "legal_action"),
        _claim("d2", "逾期会上征信。", "affirms"),
        # a stated condition: another proposition than the plain affirmation
        _claim("d3", "只要及时还上，一般不会上征信。", "denies", hedge="frequency"),
        # one person's story shows it can happen: no clash with "usually not"
        _claim("d4", "有网友说，自己逾期后家人接到了催收电话。", "affirms", "contacts_family"),
        _claim("d5", "正常情况下平台不会联系家人。", "denies", "contacts_family",
               hedge="frequency"),
        _claim("d6", "京东白条逾期会被起诉。", "affirms", "legal_action"),
        # a denied timing is not a denied event
        _claim("d7", "京东白条逾期并不会马上被起诉。", "denies", "legal_action"),
    ])
    assert not any(deny == "律师函本身并没有强制执行的效力。" for _, deny in pairs)
    assert ("逾期会上征信。", "只要及时还上，一般不会上征信。") not in pairs
    assert ("有网友说，自己逾期后家人接到了催收电话。", "正常情况下平台不会联系家人。") not in pairs
    assert ("京东白条逾期会被起诉。", "京东白条逾期并不会马上被起诉。") not in pairs
    assert ("逾期会被法院强制执行。", "京东白条逾期并不会马上被起诉。") not in pairs


@pytest.mark.slow
def test_a_threshold_affirmation_meets_a_threshold_denial_and_a_general_claim_a_product(
        tmp_path: Path) -> None:
    pairs = _pairs(tmp_path, [
        # conditional only on an overdue duration: affirms for that duration
        _claim("d0", "花呗逾期一天就会上征信。", "conditional", min_days=1, max_days=1,
               anchor="overdue", products=("花呗",)),
        _claim("d1", "逾期一天不会上征信。", "denies", min_days=1, max_days=1, anchor="overdue"),
        # a duration that does not overlap
        _claim("d2", "逾期三个月以上会上征信。", "conditional", min_days=90, anchor="overdue"),
        # a product claim against another product's
        _claim("d3", "借呗逾期一天不会上征信。", "denies", min_days=1, max_days=1,
               anchor="overdue", products=("借呗",)),
        # some lenders only: says nothing about a named product, meets a general claim
        _claim("d6", "部分银行在持卡人逾期一天后就会报送征信记录。", "conditional",
               min_days=1, max_days=1, anchor="overdue"),
        # a warning topic is quoted, never compared
        _claim("d4", "骗子会冒充催收人员。", "affirms", "fake_collection"),
        _claim("d5", "正规催收不会冒充公检法。", "denies", "fake_collection"),
    ])
    assert ("花呗逾期一天就会上征信。", "逾期一天不会上征信。") in pairs
    assert ("逾期三个月以上会上征信。", "逾期一天不会上征信。") not in pairs
    assert ("花呗逾期一天就会上征信。", "借呗逾期一天不会上征信。") not in pairs
    assert ("部分银行在持卡人逾期一天后就会报送征信记录。", "逾期一天不会上征信。") in pairs
    assert ("部分银行在持卡人逾期一天后就会报送征信记录。", "借呗逾期一天不会上征信。") not in pairs
    assert not any("冒充" in a for a, _ in pairs)


def test_events_and_markers_read_the_shipped_data_in_both_scripts() -> None:
    events = topic_events()
    assert claim_events("contacts_family", "会联系家人和紧急联系人", events) == (
        "emergency_contact", "family")
    assert claim_events("contacts_family", "會聯繫家人", events) == ("family",)
    # the letter overrides the enforcement it names
    assert claim_events("legal_action", "律师函没有强制执行的效力", events) == ("lawyer_letter",)
    assert claim_events("contacts_family", "逾期会被起诉", events) == ()
    markers = proposition_markers()
    assert claim_markers("condition", "只要及時還上，一般不會上徵信", markers) == ("只要",)
    assert claim_markers("timing", "不会马上起诉", markers) == ("马上",)


@pytest.mark.parametrize(("toml", "fragment"), [
    ("[[event]]\ntopic = 'nope'\nid = 'a'\nname_zh = 'x'\ntriggers = ['y']\n",
     "event[0].topic: unknown topic 'nope'"),
    ("[[event]]\ntopic = 'credit_report'\nid = 'a'\nname_zh = 'x'\ntriggers = []\n",
     "event[0].triggers: must name at least one word"),
    ("[[event]]\ntopic = 'credit_report'\nid = 'a'\nname_zh = 'x'\ntriggers = ['y']\n"
     "colour = 'red'\n", "event[0].colour: unknown key"),
    ("[[event]]\ntopic = 'credit_report'\nid = 'a'\nname_zh = 'x'\ntriggers = ['y']\n"
     "over = ['b']\n", "event[0].over: 'b' is no other event of topic 'credit_report'"),
    ("[[event]]\ntopic = 'credit_report'\nid = 'a'\nname_zh = 'x'\ntriggers = ['y']\n"
     "[[event]]\ntopic = 'credit_report'\nid = 'a'\nname_zh = 'x'\ntriggers = ['z']\n",
     "event 'a' of topic 'credit_report' is defined twice"),
    ("[[event]\n", "invalid TOML"),
])
def test_a_bad_events_file_names_the_file_and_key(toml: str, fragment: str) -> None:
    with pytest.raises(WarehouseError, match=fragment.replace("[", r"\[").replace("]", r"\]")
                       ) as err:
        parse_topic_events(toml, "topic_events.toml")
    assert str(err.value).startswith("topic_events.toml")


def test_bad_markers_name_the_file_and_key() -> None:
    with pytest.raises(WarehouseError, match=r"topic_events.toml: markers: expected the keys"):
        parse_markers("[markers]\ndefinition = ['是指']\n", "topic_events.toml")
    with pytest.raises(WarehouseError, match=r"markers.timing: must be a list"):
        parse_markers("[markers]\ndefinition = []\ncondition = []\nanecdote = []\n"
                      "timing = 'soon'\npartial = []\n", "topic_events.toml")


@pytest.mark.slow
def test_both_claims_of_a_concession_are_families_and_a_self_contradiction(
        tmp_path: Path) -> None:
    """虽然一般不会X，但可能会X: two claims of one sentence (one sentence_sha1), two families;
    neither hides the other, and the page contradicts itself in one sentence."""
    text = "虽然网贷一般不会上门催收，但欠款多的也可能上门。"
    deny = _claim("d0", text, "denies", "home_visit", hedge="frequency",
                  self_contradicting=True)
    affirm = replace(deny, stance="affirms", hedge="possibility", part=1)
    _pairs(tmp_path, [deny, affirm, _claim("d1", "逾期后平台会上门催收。", "affirms",
                                           "home_visit")])
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    try:
        kept = con.execute("SELECT stance FROM v_independent_claims WHERE doc_id = 'd0'"
                           " ORDER BY stance").fetchall()
        selfs = con.execute("SELECT doc_id, one_sentence FROM v_self_contradictions").fetchall()
    finally:
        con.close()
    assert kept == [("affirms",), ("denies",)]
    assert selfs == [("d0", True)]
