"""okrlint never writes to, renames or touches the files it lints: a copy of the real corpus,
the examples and every hostile file have the same bytes, modes, mtimes and ctimes after a run
in every mode, and their folders gain no file (no cache, no temporary file, no lock)."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_inputs import write_cases

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
OLD = 1_000_000_000  # 2001: any touch would move the mtime to now


def _snapshot(root: Path) -> dict[str, tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            st = path.lstat()
            if path.is_symlink():
                content: Any = os.readlink(path)
            elif path.is_file():
                content = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                content = None
            rel = str(path.relative_to(root))
            out[rel] = (content, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        st = Path(folder).lstat()
        out[str(Path(folder).relative_to(root)) + "/"] = (st.st_mtime_ns, st.st_ctime_ns)
    return out


@pytest.mark.slow
def test_linting_changes_nothing(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "linted"
    if CORPUS.is_dir():
        shutil.copytree(CORPUS, root / "corpus")
    shutil.copytree(ROOT / "examples", root / "examples")
    shutil.copytree(ROOT / "tests" / "fixtures", root / "fixtures")
    write_cases(root / "hostile", tmp_path / "PWNED")
    (root / "hostile" / "readonly.md").write_text("# OKRs\n", encoding="utf-8")
    (root / "hostile" / "readonly.md").chmod(0o444)
    for folder, _, files in os.walk(root):
        for name in files:
            os.utime(Path(folder) / name, (OLD, OLD), follow_symlinks=False)
    before = _snapshot(root)
    assert len(before) > 50

    monkeypatch.chdir(tmp_path)  # anything written relative to the working folder lands here
    outside = tmp_path / "out"
    outside.mkdir()
    hostile = root / "hostile"
    runs = [
        [str(root)],
        [str(root), "--format", "full"],  # reads the source lines again
        [str(root), "--format", "sarif", "-o", str(outside / "report.sarif")],
        [str(root / "examples"), str(hostile / "crlf.md"), "--outline"],
        [str(hostile), "--write-baseline", str(outside / "baseline.json")],
        [str(hostile), "--baseline", str(outside / "baseline.json"), "--format", "json"],
        [str(hostile / "lf.md"), str(hostile / "readonly.md"), "--format", "json"],
    ]
    for args in runs:
        result = okrlint(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)

    assert _snapshot(root) == before
    assert not (tmp_path / "PWNED").exists()
