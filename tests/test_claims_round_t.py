"""Round tagger-t (probe200-202, ids qt): the credit record and the messages collectors send.

Each class has sentences of its own (not the probe lines) and a near miss that must keep
its reading: a message quoted after its noun and a colon or after its 【sender】 is the
message's words, not the author's; "as the message says" (按短信里说的) quotes nothing; the
scene an instruction opens with (遇到…, 被…时) gives no topic when the instruction names its
own; a caller styling himself the police or a court is an impostor; 110 dialled to check a
caller is no complaint; a number or data sold on is no debt sale; the thing set aside after
而不是 gives no claim; a collector's 不应该 is a duty, 应该 before a guess is none; a failed
potential complement (拿不到) denies; a table of
contents, an article's outline and a call-to-action button are boilerplate.
"""

from __future__ import annotations

import pytest

from pipeline.claims import analyse
from tests.helpers import topics_of

# -- a message quoted after its noun and a colon, or after its 【sender】 ------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "催收短信的话术大多是：【某消费金融】您已严重逾期，我司将于三日内派员上门。",
        "我收到的短信原文如下：您的欠款已逾期45天，再不处理将通知您的单位。",
        "有读者发来截图，内容是一条短信：【某某贷】您的案件已提交法院立案审查。",
        "平台发的模板一般是：您好，您的账单已逾期20天，请尽快还款以免影响家人。",
    ],
)
def test_a_message_quoted_after_a_colon_is_the_messages_words(sentence: str) -> None:
    a = analyse(sentence)
    assert set(a.topics) == {"debtor_contact"}
    assert a.threshold is None
    assert a.stance == "affirms"


def test_near_miss_a_bracket_label_opening_the_line_is_a_heading() -> None:
    a = analyse("【温馨提醒】信用卡逾期超过三个月，银行会把记录报送给征信中心。")
    assert "credit_report" in a.topics
    assert a.threshold is not None and a.threshold.min_days == 90


def test_near_miss_a_reminder_with_a_colon_is_no_message() -> None:
    assert "credit_report" in topics_of("短信提醒：逾期后第二天就会上征信。")


# -- "as the message says" quotes nothing --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("真正照短信里说的去起诉的平台，其实不多。", "legal_action"),
        ("按催收电话里说的那样去找你家人的，并不常见。", "contacts_family"),
        ("像短信上说的那样当天就派人上门的，几乎没有。", "home_visit"),
    ],
)
def test_as_the_message_says_is_the_authors_event(sentence: str, topic: str) -> None:
    topics = topics_of(sentence)
    assert topic in topics
    assert "debtor_contact" not in topics


def test_near_miss_a_messages_words_after_its_say_word_stay_quoted() -> None:
    topics = topics_of("短信里说的“明天就冻结你的银行卡”，多半是吓唬人。")
    assert topics == {"debtor_contact"}


# -- the scene an instruction opens with ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "被催收打爆电话的时候，记得把每一通来电都截图，再去12378投诉。",
        "遇到催收群发你的欠款信息给亲友，第一时间保存截图，再向监管部门举报。",
        "碰到催收员上门堵人，可以直接报警，再向银行投诉。",
    ],
)
def test_the_scene_before_an_instruction_gives_no_topic(sentence: str) -> None:
    assert topics_of(sentence) == {"complaints_rights"}


def test_near_miss_a_scene_with_a_warning_keeps_it() -> None:
    topics = topics_of("遇到冒充法院的人打电话催款，请先拨打法院的公开电话核实。")
    assert "fake_collection" in topics


def test_near_miss_an_actors_time_clause_keeps_its_topic() -> None:
    assert "home_visit" in topics_of("外访人员上门时，你可以要求对方出示工作证。")


def test_near_miss_a_scene_with_no_topic_after_it_keeps_its_own() -> None:
    assert topics_of("遇到上门催收，先要求对方出示工作证件。") == {"home_visit"}


# -- a caller styling himself the police or a court ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有人自称是派出所民警，说我的网贷涉嫌诈骗，要我配合调查。",
        "对方自称法院执行局的法官，让我当天把欠款打到指定账户。",
        "自称检察院工作人员的来电，十有八九是骗局。",
    ],
)
def test_a_self_styled_authority_is_an_impostor(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "fake_collection" in topics
    assert "criminal_risk" not in topics


def test_near_miss_a_collector_naming_his_employer_stays_a_call() -> None:
    topics = topics_of("接到自称催收专员的电话时，先问清楚对方是哪家机构。")
    assert "fake_collection" not in topics


# -- 110 dialled to check a caller ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "接到自称警察的电话，先挂掉，再打110核实对方身份。",
        "说你涉嫌犯罪的陌生来电，可以拨打110确认真假。",
        "对方冒充公安要你转账时，打110问清楚再说。",
    ],
)
def test_110_to_check_a_caller_is_no_complaint(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "complaints_rights" not in topics
    assert "fake_collection" in topics


def test_near_miss_110_to_report_stays_a_complaint() -> None:
    assert "complaints_rights" in topics_of("催收上门辱骂威胁，直接打110报警。")


# -- a number or data sold on is no debt sale ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "有的平台把用户信息打包卖给骗子，骗子再冒充客服打电话。",
        "这些95号段被人转卖以后，拿来冒充银行催款。",
        "催收公司把借款人的通讯录卖给别的机构，属于违法行为。",
    ],
)
def test_a_number_or_data_sold_is_no_debt_sale(sentence: str) -> None:
    assert "bad_debt_transfer" not in topics_of(sentence)


def test_near_miss_a_debt_sold_stays_a_debt_sale() -> None:
    assert "bad_debt_transfer" in topics_of("银行会把长期收不回的坏账打包卖给资产管理公司。")


# -- the thing set aside after 而不是 -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kept", "gone"),
    [
        ("影响孩子上私立学校的是失信被执行人身份，而不是征信上的逾期记录。", "legal_action",
         "credit_report"),
        ("催收应该联系借款人本人，而不是他的同事。", "debtor_contact", "contacts_family"),
        ("有困难要主动找银行协商，而非等着被起诉。", "negotiation", "legal_action"),
    ],
)
def test_the_thing_set_aside_gives_no_claim(sentence: str, kept: str, gone: str) -> None:
    topics = topics_of(sentence)
    assert kept in topics
    assert gone not in topics


def test_near_miss_and_also_is_no_contrast() -> None:
    assert "debtor_contact" in topics_of("逾期以后银行会先发短信，而且会打电话到本人手机。")


# -- a collector's 不应该 is a duty; 应该 before a guess is none ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "晚上十点以后，催收人员不应该再给借款人打电话。",
        "平台不应该把你的欠款告诉你的同事。",
        "银行不应当向与债务无关的第三人透露欠款信息。",
    ],
)
def test_a_collectors_should_not_is_normative(sentence: str) -> None:
    assert analyse(sentence).modality == "normative"


@pytest.mark.parametrize(
    "sentence",
    [
        "这种情况下，银行应该不会马上起诉。",
        "平台应该是把案子委托给了第三方催收公司。",
        "才逾期两天，催收应该还没开始联系你的家人。",
    ],
)
def test_should_before_a_guess_is_no_duty(sentence: str) -> None:
    assert analyse(sentence).modality != "normative"


def test_near_miss_a_collectors_should_stays_normative() -> None:
    assert analyse("催收方应该先联系借款人本人。").modality == "normative"


# -- a failed potential complement denies ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("正规平台的催收员现在拿不到用户手机里的通讯录。", "contacts_family"),
        ("催收公司查不到你现在的工作单位。", "contacts_family"),
        ("外包的催收员接触不到你的家人。", "contacts_family"),
    ],
)
def test_a_failed_potential_complement_denies(sentence: str, topic: str) -> None:
    a = analyse(sentence)
    assert topic in a.topics
    assert a.stance == "denies"


def test_near_miss_out_of_reach_stays_a_condition() -> None:
    a = analyse("联系不到本人时，平台才会打紧急联系人的电话。")
    assert "contacts_family" in a.topics
    assert a.stance == "conditional"


# -- a table of contents, an outline and a call-to-action button ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "本文目录 1.逾期多久上征信 2.征信多久能恢复 3.怎么申诉",
        "下面分两个方面来讲：罚息怎么算、催收能做什么。",
        "本文从三个角度来分析逾期对征信的影响。",
        "点击下方“一键查询”，免费查看自己的征信报告。",
        "长按识别二维码，领取逾期协商攻略。",
    ],
)
def test_contents_outline_and_buttons_are_boilerplate(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_button_that_says_how_the_app_works_stays() -> None:
    assert "negotiation" in topics_of("点击“申请延期”后，平台会在三个工作日内答复。")


# -- fixed after probe202 (its after row is fitted) -----------------------------------------

# the reader told to look something up: the question is what he checks, no question asked


@pytest.mark.parametrize(
    "sentence",
    [
        "接到说你被起诉的电话，先去法院官网查一下有没有立案。",
        "收到律师函以后，上律师协会的网站查查这家律所是不是真的。",
        "担心被上门的话，打平台客服问一下有没有安排外访。",
    ],
)
def test_looking_it_up_is_no_question(sentence: str) -> None:
    a = analyse(sentence)
    assert a.topics
    assert a.stance != "question"


def test_near_miss_a_question_to_the_reader_stays_a_question() -> None:
    assert analyse("逾期三个月，银行到底有没有立案？").stance == "question"


# the borrower in person as the one who may act: advice


@pytest.mark.parametrize(
    "sentence",
    [
        "信用卡被盗刷产生的逾期，本人可以向发卡行申请更正征信记录。",
        "本人可以每年两次免费查询自己的信用报告，看看有没有错误的逾期记录。",
        "如果催收骚扰你的家人，本人可以向银保监部门投诉。",
    ],
)
def test_the_borrower_in_person_may_is_advice(sentence: str) -> None:
    assert analyse(sentence).modality == "advice"


def test_near_miss_the_lender_may_stays_descriptive() -> None:
    assert analyse("逾期超过九十天，银行可以起诉借款人。").modality != "advice"


# two systems told apart, and the reader asked to pass the page on


@pytest.mark.parametrize(
    "sentence",
    [
        "百行征信和人行征信是两套系统，别把它们搞混。",
        "网贷大数据跟央行的信用报告是两个系统。",
        "转发给身边还在被催收困扰的朋友吧！",
        "建议收藏，以后被催收时拿出来看看。",
    ],
)
def test_two_systems_and_a_share_request_are_no_claims(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_collector_forwarding_is_a_claim() -> None:
    assert "contacts_family" in topics_of("催收员把我的欠款截图转发给了我所有的同事。")


def test_near_miss_two_systems_then_a_claim_of_its_own() -> None:
    topics = topics_of("大数据和征信是两套系统，大数据花了不会显示在征信报告上。")
    assert "credit_report" in topics


# -- found on scratch lines of the theme after probe202 (no probe row moved) ----------------

# a message's content named after its noun, with no colon


@pytest.mark.parametrize(
    "sentence",
    [
        "我收到一条催收短信，内容是让我两天内还清，否则就联系我老婆。",
        "那条信息的内容大概是说平台已经申请了财产保全。",
        "对方发来的消息内容为：再不还款就去你公司找人事。",
    ],
)
def test_a_messages_content_after_its_noun_is_the_messages(sentence: str) -> None:
    assert topics_of(sentence) == {"debtor_contact"}


def test_near_miss_content_with_no_message_stays() -> None:
    topics = topics_of("投诉信里要写清楚：借款平台名称、借款编号、被骚扰的时间和具体内容。")
    assert "complaints_rights" in topics


# the article saying what it will tell the reader


@pytest.mark.parametrize(
    "sentence",
    [
        "这篇文章会告诉你征信多久能恢复。",
        "下面就告诉大家逾期以后催收会不会打给家人。",
        "本文帮你搞清楚网贷逾期到底会不会被起诉。",
    ],
)
def test_the_article_saying_what_it_tells_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_collector_telling_the_family_stays() -> None:
    assert "contacts_family" in topics_of("催收员会把你欠钱的事告诉你的家人。")


# the objection to a record under the name pages give it


@pytest.mark.parametrize(
    "sentence",
    [
        "异议申诉一般在二十天内会有结果。",
        "银行扣款失败导致的逾期，可以走异议申诉把记录撤掉。",
        "异议申诉成功以后，错误的逾期记录会被删除。",
    ],
)
def test_an_objection_to_a_record_is_the_credit_report(sentence: str) -> None:
    assert "credit_report" in topics_of(sentence)


def test_near_miss_an_objection_to_a_court_stays_a_lawsuit() -> None:
    topics = topics_of("收到外地法院的传票，可以在答辩期内提出管辖权异议。")
    assert topics == {"legal_action"}


# a word named as a word is mentioned, not used (qq016's precedent)


@pytest.mark.parametrize(
    "sentence",
    [
        "很多人一听到“上征信”三个字就紧张。",
        "很多借款人看到“律师函”这几个字，当场就慌了。",
        "他现在看到“逾期”两个字都会心里一紧。",
    ],
)
def test_a_word_named_as_a_word_is_no_claim(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_a_quoted_threat_stays_a_message() -> None:
    assert "debtor_contact" in topics_of("催收在短信里写着“明天上门”，这是典型的吓唬。")


# the borrower's fear of a record or of a call to the family, said with a degree word


@pytest.mark.parametrize(
    "sentence",
    [
        "我当时真的很怕催收打给我妈。",
        "那几年他特别怕自己的征信出问题，连信用卡都不敢办。",
        "她很怕上了征信以后孩子上不了学。",
    ],
)
def test_a_fear_is_no_claim_that_it_happens(sentence: str) -> None:
    topics = topics_of(sentence)
    assert "contacts_family" not in topics
    assert "credit_report" not in topics


def test_near_miss_a_fear_beside_a_claim_of_its_own() -> None:
    topics = topics_of("我很怕被起诉，后来平台真的把我的逾期报送了征信。")
    assert "credit_report" in topics


# a title saying the article makes things clear, a keyword line, someone looking to see whether


@pytest.mark.parametrize(
    "sentence",
    [
        "一张图看懂征信报告的结构。",
        "看完这篇，你就知道网贷大数据和征信的区别了。",
        "本文关键词：征信、逾期、大数据、催收短信",
    ],
)
def test_titles_and_keywords_are_no_claims(sentence: str) -> None:
    assert topics_of(sentence) == set()


def test_near_miss_the_reader_after_reading_states_a_claim() -> None:
    topics = topics_of("我看完这篇文章才知道，逾期记录结清后还要保留五年。")
    assert "credit_report" in topics


@pytest.mark.parametrize(
    "sentence",
    [
        "他每天醒来第一件事就是看有没有催收电话。",
        "银行审批房贷时主要看有没有连三累六。",
        "平台放款前都会看是不是上了网贷大数据的黑名单。",
    ],
)
def test_looking_to_see_whether_is_no_question(sentence: str) -> None:
    assert analyse(sentence).stance != "question"


# numbers switched and blocked, a number's registered unit, a message saying with no place word


@pytest.mark.parametrize(
    "sentence",
    [
        "催收员会换着号码打，拉黑一个还有下一个。",
        "他们一天换好几个号打过来，拉黑了一个又来一个。",
        "你拉黑这个号码，对方马上换个号码接着打。",
    ],
)
def test_numbers_blocked_are_no_blacklist(sentence: str) -> None:
    assert "credit_report" not in topics_of(sentence)


def test_near_miss_a_lenders_blacklist_stays_the_credit_file() -> None:
    assert "credit_report" in topics_of("逾期后被网贷平台拉黑，以后很难再借到钱。")


@pytest.mark.parametrize(
    "sentence",
    [
        "95开头的号码可以在工信部网站上查到归属单位。",
        "陌生号码的所属单位，用手机管家就能看到。",
        "查一下这个座机的注册单位，就知道是不是银行打来的。",
    ],
)
def test_a_numbers_registered_unit_is_no_employer(sentence: str) -> None:
    assert "contacts_family" not in topics_of(sentence)


def test_near_miss_a_call_to_the_employer_stays() -> None:
    assert "contacts_family" in topics_of("催收打到我单位去了。")


@pytest.mark.parametrize(
    "sentence",
    [
        # (session thirteen: its outcome clause, 结果一个人都没来, now denies the visit the
        # message named, as round z1's 说是要上门，到现在一个人都没来过; the message alone here)
        "短信说三天内不还就上门。",
        "平台的短信称已经对我提起诉讼，我查了根本没有立案。",
        "短信说再不还款就通知我的紧急联系人。",
    ],
)
def test_a_message_saying_is_the_messages_words(sentence: str) -> None:
    a = analyse(sentence)
    assert a.threshold is None or a.threshold.anchor != "overdue"
    assert "home_visit" not in a.topics
    assert "contacts_family" not in a.topics


def test_near_miss_the_message_as_the_claim() -> None:
    assert "debtor_contact" in topics_of("逾期第二天，平台就开始发催收短信了。")
