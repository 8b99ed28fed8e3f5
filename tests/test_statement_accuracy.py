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
# Dev precision 0.846 -> 0.836 (2026-12-03, eighth round) with no rule changed: seven dev
# statements the reader now reads (a page in an unclosed code fence, a cascade's sub-objectives)
# include four whose finding is another rule than their label's.
# Raised 2026-12-03 (ninth round): dev 0.625 / 0.842, test 0.639 / 0.819 reached.
FLOORS = {"dev": (0.62, 0.84, 0.95), "test": (0.63, 0.81, 0.95)}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_statement_findings_do_not_fall_below_their_floors(split: str) -> None:
    every, _ = evaluate(load_labels(LABELS), SHARED / "real", split)
    macro, precision, errors = FLOORS[split]
    assert every.statements >= 300
    assert every.macro_f1() >= macro, every.macro_f1()
    assert every.overall().precision >= precision, every.overall().precision
    assert every.error_precision() >= errors, (every.errors_right, every.errors_wrong)


def test_every_label_names_a_statement_rule_and_a_corpus_line() -> None:
    from okrlint.evaluate import statement_codes
    from okrlint.registry import default_registry

    registry = default_registry()
    names = {r.name for r in registry.rules if r.code in statement_codes(registry)}
    for item in load_labels(LABELS):
        assert set(item.get("expect") or []) <= names, item["id"]
        assert set(item.get("also") or []) <= names, item["id"]
        text = (SHARED / "real" / item["file"]).read_text(encoding="utf-8", errors="replace")
        assert 1 <= item["line"] <= len(text.split("\n")), item["id"]


def test_a_new_batch_is_scored_as_its_own_split(tmp_path, capsys) -> None:
    from okrlint.evaluate_statements import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a__b__okrs.md").write_text(
        "# Team OKRs Q3\n\n## Objective: Make onboarding effortless\n\n"
        "- Launch the new onboarding flow\n- Raise activation from 40% to 60%\n",
        encoding="utf-8",
    )
    (corpus / "SOURCES.tsv").write_text(
        "file\trepo\tpath\tcommit\tlicense\tnotes\na__b__okrs.md\ta/b\tokrs.md\t-\tMIT\t-\n",
        encoding="utf-8",
    )
    labels = tmp_path / "statements.yaml"
    labels.write_text(
        "statements:\n"
        "  - {id: n1, file: a__b__okrs.md, line: 5, kind: key_result, expect: [kr-is-task]}\n"
        "  - {id: n2, file: a__b__okrs.md, line: 6, kind: key_result, expect: []}\n",
        encoding="utf-8",
    )
    assert main(["--corpus", str(corpus), "--labels", str(labels), "--json"]) == 0
    import json

    figures = json.loads(capsys.readouterr().out)["new"]["all"]
    assert figures["statements"] == 2 and figures["precision"] == 1.0 and figures["recall"] == 1.0
