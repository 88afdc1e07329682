"""Issue 14, probes 30-32: rarity words, weakened negation, debt relief and robocalls.

Every sentence here was written for this file (none is copied from a page, none is a
probe line); the expected labels follow DOMAIN.md's conventions, one class per test.
"""

from __future__ import annotations

import pytest

from pipeline.claims import tag_sentence
from pipeline.records import Claim


def tag(text: str) -> Claim:
    """The (first) claim of one sentence."""
    return tag_sentence("t", 0, "", text)


@pytest.mark.parametrize(("text", "topic"), [
    ("鲜有银行会为几百块钱派人上门。", "home_visit"),
    ("极个别平台会把逾期的事告诉借款人的同事。", "contacts_family"),
    ("少有网贷平台会真的去法院起诉。", "legal_action"),
    ("信用卡逾期被判刑的只是少数。", "criminal_risk"),
    ("真正上门催收的属于个别现象。", "home_visit"),
])
def test_rarity_before_or_after_the_cue_denies_with_a_frequency_hedge(
        text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("denies", "frequency")


@pytest.mark.parametrize(("text", "topic"), [
    ("网贷逾期后被爆通讯录的情况并不少见。", "contacts_family"),
    ("信用卡逾期后银行打电话给家里人的屡见不鲜。", "contacts_family"),
    ("欠款多年被法院起诉的并不罕见。", "legal_action"),
])
def test_rarity_denied_is_commonness_which_affirms(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("affirms", "frequency")


@pytest.mark.parametrize(("text", "topic"), [
    ("并非每次逾期都会上征信。", "credit_report"),
    ("不是每家银行都会起诉持卡人。", "legal_action"),
    ("并不是每位催收员都会打给紧急联系人。", "contacts_family"),
])
def test_not_every_time_or_every_lender_is_a_possibility(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("affirms", "possibility")


@pytest.mark.parametrize(("text", "topic"), [
    ("收到律师函并不说明已经被起诉。", "legal_action"),
    ("接到外访通知不见得真的会有人上门。", "home_visit"),
    ("短信提到冻结账户，并不表示额度真的会被冻结。", "account_impact"),
])
def test_a_sign_that_proves_nothing_is_a_possibility_not_a_denial(text: str, topic: str) -> None:
    claim = tag(text)
    assert claim.topics == (topic,)
    assert (claim.stance, claim.hedge) == ("affirms", "possibility")


@pytest.mark.parametrize(("text", "topic"), [
    ("还清欠款后，征信上的逾期记录不会马上消除。", "credit_report"),
    ("平台并不会因为你还清了欠款就把你从黑名单里删除。", "credit_report"),
    ("就算协商成功了，银行也不会撤销已经提交的起诉。", "legal_action"),
])
def test_a_negator_aimed_at_an_ending_keeps_the_event(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize(("text", "topic"), [
    ("平台不会因为你还了一部分就停止催收。", "negotiation"),
    ("银行不会停掉你的卡。", "account_impact"),
    ("逾期记录不会因为还清而消失。", "credit_report"),
])
def test_an_ending_inside_a_cue_or_before_the_negator_reads_as_before(
        text: str, topic: str) -> None:
    # 停止催收 and 停掉…卡 are cues of their own: the negator denies them; a cue
    # before the negator is never in its scope
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == ("affirms" if topic == "credit_report" else "denies")


@pytest.mark.parametrize("text", [
    "千万不要失联，主动跟银行协商分期。",
    "失业了也别玩失联，每个月还一点也比不还强，平台更愿意谈分期。",
    "切勿失联，有困难就打客服电话申请延期还款。",
])
def test_out_of_reach_forbidden_to_the_reader_is_advice_not_a_condition(text: str) -> None:
    claim = tag(text)
    assert "negotiation" in claim.topics
    assert (claim.stance, claim.modality) == ("affirms", "advice")


def test_out_of_reach_as_the_case_stays_a_condition() -> None:
    claim = tag("借款人一旦失联，催收就会打给紧急联系人。")
    assert (claim.topics, claim.stance) == (("contacts_family",), "conditional")
    assert tag("借款人长期失联的话，平台可能会委托外访。").stance == "conditional"


@pytest.mark.parametrize("text", [
    "逾期超过90天，很多人就成了网黑。",
    "被拉进风控名单的用户，在别的平台也很难借到钱。",
    "上了拒贷名单，短时间内很难再申请到信用卡。",
])
def test_names_for_a_shared_blacklist_are_credit_records(text: str) -> None:
    assert "credit_report" in tag(text).topics


@pytest.mark.parametrize("text", [
    "逾期以后银行把我的信用卡关了。",
    "白条逾期后，京东把白条额度给关了。",
    "还款晚了几天，平台就把借款入口关掉了。",
])
def test_an_account_shut_with_its_name_between_is_account_impact(text: str) -> None:
    claim = tag(text)
    assert claim.topics == ("account_impact",)
    assert claim.stance == "affirms"


def test_a_phone_switched_off_is_no_account_shut() -> None:
    assert tag("催收打不通，我干脆把手机关了。").topics == ()


@pytest.mark.parametrize("text", [
    "现在很多银行用智能外呼提醒逾期客户还款。",
    "不少网贷平台的AI催收一天能打几十万个电话。",
    "机器人催收的语气通常比较客气。",
])
def test_robocalls_by_other_names_are_calls_to_the_borrower(text: str) -> None:
    assert "debtor_contact" in tag(text).topics


@pytest.mark.parametrize("text", [
    "法务部门打电话过来催款，其实跟普通催收是一回事。",
    "平台法务部打来的电话，说话比普通催收凶一些。",
    "接到所谓法务部的来电，不必太紧张。",
])
def test_a_call_from_a_legal_department_is_collection_not_a_lawsuit(text: str) -> None:
    claim = tag(text)
    assert "debtor_contact" in claim.topics
    assert "legal_action" not in claim.topics


def test_a_self_styled_legal_department_stays_an_impostor() -> None:
    assert tag("有个自称平台法务部的人打来电话，说要马上处理。").topics == ("fake_collection",)


@pytest.mark.parametrize(("text", "topic"), [
    ("银行可以直接为困难客户办理债务重组，不收任何费用。", "negotiation"),
    ("去原贷款银行申请债务重组，不收中介费。", "negotiation"),
    ("某些机构先垫资帮你还清信用卡，再收高额手续费。", "debt_help_scam"),
    ("交了五千块重组费，对方就再也联系不上了。", "debt_help_scam"),
    ("所谓的重组公司，收的都是前期费用。", "debt_help_scam"),
])
def test_restructuring_by_the_lender_is_negotiation_paid_restructuring_a_scam(
        text: str, topic: str) -> None:
    assert tag(text).topics == (topic,)


@pytest.mark.parametrize(("text", "days"), [
    ("银行同意展期半年。", 182),
    ("平台答应延期两个月还款。", 60),
    ("客服同意缓还三个月。", 90),
])
def test_a_deferral_granted_is_an_installment_span(text: str, days: int) -> None:
    claim = tag(text)
    assert "negotiation" in claim.topics
    assert (claim.min_days, claim.max_days, claim.anchor) == (days, days, "installment")


@pytest.mark.parametrize(("text", "topic"), [
    ("额度被冻结了，不过借呗里的欠款不受影响。", "account_impact"),
    ("逾期以后支付宝把花呗停用了，但余额宝里的钱不受影响。", "account_impact"),
    ("催收电话一天打好几个，不过生活基本没有影响。", "debtor_contact"),
])
def test_a_denial_after_a_contrast_word_does_not_reach_back(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "affirms"


def test_a_denial_standing_alone_still_denies_the_clause_before() -> None:
    claim = tag("被抓去坐牢的，少之又少。")
    assert (claim.topics, claim.stance) == (("criminal_risk",), "denies")


def test_a_wait_after_settling_in_full_is_the_records_time_not_an_overdue() -> None:
    claim = tag("结清所有欠款后再等两年，征信才会好看一些。")
    assert "credit_report" in claim.topics
    assert (claim.min_days, claim.max_days, claim.anchor) == (730, 730, "retention")


@pytest.mark.parametrize("text", [
    "征信上连续逾期的，申请房贷很可能被拒贷。",
    "逾期记录多了，去银行办信用卡也会被拒贷。",
    "征信上有当前逾期的人，车贷基本都会被拒贷。",
])
def test_a_loan_refused_for_the_record_keeps_the_record(text: str) -> None:
    claim = tag(text)
    assert "credit_report" in claim.topics
    assert claim.stance == "affirms"


# ------------------------------------------------------------------ probe34's classes


@pytest.mark.parametrize("text", [
    "信用卡欠款属于民事纠纷，一般不会牵扯到刑事。",
    "单纯还不上钱是民事案件，催收说要抓你是在吓唬人。",
    "网贷逾期本质上只是民事纠纷。",
])
def test_a_civil_dispute_denies_criminal_risk(text: str) -> None:
    claim = tag(text)
    assert "criminal_risk" in claim.topics
    assert claim.stance == "denies"


@pytest.mark.parametrize("text", [
    "欠钱不还会不会被警察抓？",
    "欠了十几万网贷，晚上睡觉都怕被公安抓。",
    "真有诈骗情节的，派出所抓人也不奇怪。",
])
def test_the_police_named_as_arrester_is_criminal_risk(text: str) -> None:
    assert "criminal_risk" in tag(text).topics


@pytest.mark.parametrize(("text", "stance"), [
    ("资产公司买断了这批债权，之后由他们来催收。", "affirms"),
    ("一家资产管理机构收购了平台的不良债权。", "affirms"),
    ("外包公司只负责催收，并没有买下你的债。", "denies"),
])
def test_a_debt_bought_by_another_party_is_a_debt_sale(text: str, stance: str) -> None:
    claim = tag(text)
    assert "bad_debt_transfer" in claim.topics
    assert claim.stance == stance


@pytest.mark.parametrize("text", [
    "平台天天打电话催我还钱。",
    "小额欠款一般只是电话催一催。",
    "逾期第三天银行就开始电话催款了。",
])
def test_a_call_to_press_for_payment_is_a_call_to_the_borrower(text: str) -> None:
    assert "debtor_contact" in tag(text).topics


@pytest.mark.parametrize("text", [
    "欠几千块网贷，警察不会上门抓人。",
    "真要是诈骗，公安会直接上门把人带走。",
    "网上说逾期会有警察上门逮捕，这是谣言。",
])
def test_the_police_coming_to_arrest_is_no_collection_visit(text: str) -> None:
    claim = tag(text)
    assert "home_visit" not in claim.topics


def test_a_collector_at_the_door_is_still_a_visit() -> None:
    assert "home_visit" in tag("催收人员冒充警察上门，说要把人带走。").topics
    assert "home_visit" in tag("外包公司的人上门催收，在门口坐了一下午。").topics


@pytest.mark.parametrize("text", [
    "派出所接到报警后，通常会叫双方来调解。",
    "民警到场以后先调解，让催收员删掉了照片。",
    "报警之后警察一般只做调解，不会替你销账。",
])
def test_the_polices_mediation_is_no_court_mediation(text: str) -> None:
    assert "legal_action" not in tag(text).topics


def test_a_courts_mediation_stays_legal_action() -> None:
    assert "legal_action" in tag("法院组织诉前调解，通知双方到场。").topics


@pytest.mark.parametrize(("text", "topic"), [
    ("逾期时间长、金额大的才会被起诉。", "legal_action"),
    ("有钱不还又转移财产的才会被追究刑事责任。", "criminal_risk"),
    ("联系不上本人的才会打给紧急联系人。", "contacts_family"),
])
def test_a_de_phrase_right_before_cai_is_a_condition(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "conditional"


# ------------------------------------------------------------------ probe35's classes


@pytest.mark.parametrize("text", [
    "机器人打来的推销电话一天好几个。",
    "很多营销公司用智能语音给人打广告电话。",
    "每天接到的机器人电话，多半是推销保险的。",
])
def test_a_marketing_robocall_is_no_collection_call(text: str) -> None:
    assert tag(text).topics == ()


@pytest.mark.parametrize("text", [
    "催收天天打电话，比推销电话还烦。",
    "逾期以后催收机器人天天打电话，比推销电话还烦。",
    "逾期第二天就接到了机器人电话。",
])
def test_a_collection_call_next_to_a_sales_call_stays(text: str) -> None:
    assert "debtor_contact" in tag(text).topics


@pytest.mark.parametrize(("text", "topic"), [
    ("别把催收机器人的话当真，欠款还是要慢慢还。", "debtor_contact"),
    ("不用把催收短信当回事，真要起诉会有法院通知。", "debtor_contact"),
    ("那些催收电话别往心里去，按自己的节奏还钱就好。", "debtor_contact"),
])
def test_a_negator_aimed_at_taking_it_seriously_keeps_the_call(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize(("text", "topic"), [
    ("绝大部分借款合同里都写着逾期后可以委托第三方催收。", "third_party_agency"),
    ("合同上写着逾期会上报征信。", "credit_report"),
    ("借款协议里写着逾期罚息按日万分之五计算。", "penalty_fees"),
])
def test_a_contracts_terms_are_no_quoted_threat(text: str, topic: str) -> None:
    claim = tag(text)
    assert claim.topics == (topic,)
    assert claim.stance == "affirms"


@pytest.mark.parametrize(("text", "topic"), [
    ("银行已经把我的欠款转给合作机构处理了。", "third_party_agency"),
    ("客服说案子已交给合作机构，后面由他们联系你。", "third_party_agency"),
    ("有的AI催收会专门打给家里的长辈。", "contacts_family"),
])
def test_partners_and_elders_by_name(text: str, topic: str) -> None:
    assert topic in tag(text).topics


@pytest.mark.parametrize("text", [
    "征信上有逾期的，申请信用卡多半被拒。",
    "上了黑名单以后，我办了三家银行的卡全被拒。",
    "逾期记录没消之前去申请车贷，结果被拒。",
])
def test_a_loan_or_card_refused_for_the_record_does_not_deny_it(text: str) -> None:
    claim = tag(text)
    assert "credit_report" in claim.topics
    assert claim.stance == "affirms"


# ------------------------------------------------------------------ probe36's classes


@pytest.mark.parametrize(("text", "topic"), [
    ("网贷逾期被起诉的可能性不大。", "legal_action"),
    ("催收打到单位的几率并不高。", "contacts_family"),
    ("因为信用卡逾期坐牢的概率其实不高。", "criminal_risk"),
])
def test_a_chance_put_as_not_high_denies_with_a_frequency_hedge(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert (claim.stance, claim.hedge) == ("denies", "frequency")


@pytest.mark.parametrize("text", [
    "只有不到百分之五的逾期用户遇到过上门催收。",
    "真被起诉的不到一成。",
    "逾期用户里被爆通讯录的不到10%。",
])
def test_a_small_share_is_rarity_with_a_frequency_hedge(text: str) -> None:
    claim = tag(text)
    assert (claim.stance, claim.hedge) == ("denies", "frequency")


@pytest.mark.parametrize(("text", "topic"), [
    ("也不是说上门催收就绝对不会发生，欠款特别大的还是有可能。", "home_visit"),
    ("不是说欠了钱就不会被起诉，金额大的照样会告。", "legal_action"),
    ("并不是说欠了网贷就一定不会被起诉。", "legal_action"),
])
def test_a_copular_double_negation_does_not_deny(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "affirms"


@pytest.mark.parametrize("text", [
    "这并不是起诉。",
    "也不是起诉，只是发了一封催收函。",
    "没有上门也没有起诉。",
])
def test_a_single_negation_still_denies(text: str) -> None:
    assert tag(text).stance == "denies"


@pytest.mark.parametrize(("text", "stance"), [
    ("天天电话轰炸，却从来没有人真的上过门。", "denies"),
    ("去年催收上过门，坐了半小时就走了。", "affirms"),
    ("我欠了两年，催收一次都没上过门。", "denies"),
])
def test_a_visit_in_the_experiential_aspect(text: str, stance: str) -> None:
    claim = tag(text)
    assert "home_visit" in claim.topics
    assert claim.stance == stance


@pytest.mark.parametrize("text", [
    "大可不必太担心上门的事，多数催收只是吓唬你。",
    "逾期几天而已，大可不必担心上征信。",
    "催收电话大可不必每个都接。",
])
def test_da_ke_bu_bi_is_advice(text: str) -> None:
    assert tag(text).modality == "advice"


@pytest.mark.parametrize(("text", "topic"), [
    ("网上说逾期满三个月必定上门，这种说法并不可信。", "home_visit"),
    ("有人说借呗逾期会坐牢，这个说法不靠谱。", "criminal_risk"),
    ("很多人以为逾期一天就会被起诉，这种说法站不住脚。", "legal_action"),
])
def test_a_belief_called_untrustworthy_is_rejected(text: str, topic: str) -> None:
    claim = tag(text)
    assert topic in claim.topics
    assert claim.stance == "denies"
