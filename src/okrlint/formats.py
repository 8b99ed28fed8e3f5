"""Output formats for findings.

Every format is a function ``render(report) -> str``; :data:`FORMATS` maps format names to them.
The report carries the findings (sorted), the rule registry (for SARIF rule descriptions), run
statistics and whether colour is wanted.

- ``text``: one line per finding and a summary; ``full``: the same with the source line, carets
  under the range and the rule's fix.
- ``json``: a list of findings; ``json-lines``: one compact object per line, with a fingerprint.
- ``github``: GitHub Actions workflow commands (annotations on the pull request).
- ``gitlab``: GitLab Code Quality JSON; ``sarif``: SARIF 2.1.0 (GitHub code scanning).
- ``junit``: JUnit XML, a failed test case per finding.

Every format is deterministic: no timestamps, findings in the report's order. The CI formats
(github, gitlab, sarif) give paths relative to the working directory when the file is under it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import click

from okrlint import __version__
from okrlint.engine import Finding
from okrlint.files import git_root
from okrlint.model import OkrDocument
from okrlint.registry import Registry, Rule
from okrlint.textsafe import safe_path, safe_text


@dataclass
class Report:
    findings: Sequence[Finding]
    registry: Registry
    stats: dict[str, int] = field(default_factory=dict)
    color: bool = False
    # The source line of each finding, for the "full" format: {(path, line): text}.
    sources: dict[tuple[str, int], str] = field(default_factory=dict)
    # The linted documents, for the scores of the markdown, html and json-report formats.
    docs: Sequence[OkrDocument] = ()
    # An okrlint.score.ScoreSet; None: computed from docs with the default weights.
    scores: Any = None
    # Every file linted, with or without findings (JUnit reports each as a test case).
    files: Sequence[str] = ()
    # Findings a baseline hid: the reports say they are left out of the scores.
    hidden: int = 0


_TIMELESS = re.compile(r"\b\d+\s*(?:days?|weeks?|months?)\b(?:\s+ago)?", re.IGNORECASE)


def stable_path(path: str) -> str:
    """The path relative to its repository root (the nearest folder with ``.git``), else to the
    working directory: the same file has the same name however it was typed (``okrs.md``,
    ``./okrs.md``, an absolute path) and wherever okrlint ran."""
    if path == "-":
        return path
    full = Path(os.path.abspath(path))
    root = git_root(full.parent)
    if root is not None:
        return full.relative_to(root).as_posix()
    return _relative_path(path)[0]


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable id per finding: the rule, the file and the statement (not the line), so it
    survives lines moving and unrelated edits, and changes when the statement changes. Equal
    findings in one file are told apart by their order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    paths: dict[str, str] = {}  # a file's findings look for its repository root once
    for f in findings:
        # Without a statement the message stands in, less what changes by itself over time
        # ("20 days ago"): a fingerprint never depends on the date.
        what = f.text or _TIMELESS.sub("#", f.message)
        what = " ".join(what.lower().split())
        if f.path not in paths:
            paths[f.path] = stable_path(f.path)
        key = (f.code, paths[f.path], what)
        n = seen[key]
        seen[key] += 1
        digest = hashlib.sha256(
            "\0".join([*key, str(n)]).encode("utf-8", "surrogateescape")
        ).hexdigest()
        out.append(digest[:32])
    return out


def render_json(report: Report) -> str:
    return json.dumps([f.as_json() for f in report.findings], indent=2, ensure_ascii=False) + "\n"


def render_text(report: Report) -> str:
    from okrlint.output import format_text

    return format_text(report.findings, report.color, report.stats)


FORMAT_NAMES = (
    "text",
    "full",
    "json",
    "json-lines",
    "github",
    "gitlab",
    "rdjson",
    "sarif",
    "junit",
    "markdown",
    "html",
    "json-report",
)

# Helpers shared by the formats.

_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}


def _relative_path(path: str) -> tuple[str, bool]:
    """``(posix path relative to the working directory, True)`` for a file under it, else
    ``(absolute posix path, False)``. ``-`` (standard input) stays as it is."""
    if path == "-":
        return path, True
    cwd = Path.cwd()
    full = Path(os.path.normpath(cwd / path))
    try:
        return full.relative_to(cwd).as_posix(), True
    except ValueError:
        return full.as_posix(), False


# full: the text format with the source line, a caret line and the rule's fix.


def _text_line(finding: Finding, color: bool) -> str:
    """The finding's line exactly as the text format prints it."""
    from okrlint.output import format_text

    return format_text([finding], color, {}).rstrip("\n").rsplit("\n", 1)[0]


def _text_summary(report: Report) -> str:
    """The summary line exactly as the text format prints it."""
    from okrlint.output import format_text

    return format_text(report.findings, report.color, report.stats).rstrip("\n").rsplit("\n", 1)[-1]


@lru_cache(maxsize=512)
def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` on one line. A full stop inside backticks, double quotes
    or brackets, or not followed by a space ("0.5"), does not end the sentence."""
    text = " ".join(text.split())
    depth = 0
    quoted = ""
    for i, ch in enumerate(text):
        if quoted:
            if ch == quoted:
                quoted = ""
        elif ch in '`"':
            quoted = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in ".!?" and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            return text[: i + 1]
    return text


def _width(ch: str) -> int:
    """Terminal cells taken by a character."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _caret_line(source: str, finding: Finding) -> str:
    """Carets under the finding's columns on its first line (at least one). Tabs before the
    range are kept so the carets line up under the source however tabs are shown."""
    start = max(finding.column, 1) - 1
    if finding.end_line > finding.line:
        end = len(source)
    elif finding.end_line == finding.line:
        end = finding.end_column - 1
    else:
        end = start + 1
    end = max(min(end, len(source)), start + 1)
    pad = "".join("\t" if ch == "\t" else " " * _width(ch) for ch in source[:start])
    marks = sum(_width(ch) for ch in source[start:end])
    return pad + "^" * max(1, marks)


def render_full(report: Report) -> str:
    color = report.color
    blocks: list[str] = []
    for f in report.findings:
        lines = [_text_line(f, color)]
        source = report.sources.get((f.path, f.line))
        if source is not None:
            source = safe_text(source.rstrip("\r\n"))
            caret = _caret_line(source, f)
            if color:
                caret = click.style(caret, fg=_SEVERITY_STYLE[f.severity], bold=True)
            lines += [f"    {source}".rstrip(), f"    {caret}"]
        rule = report.registry.get(f.code)
        if rule is not None and rule.fix.strip():
            label = click.style("help", bold=True) if color else "help"
            lines.append(f"  = {label}: {_first_sentence(rule.fix)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join([*blocks, _text_summary(report)]) + "\n"


# json-lines: one compact JSON object per finding.

# Line separators that JSON leaves unescaped but some line splitters (str.splitlines) split on.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def render_json_lines(report: Report) -> str:
    lines = []
    for f, fp in zip(report.findings, fingerprints(report.findings), strict=True):
        line = json.dumps(
            {**f.as_json(), "fingerprint": fp}, ensure_ascii=False, separators=(",", ":")
        )
        for raw, escaped in _LINE_BREAKS.items():
            line = line.replace(raw, escaped)  # only possible inside strings: still valid JSON
        lines.append(line + "\n")
    return "".join(lines)


# github: GitHub Actions workflow commands (annotations).

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def github_escape_data(text: str) -> str:
    """As ``escapeData`` in @actions/core (the command's message)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """As ``escapeProperty`` in @actions/core (a ``key=value`` property)."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for f in report.findings:
        props = {
            "file": safe_path(_relative_path(f.path)[0]),
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "title": f"okrlint {f.code} ({f.name})",
        }
        joined = ",".join(f"{k}={github_escape_property(str(v))}" for k, v in props.items())
        message = github_escape_data(safe_text(f.message, keep_newlines=True))
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {joined}::{message}\n")
    return "".join(lines)


# gitlab: GitLab Code Quality report (a subset of the Code Climate format).

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render_gitlab(report: Report) -> str:
    issues = [
        {
            "description": f"{f.code}: {f.message}",
            "check_name": f.code,
            "fingerprint": fp,
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {"path": _relative_path(f.path)[0], "lines": {"begin": f.line}},
        }
        for f, fp in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# rdjson: reviewdog's Diagnostic Format (rdjson), for teams that post findings with reviewdog.

_RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render_rdjson(report: Report) -> str:
    diagnostics = [
        {
            "message": f.message,
            "location": {
                "path": _relative_path(f.path)[0],
                "range": {
                    "start": {"line": f.line, "column": f.column},
                    "end": {"line": f.end_line, "column": f.end_column},
                },
            },
            "severity": _RDJSON_SEVERITY[f.severity],
            "code": {"value": f.code, "url": f"{RULES_URL}#{_anchor(f.code, f.name)}"},
        }
        for f in report.findings
    ]
    data = {"source": {"name": "okrlint", "url": INFORMATION_URI}, "diagnostics": diagnostics}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _anchor(code: str, name: str) -> str:
    """The heading anchor of a rule in docs/rules.md ("## OKR301 kr-is-task")."""
    return f"{code}-{name}".lower()


# sarif: SARIF 2.1.0 (GitHub code scanning, VS Code's SARIF viewer, ...).

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/okrlint/okrlint"
RULES_URL = f"{INFORMATION_URI}/blob/main/docs/rules.md"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    summary = rule.summary.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.why.strip() or summary},
        "help": {"text": rule.fix.strip() or summary, "markdown": rule.explain()},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }


def _sarif_region(f: Finding) -> dict[str, int]:
    line = max(f.line, 1)
    column = max(f.column, 1)
    end_line = max(f.end_line, line)
    end_column = max(f.end_column, 1)
    if end_line == line and end_column <= column:
        end_column = column + 1
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _sarif_artifact(path: str) -> dict[str, str]:
    rel, inside = _relative_path(path)
    if inside:
        return {
            "uri": quote(rel.encode("utf-8", "surrogateescape"), safe="/"),
            "uriBaseId": "%SRCROOT%",
        }
    return {"uri": Path(rel).as_uri()}


def render_sarif(report: Report) -> str:
    codes = sorted({f.code for f in report.findings})
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for code in codes:
        rule = report.registry.get(code)
        index[code] = len(rules)
        if rule is not None:
            rules.append(_sarif_rule(rule))
        else:  # not in this registry: the id and name are all there is
            name = next(f.name for f in report.findings if f.code == code)
            rules.append({"id": code, "name": name})
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _sarif_artifact(f.path),
                        "region": _sarif_region(f),
                    }
                }
            ],
            "partialFingerprints": {"okrlint/v1": fp},
        }
        for f, fp in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    base = Path.cwd().as_uri()
    run = {
        "tool": {
            "driver": {
                "name": "okrlint",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base if base.endswith("/") else base + "/"}},
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# junit: JUnit XML, one test suite per file with findings, one failed test case per finding.

# Characters XML 1.0 cannot hold, even escaped.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def render_junit(report: Report) -> str:
    by_file: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    clean = [p for p in dict.fromkeys(report.files) if p not in by_file]
    total = str(len(report.findings) + len(clean))
    failures = str(len(report.findings))
    root = ET.Element(
        "testsuites", {"name": "okrlint", "tests": total, "failures": failures, "errors": "0"}
    )
    for path in clean:
        # A file without findings is one passing test case (Jenkins rejects tests="0").
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": _xml(path), "tests": "1", "failures": "0", "errors": "0", "skipped": "0"},
        )
        ET.SubElement(
            suite, "testcase", {"classname": _xml(path), "name": "okrlint", "file": _xml(path)}
        )
    for path, items in by_file.items():
        count = str(len(items))
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": _xml(path), "tests": count, "failures": count, "errors": "0", "skipped": "0"},
        )
        for f in items:
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": _xml(path),
                    "name": f"{f.code} {f.line}:{f.column}",
                    "file": _xml(path),
                    "line": str(f.line),
                },
            )
            failure = ET.SubElement(case, "failure", {"message": _xml(f.message), "type": f.code})
            failure.text = _xml(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message} [{f.name}]")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True).decode("utf-8") + "\n"


REPORT_FORMATS = ("markdown", "html", "json-report")


def _report_format(name: str, report: Report) -> str:
    """The score reports (okrlint.report), imported only when asked for."""
    from okrlint import report as reports

    render = {
        "markdown": reports.render_markdown,
        "html": reports.render_html,
        "json-report": reports.render_json_report,
    }[name]
    return render(report)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "full": render_full,
    "json": render_json,
    "json-lines": render_json_lines,
    "github": render_github,
    "gitlab": render_gitlab,
    "rdjson": render_rdjson,
    "sarif": render_sarif,
    "junit": render_junit,
    "markdown": lambda report: _report_format("markdown", report),
    "html": lambda report: _report_format("html", report),
    "json-report": lambda report: _report_format("json-report", report),
}


def render(name: str, report: Report) -> str:
    if name not in FORMATS:
        raise NotImplementedError(f"output format '{name}' is not available yet")
    return FORMATS[name](report)


def statistics(findings: Sequence[Finding]) -> str:
    """Count per rule, most frequent first (``--statistics``)."""
    counts = Counter((f.code, f.name, f.severity) for f in findings)
    lines = [
        f"{n:>5}  {code}  {name} ({severity})"
        for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def _unused(*_: Any) -> None:  # pragma: no cover - keeps the import list honest
    return None
