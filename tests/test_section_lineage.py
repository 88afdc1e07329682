"""Composite pages (issue 15, item 6): an article of its own that copies one section of
another keeps its own cluster, and v_section_lineage names the article it copies."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from tests.helpers import make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending


@pytest.mark.slow
def test_a_composite_page_is_lineage_not_a_repost(tmp_path: Path) -> None:
    """B copies one section (heading and paragraph) of A into an article of its own: the
    two stay apart as sources and v_section_lineage names A as B's source. A stock
    closing line found in many sources is not copying."""
    stock = "以上就是小编为大家整理的全部内容，希望对大家有所帮助，祝大家早日上岸。"
    section = ["一、停息挂账到底能不能自己去谈",
               "可以自己联系银行申请个性化分期，不需要交钱给任何中介机构。"
               "银行审核通常要半个月左右，期间保持电话畅通。"]
    a = ["信用卡逾期以后很多人第一反应是找人代办，其实大可不必这样做。", *section,
         "二、自己谈需要准备什么", "收入证明、困难说明和近半年的流水，都要提前准备好。", stock]
    b = ["网贷逾期三个月，平台会把账单交给外包公司，这时候电话会明显变多。",
         "外包公司的电话一般不会打给通讯录里的所有人，多数只联系紧急联系人。", *section,
         "遇到辱骂威胁的情况，保留录音之后向平台和监管部门投诉。", stock]
    others = [[f"第{i}篇讲的是完全不同的话题，比如账单日和还款日怎么区分。", stock]
              for i in range(4)]
    docs = [make_document("a", "run1", "\n".join(a), simhash=0x0F0F0F0F0F0F0F0F),
            make_document("b", "run1", "\n".join(b), simhash=0xF0F0F0F0F0F0F0F0),
            *(make_document(f"o{i}", "run1", "\n".join(t), simhash=0x00FF00FF00FF00FF + i)
              for i, t in enumerate(others))]
    docs[1] = replace(docs[1], published="2026-02-01")
    write_spool(tmp_path, "run1", docs, [])
    load_pending(tmp_path)
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    clusters = dict(con.execute("SELECT doc_id, cluster_id FROM clusters").fetchall())
    assert clusters["a"] != clusters["b"]
    rows = con.execute("SELECT doc_id, source_doc_id, paragraphs FROM v_section_lineage"
                       ).fetchall()
    assert rows == [("b", "a", 2)]
