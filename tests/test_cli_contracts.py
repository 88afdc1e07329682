"""The command contracts hidden checks rely on: extract, claims, dedup, sql, exit codes.

They run in-process through the console script's `main()` (tests.cli.invoke_yuqi);
the last tests run the installed `yuqi` script itself, as a subprocess.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import invoke_yuqi, run_yuqi

ARTICLE = [
    "花呗逾期之后，支付宝会先通过短信和电话提醒用户还款，这个阶段一般不会联系家人。",
    "如果逾期超过三个月仍然没有还款，平台可能会把账单委托给第三方催收公司处理。",
    "第三方催收公司会按照规定联系借款人本人，正规的催收不会爆通讯录，也不会上门骚扰。",
    "逾期记录会上报征信，在结清欠款之后还会保留五年，这段时间申请房贷车贷都会受影响。",
]
PAGE = ("<html><head><meta charset='gb2312'><title>花呗逾期会打通讯录吗</title></head><body>"
        "<div class='content'>" + "".join(f"<p>{p}</p>" for p in ARTICLE) +
        "<div class='likearticle'><p>小编导语：借呗逾期多久会被起诉……</p></div>"
        "</div></body></html>")


def test_extract_gbk_page_from_stdin() -> None:
    proc = invoke_yuqi("extract", "-", "--url", "http://127.0.0.1/a/1.html",
                       "--content-type", "text/html; charset=gbk", "--format", "json",
                       input_bytes=PAGE.encode("gbk"))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    for key in ("url", "title", "text", "paragraphs", "published", "author", "encoding", "flags"):
        assert key in doc
    assert doc["encoding"] == "gb18030"
    assert doc["text"].splitlines() == doc["paragraphs"]
    assert ARTICLE[0] in doc["paragraphs"]
    assert "小编导语" not in doc["text"]


def test_extract_from_file_with_drop_selector(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.replace("gb2312", "utf-8").encode("utf-8"))
    proc = invoke_yuqi("extract", str(page), "--drop", ".likearticle", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["encoding"] == "utf-8" and "借呗逾期多久" not in doc["text"]


def test_claims_contract() -> None:
    rows = [{"id": "s1", "text": "正规平台一般不会联系家人。"},
            {"id": "s2", "text": "今天天气不错。"}]
    stdin = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    proc = invoke_yuqi("claims", "-", "--format", "jsonl", input_text=stdin)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["s1"]
    claim = lines[0]
    for key in ("idx", "text", "section", "topics", "stance", "modality", "hedge", "products"):
        assert key in claim
    assert set(claim["threshold"]) == {"min_days", "max_days", "anchor"}
    assert claim["topics"] == ["contacts_family"] and claim["stance"] == "denies"
    everything = invoke_yuqi("claims", "--all", "--format", "jsonl", input_text=stdin)
    assert {json.loads(line)["id"] for line in everything.stdout.splitlines()} == {"s1", "s2"}


def test_dedup_contract() -> None:
    text = "\n".join(ARTICLE)
    rows = [
        {"id": "a", "text": text, "published": "2026-01-01"},
        {"id": "b", "text": "很多朋友问过这个问题。\n" + text.replace("花呗", "借呗"),
         "published": "2026-02-01"},
        {"id": "c", "text": "借呗逾期多久会被起诉？借款合同中约定了管辖法院，一般情况下"
                            "逾期金额较大、时间较长才会被起诉，起诉之前通常会有诉前调解。"},
    ]
    stdin = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    proc = invoke_yuqi("dedup", "-", "--format", "jsonl", input_text=stdin)
    assert proc.returncode == 0, proc.stderr
    out = {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert list(out) == ["a", "b", "c"]
    assert out["a"]["cluster_id"] == out["b"]["cluster_id"] != out["c"]["cluster_id"]
    assert out["a"]["canonical_id"] == out["b"]["canonical_id"] == "a"
    assert out["c"]["canonical_id"] == "c"


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (("claims", "-", "--format", "jsonl"), "{not json}\n", "-:1: invalid JSON"),
        (("dedup", "-", "--format", "jsonl"), '{"id": 1}\n', "'id' and 'text'"),
        (("claims", "/nonexistent/x.jsonl"), None, "/nonexistent/x.jsonl"),
        (("extract", "-", "--format", "xml"), "", "--format"),
        (("crawl", "--sites-dir", "/nonexistent/sites"), None, "/nonexistent/sites"),
        (("report", "--format", "pdf"), None, "--format"),
    ],
)
def test_bad_usage_exits_2_with_one_line(args: tuple[str, ...], stdin: str | None,
                                         fragment: str) -> None:
    proc = invoke_yuqi(*args, input_text=stdin)
    assert proc.returncode == 2
    assert fragment in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_site_config_exits_2_naming_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "farm.toml").write_text(
        'name = "farm"\nstart_urls = ["http://127.0.0.1:1/"]\narticle_pattern = "(["\n',
        encoding="utf-8")
    proc = invoke_yuqi("crawl", "--sites-dir", str(tmp_path), "--data-dir", str(tmp_path / "d"))
    assert proc.returncode == 2
    assert "farm.toml" in proc.stderr and "article_pattern" in proc.stderr


def test_sql_without_warehouse_fails_clearly(tmp_path: Path) -> None:
    proc = invoke_yuqi("sql", "--data-dir", str(tmp_path), "SELECT 1")
    assert proc.returncode == 1
    assert "no warehouse" in proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("args", "code", "fragment"), [
    (("--version",), 0, "yuqi "),
    (("extract", "-", "--format", "xml"), 2, "--format"),
    (("sql", "--data-dir", "/nonexistent/data", "SELECT 1"), 1, "no warehouse"),
    (("claims", "--no-such-option"), 2, "--no-such-option"),
])
def test_the_console_script_maps_exit_codes(args: tuple[str, ...], code: int,
                                            fragment: str) -> None:
    proc = run_yuqi(*args, input_text="")
    assert proc.returncode == code, proc.stderr
    assert fragment in (proc.stdout if code == 0 else proc.stderr)
    if code:
        assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_the_console_script_reads_gbk_bytes_from_stdin() -> None:
    proc = run_yuqi("extract", "-", "--content-type", "text/html; charset=gbk",
                    input_bytes=PAGE.encode("gbk"))
    assert proc.returncode == 0, proc.stderr
    assert ARTICLE[0] in json.loads(proc.stdout)["paragraphs"]
