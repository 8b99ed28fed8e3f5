"""Regression tests for what the hostile-input work found (fuzz/README.md lists each finding
with the test that keeps it fixed)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.engine import Settings, lint
from okrlint.readers import read_bytes, read_text
from okrlint.readers.decorations import (
    _BRACKET_TAIL,
    _HANDLE_TAIL,
    bracket_tail,
    clean,
    handle_tail,
)
from okrlint.readers.limits import MAX_STATEMENT_CHARS
from okrlint.registry import default_registry

REGISTRY = default_registry()
ALL = Settings(registry=REGISTRY, selected=frozenset(r.code for r in REGISTRY.rules))
TAIL_TEXT = st.text(alphabet=" \t[]AZp1?a@,.-x_é", max_size=24)


def _fast(seconds: float, fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args)
    assert time.perf_counter() - start < seconds
    return out


# ------------------------------------------------------------------ quadratic statement tails


@settings(max_examples=3_000, deadline=None, derandomize=True, database=None)
@given(TAIL_TEXT)
def test_tails_matched_backwards_agree_with_the_patterns(text: str) -> None:
    """The tag and handle tails are matched on the reversed text (linear); they must find
    exactly what the forward patterns find."""
    m = _BRACKET_TAIL.search(text)
    assert bracket_tail(text) == (m.start() if m else None)
    m = _HANDLE_TAIL.search(text)
    assert handle_tail(text) == ((m.start(), m.group("h")) if m else None)


@pytest.mark.parametrize(
    "line",
    [
        "Ship " + "[A]" * 30_000 + " x",  # was 1.8 s per search, searched up to 8 times
        "Hire " + "@a " * 30_000 + "x",
        "Grow" + "\t" * 100_000 + "x",  # every "\s*..." tail rescanned the run
        "Grow" + "\u00a0" * 100_000 + "- current: 5 x",
    ],
)
def test_clean_is_linear_on_long_lines(line: str) -> None:
    cleaned = _fast(1.0, clean, line)
    assert cleaned.text.startswith(("Ship", "Hire", "Grow"))


def test_tails_still_become_metadata() -> None:
    cl = clean("Increase NPS from 30 to 45 [P1] [Q3] @ann, @bob")
    assert cl.text == "Increase NPS from 30 to 45"
    assert cl.metadata["owner"] == "@ann @bob"
    assert cl.metadata["priority"] == "P1"
    assert cl.metadata["tags"] == "Q3"


def test_unclosed_html_comments_are_scanned_once() -> None:
    text = "## Objective: Grow revenue\n\n- KR: Increase MRR from 1 to 2\n" + "<!--" * 500_000
    doc = _fast(2.0, read_text, "okrs.md", text)
    assert doc.has_okrs


def test_okrlint_comments_are_all_kept_others_up_to_the_limit() -> None:
    text = "<!-- note -->\n" * 6_000 + "<!-- okrlint-disable-file -->\n## Objective: Grow\n"
    doc = read_text("okrs.md", text)
    assert any(c.text == "okrlint-disable-file" for c in doc.comments)
    assert len(doc.comments) == 5_001


# ------------------------------------------------------------------ positions


@pytest.mark.parametrize("data", [b"[", b"objectives:\n  - objective: [x", b"a: 'open"])
def test_yaml_end_of_input_problem_is_inside_the_file(data: bytes) -> None:
    """Found by hypothesis: PyYAML marks "end of input" on the line after a last line with
    no newline."""
    doc = read_bytes("okrs.yaml", data)
    lines = data.decode().split("\n")
    (problem,) = doc.problems
    assert problem.span.line <= len(lines)
    assert problem.span.column <= len(lines[problem.span.line - 1]) + 1


@pytest.mark.parametrize("sep", ["\x85", "\u2028", "\u2029"])
def test_yaml_positions_with_unicode_line_separators(sep: str) -> None:
    """Found by hypothesis (fuzz profile): PyYAML counts NEL, LS and PS as line breaks, okrlint
    and editors do not; findings pointed at the wrong line, past its end."""
    text = f"objective:\n- '{sep}  '\nobjectives:\n- 'Grow{sep} revenue'\n- null\n"
    doc = read_text("okrs.yaml", text)
    lines = text.split("\n")
    findings = lint(doc, ALL)
    assert findings
    for f in findings:
        assert f.end_line <= len(lines)
        assert f.column <= len(lines[f.line - 1]) + 1
        assert f.end_column <= len(lines[f.end_line - 1]) + 1
    grow = next(o for o in doc.objectives() if o.text.startswith("Grow"))
    assert (grow.span.line, grow.span.column) == (4, 3)


def test_front_matter_duplicate_after_a_line_separator() -> None:
    text = "---\ntitle: 'a\u2028b'\ncycle: Q3\ncycle: Q4\n---\n## Objective: Grow\n"
    (problem,) = read_text("okrs.md", text).problems
    assert (problem.span.line, problem.span.column) == (4, 1)


def test_invalid_utf8_column_counts_characters() -> None:
    doc = read_bytes("okrs.md", "# Café ☕ ".encode() + b"\xff\n")
    assert (doc.problems[0].span.line, doc.problems[0].span.column) == (1, 10)


def test_nul_position_with_crlf_line_endings() -> None:
    doc = read_bytes("okrs.md", b"# OKRs\r\n\r\nab\x00")
    assert (doc.problems[0].span.line, doc.problems[0].span.column) == (3, 3)
    assert "offset 12" in doc.problems[0].message


# ------------------------------------------------------------------ statements and limits


def test_statement_at_the_limit_is_linted_one_over_is_reported() -> None:
    ok = "Increase " + "x" * (MAX_STATEMENT_CHARS - len("Increase "))
    over = ok + "y"
    text = f"## Objective: Grow revenue\n\n- KR1: {ok}\n- KR2: {over}\n- KR3: Launch it\n"
    doc = read_text("okrs.md", text)
    assert [len(k.text) for k in doc.key_results()] == [MAX_STATEMENT_CHARS, 9]
    (problem,) = doc.problems
    assert (problem.span.line, problem.span.column) == (4, 3)
    assert "1,001 characters long" in problem.message
    # Before the limit, spaCy refused texts over 1,000,000 characters (E088: exit 2).
    lint(doc, ALL)


def test_objective_too_long_is_dropped_with_its_key_results() -> None:
    text = (
        "## Objective: " + "Sell " * 300 + "\n\n- KR: Increase bookings from $1M to $2M\n\n"
        "## Objective: Keep customers\n\n- KR: Cut churn from 5% to 3%\n"
    )
    doc = read_text("okrs.md", text)
    assert [o.text for o in doc.objectives()] == ["Keep customers"]
    assert [k.text for k in doc.key_results()] == ["Cut churn from 5% to 3%"]
    (problem,) = doc.problems
    assert "this objective is 1,499 characters long" in problem.message
    assert (problem.span.line, problem.span.column) == (1, 4)


def test_objective_too_long_moves_its_children_up() -> None:
    from okrlint.model import Objective, OkrDocument, OkrSet, Span
    from okrlint.readers.limits import enforce

    top = Objective("Grow the company", Span.point(1))
    middle = Objective("x" * 2_000, Span.point(2), parent=top)
    bottom = Objective("Sell more", Span.point(3), parent=middle)
    top.children, middle.children = [middle], [bottom]
    doc = OkrDocument("okrs.md", "markdown")
    doc.sets.append(OkrSet(None, Span.point(1), objectives=[top, middle, bottom]))
    enforce(doc)
    assert list(doc.objectives()) == [top, bottom]
    assert bottom.parent is top
    assert top.children == [bottom]


def test_deep_but_allowed_lists_are_read() -> None:
    """45 levels of lists: under the nesting limit, read and linted."""
    nested = "".join("  " * i + f"- Item {i}\n" for i in range(45))
    text = "# OKRs\n\n## Objective: Grow revenue\n\n" + nested
    doc = _fast(2.0, read_text, "okrs.md", text)
    assert doc.has_okrs
    assert not doc.problems


def test_a_shared_alias_is_not_a_loop() -> None:
    text = (
        "base: &b {owner: '@ann'}\n"
        "objectives:\n"
        "  - objective: Grow revenue\n"
        "    meta: [*b, *b]\n"
        "    key_results: [Increase MRR from 1 to 2]\n"
        "  - objective: Keep customers\n"
        "    meta: *b\n"
        "    key_results: [Cut churn from 5% to 3%]\n"
    )
    doc = read_text("okrs.yaml", text)
    assert not doc.problems
    assert len(list(doc.objectives())) == 2


def test_front_matter_unsafe_tag_is_refused_and_not_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "ran"
    text = (
        f"---\ncycle: !!python/object/apply:os.system ['touch {marker}']\n---\n"
        "## Objective: Grow revenue\n\n- KR: Increase MRR from 1 to 2\n"
    )
    doc = read_text("okrs.md", text)
    assert "unsafe or unknown tag refused" in doc.problems[0].message
    assert not marker.exists()


def test_a_reader_bug_is_okr001_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import okrlint.readers.markdown as markdown

    def broken(path: str, source: str) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(markdown, "read_markdown", broken)
    doc = read_text("okrs.md", "# OKRs\n")
    (problem,) = doc.problems
    assert "internal error in the markdown reader: KeyError" in problem.message


def test_recursion_in_a_reader_is_okr001(monkeypatch: pytest.MonkeyPatch) -> None:
    import okrlint.readers.yamlreader as yamlreader

    def deep(path: str, source: str) -> None:
        raise RecursionError

    monkeypatch.setattr(yamlreader, "read_yaml", deep)
    (problem,) = read_text("okrs.yaml", "a: 1\n").problems
    assert "nested too deeply" in problem.message


@pytest.mark.parametrize(("count", "numbers"), [(9, 12), (40, 2), (2, 30), (300, 0)])
def test_number_dense_statements_stay_within_the_budget(count: int, numbers: int) -> None:
    """The analysis costs about (characters x numbers) per statement: the budget refuses a
    file before that gets long, whatever the mix (these are near the budget's edge)."""
    kr = "Increase " + " ".join(["1"] * (numbers * 30)) + " users"
    text = "## Objective: Count\n\n" + "".join(f"- KR: {kr}\n" for _ in range(count))
    doc = read_text("okrs.md", text)
    start = time.perf_counter()
    lint(doc, ALL)
    assert time.perf_counter() - start < 4.0


# ------------------------------------------------------------------ loaders (fuzz_loaders.py)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    return tmp_path


PACK_RULE = (
    "code: ACME001\nname: no-synergy\nseverity: warning\nscope: key_result\nextends: existence\n"
    "tokens: [synergy]\nsummary: s\nmessage: m\n"
)


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("examples: oops\n", "'examples' must be a mapping"),  # was AttributeError
        ("examples: {maybe: []}\n", "'examples' holds"),
        ("chain: [x]\n", "'chain' is"),  # was TypeError in the middle of linting
        ("chain: key_result\nchain_rank: first\n", "'chain_rank' is a whole number"),
        ("chain_rank: 2\n", "'chain_rank' is a whole number >= 0 beside 'chain'"),
        ("needs: [[1]]\n", "'needs' lists"),
        ("enabled: sometimes\n", "'enabled' is true or false"),
    ],
)
def test_a_rule_pack_value_of_the_wrong_shape_is_one_clear_error(
    okrlint, in_tmp, extra: str, said: str
) -> None:
    rules = in_tmp / "rules"
    rules.mkdir()
    (rules / "_pack.yaml").write_text("name: acme\nprefix: ACME\n", encoding="utf-8")
    (rules / "ACME001-x.yaml").write_text(PACK_RULE + extra, encoding="utf-8")
    (in_tmp / ".okrlint.yaml").write_text("rule-packs: [./rules]\n", encoding="utf-8")
    (in_tmp / "okrs.md").write_text("## Objective: Grow\n\n- KR1: synergy 10 users\n")
    run = okrlint("okrs.md")
    assert run.exit_code == 2
    assert said in run.stderr and "Traceback" not in run.stderr


def test_a_configuration_value_yaml_cannot_read_is_one_clear_error(okrlint, in_tmp) -> None:
    """PyYAML reads 2026-28-01 as a date and raised ValueError through the loader."""
    (in_tmp / ".okrlint.yaml").write_text("fail-level: error\nupdated: 2026-28-01\n")
    (in_tmp / "okrs.md").write_text("## Objective: Grow\n\n- KR1: Reach 10 users\n")
    run = okrlint("okrs.md")
    assert run.exit_code == 2
    assert "put it in quotes" in run.stderr and "Traceback" not in run.stderr
