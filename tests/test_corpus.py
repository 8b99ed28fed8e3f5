"""Real OKR documents from public repositories (../shared/corpus/real; skipped when absent).

Every file is read and linted with every rule, without a crash, with every finding inside the
file. The lines okrlint reads as objectives and key results are compared with line labels made
by reading each file (tests/data/real_labels/), per dev/test split; files without OKRs
(../shared/corpus/not-okr) must stay quiet in hook mode.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SHARED
from okrlint.engine import Settings, lint
from okrlint.readers import read_bytes
from okrlint.registry import default_registry

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is absent")

NOT_OKR = SHARED / "corpus" / "not-okr"
FILES = (
    sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".yml", ".yaml"))
    if CORPUS.is_dir()
    else []
)
REGISTRY = default_registry()
SETTINGS = Settings(
    registry=REGISTRY,
    selected=frozenset(r.code for r in REGISTRY.rules),
    today=dt.date(2026, 11, 22),
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:60])
def test_corpus_file_lints_without_crash_and_findings_are_in_the_file(path: Path) -> None:
    data = path.read_bytes()
    doc = read_bytes(str(path), data)
    assert not doc.problems, doc.problems
    findings = lint(doc, SETTINGS, explicit=True)
    lines = data.decode("utf-8").replace("\r\n", "\n").split("\n")
    for f in findings:
        assert 1 <= f.line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert (f.end_line, f.end_column) >= (f.line, f.column)


# Line-level reading figures against tests/data/real_labels (made by reading each file), per
# split. The floors are what the reader reaches now (python -m okrlint.evaluate_reader): a change
# that reads real files worse fails here. Test-split figures are read, never tuned on.
# Raised 2026-12-03 (ninth round) to a little under the figures reached: dev 0.954 / 0.973,
# test 0.819 / 0.843 (test was 0.60 / 0.62 when these floors were first set).
FLOORS = {
    "dev": {"objectives": 0.945, "key_results": 0.965},
    "test": {"objectives": 0.80, "key_results": 0.83},
}
NON_OKR_FILES_WITH_FINDINGS = {"dev": 0, "test": 0}


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    from okrlint.evaluate_reader import LABELS, evaluate_real
    from okrlint.evaluate_reader import figures as compute

    return compute(evaluate_real(CORPUS, LABELS))


@pytest.mark.parametrize("split", ["dev", "test"])
def test_reading_f1_does_not_fall(figures: dict[str, Any], split: str) -> None:
    fig = figures[split]
    assert fig.objectives.f1 >= FLOORS[split]["objectives"], fig.objectives.row()
    assert fig.key_results.f1 >= FLOORS[split]["key_results"], fig.key_results.row()


@pytest.mark.skipif(not NOT_OKR.is_dir(), reason="../shared/corpus/not-okr is absent")
@pytest.mark.parametrize("split", ["dev", "test"])
def test_files_without_okrs_stay_quiet_in_hook_mode(split: str) -> None:
    from okrlint.evaluate_reader import non_okr_findings

    noisy = [name for name, s, n in non_okr_findings(NOT_OKR) if s == split and n]
    assert len(noisy) <= NON_OKR_FILES_WITH_FINDINGS[split], noisy


def test_every_real_file_is_labelled() -> None:
    from okrlint.evaluate_reader import LABELS

    labelled = {p.name.removesuffix(".yaml") for p in LABELS.glob("*.yaml")}
    files = {p.name for p in CORPUS.iterdir() if p.name != "SOURCES.tsv"}
    assert files <= labelled
