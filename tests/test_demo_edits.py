"""The demo web's real-style repost edits: labels kept by construction, truth says which.

The truth of a spun, Traditional or truncated repost is the original's labels; that is
only true if the edit cannot change what a sentence says. Checked here with the tagger
itself: every sentence the demo can show tags the same before and after the edit.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from demo.articles import load_bank
from demo.corpus import Corpus
from demo.edits import RESPIN, STUFFING, apply_edit, respun
from demo.mix import mixed_plan
from demo.scripts import to_traditional
from demo.truth import truth_records
from pipeline.claims import analyse

Labels = tuple[object, ...]


def _labels(sentence: str) -> Labels:
    a = analyse(sentence, explain=False)
    return (a.topics, a.stance, a.modality, a.hedge, a.products, a.threshold, a.conditions)


@pytest.fixture(scope="module")
def sentences() -> list[tuple[str, bool]]:
    """(text, is_claim) of every bank sentence and of a sample of mixed plans."""
    plans = [*load_bank().values(), *(mixed_plan(7, f"mix-{i}-1") for i in range(40))]
    seen = {s.text: s.is_claim for plan in plans for s in plan.sentences()}
    return sorted(seen.items())


def test_respin_and_traditional_keep_every_sentences_labels(
        sentences: list[tuple[str, bool]]) -> None:
    """Claims keep all their labels; other sentences stay without (or with the same) topics."""
    changed = 0
    for text, is_claim in sentences:
        before = _labels(text) if is_claim else _labels(text)[:1]
        for after in (respun(text, random.Random(1), stuff=False), to_traditional(text)):
            if after != text:
                changed += 1
                got = _labels(after) if is_claim else _labels(after)[:1]
                assert got == before, (text, after)
    assert changed > len(sentences) // 2  # the edits really rewrite most sentences


def test_stuffed_words_never_change_what_a_non_claim_says(
        sentences: list[tuple[str, bool]]) -> None:
    """Words are stuffed only into sentences that are no claim; the tagger reads them
    as it read the sentence before (no topic appears)."""
    stuffed = 0
    for text, is_claim in sentences:
        if is_claim:
            continue
        before = _labels(respun(text, random.Random(0), stuff=False))[0]
        for seed in range(3):
            after = respun(text, random.Random(seed), stuff=True)
            stuffed += any(w in after and w not in text for w in STUFFING)
            assert _labels(after)[0] == before, (text, after)
    assert stuffed


def test_spinner_words_are_not_swapped_into_each_other() -> None:
    """A pair whose new word is another pair's old word would spin twice, order-dependent."""
    olds = {old for old, _ in RESPIN}
    assert not [new for _, new in RESPIN if new in olds]


def test_truncation_keeps_a_stretch_of_the_article() -> None:
    plan = max(load_bank().values(), key=lambda p: len(p.paragraphs))
    count = len(plan.paragraphs) - 2
    head, tail = apply_edit(plan, f"head:{count}"), apply_edit(plan, f"tail:{count}")
    assert head.paragraphs == plan.paragraphs[:count]
    assert tail.paragraphs == plan.paragraphs[-count:]


def test_truth_names_each_reposts_edits_and_every_real_style_kind_occurs() -> None:
    corpus = Corpus(7, 400)
    truth = list(truth_records("http://127.0.0.1:1", size=400, day=0, corpus=corpus))
    kinds = Counter(e.partition(":")[0] for r in truth for e in r["edits"])  # type: ignore[attr-defined]
    assert {"respin", "trad", "head", "tail"} <= set(kinds)
    trad = [r for r in truth if "trad:0" in r["edits"]]  # type: ignore[operator]
    assert trad and all(to_traditional(str(r["text"])) == r["text"] for r in trad)
