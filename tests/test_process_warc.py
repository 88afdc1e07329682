"""`yuqi process --from-warc`: replaying the WARC archive gives the crawl's rows again.

The parity test replays the real demo crawl (the session's `demo_run`) into a
copy of its data dir and compares the spools column by column; the others
check the archive itself (every record reads back with warcio, fetch rows
point at their records), the revisit record of a 304, Content-Encoding
decoding, and damaged WARC files (corrupt middle record skipped, truncated
file a one-line error).
"""

from __future__ import annotations

import gzip
import itertools
import re
import shutil
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator

from demo.site_configs import write_site_configs
from pipeline.claims import TAGGER_VERSION
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.rawpage import build_raw_page, is_article_page
from pipeline.siteconfig import SiteConfig, load_site_configs
from pipeline.spool import read_manifest, spool_files
from pipeline.stat_keys import Stat
from pipeline.warc import (
    NOT_MODIFIED_PROFILE,
    ArchivedResponse,
    CorruptRecord,
    WarcArchive,
    member_offsets,
    read_warc,
)
from tests.cli import invoke_yuqi, run_yuqi
from yuqi.app.replay import (
    ReplayError,
    WarcPart,
    archive_bytes,
    choose_runs,
    file_site,
    largest_first,
    replay,
    split_file,
    warc_files,
)

PAGE = ("<html><head><title>网贷逾期</title></head><body><article>"
        + "<p>网贷逾期以后，催收会不会打电话给家人？很多借款人都关心这个问题。</p>" * 6
        + "</article></body></html>").encode()


def _rows(spool_dir: Path, table: str, drop: tuple[str, ...] = ("run_id",)) -> set[tuple[Any, ...]]:
    rows: set[tuple[Any, ...]] = set()
    for path in spool_files(spool_dir, table):
        for row in pq.read_table(path).to_pylist():
            rows.add(tuple((k, tuple(v) if isinstance(v, list) else v)
                           for k, v in sorted(row.items()) if k not in drop))
    return rows


def _crawl_run(data: Path) -> str:
    runs = [p.name for p in (data / "spool").iterdir() if read_manifest(p) is not None]
    assert len(runs) == 1, runs
    return runs[0]


@pytest.fixture(scope="module")
def replayed(demo_run: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, str, Path]:
    """The demo crawl replayed with `yuqi process --from-warc --no-load` into a copy of its data.

    Returns the copied data dir, the crawl's run id and the new run's spool folder.
    """
    data, _ = demo_run
    crawl_run = _crawl_run(data)
    copy = tmp_path_factory.mktemp("replay") / "data"
    shutil.copytree(data / "archive", copy / "archive")
    shutil.copytree(data / "spool" / crawl_run, copy / "spool" / crawl_run)
    first = pq.read_table(spool_files(copy / "spool" / crawl_run, "documents")[0]).to_pylist()
    match = re.match(r"(http://127\.0\.0\.1:\d+)/", first[0]["url"])
    assert match
    sites = copy.parent / "sites"
    write_site_configs(match.group(1), sites)
    proc = run_yuqi("process", "--from-warc", "--no-load", "--run", crawl_run,
                    "--data-dir", str(copy), "--sites-dir", str(sites))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"from warc:{crawl_run}" in proc.stdout
    new = [p for p in (copy / "spool").iterdir() if p.name != crawl_run]
    assert len(new) == 1
    return copy, crawl_run, new[0]


def test_replay_gives_the_crawls_documents_and_claims(replayed: tuple[Path, str, Path]) -> None:
    data, crawl_run, new_spool = replayed
    old_spool = data / "spool" / crawl_run
    manifest = read_manifest(new_spool)
    assert manifest is not None
    assert manifest["source"] == f"warc:{crawl_run}" and manifest["run_id"] == new_spool.name
    assert manifest["run_id"] != crawl_run
    for table in ("documents", "claims", "removals"):
        crawled = _rows(old_spool, table)
        assert crawled, table
        assert _rows(new_spool, table) == crawled, table
    new_docs = [r for p in spool_files(new_spool, "documents")
                for r in pq.read_table(p).to_pylist()]
    assert {r["run_id"] for r in new_docs} == {new_spool.name}


def test_replay_rebuilds_the_fetch_rows(replayed: tuple[Path, str, Path]) -> None:
    data, crawl_run, new_spool = replayed
    crawled = _rows(data / "spool" / crawl_run, "fetches")
    assert len(crawled) > 10
    assert _rows(new_spool, "fetches") == crawled


def test_replay_counts_what_the_crawl_counted(replayed: tuple[Path, str, Path]) -> None:
    """Both go through pipeline.page, so the run summaries agree too."""
    data, crawl_run, new_spool = replayed
    crawled, again = read_manifest(data / "spool" / crawl_run), read_manifest(new_spool)
    assert crawled is not None and again is not None
    assert crawled["stats"]["summary"]["documents"] > 0
    for key in ("responses", "downloaded", "unchanged", "documents", "claims"):
        assert again["stats"]["summary"][key] == crawled["stats"]["summary"][key], key


def test_every_record_reads_back_and_fetch_rows_point_at_their_record(
        demo_run: tuple[Path, str]) -> None:
    data, _ = demo_run
    crawl_run = _crawl_run(data)
    by_offset: dict[tuple[str, int], Any] = {}
    kinds: set[str] = set()
    for path in sorted((data / "archive" / crawl_run).glob("*.warc.gz")):
        name = path.relative_to(data).as_posix()
        with path.open("rb") as fh:
            iterator = ArchiveIterator(fh)
            for record in iterator:
                kinds.add(record.rec_type)
                record.content_stream().read()  # every block reads through
                if record.rec_type in ("response", "revisit"):
                    headers = record.rec_headers
                    assert headers.get_header("Yuqi-Run-ID") == crawl_run
                    assert headers.get_header("Yuqi-Site") == path.name.rsplit("-", 1)[0]
                    assert headers.get_header("Yuqi-Request-URL", "").startswith("http")
                    by_offset[(name, iterator.offset)] = headers.get_header("WARC-Target-URI")
    assert {"response", "request"} <= kinds
    fetches = [r for p in spool_files(data / "spool" / crawl_run, "fetches")
               for r in pq.read_table(p).to_pylist()]
    assert fetches and len(fetches) == len(by_offset)
    for row in fetches:
        assert by_offset[(row["warc_file"], row["warc_offset"])] == row["final_url"]


def _archive(tmp_path: Path, pages: list[dict[str, Any]]) -> Path:
    archive = WarcArchive(tmp_path, "20260101T000000Z-abcd", "farm-a")
    for i, page in enumerate(pages):
        archive.write_pair(
            url=page["url"], method="GET", request_headers=[("User-Agent", "t")],
            status=page.get("status", 200), reason="",
            response_headers=page.get("headers", [("Content-Type", "text/html; charset=utf-8")]),
            body=page.get("body", PAGE), fetched_at=f"2026-01-01T00:00:0{i}.000000Z",
            request_url=page.get("request_url", ""), refers_to=page.get("refers_to"),
        )
    archive.close()
    (path,) = (tmp_path / "archive" / "20260101T000000Z-abcd").glob("*.warc.gz")
    return path


CONFIG = SiteConfig(name="farm-a", start_urls=("http://farm.test/",),
                    allowed_domains=("farm.test",), article_pattern=r"/a/\d+\.html$")


def test_a_304_is_a_revisit_record_and_replays_as_a_fetch_only(tmp_path: Path) -> None:
    path = _archive(tmp_path, [
        {"url": "http://farm.test/a/1.html", "status": 304, "body": b"",
         "headers": [("ETag", '"v1"')], "refers_to": ("<urn:uuid:old>", "2025-12-01T00:00:00Z")},
        {"url": "http://farm.test/a/2.html"},
    ])
    with path.open("rb") as fh:
        records = [r for r in ArchiveIterator(fh) if r.rec_type != "request"]
    assert [r.rec_type for r in records] == ["revisit", "response"]
    revisit = records[0].rec_headers
    assert revisit.get_header("WARC-Profile") == NOT_MODIFIED_PROFILE
    assert revisit.get_header("WARC-Refers-To-Target-URI") == "http://farm.test/a/1.html"
    assert revisit.get_header("WARC-Refers-To") == "<urn:uuid:old>"
    assert revisit.get_header("WARC-Refers-To-Date") == "2025-12-01T00:00:00Z"
    outcome = replay(tmp_path, ["20260101T000000Z-abcd"], {"farm-a": CONFIG}, "r2")
    fetches = [r for p in spool_files(outcome.spool_dir, "fetches")
               for r in pq.read_table(p).to_pylist()]
    assert sorted((r["final_url"], r["status"], r["etag"]) for r in fetches) == [
        ("http://farm.test/a/1.html", 304, '"v1"'), ("http://farm.test/a/2.html", 200, None)]
    docs = [r for p in spool_files(outcome.spool_dir, "documents")
            for r in pq.read_table(p).to_pylist()]
    assert [d["url"] for d in docs] == ["http://farm.test/a/2.html"]
    assert outcome.stats[Stat.UNCHANGED] == 1


def test_replay_undoes_content_encoding_and_keys_by_the_first_url(tmp_path: Path) -> None:
    _archive(tmp_path, [{
        "url": "http://farm.test/a/9.html", "request_url": "http://farm.test/a/7.html",
        "body": gzip.compress(PAGE),
        "headers": [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
    }])
    outcome = replay(tmp_path, ["20260101T000000Z-abcd"], {"farm-a": CONFIG}, "r2")
    (doc,) = [r for p in spool_files(outcome.spool_dir, "documents")
              for r in pq.read_table(p).to_pylist()]
    assert doc["url"] == "http://farm.test/a/7.html"
    assert doc["final_url"] == "http://farm.test/a/9.html"
    assert "催收会不会打电话给家人" in doc["text"]


def test_a_corrupt_record_in_the_middle_is_skipped(tmp_path: Path) -> None:
    path = _archive(tmp_path, [{"url": f"http://farm.test/a/{i}.html"} for i in range(3)])
    with path.open("rb") as fh:
        iterator = ArchiveIterator(fh)
        offsets = [iterator.offset for r in iterator if r.rec_type == "response"]
    data = bytearray(path.read_bytes())
    for i in range(offsets[1] + 40, offsets[1] + 60):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    items = list(read_warc(path))
    assert [type(i).__name__ for i in items] == [
        "ArchivedResponse", "CorruptRecord", "ArchivedResponse"]
    assert isinstance(items[1], CorruptRecord) and items[1].offset == offsets[1]
    outcome = replay(tmp_path, ["20260101T000000Z-abcd"], {"farm-a": CONFIG}, "r2")
    assert outcome.stats[Stat.CORRUPT_RECORDS] == 1
    assert outcome.stats[Stat.DOCUMENTS] == 2


def test_the_replay_manifest_records_the_run_summary(tmp_path: Path) -> None:
    _archive(tmp_path, [
        {"url": "http://farm.test/a/1.html", "status": 304, "body": b"",
         "refers_to": ("<urn:uuid:old>", "2025-12-01T00:00:00Z")},
        {"url": "http://farm.test/a/2.html"},
        {"url": "http://farm.test/a/3.html", "headers": [("Content-Type", "application/pdf")]},
    ])
    outcome = replay(tmp_path, ["20260101T000000Z-abcd"], {"farm-a": CONFIG}, "r2")
    manifest = read_manifest(outcome.spool_dir)
    assert manifest is not None
    assert manifest["stats"]["summary"] == outcome.summary
    assert outcome.summary["responses"] == 3 and outcome.summary["unchanged"] == 1
    assert outcome.summary["downloaded"] == 2 and outcome.summary["documents"] == 1
    assert outcome.stats[Stat.SKIPPED_NOT_ARTICLE] == 1  # the PDF, as the item pipeline counts it


def _process_farm_a(tmp_path: Path) -> CompletedProcess[str]:
    """`yuqi process --from-warc --no-load` over *tmp_path* with a farm-a config."""
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "farm-a.toml").write_text(
        'name = "farm-a"\nstart_urls = ["http://farm.test/"]\n'
        'article_pattern = "/a/\\\\d+\\\\.html$"\n', encoding="utf-8")
    return invoke_yuqi("process", "--from-warc", "--no-load", "--data-dir", str(tmp_path),
                       "--sites-dir", str(sites))


def test_a_truncated_warc_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = _archive(tmp_path, [{"url": f"http://farm.test/a/{i}.html"} for i in range(2)])
    path.write_bytes(path.read_bytes()[:-25])
    proc = _process_farm_a(tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[-1].startswith("yuqi: error: ") and str(path) in lines[-1]
    assert "truncated" in lines[-1]
    # the half-written spool run is removed, so nothing of it can be loaded
    assert not list((tmp_path / "spool").glob("*/*"))


def test_an_empty_warc_file_is_a_one_line_error(tmp_path: Path) -> None:
    """A 0-byte WARC file used to be read as "no records": its pages vanished silently."""
    path = _archive(tmp_path, [{"url": f"http://farm.test/a/{i}.html"} for i in range(2)])
    empty = path.with_name("farm-a-00001.warc.gz")
    empty.write_bytes(b"")
    proc = _process_farm_a(tmp_path)
    assert proc.returncode == 1, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("yuqi: error: ") and str(empty) in last and "empty WARC file" in last
    assert not list((tmp_path / "spool").glob("*/*"))


def test_bad_input_is_a_one_line_usage_error(tmp_path: Path) -> None:
    proc = invoke_yuqi("process", "--from-warc", "--data-dir", str(tmp_path / "missing"))
    assert proc.returncode == 2 and "data directory not found" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = invoke_yuqi("process", "--from-warc", "--data-dir", str(tmp_path))
    assert proc.returncode == 2 and "no WARC archive" in proc.stderr
    _archive(tmp_path, [{"url": "http://farm.test/a/1.html"}])
    with pytest.raises(ReplayError) as info:
        choose_runs(tmp_path, "nope", False)
    assert info.value.code == 2 and "nope" in str(info.value)
    with pytest.raises(ReplayError) as info:
        replay(tmp_path, ["20260101T000000Z-abcd"], {}, "r2")
    assert info.value.code == 2 and "farm-a" in str(info.value) and ".warc.gz" in str(info.value)
    assert not (tmp_path / "spool" / "r2").exists()


def test_the_article_decision_and_page_url_are_shared() -> None:
    body = b'<html><head><link rel="canonical" href="/a/1.html"></head><body>x</body></html>'
    page = build_raw_page(CONFIG, "r", "http://farm.test/mirror/a/1.html?utm_source=x",
                          "http://farm.test/mirror/a/1.html", 200,
                          [("Content-Type", "text/html"), ("Connection", "close")], body, "t")
    assert page.url == "http://farm.test/a/1.html"
    assert page.headers == (("Content-Type", "text/html"),)
    assert is_article_page(CONFIG, page)
    elsewhere = body.replace(b'href="/a/1.html"', b'href="http://other.test/a/1.html"')
    page = build_raw_page(CONFIG, "r", "http://farm.test/a/2.html?utm_source=x",
                          "http://farm.test/a/2.html", 200, [], elsewhere, "t")
    assert page.url == "http://farm.test/a/2.html"
    assert not is_article_page(CONFIG, build_raw_page(
        CONFIG, "r", "http://farm.test/a/2.html", "http://farm.test/a/2.html", 200,
        [("Content-Type", "application/pdf")], b"%PDF-1.4", "t"))
    assert not is_article_page(CONFIG, build_raw_page(
        CONFIG, "r", "http://farm.test/a/2.html", "http://farm.test/a/2.html", 404, [], body, "t"))


def test_records_name_what_replay_needs(tmp_path: Path) -> None:
    path = _archive(tmp_path, [{"url": "http://farm.test/a/3.html",
                                "request_url": "http://farm.test/a/1.html"}])
    (item,) = list(read_warc(path))
    assert isinstance(item, ArchivedResponse)
    assert (item.site, item.request_url, item.run_id) == (
        "farm-a", "http://farm.test/a/1.html", "20260101T000000Z-abcd")
    assert item.body == PAGE and item.status == 200


def test_the_replay_manifest_records_versions_and_site_config_hashes(
        replayed: tuple[Path, str, Path]) -> None:
    data, crawl_run, new_spool = replayed
    manifest = read_manifest(new_spool)
    crawled = read_manifest(data / "spool" / crawl_run)
    assert manifest is not None and crawled is not None
    versions = manifest["versions"]
    assert versions["extractor"] == EXTRACTOR_VERSION
    assert versions["tagger"] == TAGGER_VERSION
    assert set(versions["site_configs"]) == set(manifest["sites"])
    # The same configs (rewritten for the same base URL) hash the same as in the crawl.
    assert versions["site_configs"] == {s: crawled["versions"]["site_configs"][s]
                                        for s in manifest["sites"]}


def _replay_with(copy: Path, crawl_run: str, sites: Path, workers: int,
                 env: dict[str, str] | None = None) -> tuple[int, str, Path | None]:
    before = {p.name for p in (copy / "spool").iterdir()}
    proc = run_yuqi("process", "--from-warc", "--no-load", "--run", crawl_run, "--workers",
                    str(workers), "--data-dir", str(copy), "--sites-dir", str(sites), env=env)
    new = [p for p in (copy / "spool").iterdir() if p.name not in before]
    return proc.returncode, proc.stderr, new[0] if new else None


def _files(spool_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Every Parquet file of a spool by name, its rows in order (run ids left out)."""
    return {p.name: [{k: v for k, v in row.items() if k != "run_id"}
                     for row in pq.read_table(p).to_pylist()]
            for p in sorted(spool_dir.glob("*.parquet"))}


def test_a_sites_spool_is_written_when_its_last_file_is_replayed(
        replayed: tuple[Path, str, Path], tmp_path: Path) -> None:
    """Each site's Parquet files are written as soon as its last WARC file is spooled (while
    the other sites' files are still to come), not all at the end; the files are the same."""
    data, crawl_run, pooled = replayed
    configs = {c.name: c for c in load_site_configs(data.parent / "sites")}
    files = sorted((data / "archive" / crawl_run).glob("*.warc.gz"))
    written_at: dict[str, set[str]] = {}

    def on_file(path: Path) -> None:
        written_at[path.name] = {p.name.split(".")[0] for p in
                                 (data / "spool" / "flush-test").glob("*.parquet")}

    outcome = replay(data, [crawl_run], configs, "flush-test", data.parent / "sites",
                     on_file=on_file, workers=0)
    try:
        sites = [file_site(p) for p in files]
        for i, path in enumerate(files):
            if sites[i] not in sites[i + 1:]:  # its site's last file
                assert sites[i] in written_at[path.name], path.name
            assert not set(sites[i + 1:]) - set(sites[:i + 1]) & written_at[path.name]
        assert _files(outcome.spool_dir) == _files(pooled)
    finally:
        shutil.rmtree(outcome.spool_dir)


@pytest.mark.parametrize("workers", [0, 2])
def test_the_progress_adds_up_to_the_archive_and_moves_within_files(
        replayed: tuple[Path, str, Path], workers: int) -> None:
    """`on_bytes` reports each file (inline) or each part of a file (pool) as it is spooled:
    the steps add up to the archive's size, so `yuqi process`'s progress bar ends full and,
    on a pool, moves several times within a file."""
    data, crawl_run, _ = replayed
    configs = {c.name: c for c in load_site_configs(data.parent / "sites")}
    files = warc_files(data, [crawl_run])
    steps: list[int] = []
    outcome = replay(data, [crawl_run], configs, f"progress-{workers}", data.parent / "sites",
                     workers=workers, on_bytes=steps.append)
    shutil.rmtree(outcome.spool_dir)
    assert sum(steps) == archive_bytes(files) == sum(p.stat().st_size for p in files)
    assert all(step > 0 for step in steps)
    if workers:
        assert len(steps) > len(files)
    else:
        assert sorted(steps) == sorted(p.stat().st_size for p in files)


def test_the_pool_starts_the_largest_files_first_each_sites_in_order(tmp_path: Path) -> None:
    sizes = {"a-00000": 10, "a-00001": 50, "b-00000": 30, "c-00000": 40, "c-00001": 5}
    files = []
    for name, size in sizes.items():
        (path := tmp_path / f"{name}.warc.gz").write_bytes(b"x" * size)
        files.append(path)
    order = [p.name.removesuffix(".warc.gz") for p in largest_first(files)]
    # by size 50 (a), 40 (c), 30 (b), 10 (a), 5 (c); a's and c's files keep their order
    assert order == ["a-00000", "c-00000", "b-00000", "a-00001", "c-00001"]


def test_the_pool_gives_the_inline_rows_and_survives_a_killed_worker(
        replayed: tuple[Path, str, Path], tmp_path: Path) -> None:
    data, crawl_run, pooled = replayed
    sites = data.parent / "sites"
    # every file went to the pool in parts (the workers shared each file's records)
    assert all(len(split_file(p)) > 1 for p in (data / "archive" / crawl_run).glob("*.warc.gz"))
    code, stderr, inline = _replay_with(data, crawl_run, sites, 0)
    assert code == 0 and inline is not None, stderr[-2000:]
    tables = ("fetches", "documents", "claims", "removals")
    for table in tables:
        assert _rows(pooled, table) == _rows(inline, table), table
    # the same files, each with the same rows in the same order (a site's files are spooled
    # in file order although the pool finishes them in any order)
    assert _files(pooled) == _files(inline)
    assert read_manifest(pooled)["stats"]["total"] == read_manifest(inline)["stats"]["total"]
    victim = sorted((data / "archive" / crawl_run).glob("*.warc.gz"))[1].name
    env = {"YUQI_REPLAY_KILL": victim, "YUQI_REPLAY_KILL_ONCE": str(tmp_path / "killed")}
    code, stderr, retried = _replay_with(data, crawl_run, sites, 2, env)
    assert code == 0 and retried is not None, stderr[-2000:]
    assert (tmp_path / "killed").exists() and "worker died" in stderr
    for table in tables:
        assert _rows(retried, table) == _rows(inline, table), table
    code, stderr, lost = _replay_with(data, crawl_run, sites, 2, {"YUQI_REPLAY_KILL": victim})
    assert code == 1 and lost is None
    assert victim in stderr and "died twice" in stderr


def test_one_sites_single_file_is_shared_by_the_pools_workers(
        replayed: tuple[Path, str, Path], tmp_path: Path) -> None:
    """An archive of one file (a single-site run) is replayed on the pool in parts, with the
    inline rows in the inline order, also when a worker dies on one of them (a whole file
    per task left a single file to one worker, so such a replay used to run inline)."""
    data, crawl_run, _ = replayed
    one = tmp_path / "data"
    largest = max((data / "archive" / crawl_run).glob("*.warc.gz"), key=lambda p: p.stat().st_size)
    (one / "archive" / crawl_run).mkdir(parents=True)
    (one / "spool").mkdir()
    shutil.copy(largest, one / "archive" / crawl_run / largest.name)
    assert len(split_file(largest)) > 2
    sites = data.parent / "sites"
    code, stderr, inline = _replay_with(one, crawl_run, sites, 0)
    assert code == 0 and inline is not None, stderr[-2000:]
    # the kill hook runs in pool workers only: its marker shows the file went to the pool
    env = {"YUQI_REPLAY_KILL": largest.name, "YUQI_REPLAY_KILL_ONCE": str(tmp_path / "killed")}
    code, stderr, pooled = _replay_with(one, crawl_run, sites, 2, env)
    assert code == 0 and pooled is not None, stderr[-2000:]
    assert (tmp_path / "killed").exists()
    assert _files(pooled) == _files(inline)
    assert len(_files(pooled)) >= 3  # fetches, documents, claims of the site
    assert read_manifest(pooled)["stats"]["total"] == read_manifest(inline)["stats"]["total"]


def _five_pages(tmp_path: Path) -> Path:
    """A WARC file of five response/request pairs (two gzip members each)."""
    return _archive(tmp_path, [{"url": f"http://farm.test/a/{i}.html"} for i in range(5)])


def test_member_offsets_are_where_the_records_start(tmp_path: Path) -> None:
    path = _five_pages(tmp_path)
    offsets = member_offsets(path)
    assert offsets is not None and len(offsets) == 10  # a response and a request per page
    responses = [r for r in read_warc(path) if isinstance(r, ArchivedResponse)]
    assert [r.offset for r in responses] == offsets[::2]
    # from any record boundary to the next, reading yields exactly the records there
    for start, end in itertools.pairwise([*offsets, None]):
        got = [r.offset for r in read_warc(path, start=start, end=end)]
        assert got == ([start] if offsets.index(start) % 2 == 0 else [])


def test_a_damaged_or_cut_off_file_has_no_offsets_and_is_one_part(tmp_path: Path) -> None:
    path = _five_pages(tmp_path)
    data = path.read_bytes()
    cut = tmp_path / "farm-a-00001.warc.gz"
    cut.write_bytes(data[:-10])
    damaged = tmp_path / "farm-a-00002.warc.gz"
    damaged.write_bytes(data[:200] + bytes(50) + data[250:])
    empty = tmp_path / "farm-a-00003.warc.gz"
    empty.write_bytes(b"")
    for bad in (cut, damaged, empty, tmp_path / "missing.warc.gz"):
        assert member_offsets(bad) is None, bad.name
        assert split_file(bad, records=2) == [WarcPart(bad)], bad.name


@pytest.mark.parametrize("records", [1, 2, 3, 4, 7, 10, 11])
def test_a_files_parts_read_its_records_once_in_order(tmp_path: Path, records: int) -> None:
    path = _five_pages(tmp_path)
    ids = [r.record_id for r in read_warc(path) if isinstance(r, ArchivedResponse)]
    assert len(ids) == 5
    parts = split_file(path, records=records)
    assert len(parts) == (1 if records >= 10 else -(-10 // records))
    assert parts[0].start == 0 and parts[-1].last
    assert [p.last for p in parts[:-1]] == [False] * (len(parts) - 1)
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))
    read = [r for part in parts for r in read_warc(path, start=part.start, end=part.end)]
    assert not [r for r in read if isinstance(r, CorruptRecord)]
    assert [r.record_id for r in read if isinstance(r, ArchivedResponse)] == ids
