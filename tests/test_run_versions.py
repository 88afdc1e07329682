"""Versions that mean something: the extractor version hashes its rules and parameters, and
every run's manifest and `crawl_runs` row record versions, thresholds and site config hashes."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, replace
from pathlib import Path

import duckdb
import pytest

from pipeline import clean, extract, glyph_gaps
from pipeline.claims import TAGGER_VERSION
from pipeline.dedup import DEFAULT_PARAMS
from pipeline.extract import EXTRACTOR_VERSION, extractor_parameters, extractor_version
from pipeline.siteconfig import config_hash, load_site_configs, site_config_from_mapping
from pipeline.spool import read_manifest, write_manifest
from pipeline.versioning import module_parameters, stable_hash
from tests.helpers import make_document, write_spool
from warehouse.connect import warehouse_path
from yuqi.app.load import CROSS_DOC_RULES, load_pending
from yuqi.app.provenance import run_versions, site_config_hashes

SITE = {"name": "farm-a", "start_urls": ["http://127.0.0.1:8080/"],
        "article_pattern": r"/a/\d+\.html$", "drop_selectors": [".related"]}


def test_the_extractor_version_is_its_parameters_hashed() -> None:
    assert extractor_version() == EXTRACTOR_VERSION
    assert re.fullmatch(r"trafilatura-[\w.]+\+yuqi-clean-\d+\+[0-9a-f]{8}", EXTRACTOR_VERSION)
    params = extractor_parameters()
    assert params["clean_rules"] == ["teaser", "disclaimer", "cta", "info_line", "furniture"]
    cleaning = params["modules"]["pipeline.clean"]
    assert cleaning["CTA_MAX_CHARS"] == clean.CTA_MAX_CHARS
    assert cleaning["_DISCLAIMER"][0] == clean._DISCLAIMER.pattern
    assert "MAX_ELEMENTS" in params["modules"]["pipeline.extract"]
    assert "EXTRACTOR_VERSION" not in params["modules"]["pipeline.extract"]


@pytest.mark.parametrize(("module", "name", "value"), [
    (clean, "CTA_MAX_CHARS", clean.CTA_MAX_CHARS + 1),
    (clean, "_CTA", re.compile(clean._CTA.pattern + "|加群", re.IGNORECASE)),
    (clean, "_CTA", re.compile(clean._CTA.pattern)),  # the flags count too
    (clean, "DEFAULT_RULES", tuple(reversed(clean.DEFAULT_RULES))),
    (extract, "_MIN_TEXT_CHARS", 41),
    (extract, "TRAFILATURA_OPTIONS", {**extract.TRAFILATURA_OPTIONS, "favor_precision": True}),
    (glyph_gaps, "MAX_MISSING_CHARS", glyph_gaps.MAX_MISSING_CHARS + 1),
])
def test_changing_a_cleaning_rule_or_parameter_changes_the_version(
        monkeypatch: pytest.MonkeyPatch, module: object, name: str, value: object) -> None:
    monkeypatch.setattr(module, name, value)
    assert extractor_version() != EXTRACTOR_VERSION


def test_stable_hash_ignores_order_and_module_parameters_skip_code() -> None:
    assert stable_hash({"a": 1, "b": [1, 2]}) == stable_hash({"b": (1, 2), "a": 1})
    assert stable_hash({"a": 1}) != stable_hash({"a": 2})
    assert stable_hash(frozenset({"x", "y"})) == stable_hash(frozenset({"y", "x"}))
    found = module_parameters(clean, frozenset({"CTA_MAX_CHARS"}))
    assert "CTA_MAX_CHARS" not in found and "INFO_LINE_MAX_CHARS" in found
    assert "DEFAULT_RULES" not in found  # functions inside: code, not data
    assert "clean_paragraphs" not in found


def test_site_config_hash_covers_settings_not_the_file_name() -> None:
    base = site_config_from_mapping(SITE, "a.toml")
    assert config_hash(base) == config_hash(site_config_from_mapping(SITE, "elsewhere/b.toml"))
    assert re.fullmatch(r"[0-9a-f]{12}", config_hash(base))
    changed = [
        replace(base, drop_selectors=(".related", ".ad")),
        replace(base, article_pattern=r"/b/\d+\.html$"),
        replace(base, politeness=replace(base.politeness, delay=2.0)),
    ]
    assert len({config_hash(c) for c in [base, *changed]}) == 4


def test_run_versions_block() -> None:
    versions = run_versions(site_config_hashes([site_config_from_mapping(SITE)]))
    assert versions == {
        "extractor": EXTRACTOR_VERSION,
        "tagger": TAGGER_VERSION,
        "dedup": asdict(DEFAULT_PARAMS),
        "cleaning": asdict(CROSS_DOC_RULES),
        "site_configs": {"farm-a": config_hash(site_config_from_mapping(SITE))},
    }
    json.dumps(versions)  # a manifest is JSON


def _run_row(data: Path, run_id: str) -> tuple[object, ...]:
    with duckdb.connect(str(warehouse_path(data)), read_only=True) as con:
        row = con.execute(
            "SELECT extractor_version, tagger_version, site_configs, dedup_params,"
            " cleaning_params FROM crawl_runs WHERE run_id = ?", [run_id]).fetchone()
    assert row is not None
    return tuple(row)


@pytest.mark.slow
def test_crawl_runs_records_the_manifests_versions_and_the_loads_thresholds(
        tmp_path: Path) -> None:
    spool = write_spool(tmp_path, "run1", [make_document("d1", "run1", "正文" * 40)], [])
    manifest = read_manifest(spool)
    assert manifest is not None
    manifest["versions"] = {"extractor": "ex-1", "tagger": "tg-1",
                            "site_configs": {"farm-a": "0123456789ab"}}
    write_manifest(spool, manifest)
    write_spool(tmp_path, "run0", [make_document("d0", "run0", "旧文" * 40)], [])  # no versions
    load_pending(tmp_path)
    extractor, tagger, sites, dedup, cleaning = _run_row(tmp_path, "run1")
    assert (extractor, tagger) == ("ex-1", "tg-1")
    assert json.loads(str(sites)) == {"farm-a": "0123456789ab"}
    assert json.loads(str(dedup)) == asdict(DEFAULT_PARAMS)
    assert json.loads(str(cleaning)) == asdict(CROSS_DOC_RULES)
    old = _run_row(tmp_path, "run0")
    assert old[:3] == (None, None, None)  # spooled before versions were recorded
    assert json.loads(str(old[3])) == asdict(DEFAULT_PARAMS)


def test_the_demo_runs_manifest_and_crawl_runs_row_record_versions(
        demo_run: tuple[Path, str]) -> None:
    data, _ = demo_run
    runs = [p for p in (data / "spool").iterdir() if read_manifest(p) is not None]
    assert len(runs) == 1
    manifest = read_manifest(runs[0])
    assert manifest is not None
    versions = manifest["versions"]
    assert versions["extractor"] == EXTRACTOR_VERSION
    assert versions["tagger"] == TAGGER_VERSION
    assert versions["dedup"] == asdict(DEFAULT_PARAMS)
    assert versions["cleaning"] == asdict(CROSS_DOC_RULES)
    assert set(versions["site_configs"]) == set(manifest["sites"])
    assert all(re.fullmatch(r"[0-9a-f]{12}", h) for h in versions["site_configs"].values())
    extractor, tagger, sites, dedup, _ = _run_row(data, runs[0].name)
    assert (extractor, tagger) == (EXTRACTOR_VERSION, TAGGER_VERSION)
    assert json.loads(str(sites)) == versions["site_configs"]
    assert json.loads(str(dedup)) == versions["dedup"]


def test_config_hashes_of_the_shipped_example_configs_are_distinct(tmp_path: Path) -> None:
    from demo.site_configs import write_site_configs

    write_site_configs("http://127.0.0.1:8080", tmp_path)
    configs = load_site_configs(tmp_path)
    hashes = site_config_hashes(configs)
    assert len(set(hashes.values())) == len(configs) > 1
