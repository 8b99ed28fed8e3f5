"""How okrlint judges real statements in their files, against a coach's labels
(tests/data/real_statements, texts in ../shared/corpus/real). Skipped without ../shared.

The floors are the figures measured when the labels were made and after each change for a
class of dev disagreements; a fall below one fails. Raise them when the figures rise.
"""

from __future__ import annotations

import pytest

from okrlint.evaluate_reader import SHARED
from okrlint.evaluate_statements import LABELS, evaluate, load_labels

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SHARED / "real").is_dir(), reason="needs ../shared/corpus/real"),
]

# split: (macro F1 over rules with >= 5 expected, precision of all findings, error share right)
FLOORS = {"dev": (0.58, 0.78, 0.95), "test": (0.56, 0.80, 0.95)}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_statement_findings_do_not_fall_below_their_floors(split: str) -> None:
    every, _ = evaluate(load_labels(LABELS), SHARED / "real", split)
    macro, precision, errors = FLOORS[split]
    assert every.statements >= 300
    assert every.macro_f1() >= macro, every.macro_f1()
    assert every.overall().precision >= precision, every.overall().precision
    assert every.error_precision() >= errors, (every.errors_right, every.errors_wrong)


def test_every_label_names_a_statement_rule_and_a_corpus_line() -> None:
    from okrlint.evaluate_statements import _statement_codes
    from okrlint.registry import default_registry

    registry = default_registry()
    names = {r.name for r in registry.rules if r.code in _statement_codes(registry)}
    for item in load_labels(LABELS):
        assert set(item.get("expect") or []) <= names, item["id"]
        assert set(item.get("also") or []) <= names, item["id"]
        text = (SHARED / "real" / item["file"]).read_text(encoding="utf-8", errors="replace")
        assert 1 <= item["line"] <= len(text.split("\n")), item["id"]
