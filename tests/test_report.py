"""The reports for people: markdown, html and json-report, built from real documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from okrlint.engine import Finding, Settings, lint
from okrlint.formats import FORMAT_NAMES, FORMATS, Report, render
from okrlint.model import OkrDocument
from okrlint.readers import read_text
from okrlint.registry import RULES_DOC_URL, default_registry
from okrlint.report.base import fix_hint, md_escape
from okrlint.report.html import render_html
from okrlint.report.jsonreport import render_json_report
from okrlint.report.markdown import render_markdown
from okrlint.report.score import score_documents

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
NEW_FORMATS = ("markdown", "html", "json-report")

GOOD = """\
# Support team OKRs 2026-Q3

## Objective: Make getting help feel effortless

- KR1: Raise CSAT from 4.0 to 4.5 out of 5
- KR2: Launch the new onboarding flow
"""

# Statements with characters Markdown and HTML act on (YAML keeps them as written; the
# Markdown reader drops inline HTML).
TRICKY = """\
cycle: 2026-Q3
owner: "Growth | <team>"
objectives:
  - objective: "Make *onboarding* <b>feel</b> effortless & fast"
    key_results:
      - Increase activation rate from 42% to 60%
      - "Launch the <script>alert(1)</script> | flow"
      - Reduce time to first project to 8 minutes
"""


def settings() -> Settings:
    registry = default_registry()
    return Settings(
        registry=registry,
        selected=frozenset(r.code for r in registry.rules if r.enabled),
        today=TODAY,
    )


def build(*files: tuple[str, str]) -> tuple[list[OkrDocument], list[Finding]]:
    docs: list[OkrDocument] = []
    findings: list[Finding] = []
    for path, text in files:
        fmt = "yaml" if path.endswith(".yaml") else "markdown"
        doc = read_text(path, text, fmt)
        docs.append(doc)
        findings.extend(lint(doc, settings()))
    findings.sort(key=Finding.sort_key)
    return docs, findings


def make_report(*files: tuple[str, str], scores: object = None) -> Report:
    docs, findings = build(*files)
    stats = {
        "files": len(docs),
        "objectives": sum(1 for d in docs for _ in d.objectives()),
        "key_results": sum(1 for d in docs for _ in d.key_results()),
    }
    return Report(findings, default_registry(), stats, docs=docs, scores=scores)


def examples() -> list[tuple[str, str]]:
    return [
        (f"examples/{name}", (ROOT / "examples" / name).read_text(encoding="utf-8"))
        for name in ("clean.md", "okrs.md", "okrs.yaml")
    ]


# Registry ---------------------------------------------------------------------------------


def test_formats_are_registered() -> None:
    for name in NEW_FORMATS:
        assert name in FORMAT_NAMES
    report = Report([], default_registry())
    assert FORMATS["markdown"](report) == render_markdown(report)
    assert FORMATS["html"](report) == render_html(report)
    assert FORMATS["json-report"](report) == render_json_report(report)


def test_report_defaults_keep_old_callers_working() -> None:
    report = Report([], default_registry())
    assert (tuple(report.docs), report.scores) == ((), None)


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_deterministic(name: str) -> None:
    assert render(name, make_report(*examples())) == render(name, make_report(*examples()))


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_findings_without_documents(name: str) -> None:
    """Without documents (only findings), the findings are listed per file with no score."""
    report = make_report(*examples())
    bare = Report(report.findings, report.registry, report.stats)
    out = render(name, bare)
    if name == "json-report":
        data = json.loads(out)
        assert [f["score"] for f in data["files"]] == [None, None]
        assert data["score"] is None
        assert data["findings"] == [f.as_json() for f in report.findings]
    else:
        assert "no score" in out
        for f in report.findings:
            assert str(f.line) in out


# Markdown ---------------------------------------------------------------------------------


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of every table row (header and separator rows left out)."""
    rows = []
    for line in markdown.splitlines():
        if not line.startswith("| ") or line.startswith(("| Line |", "| File |")):
            continue
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        rows.append([c.strip() for c in cells])
    return rows


def test_markdown_structure() -> None:
    out = render_markdown(make_report(("okrs.md", GOOD)))
    lines = out.splitlines()
    assert lines[0] == "## okrlint report"
    assert "**Overall score: 85/100 🟢 Strong**" in lines
    assert (
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file, 1 objective, 2 key results."
        in lines
    )
    assert "### okrs.md: 85/100 🟢 Strong" in lines
    assert "#### Support team OKRs 2026-Q3: 85/100 🟢 Strong" in lines
    assert "**85/100 🟢 Strong** · Objective (line 3): Make getting help feel effortless" in lines
    assert "2 key results, 1 with problems." in lines
    assert "| Line | Severity | Rule | Problem | How to fix |" in lines
    rule = default_registry().get("OKR301")
    assert rule is not None
    (row,) = [r for r in table_rows(out) if len(r) == 5]
    assert row[:3] == ["6", "warning", f"[OKR301]({rule.help_uri}) `kr-is-task`"]
    assert "'Launch the new onboarding flow' is a task" in row[3]
    assert row[4] == md_escape(fix_hint(default_registry(), "OKR301"))
    assert row[4].startswith("Ask what the task should change")
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_markdown_summary_table() -> None:
    out = render_markdown(make_report(*examples()))
    assert "| File | Score | Objectives | Problems |" in out
    assert "| examples/clean.md | 100/100 🟢 Strong | 2 | 0 |" in out
    assert "| examples/okrs.md | 31/100 🔴 Rewrite | 4 | 17 |" in out
    assert "| examples/okrs.yaml | 90/100 🟢 Strong | 1 | 1 |" in out
    assert "**Overall score: 73/100 🔵 Good**" in out
    # One table row per finding, each with its five cells.
    rows = [r for r in table_rows(out) if len(r) == 5]
    assert len(rows) == len(make_report(*examples()).findings)
    # The set-level findings are under the set, before its objectives.
    assert out.index("**Set**") < out.index("Objective (line 11)")
    assert "No key results." in out  # 'Improve metrics'


def test_markdown_escaping() -> None:
    report = make_report(("okrs.yaml", TRICKY))
    out = render_markdown(report)
    assert "<script>" not in out and "<b>" not in out
    assert "\\<script\\>alert(1)\\</script\\> \\| flow" in out
    assert "### okrs.yaml: 73/100 🔵 Good" in out  # 100 - (0 + 60 + 20) / 3
    assert "#### Growth \\| \\<team\\>: 73/100 🔵 Good" in out
    assert "Make \\*onboarding\\* \\<b\\>feel\\</b\\> effortless \\& fast" in out
    # Every table row keeps exactly five cells whatever the message holds.
    for row in table_rows(out):
        assert len(row) in (4, 5), row


def test_md_escape() -> None:
    assert md_escape("a | b") == "a \\| b"
    assert md_escape("<x> & *y* _z_ [l](u) ~s~ \\") == (
        "\\<x\\> \\& \\*y\\* \\_z\\_ \\[l\\](u) \\~s\\~ \\\\"
    )
    assert md_escape("use `a|b` here\nnext") == "use `a\\|b` here next"
    assert md_escape("one ` tick") == "one \\` tick"


def test_markdown_with_a_message_holding_pipes_and_newlines() -> None:
    report = make_report(("okrs.md", GOOD))
    f = dataclasses.replace(report.findings[0], message="a | b\nc <d>")
    out = render_markdown(Report([f], report.registry, report.stats, docs=report.docs))
    assert "| a \\| b c \\<d\\> |" in out


def test_markdown_when_everything_passes() -> None:
    report = make_report(("examples/clean.md", examples()[0][1]))
    out = render_markdown(report)
    assert "All checks passed in 1 file, 2 objectives, 5 key results." in out
    assert "| Line |" not in out
    assert out.count("key results, none with problems.") == 2


def test_markdown_empty_report() -> None:
    out = render_markdown(Report([], default_registry(), {"files": 0}))
    assert out.startswith("## okrlint report\n")
    assert "All checks passed in 0 files" in out


# HTML -------------------------------------------------------------------------------------

VOID = {"meta", "br", "img", "hr", "input", "link", "source", "wbr", "col", "area", "base"}


class Page(HTMLParser):
    """Collects what the tests look at, and checks that tags are balanced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]} open")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def with_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and cls in (a.get("class") or "").split()]

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(out: str) -> Page:
    page = Page()
    page.feed(out)
    page.close()
    return page


def test_html_is_self_contained() -> None:
    out = render_html(make_report(*examples()))
    page = parse(out)
    assert page.errors == []
    assert page.stack == []
    assert out.startswith("<!DOCTYPE html>")
    tags = [t for t, _ in page.tags]
    assert "link" not in tags
    assert "<script src" not in out and "script" not in tags
    assert "@import" not in out and "url(" not in out
    docs_links = 0
    for tag, attrs in page.tags:
        for key in ("src", "href", "action", "srcset", "data"):
            value = attrs.get(key)
            if value is None:
                continue
            if tag == "a" and key == "href" and value.startswith(RULES_DOC_URL + "#okr"):
                docs_links += 1  # a rule's code links to its docs: a link, nothing loaded
                continue
            assert not re.match(r"(?i)\s*(https?:|//|data:|javascript:)", value), (tag, value)
            assert value.startswith("#"), (tag, value)
    assert docs_links > 0
    assert "http://" not in out
    assert out.count("https://") == docs_links
    assert tags.count("style") == 1
    assert any(t == "meta" and a.get("charset") == "utf-8" for t, a in page.tags)
    assert "@media print" in out


def test_html_cards_and_badges() -> None:
    report = make_report(*examples())
    out = render_html(report)
    page = parse(out)
    docs = list(report.docs)
    objectives = [o for d in docs for o in d.objectives()]
    assert len(page.with_class("article", "objective")) == len(objectives) == 7
    assert len(page.with_class("section", "set")) == 3
    assert len(page.with_class("section", "file")) == 3
    # Each objective's text, and its key results with their lines.
    text = page.all_text
    for o in objectives:
        assert o.text in text
        for kr in o.key_results:
            assert kr.text in text
    krs = [k for d in docs for k in d.key_results()]
    assert len(page.with_class("li", "kr")) == len(krs)
    # Score badges coloured by tier.
    assert "73 /100 Good" in text  # the overall dial
    assert "31 /100 · Rewrite" in text or "31/100 · Rewrite" in text
    badges = page.with_class("span", "score")
    classes = {c for a in badges for c in (a.get("class") or "").split() if c.startswith("t-")}
    assert classes == {"t-strong", "t-good", "t-rewrite"}
    assert "<b>82</b>/100 · Good</span>" in out
    assert "<b>90</b>/100 · Strong</span>" in out
    # Set-level and file-level findings are shown, and each finding once.
    findings = report.findings
    assert len(page.with_class("li", "finding")) == len(findings)
    for f in findings:
        assert html.escape(f.message, quote=True) in out
    assert "About the whole set" in text


def test_html_chart_of_findings_per_rule() -> None:
    report = make_report(*examples())
    page = parse(render_html(report))
    labels = [a for t, a in page.tags if t == "span" and a.get("class") == "label"]
    assert len(labels) == len({f.code for f in report.findings})
    widths = [a.get("style") for a in page.with_class("span", "fill")]
    assert widths[0] == "width:100.0%"  # the most frequent rule (kr-is-task, 3 times)
    assert "width:33.3%" in widths


def test_html_escapes_everything() -> None:
    report = make_report(("okrs.yaml", TRICKY))
    out = render_html(report)
    assert "<script>" not in out and "<b>feel</b>" not in out
    page = parse(out)
    assert page.errors == []
    assert "script" not in [t for t, _ in page.tags]
    text = page.all_text
    assert "Launch the <script>alert(1)</script> | flow" in text
    assert "Make *onboarding* <b>feel</b> effortless & fast" in text
    assert "Growth | <team>" in text
    for f in report.findings:
        assert html.escape(f.message, quote=True) in out
        assert f.message in text or "`" in f.message


def test_html_fix_hints_and_severity_badges() -> None:
    report = make_report(("okrs.md", GOOD))
    page = parse(render_html(report))
    text = page.all_text
    assert "Fix: Ask what the task should change" in text
    assert len(page.with_class("span", "sev")) == 1
    assert page.with_class("li", "s-warning")
    assert "85 /100 Strong" in text


def test_html_without_findings_or_documents() -> None:
    out = render_html(Report([], default_registry(), {"files": 0}))
    page = parse(out)
    assert page.errors == [] and page.stack == []
    assert "All checks passed" in page.all_text
    assert "no score" in page.all_text


# JSON report ------------------------------------------------------------------------------


def test_json_report_shape() -> None:
    report = make_report(*examples())
    data = json.loads(render_json_report(report))
    assert list(data) == [
        "version",
        "date",
        "commit",
        "score",
        "tier",
        "scoring",
        "files",
        "findings",
    ]
    assert (data["date"], data["commit"]) == (None, None)  # not given: not invented
    assert data["version"] == 1
    assert (data["score"], data["tier"]) == (73.8, "Good")
    assert data["scoring"] == {
        "weights": {"error": 60, "warning": 30, "info": 20},
        "tiers": {"rework": 50, "good": 70, "strong": 85},
    }
    assert [(f["path"], f["score"], f["tier"]) for f in data["files"]] == [
        ("examples/clean.md", 100.0, "Strong"),
        ("examples/okrs.md", 31.5, "Rewrite"),
        ("examples/okrs.yaml", 90.0, "Strong"),
    ]
    okrs = data["files"][1]
    (growth,) = okrs["sets"]
    assert list(growth) == ["title", "line", "score", "tier", "objectives"]
    assert (growth["title"], growth["line"], growth["score"]) == ("Growth team OKRs", 7, 31.5)
    assert growth["objectives"][0] == {
        "text": "Make onboarding feel effortless for new teams",
        "line": 11,
        "score": 82.5,
        "tier": "Good",
    }
    assert data["files"][2]["sets"][0]["title"] is None
    # The findings exactly as --format json gives them.
    assert data["findings"] == json.loads(render("json", report))
    assert data["findings"] == [f.as_json() for f in report.findings]


def test_json_report_uses_the_given_scores() -> None:
    docs, findings = build(("okrs.md", GOOD))
    scores = score_documents(docs, findings, {"weights": {"warning": 50}})
    report = Report(findings, default_registry(), docs=docs, scores=scores)
    data = json.loads(render_json_report(report))
    assert (data["score"], data["tier"]) == (75.0, "Good")
    assert data["scoring"]["weights"]["warning"] == 50
    assert "75/100 🔵 Good" in render_markdown(report)


def test_json_report_file_without_okrs() -> None:
    report = make_report(("notes.md", "# Notes\n\nNothing here.\n"))
    data = json.loads(render_json_report(report))
    assert data["files"] == [{"path": "notes.md", "score": None, "tier": None, "sets": []}]
    assert data["score"] is None and data["tier"] is None
    assert [f["code"] for f in data["findings"]] == ["OKR002"]
    assert "No OKRs found in this file." in render_markdown(report)
    assert "No OKRs found in this file." in render_html(report)


@pytest.mark.slow
def test_reports_are_linear_in_files_times_findings() -> None:
    """Scores and report tables once looked at every finding for every file: 124 s for an HTML
    report of 20,000 files. 4,000 files with 2 findings each took seconds that way."""
    import time

    from okrlint.model import KeyResult, Objective, OkrSet, Span

    registry = default_registry()
    docs, findings = [], []
    for i in range(4000):
        path = f"okrs/{i}.md"
        span = Span(3, 4, 3, 20)
        objective = Objective(text=f"Grow area {i}", span=Span(1, 4, 1, 20))
        objective.add_key_result(KeyResult(text="Launch the new page", span=span))
        doc = OkrDocument(path=path, format="markdown", sets=[OkrSet(None, Span(1, 1, 1, 1))])
        doc.sets[0].objectives.append(objective)
        doc.link()
        docs.append(doc)
        for code in ("OKR301", "OKR105"):
            rule = registry.get(code)
            assert rule is not None
            findings.append(
                Finding(code, rule.name, "warning", "m", path, 3, 4, 3, 20, "key_result", "x")
            )
    start = time.perf_counter()
    for fmt in ("html", "markdown", "json-report"):
        render(fmt, Report(findings, registry, docs=docs))
    assert time.perf_counter() - start < 8.0  # linear: about 1 s here; quadratic: far more


def _docs(n: int, okrs: bool = True) -> list[OkrDocument]:
    text = "# OKRs\n\n## Objective: Grow the community\n\n- KR1: Launch the forum\n"
    return [
        read_text(
            f"team-{i}/okrs.md" if okrs else f"docs/{i}.md",
            text if okrs else "# Notes\n",
            "markdown",
        )
        for i in range(n)
    ]


def test_files_without_okrs_are_one_collapsed_line() -> None:
    registry = default_registry()
    docs = _docs(2) + _docs(3, okrs=False)
    for fmt in ("markdown", "html"):
        out = render(fmt, Report([], registry, docs=docs))
        assert "3 files without OKRs" in out
        assert out.count("docs/0.md") == 1  # named once, in the collapsed list
        assert "No OKRs found in this file" not in out


def test_a_markdown_report_fits_in_a_pull_request_comment() -> None:
    registry = default_registry()
    docs = _docs(600)
    settings = Settings(registry=registry, selected=frozenset(r.code for r in registry.rules))
    findings = [f for d in docs for f in lint(d, settings)]
    out = render_markdown(Report(findings, registry, docs=docs))
    assert len(out) < 65_536
    assert "are left out: a pull-request comment holds at most 65,536 characters" in out
    assert "| team-599/okrs.md |" in out  # the summary table still lists every file


def test_reports_say_that_a_baseline_hid_findings() -> None:
    registry = default_registry()
    for fmt in ("markdown", "html"):
        out = render(fmt, Report([], registry, docs=_docs(1), hidden=3))
        assert "3 known findings hidden by the baseline are left out" in out


@pytest.mark.slow
def test_a_markdown_report_of_thousands_of_files_still_fits() -> None:
    registry = default_registry()
    docs = _docs(3000) + _docs(3000, okrs=False)
    out = render_markdown(Report([], registry, docs=docs))
    assert len(out) < 65_536
    assert "more files |" in out and "3000 files without OKRs" in out


def test_the_score_reports_say_when_and_at_which_commit_they_ran() -> None:
    report = make_report(*examples())
    report.run_date = dt.date(2026, 12, 2)
    report.commit = "0123456789abcdef0123456789abcdef01234567"
    expected = "Run on 2026-12-02 at commit 0123456789ab."
    assert f"<sub>{expected}</sub>" in render_markdown(report).splitlines()
    assert f'<p class="run">{expected}</p>' in render_html(report)
    data = json.loads(render_json_report(report))
    assert (data["date"], data["commit"]) == ("2026-12-02", report.commit)
    report.commit = None
    assert "<sub>Run on 2026-12-02.</sub>" in render_markdown(report)


def test_a_rule_without_docs_in_okrlint_is_not_linked() -> None:
    from okrlint.engine import Finding

    finding = Finding("ACME001", "acme-rule", "warning", "Say it.", "okrs.md", 1, 1, 1, 2, "kr")
    report = Report([finding], default_registry(), {"files": 1})
    assert "| ACME001 `acme-rule` |" in render_markdown(report)
    assert "https://" not in render_html(report)


def test_control_characters_in_statements_never_reach_the_reports() -> None:
    yaml_text = (
        'cycle: 2026-Q3\nobjectives:\n  - objective: "Ship \\x1b[31mRED\\x1b[0m things \\u202e"\n'
        '    key_results:\n      - "Improve stuff \\u0000 nul \\x07 bell"\n'
    )
    report = make_report(("okrs.yaml", yaml_text))
    for out in (render_html(report), render_markdown(report)):
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]", out)
        assert "Improve stuff" in out
