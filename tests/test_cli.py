"""The command-line contract: outputs, exit codes, selection, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples"
JSON_KEYS = [
    "code",
    "name",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "item",
    "text",
]


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD = (
    "---\ncycle: 2026-Q3\n---\n# Support OKRs\n\n## Objective: Make getting help feel effortless\n"
    "- Raise CSAT from 4.0 to 4.5 out of 5\n- Cut median first response time from 6 hours to 1 hour\n"
)
BAD = (
    "---\ncycle: 2026-Q3\n---\n# Growth OKRs\n\n## Objective: Launch the new website\n"
    "- Launch the new onboarding flow\n- Improve performance\n"
)


def test_clean_file_prints_one_success_line_and_exits_0(okrlint, tmp_path) -> None:
    run = okrlint(write(tmp_path, "good.md", GOOD))
    assert run.exit_code == 0
    path = str(tmp_path / "good.md")
    assert run.stdout == (
        f"{path}: 100/100 Strong\nAll checks passed: 1 file, 1 objective, 2 key results.\n"
    )


def test_findings_text_format_and_summary(okrlint, tmp_path) -> None:
    path = write(tmp_path, "bad.md", BAD)
    run = okrlint(path)
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[0] == (
        f"{path}:6:4: warning OKR202 'Launch the new website' names an activity, not the change it "
        "should create: ask why it matters and write that (e.g. 'Make deploys boring and safe' "
        "instead of 'Migrate to Kubernetes'). [objective-is-task]"
    )
    assert lines[1].startswith(
        f"{path}:7:3: warning OKR301 'Launch the new onboarding flow' is a task"
    )
    assert lines[2].startswith(f"{path}:8:3: info OKR302 'Improve performance' has no number")
    assert lines[-1] == "Found 3 problems (0 errors, 2 warnings, 1 info)."
    assert "\x1b[" not in run.stdout  # no colour off a terminal


def test_json_format_fields_and_order(okrlint, tmp_path) -> None:
    b = write(tmp_path, "b.md", BAD)
    a = write(tmp_path, "a.md", BAD)
    run = okrlint(b, a, "--format", "json")
    data = run.json()
    assert run.exit_code == 1
    assert all(list(f) == JSON_KEYS for f in data)
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in data]
    assert keys == sorted(keys)
    assert data[0]["path"] == a
    kr = next(f for f in data if f["code"] == "OKR301")
    assert kr["item"] == "key_result"
    assert kr["text"] == "Launch the new onboarding flow"
    assert (kr["line"], kr["column"], kr["end_line"]) == (7, 3, 7)
    assert kr["end_column"] == 3 + len("Launch the new onboarding flow")


def test_deterministic_output(okrlint) -> None:
    first = okrlint(str(EXAMPLES), "--format", "json", "--today", "2026-11-22")
    second = okrlint(str(EXAMPLES), "--format", "json", "--today", "2026-11-22")
    assert first.stdout == second.stdout


def test_select_ignore_extend_select_by_code_name_and_prefix(okrlint, tmp_path) -> None:
    path = write(tmp_path, "bad.md", BAD)
    codes = lambda run: sorted({f["code"] for f in run.json()})  # noqa: E731
    assert codes(okrlint(path, "--format", "json", "--select", "OKR3")) == ["OKR301", "OKR302"]
    assert codes(okrlint(path, "--format", "json", "--select", "kr-is-task")) == ["OKR301"]
    assert "OKR301" not in codes(okrlint(path, "--format", "json", "--ignore", "OKR301,OKR202"))
    run = okrlint(
        path, "--format", "json", "--select", "OKR301", "--extend-select", "missing-owner"
    )
    assert codes(run) == ["OKR301", "OKR406"]


def test_unknown_selector_is_a_usage_error_with_suggestion(okrlint, tmp_path) -> None:
    run = okrlint(write(tmp_path, "bad.md", BAD), "--select", "kr-is-tsk")
    assert run.exit_code == 2
    assert "unknown rule selector 'kr-is-tsk'" in run.stderr
    assert "did you mean 'kr-is-task'" in run.stderr


def test_fail_level_and_exit_zero(okrlint, tmp_path) -> None:
    path = write(tmp_path, "bad.md", BAD)
    assert okrlint(path, "--fail-level", "error").exit_code == 0
    assert okrlint(path, "--fail-level", "warning").exit_code == 1
    assert okrlint(path, "--exit-zero").exit_code == 0


def test_missing_path_is_exit_2_naming_it(okrlint, tmp_path) -> None:
    run = okrlint(str(tmp_path / "nope.md"))
    assert run.exit_code == 2
    assert run.stderr.strip() == f"okrlint: error: path '{tmp_path / 'nope.md'}' does not exist"


def test_bad_today_and_no_paths_are_usage_errors(okrlint, tmp_path) -> None:
    assert okrlint("--today", "yesterday", write(tmp_path, "g.md", GOOD)).exit_code == 2
    assert okrlint().exit_code == 2


def test_explicit_file_without_okrs_is_okr002_but_not_in_a_directory_walk(
    okrlint, tmp_path
) -> None:
    readme = write(tmp_path, "README.md", "# Hello\n\nNothing to see.\n")
    run = okrlint(readme, "--format", "json")
    assert [f["code"] for f in run.json()] == ["OKR002"]
    run = okrlint(str(tmp_path), "--format", "json")
    assert run.json() == []
    run = okrlint(readme, "--format", "json", "--ignore-non-okr-files")
    assert run.json() == [] and run.exit_code == 0


def test_the_hook_is_quiet_on_yaml_that_is_not_okrs_even_when_it_cannot_be_read(
    okrlint, tmp_path
) -> None:
    files = [
        write(tmp_path, "stack.yaml", "Resources:\n  Bucket:\n    Name: !Ref BucketName\n"),
        write(tmp_path, "deploy.yaml", "spec:\n  replicas: {{ .Values.replicas }\n"),
        write(tmp_path, "hparams.yaml", "sizes: !!python/tuple [1, 2]\n"),
        # a page whose front matter is not YAML ("title: Goals: 2026" in a Jekyll site)
        write(tmp_path, "page.md", "---\ntitle: Goals: 2026\n---\n# Goals\n\nSome text.\n"),
    ]
    run = okrlint("--ignore-non-okr-files", "--format", "json", *files)
    assert run.json() == [] and run.exit_code == 0
    # Named on the command line, a file okrlint cannot read is still an error.
    for named in (files[1], files[3]):
        run = okrlint("--format", "json", named)
        assert "OKR001" in [f["code"] for f in run.json()] and run.exit_code == 1
    # past okrlint's limits (a lock file, a data dump): not read, and not reported unless named
    dump = write(tmp_path, "lock.yaml", "base: &b 1\nlist: [" + ", ".join(["*b"] * 1500) + "]\n")
    assert okrlint("--ignore-non-okr-files", "--format", "json", dump).json() == []
    assert [f["code"] for f in okrlint("--format", "json", dump).json()] == ["OKR001"]
    broken = write(tmp_path, "okrs.yaml", "okrs:\n  - objective: Grow\n    key_results: [a\n")
    run = okrlint("--ignore-non-okr-files", "--format", "json", broken)
    assert [f["code"] for f in run.json()] == ["OKR001"]


def test_the_hook_is_quiet_on_a_note_where_no_key_result_is_read(okrlint, tmp_path) -> None:
    # "OKR.md" in a notes vault: a definition read as one objective, nothing measured under it.
    note = write(
        tmp_path,
        "OKR.md",
        "目標：達成するもの。(e.g. プロダクトを黒字化する)\n主要成果：基準。(e.g. 売上を伸ばす)\n",
    )
    run = okrlint("--ignore-non-okr-files", "--format", "json", note)
    assert run.json() == [] and run.exit_code == 0
    assert okrlint("--format", "json", note).json()  # named: still linted


def test_the_hook_is_quiet_on_files_it_cannot_read_unless_their_name_says_okrs(
    okrlint, tmp_path
) -> None:
    # A Latin-1 README, a binary file named .md: not UTF-8 text, so not read. In the hook only
    # a file named like OKRs is reported; a walk over the folder reports them all.
    readme = tmp_path / "README.md"
    readme.write_bytes("# Café\n\nNotes françaises.\n".encode("latin-1"))
    (tmp_path / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    okrs = tmp_path / "okrs.md"
    okrs.write_bytes("# OKRs\n\n## Objective: Être rapide\n".encode("latin-1"))
    files = [str(readme), str(tmp_path / "logo.md"), str(okrs)]
    run = okrlint("--ignore-non-okr-files", "--format", "json", *files)
    assert [(Path(f["path"]).name, f["code"]) for f in run.json()] == [("okrs.md", "OKR001")]
    run = okrlint(str(tmp_path), "--format", "json")
    assert sorted(Path(f["path"]).name for f in run.json()) == ["README.md", "logo.md", "okrs.md"]


def test_parse_errors_are_findings_not_tracebacks(okrlint) -> None:
    run = okrlint(str(FIXTURES / "yaml" / "invalid.yaml"), "--format", "json")
    (f,) = run.json()
    assert f["code"] == "OKR001" and f["line"] == 4
    assert run.exit_code == 1


def test_stdin_with_filename(okrlint) -> None:
    run = okrlint("-", "--stdin-filename", "team/okrs.md", "--format", "json", input=BAD)
    data = run.json()
    assert data and all(f["path"] == "team/okrs.md" for f in data)
    run = okrlint("-", "--stdin-filename", "okrs.yaml", input="objectives: [\n")
    assert "OKR001" in run.stdout


def test_explain_and_list_rules(okrlint) -> None:
    run = okrlint("--explain", "kr-is-task")
    assert run.exit_code == 0
    assert run.stdout.startswith("# OKR301 kr-is-task")
    assert okrlint("--explain", "OKR303").stdout.startswith("# OKR303 kr-missing-baseline")
    bad = okrlint("--explain", "kr-is-tsk")
    assert bad.exit_code == 2 and "did you mean" in bad.stderr
    listing = okrlint("--list-rules")
    assert "OKR405  missing-alignment" in listing.stdout
    rules = okrlint("--list-rules", "--format", "json").json()
    assert {r["code"] for r in rules} >= {"OKR001", "OKR312", "OKR406"}
    assert next(r for r in rules if r["code"] == "OKR101")["options"] == {
        "max": 3,
        "max-individual": 2,
    }


def test_outline_text_and_json(okrlint) -> None:
    path = str(FIXTURES / "markdown" / "headings.md")
    text = okrlint("--outline", path).stdout
    assert "  set 'Growth team OKRs' (line 7)" in text
    assert "    objective (line 9): Make onboarding feel effortless" in text
    assert "        initiative (line 14): Redesign the welcome screen" in text
    data = okrlint("--outline", "--format", "json", path).json()
    (doc,) = data
    assert doc["path"] == path
    (s,) = doc["sets"]
    assert s["title"] == "Growth team OKRs" and s["line"] == 7
    assert s["metadata"]["cycle"] == "2026-Q3"
    obj = s["objectives"][0]
    assert obj["text"] == "Make onboarding feel effortless" and obj["line"] == 9
    kr = obj["key_results"][1]
    assert kr["initiatives"] == [
        {"text": "Redesign the welcome screen", "line": 14},
        {"text": "Add project templates", "line": 15},
    ]


def test_version(okrlint) -> None:
    from okrlint import __version__

    assert okrlint("--version").stdout.strip() == f"okrlint, version {__version__}"


def test_colour_only_when_asked_or_on_a_terminal(okrlint, tmp_path) -> None:
    path = write(tmp_path, "bad.md", BAD)
    assert "\x1b[" in okrlint(path, "--color").stdout
    assert "\x1b[" not in okrlint(path, "--color", "--no-color").stdout


@pytest.mark.slow
def test_console_script_exit_codes_for_real(tmp_path) -> None:
    """The installed entry point, in a subprocess: real exit codes, stderr, no traceback."""
    env = {**os.environ, "NO_COLOR": "1"}
    exe = [sys.executable, "-m", "okrlint"]
    ok = subprocess.run(
        [*exe, write(tmp_path, "g.md", GOOD)], capture_output=True, text=True, env=env
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [*exe, write(tmp_path, "b.md", BAD)], capture_output=True, text=True, env=env
    )
    assert bad.returncode == 1
    missing = subprocess.run(
        [*exe, str(tmp_path / "x.md")], capture_output=True, text=True, env=env
    )
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
    assert missing.stderr.startswith("okrlint: error:")


def test_readme_quick_start_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install -c constraints.txt -e ".[dev]" && okrlint examples/' in readme
    assert 'python -m pip install -c constraints.txt -e ".[dev]"' in ci
    assert "python -m pytest -q" in readme
    assert "python -m pytest -q" in ci


def test_examples_clean_file_is_clean(okrlint) -> None:
    run = okrlint(str(EXAMPLES / "clean.md"), "--format", "json", "--extend-select", "ALL")
    assert run.json() == []


def test_examples_bad_file_shows_many_rules(okrlint) -> None:
    run = okrlint(str(EXAMPLES / "okrs.md"), "--format", "json", "--today", "2026-11-22")
    codes = {f["code"] for f in run.json()}
    assert {"OKR101", "OKR104", "OKR108", "OKR201", "OKR301", "OKR303", "OKR401"} <= codes
    assert json.dumps(run.json())  # serialisable


def test_stale_review_reports_but_fails_only_when_selected_by_name(okrlint, tmp_path) -> None:
    okrs = tmp_path / "okrs.md"
    okrs.write_text(
        "---\ncycle: 2026-Q3\nupdated: 2026-01-01\n---\n# Team OKRs\n\n"
        "## Objective: Make onboarding effortless\n\n"
        "- KR1: Raise activation from 42% to 60% by end of Q3 2026\n"
        "- KR2: Cut time to first project from 18 to 8 minutes by end of Q3 2026\n",
        encoding="utf-8",
    )
    quiet = okrlint(str(okrs), "--today", "2026-12-01", "--format", "json", "--fail-level", "info")
    assert [f["code"] for f in quiet.json()] == ["OKR403"]
    assert quiet.exit_code == 0  # a date went by: not a reason to turn a pull request red
    gated = okrlint(
        str(okrs), "--today", "2026-12-01", "--fail-level", "info", "--extend-select", "OKR403"
    )
    assert gated.exit_code == 1


def test_quiet_and_min_severity(okrlint, tmp_path) -> None:
    okrs = write(tmp_path, "okrs.md", BAD)
    full = okrlint(str(okrs)).stdout.splitlines()
    quiet = okrlint(str(okrs), "--quiet").stdout.splitlines()
    assert quiet == [line for line in full if line.startswith(str(okrs) + ":") and " OKR" in line]
    assert not any(line.startswith("Found") for line in quiet)
    assert len(quiet) == 3
    errors = okrlint(str(okrs), "--quiet", "--min-severity", "error").stdout.splitlines()
    assert all(": error OKR" in line for line in errors)
    assert len(errors) < len(quiet)


def test_readme_rule_count_matches_the_registry() -> None:
    import re as _re

    from okrlint.registry import default_registry

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (count,) = _re.findall(r"^(\d+) rules; \[docs/rules.md\]", readme, _re.MULTILINE)
    assert int(count) == len(default_registry().rules)
    assert "RULES.md" not in readme  # the catalog is in ../shared, not in the repository


def test_one_run_prints_text_and_writes_reports(okrlint, tmp_path) -> None:
    import json as _json

    okrs = write(tmp_path, "okrs.md", BAD)
    gl, sarif = tmp_path / "gl.json", tmp_path / "o.sarif"
    run = okrlint(okrs, "--report", f"gitlab={gl}", "--report", f"sarif={sarif}")
    assert run.exit_code == 1
    assert " warning OKR301 " in run.stdout
    assert len(_json.loads(gl.read_text())) == 3
    assert _json.loads(sarif.read_text())["version"] == "2.1.0"
    bad = okrlint(okrs, "--report", "nope=x.json")
    assert bad.exit_code == 2 and "FORMAT=FILE" in bad.stderr


def test_yaml_on_standard_input_is_recognised_by_its_content(okrlint) -> None:
    text = "objectives:\n  - objective: Grow\n    key_results: [Launch the new onboarding flow]\n"
    run = okrlint("-", "--format", "json", input=text)
    assert any(f["code"] == "OKR301" for f in run.json())


def test_include_applies_to_files_named_by_the_hook(okrlint, tmp_path, monkeypatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".okrlint.yaml").write_text("include: ['okrs/**']\n")
    inside = tmp_path / "okrs" / "team.md"
    inside.parent.mkdir()
    inside.write_text(BAD)
    outside = tmp_path / "notes.md"
    outside.write_text(BAD)
    monkeypatch.chdir(tmp_path)
    run = okrlint("--ignore-non-okr-files", "--format", "json", "okrs/team.md", "notes.md")
    assert {f["path"] for f in run.json()} == {"okrs/team.md"}


def test_diff_base_keeps_findings_on_changed_lines_only(okrlint, tmp_path, monkeypatch) -> None:
    import shutil
    import subprocess as sp

    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def git(*args: str) -> None:
        sp.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "t")
    okrs = tmp_path / "okrs.md"
    okrs.write_text(BAD)
    git("add", "okrs.md")
    git("commit", "-q", "-m", "old OKRs")
    okrs.write_text(BAD + "- Write more blog posts\n")  # a new task key result
    monkeypatch.chdir(tmp_path)
    everything = okrlint("okrs.md", "--format", "json").json()
    changed = okrlint("okrs.md", "--format", "json", "--diff-base", "HEAD").json()
    assert len(everything) > len(changed) >= 1
    assert {f["text"] for f in changed} == {"Write more blog posts"}
    bad = okrlint("okrs.md", "--diff-base", "no-such-ref")
    assert bad.exit_code == 2 and "no-such-ref" in bad.stderr


def test_git_commit_is_read_from_the_repository_without_running_git(tmp_path: Path) -> None:
    from okrlint.files import git_commit

    one, two = "1" * 40, "2" * 40
    repo = tmp_path / "repo"
    (repo / ".git" / "refs" / "heads").mkdir(parents=True)
    (repo / "docs").mkdir()
    assert git_commit(repo / "docs") is None  # no HEAD yet
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / ".git" / "packed-refs").write_text(f"# pack-refs\n{two} refs/heads/main\n")
    assert git_commit(repo / "docs") == two
    (repo / ".git" / "refs" / "heads" / "main").write_text(one + "\n")
    assert git_commit(repo / "docs") == one  # a loose ref wins over the packed one
    (repo / ".git" / "HEAD").write_text(two + "\n")
    assert git_commit(repo) == two  # detached
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/../../../../etc/passwd\n")
    assert git_commit(repo) is None
    worktree = tmp_path / "wt"
    worktree.mkdir()
    (worktree / ".git").write_text(f"gitdir: {repo / '.git'}\n")
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert git_commit(worktree) == one
    assert git_commit(tmp_path) is None


def test_a_markdown_report_says_the_day_of_the_run(okrlint, tmp_path) -> None:
    okrs = tmp_path / "okrs.md"
    okrs.write_text("# OKRs\n\n## Objective: Delight users\n\n- KR: Raise NPS from 30 to 45\n")
    result = okrlint(str(okrs), "--format", "markdown", "--today", "2026-12-02")
    assert "<sub>Run on 2026-12-02" in result.stdout


def test_explain_names_the_guidance_a_rule_comes_from(okrlint) -> None:
    out = okrlint("--explain", "OKR301").stdout
    (source,) = [line for line in out.splitlines() if line.startswith("Source:")]
    assert '"OKRs: Definition, Goal Setting and Work Examples" (001: to-do lists)' in source
    assert "Source: 002" not in out
