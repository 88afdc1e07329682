"""Real-style reposts: machine-spun, Traditional and truncated copies join their story.

Farms repost with spinning tools ("伪原创"): near-synonyms every few characters and
stray words stuffed between words, which leaves a copy with a third of its 4-grams.
The clusterer's sentence stage (``pipeline.sentence_overlap``) must still join such a
copy, and must not join a different article that shares a couple of sentences.
"""

from __future__ import annotations

import random

from pipeline.dedup import DEFAULT_PARAMS, Clusterer, DedupInput, overlap, score
from pipeline.fingerprint import shingle_hashes
from pipeline.normalize import to_traditional
from pipeline.sentence_overlap import sentence_coverage, sentence_sketch

# Written for this test (the phenomena of real farm reposts, not their text).
STORY = [
    "分期乐逾期以后，平台前几天一般只会给借款人本人发短信、打电话提醒。",
    "逾期时间拖到一个月以上，催收员才可能开始联系填写的紧急联系人。",
    "很多人担心通讯录里的同事朋友都会接到电话，其实正规平台不会这样做。",
    "根据监管规定，催收人员不得向借款人以外的人透露具体欠款金额。",
    "如果遇到催收人员辱骂恐吓，可以保留通话录音，然后向监管部门投诉。",
    "手头确实困难的话，最好主动联系官方客服，说明情况申请延期或者分期。",
    "逾期记录会被上报到征信系统，结清以后也要保留五年才会消除。",
    "网上那些声称花钱就能修复征信的中介，基本上都是骗钱的套路。",
]
# Another article on the same question: shares two formulaic sentences, nothing else.
SAME_QUESTION = [
    "分期乐逾期会不会爆通讯录，是不少年轻用户最关心的事情之一。",
    "平台的借款合同里写明了紧急联系人的用途，只在联系不上本人时使用。",
    STORY[3],
    "有网友说自己逾期三天就被打了单位电话，这种情况属于个别现象。",
    "还款日当天晚上还上的，一般不算逾期，也不会产生罚息。",
    STORY[5],
    "总的来说，按时还款才是避免这些麻烦的根本办法，大家量力而行。",
]
# Near-synonyms a spinner swaps in, and words it stuffs between others.
SPIN_WORDS = {
    "以后": "之后", "一般": "通常", "提醒": "提示", "时间": "时长", "开始": "着手",
    "担心": "忧虑", "同事": "同僚", "规定": "要求", "透露": "泄露", "保留": "留存",
    "然后": "随后", "确实": "的确", "最好": "最好是", "主动": "积极", "消除": "清除",
    "基本上": "大多", "套路": "圈套", "情况": "状况", "说明": "讲明",
}
STUFFING = ("的话", "相关", "内容", "资料", "方面")


def spin(sentences: list[str], seed: int = 3) -> list[str]:
    """A harsh spinner: every synonym swapped and a stray word every few characters."""
    rng = random.Random(seed)
    out = []
    for sentence in sentences:
        for old, new in SPIN_WORDS.items():
            sentence = sentence.replace(old, new)
        chars = list(sentence)
        for at in sorted(rng.sample(range(2, len(chars) - 2), len(chars) // 9), reverse=True):
            chars.insert(at, rng.choice(STUFFING))
        out.append("".join(chars))
    return out


def _text(sentences: list[str]) -> str:
    return "\n".join(sentences)


def _clusters(docs: list[tuple[str, list[str]]]) -> dict[str, str]:
    inputs = [DedupInput(doc_id, _text(s), f"2026-01-{i + 1:02d}")
              for i, (doc_id, s) in enumerate(docs)]
    return {a.doc_id: a.cluster_id for a in Clusterer().assign_all(inputs)}


def test_spun_copy_fails_the_shingle_check_but_joins_its_story() -> None:
    spun = spin(STORY)
    a, b = shingle_hashes(_text(STORY)), shingle_hashes(_text(spun))
    # The copy really is beyond the 4-gram check (else this test proves nothing) ...
    assert score(a, b) < DEFAULT_PARAMS.min_jaccard
    assert overlap(a, b)[1] >= DEFAULT_PARAMS.sentence_prefilter
    # ... and the sentence stage confirms it.
    got = _clusters([("story", STORY), ("spun", spun)])
    assert got["spun"] == got["story"]


def test_article_sharing_two_sentences_stays_apart_from_the_story_and_its_spin() -> None:
    got = _clusters([("story", STORY), ("spun", spin(STORY, seed=9)),
                     ("other", SAME_QUESTION)])
    assert got["spun"] == got["story"]
    assert got["other"] != got["story"]
    coverage = sentence_coverage(sentence_sketch(_text(STORY)),
                                 sentence_sketch(_text(SAME_QUESTION)))
    assert coverage < DEFAULT_PARAMS.min_sentence_coverage


def test_traditional_and_truncated_copies_join_their_story() -> None:
    traditional = [to_traditional(s) for s in spin(STORY, seed=5)]
    assert traditional != spin(STORY, seed=5)
    got = _clusters([("story", STORY), ("trad", traditional),
                     ("second-half", spin(STORY[4:], seed=6)), ("first-half", STORY[:5])])
    assert got["trad"] == got["story"]
    assert got["second-half"] == got["story"]
    assert got["first-half"] == got["story"]


def test_spun_copy_joins_an_indexed_story_read_back_by_text() -> None:
    """The warehouse path: the story is only an index entry until it is a candidate."""
    clusterer = Clusterer(fetch_texts=lambda ids: {i: _text(STORY) for i in ids})
    clusterer.add_indexed(clusterer.entry_of_text("story", "c-story", _text(STORY)),
                          founder=True)
    out = clusterer.assign_all([DedupInput("spun", _text(spin(STORY)), "2026-02-01")])
    assert out[0].cluster_id == "c-story"
    assert out[0].canonical_doc_id == "story"
    assert out[0].similarity is not None and out[0].similarity >= DEFAULT_PARAMS.min_jaccard


def test_without_text_only_shingles_are_compared() -> None:
    """`place` given hashes alone cannot run the sentence stage: the spun copy starts a
    cluster of its own (documented in `Clusterer.place`)."""
    clusterer = Clusterer()
    clusterer.place("story", shingle_hashes(_text(STORY)))
    assert clusterer.place("spun", shingle_hashes(_text(spin(STORY)))).cluster_id == "c-spun"


def test_sentence_sketch_reads_normalized_text() -> None:
    """Traditional script, full-width forms and pinyin glosses sketch like the plain text."""
    plain = sentence_sketch(_text(STORY))
    assert sentence_sketch(to_traditional(_text(STORY))) == plain
    assert sentence_coverage(plain, sentence_sketch(_text(STORY))) == 1.0
    assert sentence_coverage(plain, sentence_sketch("")) == 0.0


def test_one_products_stitched_articles_share_headings_and_its_name_but_not_sentences(
        ) -> None:
    """Two articles about 360借条 with the same question headings and the product's name
    in every sentence say different things: coverage stays low. A copy naming another
    product is still a copy."""
    head = ("一、360借条逾期会上门催收吗\n二、360借条逾期会被转给催收公司吗\n"
            "三、360借条逾期变成坏账还用还吗\n")
    one = (head + "360借条逾期一般不会上门。360借条的催收员不得辱骂借款人。"
           "360借条逾期后先是短信提醒。")
    other = (head + "360借条会把坏账卖给资产公司。360借条的新债权人同样可以追讨。"
             "360借条不会轻易起诉借款人。")
    assert sentence_coverage(sentence_sketch(one), sentence_sketch(other)) < 0.5
    swapped = one.replace("360借条", "借呗")
    assert sentence_coverage(sentence_sketch(one), sentence_sketch(swapped)) == 1.0
