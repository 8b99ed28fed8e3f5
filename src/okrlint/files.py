"""Finding the files to lint."""

from __future__ import annotations

import errno
import os
import re
import stat
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


def _lintable(path: str) -> bool:
    """A file found in a directory walk is read unless it cannot be read like a file: a FIFO
    or a device would block or never end, and a symbolic link loop cannot be resolved (not
    even to find the configuration that applies to it). A link that leads nowhere is kept,
    so that the run reports it (OKR001) instead of hiding it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return exc.errno != errno.ELOOP
    return stat.S_ISREG(mode)


def git_root(start: Path) -> Path | None:
    """The repository root: the nearest folder at or above ``start`` holding ``.git``."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


_HASH = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


def git_commit(start: Path) -> str | None:
    """The commit checked out in the repository holding ``start``, read from ``.git`` (no git
    process: nothing in a pull request's repository runs), or None when it cannot be told."""
    root = git_root(start)
    if root is None:
        return None
    git = root / ".git"
    try:
        if git.is_file():  # a worktree or submodule: "gitdir: PATH"
            line = git.read_text(encoding="utf-8", errors="replace")[:4096].strip()
            if not line.startswith("gitdir:"):
                return None
            git = (root / line[len("gitdir:") :].strip()).resolve()
        head = (git / "HEAD").read_text(encoding="utf-8", errors="replace")[:4096].strip()
        if _HASH.fullmatch(head):
            return head
        if not head.startswith("ref: refs/"):
            return None
        ref = head[len("ref: ") :]
        if ".." in ref.split("/"):
            return None
        common = git
        commondir = git / "commondir"
        if commondir.is_file():
            common = (git / commondir.read_text(encoding="utf-8")[:4096].strip()).resolve()
        for folder in (git, common):
            loose = folder / ref
            if loose.is_file():
                value = loose.read_text(encoding="utf-8", errors="replace")[:128].strip()
                return value if _HASH.fullmatch(value) else None
        packed = common / "packed-refs"
        if packed.is_file():
            with packed.open(encoding="utf-8", errors="replace") as fh:
                for row in fh:
                    value, _, name = row.strip().partition(" ")
                    if name == ref and _HASH.fullmatch(value):
                        return value
    except (OSError, ValueError):
        return None
    return None


def _repository_root(path: str) -> Path:
    """The repository root of the file ``path``, else the working directory."""
    return git_root(Path(os.path.abspath(path)).parent) or Path.cwd()


def symlink_problem(path: str) -> str | None:
    """Why a symbolic link is not followed, or None. A committed link can point at the CI
    job's secrets (``/proc/self/environ``), a device or a file outside the repository: such a
    link is skipped with a note, never read. Process substitution (``<(cat okrs.md)``, a
    ``/dev/fd`` pipe) is still read."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # dangling or a loop: reported when read
    if stat.S_ISFIFO(mode) and path.startswith(("/dev/fd/", "/proc/self/fd/")):
        return None
    if not stat.S_ISREG(mode) or target.startswith(("/proc/", "/sys/", "/dev/")):
        return f"'{path}' is a symbolic link to something that is not a regular file: skipped"
    root = _repository_root(path).resolve()
    if not Path(target).is_relative_to(root):
        return f"'{path}' is a symbolic link to a file outside the repository ({root}): skipped"
    return None


def discover(paths: list[str], notes: list[str] | None = None) -> list[Target]:
    """Files to lint, in a stable order. Directories are walked for Markdown and YAML files;
    hidden and tool folders are skipped; symlinked directories are not followed (so a link
    loop is never walked), and FIFOs, sockets and devices found in a directory are skipped.
    A path named on the command line is always read (``<(cat okrs.md)`` is a pipe)."""
    targets: list[Target] = []
    seen: set[str] = set()
    stdin = False
    for raw in paths:
        if raw == "-":
            if stdin:
                raise PathError("'-' (standard input) is given twice; it can be read once")
            stdin = True
            targets.append(Target("-", explicit=True))
            continue
        p = Path(raw)
        try:
            os.stat(raw)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise PathError(f"path '{raw}' is a symbolic link loop") from None
            if exc.errno == errno.ENAMETOOLONG:
                raise PathError(f"path '{raw[:80]}...' is longer than the system allows") from None
            if not os.path.islink(raw):
                raise PathError(f"path '{raw}' does not exist") from None
        if p.is_dir():
            found = []

            def unreadable(exc: OSError) -> None:
                raise PathError(
                    f"cannot read the folder '{exc.filename}': {exc.strerror or exc} (its files "
                    "would go unchecked)"
                )

            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in LINTABLE_SUFFIXES:
                        path = os.path.join(root, name)
                        why = symlink_problem(path)
                        if why is not None:
                            if notes is not None:
                                notes.append(why)
                        elif _lintable(path):
                            found.append(path)
            for f in sorted(found):
                if _identity(f) not in seen:
                    seen.add(_identity(f))
                    targets.append(Target(f, explicit=False))
        elif (why := symlink_problem(raw)) is not None:
            if notes is not None:
                notes.append(why)
        elif _identity(raw) not in seen:
            # "a.md", "./a.md" and "/abs/a.md" are one file, linted once (as first named).
            seen.add(_identity(raw))
            targets.append(Target(raw, explicit=True))
    return targets


def _identity(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))
