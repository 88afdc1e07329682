"""Near-duplicate clustering: reposts join, different articles stay apart, ids are stable."""

from __future__ import annotations

import pytest

from pipeline.dedup import Clusterer, DedupInput
from pipeline.fingerprint import shingles, simhash64

ARTICLE = [
    "花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。",
    "如果逾期超过三个月仍然没有还款，平台可能会把账单委托给第三方催收公司处理。",
    "第三方催收公司会按照规定联系借款人本人，正规的催收不会爆通讯录，也不会上门骚扰。",
    "建议大家遇到还款困难时，主动联系官方客服协商还款，不要相信代办停息挂账的广告。",
    "逾期记录会上报征信，在结清欠款之后还会保留五年，这段时间申请房贷车贷都会受影响。",
]
OTHER = [
    "借呗逾期多久会被起诉？这是很多借款人关心的问题，下面小编就来给大家详细说一说。",
    "借呗的借款合同中约定了管辖法院，一般情况下逾期金额较大、时间较长才会被起诉。",
    "起诉之前通常会有诉前调解，借款人可以在调解阶段和平台协商一个分期还款的方案。",
    "如果法院判决后仍然不履行，就可能被列为失信被执行人，出行和消费都会受到限制。",
    "所以借呗逾期之后千万不要逃避，积极沟通才是解决问题的办法，祝大家早日上岸。",
]


def text(paras: list[str]) -> str:
    return "\n".join(paras)


def test_repost_with_new_intro_and_swapped_product_joins_the_cluster() -> None:
    repost = ["很多朋友问我这个问题，今天统一回复一下。"] + [
        p.replace("花呗", "借呗") for p in ARTICLE[:2] + ARTICLE[3:]
    ] + [ARTICLE[2]]
    out = Clusterer().assign_all([
        DedupInput("a", text(ARTICLE), "2026-01-01"),
        DedupInput("b", text(repost), "2026-02-01"),
        DedupInput("c", text(OTHER), "2026-01-15"),
    ])
    by_id = {a.doc_id: a for a in out}
    assert by_id["b"].cluster_id == by_id["a"].cluster_id
    assert by_id["c"].cluster_id != by_id["a"].cluster_id
    assert by_id["b"].matched_doc_id == "a" and by_id["b"].similarity is not None


def test_page_plus_ads_is_contained() -> None:
    padded = ARTICLE + ["加微信免费咨询债务问题。", "本站内容仅供参考。"] * 3
    out = Clusterer().assign_all([DedupInput("a", text(ARTICLE)), DedupInput("b", text(padded))])
    assert out[0].cluster_id == out[1].cluster_id


def test_short_and_empty_texts_never_cluster() -> None:
    docs = [DedupInput(str(i), t) for i, t in enumerate(["", "   ", "。。。！！", "花呗逾期"])]
    out = Clusterer().assign_all(docs)
    assert len({a.cluster_id for a in out}) == len(docs)


def test_existing_cluster_ids_are_kept_by_later_runs() -> None:
    clusterer = Clusterer()
    clusterer.add_existing("old", "c-founder", text(ARTICLE))
    out = clusterer.assign_all([DedupInput("new", text(ARTICLE) + "\n谢谢阅读。")])
    assert out[0].cluster_id == "c-founder"


def test_earliest_published_founds_the_cluster() -> None:
    out = Clusterer().assign_all([
        DedupInput("late", text(ARTICLE), "2026-05-01"),
        DedupInput("early", text(ARTICLE), "2026-01-01"),
    ])
    by_id = {a.doc_id: a for a in out}
    assert by_id["early"].matched_doc_id is None
    assert by_id["late"].cluster_id == "c-early"


def test_hashes_given_to_assign_all_place_as_its_own() -> None:
    """The load shingles each new text once (`Clusterer.hashed`) and hands the hashes to
    `assign_all`: the same assignments as hashing the texts there, and the same entries."""
    repost = ["很多朋友问我这个问题，今天统一回复一下。"] + ARTICLE[1:]
    docs = [DedupInput("a", text(ARTICLE), "2026-01-01"), DedupInput("b", text(repost)),
            DedupInput("c", text(OTHER), "2026-01-15"), DedupInput("d", "")]
    clusterer = Clusterer()
    hashed = {d.doc_id: clusterer.hashed(d) for d in docs}
    assert clusterer.assign_all(docs, hashed) == Clusterer().assign_all(docs)
    assert [hashed[d.doc_id][1] for d in docs] == [
        Clusterer().entry_of_text(d.doc_id, "", d.text) for d in docs]


def test_simhash_is_64_bit_and_zero_for_empty() -> None:
    fp = simhash64(shingles(text(ARTICLE)))
    assert 0 < fp < 2**64
    assert simhash64(shingles("")) == 0


def test_vectorised_simhash_equals_the_simhash_package() -> None:
    from simhash import Simhash

    from pipeline.fingerprint import shingle_hash, shingle_hashes, simhash_of_hashes

    for sample in (text(ARTICLE), text(OTHER), text(ARTICLE[::-1]) + "附加一段文字用于测试。"):
        grams = shingles(sample)
        hashes = shingle_hashes(sample)
        assert sorted(shingle_hash(g.encode()) for g in grams) == sorted(hashes.tolist())
        expected = Simhash(sorted(grams), f=64, hashfunc=shingle_hash).value
        assert simhash_of_hashes(hashes) == expected


def test_the_fingerprint_filter_keeps_exactly_letters_and_numbers() -> None:
    """The regex filter drops what a per-character Unicode category test drops."""
    from pipeline.fingerprint import _NOT_CONTENT, is_content_char

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert _NOT_CONTENT.sub("", every) == "".join(c for c in every if is_content_char(c))


def test_a_big_cluster_costs_a_bounded_number_of_comparisons(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A new near-duplicate of a big cluster is compared with a few of its members, not
    with every candidate (that made `yuqi dedup` quadratic in the cluster's size)."""
    import random

    import pipeline.dedup as dedup

    calls = []
    real = dedup.score
    monkeypatch.setattr(dedup, "score", lambda a, b, p=dedup.DEFAULT_PARAMS:
                        calls.append(1) or real(a, b, p))
    rnd = random.Random(7)
    base = list(text(ARTICLE + OTHER))
    docs = []
    for i in range(600):
        edited = base[:]
        for _ in range(len(edited) // 30):
            edited[rnd.randrange(len(edited))] = rnd.choice("的了是在有和就不人都")
        docs.append(DedupInput(str(i), "".join(edited), f"2026-01-01T{i:05d}"))
    out = Clusterer().assign_all(docs)
    assert len({a.cluster_id for a in out}) == 1
    assert len(calls) <= dedup.MAX_TRIES_PER_CLUSTER * len(docs)
    assert len(calls) <= 3 * len(docs)  # the nearest member usually confirms at once
