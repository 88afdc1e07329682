"""Stable short hashes of parameters, for version strings and run records.

A version that means something changes whenever what decides the output
changes: `stable_hash` hashes plain data (dicts, lists, scalars) the same way
on every machine and Python version; `module_parameters` collects a module's
named constants (thresholds, regex sources and flags, rule data), so a new or
edited constant changes the hash without anyone listing it. A threshold
written inline in a function escapes it: name it as a module constant.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from types import ModuleType
from typing import Any

HASH_CHARS = 8


def plain(value: Any) -> Any:
    """*value* as JSON-ready plain data: a regex becomes [source, flags], bytes hex, a set a
    sorted list, a tuple a list, a mapping a dict with string keys; other objects raise
    TypeError."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, re.Pattern):
        return [plain(value.pattern), int(value.flags)]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, frozenset | set | tuple | list):
        if all(type(v) is str for v in value):  # fast path: big character sets
            items: list[Any] = list(value)
        else:
            items = [plain(v) for v in value]
        return sorted(items) if isinstance(value, frozenset | set) else items
    raise TypeError(f"no plain form for {type(value).__name__}")


def stable_hash(data: Any, chars: int = HASH_CHARS) -> str:
    """A short hex SHA-1 of *data* (see `plain`), independent of dict order."""
    text = json.dumps(plain(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:chars]


def module_parameters(module: ModuleType, exclude: frozenset[str] = frozenset()
                      ) -> dict[str, Any]:
    """The named constants of *module* (UPPER_CASE names, leading underscore allowed) that
    are plain data or regexes, as plain data; names in *exclude* are left out."""
    found: dict[str, Any] = {}
    for name, value in vars(module).items():
        if name in exclude or not name.lstrip("_").isupper() or name.startswith("__"):
            continue
        try:
            found[name] = plain(value)
        except TypeError:
            continue  # a class, function or other object: code, not a parameter
    return found
