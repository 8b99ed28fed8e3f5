"""Measure okrlint's accuracy on a labeled set.

Run ``python -m okrlint.evaluate tests/data/labeled.yaml``.

The labeled file holds statements (an objective or a key result, with the rule names it must get)
and small documents (with how many findings of each set-level rule they must produce). Every
statement and document goes through the same reader, analysis and engine as a real run. Prints
precision, recall and F1 per rule and overall; ``--errors`` lists every disagreement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from okrlint.analysis import analyze_nodes
from okrlint.engine import Settings, lint
from okrlint.model import KeyResult, Objective, OkrDocument, OkrSet, Span
from okrlint.readers import read_text
from okrlint.readers.decorations import clean
from okrlint.registry import Registry, default_registry
from okrlint.yamlsafe import SafeLoader

STATEMENT_PREFIXES = ("OKR2", "OKR3")
DOCUMENT_RULES = (
    "OKR101",
    "OKR102",
    "OKR103",
    "OKR104",
    "OKR105",
    "OKR106",
    "OKR107",
    "OKR108",
    "OKR401",
    "OKR402",
    "OKR403",
    "OKR405",
    "OKR406",
)
OPT_IN = ("missing-alignment", "missing-owner")
DEFAULT_TODAY = dt.date(2026, 11, 22)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def tally(self, expected: bool, found: bool) -> str | None:
        """Count one statement for this rule; "FP" or "FN" when it is a disagreement."""
        if expected:
            self.support += 1
        if expected and found:
            self.tp += 1
        elif found:
            self.fp += 1
            return "FP"
        elif expected:
            self.fn += 1
            return "FN"
        return None


def statement_codes(registry: Registry) -> frozenset[str]:
    """The rules judged one statement at a time (OKR2xx, OKR3xx and OKR404)."""
    return frozenset(
        r.code
        for r in registry.rules
        if r.code.startswith(STATEMENT_PREFIXES) or r.code == "OKR404"
    )


def total(scores: Iterable[Score]) -> Score:
    """The micro sum of several rules' counts."""
    out = Score()
    for s in scores:
        out.tp += s.tp
        out.fp += s.fp
        out.fn += s.fn
        out.support += s.support
    return out


@dataclass
class Result:
    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    statements: int = 0
    documents: int = 0

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def overall(self) -> Score:
        return total(self.scores.values())


def _statement_doc(item: dict[str, Any], index: int) -> tuple[OkrDocument, Objective | KeyResult]:
    span = Span(index, 1, index, 1)
    meta = {"level": item["level"]} if item.get("level") else {}
    okr_set = OkrSet(title="labeled", span=span, metadata=meta)
    doc = OkrDocument(path=f"statement:{item.get('id', index)}", format="markdown")
    raw = str(item["text"])
    cleaned = clean(raw)
    text = cleaned.text or raw
    node: Objective | KeyResult
    if item.get("kind") == "objective":
        node = Objective(text=text, span=span, raw=raw, metadata=dict(cleaned.metadata))
        okr_set.objectives.append(node)
    else:
        holder = Objective(text="(objective)", span=span, raw="")
        node = KeyResult(text=text, span=span, raw=raw, metadata=dict(cleaned.metadata))
        holder.add_key_result(node)
        okr_set.objectives.append(holder)
    doc.sets.append(okr_set)
    doc.link()
    return doc, node


def evaluate(data: dict[str, Any], registry: Registry | None = None) -> Result:
    registry = registry or default_registry()
    result = Result()
    codes = statement_codes(registry)
    names = {r.code: r.name for r in registry.rules}
    for code in codes:
        result.score(names[code])
    settings = Settings(registry=registry, selected=codes, today=DEFAULT_TODAY)

    items = list(data.get("statements") or [])
    built = [_statement_doc(item, i + 1) for i, item in enumerate(items)]
    analyze_nodes(node for _, node in built)
    for item, (doc, node) in zip(items, built, strict=True):
        result.statements += 1
        expected = set(item.get("expect") or [])
        found = {f.name for f in lint(doc, settings) if f.text == node.text}
        for name in expected | found:
            wrong = result.score(name).tally(name in expected, name in found)
            if wrong:
                result.errors.append(f"{wrong} {name:<28} {item.get('id')}: {item['text']}")

    doc_codes = frozenset(DOCUMENT_RULES)
    for code in doc_codes:
        result.score(names[code])
    for item in data.get("documents") or []:
        result.documents += 1
        today = item.get("today")
        day = dt.date.fromisoformat(str(today)) if today else DEFAULT_TODAY
        settings = Settings(registry=registry, selected=doc_codes, today=day)
        fmt = item.get("format", "markdown")
        path = f"{item.get('id', 'doc')}.{'yaml' if fmt == 'yaml' else 'md'}"
        doc = read_text(path, str(item["content"]), fmt)
        found_n = Counter(f.name for f in lint(doc, settings))
        expected_n = Counter({k: int(v) for k, v in (item.get("expect") or {}).items()})
        checks_opt_in = "checks-owner" in str(item.get("note", "")) or any(
            n in expected_n for n in OPT_IN
        )
        for name in set(expected_n) | set(found_n):
            if name in OPT_IN and not checks_opt_in:
                continue
            s = result.score(name)
            exp, got = expected_n.get(name, 0), found_n.get(name, 0)
            s.support += exp
            s.tp += min(exp, got)
            if got > exp:
                s.fp += got - exp
                result.errors.append(f"FP {name:<28} {item.get('id')}: expected {exp}, got {got}")
            elif exp > got:
                s.fn += exp - got
                result.errors.append(f"FN {name:<28} {item.get('id')}: expected {exp}, got {got}")
    return result


def format_table(result: Result, registry: Registry) -> str:
    order = {r.name: r.code for r in registry.rules}
    lines = [
        f"{'code':<7} {'rule':<30} {'support':>7} {'TP':>4} {'FP':>4} {'FN':>4} "
        f"{'precision':>9} {'recall':>7} {'F1':>6}"
    ]
    for name in sorted(result.scores, key=lambda n: order.get(n, n)):
        s = result.scores[name]
        lines.append(
            f"{order.get(name, '?'):<7} {name:<30} {s.support:>7} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
            f"{s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}"
        )
    o = result.overall()
    lines.append(
        f"{'':<7} {'overall (micro)':<30} {o.support:>7} {o.tp:>4} {o.fp:>4} {o.fn:>4} "
        f"{o.precision:>9.3f} {o.recall:>7.3f} {o.f1:>6.3f}"
    )
    lines.append(f"{result.statements} statements, {result.documents} documents")
    return "\n".join(lines)


def load(path: Path, split: str | None = None) -> dict[str, Any]:
    """The labelled file; with ``split``, only its statements of that split (``split: dev``)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping with 'statements' and 'documents'")
    if split is not None:
        data = {
            **data,
            "statements": [s for s in data.get("statements") or [] if s.get("split") == split],
            "documents": [d for d in data.get("documents") or [] if d.get("split") == split],
        }
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m okrlint.evaluate", description=__doc__)
    parser.add_argument("labeled", type=Path, help="labeled YAML file")
    parser.add_argument("--split", help="only the statements of this split (dev, test)")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    registry = default_registry()
    result = evaluate(load(args.labeled, args.split), registry)
    if args.json:
        out = {
            name: {
                "support": s.support,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
            }
            for name, s in sorted(result.scores.items())
        }
        json.dump(out, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(result, registry))
    if args.errors:
        print()
        print("\n".join(sorted(result.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
