"""Issue 14, probes 17-19: car loans, mortgages, student loans, life after a judgment,
hiding from collectors, visits to the village and what reaches the children.

Every sentence here was written for this file (none is copied from a page, none
repeats a probe line); labels follow DOMAIN.md. One class a test, each with
sentences unlike the probe line that showed it.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse, tag_sentence
from pipeline.records import Claim


def tag(text: str) -> Claim:
    """The (first) claim of one sentence."""
    return tag_sentence("t", 0, "", text)


# ------------------------------------------------ a loan left unpaid (断供) is an overdue


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("车贷断供三个月以上，贷款公司就会起诉。", 90, None),
        ("停供半年的房子，银行多半会申请法院拍卖。", 182, 182),
        ("房贷断供十几天，银行一般只会打电话提醒。", 11, 19),
    ],
)
def test_a_loan_left_unpaid_is_an_overdue_threshold(text: str, low: int | None,
                                                    high: int | None) -> None:
    claim = tag(text)
    assert claim.anchor == "overdue" and (claim.min_days, claim.max_days) == (low, high)
    assert claim.stance == "conditional"


# ------------------------------------------------ a record left on the report (留五年)


@pytest.mark.parametrize("text", [
    "逾期记录还清后还会在报告上留5年。",
    "这笔呆账会留在征信里五年。",
    "哪怕只晚还过一次，也会在信用报告里留五年。",
])
def test_a_record_left_on_the_report_is_retention(text: str) -> None:
    claim = tag(text)
    assert claim.anchor == "retention" and claim.min_days == 1825
    assert claim.stance == "affirms"


def test_days_left_to_the_cardholder_are_no_retention() -> None:
    assert tag("多数银行会给持卡人留出两天的容时，这两天还上不算逾期。").anchor == "overdue"


# ------------------------------------------------ 与其…不如: the better course is advice


@pytest.mark.parametrize("text", [
    "与其等着被起诉，不如现在就跟平台协商分期。",
    "与其到处借钱拆东墙补西墙，倒不如直接找银行申请停息挂账。",
    "还不起的时候，与其换号躲着，还不如主动和平台谈个延期还款。",
])
def test_the_better_course_is_advice_and_the_turned_down_one_no_claim(text: str) -> None:
    claim = tag(text)
    assert claim.topics == ("negotiation",)
    assert (claim.stance, claim.modality) == ("affirms", "advice")


# ------------------------------------------------ counted as one overdue (记一次逾期)


@pytest.mark.parametrize("text", [
    "晚一天还款，银行就会算一次逾期。",
    "过了还款日零点才到账的，同样按逾期处理。",
    "有的平台下午就扣款，晚上才还的照样记一次逾期。",
])
def test_counted_as_an_overdue_denies_a_grace_period(text: str) -> None:
    claim = tag(text)
    assert "overdue_grace" in claim.topics and claim.stance == "denies"


# ------------------------------------------------ a car taken back is no visit


@pytest.mark.parametrize("text", [
    "车贷公司派人根据GPS找到车后直接拖走。",
    "逾期几个月后，对方派人把车开走了。",
    "金融公司派人去停车场收车。",
])
def test_a_car_taken_back_is_no_home_visit(text: str) -> None:
    assert "home_visit" not in tag(text).topics


def test_sending_someone_to_the_door_is_still_a_visit() -> None:
    assert "home_visit" in tag("平台会派人到借款人家里核实情况。").topics


# ------------------------------------------------ "leave your number" boxes carry no claim


@pytest.mark.parametrize("text", [
    "想知道能不能协商？留下您的手机号，顾问稍后回电。",
    "留下联系方式，免费帮你出一份还款方案。",
    "被催收骚扰？留下你的电话，专业团队帮你处理。",
])
def test_a_leave_your_number_box_is_boilerplate(text: str) -> None:
    a = analyse(text)
    assert a.boilerplate is not None and a.topics == ()


# ------------------------------------------------ interest-only years are a product rule


@pytest.mark.parametrize("text", [
    "这笔经营贷前一年是只付利息的宽限期。",
    "贷款前三年为还本宽限期，期间按月付息。",
    "宽限期内不用还本金，每月只还利息就行。",
])
def test_interest_only_years_are_no_overdue_grace_period(text: str) -> None:
    assert "overdue_grace" not in tag(text).topics


# ------------------------------------------------ village cadres, the school, the public


@pytest.mark.parametrize("text", [
    "催收打电话给村支书，让他转告借款人还钱。",
    "银行可能会通知借款人当年就读的学校。",
    "有的小贷公司在小区门口张贴了欠款人名单。",
    "个别地方还会登报催还欠款。",
])
def test_cadres_schools_and_public_notices_are_third_parties(text: str) -> None:
    assert "contacts_family" in tag(text).topics


# ------------------------------------------------ lifting a ban undoes the enforcement


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("全部履行完毕后，法院会解除对他的限高措施。", "denies"),
        ("欠款结清以后，可以向法院申请移出失信名单。", "denies"),
        ("钱没还清，法院一直没有解除限高。", "affirms"),
    ],
)
def test_lifting_a_ban_denies_the_enforcement(text: str, stance: str) -> None:
    claim = tag(text)
    assert "legal_action" in claim.topics and claim.stance == stance


def test_a_processing_time_in_working_days_is_no_threshold() -> None:
    claim = tag("还清执行款后，一般五个工作日内就能解除限高。")
    assert (claim.min_days, claim.max_days, claim.anchor) == (None, None, None)


# ------------------------------------------------ forcing the door, waiting at it


@pytest.mark.parametrize("text", [
    "几个催收员强行闯进他家里要钱。",
    "催收的人守在他家门口不走。",
    "对方赖在我家门口不肯离开。",
])
def test_forcing_or_blocking_the_door_is_a_visit(text: str) -> None:
    assert "home_visit" in tag(text).topics


# ------------------------------------------------ a party without power is no contact, no rule


def test_a_committee_without_power_is_no_contact_and_no_rule() -> None:
    claim = tag("催收找到了村干部，可村委会无权替网贷平台讨债。")
    assert claim.topics == ("contacts_family",)
    assert (claim.stance, claim.modality) == ("affirms", "descriptive")


def test_a_relative_without_duty_is_no_contact() -> None:
    assert "contacts_family" not in tag("家人没有义务替你还网贷。").topics


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("催收公司无权联系借款人的家属。", "contacts_family", "denies"),
        ("债权转让以后，新债权人有权继续向借款人追讨。", "bad_debt_transfer", "affirms"),
    ],
)
def test_a_power_word_about_the_claims_actor_stays_a_rule(text: str, topic: str,
                                                          stance: str) -> None:
    claim = tag(text)
    assert topic in claim.topics and claim.stance == stance
    assert claim.modality == "normative"


# ------------------------------------------------ rarity of another subject (…的很少)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("银行会把长期逾期的账委托给催收公司，真正能收回来的很少。", "third_party_agency"),
        ("上门催收主要是给人压力，当面就把钱要回来的很少。", "home_visit"),
        ("律师函发出去以后，马上还钱的极少。", "legal_action"),
    ],
)
def test_rarity_of_its_own_subject_does_not_deny_the_clause_before(text: str,
                                                                   topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics and claim.stance == "affirms"


def test_a_bare_rarity_predicate_still_denies_the_clause_before() -> None:
    claim = tag("催收真的找上门的，其实很少。")
    assert "home_visit" in claim.topics and claim.stance == "denies"


# ------------------------------------------------ the child kept out, the parent checked


@pytest.mark.parametrize("text", [
    "失信被执行人的孩子不能上高收费的私立学校。",
    "政审会考察父母有没有犯罪记录。",
    "父母是老赖的，孩子报考公务员会受影响。",
])
def test_a_child_or_parent_in_a_review_is_no_contact(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


# ------------------------------------------------ out of reach in other words (下落不明)


@pytest.mark.parametrize("text", [
    "借款人下落不明的，平台可能会起诉。",
    "借款人和平台失去联系以后，催收会打给紧急联系人。",
    "欠款人下落不明时，法院可以公告送达传票。",
])
def test_out_of_reach_in_other_words_is_a_condition(text: str) -> None:
    assert tag(text).stance == "conditional"


# ------------------------------------------------ a review looks into whether (会查…是不是)


@pytest.mark.parametrize("text", [
    "银行审批时会查你征信上是不是有逾期。",
    "政审会查父母是不是失信被执行人。",
    "单位审查时要查一查有没有被起诉过。",
])
def test_what_a_review_looks_into_is_no_question(text: str) -> None:
    assert tag(text).stance != "question"


def test_a_plain_question_stays_a_question() -> None:
    assert tag("网贷逾期会不会上门？").stance == "question"


# ------------------------------------------------ a result reached as the time frame (…下来以后)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("判决生效以后，你仍然可以和银行谈分期。", ("negotiation",)),
        ("分期申请批下来之后，每个月按时还就不会再上征信。", ("credit_report",)),
        ("停息挂账办好以后，平台就不会再上报新的逾期。", ("credit_report",)),
        ("协商成功以后，银行一般会停止上报新的逾期。", ("credit_report",)),
        ("分期申请成功之后，平台不会再收取罚息。", ("penalty_fees",)),
    ],
)
def test_a_result_reached_is_the_time_frame_not_the_claim(text: str,
                                                          topics: tuple[str, ...]) -> None:
    assert tag(text).topics == topics


def test_a_step_done_before_the_next_stays_part_of_the_claim() -> None:
    assert set(tag("银行把账转给催收公司以后，对方可能会上门。").topics) == {
        "third_party_agency", "home_visit"}


# ------------------------------------------------ probe20: the door, the elderly at home


@pytest.mark.parametrize("text", [
    "有人在他家门上喷漆写了欠债还钱。",
    "催收往门上贴了好几张催款单。",
    "几个人半夜跑去砸门要债。",
])
def test_what_is_done_to_the_door_is_a_visit(text: str) -> None:
    assert "home_visit" in tag(text).topics


@pytest.mark.parametrize("text", [
    "家里老人接到催收电话吓坏了。",
    "催收专挑长辈打电话施压。",
    "老人被催收的电话吵得整夜睡不好。",
])
def test_the_elderly_at_home_are_contacts(text: str) -> None:
    assert "contacts_family" in tag(text).topics


def test_the_readers_relative_told_what_to_do_is_no_contact() -> None:
    assert "contacts_family" not in tag("接到这种电话，可以让老人直接挂断。").topics


# ------------------------------------------------ readers addressed (朋友们，/ 家人们，)


@pytest.mark.parametrize("text", [
    "家人们，网贷逾期了千万别慌，先查查征信。",
    "亲爱的朋友们，信用卡晚还一天就会有罚息。",
    "各位家人，停息挂账要自己去银行申请。",
])
def test_readers_addressed_are_no_contacts(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize("text", [
    "结果朋友们都收到了催收短信。",
    "我的家人们都接到了催收电话。",
    "催收把截图发给了我的朋友们。",
])
def test_friends_or_family_as_subject_or_object_stay_contacts(text: str) -> None:
    assert "contacts_family" in tag(text).topics


# ------------------------------------------------ probe22: people named, no one reached


@pytest.mark.parametrize("text", [
    "被执行人的家属也要生活，法院会留出基本开支。",
    "单位会配合法院按月扣工资。",
    "担保人的征信也会跟着受影响。",
])
def test_people_named_with_no_act_of_reaching_them_are_no_contacts(text: str) -> None:
    assert "contacts_family" not in tag(text).topics


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("催收会打电话到你的单位。", "affirms"),
        ("平台可能会联系你的家属。", "affirms"),
        ("逾期后银行不会轻易惊动家人。", "denies"),
    ],
)
def test_people_reached_stay_contacts(text: str, stance: str) -> None:
    claim = tag(text)
    assert "contacts_family" in claim.topics and claim.stance == stance


def test_a_duty_of_a_party_in_the_claims_process_stays_a_rule() -> None:
    claim = tag("执行阶段，借款人的工作单位有义务配合法院扣划工资。")
    assert claim.topics == ("legal_action",) and claim.modality == "normative"


@pytest.mark.parametrize("text", [
    "工资被冻结以后，每个月只剩最低生活费。",
    "工资账户一旦被冻结，就只能去申请解封。",
    "他的工资被冻结了，房租都交不上。",
])
def test_frozen_wages_are_enforcement(text: str) -> None:
    topics = tag(text).topics
    assert "legal_action" in topics and "account_impact" not in topics


# ------------------------------------------------ probe23: exposure, windows to apply, garnishment


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("有的催收会在楼道里张贴借款人的欠款金额。", "affirms"),
        ("催收公开了他的欠款信息。", "affirms"),
        ("正规机构不会公布你的欠款情况。", "denies"),
    ],
)
def test_debts_made_public_are_exposure_to_others(text: str, stance: str) -> None:
    claim = tag(text)
    assert "contacts_family" in claim.topics and claim.stance == stance


@pytest.mark.parametrize("text", [
    "判决生效后，债权人要在两年内申请执行。",
    "借款人一直不还的，银行要在三年的诉讼时效内起诉。",
    "欠款不还的，出借人可以在两年内申请强制执行。",
])
def test_a_window_to_apply_in_is_no_overdue_threshold(text: str) -> None:
    claim = tag(text)
    assert (claim.min_days, claim.max_days, claim.anchor) == (None, None, None)


def test_an_overdue_before_an_application_keeps_its_threshold() -> None:
    claim = tag("逾期两年后，银行申请了强制执行。")
    assert claim.anchor == "overdue" and claim.min_days == 730


@pytest.mark.parametrize("text", [
    "法院可以要求借款人的公司每月扣发工资。",
    "执行局向他的工作单位发了协助执行通知书。",
    "法院会通知借款人的单位扣工资。",
])
def test_a_court_telling_the_employer_to_withhold_wages_is_no_contact(text: str) -> None:
    topics = tag(text).topics
    assert "legal_action" in topics
    assert "contacts_family" not in topics and "debtor_contact" not in topics


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("银行会通知借款人的家属。", "affirms"),
        ("平台不会联系你的同事。", "denies"),
        ("催收打电话到借款人的公司要钱。", "affirms"),
    ],
)
def test_the_borrowers_people_told_are_contacts(text: str, stance: str) -> None:
    claim = tag(text)
    assert claim.topics == ("contacts_family",) and claim.stance == stance
