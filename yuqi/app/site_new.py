"""`yuqi site new`: infer a site config from example URLs, write it, and load it back."""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.site_infer import Inferred, infer_site
from pipeline.site_toml import draft_from_inferred, render_toml
from pipeline.siteconfig import load_site_config, site_config_from_mapping


@dataclass(frozen=True)
class NewSite:
    """What `new_site_config` inferred, the TOML text, and where it was written (None: not)."""

    inferred: Inferred
    text: str
    path: Path | None


def _check(text: str, source: str) -> None:
    """Validate *text* as a site config (ConfigError naming *source* and the key)."""
    site_config_from_mapping(tomllib.loads(text), source)


def _write(text: str, target: Path) -> None:
    """Write *text* to *target* atomically, then load it back as a site config."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    load_site_config(target)


def new_site_config(articles: list[str], lists: list[str], name: str, out_dir: Path | None,
                    force: bool = False) -> NewSite:
    """Infer a config from the example URLs and write `<out_dir>/<name>.toml` (validated).

    *out_dir* None: only render the text. Raises UsageError for URLs that are not
    http(s) or not on one site, a bad name, a missing folder, or an existing file
    without *force*.
    """
    try:
        inferred = infer_site(articles, lists, name)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    draft = draft_from_inferred(inferred, articles, lists)
    if name:
        draft = replace(draft, name=name)
    text = render_toml(draft)
    target = (out_dir or Path(".")) / f"{draft.name}.toml"
    _check(text, str(target) if out_dir is not None else f"--name {draft.name!r}")
    if out_dir is None:
        return NewSite(inferred, text, None)
    if not out_dir.is_dir():
        raise UsageError(f"{out_dir}: --out folder not found")
    if target.exists() and not force:
        raise UsageError(f"{target}: already exists (--force overwrites it)")
    try:
        _write(text, target)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write: {exc.strerror}") from None
    return NewSite(inferred, text, target)
