"""Inline suppressions in Markdown and YAML comments."""

from __future__ import annotations

from pathlib import Path

HEAD = "---\ncycle: 2026-Q3\n---\n## Objective: Make onboarding feel effortless\n"


def lint_md(okrlint, tmp_path: Path, body: str, *args: str):
    path = tmp_path / "okrs.md"
    path.write_text(HEAD + body, encoding="utf-8")
    return okrlint(str(path), "--format", "json", *args).json()


def test_disable_next_line_by_name_and_code(okrlint, tmp_path) -> None:
    body = (
        "<!-- okrlint-disable-next-line kr-is-task -->\n"
        "- Launch the new onboarding flow\n"
        "- Ship the new docs site\n"
        "<!-- okrlint-disable-next-line OKR302 -->\n"
        "- Improve performance\n"
    )
    data = lint_md(okrlint, tmp_path, body)
    assert [(f["code"], f["line"]) for f in data] == [("OKR301", 7)]


def test_disable_enable_range_and_all_rules(okrlint, tmp_path) -> None:
    body = (
        "<!-- okrlint-disable -->\n"
        "- Launch the new onboarding flow\n"
        "- Improve performance\n"
        "<!-- okrlint-enable -->\n"
        "- Ship the new docs site\n"
    )
    data = lint_md(okrlint, tmp_path, body)
    assert [(f["code"], f["line"]) for f in data] == [("OKR301", 9)]


def test_disable_line_and_disable_file(okrlint, tmp_path) -> None:
    body = "- Launch the new onboarding flow <!-- okrlint-disable-line kr-is-task -->\n- Improve performance\n"
    assert [f["code"] for f in lint_md(okrlint, tmp_path, body)] == ["OKR302"]
    body = "<!-- okrlint-disable-file OKR3 -->\n- Launch the new onboarding flow\n- Improve performance\n"
    assert lint_md(okrlint, tmp_path, body) == []


def test_unknown_rule_in_a_suppression_is_okr003(okrlint, tmp_path) -> None:
    body = "<!-- okrlint-disable-next-line kr-is-tsk -->\n- Launch the new onboarding flow\n- Ship the new docs\n"
    data = lint_md(okrlint, tmp_path, body)
    invalid = [f for f in data if f["code"] == "OKR003"]
    assert len(invalid) == 1
    assert invalid[0]["line"] == 5
    assert "did you mean 'kr-is-task'" in invalid[0]["message"]


def test_unused_suppression_is_okr004_when_selected(okrlint, tmp_path) -> None:
    body = "<!-- okrlint-disable-next-line kr-is-task -->\n- Raise CSAT from 4.0 to 4.5 out of 5\n- Cut response time from 6 to 2 hours\n"
    assert lint_md(okrlint, tmp_path, body) == []
    data = lint_md(okrlint, tmp_path, body, "--extend-select", "OKR004")
    assert [(f["code"], f["line"]) for f in data] == [("OKR004", 5)]


def test_no_inline_config_ignores_comments(okrlint, tmp_path) -> None:
    body = (
        "- Raise CSAT from 4.0 to 4.5 out of 5\n<!-- okrlint-disable -->\n"
        "- Launch the new onboarding flow\n- Ship the new docs site\n"
    )
    assert lint_md(okrlint, tmp_path, body) == []
    data = lint_md(okrlint, tmp_path, body, "--no-inline-config")
    assert [f["code"] for f in data] == ["OKR301", "OKR301"]


def test_yaml_comments(okrlint, tmp_path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "cycle: 2026-Q3\nobjectives:\n  - objective: Make onboarding feel effortless\n"
        "    key_results:\n"
        "      # okrlint-disable-next-line kr-is-task\n"
        "      - Launch the new onboarding flow\n"
        "      - Ship the new docs site  # okrlint-disable-line OKR301\n"
        "      - Improve performance\n"
    )
    data = okrlint(str(path), "--format", "json").json()
    assert [(f["code"], f["line"]) for f in data] == [("OKR302", 8)]
