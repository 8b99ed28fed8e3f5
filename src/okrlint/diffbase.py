"""``--diff-base REF``: keep only findings on lines a change touched (``git diff REF``), so a pull
request on a long OKR file shows its own problems, not last year's."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class DiffError(Exception):
    """git could not say what changed."""


def changed_lines(ref: str, paths: Sequence[str]) -> dict[str, set[int]]:
    """For each file (by real path): the line numbers added or changed since ``ref``, from
    ``git diff --unified=0 REF -- PATH``. A file git does not know (new, untracked) counts as
    changed everywhere: it is absent from the result and callers keep all its findings."""
    if ref.startswith("-"):
        raise DiffError(f"--diff-base '{ref}' is not a git revision")
    out: dict[str, set[int]] = {}
    files = [p for p in paths if p != "-"]
    if not files:
        return out
    try:
        proc = subprocess.run(
            ["git", "diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", *files],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiffError(f"cannot run git for --diff-base: {exc}") from None
    if proc.returncode != 0:
        first = (proc.stderr.strip().splitlines() or ["git diff failed"])[0]
        raise DiffError(f"--diff-base {ref}: {first}")
    top = _toplevel()
    current: str | None = None
    for line in proc.stdout.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = (
                None
                if name == "/dev/null"
                else os.path.realpath(
                    os.path.join(top, name[2:] if name.startswith("b/") else name)
                )
            )
            if current is not None:
                out.setdefault(current, set())
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            out[current].update(range(start, start + count))
    # Files git tracks but did not list did not change at all.
    tracked = _tracked(files, top)
    for path in tracked:
        out.setdefault(path, set())
    return out


def _toplevel() -> str:
    proc = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise DiffError("--diff-base needs a git repository")
    return proc.stdout.strip()


def _tracked(files: Sequence[str], top: str) -> set[str]:
    proc = subprocess.run(
        ["git", "ls-files", "-z", "--", *files], capture_output=True, text=True, check=False
    )
    return {os.path.realpath(os.path.join(top, name)) for name in proc.stdout.split("\0") if name}
