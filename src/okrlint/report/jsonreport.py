"""The ``json-report`` format: the scores of files, sets, objectives and key results as one
JSON object."""

from __future__ import annotations

import json
from typing import Any

from okrlint.report.base import (
    JSON_REPORT_VERSION,
    Report,
    report_scores,
)
from okrlint.report.score import (
    ObjectiveScore,
    SetScore,
)


def _objective_json(o: ObjectiveScore) -> dict[str, Any]:
    return {
        "text": o.objective.text,
        "line": o.objective.span.line,
        "score": o.score,
        "tier": o.tier,
    }


def _set_json(ss: SetScore) -> dict[str, Any]:
    return {
        "title": ss.okr_set.title,
        "line": ss.okr_set.span.line,
        "score": ss.score,
        "tier": ss.tier,
        "objectives": [_objective_json(o) for o in ss.objectives],
    }


def json_report(report: Report) -> dict[str, Any]:
    """The ``json-report`` object (before serialisation)."""
    scores = report_scores(report)
    return {
        "version": JSON_REPORT_VERSION,
        "date": report.run_date.isoformat() if report.run_date else None,
        "commit": report.commit,
        "score": scores.score,
        "tier": scores.tier,
        "scoring": scores.config.as_dict(),
        "files": [
            {
                "path": fs.path,
                "score": fs.score,
                "tier": fs.tier,
                "sets": [_set_json(ss) for ss in fs.sets] if fs.score is not None else [],
            }
            for fs in scores.files
        ],
        "findings": [f.as_json() for f in report.findings],
    }


def render_json_report(report: Report) -> str:
    return json.dumps(json_report(report), indent=2, ensure_ascii=False) + "\n"
