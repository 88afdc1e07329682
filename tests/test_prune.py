"""Issue 18: `yuqi prune` frees what old runs left behind and never what is still needed:
an unloaded spool, the warehouse, or the archived copy of a current document."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from tests.cli import invoke_yuqi
from tests.helpers import make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

RUNS = ["20261001T000000Z-aaaa", "20261101T000000Z-bbbb", "20261201T000000Z-cccc"]
LONG = "借呗逾期以后，平台一般会先发短信提醒，然后打电话催收，长期不还才会委托第三方。" * 3


def _data_dir(tmp_path: Path) -> Path:
    """Three loaded runs with reports, status files and WARCs, and one unloaded spool."""
    for i, run in enumerate(RUNS):
        doc = replace(make_document(f"d{i}", run, LONG[i:] + str(i), simhash=i * 0xFFFF),
                      warc_file=f"archive/{run}/farm-a-00000.warc.gz")
        write_spool(tmp_path, run, [doc], [])
        for part in ("reports", "runs"):
            (tmp_path / part / run).mkdir(parents=True)
            (tmp_path / part / run / "x.txt").write_text("x", encoding="utf-8")
        warcs = tmp_path / "archive" / run
        warcs.mkdir(parents=True)
        for name in ("farm-a-00000.warc.gz", "farm-b-00000.warc.gz"):
            (warcs / name).write_bytes(b"warc" * 100)
    load_pending(tmp_path)
    write_spool(tmp_path, "20260901T000000Z-dddd", [make_document("dx", "r", LONG)], [])
    (tmp_path / "reports" / "latest").mkdir()
    return tmp_path


@pytest.mark.slow
def test_prune_keeps_the_newest_runs_and_everything_still_needed(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    before = duckdb.connect(str(warehouse_path(data)), read_only=True).execute(
        "SELECT count(*) FROM documents").fetchone()
    dry = invoke_yuqi("prune", "--data-dir", str(data), "--keep-runs", "1", "--archive",
                      "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (data / "spool" / RUNS[0]).exists() and "would remove" in dry.stdout
    proc = invoke_yuqi("prune", "--data-dir", str(data), "--keep-runs", "1", "--archive")
    assert proc.returncode == 0, proc.stderr
    for old in RUNS[:2]:
        assert not (data / "spool" / old).exists()
        assert not (data / "reports" / old).exists() and not (data / "runs" / old).exists()
        # the document's archived copy stays, the other WARC of the run goes
        assert (data / "archive" / old / "farm-a-00000.warc.gz").exists()
        assert not (data / "archive" / old / "farm-b-00000.warc.gz").exists()
    newest = RUNS[2]
    assert (data / "spool" / newest).exists() and (data / "reports" / newest).exists()
    assert (data / "archive" / newest / "farm-b-00000.warc.gz").exists()
    assert (data / "spool" / "20260901T000000Z-dddd").exists()  # never loaded: kept
    assert "not loaded into the warehouse yet" in proc.stdout
    assert (data / "reports" / "latest").exists()
    after = duckdb.connect(str(warehouse_path(data)), read_only=True).execute(
        "SELECT count(*) FROM documents").fetchone()
    assert after == before


@pytest.mark.slow
def test_older_than_limits_the_prune_by_age(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    proc = invoke_yuqi("prune", "--data-dir", str(data), "--keep-runs", "0",
                       "--older-than", "100000")
    assert proc.returncode == 0, proc.stderr
    assert all((data / "spool" / run).exists() for run in RUNS)  # none is that old
    proc = invoke_yuqi("prune", "--data-dir", str(data), "--older-than", "0")
    assert proc.returncode == 0, proc.stderr
    assert not any((data / "spool" / run).exists() for run in RUNS)


def test_prune_without_a_limit_is_a_usage_error(tmp_path: Path) -> None:
    proc = invoke_yuqi("prune", "--data-dir", str(tmp_path))
    assert proc.returncode == 2 and "--keep-runs" in proc.stderr
