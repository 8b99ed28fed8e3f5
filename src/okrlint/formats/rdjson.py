"""``rdjson``: reviewdog's Diagnostic Format, for teams that post findings with reviewdog."""

from __future__ import annotations

import json
from typing import Any

from okrlint.formats.base import relative_path
from okrlint.registry import PROJECT_URL
from okrlint.report.base import Report, rule_link

_RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _code(report: Report, code: str) -> dict[str, Any]:
    url = rule_link(report.registry, code)
    return {"value": code, "url": url} if url else {"value": code}


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
            "code": _code(report, f.code),
        }
        for f in report.findings
    ]
    data = {"source": {"name": "okrlint", "url": PROJECT_URL}, "diagnostics": diagnostics}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
