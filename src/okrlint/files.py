"""Finding the files to lint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from okrlint.readers import MARKDOWN_SUFFIXES, YAML_SUFFIXES

LINTABLE_SUFFIXES = MARKDOWN_SUFFIXES | YAML_SUFFIXES
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "env",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".okrlint_cache",
        "site-packages",
        "dist",
        "build",
        "_build",
        "target",
    }
)


class PathError(Exception):
    """A path given on the command line cannot be linted."""


@dataclass(frozen=True)
class Target:
    path: str  # as shown in output
    explicit: bool  # named by the user (OKR002 applies) rather than found in a directory


def discover(paths: list[str]) -> list[Target]:
    """Files to lint, in a stable order. Directories are walked for Markdown and YAML files;
    hidden and tool folders are skipped; symlinked directories are not followed."""
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            targets.append(Target("-", explicit=True))
            continue
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            raise PathError(f"path '{raw}' does not exist")
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in LINTABLE_SUFFIXES:
                        found.append(os.path.join(root, name))
            for f in sorted(found):
                if f not in seen:
                    seen.add(f)
                    targets.append(Target(f, explicit=False))
        else:
            if raw not in seen:
                seen.add(raw)
                targets.append(Target(raw, explicit=True))
    return targets
