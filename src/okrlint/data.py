"""The data shipped with okrlint: rule packs and lexicons (the repository's ``rules/``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from okrlint.yamlsafe import SafeLoader


@cache
def data_dir() -> Path:
    """Inside the package when installed from a wheel (``okrlint/rules``), or the top-level
    ``rules/`` of a source checkout (editable installs)."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    source = here.parent.parent / "rules"
    if source.is_dir():
        return source
    raise FileNotFoundError(f"okrlint's rules folder is missing (looked in {packaged}, {source})")


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """A lexicon from ``rules/lexicons/NAME.yaml``; string values that are word lists
    (``verbs: >- a b c``) are split into lists."""
    path = data_dir() / "lexicons" / f"{name}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    out: dict[str, Any] = {}
    for key, value in (data or {}).items():
        out[key] = value.split() if isinstance(value, str) else value
    return out
