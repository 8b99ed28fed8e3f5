"""Attacks from the security issue, each reproduced: file names read as options, output written
over linted files or through symbolic links, the Action importing the repository's code, and a
cache that could be forged or planted."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_inputs import OKR

from okrlint.action import okrlint_command
from okrlint.cache import FILE_NAME
from okrlint.cli import main, paths_first

ROOT = Path(__file__).resolve().parents[2]


def _write(path: Path, text: str = OKR) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _with_acme_pack(root: Path, rule: str) -> None:
    """okrs.md, a rule pack `pack/` holding the one rule `rule`, and a config that loads it."""
    _write(root / "okrs.md")
    _write(root / "pack" / "_pack.yaml", "name: acme\nprefix: ACME\n")
    _write(root / "pack" / "ACME001-rule.yaml", rule)
    (root / ".okrlint.yaml").write_text("rule-packs: [pack]\n", encoding="utf-8")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_file_named_like_an_option_is_a_path(okrlint: Callable[..., Any], in_tmp: Path) -> None:
    readme = _write(in_tmp / "README.md", "# Project\n")
    _write(in_tmp / "-oREADME.md")
    result = okrlint("--format", "json", "-oREADME.md", "README.md")
    assert readme.read_text(encoding="utf-8") == "# Project\n"
    assert {f["path"] for f in result.json()} <= {"-oREADME.md", "README.md"}
    assert any(f["path"] == "-oREADME.md" for f in result.json())


def test_a_file_named_exactly_like_an_option_is_a_path(
    okrlint: Callable[..., Any], in_tmp: Path
) -> None:
    """``-o`` then ``README.md`` as two committed file names."""
    readme = _write(in_tmp / "README.md", "# Project\n")
    _write(in_tmp / "-o")
    okrlint("--ignore-non-okr-files", "-o", "README.md")
    assert readme.read_text(encoding="utf-8") == "# Project\n"


def test_an_option_value_starting_with_a_dash_stays_a_value(in_tmp: Path) -> None:
    _write(in_tmp / "-weird.yaml", "select: [ALL]\n")
    assert paths_first(["--config", "-weird.yaml", "okrs.md"], main) == [
        "--config",
        "-weird.yaml",
        "okrs.md",
    ]
    assert paths_first(["-x", "--", "-y"], main) == ["-x", "--", "-y"]


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_never_writes_over_a_linted_file(
    okrlint: Callable[..., Any], in_tmp: Path, option: str
) -> None:
    okrs = _write(in_tmp / "okrs.md")
    result = okrlint(str(okrs), option, str(okrs))
    assert result.exit_code == 2
    assert "being linted" in result.stderr
    assert okrs.read_text(encoding="utf-8") == OKR
    # also when the file is found by walking a folder, and named another way
    result = okrlint(str(in_tmp), option, "./okrs.md")
    assert result.exit_code == 2
    assert okrs.read_text(encoding="utf-8") == OKR


@pytest.mark.parametrize("dangling", [False, True])
def test_never_writes_through_a_symbolic_link(
    okrlint: Callable[..., Any], in_tmp: Path, dangling: bool
) -> None:
    okrs = _write(in_tmp / "okrs.md")
    outside = in_tmp / "outside" / "victim.txt"
    if not dangling:
        _write(outside, "keep me\n")
    else:
        outside.parent.mkdir()
    (in_tmp / "report.txt").symlink_to(outside)
    result = okrlint(str(okrs), "-o", "report.txt")
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    if dangling:
        assert not outside.exists()
    else:
        assert outside.read_text(encoding="utf-8") == "keep me\n"


def test_output_errors_are_one_line_and_exit_2(okrlint: Callable[..., Any], in_tmp: Path) -> None:
    okrs = _write(in_tmp / "okrs.md")
    result = okrlint(str(okrs), "-o", "missing/folder/out.json")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_output_is_written_whole_and_replaces_the_old_file(
    okrlint: Callable[..., Any], in_tmp: Path
) -> None:
    okrs = _write(in_tmp / "okrs.md")
    out = _write(in_tmp / "out.json", "old")
    okrlint(str(okrs), "--format", "json", "-o", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))
    assert [p.name for p in in_tmp.iterdir() if p.name.endswith(".tmp")] == []


def test_the_action_runs_the_installed_okrlint_not_the_workspace(tmp_path: Path) -> None:
    """A repository with its own ``okrlint/`` package: ``python -m okrlint`` from the workspace
    would import it. The Action's command line (``-P``) does not."""
    evil = tmp_path / "okrlint"
    evil.mkdir()
    marker = tmp_path / "pwned"
    (evil / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (evil / "__main__.py").write_text("")
    _write(tmp_path / "okrs.md")
    cmd = okrlint_command("json", "warning", ["--exit-zero"], ["okrs.md"])
    assert cmd[:3] == [sys.executable, "-P", "-m"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert not marker.exists()
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "python -P -m okrlint.action" in action


def test_the_hook_passes_file_names_after_a_double_dash() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["args"][-1] == "--"


def _json(okrlint: Callable[..., Any], *args: str) -> Any:
    return okrlint(*args, "--format", "json").json()


def test_a_forged_cache_entry_is_a_miss(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    okrs = _write(tmp_path / "okrs.md")
    cache = tmp_path / "cache"
    reference = _json(okrlint, str(okrs), "--no-cache")
    assert reference
    assert _json(okrlint, str(okrs), "--cache-dir", str(cache)) == reference
    forged = [
        '{"findings": [], "stats": {"objectives": 1, "key_results": 1}}',  # emptied
        "{}",
        "[]",
        '{"okrlint": "0", "sha256": "x", "findings": [], "stats": {}}',
    ]
    with sqlite3.connect(cache / FILE_NAME) as db:
        (value,) = db.execute("SELECT value FROM results").fetchone()
    entry = json.loads(value)
    entry["findings"] = []  # right version, wrong content hash? no: right hash, so shape checks
    entry["sha256"] = "0" * 64
    forged.append(json.dumps(entry))
    bad_row = json.loads(value)
    bad_row["findings"][0][4] = -5
    forged.append(json.dumps(bad_row))
    for value in forged:
        with sqlite3.connect(cache / FILE_NAME) as db:
            db.execute("UPDATE results SET value = ?", (value,))
        assert _json(okrlint, str(okrs), "--cache-dir", str(cache)) == reference, value


def test_a_symlinked_cache_database_is_never_opened(
    okrlint: Callable[..., Any], tmp_path: Path
) -> None:
    okrs = _write(tmp_path / "okrs.md")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    victim = _write(tmp_path / "victim.txt", "keep me\n")
    (cache / FILE_NAME).symlink_to(victim)
    assert _json(okrlint, str(okrs), "--cache-dir", str(cache))
    assert victim.read_text(encoding="utf-8") == "keep me\n"


def test_the_cache_folder_is_private_and_a_world_writable_one_is_not_used(
    okrlint: Callable[..., Any], tmp_path: Path
) -> None:
    okrs = _write(tmp_path / "okrs.md")
    cache = tmp_path / "new-cache"
    _json(okrlint, str(okrs), "--cache-dir", str(cache))
    assert cache.stat().st_mode & 0o777 == 0o700
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    os.chmod(shared, 0o777)
    _json(okrlint, str(okrs), "--cache-dir", str(shared))
    assert not (shared / FILE_NAME).exists()


def test_a_locked_cache_is_skipped_not_deleted(okrlint: Callable[..., Any], tmp_path: Path) -> None:
    okrs = _write(tmp_path / "okrs.md")
    cache = tmp_path / "cache"
    reference = _json(okrlint, str(okrs), "--cache-dir", str(cache))
    db = sqlite3.connect(cache / FILE_NAME, isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    try:
        other = _write(tmp_path / "other.md", OKR.replace("Grow", "Expand"))
        import okrlint.cache as cache_mod

        original = cache_mod.sqlite3.connect

        def quick(*args: Any, **kwargs: Any) -> Any:
            kwargs["timeout"] = 0.1
            return original(*args, **kwargs)

        cache_mod.sqlite3.connect = quick  # type: ignore[assignment]
        try:
            assert _json(okrlint, str(other), "--cache-dir", str(cache))
        finally:
            cache_mod.sqlite3.connect = original  # type: ignore[assignment]
    finally:
        db.execute("ROLLBACK")
        db.close()
    with sqlite3.connect(cache / FILE_NAME) as check:
        assert check.execute("SELECT count(*) FROM results").fetchone()[0] >= 1
    assert _json(okrlint, str(okrs), "--cache-dir", str(cache)) == reference


def test_one_file_named_three_ways_is_linted_once(
    okrlint: Callable[..., Any], in_tmp: Path
) -> None:
    okrs = _write(in_tmp / "okrs.md")
    once = okrlint("--format", "json", "okrs.md").json()
    three = okrlint("--format", "json", "okrs.md", "./okrs.md", str(okrs)).json()
    assert len(three) == len(once) > 0


def test_a_run_that_checks_nothing_says_so(okrlint: Callable[..., Any], in_tmp: Path) -> None:
    _write(in_tmp / "okrs.md")
    result = okrlint("--select", "", "okrs.md")
    assert result.exit_code == 2
    assert "checks nothing" in result.stderr or "check nothing" in result.stderr
    twice = okrlint("-", "-", input=OKR)
    assert twice.exit_code == 2
    assert "twice" in twice.stderr


@pytest.mark.parametrize("fmt", ["text", "full", "github"])
def test_names_and_statements_cannot_inject_commands_or_escapes(
    okrlint: Callable[..., Any], in_tmp: Path, fmt: str
) -> None:
    """A file name with a newline and '::error' and a statement with ESC sequences: no output
    line starts with a workflow command okrlint did not write, and no ESC reaches the log."""
    name = "okrs\n::error file=x::pwned.md"
    text = OKR.replace("Increase", "\x1b]0;title\x07\x1b[2JIncrease", 1)
    _write(in_tmp / name, text)
    out = okrlint("--format", fmt, "--no-cache", name)
    for line in (out.stdout + out.stderr).splitlines():
        assert "\x1b" not in line and "\x07" not in line
        if fmt == "github" and line.startswith("::"):
            assert line.startswith(("::warning file=", "::error file=", "::notice file="))
            # the file property holds the name escaped: no second command inside it
            props = line.split("::", 2)[1]
            assert "::" not in props and "%3A%3Aerror" in props
        else:
            assert not line.startswith("::")


def test_full_format_never_reads_a_file_twice(okrlint: Callable[..., Any], in_tmp: Path) -> None:
    """--stdin-filename naming another file: its lines must not appear next to the findings of
    standard input (before, the full format re-read the named file from disk)."""
    secret = _write(in_tmp / "secret.md", "TOKEN=hunter2\n" * 20)
    bad = "# OKRs\n\n## Objective: Grow\n\n- KR1: Launch the new onboarding flow\n"
    out = okrlint("--format", "full", "--stdin-filename", str(secret), "-", input=bad)
    assert "hunter2" not in out.stdout + out.stderr
    assert "Launch the new onboarding flow" in out.stdout


def test_symlinks_to_secrets_devices_or_outside_the_repository_are_skipped(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    _write(repo / "okrs.md")
    outside = _write(tmp_path / "outside.md", OKR.replace("Grow", "TOKEN-hunter2 Grow"))
    (repo / "notes.md").symlink_to("/proc/self/environ")
    (repo / "leak.md").symlink_to(outside)
    (repo / "inside.md").symlink_to(repo / "okrs.md")
    monkeypatch.chdir(repo)
    for args in ([str(repo)], ["notes.md", "leak.md", "okrs.md"]):
        out = okrlint("--format", "full", "--no-cache", *args)
        assert "hunter2" not in out.stdout
        assert "PATH=" not in out.stdout and "HOME=" not in out.stdout
        assert "notes.md' is a symbolic link to something that is not a regular file" in out.stderr
        assert "leak.md' is a symbolic link to a file outside the repository" in out.stderr
        assert "okrs.md" in out.stdout


def _dying_work(task: tuple[int, bytes | None]) -> Any:
    """A worker that is killed (as by the OOM killer) when it gets the file ``die.md``."""
    import signal

    from okrlint import runner

    assert runner._WORK is not None
    jobs = runner._WORK[0]
    if jobs[task[0]].path.endswith("die.md"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_WORK(task)


def _real_work() -> Any:
    from okrlint import runner

    return runner._work


_REAL_WORK = _real_work()


def test_a_worker_killed_from_outside_is_reported_and_the_rest_linted(
    okrlint: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrlint import runner

    for name in ("a.md", "b.md", "die.md", "d.md"):
        _write(tmp_path / name)
    monkeypatch.setattr(runner, "_work", _dying_work)
    result = okrlint(str(tmp_path), "-j", "2", "--no-cache", "--format", "json")
    assert result.exit_code == 2
    assert "die.md: a worker process died while linting this file" in result.stderr
    assert "Traceback" not in result.stderr
    linted = {Path(f["path"]).name for f in result.json()}
    assert {"a.md", "b.md", "d.md"} <= linted


def test_standard_input_is_bounded(okrlint: Callable[..., Any]) -> None:
    big = OKR + ("- KR9: Raise NPS from 30 to 40\n" * 2_000)
    result = okrlint("-", "--max-file-size", "1000", "--format", "json", input=big)
    (finding,) = result.json()
    assert finding["code"] == "OKR001"
    assert "larger than the 1,000-byte limit" in finding["message"]


def test_rule_pack_messages_and_config_globs_are_bounded(
    okrlint: Callable[..., Any], in_tmp: Path
) -> None:
    _with_acme_pack(
        in_tmp,
        "code: ACME001\nname: huge\nseverity: warning\nscope: key_result\nextends: existence\n"
        "tokens: [synergy]\nsummary: x\nmessage: '" + "{text}" * 1_000 + "'\n",
    )
    result = okrlint("okrs.md")
    assert result.exit_code == 2
    assert "message is too long" in result.stderr
    (in_tmp / ".okrlint.yaml").write_text(
        "exclude: [" + ", ".join(f"'d{i}/**'" for i in range(2_000)) + "]\n", encoding="utf-8"
    )
    result = okrlint("okrs.md")
    assert result.exit_code == 2
    assert "at most 1,000" in result.stderr
    (in_tmp / ".okrlint.yaml").write_text("exclude: ['" + "*a" * 100 + "']\n", encoding="utf-8")
    assert okrlint("okrs.md").exit_code == 2


def test_standard_input_uses_the_configuration(okrlint: Callable[..., Any], in_tmp: Path) -> None:
    bad = "# OKRs\n\n## Objective: Grow\n\n- KR1: Launch the new onboarding flow\n"
    before = okrlint("-", "--format", "json", input=bad).json()
    assert any(f["code"] == "OKR301" for f in before)
    (in_tmp / ".okrlint.yaml").write_text("ignore: [kr-is-task]\n", encoding="utf-8")
    after = okrlint("-", "--format", "json", input=bad).json()
    assert not any(f["code"] == "OKR301" for f in after)


def test_regex_token_patterns_are_refused_at_load(
    okrlint: Callable[..., Any], in_tmp: Path
) -> None:
    _with_acme_pack(
        in_tmp,
        "code: ACME001\nname: slow\nseverity: warning\nscope: key_result\nextends: pattern\n"
        "summary: x\nmessage: '{text}'\npatterns:\n  - [{TEXT: {REGEX: '(a+)+$'}}]\n",
    )
    result = okrlint("okrs.md")
    assert result.exit_code == 2
    assert "REGEX is not allowed" in result.stderr


def test_outline_shows_no_terminal_escapes(okrlint: Callable[..., Any], in_tmp: Path) -> None:
    _write(in_tmp / "okrs.md", OKR.replace("Grow", "\x1b]0;title\x07\x1b[2JGrow", 1))
    out = okrlint("--outline", "--why", "okrs.md").stdout
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.slow
def test_sigterm_stops_the_workers_and_writes_nothing(tmp_path: Path) -> None:
    import shutil
    import signal
    import time

    if shutil.which("pgrep") is None:
        pytest.skip("pgrep is not installed")
    folder = tmp_path / "okrs"
    for i in range(1_500):
        _write(folder / f"team-{i:04}.md", OKR.replace("Grow", f"Grow line {i}"))
    out = tmp_path / "report.json"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "okrlint",
            str(folder),
            "-j",
            "2",
            "--no-cache",
            "--format",
            "json",
            "-o",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    children: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not children and proc.poll() is None:
        listed = subprocess.run(
            ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False
        )
        children = [int(x) for x in listed.stdout.split()]
        time.sleep(0.05)
    if not children:
        proc.kill()
        pytest.skip("the run ended before its workers could be seen")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert not out.exists()
    time.sleep(2)
    alive = []
    for pid in children:
        try:
            os.kill(pid, 0)
            alive.append(pid)
        except ProcessLookupError:
            pass
    assert alive == []
