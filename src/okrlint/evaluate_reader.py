"""How well okrlint reads real OKR files: line-level precision, recall and F1 against labels made
by reading the files, per split, and how often it invents OKRs in files that have none.

    python -m okrlint.evaluate_reader                   # figures per split
    python -m okrlint.evaluate_reader --split dev --errors   # every disagreement on dev files

Labels: ``tests/data/real_labels/*.yaml`` (see the README there) for ``../shared/corpus/real``.
Files are split into dev and test by their repository (:func:`split_of`), so all files of one
repository are on one side: change the reader by looking at dev failures only, read the test
figures only. The non-OKR corpus (``../shared/corpus/not-okr``) is linted as the pre-commit hook
lints (``--ignore-non-okr-files``, the default rules); a file with any finding counts against.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from okrlint.evaluate import Score
from okrlint.model import KeyResult, Objective, OkrDocument
from okrlint.readers import JSON_SUFFIXES, MARKDOWN_SUFFIXES, YAML_SUFFIXES, read_bytes

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "real_labels"
# Real OKR and non-OKR files of other repositories, collected later and never tuned on (split
# "extra"); MIT or Apache-2.0, attributed in their SOURCES.tsv.
EXTRA = ROOT / "tests" / "data" / "extra_corpus"
EXTRA_LABELS = ROOT / "tests" / "data" / "extra_labels"
SHARED = ROOT.parent / "shared" / "corpus"
READ_SUFFIXES = MARKDOWN_SUFFIXES | YAML_SUFFIXES | JSON_SUFFIXES
TEST_SHARE = 3  # of 10 hash buckets


def split_of(repo: str) -> str:
    """'dev' or 'test', fixed by the repository's name (sha256, 3 buckets of 10 are test)."""
    bucket = int(hashlib.sha256(repo.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket >= 10 - TEST_SHARE else "dev"


def repositories(folder: Path) -> dict[str, str]:
    """File name -> repository, from the corpus folder's SOURCES.tsv."""
    with (folder / "SOURCES.tsv").open(encoding="utf-8") as fh:
        return {row["file"]: row["repo"] for row in csv.DictReader(fh, delimiter="\t")}


def statement_line(node: Objective | KeyResult, lines: list[str]) -> int:
    """The line where the node's text starts (a label may stand on the line before it)."""
    words = node.text.split()
    probe = " ".join(words[:3]) if words else ""
    if probe:
        for n in range(node.span.line, min(node.span.end_line, len(lines)) + 1):
            if probe in " ".join(lines[n - 1].split()):
                return n
    return node.span.line


@dataclass
class Counts(Score):
    """Precision, recall and F1 of a set of line numbers (the statement evaluator's Score)."""

    def add(self, predicted: set[int], expected: set[int]) -> None:
        self.tp += len(predicted & expected)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)

    def row(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"({self.tp} right, {self.fp} extra, {self.fn} missed)"
        )


@dataclass
class FileResult:
    name: str
    split: str
    repo: str
    expected: dict[str, set[int]]
    predicted: dict[str, set[int]]


@dataclass
class SplitFigures:
    objectives: Counts = field(default_factory=Counts)
    key_results: Counts = field(default_factory=Counts)
    files: int = 0
    files_exact: int = 0


def predicted_lines(doc: OkrDocument, text: str) -> dict[str, set[int]]:
    lines = text.split("\n")
    return {
        "objectives": {statement_line(o, lines) for o in doc.objectives()},
        "key_results": {statement_line(k, lines) for k in doc.key_results()},
    }


def read_corpus_file(path: Path) -> tuple[OkrDocument, str]:
    data = path.read_bytes()
    doc = read_bytes(str(path), data)
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    return doc, text


def evaluate_real(corpus: Path, labels: Path, split: str | None = None) -> list[FileResult]:
    """Every labelled file of ``corpus``; ``split`` forces one split name for all of them."""
    repos = repositories(corpus)
    out: list[FileResult] = []
    for label_file in sorted(labels.glob("*.yaml")):
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        name = label["file"]
        path = corpus / name
        if not path.is_file() or path.suffix.lower() not in READ_SUFFIXES:
            continue
        doc, text = read_corpus_file(path)
        crash = [p.message for p in doc.problems if "internal error" in p.message]
        if crash:
            raise RuntimeError(f"{name}: {crash[0]}")
        expected = {
            "objectives": set(label.get("objectives") or []),
            "key_results": set(label.get("key_results") or []),
        }
        where = split or split_of(repos[name])
        out.append(FileResult(name, where, repos[name], expected, predicted_lines(doc, text)))
    return out


def repository_macro(results: Iterable[FileResult]) -> dict[str, tuple[float, float, int]]:
    """Per split: the mean over repositories of each repository's objective and key-result F1
    (a repository with many long files counts once), and the number of repositories."""
    per: dict[tuple[str, str], SplitFigures] = {}
    for r in results:
        fig = per.setdefault((r.split, r.repo), SplitFigures())
        fig.objectives.add(r.predicted["objectives"], r.expected["objectives"])
        fig.key_results.add(r.predicted["key_results"], r.expected["key_results"])
    out: dict[str, tuple[float, float, int]] = {}
    for split in sorted({k[0] for k in per}):
        figs = [f for (s, _), f in per.items() if s == split]
        # A repository whose files hold no labelled line of a kind is left out of that mean.
        objs = [f.objectives.f1 for f in figs if f.objectives.tp + f.objectives.fn]
        krs = [f.key_results.f1 for f in figs if f.key_results.tp + f.key_results.fn]
        out[split] = (
            sum(objs) / len(objs) if objs else 1.0,
            sum(krs) / len(krs) if krs else 1.0,
            len(figs),
        )
    return out


def figures(results: Iterable[FileResult]) -> dict[str, SplitFigures]:
    out: dict[str, SplitFigures] = {}
    for r in results:
        fig = out.setdefault(r.split, SplitFigures())
        fig.objectives.add(r.predicted["objectives"], r.expected["objectives"])
        fig.key_results.add(r.predicted["key_results"], r.expected["key_results"])
        fig.files += 1
        fig.files_exact += r.predicted == r.expected
    return out


def non_okr_findings(
    corpus: Path, names: set[str] | None = None, split: str | None = None
) -> list[tuple[str, str, int]]:
    """(file, split, number of findings) for each file of the non-OKR corpus (or only
    ``names`` of ``corpus``, all in ``split``), linted as the pre-commit hook lints it."""
    from okrlint.engine import Settings, lint
    from okrlint.registry import default_registry

    registry = default_registry()
    settings = Settings(
        registry=registry,
        selected=frozenset(r.code for r in registry.rules if r.enabled),
        today=dt.date(2026, 12, 1),
    )
    repos = repositories(corpus)
    out = []
    for name, repo in sorted(repos.items()):
        path = corpus / name
        if names is not None and name not in names:
            continue
        if not path.is_file() or path.suffix.lower() not in READ_SUFFIXES:
            continue
        doc = read_bytes(str(path), path.read_bytes())
        findings = lint(doc, settings, explicit=False)
        out.append((name, split or split_of(repo), len(findings)))
    return out


def non_okr_names(labels: Path) -> set[str]:
    """The files labelled in ``labels`` as holding no OKRs."""
    names = set()
    for label_file in labels.glob("*.yaml"):
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        if not label.get("okr"):
            names.add(str(label["file"]))
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--split", choices=["dev", "test", "extra", "new"], help="only this split")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="also score this labelled folder as the split 'new' (a batch nobody tuned on)",
    )
    parser.add_argument(
        "--labels", type=Path, help="the labels of --corpus (default: CORPUS/../labels)"
    )
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    args = parser.parse_args(argv)
    real, not_okr = SHARED / "real", SHARED / "not-okr"
    if not real.is_dir() and not args.corpus:
        print(f"no corpus at {real}", file=sys.stderr)
        return 2
    results: list[FileResult] = []
    hook: list[tuple[str, str, int]] = []
    if real.is_dir():
        results += evaluate_real(real, LABELS)
        hook += non_okr_findings(not_okr)
    if EXTRA.is_dir():
        results += evaluate_real(EXTRA, EXTRA_LABELS, split="extra")
        hook += non_okr_findings(EXTRA, non_okr_names(EXTRA_LABELS), split="extra")
    if args.corpus:
        labels = args.labels or args.corpus.parent / "labels"
        results += evaluate_real(args.corpus, labels, split="new")
        hook += non_okr_findings(args.corpus, non_okr_names(labels), split="new")
    results = [r for r in results if args.split in (None, r.split)]
    figs = figures(results)
    hook = [h for h in hook if args.split in (None, h[1])]
    if args.json:
        data = {
            split: {
                "files": f.files,
                "files_exact": f.files_exact,
                "objective_f1": round(f.objectives.f1, 4),
                "key_result_f1": round(f.key_results.f1, 4),
                "objective_precision": round(f.objectives.precision, 4),
                "key_result_precision": round(f.key_results.precision, 4),
                "non_okr_files": sum(1 for h in hook if h[1] == split),
                "non_okr_files_with_findings": sum(1 for h in hook if h[1] == split and h[2]),
            }
            for split, f in sorted(figs.items())
        }
        print(json.dumps(data, indent=2))
        return 0
    if args.errors:
        for r in results:
            for role in ("objectives", "key_results"):
                extra = sorted(r.predicted[role] - r.expected[role])
                missed = sorted(r.expected[role] - r.predicted[role])
                if extra or missed:
                    print(f"{r.split} {r.name} {role}: extra {extra} missed {missed}")
        for name, split, n in hook:
            if n:
                print(f"{split} not-okr {name}: {n} findings")
    macro = repository_macro(results)
    for split, f in sorted(figs.items()):
        print(f"{split}: {f.files} files read, {f.files_exact} exactly right")
        mo, mk, n = macro[split]
        print(
            f"  per repository ({n}), mean F1: objective lines {mo:.3f}, key-result lines {mk:.3f}"
        )
        print(f"  objective lines   {f.objectives.row()}")
        print(f"  key-result lines  {f.key_results.row()}")
        files = [h for h in hook if h[1] == split]
        bad = [h for h in files if h[2]]
        print(
            f"  non-OKR files with a finding (hook mode): {len(bad)} of {len(files)} "
            f"({sum(h[2] for h in bad)} findings)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
