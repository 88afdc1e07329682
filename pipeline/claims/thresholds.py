"""Overdue durations -> days (DOMAIN.md "Thresholds").

Works on normalized text (NFKC, Simplified, ASCII lower-case). A month is 30
days, 半年 182, a year 365, 一年半 547, a week 7. Ranges keep both ends
(两三个月 60..90, 十几天 11..19, 1-2天); 超过/以上/满/后/起 keep the minimum
only, 内/以内/不到/不超过 the maximum only. M1..M6 are 30-day buckets (M3 =
61..90, M3以上 min 91). Each duration takes the anchor (overdue, retention,
installment) of the nearest anchor word, its own clause first; counts,
frequencies (每3天), instalment counts (36期), vague spans (几天, 长期), dates
and durations about other things (免息期56天) give no threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.claims.match import Matchers
from pipeline.claims.stance import clause_end, clause_start
from pipeline.claims.taxonomy import ThresholdLexicon

MONTH = 30
YEAR = 365
HALF_YEAR = 182
WEEK = 7

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "零〇一二两三四五六七八九十百千"
#: What joins the two ends of a range on normalized text (1-3天, 16—60天, 一到两个月, 3~5天).
_RANGE_SEP_CHARS = "-–—~至到"
_RANGE_SEP = "(?:" + "|".join(_RANGE_SEP_CHARS) + ")"

_NUM = (
    r"\d+(?:\.\d+)?(?:\s*" + _RANGE_SEP + r"\s*\d+(?:\.\d+)?)?"  # 3, 1.5, 1-2
    r"|[" + _CN + r"]+\s*" + _RANGE_SEP + r"\s*[" + _CN + r"]+"  # 一到两
    r"|[" + _CN + r"几]+"  # 三, 十五, 两三, 十几
    r"|半"
)
_UNIT = (
    r"个半月|个多月|个来月|个月|多个月|个星期|个礼拜|个工作日|工作日|个自然日|自然日|多天|多年|多周|年半"
    r"|来天"  # 20来天: about twenty days (session twenty-four)
    r"|个季度|季度|天|日|周|星期|礼拜|年"
)
#: Words that make the Chinese-numeral N日 after them a span, not a date (逾期满三十日, 超过
#:十五日) (session eighteen).
_SPAN_LEADS = ("逾期", "满", "超过", "超出", "达到", "逾期达", "不足", "未满", "连续")
_DUR_RE = re.compile(r"(?P<num>" + _NUM + r")\s*(?P<unit>" + _UNIT + r")")
_MBUCKET_RE = re.compile(r"(?<![a-z0-9])m([1-7])(?![0-9a-z])\s*(?P<plus>\+|及以上|以上)?")
# (第 may repeat after the separator: 逾期当天到第3天, session twenty-four)
_RANGE_JOIN_RE = re.compile(r"^\s*" + _RANGE_SEP + r"\s*第?\s*$")
#: A bare number, a range separator and 第 before a day span (逾期第4到第10天): the number
#: shares its unit, one range (session twenty-four).
_BARE_RANGE_RE = re.compile(r"(?<![\d.])(\d+)\s*" + _RANGE_SEP + r"\s*第\s*$")
# A span given by its two ends (快的一个月，慢的要一两年; 短则三天，长则半个月): the range
# from the first to the last; the first end's word stands right before it.
_TWO_ENDS_OPEN_RE = re.compile(
    r"(?:快的|快则|短则|短的|少则|早的|最快|最短|最早)(?:要|需要|得|在|是|也就)?$")
_TWO_ENDS_CLOSE_RE = re.compile(
    r"^\s*[，,、；]?\s*(?:慢的|慢则|长则|长的|多则|晚的|最慢|最长|最晚|久的)"
    r"(?:要|需要|得|会|在|是|可能|甚至|能)?(?:拖|等|到)?\s*$")
# A list of durations (7天、15天或30天) is read as the range from the first to the last.
_LIST_JOIN_RE = re.compile(r"^\s*(?:、|,|，|或者|或是|或|和|及|以及|还是)\s*$")
# Single days named by a word: 逾期当天 0..0, 次日 / 第二天 / 隔天 1..1.
# The day paid late named with another overdue word (晚还当天, 没还上的当天) is 逾期当天.
_DAY_WORDS = (("逾期当天", 0), ("逾期的当天", 0), ("逾期当日", 0), ("晚还当天", 0),
              ("晚还的当天", 0), ("没还上的当天", 0), ("没还上当天", 0), ("次日", 1), ("第二天", 1),
              ("隔天", 1), ("第2天", 1))
# An example in brackets (超过一定期限(如三个月)) keeps the operator written before it.
#: A time of day after a day word (隔天早上七点, 次日8点前): a clock time, no span (session
#: twenty-four).
_CLOCK_HOUR = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})"
_CLOCK_RE = re.compile(r"\s*(?:早上|上午|中午|下午|晚上|凌晨|早|晚)?\s*" + _CLOCK_HOUR
                       + r"\s*(?:点|時|时|:)")
#: A grace period named right after a span (5天左右的宽限期): in a lawyer's letter, its deadline.
_GRACE_AFTER_RE = re.compile(r"\s*(?:左右)?\s*(?:的)?\s*(?:宽限期|宽限|缓冲期)")
#: Words of a debt left unpaid: a bracketed example span in their clause is an overdue one.
_UNPAID_WORDS = ("未还", "没还", "不还", "欠款", "拖欠", "欠着")
#: After a span, words that open it above (一年以上都没还的: more than a year, no "not even one").
_OPEN_ABOVE_AFTER = ("以上", "多", "之久", "左右")
#: ...and a clock time before it in its clause: the two ends of a window of hours.
_CLOCK_BEFORE_RE = re.compile(_CLOCK_HOUR + r"\s*(?:点|時|时|:\d)")
_EXAMPLE_OPEN_RE = re.compile(r"\((?:如|比如|例如|一般是|通常是|即)\s*$")
# A duration followed by a count of events is a frequency: 一天打几次, 一周3次, 一天十几个电话,
# 一天能接几十个 (a count of the calls named before; not 个 of a span: 一天两个小时). Not across
# a list's 、: 逾期超过30天、累计三次以上 names two conditions, the first an overdue span (round y);
# nor across 且 (逾期超过三个月且经两次催收: a second condition, session twenty-four).
_FREQUENCY_RE = re.compile(
    r"[^,;:，；：。!?！？、且]{0,3}?(?:\d+|[" + _CN + r"几数多]+)\s*"
    r"(?:次|通|遍|个电话|条短信|个(?!月|多月|半月|小时|钟头|星期|礼拜|工作日|季度|自然日))"
)
# ...also with a limit word a few characters on (一年一般只能改一次, 一年最多申请两次).
#: One of a unit, then "not even" (一天宽限都没有, 一天也不给): none at all, no span (session ten).
_NOT_EVEN_RE = re.compile(r"[^,;:，；：。!?！？]{0,4}?(?:都|也)(?:没有|没|不给|不留|不会给)")

#: ...or a cap said with 不能超过 and the contact named between (一天之内催收电话不能超过3次)
#: (session sixteen).
_LIMITED_FREQUENCY_RE = re.compile(
    r"[^,;:，；：。!?！？]{0,3}?(?:只能|只可以|最多|仅能|仅限|仅可)[^,;:，；：。!?！？]{0,4}?"
    r"(?:\d+|[" + _CN + r"几数]+)\s*次"
    r"|[^,;:，；：。!?！？]{0,14}?(?:不能超过|不得超过|不可超过|不准超过|不许超过|至多)"
    r"[^,;:，；：。!?！？]{0,2}?(?:\d+|[" + _CN + r"几数]+)\s*(?:次|通|个电话)"
)
# Bare numbers listed before a duration (第1、3、7天): they share its unit.
_BARE_LIST_RE = re.compile(r"(?<![\d.])\d+(?:\s*、\s*\d+)*\s*、\s*$")
# After a two-digit year, words that make it a time of the calendar (21年那会儿欠的), no span.
_YEAR_OF_TIME = (
    "那会", "那时", "那阵", "那年", "的时候", "年初", "年底", "初", "底", "上半", "下半",
)
# The first day of a calendar range (每月1日到 / 5号至): the next N日 is a date too.
_DATE_RANGE_OPEN_RE = re.compile(r"(?:月|号)\s*\d{1,2}\s*日?\s*" + _RANGE_SEP + r"\s*$")
ADJACENT = 2  # characters allowed between an anchor word and its duration (超过, 第)
# Words that may also stand between an anchor word and its duration without loosening the
# tie: a hedge or a copula (逾期一般在三个月左右, 逾期时间通常是两个月, 逾期大概半年).
_ANCHOR_FILLER_RE = re.compile(
    r"(?:一般|通常|大概|大约|约|基本上|基本|往往|大多|多半|差不多|普遍|时间|的|在|是|会|了|已经|已)*")


@dataclass(frozen=True, slots=True)
class Threshold:
    """A duration in days; either end may be None. anchor: overdue|retention|installment."""

    min_days: int | None
    max_days: int | None
    anchor: str
    text: str


#: Spans that say "more than N" by their unit (两个多月): a minimum only, as the set's gold reads
#: them (ag011 三个多月后 min 90, qv043, nc094 逾期两个多月了 min 60); 一个多月内 keeps its maximum.
_OPEN_ABOVE = ("个多月",)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    lo: float  # days
    hi: float
    exact_point: bool  # a single value (no range, no 几)
    text: str


def cn_number(text: str) -> int | None:
    """Parse a Chinese numeral (三, 十五, 二十, 一百八十, 两) or ASCII digits; None if not one."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


def parse_number(text: str) -> tuple[float, float] | None:
    """Number expression -> (lo, hi) in the unit's count; None if vague or not a number.

    Handles 3, 1.5, 1-2, 三, 十五, 两三 (2..3), 三五 (3..5), 十几 (11..19),
    二十几 (21..29), 七八十 (70..80) and 半 (0.5). 几, 几十 are vague: None.
    """
    text = text.strip()
    if text == "半":
        return (0.5, 0.5)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*" + _RANGE_SEP + r"\s*(\d+(?:\.\d+)?)", text)
    if m:
        lo, hi = float(m.group(1)), float(m.group(2))
        return (lo, hi) if lo <= hi else None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return (float(text), float(text))
    cn_range = re.fullmatch(r"(\S+?)\s*" + _RANGE_SEP + r"\s*(\S+)", text)
    if cn_range:
        lo_n, hi_n = cn_number(cn_range.group(1)), cn_number(cn_range.group(2))
        if lo_n is not None and hi_n is not None and lo_n <= hi_n:
            return (float(lo_n), float(hi_n))
        return None
    if text.endswith("几"):
        base = cn_number(text[:-1])
        if base and base % 10 == 0 and "几" not in text[:-1]:
            return (base + 1.0, base + 9.0)
        return None
    if "几" in text:
        return None
    if len(text) == 2 and all(ch in _DIGITS for ch in text):
        a, b = _DIGITS[text[0]], _DIGITS[text[1]]
        if 0 < a < b:
            return (float(a), float(b))
        return None
    if len(text) == 3 and text[2] == "十" and all(ch in _DIGITS for ch in text[:2]):
        a, b = _DIGITS[text[0]], _DIGITS[text[1]]  # 七八十 (70..80), 二三十 (20..30)
        if 0 < a < b and b == a + 1:
            return (a * 10.0, b * 10.0)
        return None
    value = cn_number(text)
    return None if value is None else (float(value), float(value))


def _to_days(count: float, unit: str) -> float:
    """Days in *count* of *unit* (half a year is 182, not 182.5)."""
    if unit in ("年", "多年"):
        whole = int(count)
        return whole * YEAR + (HALF_YEAR if count - whole >= 0.5 else 0)
    if unit == "年半":
        return count * YEAR + HALF_YEAR
    if unit == "来天":  # 20来天: about twenty days, read as twenty (session twenty-four)
        return count
    if unit in ("个月", "多个月", "个多月", "个来月"):  # 一个来月: about a month (round z2)
        return count * MONTH
    if unit == "个半月":
        return count * MONTH + MONTH / 2
    if unit in ("季度", "个季度"):
        return count * 3 * MONTH
    if unit in ("周", "星期", "礼拜", "个星期", "个礼拜", "多周"):
        return count * WEEK
    return count


def _durations(text: str, lookback: tuple[str, ...] = ()) -> list[_Span]:
    """Every duration span in *text*, ranges X天到Y天 and lists X天、Y天或Z天 merged,
    dates, 每N天 and look-back windows (近半年) dropped."""
    spans: list[_Span] = []
    clock_days: list[tuple[int, int]] = []  # day words inside a window of clock times
    for word, day in _DAY_WORDS:
        pos = text.find(word)
        if pos >= 0 and _CLOCK_RE.match(text, pos + len(word)) and _CLOCK_BEFORE_RE.search(
                text, text.rfind(",", 0, pos) + 1, pos):
            # 晚上十点过后到隔天早上七点前: hours of the day (when calls may come), no day of
            # overdue; 次日24点前还清 alone is still the next day (session twenty-four)
            clock_days.append((pos, pos + len(word)))
            continue
        if pos >= 0:  # the span leaves 逾期 / 晚还 outside, so it still anchors the day
            lead = len(word) - 2 if word.endswith(("当天", "当日")) else 0
            spans.append(_Span(pos + lead, pos + len(word), day, day, True, word[lead:]))
    for m in _DUR_RE.finditer(text):
        if any(start <= m.start() < end for start, end in clock_days):
            continue  # 第二天 of a window of hours (its 二天 is no span either)
        num, unit = m.group("num"), m.group("unit")
        before = text[max(0, m.start() - 1) : m.start()]
        after = text[m.end() : m.end() + 3]
        # 逾期前半个月 names the first span of the overdue (max_prefixes: 逾期前)
        early = before == "前" and text[: m.start() - 1].endswith(("逾期", "逾期的"))
        if before == "哪" or text[: m.start()].endswith(("哪一", "哪个")):
            continue  # 具体到哪一个月: which month, asked or named, no span (round z6)
        if before in ("那", "这") and num == "一":
            continue  # 自逾期那一天起: the day pointed at, no span of one day (session sixteen)
        if (before == "每" or (before == "前" and not early) or _FREQUENCY_RE.match(text, m.end())
                or (_LIMITED_FREQUENCY_RE.match(text, m.end())
                    and "逾期" not in text[max(0, m.start() - 4) : m.start()])):
            continue  # 每3天, 还款日前一天 (before the due date), 一天打几次
        if any(text[: m.start()].endswith(w) for w in lookback):
            continue  # 近半年的查询记录: a look-back window
        if num in ("一", "1") and unit not in ("年半", "个半月") and not text.startswith(
                _OPEN_ABOVE_AFTER, m.end()) and _NOT_EVEN_RE.match(text, m.end()):
            continue  # 一天宽限都没有: not even one day (not 一年以上都没还: over a year)
        if unit in ("年", "日") and re.fullmatch(r"\d{4}", num):
            continue  # 2023年
        if unit == "日" and (before == "月" or (re.fullmatch(r"\d+", num) is None
                                               and not text[: m.start()].endswith(_SPAN_LEADS))):
            continue  # 3月5日, 还款日 (but 逾期满三十日: a span in a notice's numerals)
        if unit == "日" and _DATE_RANGE_OPEN_RE.search(text[: m.start()]):
            continue  # 每月1日到15日: the second day of a date range
        if unit == "年" and re.match(r"\d{1,2}月", after):
            continue  # 23年5月
        if unit == "年" and re.fullmatch(r"\d{2}", num) and after.startswith(_YEAR_OF_TIME):
            continue  # 21年那会儿, 22年的时候: a year of the calendar (round z3)
        parsed = parse_number(num)
        if parsed is None:
            continue
        lo, hi = parsed
        if unit.startswith("多") or unit == "个多月":  # 十多天 11..19, 一个多月 31..59
            base = _to_days(lo, unit)
            if lo % 10 == 0 and unit == "多天":
                lo_d, hi_d = base + 1, base + 9
            else:
                lo_d, hi_d = base + 1, _to_days(lo + 1, unit) - 1
            spans.append(_Span(m.start(), m.end(), lo_d, hi_d, False, m.group(0)))
            continue
        if before == "第" and unit in ("个月", "月") and lo == hi and lo >= 1:
            # 逾期第二个月 is the second month's span, 31..60 (M2), not day 60 (round y)
            spans.append(_Span(m.start(), m.end(), _to_days(lo - 1, unit) + 1, _to_days(lo, unit),
                               False, m.group(0)))
            continue
        ranged = _BARE_RANGE_RE.search(text, 0, m.start())
        if ranged is not None and unit in ("天", "日"):
            first = float(ranged.group(1))
            if first < lo:
                spans.append(_Span(ranged.start(), m.end(), _to_days(first, unit),
                                   _to_days(hi, unit), False, text[ranged.start() : m.end()]))
                continue
        bare = _BARE_LIST_RE.search(text, 0, m.start())
        if bare is not None and unit in ("天", "日"):
            # 第1、3、7天: the bare numbers before the last one share its unit
            first = min(float(n) for n in re.findall(r"\d+", bare.group(0)))
            spans.append(_Span(bare.start(), m.end(), _to_days(min(first, lo), unit),
                               _to_days(hi, unit), False, text[bare.start() : m.end()]))
            continue
        exact = lo == hi
        spans.append(
            _Span(m.start(), m.end(), _to_days(lo, unit), _to_days(hi, unit), exact, m.group(0))
        )
    merged: list[_Span] = []
    spans.sort(key=lambda sp: sp.start)
    for span in spans:
        prev = merged[-1] if merged else None
        if prev and prev.end > span.start:
            continue  # 第二天 and 二天: the day word wins
        if prev and (prev.lo, prev.hi) == (span.lo, span.hi) and _LIST_JOIN_RE.match(
                text[prev.end : span.start]):
            continue  # 保留五年，五年后删除: the same span said again is no list
        two_ends = prev is not None and bool(
            _TWO_ENDS_OPEN_RE.search(text, max(0, prev.start - 6), prev.start)
            and _TWO_ENDS_CLOSE_RE.match(text[prev.end : span.start]))
        if prev and (_RANGE_JOIN_RE.match(text[prev.end : span.start]) or two_ends
                     or _LIST_JOIN_RE.match(text[prev.end : span.start])):  # fmt: skip
            merged[-1] = _Span(
                prev.start, span.end, min(prev.lo, span.lo), max(prev.hi, span.hi), False,
                text[prev.start : span.end],
            )
        else:
            merged.append(span)
    return merged


def _clause_of(text: str, pos: int) -> tuple[int, int]:
    return clause_start(text, pos), clause_end(text, pos)


#: Reaching a range (达到5-7天) puts the overdue inside it: no minimum-only reading.
_REACHED = ("达到", "到了")


def _bounds(text: str, start: int, end: int, lex: ThresholdLexicon) -> tuple[bool, bool]:
    """(min_only, max_only) from the words around the duration span [start, end).

    For an example in brackets (超过一定期限(如三个月)) the words before the
    bracket count.
    """
    example = _EXAMPLE_OPEN_RE.search(text, max(0, start - 6), start)
    if example is not None and ")" in text[end : end + 2]:
        before = text[max(0, example.start() - 10) : example.start()]
        if any(w in before for w in lex.max_prefixes):
            return False, True
        if any(w in before for w in lex.min_prefixes) or any(
                before.endswith(w) for w in lex.min_suffixes):  # fmt: skip
            return True, False
    prefix = text[max(0, start - 4) : start].rstrip("了 ")
    suffix = text[end : end + 4].lstrip(" ")
    if suffix.startswith("左右"):
        suffix = suffix[2:]
    max_only = any(suffix.startswith(w) for w in lex.max_suffixes)
    ranged = any(sep in text[start:end] for sep in _RANGE_SEP_CHARS)
    if max_only and ranged and not any(prefix.endswith(w) for w in lex.max_prefixes):
        max_only = False  # 在3到15天内: within the range, both ends kept (session fourteen)
    min_only = not max_only and any(suffix.startswith(w) for w in lex.min_suffixes)
    if not (max_only or min_only):
        if any(prefix.endswith(w) for w in lex.max_prefixes):
            max_only = True
        elif prefix.endswith(_REACHED) and ranged:
            pass  # 逾期达到5-7天时: within the range, both ends kept (session fourteen)
        elif any(prefix.endswith(w) for w in lex.min_prefixes):
            min_only = True
        elif _limit_before(text, start, lex):
            max_only = True
    return min_only, max_only


def _limit_before(text: str, start: int, lex: ThresholdLexicon) -> bool:
    """True when a limit word stands before *start* with only bridge words between.

    最长能往后延3个月: 最长, then 能 / 往后 / 延 (a modal and the verb the
    duration measures), then the duration: max only. Any other word between
    (最多的是逾期三个月) keeps the bare reading.
    """
    before = text[max(0, start - 12) : start].rstrip("了 ")
    for word in lex.limit_words:
        at = before.rfind(word)
        if at < 0:
            continue
        rest = before[at + len(word) :]
        if not rest:
            return False  # the plain prefix case, handled by max_prefixes
        while rest:
            bridge = next((b for b in sorted(lex.limit_bridges, key=len, reverse=True)
                           if rest.startswith(b)), None)
            if bridge is None:
                break
            rest = rest[len(bridge) :]
        if not rest:
            return True
    return False


def _anchor(text: str, start: int, end: int, matchers: Matchers) -> str | None:
    """Anchor of the nearest anchor word; own clause first; None if excluded or none.

    An anchor word right before the duration (逾期一两天, 逾期超过3天: at most
    ``ADJACENT`` characters between) names what the duration is about, so a
    word of the exclude list elsewhere in the clause (额度) does not veto it.
    """
    c_start, c_end = _clause_of(text, start)
    hits = matchers.anchors.find(text, "anchor")
    # the nearest such word wins (欠款分五至八年: 分, not 欠款, says what the years measure)
    for hit in reversed(hits):
        role = hit.role("anchor")
        if role and c_start <= hit.start and hit.end <= start and (
                start - hit.end <= ADJACENT
                or _ANCHOR_FILLER_RE.fullmatch(text, hit.end, start) is not None):  # fmt: skip
            return role[1]
    if matchers.exclude.find(text[c_start:c_end], "exclude"):
        return None
    best: tuple[int, int, str] | None = None
    for hit in hits:
        if hit.end <= start:
            dist, side = start - hit.end, 0
        elif hit.start >= end:
            dist, side = hit.start - end, 1
        else:
            continue
        same = c_start <= hit.start and hit.end <= c_end
        key = (dist + (0 if same else 1000), side)
        role = hit.role("anchor")
        if role and (best is None or key < best[:2]):
            best = (key[0], key[1], role[1])
    return best[2] if best else None


#: A table row (cells split by | or a tab): farm tables list the stages of overdue debt.
_TABLE_ROW_RE = re.compile(r"[|｜\t]")
#: The longest stage label a list item opens with before its colon (满一个月以后：, 第11-20天：).
_STAGE_LABEL_MAX = 12


#: Words closing a span with an open end (30天以上上报征信, 7天内短信提醒): a stage too; not 后
#: (一个月后，…: a time narrated).
_OPEN_ENDS = ("以上", "以内", "之内", "内")
#: What a stage of overdue debt brings (collection, the credit file, fees, the account).
_STAGE_WORDS = ("催收", "征信", "罚息", "违约金", "停用", "冻结", "上报", "评分", "记录",
                # a stage's contact or lawsuit (半年以上银行会去法院起诉; 一个月以上发短信)
                # (session sixteen)
                "起诉", "诉讼", "上门", "外访", "律师函", "短信", "电话")
#: What a timeline item may open with before its span (a bullet, an emoji, a dash).
_ITEM_MARKS_RE = re.compile(r"[\s\-*•·>#\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]*")


def _opens_timeline_item(text: str, span: _Span) -> bool:
    """True when a range of days or a span with an open end (30天以上) at *start* opens the
    line and the line names what a stage brings (1-3天短信加电话提醒，主要是平台内部催收;
    5~7天评分调低; 30天以上通报联征): a timeline of overdue debt lists its stages so, with no
    逾期 of their own (session fifteen)."""
    lead = _ITEM_MARKS_RE.match(text)
    if lead is None or lead.end() != span.start or not any(w in text for w in _STAGE_WORDS):
        return False
    if span.lo != span.hi:
        return True  # a range (1-3天, 两三天)
    rest = text[span.end :].lstrip()
    end = next((w for w in _OPEN_ENDS if rest.startswith(w)), None)
    return end is not None and not rest[len(end) :].startswith((",", "，"))


#: Exclusion words that a stage's label before its colon outweighs: a lawyer's letter sent at
#: that stage (8-15天：电话变多，可能寄律师函) sets no deadline of its own (session sixteen).
_STAGE_SENDS = frozenset({"律师函", "律师信", "函件"})


def _excluded_stage(text: str, labelled: bool, matchers: Matchers) -> bool:
    """True when an exclusion word makes *text*'s stage span no overdue span; a span that
    labels its stage before a colon (*labelled*) is kept beside a letter the stage sends."""
    hits = matchers.exclude.find(text, "exclude")
    if labelled:
        return any(h.text not in _STAGE_SENDS for h in hits)
    return bool(hits)


def extract_threshold(text: str, lex: ThresholdLexicon, matchers: Matchers) -> Threshold | None:
    """The first anchored duration in normalized *text* as a Threshold, or None.

    In a table row (| 31-60天 | 委外催收 |) a duration with no anchor word of
    its own counts as overdue: such tables list the stages of overdue debt.
    """
    table_row = bool(_TABLE_ROW_RE.search(text))
    # a list item that opens with its stage (第1-5天：…, 满一个月以后：…): the span before the
    # colon is the overdue stage, as a table row's first cell (session ten)
    colon = text.find(":")
    stage_end = colon if 0 < colon <= _STAGE_LABEL_MAX else -1
    candidates: list[tuple[int, Threshold]] = []
    for m in _MBUCKET_RE.finditer(text):
        n = int(m.group(1))
        plus = m.group("plus") or text[m.end() : m.end() + 2] == "以上"
        # 超过M3 / 超出M2: past the bucket, as M3以上 (min 91)
        plus = plus or any(text[: m.start()].rstrip().endswith(w) for w in lex.min_prefixes
                           if w not in ("满", "已满", "达到", "最快", "最早"))
        if plus:
            th = Threshold(n * MONTH + 1, None, "overdue", m.group(0))
        else:
            th = Threshold((n - 1) * MONTH + 1, n * MONTH, "overdue", m.group(0))
        candidates.append((m.start(), th))
    letter = "律师函" in text or "律师信" in text
    for span in _durations(text, lex.lookback):
        if letter and _GRACE_AFTER_RE.match(text, span.end):
            continue  # 律师函通常留5天左右的宽限期: the letter's deadline (session twenty-four)
        labelled = span.end <= stage_end
        # a stage's label takes its anchor from the label alone (第5天：逾期信息报送到征信 is an
        # overdue day, not the record's retention) (session sixteen)
        anchor = _anchor(text[:stage_end] if labelled else text, span.start, span.end, matchers)
        if anchor is None and (table_row or labelled or _opens_timeline_item(text, span)) \
                and not _excluded_stage(text, labelled, matchers):
            anchor = "overdue"
        if anchor is not None and _EXAMPLE_OPEN_RE.search(text, max(0, span.start - 6), span.start):
            c_start, c_end = _clause_of(text, span.start)
            clause = text[c_start:c_end]
            # 逾期超过一定期限(如三个月): the bracket is about the overdue; so is a debt still
            # unpaid past it (欠款超过一定期限(如四个月), 超过一定期限(如三个月)仍未还款的车贷)
            # (session twenty-four), not an instalment's term
            if "逾期" in clause or (any(w in clause for w in _UNPAID_WORDS)
                                    and "分期" not in clause):
                anchor = "overdue"
        if anchor is None:
            continue
        min_only, max_only = _bounds(text, span.start, span.end, lex)
        if span.text.endswith(_OPEN_ABOVE) and not max_only:
            min_only = True  # 逾期两个多月了: more than two months, open above (round z1)
        lo, hi = round(span.lo), round(span.hi)
        if min_only:
            th = Threshold(lo, None, anchor, span.text)
        elif max_only:
            th = Threshold(None, hi, anchor, span.text)
        else:
            th = Threshold(lo, hi, anchor, span.text)
        candidates.append((span.start, th))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1]
