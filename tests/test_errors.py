"""One error path: expected errors become one line and their exit code; bugs name a log file."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warehouse.sqlsafe
from pipeline.errors import RunError, UsageError, YuqiError
from pipeline.siteconfig import ConfigError
from warehouse.connect import WarehouseError
from warehouse.sqlsafe import UnsafeQueryError
from yuqi.app.jobstate import JobStateError
from yuqi.app.replay import ReplayError
from yuqi.cli import app, main


@pytest.mark.parametrize(("cls", "code"), [
    (ConfigError, 2), (UnsafeQueryError, 2), (JobStateError, 2), (WarehouseError, 1),
])
def test_library_errors_share_one_base_and_say_their_exit_code(cls: type[YuqiError],
                                                               code: int) -> None:
    assert issubclass(cls, YuqiError)
    assert cls("x").exit_code == code
    assert issubclass(cls, UsageError if code == 2 else RunError)


def test_replay_error_carries_the_code_it_was_given() -> None:
    assert ReplayError("no archive", 2).exit_code == 2
    assert ReplayError("bad file").exit_code == 1


def test_version_names_package_extractor_and_tagger() -> None:
    from pipeline.claims import TAGGER_VERSION
    from pipeline.extract import EXTRACTOR_VERSION

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("yuqi ")
    assert EXTRACTOR_VERSION in result.stdout and TAGGER_VERSION in result.stdout


def _run_main(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "argv", ["yuqi", *argv])
    with pytest.raises(SystemExit) as stop:
        main()
    return int(stop.value.code or 0)


def test_an_expected_error_is_one_line_with_its_code(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    code = _run_main(monkeypatch, ["sql", "DROP TABLE documents", "--data-dir", str(tmp_path)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 1  # no warehouse there: a failed run, checked before the SQL
    assert len(lines) == 1 and lines[0].startswith("yuqi: error: ")
    assert str(tmp_path) in lines[0]


def test_a_bug_exits_1_with_one_line_naming_the_log(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise ZeroDivisionError("deep inside")

    monkeypatch.setattr(warehouse.sqlsafe, "run_query", broken)
    monkeypatch.setenv("YUQI_LOG_DIR", str(tmp_path / "logs"))
    code = _run_main(monkeypatch, ["sql", "SELECT 1", "--data-dir", str(tmp_path)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(lines) == 1, lines
    assert "ZeroDivisionError" in lines[0] and "Traceback" not in lines[0]
    match = re.search(r"(/\S+\.log)", lines[0])
    assert match, lines[0]
    log = Path(match.group(1))
    assert log.parent == tmp_path / "logs"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "deep inside" in text and "broken" in text
