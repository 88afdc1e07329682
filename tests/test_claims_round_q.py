"""Round tagger-q (probe170-172, ids qq): account freezes, judicial enforcement, travel bans.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its reading: a court's freeze of assets before or during a lawsuit
(财产保全, 诉前保全, 财保, 司法冻结) is a legal action, not the lender's account;
a notice or a document faked with an image editor (P出来的, 用PS改的) is fake
collection, while a borrower's own photo edited to shame them (被P图) is not;
an impostor's freeze threat or promise to unfreeze is the scam, not the
borrower's account.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a court's freeze of assets is a legal action ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "欠款金额较大时，银行起诉前往往会先申请财产保全。",
        "平台在立案的同时申请了诉前保全，借款人的存款当天就动不了了。",
        "他的工资卡被财保以后，才知道网贷公司已经去法院告他了。",
        "支付宝余额显示司法冻结，说明已经进入了法院的程序。",
    ],
)
def test_a_courts_freeze_of_assets_is_a_legal_action(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "legal_action" in topics
    assert "account_impact" not in topics


def test_near_miss_a_lenders_own_freeze_stays_account_impact() -> None:
    topics = topics_of("借呗逾期以后，额度会被冻结，暂时借不出钱。")
    assert "account_impact" in topics
    assert "legal_action" not in topics


# -- a document faked with an image editor --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "对方发来的立案通知书截图，其实是P出来的。",
        "那份判决书是催收用PS改过日期的，根本不是法院发的，有人干脆直接用PS做一张。",
        "不少所谓的律师函都是用修图软件拼出来的。",
    ],
)
def test_a_document_faked_with_an_image_editor_is_fake_collection(sentence: str) -> None:
    assert "fake_collection" in topics_of(sentence)


def test_near_miss_a_borrowers_photo_edited_to_shame_is_no_fake_collection() -> None:
    topics = topics_of("催收把借款人的照片P成通缉令发到群里，这属于暴力催收，可以投诉。")
    assert "fake_collection" not in topics
    assert "complaints_rights" in topics


# -- an impostor's freeze threat or unfreezing offer is the scam --------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "骗子会说你的账户即将冻结，要你把钱转到私人账户才能解冻。",
        "冒充平台客服的人声称你的额度已被冻结，让你先交解冻费。",
        "收到要求转账到个人账户来解除冻结的短信，就是诈骗。",
    ],
)
def test_an_impostors_freeze_talk_is_no_account_impact(sentence: str) -> None:
    a = analyse(sentence)
    assert "fake_collection" in a.topics
    assert "account_impact" not in a.topics


def test_near_miss_a_real_freeze_without_impostor_keeps_account_impact() -> None:
    topics = topics_of("花呗逾期后额度会被冻结，还清欠款后才会解冻。")
    assert "account_impact" in topics
    assert "fake_collection" not in topics


# -- the article on its own sources, or on what the reader now knows -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "以上信息均整理自互联网公开资料，催收的具体做法请以平台公告为准。",
        "读到这儿，相信你对上征信和被起诉的区别已经有了初步的认识。",
        "本文观点来自网络，罚息标准以各家合同为准。",
    ],
)
def test_the_article_on_its_sources_or_the_readers_knowledge_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_claim_about_what_the_reader_should_know_stays() -> None:
    assert "credit_report" in topics_of("大家要知道，逾期超过三十天一般就会上征信。")


# -- a section heading with a Chinese ordinal ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "三、逾期以后会不会被起诉",
        "第二部分 催收能不能联系家人",
        "六、停息挂账到底靠不靠谱",
    ],
)
def test_a_section_heading_with_a_chinese_ordinal_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_list_items_and_headings_with_a_claim_stay() -> None:
    assert "legal_action" in topics_of("2、逾期三个月以后平台会起诉")
    assert "legal_action" in topics_of("五、逾期超过一年：银行可能会起诉")
    assert "legal_action" in topics_of("逾期以后会不会被起诉？")


# -- two things told apart ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "网贷大数据花了和征信有逾期是两码事。",
        "催收公司和律师事务所不是一回事，千万别搞混。",
        "额度被冻结和账户被法院冻结是两个概念。",
    ],
)
def test_two_things_told_apart_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_claim_after_the_distinction_stays() -> None:
    assert "legal_action" in topics_of("催收和起诉是两回事，催收打电话并不代表平台已经去法院起诉。")


# -- a user's report is evidence, not a belief ---------------------------------------------


def test_a_users_report_followed_by_an_agreeing_actually_is_not_denied() -> None:
    """有网友说 was tried as a belief lead (rejected by a 其实 after it) and taken out: a 其实
    after a user's report often agrees (其实两种说法是一样的)."""
    a = analyse("也有网友说罚息是按日利率万分之五算的，其实两种说法是一样的。")
    assert "penalty_fees" in a.topics
    assert a.stance != "denies"


# -- the article's closing formula ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "以上就是信用卡逾期被起诉以后的处理办法，希望对大家有帮助。",
        "以上便是花呗逾期上征信的相关内容。",
        "希望今天的分享能帮到正在被催收困扰的你。",
    ],
)
def test_the_articles_closing_formula_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_summary_that_states_a_claim_stays() -> None:
    assert "credit_report" in topics_of("总结一下，逾期超过三十天基本都会上征信。")


# -- listed as a defaulter, and a limit cleared, in other words ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "执行通知书送达后仍不还款，就会被纳入失信被执行人名单。",
        "被纳入失信以后，坐高铁和飞机都会受限。",
        "法院将他纳入失信名单已经快两年了。",
    ],
)
def test_put_on_the_defaulters_list_is_a_legal_action(sentence: str) -> None:
    assert "legal_action" in topics_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "安逸花逾期后，额度直接被清零了。",
        "逾期一次，可用额度就可能被系统清零。",
        "还清之前，这个APP里是借不出钱的。",
    ],
)
def test_a_limit_cleared_or_borrowing_refused_is_account_impact(sentence: str) -> None:
    assert "account_impact" in topics_of(sentence)


def test_near_miss_a_cleared_balance_is_no_account_impact() -> None:
    assert "account_impact" not in topics_of("还清以后，欠款余额就清零了，心里轻松多了。")


# -- a belief called wrong by its own verb ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("很多人误以为逾期一天就会上征信，其实这是一种误解。", "credit_report"),
        ("有人错以为催收可以随便去单位闹，其实这种说法站不住脚。", "home_visit"),
        ("不少借款人误以为欠钱不还会坐牢，其实这属于民事纠纷。", "criminal_risk"),
    ],
)
def test_a_belief_called_wrong_by_its_verb_is_denied(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_near_miss_a_belief_held_without_rejection_is_not_denied() -> None:
    assert analyse("很多借款人以为逾期一天就会上征信。").stance != "denies"


# -- the article announcing what it talks about --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "今天笔者就跟大家谈谈借呗逾期以后会不会被起诉。",
        "这篇主要给大家科普一下上征信的几种情况。",
        "在说协商之前，得先弄明白什么是停息挂账。",
        "提到暴力催收，相信大家都不陌生。",
        "本期话题：催收能不能打电话到单位",
        "想知道更多上门催收的应对办法，记得关注我们。",
    ],
)
def test_the_article_announcing_its_subject_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_advice_and_acts_beside_the_same_words_stay_claims() -> None:
    assert "negotiation" in topics_of("小编建议，逾期后第一时间联系平台协商还款。")
    assert "contacts_family" in topics_of("催收员会打电话给你的家人，说说你欠款的事。")
    assert "legal_action" in topics_of("以下几种情况，平台可能会直接起诉。")
