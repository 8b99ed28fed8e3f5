"""``github``: GitHub Actions workflow commands (annotations on the pull request)."""

from __future__ import annotations

from okrlint.formats.base import (
    relative_path,
)
from okrlint.report.base import Report
from okrlint.textsafe import safe_path, safe_text

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
            "file": safe_path(relative_path(f.path)[0]),
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
