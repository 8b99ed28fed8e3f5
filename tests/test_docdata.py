"""A read document survives the trip to JSON data and back (cache entries, worker results)."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, ROOT, parse_md, parse_yaml
from okrlint.docdata import from_data, to_data
from okrlint.formats.outline import outline_text
from okrlint.readers import read_bytes

EXAMPLES = ROOT / "examples"


def _deep(n: int) -> dict:
    value: dict = {"x": 1}
    for _ in range(n):
        value = {"x": value}
    return value


def _files() -> list:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".yaml"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.iterdir())
    return [p for p in files if p.suffix in (".md", ".markdown", ".yaml", ".yml")]


def test_every_document_comes_back_the_same() -> None:
    for path in _files():
        doc = read_bytes(str(path), path.read_bytes())
        data = json.loads(json.dumps(to_data(doc)))
        back = from_data(data, str(path))
        assert outline_text([back], False) == outline_text([doc], False), path.name
        assert to_data(back) == data, path.name
        assert back.source == doc.source


def test_cascades_and_front_matter_keep_their_links() -> None:
    doc = parse_md(
        "---\ncycle: Q3 2026\n---\n# OKRs\n\n1. CEO: Grow revenue\n   1. Sales: Close 10 deals\n"
        "      1. Sales KR: 10 deals signed\n"
    )
    back = from_data(json.loads(json.dumps(to_data(doc))), doc.path)
    parents = [(o.text, o.parent.text if o.parent else None) for o in back.objectives()]
    assert parents == [(o.text, o.parent.text if o.parent else None) for o in doc.objectives()]
    assert all(k.objective is not None for k in back.key_results())
    yaml_doc = parse_yaml("objectives:\n  - title: Grow\n    key_results: [Reach 10 users]\n")
    assert to_data(from_data(to_data(yaml_doc), "okrs.yaml")) == to_data(yaml_doc)


@pytest.mark.parametrize(
    "change",
    [
        {"format": "pdf"},
        {"source": 3},
        {"sets": "x"},
        {"sets": [{"title": None}]},
        {"problems": [["m", [1, 1, 1]]]},
        {"metadata": _deep(12)},
        {"extra": 1},
    ],
)
def test_anything_but_what_to_data_writes_is_refused(change) -> None:
    doc = parse_md("# OKRs\n\n## Objective: Grow\n\n- KR1: 10 users\n")
    data = {**to_data(doc), **change}
    with pytest.raises(ValueError, match="document data"):
        from_data(data, "okrs.md")
