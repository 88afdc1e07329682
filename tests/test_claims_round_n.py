"""Round tagger-n (probe140-142, ids qn): secured, instalment and smaller lenders.

Each class has sentences of its own (not the probe lines) and a near miss that
must keep its label: the lender itself shutting down (P2P平台关停) closes no
borrower's account; a court auction of a mortgaged home (法拍, 司法拍卖, 拍卖…房子)
is enforcement, so a denial before it denies the lawsuit topic; a tow truck
(拖车, 拖走) holds 拖 but names no overdue; calls and texts joined by 和 / 或 are
calls to the borrower; a belief held by a named group of borrowers (很多房主以为)
and then rejected states the opposite.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import days_of, topics_of

# -- the lender shutting down is no account closed ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那家P2P平台被关停以后，借款人手里的欠款并没有一笔勾销。",
        "就算公司关闭了，借款合同照样有效。",
        "平台已经关停三年，最近又有人打电话来要钱。",
    ],
)
def test_a_lender_shutting_down_closes_no_account(sentence: str) -> None:
    assert "account_impact" not in topics_of(sentence)


def test_near_miss_an_account_closed_by_the_lender_keeps_account_impact() -> None:
    a = analyse("逾期以后，平台会把你的借款额度关闭。")
    assert "account_impact" in a.topics and a.stance == "affirms"


# -- a court auction of a home is enforcement ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("抵押的房产进入司法拍卖，成交价通常要比市价低两三成。", "affirms"),
        ("断供一年多以后，小周的房子最终还是被法拍了。", "conditional"),
        ("执行阶段法官通常也不会马上拍卖被执行人唯一的住房。", "denies"),
    ],
)
def test_a_court_auction_of_a_home_is_legal_action(sentence: str, stance: str) -> None:
    a = analyse(sentence)
    assert "legal_action" in a.topics and a.stance == stance


def test_near_miss_a_lender_auctioning_a_towed_car_is_no_lawsuit() -> None:
    assert "legal_action" not in topics_of("车被拖走半年没人赎，金融公司就把车拿去拍卖了。")


# -- a tow truck is no overdue --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "拖车公司收的保管费，一天大约八十元。",
        "车被拖走以后，每停一天还要多交四十块钱。",
        "把车拖回停车场那天，对方又收了两百块的拖车费。",
    ],
)
def test_a_tow_truck_names_no_overdue(sentence: str) -> None:
    assert days_of(sentence) is None


def test_near_miss_a_loan_left_unpaid_keeps_its_threshold() -> None:
    assert days_of("车贷拖了两个月没还，金融公司开始打电话。") == (60, 60, "overdue")


# -- calls and texts joined by 和 / 或 go to the borrower -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "逾期头几天，平台一般只会打电话和发短信提醒。",
        "客服会打电话或发短信通知你还款。",
        "催收员打电话或者发短信的频率会越来越高。",
    ],
)
def test_calls_and_texts_joined_by_he_or_huo_are_debtor_contact(sentence: str) -> None:
    assert "debtor_contact" in topics_of(sentence)


def test_near_miss_a_call_to_the_family_stays_contacts_family() -> None:
    topics = topics_of("催收员给我妈打电话和发短信，说我欠钱不还。")
    assert "contacts_family" in topics


# -- a belief held by a named group of borrowers, then rejected -----------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("很多车主以为车贷逾期就要坐牢，这其实是误解。", "criminal_risk"),
        ("不少借款人以为逾期一次就会被爆通讯录，其实这是谣言。", "contacts_family"),
        ("很多持卡人以为逾期一天就会被起诉，这种说法并不可信。", "legal_action"),
    ],
)
def test_a_rejected_group_belief_states_the_opposite(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics and a.stance != "affirms"


def test_near_miss_a_group_belief_without_rejection_is_not_denied() -> None:
    a = analyse("很多车主以为车贷逾期就要坐牢。")
    assert a.stance != "denies"


# -- a lead inside a 的-phrase names the speaker; the next clause is the author's ----------


@pytest.mark.parametrize(
    "sentence",
    [
        "网上那些声称能帮你减免罚息的中介，基本都是先收钱再消失。",
        "那些扬言三天内就上门的人，大多只是吓唬你。",
        "朋友圈里声称专门做停息挂账的团队，通常要先交一笔服务费。",
    ],
)
def test_the_clause_after_a_speaker_phrase_keeps_its_hedge(sentence: str) -> None:
    assert analyse(sentence).hedge == "frequency"


def test_near_miss_words_claimed_run_on_into_the_next_clause() -> None:
    # (session eighteen: a collector's own lie is the act of quoting on the call,
    # debtor_contact, no impostor's: DOMAIN.md gives fake_collection to what impostors claim)
    topics = topics_of("催收员谎称我涉嫌诈骗，马上要被拘留。")
    assert "debtor_contact" in topics and "criminal_risk" not in topics
    assert "criminal_risk" not in topics_of("骗子谎称我涉嫌诈骗，马上要被拘留。")


# -- the auction named as the last step of the process -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "只要还在跟银行沟通，一般不会走到拍卖这一步。",
        "断供的人大多不会真的走到拍卖那一步。",
        "房贷拖到拍卖的地步，损失最大的还是借款人自己。",
    ],
)
def test_the_auction_as_a_step_is_legal_action(sentence: str) -> None:
    assert "legal_action" in topics_of(sentence)


def test_near_miss_an_auction_of_goods_is_no_lawsuit() -> None:
    assert "legal_action" not in topics_of("这家拍卖行每个月都会举办二手车拍卖会。")


# -- a closed platform's loan book taken over by an institution -----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "老平台清盘以后，借款由当地一家资产公司承接，借款人要向它还钱。",
        "网贷平台退出后，未还的借款一般交给指定机构接手回收。",
        "平台的债权已由另一家公司接管，催收电话也换了号码。",
    ],
)
def test_a_loan_book_taken_over_is_bad_debt_transfer(sentence: str) -> None:
    assert "bad_debt_transfer" in topics_of(sentence)


def test_near_miss_an_heir_taking_over_a_debt_is_no_sale() -> None:
    assert "bad_debt_transfer" not in topics_of("父亲去世后，儿子接手了他欠下的债务。")


# -- what the reader must do in the case just named -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "收到自称法院的催款短信，这种要先打官方电话核实。",
        "催收员在电话里辱骂你，这时候要第一时间挂断并录音。",
        "有人加你微信说能帮忙停息挂账，这种情况要直接拒绝。",
    ],
)
def test_a_case_named_then_what_the_reader_must_do_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_near_miss_a_case_that_depends_is_no_advice() -> None:
    assert analyse("这种情况要看合同怎么约定，有的公司逾期就会上门。").modality == "descriptive"


# -- a call or a message with its words right after it --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("有个陌生号码打电话说我的欠款已经被他们公司买下了。", "bad_debt_transfer"),
        ("催收员昨天发短信说周末要去我单位。", "home_visit"),
        ("对面打电话说再不还就把我告上法院。", "legal_action"),
    ],
)
def test_words_after_a_call_or_message_are_the_callers(sentence: str, quoted: str) -> None:
    topics = topics_of(sentence)
    assert "debtor_contact" in topics and quoted not in topics


def test_near_miss_a_call_made_to_explain_quotes_nothing() -> None:
    a = analyse("借款人可以主动打电话说明困难，申请延期还款。")
    assert "negotiation" in a.topics and not a.reported


# -- the lender itself under investigation ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "那家P2P公司被立案调查后，借款人的还款改由清退小组统一接收。",
        "平台已被经侦立案，但借款合同本身仍然有效。",
        "这家平台涉嫌非法吸收公众存款，老板已经被抓，投资人正在登记。",
    ],
)
def test_the_lender_under_investigation_is_no_case_against_the_borrower(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "legal_action" not in topics and "criminal_risk" not in topics


def test_near_miss_the_borrower_under_investigation_keeps_criminal_risk() -> None:
    assert "criminal_risk" in topics_of("信用卡恶意透支数额较大的，会被公安立案侦查。")


# -- past a bucket (超过M3) is beyond it ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("逾期超过M3的车贷，多数会交给外包团队。", (91, None, "overdue")),
        ("超出M2还不还的客户，会有专人上门。", (61, None, "overdue")),
        ("欠款大于M1以后，催收就会联系紧急联系人。", (31, None, "overdue")),
    ],
)
def test_past_a_bucket_is_beyond_it(
    sentence: str, days: tuple[int, int | None, str]
) -> None:
    assert days_of(sentence) == days


def test_near_miss_a_bucket_alone_is_its_range() -> None:
    assert days_of("进入M3阶段的账户会转给外包。") == (61, 90, "overdue")


# -- overdue only once a span has passed: a grace applies -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "车贷还款日过后还有两天，过了这两天才算逾期。",
        "这家银行的房贷要到次月1号才算逾期。",
        "超过还款日三天还没还上，才会被视为逾期。",
    ],
)
def test_overdue_only_after_a_span_affirms_a_grace(sentence: str) -> None:
    a = analyse(sentence)
    assert "overdue_grace" in a.topics and a.stance in ("affirms", "conditional")


def test_near_miss_overdue_at_once_denies_the_grace() -> None:
    a = analyse("车贷晚还一天就算逾期。")
    assert "overdue_grace" in a.topics and a.stance == "denies"


# -- 并不一定 is a possibility, no denial ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("房贷断供并不一定会导致房子被法拍。", "legal_action"),
        ("安逸花逾期并不一定会联系你的家人。", "contacts_family"),
        ("车贷晚还几天，并不见得就会有人上门。", "home_visit"),
    ],
)
def test_bing_bu_yiding_is_a_possibility(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics and a.stance == "affirms" and a.hedge == "possibility"


def test_near_miss_bing_bu_hui_still_denies() -> None:
    a = analyse("安逸花逾期并不会联系你的家人。")
    assert "contacts_family" in a.topics and a.stance == "denies"


# -- a guarantor's payment on the report -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "融资担保公司替你还款后，代偿记录要在结清后再留五年。",
        "查报告时如果看到追偿记录，说明曾经有担保机构替你垫过钱。",
        "被追偿信息会让银行认为你的还款能力有问题。",
    ],
)
def test_a_guarantor_payment_record_is_credit_report(sentence: str) -> None:
    assert "credit_report" in topics_of(sentence)


def test_near_miss_a_guarantor_asking_for_its_money_is_no_record() -> None:
    assert "credit_report" not in topics_of("担保公司把钱垫给银行后，会回过头来向借款人追偿。")


# -- a mortgaged car disabled is no account closed --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "断供两期以后，金融公司远程把车辆停用了。",
        "车子被GPS锁住后完全无法使用，只能叫拖车。",
        "抵押车被锁车以后，车主开不走也用不了。",
    ],
)
def test_a_disabled_car_is_no_account_closed(sentence: str) -> None:
    assert "account_impact" not in topics_of(sentence)


def test_near_miss_a_loan_app_disabled_keeps_account_impact() -> None:
    assert "account_impact" in topics_of("车贷逾期后，同一家平台的借款额度也会被停用。")


def test_near_miss_an_overdue_dragged_on_keeps_its_threshold() -> None:
    """拖到 / 拖至 a span is an overdue dragged on (not a tow truck's 拖): merge review."""
    th = analyse("欠款拖到半年以上，银行一般会委托外包公司催收。").threshold
    assert th is not None and (th.min_days, th.max_days) == (182, None)
