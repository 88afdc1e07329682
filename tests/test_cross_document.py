"""Cross-document cleaning in the load (template and teaser paragraphs), glyph gaps read
from cluster mates, and the normalized text stored beside the original."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.dedup import Clusterer, DedupInput
from pipeline.glyph_gaps import gap_flags
from pipeline.records import Claim, Document
from pipeline.stages import normalized_lines
from tests.helpers import make_claim, make_document, write_spool
from tests.test_dedup import ARTICLE, OTHER
from warehouse.connect import warehouse_path
from yuqi.app.load import fill_glyph_gap, load_pending

TEMPLATE = "本站内容来自网友投稿，花呗逾期会联系家人的说法仅供参考，如有侵权请联系删除。"
TEMPLATE_CLAIM = "花呗逾期会联系家人的说法仅供参考，如有侵权请联系删除。"


def prose(seed: int, sentences: int = 4) -> list[str]:
    """Paragraphs of random Chinese characters (no shingle in common with anything else)."""
    rnd = random.Random(seed)
    return ["".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(45)) + "。"
            for _ in range(sentences)]


def page(doc_id: str, run_id: str, paragraphs: list[str], site: str = "farm-a",
         published: str = "2026-01-02", flags: tuple[str, ...] = ()) -> Document:
    """A document of *paragraphs* with its own normalized-text hash (as the pipeline gives)."""
    body = "\n".join(paragraphs)
    return replace(make_document(doc_id, run_id, body, site=site), published=published,
                   text_norm_sha1=hashlib.sha1(body.encode()).hexdigest(), flags=flags)


def load(tmp: Path, run_id: str, docs: list[Document], claims: Sequence[Claim] = ()
         ) -> dict[str, int]:
    """Write and load run *run_id* the way `yuqi load` does; the load's counts."""
    write_spool(tmp, run_id, docs, list(claims))
    (result,) = [r for r in load_pending(tmp) if r.loaded]
    return result.counts


def query(tmp: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse_path(tmp)), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.slow
def test_template_paragraph_marked_once_on_enough_pages_and_its_claims_dropped(
        tmp_path: Path) -> None:
    body_claim = make_claim("t0", 0, prose(0)[0])
    first = [page(f"t{i}", "run1", prose(i) + [TEMPLATE]) for i in range(2)]
    counts = load(tmp_path, "run1", first,
                  [body_claim, make_claim("t0", 4, TEMPLATE_CLAIM)])
    # On 2 pages only: not a template, its claim stays.
    assert counts["boilerplate_template"] == 0
    assert query(tmp_path, "SELECT count(*) FROM paragraphs WHERE is_boilerplate") == [(0,)]
    assert query(tmp_path, "SELECT count(*) FROM claims") == [(2,)]
    more = [page(f"t{i}", "run2", prose(i) + [TEMPLATE]) for i in range(2, 5)]
    counts = load(tmp_path, "run2", more, [make_claim("t3", 4, TEMPLATE_CLAIM)])
    assert counts["boilerplate_template"] == 5  # the older pages' paragraphs too
    assert counts["claims_in_boilerplate"] == 2  # t0's (an older document) and t3's
    marked = query(tmp_path, "SELECT doc_id, idx, boilerplate_reason FROM paragraphs"
                             " WHERE is_boilerplate ORDER BY doc_id")
    assert marked == [(f"t{i}", 4, "template") for i in range(5)]
    assert query(tmp_path, "SELECT text FROM claims") == [(body_claim.text,)]
    assert query(tmp_path, "SELECT count(*) FROM paragraphs") == [(25,)]  # none deleted


@pytest.mark.slow
def test_a_claim_dropped_as_boilerplate_gets_no_claim_family(tmp_path: Path) -> None:
    """The load places the families of its staged claims less those cleaning dropped: a
    template's sentence founds no family another page's copy could join."""
    body_claim = make_claim("t0", 0, prose(0)[0])
    dropped = make_claim("t3", 4, "花呗逾期会联系家人的说法仅供参考")  # in the template
    pages = [page(f"t{i}", "run1", prose(i) + [TEMPLATE]) for i in range(5)]
    counts = load(tmp_path, "run1", pages, [body_claim, dropped])
    assert counts["claims_in_boilerplate"] == 1
    assert query(tmp_path, "SELECT sentence_sha1 FROM claim_families") == [
        (body_claim.sentence_sha1,)]


@pytest.mark.slow
def test_a_teaser_of_another_document_is_marked_with_its_id(tmp_path: Path) -> None:
    lead = ARTICLE[0] + ARTICLE[1]  # 78 characters, Y's first paragraph
    target = page("y", "run1", [lead, *ARTICLE[2:]], site="farm-q", published="2026-01-01")
    cut = page("x", "run1", [*OTHER, "小编导语：" + lead[:30] + "…"], site="farm-q")
    whole = page("x2", "run1", [OTHER[0], lead, *prose(7)], site="farm-q")
    repost = page("r", "run1", ["很多朋友问我这个问题，今天统一回复一下。", lead, *ARTICLE[2:]],
                  site="farm-q")
    shared_opening = page("s", "run1", [lead, *prose(8)], site="farm-q")
    fillers = [page(f"f{i}", "run1", prose(100 + i), site="farm-q") for i in range(40)]
    counts = load(tmp_path, "run1", [target, cut, whole, repost, shared_opening, *fillers],
                  [make_claim("x", 5, lead[:30])])
    marked = query(tmp_path, "SELECT doc_id, idx, boilerplate_reason FROM paragraphs"
                             " WHERE is_boilerplate ORDER BY doc_id")
    assert marked == [("x", 5, "teaser_of:y"), ("x2", 1, "teaser_of:y")]
    assert counts["boilerplate_teaser"] == 2
    assert query(tmp_path, "SELECT count(*) FROM claims") == [(0,)]


@pytest.mark.slow
def test_boilerplate_is_left_out_of_the_clustering_text(tmp_path: Path) -> None:
    block_a = prose(201, 5)  # each far longer than the short article
    block_b = prose(202, 5)
    short = ARTICLE[:3]
    docs = [
        page("d1", "run1", short + block_a, published="2026-01-01"),
        page("d2", "run1", short + block_b, published="2026-01-02"),
        page("s1", "run1", block_a + ["花呗逾期会怎样，今天来说一说。"], published="2026-01-03"),
        page("s2", "run1", block_a + ["借呗逾期多久会被起诉，下面说一说。"],
             published="2026-01-04"),
        page("s3", "run1", block_b + OTHER[:2], published="2026-01-05"),
        page("s4", "run1", block_b + prose(9, 2), published="2026-01-06"),
    ]
    # Precondition: on full texts, d1/d2 stay apart and s1/s2 (only template shared) merge.
    full = {a.doc_id: a.cluster_id for a in Clusterer().assign_all(
        DedupInput(d.doc_id, d.text, d.published) for d in docs)}
    assert full["d1"] != full["d2"] and full["s1"] == full["s2"]
    load(tmp_path, "run1", docs)
    clusters = {str(d): str(c) for d, c in query(tmp_path,
                                                 "SELECT doc_id, cluster_id FROM clusters")}
    assert clusters["d1"] == clusters["d2"]  # the same article under different templates
    assert clusters["s1"] != clusters["s2"]  # only the template in common
    reasons = query(tmp_path, "SELECT DISTINCT boilerplate_reason FROM paragraphs"
                              " WHERE is_boilerplate")
    assert reasons == [("template",)]


def stripped(paragraphs: list[str], word: str) -> str:
    return "\n".join(paragraphs).replace(word, " ", 1)


@pytest.mark.slow
def test_glyph_gap_gets_the_word_a_cluster_mate_has(tmp_path: Path) -> None:
    original = "\n".join(ARTICLE)
    gapped = stripped(ARTICLE, "电话")
    flags = gap_flags(gapped)
    assert flags and flags[0].startswith("glyph_gap:")
    mate = page("m", "run1", ARTICLE, site="farm-m", published="2026-01-01")
    doc = page("g", "run1", gapped.split("\n"), site="farm-g", flags=flags)
    # A second cluster whose only mate has the same gap: a row without a word.
    other_gapped = stripped(OTHER, "起诉")
    other_flags = gap_flags(other_gapped)
    assert other_flags
    twin_a = page("h1", "run1", other_gapped.split("\n"), site="farm-g", flags=other_flags)
    twin_b = page("h2", "run1", other_gapped.split("\n") + ["欢迎留言。"], site="farm-m",
                  flags=other_flags)
    counts = load(tmp_path, "run1", [mate, doc, twin_a, twin_b])
    offset = int(flags[0].split(":")[1])
    rows = query(tmp_path, 'SELECT doc_id, "offset", context, likely_word, mate_doc_id'
                           " FROM glyph_gaps ORDER BY doc_id")
    assert rows[0] == ("g", offset, fill_glyph_gap(gapped, offset, []).context, "电话", "m")
    assert "□" in str(rows[0][2])
    assert [(r[0], r[3], r[4]) for r in rows[1:]] == [("h1", None, None), ("h2", None, None)]
    assert counts["glyph_gaps"] == 3 and counts["glyph_gaps_filled"] == 1
    assert query(tmp_path, "SELECT text FROM documents WHERE doc_id = 'g'") == [(gapped,)]
    assert original != gapped


@pytest.mark.slow
def test_text_norm_is_stored_beside_the_original_and_old_spools_load_null(
        tmp_path: Path) -> None:
    text = "規(guī)定：花唄逾期\nＡＢＣ　電話"
    assert normalized_lines(text) == "规定:花呗逾期\nabc 电话"
    doc = replace(page("n1", "run1", text.split("\n")), text_norm=normalized_lines(text))
    load(tmp_path, "run1", [doc])
    assert query(tmp_path, "SELECT text, text_norm FROM documents") == [
        (text, "规定:花呗逾期\nabc 电话")]
    spool = write_spool(tmp_path, "run2", [page("n2", "run2", ["旧版本的池子没有这一列。"])], [])
    for path in spool.glob("*.documents.*.parquet"):
        pq.write_table(pq.read_table(path).drop(["text_norm"]), path)
    load_pending(tmp_path)
    assert query(tmp_path, "SELECT text_norm FROM documents WHERE doc_id = 'n2'") == [(None,)]
