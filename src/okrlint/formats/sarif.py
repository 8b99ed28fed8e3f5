"""``sarif``: SARIF 2.1.0 (GitHub code scanning, VS Code's SARIF viewer, ...)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from okrlint import __version__
from okrlint.engine import Finding
from okrlint.formats.base import (
    fingerprints,
    relative_path,
)
from okrlint.registry import PROJECT_URL, Rule
from okrlint.report.base import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    summary = rule.summary.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.why.strip() or summary},
        "help": {"text": rule.fix.strip() or summary, "markdown": rule.explain()},
        **({"helpUri": rule.help_uri} if rule.help_uri else {}),
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
    rel, inside = relative_path(path)
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
                "informationUri": PROJECT_URL,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base if base.endswith("/") else base + "/"}},
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
