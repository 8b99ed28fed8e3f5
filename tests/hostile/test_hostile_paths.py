"""Hostile paths: missing, empty folders, unreadable, symbolic link loops, FIFOs, files that
vanish, odd names. A path problem named on the command line is exit 2 with one line naming it;
a file that cannot be read is OKR001 and the run goes on."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_inputs import OKR, billion_laughs

GOOD = OKR


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _codes_by_file(stdout: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in json.loads(stdout):
        out.setdefault(Path(f["path"]).name, []).append(f["code"])
    return out


def test_missing_file_is_exit_2_naming_it(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    good = _write(tmp_path / "okrs.md", GOOD)
    result = okrlint(str(good), str(tmp_path / "nowhere.md"))
    assert result.exit_code == 2
    assert "nowhere.md" in result.stderr
    assert "does not exist" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_directory_is_exit_0_with_a_note(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = okrlint(str(empty))
    assert result.exit_code == 0
    assert "No Markdown or YAML files found" in result.stderr
    assert str(empty) in result.stderr


def test_directory_without_okrs_is_exit_0(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    _write(tmp_path / "docs" / "README.md", "# Project\n\nInstall it with pip.\n")
    _write(tmp_path / "docs" / "config.yaml", "name: demo\nversion: 3\n")
    result = okrlint(str(tmp_path / "docs"), "--format", "json")
    assert result.exit_code == 0
    assert result.json() == []


def test_unreadable_file_is_okr001_and_the_run_goes_on(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied, simulated: the tests run as root, who reads a chmod 000 file."""
    good = _write(tmp_path / "a_good.md", GOOD)
    locked = _write(tmp_path / "b_locked.md", GOOD)
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and Path(file).name == locked.name:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    result = okrlint(str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    findings = result.json()
    locked_findings = [f for f in findings if f["path"].endswith("b_locked.md")]
    assert [(f["code"], f["line"], f["column"]) for f in locked_findings] == [("OKR001", 1, 1)]
    assert "Permission denied" in locked_findings[0]["message"]
    assert any(f["path"].endswith(good.name) and f["code"] == "OKR301" for f in findings)


def test_unreadable_file_with_chmod_000(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    locked = _write(tmp_path / "locked.md", GOOD)
    locked.chmod(0)
    try:
        try:
            with open(locked, "rb"):
                pass
        except PermissionError:
            pass
        else:
            pytest.skip(
                "chmod 000 does not stop this user (root) from reading: the permission error "
                "is simulated in test_unreadable_file_is_okr001_and_the_run_goes_on"
            )
        result = okrlint(str(locked), "--format", "json")
        assert result.exit_code == 1
        assert [f["code"] for f in result.json()] == ["OKR001"]
        assert "Permission denied" in result.json()[0]["message"]
    finally:
        locked.chmod(0o644)


def test_symbolic_link_loops_in_a_walk(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _write(root / "okrs.md", GOOD)
    (root / "up").symlink_to("..")  # a folder loop: never followed
    (root / "self").symlink_to(".")
    (root / "loop_a.md").symlink_to("loop_b.md")  # a file loop: skipped
    (root / "loop_b.md").symlink_to("loop_a.md")
    (root / "dangling.md").symlink_to("nowhere.md")  # leads nowhere: reported
    result = okrlint(str(root), "--format", "json")
    assert result.exit_code == 1
    by_file = _codes_by_file(result.stdout)
    assert by_file["dangling.md"] == ["OKR001"]
    assert "OKR301" in by_file["okrs.md"]
    assert set(by_file) == {"okrs.md", "dangling.md"}
    assert "No such file" in next(
        f["message"] for f in result.json() if f["path"].endswith("dangling.md")
    )


def test_symbolic_link_loop_named_is_exit_2(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    result = okrlint(str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert "a.md" in result.stderr
    assert "symbolic link loop" in result.stderr


@pytest.mark.slow
def test_fifo_in_a_walk_is_skipped_not_waited_for(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _write(root / "okrs.md", GOOD)
    os.mkfifo(root / "pipe.md")  # reading it would block for ever
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "OKRLINT_CACHE_DIR": str(tmp_path / "cache")},
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert set(_codes_by_file(proc.stdout)) == {"okrs.md"}


def test_file_that_vanishes_between_listing_and_reading(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import okrlint.cli.app as cli
    from okrlint import files

    good = _write(tmp_path / "a_good.md", GOOD)
    gone = _write(tmp_path / "b_gone.md", GOOD)
    real = files.discover

    def discover_then_delete(
        paths: list[str], notes: list[str] | None = None
    ) -> list[files.Target]:
        targets = real(paths, notes)
        gone.unlink()
        return targets

    monkeypatch.setattr(cli, "discover", discover_then_delete)
    result = okrlint(str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    vanished = [f for f in result.json() if f["path"].endswith("b_gone.md")]
    assert [f["code"] for f in vanished] == ["OKR001"]
    assert "cannot read the file" in vanished[0]["message"]
    assert any(f["path"].endswith(good.name) for f in result.json())


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "full"])
def test_names_with_spaces_and_non_ascii(
    okrlint: Callable[..., Any], tmp_path: Path, fmt: str
) -> None:
    folder = tmp_path / "équipe croissance"
    named = _write(folder / "nos OKRs – T3 🚀.md", GOOD)
    for args in ([str(named)], [str(folder)]):
        result = okrlint(*args, "--format", fmt)
        assert result.exit_code == 1, result.stderr
        assert "Traceback" not in result.stderr
        if fmt in ("text", "json", "full", "github"):
            assert "nos OKRs – T3 🚀.md" in result.stdout


@pytest.mark.parametrize(
    "fmt",
    [
        "text",
        "json",
        "github",
        "junit",
        "full",
        "sarif",
    ],
)
def test_name_that_is_not_utf8(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths: SARIF makes URIs of them
    with open(b"caf\xe9.md", "wb") as fh:
        fh.write(GOOD.encode())
    for target in (os.fsdecode(b"caf\xe9.md"), "."):
        result = okrlint(target, "--format", fmt)
        assert result.exit_code == 1, result.stderr


def test_one_bad_file_never_stops_the_others(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a_binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(tmp_path / "b_bomb.yaml", billion_laughs())
    (tmp_path / "c_utf16.md").write_bytes(GOOD.encode("utf-16"))
    _write(tmp_path / "d_deep.md", "- " * 5_000 + "x\n")
    _write(tmp_path / "e_good.md", GOOD)
    _write(tmp_path / "f_yaml.yaml", "objectives: [unclosed\n")
    result = okrlint(str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    by_file = _codes_by_file(result.stdout)
    for name in ("a_binary.md", "b_bomb.yaml", "c_utf16.md", "d_deep.md", "f_yaml.yaml"):
        assert by_file[name] == ["OKR001"], name
    assert "OKR301" in by_file["e_good.md"]


def test_hostile_bytes_on_standard_input(okrlint: Callable[..., Any]) -> None:
    from click.testing import CliRunner

    from okrlint.cli import main

    for data, name in ((b"\x00\x01", "x.md"), (billion_laughs().encode(), "x.yaml")):
        result = CliRunner().invoke(
            main, ["-", "--stdin-filename", name, "--format", "json"], input=data
        )
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code == 1
        assert [f["code"] for f in json.loads(result.stdout)] == ["OKR001"]


def test_an_unreadable_subfolder_is_an_error_not_a_silent_pass(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root can read a chmod 000 folder, so the walk's error is simulated."""
    from okrlint import files

    _write(tmp_path / "okrs.md", GOOD)
    real_walk = os.walk

    def walk(top: Any, **kw: Any) -> Any:
        onerror = kw.get("onerror")
        if onerror is not None:
            onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, **kw)

    monkeypatch.setattr(files.os, "walk", walk)
    result = okrlint(str(tmp_path))
    assert result.exit_code == 2
    assert "cannot read the folder" in result.stderr and "locked" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_path_longer_than_the_system_allows_is_one_line(
    okrlint: Callable[..., Any], tmp_path: Path
) -> None:
    result = okrlint(str(tmp_path / ("a/" * 3000 + "x.md")))
    assert result.exit_code == 2
    assert "longer than the system allows" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
