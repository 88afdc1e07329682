"""Mixed articles: new plans composed from the bank's labelled sentences, seeded and lazy.

Content farms write "new" articles by stitching sentences from older ones under
a fresh question. A mixed plan takes a product and a main question, an intro
from templates, three sections of sentences drawn from the bank's pools for
their topics (product names swapped to the article's product when that keeps
the sentence true), and a closing paragraph. Every sentence keeps its labels,
so the truth stays exact; sentences shared with other articles are the hard
negatives for dedup (same question, different article).
"""

from __future__ import annotations

import functools
import random
from collections import defaultdict
from dataclasses import replace

from demo import vocab
from demo.articles import (
    ArticlePlan,
    BankError,
    Heading,
    Paragraph,
    Sentence,
    check_plan,
    load_bank,
    parse_sentence,
)

PRODUCTS: tuple[str, ...] = (
    "花呗", "借呗", "网贷", "信用卡", "京东白条", "美团月付", "微粒贷", "度小满", "分期乐",
    "招联", "安逸花", "360借条", "抖音月付", "京东金条", "网商贷", "放心借", "还呗",
)
# topic -> questions about product {p} (title and section headings; never claims)
QUESTIONS: dict[str, tuple[str, ...]] = {
    "contacts_family": ("{p}逾期会联系家人吗", "{p}逾期会爆通讯录吗",
                        "{p}逾期会打给紧急联系人吗"),
    "legal_action": ("{p}逾期多久会被起诉", "{p}逾期会收到法院传票吗"),
    "credit_report": ("{p}逾期多久上征信", "{p}逾期记录多久能消除"),
    "home_visit": ("{p}逾期会上门催收吗",),
    "debtor_contact": ("{p}逾期后催收一天打几次", "{p}逾期后会怎么催收"),
    "penalty_fees": ("{p}逾期罚息怎么算", "{p}逾期一天要多还多少钱"),
    "negotiation": ("{p}逾期了怎么协商还款", "{p}能不能申请延期还款"),
    "overdue_grace": ("{p}有没有宽限期", "{p}晚还一天算逾期吗"),
    "account_impact": ("{p}逾期额度会被冻结吗",),
    "third_party_agency": ("{p}逾期会被转给催收公司吗",),
    "criminal_risk": ("{p}逾期不还会坐牢吗",),
    "complaints_rights": ("{p}遇到暴力催收怎么投诉",),
    "debt_help_scam": ("{p}逾期找代理协商靠谱吗",),
    "fake_collection": ("{p}逾期收到的律师函是真的吗",),
    "bad_debt_transfer": ("{p}逾期变成坏账还用还吗",),
}
HOOKS: tuple[str, ...] = (
    "看完你就明白了", "过来人告诉你真相", "一文讲清楚", "小编告诉你真实情况",
    "这几点一定要知道", "最新解答来了", "别再被误导了", "附详细说明",
)
OPENINGS: tuple[str, ...] = (
    "很多朋友在使用{p}的时候，难免会遇到资金周转不开的情况。",
    "{p}逾期之后，不少人心里都会犯嘀咕。",
    "网上关于{p}逾期的说法五花八门，让人不知道该信哪一个。",
    "最近有粉丝在后台给小编留言，说自己的{p}已经逾期了。",
)
BRIDGES: tuple[str, ...] = (
    "今天小编就来给大家详细说一说。",
    "下面小编就给大家详细分析一下。",
    "小编整理了一些资料，供大家参考。",
)
FILLERS: tuple[str, ...] = (
    "这一点大家一定要注意。", "具体还要看各个平台的实际做法。",
    "这也是很多人容易忽视的地方。", "大家可以对照自己的情况看一看。",
)
CLOSINGS: tuple[str, ...] = (
    "以上就是小编为大家整理的全部内容，希望对大家有所帮助。",
    "关于{p}逾期的问题，小编就先介绍到这里。",
)
NUMERALS = "一二三四五六"
_BRANDS = ("支付宝", "蚂蚁", "京东", "美团", "微众", "微信", "抖音", "招联", "度小满", "小编")
_CARD_ONLY = ("银行", "持卡人")
_BAD_STARTS = ("但", "所以", "同时", "这", "因此", "不过", "另外", "而且", "其次", "首先",
               "最后", "第", "那", "它", "此", "该", "也", "当然", "还", "并且", "实际上", "比如",
               "等")


@functools.cache
def pools() -> dict[str, tuple[Sentence, ...]]:
    """Standalone claim sentences of the bank, by topic (each under every topic it has)."""
    out: dict[str, list[Sentence]] = defaultdict(list)
    seen: set[str] = set()
    for plan in load_bank().values():
        for s in plan.claims():
            if s.text in seen or s.stance == "question" or s.text.startswith(_BAD_STARTS):
                continue
            if any(b in s.text for b in _BRANDS) or len(vocab.find_products(s.text)) > 1:
                continue
            seen.add(s.text)
            for topic in s.topics:
                out[topic].append(s)
    return {t: tuple(v) for t, v in out.items()}


def _alias_in(text: str, product: str) -> str | None:
    aliases = sorted((product, *vocab.PRODUCT_ALIASES[product]), key=len, reverse=True)
    return next((a for a in aliases if a in text), None)


def adapt(sentence: Sentence, product: str) -> Sentence | None:
    """*sentence* rewritten for an article about *product*, or None when it would not fit."""
    named = vocab.find_products(sentence.text)
    card = product == "信用卡"
    if not card and any(w in sentence.text for w in _CARD_ONLY):
        return None
    if not named or named == [product]:
        return sentence
    if (named[0] == "信用卡") != card:
        return None
    alias = _alias_in(sentence.text, named[0])
    if alias is None or product in sentence.text or f"{alias}平台" in sentence.text:
        return None
    return replace(sentence, text=sentence.text.replace(alias, product))


def _paragraph(rng: random.Random, pool: list[Sentence], product: str, used: set[str]
               ) -> Paragraph | None:
    picked: list[Sentence] = []
    want = rng.randint(2, 4)
    while pool and len(picked) < want:
        s = adapt(pool.pop(), product)
        if s is not None and s.text not in used:
            used.add(s.text)
            picked.append(s)
    if not picked:
        return None
    if len(picked) == 1:
        picked.append(Sentence(rng.choice(FILLERS)))
    return Paragraph(tuple(picked))


def _compose(rng: random.Random, key: str) -> ArticlePlan:
    product = rng.choice(PRODUCTS)
    usable = [t for t in QUESTIONS if len(pools().get(t, ())) >= 6]
    main = rng.choice(usable)
    others = rng.sample([t for t in usable if t != main], 2)
    title = f"{rng.choice(QUESTIONS[main]).format(p=product)}？{rng.choice(HOOKS)}"
    question = rng.choice(QUESTIONS[main]).format(p=product)
    intro = [Sentence(rng.choice(OPENINGS).format(p=product)),
             parse_sentence(f"{question}？ | {main}"), Sentence(rng.choice(BRIDGES))]
    blocks: list[Heading | Paragraph] = [Paragraph(tuple(intro))]
    used = {s.text for s in intro}
    advice: list[Sentence] = []
    for number, topic in zip(NUMERALS, (main, *others), strict=False):
        heading = rng.choice(QUESTIONS[topic]).format(p=product)
        blocks.append(Heading(2, f"{number}、{heading}"))
        pool = list(pools()[topic])
        rng.shuffle(pool)
        # at most a third of a pool: two mixes on the same topics stay different articles
        pool = pool[:max(3, len(pool) // 3)]
        for _ in range(rng.randint(1, 2)):
            para = _paragraph(rng, pool, product, used)
            if para is not None:
                blocks.append(para)
        advice += [s for s in pools()[topic] if s.modality == "advice"]
    closing = [Sentence(rng.choice(CLOSINGS).format(p=product))]
    tip = next((a for a in (adapt(s, product) for s in advice) if a and a.text not in used), None)
    closing.insert(0, tip or Sentence(rng.choice(FILLERS)))
    blocks.append(Paragraph(tuple(closing)))
    category = product if product == "信用卡" else f"{product}逾期"
    return ArticlePlan(key, category, title, tuple(blocks))


def mixed_plan(seed: int, key: str) -> ArticlePlan:
    """The mixed article called *key* for *seed* (same inputs, same plan)."""
    rng = random.Random(f"{seed}:mix:{key}")
    for _ in range(20):
        plan = _compose(rng, key)
        try:
            check_plan(plan, key)
        except BankError:
            continue
        return plan
    raise BankError(f"{key}: could not compose a valid mixed article")
