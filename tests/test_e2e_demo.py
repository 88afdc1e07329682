"""End to end: `yuqi demo` into a temporary directory, checked against the demo web's truth."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import lxml.html
from warcio.archiveiterator import ArchiveIterator

from demo.truth import truth_records
from tests.cli import invoke_yuqi
from warehouse.checks import failing_checks


def _port(data: Path) -> str:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        row = con.execute("SELECT url FROM documents LIMIT 1").fetchone()
    finally:
        con.close()
    assert row is not None
    match = re.search(r"127\.0\.0\.1:(\d+)/", row[0])
    assert match
    return match.group(1)


def test_summary_and_layout(demo_run: tuple[Path, str]) -> None:
    data, stdout = demo_run
    for label in ("responses archived:", "documents:", "duplicate clusters:", "claims:",
                  "warehouse:", "report:"):
        assert label in stdout
    assert (data / "warehouse.duckdb").is_file()
    assert (data / "reports" / "latest" / "report.html").is_file()
    assert (data / "reports" / "latest" / "report.md").is_file()
    assert list((data / "archive").glob("*/*.warc.gz"))


def test_every_article_is_a_document(demo_run: tuple[Path, str]) -> None:
    data, _ = demo_run
    truth = {r["url"]: r for r in truth_records(f"http://127.0.0.1:{_port(data)}")}
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    docs = dict(con.execute("SELECT url, text FROM documents").fetchall())
    assert set(docs) == set(truth)
    assert failing_checks(con) == {}
    # Every page, GBK ones included, comes out decoded: its true body paragraphs are found
    # verbatim. (Headings are left out here: trafilatura drops some, see the Extract issue.)
    for url, record in truth.items():
        paragraphs = [line for line in str(record["text"]).splitlines() if line[-1] in "。！？"]
        found = sum(1 for line in paragraphs if line in docs[url])
        assert found >= 0.9 * len(paragraphs), (url, record["encoding"])


def test_reposts_share_clusters_and_different_articles_do_not(demo_run: tuple[Path, str]
                                                              ) -> None:
    data, _ = demo_run
    truth = {r["url"]: r["cluster"] for r in truth_records(f"http://127.0.0.1:{_port(data)}")}
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    predicted = dict(con.execute(
        "SELECT d.url, k.cluster_id FROM documents d JOIN clusters k USING (doc_id)").fetchall())
    urls = sorted(predicted)
    false_merges = [(a, b) for i, a in enumerate(urls) for b in urls[i + 1:]
                    if predicted[a] == predicted[b] and truth[a] != truth[b]]
    assert false_merges == []
    repost_pairs = [(a, b) for i, a in enumerate(urls) for b in urls[i + 1:]
                    if truth[a] == truth[b]]
    found = sum(1 for a, b in repost_pairs if predicted[a] == predicted[b])
    assert repost_pairs and found >= 0.5 * len(repost_pairs)


def test_warc_records_read_back_and_match_fetches(demo_run: tuple[Path, str]) -> None:
    data, _ = demo_run
    responses = 0
    for path in (data / "archive").glob("*/*.warc.gz"):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    responses += 1
                    assert record.content_stream().read() is not None
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    row = con.execute("SELECT count(*) FROM fetches").fetchone()
    assert row is not None and responses >= row[0] > 0
    # the recorded offset points at the document's own response record
    url, warc_file, offset = con.execute(
        "SELECT url, warc_file, warc_offset FROM documents ORDER BY doc_id LIMIT 1").fetchone()
    with (data / warc_file).open("rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
    assert record.rec_type == "response"
    assert record.rec_headers.get_header("WARC-Target-URI") == url


def test_sql_counts_claims_and_refuses_writes(demo_run: tuple[Path, str]) -> None:
    data, _ = demo_run
    proc = invoke_yuqi("sql", "--data-dir", str(data), "select count(*) AS n from claims",
                       "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["n"] > 0
    proc = invoke_yuqi("sql", "--data-dir", str(data), "delete from claims")
    assert proc.returncode == 2 and "only SELECT" in proc.stderr


def test_report_numbers_match_the_warehouse(demo_run: tuple[Path, str]) -> None:
    data, _ = demo_run
    html = (data / "reports" / "latest" / "report.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    assert tree.findtext(".//title").startswith("yuqi report")
    cells = {th.text_content().strip(): th.getnext().text_content().strip()
             for th in tree.xpath("//section[@id='overview']//th | //h2[@id='overview']"
                                  "/following-sibling::table[1]//th")}
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    docs, claims = con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)").fetchone()
    assert cells["Documents"] == str(docs)
    assert cells["Claims"] == str(claims)
    assert tree.xpath("//section[starts-with(@id, 'topic-')]")
    links = tree.xpath("//blockquote//a/@href")
    assert links and all(href.startswith("http://127.0.0.1:") for href in links)
