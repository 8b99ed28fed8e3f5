"""``json``: a list of findings; ``json-lines``: one compact object per line, with a
fingerprint."""

from __future__ import annotations

import json

from okrlint.formats.base import (
    fingerprints,
)
from okrlint.report.base import Report


def render_json(report: Report) -> str:
    return json.dumps([f.as_json() for f in report.findings], indent=2, ensure_ascii=False) + "\n"


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
