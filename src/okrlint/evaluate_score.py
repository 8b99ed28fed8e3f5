"""Does the quality score order real files as an OKR coach would?

    python -m okrlint.evaluate_score

``tests/data/coach_ranking.yaml`` holds 20 real OKR files of ``../shared/corpus/real`` ranked
best to worst by a coach who read them (without okrlint's output). Each file is linted with the
default rules, as a run does, and scored; the figure is Spearman's rank correlation between the
coach's ranking and the scores (1: the same order, 0: unrelated), with ties given their mean
rank. Also printed: the correlation with the share of statements the coach left unflagged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

from okrlint.analysis import analyze_document
from okrlint.engine import Settings, lint
from okrlint.evaluate_reader import ROOT, SHARED, read_corpus_file
from okrlint.registry import default_registry
from okrlint.report.score import score_document

RANKING = ROOT / "tests" / "data" / "coach_ranking.yaml"
TODAY = dt.date(2026, 11, 22)


def ranks(values: list[float]) -> list[float]:
    """1-based ranks, ascending; tied values share their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation of two equally long lists (Pearson's on their ranks)."""
    if len(a) != len(b) or len(a) < 2:
        raise ValueError("two lists of the same length, at least 2, are needed")
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return cov / (va * vb) ** 0.5 if va and vb else 0.0


def file_score(path: Path) -> float | None:
    registry = default_registry()
    settings = Settings(
        registry=registry,
        selected=frozenset(r.code for r in registry.rules if r.enabled),
        today=TODAY,
    )
    doc, _ = read_corpus_file(path)
    if doc.has_okrs:
        analyze_document(doc)
    return score_document(doc, lint(doc, settings)).score


def evaluate(ranking: Path = RANKING, corpus: Path = SHARED / "real") -> dict[str, Any]:
    data = yaml.safe_load(ranking.read_text(encoding="utf-8"))
    rows: list[tuple[int, str, float | None, float]] = []
    for entry in data["files"]:
        score = file_score(corpus / entry["file"])
        share = entry["unflagged"] / entry["statements"] if entry["statements"] else 0.0
        rows.append((entry["rank"], entry["file"], score, share))
    scored = [(rank, score, share) for rank, _, score, share in rows if score is not None]
    scores = [score for _, score, _ in scored]
    return {
        "files": len(rows),
        "scored": len(scored),
        "spearman_rank": spearman([-float(rank) for rank, _, _ in scored], scores),
        "spearman_unflagged": spearman([share for _, _, share in scored], scores),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m okrlint.evaluate_score")
    parser.parse_args(argv)
    if not (SHARED / "real").is_dir():
        print(
            f"{SHARED / 'real'} is not there: the ranked files live in ../shared", file=sys.stderr
        )
        return 2
    result = evaluate()
    for rank, name, score, share in result["rows"]:
        shown = "-" if score is None else f"{score:5.1f}"
        print(f"{rank:>3}  {shown:>5}  {share:4.0%} unflagged  {name}")
    print(
        f"Spearman (coach's rank, score) {result['spearman_rank']:.3f}; "
        f"(coach's unflagged share, score) {result['spearman_unflagged']:.3f}; "
        f"{result['scored']} of {result['files']} files scored"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
