"""The formats for people in a terminal: ``text`` (one line per finding and a summary), ``full``
(the same with the source line, carets under the range and the rule's fix), the ``--statistics``
table."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

import click

from okrlint.engine import Finding
from okrlint.formats.base import (
    SEVERITY_STYLE,
)
from okrlint.report.base import Report, first_sentence, plural
from okrlint.report.score import ScoreSet, display, summary_lines
from okrlint.textsafe import safe_path, safe_text


def format_text(findings: Sequence[Finding], color: bool, stats: dict[str, int]) -> str:
    lines: list[str] = []
    for f in findings:
        where = f"{safe_path(f.path)}:{f.line}:{f.column}:"
        # The severity in words, not only in colour: CI logs, NO_COLOR, pipes and readers who
        # do not see colours all need it.
        level: str = f.severity
        code = f.code
        name = f"[{f.name}]"
        if color:
            where = click.style(where, bold=True)
            level = click.style(level, fg=SEVERITY_STYLE[f.severity])
            code = click.style(code, fg=SEVERITY_STYLE[f.severity], bold=True)
            name = click.style(name, dim=True)
        lines.append(f"{where} {level} {code} {safe_text(f.message)} {name}")
    counts = Counter(f.severity for f in findings)
    if findings:
        summary = (
            f"Found {plural(len(findings), 'problem')} "
            f"({plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
            f"{counts['info']} info)."
        )
        lines.append(click.style(summary, bold=True) if color else summary)
    else:
        ok = (
            f"All checks passed: {plural(stats.get('files', 0), 'file')}, "
            f"{plural(stats.get('objectives', 0), 'objective')}, "
            f"{plural(stats.get('key_results', 0), 'key result')}."
        )
        lines.append(click.style(ok, fg="green") if color else ok)
    return "\n".join(lines) + "\n"


def render_text(report: Report) -> str:
    return format_text(report.findings, report.color, report.stats)


def _text_line(finding: Finding, color: bool) -> str:
    """The finding's line exactly as the text format prints it."""
    return format_text([finding], color, {}).rstrip("\n").rsplit("\n", 1)[0]


def _text_summary(report: Report) -> str:
    """The summary line exactly as the text format prints it."""
    return format_text(report.findings, report.color, report.stats).rstrip("\n").rsplit("\n", 1)[-1]


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
                caret = click.style(caret, fg=SEVERITY_STYLE[f.severity], bold=True)
            lines += [f"    {source}".rstrip(), f"    {caret}"]
        rule = report.registry.get(f.code)
        if rule is not None and rule.fix.strip():
            label = click.style("help", bold=True) if color else "help"
            lines.append(f"  = {label}: {first_sentence(rule.fix)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join([*blocks, _text_summary(report)]) + "\n"


def statistics(findings: Sequence[Finding]) -> str:
    """Count per rule, most frequent first (``--statistics``)."""
    counts = Counter((f.code, f.name, f.severity) for f in findings)
    lines = [
        f"{n:>5}  {code}  {name} ({severity})"
        for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return "\n".join(lines) + ("\n" if lines else "")


SCORE_LINES_MAX = 10  # more files than this: one overall score line


def quiet_text(out: str, findings: Sequence[Finding]) -> str:
    """The text formats without their closing summary line: only the findings."""
    if not findings:
        return ""
    body = out.rstrip("\n").split("\n")
    return "\n".join(body[:-1]).rstrip("\n") + "\n"


def with_score_lines(out: str, scores: ScoreSet) -> str:
    """The text formats end with the quality score of each file (or the overall score of many
    files) just before the closing 'Found N problems' line."""
    lines = [safe_path(line) for line in summary_lines(scores)]
    if not lines:
        return out
    if len(lines) > SCORE_LINES_MAX:
        n = len(lines)
        lines = [
            f"Score: {display(scores.score)} {scores.tier} (mean of {n} files; "
            "--format markdown or html shows each file)"
        ]
    body = out.rstrip("\n").split("\n")
    return "\n".join([*body[:-1], *lines, body[-1]]) + "\n"
