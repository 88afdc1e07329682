"""A stages pool's workers reuse each other's taggings (pipeline.claims.tag_exchange).

The worker is a real process (forked), its taggings reach this one through real files.
"""

from __future__ import annotations

import multiprocessing
import pickle
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.claims.tag_exchange import TagExchange
from pipeline.claims.tagger import analyse_claims, clear_tag_cache, keep_new_tags, take_new_tags

SENTENCES = ("借呗逾期三个月会被起诉吗？", "催收一般不会上门，但会打电话给家人。",
             "花呗逾期一天不会上征信。")


@pytest.fixture(autouse=True)
def _fresh_tagger() -> Iterator[None]:
    clear_tag_cache()
    yield
    keep_new_tags(False)
    clear_tag_cache()


def _worker(folder: str) -> None:
    """Another worker of the pool: tags SENTENCES and publishes them."""
    exchange = TagExchange(Path(folder), "other.tags")
    for sentence in SENTENCES:
        analyse_claims(sentence, explain=False)
    exchange.publish()


def _run_worker(folder: Path) -> None:
    process = multiprocessing.get_context("fork").Process(target=_worker, args=(str(folder),))
    process.start()
    process.join()
    assert process.exitcode == 0


def test_a_sentence_another_worker_tagged_is_not_tagged_again(tmp_path: Path) -> None:
    _run_worker(tmp_path)
    exchange = TagExchange(tmp_path, "this.tags")
    assert exchange.absorb() == len(SENTENCES)
    assert exchange.absorb() == 0  # each chunk is taken once
    taken = [analyse_claims(s, explain=False) for s in SENTENCES]
    assert take_new_tags() == []  # all three were lookups
    analyse_claims("网贷逾期了怎么和催收协商？", explain=False)
    assert [key for key, _ in take_new_tags()] == [("网贷逾期了怎么和催收协商？", "", False)]
    analyse_claims("逾期后催收说要上门怎么办？", explain=False)
    # publishing hands over only this process's own taggings
    assert exchange.publish() == 1
    assert (tmp_path / "this.tags").stat().st_size > 0
    # the taken claims are the ones this process's tagger gives
    clear_tag_cache()
    assert taken == [analyse_claims(s, explain=False) for s in SENTENCES]
    assert any(a.topics for claims in taken for a in claims)


def _chunk(sentences: tuple[str, ...]) -> bytes:
    results = [((s, "", False), tuple(analyse_claims(s, explain=False))) for s in sentences]
    clear_tag_cache()
    blob = pickle.dumps(results)
    return struct.pack("<Q", len(blob)) + blob


def test_a_chunk_still_being_written_is_taken_once_whole(tmp_path: Path) -> None:
    chunk, next_chunk = _chunk(SENTENCES[:2]), _chunk(SENTENCES[2:])
    other = tmp_path / "other.tags"
    other.write_bytes(chunk[:-5])
    exchange = TagExchange(tmp_path, "this.tags")
    assert exchange.absorb() == 0
    with other.open("ab") as fh:
        fh.write(chunk[-5:] + next_chunk[:3])
    assert exchange.absorb() == 2
    analyse_claims(SENTENCES[0], explain=False)
    assert take_new_tags() == []
    with other.open("ab") as fh:
        fh.write(next_chunk[3:])
    assert exchange.absorb() == 1


def test_a_damaged_chunk_or_a_removed_folder_fails_no_task(tmp_path: Path) -> None:
    (tmp_path / "other.tags").write_bytes(struct.pack("<Q", 4) + b"\x80\x05XX")
    (tmp_path / "third.tags").write_bytes(_chunk(SENTENCES[:1]))
    exchange = TagExchange(tmp_path, "this.tags")
    assert exchange.absorb() == 1  # the damaged file is left alone, the good one taken
    analyse_claims(SENTENCES[1], explain=False)
    for path in tmp_path.iterdir():
        path.unlink()
    tmp_path.rmdir()
    assert exchange.publish() == 0 and exchange.absorb() == 0
