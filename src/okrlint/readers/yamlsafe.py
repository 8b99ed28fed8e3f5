"""Safe YAML loading: PyYAML's safe loader (the C one when present) and expansion limits."""

from __future__ import annotations

import re

import yaml

try:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    SafeLoader = yaml.SafeLoader

MAX_ALIASES = 1_000
MAX_NODES = 200_000
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]+")


class YamlLimitError(ValueError):
    """The YAML would expand past okrlint's limits (a "billion laughs" document)."""


def check_yaml_limits(text: str) -> None:
    """Refuse documents with very many aliases before PyYAML builds anything."""
    count = len(_ALIAS.findall(text))
    if count > MAX_ALIASES:
        raise YamlLimitError(f"the YAML uses {count} aliases (limit {MAX_ALIASES})")
