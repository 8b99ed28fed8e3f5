"""The shipped examples pass the linters teams already run on Markdown and YAML: yamllint (a
dev dependency, with the repository's .yamllint.yaml) and markdownlint-cli2 (when Node's
markdownlint-cli2 is on the PATH; skipped otherwise)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples"


def test_examples_pass_yamllint() -> None:
    pytest.importorskip("yamllint")
    run = subprocess.run(
        [sys.executable, "-m", "yamllint", "-c", str(ROOT / ".yamllint.yaml"), str(EXAMPLES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.skipif(shutil.which("markdownlint-cli2") is None, reason="markdownlint-cli2 absent")
def test_examples_pass_markdownlint() -> None:
    run = subprocess.run(
        ["markdownlint-cli2", "examples/**/*.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
