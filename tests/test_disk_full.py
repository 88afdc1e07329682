"""A full disk while writing a report or an export: the old files stay whole, nothing half-written.

A real tmpfs of a few KB is mounted where the test may (root on Linux); the
report's swap of `latest/` is also checked with an injected ENOSPC.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import pipeline.files
from reports.build import ReportFilters, build_report
from tests.cli import invoke_yuqi
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from warehouse.export import MANIFEST_FILE
from yuqi.app.load import load_pending

pytestmark = pytest.mark.slow

TEXT = "\n".join(["花呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。"] * 6)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [make_claim("d1", 0, "x")])
    load_pending(tmp_path)
    return tmp_path


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 48 KB tmpfs, or a skip when this process may not mount one."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_export_to_a_full_disk_fails_in_one_line_and_leaves_no_partial_file(
        data: Path, tiny_disk: Path) -> None:
    proc = invoke_yuqi("export", "--data-dir", str(data), "--out", str(tiny_disk))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "export did not finish" in lines[0] and str(tiny_disk) in lines[0]
    assert not list(tiny_disk.glob("*.tmp"))
    assert not (tiny_disk / MANIFEST_FILE).exists()


def test_a_finished_export_has_its_manifest(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    proc = invoke_yuqi("export", "--data-dir", str(data), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / MANIFEST_FILE).exists() and not list(out.glob("*.tmp"))


def test_report_latest_stays_whole_when_the_swap_hits_a_full_disk(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "reports"
    first = build_report(warehouse_path(data), root, ["html", "md"], ReportFilters())
    before = {p.name: p.read_bytes() for p in first}

    def copy_then_fill_the_disk(src: Path, dst: Path) -> None:
        Path(dst).mkdir()
        (Path(dst) / "report.html").write_bytes(b"<html>half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline.files.shutil, "copytree", copy_then_fill_the_disk)
    with pytest.raises(OSError, match="No space"):
        build_report(warehouse_path(data), root, ["html", "md"], ReportFilters())
    latest = root / "latest"
    assert {p.name: p.read_bytes() for p in latest.iterdir()} == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []


def test_report_files_on_a_full_disk_keep_the_previous_report(data: Path,
                                                              tiny_disk: Path) -> None:
    out = tiny_disk / "r"
    out.mkdir()
    (out / "report.html").write_text("previous report", encoding="utf-8")
    _fill(tiny_disk / "filler")
    with pytest.raises(OSError):
        build_report(warehouse_path(data), tiny_disk, ["html"], ReportFilters(), out)
    assert (out / "report.html").read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in out.iterdir()] == ["report.html"]


def _fill(path: Path) -> None:
    """Write *path* until its file system is full."""
    with path.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 1024)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.crawl
@pytest.mark.parametrize("area", ["archive", "spool"])
def test_disk_full_stops_the_crawl_and_resume_completes_it(tmp_path: Path, area: str) -> None:
    """RELIABILITY case 33: the archive's (or the spool's) disk fills mid-crawl. Measured
    before: exit 0 with 15 of 101 articles loaded. Now: exit 1 naming the path, nothing
    loaded, and after space is made `yuqi crawl --resume` ends with the counts of a clean
    run (the spool's lost rows are rebuilt from the WARC files)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    from demo.server import DemoServer
    from demo.site_configs import write_site_configs
    from tests.cli import run_yuqi

    sites, data, clean = tmp_path / "sites", tmp_path / "data", tmp_path / "clean"
    archive = data / area
    archive.mkdir(parents=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(archive)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        with DemoServer(port=0, size=400, day=0) as server:
            write_site_configs(server.base_url, sites)
            for extra in sites.glob("*.toml"):
                if extra.name != "farm-a.toml":
                    extra.unlink()
            full = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(data))
            assert full.returncode == 1, full.stderr[-2000:]
            assert "disk full" in full.stderr and str(archive) in full.stderr
            assert not (data / "warehouse.duckdb").exists()  # nothing half-crawled loaded
            subprocess.run(["mount", "-o", "remount,size=50m", str(archive)], check=True)
            resumed = run_yuqi("crawl", "--resume", "--sites-dir", str(sites),
                               "--data-dir", str(data))
            assert resumed.returncode == 0, resumed.stderr[-2000:]
            solo = run_yuqi("crawl", "--sites-dir", str(sites), "--data-dir", str(clean))
            assert solo.returncode == 0, solo.stderr[-2000:]
        assert _counts(data) == _counts(clean)
        assert _counts(data)[1] > 10
    finally:
        subprocess.run(["umount", "-l", str(archive)], check=False)


def _mount_tmpfs(where: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def _counts(data: Path) -> tuple[int, int, int]:
    import duckdb

    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        row = con.execute("SELECT (SELECT count(*) FROM crawl_runs), (SELECT count(*) FROM "
                          "documents), (SELECT count(*) FROM claims)").fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


@pytest.mark.crawl
def test_warehouse_disk_full_fails_in_one_line_and_the_next_load_completes(tmp_path: Path
                                                                          ) -> None:
    """RELIABILITY case 33, the warehouse's disk: a load onto a full disk (the first load,
    then a later one) exits 1 with "disk full: <warehouse>", leaves no half-written
    warehouse, and once there is space the next load ends with a clean load's counts.
    Before: a FatalException traceback and a partial warehouse file."""
    from demo.server import DemoServer
    from demo.site_configs import write_site_configs
    from tests.cli import run_yuqi

    sites, source, clean, disk = (tmp_path / n for n in ("sites", "src", "clean", "disk"))
    _mount_tmpfs(disk, "3m")
    try:
        port = 0
        for day in (0, 1):
            with DemoServer(port=port, size=100, day=day) as server:
                port = server.port
                write_site_configs(server.base_url, sites)
                for extra in sites.glob("*.toml"):
                    if extra.name != "farm-a.toml":
                        extra.unlink()
                crawled = run_yuqi("crawl", "--no-load", "--sites-dir", str(sites),
                                   "--data-dir", str(source))
                assert crawled.returncode == 0, crawled.stderr[-2000:]
        first, second = sorted((source / "spool").iterdir())
        for spool in (first, second):
            shutil.copytree(spool, clean / "spool" / spool.name)
        assert run_yuqi("load", "--data-dir", str(clean)).returncode == 0
        data = disk / "data"
        shutil.copytree(first, data / "spool" / first.name)
        # 1. The first load: the warehouse does not fit on the 3 MB disk.
        full = run_yuqi("load", "--data-dir", str(data))
        assert full.returncode == 1
        assert f"disk full: {data / 'warehouse.duckdb'}" in full.stderr
        assert "Traceback" not in full.stderr and len(full.stderr.strip().splitlines()) == 1
        assert not (data / "warehouse.duckdb").exists()
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        assert run_yuqi("load", "--data-dir", str(data)).returncode == 0
        assert _counts(data)[0] == 1
        # 2. A later load onto a disk filled to the last byte.
        shutil.copytree(second, data / "spool" / second.name)
        filler = disk / "filler"
        _fill(filler)
        full = run_yuqi("load", "--data-dir", str(data))
        assert full.returncode == 1
        assert f"disk full: {data / 'warehouse.duckdb'}" in full.stderr
        assert "Traceback" not in full.stderr
        filler.unlink()
        again = run_yuqi("load", "--data-dir", str(data))
        assert again.returncode == 0, again.stderr[-2000:]
        assert _counts(data) == _counts(clean)
        assert _counts(clean)[0] == 2 and _counts(clean)[1] > 10
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
