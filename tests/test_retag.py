"""`yuqi process --retag`: stored documents re-tagged without recrawling, in one transaction."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.claims import TAGGER_VERSION, tag_document
from tests.cli import invoke_yuqi
from tests.helpers import make_claim, make_document, write_spool
from warehouse.checks import failing_checks
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

TEXT = "\n".join([
    "花呗逾期之后，正规平台一般不会联系家人。",
    "如果逾期超过三个月，可能会被起诉。",
    "今天天气不错。",
])


@pytest.mark.slow
def test_retag_replaces_stale_claims_with_the_current_taggers(tmp_path: Path) -> None:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)],
                [make_claim("d1", 0, "stale claim from an old tagger")])
    load_pending(tmp_path)
    proc = invoke_yuqi("process", "--data-dir", str(tmp_path), "--retag")
    assert proc.returncode == 0, proc.stderr
    expected = tag_document("d1", TEXT)
    assert expected
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    rows = con.execute("SELECT text, tagger_version, version FROM claims ORDER BY idx").fetchall()
    assert [r[0] for r in rows] == [c.text for c in expected]
    assert {r[1] for r in rows} == {TAGGER_VERSION}
    assert {r[2] for r in rows} == {1}
    assert failing_checks(con) == {}
    # Every re-tagged sentence got its claim family in the same transaction.
    unassigned = con.execute(
        "SELECT count(*) FROM claims c ANTI JOIN claim_families f ON f.sentence_sha1 ="
        " c.sentence_sha1 AND f.signature = claim_signature(c.topics, c.stance, c.modality,"
        " c.hedge, c.min_days, c.max_days)").fetchone()
    assert unassigned == (0,)
    con.close()
    again = invoke_yuqi("process", "--data-dir", str(tmp_path), "--retag")
    assert again.returncode == 0
    con = duckdb.connect(str(warehouse_path(tmp_path)), read_only=True)
    assert con.execute("SELECT count(*) FROM claims").fetchone() == (len(expected),)


def test_process_without_a_task_is_a_usage_error(tmp_path: Path) -> None:
    proc = invoke_yuqi("process", "--data-dir", str(tmp_path))
    assert proc.returncode == 2 and "--retag" in proc.stderr
