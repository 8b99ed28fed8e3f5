"""Output formats: snapshots of every format, plus the properties each consumer relies on.

Snapshots live in tests/snapshots/. After an intended change, rewrite them with
``UPDATE_SNAPSHOTS=1 pytest tests/test_formats.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from okrlint import __version__
from okrlint.engine import Finding
from okrlint.formats import FORMAT_NAMES, FORMATS, Report, fingerprints, render
from okrlint.formats.github import github_escape_data, github_escape_property
from okrlint.formats.text import _caret_line
from okrlint.registry import default_registry
from okrlint.report.base import first_sentence

HERE = Path(__file__).resolve().parent
SNAPSHOTS = HERE / "snapshots"
SARIF_SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
EXTENSIONS = {
    "text": "txt",
    "full": "txt",
    "json": "json",
    "json-lines": "jsonl",
    "github": "txt",
    "gitlab": "json",
    "rdjson": "json",
    "sarif": "sarif",
    "junit": "xml",
    "markdown": "md",
    "html": "html",
    "json-report": "json",
}
# The SRCROOT base URI depends on the machine: the sarif snapshot holds this instead.
BASE_PLACEHOLDER = "file:///PROJECT/"

# A message with every character GitHub's workflow commands escape.
TRICKY = "Invalid YAML at 'owner: a, b': 100% of values\nneed quotes"

TEAM = "okrs/team.md"
COMPANY = "okrs/company.yaml"

SOURCES = {
    (TEAM, 1): "# Team OKRs 2026",
    (TEAM, 3): "## Objective: Be the best at onboarding",
    (TEAM, 5): "- KR1: Launch the new onboarding flow",
    (TEAM, 6): "- KR2: Raise activation from 40% to 41% by Q3",
    (TEAM, 7): "\t- KR3: Reduce churn to X%",
    (COMPANY, 4): "  - owner: a, b\n",
}


def finding(
    code: str,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    *,
    path: str = TEAM,
    message: str | None = None,
    item: str = "key_result",
    text: str | None = None,
    severity: str | None = None,
) -> Finding:
    rule = default_registry().get(code)
    assert rule is not None
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=severity or rule.severity,  # type: ignore[arg-type]
        message=message or f"{rule.summary.strip().splitlines()[0]}",
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        item=item,
        text=text,
    )


def sample_findings() -> list[Finding]:
    findings = [
        # A file-level finding with no statement, and every character that needs escaping.
        finding("OKR001", 4, 5, 4, 16, path=COMPANY, message=TRICKY, item="file"),
        # A point span at the start of the file (an empty range).
        finding("OKR105", 1, 1, 1, 1, message="No timeframe for this set.", item="set"),
        finding(
            "OKR203",
            3,
            15,
            3,
            40,
            message='Objective "Be the best at onboarding" is vague.',
            item="objective",
            text="Be the best at onboarding",
        ),
        finding(
            "OKR301",
            5,
            8,
            5,
            38,
            message="Key result is a task: 'Launch the new onboarding flow'.",
            text="Launch the new onboarding flow",
        ),
        finding(
            "OKR309",
            6,
            8,
            6,
            46,
            message="Target barely moves: 40% to 41%.",
            text="Raise activation from 40% to 41% by Q3",
        ),
        # A range over two lines, after a tab.
        finding(
            "OKR311",
            7,
            9,
            8,
            14,
            message="Placeholder value 'X' in a key result.",
            text="Reduce churn to X%",
        ),
    ]
    return sorted(findings, key=Finding.sort_key)


def make_report(findings: list[Finding] | None = None, color: bool = False) -> Report:
    return Report(
        findings=sample_findings() if findings is None else findings,
        registry=default_registry(),
        stats={"files": 2, "objectives": 1, "key_results": 3},
        color=color,
        sources=dict(SOURCES),
    )


@pytest.fixture(autouse=True)
def in_tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test runs in an empty working directory, so paths relate to it alone."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def base_uri() -> str:
    return Path.cwd().as_uri() + "/"


def check_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS", "") not in ("", "0"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"no snapshot {path}: run with UPDATE_SNAPSHOTS=1 and review it"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its snapshot (UPDATE_SNAPSHOTS=1 rewrites it)"


def sarif_for_snapshot(out: str) -> str:
    marker = f'"uri": "{base_uri()}"'
    assert out.count(marker) == 1
    return out.replace(marker, f'"uri": "{BASE_PLACEHOLDER}"')


# Snapshots and determinism ------------------------------------------------------------------


def test_every_format_name_has_a_renderer() -> None:
    assert set(FORMATS) == set(FORMAT_NAMES)
    assert set(EXTENSIONS) == set(FORMAT_NAMES)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_snapshot(name: str) -> None:
    out = render(name, make_report())
    if name == "sarif":
        out = sarif_for_snapshot(out)
    check_snapshot(f"{name}.{EXTENSIONS[name]}", out)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_deterministic(name: str) -> None:
    assert render(name, make_report()) == render(name, make_report())


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_no_colour_unless_asked(name: str) -> None:
    assert "\x1b[" not in render(name, make_report(color=False))


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_no_findings(name: str) -> None:
    out = render(name, make_report([]))
    if name in ("json-lines", "github"):
        assert out == ""
    elif name in ("json", "gitlab"):
        assert json.loads(out) == []
    elif name == "sarif":
        log = json.loads(out)
        Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
        assert log["runs"][0]["results"] == []
        assert log["runs"][0]["tool"]["driver"]["rules"] == []
    elif name == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert (root.get("tests"), root.get("failures"), len(root)) == ("0", "0", 0)
    elif name == "json-report":
        assert json.loads(out)["findings"] == []
    elif name == "rdjson":
        assert json.loads(out)["diagnostics"] == []
    elif name in ("markdown", "html"):
        assert "All checks passed" in out
    else:
        assert out == "All checks passed: 2 files, 1 objective, 3 key results.\n"


# full --------------------------------------------------------------------------------------


def test_full_block_layout() -> None:
    out = render("full", make_report())
    assert out.endswith("\nFound 6 problems (2 errors, 2 warnings, 2 info).\n")
    kr1 = out.split("\n\n")[3]
    assert kr1.splitlines() == [
        "okrs/team.md:5:8: warning OKR301 Key result is a task: 'Launch the new onboarding flow'. "
        "[kr-is-task]",
        "    - KR1: Launch the new onboarding flow",
        "           " + "^" * 30,
        "  = help: Ask what the task should change, and measure that from a baseline to a target.",
    ]


def test_full_without_source_has_no_caret() -> None:
    report = make_report()
    report.sources = {}
    out = render("full", report)
    assert "^" not in out
    assert out.count("  = help: ") == 6


def test_full_colour() -> None:
    out = render("full", make_report(color=True))
    assert "\x1b[" in out
    assert "^" * 30 in out


def test_caret_line_edges() -> None:
    def caret(source: str, col: int, end_line: int, end_col: int) -> str:
        return _caret_line(source, finding("OKR301", 1, col, end_line, end_col))

    assert caret("abc def", 5, 1, 8) == "    ^^^"
    assert caret("abc def", 5, 1, 5) == "    ^"  # an empty range still gets one caret
    assert caret("abc def", 1, 1, 1) == "^"
    assert caret("abc def", 5, 3, 2) == "    ^^^"  # multi-line: to the end of the first line
    assert caret("\tab", 2, 1, 4) == "\t^^"  # tabs kept so the carets line up
    assert caret("目標 up", 4, 1, 6) == "     ^^"  # wide characters take two cells
    assert caret("ab", 9, 1, 12) == "  ^"  # past the end of the line


def testfirst_sentence_of_fix_texts() -> None:
    registry = default_registry()

    def first(code: str) -> str:
        rule = registry.get(code)
        assert rule is not None
        return first_sentence(rule.fix)

    assert first("OKR002") == (
        "Label the structure: `## Objective: ...` headings (or `**Objective:** ...` lines) "
        "with key results as list items under them."
    )
    assert first("OKR202").startswith('Ask "why are we doing this?" and make the answer')
    assert first("OKR310") == "Correct the value (did you mean 100%, or a growth of 120%?)."
    assert first("OKR401") == "Use one scale: 0.0-1.0 or 0-100%."
    assert first("OKR405").endswith("or a `parent:` on each objective.")
    assert first_sentence("One. Two.") == "One."
    assert first_sentence("No full stop") == "No full stop"


# json-lines --------------------------------------------------------------------------------


def test_json_lines() -> None:
    findings = sample_findings()
    out = render("json-lines", make_report(findings))
    lines = out.split("\n")
    assert lines[-1] == ""  # every line ends with a newline
    objects = [json.loads(line) for line in lines[:-1]]
    assert len(objects) == len(findings)
    for obj, f, fp in zip(objects, findings, fingerprints(findings), strict=True):
        assert obj == {**f.as_json(), "fingerprint": fp}
        # Compact: no spaces after separators.
        assert json.dumps(obj, ensure_ascii=False, separators=(",", ":")) in out


def test_json_lines_line_separators_stay_escaped() -> None:
    f = dataclasses.replace(sample_findings()[0], message="a\u2028b\u2029c\x85d\ne")
    out = render("json-lines", make_report([f]))
    assert len(out.splitlines()) == 1
    assert json.loads(out)["message"] == "a\u2028b\u2029c\x85d\ne"


# github ------------------------------------------------------------------------------------


def test_github_escaping_exact() -> None:
    assert github_escape_data("100% a:b, c\r\nd") == "100%25 a:b, c%0D%0Ad"
    assert github_escape_property("100% a:b, c\r\nd") == "100%25 a%3Ab%2C c%0D%0Ad"
    # % first: an already escaped sequence is escaped again, as @actions/core does.
    assert github_escape_data("%0A") == "%250A"


def test_github_lines() -> None:
    lines = render("github", make_report()).splitlines()
    assert len(lines) == 6
    assert lines[0] == (
        "::error file=okrs/company.yaml,line=4,col=5,endLine=4,endColumn=16,"
        "title=okrlint OKR001 (parse-error)"
        "::Invalid YAML at 'owner: a, b': 100%25 of values%0Aneed quotes"
    )
    levels = [line.split(" ", 1)[0] for line in lines]
    assert levels == ["::error", "::warning", "::notice", "::warning", "::notice", "::error"]


def test_github_escapes_property_values() -> None:
    f = dataclasses.replace(sample_findings()[0], path="a:b,c%d/x.md", message="m")
    (line,) = render("github", make_report([f])).splitlines()
    assert line.startswith("::error file=a%3Ab%2Cc%25d/x.md,line=4,")


# gitlab ------------------------------------------------------------------------------------


def test_gitlab_fields() -> None:
    findings = sample_findings()
    issues = json.loads(render("gitlab", make_report(findings)))
    assert [i["fingerprint"] for i in issues] == fingerprints(findings)
    assert issues[0] == {
        "description": f"OKR001: {TRICKY}",
        "check_name": "OKR001",
        "fingerprint": fingerprints(findings)[0],
        "severity": "major",
        "location": {"path": COMPANY, "lines": {"begin": 4}},
    }
    assert [i["severity"] for i in issues] == ["major", "minor", "info", "minor", "info", "major"]


def test_gitlab_fingerprints_unique_and_stable() -> None:
    findings = sample_findings()
    # The same finding twice in a file (two equal key results) still gets two fingerprints.
    findings.append(dataclasses.replace(findings[3], line=20, end_line=20))
    issues = json.loads(render("gitlab", make_report(findings)))
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)

    # Lines moving (an edit above) does not change the fingerprint.
    original = sample_findings()
    moved = [dataclasses.replace(f, line=f.line + 7, end_line=f.end_line + 7) for f in original]
    before = json.loads(render("gitlab", make_report(original)))
    after = json.loads(render("gitlab", make_report(moved)))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] for i in after] == [f.line for f in moved]

    # A changed statement is a new finding.
    reworded = dataclasses.replace(original[3], text="Ship the onboarding flow")
    assert fingerprints([reworded]) != fingerprints([original[3]])


# sarif -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_against_the_official_schema(sarif_validator: Draft4Validator) -> None:
    log = json.loads(render("sarif", make_report()))
    errors = sorted(sarif_validator.iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_sarif_schema_rejects_a_broken_log(sarif_validator: Draft4Validator) -> None:
    log = json.loads(render("sarif", make_report()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(sarif_validator.iter_errors(log))) >= 2


def test_sarif_contents() -> None:
    findings = sample_findings()
    log = json.loads(render("sarif", make_report(findings)))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("okrlint", __version__)
    assert driver["informationUri"] == "https://github.com/okrlint/okrlint"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": base_uri()}}

    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted({f.code for f in findings})
    registry = default_registry()
    for rule in rules:
        real = registry.get(rule["id"])
        assert real is not None
        assert rule["name"] == real.name
        assert rule["helpUri"] == real.help_uri
        assert rule["help"]["markdown"] == real.explain()
        assert (
            rule["defaultConfiguration"]["level"]
            == {
                "error": "error",
                "warning": "warning",
                "info": "note",
            }[real.severity]
        )

    results = run["results"]
    assert len(results) == len(findings)
    for result, f, fp in zip(results, findings, fingerprints(findings), strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.code
        assert result["message"]["text"] == f.message
        assert result["partialFingerprints"] == {"okrlint/v1": fp}
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        region = physical["region"]
        assert region["startLine"] == f.line
        assert region["startColumn"] == f.column
        assert region["endLine"] >= region["startLine"]
        if region["endLine"] == region["startLine"]:
            assert region["endColumn"] > region["startColumn"]
    assert [r["level"] for r in results] == [
        "error",
        "warning",
        "note",
        "warning",
        "note",
        "error",
    ]
    # The empty range at 1:1 becomes one column wide.
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 2,
    }


def test_sarif_paths(
    tmp_path: Path, sarif_validator: Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "okrs").mkdir(parents=True)
    monkeypatch.chdir(project)
    base = sample_findings()[0]
    paths = [
        str(project / "okrs" / "q3 plan.md"),  # absolute, under the cwd
        "./okrs/../okrs/q4.md",  # relative, not normalised
        "-",  # standard input
        str(tmp_path / "elsewhere.md"),  # outside the cwd
    ]
    findings = [dataclasses.replace(base, path=p) for p in paths]
    log = json.loads(render("sarif", make_report(findings)))
    assert list(sarif_validator.iter_errors(log)) == []
    locations = [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]
    ]
    assert locations == [
        {"uri": "okrs/q3%20plan.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "okrs/q4.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "-", "uriBaseId": "%SRCROOT%"},
        {"uri": (tmp_path / "elsewhere.md").as_uri()},
    ]
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    gitlab = json.loads(render("gitlab", make_report(findings)))
    assert [i["location"]["path"] for i in gitlab] == [
        "okrs/q3 plan.md",
        "okrs/q4.md",
        "-",
        (tmp_path / "elsewhere.md").as_posix(),
    ]


def test_sarif_rule_missing_from_the_registry(sarif_validator: Draft4Validator) -> None:
    f = dataclasses.replace(sample_findings()[0], code="XYZ123", name="plugin-rule")
    log = json.loads(render("sarif", make_report([f])))
    assert list(sarif_validator.iter_errors(log)) == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == [{"id": "XYZ123", "name": "plugin-rule"}]
    assert log["runs"][0]["results"][0]["ruleIndex"] == 0


# junit -------------------------------------------------------------------------------------


def test_junit_structure() -> None:
    findings = sample_findings()
    out = render("junit", make_report(findings))
    assert out.startswith("<?xml version='1.0' encoding='utf-8'?>\n<testsuites ")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("name"), root.get("tests"), root.get("failures")) == ("okrlint", "6", "6")
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        (COMPANY, "1", "1"),
        (TEAM, "5", "5"),
    ]
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 6
    assert [c.get("name") for c in cases] == [f"{f.code} {f.line}:{f.column}" for f in findings]
    assert all(c.get("classname") == s.get("name") for s in suites for c in s)
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("message") == TRICKY  # newline survives the attribute
    assert failure.get("type") == "OKR001"
    assert failure.text == f"{COMPANY}:4:5: OKR001 {TRICKY} [parse-error]"


def test_junit_survives_characters_xml_cannot_hold() -> None:
    f = dataclasses.replace(sample_findings()[0], message='bell\x07 and <tag> & "q"')
    out = render("junit", make_report([f]))
    failure = ET.fromstring(out.encode("utf-8")).find("./testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == 'bell\ufffd and <tag> & "q"'


def test_unknown_format() -> None:
    with pytest.raises(NotImplementedError):
        render("pdf", make_report())


def test_junit_reports_every_clean_file_as_a_passing_case() -> None:
    report = make_report()
    report.files = ["okrs/clean.md", *[f.path for f in report.findings]]
    root = ET.fromstring(render("junit", report))
    assert root.get("tests") == str(len(report.findings) + 1)
    assert root.get("failures") == str(len(report.findings))
    (clean,) = [s for s in root if s.get("name") == "okrs/clean.md"]
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    (case,) = list(clean)
    assert case.find("failure") is None


def test_text_shows_the_severity_in_words_without_colour() -> None:
    out = render("text", make_report())
    assert all(
        re.match(r"^\S+:\d+:\d+: (error|warning|info) OKR\d{3} ", line)
        for line in out.splitlines()[:-1]
    )


def test_rdjson_is_reviewdogs_diagnostic_format() -> None:
    data = json.loads(render("rdjson", make_report()))
    assert data["source"]["name"] == "okrlint"
    first = data["diagnostics"][0]
    assert set(first) == {"message", "location", "severity", "code"}
    assert first["severity"] in ("ERROR", "WARNING", "INFO")
    assert first["location"]["range"]["start"]["line"] >= 1
    assert first["code"]["url"].endswith("#" + f"{first['code']['value']}-".lower() + "parse-error")
