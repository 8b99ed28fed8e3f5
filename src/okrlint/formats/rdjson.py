"""``rdjson``: reviewdog's Diagnostic Format, for teams that post findings with reviewdog."""

from __future__ import annotations

import json

from okrlint.formats.base import (
    INFORMATION_URI,
    RULES_URL,
    relative_path,
    rule_anchor,
)
from okrlint.report.base import Report

_RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render_rdjson(report: Report) -> str:
    diagnostics = [
        {
            "message": f.message,
            "location": {
                "path": relative_path(f.path)[0],
                "range": {
                    "start": {"line": f.line, "column": f.column},
                    "end": {"line": f.end_line, "column": f.end_column},
                },
            },
            "severity": _RDJSON_SEVERITY[f.severity],
            "code": {"value": f.code, "url": f"{RULES_URL}#{rule_anchor(f.code, f.name)}"},
        }
        for f in report.findings
    ]
    data = {"source": {"name": "okrlint", "url": INFORMATION_URI}, "diagnostics": diagnostics}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
