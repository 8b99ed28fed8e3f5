"""Entry point of the okrlint GitHub Action (``python -m okrlint.action``).

``action.yml`` passes the action's inputs as environment variables:

``INPUT_PATHS``
    Files or directories to lint, separated by spaces (shell quoting for names with spaces);
    default ``.``.
``INPUT_ARGS``
    Extra okrlint arguments (shell quoting), e.g. ``--select OKR3 --ignore kr-vanity-metric``.
``INPUT_FAIL_LEVEL``
    ``error``, ``warning`` (default) or ``info``: the step fails on findings at or above it.
``INPUT_SARIF_FILE``
    When set, a SARIF 2.1.0 report is also written there (for
    ``github/codeql-action/upload-sarif``).

okrlint runs as a subprocess of the same interpreter: once with ``--format github`` so that each
finding becomes an annotation on the pull request, once more with ``--format sarif`` when a SARIF
file is wanted, and once with ``--format json`` to write a Markdown table of the findings to the
job summary (``$GITHUB_STEP_SUMMARY``). The exit code is the one of the first run: 0 (no finding
at or above the fail level), 1 (findings) or 2 (usage or internal error).
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FAIL_LEVELS = ("error", "warning", "info")
SEVERITIES = ("error", "warning", "info")
MAX_ROWS = 100
EXIT_ERROR = 2
SUCCESS_LINE = "okrlint: all checks passed"


def okrlint_command(
    fmt: str, fail_level: str, args: Sequence[str], paths: Sequence[str]
) -> list[str]:
    """The okrlint command line for one run.

    The user's extra arguments come after ``--fail-level`` (so they may override it) and before
    ``--format`` (so the format of each run is the one the action needs). Paths come after
    ``--`` so a file name starting with a dash is not taken for an option. ``-P`` keeps the
    workspace (the checked-out repository, which a pull request controls) off ``sys.path``, so
    an ``okrlint/`` folder or ``*.dist-info`` there is never imported: the installed okrlint runs.
    """
    return [
        sys.executable,
        "-P",
        "-m",
        "okrlint",
        "--fail-level",
        fail_level,
        *args,
        "--format",
        fmt,
        "--",
        *paths,
    ]


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}" + ("" if n == 1 else "s")


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell of the job summary: one line; no HTML, links,
    images or pipes; ``@mentions`` and ``#123`` inert (okrlint.report.base.md_escape)."""
    from okrlint.report.base import md_escape

    return md_escape(str(text))


def summary_markdown(
    findings: Sequence[Mapping[str, Any]],
    exit_code: int,
    fail_level: str,
    score: float | None = None,
    tier: str | None = None,
    min_score: float | None = None,
) -> str:
    """The job summary: a heading, the quality score (and why a min-score gate failed), the
    counts by severity and a table of the findings."""
    lines = ["## okrlint", ""]
    if score is not None:
        line = f"Quality score: **{score:g}/100** {tier or ''}".rstrip()
        if min_score is not None and score < min_score:
            line += (
                f" ❌ below the minimum {min_score:g} (the `min-score` input): this fails the step"
            )
        elif min_score is not None:
            line += f" (minimum {min_score:g})"
        lines += [line + ".", ""]
    if not findings:
        lines += [f"✅ {SUCCESS_LINE}.", ""]
        return "\n".join(lines) + "\n"
    counts = Counter(str(f.get("severity", "")) for f in findings)
    parts = [_plural(counts[s], s) for s in SEVERITIES]
    parts += [_plural(n, s) for s, n in sorted(counts.items()) if s not in SEVERITIES]
    icon = "❌" if exit_code else "⚠️"
    total = _plural(len(findings), "problem")
    verdict = "failing" if exit_code else "not failing"
    lines += [
        f"{icon} **{total}** ({', '.join(parts)}); fail level `{fail_level}`: {verdict}.",
        "",
        "| Location | Severity | Rule | Message |",
        "|---|---|---|---|",
    ]
    for f in findings[:MAX_ROWS]:
        location = f"{f.get('path', '')}:{f.get('line', '')}"
        rule = f"{f.get('code', '')} {f.get('name', '')}".strip()
        lines.append(
            f"| {_cell(location)} | {_cell(f.get('severity', ''))} | {_cell(rule)} "
            f"| {_cell(f.get('message', ''))} |"
        )
    if len(findings) > MAX_ROWS:
        lines += ["", f"… and {len(findings) - MAX_ROWS} more."]
    lines.append("")
    return "\n".join(lines) + "\n"


def _append_summary(text: str, env: Mapping[str, str]) -> None:
    target = env.get("GITHUB_STEP_SUMMARY", "")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)


def _report_json(
    fail_level: str, args: Sequence[str], paths: Sequence[str]
) -> dict[str, Any] | None:
    """okrlint's json-report (findings and scores), or None when okrlint failed. Its messages
    on standard error were already printed by the annotation run: not printed twice."""
    cmd = okrlint_command("json-report", fail_level, [*args, "--exit-zero"], paths)
    proc = subprocess.run(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        return None
    try:
        data = json.loads(proc.stdout or "{}")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def main(env: Mapping[str, str] | None = None) -> int:
    """Run the action with the inputs in ``env`` (default: the process environment).

    Returns the exit code of the annotation run (0, 1 or 2).
    """
    env = os.environ if env is None else env
    try:
        paths = shlex.split(env.get("INPUT_PATHS", "")) or ["."]
        args = shlex.split(env.get("INPUT_ARGS", ""))
    except ValueError as exc:
        print(f"::error title=okrlint::cannot parse the paths or args input: {exc}", flush=True)
        return EXIT_ERROR
    fail_level = env.get("INPUT_FAIL_LEVEL", "").strip().lower() or "warning"
    if fail_level not in FAIL_LEVELS:
        allowed = ", ".join(FAIL_LEVELS)
        print(
            f"::error title=okrlint::fail-level must be one of {allowed}, not '{fail_level}'",
            flush=True,
        )
        return EXIT_ERROR
    sarif_file = env.get("INPUT_SARIF_FILE", "").strip()
    min_score_text = env.get("INPUT_MIN_SCORE", "").strip()
    min_score: float | None = None
    if min_score_text:
        try:
            min_score = float(min_score_text)
        except ValueError:
            min_score = -1.0
        if not 0 <= min_score <= 100:
            from okrlint.formats.github import github_escape_data

            print(
                "::error title=okrlint::min-score must be a number from 0 to 100, "
                f"not '{github_escape_data(min_score_text)}'",
                flush=True,
            )
            return EXIT_ERROR
        args = [*args, "--min-score", f"{min_score:g}"]

    sys.stdout.flush()
    code = subprocess.run(
        okrlint_command("github", fail_level, args, paths), check=False
    ).returncode

    if code == EXIT_ERROR:
        _append_summary(
            f"## okrlint\n\n❌ okrlint could not run (exit code {code}): see the step's log.\n\n",
            env,
        )
        return code

    if sarif_file:
        Path(sarif_file).parent.mkdir(parents=True, exist_ok=True)
        sarif_args = [*args, "--output-file", sarif_file, "--exit-zero"]
        sarif = subprocess.run(
            okrlint_command("sarif", fail_level, sarif_args, paths),
            stderr=subprocess.DEVNULL,
            check=False,
        )
        if sarif.returncode != 0:
            print(f"::error title=okrlint::could not write the SARIF file {sarif_file}", flush=True)
            return EXIT_ERROR

    if env.get("GITHUB_STEP_SUMMARY"):
        report = _report_json(fail_level, args, paths)
        if report is None:
            _append_summary("## okrlint\n\n⚠️ The findings could not be summarized.\n\n", env)
        else:
            findings = report.get("findings") or []
            score = report.get("score")
            _append_summary(
                summary_markdown(findings, code, fail_level, score, report.get("tier"), min_score),
                env,
            )
    return code


if __name__ == "__main__":
    sys.exit(main())
