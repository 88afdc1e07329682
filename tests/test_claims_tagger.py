"""Claim tagging: topics, products, negation, stance, modality, hedge, API contract."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import pipeline.claims as claims
from evals.claims_eval import compute_metrics, predict_direct, threshold_match
from pipeline.claims import TAGGER_VERSION, load_taxonomy, tag_document
from pipeline.claims.taxonomy import DATA_DIR, TOPIC_IDS, data_hash, parse_taxonomy
from pipeline.normalize import normalize_text, sha1_hex
from pipeline.records import Claim


def tag(text: str) -> Claim:
    out = tag_document("t", text, include_non_claims=True)
    assert len(out) == 1, out
    return out[0]


# ---------------------------------------------------------------- topics


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("逾期后还有三天的宽限期", {"overdue_grace"}),
        ("遇到节假日还款时间会顺延", {"overdue_grace"}),
        ("逾期记录会被上报到人行征信", {"credit_report"}),
        ("晚还会产生滞纳金", {"penalty_fees"}),
        ("平台会用智能语音提醒还款", {"debtor_contact"}),
        ("催收员会给借款人本人打电话", {"debtor_contact"}),
        ("催收员会打电话到单位", {"contacts_family"}),
        ("催收员会打电话给你的父母", {"contacts_family"}),
        ("账单会转给催收公司处理", {"third_party_agency"}),
        ("催收人员可能到家里来", {"home_visit"}),
        ("可能收到法院的传票", {"legal_action"}),
        ("恶意透支可能要坐牢", {"criminal_risk"}),
        ("可以跟银行协商还款", {"negotiation"}),
        ("可以拨打12378举报", {"complaints_rights"}),
        ("逾期后芝麻分会下降", {"account_impact"}),
        ("所谓的债务优化都是骗钱的", {"debt_help_scam"}),
        ("有人冒充平台客服催款", {"fake_collection"}),
        ("银行会把这笔账核销", {"bad_debt_transfer"}),
        ("催收公司会上门", {"third_party_agency", "home_visit"}),
        # bare 催收 / 逾期 give no topic
        ("逾期后平台会安排催收", set()),
        ("网上关于逾期的说法很多", set()),
        # longest match: the longer cue decides the topic
        ("找人代办停息挂账靠谱吗", {"debt_help_scam"}),
        ("收到的假律师函要当心", {"fake_collection"}),
        ("出现不良记录影响很大", {"credit_report"}),
        ("分期乐的客服很热情", set()),
        # 有朋友 is a discourse filler, not a contact
        ("有朋友问我这个问题", set()),
    ],
)
def test_topics(text: str, topics: set[str]) -> None:
    assert set(tag(text).topics) == topics


# ---------------------------------------------------------------- products


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("蚂蚁花呗逾期了", ("花呗",)),
        ("支付宝借呗和花呗都逾期了", ("借呗", "花呗")),
        ("招行信用卡逾期", ("信用卡",)),
        ("卡债越滚越多", ("信用卡",)),
        ("白条逾期会怎样", ("京东白条",)),
        ("金条逾期", ("京东金条",)),
        ("奇富借条逾期", ("360借条",)),
        ("有钱花逾期", ("度小满",)),
        ("好期贷逾期", ("招联",)),
        ("马上消费的产品", ("安逸花",)),
        ("网络贷款逾期", ("网贷",)),
        ("花唄逾期", ("花呗",)),
        ("支付宝、蚂蚁、京东、美团、微众银行和银行都会催收", ()),
    ],
)
def test_products(text: str, products: tuple[str, ...]) -> None:
    assert tag(text).products == products


def test_products_are_filled_for_non_claims() -> None:
    c = tag("美团月付可以在外卖时使用")
    assert c.topics == () and c.products == ("美团月付",)
    assert c.stance is None and c.modality is None and c.hedge is None


# ---------------------------------------------------------------- negation and stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("网贷逾期一般不会上门", "denies"),
        ("平台并不会爆通讯录", "denies"),
        ("这类平台没有接入征信", "denies"),
        ("逾期很少会被起诉", "denies"),
        ("这种情况不至于坐牢", "denies"),
        # negator after the cue: no denial
        ("核销并不代表债务就没了", "affirms"),
        ("上门这种事不稀奇", "affirms"),
        # negator in another clause: no denial
        ("这不奇怪，催收公司会上门", "affirms"),
        ("不用担心：银行会协商分期", "affirms"),
        # false negations
        ("逾期后会不断接到催收电话", "affirms"),
        ("不少平台会委外", "affirms"),
        ("不同银行罚息不同", "affirms"),
        ("不过征信会受影响", "affirms"),
        ("未还的欠款会上报征信", "affirms"),
        ("未来可能被起诉", "affirms"),
        ("非法催收可以投诉", "affirms"),
        ("不仅会上征信，还会被起诉", "affirms"),
        ("不良记录会保留", "affirms"),
        ("金额不小的话会被起诉", "conditional"),
        ("平台不得不起诉", "affirms"),
        ("不一定会被起诉", "affirms"),
        ("未必会上门", "affirms"),
        # inverted polarity cues
        ("晚还一分钟都算逾期", "denies"),
        ("还款日当天还上不算逾期", "affirms"),
        ("这期间还款不会被视为逾期", "affirms"),
        ("银行没有宽限期", "denies"),
        # conditions
        ("如果长期失联，会联系紧急联系人", "conditional"),
        ("若逾期，会上征信", "conditional"),
        ("一旦逾期就会产生罚息", "conditional"),
        ("只要还清欠款就能恢复额度冻结前的状态", "conditional"),
        ("除非恶意透支，否则不构成犯罪", "denies"),
        ("借款人失联会被上门", "conditional"),
        ("拖着不还的话会被起诉", "conditional"),
        ("逾期第一天就会产生罚息", "conditional"),
        # temporal 后/时 and retention / installment durations are no condition
        ("逾期后会产生罚息", "affirms"),
        ("还款时可以申请分期", "affirms"),
        ("不良记录保存5年", "affirms"),
        ("停息挂账最长分5年", "affirms"),
        # precedence: question > denies > conditional > affirms
        ("逾期三个月会被起诉吗？", "question"),
        ("网贷逾期会不会被起诉", "question"),
        ("逾期三个月也不会被起诉", "denies"),
        ("如果逾期，不会马上起诉", "denies"),
    ],
)
def test_stance(text: str, stance: str) -> None:
    assert tag(text).stance == stance


def test_negation_binds_across_topics_in_clause() -> None:
    c = tag("正规平台不会打电话给你的家人")
    assert c.topics == ("contacts_family",)
    assert c.stance == "denies"
    assert "neg:不会" in c.cues


# ---------------------------------------------------------------- modality and hedge


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("催收人员不得骚扰第三人", "normative"),
        ("严禁暴力催收", "normative"),
        ("银行应当提前告知再上报征信", "normative"),
        ("法院有权强制执行", "normative"),
        ("借款人必须按时还款否则会产生罚息", "normative"),
        ("建议主动联系银行协商还款", "advice"),
        ("最好保留催收录音", "advice"),
        ("不要轻信代办停息挂账", "advice"),
        ("应该尽快申请分期", "advice"),
        ("遇到暴力催收，可以向银保监投诉", "advice"),
        ("你可以申请延期还款", "advice"),
        ("这时可以申请停息挂账", "advice"),
        ("银行可以把欠款委外", "descriptive"),
        ("平台不得不起诉", "descriptive"),
        ("银行会上报征信", "descriptive"),
        ("可以申请停息挂账吗？", "descriptive"),
        ("个别平台会上门", "descriptive"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    assert tag(text).modality == modality


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("银行一般会先打电话", "frequency"),
        ("通常不会起诉", "frequency"),
        ("正常情况下会上征信", "frequency"),
        ("基本都会委外", "frequency"),
        ("大多平台会减免罚息", "frequency"),
        ("多数银行不会上门", "frequency"),
        ("往往会爆通讯录", "frequency"),
        ("很少会上门", "frequency"),
        ("可能会被起诉", "possibility"),
        ("有可能上征信", "possibility"),
        ("或许会委外", "possibility"),
        ("不一定会被起诉", "possibility"),
        ("未必会上门", "possibility"),
        ("有网友反映会被上门", "none"),
        ("平台不可能上门", "none"),
        ("逾期会上征信", "none"),
    ],
)
def test_hedge(text: str, hedge: str) -> None:
    assert tag(text).hedge == hedge


# ---------------------------------------------------------------- script, cues, fields


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("花唄逾期會打電話給家人嗎？", "花呗逾期会打电话给家人吗？"),
        ("銀行一般不會起訴，但可能會上報徵信。", "银行一般不会起诉，但可能会上报征信。"),
        ("逾期超過三個月，催收公司可能會上門。", "逾期超过三个月，催收公司可能会上门。"),
    ],
)
def test_traditional_tags_like_simplified(traditional: str, simplified: str) -> None:
    t, s = tag(traditional), tag(simplified)
    fields = ("topics", "stance", "modality", "hedge", "products", "min_days", "max_days",
              "anchor", "cues")  # fmt: skip
    assert {f: getattr(t, f) for f in fields} == {f: getattr(s, f) for f in fields}
    assert t.text == traditional  # quotes keep the original script
    assert t.topics


def test_cue_strings() -> None:
    c = tag("如果逾期，蚂蚁花呗一般不会爆通讯录")
    assert "topic:contacts_family:爆通讯录" in c.cues
    assert "neg:不会" in c.cues
    assert "hedge:一般" in c.cues
    assert "cond:如果" in c.cues
    assert "product:花呗:蚂蚁花呗" in c.cues
    assert c.stance == "denies"


def test_claim_fields_and_idx_stability() -> None:
    doc = "一、后果\n花呗额度很方便。逾期后会上征信！\n1. 逾期超过3天会打电话。"
    all_claims = tag_document("doc1", doc, include_non_claims=True)
    only = tag_document("doc1", doc)
    assert [c.idx for c in all_claims] == [0, 1, 2]
    assert [c.idx for c in only] == [1, 2]
    assert [c.claim_id for c in only] == ["doc1:1", "doc1:2"]
    first, second, third = all_claims
    assert first.topics == () and first.products == ("花呗",)
    assert second.topics == ("credit_report",) and second.section == "一、后果"
    assert third.text == "逾期超过3天会打电话。"
    assert (third.min_days, third.max_days, third.anchor) == (3, None, "overdue")
    assert third.sentence_sha1 == sha1_hex(normalize_text(third.text))
    assert all(c.tagger_version == TAGGER_VERSION for c in all_claims)


def test_section_empty_without_heading() -> None:
    assert tag("逾期会上征信。").section == ""


# ---------------------------------------------------------------- data files and version


def test_tagger_version_has_data_hash() -> None:
    assert re.fullmatch(r"tagger-\d+\.\d+\.\d+\+[0-9a-f]{8}", TAGGER_VERSION)
    assert TAGGER_VERSION.endswith(data_hash())


def test_taxonomy_covers_contract() -> None:
    tax = load_taxonomy()
    assert tuple(sorted(t.id for t in tax.topics)) == tuple(sorted(TOPIC_IDS))
    names = {p.canonical for p in tax.products}
    assert {"花呗", "借呗", "京东白条", "信用卡", "360借条", "网贷"} <= names
    assert {"支付宝", "蚂蚁", "京东", "银行"}.isdisjoint(
        {a for p in tax.products for a in p.aliases} | names
    )
    assert claims.tag_document is tag_document


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("topics.toml", 'id = "home_visit"', 'id = "home_visits"',
         r"topics\.toml: topic\[\d+\]\.id"),
        ("topics.toml", '{ text = "算逾期", polarity = "invert" }',
         '{ text = "算逾期", polarity = "upside" }', r"topics\.toml: .*cues\[\d+\]\.polarity"),
        ("topics.toml", '"罚息", ', '"罚息", "征信", ', r"topics\.toml: .*penalty_fees.*cues"),
        ("products.toml", 'aliases = ["白条"]', 'aliases = "白条"', r"products\.toml: .*aliases"),
        ("products.toml", 'aliases = ["金条"]', 'aliases = ["白条"]', r"products\.toml: .*aliases"),
        ("negation.toml", "negators = [", "negatorz = [", r"negation\.toml: negators"),
        ("negation.toml", "[hedge]", "[hedges]", r"negation\.toml: hedge"),
        ("negation.toml", 'record_topics = ["credit_report"]', 'record_topics = ["credit"]',
         r"negation\.toml: record_topics\[0\]: unknown topic 'credit'"),
        ("negation.toml", 'refusal_topics = ["negotiation"]', 'refusal_topics = ["talks"]',
         r"negation\.toml: refusal_topics\[0\]"),
        ("thresholds.toml", "[anchors]", "[anchors]\nweekly = []", r"thresholds\.toml: anchors"),
    ],
)  # fmt: skip
def test_invalid_data_names_file_and_key(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    data = _copy_data(tmp_path)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        parse_taxonomy(data)


def test_data_change_changes_hash(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    before = data_hash(data)
    path = data / "products.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edit\n", encoding="utf-8")
    assert data_hash(data) != before


# ---------------------------------------------------------------- eval metrics


def test_eval_metrics_on_inline_gold() -> None:
    none = {"min_days": None, "max_days": None, "anchor": None}
    gold = [
        {"id": "g1", "text": "网贷逾期一般不会上门。", "topics": ["home_visit"],
         "stance": "denies", "modality": "descriptive", "hedge": "frequency",
         "products": ["网贷"], "threshold": none},
        {"id": "g2", "text": "逾期超过两个月，可能会被起诉。", "topics": ["legal_action"],
         "stance": "conditional", "modality": "descriptive", "hedge": "possibility",
         "products": [], "threshold": {"min_days": 60, "max_days": None, "anchor": "overdue"}},
        # deliberately wrong gold: the tagger finds home_visit, stance affirms
        {"id": "g3", "text": "催收公司会上门。", "topics": ["third_party_agency"],
         "stance": "denies", "modality": "descriptive", "hedge": "none",
         "products": ["花呗"], "threshold": none},
        {"id": "g4", "text": "今天天气不错。", "topics": [], "stance": None,
         "modality": None, "hedge": None, "products": [], "threshold": none},
    ]  # fmt: skip
    m = compute_metrics(gold, predict_direct(gold))
    assert m["n"] == 4 and m["labelled"] == 3
    assert m["per_topic"]["home_visit"]["tp"] == 1
    assert m["per_topic"]["home_visit"]["fp"] == 1
    assert m["per_topic"]["third_party_agency"]["recall"] == 1.0
    assert m["topic_micro"]["tp"] == 3 and m["topic_micro"]["fp"] == 1
    assert m["stance_accuracy"] == pytest.approx(2 / 3)
    assert m["hedge_accuracy"] == 1.0
    assert m["product_micro"]["tp"] == 1 and m["product_micro"]["fn"] == 1
    assert m["threshold_accuracy"] == 1.0
    assert [e["id"] for e in m["errors"]] == ["g3"]


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ({"min_days": 90, "max_days": None, "anchor": "overdue"},
         {"min_days": 91, "max_days": None, "anchor": "overdue"}, True),
        ({"min_days": 90, "max_days": None, "anchor": "overdue"},
         {"min_days": 92, "max_days": None, "anchor": "overdue"}, False),
        ({"min_days": 90, "max_days": None, "anchor": "overdue"},
         {"min_days": 90, "max_days": 90, "anchor": "overdue"}, False),
        ({"min_days": 1825, "max_days": 1825, "anchor": "retention"},
         {"min_days": 1825, "max_days": 1825, "anchor": "overdue"}, False),
        ({"min_days": None, "max_days": None, "anchor": None}, None, True),
    ],
)  # fmt: skip
def test_threshold_match(gold: dict[str, object], pred: dict[str, object] | None, ok: bool) -> None:
    assert threshold_match(gold, pred) is ok
