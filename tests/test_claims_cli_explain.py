"""`yuqi claims --explain`: the clause split, the reasons, and the two claims of a concession."""

from __future__ import annotations

import json

from tests.cli import run_yuqi


def test_explain_shows_the_clause_split_and_both_claims() -> None:
    stdin = json.dumps({"id": "a", "text": "虽然正规平台一般不会上门，但个别平台可能会上门。"},
                       ensure_ascii=False)  # fmt: skip
    proc = run_yuqi("claims", "--explain", input_text=stdin)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(x["part"], x["stance"], x["self_contradicting"]) for x in lines] == [
        (0, "denies", True), (1, "affirms", True)]
    roles = [c["role"] for c in lines[0]["clauses"]]
    assert roles == ["concession", "main"]
    assert any(w.startswith("clause 1 [concession]") for w in lines[0]["why"])


def test_without_explain_there_is_no_clause_split() -> None:
    stdin = json.dumps({"id": "b", "text": "骗子谎称你已被起诉。"}, ensure_ascii=False)
    proc = run_yuqi("claims", input_text=stdin)
    assert proc.returncode == 0, proc.stderr
    (line,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert "clauses" not in line and "why" not in line
    assert line["topics"] == ["fake_collection"] and line["part"] == 0
