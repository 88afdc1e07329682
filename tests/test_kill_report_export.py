"""kill -9 in the middle of `yuqi report` and `yuqi export` (issue 17's fault suite).

Each command is stopped at a named step (pipeline.faults, YUQI_PAUSE_AT) and killed
there. A killed report leaves the previous `reports/latest/` whole; a killed export
leaves no completeness marker; the next run of each ends as a clean one does, with no
leftovers from the killed one.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli import yuqi_command
from tests.helpers import make_claim, make_document, write_spool
from warehouse.export import MANIFEST_FILE
from yuqi.app.load import load_pending

pytestmark = pytest.mark.slow

TEXT = "\n".join(["借呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。"] * 6)


def _yuqi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*yuqi_command(), *args], capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


def _kill_at(step: str, *args: str) -> None:
    """Run `yuqi ARGS` until it pauses at *step*, then kill -9 it."""
    proc = subprocess.Popen([*yuqi_command(), *args], env={**os.environ, "YUQI_PAUSE_AT": step},
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    line = proc.stderr.readline().strip()
    proc.kill()
    proc.wait()
    assert line == f"paused at {step}", line + proc.stderr.read()[-2000:]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    write_spool(tmp_path, "run1", [make_document("d1", "run1", TEXT)], [make_claim("d1", 0, "x")])
    load_pending(tmp_path)
    return tmp_path


@pytest.mark.parametrize("step", ["report_file", "replace_folder"])
def test_a_killed_report_leaves_the_previous_latest_whole(data: Path, step: str) -> None:
    assert _yuqi("report", "--data-dir", str(data)).returncode == 0
    latest = data / "reports" / "latest"
    before = {p.name: p.read_bytes() for p in latest.iterdir()}
    assert "run1" in before["report.html"].decode("utf-8")
    write_spool(data, "run2", [make_document("d2", "run2", TEXT + "\n另一篇")],
                [make_claim("d2", 0, "y")])
    load_pending(data)
    _kill_at(step, "report", "--data-dir", str(data))
    assert {p.name: p.read_bytes() for p in latest.iterdir()} == before
    again = _yuqi("report", "--data-dir", str(data))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "run2" in (latest / "report.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in latest.iterdir()) == sorted(before)
    assert [p.name for p in (data / "reports").iterdir() if p.name.startswith(".")] == []


def test_a_killed_export_has_no_marker_and_the_next_one_completes(data: Path,
                                                                  tmp_path: Path) -> None:
    out, clean = tmp_path / "export", tmp_path / "clean"
    _kill_at("export_file", "export", "--data-dir", str(data), "--out", str(out))
    assert list(out.glob("*.parquet"))  # a part was written ...
    assert not (out / MANIFEST_FILE).exists()  # ... and it says it is not complete
    again = _yuqi("export", "--data-dir", str(data), "--out", str(out))
    assert again.returncode == 0, again.stderr[-2000:]
    assert _yuqi("export", "--data-dir", str(data), "--out", str(clean)).returncode == 0
    marker = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert marker["rows"] == json.loads((clean / MANIFEST_FILE).read_text("utf-8"))["rows"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in clean.iterdir())


def test_a_crash_between_the_fallback_renames_is_undone(tmp_path: Path) -> None:
    """Where the atomic exchange is unsupported, two renames are used; a crash between
    them leaves the previous copy as `.latest.<pid>.old`, which the next call restores."""
    from pipeline.files import _recover, replace_folder

    target = tmp_path / "latest"
    retired, staging = tmp_path / ".latest.4242.old", tmp_path / ".latest.4242.new"
    retired.mkdir()
    (retired / "report.html").write_text("previous", encoding="utf-8")
    staging.mkdir()
    (staging / "report.html").write_text("half", encoding="utf-8")
    _recover(target)
    assert (target / "report.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest"]
    source = tmp_path / "run2"
    source.mkdir()
    (source / "report.html").write_text("new", encoding="utf-8")
    replace_folder(source, target)
    assert (target / "report.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "run2"]
