"""What the output formats share: paths as CI tools want them, stable fingerprints, where the
rule docs live."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from okrlint.engine import Finding
from okrlint.files import git_root

_TIMELESS = re.compile(r"\b\d+\s*(?:days?|weeks?|months?)\b(?:\s+ago)?", re.IGNORECASE)


def stable_path(path: str) -> str:
    """The path relative to its repository root (the nearest folder with ``.git``), else to the
    working directory: the same file has the same name however it was typed (``okrs.md``,
    ``./okrs.md``, an absolute path) and wherever okrlint ran."""
    if path == "-":
        return path
    full = Path(os.path.abspath(path))
    root = git_root(full.parent)
    if root is not None:
        return full.relative_to(root).as_posix()
    return relative_path(path)[0]


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable id per finding: the rule, the file and the statement (not the line), so it
    survives lines moving and unrelated edits, and changes when the statement changes. Equal
    findings in one file are told apart by their order."""
    from hashlib import sha256  # only runs that write fingerprints need it

    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    paths: dict[str, str] = {}  # a file's findings look for its repository root once
    for f in findings:
        # Without a statement the message stands in, less what changes by itself over time
        # ("20 days ago"): a fingerprint never depends on the date.
        what = f.text or _TIMELESS.sub("#", f.message)
        what = " ".join(what.lower().split())
        if f.path not in paths:
            paths[f.path] = stable_path(f.path)
        key = (f.code, paths[f.path], what)
        n = seen[key]
        seen[key] += 1
        digest = sha256("\0".join([*key, str(n)]).encode("utf-8", "surrogateescape")).hexdigest()
        out.append(digest[:32])
    return out


SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}


def relative_path(path: str) -> tuple[str, bool]:
    """``(posix path relative to the working directory, True)`` for a file under it, else
    ``(absolute posix path, False)``. ``-`` (standard input) stays as it is."""
    if path == "-":
        return path, True
    cwd = Path.cwd()
    full = Path(os.path.normpath(cwd / path))
    try:
        return full.relative_to(cwd).as_posix(), True
    except ValueError:
        return full.as_posix(), False
