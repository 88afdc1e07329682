"""News, platform voice, forum Q&A, listicles and lawyer bios (probe70-72 round, tagger-f).

Each class has its own sentences, not the probe lines: the trial of collectors
for their own crime, a report's source body, a request to keep the phone
reachable, a numbered heading that names its item, a title naming a document,
a lawyer's or firm's profile, a help-centre footer. Each class also has a near
miss that must keep its reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# --- the trial of collectors for their own crime -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "中院二审裁定驳回上诉，维持对这伙催收人员以寻衅滋事罪作出的原判。",
        "庭审中，公诉人出示了该公司用软暴力逼债的大量录音。",
        "这是当地首起按催收非法债务罪宣判的案子，旁听席坐满了人。",
        "宣判结束后，三名被告人均表示服从判决。",
    ],
)
def test_the_trial_of_collectors_is_no_lawsuit_against_the_borrower(sentence: str) -> None:
    assert "legal_action" not in topics_of(sentence)


def test_a_collectors_sentence_is_the_borrowers_protection() -> None:
    topics = topics_of("法院认定这伙人以软暴力手段催讨欠款，分别判处两年到四年不等的有期徒刑。")
    assert "complaints_rights" in topics
    assert "criminal_risk" not in topics


def test_near_miss_a_civil_suit_against_the_borrower_stays() -> None:
    assert "legal_action" in topics_of("借款人长期不还，平台向法院起诉，借款人成了被告。")
    assert "legal_action" in topics_of("网贷逾期金额较大的，平台可能会直接起诉。")


# --- a body named as the source of a report ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "互金协会发布的报告显示，七成以上的逾期借款人在两个月内还清了欠款。",
        "据监管部门的统计，消费贷逾期率今年有所回落。",
        "金融监管部门发布的数据显示，消费贷的逾期率今年有所回落，诉讼案件也在减少。",
    ],
)
def test_a_report_source_is_no_complaint_channel(sentence: str) -> None:
    assert "complaints_rights" not in topics_of(sentence)


def test_near_miss_a_complaint_to_the_same_body_stays() -> None:
    assert "complaints_rights" in topics_of("遇到暴力催收，可以向互金协会投诉。")


# --- a request to keep the phone reachable ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "资料审核需要一到三个工作日，请保持电话畅通。",
        "工单已转交专员处理，处理期间请保持电话畅通。",
        "提交申请后，保持电话畅通即可，无需重复提交。",
    ],
)
def test_keeping_the_phone_reachable_is_no_collection_call(sentence: str) -> None:
    assert "debtor_contact" not in topics_of(sentence)


def test_near_miss_a_collection_call_stays() -> None:
    assert "debtor_contact" in topics_of("逾期第二天就接到了平台的催收电话。")


# --- a numbered heading that names its item -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "影响三：上门和外访",
        "四、通讯录：从紧急联系人到同事",
        "第二点：律师函",
        "2. 额度：冻结与降额",
    ],
)
def test_a_numbered_heading_naming_its_item_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_numbered_item_with_a_claim_stays() -> None:
    assert "legal_action" in topics_of("四、逾期超过半年：平台可能会起诉")
    assert "home_visit" in topics_of("3、逾期三个月以上，催收公司会上门。")


# --- a title naming a document ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "关于暂停部分用户逾期罚息计收的通知",
        "【提示】关于谨防冒充客服催收诈骗的声明",
        "违规催收投诉典型案例汇编（第一辑）",
        "《2026年个人贷款催收与投诉情况报告》全文",
    ],
)
def test_a_document_title_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_sentence_about_a_notice_stays() -> None:
    assert "credit_report" in topics_of("逾期超过三个月，银行会发通知并上报征信。")


# --- a lawyer's or a firm's profile -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "周律师，执业八年，擅长处理银行起诉、网贷仲裁等案件。",
        "本所团队已代理上千起信用卡纠纷，熟悉各地法院的强制执行流程。",
        "执业十五余年，长期为借款人提供催收投诉和维权咨询。",
    ],
)
def test_a_lawyers_profile_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_a_lawyers_years_of_practice_are_no_threshold() -> None:
    assert analyse("吴律师，执业二十年，擅长金融借款纠纷。").threshold is None


def test_near_miss_a_lawyers_claim_stays() -> None:
    assert "legal_action" in topics_of("律师表示，信用卡欠款超过五万元的，银行大多会起诉。")


# --- a help-centre footer -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "本规则的最终解释权归平台所有。",
        "以上收费标准由本平台负责解释，如对违约金有疑问请联系人工客服。",
        "如对罚息计算有任何疑问，可随时联系在线客服。",
    ],
)
def test_a_help_centre_footer_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_contacting_customer_service_to_negotiate_stays() -> None:
    assert "negotiation" in topics_of("如果有困难，可以联系客服申请延期还款。")


# --- words shown on a wall, a banner or a sign ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "走进这家公司，迎面是一条写着“三天不还就上门”的横幅。",
        "工位隔板上贴着“逾期必诉”的宣传语，字已经褪色。",
        "前台背景墙上印着“欠债还钱 天经地义”几个大字，旁边是“文明催收，不打通讯录”的标语。",
    ],
)
def test_words_shown_on_a_wall_are_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_words_said_in_quotes_keep_their_act() -> None:
    # a quote after 说 is still reported speech with its act of quoting
    assert "debtor_contact" in topics_of("催收员在电话里说：“三天不还就上门。”")
    # a claim outside the quote stays
    assert "home_visit" in topics_of("墙上贴着“文明催收”的标语，可他们照样上门堵人。")


# --- a numbered section of a report's contents ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "4.2 委外催收机构的分布与规模",
        "1.3 征信与罚息：监管政策的演变",
        "5.1.2 智能外呼在贷后管理中的应用",
    ],
)
def test_a_numbered_contents_section_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_numbered_line_with_a_modal_stays() -> None:
    assert "legal_action" in topics_of("2.1 逾期超过半年可能会被起诉")
    assert "credit_report" in topics_of("3.2 逾期会上征信吗")


def test_a_notice_title_with_a_word_before_its_kind_is_no_claim() -> None:
    for sentence in ("关于谨防冒充平台催收的安全提示", "【重要】关于逾期罚息调整的补充说明"):
        assert topics_of(sentence) == set()


# --- criminals (不法分子) are no negation ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有不法分子冒充银行工作人员，让借款人把钱转到私人卡上。",
        "一些不法中介假冒律所发律师函。",
        "不明身份的人冒充法院打来电话催款。",
    ],
)
def test_criminals_named_as_actors_deny_nothing(sentence: str) -> None:
    analysis = analyse(sentence)
    assert "fake_collection" in analysis.topics
    assert analysis.stance == "affirms"


def test_near_miss_a_real_negator_still_denies() -> None:
    assert analyse("正规平台不会冒充法院工作人员打电话。").stance == "denies"


# --- the other side's words reported (对方称, as 对方说) ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "我打过去问，对方称只要先交五百就能帮我停息挂账。",
        "电话打通以后，对方称如果今天不还，明天就上门。",
        "打电话咨询时，对方称交了服务费就能减免罚息。",
    ],
)
def test_the_other_sides_words_are_reported(sentence: str) -> None:
    # 只要 / 如果 inside the words reported is no condition of the author's
    assert analyse(sentence).stance != "conditional"


def test_near_miss_an_authors_own_condition_stays() -> None:
    assert analyse("如果今天不还，平台明天就会上门。").stance == "conditional"


# --- a collection firm as the wrongdoer of a case ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这家催收公司因涉黑被警方一锅端，负责人已被刑拘。",
        "去年被查处的几家催收公司，都有冒用律所名义发函的问题。",
        "有借款人起诉催收公司侵犯隐私，法院判过对方赔礼道歉。",
    ],
)
def test_a_collection_firm_in_a_case_is_no_outsourcing(sentence: str) -> None:
    assert "third_party_agency" not in topics_of(sentence)


def test_near_miss_a_hand_over_to_a_collection_firm_stays() -> None:
    assert "third_party_agency" in topics_of("逾期三个月以后，平台会把账交给催收公司。")
