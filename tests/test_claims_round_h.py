"""Round tagger-h (probe90-92, ids qh): the surface of reposted and spun text.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: Taiwan and Hong Kong words for what mainland pages say
otherwise (遲繳, 聯徵, 簡訊, 催繳, 帳單); letter-spaced, word-segmented and
in-word spaces that are no glyph gaps; spun copies' words for a collection
firm, penalty interest, the credit file, a frozen account and the address
book; spun words for "unpaid" that are no negation.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from pipeline.claims.tagger import _tagging_text_with_offsets, tagging_text
from pipeline.normalize import normalize_text
from tests.helpers import topics_of


def _offsets_hold(sentence: str) -> None:
    """Each tagging-text character comes from the original character its offset names."""
    norm, offsets = _tagging_text_with_offsets(sentence)
    assert len(norm) == len(offsets)
    for ch, off in zip(norm, offsets, strict=True):
        assert sentence[off] != " " or ch in " □"


# -- Taiwan and Hong Kong words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        ("房貸遲繳滿兩個月，銀行會把這筆紀錄通報給聯徵。", "credit_report", "conditional"),
        ("現金卡晚繳的話，客服通常會先傳簡訊給持卡人。", "debtor_contact", "conditional"),
        ("欠卡數唔還，追數公司好快就會搵上門。", "third_party_agency", "affirms"),
        ("銀行的催繳電話一天打了好幾通，讓人很煩。", "debtor_contact", "affirms"),
        ("信用紀錄上一旦有遲繳，之後申請房貸會很難。", "credit_report", "conditional"),
        ("車貸拖欠太久，貸款公司可能直接提告。", "legal_action", "affirms"),
        ("財務公司唔會隨便打畀你屋企人。", "contacts_family", "denies"),
        ("冇還錢嘅話，佢哋會打去你公司搵你。", "contacts_family", "conditional"),
        ("私人貸款拖咗兩個月，財務公司會交畀收數公司處理。", "third_party_agency", "conditional"),
        ("收數公司唔可以打去你屋企滋擾家人。", "contacts_family", "denies"),
        ("財務公司追唔到數，最後會入稟小額錢債審裁處。", "legal_action", "affirms"),
        ("走數的記錄會留喺環聯，幾年內借唔到錢。", "credit_report", "affirms"),
    ],
)
def test_regional_words_tag_like_mainland_words(sentence: str, topic: str, stance: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == stance


def test_regional_words_keep_thresholds() -> None:
    th = analyse("卡費遲繳超過九十天，銀行就會轉給委外公司。").threshold
    assert th is not None and (th.min_days, th.anchor) == (90, "overdue")
    th2 = analyse("遲繳紀錄會在聯徵中心被揭露三年。").threshold
    assert th2 is not None and (th2.min_days, th2.max_days, th2.anchor) == (1095, 1095, "retention")


def test_the_account_character_is_mapped() -> None:
    assert tagging_text("帳戶被凍結") == "账户被冻结"
    assert "account_impact" in topics_of("逾期之後帳戶就會被凍結。")


def test_regional_words_keep_offsets() -> None:
    sentence = "信用卡遲繳(chí jiǎo)後，銀行會通報聯徵。"
    norm, offsets = _tagging_text_with_offsets(sentence)
    i = norm.index("征信")
    assert sentence[offsets[i] : offsets[i + 1] + 1] == "聯徵"
    j = norm.index("逾期")
    assert sentence[offsets[j]] == "遲"


def test_near_miss_regional_words_do_not_invent_topics() -> None:
    # 繳費 (paying a utility bill) and a sports 紀錄 name no collection event
    assert topics_of("每個月的水電費我都用信用卡自動繳費。") == set()
    assert topics_of("他打破了全國游泳比賽的紀錄。") == set()
    # normalize_text is untouched: hashes and dedup see the script conversion only
    assert normalize_text("遲繳紀錄") == "迟缴纪录"
    # 唔 mapped to 不 is a negator only where mainland 不 would be one
    assert analyse("銀行唔會打畀你屋企人，只會打畀你本人。").stance == "denies"


# -- spaces that are no glyph gaps ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic", "hedge"),
    [
        ("逾 期 之 后 平 台 通 常 会 联 系 紧 急 联 系 人 。", "contacts_family", "frequency"),
        ("借 呗 逾 期 一 般 不 会 上 门 。", "home_visit", "frequency"),
        ("欠款人 逾期 以后 平台 可能 会 上门 催收 。", "home_visit", "possibility"),
        ("花呗逾期后会被上征 信吗？", "credit_report", "none"),
        ("平台会把案件交给第三方催 收公司。", "third_party_agency", "none"),
    ],
)
def test_spaced_text_is_read_as_words(sentence: str, topic: str, hedge: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.hedge == hedge


def test_spaced_text_keeps_offsets() -> None:
    for sentence in ("逾 期 之 后 平 台 会 上 门 。", "欠款人 逾期 以后 平台 会 上门 催收 。",
                     "花呗逾期后会被上征 信吗？"):  # fmt: skip
        _offsets_hold(sentence)
    sentence = "借 呗 逾 期 会 上 门"
    norm, offsets = _tagging_text_with_offsets(sentence)
    assert norm == "借呗逾期会上门"
    assert offsets == [0, 2, 4, 6, 8, 10, 12]


def test_near_miss_a_glyph_gap_stays_a_gap() -> None:
    # 打 吗 is 打电话吗 with the word cut out: one space between words, no cue across it
    assert tagging_text("网贷逾期会打 吗") == "网贷逾期会打□吗"
    assert tagging_text("催收会给家人发 、打电话") == "催收会给家人发 、打电话"
    assert "debtor_contact" in topics_of("网贷逾期会打 吗？")
    # three gaps in a long sentence are still gaps, not a word-segmented copy
    gapped = "催收员一天能打十几个 过来，不接就发 威胁，晚上还接着打 骚扰。"
    assert tagging_text(gapped).count("□") == 3


# -- spun copies' words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("欠款一直拖着，平台会把账卖给讨债公司。", "third_party_agency"),
        ("贷款到期没还，追债机构的人会天天打电话。", "third_party_agency"),
        ("晚还一天也要按日收惩罚性利息。", "penalty_fees"),
        ("拖欠的部分会按合同加收违约利息。", "penalty_fees"),
        ("没按时还的记录会进入个人信用档案。", "credit_report"),
        ("白条拖欠久了，额度会被直接封停。", "account_impact"),
        ("晚还几次以后，花呗账户会被限制使用。", "account_impact"),
        ("催收会翻你手机里的电话本一个个打。", "contacts_family"),
        ("他们拿到了你的通讯簿，会挨个打过去。", "contacts_family"),
        ("借款时授权的号码本，逾期后会被拿来一个个打。", "contacts_family"),
    ],
)
def test_spun_words_keep_their_topic(sentence: str, topic: str) -> None:
    assert topic in topics_of(sentence)


def test_near_miss_a_court_ban_is_no_frozen_account() -> None:
    assert "account_impact" not in topics_of("被执行人会被限制使用高消费。")


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期未偿的欠款会被转给催债公司。",
        "到期未清偿的贷款，银行一般会起诉。",
        "逾期未付的账单每天都会产生罚息。",
    ],
)
def test_spun_unpaid_is_no_negation(sentence: str) -> None:
    assert analyse(sentence).stance != "denies"


def test_near_miss_a_real_denial_after_unpaid_still_denies() -> None:
    assert analyse("逾期未付的小额欠款，平台一般不会起诉。").stance == "denies"


def test_hong_kong_card_debt_is_a_credit_card() -> None:
    assert analyse("欠卡數唔還，銀行會入稟追討。").products == ("信用卡",)
    assert analyse("我名下的信用卡數量有點多。").topics == ()


# -- a navigation menu is boilerplate ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "【網貸逾期】｜【征信修復】｜【協商還款】",
        "【花呗逾期】 【借呗催收】 【白条起诉】",
        "信用卡逾期 | 网贷协商 | 征信查询 | 上门催收",
    ],
)
def test_a_navigation_menu_is_no_claim(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics == ()
    assert a.boilerplate is not None


def test_near_miss_a_sentence_with_pipes_stays_a_claim() -> None:
    a = analyse("逾期以后银行会催收 | 起诉 | 上门，这些都要注意。")
    assert {"legal_action", "home_visit"} <= set(a.topics)
