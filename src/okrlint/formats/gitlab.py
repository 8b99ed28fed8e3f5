"""``gitlab``: the GitLab Code Quality report (a subset of the Code Climate format)."""

from __future__ import annotations

import json

from okrlint.formats.base import (
    fingerprints,
    relative_path,
)
from okrlint.report.base import Report

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render_gitlab(report: Report) -> str:
    issues = [
        {
            "description": f"{f.code}: {f.message}",
            "check_name": f.code,
            "fingerprint": fp,
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {"path": relative_path(f.path)[0], "lines": {"begin": f.line}},
        }
        for f, fp in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
