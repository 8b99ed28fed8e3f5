"""Real OKR and non-OKR files of other public repositories, shipped in the repository
(tests/data/extra_corpus, MIT or Apache-2.0, attributed in its SOURCES.tsv) with line labels made
by reading them (tests/data/extra_labels). Unlike ../shared this runs in every clone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from okrlint.engine import Settings, lint
from okrlint.evaluate_reader import EXTRA, EXTRA_LABELS, evaluate_real, figures
from okrlint.readers import read_bytes
from okrlint.registry import default_registry

# What the reader reaches on these files (python -m okrlint.evaluate_reader --split extra),
# reset when eleven MIT and Apache-2.0 files of fresh batches 39-45 joined them (2026-12-03:
# their misses took key-result F1 from 0.951 to 0.946 on the larger set). 2026-12-03, fourth
# session: four more MIT/Apache files (fresh batches 48, 50, 52; 101 files) took key-result F1 to
# 0.939: a course exercise's "KR1a"-"KR1d" sub-items, labelled as initiatives, are read as key
# results, and a one-goal file's "Success Metrics" table (labelled as its key results) is not.
FLOORS = {"objectives": 0.92, "key_results": 0.94}  # 0.929 / 0.945 reached (ninth round)


def test_reading_f1_on_files_from_other_repositories() -> None:
    fig = figures(evaluate_real(EXTRA, EXTRA_LABELS, split="extra"))["extra"]
    assert fig.objectives.f1 >= FLOORS["objectives"], fig.objectives.row()
    assert fig.key_results.f1 >= FLOORS["key_results"], fig.key_results.row()


def test_files_labelled_without_okrs_get_no_finding_in_hook_mode() -> None:
    import yaml

    registry = default_registry()
    settings = Settings(
        registry=registry,
        selected=frozenset(r.code for r in registry.rules if r.enabled),
        today=dt.date(2026, 12, 1),
    )
    quiet = []
    for label_file in sorted(EXTRA_LABELS.glob("*.yaml")):
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        if label["okr"]:
            continue
        path = EXTRA / label["file"]
        doc = read_bytes(str(path), path.read_bytes())
        quiet.append((label["file"], [f.code for f in lint(doc, settings, explicit=False)]))
    assert len(quiet) == 43
    assert all(not codes for _, codes in quiet), quiet


@pytest.mark.slow
def test_a_new_labelled_batch_is_scored_as_its_own_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from okrlint.evaluate_reader import main

    corpus, labels = tmp_path / "corpus", tmp_path / "labels"
    corpus.mkdir()
    labels.mkdir()
    (corpus / "a__b__okrs.md").write_text(
        "# Q3\n\n## Objective: Delight our users\n\n- KR1: Raise NPS from 30 to 45\n"
        "- KR2: Cut churn from 4% to 2%\n",
        encoding="utf-8",
    )
    (corpus / "SOURCES.tsv").write_text("file\trepo\na__b__okrs.md\ta/b\n", encoding="utf-8")
    (labels / "a__b__okrs.md.yaml").write_text(
        "file: a__b__okrs.md\nokr: true\nobjectives: [3]\nkey_results: [5]\n", encoding="utf-8"
    )
    assert main(["--corpus", str(corpus), "--split", "new", "--json"]) == 0
    import json

    new = json.loads(capsys.readouterr().out)["new"]
    assert new["files"] == 1
    assert new["objective_f1"] == 1.0
    # Line 6 is a key result the label left out: precision 1/2, recall 1/1.
    assert new["key_result_precision"] == 0.5
