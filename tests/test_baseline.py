"""Adopting okrlint on existing OKRs: --write-baseline and --baseline."""

from __future__ import annotations

import json
from pathlib import Path

OLD = (
    "---\ncycle: 2026-Q3\n---\n## Objective: Make onboarding feel effortless\n"
    "- Launch the new onboarding flow\n- Improve performance\n"
)


def test_baseline_hides_known_findings_and_survives_moved_lines(okrlint, tmp_path) -> None:
    okrs = tmp_path / "okrs.md"
    okrs.write_text(OLD)
    baseline = tmp_path / "okrlint-baseline.json"
    first = okrlint(str(okrs), "--write-baseline", str(baseline), "--format", "json")
    assert first.exit_code == 0
    assert first.stdout == ""
    assert f"wrote 2 finding(s) to {baseline}" in first.stderr
    data = json.loads(baseline.read_text())
    assert len(data["findings"]) == 2
    assert all(len(item["fingerprint"]) == 32 for item in data["findings"])

    # Lines move (a new intro, a new key result above) but the old statements are unchanged.
    moved = OLD.replace("---\n## Objective", "---\n# Team OKRs\n\nSome intro.\n\n## Objective")
    moved = moved.replace("- Launch", "- Raise CSAT from 4.0 to 4.5 out of 5\n- Launch")
    okrs.write_text(moved)
    run = okrlint(str(okrs), "--baseline", str(baseline), "--format", "json")
    assert run.json() == []
    assert run.exit_code == 0
    assert "2 known finding(s) hidden by the baseline" in run.stderr

    # A changed statement is a new finding.
    okrs.write_text(moved.replace("Improve performance", "Launch the status page"))
    run = okrlint(str(okrs), "--baseline", str(baseline), "--format", "json")
    assert [f["text"] for f in run.json()] == ["Launch the status page"]
    assert run.exit_code == 1


def test_missing_or_bad_baseline_is_a_usage_error(okrlint, tmp_path) -> None:
    okrs = tmp_path / "okrs.md"
    okrs.write_text(OLD)
    run = okrlint(str(okrs), "--baseline", str(tmp_path / "nope.json"))
    assert run.exit_code == 2
    assert "does not exist" in run.stderr
    (tmp_path / "bad.json").write_text("[1, 2]")
    run = okrlint(str(okrs), "--baseline", str(tmp_path / "bad.json"))
    assert run.exit_code == 2
    assert "not an okrlint baseline" in run.stderr


def test_statistics_and_output_file(okrlint, tmp_path) -> None:
    okrs = tmp_path / "okrs.md"
    okrs.write_text(OLD)
    out = tmp_path / "report.json"
    run = okrlint(str(okrs), "--format", "json", "-o", str(out), "--statistics")
    assert run.exit_code == 1
    assert len(json.loads(out.read_text())) == 2
    assert "    1  OKR301  kr-is-task (warning)" in run.stdout + run.stderr
    assert Path(out).read_text().startswith("[")


def test_fingerprints_do_not_depend_on_the_date_or_how_the_path_is_typed(
    okrlint, tmp_path, monkeypatch
) -> None:
    (tmp_path / ".git").mkdir()
    okrs = tmp_path / "okrs" / "team.md"
    okrs.parent.mkdir()
    okrs.write_text(OLD.replace("cycle: 2026-Q3", "cycle: 2026-Q3\nupdated: 2026-10-01"))
    prints = []
    for today, where, name in (
        ("2026-11-01", tmp_path, "okrs/team.md"),
        ("2026-11-20", tmp_path, "./okrs/team.md"),
        ("2026-12-01", tmp_path / "okrs", str(okrs)),
        ("2026-12-01", tmp_path / "okrs", "team.md"),
    ):
        monkeypatch.chdir(where)
        out = okrlint(name, "--format", "json-lines", "--today", today, "--select", "ALL")
        rows = [json.loads(line) for line in out.stdout.splitlines()]
        assert any(r["code"] == "OKR403" for r in rows)
        prints.append(sorted((r["code"], r["fingerprint"]) for r in rows))
    assert prints[0] == prints[1] == prints[2] == prints[3]
