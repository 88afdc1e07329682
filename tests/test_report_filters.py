"""Report filters that say no: an unknown topic, product or site exits 2 with suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import UsageError
from reports.build import ReportFilters, build_report
from tests.cli import run_yuqi
from tests.helpers import make_claim, make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import load_pending

TEXT = "\n".join(["花呗逾期之后平台会先发短信提醒，然后电话催收，可能联系紧急联系人。"] * 4)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    write_spool(data, "run1", [make_document("d1", "run1", TEXT)], [make_claim("d1", 0, "x")])
    load_pending(data)
    return data


@pytest.mark.parametrize(("filters", "said"), [
    (ReportFilters(product="花被"), "did you mean 花呗"),
    (ReportFilters(topic="contact_family"), "did you mean contacts_family"),
    (ReportFilters(site="farm-x"), "did you mean farm-a"),
    (ReportFilters(topic="nothing_like_it"), "known: "),
])
def test_unknown_names_are_refused_with_the_nearest(data: Path, tmp_path: Path,
                                                    filters: ReportFilters, said: str) -> None:
    with pytest.raises(UsageError, match="no such") as info:
        build_report(warehouse_path(data), tmp_path, ["md"], filters, tmp_path / "out")
    assert said in str(info.value)
    assert not (tmp_path / "out").exists()


def test_an_alias_names_its_product(data: Path, tmp_path: Path) -> None:
    by_alias = build_report(warehouse_path(data), tmp_path, ["md"],
                            ReportFilters(product="蚂蚁花呗"), tmp_path / "a")
    by_name = build_report(warehouse_path(data), tmp_path, ["md"],
                           ReportFilters(product="花呗"), tmp_path / "b")
    strip = lambda p: [ln for ln in p.read_text(encoding="utf-8").splitlines()  # noqa: E731
                       if "query date" not in ln and "filters:" not in ln]
    assert strip(by_alias[0]) == strip(by_name[0])


def test_the_command_exits_2_in_one_line(data: Path, tmp_path: Path) -> None:
    proc = run_yuqi("report", "--data-dir", str(data), "--out", str(tmp_path / "o"),
                    "--product", "花被")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "did you mean 花呗" in proc.stderr
