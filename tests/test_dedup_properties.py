"""Property tests: order-independent, incremental-stable, short texts never cluster."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dedup import Clusterer, DedupInput
from tests.test_dedup import ARTICLE, OTHER

SENTENCES = ARTICLE + OTHER + [
    "催收电话每天打好几个，严重影响了正常的工作和生活。",
    "网贷逾期后可以向银保监会投诉暴力催收的行为。",
    "停息挂账需要本人和银行协商，不需要交任何中介费用。",
]


@st.composite
def documents(draw: st.DrawFn) -> list[DedupInput]:
    texts = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=6),
                          min_size=1, max_size=8))
    dates = draw(st.lists(st.sampled_from(["2026-01-01", "2026-02-01", None]),
                          min_size=len(texts), max_size=len(texts)))
    return [DedupInput(f"d{i}", "\n".join(t), p) for i, (t, p) in enumerate(zip(texts, dates,
                                                                              strict=True))]


def partition(out: list) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for a in out:
        groups.setdefault(a.cluster_id, set()).add(a.doc_id)
    return {frozenset(g) for g in groups.values()}


@settings(max_examples=40, deadline=None)
@given(documents(), st.randoms(use_true_random=False))
def test_partition_is_independent_of_input_order(docs: list[DedupInput], rnd: random.Random
                                                 ) -> None:
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    first = Clusterer().assign_all(docs)
    second = Clusterer().assign_all(shuffled)
    assert partition(first) == partition(second)
    assert {a.doc_id: a.cluster_id for a in first} == {a.doc_id: a.cluster_id for a in second}


@settings(max_examples=40, deadline=None)
@given(documents(), documents())
def test_adding_documents_never_splits_or_renames_a_cluster(old: list[DedupInput],
                                                           new: list[DedupInput]) -> None:
    before = Clusterer().assign_all(old)
    clusterer = Clusterer()
    texts = {d.doc_id: d.text for d in old}
    for a in before:
        clusterer.add_existing(a.doc_id, a.cluster_id, texts[a.doc_id])
    added = clusterer.assign_all([DedupInput("n" + d.doc_id, d.text, d.published) for d in new])
    allowed = {a.cluster_id for a in before} | {f"c-{a.doc_id}" for a in added}
    for a in added:  # new docs join an existing cluster or one founded by a new doc
        assert a.cluster_id in allowed


@settings(max_examples=40, deadline=None)
@given(documents())
def test_identical_texts_share_a_cluster(docs: list[DedupInput]) -> None:
    out = Clusterer().assign_all(docs + [DedupInput(d.doc_id + "-copy", d.text, "2027-01-01")
                                         for d in docs])
    by_id = {a.doc_id: a for a in out}
    for d in docs:
        if len("".join(d.text.split())) >= 80:  # long enough to fingerprint
            assert by_id[d.doc_id].cluster_id == by_id[d.doc_id + "-copy"].cluster_id


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=10))
def test_short_and_empty_texts_never_cluster(texts: list[str]) -> None:
    out = Clusterer().assign_all([DedupInput(f"s{i}", t) for i, t in enumerate(texts)])
    assert len({a.cluster_id for a in out}) == len(texts)
