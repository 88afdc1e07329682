"""Claim tagging rule families added for generalisation: weak cues, protasis, gapped
cues, glyph gaps, pinyin leftovers, list lead-ins, frequencies, explanations,
warehouse rows; plus probe sentences written to DOMAIN.md conventions (not taken
from any evaluation set) and the traps named in the Claims issue."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from evals.claims_eval import compute_metrics
from pipeline.claims import (
    TAGGER_VERSION,
    analyse,
    explain,
    explain_document,
    tag_document,
    taxonomy_rows,
)
from pipeline.claims.tagger import tagging_text
from pipeline.claims.taxonomy import DATA_DIR, parse_taxonomy
from pipeline.records import Claim
from tests.cli import invoke_yuqi

Row = tuple[str, set[str], str | None, str | None, str | None, tuple[int | None, int | None,
                                                                     str | None]]  # fmt: skip
NONE: tuple[None, None, None] = (None, None, None)


def tag(text: str) -> Claim:
    out = tag_document("t", text, include_non_claims=True)
    assert len(out) == 1, out
    return out[0]


# ---------------------------------------------------------------- the traps


@pytest.mark.parametrize(
    ("text", "topics", "stance", "hedge"),
    [
        ("逾期会留下不良记录", {"credit_report"}, "affirms", "none"),  # 不良 is no 不
        ("催收电话不断打来", {"debtor_contact"}, "affirms", "none"),  # 不断 is no 不
        ("银行不得不把账单委外", {"third_party_agency"}, "affirms", "none"),  # 不得不
        ("逾期不一定会被起诉", {"legal_action"}, "affirms", "possibility"),  # 不一定
        ("网贷逾期未必会上门", {"home_visit"}, "affirms", "possibility"),
    ],
)
def test_false_negation_traps(text: str, topics: set[str], stance: str, hedge: str) -> None:
    c = tag(text)
    assert (set(c.topics), c.stance, c.hedge) == (topics, stance, hedge)
    assert not any(cue.startswith("neg:") for cue in c.cues)


def test_trap_two_three_months_is_a_range_not_23() -> None:
    c = tag("逾期两三个月会被起诉吗？")
    assert (c.min_days, c.max_days, c.anchor) == (60, 90, "overdue")


def test_trap_three_calls_a_day_is_no_threshold() -> None:
    c = tag("逾期后催收每天打3次电话")
    assert c.topics == ("debtor_contact",)
    assert (c.min_days, c.max_days, c.anchor) == NONE


def test_trap_traditional_huabei() -> None:
    c = tag("花唄逾期會上徵信嗎？")
    assert c.products == ("花呗",) and c.topics == ("credit_report",)
    assert c.stance == "question" and c.text == "花唄逾期會上徵信嗎？"


# ---------------------------------------------------------------- weak cues


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # a bare call / SMS alone is about the borrower ...
        ("这些电话都是打给借款人自己的", {"debtor_contact"}),
        ("逾期后会收到短信", {"debtor_contact"}),
        # ... but not when the sentence names something more specific
        ("第三方催收公司的电话往往比较频繁", {"third_party_agency"}),
        ("收到了诉前调解的短信", {"legal_action"}),
        ("投诉时要保留通话录音和短信截图", {"complaints_rights"}),
        ("保持电话畅通，主动协商还款", {"negotiation"}),
        # 催收机构 is weak too: the agent of another event is no outsourcing claim
        ("催收机构不得向借款人的亲友透露欠款", {"contacts_family"}),
        ("欠款会被转给催收机构", {"third_party_agency"}),
        # 催收公司 (a firm) stays an ordinary cue
        ("催收公司会上门", {"third_party_agency", "home_visit"}),
    ],
)
def test_weak_cues(text: str, topics: set[str]) -> None:
    assert set(tag(text).topics) == topics


def test_weak_cue_dropped_is_explained() -> None:
    why = explain("第三方催收公司的电话很多")
    assert "not debtor_contact: weak cue 电话 (a more specific cue is present)" in why


# ---------------------------------------------------------------- protasis


@pytest.mark.parametrize(
    ("text", "topics", "stance"),
    [
        # the condition clause's cue is circumstance when the main clause has a topic
        ("如果同事接到催收电话，可以向平台投诉", {"complaints_rights"}, "conditional"),
        ("超过宽限期还没还的话，逾期记录就会上报征信", {"credit_report"}, "conditional"),
        # but it is the claim when the main clause has none
        ("如果爆了通讯录，那就麻烦了", {"contacts_family"}, "conditional"),
        ("一旦被起诉，就可能被列为失信被执行人", {"legal_action"}, "conditional"),
        # a plain temporal clause is no protasis
        ("被爆通讯录后，可以向警方报案", {"contacts_family", "complaints_rights"}, "affirms"),
    ],
)
def test_protasis(text: str, topics: set[str], stance: str) -> None:
    c = tag(text)
    assert (set(c.topics), c.stance) == (topics, stance)


# ---------------------------------------------------------------- conditions


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("只有构成恶意透支，才可能坐牢", "conditional"),  # 只有…才
        ("一般只有短信提醒", "affirms"),  # 只有 alone means "only"
        ("数额在5万元以上的，才会被立案追诉", "conditional"),  # ...的，才
        ("其实只要不是恶意透支就不会坐牢", "denies"),  # 只要不是: 不是 negates (not 要不)
        ("判决后仍不还款的，会被列为失信被执行人", "affirms"),  # ...的， alone: no marker
    ],
)
def test_conditions(text: str, stance: str) -> None:
    assert tag(text).stance == stance


def test_only_if_is_a_condition_cue() -> None:
    assert "cond:只有…才" in tag("只有恶意透支，才会坐牢").cues


# ---------------------------------------------------------------- modality and hedge


@pytest.mark.parametrize(
    ("text", "modality", "hedge"),
    [
        ("只要及时还上，一般不会上征信", "descriptive", "frequency"),  # 只要 is no 要及时
        ("一定要及时还款，避免上征信", "advice", "none"),
        ("经常能刷到债务优化的广告", "descriptive", "none"),  # 经常 is no hedge
        ("正常情况下不会上门", "descriptive", "frequency"),
    ],
)
def test_modality_hedge(text: str, modality: str, hedge: str) -> None:
    c = tag(text)
    assert (c.modality, c.hedge) == (modality, hedge)


# ---------------------------------------------------------------- gapped cues and new cues


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("还清欠款后，额度一般会在24小时内恢复", {"account_impact"}),
        ("额度，恢复正常需要时间", set()),  # the two parts are in different clauses
        ("这些广告声称可以帮逾期的人停息挂账", {"debt_help_scam"}),
        ("收到的律师函是真的吗？", {"fake_collection"}),
        ("真正的律师函会有律所的盖章", {"fake_collection"}),
        ("可以到律师协会查询律师的执业信息", {"fake_collection"}),
        ("坏账记录会在征信报告上显示", {"credit_report"}),
        ("保存期限从不良行为终止之日起计算", {"credit_report"}),  # 从不 is no negator here
        ("数额较大的会被立案追诉", {"criminal_risk"}),
        ("调解成功的话，按照调解协议还款", {"legal_action"}),
        ("银行不得不采取法律手段", {"legal_action"}),
        ("许多朋友都遇到过资金周转不开的情况", set()),
        ("逾期的朋友都收到过律师函", {"legal_action"}),
        ("可以申请减免罚息", {"negotiation", "penalty_fees"}),  # a waiver of a fee: both
        ("千万不要转账给陌生人", {"fake_collection"}),
        ("一定要通过官方渠道还款", {"fake_collection"}),  # weak: alone it is the warning
        ("通过官方渠道申请分期", {"negotiation"}),
    ],
)
def test_new_cues(text: str, topics: set[str]) -> None:
    assert set(tag(text).topics) == topics


def test_gapped_cue_negation_inside_the_gap() -> None:
    # (额度不会恢复 is no example: a limit restored or not tells of the freeze either way,
    # its cue carries no polarity since session seventeen)
    c = tag("逾期一天额度不会被清零")
    assert c.topics == ("account_impact",) and c.stance == "denies"


# ---------------------------------------------------------------- glyph gaps and pinyin


@pytest.mark.parametrize(
    ("gapped", "whole"),
    [
        ("花呗逾期会打 吗？", "花呗逾期会打电话吗？"),
        ("逾期之后，确实有可能会打 到单位。", "逾期之后，确实有可能会打电话到单位。"),
        ("他们会打 给你的家人吗？", "他们会打电话给你的家人吗？"),
        ("平台会安排 催收。", "平台会安排电话催收。"),
    ],
)
def test_glyph_gap_tags_like_the_whole_text(gapped: str, whole: str) -> None:
    g, w = tag(gapped), tag(whole)
    assert g.topics and (g.topics, g.stance, g.modality, g.hedge) == (
        w.topics, w.stance, w.modality, w.hedge)


def test_glyph_gap_marking() -> None:
    assert tagging_text("会打 吗") == "会打□吗"
    assert tagging_text("打几十个 ，") == "打几十个□,"
    assert tagging_text("阅读 2156 次") == "阅读 2156 次"  # not between Chinese characters
    assert tagging_text("问也随之而来") == "问也随之而来"


def test_pinyin_leftovers_are_dropped() -> None:
    assert tagging_text("根據相關規(guī)定") == "根据相关规定"
    c = tag("可以和銀行協(xié)商還款。")
    assert c.topics == ("negotiation",) and c.text == "可以和銀行協(xié)商還款。"


# ---------------------------------------------------------------- thresholds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有网友说，逾期一两天额度并不会冻结", (1, 2, "overdue")),  # 逾期 right before wins
        ("逾期后额度会冻结30天", NONE),  # 额度 clause, duration not next to 逾期
        ("催收一天打几次", NONE),
        ("一天打十几个电话，逾期才三天", (3, 3, "overdue")),
        ("最好在还款日前一天还款", NONE),  # before the due date
        ("罚息从逾期第一天开始计算", (1, 1, "overdue")),  # 开始 is not min-only
        ("5年之后，逾期记录会被自动删除", (1825, None, "retention")),
        ("不良信息的保存期限为5年", (1825, 1825, "retention")),
        # a deferral takes the installment anchor (DOMAIN.md "Real pages": a pause or
        # deferral is no overdue threshold)
        ("比如延期一个月再还", (30, 30, "installment")),
        ("持卡人超过3个月仍不归还的，构成恶意透支", (90, None, "overdue")),
        ("逾期十几天就联系家人", (11, 19, "overdue")),
        ("逾期1-2天问题不大", (1, 2, "overdue")),
        ("逾期半年会被起诉", (182, 182, "overdue")),
        ("逾期一年半以上", (547, None, "overdue")),
        ("M3以上的账户会委外", (91, None, "overdue")),
        ("可以分36期还款", NONE),
        ("信用卡的免息期最长56天", NONE),
        # a reporting lag after a payoff is no record time (session nine); the near miss keeps it
        ("网贷还清以后，征信上通常要过一个月左右才会显示结清", NONE),
        ("还清以后，一般一个月左右征信就会更新", NONE),
        ("结清以后，不良记录还要在报告上保留五年", (1825, 1825, "retention")),
    ],
)
def test_thresholds(text: str, expected: tuple[int | None, int | None, str | None]) -> None:
    # the analysis keeps a non-claim's duration too (a list item's lead-in, an answer to
    # a question carry it); only a claim row stores it (test_non_claim_stores_no_threshold)
    th = analyse(text).threshold
    got = (th.min_days, th.max_days, th.anchor) if th is not None else (None, None, None)
    assert got == expected
    c = tag(text)
    if c.topics:
        assert (c.min_days, c.max_days, c.anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "拖到第二个月才开始发愁的人其实不少",  # a remark on people, no claim
        "逾期三天的事，我后来才想明白",  # a story's time, no claim
        "逾期1-2天问题不大",  # 问题不大 names no event
    ],
)
def test_non_claim_stores_no_threshold(text: str) -> None:
    # DOMAIN.md: a duration is the overdue threshold of a claim; a sentence that makes no
    # claim stores none (no gold non-claim carries one), though its analysis reads it
    assert analyse(text).threshold is not None
    c = tag(text)
    assert c.topics == ()
    assert (c.min_days, c.max_days, c.anchor) == (None, None, None)


def test_claim_keeps_its_threshold_beside_a_non_claim() -> None:
    # the near miss: the same duration on a sentence with a topic is stored
    c = tag("逾期三天就会上报征信")
    assert c.topics == ("credit_report",)
    assert (c.min_days, c.max_days, c.anchor) == (3, 3, "overdue")


def test_retention_threshold_is_no_condition() -> None:
    c = tag("5年之后，逾期记录会被自动删除。")
    assert c.stance == "affirms"


# ---------------------------------------------------------------- list items and lead-ins


DOC = (
    "二、哪些情况不会被起诉\n以下几种情况，银行一般不会起诉：\n"
    "1. 逾期金额较小的；\n2. 逾期不到一个月就还上的。\n3. 主动协商还款的。"
)


def test_list_items_take_the_lead_in_topic_when_they_have_none() -> None:
    claims = tag_document("d", DOC)
    by_text = {c.text: c for c in claims}
    item = by_text["逾期金额较小的；"]
    assert item.topics == ("legal_action",) and item.stance == "denies"
    assert item.section == "二、哪些情况不会被起诉"
    assert "topic:legal_action:lead-in:起诉" in item.cues
    second = by_text["逾期不到一个月就还上的。"]
    assert (second.min_days, second.max_days) == (None, 30)
    own = by_text["主动协商还款的。"]  # an item with its own cue keeps it
    assert own.topics == ("negotiation",) and own.stance == "affirms"


def test_lead_in_does_not_cross_a_heading() -> None:
    doc = "以下情况会被起诉：\n一、其他情况\n1. 金额较小的。"
    assert tag_document("d", doc) == []


def test_explain_document_names_the_lead_in() -> None:
    pairs = explain_document("d", DOC)
    why = dict((c.text, w) for c, w in pairs)["逾期金额较小的；"]
    assert why[0].startswith("list item without its own topic cue")
    assert "stance denies: negator 不会 before cue (lead-in) 起诉 in the same clause" in why


# ---------------------------------------------------------------- explanations


def test_explain_lines() -> None:
    why = explain("如果逾期，蚂蚁花呗一般不会爆通讯录")
    clauses = [line for line in why if line.startswith("clause ")]
    assert clauses == [
        "clause 1 [condition] 如果逾期,",
        "clause 2 [main] 蚂蚁花呗一般不会爆通讯录: contacts_family denied by 不会 (爆通讯录)",
    ]
    assert why[len(clauses):] == [
        "topic contacts_family: cue 爆通讯录",
        "stance denies: negator 不会 before cue 爆通讯录 in the same clause",
        "modality descriptive: no rule or advice word",
        "hedge frequency: cue 一般",
        "product 花呗: named as 蚂蚁花呗",
    ]
    assert explain("今天天气不错") == ["no topic cue: not a claim"]
    assert "threshold overdue >= 90 days: from 3个月" in explain("逾期超过3个月会被起诉")
    assert "stance affirms: negator 不会 meets inverted cue 被视为逾期" in explain(
        "这期间还款不会被视为逾期")
    assert "stance conditional: overdue threshold 3天" in explain("逾期3天会打电话")


def test_analysis_matches_claim() -> None:
    a = analyse("网贷逾期一般不会上门")
    c = tag("网贷逾期一般不会上门")
    assert (a.topics, a.stance, a.hedge, a.products, a.cues()) == (
        c.topics, c.stance, c.hedge, c.products, c.cues)


def test_cli_explain_adds_why_and_keeps_contract() -> None:
    row = {"id": "a", "text": "花呗逾期一般不会打通讯录里的电话。"}
    stdin = json.dumps(row, ensure_ascii=False) + "\n"
    result = invoke_yuqi("claims", "--explain", input_text=stdin)
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.splitlines()[0])
    assert {"id", "idx", "text", "section", "topics", "stance", "modality", "hedge",
            "products", "threshold", "cues", "why", "tagger_version"} <= set(line)
    assert line["tagger_version"] == TAGGER_VERSION
    assert "not debtor_contact: suppressed by contacts_family" in line["why"]
    plain = invoke_yuqi("claims", input_text=stdin)
    assert "why" not in json.loads(plain.stdout.splitlines()[0])


# ---------------------------------------------------------------- warehouse rows and data


def test_taxonomy_rows() -> None:
    topics, products = taxonomy_rows()
    assert len(topics) == 15 and set(topics[0]) == {"id", "description", "cues"}
    cues = {t["id"]: t["cues"] for t in topics}
    assert "额度…恢复" in cues["account_impact"] and "电话" in cues["debtor_contact"]
    huabei = next(p for p in products if p["canonical"] == "花呗")
    assert huabei["aliases"] == ["蚂蚁花呗", "支付宝花呗", "花唄"]  # as written
    assert all(isinstance(a, str) for p in products for a in p["aliases"])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('{ text = "电话", weak = true }', '{ text = "电话", weak = "yes" }', r"\.weak"),
        ('"额度…恢复"', '"额度…恢复…正常"', r"gapped cue"),
        ('"额度…恢复"', '"…恢复"', r"gapped cue"),
    ],
)
def test_invalid_weak_and_gapped_cues(tmp_path: Path, old: str, new: str, message: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "topics.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"topics\.toml: .*" + message):
        parse_taxonomy(data)


# ---------------------------------------------------------------- eval: unlabelled fields


def test_metrics_skip_unlabelled_products_and_thresholds() -> None:
    gold: list[dict[str, Any]] = [
        {"id": "a", "text": "x", "topics": [], "stance": None, "modality": None,
         "hedge": None, "products": None},
    ]  # fmt: skip
    pred = [{"id": "a", "idx": 0, "topics": [], "products": ["花呗"],
             "threshold": {"min_days": 3, "max_days": 3, "anchor": "overdue"}}]  # fmt: skip
    m = compute_metrics(gold, pred)
    assert m["product_micro"]["fp"] == 0 and m["errors"] == []
    assert m["threshold_precision"] == 0.0 and m["threshold_accuracy"] == 0.0


# ---------------------------------------------------------------- probe sentences


PROBES: list[Row] = [
    ("借呗逾期后，支付宝一般会先发短信提醒。", {"debtor_contact"}, "affirms", "descriptive",
     "frequency", NONE),
    ("网贷逾期超过七天，催收员就会开始打你电话。", {"debtor_contact"}, "conditional",
     "descriptive", "none", (7, None, "overdue")),
    ("信用卡逾期两三个月，银行可能把账单交给外包公司。", {"third_party_agency"},
     "conditional", "descriptive", "possibility", (60, 90, "overdue")),
    ("京东白条逾期十几天，会不会联系紧急联系人？", {"contacts_family"}, "question",
     "descriptive", "none", (11, 19, "overdue")),
    ("正规银行通常不会打电话给借款人的同事。", {"contacts_family"}, "denies", "descriptive",
     "frequency", NONE),
    ("催收人员严禁在晚上十点以后拨打借款人电话。", {"debtor_contact"}, "denies", "normative",
     "none", NONE),
    ("花唄逾期一年半以上，可能會被起訴。", {"legal_action"}, "conditional", "descriptive",
     "possibility", (547, None, "overdue")),
    ("不要相信所谓的反催收联盟，他们只会骗你的钱。", {"debt_help_scam"}, "denies", "advice",
     "none", NONE),
    ("建议保留好催收的通话录音，必要时向银保监会投诉。", {"complaints_rights"}, "affirms",
     "advice", "none", NONE),
    ("有钱花逾期1-2天影响不大，基本不会上报征信。", {"credit_report"}, "denies",
     "descriptive", "frequency", (1, 2, "overdue")),
    ("招联金融逾期后，罚息按日万分之五收取。", {"penalty_fees"}, "affirms", "descriptive",
     "none", NONE),
    ("如果逾期超过90天，平台可能会把债权转让给资产管理公司。", {"bad_debt_transfer"},
     "conditional", "descriptive", "possibility", (90, None, "overdue")),
    ("美团借钱逾期会不会影响芝麻分？", {"account_impact"}, "question", "descriptive", "none",
     NONE),
    ("不良记录在结清后保存5年。", {"credit_report"}, "affirms", "descriptive", "none",
     (1825, 1825, "retention")),
    ("网贷平台无权向你的通讯录好友透露欠款信息。", {"contacts_family"}, "denies",
     "normative", "none", NONE),
    ("有人冒充银行客服，让你把钱转到个人账户。", {"fake_collection"}, "affirms",
     "descriptive", "none", NONE),
    ("法院判决后仍不还款，会被列为失信被执行人并限制高消费。", {"legal_action"}, "affirms",
     "descriptive", "none", NONE),
    ("不少平台逾期后第一天就开始收取违约金。", {"penalty_fees"}, "conditional",
     "descriptive", "none", (1, 1, "overdue")),
    ("他们会打 给你的家人吗？", {"contacts_family"}, "question", "descriptive", "none", NONE),
    ("逾期后平台有权向法院提起诉讼。", {"legal_action"}, "affirms", "normative", "none", NONE),
    ("停息挂账一般最长可以分五年还款。", {"negotiation"}, "affirms", "descriptive",
     "frequency", (1825, 1825, "installment")),
    ("微粒贷没有宽限期，晚还一天就算逾期。", {"overdue_grace"}, "denies", "descriptive",
     "none", (1, 1, "overdue")),
    ("据网友反映，借呗逾期两个月就收到了律师函。", {"legal_action"}, "conditional",
     "descriptive", "none", (60, 60, "overdue")),
    ("很多人以为逾期会坐牢，其实只要不是恶意透支就不会。", {"criminal_risk"}, "denies",
     "descriptive", "none", NONE),
]  # fmt: skip


@pytest.mark.parametrize("probe", PROBES, ids=[p[0][:12] for p in PROBES])
def test_probe_sentences(probe: Row) -> None:
    text, topics, stance, modality, hedge, threshold = probe
    c = tag(text)
    got = (set(c.topics), c.stance, c.modality, c.hedge, (c.min_days, c.max_days, c.anchor))
    assert got == (topics, stance, modality, hedge, threshold)
