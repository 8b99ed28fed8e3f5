"""Writing okrlint's own files (``--output-file``, ``--write-baseline``) safely.

okrlint runs on files that anyone who opens a pull request controls, so a file it writes must
never be one of the files it lints, never be reached through a symbolic link, and never be left
half-written: the text goes to a temporary file in the same folder, which then replaces the
target in one step (``os.replace``). Every failure is one line for the user, not a traceback.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """okrlint cannot or must not write this file."""


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_target(path: str, what: str, inputs: Iterable[str] = ()) -> None:
    """Refuse a target that is a linted file, a symbolic link or not a regular file, or whose
    folder does not exist (checked before linting, so a refused run writes nothing)."""
    if os.path.islink(path):
        raise OutputError(f"{what} '{path}' is a symbolic link; okrlint does not write through one")
    if os.path.lexists(path) and not os.path.isfile(path):
        raise OutputError(f"{what} '{path}' exists and is not a regular file")
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"{what} '{path}': the folder '{folder}' does not exist")
    if os.path.exists(path):
        for name in inputs:
            if name != "-" and _same_file(path, name):
                raise OutputError(
                    f"{what} '{path}' is one of the files being linted; okrlint never writes "
                    "to a file it lints"
                )


def write_text(path: str, text: str, what: str) -> None:
    """Write ``text`` to ``path`` atomically: all of it or, on any failure, nothing."""
    target = Path(path)
    if target.is_symlink():  # may have appeared since check_target
        raise OutputError(f"{what} '{path}' is a symbolic link; okrlint does not write through one")
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {what} '{path}': {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write {what} '{path}': {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
