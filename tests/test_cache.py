"""The result cache and parallel runs never change findings; warm runs skip spaCy."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from okrlint.cache import FILE_NAME

EXAMPLES = ROOT / "examples"


def make_tree(tmp_path: Path) -> Path:
    """A folder of OKR files: the examples, variations of them, and the real corpus when it is
    available."""
    tree = tmp_path / "okrs"
    tree.mkdir()
    for src in ("okrs.md", "clean.md", "okrs.yaml"):
        text = (EXAMPLES / src).read_text(encoding="utf-8")
        for i in range(4):
            (tree / f"{i}-{src}").write_text(text.replace("60%", f"{60 + i}%"), encoding="utf-8")
    (tree / "README.md").write_text("# Team handbook\n\nNo OKRs here.\n", encoding="utf-8")
    if CORPUS.is_dir():
        for path in sorted(CORPUS.iterdir())[:12]:
            if path.suffix in (".md", ".yaml", ".yml"):
                shutil.copy(path, tree / path.name)
    return tree


def run_json(okrlint, *args: str) -> str:
    run = okrlint(*args, "--format", "json", "--today", "2026-07-01")
    assert run.exit_code in (0, 1), run.stderr
    return run.stdout


def test_same_findings_serial_parallel_cold_warm(okrlint, tmp_path) -> None:
    tree = str(make_tree(tmp_path))
    cache = str(tmp_path / "cache")
    reference = run_json(okrlint, tree, "--no-cache", "-j", "1")
    assert reference.count('"code"') > 20
    assert run_json(okrlint, tree, "--no-cache", "-j", "2") == reference
    assert run_json(okrlint, tree, "--cache-dir", cache, "-j", "1") == reference  # cold
    assert (Path(cache) / FILE_NAME).is_file()
    assert run_json(okrlint, tree, "--cache-dir", cache, "-j", "1") == reference  # warm
    assert run_json(okrlint, tree, "--cache-dir", cache, "-j", "2") == reference  # warm, parallel
    text = okrlint(tree, "--no-cache", "-j", "2", "--today", "2026-07-01").stdout
    assert okrlint(tree, "--cache-dir", cache, "--today", "2026-07-01").stdout == text
    full = okrlint(tree, "--no-cache", "--format", "full", "--today", "2026-07-01").stdout
    assert (
        okrlint(tree, "--cache-dir", cache, "--format", "full", "--today", "2026-07-01").stdout
        == full
    )


def test_the_key_follows_content_configuration_and_rule_packs(okrlint, tmp_path) -> None:
    (tmp_path / ".git").mkdir()
    cache = str(tmp_path / "cache")
    okrs = tmp_path / "okrs.md"
    okrs.write_text("## Objective: Create synergy in support\n- Launch the new help center\n")
    first = run_json(okrlint, str(okrs), "--cache-dir", cache)
    assert "OKR301" in first or "kr-is-task" in first
    # the file changes
    okrs.write_text(
        "## Objective: Create synergy in support\n- Cut first reply time from 9h to 2h\n"
    )
    assert "kr-is-task" not in run_json(okrlint, str(okrs), "--cache-dir", cache)
    # the configuration changes
    before = json.loads(run_json(okrlint, str(okrs), "--cache-dir", cache))
    name = before[0]["name"]
    assert before[0]["severity"] != "error"
    (tmp_path / ".okrlint.yaml").write_text(f"rules:\n  {name}: {{severity: error}}\n")
    after = json.loads(run_json(okrlint, str(okrs), "--cache-dir", cache))
    assert next(f for f in after if f["name"] == name)["severity"] == "error"
    assert after == json.loads(run_json(okrlint, str(okrs), "--no-cache"))
    # a rule pack changes
    pack = tmp_path / "pack.yaml"
    rule = (
        "pack: {{name: p, prefix: ACME}}\nrules:\n  - code: ACME003\n    name: no-buzzwords\n"
        "    severity: warning\n    scope: objective\n    extends: substitution\n"
        "    swap: {{synergy: {word}}}\n    message: \"Say '{{replacement}}'\"\n    summary: s\n"
    )
    pack.write_text(rule.format(word="collaboration"))
    (tmp_path / ".okrlint.yaml").write_text("rule-packs: [pack.yaml]\n")
    assert "Say 'collaboration'" in run_json(okrlint, str(okrs), "--cache-dir", cache)
    pack.write_text(rule.format(word="teamwork"))
    out = run_json(okrlint, str(okrs), "--cache-dir", cache)
    assert "Say 'teamwork'" in out and "collaboration" not in out
    # the date stale rules compare with
    dated = tmp_path / "dated.md"
    dated.write_text(
        "---\ncycle: 2024-Q1\n---\n## Objective: Make support fast\n- Cut reply time from 9h to 2h\n"
    )
    a = okrlint(
        str(dated), "--cache-dir", cache, "--format", "json", "--today", "2024-02-01"
    ).stdout
    b = okrlint(str(dated), "--no-cache", "--format", "json", "--today", "2026-02-01").stdout
    assert (
        okrlint(
            str(dated), "--cache-dir", cache, "--format", "json", "--today", "2026-02-01"
        ).stdout
        == b
    )
    assert (
        okrlint(
            str(dated), "--cache-dir", cache, "--format", "json", "--today", "2024-02-01"
        ).stdout
        == a
    )


def test_a_corrupt_cache_is_ignored_and_rebuilt(okrlint, tmp_path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(b"this is not a database" * 100)
    path = str(EXAMPLES / "okrs.md")
    reference = run_json(okrlint, path, "--no-cache")
    assert run_json(okrlint, path, "--cache-dir", str(cache)) == reference
    assert run_json(okrlint, path, "--cache-dir", str(cache)) == reference
    # a garbled entry is recomputed, not trusted
    with sqlite3.connect(cache / FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] >= 1
        db.execute("UPDATE results SET value = '{\"findings\": [[1]]}'")
    assert run_json(okrlint, path, "--cache-dir", str(cache)) == reference


def test_no_cache_writes_nothing_and_an_unwritable_cache_is_harmless(okrlint, tmp_path) -> None:
    cache = tmp_path / "cache"
    path = str(EXAMPLES / "okrs.md")
    reference = run_json(okrlint, path, "--no-cache", "--cache-dir", str(cache))
    assert not cache.exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run_json(okrlint, path, "--cache-dir", str(blocker / "sub")) == reference


@pytest.mark.parametrize("fmt", ["html", "markdown", "json-report"])
def test_reports_are_the_same_serial_parallel_cold_and_warm(okrlint, tmp_path, fmt) -> None:
    """The score reports need every document: workers send theirs back and the cache keeps
    them, so a report is as fast as a text run and never different."""
    tree = str(make_tree(tmp_path))
    cache = str(tmp_path / "cache")
    day = ("--today", "2026-07-01", "--format", fmt)
    reference = okrlint(tree, "--no-cache", "-j", "1", *day).stdout
    assert "Make onboarding feel effortless" in reference or "onboarding" in reference.lower()
    assert okrlint(tree, "--no-cache", "-j", "2", *day).stdout == reference
    # A text run first fills the cache without documents: the report recomputes, then keeps them.
    okrlint(tree, "--cache-dir", cache, "--today", "2026-07-01")
    assert okrlint(tree, "--cache-dir", cache, "-j", "2", *day).stdout == reference  # cold
    assert okrlint(tree, "--cache-dir", cache, "-j", "1", *day).stdout == reference  # warm
    assert okrlint(tree, "--cache-dir", cache, *day).stdout == reference


@pytest.mark.slow
def test_a_warm_report_never_imports_spacy(tmp_path) -> None:
    path = str(EXAMPLES / "okrs.md")
    cache = tmp_path / "c"
    assert probe(path, "--format", "html", cache=cache) == "SPACY"
    assert probe(path, "--format", "html", cache=cache) == "NO-SPACY"
    assert probe(path, "--outline", cache=cache) == "NO-SPACY"


def test_a_planted_document_in_an_entry_is_a_miss(okrlint, tmp_path) -> None:
    path = tmp_path / "okrs.md"
    shutil.copy(EXAMPLES / "okrs.md", path)
    cache = tmp_path / "c"
    reference = okrlint(str(path), "--no-cache", "--format", "json-report").stdout
    okrlint(str(path), "--cache-dir", str(cache), "--format", "json-report")
    db = sqlite3.connect(cache / FILE_NAME)
    (key, value) = db.execute("SELECT key, value FROM results").fetchone()
    entry = json.loads(value)
    for forged in (
        {**entry["doc"], "sets": [{"title": 1}]},
        {**entry["doc"], "source": None},
        {**entry["doc"], "sets": [{**entry["doc"]["sets"][0], "objectives": [{"text": "x"}]}]},
    ):
        db.execute(
            "UPDATE results SET value = ? WHERE key = ?",
            (json.dumps({**entry, "doc": forged}), key),
        )
        db.commit()
        run = okrlint(str(path), "--cache-dir", str(cache), "--format", "json-report")
        assert run.stdout == reference
        assert "Traceback" not in run.stderr
    db.close()


PROBE = """
import sys
from okrlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("SPACY" if "spacy" in sys.modules else "NO-SPACY", file=sys.stderr)
"""


def probe(*args: str, cache: Path) -> str:
    env = {**os.environ, "OKRLINT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    return done.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("name", ["README.md", "workflow.yaml"])
def test_files_without_okrs_never_import_spacy(tmp_path, name) -> None:
    path = tmp_path / name
    text = "# Project\n\nHow to build.\n" if name.endswith(".md") else "on: push\njobs: {}\n"
    path.write_text(text)
    assert probe(str(path), "--no-cache", cache=tmp_path / "c") == "NO-SPACY"


@pytest.mark.slow
def test_a_warm_run_never_imports_spacy(tmp_path) -> None:
    path = str(EXAMPLES / "okrs.md")
    cache = tmp_path / "c"
    assert probe(path, cache=cache) == "SPACY"  # cold: the statements are analysed
    assert probe(path, cache=cache) == "NO-SPACY"  # warm: nothing to analyse


def test_the_key_changes_when_a_library_that_shapes_results_is_upgraded(monkeypatch) -> None:
    """Results computed with one spaCy, PyYAML, pyromark or regex are not served after an
    upgrade of it."""
    from importlib import metadata

    from okrlint import cache as cache_mod

    cache_mod.code_fingerprint.cache_clear()
    before = cache_mod.code_fingerprint()
    real = metadata.version

    def upgraded(name: str) -> str:
        return "999.0" if name == "pyromark" else real(name)

    monkeypatch.setattr(metadata, "version", upgraded)
    cache_mod.code_fingerprint.cache_clear()
    try:
        assert cache_mod.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        cache_mod.code_fingerprint.cache_clear()
