"""Session nineteen: classes found by a seventh wave of helper sessions' blind lines (other
lending apps, repaying after overdue, many debts, collection messages, car loans and
mortgages, card overdraft as a crime; probe568-585).

Each class has sentences of its own and a near miss that keeps the old reading.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a record not left or shown, said after the credit report ---------------------------------


def test_a_record_not_left_does_not_deny_a_grace_named_before() -> None:
    # near miss: the grace is real, the record is what is not left
    a = analyse("多数银行给两天宽限，两天里补上不会留下记录。")
    assert a.topics == ("overdue_grace",)
    assert a.stance != "denies"


# -- the product open again after repaying --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("欠款结清后，白条一般第二天就能重新用。", None),
        ("还清以后要等一个账单周期，借呗才会重新开放。", None),
        ("还清以后花呗照常使用，额度也没有太大影响。", "denies"),
    ],
)
def test_a_product_open_again_after_repaying_is_the_account(sentence: str,
                                                            stance: str | None) -> None:
    a = analyse(sentence)
    assert a.topics == ("account_impact",)
    if stance is not None:
        assert a.stance == stance


# -- a punishment the law allows is no advice -------------------------------------------------


def test_a_punishment_someone_may_be_given_is_no_advice() -> None:
    a = analyse("暴力催收情节严重的，催收员可以被处以拘留。")
    assert "complaints_rights" in a.topics
    assert a.modality != "advice"


def test_the_reader_may_call_the_police_is_advice() -> None:
    # near miss: 可以 addressed to the reader
    assert analyse("遇到暴力催收，你可以报警。").modality == "advice"


# -- a call-to-action box with a titled adviser --------------------------------------------


def test_a_collector_adding_the_borrower_is_no_box() -> None:
    # near miss: the collector is the one who added
    assert analyse("那个催收员加了我的微信，天天给我打电话。").topics != ()


# -- a seller's lie that it can get relief is the debt-help scam ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有的代理机构声称能帮你把罚息全免，收完钱就联系不上了。",
        "这些所谓的法务团队谎称能替你跟平台谈停息挂账，其实什么也没办。",
    ],
)
def test_a_sellers_lie_about_relief_is_the_debt_help_scam(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "debt_help_scam" in topics
    assert "fake_collection" not in topics


# -- after a circumstance, the main clause tells the reader what to do --------------------------


def test_what_to_keep_after_a_circumstance_is_advice_in_a_longer_sentence() -> None:
    a = analyse("碰到骂人、威胁的催收员，要保留录音和截图，再去监管部门投诉。")
    assert "complaints_rights" in a.topics
    assert a.modality == "advice"


def test_a_story_after_a_circumstance_is_no_advice() -> None:
    # near miss: the main clause tells what happened
    assert analyse("碰到骂人的催收员，他当时就挂了电话。").modality != "advice"


# -- a threat's words stop where the author speaks again ---------------------------------------


def test_the_authors_reminder_after_a_threat_is_advice() -> None:
    a = analyse("要是有人扬言要去你单位闹，记得把录音留着，再去投诉。")
    assert "complaints_rights" in a.topics
    assert a.modality == "advice"


def test_a_threat_running_one_clause_on_stays_the_callers() -> None:
    # near miss: the next clause is still the caller's words
    a = analyse("对方扬言要去你单位闹，让你全公司都知道。")
    assert "debtor_contact" in a.topics
    assert a.modality != "advice"


# -- appearing in court -------------------------------------------------------------------


def test_appearing_in_court_is_the_lawsuit() -> None:
    a = analyse("就算暂时还不上，也建议按时出庭，把困难当面说清楚。")
    assert a.topics == ("legal_action",)
    assert a.modality == "advice"


# -- a judgment refused named as the crime --------------------------------------------------


def test_a_judgment_refused_with_a_criminal_word_is_the_crime_alone() -> None:
    a = analyse("有能力还却一直拒不履行判决的，可能被追究刑事责任，最高七年。")
    assert a.topics == ("criminal_risk",)
    assert a.threshold is None


# -- the neighbours, a restriction not reaching relatives, nothing found about them -----------


def test_a_restriction_not_reaching_the_spouse_is_no_contact() -> None:
    a = analyse("被限制高消费的只是本人，这项限制不会延伸到配偶身上。")
    assert "contacts_family" not in a.topics
    assert "legal_action" in a.topics


# -- a request refused because of the record is a consequence, no denial of it --------------


@pytest.mark.parametrize(
    "sentence",
    ["有过连三累六，这样的征信去申请房贷多半会被拒。", "征信上挂着逾期的人，办信用卡基本会被拒。"],
)
def test_a_request_refused_after_the_record_does_not_deny_it(sentence: str) -> None:
    a = analyse(sentence)
    assert "credit_report" in a.topics
    assert a.stance != "denies"


# -- a store's pay-later product named with 分期, and its payments refused ---------------------


def test_a_stores_pay_later_product_refusing_payments_is_the_account() -> None:
    a = analyse("借呗逾期十天以后，天猫分期购下单时付款会失败。")
    assert "negotiation" not in a.topics
    assert "account_impact" in a.topics


# -- a card closed with a word between, not many sued ------------------------------------------


def test_not_many_sued_after_the_event_denies_it() -> None:
    a = analyse("真正被平台起诉到法院的人其实并不多。")
    assert a.topics == ("legal_action",)
    assert a.stance == "denies"
    assert a.hedge == "frequency"


def test_many_sued_still_affirms() -> None:
    # near miss: no rarity
    assert analyse("被平台起诉到法院的人越来越多。").stance == "affirms"


# -- whoever is in the address book ------------------------------------------------------------


def test_whoever_is_named_by_a_de_phrase_before_a_comma_is_no_condition() -> None:
    a = analyse("只要是你手机通讯录里有的人，都有可能接到催收电话。")
    assert a.topics
    assert a.stance != "conditional"


def test_a_plain_as_long_as_is_still_a_condition() -> None:
    # near miss: 只要 with no 的-phrase
    assert analyse("只要逾期超过三个月，都有可能被起诉。").stance == "conditional"


# -- the reader told to beware, and what to do once it is found out ---------------------------


def test_beware_said_to_the_reader_with_also_is_advice() -> None:
    assert analyse("还要警惕有人冒充银行客服，让你转账到个人卡上。").modality == "advice"


def test_a_summary_that_names_what_to_beware_of_stays_descriptive() -> None:
    # near miss: the demo web's summary line
    assert analyse("小编总结：逾期后要警惕各种冒充催收的骗局。").modality == "descriptive"


def test_what_to_do_once_it_is_found_out_is_advice() -> None:
    a = analyse("一旦发现家人被骚扰，先把通话记录截图保存下来。")
    assert a.modality == "advice"


# -- a rumour told with an adverb between, a seller's promise ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "这些代理公司嘴上承诺能帮你延期三年、保证不被起诉，收了钱就不管了。",
        "中介口头承诺可以免掉所有罚息，最后一分都没免。",
    ],
)
def test_a_sellers_promise_is_the_sellers_words(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "debt_help_scam" in topics
    assert "legal_action" not in topics


# -- the classes whose check is the topic set alone, with their near misses ------------------
# (one table each: a line that is no claim, the exact topics of a line, a topic given or not)


@pytest.mark.parametrize(
    "sentence",
    [
        # a form's fields, a phone plan's messages, a parcel left at a pickup point
        "申请表上要写两个联系人的姓名和电话。",
        "话费套餐到期以后，常会收到运营商推送的营销短信。",
        "包裹放在驿站逾期未取，会收到短信提醒。",
        # a company's ad, firms' contracts, sales calls
        "专业代办诉讼保全担保，微信同号，二十四小时在线。",
        "供应商延期交货，按合同要赔我们一笔违约金。",
        "我表姐的手机号一天能接到十几个推销电话。",
        # a call-to-action box with a titled adviser; the same box unquoted; a comment invitation
        "添加专属规划老师微信，一对一免费定制方案。",
        "负债太多睡不着？加资深顾问微信帮你算一算。",
        "免费咨询，帮你全额退息。",
        "网贷逾期会不会被起诉？欢迎到评论区留言聊聊。",
        # near misses: two things named side by side; words shown on a banner, no advert
        "降额和冻结储蓄卡是两回事，别把它们混为一谈。",
        "小区门口挂着“欠债还钱”的横幅。",
    ],
)
def test_page_furniture_and_other_matters_are_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        # time granted for the borrower's goodwill is negotiated
        ("只要拿出像样的还款计划，银行大多愿意再给一个月的宽限。", {"negotiation"}),
        ("平台为了把钱收回来，往往愿意多给借款人几周缓冲时间。", {"negotiation"}),
        # a failed step as the time frame is circumstance
        ("跟平台谈崩以后，催收真会找上门吗？", {"home_visit"}),
        ("调解失败之后，这笔账多半会转给外包公司。", {"third_party_agency"}),
        # a card closed with a word between
        ("拖了半年以上的，卡一般会被银行直接封掉。", {"account_impact"}),
        # near misses: the lender's own message; a grace every borrower gets; a hearing named
        # plainly; the loan's own late fee; the borrower himself reached
        ("逾期以后会收到平台的催收短信。", {"debtor_contact"}),
        ("大部分银行信用卡都有三天左右的宽限期。", {"overdue_grace"}),
        ("法院开庭时借款人最好到场。", {"legal_action"}),
        ("信用卡逾期会按合同收违约金。", {"penalty_fees"}),
        ("银行一般只会联系借款人本人。", {"debtor_contact"}),
    ],
)
def test_the_topics_of_a_line_are_exactly_these(sentence: str, topics: set[str]) -> None:
    assert topics_of(sentence) == topics


@pytest.mark.parametrize(
    ("sentence", "topic", "given"),
    [
        # lending apps named with 分期 are no plan; 分期 asked for is
        ("来分期逾期两天了，会不会打给我妈？", "negotiation", False),
        ("趣分期的欠款拖了半个月，催收天天打电话。", "negotiation", False),
        ("实在还不上，可以跟平台申请分期。", "negotiation", True),
        ("还不上可以找银行办个分期。", "negotiation", True),
        # the emergency contact dialled and a message passed on through the family reach it;
        # the contact merely filled in does not
        ("逾期一个月，平台会拨打当初申请贷款时留的紧急联系人。", "contacts_family", True),
        ("平台可能会通过家属向你转达还款提醒。", "contacts_family", True),
        ("申请时预留的紧急联系人要真实有效。", "contacts_family", False),
        # money paid into a card reaches nobody; the spouse called is reached
        ("借款直接打到了银行卡里。", "contacts_family", False),
        ("催收员打电话到了他配偶的单位。", "contacts_family", True),
        # relatives scared by the collector are reached, by the news are not
        ("催收员连他年迈的父母也一起恐吓。", "contacts_family", True),
        ("父母知道我欠了钱以后，整晚都睡不着。", "contacts_family", False),
        # an impostor's threat stays an impostor's; a refused judgment without a criminal
        # word is the lawsuit; the court of the borrower's domicile is no visit
        ("骗子谎称你已经涉嫌诈骗，马上要被拘留。", "fake_collection", True),
        ("拒不履行判决的，法院会把他列为失信被执行人。", "legal_action", True),
        ("平台可以到借款人住所地的法院起诉。", "home_visit", False),
        # calls that keep coming, and the borrower's mobile dialled, are calls
        ("催收电话每天都会打过来。", "debtor_contact", True),
        ("催收员会一遍遍拨打借款人的手机。", "debtor_contact", True),
    ],
)
def test_a_topic_is_given_or_not(sentence: str, topic: str, given: bool) -> None:
    assert (topic in topics_of(sentence)) is given


# -- the classes whose check is a topic and the stance, with their near misses -----------------
# (one table each: the line's only topic, or one topic among its others, and the stance; the
# comments name each class as its own section did)


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        # "does it count as overdue?" asked A-not-A
        ("最低还款额按时还了，这样算不算逾期？", "overdue_grace", "question"),
        ("钱晚到账一天，到底算不算是逾期呢？", "overdue_grace", "question"),
        # near miss: no question, the old cue 不算逾期
        ("还了最低还款额就不算逾期。", "overdue_grace", "affirms"),
        # a record kept not for ever is a record kept
        ("征信里的逾期记录不会永久保留，欠款结清后再留五年。", "credit_report", "affirms"),
        ("不良记录并不是永久保留，结清五年后自动删掉。", "credit_report", "affirms"),
        # near miss: the negator stands before the record itself
        ("按时还款的人，征信上不会出现逾期记录。", "credit_report", "denies"),
        # a record not left or shown, said after the credit report
        ("在宽限期里把钱补上，征信报告上根本不会留下痕迹。", "credit_report", "denies"),
        ("只要按时补上，征信上就不再显示这一笔了。", "credit_report", "denies"),
        # not amounting to a crime
        ("单纯因为失业还不上钱，构不成诈骗罪。", "criminal_risk", "denies"),
        ("欠的这点钱够不上恶意透支的标准。", "criminal_risk", "denies"),
        # near miss: 构成 without a negator
        ("数额巨大的恶意透支构成信用卡诈骗罪。", "criminal_risk", "affirms"),
        # the act pointed back at, "is not done"
        ("把你欠钱的事告诉通讯录里的好友，正经机构是不会做的。", "contacts_family", "denies"),
        # the product open again after repaying
        # near miss: the freeze itself
        ("逾期以后借呗额度会被冻结。", "account_impact", "affirms"),
        # a claim set against a third thing by 这跟…不是一回事 stands
        (
            "欠款拖久了，平台会先把借呗额度降下来，这跟银行冻结工资卡不是一回事。",
            "account_impact", "affirms",
        ),
        # a seller's promise quoted as an advert
        ("千万别信那些“包办停息挂账、保证不上门”之类的广告。", "debt_help_scam", "denies"),
        ("朋友圈里常见“一周上岸、永不被起诉”这类广告。", "debt_help_scam", "affirms"),
        # a failed step as the time frame gives no topic of its own
        # near miss: 失败…才会 names the condition, the lawsuit is the claim
        ("调解失败了，平台才会正式去法院起诉。", "legal_action", "conditional"),
        # the neighbours, a restriction not reaching relatives, nothing found about them
        ("父亲欠的网贷，在儿子的征信报告上查不到。", "credit_report", "denies"),
        # the calls left unanswered are the case, not a call
        ("长期不接催收电话的话，会不会有人上门？", "home_visit", "question"),
        # anyone but the borrower reached
        ("银行系贷款基本不联系借款人以外的人。", "contacts_family", "denies"),
        # a rumour told with an adverb between, a seller's promise
        (
            "网上一直流传白条不上征信的讲法，现在看已经过时了，白条早就接入征信了。",
            "credit_report", "affirms",
        ),
        # a call-to-action box quoted in a warning, a comment invitation
        ("千万别信直播间里“免费咨询、利息全退”之类的广告。", "debt_help_scam", "denies"),
    ],
)
def test_the_only_topic_and_its_stance(sentence: str, topic: str, stance: str) -> None:
    a = analyse(sentence)
    assert a.topics == (topic,)
    assert a.stance == stance


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        # the home reached with its owner between
        ("催收那边把电话打到了他丈母娘家里。", "contacts_family", "affirms"),
        ("催收一般不会把电话打到欠款人家里。", "contacts_family", "denies"),
        # the act pointed back at, "is not done"
        # near miss: no denial after the act
        ("把你欠钱的事告诉通讯录里的好友，有些小平台真会这么做。", "contacts_family", "affirms"),
        # conditions: a precondition announced, every other means failed first
        ("平台真要上门有个前提，就是欠的钱数目不小。", "home_visit", "conditional"),
        ("电话短信都不起作用了，平台才会去法院起诉。", "legal_action", "conditional"),
        # near miss: no 才, the suit already filed
        ("电话短信都不起作用，平台已经去法院起诉了。", "legal_action", "affirms"),
        # the people reached, described by a negated phrase
        ("连没借过一分钱的父母也接到了催收电话。", "contacts_family", "affirms"),
        ("催收不会告诉你的父母。", "contacts_family", "denies"),
        ("催收员不得向借款人的家属透露欠款。", "contacts_family", "denies"),
        # the neighbours, a restriction not reaching relatives, nothing found about them
        ("催收员不得向左邻右舍打听借款人欠钱的事。", "contacts_family", "denies"),
        # a request the lender will not nod to, or turns down
        ("想只还本金不还利息，平台一般是不会点头的。", "negotiation", "denies"),
        ("不少银行会直接回绝个性化分期的申请。", "negotiation", "denies"),
        # near miss: the lender agrees
        ("只还本金的方案，有的平台也会点头同意。", "negotiation", "affirms"),
        # a request refused because of the record is a consequence, no denial of it
        # near miss: the request is the negotiation itself
        ("逾期以后再去申请分期，很可能会被拒。", "negotiation", "denies"),
        # collectors sent to the borrower's lodging
        ("正经平台通常不会派人到欠款人住处当面要债。", "home_visit", "denies"),
    ],
)
def test_a_topic_among_others_and_its_stance(sentence: str, topic: str, stance: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == stance
