"""Quality scores on the command line: summary lines, --min-score, the score: configuration."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

EXAMPLES = ROOT / "examples"
BAD = str(EXAMPLES / "okrs.md")
CLEAN = str(EXAMPLES / "clean.md")


def test_text_output_ends_with_each_files_score(okrlint) -> None:
    run = okrlint(BAD, CLEAN, "--no-cache")
    lines = run.stdout.strip().split("\n")
    assert lines[-3:-1] == [f"{BAD}: 31/100 Rewrite", f"{CLEAN}: 100/100 Strong"]
    assert lines[-1].startswith("Found ")
    # the same scores with the cache, cold and warm
    assert okrlint(BAD, CLEAN).stdout == run.stdout
    assert okrlint(BAD, CLEAN).stdout == run.stdout


def test_many_files_get_one_overall_line(okrlint, tmp_path) -> None:
    for i in range(12):
        (tmp_path / f"t{i}.md").write_text((EXAMPLES / "clean.md").read_text())
    lines = okrlint(str(tmp_path)).stdout.strip().split("\n")
    assert lines[-2].startswith("Score: 100/100 Strong (mean of 12 files")


def test_min_score_gates_on_the_score(okrlint) -> None:
    assert okrlint(CLEAN, "--min-score", "90").exit_code == 0
    errors = {
        f["code"] for f in okrlint(BAD, "--format", "json").json() if f["severity"] == "error"
    }
    only_warnings = ("--fail-level", "error", "--ignore", ",".join(sorted(errors)))
    assert okrlint(BAD, *only_warnings).exit_code == 0  # no finding at the fail level...
    run = okrlint(BAD, *only_warnings, "--min-score", "90")
    assert run.exit_code == 1  # ...but the score is below the gate
    assert "below --min-score 90" in run.stderr
    assert okrlint(BAD, *only_warnings, "--min-score", "10").exit_code == 0
    assert okrlint(BAD, "--min-score", "90", "--exit-zero").exit_code == 0


def test_score_configuration(okrlint, tmp_path) -> None:
    (tmp_path / ".git").mkdir()
    okrs = tmp_path / "okrs.md"
    okrs.write_text((EXAMPLES / "okrs.md").read_text())
    (tmp_path / ".okrlint.yaml").write_text(
        "score:\n  weights: {error: 10, warning: 5, info: 0}\nmin-score: 99\n"
    )
    run = okrlint(str(okrs))
    line = next(x for x in run.stdout.split("\n") if x.startswith(f"{okrs}:") and "/100" in x)
    assert int(line.split(": ")[1].split("/")[0]) > 13  # lighter weights, higher score
    assert "below --min-score 99" in run.stderr
    (tmp_path / ".okrlint.yaml").write_text("score:\n  weights: {warn: 5}\n")
    bad = okrlint(str(okrs))
    assert bad.exit_code == 2
    assert "unknown key 'warn' in score.weights (did you mean 'warning'?)" in bad.stderr
    assert ".okrlint.yaml:" in bad.stderr


def test_baseline_hides_findings_from_the_score_too(okrlint, tmp_path) -> None:
    base = str(tmp_path / "baseline.json")
    okrlint(BAD, "--write-baseline", base, "--exit-zero")
    run = okrlint(BAD, "--baseline", base)
    assert run.exit_code == 0
    assert f"{BAD}: 100/100 Strong" in run.stdout


def test_report_formats_through_the_cli(okrlint, tmp_path) -> None:
    md = okrlint(BAD, CLEAN, "--format", "markdown").stdout
    assert "31/100" in md and "100/100" in md
    out = Path(tmp_path / "report.html")
    okrlint(BAD, "--format", "html", "-o", str(out))
    assert out.read_text().startswith("<!DOCTYPE html>")
