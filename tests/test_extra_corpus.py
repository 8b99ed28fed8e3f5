"""Real OKR and non-OKR files of other public repositories, shipped in the repository
(tests/data/extra_corpus, MIT or Apache-2.0, attributed in its SOURCES.tsv) with line labels made
by reading them (tests/data/extra_labels). Unlike ../shared this runs in every clone."""

from __future__ import annotations

import datetime as dt

from okrlint.engine import Settings, lint
from okrlint.evaluate_reader import EXTRA, EXTRA_LABELS, evaluate_real, figures
from okrlint.readers import read_bytes
from okrlint.registry import default_registry

# What the reader reaches on these files (python -m okrlint.evaluate_reader --split extra).
FLOORS = {"objectives": 0.78, "key_results": 0.83}


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
    assert len(quiet) == 20
    assert all(not codes for _, codes in quiet), quiet
