"""The lexicons in rules/lexicons are data the rules trust: no key may be written twice (YAML
keeps the last one and silently drops the first list)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

LEXICONS = Path(__file__).resolve().parent.parent / "rules" / "lexicons"


def _duplicate_keys(node: yaml.Node, where: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                found.append(f"{where}: '{name}' (line {key.start_mark.line + 1})")
            seen.add(name)
            found += _duplicate_keys(value, f"{where}.{name}")
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicate_keys(item, where)
    return found


@pytest.mark.parametrize(
    "path", sorted(LEXICONS.rglob("*.yaml")), ids=lambda p: str(p.relative_to(LEXICONS))
)
def test_no_lexicon_key_is_written_twice(path: Path) -> None:
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert node is not None
    assert _duplicate_keys(node, path.name) == []
