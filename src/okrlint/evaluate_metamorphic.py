"""Does okrlint read the same statements when a file says the same thing in another way? A
metamorphic check of the Markdown reader on labelled real files, with no new labels needed.

    python -m okrlint.evaluate_metamorphic            # figures per rewrite, dev and extra files
    python -m okrlint.evaluate_metamorphic --worst 3  # and the files each rewrite hurts most

Each rewrite changes how the file is written and keeps every statement on its line: another
list marker, ``__bold__``, ordered lists, 4-space or tab indents, headings one level deeper or
higher, bold lines for headings, an emoji before each heading, labels in Spanish or German,
CRLF line ends. The labels of the original file stay right for the rewritten one, so the line
F1 of each rewrite beside the original's says how much the reader depends on the form instead
of the content. Only dev and extra files are rewritten: the test split is for figures of the
original files alone.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from okrlint.evaluate import Score
from okrlint.evaluate_reader import (
    EXTRA,
    EXTRA_LABELS,
    LABELS,
    SHARED,
    predicted_lines,
    repositories,
    split_of,
)
from okrlint.readers import MARKDOWN_SUFFIXES, read_bytes

Rewrite = Callable[[list[str]], list[str]]
_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) ")


def _each(pattern: str, repl: str) -> Rewrite:
    rx = re.compile(pattern)
    return lambda lines: [rx.sub(repl, line) for line in lines]


def _indent(scale: Callable[[int], str]) -> Rewrite:
    """Nested list items re-indented (``scale`` of the old indent, in 2-space steps), in a
    file whose lists are all bulleted and nested by two spaces (elsewhere a wider indent would
    turn an item into its parent's text, and the rewrite would change what the file says)."""

    def rewrite(lines: list[str]) -> list[str]:
        items = [m for m in map(_ITEM.match, lines) if m]
        if any(len(m.group(1)) % 2 or m.group(2)[0].isdigit() for m in items):
            return lines
        out = []
        for line in lines:
            m = _ITEM.match(line)
            n = len(m.group(1)) if m else 0
            out.append(scale(n) + line[n:] if m and n and n % 2 == 0 and n < 8 else line)
        return out

    return rewrite


def _ordered(lines: list[str]) -> list[str]:
    """Bulleted lists as numbered ones, nested items moved right to stay nested (a "1. "
    marker is one character wider than "- ")."""
    out, in_list = [], False
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        rest = line[indent:]
        if re.match(r"- (?!\[)", rest):
            in_list = True
        elif line.strip() and indent == 0:
            in_list = False
        if in_list and indent % 2 == 0:
            indent = indent * 3 // 2
        out.append(" " * indent + re.sub(r"^- (?!\[)", "1. ", rest))
    return out


def _labels(words: dict[str, str]) -> Rewrite:
    rx = re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    return lambda lines: [rx.sub(lambda m: words[m.group(1)], line) for line in lines]


REWRITES: dict[str, Rewrite] = {
    "star bullets": _each(r"^(\s*)- ", r"\1* "),
    "plus bullets": _each(r"^(\s*)- ", r"\1+ "),
    "__bold__": lambda lines: [line.replace("**", "__") for line in lines],
    "1) numbering": _each(r"^(\s*\d+)\. ", r"\1) "),
    "numbered lists": _ordered,
    "checkboxes": _each(r"^(\s*)- (?!\[)", r"\1- [ ] "),
    "4-space indents": _indent(lambda n: " " * (2 * n)),
    "tab indents": _indent(lambda n: "\t" * (n // 2)),
    "headings deeper": _each(r"^(#{1,5}) ", r"#\1 "),
    "headings higher": _each(r"^##(#{0,4}) ", r"#\1 "),
    "bold lines for headings": _each(r"^#{2,6} (.+?)\s*$", r"**\1**"),
    "emoji before headings": _each(r"^(#{1,6}) ", r"\1 🎯 "),
    "trailing spaces": lambda lines: [
        line + "  " if line.strip() and not line.lstrip().startswith("|") else line
        for line in lines
    ],
    "CRLF": lambda lines: [line + "\r" for line in lines],
    "Spanish labels": _labels(
        {
            "Objective": "Objetivo",
            "Objectives": "Objetivos",
            "Key Result": "Resultado clave",
            "Key Results": "Resultados clave",
        }
    ),
    "German labels": _labels(
        {
            "Objective": "Ziel",
            "Objectives": "Ziele",
            "Key Result": "Schlüsselergebnis",
            "Key Results": "Schlüsselergebnisse",
        }
    ),
}


def rewritten(text: str, rewrite: Rewrite) -> str:
    """``text`` rewritten, its YAML front matter (if any) left as it is."""
    lines = text.split("\n")
    body = 0
    if lines and lines[0].strip() == "---":
        body = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    return "\n".join(lines[:body] + rewrite(lines[body:]))


@dataclass
class Labelled:
    path: Path
    objectives: set[int]
    key_results: set[int]


def labelled_files() -> list[Labelled]:
    """The Markdown OKR files of the dev split and of the extra corpus, with their labels."""
    out: list[Labelled] = []
    real = SHARED / "real"
    sources = [(real, LABELS, True), (EXTRA, EXTRA_LABELS, False)]
    for corpus, labels, split in sources:
        if not corpus.is_dir() or not labels.is_dir():
            continue
        repos = repositories(corpus)
        for label_file in sorted(labels.glob("*.yaml")):
            label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
            path = corpus / label["file"]
            if not label.get("okr") or path.suffix.lower() not in MARKDOWN_SUFFIXES:
                continue
            if not path.is_file() or (split and split_of(repos[label["file"]]) != "dev"):
                continue
            out.append(
                Labelled(
                    path, set(label.get("objectives") or []), set(label.get("key_results") or [])
                )
            )
    return out


def score(files: list[Labelled], rewrite: Rewrite | None) -> tuple[Score, Score, dict[str, int]]:
    """Objective and key-result line scores over ``files`` rewritten by ``rewrite``, and each
    file's count of right lines minus wrong ones (to find the files a rewrite hurts)."""
    obj, kr = Score(), Score()
    per_file: dict[str, int] = {}
    for f in files:
        text = f.path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
        if rewrite is not None:
            text = rewritten(text, rewrite)
        doc = read_bytes(str(f.path), text.encode("utf-8"))
        got = predicted_lines(doc, text.replace("\r", ""))
        net = 0
        for s, expected, found in (
            (obj, f.objectives, got["objectives"]),
            (kr, f.key_results, got["key_results"]),
        ):
            right, extra, missed = (
                len(found & expected),
                len(found - expected),
                len(expected - found),
            )
            s.tp += right
            s.fp += extra
            s.fn += missed
            net += right - extra
        per_file[f.path.name] = net
    return obj, kr, per_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--worst", type=int, default=0, help="list the N files most hurt")
    args = parser.parse_args(argv)
    files = labelled_files()
    if not files:
        print("no labelled Markdown files (is ../shared beside the repository?)", file=sys.stderr)
        return 2
    base_obj, base_kr, base = score(files, None)
    print(f"{len(files)} labelled Markdown files (dev and extra)")
    print(f"  {'original':26} obj F1 {base_obj.f1:.3f}  KR F1 {base_kr.f1:.3f}")
    for name, rewrite in REWRITES.items():
        obj, kr, per = score(files, rewrite)
        print(f"  {name:26} obj F1 {obj.f1:.3f}  KR F1 {kr.f1:.3f}")
        if args.worst:
            hurt = sorted(((base[n] - per[n], n) for n in per if per[n] < base[n]), reverse=True)
            for loss, n in hurt[: args.worst]:
                print(f"      -{loss} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
