"""The GitHub Action: ``action.yml`` and ``python -m okrlint.action`` run as the runner runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from okrlint.action import MAX_ROWS, SUCCESS_LINE, summary_markdown

GOOD = """\
---
cycle: 2026-Q3
---
# Support OKRs

## Objective: Make getting help feel effortless

- Raise CSAT from 4.0 to 4.5 out of 5
- Cut median first response time from 6 hours to 1 hour
"""

# One warning (OKR301 on the task) and one error (OKR311: a placeholder left in a key result).
BAD = """\
---
cycle: 2026-Q3
---
# Growth OKRs

## Objective: Make onboarding feel effortless

- Increase activation rate from 42% to 60%
- Launch the new onboarding flow
- Reduce time to first project from 18 to 8 minutes

## Objective: Make support feel personal

- Raise CSAT from 4.0 to TBD out of 5
- Cut median first response time from 6 hours to 1 hour
"""

# Only a warning (OKR301).
WARN_ONLY = """\
---
cycle: 2026-Q3
---
# Growth OKRs

## Objective: Make onboarding feel effortless

- Increase activation rate from 42% to 60%
- Launch the new onboarding flow
"""


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of ``text`` containing ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


def run_action(
    cwd: Path,
    paths: str,
    *,
    fail_level: str | None = None,
    args: str = "",
    sarif_file: str = "",
    min_score: str = "",
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the action's entry point the way action.yml does; return the process and summary."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))
    }
    summary = cwd / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    env.update(
        GITHUB_ACTIONS="true",
        GITHUB_STEP_SUMMARY=str(summary),
        INPUT_PATHS=paths,
        INPUT_ARGS=args,
        INPUT_SARIF_FILE=sarif_file,
        INPUT_MIN_SCORE=min_score,
        NO_COLOR="1",
    )
    if fail_level is not None:
        env["INPUT_FAIL_LEVEL"] = fail_level
    proc = subprocess.run(
        [sys.executable, "-P", "-m", "okrlint.action"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    return proc, summary.read_text(encoding="utf-8")


def annotations(stdout: str) -> list[tuple[str, str, int, str]]:
    """(level, file, line, title) of each workflow-command annotation on stdout."""
    found = []
    for line in stdout.splitlines():
        m = re.match(r"::(error|warning|notice) file=([^,]*),line=(\d+),.*title=([^:]*)::", line)
        if m:
            found.append((m[1], m[2], int(m[3]), m[4]))
    return found


@pytest.mark.slow
def test_findings_annotate_fail_and_write_sarif_and_summary(tmp_path: Path) -> None:
    folder = tmp_path / "okr files"  # a space: INPUT_PATHS is split with shell quoting
    folder.mkdir()
    (folder / "bad.md").write_text(BAD, encoding="utf-8")
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    sarif = tmp_path / "reports" / "out.sarif"

    proc, summary = run_action(tmp_path, '"okr files"', sarif_file=str(sarif))

    assert proc.returncode == 1, proc.stderr
    bad = "okr files/bad.md"
    task_line = line_of(BAD, "Launch the new onboarding flow")
    placeholder_line = line_of(BAD, "Raise CSAT from 4.0 to TBD")
    assert f"::warning file={bad},line={task_line}," in proc.stdout
    assert f"::error file={bad},line={placeholder_line}," in proc.stdout
    assert annotations(proc.stdout) == [
        ("warning", bad, task_line, "okrlint OKR301 (kr-is-task)"),
        ("error", bad, placeholder_line, "okrlint OKR311 (kr-placeholder)"),
    ]
    assert "good.md" not in proc.stdout

    report = json.loads(sarif.read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    results = report["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["OKR301", "OKR311"]

    assert summary.startswith("## okrlint\n")
    assert "2 problems" in summary and "1 error" in summary and "1 warning" in summary
    assert "| Location | Severity | Rule | Message |" in summary
    assert f"| {bad}:{task_line} | warning | OKR301 kr-is-task | 'Launch the new" in summary
    assert f"| {bad}:{placeholder_line} | error | OKR311 kr-placeholder |" in summary
    assert SUCCESS_LINE not in summary


@pytest.mark.slow
def test_clean_files_pass_with_a_success_line(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    sarif = tmp_path / "out.sarif"

    proc, summary = run_action(tmp_path, "good.md", sarif_file=str(sarif))

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "::" not in proc.stdout
    assert SUCCESS_LINE in summary
    assert "|" not in summary
    report = json.loads(sarif.read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    assert report["runs"][0]["results"] == []


@pytest.mark.slow
def test_fail_level_error_lets_warnings_pass(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text(WARN_ONLY, encoding="utf-8")

    strict, _ = run_action(tmp_path, "okrs.md")
    lenient, summary = run_action(tmp_path, "okrs.md", fail_level="error")

    assert strict.returncode == 1
    assert lenient.returncode == 0, lenient.stderr
    task_line = line_of(WARN_ONLY, "Launch the new onboarding flow")
    # The finding is still annotated and summarized, it just does not fail the step.
    assert f"::warning file=okrs.md,line={task_line}," in lenient.stdout
    assert "fail level `error`: not failing" in summary
    assert f"| okrs.md:{task_line} | warning | OKR301 kr-is-task |" in summary


@pytest.mark.slow
def test_extra_args_reach_okrlint(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text(BAD, encoding="utf-8")

    proc, summary = run_action(tmp_path, "okrs.md", args="--select OKR311", fail_level="error")

    assert proc.returncode == 1
    assert [a[3] for a in annotations(proc.stdout)] == ["okrlint OKR311 (kr-placeholder)"]
    assert "OKR301" not in summary


def test_bad_input_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")

    bad_level, _ = run_action(tmp_path, "good.md", fail_level="fatal")
    missing, summary = run_action(tmp_path, "missing.md")

    assert bad_level.returncode == 2
    assert "::error title=okrlint::fail-level must be one of" in bad_level.stdout
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
    assert "could not run" in summary


def test_summary_lists_at_most_max_rows() -> None:
    findings = [
        {
            "code": "OKR301",
            "name": "kr-is-task",
            "severity": "warning",
            "message": f"Task {i} | with a pipe and <html>",
            "path": "okrs.md",
            "line": i,
        }
        for i in range(1, MAX_ROWS + 8)
    ]

    text = summary_markdown(findings, 1, "warning")

    rows = [line for line in text.splitlines() if line.startswith("| okrs.md:")]
    assert len(rows) == MAX_ROWS
    assert "and 7 more" in text
    assert "Task 1 \\| with a pipe and \\<html\\>" in rows[0]
    assert f"**{MAX_ROWS + 7} problems** (0 errors, {MAX_ROWS + 7} warnings, 0 info)" in text


def test_action_yml_is_a_composite_action_with_the_documented_inputs() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    action = yaml.safe_load(text)

    assert action["name"] == "okrlint"
    assert action["description"]
    inputs = action["inputs"]
    assert set(inputs) == {"paths", "args", "fail-level", "min-score", "sarif-file"}
    assert {name: spec["default"] for name, spec in inputs.items()} == {
        "paths": ".",
        "args": "",
        "fail-level": "warning",
        "min-score": "",
        "sarif-file": "",
    }
    assert all(spec["description"] and spec["required"] is False for spec in inputs.values())

    runs = action["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    assert all(step["shell"] == "bash" for step in steps)
    install, lint = steps
    assert "python -m pip install" in install["run"]
    assert '"${{ github.action_path }}"' in install["run"]
    assert lint["run"].strip() == "python -P -m okrlint.action"
    assert lint["env"] == {
        "INPUT_PATHS": "${{ inputs.paths }}",
        "INPUT_ARGS": "${{ inputs.args }}",
        "INPUT_FAIL_LEVEL": "${{ inputs.fail-level }}",
        "INPUT_SARIF_FILE": "${{ inputs.sarif-file }}",
        "INPUT_MIN_SCORE": "${{ inputs.min-score }}",
    }
    # Every input the steps use is declared.
    assert set(re.findall(r"inputs\.([\w-]+)", text)) <= set(inputs)


def test_summary_neutralises_links_images_and_mentions() -> None:
    """Statements reach the job summary: no image, no link, no ping, no issue cross-link."""
    finding = {
        "code": "OKR301",
        "name": "kr-is-task",
        "severity": "warning",
        "message": "'![x](https://e.test/x.png) [click](https://e.test) cc @org/team #123' is a task",
        "path": "okrs.md",
        "line": 1,
    }
    text = summary_markdown([finding], 1, "warning")
    assert "![x](" not in text and "[click](" not in text
    assert "@org" not in text and "#123" not in text
    assert "@\u200borg" in text and "#\u200b123" in text


@pytest.mark.slow
def test_min_score_input_gates_and_the_summary_says_why(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    proc, summary = run_action(tmp_path, "bad.md", fail_level="error", min_score="90")
    assert proc.returncode == 1, proc.stderr
    assert "Quality score: **" in summary
    assert "below the minimum 90" in summary
    # the min-score message is printed once, by the annotation run
    assert (proc.stdout + proc.stderr).count("below") <= 1
    bad, _ = run_action(tmp_path, "bad.md", min_score="lots")
    assert bad.returncode == 2
    assert "min-score must be a number" in bad.stdout
