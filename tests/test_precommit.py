"""The pre-commit hook for real: ``pre-commit try-repo`` installs this checkout's hook
(``.pre-commit-hooks.yaml``) into pre-commit's own virtualenv and runs it in a scratch git
repository, as a user's ``git commit`` would.

``try-repo`` is the documented way to test an unreleased hook. It builds a fresh hook
environment in a temporary store for each call (PyPI or a local wheel cache supplies
okrlint's dependencies), so each run below takes some seconds to a minute or two.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent
HOOK = "okrlint"

BAD_OKRS = """\
---
cycle: 2026-Q3
---
# Growth OKRs

## Objective: Launch the new website

- Launch the new onboarding flow
- Improve performance
"""

GOOD_OKRS = """\
---
cycle: 2026-Q3
---
# Growth OKRs

## Objective: Make onboarding feel effortless

- Increase activation rate from 42% to 60%
- Reduce time to first project from 18 to 8 minutes
"""

README = """\
# Demo

A small project. See the handbook for our goals.

## Install

- pip install demo
- demo --help
"""

WORKFLOW = """\
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
"""

FILES = ["okrs.md", "README.md", ".github/workflows/ci.yml"]


def clean_env(pre_commit_home: Path) -> dict[str, str]:
    """The environment without anything that would change git's or okrlint's behaviour: a
    surrounding git hook's GIT_DIR/GIT_INDEX_FILE, or GITHUB_ACTIONS (which switches okrlint
    to annotations when the suite runs in GitHub Actions)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "GITHUB_", "PRE_COMMIT", "OKRLINT"))
    }
    env.update(
        PRE_COMMIT_HOME=str(pre_commit_home),
        PRE_COMMIT_COLOR="never",
        NO_COLOR="1",
        GIT_AUTHOR_NAME="okrlint tests",
        GIT_AUTHOR_EMAIL="tests@example.com",
        GIT_COMMITTER_NAME="okrlint tests",
        GIT_COMMITTER_EMAIL="tests@example.com",
    )
    return env


def git(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def hook_repository(tmp: Path, env: Mapping[str, str]) -> Path:
    """The repository to give ``try-repo``: the project root.

    ``try-repo`` uses the root's committed state plus its modified tracked files, but not new
    untracked files. In a clean clone (what CI runs) that is the working tree, and the root is
    used as it is. When the working tree has untracked files that are not ignored (a module not
    committed yet), the hook would be built without them, so the test uses a commit of the
    working tree made in a scratch copy instead.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        top = git(PROJECT, "rev-parse", "--show-toplevel", env=env).strip()
    except subprocess.CalledProcessError:
        pytest.skip("the project is not a git checkout (pre-commit needs one)")
    if Path(top).resolve() != PROJECT:
        pytest.skip("the project is not the root of its git checkout")
    untracked = git(PROJECT, "ls-files", "--others", "--exclude-standard", env=env)
    if not untracked.strip():
        return PROJECT
    snapshot = tmp / "okrlint-working-tree"
    listed = git(PROJECT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", env=env)
    for name in filter(None, listed.split("\0")):
        source = PROJECT / name
        if source.is_file():  # deleted but not yet staged files are skipped
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(snapshot, "init", "-q", env=env)
    git(snapshot, "add", "-A", env=env)
    git(snapshot, "commit", "-q", "-m", "okrlint working tree", env=env)
    return snapshot


@pytest.fixture(scope="module")
def hook_setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One PRE_COMMIT_HOME and one hook repository shared by the tests of this module."""
    base = tmp_path_factory.mktemp("precommit")
    env = clean_env(base / "pre-commit-home")
    return hook_repository(base, env), env


@pytest.fixture
def user_repo(tmp_path: Path, hook_setup: tuple[Path, dict[str, str]]) -> Path:
    """A user's repository: OKRs with problems, a README and a workflow without OKRs."""
    _, env = hook_setup
    repo = tmp_path / "user-repo"
    repo.mkdir()
    git(repo, "init", "-q", env=env)
    git(repo, "config", "user.name", "okrlint tests", env=env)
    git(repo, "config", "user.email", "tests@example.com", env=env)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / "okrs.md").write_text(BAD_OKRS, encoding="utf-8")
    (repo / "README.md").write_text(README, encoding="utf-8")
    (repo / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    git(repo, "add", *FILES, env=env)
    return repo


def try_repo(
    repo: Path, hook_setup: tuple[Path, dict[str, str]], *selection: str
) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of our hook in ``repo``, on ``selection`` (default: FILES)."""
    hook_repo, env = hook_setup
    files = selection or ("--files", *FILES)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), HOOK, *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_hook_reports_okr_problems_and_passes_once_fixed(
    user_repo: Path, hook_setup: tuple[Path, dict[str, str]]
) -> None:
    failing = try_repo(user_repo, hook_setup)
    out = failing.stdout + failing.stderr

    assert failing.returncode == 1, out
    assert "Traceback" not in out and "Error" not in out, out
    assert f"{HOOK}..." in out and "Failed" in out, out
    objective = line_of(BAD_OKRS, "Launch the new website")
    task = line_of(BAD_OKRS, "Launch the new onboarding flow")
    vague = line_of(BAD_OKRS, "Improve performance")
    assert f"okrs.md:{objective}:4: warning OKR202 'Launch the new website'" in out, out
    assert f"okrs.md:{task}:3: warning OKR301 'Launch the new onboarding flow' is a task" in out, (
        out
    )
    assert f"okrs.md:{vague}:3: info OKR302 'Improve performance'" in out, out
    assert "Found 3 problems (0 errors, 2 warnings, 1 info)." in out, out
    # Files without OKRs pass silently (--ignore-non-okr-files in the hook's entry).
    assert "OKR002" not in out
    assert "README.md" not in out
    assert "ci.yml" not in out

    (user_repo / "okrs.md").write_text(GOOD_OKRS, encoding="utf-8")
    git(user_repo, "add", "okrs.md", env=hook_setup[1])
    passing = try_repo(user_repo, hook_setup)
    out = passing.stdout + passing.stderr

    assert passing.returncode == 0, out
    assert "Passed" in out and "Failed" not in out, out
    assert "OKR202" not in out and "OKR301" not in out and "OKR302" not in out


def test_a_file_named_like_an_option_is_linted_not_obeyed(
    user_repo: Path, hook_setup: tuple[Path, dict[str, str]]
) -> None:
    """The attack of the security issue, through a real ``pre-commit try-repo``: a committed
    file named ``-oREADME.md`` made the hook write its output over README.md."""
    _, env = hook_setup
    (user_repo / "-oREADME.md").write_text("# Notes\n\nNothing here.\n", encoding="utf-8")
    git(user_repo, "add", "--", "-oREADME.md", env=env)
    before = (user_repo / "README.md").read_bytes()
    proc = try_repo(user_repo, hook_setup, "--all-files")
    out = proc.stdout + proc.stderr
    assert (user_repo / "README.md").read_bytes() == before, out
    assert "Traceback" not in out, out
    assert "okrs.md" in out, out  # the run went on and linted the OKR file
