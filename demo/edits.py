"""Repost edits: how a content farm rewrites an article it copies, labels kept by construction.

An edit is a short string so that it can be written in data and logged:

- ``intro:N``    a new intro paragraph (``INTROS[N]``, filler, never claims) in front
- ``swap:A>B``   product A replaced by product B everywhere (labels follow the text)
- ``drop:N``     paragraph N removed
- ``reorder:N``  paragraphs N and N+1 swapped
- ``spin:N``     sentences spun with label-neutral synonyms (seeded by N)
- ``add:N``      an extra filler paragraph (``EXTRAS[N]``) before the last paragraph
- ``update:N``   an update paragraph (``UPDATES[N]``, labelled) appended: the edit a
  page receives when it changes on a later day

Real-style repost edits (issue 15: what real farm reposts do that the edits above do not):

- ``respin:N``   machine spinning ("伪原创"): most sentences rewritten with a large
  label-neutral synonym table, and stray words stuffed between the words of sentences
  that state nothing (seeded by N)
- ``trad:0``     the whole copy converted to Traditional script (on an ordinary site)
- ``head:N`` / ``tail:N``  the copy keeps only the first / last N paragraphs: a repost
  truncated to another stretch of the article

``map_text`` applies a site's display transform (glyph gaps, Traditional script)
to a whole plan, keeping the original text for the product labels.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import replace

from demo.articles import (
    ArticlePlan,
    BankError,
    Block,
    Heading,
    Paragraph,
    Sentence,
    check_plan,
    parse_sentence,
)
from demo.scripts import to_traditional

INTROS: tuple[tuple[str, ...], ...] = (
    ("最近后台有不少粉丝私信小编，询问关于逾期的各种问题。",
     "小编挑选了其中比较有代表性的一个，今天统一给大家解答一下。"),
    ("欠债还钱，天经地义，但生活中总有意想不到的困难。",
     "如果你也正在为还款发愁，不妨花几分钟看完这篇文章。"),
    ("本文内容整理自网友的真实提问，仅供大家参考。",
     "具体情况请以平台官方的说明为准。"),
    ("现在借钱的渠道越来越多，但还钱的压力也越来越大。",
     "很多朋友因为一时周转不开，就出现了逾期的情况。"),
    ("今天继续和大家聊一聊负债的那些事儿。",
     "文章有点长，建议先收藏再慢慢看。"),
    ("负债的日子不好过，这一点小编深有体会。",
     "希望下面的内容能给正在焦虑的你一点帮助。"),
)
EXTRAS: tuple[tuple[str, ...], ...] = (
    ("说到这里，可能有朋友会觉得有点复杂。", "其实只要把握住几个关键点，就不难理解了。"),
    ("每个人的具体情况都不一样，处理方式也会有所不同。", "大家可以根据自己的实际情况来判断。"),
    ("很多人一看到逾期两个字就慌了神。", "越是这种时候，越要保持冷静。"),
    ("以上内容是小编根据公开资料整理的。", "如有不准确的地方，欢迎在评论区指正。"),
)
# Update paragraphs appended when a page is edited on a later day (labels as in articles.txt).
UPDATES: tuple[tuple[str, ...], ...] = (
    ("【更新】近期有网友反映，逾期第三天就接到了提醒电话。 | debtor_contact conditional d=3",
     "本文已根据网友反馈补充了相关内容。"),
    ("【更新】按照最新的行业指引，催收人员不得在晚上十点到早上八点之间催收。"
     " | debtor_contact denies normative",
     "以上规定仅供参考，具体以平台公告为准。"),
    ("【更新】有读者留言说，自己逾期两个月后家人接到了电话。"
     " | contacts_family conditional d=60-",
     "小编提醒大家，遇到问题要及时和平台沟通。"),
    ("【更新】最近很多平台都推出了延期还款服务，可以在APP里直接申请。 | negotiation advice",
     "感谢各位读者的留言和补充。"),
)
# Label-neutral synonyms: none of these words is a cue, a product alias or a negator.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("很多", "许多"), ("非常", "十分"), ("大家", "各位"), ("详细", "具体"), ("因为", "由于"),
    ("时候", "时"), ("今天", "今日"), ("其实", "实际上"), ("比较", "相对"), ("知道", "了解"),
    ("然后", "随后"), ("担心", "害怕"), ("怎么办", "如何是好"), ("尤其", "特别"),
)


# Heavy spinning, as "伪原创" tools do it. Every pair is label-neutral: no word is a cue, a
# product alias, a negator, a hedge or a condition word (tests/test_demo_edits.py checks
# that the tagger gives each bank sentence the same labels before and after the spin).
RESPIN: tuple[tuple[str, str], ...] = (
    *SYNONYMS,
    ("问题", "难题"), ("方式", "方法"), ("进行", "开展"),
    ("及时", "适时"), ("目前", "当前"), ("避免", "防止"), ("提醒", "提示"),
    ("自己", "自身"), ("出现", "产生"), ("其中", "这其中"),
    ("所以", "因此"), ("同时", "与此同时"), ("但是", "可是"), ("另外", "此外"), ("首先", "第一"),
    ("发现", "察觉"), ("帮助", "协助"), ("选择", "挑选"), ("保持", "维持"), ("重要", "关键"),
    ("一定要", "务必要"), ("比如", "例如"), ("通过", "经由"), ("已经", "早已"),
)
# Stray words a spinner stuffs into sentences (never cue words, so labels cannot change).
STUFFING: tuple[str, ...] = ("相关", "详情", "资料", "方面", "内容", "这个", "小编")
_STUFF_AFTER = frozenset("的了和，")


def _paragraph(lines: Iterable[str]) -> Paragraph:
    return Paragraph(tuple(parse_sentence(line, "<edit>") for line in lines))


def _map_sentences(plan: ArticlePlan, fn: Callable[[Sentence], Sentence]) -> ArticlePlan:
    blocks: list[Block] = []
    for block in plan.blocks:
        if isinstance(block, Paragraph):
            blocks.append(Paragraph(tuple(fn(s) for s in block.sentences)))
        else:
            blocks.append(block)
    return replace(plan, blocks=tuple(blocks))


def _swap(plan: ArticlePlan, old: str, new: str) -> ArticlePlan:
    if new in plan.title or any(new in line for line in plan.lines()):
        raise BankError(f"swap:{old}>{new} on {plan.key!r}: {new} already in the text")
    if old not in plan.title:
        raise BankError(f"swap:{old}>{new} on {plan.key!r}: {old} not in the title")

    def swap_sentence(s: Sentence) -> Sentence:
        return replace(s, text=s.text.replace(old, new), origin=s.origin.replace(old, new))

    swapped = _map_sentences(plan, swap_sentence)
    return replace(
        swapped,
        title=plan.title.replace(old, new),
        category=plan.category.replace(old, new),
        blocks=tuple(replace(b, text=b.text.replace(old, new)) if isinstance(b, Heading) else b
                     for b in swapped.blocks),
    )


def _positions(plan: ArticlePlan) -> list[int]:
    return [i for i, b in enumerate(plan.blocks) if isinstance(b, Paragraph)]


def _drop(plan: ArticlePlan, index: int) -> ArticlePlan:
    positions = _positions(plan)
    if not 0 <= index < len(positions):
        raise BankError(f"drop:{index} on {plan.key!r}: no such paragraph")
    gone = positions[index]
    return replace(plan, blocks=tuple(b for i, b in enumerate(plan.blocks) if i != gone))


def _reorder(plan: ArticlePlan, index: int) -> ArticlePlan:
    positions = _positions(plan)
    if not 0 <= index < len(positions) - 1:
        raise BankError(f"reorder:{index} on {plan.key!r}: no such paragraph pair")
    blocks = list(plan.blocks)
    a, b = positions[index], positions[index + 1]
    blocks[a], blocks[b] = blocks[b], blocks[a]
    return replace(plan, blocks=tuple(blocks))


def _pick(table: tuple[tuple[str, ...], ...], index: int, op: str) -> tuple[str, ...]:
    if not 0 <= index < len(table):
        raise BankError(f"{op}:{index}: no such paragraph in the table")
    return table[index]


def _intro(plan: ArticlePlan, index: int) -> ArticlePlan:
    return replace(plan, blocks=(_paragraph(_pick(INTROS, index, "intro")), *plan.blocks))


def _add(plan: ArticlePlan, index: int) -> ArticlePlan:
    last = _positions(plan)[-1]
    extra = _paragraph(_pick(EXTRAS, index, "add"))
    return replace(plan, blocks=(*plan.blocks[:last], extra, *plan.blocks[last:]))


def _update(plan: ArticlePlan, index: int) -> ArticlePlan:
    return replace(plan, blocks=(*plan.blocks, _paragraph(_pick(UPDATES, index, "update"))))


def _spin(plan: ArticlePlan, seed: int) -> ArticlePlan:
    rng = random.Random(f"spin:{seed}:{plan.key}")

    def spin(s: Sentence) -> Sentence:
        if rng.random() < 0.4:
            return s
        text, origin = s.text, s.origin
        for old, new in SYNONYMS:
            text, origin = text.replace(old, new), origin.replace(old, new)
        return replace(s, text=text, origin=origin)

    return _map_sentences(plan, spin)


def respun(text: str, rng: random.Random, stuff: bool) -> str:
    """*text* after a spinner: every RESPIN pair swapped, and stray words when *stuff*.

    Stray words go after a function word or a comma, so that they never split a
    product name or a cue (a spinner does, but the demo's labels must stay exact).
    """
    for old, new in RESPIN:
        text = text.replace(old, new)
    if not stuff:
        return text
    slots = [i + 1 for i, ch in enumerate(text[:-1])
             if ch in _STUFF_AFTER and text[i + 1] != "时"]  # 的时(候) reads as a condition
    for at in sorted(rng.sample(slots, min(len(slots), 1 + len(text) // 15)), reverse=True):
        text = text[:at] + rng.choice(STUFFING) + text[at:]
    return text


def _respin(plan: ArticlePlan, seed: int) -> ArticlePlan:
    rng = random.Random(f"respin:{seed}:{plan.key}")

    def spin(s: Sentence) -> Sentence:
        if rng.random() < 0.1:
            return s
        text = respun(s.text, rng, stuff=not s.is_claim)
        return replace(s, text=text, origin=respun(s.origin, rng, stuff=False) if s.origin else "")

    return _map_sentences(plan, spin)


def _trad(plan: ArticlePlan, _: int) -> ArticlePlan:
    return map_text(plan, to_traditional)


def _keep(plan: ArticlePlan, count: int, last: bool) -> ArticlePlan:
    positions = _positions(plan)
    if not 0 < count < len(positions):
        raise BankError(f"{'tail' if last else 'head'}:{count} on {plan.key!r}: "
                        f"{len(positions)} paragraphs")
    if last:
        first = positions[-count]
        # Keep the heading right above the first kept paragraph, drop everything earlier.
        start = first - 1 if first > 0 and isinstance(plan.blocks[first - 1], Heading) else first
        return replace(plan, blocks=plan.blocks[start:])
    end = positions[count - 1] + 1
    return replace(plan, blocks=plan.blocks[:end])


def _head(plan: ArticlePlan, count: int) -> ArticlePlan:
    return _keep(plan, count, last=False)


def _tail(plan: ArticlePlan, count: int) -> ArticlePlan:
    return _keep(plan, count, last=True)


_INDEXED: dict[str, Callable[[ArticlePlan, int], ArticlePlan]] = {
    "intro": _intro, "drop": _drop, "reorder": _reorder, "spin": _spin, "add": _add,
    "update": _update, "respin": _respin, "trad": _trad, "head": _head, "tail": _tail,
}


def apply_edit(plan: ArticlePlan, edit: str) -> ArticlePlan:
    """Apply one repost edit (see the module docstring) to a plan."""
    op, _, arg = edit.partition(":")
    if op == "swap":
        old, sep, new = arg.partition(">")
        if not sep or not old or not new:
            raise BankError(f"bad edit {edit!r}")
        return _swap(plan, old, new)
    if op in _INDEXED and arg.isdigit():
        return _INDEXED[op](plan, int(arg))
    raise BankError(f"bad edit {edit!r}")


def apply_edits(plan: ArticlePlan, edits: Iterable[str]) -> ArticlePlan:
    """Apply edits left to right; the result is still a valid plan (5-12 paragraphs)."""
    for edit in edits:
        plan = apply_edit(plan, edit)
    check_plan(plan, f"article {plan.key!r} after edits")
    return plan


def first_section(plan: ArticlePlan) -> tuple[Block, ...]:
    """The plan's first section: its first heading and the paragraphs up to the next one."""
    start = next((i for i, b in enumerate(plan.blocks) if isinstance(b, Heading)), None)
    if start is None:
        raise BankError(f"article {plan.key!r} has no section to copy")
    end = next((i for i in range(start + 1, len(plan.blocks))
                if isinstance(plan.blocks[i], Heading)), len(plan.blocks))
    return plan.blocks[start:end]


def graft_section(plan: ArticlePlan, source: ArticlePlan) -> ArticlePlan:
    """*plan* with *source*'s first section copied in before its last paragraph: a composite
    page (a farm's own article that copies one section of another; labels kept)."""
    last = _positions(plan)[-1]
    grafted = replace(plan, blocks=(*plan.blocks[:last], *first_section(source),
                                    *plan.blocks[last:]))
    check_plan(grafted, f"article {plan.key!r} with a section of {source.key!r}")
    return grafted


def map_text(plan: ArticlePlan, fn: Callable[[str], str]) -> ArticlePlan:
    """The plan as a site displays it: *fn* on title, headings and sentences; origins kept."""

    def shown(s: Sentence) -> Sentence:
        return replace(s, text=fn(s.text), origin=s.origin or s.text)

    mapped = _map_sentences(plan, shown)
    return replace(
        mapped,
        title=fn(plan.title),
        category=fn(plan.category),
        blocks=tuple(replace(b, text=fn(b.text)) if isinstance(b, Heading) else b
                     for b in mapped.blocks),
    )
