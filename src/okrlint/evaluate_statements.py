"""How well okrlint judges real statements, in their files, against a coach's labels.

    python -m okrlint.evaluate_statements                  # dev and test figures
    python -m okrlint.evaluate_statements --split dev --errors

Labels: ``tests/data/real_statements/*.yaml``. Each entry names a file of ``../shared/corpus/real``,
a line, the kind of statement (objective or key_result) and the statement rules a coach expects
okrlint to report there (``expect``; at most one of each chain, as okrlint reports them), made by
reading the file against the rule catalog, never from okrlint's output. ``also`` lists rules that
apply but are hidden by the one-finding order. The texts are not shipped (most files carry no
licence); the figures need ``../shared``.

Each labelled file is read and linted as a run does (default rules, statement rules only), and the
findings on a labelled statement are compared with its labels. Reports per rule precision, recall
and F1, the macro F1 over rules with at least 5 expected findings, precision over all findings,
the share of ``error`` findings that are right (their rule in ``expect`` or ``also``), and the same
figures on statements the reader read as labelled (a statement the reader misses gets no finding).
Files are split into dev and test by repository as the reader evaluation does
(:func:`okrlint.evaluate_reader.split_of`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrlint.engine import Finding, Settings, lint, node_keys
from okrlint.evaluate import DEFAULT_TODAY, Result, statement_codes
from okrlint.evaluate_reader import (
    READ_SUFFIXES,
    ROOT,
    SHARED,
    read_corpus_file,
    repositories,
    split_of,
    statement_line,
)
from okrlint.model import KeyResult, Objective, OkrDocument
from okrlint.registry import Registry, default_registry

LABELS = ROOT / "tests" / "data" / "real_statements"
MACRO_SUPPORT = 5


@dataclass
class Figures(Result):
    """The synthetic evaluation's counts (``errors`` holds one line per disagreeing
    statement), with the share of ``error`` findings that are right."""

    errors_right: int = 0
    errors_wrong: int = 0

    def macro_f1(self) -> float:
        f1s = [s.f1 for s in self.scores.values() if s.support >= MACRO_SUPPORT]
        return sum(f1s) / len(f1s) if f1s else 1.0

    def error_precision(self) -> float:
        n = self.errors_right + self.errors_wrong
        return self.errors_right / n if n else 1.0


def load_labels(folder: Path = LABELS) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in [folder] if folder.is_file() else sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items.extend(data.get("statements") or [])
    return items


def findings_by_line(
    doc: OkrDocument, text: str, settings: Settings
) -> tuple[dict[tuple[str, int], list[Finding]], set[tuple[str, int]]]:
    """Statement findings keyed by (kind, line of the statement), and the statements read."""
    lines = text.split("\n")
    # An objective's key (s, o) and a key result's (s, k) have the same shape: keep the kind.
    where: dict[tuple[str, tuple[int, ...]], tuple[str, int]] = {}
    for node, key in _nodes_by_key(doc):
        kind = "objective" if isinstance(node, Objective) else "key_result"
        where[(kind, key)] = (kind, statement_line(node, lines))
    scope = {r.code: r.scope for r in settings.registry.rules}
    found: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for f in lint(doc, settings):
        place = where.get((scope.get(f.code, ""), f.node))
        if place is not None:
            found[place].append(f)
    return found, set(where.values())


def _nodes_by_key(doc: OkrDocument) -> list[tuple[Objective | KeyResult, tuple[int, ...]]]:
    keys = node_keys(doc)
    out: list[tuple[Objective | KeyResult, tuple[int, ...]]] = []
    nodes: list[Objective | KeyResult] = [*doc.objectives(), *doc.key_results()]
    for node in nodes:
        key = keys.get(id(node))
        if key is not None:
            out.append((node, key))
    return out


def evaluate(
    items: list[dict[str, Any]],
    corpus: Path,
    split: str | None = None,
    registry: Registry | None = None,
) -> tuple[Figures, Figures]:
    """(all labelled statements, statements the reader read as labelled) of ``split``."""
    registry = registry or default_registry()
    codes = statement_codes(registry)
    names = {r.code: r.name for r in registry.rules}
    severity = {r.name: r.severity for r in registry.rules}
    settings = Settings(registry=registry, selected=codes, today=DEFAULT_TODAY)
    repos = repositories(corpus)
    every, read = Figures(), Figures()
    for code in codes:
        every.score(names[code])
        read.score(names[code])
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        name = item["file"]
        if Path(name).suffix.lower() not in READ_SUFFIXES:
            continue  # okrlint does not read it (.json, .txt)
        if name in repos and (split is None or split_of(repos[name]) == split):
            by_file[name].append(item)
    for name in sorted(by_file):
        doc, text = read_corpus_file(corpus / name)
        found, statements = findings_by_line(doc, text, settings)
        for item in by_file[name]:
            place = (str(item["kind"]), int(item["line"]))
            got = {f.name for f in found.get(place, [])}
            expected = set(item.get("expect") or [])
            fine = expected | set(item.get("also") or [])
            targets = [every, read] if place in statements else [every]
            for fig in targets:
                fig.statements += 1
                for rule in got:
                    if severity.get(rule) == "error":
                        if rule in fine:
                            fig.errors_right += 1
                        else:
                            fig.errors_wrong += 1
                for rule in expected | got:
                    fig.score(rule).tally(rule in expected, rule in got)
            if got != expected:
                missed = "" if place in statements else "  (not read)"
                every.errors.append(
                    f"{item.get('id')}: {name}:{place[1]} expected {sorted(expected)} "
                    f"got {sorted(got)}{missed}"
                )
    return every, read


def table(fig: Figures, title: str) -> str:
    rows = [
        f"{title}: {fig.statements} statements",
        f"  {'rule':<28} {'support':>7} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name in sorted(fig.scores):
        s = fig.scores[name]
        if s.support or s.fp:
            rows.append(
                f"  {name:<28} {s.support:>7} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
                f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            )
    o = fig.overall()
    rows.append(
        f"  macro F1 (rules with >= {MACRO_SUPPORT} expected) {fig.macro_f1():.3f}; "
        f"all findings P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f}; "
        f"errors right {fig.errors_right}/{fig.errors_right + fig.errors_wrong}"
    )
    return "\n".join(rows)


def summary(fig: Figures) -> dict[str, Any]:
    o = fig.overall()
    return {
        "statements": fig.statements,
        "macro_f1": round(fig.macro_f1(), 3),
        "precision": round(o.precision, 3),
        "recall": round(o.recall, 3),
        "errors_right": fig.errors_right,
        "errors_total": fig.errors_right + fig.errors_wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m okrlint.evaluate_statements")
    parser.add_argument("--split", choices=("dev", "test"))
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--labels", type=Path, default=LABELS, help="a folder or one YAML file")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a new batch's folder (with SOURCES.tsv), scored as one split 'new'",
    )
    args = parser.parse_args(argv)
    corpus = args.corpus or SHARED / "real"
    if not corpus.is_dir():
        print(f"{corpus} is not there: the labelled texts live in ../shared", file=sys.stderr)
        return 2
    items = load_labels(args.labels)
    out: dict[str, Any] = {}
    splits: list[str | None] = (
        [None] if args.corpus else [args.split] if args.split else ["dev", "test"]
    )
    for split in splits:
        every, read = evaluate(items, corpus, split)
        split = split or "new"
        if args.json:
            out[split] = {"all": summary(every), "read": summary(read)}
            continue
        print(table(every, f"{split}, all labelled statements"))
        print(table(read, f"{split}, statements read as labelled"))
        if args.errors:
            print("\n".join(every.errors))
    if args.json:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
